// Admin GraphQL reads behind the product pages: a page of products with their variants, products by id,
// and one product in detail.
import type { BackorderPilotProductPageQuery } from "~/types/admin.generated";
import { requestOnce, type OperationBody } from "./admin-client.server";
import type { AdminOperation, OperationData } from "./admin-operations";
import type { AdminGraphql } from "./types";

const PRODUCT_PAGE_QUERY = `#graphql
  query BackorderPilotProductPage($first: Int, $last: Int, $after: String, $before: String, $query: String) {
    products(first: $first, last: $last, after: $after, before: $before, query: $query, sortKey: TITLE) {
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      nodes {
        id
        title
        status
        totalInventory
        variants(first: 30) {
          nodes {
            id
            title
            sku
            inventoryQuantity
            inventoryPolicy
          }
        }
      }
    }
  }
`;

const PRODUCTS_BY_ID_QUERY = `#graphql
  query BackorderPilotProductsById($ids: [ID!]!) {
    nodes(ids: $ids) {
      ... on Product {
        id
        title
        status
        totalInventory
        variants(first: 30) {
          nodes {
            id
            title
            sku
            inventoryQuantity
            inventoryPolicy
          }
        }
      }
    }
  }
`;

const PRODUCT_DETAIL_QUERY = `#graphql
  query BackorderPilotProductDetail($id: ID!) {
    product(id: $id) {
      id
      title
      status
      totalInventory
      variants(first: 100) {
        nodes {
          id
          title
          sku
          inventoryQuantity
          inventoryPolicy
          selectedOptions {
            name
            value
          }
          inventoryItem {
            id
          }
        }
      }
    }
  }
`;

export interface ListedVariant {
  id: string;
  title: string;
  sku: string | null;
  inventoryQuantity: number;
  inventoryPolicy: "CONTINUE" | "DENY";
}

export interface ListedProduct {
  id: string;
  title: string;
  status: string;
  totalInventory: number;
  variants: ListedVariant[];
}

export interface ProductPage {
  products: ListedProduct[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/** A product as the three queries select it (the detail query selects more on each variant). */
type RawProduct = BackorderPilotProductPageQuery["products"]["nodes"][number];

function toProduct(raw: RawProduct): ListedProduct {
  return {
    id: raw.id,
    title: raw.title,
    status: raw.status,
    totalInventory: raw.totalInventory ?? 0,
    variants: raw.variants.nodes.map((v) => ({
      id: v.id,
      title: v.title,
      sku: v.sku || null,
      inventoryQuantity: v.inventoryQuantity ?? 0,
      inventoryPolicy: v.inventoryPolicy,
    })),
  };
}

function data<Op extends AdminOperation>(body: OperationBody<Op>): OperationData<Op> {
  if (!body.data) throw new Error(`Shopify returned no data: ${JSON.stringify(body.errors ?? body)}`);
  return body.data;
}

export type PageRequest = { direction: "next"; cursor?: string | null } | { direction: "previous"; cursor: string };

/** Page size and variants per product keep one page under Shopify's 1,000-point query cost limit. */
export async function fetchProductPage(
  graphql: AdminGraphql,
  { query, page, size = 20 }: { query: string | null; page: PageRequest; size?: number },
): Promise<ProductPage> {
  const variables =
    page.direction === "previous"
      ? { last: size, before: page.cursor, query }
      : { first: size, after: page.cursor ?? null, query };
  const { products } = data(await requestOnce(graphql, PRODUCT_PAGE_QUERY, { variables }));
  const { hasNextPage, hasPreviousPage, startCursor, endCursor } = products.pageInfo;
  return {
    products: products.nodes.map(toProduct),
    pageInfo: { hasNextPage, hasPreviousPage, startCursor: startCursor ?? null, endCursor: endCursor ?? null },
  };
}

/** Products in the order of `ids` (at most 20 a call, for the cost limit); unknown ids are skipped. */
export async function fetchProductsById(graphql: AdminGraphql, ids: string[]): Promise<ListedProduct[]> {
  if (ids.length === 0) return [];
  if (ids.length > 20) throw new Error("fetchProductsById takes at most 20 ids a call");
  const { nodes } = data(await requestOnce(graphql, PRODUCTS_BY_ID_QUERY, { variables: { ids } }));
  return nodes.filter((node): node is RawProduct => Boolean(node && "variants" in node)).map(toProduct);
}

export interface ProductDetail extends ListedProduct {
  variants: (ListedVariant & { options: { name: string; value: string }[]; inventoryItemId: string | null })[];
}

export async function fetchProductDetail(graphql: AdminGraphql, id: string): Promise<ProductDetail | null> {
  const { product } = data(await requestOnce(graphql, PRODUCT_DETAIL_QUERY, { variables: { id } }));
  if (!product) return null;
  const base = toProduct(product);
  return {
    ...base,
    variants: base.variants.map((variant, i) => ({
      ...variant,
      options: product.variants.nodes[i]?.selectedOptions ?? [],
      inventoryItemId: product.variants.nodes[i]?.inventoryItem?.id ?? null,
    })),
  };
}
