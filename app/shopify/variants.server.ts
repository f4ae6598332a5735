// Admin GraphQL operations on product variants for the backorder sync: read stock and policy, set
// inventoryPolicy, write and delete the `$app:backorder.eta` summary metafield.
//
// Every write returns which items Shopify accepted and which it refused (with Shopify's message), never a
// bare boolean: a mutation whose userErrors is non-empty failed for the items its errors point at.
import { AdminApiError, MUTATION_COST, type AdminClient } from "./admin-client.server";

/** App-reserved namespace and key of the ETA summary on each variant (`app--<appId>--backorder.eta`). */
export const SUMMARY_NAMESPACE = "$app:backorder";
export const SUMMARY_KEY = "eta";
export const SUMMARY_TYPE = "json";

/** nodes(ids:) takes at most 250 ids. */
export const NODES_PER_READ = 250;
/** metafieldsSet takes at most 25 metafields per call (and the same batch for metafieldsDelete). */
export const METAFIELDS_PER_CALL = 25;
/** productVariantsBulkUpdate updates variants of one product; a product has at most 2,048 variants. */
export const VARIANTS_PER_BULK_UPDATE = 2048;

export type InventoryPolicy = "CONTINUE" | "DENY";

export interface ShopifyVariant {
  variantId: string;
  productId: string;
  productTitle: string;
  variantTitle: string;
  sku: string | null;
  /** Sum of available over locations; negative = units sold beyond stock. */
  available: number;
  inventoryPolicy: InventoryPolicy;
}

export interface ItemFailure<T> {
  item: T;
  message: string;
  code: string | null;
}

export interface BatchOutcome<T> {
  succeeded: T[];
  failed: ItemFailure<T>[];
}


// The sync's read: no product (we store its id), so each variant costs 1 point instead of 2.
const READ_VARIANT_STOCK = `#graphql
  query BackorderPilotVariantStock($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on ProductVariant {
        id
        title
        sku
        inventoryQuantity
        inventoryPolicy
      }
    }
  }
`;

const SET_INVENTORY_POLICIES = `#graphql
  mutation BackorderPilotSetInventoryPolicies($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {
    productVariantsBulkUpdate(productId: $productId, variants: $variants, allowPartialUpdates: true) {
      productVariants {
        id
        inventoryPolicy
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

const WRITE_SUMMARIES = `#graphql
  mutation BackorderPilotWriteVariantSummaries($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields {
        owner {
          ... on ProductVariant {
            id
          }
        }
      }
      userErrors {
        field
        message
        code
        elementIndex
      }
    }
  }
`;

const DELETE_SUMMARIES = `#graphql
  mutation BackorderPilotDeleteVariantSummaries($metafields: [MetafieldIdentifierInput!]!) {
    metafieldsDelete(metafields: $metafields) {
      deletedMetafields {
        ownerId
      }
      userErrors {
        field
        message
      }
    }
  }
