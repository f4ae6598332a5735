// Marking a batch received on the product page: the merchant may add its units to Shopify's inventory
// (inventoryAdjustQuantities, once per batch whatever the retries) or is told Shopify's stock is unchanged.
// Through the real loader/action against the schema-checked Admin fake, with the ledger's jobs run after.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { action, loader } from "~/routes/app.products.$id";
import { seedDemoShop, type DemoShop } from "../../dev/admin-fake";
import { callRoute } from "../helpers/routes";
import { embeddedDocumentRequest, embeddedFetchRequest } from "../helpers/requests";
import { deliver, ledgerShop, placeOrder, runAllJobs, type LedgerShop } from "./ledger-support";

let ledger: LedgerShop;
let demo: DemoShop;

beforeEach(async () => {
  ledger = await ledgerShop();
  demo = seedDemoShop(ledger.fake.store);
});

const number = (gid: string) => gid.split("/").pop()!;
const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const blankSettings = { cap: "", leadTimeDays: "", capacityPerWeek: "", startsOn: "", endsOn: "", messageEn: "", messageFr: "" };

async function post(productNumber: string, fields: Record<string, string>) {
  return callRoute(
    action,
    await embeddedFetchRequest(`/app/products/${productNumber}`, { init: { method: "POST", body: new URLSearchParams(fields) } }),
    { id: productNumber },
  );
}

async function open(productNumber: string, variantNumber: string) {
  const response = await callRoute(loader, await embeddedDocumentRequest(`/app/products/${productNumber}?variant=${variantNumber}`), {
    id: productNumber,
  });
  expect(response.status).toBe(200);
  return (await response.json()).editor;
}

/** The sold-out Butter Dish on backorder with one pending batch of 10; the page as the merchant opens it. */
async function pendingBatch() {
  const variant = demo.variants["MA-BTD"]!;
  const productNumber = number(variant.productId);
  const variantNumber = number(variant.id);
  await post(productNumber, { intent: "save-variant", variantId: variant.id, ...blankSettings, mode: "always", leadTimeDays: "30" });
  await post(productNumber, { intent: "save-batch", variantId: variant.id, quantity: "10", expectedOn: daysFromNow(5), receivedOn: "", supplier: "Atelier Nord" });
  const editor = await open(productNumber, variantNumber);
  const batch = editor.batches[0];
  const itemId = ledger.fake.store.getVariant(variant.id).inventoryItemId;
  /** The edit dialog's form as the merchant submits it after typing the received date. */
  const received = (extra: Record<string, string> = {}) => ({
    intent: "save-batch",
    variantId: variant.id,
    batchId: batch.id,
    version: String(batch.version),
    quantity: "10",
    expectedOn: batch.expectedOn,
    receivedOn: daysFromNow(0),
    supplier: "Atelier Nord",
    ...extra,
  });
  return { variant, productNumber, variantNumber, editor, batch, itemId, received };
}

const adjustments = () => ledger.fake.calls.filter((c) => c.rootFields.includes("inventoryAdjustQuantities"));
const storedBatch = (id: string) => prisma.incomingBatch.findUniqueOrThrow({ where: { id } });

