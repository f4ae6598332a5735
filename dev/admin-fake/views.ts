// GraphQL-shaped views over the store's records. A view's keys are exactly the fields the fake implements
// for that type: values are returned as-is, functions are called with (args, context, info). A field
// missing from a view fails loudly (see execute.ts), so add it here when the app needs it.
import { createHash } from "node:crypto";
import { GraphQLError } from "graphql";
import { connection, type ConnectionArgs, type View } from "./connection";
import { filterBySearch, type SearchFields } from "./search";
import {
  type AdminStore,
  type CustomerRecord,
  type DiscountRecord,
  type StoreCreditAccountRecord,
  type StoreCreditTransactionRecord,
  type FulfillmentOrderRecord,
  type Gid,
  type HoldRecord,
  type ImageRecord,
  type InventoryItemRecord,
  type InventoryLevelRecord,
  type LineItemRecord,
  type LocationRecord,
  type MetafieldDefinitionRecord,
  type MetafieldRecord,
  type OrderRecord,
  type ProductRecord,
  type RefundRecord,
  type TransactionRecord,
  type VariantRecord,
  type AdjustmentGroupRecord,
  QUANTITY_NAMES,
  fromCents,
  gidNumber,
  gidType,
  onHand,
  toCents,
} from "./store";
import { refundableQuantity, suggestRefund, type SuggestedLine } from "./refunds";

type Args = Record<string, unknown>;

const HOLD_REASON_LABELS: Record<string, string> = {
  AWAITING_PAYMENT: "Awaiting payment",
  AWAITING_RETURN_ITEMS: "Awaiting return items",
  HIGH_RISK_OF_FRAUD: "High risk of fraud",
  INCORRECT_ADDRESS: "Incorrect address",
  INVENTORY_OUT_OF_STOCK: "Inventory out of stock",
  ONLINE_STORE_POST_PURCHASE_CROSS_SELL: "Online store post purchase cross sell",
  OTHER: "Other",
  UNKNOWN_DELIVERY_DATE: "Unknown delivery date",
};

function notInFake(what: string): GraphQLError {
  return new GraphQLError(`Admin fake: ${what} is not implemented`, { extensions: { code: "NOT_IMPLEMENTED_IN_FAKE" } });
}

export function invalidGid(id: string): GraphQLError {
  return new GraphQLError(`Invalid global id '${id}'`, {
    extensions: { code: "argumentLiteralsIncompatible", typeName: "CoercionError" },
  });
}

export function compareDigest(m: MetafieldRecord): string {
  return createHash("sha256").update(`${m.id}:${m.type}:${m.value}:${m.updatedAt}`).digest("base64url");
}

function parseMetafieldJson(m: MetafieldRecord): unknown {
  if (m.type === "json" || m.type.startsWith("list.") || ["money", "rating", "dimension", "volume", "weight"].includes(m.type)) {
    try {
      return JSON.parse(m.value);
    } catch {
      return m.value;
    }
  }
  if (m.type === "number_integer" || m.type === "number_decimal") return Number(m.value);
  if (m.type === "boolean") return m.value === "true";
  return m.value;
}

export class Views {
  constructor(private readonly store: AdminStore) {}

  private money(amount: string): View {
    return { __typename: "MoneyV2", amount, currencyCode: this.store.shop.currencyCode };
  }

  private moneyBag(amount: string): View {
    return { __typename: "MoneyBag", shopMoney: this.money(amount), presentmentMoney: this.money(amount) };
  }

  private legacy(id: Gid): string {
    return String(gidNumber(id));
  }

  // ---- metafields --------------------------------------------------------------------------------

  private metafieldFields(ownerId: Gid): View {
    const store = this.store;
    return {
      metafield: (args: { key: string; namespace?: string | null }) => {
        const m = store.findMetafield(ownerId, args.namespace, args.key);
        return m ? this.metafield(m) : null;
      },
      metafields: (args: ConnectionArgs & { namespace?: string | null; keys?: string[] | null }) => {
        let list = store.listMetafields(ownerId);
        if (args.namespace != null) {
          const ns = store.resolveNamespace(args.namespace);
          list = list.filter((m) => m.namespace === ns);
        }
        if (args.keys) {
          const wanted = args.keys.map((k) => {
            const dot = k.lastIndexOf(".");
            return { ns: store.resolveNamespace(k.slice(0, dot)), key: k.slice(dot + 1) };
          });
          list = list.filter((m) => wanted.some((w) => w.ns === m.namespace && w.key === m.key));
        }
        return connection(list, args, "Metafield", (m) => this.metafield(m));
      },
    };
  }

  metafield(m: MetafieldRecord): View {
    return {
      __typename: "Metafield",
      id: m.id,
      legacyResourceId: this.legacy(m.id),
      namespace: m.namespace,
      key: m.key,
      type: m.type,
      value: m.value,
      jsonValue: () => parseMetafieldJson(m),
      description: null,
      ownerType: m.ownerType,
      createdAt: m.createdAt,
      updatedAt: m.updatedAt,
      compareDigest: () => compareDigest(m),
      owner: () => this.node(m.ownerId),
      definition: () => {
        const d = this.store.findMetafieldDefinition(m.ownerType, m.namespace, m.key);
        return d ? this.metafieldDefinition(d) : null;
      },
      reference: () => (m.type.endsWith("_reference") && !m.type.startsWith("list.") ? this.node(m.value) : null),
    };
  }

