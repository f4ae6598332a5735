// A year of history for the demo shop's dashboard (issue 13): backorders of the managed variants placed week
// after week over the last 365 days and since delivered (most on time, some late after a delay notice) or
// cancelled for a refund (the customer's choice from a delay email, or support cancelling a delayed order), and
// deliveries from three suppliers of different reliability. Written straight into the app's tables as the ledger
// and the support desk would have left them; only closed lines (fulfilled or cancelled) and received batches, so
// nothing the demo shows as waiting, and no date the engine promises today, changes. Deterministic (seeded PRNG).
// The history suppliers are not the demo's current ones (Atelier Limoges, Tissage du Nord), and their batches
// are dated before the current ones, so the lateness the ETA engine applies to today's batches is unchanged.
import { rng } from "../bench/lib";

type Load = (path: string) => Promise<Record<string, unknown>>;

const DAY = 86_400_000;
/** Reliable, erratic, usually a little late: the suppliers table and bars have something to compare. */
const SUPPLIERS = [
  { name: "Grès de Puisaye", lateDays: (r: number) => (r < 0.85 ? 0 : 1) },
  { name: "Verrerie de Biot", lateDays: (r: number) => Math.floor(r * 12) },
  { name: "Fonderie Lyonnaise", lateDays: (r: number) => 2 + Math.floor(r * 4) },
];
/** Sent emails are kept 90 days (RETENTION_DAYS.sentEmails): older delay notices are gone, as in a real shop. */
const NOTICES_KEPT_DAYS = 85;

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export async function seedHistory({ shop, load, now = new Date() }: { shop: string; load: Load; now?: Date }) {
  const { default: prisma } = (await load("/app/db.server.ts")) as { default: import("@prisma/client").PrismaClient };
  const random = rng(2026);
  const t0 = now.getTime();
  const variants = await prisma.backorderVariant.findMany({
    where: { shop, mode: { not: "off" } },
    select: { id: true, variantId: true, productTitle: true, variantTitle: true },
    orderBy: { variantId: "asc" },
  });
  if (variants.length === 0) return { lines: 0, batches: 0, notices: 0, cancellations: 0 };

  // Deliveries: one per supplier every four weeks, from a year ago to six weeks ago.
  const batches = [];
  for (let week = 52; week >= 6; week -= 4) {
    for (const [s, supplier] of SUPPLIERS.entries()) {
      const expected = t0 - (week * 7 + s * 2) * DAY;
      const variant = variants[(week + s) % variants.length] as (typeof variants)[number];
      batches.push({
        shop,
        backorderVariantId: variant.id,
        quantity: 20 + ((week + s) % 3) * 10,
        expectedOn: isoDay(expected),
        receivedOn: isoDay(expected + supplier.lateDays(random()) * DAY),
        supplier: supplier.name,
      });
    }
  }
  await prisma.incomingBatch.createMany({ data: batches });

  // Backorders: 2 to 5 a week per variant, closed by now.
  const lines = [];
  const notices = [];
  const cancellations = [];
  let n = 0;
  for (let day = 364; day >= 3; day -= 7) {
    for (const [v, variant] of variants.entries()) {
      const count = 2 + Math.floor(random() * 4);
      for (let k = 0; k < count; k++) {
        n += 1;
        const orderedAt = new Date(t0 - day * DAY + Math.floor(random() * 6 * DAY));
        const promiseDays = 21 + (v % 3) * 7;
        const promised = isoDay(orderedAt.getTime() + promiseDays * DAY);
        // Most arrive within the promise; one in five is late by up to two weeks.
        const late = random() < 0.2;
        const waitDays = late ? promiseDays + 1 + Math.floor(random() * 14) : Math.max(3, promiseDays - 10 + Math.floor(random() * 9));
        const readyAt = orderedAt.getTime() + waitDays * DAY + Math.floor(random() * 8) * 3_600_000;
        const cancelled = late && random() < 0.3;
        const closedAt = cancelled ? orderedAt.getTime() + (promiseDays + 2) * DAY : readyAt;
        if (closedAt >= t0) continue; // still open: the live demo's own orders play that part
        const quantity = 1 + (n % 3 === 0 ? 1 : 0);
        const priceMinor = 2400 + (v % 4) * 800;
        const orderId = `gid://shopify/Order/7${String(n).padStart(6, "0")}`;
        const email = `history-${n}@example.com`;
        const id = `history-line-${n}`;
        lines.push({
          id,
          shop,
          variantId: variant.variantId,
          orderId,
          orderName: `#H${1000 + n}`,
          lineItemId: `gid://shopify/LineItem/7${String(n).padStart(6, "0")}`,
          quantity,
          customerEmail: email,
          customerLocale: n % 3 === 0 ? "fr" : "en",
          orderedAt,
          promisedLatest: promised,
          // A late line's customer was told the later date by a delay notice.
          notifiedLatest: late ? isoDay(orderedAt.getTime() + (promiseDays + 10) * DAY) : promised,
          productTitle: variant.productTitle,
          variantTitle: variant.variantTitle,
          status: cancelled ? "cancelled" : "fulfilled",
          allocatedAt: cancelled ? null : new Date(readyAt),
          unitPriceMinor: priceMinor,
          currency: "EUR",
          createdAt: orderedAt,
          updatedAt: new Date(closedAt),
        });
        const noticeAt = orderedAt.getTime() + (promiseDays - 3) * DAY;
        if (late && noticeAt > t0 - NOTICES_KEPT_DAYS * DAY) {
          notices.push({
            shop,
            dedupeKey: `history:delay:${n}`,
            kind: "delay_notice",
            toEmail: email,
            subject: "A new date for your order",
            html: "<p>Your order will arrive later than we said.</p>",
            text: "Your order will arrive later than we said.",
            status: "sent",
            attempts: 1,
            sentAt: new Date(noticeAt),
            createdAt: new Date(noticeAt),
            nextAttemptAt: new Date(noticeAt),
          });
        }
        if (cancelled) {
          // Half chose "cancel" from the delay email's link, half asked support, who cancelled the delayed order.
          const byCustomer = n % 2 === 0;
          const amount = ((priceMinor * quantity) / 100).toFixed(2);
          cancellations.push({
            shop,
            orderId,
            scope: "lines",
            lineIds: JSON.stringify([id]),
            source: byCustomer ? "customer" : "staff",
            requestedBy: byCustomer ? "customer" : "staff:demo",
            status: "refunded",
            key: `history:${n}`,
            amount,
            currency: "EUR",
            createdAt: new Date(closedAt - DAY),
            completedAt: new Date(closedAt),
            followedUpAt: new Date(closedAt),
          });
        }
      }
    }
  }
  for (let i = 0; i < lines.length; i += 500) await prisma.backorderLine.createMany({ data: lines.slice(i, i + 500) });
  await prisma.emailOutbox.createMany({ data: notices });
  await prisma.supportCancellation.createMany({ data: cancellations });
  return { lines: lines.length, batches: batches.length, notices: notices.length, cancellations: cancellations.length };
}