describe("marking a batch received on the product page", () => {
  it("offers the active locations that stock the variant, the shop's primary location first", async () => {
    // GIVEN a pending batch of a variant stocked at the atelier (primary) and the Lyon warehouse
    // WHEN the merchant opens the product page
    const { editor } = await pendingBatch();

    // THEN both locations are offered, primary first, with their stock
    expect(editor.inventoryLocations.map((l: { name: string }) => l.name)).toEqual(["Atelier Limoges", "Lyon Warehouse"]);
  });

  it("adds the units to Shopify once at the chosen location, even when the form is submitted twice", async () => {
    // GIVEN a pending batch of 10 and the warehouse's stock
    const { productNumber, batch, itemId, received, editor } = await pendingBatch();
    const warehouse = editor.inventoryLocations[1].id as string;
    const before = ledger.fake.store.quantity(itemId, warehouse, "available");
    const groupsBefore = ledger.fake.store.adjustmentGroups.size;

    // WHEN the dialog is saved with "add to inventory at Lyon Warehouse" ticked, twice at once, then once more
    const form = received({ addToInventory: "1", inventoryLocationId: warehouse });
    const [first, second] = await Promise.all([post(productNumber, form), post(productNumber, form)]);
    const third = await post(productNumber, form);

    // THEN the warehouse holds exactly 10 more units, from one adjustment with reason "received"
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    expect(third.status).toBe(409);
    expect(ledger.fake.store.quantity(itemId, warehouse, "available")).toBe(before + 10);
    expect(ledger.fake.store.adjustmentGroups.size).toBe(groupsBefore + 1);
    expect([...ledger.fake.store.adjustmentGroups.values()].at(-1)).toMatchObject({ reason: "received" });
    // AND both racing submits sent the same idempotency key (Shopify replayed the second)
    expect(adjustments()).toHaveLength(2);
    expect(new Set(adjustments().map((c) => c.variables.idempotencyKey)).size).toBe(1);
    // AND the batch is recorded as received
    expect((await storedBatch(batch.id)).receivedOn).toBe(daysFromNow(0));
  });

  it("adds nothing again when a form without a version is resubmitted after the batch was received", async () => {
    // GIVEN a batch already received into the atelier's stock
    const { productNumber, itemId, received, editor } = await pendingBatch();
    const atelier = editor.inventoryLocations[0].id as string;
    const before = ledger.fake.store.quantity(itemId, atelier, "available");
    const form = { ...received({ addToInventory: "1", inventoryLocationId: atelier }), version: "" };
    expect((await post(productNumber, form)).status).toBe(200);

    // WHEN the same form (from a client that sends no version) arrives again
    const again = await post(productNumber, form);

    // THEN it saves without a second adjustment
    expect(again.status).toBe(200);
    expect(adjustments()).toHaveLength(1);
    expect(ledger.fake.store.quantity(itemId, atelier, "available")).toBe(before + 10);
  });

  it("shows Shopify's refusal next to the box and does not mark the batch received", async () => {
    // GIVEN a location that does not stock the variant
    const { productNumber, batch, itemId, received } = await pendingBatch();
    const popUp = ledger.fake.store.addLocation({
      name: "Pop-up Paris",
      address: { address1: "1 rue de Rivoli", city: "Paris", zip: "75001", country: "France", countryCode: "FR" },
    });
    const totalBefore = ledger.fake.store.available(demo.variants["MA-BTD"]!.id);

    // WHEN the merchant asks to receive the batch there
    const response = await post(productNumber, received({ addToInventory: "1", inventoryLocationId: popUp.id }));

    // THEN Shopify's reason is shown on the field, and neither Shopify's stock nor the batch changed
    expect(response.status).toBe(422);
    const { errors } = await response.json();
    expect(errors.addToInventory).toMatch(/not marked received.*not stocked at the location/);
    expect((await storedBatch(batch.id)).receivedOn).toBeNull();
    expect(ledger.fake.store.available(demo.variants["MA-BTD"]!.id)).toBe(totalBefore);
    expect(ledger.fake.store.quantity(itemId, popUp.id, "available")).toBe(0);
  });

  it("records the date only, with no call to Shopify's inventory, when the box is not ticked", async () => {
    // GIVEN a pending batch
    const { productNumber, batch, variant, received } = await pendingBatch();
    const totalBefore = ledger.fake.store.available(variant.id);

    // WHEN the dialog is saved with the received date and the box unticked
    const response = await post(productNumber, received());

    // THEN the batch is received, and Shopify's inventory was neither asked nor changed
    expect(response.status).toBe(200);
    expect((await storedBatch(batch.id)).receivedOn).toBe(daysFromNow(0));
    expect(adjustments()).toEqual([]);
    expect(ledger.fake.store.available(variant.id)).toBe(totalBefore);
  });

  it("serves the waiting orders from the received units", async () => {
    // GIVEN a pending batch and a customer waiting for 2 units
    const { productNumber, variant, variantNumber, received, editor } = await pendingBatch();
    const { delivery } = placeOrder(ledger.fake, { variantId: variant.id, quantity: 2, email: "claire@example.com" });
    expect((await deliver(delivery)).status).toBe(200);
    await runAllJobs(ledger.worker, ledger.clock);
    expect(await prisma.backorderLine.count({ where: { variantId: variant.id, status: "waiting" } })).toBe(1);

    // WHEN the batch is received into the atelier's stock and the ledger's jobs run
    const response = await post(productNumber, received({ addToInventory: "1", inventoryLocationId: editor.inventoryLocations[0].id }));
    await runAllJobs(ledger.worker, ledger.clock);

    // THEN nobody waits any more, and the page shows the stock Shopify now has (10 received - 2 owed)
    expect(response.status).toBe(200);
    expect(await prisma.backorderLine.count({ where: { variantId: variant.id, status: "waiting" } })).toBe(0);
    expect((await open(productNumber, variantNumber)).variant.available).toBe(8);
  });
});
