// Seeds the support desk of the large shop (dev/bench/admin-seed.ts) for the support benchmark
// (`npm run bench -- support`) and the query-plan test: one SupportCase per order of the waiting lines
// already seeded (100,000 at scale 1), with the columns the ledger would have written, and the staff's
// state a busy desk has: 5 % resolved, 3 % waiting on the customer, 10 % assigned, 0.5 % with an unanswered
// complaint. Every variant gets a pending batch from one of eight suppliers (and a received one), so the
// supplier filter has something to find. Deterministic (seeded PRNG).
import type { PrismaClient } from "@prisma/client";
import { caseTerms } from "../../app/domain/case-terms";
import { rng } from "./lib";

export const BENCH_SUPPLIERS = ["Atelier Limoges", "Tissage du Nord", "Grès de Puisaye", "Verrerie de Biot", "Fonderie Lyonnaise", "Bois du Jura", "Céramique Vallauris", "Papeterie Annonay"];

const DAY = 86_400_000;
const CHUNK = 2_000;

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export async function seedSupportDesk(prisma: PrismaClient, { shop, now = new Date() }: { shop: string; now?: Date }) {
  const random = rng(29);
  const t0 = now.getTime();
  const variants = await prisma.backorderVariant.findMany({ where: { shop }, select: { id: true, variantId: true, productId: true }, orderBy: { variantId: "asc" } });
  const supplierOf = new Map<string, string>();
  const batches = variants.flatMap((v, i) => {
    const supplier = BENCH_SUPPLIERS[i % BENCH_SUPPLIERS.length] as string;
    supplierOf.set(v.variantId, supplier);
    return [
      { shop, backorderVariantId: v.id, quantity: 10, expectedOn: isoDay(t0 - 40 * DAY), receivedOn: isoDay(t0 - 36 * DAY), supplier },
      { shop, backorderVariantId: v.id, quantity: 50, expectedOn: isoDay(t0 + (400 + (i % 30)) * DAY), receivedOn: null, supplier },
    ];
  });
  for (let i = 0; i < batches.length; i += CHUNK) await prisma.incomingBatch.createMany({ data: batches.slice(i, i + CHUNK) });
  const productOf = new Map(variants.map((v) => [v.variantId, v.productId]));

  let cases = 0;
  let afterId: string | undefined;
  for (;;) {
    const lines = await prisma.backorderLine.findMany({
      where: { shop, ...(afterId ? { id: { gt: afterId } } : {}) },
      orderBy: { id: "asc" },
      take: CHUNK,
      select: { id: true, orderId: true, orderName: true, customerEmail: true, customerName: true, customerLocale: true, orderedAt: true, promisedLatest: true, variantId: true, productTitle: true, variantTitle: true, quantity: true },
    });
    if (lines.length === 0) break;
    afterId = lines.at(-1)?.id;
    const rows = lines.map((line) => {
      const roll = random();
      const late = line.promisedLatest !== null && line.promisedLatest < isoDay(t0);
      const daysLate = late ? 1 + Math.floor(random() * 30) : 0;
      const state = late ? (roll < 0.5 ? "at_risk" : "delayed") : "waiting";
      const status = roll < 0.05 ? "resolved" : roll < 0.08 ? "waiting_customer" : "open";
      const supplier = supplierOf.get(line.variantId);
      return {
        id: `bench-case-${line.id}`,
        shop,
        orderId: line.orderId,
        orderName: line.orderName,
        customerName: line.customerName ?? `Customer ${line.orderName.slice(1)}`,
        customerEmail: line.customerEmail,
        customerLocale: line.customerLocale,
        orderedAt: line.orderedAt,
        status,
        state,
        itemsOwed: line.quantity,
        promisedLatest: line.promisedLatest,
        estimateLatest: line.promisedLatest ? isoDay(Date.parse(line.promisedLatest) + daysLate * DAY) : null,
        daysLate,
        productIds: `|${productOf.get(line.variantId) ?? ""}|`,
        products: [line.productTitle, line.variantTitle].filter(Boolean).join(" – "),
        suppliers: supplier ? `|${supplier}|` : "|",
        openComplaintAt: random() < 0.005 && status !== "resolved" ? new Date(t0 - Math.floor(random() * 5 * DAY)) : null,
        assignee: random() < 0.1 ? `Agent ${Math.floor(random() * 6)}` : null,
        lastContactAt: line.orderedAt,
      };
    });
    await prisma.supportCase.createMany({ data: rows });
    await prisma.supportCaseTerm.createMany({ data: rows.flatMap((row) => caseTerms(row).map((term) => ({ shop, term, caseId: row.id }))) });
    cases += lines.length;
  }
  for (const table of ["SupportCase", "SupportCaseTerm", "IncomingBatch"]) await prisma.$executeRawUnsafe(`ANALYZE "${table}"`);
  return { cases, suppliers: BENCH_SUPPLIERS.length };
}
