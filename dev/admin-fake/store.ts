// The in-memory shop behind the Admin fake: plain records plus the helpers tests and demos use to arrange
// and inspect state. GraphQL views over these records live in views.ts.

export type Gid = string;

export type ProductStatus = "ACTIVE" | "DRAFT" | "ARCHIVED" | "UNLISTED";
export type InventoryPolicy = "DENY" | "CONTINUE";
export type FulfillmentOrderStatus =
  | "OPEN"
  | "ON_HOLD"
  | "IN_PROGRESS"
  | "SCHEDULED"
  | "INCOMPLETE"
  | "CLOSED"
  | "CANCELLED";
export type HoldReason =
  | "AWAITING_PAYMENT"
  | "AWAITING_RETURN_ITEMS"
  | "HIGH_RISK_OF_FRAUD"
  | "INCORRECT_ADDRESS"
  | "INVENTORY_OUT_OF_STOCK"
  | "ONLINE_STORE_POST_PURCHASE_CROSS_SELL"
  | "OTHER"
  | "UNKNOWN_DELIVERY_DATE";

/** Quantity names stored per inventory level; `on_hand` is derived (see onHand()). */
export const STORED_QUANTITY_NAMES = [
  "available",
  "committed",
  "incoming",
  "reserved",
  "damaged",
  "safety_stock",
  "quality_control",
] as const;
export type StoredQuantityName = (typeof STORED_QUANTITY_NAMES)[number];
export const QUANTITY_NAMES = [...STORED_QUANTITY_NAMES, "on_hand"] as const;
export type QuantityName = (typeof QUANTITY_NAMES)[number];

export interface ShopRecord {
  id: Gid;
  name: string;
  email: string;
  contactEmail: string;
  myshopifyDomain: string;
  primaryDomainHost: string;
  currencyCode: string;
  ianaTimezone: string;
  timezoneAbbreviation: string;
  countryCode: string;
  country: string;
  city: string;
  zip: string;
  address1: string;
  /** Granted scopes, comma-separated, as returned by the token endpoint. */
  scopes: string;
}

export interface AddressRecord {
  address1: string | null;
  city: string | null;
  zip: string | null;
  province: string | null;
  country: string | null;
  countryCode: string;
}

export interface LocationRecord {
  id: Gid;
  name: string;
  isActive: boolean;
  fulfillsOnlineOrders: boolean;
  address: AddressRecord;
  createdAt: string;
}

export interface ImageRecord {
  id: Gid;
  url: string;
  altText: string | null;
  width: number;
  height: number;
}

export interface ProductRecord {
  id: Gid;
  title: string;
  handle: string;
  status: ProductStatus;
  vendor: string;
  productType: string;
  tags: string[];
  descriptionHtml: string;
  options: { id: Gid; name: string; values: string[] }[];
  variantIds: Gid[];
  featuredImage: ImageRecord | null;
  /** MediaImage gid wrapping featuredImage (Product.featuredMedia). */
  featuredMediaId: Gid | null;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
}

export interface VariantRecord {
  id: Gid;
  productId: Gid;
  title: string;
  sku: string | null;
  barcode: string | null;
  price: string;
  compareAtPrice: string | null;
  inventoryPolicy: InventoryPolicy;
  selectedOptions: { name: string; value: string }[];
  position: number;
  inventoryItemId: Gid;
  createdAt: string;
  updatedAt: string;
}

export interface InventoryLevelRecord {
  locationId: Gid;
  quantities: Record<StoredQuantityName, number>;
  updatedAt: string;
}

export interface InventoryItemRecord {
  id: Gid;
  variantId: Gid;
  tracked: boolean;
  requiresShipping: boolean;
  /** One entry per location where the item is stocked, keyed by location gid. */
  levels: Map<Gid, InventoryLevelRecord>;
  createdAt: string;
  updatedAt: string;
}

export interface CustomerRecord {
  id: Gid;
  email: string | null;
  firstName: string | null;
  lastName: string | null;
  locale: string;
  tags: string[];
  createdAt: string;
  updatedAt: string;
}

export interface LineItemRecord {
  id: Gid;
  variantId: Gid | null;
  productId: Gid | null;
  title: string;
  variantTitle: string | null;
  sku: string | null;
  vendor: string | null;
  quantity: number;
  price: string;
}

export type TransactionKind = "SALE" | "CAPTURE" | "AUTHORIZATION" | "REFUND" | "VOID";

/** A payment on an order (SUCCESS only: the fake models no failed or pending gateway calls). */
export interface TransactionRecord {
  id: Gid;
  kind: TransactionKind;
  gateway: string;
  /** Decimal text in the shop's currency (the fake's orders use one currency). */
  amount: string;
  parentId: Gid | null;
  createdAt: string;
}