  metafieldDefinition(d: MetafieldDefinitionRecord): View {
    return {
      __typename: "MetafieldDefinition",
      id: d.id,
      name: d.name,
      namespace: d.namespace,
      key: d.key,
      description: d.description,
      ownerType: d.ownerType,
      type: { __typename: "MetafieldDefinitionType", name: d.type, category: metafieldCategory(d.type) },
      access: {
        __typename: "MetafieldAccess",
        admin: d.access.admin,
        storefront: d.access.storefront,
        customerAccount: d.access.customerAccount,
      },
      validations: [],
      pinnedPosition: null,
      metafieldsCount: () => [...this.store.metafields.values()].filter(
        (m) => m.ownerType === d.ownerType && m.namespace === d.namespace && m.key === d.key,
      ).length,
    };
  }

  // ---- shop, app, locations ----------------------------------------------------------------------

  shop(): View {
    const s = this.store.shop;
    return {
      __typename: "Shop",
      id: s.id,
      name: s.name,
      email: s.email,
      contactEmail: s.contactEmail,
      myshopifyDomain: s.myshopifyDomain,
      url: `https://${s.primaryDomainHost}`,
      currencyCode: s.currencyCode,
      enabledPresentmentCurrencies: [s.currencyCode],
      ianaTimezone: s.ianaTimezone,
      timezoneAbbreviation: s.timezoneAbbreviation,
      primaryDomain: {
        __typename: "Domain",
        id: `gid://shopify/Domain/${gidNumber(s.id)}`,
        host: s.primaryDomainHost,
        url: `https://${s.primaryDomainHost}`,
        sslEnabled: true,
      },
      billingAddress: {
        __typename: "ShopAddress",
        id: `gid://shopify/ShopAddress/${gidNumber(s.id)}`,
        address1: s.address1,
        city: s.city,
        zip: s.zip,
        country: s.country,
        countryCodeV2: s.countryCode,
        countryCode: s.countryCode,
      },
      ...this.metafieldFields(s.id),
    };
  }

  app(): View {
    return {
      __typename: "App",
      id: this.store.appGid,
      title: "Backorder Pilot",
      handle: "backorder-pilot",
      apiKey: "fake-api-key",
    };
  }

  appInstallation(): View {
    return {
      __typename: "AppInstallation",
      id: this.store.appInstallationGid,
      app: () => this.app(),
      ...this.metafieldFields(this.store.appInstallationGid),
    };
  }

  location(l: LocationRecord): View {
    const items = (): InventoryItemRecord[] =>
      [...this.store.inventoryItems.values()].filter((i) => i.levels.has(l.id));
    return {
      __typename: "Location",
      id: l.id,
      legacyResourceId: this.legacy(l.id),
      name: l.name,
      isActive: l.isActive,
      fulfillsOnlineOrders: l.fulfillsOnlineOrders,
      shipsInventory: true,
      hasActiveInventory: () => items().length > 0,
      createdAt: l.createdAt,
      address: {
        __typename: "LocationAddress",
        address1: l.address.address1,
        city: l.address.city,
        zip: l.address.zip,
        province: l.address.province,
        country: l.address.country,
        countryCode: l.address.countryCode,
      },
      inventoryLevel: (args: { inventoryItemId: Gid }) => {
        const item = this.store.inventoryItems.get(args.inventoryItemId);
        const level = item?.levels.get(l.id);
        return item && level ? this.inventoryLevel(item, level) : null;
      },
      inventoryLevels: (args: ConnectionArgs & { query?: string | null }) =>
        connection(
          items().map((item) => ({ id: item.id, item, level: item.levels.get(l.id) as InventoryLevelRecord })),
          args,
          "InventoryLevel",
          ({ item, level }) => this.inventoryLevel(item, level),
        ),
      ...this.metafieldFields(l.id),
    };
  }

  // ---- catalogue ---------------------------------------------------------------------------------

  private image(img: ImageRecord): View {
    return {
      __typename: "Image",
      id: img.id,
      url: () => img.url,
      altText: img.altText,
      width: img.width,
      height: img.height,
    };
  }

  product(p: ProductRecord): View {
    const store = this.store;
    const variants = (): VariantRecord[] => store.variantsOf(p.id);
    const totalInventory = (): number =>
      variants()
        .filter((v) => store.getInventoryItem(v.inventoryItemId).tracked)
        .reduce((sum, v) => sum + store.available(v.id), 0);
    const mediaImage = (): View | null =>
      p.featuredImage && p.featuredMediaId
        ? {
            __typename: "MediaImage",
            id: p.featuredMediaId,
            alt: p.featuredImage.altText,
            mediaContentType: "IMAGE",
            status: "READY",
            image: this.image(p.featuredImage),
            preview: { __typename: "MediaPreviewImage", status: "READY", image: this.image(p.featuredImage) },
          }
        : null;
    return {
      __typename: "Product",
      id: p.id,
      legacyResourceId: this.legacy(p.id),
      title: p.title,
      handle: p.handle,
      status: p.status,
      vendor: p.vendor,
      productType: p.productType,
      tags: [...p.tags],
      descriptionHtml: p.descriptionHtml,
      createdAt: p.createdAt,
      updatedAt: p.updatedAt,
      publishedAt: p.publishedAt,
      onlineStoreUrl: () =>
        p.status === "ACTIVE" && p.publishedAt ? `https://${store.shop.primaryDomainHost}/products/${p.handle}` : null,
      totalInventory,
      tracksInventory: () => variants().some((v) => store.getInventoryItem(v.inventoryItemId).tracked),
      hasOnlyDefaultVariant: () => p.options.length === 1 && p.options[0]?.name === "Title" && variants().length === 1,
      hasOutOfStockVariants: () => variants().some((v) => store.available(v.id) <= 0),
      variantsCount: () => ({ __typename: "Count", count: variants().length, precision: "EXACT" }),
      options: (args: { first?: number | null }) =>
        p.options.slice(0, args.first ?? undefined).map((o, index) => ({
          __typename: "ProductOption",
          id: o.id,
          name: o.name,
          position: index + 1,
          values: [...o.values],
          optionValues: o.values.map((value, i) => ({
            __typename: "ProductOptionValue",
            id: `gid://shopify/ProductOptionValue/${(gidNumber(o.id) ?? 0) * 100 + i}`,
            name: value,
            hasVariants: variants().some((v) => v.selectedOptions.some((so) => so.name === o.name && so.value === value)),
          })),
        })),
      priceRangeV2: () => {
        const prices = variants().map((v) => Number(v.price));
        const fmt = (n: number): string => (Number.isFinite(n) ? n.toFixed(2) : "0.00");
        return {
          __typename: "ProductPriceRangeV2",
          minVariantPrice: this.money(fmt(Math.min(...prices))),
          maxVariantPrice: this.money(fmt(Math.max(...prices))),
        };
      },
      featuredImage: () => (p.featuredImage ? this.image(p.featuredImage) : null),
      featuredMedia: mediaImage,
      variants: (args: ConnectionArgs) => connection(variants(), args, "ProductVariant", (v) => this.variant(v)),
      ...this.metafieldFields(p.id),
    };
  }

