// The shop-level data the storefront block reads without calling us: the pre-purchase terms (with their
// version) and the delivery modes on offer, in an app-owned shop metafield ($app:backorder / terms).
// Also reads what the settings page suggests before the merchant saves: the shop's timezone and country.
import type { DeliveryMode } from "~/domain/types";
import type { BackorderPilotSetShopTermsMutation } from "~/types/admin.generated";
import type { TermsValues } from "~/validation/settings";
import { requestOnce } from "./admin-client.server";
import type { AdminGraphql } from "./types";

export const SHOP_TERMS_NAMESPACE = "$app:backorder";
export const SHOP_TERMS_KEY = "terms";

const SHOP_PROFILE_QUERY = `#graphql
  query BackorderPilotShopProfile {
    shop {
      id
      ianaTimezone
      billingAddress {
        countryCodeV2
      }
    }
  }
`;

const SET_SHOP_TERMS_MUTATION = `#graphql
  mutation BackorderPilotSetShopTerms($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields {
        id
        namespace
        key
      }
      userErrors {
        field
        message
        code
      }
    }
  }
`;

export interface ShopProfile {
  /** The shop's GID, owner of shop metafields. */
  id: string;
  /** IANA zone, e.g. "Europe/Paris". */
  timezone: string;
  /** ISO 3166-1 alpha-2 country of the billing address, when Shopify has one. */
  countryCode: string | null;
}

export async function fetchShopProfile(graphql: AdminGraphql): Promise<ShopProfile> {
  const body = await requestOnce(graphql, SHOP_PROFILE_QUERY);
  if (!body.data) throw new Error("Shopify returned no data for the shop profile");
  const { shop } = body.data;
  return { id: shop.id, timezone: shop.ianaTimezone, countryCode: shop.billingAddress?.countryCodeV2 ?? null };
}

/** The JSON stored in the shop metafield; the theme block renders `terms[locale]`. */
export interface ShopTermsMetafield {
  termsVersion: number;
  enabledModes: DeliveryMode[];
  terms: TermsValues;
}

/** One of metafieldsSet's userErrors (field path, message, code). */
export type ShopifyUserError = NonNullable<BackorderPilotSetShopTermsMutation["metafieldsSet"]>["userErrors"][number];

export type PublishShopTermsResult = { ok: true; metafieldId: string } | { ok: false; userErrors: ShopifyUserError[] };

/**
 * Writes the terms metafield on the shop. Shopify's userErrors come back as `{ ok: false }`; transport and
 * GraphQL errors are thrown by the client (GraphqlQueryError, HttpResponseError) for the caller to handle.
 */
export async function publishShopTerms(
  graphql: AdminGraphql,
  { shopId, value }: { shopId: string; value: ShopTermsMetafield },
): Promise<PublishShopTermsResult> {
  const body = await requestOnce(graphql, SET_SHOP_TERMS_MUTATION, {
    variables: {
      metafields: [
        { ownerId: shopId, namespace: SHOP_TERMS_NAMESPACE, key: SHOP_TERMS_KEY, type: "json", value: JSON.stringify(value) },
      ],
    },
  });
  const result = body.data?.metafieldsSet;
  if (!result) return { ok: false, userErrors: [{ field: null, message: "Shopify returned no result for metafieldsSet" }] };
  if (result.userErrors.length > 0) return { ok: false, userErrors: result.userErrors };
  const written = result.metafields?.[0];
  if (!written) return { ok: false, userErrors: [{ field: null, message: "Shopify wrote no metafield" }] };
  return { ok: true, metafieldId: written.id };
}