export type RestockType = "CANCEL" | "NO_RESTOCK" | "RETURN";

export interface RefundLineItemRecord {
  id: Gid;
  lineItemId: Gid;
  quantity: number;
  restockType: RestockType;
  locationId: Gid | null;
  /** Unit price at the time of the refund. */
  price: string;
}

export interface RefundRecord {
  id: Gid;
  orderId: Gid;
  note: string | null;
  lineItems: RefundLineItemRecord[];
  /** REFUND transactions created with it (also listed on the order). */
  transactionIds: Gid[];
  createdAt: string;
}

/** An asynchronous Admin job (orderCancel): done once the app has polled it once. */
export interface JobRecord {
  id: Gid;
  done: boolean;
}

export interface OrderRecord {
  id: Gid;
  name: string;
  email: string | null;
  customerId: Gid | null;
  customerLocale: string | null;
  tags: string[];
  note: string | null;
  currencyCode: string;
  financialStatus: "PAID" | "PENDING" | "AUTHORIZED" | "PARTIALLY_PAID" | "PARTIALLY_REFUNDED" | "REFUNDED" | "VOIDED";
  test: boolean;
  lineItems: LineItemRecord[];
  /** Payments: a SALE of the order's total when it was placed paid (gateway "bogus", Shopify's test gateway). */
  transactions: TransactionRecord[];
  refunds: RefundRecord[];
  cancelReason: string | null;
  createdAt: string;
  updatedAt: string;
  processedAt: string;
  cancelledAt: string | null;
  closedAt: string | null;
}

export interface FulfillmentOrderLineItemRecord {
  id: Gid;
  lineItemId: Gid;
  totalQuantity: number;
  remainingQuantity: number;
}

export interface HoldRecord {
  id: Gid;
  reason: HoldReason;
  reasonNotes: string | null;
  handle: string | null;
  externalId: string | null;
  /** Numeric app id of the app that placed the hold (the fake's own app unless seeded otherwise). */
  heldByAppId: string;
  createdAt: string;
}

export interface FulfillmentOrderRecord {
  id: Gid;
  orderId: Gid;
  locationId: Gid;
  status: FulfillmentOrderStatus;
  fulfillAt: string | null;
  lineItems: FulfillmentOrderLineItemRecord[];
  holds: HoldRecord[];
  createdAt: string;
  updatedAt: string;
}

export interface MetafieldRecord {
  id: Gid;
  ownerId: Gid;
  ownerType: string;
  namespace: string;
  key: string;
  type: string;
  value: string;
  createdAt: string;
  updatedAt: string;
}

export interface MetafieldDefinitionRecord {
  id: Gid;
  name: string;
  namespace: string;
  key: string;
  type: string;
  ownerType: string;
  description: string | null;
  access: { admin: string | null; storefront: string | null; customerAccount: string };
}

export type DiscountValue =
  | { kind: "percentage"; percentage: number }
  | { kind: "amount"; amount: string; appliesOnEachItem: boolean };

export interface DiscountRecord {
  /** DiscountCodeNode gid. */
  id: Gid;
  codeId: Gid;
  title: string;
  code: string;
  startsAt: string;
  endsAt: string | null;
  usageLimit: number | null;
  appliesOncePerCustomer: boolean;
  /** `context.customers.add`: only these customers may use the code; empty = all buyers. */
  customerIds: Gid[];
  value: DiscountValue;
  items: { all: true } | { all: false; productIds: Gid[]; variantIds: Gid[] };
  combinesWith: { orderDiscounts: boolean; productDiscounts: boolean; shippingDiscounts: boolean };
  createdAt: string;
  updatedAt: string;
}

export interface StoreCreditTransactionRecord {
  id: Gid;
  amount: string;
  balanceAfterTransaction: string;
  expiresAt: string | null;
  createdAt: string;
}

/** One account per owner (customer) and currency, as Shopify keeps them. */
export interface StoreCreditAccountRecord {
  id: Gid;
  ownerId: Gid;
  currencyCode: string;
  balance: string;
  transactions: StoreCreditTransactionRecord[];
}

export interface InventoryChangeRecord {
  name: string;
  delta: number;
  quantityAfterChange: number;
  inventoryItemId: Gid;
  locationId: Gid;
  ledgerDocumentUri: string | null;
}

export interface AdjustmentGroupRecord {
  id: Gid;
  reason: string;
  referenceDocumentUri: string | null;
  changes: InventoryChangeRecord[];
  createdAt: string;
}