  variant(v: VariantRecord): View {
    const store = this.store;
    const product = (): ProductRecord => store.getProduct(v.productId);
    const item = (): InventoryItemRecord => store.getInventoryItem(v.inventoryItemId);
    return {
      __typename: "ProductVariant",
      id: v.id,
      legacyResourceId: this.legacy(v.id),
      title: v.title,
      displayName: () => `${product().title} - ${v.title}`,
      sku: v.sku,
      barcode: v.barcode,
      price: v.price,
      compareAtPrice: v.compareAtPrice,
      inventoryPolicy: v.inventoryPolicy,
      inventoryQuantity: () => store.available(v.id),
      availableForSale: () =>
        product().status === "ACTIVE" &&
        (!item().tracked || v.inventoryPolicy === "CONTINUE" || store.available(v.id) > 0),
      position: v.position,
      selectedOptions: v.selectedOptions.map((o) => ({ __typename: "SelectedOption", name: o.name, value: o.value })),
      createdAt: v.createdAt,
      updatedAt: v.updatedAt,
      product: () => this.product(product()),
      inventoryItem: () => this.inventoryItem(item()),
      image: () => {
        const img = product().featuredImage;
        return img ? this.image(img) : null;
      },
      ...this.metafieldFields(v.id),
    };
  }

  inventoryItem(i: InventoryItemRecord): View {
    const store = this.store;
    const levels = (): { id: string; level: InventoryLevelRecord }[] =>
      [...i.levels.values()].map((level) => ({ id: level.locationId, level }));
    return {
      __typename: "InventoryItem",
      id: i.id,
      legacyResourceId: this.legacy(i.id),
      sku: () => store.getVariant(i.variantId).sku,
      tracked: i.tracked,
      requiresShipping: i.requiresShipping,
      createdAt: i.createdAt,
      updatedAt: i.updatedAt,
      variant: () => this.variant(store.getVariant(i.variantId)),
      inventoryLevel: (args: { locationId: Gid }) => {
        const level = i.levels.get(args.locationId);
        return level ? this.inventoryLevel(i, level) : null;
      },
      inventoryLevels: (args: ConnectionArgs & { query?: string | null }) =>
        connection(levels(), args, "InventoryLevel", ({ level }) => this.inventoryLevel(i, level)),
    };
  }

  inventoryLevel(i: InventoryItemRecord, level: InventoryLevelRecord): View {
    const store = this.store;
    const levelId = `gid://shopify/InventoryLevel/${gidNumber(level.locationId)}?inventory_item_id=${gidNumber(i.id)}`;
    return {
      __typename: "InventoryLevel",
      id: levelId,
      updatedAt: level.updatedAt,
      location: () => this.location(store.getLocation(level.locationId)),
      item: () => this.inventoryItem(i),
      quantities: (args: { names: string[] }) =>
        args.names.map((name) => {
          if (!(QUANTITY_NAMES as readonly string[]).includes(name)) {
            throw new GraphQLError(
              `The quantity name '${name}' is not valid. Valid names are: ${QUANTITY_NAMES.join(", ")}.`,
              { extensions: { code: "BAD_REQUEST" } },
            );
          }
          return {
            __typename: "InventoryQuantity",
            id: `gid://shopify/InventoryQuantity/${gidNumber(level.locationId)}?inventory_item_id=${gidNumber(i.id)}&name=${name}`,
            name,
            quantity: name === "on_hand" ? onHand(level) : level.quantities[name as keyof typeof level.quantities],
            updatedAt: level.updatedAt,
          };
        }),
    };
  }

  // ---- customers and orders ----------------------------------------------------------------------

