// Writing through the Admin fake: every mutation's effect must be visible to later queries, and failures
// must come back as Shopify-style userErrors without changing anything.
import { describe, expect, it } from "vitest";
import { gql, gqlData, useSeededFake } from "./test-utils";

const SET_POLICY = `mutation SetPolicy($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {
  productVariantsBulkUpdate(productId: $productId, variants: $variants) {
    productVariants { id inventoryPolicy }
    userErrors { field message code }
  }
}`;

const SET_METAFIELDS = `mutation SetMetafields($metafields: [MetafieldsSetInput!]!) {
  metafieldsSet(metafields: $metafields) {
    metafields { id namespace key type value }
    userErrors { field message code elementIndex }
  }
}`;

const HOLD = `mutation Hold($id: ID!, $hold: FulfillmentOrderHoldInput!) {
  fulfillmentOrderHold(id: $id, fulfillmentHold: $hold) {
    fulfillmentHold { id handle reason heldByRequestingApp }
    fulfillmentOrder { id status }
    remainingFulfillmentOrder { id status lineItems(first: 5) { nodes { remainingQuantity } } }
    userErrors { field message code }
  }
}`;

const FULFILLMENT_ORDERS = `query FOs($id: ID!) {
  order(id: $id) {
    displayFulfillmentStatus
    fulfillmentOrders(first: 5) { nodes { id status fulfillmentHolds { id handle reason } lineItems(first: 5) { nodes { id remainingQuantity } } } }
  }
}`;