/** Emitted after state changes (by mutations or helpers), e.g. so a demo can fire webhooks. */
export type StoreEvent =
  | { type: "inventory_level_updated"; inventoryItemId: Gid; locationId: Gid; available: number }
  | { type: "variant_updated"; variantId: Gid }
  | { type: "product_updated"; productId: Gid }
  | { type: "order_updated"; orderId: Gid }
  /** refundCreate refunded line items (Shopify then sends orders/updated). */
  | { type: "order_refunded"; orderId: Gid }
  /** orderCancel cancelled the order (Shopify then sends orders/cancelled). */
  | { type: "order_cancelled"; orderId: Gid }
  | { type: "fulfillment_order_updated"; fulfillmentOrderId: Gid }
  | { type: "metafield_updated"; ownerId: Gid; namespace: string; key: string; deleted: boolean };

export interface StoreOptions {
  shop: string;
  /** Numeric app id; `$app` namespaces expand to `app--<appId>`. */
  appId: string;
  now: () => number;
}

// Shopify ids are 64-bit and exceed 2^31: start well above it so 32-bit column bugs show up in tests.
const ID_BASE = 7_400_000_000_000;

export class NotFoundError extends Error {}

export interface VariantInput {
  title?: string;
  sku?: string | null;
  barcode?: string | null;
  price?: string;
  compareAtPrice?: string | null;
  inventoryPolicy?: InventoryPolicy;
  /** Option values by option name, e.g. `{ Size: "Large", Colour: "Sage" }`. */
  options?: Record<string, string>;
  tracked?: boolean;
  /** Available quantity per location (gid or name); a number means the first location only. */
  available?: number | Record<string, number>;
  /** Incoming quantity per location (gid or name); a number means the first location only. */
  incoming?: number | Record<string, number>;
}

export interface ProductInput {
  title: string;
  handle?: string;
  status?: ProductStatus;
  vendor?: string;
  productType?: string;
  tags?: string[];
  descriptionHtml?: string;
  image?: { url: string; altText?: string | null } | null;
  /** Omit for a single "Default Title" variant. */
  variants?: VariantInput[];
  createdAt?: string;
}

export interface CustomerInput {
  email?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  locale?: string;
  tags?: string[];
}

export interface OrderInput {
  /** An existing customer gid, a new customer, or null for a guest order. */
  customer?: Gid | CustomerInput | null;
  email?: string | null;
  /** Defaults to the customer's locale. */
  customerLocale?: string | null;
  lineItems: { variantId: Gid; quantity: number; price?: string }[];
  tags?: string[];
  note?: string | null;
  name?: string;
  createdAt?: string;
  financialStatus?: OrderRecord["financialStatus"];
  /** Location of the single fulfillment order; defaults to the first location. */
  locationId?: Gid;
  /** Move ordered units from `available` to `committed`, as Shopify does at checkout (default true). */
  commitInventory?: boolean;
}

export class AdminStore {
  readonly appId: string;
  readonly now: () => number;
  shop!: ShopRecord;
  readonly locations = new Map<Gid, LocationRecord>();
  readonly products = new Map<Gid, ProductRecord>();
  readonly variants = new Map<Gid, VariantRecord>();
  readonly inventoryItems = new Map<Gid, InventoryItemRecord>();
  readonly customers = new Map<Gid, CustomerRecord>();
  readonly orders = new Map<Gid, OrderRecord>();
  readonly fulfillmentOrders = new Map<Gid, FulfillmentOrderRecord>();
  readonly metafields = new Map<Gid, MetafieldRecord>();
  readonly metafieldDefinitions = new Map<Gid, MetafieldDefinitionRecord>();
  readonly discounts = new Map<Gid, DiscountRecord>();
  readonly adjustmentGroups = new Map<Gid, AdjustmentGroupRecord>();
  readonly storeCreditAccounts = new Map<Gid, StoreCreditAccountRecord>();
  readonly jobs = new Map<Gid, JobRecord>();
  /** Results of @idempotent mutations by key, so a retried request replays instead of re-applying. */
  readonly idempotency = new Map<string, { fingerprint: string; result: unknown }>();
  private nextId = 1;
  private nextOrderNumber = 1001;
  private listeners: ((event: StoreEvent) => void)[] = [];
  private readonly shopDomain: string;

  constructor(options: StoreOptions) {
    this.appId = options.appId;
    this.now = options.now;
    this.shopDomain = options.shop;
    this.clear();
  }