  customer(c: CustomerRecord): View {
    return {
      __typename: "Customer",
      id: c.id,
      legacyResourceId: this.legacy(c.id),
      email: c.email,
      defaultEmailAddress: c.email
        ? { __typename: "CustomerEmailAddress", emailAddress: c.email, marketingState: "NOT_SUBSCRIBED" }
        : null,
      firstName: c.firstName,
      lastName: c.lastName,
      displayName: [c.firstName, c.lastName].filter(Boolean).join(" ") || c.email || "",
      locale: c.locale,
      tags: [...c.tags],
      storeCreditAccounts: (args: ConnectionArgs) =>
        connection(
          [...this.store.storeCreditAccounts.values()].filter((a) => a.ownerId === c.id),
          args,
          "StoreCreditAccount",
          (a) => this.storeCreditAccount(a),
        ),
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
      ...this.metafieldFields(c.id),
    };
  }

  private lineItem(o: OrderRecord, li: LineItemRecord): View {
    const store = this.store;
    const fulfilled = (): number => 0;
    const refunded = (): number => store.refundedQuantity(o, li.id);
    /** Units a refund with restock type CANCEL took off the fulfillment orders. */
    const cancelled = (): number => store.cancelledQuantity(o, li.id);
    const unfulfilled = (): number =>
      store
        .fulfillmentOrdersOf(o.id)
        .flatMap((fo) => (fo.status === "CLOSED" || fo.status === "CANCELLED" ? [] : fo.lineItems))
        .filter((foli) => foli.lineItemId === li.id)
        .reduce((sum, foli) => sum + foli.remainingQuantity, 0);
    return {
      __typename: "LineItem",
      id: li.id,
      title: li.title,
      name: li.variantTitle ? `${li.title} - ${li.variantTitle}` : li.title,
      variantTitle: li.variantTitle,
      sku: li.sku,
      vendor: li.vendor,
      quantity: li.quantity,
      currentQuantity: () => li.quantity - refunded(),
      refundableQuantity: () => refundableQuantity(store, o, li.id),
      unfulfilledQuantity: unfulfilled,
      fulfillableQuantity: () => li.quantity - fulfilled() - cancelled(),
      requiresShipping: true,
      originalUnitPriceSet: this.moneyBag(li.price),
      discountedUnitPriceSet: this.moneyBag(li.price),
      variant: () => (li.variantId && store.variants.has(li.variantId) ? this.variant(store.getVariant(li.variantId)) : null),
      product: () => (li.productId && store.products.has(li.productId) ? this.product(store.getProduct(li.productId)) : null),
    };
  }

  order(o: OrderRecord): View {
    const store = this.store;
    const total = o.lineItems.reduce((sum, li) => sum + Number(li.price) * li.quantity, 0).toFixed(2);
    const fulfillmentOrders = (): FulfillmentOrderRecord[] => store.fulfillmentOrdersOf(o.id);
    return {
      __typename: "Order",
      id: o.id,
      legacyResourceId: this.legacy(o.id),
      name: o.name,
      email: o.email,
      customerLocale: o.customerLocale,
      customer: () => (o.customerId ? this.customer(store.getCustomer(o.customerId)) : null),
      tags: [...o.tags],
      note: o.note,
      test: o.test,
      currencyCode: o.currencyCode,
      presentmentCurrencyCode: o.currencyCode,
      createdAt: o.createdAt,
      updatedAt: o.updatedAt,
      processedAt: o.processedAt,
      cancelledAt: o.cancelledAt,
      cancelReason: o.cancelReason,
      closedAt: o.closedAt,
      closed: o.closedAt !== null,
      displayFinancialStatus: o.financialStatus,
      fullyPaid: o.financialStatus === "PAID",
      unpaid: o.financialStatus === "PENDING" || o.financialStatus === "AUTHORIZED",
      displayFulfillmentStatus: () => {
        const fos = fulfillmentOrders();
        if (fos.length && fos.every((fo) => fo.status === "CLOSED")) return "FULFILLED";
        if (fos.some((fo) => fo.status === "ON_HOLD")) return "ON_HOLD";
        if (fos.some((fo) => fo.status === "IN_PROGRESS")) return "IN_PROGRESS";
        return "UNFULFILLED";
      },
      totalPriceSet: this.moneyBag(total),
      subtotalPriceSet: this.moneyBag(total),
      currentTotalPriceSet: this.moneyBag(total),
      totalReceivedSet: () => this.moneyBag(fromCents(store.receivedCents(o))),
      totalRefundedSet: () => this.moneyBag(fromCents(store.refundedCents(o))),
      netPaymentSet: () => this.moneyBag(fromCents(store.receivedCents(o) - store.refundedCents(o))),
      refundable: () => store.receivedCents(o) - store.refundedCents(o) > 0,
      transactions: (args: { first?: number | null; capturable?: boolean | null; manuallyResolvable?: boolean | null }) => {
        if (args.capturable != null || args.manuallyResolvable != null) throw notInFake("Order.transactions(capturable:, manuallyResolvable:)");
        return o.transactions.slice(0, args.first ?? undefined).map((t) => this.transaction(o, t));
      },
      refunds: (args: { first?: number | null }) => o.refunds.slice(0, args.first ?? undefined).map((r) => this.refund(o, r)),
      suggestedRefund: (args: {
        refundLineItems?: { lineItemId: string; quantity: number; restockType?: string | null; locationId?: string | null }[] | null;
        suggestFullRefund?: boolean | null;
        refundShipping?: boolean | null;
        shippingAmount?: unknown;
        refundDuties?: unknown[] | null;
        refundMethodAllocation?: string | null;
      }) => {
        if (args.refundShipping || args.shippingAmount != null || args.refundDuties?.length) {
          throw notInFake("Order.suggestedRefund(refundShipping:, shippingAmount:, refundDuties:)");
        }
        if (args.refundMethodAllocation && args.refundMethodAllocation !== "ORIGINAL_PAYMENT_METHODS") {
          throw notInFake(`Order.suggestedRefund(refundMethodAllocation: ${args.refundMethodAllocation})`);
        }
        const suggestion = suggestRefund(store, o, {
          full: Boolean(args.suggestFullRefund),
          lines: (args.refundLineItems ?? []).map((l) => ({
            lineItemId: l.lineItemId,
            quantity: l.quantity,
            restockType: (l.restockType ?? null) as SuggestedLine["restockType"] | null,
            locationId: l.locationId ?? null,
          })),
        });
        const zero = this.moneyBag("0.00");
        return {
          __typename: "SuggestedRefund",
          amountSet: this.moneyBag(fromCents(suggestion.amount)),
          maximumRefundableSet: this.moneyBag(fromCents(suggestion.maximum)),
          subtotalSet: this.moneyBag(fromCents(suggestion.subtotal)),
          discountedSubtotalSet: this.moneyBag(fromCents(suggestion.subtotal)),
          totalTaxSet: zero,
          totalCartDiscountAmountSet: zero,
          totalDutiesSet: zero,
          refundDuties: [],
          suggestedRefundMethods: [],
          shipping: { __typename: "ShippingRefund", amountSet: zero, maximumRefundableSet: zero, taxSet: zero },
          refundLineItems: suggestion.lines.map((l) => this.refundLineItem(o, { id: null, ...l })),
          suggestedTransactions: suggestion.transactions.map((t) => ({
            __typename: "SuggestedOrderTransaction",
            kind: "SUGGESTED_REFUND",
            gateway: t.parent.gateway,
            formattedGateway: t.parent.gateway === "bogus" ? "Bogus" : t.parent.gateway,
            accountNumber: null,
            paymentDetails: null,
            amountSet: this.moneyBag(fromCents(t.amount)),
            maximumRefundableSet: this.moneyBag(fromCents(t.maximum)),
            parentTransaction: () => this.transaction(o, t.parent),
          })),
        };
      },
      lineItems: (args: ConnectionArgs) => connection(o.lineItems, args, "LineItem", (li) => this.lineItem(o, li)),
      fulfillmentOrders: (args: ConnectionArgs & { displayable?: boolean | null; query?: string | null }) => {
        let list = fulfillmentOrders();
        if (args.displayable) list = list.filter((fo) => fo.status !== "CANCELLED" && fo.status !== "INCOMPLETE");
        list = filterBySearch(list, args.query, FULFILLMENT_ORDER_SEARCH);
        return connection(list, args, "FulfillmentOrder", (fo) => this.fulfillmentOrder(fo));
      },
      ...this.metafieldFields(o.id),
    };
  }

