// The Shopify Liquid objects the theme app extension reads (product, variant, shop, cart, their metafields),
// built from plain data for the demo storefront preview and the rendering tests. Not used by app routes:
// on a real store Shopify builds these objects itself.
import { Drop } from "liquidjs";

/** A metafield as Shopify stores it: the namespace already resolved (`app--<appId>--backorder`). */
export interface MetafieldSource {
  namespace: string;
  key: string;
  type: string;
  value: string;
}

export interface LiquidMetafield {
  type: string;
  /** Parsed value: json → the object (null when the stored text is not JSON), others → the text. */
  value: unknown;
}

/**
 * `resource.metafields[namespace].key`, with `$app` / `$app:<suffix>` namespaces resolved the way Shopify
 * resolves them for the app that owns the theme app extension.
 */
export class MetafieldsDrop extends Drop {
  constructor(
    private readonly records: readonly MetafieldSource[],
    private readonly resolveNamespace: (namespace: string) => string,
  ) {
    super();
  }

  override liquidMethodMissing(namespace: string): Record<string, LiquidMetafield> | undefined {
    const resolved = this.resolveNamespace(namespace);
    const found = this.records.filter((m) => m.namespace === resolved);
    if (found.length === 0) return undefined;
    return Object.fromEntries(found.map((m) => [m.key, { type: m.type, value: parseMetafieldValue(m) }]));
  }
}

export function parseMetafieldValue(m: Pick<MetafieldSource, "type" | "value">): unknown {
  if (m.type !== "json" && !m.type.startsWith("list.")) return m.value;
  try {
    return JSON.parse(m.value) as unknown;
  } catch {
    return null;
  }
}

/** `$app` → `app--<id>`, `$app:x` → `app--<id>--x`; other namespaces unchanged. */
export function appNamespaceResolver(appId: string): (namespace: string) => string {
  return (namespace) => {
    if (namespace === "$app") return `app--${appId}`;
    if (namespace.startsWith("$app:")) return `app--${appId}--${namespace.slice("$app:".length)}`;
    return namespace;
  };
}

/** The numeric id Liquid shows for a GraphQL gid (`gid://shopify/ProductVariant/123` → 123). */
export function legacyId(gid: string): number {
  const id = Number(gid.split("/").pop()?.split("?")[0]);
  if (!Number.isSafeInteger(id)) throw new RangeError(`Not a Shopify gid: ${gid}`);
  return id;
}

export interface VariantInput {
  gid: string;
  title: string;
  /** Price as Shopify's decimal string ("28.00"). */
  price: string;
  sku?: string | null;
  inventoryPolicy: "DENY" | "CONTINUE";
  inventoryQuantity: number;
  tracked?: boolean;
  options: string[];
  metafields?: MetafieldSource[];
}

export interface LiquidVariant {
  id: number;
  title: string;
  sku: string | null;
  /** Minor units, as Liquid's money filters expect. */
  price: number;
  available: boolean;
  inventory_quantity: number;
  inventory_policy: "deny" | "continue";
  inventory_management: string | null;
  options: string[];
  option1: string | null;
  option2: string | null;
  option3: string | null;
  metafields: MetafieldsDrop;
}

export function liquidVariant(input: VariantInput, resolveNamespace: (namespace: string) => string): LiquidVariant {
  const tracked = input.tracked ?? true;
  return {
    id: legacyId(input.gid),
    title: input.title,
    sku: input.sku ?? null,
    price: Math.round(Number(input.price) * 100),
    // Shopify: purchasable when untracked, when it keeps selling, or while stock lasts.
    available: !tracked || input.inventoryPolicy === "CONTINUE" || input.inventoryQuantity > 0,
    inventory_quantity: input.inventoryQuantity,
    inventory_policy: input.inventoryPolicy === "CONTINUE" ? "continue" : "deny",
    inventory_management: tracked ? "shopify" : null,
    options: input.options,
    option1: input.options[0] ?? null,
    option2: input.options[1] ?? null,
    option3: input.options[2] ?? null,
    metafields: new MetafieldsDrop(input.metafields ?? [], resolveNamespace),
  };
}

export interface ProductInput {
  gid: string;
  title: string;
  handle: string;
  vendor?: string;
  descriptionHtml?: string;
  options: { name: string; values: string[] }[];
  variants: LiquidVariant[];
  /** The `variant` URL parameter, when the page was opened with one. */
  selectedVariantId?: number | null;
  /** Sold only with a selling plan (Shopify's `requiresSellingPlan`). */
  requiresSellingPlan?: boolean;
  metafields?: MetafieldSource[];
}

export interface LiquidProduct {
  id: number;
  title: string;
  handle: string;
  vendor: string;
  description: string;
  url: string;
  options: string[];
  options_with_values: { name: string; position: number; values: string[] }[];
  has_only_default_variant: boolean;
  variants: LiquidVariant[];
  selected_variant: LiquidVariant | null;
  selected_or_first_available_variant: LiquidVariant | null;
  first_available_variant: LiquidVariant | null;
  available: boolean;
  price: number;
  requires_selling_plan: boolean;
  metafields: MetafieldsDrop;
}

export function liquidProduct(input: ProductInput, resolveNamespace: (namespace: string) => string): LiquidProduct {
  const selected = input.variants.find((v) => v.id === input.selectedVariantId) ?? null;
  const firstAvailable = input.variants.find((v) => v.available) ?? null;
  return {
    id: legacyId(input.gid),
    title: input.title,
    handle: input.handle,
    vendor: input.vendor ?? "",
    description: input.descriptionHtml ?? "",
    url: `/products/${input.handle}`,
    options: input.options.map((o) => o.name),
    options_with_values: input.options.map((o, i) => ({ name: o.name, position: i + 1, values: o.values })),
    has_only_default_variant: input.variants.length === 1 && input.variants[0]?.title === "Default Title",
    variants: input.variants,
    selected_variant: selected,
    selected_or_first_available_variant: selected ?? firstAvailable ?? input.variants[0] ?? null,
    first_available_variant: firstAvailable,
    available: input.variants.some((v) => v.available),
    price: Math.min(...input.variants.map((v) => v.price)),
    requires_selling_plan: input.requiresSellingPlan ?? false,
    metafields: new MetafieldsDrop(input.metafields ?? [], resolveNamespace),
  };
}

export interface LiquidShop {
  name: string;
  currency: string;
  metafields: MetafieldsDrop;
}

export function liquidShop(
  input: { name: string; currency: string; metafields?: MetafieldSource[] },
  resolveNamespace: (namespace: string) => string,
): LiquidShop {
  return { name: input.name, currency: input.currency, metafields: new MetafieldsDrop(input.metafields ?? [], resolveNamespace) };
}

export interface LiquidCartItem {
  key: string;
  quantity: number;
  title: string;
  variant: LiquidVariant;
  product_title: string;
  final_line_price: number;
  properties: Record<string, string>;
  /** The selling plan the line was bought with (a deposit or pay-later plan), as Shopify's line item has it. */
  selling_plan_allocation?: { selling_plan: { id: number } } | null;
}

export interface LiquidCart {
  item_count: number;
  items: LiquidCartItem[];
  total_price: number;
}

export function liquidCart(items: LiquidCartItem[]): LiquidCart {
  return {
    item_count: items.reduce((sum, item) => sum + item.quantity, 0),
    items,
    total_price: items.reduce((sum, item) => sum + item.final_line_price, 0),
  };
}
