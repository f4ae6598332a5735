// QueryRoot fields of the Admin fake.
import { GraphQLError } from "graphql";
import { connection, type ConnectionArgs, type View } from "./connection";
import { filterBySearch } from "./search";
import { type AdminStore, type Gid, gidNumber, gidType } from "./store";
import {
  CUSTOMER_SEARCH,
  LOCATION_SEARCH,
  type Views,
  invalidGid,
  orderSearch,
  productSearch,
  variantSearch,
} from "./views";

export interface FakeContext {
  store: AdminStore;
  views: Views;
}

/** A root-field resolver; (args, context, info) like the functions in views. */
export type RootResolver = (args: Record<string, unknown>, ctx: FakeContext, info: import("graphql").GraphQLResolveInfo) => unknown;

type ListArgs = ConnectionArgs & { query?: string | null; sortKey?: string | null };

function byKey<T>(items: T[], sortKey: string | null | undefined, keys: Record<string, (item: T) => string | number>, resource: string): T[] {
  const key = sortKey ?? "ID";
  const get = keys[key];
  if (!get) {
    throw new GraphQLError(`Admin fake: sortKey ${key} is not implemented for ${resource} (supported: ${Object.keys(keys).join(", ")})`, {
      extensions: { code: "NOT_IMPLEMENTED_IN_FAKE" },
    });
  }
  const id = (item: T): number => gidNumber((item as { id: string }).id) ?? 0;
  return [...items].sort((a, b) => {
    const x = get(a);
    const y = get(b);
    const c = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y));
    return c !== 0 ? c : id(a) - id(b);
  });
}

/** Shopify's Count: exact up to `limit` (default 10,000), AT_LEAST beyond it. */
function count(items: readonly unknown[], limit: unknown): View {
  const max = typeof limit === "number" ? limit : 10_000;
  return items.length > max
    ? { __typename: "Count", count: max, precision: "AT_LEAST" }
    : { __typename: "Count", count: items.length, precision: "EXACT" };
}

function typed<T>(id: unknown, type: string, lookup: (id: Gid) => T | undefined, view: (record: T) => View): View | null {
  const gid = String(id);
  const actual = gidType(gid);
  if (!actual) throw invalidGid(gid);
  if (actual !== type) return null;
  const record = lookup(gid);
  return record ? view(record) : null;
}