  transaction(o: OrderRecord, t: TransactionRecord): View {
    return {
      __typename: "OrderTransaction",
      id: t.id,
      kind: t.kind,
      status: "SUCCESS",
      gateway: t.gateway,
      formattedGateway: t.gateway === "bogus" ? "Bogus" : t.gateway,
      test: t.gateway === "bogus",
      amountSet: this.moneyBag(t.amount),
      createdAt: t.createdAt,
      processedAt: t.createdAt,
      order: () => this.order(o),
      parentTransaction: () => {
        const parent = t.parentId ? o.transactions.find((x) => x.id === t.parentId) : undefined;
        return parent ? this.transaction(o, parent) : null;
      },
    };
  }

  refundLineItem(o: OrderRecord, l: { id: string | null; lineItemId: string; quantity: number; restockType: string; price: string; locationId: string | null }): View {
    const store = this.store;
    const li = o.lineItems.find((x) => x.id === l.lineItemId) as LineItemRecord;
    const subtotal = fromCents(toCents(l.price) * l.quantity);
    return {
      __typename: "RefundLineItem",
      id: l.id,
      quantity: l.quantity,
      restockType: l.restockType,
      restocked: l.id !== null && l.restockType !== "NO_RESTOCK",
      priceSet: this.moneyBag(l.price),
      subtotalSet: this.moneyBag(subtotal),
      totalTaxSet: this.moneyBag("0.00"),
      lineItem: () => this.lineItem(o, li),
      location: () => (l.locationId && store.locations.has(l.locationId) ? this.location(store.getLocation(l.locationId)) : null),
    };
  }

  refund(o: OrderRecord, r: RefundRecord): View {
    const transactions = (): TransactionRecord[] => o.transactions.filter((t) => r.transactionIds.includes(t.id));
    const total = (): string => fromCents(transactions().reduce((sum, t) => sum + toCents(t.amount), 0));
    return {
      __typename: "Refund",
      id: r.id,
      legacyResourceId: this.legacy(r.id),
      note: r.note,
      createdAt: r.createdAt,
      processedAt: r.createdAt,
      updatedAt: r.createdAt,
      staffMember: null,
      return: null,
      duties: [],
      order: () => this.order(o),
      totalRefundedSet: () => this.moneyBag(total()),
      refundLineItems: (args: ConnectionArgs) => connection(r.lineItems, args, "RefundLineItem", (l) => this.refundLineItem(o, l)),
      transactions: (args: ConnectionArgs) => connection(transactions(), args, "OrderTransaction", (t) => this.transaction(o, t)),
    };
  }

  job(id: string, done: boolean): View {
    return {
      __typename: "Job",
      id,
      done,
      query: () => {
        throw notInFake("Job.query");
      },
    };
  }

