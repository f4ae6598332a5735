// One bad row already in the database (a batch dated 9999-12-31, saved before dates were validated) must
// not break the Products list, its filters or "Check stock now": that variant is skipped and flagged,
// every other variant still gets its estimate.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { createWorker } from "~/jobs/worker.server";
import { action as activityAction } from "~/routes/app.activity";
import { loader as productsLoader } from "~/routes/app.products._index";
import { seedDemoShop, type DemoShop } from "../../dev/admin-fake";
import { callRoute } from "../helpers/routes";
import { TEST_SHOP, embeddedDocumentRequest, embeddedFetchRequest } from "../helpers/requests";
import { installFakeShop } from "../helpers/shop";

let fake: Awaited<ReturnType<typeof installFakeShop>>;
let demo: DemoShop;

beforeEach(async () => {
  await prisma.job.deleteMany({});
  await prisma.backorderVariant.deleteMany({});
  fake = await installFakeShop();
  demo = seedDemoShop(fake.store);
});

/** The sold-out Butter Dish with a batch dated 9999-12-31, and another managed sold-out variant. */
async function shopWithOneBadBatch() {
  const butter = demo.variants["MA-BTD"]!;
  const other = Object.values(demo.variants).find((v) => v.productId !== butter.productId && v.sku)!;
  fake.store.setAvailable(other.id, 0);
  const rows = await Promise.all(
    [butter, other].map((v) =>
      prisma.backorderVariant.create({ data: { shop: TEST_SHOP, productId: v.productId, variantId: v.id, mode: "always", leadTimeDays: 20, available: 0 } }),
    ),
  );
  await prisma.incomingBatch.create({ data: { shop: TEST_SHOP, backorderVariantId: rows[0]!.id, quantity: 5, expectedOn: "9999-12-31", receivedOn: "9999-12-31", supplier: "Atelier Nord" } });
  return { butter, other };
}

type Row = { variantId: string; nextEta: unknown; dataProblem: boolean };

async function listRows(query = "") {
  const response = await callRoute(productsLoader, await embeddedDocumentRequest(`/app/products${query}`));
  return { status: response.status, rows: response.status === 200 ? ((await response.json()).listing.rows as Row[]) : [] };
}

describe("a batch dated 9999-12-31 in the database", () => {
  it("leaves the Products list working: the variant is flagged, the others keep their estimate", async () => {
    // GIVEN one variant with a 9999-12-31 batch and another healthy managed variant
    const { butter, other } = await shopWithOneBadBatch();

    // WHEN the merchant opens Products, and its Backorderable and At risk tabs
    const all = await listRows(`?q=${encodeURIComponent("Butter Dish")}`);
    const backorderable = await listRows("?tab=backorderable");
    const atRisk = await listRows("?tab=at_risk");

    // THEN every page renders; the bad variant is flagged without an estimate, the other has one
    expect([all.status, backorderable.status, atRisk.status]).toEqual([200, 200, 200]);
    expect(all.rows.find((r) => r.variantId === butter.id)).toMatchObject({ dataProblem: true, nextEta: null });
    const healthy = backorderable.rows.find((r) => r.variantId === other.id);
    expect(healthy).toMatchObject({ dataProblem: false });
    expect(healthy?.nextEta).not.toBeNull();
  });

  it("lets Check stock now finish and sync every other variant", async () => {
    // GIVEN the same shop, where no variant has been synced yet
    const { butter, other } = await shopWithOneBadBatch();

    // WHEN the merchant clicks Check stock now and the worker runs the job
    const response = await callRoute(
      activityAction,
      await embeddedFetchRequest("/app/activity", { init: { method: "POST", body: new URLSearchParams({ intent: "reconcile" }) } }),
    );
    await createWorker({ schedule: false, deliverEmails: false, log: () => {} }).drain();

    // THEN the job succeeded, the healthy variant's estimate reached Shopify, the bad one was left alone
    expect(response.status).toBe(200);
    expect(await prisma.job.findMany({ select: { kind: true, status: true } })).toEqual([{ kind: "shop.reconcile", status: "succeeded" }]);
    expect(fake.store.findMetafield(other.id, "$app:backorder", "eta")).toBeDefined();
    expect(fake.store.findMetafield(butter.id, "$app:backorder", "eta")).toBeUndefined();
  });
});