describe("Admin fake mutations", () => {
  it("switches a variant to CONTINUE selling and a later query sees it", async () => {
    // GIVEN a sold-out variant that denies overselling
    const { fake, demo } = useSeededFake();
    const product = demo.products.BTD?.product;
    const variant = demo.products.BTD?.variants[0];

    // WHEN the app lets it be backordered
    const { productVariantsBulkUpdate: result } = await gqlData(fake, SET_POLICY, {
      productId: product?.id,
      variants: [{ id: variant?.id, inventoryPolicy: "CONTINUE" }],
    });
    const after = await gqlData(fake, `query V($id: ID!) { productVariant(id: $id) { inventoryPolicy availableForSale } }`, {
      id: variant?.id,
    });

    // THEN the mutation succeeds and the variant is now sellable
    expect(result.userErrors).toEqual([]);
    expect(after.productVariant).toEqual({ inventoryPolicy: "CONTINUE", availableForSale: true });
  });

  it("rejects an unknown variant and a variant of another product, changing nothing", async () => {
    // GIVEN a product and a variant that belongs to a different product
    const { fake, demo } = useSeededFake();
    const mug = demo.products.MUG;
    const foreign = demo.variants["MA-TVS"];

    // WHEN both bad variants are sent in one bulk update with a good one
    const { productVariantsBulkUpdate: result } = await gqlData(fake, SET_POLICY, {
      productId: mug?.product.id,
      variants: [
        { id: mug?.variants[3]?.id, inventoryPolicy: "CONTINUE" },
        { id: "gid://shopify/ProductVariant/1", inventoryPolicy: "CONTINUE" },
        { id: foreign?.id, inventoryPolicy: "DENY" },
      ],
    });

    // THEN each bad one gets a userError at its index and the good one is not applied either
    expect(result.productVariants).toBeNull();
    expect(result.userErrors).toEqual([
      { field: ["variants", "1", "id"], message: "Product variant does not exist", code: "PRODUCT_VARIANT_DOES_NOT_EXIST" },
      { field: ["variants", "2", "id"], message: "Product variant does not belong to this product", code: "MUST_BE_FOR_THIS_PRODUCT" },
    ]);
    expect(fake.store.getVariant(mug?.variants[3]?.id ?? "").inventoryPolicy).toBe("DENY");
  });

  it("round-trips a JSON metafield in the $app:backorder namespace", async () => {
    // GIVEN a backorderable variant
    const { fake, demo } = useSeededFake({ appId: "31337" });
    const variant = demo.variants["MA-MUG-SAGE"];
    const eta = { earliest: "2026-12-14", latest: "2026-12-21", confidence: "high" };

    // WHEN the app writes its ETA summary and reads it back with the $app alias
    const { metafieldsSet } = await gqlData(fake, SET_METAFIELDS, {
      metafields: [{ ownerId: variant?.id, namespace: "$app:backorder", key: "eta", type: "json", value: JSON.stringify(eta) }],
    });
    const read = await gqlData(
      fake,
      `query Eta($id: ID!) { productVariant(id: $id) { metafield(namespace: "$app:backorder", key: "eta") { namespace type jsonValue } } }`,
      { id: variant?.id },
    );

    // THEN Shopify's expanded namespace comes back and the JSON is intact
    expect(metafieldsSet.userErrors).toEqual([]);
    expect(metafieldsSet.metafields[0]).toMatchObject({ namespace: "app--31337--backorder", key: "eta", type: "json" });
    expect(read.productVariant.metafield).toEqual({ namespace: "app--31337--backorder", type: "json", jsonValue: eta });
  });

  it("rejects invalid JSON with a userError on the value and sets none of the batch", async () => {
    // GIVEN two metafields to set, the second with broken JSON
    const { fake, demo } = useSeededFake();
    const variant = demo.variants["MA-MUG-SAGE"];

    // WHEN they are set in one call
    const { metafieldsSet } = await gqlData(fake, SET_METAFIELDS, {
      metafields: [
        { ownerId: variant?.id, namespace: "$app:backorder", key: "eta", type: "json", value: "{}" },
        { ownerId: variant?.id, namespace: "$app:backorder", key: "queue", type: "json", value: "{not json" },
      ],
    });

    // THEN the error points at metafields.1.value and the valid one was not written (atomic)
    expect(metafieldsSet.userErrors).toEqual([
      { field: ["metafields", "1", "value"], message: expect.stringMatching(/^Value is invalid JSON/), code: "INVALID_VALUE", elementIndex: null },
    ]);
    expect(fake.store.listMetafields(variant?.id ?? "")).toEqual([]);
  });

  it("refuses more than 25 metafields in one metafieldsSet call", async () => {
    // GIVEN 26 metafields
    const { fake, demo } = useSeededFake();
    const ownerId = demo.variants["MA-MUG-SAGE"]?.id;
    const metafields = Array.from({ length: 26 }, (_, i) => ({ ownerId, namespace: "$app:backorder", key: `k${i}`, type: "number_integer", value: "1" }));

    // WHEN they are sent at once
    const { body } = await gql(fake, SET_METAFIELDS, { metafields });

    // THEN Shopify's input-size error comes back and nothing is stored
    expect(body.errors?.[0]).toMatchObject({
      message: "The input array size of 26 is greater than the maximum allowed of 25.",
      extensions: { code: "MAX_INPUT_SIZE_EXCEEDED" },
    });
    expect(fake.store.listMetafields(ownerId ?? "")).toEqual([]);
  });

  it("deletes a metafield so it reads back as null", async () => {
    // GIVEN an app metafield on a product
    const { fake, demo } = useSeededFake();
    const ownerId = demo.products.TPT?.product.id ?? "";
    fake.store.setMetafield({ ownerId, namespace: "$app:backorder", key: "note", type: "single_line_text_field", value: "Made to order" });

    // WHEN it is deleted
    const { metafieldsDelete } = await gqlData(
      fake,
      `mutation Del($m: [MetafieldIdentifierInput!]!) { metafieldsDelete(metafields: $m) { deletedMetafields { key namespace } userErrors { message } } }`,
      { m: [{ ownerId, namespace: "$app:backorder", key: "note" }] },
    );
    const read = await gqlData(fake, `query P($id: ID!) { product(id: $id) { metafield(namespace: "$app:backorder", key: "note") { id } } }`, {
      id: ownerId,
    });

    // THEN it is reported deleted and gone
    expect(metafieldsDelete.deletedMetafields).toEqual([{ key: "note", namespace: `app--${fake.store.appId}--backorder` }]);
    expect(read.product.metafield).toBeNull();
  });

  it("creates a metafield definition once and reports TAKEN on a duplicate", async () => {
    // GIVEN a definition for the variant ETA
    const { fake } = useSeededFake();
    const create = `mutation Def($d: MetafieldDefinitionInput!) {
      metafieldDefinitionCreate(definition: $d) { createdDefinition { namespace key type { name } ownerType } userErrors { field code } }
    }`;
    const definition = { name: "Backorder ETA", namespace: "$app:backorder", key: "eta", type: "json", ownerType: "PRODUCTVARIANT" };

    // WHEN it is created twice
    const first = (await gqlData(fake, create, { d: definition })).metafieldDefinitionCreate;
    const second = (await gqlData(fake, create, { d: definition })).metafieldDefinitionCreate;

    // THEN the first succeeds with the expanded namespace, the second is TAKEN on the key
    expect(first.createdDefinition).toEqual({
      namespace: `app--${fake.store.appId}--backorder`,
      key: "eta",
      type: { name: "json" },
      ownerType: "PRODUCTVARIANT",
    });
    expect(second.userErrors).toEqual([{ field: ["definition", "key"], code: "TAKEN" }]);
  });

  it("adds and removes order tags, normalised like Shopify", async () => {
    // GIVEN an order tagged "gift"
    const { fake, demo } = useSeededFake();
    const order = demo.orders[3];
    const tagsOf = async () =>
      (await gqlData(fake, `query O($id: ID!) { order(id: $id) { tags } }`, { id: order?.id })).order.tags;

    // WHEN tags are added (with a duplicate, in another case, comma-joined) and one is removed
    await gqlData(fake, `mutation A($id: ID!, $t: [String!]!) { tagsAdd(id: $id, tags: $t) { userErrors { message } } }`, {
      id: order?.id,
      t: ["backorder", "Gift", "eta-sent, vip"],
    });
    const added = await tagsOf();
    await gqlData(fake, `mutation R($id: ID!, $t: [String!]!) { tagsRemove(id: $id, tags: $t) { node { id } userErrors { message } } }`, {
      id: order?.id,
      t: ["vip"],
    });

    // THEN tags are split, de-duplicated case-insensitively and sorted; the removed one is gone
    expect(added).toEqual(["backorder", "eta-sent", "gift", "vip"]);
    expect(await tagsOf()).toEqual(["backorder", "eta-sent", "gift"]);
  });

  it("adds a product tag that a tag: search then finds", async () => {
    // GIVEN a product without the tag
    const { fake, demo } = useSeededFake();
    const id = demo.products.TVS?.product.id;

    // WHEN the app tags it
    await gqlData(fake, `mutation A($id: ID!) { tagsAdd(id: $id, tags: ["backorder-active"]) { userErrors { message } } }`, { id });
    const found = await gqlData(fake, `query { products(first: 5, query: "tag:backorder-active") { nodes { id } } }`);

    // THEN searching by the tag finds it
    expect(found.products.nodes).toEqual([{ id }]);
  });

  it("puts a fulfillment order on hold and releases it back to OPEN", async () => {
    // GIVEN an open fulfillment order for a backordered line
    const { fake, demo } = useSeededFake();
    const order = demo.orders[1];
    const fo = fake.store.fulfillmentOrdersOf(order?.id ?? "")[0];

    // WHEN the app holds it for stock, then releases the hold by id
    const held = (
      await gqlData(fake, HOLD, { id: fo?.id, hold: { reason: "INVENTORY_OUT_OF_STOCK", reasonNotes: "Awaiting kiln batch", handle: "backorder" } })
    ).fulfillmentOrderHold;
    const whileHeld = (await gqlData(fake, FULFILLMENT_ORDERS, { id: order?.id })).order;
    const released = (
      await gqlData(
        fake,
        `mutation Release($id: ID!, $holdIds: [ID!]) { fulfillmentOrderReleaseHold(id: $id, holdIds: $holdIds) { fulfillmentOrder { status fulfillmentHolds { id } } userErrors { message } } }`,
        { id: fo?.id, holdIds: [held.fulfillmentHold.id] },
      )
    ).fulfillmentOrderReleaseHold;

    // THEN the order reads ON_HOLD with the app's hold, and OPEN again once released
    expect(held.userErrors).toEqual([]);
    expect(held.fulfillmentHold).toMatchObject({ handle: "backorder", reason: "INVENTORY_OUT_OF_STOCK", heldByRequestingApp: true });
    expect(held.remainingFulfillmentOrder).toBeNull();
    expect(whileHeld.displayFulfillmentStatus).toBe("ON_HOLD");
    expect(whileHeld.fulfillmentOrders.nodes[0]).toMatchObject({ status: "ON_HOLD", fulfillmentHolds: [{ handle: "backorder" }] });
    expect(released).toEqual({ fulfillmentOrder: { status: "OPEN", fulfillmentHolds: [] }, userErrors: [] });
  });

  it("splits a fulfillment order when only some line items are held", async () => {
    // GIVEN an order with a backordered mug line (2) and an in-stock napkin line (1)
    const { fake, demo } = useSeededFake();
    const fo = fake.store.fulfillmentOrdersOf(demo.orders[0]?.id ?? "")[0];
    const mugLine = fo?.lineItems[0];

    // WHEN only the mug line is held
    const held = (
      await gqlData(fake, HOLD, {
        id: fo?.id,
        hold: { reason: "INVENTORY_OUT_OF_STOCK", fulfillmentOrderLineItems: [{ id: mugLine?.id, quantity: 2 }] },
      })
    ).fulfillmentOrderHold;

    // THEN the held order keeps the mugs and a new OPEN fulfillment order carries the napkins
    expect(held.fulfillmentOrder.status).toBe("ON_HOLD");
    expect(held.remainingFulfillmentOrder).toMatchObject({ status: "OPEN", lineItems: { nodes: [{ remainingQuantity: 1 }] } });
    expect(fake.store.fulfillmentOrdersOf(demo.orders[0]?.id ?? "")).toHaveLength(2);
  });

  it("refuses a second hold with the same handle", async () => {
    // GIVEN a fulfillment order already held by the app with handle "backorder"
    const { fake, demo } = useSeededFake();
    const fo = fake.store.fulfillmentOrdersOf(demo.orders[2]?.id ?? "")[0];
    await gqlData(fake, HOLD, { id: fo?.id, hold: { reason: "INVENTORY_OUT_OF_STOCK", handle: "backorder" } });

    // WHEN the same handle is used again
    const again = (await gqlData(fake, HOLD, { id: fo?.id, hold: { reason: "OTHER", handle: "backorder" } })).fulfillmentOrderHold;

    // THEN Shopify's duplicate-handle error comes back
    expect(again.userErrors).toEqual([
      { field: ["fulfillmentHold", "handle"], message: expect.any(String), code: "DUPLICATE_FULFILLMENT_HOLD_HANDLE" },
    ]);
  });

  it("simulates stock arrival with inventoryAdjustQuantities, replaying a retried idempotency key", async () => {
    // GIVEN an oversold variant (available -6) at the atelier
    const { fake, demo } = useSeededFake();
    const variant = demo.variants["MA-MUG-SAGE"];
    const adjust = `mutation Arrive($input: InventoryAdjustQuantitiesInput!) {
      inventoryAdjustQuantities(input: $input) @idempotent(key: "batch-42") {
        inventoryAdjustmentGroup { id changes { name delta quantityAfterChange } }
        userErrors { field message code }
      }
    }`;
    const input = {
      name: "available",
      reason: "received",
      changes: [{ delta: 30, inventoryItemId: variant?.inventoryItemId, locationId: demo.locations.atelier.id }],
    };

    // WHEN 30 units arrive, and the same request is retried with the same key
    const first = (await gqlData(fake, adjust, { input })).inventoryAdjustQuantities;
    const retry = (await gqlData(fake, adjust, { input })).inventoryAdjustQuantities;

    // THEN available and on_hand move once, and the retry returns the same adjustment group
    expect(first.userErrors).toEqual([]);
    expect(first.inventoryAdjustmentGroup.changes).toEqual([
      { name: "available", delta: 30, quantityAfterChange: 24 },
      { name: "on_hand", delta: 30, quantityAfterChange: 30 },
    ]);
    expect(retry.inventoryAdjustmentGroup.id).toBe(first.inventoryAdjustmentGroup.id);
    expect(fake.store.available(variant?.id ?? "")).toBe(24);
  });

  it("rejects an inventory adjustment without @idempotent, as 2026-07 does", async () => {
    // GIVEN an inventory item
    const { fake, demo } = useSeededFake();
    const variant = demo.variants["MA-MUG-OAT"];
    const before = fake.store.available(variant?.id ?? "");

    // WHEN it is adjusted without an idempotency key
    const { body } = await gql(
      fake,
      `mutation NoKey($input: InventoryAdjustQuantitiesInput!) { inventoryAdjustQuantities(input: $input) { userErrors { message } } }`,
      { input: { name: "available", reason: "correction", changes: [{ delta: 5, inventoryItemId: variant?.inventoryItemId, locationId: demo.locations.atelier.id }] } },
    );

    // THEN the field errors and stock is unchanged
    expect(body.errors?.[0]?.message).toMatch(/@idempotent directive is required/);
    expect(fake.store.available(variant?.id ?? "")).toBe(before);
  });

  it("sets absolute quantities with compare-and-swap and reports a stale changeFromQuantity", async () => {
    // GIVEN a variant whose available quantity is known
    const { fake, demo } = useSeededFake();
    const variant = demo.variants["MA-TMB-OAT"];
    const current = fake.store.available(variant?.id ?? "", demo.locations.atelier.id);
    const set = `mutation SetQty($input: InventorySetQuantitiesInput!, $key: String!) {
      inventorySetQuantities(input: $input) @idempotent(key: $key) { userErrors { field code } }
    }`;
    const quantity = (changeFromQuantity: number | null) => ({
      name: "available",
      reason: "correction",
      quantities: [{ inventoryItemId: variant?.inventoryItemId, locationId: demo.locations.atelier.id, quantity: 100, changeFromQuantity }],
    });

    // WHEN a set with a stale expected quantity is sent, then one with the right one
    const stale = (await gqlData(fake, set, { input: quantity(current + 1), key: "a" })).inventorySetQuantities;
    const ok = (await gqlData(fake, set, { input: quantity(current), key: "b" })).inventorySetQuantities;

    // THEN the first is CHANGE_FROM_QUANTITY_STALE and the second applies
    expect(stale.userErrors).toEqual([{ field: ["input", "quantities", "0", "changeFromQuantity"], code: "CHANGE_FROM_QUANTITY_STALE" }]);
    expect(ok.userErrors).toEqual([]);
    expect(fake.store.available(variant?.id ?? "", demo.locations.atelier.id)).toBe(100);
  });

  it("creates a basic discount code that can be read back by code", async () => {
    // GIVEN a 10% apology discount for a late backorder
    const { fake } = useSeededFake();
    const create = `mutation Discount($d: DiscountCodeBasicInput!) {
      discountCodeBasicCreate(basicCodeDiscount: $d) {
        codeDiscountNode { id codeDiscount { ... on DiscountCodeBasic { title status codes(first: 1) { nodes { code } } } } }
        userErrors { field code message }
      }
    }`;
    const d = {
      title: "Sorry for the wait",
      code: "MERCI10",
      startsAt: "2026-11-01T00:00:00Z",
      usageLimit: 1,
      appliesOncePerCustomer: true,
      context: { all: "ALL" },
      customerGets: { value: { percentage: 0.1 }, items: { all: true } },
    };

    // WHEN it is created, looked up by code, and created again
    const created = (await gqlData(fake, create, { d })).discountCodeBasicCreate;
    const byCode = await gqlData(fake, `query { codeDiscountNodeByCode(code: "merci10") { id } }`);
    const duplicate = (await gqlData(fake, create, { d })).discountCodeBasicCreate;

    // THEN it is active, findable case-insensitively, and the duplicate code is TAKEN
    expect(created.userErrors).toEqual([]);
    expect(created.codeDiscountNode.codeDiscount).toEqual({ title: "Sorry for the wait", status: "ACTIVE", codes: { nodes: [{ code: "MERCI10" }] } });
    expect(byCode.codeDiscountNodeByCode.id).toBe(created.codeDiscountNode.id);
    expect(duplicate.userErrors).toEqual([
      { field: ["basicCodeDiscount", "code"], code: "TAKEN", message: "Code must be unique. Please try a different code." },
    ]);
  });
});