  hold(h: HoldRecord): View {
    return {
      __typename: "FulfillmentHold",
      id: h.id,
      reason: h.reason,
      reasonNotes: h.reasonNotes,
      handle: h.handle,
      displayReason: HOLD_REASON_LABELS[h.reason] ?? h.reason,
      heldByRequestingApp: h.heldByAppId === this.store.appId,
      heldByApp: () =>
        h.heldByAppId === this.store.appId
          ? this.app()
          : { __typename: "App", id: `gid://shopify/App/${h.heldByAppId}`, title: "Another app", handle: null, apiKey: "other" },
    };
  }

  fulfillmentOrder(fo: FulfillmentOrderRecord): View {
    const store = this.store;
    const order = (): OrderRecord => store.getOrder(fo.orderId);
    const location = (): LocationRecord => store.getLocation(fo.locationId);
    return {
      __typename: "FulfillmentOrder",
      id: fo.id,
      orderId: fo.orderId,
      orderName: () => order().name,
      orderProcessedAt: () => order().processedAt,
      order: () => this.order(order()),
      status: fo.status,
      requestStatus: "UNSUBMITTED",
      createdAt: fo.createdAt,
      updatedAt: fo.updatedAt,
      fulfillAt: fo.fulfillAt,
      fulfillBy: null,
      assignedLocation: () => {
        const l = location();
        return {
          __typename: "FulfillmentOrderAssignedLocation",
          name: l.name,
          address1: l.address.address1,
          address2: null,
          city: l.address.city,
          zip: l.address.zip,
          province: l.address.province,
          countryCode: l.address.countryCode,
          phone: null,
          location: this.location(l),
        };
      },
      fulfillmentHolds: fo.holds.map((h) => this.hold(h)),
      supportedActions: () => {
        const actions: string[] =
          fo.status === "OPEN"
            ? ["CREATE_FULFILLMENT", "REPORT_PROGRESS", "MOVE", "HOLD", "SPLIT"]
            : fo.status === "ON_HOLD"
              ? ["RELEASE_HOLD", "HOLD", "MOVE"]
              : fo.status === "IN_PROGRESS"
                ? ["CREATE_FULFILLMENT", "HOLD", "MARK_AS_OPEN"]
                : [];
        return actions.map((action) => ({ __typename: "FulfillmentOrderSupportedAction", action, externalUrl: null }));
      },
      lineItems: (args: ConnectionArgs) =>
        connection(fo.lineItems, args, "FulfillmentOrderLineItem", (foli) => {
          const li = order().lineItems.find((x) => x.id === foli.lineItemId) as LineItemRecord;
          const variant = li.variantId ? store.variants.get(li.variantId) : undefined;
          return {
            __typename: "FulfillmentOrderLineItem",
            id: foli.id,
            totalQuantity: foli.totalQuantity,
            remainingQuantity: foli.remainingQuantity,
            sku: li.sku,
            productTitle: li.title,
            variantTitle: li.variantTitle,
            vendor: li.vendor,
            requiresShipping: true,
            inventoryItemId: variant?.inventoryItemId ?? null,
            lineItem: () => this.lineItem(order(), li),
            variant: () => (variant ? this.variant(variant) : null),
          };
        }),
    };
  }

  // ---- discounts, inventory adjustments ----------------------------------------------------------

  storeCreditAccount(a: StoreCreditAccountRecord): View {
    const money = (amount: string) => ({ __typename: "MoneyV2", amount, currencyCode: a.currencyCode });
    return {
      __typename: "StoreCreditAccount",
      id: a.id,
      balance: money(a.balance),
      owner: () => this.customer(this.store.getCustomer(a.ownerId)),
      transactions: (args: ConnectionArgs) =>
        connection(a.transactions, args, "StoreCreditAccountCreditTransaction", (t) => this.storeCreditTransaction(a, t)),
    };
  }

  storeCreditTransaction(a: StoreCreditAccountRecord, t: StoreCreditTransactionRecord): View {
    const money = (amount: string) => ({ __typename: "MoneyV2", amount, currencyCode: a.currencyCode });
    return {
      __typename: "StoreCreditAccountCreditTransaction",
      id: t.id,
      account: () => this.storeCreditAccount(a),
      amount: money(t.amount),
      balanceAfterTransaction: money(t.balanceAfterTransaction),
      remainingAmount: money(t.amount),
      createdAt: t.createdAt,
      expiresAt: t.expiresAt,
      event: "ADJUSTMENT",
      origin: null,
    };
  }

