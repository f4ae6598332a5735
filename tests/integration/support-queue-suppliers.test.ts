// The support queue's supplier filter (issue 11, phase 2): each order's case holds the suppliers named on
// the pending batches of what it waits for, kept up to date as orders and batches change, and the queue
// filters on it (with the other filters, in the URL, and in the CSV export).
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { enqueueVariantRecompute } from "~/jobs/schedule.server";
import { loader as queueLoader } from "~/routes/app.support._index";
import { loader as csvLoader } from "~/routes/app.support[.]csv";
import { embeddedDocumentRequest } from "../helpers/requests";
import { callRoute } from "../helpers/routes";
import { backorderableVariant, deliver, ledgerShop, placeOrder, runAllJobs, type LedgerShop } from "./ledger-support";

let env: LedgerShop;

beforeEach(async () => {
  env = await ledgerShop();
});

const day = (n: number) => new Date(env.clock.now() + n * 86_400_000).toISOString().slice(0, 10);

async function variantFrom(title: string, supplier: string | null, inDays = 10) {
  const { variantId, productId } = await backorderableVariant(env, { title, available: 0, leadTimeDays: 120 });
  const row = await prisma.backorderVariant.findFirstOrThrow({ where: { variantId }, select: { id: true } });
  const batch = await prisma.incomingBatch.create({ data: { shop: env.shop, backorderVariantId: row.id, quantity: 20, expectedOn: day(inDays), supplier } });
  return { variantId, productId, batchId: batch.id };
}

async function order(variantId: string, email: string) {
  const placed = placeOrder(env.fake, { variantId, email });
  env.clock.advance(1_000);
  expect((await deliver(placed.delivery)).status).toBe(200);
  return placed.order;
}

async function queue(query = "") {
  const response = await callRoute(queueLoader, await embeddedDocumentRequest(`/app/support${query}`));
  expect(response.status).toBe(200);
  return (await response.json()) as { suppliers: string[]; queue: { rows: { orderId: string }[] } };
}

const ids = async (query: string) => (await queue(query)).queue.rows.map((r) => r.orderId).sort();

async function recompute(variantId: string) {
  await enqueueVariantRecompute({ shop: env.shop, variantIds: [variantId], now: env.clock.date() });
  await runAllJobs(env.worker, env.clock);
}

describe("the supplier filter", () => {
  it("lists the shop's suppliers and keeps the orders waiting on one", async () => {
    // GIVEN a mug from Atelier Limoges, a plate from Tissage du Nord, a bowl with no supplier named, one order each
    const mug = await variantFrom("Mug", "Atelier Limoges");
    const plate = await variantFrom("Plate", "Tissage du Nord");
    const bowl = await variantFrom("Bowl", null);
    const [a, b, c] = [await order(mug.variantId, "ana@example.com"), await order(plate.variantId, "ben@example.com"), await order(bowl.variantId, "cy@example.com")];
    await runAllJobs(env.worker, env.clock);
    // AND another shop whose supplier must not show
    await prisma.backorderVariant.create({ data: { shop: "other-shop.myshopify.com", productId: "gid://shopify/Product/1", variantId: "gid://shopify/ProductVariant/1", batches: { create: { shop: "other-shop.myshopify.com", quantity: 1, expectedOn: day(5), supplier: "Secret Supplier" } } } });

    // THEN the filter offers this shop's suppliers, A to Z
    expect((await queue()).suppliers).toEqual(["Atelier Limoges", "Tissage du Nord"]);
    // AND each supplier's view holds the orders waiting on it, with the other filters too
    expect(await ids(`?supplier=${encodeURIComponent("Atelier Limoges")}`)).toEqual([a.id]);
    expect(await ids(`?supplier=${encodeURIComponent("Tissage du Nord")}`)).toEqual([b.id]);
    expect(await ids(`?supplier=${encodeURIComponent("Tissage du Nord")}&q=ana`)).toEqual([]);
    expect(await ids(`?supplier=${encodeURIComponent("Secret Supplier")}`)).toEqual([]);
    expect(await ids("")).toEqual([a.id, b.id, c.id].sort());
    // AND the CSV export of the filter lists the same order
    const csv = await (await callRoute(csvLoader, await embeddedDocumentRequest(`/app/support.csv?supplier=${encodeURIComponent("Atelier Limoges")}`))).text();
    expect(csv.trim().split("\n")).toHaveLength(2);
  });

  it("follows the batches: a new supplier's batch, a renamed one, and one received", async () => {
    // GIVEN an order waiting on Atelier Limoges' batch
    const mug = await variantFrom("Mug", "Atelier Limoges");
    const placed = await order(mug.variantId, "ana@example.com");
    await runAllJobs(env.worker, env.clock);
    expect(await ids("?supplier=Atelier%20Limoges")).toEqual([placed.id]);

    // WHEN the batch's supplier is corrected (same dates: no estimate moves) and the variant recomputed
    await prisma.incomingBatch.updateMany({ where: { id: mug.batchId }, data: { supplier: "Atelier Vierzon" } });
    await recompute(mug.variantId);
    // THEN the order is found under the new name only
    expect(await ids("?supplier=Atelier%20Limoges")).toEqual([]);
    expect(await ids("?supplier=Atelier%20Vierzon")).toEqual([placed.id]);

    // WHEN a second batch comes from another supplier
    const row = await prisma.backorderVariant.findFirstOrThrow({ where: { variantId: mug.variantId }, select: { id: true } });
    await prisma.incomingBatch.create({ data: { shop: env.shop, backorderVariantId: row.id, quantity: 5, expectedOn: day(20), supplier: "Grès | Cie" } });
    await recompute(mug.variantId);
    // THEN the order waits on both (a "|" in a name is no separator)
    expect(await ids("?supplier=Atelier%20Vierzon")).toEqual([placed.id]);
    expect(await ids(`?supplier=${encodeURIComponent("Grès | Cie")}`)).toEqual([placed.id]);

    // WHEN the first batch is received
    await prisma.incomingBatch.updateMany({ where: { id: mug.batchId }, data: { receivedOn: day(0) } });
    await recompute(mug.variantId);
    // THEN the order no longer waits on that supplier
    expect(await ids("?supplier=Atelier%20Vierzon")).toEqual([]);
    expect(await prisma.supportCase.findFirstOrThrow({ where: { orderId: placed.id }, select: { suppliers: true } })).toEqual({ suppliers: "|Grès / Cie|" });
  });
});
