// Found by tests/faults/two-workers.test.ts (about 1 run in 6): a confirmation pass read an order's two
// unconfirmed lines, another worker served one of them before the pass wrote, and the order was then
// confirmed in two emails — one per line, in two passes. An order is confirmed whole, in one email.
import { beforeEach, describe, expect, it, vi } from "vitest";
import prisma from "~/db.server";
import { confirmPendingOrders } from "~/workflows/ledger/confirm.server";
import { computeVariantEtas } from "~/workflows/catalog/eta.server";
import { backorderableVariant, ledgerShop, outbox, type LedgerShop } from "./ledger-support";

vi.mock("~/workflows/catalog/eta.server", async (importOriginal) => {
  const original = await importOriginal<typeof import("~/workflows/catalog/eta.server")>();
  return { ...original, computeVariantEtas: vi.fn(original.computeVariantEtas) };
});

let env: LedgerShop;
beforeEach(async () => {
  env = await ledgerShop();
});

async function waitingLine(variantId: string, lineItem: string) {
  return prisma.backorderLine.create({
    data: {
      shop: env.shop,
      variantId,
      orderId: "gid://shopify/Order/5400000000001",
      orderName: "#1001",
      lineItemId: `gid://shopify/LineItem/${lineItem}`,
      quantity: 1,
      customerEmail: "dan@example.com",
      orderedAt: env.clock.date(),
    },
  });
}

describe("confirming an order while another worker serves it", () => {
  it("sends one confirmation for the whole order", async () => {
    // GIVEN an order owing a mug and a bowl, recorded and not confirmed yet
    const mug = await backorderableVariant(env, { title: "Mug", available: 0 });
    const bowl = await backorderableVariant(env, { title: "Bowl", available: 0 });
    const mugLine = await waitingLine(mug.variantId, "5400000000011");
    await waitingLine(bowl.variantId, "5400000000012");

    // WHEN a confirmation pass has read the order, and another worker serves the mug line before the pass
    // writes (stock arrived), and then a later pass runs
    const actual = (await vi.importActual<typeof import("~/workflows/catalog/eta.server")>("~/workflows/catalog/eta.server")).computeVariantEtas;
    vi.mocked(computeVariantEtas).mockImplementationOnce(async (args) => {
      const result = await actual(args);
      await prisma.backorderLine.update({ where: { id: mugLine.id }, data: { status: "allocated", allocatedAt: env.clock.date() } });
      return result;
    });
    const variantIds = [mug.variantId, bowl.variantId];
    const now = env.clock.date();
    const first = await confirmPendingOrders({ shop: env.shop, variantIds, actionable: new Set(variantIds), now });
    const second = await confirmPendingOrders({ shop: env.shop, variantIds, actionable: new Set(variantIds), now });

    // THEN the customer got exactly one confirmation, naming both lines, and both lines are confirmed
    const confirmations = await outbox("backorder_confirmation");
    expect(confirmations).toHaveLength(1);
    expect(first.confirmedOrders + second.confirmedOrders).toBe(1);
    expect(first.confirmedLines + second.confirmedLines).toBe(2);
    const lines = await prisma.backorderLine.findMany({ select: { notifiedLatest: true } });
    expect(lines.every((l) => l.notifiedLatest !== null)).toBe(true);
  });
});