  discountCodeNode(d: DiscountRecord): View {
    const store = this.store;
    const now = store.now();
    const status =
      Date.parse(d.startsAt) > now ? "SCHEDULED" : d.endsAt && Date.parse(d.endsAt) <= now ? "EXPIRED" : "ACTIVE";
    const value =
      d.value.kind === "percentage"
        ? { __typename: "DiscountPercentage", percentage: d.value.percentage }
        : { __typename: "DiscountAmount", amount: this.money(d.value.amount), appliesOnEachItem: d.value.appliesOnEachItem };
    const items = d.items;
    const codeView = {
      __typename: "DiscountRedeemCode",
      id: d.codeId,
      code: d.code,
      asyncUsageCount: 0,
      createdBy: () => this.app(),
    };
    return {
      __typename: "DiscountCodeNode",
      id: d.id,
      codeDiscount: {
        __typename: "DiscountCodeBasic",
        title: d.title,
        status,
        summary:
          d.value.kind === "percentage"
            ? `${Math.round(d.value.percentage * 100)}% off ${items.all ? "entire order" : "selected products"}`
            : `${d.value.amount} off ${items.all ? "entire order" : "selected products"}`,
        startsAt: d.startsAt,
        endsAt: d.endsAt,
        createdAt: d.createdAt,
        updatedAt: d.updatedAt,
        usageLimit: d.usageLimit,
        appliesOncePerCustomer: d.appliesOncePerCustomer,
        asyncUsageCount: 0,
        discountClasses: [items.all ? "ORDER" : "PRODUCT"],
        combinesWith: { __typename: "DiscountCombinesWith", ...d.combinesWith, productDiscountsWithTagsOnSameCartLine: null },
        codesCount: { __typename: "Count", count: 1, precision: "EXACT" },
        codes: (args: ConnectionArgs) => connection([codeView], args, "DiscountRedeemCode", (c) => c),
        context: d.customerIds.length
          ? { __typename: "DiscountCustomers", customers: d.customerIds.map((id) => this.customer(store.getCustomer(id))) }
          : { __typename: "DiscountBuyerSelectionAll", all: "ALL" },
        customerGets: {
          __typename: "DiscountCustomerGets",
          appliesOnOneTimePurchase: true,
          appliesOnSubscription: false,
          value,
          items: items.all
            ? { __typename: "AllDiscountItems", allItems: true }
            : {
                __typename: "DiscountProducts",
                products: (args: ConnectionArgs) =>
                  connection(items.productIds.map((id) => store.getProduct(id)), args, "Product", (p) => this.product(p)),
                productVariants: (args: ConnectionArgs) =>
                  connection(items.variantIds.map((id) => store.getVariant(id)), args, "ProductVariant", (v) =>
                    this.variant(v),
                  ),
              },
        },
      },
      ...this.metafieldFields(d.id),
    };
  }

  adjustmentGroup(g: AdjustmentGroupRecord): View {
    const store = this.store;
    return {
      __typename: "InventoryAdjustmentGroup",
      id: g.id,
      createdAt: g.createdAt,
      reason: g.reason,
      referenceDocumentUri: g.referenceDocumentUri,
      app: () => this.app(),
      staffMember: null,
      changes: (args: { inventoryItemIds?: Gid[] | null; locationIds?: Gid[] | null; quantityNames?: string[] | null }) =>
        g.changes
          .filter(
            (c) =>
              (!args.inventoryItemIds || args.inventoryItemIds.includes(c.inventoryItemId)) &&
              (!args.locationIds || args.locationIds.includes(c.locationId)) &&
              (!args.quantityNames || args.quantityNames.includes(c.name)),
          )
          .map((c) => ({
            __typename: "InventoryChange",
            name: c.name,
            delta: c.delta,
            quantityAfterChange: c.quantityAfterChange,
            ledgerDocumentUri: c.ledgerDocumentUri,
            item: () => (store.inventoryItems.has(c.inventoryItemId) ? this.inventoryItem(store.getInventoryItem(c.inventoryItemId)) : null),
            location: () => (store.locations.has(c.locationId) ? this.location(store.getLocation(c.locationId)) : null),
          })),
    };
  }

  // ---- global ids --------------------------------------------------------------------------------

  /** Any node by global id, or null when it does not exist (throws on a malformed id, like Shopify). */
  node(id: string): View | null {
    const type = gidType(id);
    if (!type) throw invalidGid(id);
    const s = this.store;
    const inventoryLevel = (): View | null => {
      const m = /^gid:\/\/shopify\/InventoryLevel\/(\d+)\?inventory_item_id=(\d+)$/.exec(id);
      if (!m) return null;
      const item = [...s.inventoryItems.values()].find((i) => String(gidNumber(i.id)) === m[2]);
      const level = item && [...item.levels.values()].find((l) => String(gidNumber(l.locationId)) === m[1]);
      return item && level ? this.inventoryLevel(item, level) : null;
    };
    const pick = <T,>(map: Map<Gid, T>, view: (record: T) => View): View | null => {
      const record = map.get(id);
      return record ? view(record) : null;
    };
    switch (type) {
      case "Shop":
        return id === s.shop.id ? this.shop() : null;
      case "App":
        return id === s.appGid ? this.app() : null;
      case "AppInstallation":
        return id === s.appInstallationGid ? this.appInstallation() : null;
      case "Location":
        return pick(s.locations, (l) => this.location(l));
      case "Product":
        return pick(s.products, (p) => this.product(p));
      case "ProductVariant":
        return pick(s.variants, (v) => this.variant(v));
      case "InventoryItem":
        return pick(s.inventoryItems, (i) => this.inventoryItem(i));
      case "InventoryLevel":
        return inventoryLevel();
      case "Customer":
        return pick(s.customers, (c) => this.customer(c));
      case "Order":
        return pick(s.orders, (o) => this.order(o));
      case "FulfillmentOrder":
        return pick(s.fulfillmentOrders, (fo) => this.fulfillmentOrder(fo));
      case "FulfillmentHold": {
        for (const fo of s.fulfillmentOrders.values()) {
          const h = fo.holds.find((x) => x.id === id);
          if (h) return this.hold(h);
        }
        return null;
      }
      case "Metafield":
        return pick(s.metafields, (m) => this.metafield(m));
      case "MetafieldDefinition":
        return pick(s.metafieldDefinitions, (d) => this.metafieldDefinition(d));
      case "DiscountCodeNode":
        return pick(s.discounts, (d) => this.discountCodeNode(d));
      case "InventoryAdjustmentGroup":
        return pick(s.adjustmentGroups, (g) => this.adjustmentGroup(g));
      default:
        throw new GraphQLError(`Admin fake: node lookup for ${type} is not implemented`, {
          extensions: { code: "NOT_IMPLEMENTED_IN_FAKE" },
        });
    }
  }
}