  /** Empties the shop (keeps the domain, app id and listeners) and restarts id sequences. */
  clear(): void {
    for (const map of [
      this.locations,
      this.products,
      this.variants,
      this.inventoryItems,
      this.customers,
      this.orders,
      this.fulfillmentOrders,
      this.metafields,
      this.metafieldDefinitions,
      this.discounts,
      this.adjustmentGroups,
      this.storeCreditAccounts,
      this.jobs,
      this.idempotency,
    ] as Map<string, unknown>[]) {
      map.clear();
    }
    this.nextId = 1;
    this.nextOrderNumber = 1001;
    const handle = this.shopDomain.split(".")[0] ?? this.shopDomain;
    this.shop = {
      id: this.gid("Shop"),
      name: handle,
      email: `owner@${handle}.example`,
      contactEmail: `hello@${handle}.example`,
      myshopifyDomain: this.shopDomain,
      primaryDomainHost: this.shopDomain,
      currencyCode: "USD",
      ianaTimezone: "America/New_York",
      timezoneAbbreviation: "EST",
      countryCode: "US",
      country: "United States",
      city: "New York",
      zip: "10001",
      address1: "1 Main Street",
      scopes:
        "read_products,write_products,read_inventory,write_inventory,read_orders,write_orders," +
        "read_merchant_managed_fulfillment_orders,write_merchant_managed_fulfillment_orders,read_discounts,write_discounts",
    };
  }

  // ---- ids, time, events -------------------------------------------------------------------------

  /** A fresh Shopify-style global id, e.g. `gid://shopify/Product/7400000000001`. */
  gid(type: string): Gid {
    return `gid://shopify/${type}/${ID_BASE + this.nextId++}`;
  }

  timestamp(): string {
    return new Date(this.now()).toISOString().replace(/\.\d{3}Z$/, "Z");
  }

  get appGid(): Gid {
    return `gid://shopify/App/${this.appId}`;
  }

  get appInstallationGid(): Gid {
    return `gid://shopify/AppInstallation/${this.appId}0`;
  }

