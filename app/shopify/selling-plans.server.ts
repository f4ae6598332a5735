// Admin GraphQL operations on the app's selling plan groups (issue 15: deposits and pay later as PRE_ORDER
// purchase options): create a group with its one plan, update its words or balance date, attach and detach
// variants, delete it. Each needs the `write_purchase_options` scope. A mutation whose userErrors is
// non-empty failed: the result says so with Shopify's message, and nothing is recorded as done.
import type { SellingPlanGroupSpec } from "~/domain/payment-plans";
import { AdminApiError, MUTATION_COST, requestOnce, type AdminClient } from "./admin-client.server";
import type { AdminGraphql } from "./types";

/** Variant ids per attach / detach call (Shopify's lists are not bounded in the schema; keep calls small). */
export const VARIANTS_PER_CALL = 100;

const CREATE_GROUP = `#graphql
  mutation BackorderPilotCreateSellingPlanGroup($input: SellingPlanGroupInput!, $resources: SellingPlanGroupResourceInput) {
    sellingPlanGroupCreate(input: $input, resources: $resources) {
      sellingPlanGroup {
        id
        sellingPlans(first: 1) {
          nodes {
            id
          }
        }
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

const UPDATE_GROUP = `#graphql
  mutation BackorderPilotUpdateSellingPlanGroup($id: ID!, $input: SellingPlanGroupInput!) {
    sellingPlanGroupUpdate(id: $id, input: $input) {
      sellingPlanGroup {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

const ADD_VARIANTS = `#graphql
  mutation BackorderPilotAddSellingPlanVariants($id: ID!, $productVariantIds: [ID!]!) {
    sellingPlanGroupAddProductVariants(id: $id, productVariantIds: $productVariantIds) {
      sellingPlanGroup {
        id
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

const REMOVE_VARIANTS = `#graphql
  mutation BackorderPilotRemoveSellingPlanVariants($id: ID!, $productVariantIds: [ID!]!) {
    sellingPlanGroupRemoveProductVariants(id: $id, productVariantIds: $productVariantIds) {
      removedProductVariantIds
      userErrors {
        field
        message
        code
      }
    }
  }
`;

const DELETE_GROUP = `#graphql
  mutation BackorderPilotDeleteSellingPlanGroup($id: ID!) {
    sellingPlanGroupDelete(id: $id) {
      deletedSellingPlanGroupId
      userErrors {
        field
        message
        code
      }
    }
  }
`;

export type PlanCallResult<T> = ({ ok: true } & T) | { ok: false; message: string; code: string | null };

interface UserError {
  field?: string[] | null;
  message: string;
  code?: string | null;
}

function refused(errors: readonly UserError[]): { ok: false; message: string; code: string | null } {
  return { ok: false, message: errors.map((e) => e.message).join("; "), code: errors[0]?.code ?? null };
}

/** A GraphQL-level error (e.g. the scope is missing: ACCESS_DENIED) is a refusal; anything else propagates. */
async function guarded<T>(run: () => Promise<PlanCallResult<T>>): Promise<PlanCallResult<T>> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AdminApiError && error.kind === "graphql") return { ok: false, message: error.message, code: error.errors[0]?.code ?? null };
    throw error;
  }
}

function planInput(spec: SellingPlanGroupSpec, planId: string | null) {
  const { plan } = spec;
  return {
    ...(planId ? { id: planId } : {}),
    name: plan.name,
    description: plan.description,
    options: plan.options,
    position: plan.position,
    category: plan.category,
    billingPolicy: plan.billingPolicy,
    deliveryPolicy: plan.deliveryPolicy,
    inventoryPolicy: plan.inventoryPolicy,
  };
}

function groupInput(spec: SellingPlanGroupSpec) {
  return { name: spec.name, merchantCode: spec.merchantCode, description: spec.description, appId: spec.appId, options: spec.options, position: spec.position };
}

/** Creates the group of one option with its one plan, attaching `variantIds` (≤ VARIANTS_PER_CALL) at once. */
export async function createSellingPlanGroup(
  client: AdminClient,
  spec: SellingPlanGroupSpec,
  variantIds: readonly string[] = [],
): Promise<PlanCallResult<{ sellingPlanGroupId: string; sellingPlanId: string }>> {
  return guarded(async () => {
    const { data } = await client.request(CREATE_GROUP, {
      variables: {
        input: { ...groupInput(spec), sellingPlansToCreate: [planInput(spec, null)] },
        resources: variantIds.length ? { productVariantIds: [...variantIds] } : null,
      },
      estimatedCost: MUTATION_COST,
    });
    const payload = data.sellingPlanGroupCreate;
    if (!payload) return { ok: false, message: "Shopify returned no result for sellingPlanGroupCreate", code: null };
    if (payload.userErrors.length) return refused(payload.userErrors);
    const group = payload.sellingPlanGroup;
    const planId = group?.sellingPlans.nodes[0]?.id;
    if (!group || !planId) return { ok: false, message: "Shopify created no selling plan", code: null };
    return { ok: true, sellingPlanGroupId: group.id, sellingPlanId: planId };
  });
}

/** Rewrites the group's words and its plan's policies (same plan id: orders already placed keep it). */
export async function updateSellingPlanGroup(
  client: AdminClient,
  ids: { sellingPlanGroupId: string; sellingPlanId: string },
  spec: SellingPlanGroupSpec,
): Promise<PlanCallResult<Record<never, never>>> {
  return guarded(async () => {
    const { data } = await client.request(UPDATE_GROUP, {
      variables: { id: ids.sellingPlanGroupId, input: { ...groupInput(spec), sellingPlansToUpdate: [planInput(spec, ids.sellingPlanId)] } },
      estimatedCost: MUTATION_COST,
    });
    const payload = data.sellingPlanGroupUpdate;
    if (!payload) return { ok: false, message: "Shopify returned no result for sellingPlanGroupUpdate", code: null };
    if (payload.userErrors.length) return refused(payload.userErrors);
    return { ok: true };
  });
}

export async function addVariantsToSellingPlanGroup(
  client: AdminClient,
  sellingPlanGroupId: string,
  variantIds: readonly string[],
): Promise<PlanCallResult<Record<never, never>>> {
  return guarded(async () => {
    const { data } = await client.request(ADD_VARIANTS, {
      variables: { id: sellingPlanGroupId, productVariantIds: [...variantIds] },
      estimatedCost: MUTATION_COST,
    });
    const payload = data.sellingPlanGroupAddProductVariants;
    if (!payload) return { ok: false, message: "Shopify returned no result for sellingPlanGroupAddProductVariants", code: null };
    if (payload.userErrors.length) return refused(payload.userErrors);
    return { ok: true };
  });
}

/** Detaches variants; the ones Shopify reports removed (a variant not in the group is simply not listed). */
export async function removeVariantsFromSellingPlanGroup(
  client: AdminClient,
  sellingPlanGroupId: string,
  variantIds: readonly string[],
): Promise<PlanCallResult<{ removed: string[] }>> {
  return guarded(async () => {
    const { data } = await client.request(REMOVE_VARIANTS, {
      variables: { id: sellingPlanGroupId, productVariantIds: [...variantIds] },
      estimatedCost: MUTATION_COST,
    });
    const payload = data.sellingPlanGroupRemoveProductVariants;
    if (!payload) return { ok: false, message: "Shopify returned no result for sellingPlanGroupRemoveProductVariants", code: null };
    if (payload.userErrors.length) return refused(payload.userErrors);
    return { ok: true, removed: payload.removedProductVariantIds ?? [] };
  });
}

/** Deletes the group (and its plan). A group Shopify no longer has counts as deleted. */
export async function deleteSellingPlanGroup(client: AdminClient, sellingPlanGroupId: string): Promise<PlanCallResult<Record<never, never>>> {
  return guarded(async () => {
    const { data } = await client.request(DELETE_GROUP, { variables: { id: sellingPlanGroupId }, estimatedCost: MUTATION_COST });
    const payload = data.sellingPlanGroupDelete;
    if (!payload) return { ok: false, message: "Shopify returned no result for sellingPlanGroupDelete", code: null };
    if (payload.userErrors.some((e) => e.code !== "GROUP_DOES_NOT_EXIST")) return refused(payload.userErrors);
    return { ok: true };
  });
}

const PAYMENT_CONTEXT = `#graphql
  query BackorderPilotPaymentContext($variantId: ID!) {
    shop {
      currencyCode
    }
    productVariant(id: $variantId) {
      id
      price
    }
  }
`;

/** What a variant's payment option is checked against: the shop's currency and the variant's price. */
export async function fetchPaymentContext(graphql: AdminGraphql, variantId: string): Promise<{ currency: string; price: string | null }> {
  const body = await requestOnce(graphql, PAYMENT_CONTEXT, { variables: { variantId } });
  if (!body.data) throw new Error("Shopify returned no data for the shop currency");
  return { currency: body.data.shop.currencyCode, price: body.data.productVariant?.price ?? null };
}

const SHOP_CURRENCY = `#graphql
  query BackorderPilotShopCurrency {
    shop {
      currencyCode
    }
  }
`;

export async function fetchShopCurrency(graphql: AdminGraphql): Promise<string> {
  const body = await requestOnce(graphql, SHOP_CURRENCY);
  if (!body.data) throw new Error("Shopify returned no data for the shop currency");
  return body.data.shop.currencyCode;
}