export function queryResolvers(): Record<string, RootResolver> {
  return {
    shop: (_args, { views }) => views.shop(),
    app: (args, { store, views }) => (args.id == null || args.id === store.appGid ? views.app() : null),
    currentAppInstallation: (_args, { views }) => views.appInstallation(),
    node: (args, { views }) => views.node(String(args.id)),
    nodes: (args, { views }) => (args.ids as string[]).map((id) => views.node(id)),

    product: (args, { store, views }) => typed(args.id, "Product", (id) => store.products.get(id), (p) => views.product(p)),
    productByHandle: (args, { store, views }) => {
      const p = store.findProductByHandle(String(args.handle));
      return p ? views.product(p) : null;
    },
    productVariant: (args, { store, views }) =>
      typed(args.id, "ProductVariant", (id) => store.variants.get(id), (v) => views.variant(v)),
    inventoryItem: (args, { store, views }) =>
      typed(args.id, "InventoryItem", (id) => store.inventoryItems.get(id), (i) => views.inventoryItem(i)),
    inventoryLevel: (args, { views }) => views.node(String(args.id)),
    location: (args, { store, views }) => {
      if (args.id == null) {
        const first = store.locations.values().next();
        return first.done ? null : views.location(first.value);
      }
      return typed(args.id, "Location", (id) => store.locations.get(id), (l) => views.location(l));
    },
    customer: (args, { store, views }) => typed(args.id, "Customer", (id) => store.customers.get(id), (c) => views.customer(c)),
    order: (args, { store, views }) => typed(args.id, "Order", (id) => store.orders.get(id), (o) => views.order(o)),
    fulfillmentOrder: (args, { store, views }) =>
      typed(args.id, "FulfillmentOrder", (id) => store.fulfillmentOrders.get(id), (fo) => views.fulfillmentOrder(fo)),
    // Asynchronous jobs (orderCancel): a job is done from the first time it is read.
    job: (args, { store, views }) => {
      const job = store.jobs.get(String(args.id));
      if (!job) return null;
      job.done = true;
      return views.job(job.id, job.done);
    },
    codeDiscountNode: (args, { store, views }) =>
      typed(args.id, "DiscountCodeNode", (id) => store.discounts.get(id), (d) => views.discountCodeNode(d)),
    codeDiscountNodeByCode: (args, { store, views }) => {
      const code = String(args.code).toLowerCase();
      const d = [...store.discounts.values()].find((x) => x.code.toLowerCase() === code);
      return d ? views.discountCodeNode(d) : null;
    },

    products: (raw, { store, views }) => {
      const args = raw as ListArgs;
      const total = (id: Gid): number =>
        store.variantsOf(id).reduce((sum, v) => sum + store.available(v.id), 0);
      const list = byKey(
        filterBySearch([...store.products.values()], args.query, productSearch(store)),
        args.sortKey,
        {
          ID: (p) => gidNumber(p.id) ?? 0,
          TITLE: (p) => p.title.toLowerCase(),
          CREATED_AT: (p) => p.createdAt,
          UPDATED_AT: (p) => p.updatedAt,
          INVENTORY_TOTAL: (p) => total(p.id),
          PRODUCT_TYPE: (p) => p.productType,
          VENDOR: (p) => p.vendor,
        },
        "products",
      );
      return connection(list, args, "Product", (p) => views.product(p));
    },
    productVariants: (raw, { store, views }) => {
      const args = raw as ListArgs;
      const list = byKey(
        filterBySearch([...store.variants.values()], args.query, variantSearch(store)),
        args.sortKey,
        {
          ID: (v) => gidNumber(v.id) ?? 0,
          SKU: (v) => v.sku ?? "",
          TITLE: (v) => v.title.toLowerCase(),
          POSITION: (v) => v.position,
          INVENTORY_QUANTITY: (v) => store.available(v.id),
          INVENTORY_LEVELS_AVAILABLE: (v) => store.available(v.id),
        },
        "productVariants",
      );
      return connection(list, args, "ProductVariant", (v) => views.variant(v));
    },
    orders: (raw, { store, views }) => {
      const args = raw as ListArgs;
      const list = byKey(
        filterBySearch([...store.orders.values()], args.query, orderSearch(store)),
        args.sortKey,
        {
          ID: (o) => gidNumber(o.id) ?? 0,
          CREATED_AT: (o) => o.createdAt,
          PROCESSED_AT: (o) => o.processedAt,
          UPDATED_AT: (o) => o.updatedAt,
          ORDER_NUMBER: (o) => Number(o.name.replace(/\D/g, "")) || 0,
        },
        "orders",
      );
      return connection(list, args, "Order", (o) => views.order(o));
    },
    locations: (raw, { store, views }) => {
      const args = raw as ListArgs & { includeInactive?: boolean | null };
      let list = [...store.locations.values()];
      if (!args.includeInactive) list = list.filter((l) => l.isActive);
      list = byKey(filterBySearch(list, args.query, LOCATION_SEARCH), args.sortKey, {
        ID: (l) => gidNumber(l.id) ?? 0,
        NAME: (l) => l.name.toLowerCase(),
      }, "locations");
      return connection(list, args, "Location", (l) => views.location(l));
    },
    customers: (raw, { store, views }) => {
      const args = raw as ListArgs;
      const list = byKey(filterBySearch([...store.customers.values()], args.query, CUSTOMER_SEARCH), args.sortKey, {
        ID: (c) => gidNumber(c.id) ?? 0,
        CREATED_AT: (c) => c.createdAt,
        UPDATED_AT: (c) => c.updatedAt,
      }, "customers");
      return connection(list, args, "Customer", (c) => views.customer(c));
    },
    inventoryItems: (raw, { store, views }) => {
      const args = raw as ListArgs;
      const list = filterBySearch([...store.inventoryItems.values()], args.query, {
        resource: "inventoryItems",
        fields: {
          id: (i) => i.id,
          sku: (i) => store.getVariant(i.variantId).sku,
          tracked: (i) => i.tracked,
        },
        defaultText: (i) => store.getVariant(i.variantId).sku ?? "",
      });
      return connection(list, args, "InventoryItem", (i) => views.inventoryItem(i));
    },
    productsCount: (args, { store }) =>
      count(filterBySearch([...store.products.values()], args.query as string | null, productSearch(store)), args.limit),
    productVariantsCount: (args, { store }) =>
      count(filterBySearch([...store.variants.values()], args.query as string | null, variantSearch(store)), args.limit),
    ordersCount: (args, { store }) =>
      count(filterBySearch([...store.orders.values()], args.query as string | null, orderSearch(store)), args.limit),
    locationsCount: (args, { store }) =>
      count(filterBySearch([...store.locations.values()], args.query as string | null, LOCATION_SEARCH), args.limit),
    metafieldDefinitions: (raw, { store, views }) => {
      const args = raw as unknown as ListArgs & { ownerType: string; namespace?: string | null; key?: string | null };
      const ns = args.namespace != null ? store.resolveNamespace(args.namespace) : null;
      const list = [...store.metafieldDefinitions.values()].filter(
        (d) => d.ownerType === args.ownerType && (ns === null || d.namespace === ns) && (args.key == null || d.key === args.key),
      );
      if (args.query) {
        throw new GraphQLError("Admin fake: metafieldDefinitions(query:) is not implemented", {
          extensions: { code: "NOT_IMPLEMENTED_IN_FAKE" },
        });
      }
      return connection(list, args, "MetafieldDefinition", (d) => views.metafieldDefinition(d));
    },
  };
}
