// Selling plan groups in the Admin fake: what the app sends is accepted, what Shopify refuses is refused
// with its codes and changes nothing, and what is not modelled fails loudly.
import { describe, expect, it } from "vitest";
import { DEFAULT_PAYMENT_TEXTS, sellingPlanGroupSpec } from "../../app/domain/payment-plans";
import { GROUP_REMOVAL_AFTER_UNINSTALL_MS } from "./selling-plans";
import { fakeClock, gql, gqlData, useSeededFake } from "./test-utils";

const CREATE = `mutation Create($input: SellingPlanGroupInput!, $resources: SellingPlanGroupResourceInput) {
  sellingPlanGroupCreate(input: $input, resources: $resources) {
    sellingPlanGroup { id sellingPlans(first: 1) { nodes { id } } }
    userErrors { field message code }
  }
}`;
const ADD = `mutation Add($id: ID!, $ids: [ID!]!) { sellingPlanGroupAddProductVariants(id: $id, productVariantIds: $ids) { userErrors { field message code } } }`;
const REMOVE = `mutation Remove($id: ID!, $ids: [ID!]!) { sellingPlanGroupRemoveProductVariants(id: $id, productVariantIds: $ids) { removedProductVariantIds userErrors { code } } }`;
const DELETE = `mutation Delete($id: ID!) { sellingPlanGroupDelete(id: $id) { deletedSellingPlanGroupId userErrors { code } } }`;

const deposit = sellingPlanGroupSpec(
  { kind: "deposit", checkout: { type: "percentage", percent: 20 }, balance: { trigger: "on_ready" } },
  { texts: DEFAULT_PAYMENT_TEXTS.en, locale: "en", timeZone: "Europe/Paris" },
);
const { plan, ...group } = deposit;
const input = (planOverrides: Record<string, unknown> = {}) => ({ ...group, sellingPlansToCreate: [{ ...plan, ...planOverrides }] });

describe("selling plan groups in the Admin fake", () => {
  it("creates a PRE_ORDER group with its plan and the variants, then detaches and deletes", async () => {
    // GIVEN a seeded shop and one of its variants
    const { fake } = useSeededFake();
    const variantId = [...fake.store.variants.keys()][0] as string;
    // WHEN the app creates the 20% deposit group with the variant
    const created = await gqlData(fake, CREATE, { input: input(), resources: { productVariantIds: [variantId] } });
    // THEN the group holds the plan with its policies and the variant
    const groupId = created.sellingPlanGroupCreate.sellingPlanGroup.id as string;
    expect(created.sellingPlanGroupCreate.userErrors).toEqual([]);
    const record = fake.sellingPlans.group(groupId);
    expect(record?.appId).toBe("backorder-pilot");
    expect(record?.plans[0]?.billingPolicy).toMatchObject({ checkoutCharge: { type: "PERCENTAGE", percentage: 20 }, remainingBalanceChargeTrigger: "ON_FULFILLMENT" });
    expect(record?.plans[0]?.inventoryPolicy).toEqual({ reserve: "ON_SALE" });
    expect(fake.sellingPlans.groupsOfVariant(variantId).map((g) => g.id)).toEqual([groupId]);
    // WHEN it detaches the variant and deletes the group THEN both happen
    const removed = await gqlData(fake, REMOVE, { id: groupId, ids: [variantId] });
    expect(removed.sellingPlanGroupRemoveProductVariants.removedProductVariantIds).toEqual([variantId]);
    expect(fake.sellingPlans.groupsOfVariant(variantId)).toEqual([]);
    const deleted = await gqlData(fake, DELETE, { id: groupId });
    expect(deleted.sellingPlanGroupDelete.deletedSellingPlanGroupId).toBe(groupId);
    expect(fake.sellingPlans.groups).toEqual([]);
  });

  it("refuses a partial deposit with no remaining balance, an unknown variant and a missing exact time, creating nothing", async () => {
    // GIVEN a seeded shop
    const { fake } = useSeededFake();
    // WHEN the plans break Shopify's billing rules, or name a variant that does not exist
    const noBalance = await gqlData(fake, CREATE, { input: input({ billingPolicy: { fixed: { ...plan.billingPolicy.fixed, remainingBalanceChargeTrigger: "NO_REMAINING_BALANCE" } } }) });
    const noTime = await gqlData(fake, CREATE, { input: input({ billingPolicy: { fixed: { ...plan.billingPolicy.fixed, remainingBalanceChargeTrigger: "EXACT_TIME" } } }) });
    const ghost = await gqlData(fake, CREATE, { input: input(), resources: { productVariantIds: ["gid://shopify/ProductVariant/999999"] } });
    // THEN each answers Shopify's code and no group exists
    expect(noBalance.sellingPlanGroupCreate.userErrors.map((e: { code: string }) => e.code)).toEqual(["REMAINING_BALANCE_CHARGE_TRIGGER_NO_REMAINING_BALANCE_ON_PARTIAL_PERCENTAGE_CHECKOUT_CHARGE"]);
    expect(noTime.sellingPlanGroupCreate.userErrors.map((e: { code: string }) => e.code)).toEqual(["REMAINING_BALANCE_CHARGE_EXACT_TIME_REQUIRED"]);
    expect(ghost.sellingPlanGroupCreate.userErrors).toEqual([{ field: ["resources", "productVariantIds", "0"], message: "Product variant does not exist.", code: "PRODUCT_VARIANT_DOES_NOT_EXIST" }]);
    expect(fake.sellingPlans.groups).toEqual([]);
    // AND attaching to a group that does not exist says so
    const add = await gqlData(fake, ADD, { id: "gid://shopify/SellingPlanGroup/424242", ids: [] });
    expect(add.sellingPlanGroupAddProductVariants.userErrors[0].code).toBe("GROUP_DOES_NOT_EXIST");
  });

  it("fails loudly on what it does not model, and denies access without the write_purchase_options scope", async () => {
    // GIVEN a seeded shop
    const { fake } = useSeededFake();
    // WHEN a plan carries pricing policies THEN the fake says it does not model them
    const priced = await gql(fake, CREATE, { input: input({ pricingPolicies: [{ fixed: { adjustmentType: "PERCENTAGE", adjustmentValue: { percentage: 5 } } }] }) });
    expect(priced.body.errors?.[0]?.extensions?.code).toBe("NOT_IMPLEMENTED_IN_FAKE");
    // WHEN the app lacks the scope THEN Shopify's ACCESS_DENIED comes back
    fake.sellingPlans.scopeGranted = false;
    const denied = await gql(fake, CREATE, { input: input() });
    expect(denied.body.errors?.[0]?.extensions?.code).toBe("ACCESS_DENIED");
    expect(fake.sellingPlans.groups).toEqual([]);
  });

  it("removes the app's groups 48 hours after it is uninstalled", async () => {
    // GIVEN a group the app created
    const clock = fakeClock();
    const { fake } = useSeededFake({ now: clock.now });
    await gqlData(fake, CREATE, { input: input() });
    // WHEN the app is uninstalled THEN the group stays for 48 hours, then is gone
    fake.sellingPlans.appUninstalled();
    clock.advance(GROUP_REMOVAL_AFTER_UNINSTALL_MS - 1);
    expect(fake.sellingPlans.groups).toHaveLength(1);
    clock.advance(1);
    expect(fake.sellingPlans.groups).toHaveLength(0);
  });
});