`;

/** The userErrors fields the helpers below read; every generated *UserError selection fits it. */
interface UserError {
  field?: string[] | null;
  message: string;
  code?: string | null;
  elementIndex?: number | null;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Index of the input element a userError points at (`elementIndex`, or field ["<list>", "<i>", …]). */
function errorIndex(error: UserError, list: string): number | null {
  if (typeof error.elementIndex === "number") return error.elementIndex;
  const field = error.field ?? [];
  if (field[0] === list && field[1] !== undefined && /^\d+$/.test(field[1])) return Number(field[1]);
  return null;
}

function failAll<T>(items: readonly T[], message: string, code: string | null = null): ItemFailure<T>[] {
  return items.map((item) => ({ item, message, code }));
}

/** A GraphQL-level error fails the items of that call; anything else (auth, retries exhausted) propagates. */
async function perCall<T>(items: readonly T[], run: () => Promise<BatchOutcome<T>>): Promise<BatchOutcome<T>> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AdminApiError && error.kind === "graphql") {
      return { succeeded: [], failed: failAll(items, error.message, error.errors[0]?.code ?? null) };
    }
    throw error;
  }
}

// ---- reads ----------------------------------------------------------------------------------------

function toPolicy(value: unknown): InventoryPolicy {
  return value === "CONTINUE" ? "CONTINUE" : "DENY";
}

export type VariantStock = Omit<ShopifyVariant, "productId" | "productTitle">;

/** Stock and policy of variants, 250 per call at 1 point each (what a sync needs). */
export async function readVariantStock(
  client: AdminClient,
  variantIds: readonly string[],
): Promise<{ variants: Map<string, VariantStock>; missing: string[] }> {
  const variants = new Map<string, VariantStock>();
  const missing: string[] = [];
  for (const ids of chunk([...new Set(variantIds)], NODES_PER_READ)) {
    const { data } = await client.request(READ_VARIANT_STOCK, {
      variables: { ids },
      estimatedCost: ids.length,
    });
    ids.forEach((id, i) => {
      const node = data.nodes[i];
      // A gid of another type resolves to an object without the variant fields.
      if (!node?.id || node.inventoryPolicy === undefined) {
        missing.push(id);
        return;
      }
      variants.set(id, {
        variantId: node.id,
        variantTitle: node.title ?? "",
        sku: node.sku ?? null,
        available: node.inventoryQuantity ?? 0,
        inventoryPolicy: toPolicy(node.inventoryPolicy),
      });
    });
  }
  return { variants, missing };
}

// ---- inventoryPolicy ------------------------------------------------------------------------------

export interface PolicyUpdate {
  productId: string;
  variantId: string;
  policy: InventoryPolicy;
}

/**
 * Sets inventoryPolicy, one productVariantsBulkUpdate per product (partial updates allowed, so one bad
 * variant does not block its siblings). A variant succeeds only when Shopify returns it with the policy.
 */
export async function setInventoryPolicies(client: AdminClient, items: readonly PolicyUpdate[]): Promise<BatchOutcome<PolicyUpdate>> {
  const byProduct = new Map<string, PolicyUpdate[]>();
  for (const item of items) {
    const list = byProduct.get(item.productId) ?? [];
    list.push(item);
    byProduct.set(item.productId, list);
  }
  const outcome: BatchOutcome<PolicyUpdate> = { succeeded: [], failed: [] };
  for (const [productId, productItems] of byProduct) {
    for (const batch of chunk(productItems, VARIANTS_PER_BULK_UPDATE)) {
      const result = await perCall(batch, async () => {
        const { data } = await client.request(SET_INVENTORY_POLICIES, {
          variables: { productId, variants: batch.map((u) => ({ id: u.variantId, inventoryPolicy: u.policy })) },
          estimatedCost: MUTATION_COST,
        });
        const payload = data.productVariantsBulkUpdate;
        if (!payload) return { succeeded: [], failed: failAll(batch, "Shopify returned no result for productVariantsBulkUpdate") };
        return attribute(batch, payload.userErrors, "variants", (item) =>
          payload.productVariants?.some((v) => v.id === item.variantId && v.inventoryPolicy === item.policy) ?? false,
        );
      });
      outcome.succeeded.push(...result.succeeded);
      outcome.failed.push(...result.failed);
    }
  }
  return outcome;
}

const NOT_CONFIRMED = "Shopify did not confirm the change";

/**
 * Splits a batch into failures (userErrors pointing at an element, or every element when an error points
 * at none) and successes (confirmed by the payload).
 */
function attribute<T>(
  batch: readonly T[],
  userErrors: readonly UserError[],
  list: string,
  confirmed: (item: T) => boolean,
): BatchOutcome<T> {
  const errorsAt = new Map<number, UserError>();
  let general: UserError | null = null;
  for (const error of userErrors) {
    const index = errorIndex(error, list);
    if (index === null || index >= batch.length) general ??= error;
    else if (!errorsAt.has(index)) errorsAt.set(index, error);
  }
  const outcome: BatchOutcome<T> = { succeeded: [], failed: [] };
  batch.forEach((item, i) => {
    const error = errorsAt.get(i) ?? general;
    if (error) outcome.failed.push({ item, message: error.message, code: error.code ?? null });
    else if (confirmed(item)) outcome.succeeded.push(item);
    else outcome.failed.push({ item, message: NOT_CONFIRMED, code: null });
  });
  return outcome;
}

// ---- summary metafield ----------------------------------------------------------------------------

export interface SummaryWrite {
  variantId: string;
  /** The JSON text to store. */
  summary: string;
}

/**
 * Writes summaries with metafieldsSet, 25 per call. metafieldsSet is atomic: when some elements are
 * refused nothing of the call is saved, so the others are sent again once without the refused ones.
 */
export async function writeVariantSummaries(client: AdminClient, items: readonly SummaryWrite[]): Promise<BatchOutcome<SummaryWrite>> {
  const outcome: BatchOutcome<SummaryWrite> = { succeeded: [], failed: [] };
  const send = async (batch: readonly SummaryWrite[]): Promise<BatchOutcome<SummaryWrite>> =>
    perCall(batch, async () => {
      const { data } = await client.request(WRITE_SUMMARIES, {
        variables: {
          metafields: batch.map((w) => ({
            ownerId: w.variantId,
            namespace: SUMMARY_NAMESPACE,
            key: SUMMARY_KEY,
            type: SUMMARY_TYPE,
            value: w.summary,
          })),
        },
        estimatedCost: MUTATION_COST,
      });
      const payload = data.metafieldsSet;
      if (!payload) return { succeeded: [], failed: failAll(batch, "Shopify returned no result for metafieldsSet") };
      const written = new Set((payload.metafields ?? []).map((m) => m.owner?.id));
      return attribute(batch, payload.userErrors, "metafields", (item) => written.has(item.variantId));
    });

  for (const batch of chunk(items, METAFIELDS_PER_CALL)) {
    const first = await send(batch);
    outcome.succeeded.push(...first.succeeded);
    const refused = first.failed.filter((f) => f.message !== NOT_CONFIRMED);
    const rolledBack = first.failed.filter((f) => f.message === NOT_CONFIRMED);
    outcome.failed.push(...refused);
    if (refused.length && rolledBack.length) {
      // Atomic failure: the elements no error pointed at were dropped only because of the others.
      const second = await send(rolledBack.map((f) => f.item));
      outcome.succeeded.push(...second.succeeded);
      outcome.failed.push(...second.failed);
    } else {
      outcome.failed.push(...rolledBack);
    }
  }
  return outcome;
}

/** Deletes the summary of variants no longer managed (25 per call). A summary already gone counts as deleted. */
export async function deleteVariantSummaries(client: AdminClient, variantIds: readonly string[]): Promise<BatchOutcome<string>> {
  const outcome: BatchOutcome<string> = { succeeded: [], failed: [] };
  for (const batch of chunk([...new Set(variantIds)], METAFIELDS_PER_CALL)) {
    const result = await perCall(batch, async () => {
      const { data } = await client.request(DELETE_SUMMARIES, {
        variables: { metafields: batch.map((ownerId) => ({ ownerId, namespace: SUMMARY_NAMESPACE, key: SUMMARY_KEY })) },
        estimatedCost: MUTATION_COST,
      });
      const payload = data.metafieldsDelete;
      if (!payload) return { succeeded: [], failed: failAll(batch, "Shopify returned no result for metafieldsDelete") };
      // deletedMetafields has one entry per input, null when there was nothing to delete: both are fine.
      return attribute(batch, payload.userErrors, "metafields", () => payload.deletedMetafields !== null);
    });
    outcome.succeeded.push(...result.succeeded);
    outcome.failed.push(...result.failed);
  }
  return outcome;
}
