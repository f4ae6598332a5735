// The app-owned metafield definitions — the variant ETA summary (`$app:backorder.eta`) and the shop's
// pre-purchase terms (`$app:backorder.terms`), both json — created through the Admin API so the
// storefront (Liquid, Storefront API) may read them.
//
// Why the API and not a `[… .metafields.app.<key>]` block in shopify.app.toml: declarative definitions
// only cover the bare `$app` namespace (no `$app:<sub>` namespaces), the variant owner section name could
// not be verified offline, and the CLI cannot check it here; metafieldDefinitionCreate is validated against
// the vendored 2026-07 schema and runs against the Admin fake. The call is idempotent: an existing
// definition (userError code TAKEN) counts as success, so the sync runs it before writing summaries.
import { AdminApiError, MUTATION_COST, type AdminClient } from "./admin-client.server";
import { SUMMARY_KEY, SUMMARY_NAMESPACE, SUMMARY_TYPE } from "./variants.server";
import { SHOP_TERMS_KEY, SHOP_TERMS_NAMESPACE } from "./shop-terms.server";

const CREATE_DEFINITION = `#graphql
  mutation BackorderPilotCreateMetafieldDefinition($definition: MetafieldDefinitionInput!) {
    metafieldDefinitionCreate(definition: $definition) {
      createdDefinition {
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

export type DefinitionOutcome = { ok: true; created: boolean } | { ok: false; message: string };

export interface DefinitionSpec {
  name: string;
  description: string;
  namespace: string;
  key: string;
  type: string;
  ownerType: "PRODUCTVARIANT" | "SHOP";
}

export const VARIANT_SUMMARY_DEFINITION: DefinitionSpec = {
  name: "Backorder delivery estimate",
  description: "Delivery date range and backorder terms shown on the product page (written by Backorder Pilot).",
  namespace: SUMMARY_NAMESPACE,
  key: SUMMARY_KEY,
  type: SUMMARY_TYPE,
  ownerType: "PRODUCTVARIANT",
};

export const SHOP_TERMS_DEFINITION: DefinitionSpec = {
  name: "Backorder terms",
  description: "Payment, shipping-fee and cancellation terms shown before a backorder purchase (written by Backorder Pilot).",
  namespace: SHOP_TERMS_NAMESPACE,
  key: SHOP_TERMS_KEY,
  type: "json",
  ownerType: "SHOP",
};

/** Creates the definition unless it exists (storefront: public read; admin: merchant read). */
export async function ensureDefinition(client: AdminClient, spec: DefinitionSpec): Promise<DefinitionOutcome> {
  try {
    const { data } = await client.request(CREATE_DEFINITION, {
      variables: { definition: { ...spec, access: { admin: "MERCHANT_READ", storefront: "PUBLIC_READ" } } },
      estimatedCost: MUTATION_COST,
    });
    const payload = data.metafieldDefinitionCreate;
    if (!payload) return { ok: false, message: "Shopify returned no result for metafieldDefinitionCreate" };
    if (payload.createdDefinition) return { ok: true, created: true };
    if (payload.userErrors.length && payload.userErrors.every((e) => e.code === "TAKEN")) return { ok: true, created: false };
    return { ok: false, message: payload.userErrors.map((e) => e.message).join("; ") || "Definition not created" };
  } catch (error) {
    if (error instanceof AdminApiError && error.kind === "graphql") return { ok: false, message: error.message };
    throw error;
  }
}

export function ensureVariantSummaryDefinition(client: AdminClient): Promise<DefinitionOutcome> {
  return ensureDefinition(client, VARIANT_SUMMARY_DEFINITION);
}

export function ensureShopTermsDefinition(client: AdminClient): Promise<DefinitionOutcome> {
  return ensureDefinition(client, SHOP_TERMS_DEFINITION);
}

/** Every definition the storefront needs; run on install (afterAuth). */
export async function ensureAppMetafieldDefinitions(client: AdminClient): Promise<DefinitionOutcome[]> {
  return [await ensureVariantSummaryDefinition(client), await ensureShopTermsDefinition(client)];
}