function metafieldCategory(type: string): string {
  const base = type.replace(/^list\./, "");
  if (base.endsWith("_reference")) return "REFERENCE";
  if (["number_integer", "number_decimal", "rating"].includes(base)) return "NUMBER";
  if (["date", "date_time"].includes(base)) return "DATE_TIME";
  if (["dimension", "volume", "weight"].includes(base)) return "MEASUREMENT";
  if (base === "boolean") return "TRUE_FALSE";
  if (base === "json") return "ADVANCED";
  return "TEXT";
}

// ---- search specs -------------------------------------------------------------------------------

export function productSearch(store: AdminStore): SearchFields<ProductRecord> {
  const total = (p: ProductRecord): number =>
    store
      .variantsOf(p.id)
      .filter((v) => store.getInventoryItem(v.inventoryItemId).tracked)
      .reduce((sum, v) => sum + store.available(v.id), 0);
  return {
    resource: "products",
    fields: {
      id: (p) => p.id,
      title: (p) => p.title,
      handle: (p) => p.handle,
      status: (p) => p.status,
      vendor: (p) => p.vendor,
      product_type: (p) => p.productType,
      tag: (p) => p.tags,
      tag_not: () => {
        throw new GraphQLError("Admin fake: use -tag:x instead of tag_not:x", { extensions: { code: "NOT_IMPLEMENTED_IN_FAKE" } });
      },
      sku: (p) => store.variantsOf(p.id).map((v) => v.sku),
      barcode: (p) => store.variantsOf(p.id).map((v) => v.barcode),
      inventory_total: total,
      out_of_stock_somewhere: (p) => store.variantsOf(p.id).some((v) => store.available(v.id) <= 0),
      created_at: (p) => p.createdAt,
      updated_at: (p) => p.updatedAt,
    },
    dateFields: ["created_at", "updated_at"],
    defaultText: (p) => [p.title, p.handle, p.vendor, p.productType, ...p.tags, ...store.variantsOf(p.id).map((v) => v.sku ?? "")].join(" "),
  };
}

export function variantSearch(store: AdminStore): SearchFields<VariantRecord> {
  return {
    resource: "productVariants",
    fields: {
      id: (v) => v.id,
      product_id: (v) => v.productId,
      title: (v) => v.title,
      sku: (v) => v.sku,
      barcode: (v) => v.barcode,
      inventory_quantity: (v) => store.available(v.id),
      inventory_policy: (v) => v.inventoryPolicy,
      product_status: (v) => store.getProduct(v.productId).status,
      tag: (v) => store.getProduct(v.productId).tags,
      vendor: (v) => store.getProduct(v.productId).vendor,
      created_at: (v) => v.createdAt,
      updated_at: (v) => v.updatedAt,
    },
    dateFields: ["created_at", "updated_at"],
    defaultText: (v) => `${store.getProduct(v.productId).title} ${v.title} ${v.sku ?? ""}`,
  };
}

export function orderSearch(store: AdminStore): SearchFields<OrderRecord> {
  const foStatuses = (o: OrderRecord): string[] => store.fulfillmentOrdersOf(o.id).map((fo) => fo.status);
  return {
    resource: "orders",
    fields: {
      id: (o) => o.id,
      name: (o) => [o.name, o.name.replace(/^#/, "")],
      email: (o) => o.email,
      tag: (o) => o.tags,
      status: (o) => (o.cancelledAt ? "cancelled" : o.closedAt ? "closed" : "open"),
      financial_status: (o) => o.financialStatus.toLowerCase(),
      fulfillment_status: (o) => {
        const statuses = foStatuses(o);
        if (statuses.length && statuses.every((s) => s === "CLOSED")) return ["shipped", "fulfilled"];
        if (statuses.includes("ON_HOLD")) return ["unshipped", "unfulfilled", "on_hold"];
        return ["unshipped", "unfulfilled"];
      },
      sku: (o) => o.lineItems.map((li) => li.sku),
      customer_id: (o) => o.customerId,
      created_at: (o) => o.createdAt,
      updated_at: (o) => o.updatedAt,
      processed_at: (o) => o.processedAt,
    },
    dateFields: ["created_at", "updated_at", "processed_at"],
    defaultText: (o) => `${o.name} ${o.email ?? ""} ${o.lineItems.map((li) => `${li.title} ${li.sku ?? ""}`).join(" ")}`,
  };
}

export const FULFILLMENT_ORDER_SEARCH: SearchFields<FulfillmentOrderRecord> = {
  resource: "fulfillmentOrders",
  fields: {
    id: (fo) => fo.id,
    status: (fo) => fo.status,
    assigned_location_id: (fo) => fo.locationId,
    updated_at: (fo) => fo.updatedAt,
  },
  dateFields: ["updated_at"],
  defaultText: (fo) => fo.status,
};

export const LOCATION_SEARCH: SearchFields<LocationRecord> = {
  resource: "locations",
  fields: {
    id: (l) => l.id,
    name: (l) => l.name,
    active: (l) => l.isActive,
  },
  defaultText: (l) => l.name,
};

export const CUSTOMER_SEARCH: SearchFields<CustomerRecord> = {
  resource: "customers",
  fields: {
    id: (c) => c.id,
    email: (c) => c.email,
    tag: (c) => c.tags,
    locale: (c) => c.locale,
  },
  defaultText: (c) => `${c.firstName ?? ""} ${c.lastName ?? ""} ${c.email ?? ""}`,
};

export type { Args };
