// Products: tabs and search pick variants, not whole products.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { action, loader } from "~/routes/app.products._index";
import { seedDemoShop } from "../../dev/admin-fake";
import { callRoute } from "../helpers/routes";
import { embeddedDocumentRequest, embeddedFetchRequest } from "../helpers/requests";
import { installFakeShop } from "../helpers/shop";

type Row = { productTitle: string; variantTitle: string; sku: string | null; available: number; mode: string; variantId: string };

beforeEach(async () => {
  await prisma.backorderVariant.deleteMany({});
  const fake = await installFakeShop();
  seedDemoShop(fake.store);
});

async function rows(path: string): Promise<Row[]> {
  const response = await callRoute(loader, await embeddedDocumentRequest(path));
  expect(response.status).toBe(200);
  return (await response.json()).listing.rows;
}

describe("products list filters variants", () => {
  it("lists the sold-out variants of a product that still has stock in others, and only those", async () => {
    // GIVEN the Stoneware Mug: Sage and Terracotta sold out, Oat and Charcoal in stock
    // WHEN the merchant opens the Sold out tab
    const listed = await rows("/app/products?tab=sold_out");

    // THEN the mug's sold-out variants are listed, its in-stock ones are not, and no listed row has stock
    const mug = listed.filter((r) => r.productTitle === "Stoneware Mug").map((r) => r.variantTitle).sort();
    expect(mug).toEqual(["Sage", "Terracotta"]);
    expect(listed.every((r) => r.available <= 0)).toBe(true);
  });

  it("lists only the variants on backorder in the Backorderable tab", async () => {
    // GIVEN one variant of the mug put on backorder (bulk enable)
    const all = await rows("/app/products?q=Stoneware");
    const terracotta = all.find((r) => r.variantTitle === "Terracotta");
    if (!terracotta) throw new Error("The seeded mug has no Terracotta variant");
    const body = new URLSearchParams({ intent: "enable", variantIds: JSON.stringify([terracotta.variantId]) });
    const enabled = await callRoute(action, await embeddedFetchRequest("/app/products?index", { init: { method: "POST", body } }));
    expect(enabled.status).toBe(200);

    // WHEN the merchant opens the Backorderable tab
    const listed = await rows("/app/products?tab=backorderable");

    // THEN the Terracotta mug is the only row: its sibling variants (mode Off) are not listed
    expect(listed.map((r) => [r.productTitle, r.variantTitle, r.mode])).toEqual([["Stoneware Mug", "Terracotta", "when_sold_out"]]);
  });

  it("returns only the matching variant when searching a SKU", async () => {
    // GIVEN the mug's variants have their own SKUs
    const all = await rows("/app/products?q=Stoneware");
    const sage = all.find((r) => r.variantTitle === "Sage");
    expect(all.length).toBeGreaterThan(1);

    // WHEN the merchant searches that SKU
    const listed = await rows(`/app/products?q=${encodeURIComponent(sage?.sku ?? "")}`);

    // THEN only that variant is listed
    expect(listed.map((r) => r.sku)).toEqual([sage?.sku]);
  });
});