  onChange(listener: (event: StoreEvent) => void): () => void {
    this.listeners.push(listener);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== listener);
    };
  }

  emit(event: StoreEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  /** `$app` → `app--<id>`, `$app:backorder` → `app--<id>--backorder`; omitted → the app namespace. */
  resolveNamespace(namespace: string | null | undefined): string {
    if (namespace == null || namespace === "" || namespace === "$app") return `app--${this.appId}`;
    if (namespace.startsWith("$app:")) return `app--${this.appId}--${namespace.slice("$app:".length)}`;
    return namespace;
  }

  // ---- arranging state ---------------------------------------------------------------------------

  setShop(patch: Partial<Omit<ShopRecord, "id" | "myshopifyDomain">>): ShopRecord {
    Object.assign(this.shop, patch);
    return this.shop;
  }

  addLocation(input: {
    name: string;
    address?: Partial<AddressRecord>;
    isActive?: boolean;
    fulfillsOnlineOrders?: boolean;
  }): LocationRecord {
    const location: LocationRecord = {
      id: this.gid("Location"),
      name: input.name,
      isActive: input.isActive ?? true,
      fulfillsOnlineOrders: input.fulfillsOnlineOrders ?? true,
      address: {
        address1: null,
        city: null,
        zip: null,
        province: null,
        country: this.shop.country,
        countryCode: this.shop.countryCode,
        ...input.address,
      },
      createdAt: this.timestamp(),
    };
    this.locations.set(location.id, location);
    return location;
  }

  private defaultLocation(): LocationRecord {
    const first = this.locations.values().next();
    if (!first.done) return first.value;
    return this.addLocation({ name: "Shop location" });
  }

  private locationRef(ref: string): LocationRecord {
    const location = this.locations.get(ref) ?? [...this.locations.values()].find((l) => l.name === ref);
    if (!location) throw new NotFoundError(`Admin fake store: unknown location ${ref}`);
    return location;
  }

  private perLocation(value: number | Record<string, number> | undefined): Map<Gid, number> {
    const result = new Map<Gid, number>();
    if (value === undefined) return result;
    if (typeof value === "number") {
      result.set(this.defaultLocation().id, value);
      return result;
    }
    for (const [ref, qty] of Object.entries(value)) result.set(this.locationRef(ref).id, qty);
    return result;
  }

  addProduct(input: ProductInput): { product: ProductRecord; variants: VariantRecord[] } {
    const now = input.createdAt ?? this.timestamp();
    const id = this.gid("Product");
    const variantInputs: VariantInput[] = input.variants?.length ? input.variants : [{ title: "Default Title" }];
    const optionNames: string[] = [];
    for (const v of variantInputs) for (const name of Object.keys(v.options ?? {})) {
      if (!optionNames.includes(name)) optionNames.push(name);
    }
    const options = optionNames.length
      ? optionNames.map((name) => ({
          id: this.gid("ProductOption"),
          name,
          values: [...new Set(variantInputs.map((v) => v.options?.[name]).filter((x): x is string => !!x))],
        }))
      : [{ id: this.gid("ProductOption"), name: "Title", values: ["Default Title"] }];
    let featuredImage: ImageRecord | null = null;
    let featuredMediaId: Gid | null = null;
    if (input.image) {
      featuredImage = {
        id: this.gid("ProductImage"),
        url: input.image.url,
        altText: input.image.altText ?? null,
        width: 2048,
        height: 2048,
      };
      featuredMediaId = this.gid("MediaImage");
    }
    const product: ProductRecord = {
      id,
      title: input.title,
      handle: input.handle ?? slugify(input.title),
      status: input.status ?? "ACTIVE",
      vendor: input.vendor ?? this.shop.name,
      productType: input.productType ?? "",
      tags: normalizeTags(input.tags ?? []),
      descriptionHtml: input.descriptionHtml ?? "",
      options,
      variantIds: [],
      featuredImage,
      featuredMediaId,
      createdAt: now,
      updatedAt: now,
      publishedAt: (input.status ?? "ACTIVE") === "ACTIVE" ? now : null,
    };
    this.products.set(id, product);
    const variants = variantInputs.map((v, index) => this.addVariantRecord(product, v, index + 1, now));
    return { product, variants };
  }

  private addVariantRecord(product: ProductRecord, input: VariantInput, position: number, now: string): VariantRecord {
    const selectedOptions = input.options
      ? Object.entries(input.options).map(([name, value]) => ({ name, value }))
      : [{ name: "Title", value: "Default Title" }];
    const variant: VariantRecord = {
      id: this.gid("ProductVariant"),
      productId: product.id,
      title: input.title ?? (input.options ? Object.values(input.options).join(" / ") : "Default Title"),
      sku: input.sku ?? null,
      barcode: input.barcode ?? null,
      price: input.price ?? "0.00",
      compareAtPrice: input.compareAtPrice ?? null,
      inventoryPolicy: input.inventoryPolicy ?? "DENY",
      selectedOptions,
      position,
      inventoryItemId: "",
      createdAt: now,
      updatedAt: now,
    };
    const item: InventoryItemRecord = {
      id: this.gid("InventoryItem"),
      variantId: variant.id,
      tracked: input.tracked ?? true,
      requiresShipping: true,
      levels: new Map(),
      createdAt: now,
      updatedAt: now,
    };
    variant.inventoryItemId = item.id;
    const available = this.perLocation(input.available ?? 0);
    const incoming = this.perLocation(input.incoming);
    for (const locationId of new Set([...available.keys(), ...incoming.keys()])) {
      const level = this.stockAt(item, locationId);
      level.quantities.available = available.get(locationId) ?? 0;
      level.quantities.incoming = incoming.get(locationId) ?? 0;
    }
    this.variants.set(variant.id, variant);
    this.inventoryItems.set(item.id, item);
    product.variantIds.push(variant.id);
    return variant;
  }

  /** Adds a variant to an existing product. */
  addVariant(productId: Gid, input: VariantInput): VariantRecord {
    const product = this.getProduct(productId);
    const variant = this.addVariantRecord(product, input, product.variantIds.length + 1, this.timestamp());
    for (const { name, value } of variant.selectedOptions) {
      const option = product.options.find((o) => o.name === name);
      if (option && !option.values.includes(value)) option.values.push(value);
    }
    return variant;
  }

  /** Starts stocking an inventory item at a location (all quantities 0). */
  stockAt(item: InventoryItemRecord, locationId: Gid): InventoryLevelRecord {
    let level = item.levels.get(locationId);
    if (!level) {
      if (!this.locations.has(locationId)) throw new NotFoundError(`Admin fake store: unknown location ${locationId}`);
      level = {
        locationId,
        quantities: Object.fromEntries(STORED_QUANTITY_NAMES.map((n) => [n, 0])) as Record<StoredQuantityName, number>,
        updatedAt: this.timestamp(),
      };
      item.levels.set(locationId, level);
    }
    return level;
  }

  addCustomer(input: CustomerInput): CustomerRecord {
    const now = this.timestamp();
    const customer: CustomerRecord = {
      id: this.gid("Customer"),
      email: input.email ?? null,
      firstName: input.firstName ?? null,
      lastName: input.lastName ?? null,
      locale: input.locale ?? "en",
      tags: normalizeTags(input.tags ?? []),
      createdAt: now,
      updatedAt: now,
    };
    this.customers.set(customer.id, customer);
    return customer;
  }

  /** Creates an order with one OPEN fulfillment order holding all its line items. */
  addOrder(input: OrderInput): { order: OrderRecord; fulfillmentOrder: FulfillmentOrderRecord } {
    const now = input.createdAt ?? this.timestamp();
    let customer: CustomerRecord | null = null;
    if (typeof input.customer === "string") customer = this.get(this.customers, input.customer, "customer");
    else if (input.customer) customer = this.addCustomer(input.customer);
    const number = this.nextOrderNumber++;
    const lineItems: LineItemRecord[] = input.lineItems.map((li) => {
      const variant = this.getVariant(li.variantId);
      const product = this.getProduct(variant.productId);
      return {
        id: this.gid("LineItem"),
        variantId: variant.id,
        productId: product.id,
        title: product.title,
        variantTitle: variant.title === "Default Title" ? null : variant.title,
        sku: variant.sku,
        vendor: product.vendor,
        quantity: li.quantity,
        price: li.price ?? variant.price,
      };
    });
    const order: OrderRecord = {
      id: this.gid("Order"),
      name: input.name ?? `#${number}`,
      email: input.email !== undefined ? input.email : (customer?.email ?? null),
      customerId: customer?.id ?? null,
      customerLocale: input.customerLocale !== undefined ? input.customerLocale : (customer?.locale ?? null),
      tags: normalizeTags(input.tags ?? []),
      note: input.note ?? null,
      currencyCode: this.shop.currencyCode,
      financialStatus: input.financialStatus ?? "PAID",
      test: false,
      lineItems,
      transactions: [],
      refunds: [],
      cancelReason: null,
      createdAt: now,
      updatedAt: now,
      processedAt: now,
      cancelledAt: null,
      closedAt: null,
    };
    const total = lineItems.reduce((sum, li) => sum + toCents(li.price) * li.quantity, 0);
    const paid = order.financialStatus === "PAID" ? "SALE" : order.financialStatus === "AUTHORIZED" ? "AUTHORIZATION" : null;
    if (paid && total > 0) {
      order.transactions.push({ id: this.gid("OrderTransaction"), kind: paid, gateway: "bogus", amount: fromCents(total), parentId: null, createdAt: now });
    }
    this.orders.set(order.id, order);
    const locationId = input.locationId ?? this.defaultLocation().id;
    const fulfillmentOrder: FulfillmentOrderRecord = {
      id: this.gid("FulfillmentOrder"),
      orderId: order.id,
      locationId,
      status: "OPEN",
      fulfillAt: null,
      lineItems: lineItems.map((li) => ({
        id: this.gid("FulfillmentOrderLineItem"),
        lineItemId: li.id,
        totalQuantity: li.quantity,
        remainingQuantity: li.quantity,
      })),
      holds: [],
      createdAt: now,
      updatedAt: now,
    };
    this.fulfillmentOrders.set(fulfillmentOrder.id, fulfillmentOrder);
    if (input.commitInventory ?? true) this.commitInventory(order.id, now);
    return { order, fulfillmentOrder };
  }

  /**
   * Moves an order's units from `available` to `committed` at its fulfillment order's location, as Shopify does
   * at checkout (addOrder does it unless `commitInventory: false`; a benchmark does it when the order "happens").
   */
  commitInventory(orderId: Gid, at: string = this.timestamp()): void {
    const order = this.getOrder(orderId);
    const locationId = this.fulfillmentOrdersOf(orderId)[0]?.locationId ?? this.defaultLocation().id;
    for (const li of order.lineItems) {
      if (!li.variantId) continue;
      const item = this.getInventoryItem(this.getVariant(li.variantId).inventoryItemId);
      if (!item.tracked) continue;
      const level = this.stockAt(item, locationId);
      level.quantities.available -= li.quantity;
      level.quantities.committed += li.quantity;
      level.updatedAt = at;
    }
  }

  /** Places a hold directly (e.g. one by another app, to test INVALID_ACCESS). */
  addHold(
    fulfillmentOrderId: Gid,
    input: { reason: HoldReason; reasonNotes?: string; handle?: string; heldByAppId?: string },
  ): HoldRecord {
    const fo = this.getFulfillmentOrder(fulfillmentOrderId);
    const hold: HoldRecord = {
      id: this.gid("FulfillmentHold"),
      reason: input.reason,
      reasonNotes: input.reasonNotes ?? null,
      handle: input.handle ?? null,
      externalId: null,
      heldByAppId: input.heldByAppId ?? this.appId,
      createdAt: this.timestamp(),
    };
    fo.holds.push(hold);
    fo.status = "ON_HOLD";
    fo.updatedAt = hold.createdAt;
    return hold;
  }

  // ---- metafields --------------------------------------------------------------------------------

  ownerTypeOf(ownerId: Gid): string | null {
    const type = gidType(ownerId);
    const owners: Record<string, { map?: Map<Gid, unknown>; ownerType: string }> = {
      Shop: { ownerType: "SHOP" },
      Product: { map: this.products, ownerType: "PRODUCT" },
      ProductVariant: { map: this.variants, ownerType: "PRODUCTVARIANT" },
      Order: { map: this.orders, ownerType: "ORDER" },
      Customer: { map: this.customers, ownerType: "CUSTOMER" },
      Location: { map: this.locations, ownerType: "LOCATION" },
      AppInstallation: { ownerType: "API_PERMISSION" },
      DiscountCodeNode: { map: this.discounts, ownerType: "DISCOUNT" },
    };
    const owner = type ? owners[type] : undefined;
    if (!owner) return null;
    if (type === "Shop") return ownerId === this.shop.id ? owner.ownerType : null;
    if (type === "AppInstallation") return ownerId === this.appInstallationGid ? owner.ownerType : null;
    return owner.map?.has(ownerId) ? owner.ownerType : null;
  }

  findMetafield(ownerId: Gid, namespace: string | null | undefined, key: string): MetafieldRecord | undefined {
    const ns = this.resolveNamespace(namespace);
    for (const m of this.metafields.values()) {
      if (m.ownerId === ownerId && m.namespace === ns && m.key === key) return m;
    }
    return undefined;
  }

  listMetafields(ownerId: Gid): MetafieldRecord[] {
    return [...this.metafields.values()].filter((m) => m.ownerId === ownerId);
  }

  /** Writes a metafield without validation (arrange helper); mutations validate in mutations.ts. */
  setMetafield(input: { ownerId: Gid; namespace?: string; key: string; type: string; value: string }): MetafieldRecord {
    const ownerType = this.ownerTypeOf(input.ownerId);
    if (!ownerType) throw new NotFoundError(`Admin fake store: unknown metafield owner ${input.ownerId}`);
    const now = this.timestamp();
    const existing = this.findMetafield(input.ownerId, input.namespace, input.key);
    if (existing) {
      existing.type = input.type;
      existing.value = input.value;
      existing.updatedAt = now;
      this.emit({ type: "metafield_updated", ownerId: existing.ownerId, namespace: existing.namespace, key: existing.key, deleted: false });
      return existing;
    }
    const record: MetafieldRecord = {
      id: this.gid("Metafield"),
      ownerId: input.ownerId,
      ownerType,
      namespace: this.resolveNamespace(input.namespace),
      key: input.key,
      type: input.type,
      value: input.value,
      createdAt: now,
      updatedAt: now,
    };
    this.metafields.set(record.id, record);
    this.emit({ type: "metafield_updated", ownerId: record.ownerId, namespace: record.namespace, key: record.key, deleted: false });
    return record;
  }

  deleteMetafield(ownerId: Gid, namespace: string | null | undefined, key: string): boolean {
    const existing = this.findMetafield(ownerId, namespace, key);
    if (!existing) return false;
    this.metafields.delete(existing.id);
    this.emit({ type: "metafield_updated", ownerId, namespace: existing.namespace, key, deleted: true });
    return true;
  }

  findMetafieldDefinition(ownerType: string, namespace: string, key: string): MetafieldDefinitionRecord | undefined {
    const ns = this.resolveNamespace(namespace);
    for (const d of this.metafieldDefinitions.values()) {
      if (d.ownerType === ownerType && d.namespace === ns && d.key === key) return d;
    }
    return undefined;
  }

  // ---- reading state -----------------------------------------------------------------------------

  private get<T>(map: Map<Gid, T>, id: Gid, what: string): T {
    const found = map.get(id);
    if (!found) throw new NotFoundError(`Admin fake store: no ${what} ${id}`);
    return found;
  }

  getProduct(id: Gid): ProductRecord {
    return this.get(this.products, id, "product");
  }
  getVariant(id: Gid): VariantRecord {
    return this.get(this.variants, id, "variant");
  }
  getInventoryItem(id: Gid): InventoryItemRecord {
    return this.get(this.inventoryItems, id, "inventory item");
  }
  getLocation(id: Gid): LocationRecord {
    return this.get(this.locations, id, "location");
  }
  getCustomer(id: Gid): CustomerRecord {
    return this.get(this.customers, id, "customer");
  }
  getOrder(id: Gid): OrderRecord {
    return this.get(this.orders, id, "order");
  }
  getFulfillmentOrder(id: Gid): FulfillmentOrderRecord {
    return this.get(this.fulfillmentOrders, id, "fulfillment order");
  }
  getDiscount(id: Gid): DiscountRecord {
    return this.get(this.discounts, id, "discount");
  }

  findVariantBySku(sku: string): VariantRecord | undefined {
    return [...this.variants.values()].find((v) => v.sku === sku);
  }
  findProductByHandle(handle: string): ProductRecord | undefined {
    return [...this.products.values()].find((p) => p.handle === handle);
  }
  findOrderByName(name: string): OrderRecord | undefined {
    return [...this.orders.values()].find((o) => o.name === name);
  }
  variantsOf(productId: Gid): VariantRecord[] {
    return this.getProduct(productId).variantIds.map((id) => this.getVariant(id));
  }
  fulfillmentOrdersOf(orderId: Gid): FulfillmentOrderRecord[] {
    return [...this.fulfillmentOrders.values()].filter((fo) => fo.orderId === orderId);
  }

  /** Units of a line item refunded so far. */
  refundedQuantity(order: OrderRecord, lineItemId: Gid): number {
    return order.refunds.reduce((sum, r) => sum + r.lineItems.filter((li) => li.lineItemId === lineItemId).reduce((s, li) => s + li.quantity, 0), 0);
  }

  /** Units of a line item a refund took off fulfillment (restock type CANCEL). */
  cancelledQuantity(order: OrderRecord, lineItemId: Gid): number {
    return order.refunds.reduce(
      (sum, r) => sum + r.lineItems.filter((li) => li.lineItemId === lineItemId && li.restockType === "CANCEL").reduce((s, li) => s + li.quantity, 0),
      0,
    );
  }

  /** Money captured on the order (SALE and CAPTURE), in cents. */
  receivedCents(order: OrderRecord): number {
    return order.transactions.filter((t) => t.kind === "SALE" || t.kind === "CAPTURE").reduce((sum, t) => sum + toCents(t.amount), 0);
  }

  /** Money refunded on the order, in cents. */
  refundedCents(order: OrderRecord): number {
    return order.transactions.filter((t) => t.kind === "REFUND").reduce((sum, t) => sum + toCents(t.amount), 0);
  }

  /** A stored or derived quantity of an inventory item at a location (0 when not stocked there). */
  quantity(inventoryItemId: Gid, locationId: Gid, name: QuantityName): number {
    const level = this.getInventoryItem(inventoryItemId).levels.get(locationId);
    if (!level) return 0;
    return name === "on_hand" ? onHand(level) : level.quantities[name];
  }

  /** Available units of a variant, at one location or summed over all locations. */
  available(variantId: Gid, locationId?: Gid): number {
    const item = this.getInventoryItem(this.getVariant(variantId).inventoryItemId);
    let total = 0;
    for (const level of item.levels.values()) {
      if (!locationId || level.locationId === locationId) total += level.quantities.available;
    }
    return total;
  }

  /** Sets `available` directly (arrange helper; mutations go through inventory*Quantities). */
  setAvailable(variantId: Gid, quantity: number, locationId?: Gid): void {
    const item = this.getInventoryItem(this.getVariant(variantId).inventoryItemId);
    const level = this.stockAt(item, locationId ?? this.defaultLocation().id);
    level.quantities.available = quantity;
    level.updatedAt = this.timestamp();
    this.emit({ type: "inventory_level_updated", inventoryItemId: item.id, locationId: level.locationId, available: quantity });
  }

  /** Simulates stock arriving: incoming → available (as receiving a transfer does). */
  receiveStock(variantId: Gid, quantity: number, locationId?: Gid): void {
    const item = this.getInventoryItem(this.getVariant(variantId).inventoryItemId);
    const level = this.stockAt(item, locationId ?? this.defaultLocation().id);
    level.quantities.incoming = Math.max(0, level.quantities.incoming - quantity);
    level.quantities.available += quantity;
    level.updatedAt = this.timestamp();
    this.emit({
      type: "inventory_level_updated",
      inventoryItemId: item.id,
      locationId: level.locationId,
      available: level.quantities.available,
    });
  }
}

/** "12.50" → 1250. Amounts in the fake are decimal text with at most two decimals. */
export function toCents(amount: string): number {
  return Math.round(Number(amount) * 100);
}

export function fromCents(cents: number): string {
  return (cents / 100).toFixed(2);
}

export function onHand(level: InventoryLevelRecord): number {
  const q = level.quantities;
  return q.available + q.committed + q.reserved + q.damaged + q.safety_stock + q.quality_control;
}

export function gidType(id: string): string | null {
  const match = /^gid:\/\/shopify\/([A-Za-z]+)\/\d+(\?.*)?$/.exec(id);
  return match?.[1] ?? null;
}

export function gidNumber(id: string): number | null {
  const match = /^gid:\/\/shopify\/[A-Za-z]+\/(\d+)/.exec(id);
  return match?.[1] ? Number(match[1]) : null;
}

export function slugify(title: string): string {
  return title
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

/** Shopify splits on commas, trims, drops blanks and duplicates (case-insensitively) and sorts. */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const raw of tags.flatMap((t) => t.split(","))) {
    const tag = raw.trim();
    if (tag && !seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
  }
  return [...seen.values()].sort((a, b) => a.localeCompare(b, "en", { sensitivity: "base" }));
}
