// Recent sales for the sell-out forecast count every line item of an order, however many it has, through
// the library's real admin.graphql against the schema-checked Admin fake, each query under Shopify's cost cap.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { unauthenticated } from "~/shopify.server";
import { fetchRecentSales } from "~/shopify/sales.server";
import { type AdminFake, SINGLE_QUERY_MAX_COST } from "../../dev/admin-fake";
import { TEST_SHOP } from "../helpers/requests";
import { installFakeShop } from "../helpers/shop";

let fake: AdminFake;

beforeEach(async () => {
  await prisma.session.deleteMany({});
  fake = await installFakeShop();
});

describe("recent sales of a variant", () => {
  it("counts the variant's units on every line of an order with 60 line items", async () => {
    // GIVEN a wholesale order of 60 lines, the sage mug on line 41 (3 units) and line 60 (4 units),
    // and a later small order with 2 sage mugs on its only line
    const { variants: others } = fake.store.addProduct({
      title: "Sampler",
      variants: Array.from({ length: 58 }, (_, i) => ({ title: `Glaze ${i + 1}`, sku: `SMP-${i + 1}`, options: { Glaze: `G${i + 1}` } })),
    });
    const { variants } = fake.store.addProduct({ title: "Stoneware Mug", variants: [{ sku: "MUG-SAGE", available: 50 }] });
    const mug = (variants[0] as { id: string }).id;
    const lines = others.map((v) => ({ variantId: v.id, quantity: 1 }));
    lines.splice(40, 0, { variantId: mug, quantity: 3 });
    lines.push({ variantId: mug, quantity: 4 });
    expect(lines).toHaveLength(60);
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000).toISOString();
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    fake.store.addOrder({ lineItems: lines, createdAt: twoDaysAgo, commitInventory: false, email: "shop@example.com" });
    fake.store.addOrder({ lineItems: [{ variantId: mug, quantity: 2 }], createdAt: yesterday, commitInventory: false, email: "c@example.com" });

    // WHEN the forecast reads the mug's sales of the last four weeks
    const { admin } = await unauthenticated.admin(TEST_SHOP);
    const sales = await fetchRecentSales(admin.graphql, { variantId: mug, sku: "MUG-SAGE", since: new Date(Date.now() - 28 * 86_400_000) });

    // THEN both orders count in full, newest first, and no query asked for more than Shopify allows
    expect(sales.map((s) => s.units)).toEqual([2, 7]);
    expect(sales.map((s) => s.at.toISOString())).toEqual([yesterday, twoDaysAgo]);
    const reads = fake.calls.filter((c) => c.operationName?.startsWith("BackorderPilotRecentSales"));
    expect(reads.length).toBeGreaterThan(1);
    for (const call of reads) expect(call.requestedQueryCost).toBeLessThanOrEqual(SINGLE_QUERY_MAX_COST);
  });
});