describe("compensating a customer", () => {
  const DISCOUNT = `mutation Discount($d: DiscountCodeBasicInput!) {
    discountCodeBasicCreate(basicCodeDiscount: $d) {
      codeDiscountNode { id codeDiscount { ... on DiscountCodeBasic { usageLimit appliesOncePerCustomer endsAt
        context { __typename ... on DiscountCustomers { customers { id } } } } } }
      userErrors { field code message }
    }
  }`;
  const CREDIT = `mutation Credit($id: ID!, $c: StoreCreditAccountCreditInput!) {
    storeCreditAccountCredit(id: $id, creditInput: $c) {
      storeCreditAccountTransaction { id amount { amount currencyCode } balanceAfterTransaction { amount } expiresAt account { id } }
      userErrors { field code message }
    }
  }`;
  const NOTE = `mutation Note($input: OrderInput!) { orderUpdate(input: $input) { order { id note } userErrors { field message } } }`;

  it("creates a single-use code that only the named customer can use", async () => {
    // GIVEN a seeded customer
    const { fake, demo } = useSeededFake();
    const customerId = Object.values(demo.customers)[0]?.id as string;
    const d = {
      title: "Sorry for the wait",
      code: "SORRY-1001-ABCDEF",
      startsAt: "2026-11-27T09:00:00Z",
      endsAt: "2026-12-27T09:00:00Z",
      usageLimit: 1,
      appliesOncePerCustomer: true,
      context: { customers: { add: [customerId] } },
      customerGets: { value: { percentage: 0.1 }, items: { all: true } },
    };
    // WHEN it is created for that customer, and again for a customer who does not exist
    const created = (await gqlData(fake, DISCOUNT, { d })).discountCodeBasicCreate;
    const unknown = (await gqlData(fake, DISCOUNT, { d: { ...d, code: "OTHER", context: { customers: { add: ["gid://shopify/Customer/1"] } } } })).discountCodeBasicCreate;
    // THEN the code's context is exactly that customer, single use; the unknown customer is refused, nothing stored
    expect(created.userErrors).toEqual([]);
    expect(created.codeDiscountNode.codeDiscount).toEqual({
      usageLimit: 1,
      appliesOncePerCustomer: true,
      endsAt: "2026-12-27T09:00:00Z",
      context: { __typename: "DiscountCustomers", customers: [{ id: customerId }] },
    });
    expect(fake.store.discounts.size).toBe(1);
    expect([...fake.store.discounts.values()][0]?.customerIds).toEqual([customerId]);
    expect(unknown.userErrors).toEqual([{ field: ["basicCodeDiscount", "context", "customers", "add", "0"], code: "INVALID", message: "Customer does not exist" }]);
  });

  it("credits store credit to the customer's account, creating it once, and refuses what Shopify refuses", async () => {
    // GIVEN a customer with no store credit account
    const { fake, demo } = useSeededFake();
    const customerId = Object.values(demo.customers)[0]?.id as string;
    const currencyCode = fake.store.shop.currencyCode;
    // WHEN 15.00 then 5.00 are credited
    const first = (await gqlData(fake, CREDIT, { id: customerId, c: { creditAmount: { amount: "15", currencyCode }, expiresAt: "2026-12-27T09:00:00Z" } })).storeCreditAccountCredit;
    const second = (await gqlData(fake, CREDIT, { id: customerId, c: { creditAmount: { amount: "5.00", currencyCode } } })).storeCreditAccountCredit;
    // THEN one account holds 20.00, each transaction with its amount and expiry
    expect(first.userErrors).toEqual([]);
    expect(first.storeCreditAccountTransaction).toMatchObject({ amount: { amount: "15.00", currencyCode }, balanceAfterTransaction: { amount: "15.00" }, expiresAt: "2026-12-27T09:00:00Z" });
    expect(second.storeCreditAccountTransaction.account.id).toBe(first.storeCreditAccountTransaction.account.id);
    const read = await gqlData(fake, `query($id: ID!) { customer(id: $id) { storeCreditAccounts(first: 5) { nodes { balance { amount } } } } }`, { id: customerId });
    expect(read.customer.storeCreditAccounts.nodes).toEqual([{ balance: { amount: "20.00" } }]);
    // WHEN credit is zero, in a currency the shop does not sell in, or already expired
    const refused = await Promise.all([
      gqlData(fake, CREDIT, { id: customerId, c: { creditAmount: { amount: "0", currencyCode } } }),
      gqlData(fake, CREDIT, { id: customerId, c: { creditAmount: { amount: "5", currencyCode: currencyCode === "EUR" ? "CAD" : "EUR" } } }),
      gqlData(fake, CREDIT, { id: customerId, c: { creditAmount: { amount: "5", currencyCode }, expiresAt: "2020-01-01T00:00:00Z" } }),
    ]);
    // THEN each is a userError with Shopify's code, and the balance is unchanged
    expect(refused.map((r) => r.storeCreditAccountCredit.userErrors[0]?.code)).toEqual(["NEGATIVE_OR_ZERO_AMOUNT", "UNSUPPORTED_CURRENCY", "EXPIRES_AT_IN_PAST"]);
    expect([...fake.store.storeCreditAccounts.values()].map((a) => a.balance)).toEqual(["20.00"]);
  });

  it("overwrites an order's note with orderUpdate", async () => {
    // GIVEN a seeded order WHEN its note is set THEN the order reads it back
    const { fake, demo } = useSeededFake();
    const orderId = demo.orders[0]?.id as string;
    const updated = (await gqlData(fake, NOTE, { input: { id: orderId, note: "Gift: a linen tea towel" } })).orderUpdate;
    expect(updated).toEqual({ order: { id: orderId, note: "Gift: a linen tea towel" }, userErrors: [] });
    expect(fake.store.getOrder(orderId).note).toBe("Gift: a linen tea towel");
  });
});
