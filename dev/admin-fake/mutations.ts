// Mutation fields of the Admin fake. Each validates everything first and returns Shopify-style userErrors
// (field paths and codes from the 2026-07 schema's enums); state changes only when there are none, so a
// failed mutation is atomic like Shopify's. Input fields the fake does not model fail loudly.
import { GraphQLError, type GraphQLResolveInfo, getDirectiveValues } from "graphql";
import type { View } from "./connection";
import type { FakeContext, RootResolver } from "./queries";
import {
  type AdminStore,
  type FulfillmentOrderLineItemRecord,
  type FulfillmentOrderRecord,
  type Gid,
  type HoldReason,
  type InventoryChangeRecord,
  type InventoryLevelRecord,
  type MetafieldRecord,
  STORED_QUANTITY_NAMES,
  type StoredQuantityName,
  gidType,
  normalizeTags,
  onHand,
} from "./store";
import { compareDigest, invalidGid } from "./views";

export interface UserError {
  field: string[] | null;
  message: string;
  code: string | null;
  elementIndex: number | null;
  elementKey: string | null;
  extraInfo: string | null;
}

// One shape for every *UserError type: the extra keys are null, as Shopify returns them when unused.
export const err = (field: (string | number)[] | null, message: string, code: string | null = null): UserError => ({
  field: field ? field.map(String) : null,
  message,
  code,
  elementIndex: null,
  elementKey: null,
  extraInfo: null,
});

export function notImplemented(what: string): GraphQLError {
  return new GraphQLError(`Admin fake: ${what} is not implemented`, { extensions: { code: "NOT_IMPLEMENTED_IN_FAKE" } });
}

/** Schema defaults graphql-js fills in (false, "", []) and nulls are not "set" for onlyKeys. */
function isUnset(value: unknown): boolean {
  return value === undefined || value === null || value === false || value === "" || (Array.isArray(value) && value.length === 0);
}

/** Fails loudly when an input object carries fields the fake would otherwise silently ignore. */
export function onlyKeys(input: object, allowed: readonly string[], typeName: string): void {
  for (const [key, value] of Object.entries(input)) {
    if (!isUnset(value) && !allowed.includes(key)) throw notImplemented(`${typeName}.${key}`);
  }
}

export function checkGid(id: string): void {
  if (!gidType(id)) throw invalidGid(id);
}

// ---- metafield types ----------------------------------------------------------------------------

const SCALAR_METAFIELD_TYPES = [
  "boolean",
  "color",
  "date",
  "date_time",
  "dimension",
  "id",
  "json",
  "link",
  "money",
  "multi_line_text_field",
  "number_decimal",
  "number_integer",
  "rating",
  "rich_text_field",
  "single_line_text_field",
  "url",
  "volume",
  "weight",
  "collection_reference",
  "customer_reference",
  "company_reference",
  "file_reference",
  "metaobject_reference",
  "mixed_reference",
  "page_reference",
  "product_reference",
  "product_taxonomy_value_reference",
  "variant_reference",
];
const LISTABLE = SCALAR_METAFIELD_TYPES.filter((t) => !["boolean", "json", "money", "multi_line_text_field", "rich_text_field"].includes(t));

export function isMetafieldType(type: string): boolean {
  return SCALAR_METAFIELD_TYPES.includes(type) || (type.startsWith("list.") && LISTABLE.includes(type.slice(5)));
}

/** Returns why `value` is not a valid `type` value, or null. Messages follow Shopify's wording where known. */
export function metafieldValueProblem(type: string, value: string): string | null {
  if (type.startsWith("list.")) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(value);
    } catch {
      return "Value must be an array.";
    }
    if (!Array.isArray(parsed)) return "Value must be an array.";
    for (const element of parsed) {
      const problem = metafieldValueProblem(type.slice(5), typeof element === "string" ? element : JSON.stringify(element));
      if (problem) return problem;
    }
    return null;
  }
  switch (type) {
    case "json":
    case "money":
    case "rating":
    case "dimension":
    case "volume":
    case "weight":
    case "link":
    case "rich_text_field":
      try {
        JSON.parse(value);
        return null;
      } catch (e) {
        return `Value is invalid JSON: ${(e as Error).message}.`;
      }
    case "boolean":
      return value === "true" || value === "false" ? null : "Value must be true or false.";
    case "number_integer":
      return /^[-+]?\d+$/.test(value) ? null : "Value must be an integer.";
    case "number_decimal":
      return /^[-+]?\d+(\.\d+)?$/.test(value) ? null : "Value must be a decimal.";
    case "date":
      return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))
        ? null
        : "Value must be in “YYYY-MM-DD” format.";
    case "date_time":
      return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.test(value) && !Number.isNaN(Date.parse(value))
        ? null
        : "Value must be in “YYYY-MM-DDTHH:MM:SS” format.";
    case "url":
      return /^(https?|mailto|sms|tel):/.test(value) || value.startsWith("/") ? null : "Value must be a valid URL.";
    case "color":
      return /^#[0-9a-fA-F]{6}$/.test(value) ? null : "Value must be a hex color code (e.g. #4A90E2).";
    case "single_line_text_field":
      return /[\r\n]/.test(value) ? "Value must be a single line of text." : null;
    default:
      if (type.endsWith("_reference")) return gidType(value) ? null : "Value must be a valid global ID.";
      return null;
  }
}

const NAME_RE = /^[A-Za-z0-9_-]+$/;

interface MetafieldPlan {
  ownerId: Gid;
  namespace: string;
  key: string;
  type: string;
  value: string;
}

/** Validates one metafield write; pushes errors with `path` as the prefix of every field path. */
function planMetafield(
  store: AdminStore,
  input: { ownerId: Gid; namespace?: string | null; key?: string | null; type?: string | null; value?: string | null; compareDigest?: string | null },
  path: (string | number)[],
  errors: UserError[],
): MetafieldPlan | null {
  const before = errors.length;
  const ownerType = store.ownerTypeOf(input.ownerId);
  if (!ownerType) errors.push(err([...path, "ownerId"], "Owner does not exist.", "INVALID"));
  const namespace = store.resolveNamespace(input.namespace);
  if (namespace.length < 3) errors.push(err([...path, "namespace"], "Namespace is too short (minimum is 3 characters)", "TOO_SHORT"));
  else if (namespace.length > 255) errors.push(err([...path, "namespace"], "Namespace is too long (maximum is 255 characters)", "TOO_LONG"));
  else if (!NAME_RE.test(namespace)) errors.push(err([...path, "namespace"], "Namespace contains one or more invalid characters.", "INVALID"));
  const key = input.key ?? "";
  if (key.length < 2) errors.push(err([...path, "key"], "Key is too short (minimum is 2 characters)", "TOO_SHORT"));
  else if (key.length > 64) errors.push(err([...path, "key"], "Key is too long (maximum is 64 characters)", "TOO_LONG"));
  else if (!NAME_RE.test(key)) errors.push(err([...path, "key"], "Key contains one or more invalid characters.", "INVALID"));
  if (errors.length > before || !ownerType) return null;

  const existing = store.findMetafield(input.ownerId, namespace, key);
  const definition = store.findMetafieldDefinition(ownerType, namespace, key);
  const type = input.type ?? definition?.type ?? existing?.type;
  if (!type) {
    errors.push(err([...path, "type"], "Type can't be blank", "BLANK"));
    return null;
  }
  if (!isMetafieldType(type)) {
    errors.push(err([...path, "type"], `Type '${type}' is not a valid metafield type.`, "INVALID_TYPE"));
    return null;
  }
  if (definition && definition.type !== type) {
    errors.push(err([...path, "type"], `Type must be '${definition.type}' to match the metafield definition.`, "INVALID_TYPE"));
    return null;
  }
  const value = input.value ?? "";
  if (value === "") {
    errors.push(err([...path, "value"], "Value can't be blank", "BLANK"));
    return null;
  }
  const problem = metafieldValueProblem(type, value);
  if (problem) {
    errors.push(err([...path, "value"], problem, "INVALID_VALUE"));
    return null;
  }
  if ("compareDigest" in input && input.compareDigest !== undefined) {
    const stale =
      input.compareDigest === null ? existing !== undefined : !existing || compareDigest(existing) !== input.compareDigest;
    if (stale) {
      errors.push(
        err(
          [...path, "compareDigest"],
          "The resource has been updated since it was loaded. Try again with an updated `compareDigest` value.",
          "STALE_OBJECT",
        ),
      );
      return null;
    }
  }
  return { ownerId: input.ownerId, namespace, key, type, value };
}

// ---- inventory ----------------------------------------------------------------------------------

const INVENTORY_REASONS = [
  "correction",
  "cycle_count_available",
  "damaged",
  "movement_canceled",
  "movement_created",
  "movement_received",
  "movement_updated",
  "other",
  "promotion",
  "quality_control",
  "received",
  "reservation_created",
  "reservation_deleted",
  "reservation_updated",
  "restock",
  "safety_stock",
  "shrinkage",
];

/** The @idempotent key; mandatory for inventory mutations since 2026-04 (a runtime rule, not a schema one). */
export function idempotencyKey(info: GraphQLResolveInfo): string {
  const node = info.fieldNodes[0];
  const directive = info.schema.getDirective("idempotent");
  const values = node && directive ? getDirectiveValues(directive, node, info.variableValues) : undefined;
  if (!values || typeof values.key !== "string") {
    throw new GraphQLError(`The @idempotent directive is required for ${info.fieldName}.`, {
      extensions: { code: "BAD_REQUEST", documentation: "https://shopify.dev/docs/api/usage/idempotent-requests" },
    });
  }
  return values.key;
}

/** Runs `apply` once per idempotency key; a retry with the same arguments replays the first result. */
function idempotent(
  store: AdminStore,
  info: GraphQLResolveInfo,
  args: unknown,
  codeOnMismatch: string,
  apply: () => { groupId: Gid | null; userErrors: UserError[] },
  ctx: FakeContext,
): View {
  const key = `${info.fieldName}:${idempotencyKey(info)}`;
  const fingerprint = JSON.stringify(args);
  const render = (r: { groupId: Gid | null; userErrors: UserError[] }): View => ({
    inventoryAdjustmentGroup: r.groupId ? ctx.views.adjustmentGroup(store.adjustmentGroups.get(r.groupId) as never) : null,
    userErrors: r.userErrors,
  });
  const previous = store.idempotency.get(key);
  if (previous) {
    if (previous.fingerprint !== fingerprint) {
      return {
        inventoryAdjustmentGroup: null,
        userErrors: [err(null, "The idempotency key was already used with different parameters.", codeOnMismatch)],
      };
    }
    return render(previous.result as { groupId: Gid | null; userErrors: UserError[] });
  }
  const result = apply();
  store.idempotency.set(key, { fingerprint, result });
  return render(result);
}

function checkInventoryTarget(
  store: AdminStore,
  itemId: Gid,
  locationId: Gid,
  path: (string | number)[],
  errors: UserError[],
): InventoryLevelRecord | null {
  checkGid(itemId);
  checkGid(locationId);
  const item = store.inventoryItems.get(itemId);
  if (!item) {
    errors.push(err([...path, "inventoryItemId"], "The specified inventory item could not be found.", "INVALID_INVENTORY_ITEM"));
    return null;
  }
  if (!store.locations.has(locationId)) {
    errors.push(err([...path, "locationId"], "The specified location could not be found.", "INVALID_LOCATION"));
    return null;
  }
  const level = item.levels.get(locationId);
  if (!level) {
    errors.push(
      err([...path, "locationId"], "The specified inventory item is not stocked at the location.", "ITEM_NOT_STOCKED_AT_LOCATION"),
    );
    return null;
  }
  return level;
}

function currentQuantity(level: InventoryLevelRecord, name: string): number {
  return name === "on_hand" ? onHand(level) : level.quantities[name as StoredQuantityName];
}

/** Applies a delta to a quantity name; `on_hand` moves `available` (on_hand is derived). Returns change rows. */
function applyDelta(
  store: AdminStore,
  itemId: Gid,
  level: InventoryLevelRecord,
  name: string,
  delta: number,
  ledgerDocumentUri: string | null,
): InventoryChangeRecord[] {
  const stored: StoredQuantityName = name === "on_hand" ? "available" : (name as StoredQuantityName);
  level.quantities[stored] += delta;
  level.updatedAt = store.timestamp();
  const row = (n: string): InventoryChangeRecord => ({
    name: n,
    delta,
    quantityAfterChange: currentQuantity(level, n),
    inventoryItemId: itemId,
    locationId: level.locationId,
    ledgerDocumentUri,
  });
  const rows = [row(name)];
  if (name === "available") rows.push(row("on_hand"));
  else if (name === "on_hand") rows.push(row("available"));
  else if (name !== "incoming") rows.push(row("on_hand"));
  return rows;
}

// ---- fulfillment orders -------------------------------------------------------------------------

const HOLDABLE: FulfillmentOrderRecord["status"][] = ["OPEN", "ON_HOLD", "IN_PROGRESS", "SCHEDULED"];

// ---- resolvers ----------------------------------------------------------------------------------

export function mutationResolvers(): Record<string, RootResolver> {
  return {
    productVariantsBulkUpdate: (args, ctx) => {
      const { store, views } = ctx;
      const productId = String(args.productId);
      checkGid(productId);
      const inputs = args.variants as Record<string, unknown>[];
      if (args.media) throw notImplemented("productVariantsBulkUpdate(media:)");
      const product = store.products.get(productId);
      if (!product) {
        return {
          product: null,
          productVariants: null,
          userErrors: [err(["productId"], "Product does not exist", "PRODUCT_DOES_NOT_EXIST")],
        };
      }
      const errors: UserError[] = [];
      const plans: (() => Gid)[] = [];
      inputs.forEach((input, i) => {
        onlyKeys(
          input,
          ["id", "inventoryPolicy", "price", "compareAtPrice", "barcode", "metafields", "inventoryItem"],
          "ProductVariantsBulkInput",
        );
        const before = errors.length;
        const id = input.id as string | null | undefined;
        if (!id) {
          errors.push(err(["variants", i, "id"], "Product variant is missing ID attribute", "PRODUCT_VARIANT_ID_MISSING"));
          return;
        }
        checkGid(id);
        const variant = store.variants.get(id);
        if (!variant) {
          errors.push(err(["variants", i, "id"], "Product variant does not exist", "PRODUCT_VARIANT_DOES_NOT_EXIST"));
          return;
        }
        if (variant.productId !== product.id) {
          errors.push(err(["variants", i, "id"], "Product variant does not belong to this product", "MUST_BE_FOR_THIS_PRODUCT"));
          return;
        }
        const price = input.price as string | null | undefined;
        if (price != null && Number(price) < 0) {
          errors.push(err(["variants", i, "price"], "Price must be greater than or equal to 0", "GREATER_THAN_OR_EQUAL_TO"));
        }
        const item = input.inventoryItem as Record<string, unknown> | null | undefined;
        if (item) onlyKeys(item, ["sku", "tracked", "requiresShipping"], "InventoryItemInput");
        const metafields = (input.metafields as Record<string, string | null>[] | null | undefined) ?? [];
        const metafieldPlans = metafields.map((m, j) => {
          onlyKeys(m, ["namespace", "key", "type", "value"], "MetafieldInput");
          return planMetafield(
            store,
            { ownerId: variant.id, namespace: m.namespace, key: m.key, type: m.type, value: m.value },
            ["variants", i, "metafields", j],
            errors,
          );
        });
        if (errors.length > before) return;
        plans.push(() => {
          if (input.inventoryPolicy != null) variant.inventoryPolicy = input.inventoryPolicy as "DENY" | "CONTINUE";
          if (price != null) variant.price = Number(price).toFixed(2);
          if (input.compareAtPrice !== undefined)
            variant.compareAtPrice = input.compareAtPrice == null ? null : Number(input.compareAtPrice).toFixed(2);
          if (input.barcode !== undefined) variant.barcode = (input.barcode as string | null) ?? null;
          if (item) {
            const record = store.getInventoryItem(variant.inventoryItemId);
            if (item.sku !== undefined) variant.sku = (item.sku as string | null) ?? null;
            if (item.tracked != null) record.tracked = Boolean(item.tracked);
            if (item.requiresShipping != null) record.requiresShipping = Boolean(item.requiresShipping);
            record.updatedAt = store.timestamp();
          }
          for (const plan of metafieldPlans) if (plan) store.setMetafield(plan);
          variant.updatedAt = store.timestamp();
          store.emit({ type: "variant_updated", variantId: variant.id });
          return variant.id;
        });
      });
      if (errors.length && !args.allowPartialUpdates) return { product: null, productVariants: null, userErrors: errors };
      const updated = plans.map((apply) => apply());
      if (updated.length) {
        product.updatedAt = store.timestamp();
        store.emit({ type: "product_updated", productId: product.id });
      }
      return {
        product: views.product(product),
        productVariants: updated.map((id) => views.variant(store.getVariant(id))),
        userErrors: errors,
      };
    },

    metafieldsSet: (args, { store, views }) => {
      const inputs = args.metafields as Record<string, string | null>[];
      if (inputs.length > 25) {
        throw new GraphQLError(`The input array size of ${inputs.length} is greater than the maximum allowed of 25.`, {
          extensions: { code: "MAX_INPUT_SIZE_EXCEEDED" },
        });
      }
      const errors: UserError[] = [];
      const plans = inputs.map((input, i) => {
        checkGid(String(input.ownerId));
        return planMetafield(store, input as { ownerId: string }, ["metafields", i], errors);
      });
      if (errors.length) return { metafields: [], userErrors: errors };
      const written: MetafieldRecord[] = plans.map((plan) => store.setMetafield(plan as MetafieldPlan));
      return { metafields: written.map((m) => views.metafield(m)), userErrors: [] };
    },

    metafieldsDelete: (args, { store }) => {
      const inputs = args.metafields as { ownerId: string; namespace: string; key: string }[];
      const errors: UserError[] = [];
      inputs.forEach((input, i) => {
        checkGid(input.ownerId);
        if (!store.ownerTypeOf(input.ownerId)) errors.push(err(["metafields", i, "ownerId"], "Owner does not exist."));
      });
      if (errors.length) return { deletedMetafields: null, userErrors: errors };
      const deleted = inputs.map((input) =>
        store.deleteMetafield(input.ownerId, input.namespace, input.key)
          ? {
              __typename: "MetafieldIdentifier",
              ownerId: input.ownerId,
              namespace: store.resolveNamespace(input.namespace),
              key: input.key,
            }
          : null,
      );
      return { deletedMetafields: deleted, userErrors: [] };
    },

    metafieldDefinitionCreate: (args, { store, views }) => {
      const input = args.definition as Record<string, unknown>;
      onlyKeys(input, ["name", "namespace", "key", "type", "ownerType", "description", "access", "pin"], "MetafieldDefinitionInput");
      const errors: UserError[] = [];
      const namespace = store.resolveNamespace(input.namespace as string | null | undefined);
      const key = String(input.key);
      const type = String(input.type);
      const ownerType = String(input.ownerType);
      const isAppNamespace = namespace.startsWith(`app--${store.appId}`);
      if (!String(input.name ?? "").trim()) errors.push(err(["definition", "name"], "Name can't be blank", "BLANK"));
      if (key.length < 2) errors.push(err(["definition", "key"], "Key is too short (minimum is 2 characters)", "TOO_SHORT"));
      else if (key.length > 64) errors.push(err(["definition", "key"], "Key is too long (maximum is 64 characters)", "TOO_LONG"));
      else if (!NAME_RE.test(key)) errors.push(err(["definition", "key"], "Key contains one or more invalid characters.", "INVALID_CHARACTER"));
      if (!NAME_RE.test(namespace) || namespace.length < 3) {
        errors.push(err(["definition", "namespace"], "Namespace contains one or more invalid characters.", "INVALID_CHARACTER"));
      }
      if (!isMetafieldType(type)) errors.push(err(["definition", "type"], "Type name is not a valid type", "INCLUSION"));
      const access = (input.access as Record<string, string | null> | null | undefined) ?? {};
      onlyKeys(access, ["admin", "storefront", "customerAccount"], "MetafieldAccessInput");
      if (access.admin && !isAppNamespace) {
        errors.push(
          err(["definition", "access", "admin"], "Admin access can only be specified on app-reserved namespaces.", "ADMIN_ACCESS_INPUT_NOT_ALLOWED"),
        );
      }
      if (!errors.length && store.findMetafieldDefinition(ownerType, namespace, key)) {
        errors.push(
          err(
            ["definition", "key"],
            `Key is in use for ${ownerType.toLowerCase()} metafields on the '${namespace}' namespace.`,
            "TAKEN",
          ),
        );
      }
      if (errors.length) return { createdDefinition: null, userErrors: errors };
      const id = store.gid("MetafieldDefinition");
      const record = {
        id,
        name: String(input.name),
        namespace,
        key,
        type,
        ownerType,
        description: (input.description as string | null | undefined) ?? null,
        access: {
          admin: access.admin ?? (isAppNamespace ? "MERCHANT_READ" : "PUBLIC_READ_WRITE"),
          storefront: access.storefront ?? "NONE",
          customerAccount: access.customerAccount ?? "NONE",
        },
      };
      store.metafieldDefinitions.set(id, record);
      return { createdDefinition: views.metafieldDefinition(record), userErrors: [] };
    },

    tagsAdd: (args, ctx) => changeTags(args, ctx, "add"),
    tagsRemove: (args, ctx) => changeTags(args, ctx, "remove"),

    fulfillmentOrderHold: (args, { store, views }) => {
      const id = String(args.id);
      checkGid(id);
      const input = args.fulfillmentHold as {
        reason: HoldReason;
        reasonNotes?: string | null;
        handle?: string | null;
        externalId?: string | null;
        notifyMerchant?: boolean | null;
        fulfillmentOrderLineItems?: { id: string; quantity: number }[] | null;
      };
      const none = { fulfillmentHold: null, fulfillmentOrder: null, remainingFulfillmentOrder: null };
      const fo = store.fulfillmentOrders.get(id);
      if (!fo) return { ...none, userErrors: [err(["id"], "Fulfillment order not found.", "FULFILLMENT_ORDER_NOT_FOUND")] };
      const errors: UserError[] = [];
      if (!HOLDABLE.includes(fo.status)) {
        errors.push(err(["id"], `The fulfillment order's status (${fo.status.toLowerCase()}) doesn't allow placing a hold.`));
      }
      const ours = fo.holds.filter((h) => h.heldByAppId === store.appId);
      if (ours.length >= 10) {
        errors.push(
          err(["id"], "The maximum number of fulfillment holds for this fulfillment order has been reached for this app.", "FULFILLMENT_ORDER_HOLD_LIMIT_REACHED"),
        );
      }
      if (input.handle && ours.some((h) => h.handle === input.handle)) {
        errors.push(
          err(
            ["fulfillmentHold", "handle"],
            "The handle provided for the fulfillment hold is already in use by this app for another hold on this fulfillment order.",
            "DUPLICATE_FULFILLMENT_HOLD_HANDLE",
          ),
        );
      }
      // The schema defaults fulfillmentOrderLineItems to [] (= hold everything).
      const requested = input.fulfillmentOrderLineItems?.length ? input.fulfillmentOrderLineItems : null;
      if (requested) {
        const ids = requested.map((r) => r.id);
        if (new Set(ids).size !== ids.length) {
          errors.push(
            err(["fulfillmentHold", "fulfillmentOrderLineItems"], "Duplicated fulfillment order line items.", "DUPLICATED_FULFILLMENT_ORDER_LINE_ITEMS"),
          );
        }
        requested.forEach((r, i) => {
          const line = fo.lineItems.find((li) => li.id === r.id);
          if (r.quantity <= 0) {
            errors.push(err(["fulfillmentHold", "fulfillmentOrderLineItems", i, "quantity"], "must be greater than 0", "GREATER_THAN_ZERO"));
          } else if (!line || r.quantity > line.remainingQuantity) {
            errors.push(
              err(
                ["fulfillmentHold", "fulfillmentOrderLineItems", i, "quantity"],
                "The line item quantity is invalid.",
                "INVALID_LINE_ITEM_QUANTITY",
              ),
            );
          }
        });
      }
      const splits =
        requested !== null &&
        fo.lineItems.some((li) => {
          const held = requested.find((r) => r.id === li.id)?.quantity ?? 0;
          return li.remainingQuantity - held > 0;
        });
      if (splits && !errors.length && fo.status !== "OPEN") {
        errors.push(err(["id"], "The fulfillment order cannot be split.", "FULFILLMENT_ORDER_NOT_SPLITTABLE"));
      }
      if (errors.length) return { ...none, userErrors: errors };

      let remaining: FulfillmentOrderRecord | null = null;
      const now = store.timestamp();
      if (splits && requested) {
        const rest: FulfillmentOrderLineItemRecord[] = [];
        const kept: FulfillmentOrderLineItemRecord[] = [];
        for (const li of fo.lineItems) {
          const held = requested.find((r) => r.id === li.id)?.quantity ?? 0;
          if (held > 0) kept.push({ ...li, totalQuantity: held, remainingQuantity: held });
          if (li.remainingQuantity - held > 0) {
            rest.push({
              id: store.gid("FulfillmentOrderLineItem"),
              lineItemId: li.lineItemId,
              totalQuantity: li.remainingQuantity - held,
              remainingQuantity: li.remainingQuantity - held,
            });
          }
        }
        fo.lineItems = kept;
        remaining = {
          id: store.gid("FulfillmentOrder"),
          orderId: fo.orderId,
          locationId: fo.locationId,
          status: "OPEN",
          fulfillAt: fo.fulfillAt,
          lineItems: rest,
          holds: [],
          createdAt: now,
          updatedAt: now,
        };
        store.fulfillmentOrders.set(remaining.id, remaining);
      }
      const hold = {
        id: store.gid("FulfillmentHold"),
        reason: input.reason,
        reasonNotes: input.reasonNotes ?? null,
        handle: input.handle || null,
        externalId: input.externalId ?? null,
        heldByAppId: store.appId,
        createdAt: now,
      };
      fo.holds.push(hold);
      fo.status = "ON_HOLD";
      fo.updatedAt = now;
      store.getOrder(fo.orderId).updatedAt = now;
      store.emit({ type: "fulfillment_order_updated", fulfillmentOrderId: fo.id });
      return {
        fulfillmentHold: views.hold(hold),
        fulfillmentOrder: views.fulfillmentOrder(fo),
        remainingFulfillmentOrder: remaining ? views.fulfillmentOrder(remaining) : null,
        userErrors: [],
      };
    },

    fulfillmentOrderReleaseHold: (args, { store, views }) => {
      const id = String(args.id);
      checkGid(id);
      if (args.externalId != null) throw notImplemented("fulfillmentOrderReleaseHold(externalId:)");
      const fo = store.fulfillmentOrders.get(id);
      if (!fo) return { fulfillmentOrder: null, userErrors: [err(["id"], "Fulfillment order not found.", "FULFILLMENT_ORDER_NOT_FOUND")] };
      if (fo.status !== "ON_HOLD") {
        return { fulfillmentOrder: null, userErrors: [err(["id"], "The fulfillment order is not on hold.")] };
      }
      const holdIds = (args.holdIds as string[] | null | undefined) ?? null;
      const errors: UserError[] = [];
      let releasing = fo.holds.filter((h) => h.heldByAppId === store.appId);
      if (holdIds) {
        releasing = [];
        holdIds.forEach((holdId, i) => {
          checkGid(holdId);
          const hold = fo.holds.find((h) => h.id === holdId);
          if (!hold) errors.push(err(["holdIds", i], "Fulfillment hold not found."));
          else if (hold.heldByAppId !== store.appId) {
            errors.push(err(["holdIds", i], "The app doesn't have access to release this hold.", "INVALID_ACCESS"));
          } else releasing.push(hold);
        });
      }
      if (errors.length) return { fulfillmentOrder: null, userErrors: errors };
      fo.holds = fo.holds.filter((h) => !releasing.includes(h));
      if (!fo.holds.length) fo.status = fo.fulfillAt && Date.parse(fo.fulfillAt) > store.now() ? "SCHEDULED" : "OPEN";
      fo.updatedAt = store.timestamp();
      store.getOrder(fo.orderId).updatedAt = fo.updatedAt;
      store.emit({ type: "fulfillment_order_updated", fulfillmentOrderId: fo.id });
      return { fulfillmentOrder: views.fulfillmentOrder(fo), userErrors: [] };
    },

    inventoryAdjustQuantities: (args, ctx, info) => {
      const { store } = ctx;
      const input = args.input as {
        name: string;
        reason: string;
        referenceDocumentUri?: string | null;
        changes: { delta: number; inventoryItemId: Gid; locationId: Gid; changeFromQuantity?: number | null; ledgerDocumentUri?: string | null }[];
      };
      return idempotent(store, info, args, "IDEMPOTENCY_KEY_PARAMETER_MISMATCH", () => {
        const errors: UserError[] = [];
        const names = ["available", "on_hand", ...STORED_QUANTITY_NAMES.filter((n) => n !== "available" && n !== "committed")];
        if (!names.includes(input.name)) {
          errors.push(err(["input", "name"], `The quantity name must be one of: ${names.join(", ")}.`, "INVALID_QUANTITY_NAME"));
        }
        if (!INVENTORY_REASONS.includes(input.reason)) errors.push(err(["input", "reason"], "The specified reason is invalid.", "INVALID_REASON"));
        const targets = input.changes.map((change, i) => {
          const path = ["input", "changes", i];
          const level = checkInventoryTarget(store, change.inventoryItemId, change.locationId, path, errors);
          if (input.name !== "available" && input.name !== "on_hand" && !change.ledgerDocumentUri) {
            errors.push(err([...path, "ledgerDocumentUri"], "A ledger document URI is required for this quantity name.", "INVALID_LEDGER_DOCUMENT"));
          }
          if (level && change.changeFromQuantity != null && names.includes(input.name)) {
            if (currentQuantity(level, input.name) !== change.changeFromQuantity) {
              errors.push(
                err([...path, "changeFromQuantity"], "The quantity has changed since it was last read.", "CHANGE_FROM_QUANTITY_STALE"),
              );
            }
          }
          return level;
        });
        if (errors.length) return { groupId: null, userErrors: errors };
        const changes = input.changes.flatMap((change, i) =>
          applyDelta(store, change.inventoryItemId, targets[i] as InventoryLevelRecord, input.name, change.delta, change.ledgerDocumentUri ?? null),
        );
        return { groupId: recordGroup(store, input.reason, input.referenceDocumentUri ?? null, changes), userErrors: [] };
      }, ctx);
    },

    inventorySetQuantities: (args, ctx, info) => {
      const { store } = ctx;
      const input = args.input as {
        name: string;
        reason: string;
        referenceDocumentUri?: string | null;
        quantities: { quantity: number; inventoryItemId: Gid; locationId: Gid; changeFromQuantity?: number | null }[];
      };
      return idempotent(store, info, args, "IDEMPOTENCY_KEY_PARAMETER_MISMATCH", () => {
        const errors: UserError[] = [];
        if (input.name !== "available" && input.name !== "on_hand") {
          errors.push(err(["input", "name"], "The quantity name must be either 'available' or 'on_hand'.", "INVALID_NAME"));
        }
        if (!INVENTORY_REASONS.includes(input.reason)) errors.push(err(["input", "reason"], "The specified reason is invalid.", "INVALID_REASON"));
        const seen = new Set<string>();
        const targets = input.quantities.map((q, i) => {
          const path = ["input", "quantities", i];
          const pair = `${q.inventoryItemId}|${q.locationId}`;
          if (seen.has(pair)) {
            errors.push(err(path, "The combination of inventoryItemId and locationId must be unique.", "NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR"));
          }
          seen.add(pair);
          const level = checkInventoryTarget(store, q.inventoryItemId, q.locationId, path, errors);
          if (q.quantity < 0) errors.push(err([...path, "quantity"], "The quantity can't be negative.", "INVALID_QUANTITY_NEGATIVE"));
          if (q.quantity > 1_000_000_000) errors.push(err([...path, "quantity"], "The quantity is too high.", "INVALID_QUANTITY_TOO_HIGH"));
          if (!("changeFromQuantity" in q)) {
            errors.push(
              err(
                [...path, "changeFromQuantity"],
                "changeFromQuantity is required: pass the quantity you read, or null to skip the compare-and-swap check.",
                "COMPARE_QUANTITY_REQUIRED",
              ),
            );
          } else if (level && q.changeFromQuantity != null && (input.name === "available" || input.name === "on_hand")) {
            if (currentQuantity(level, input.name) !== q.changeFromQuantity) {
              errors.push(
                err([...path, "changeFromQuantity"], "The quantity has changed since it was last read.", "CHANGE_FROM_QUANTITY_STALE"),
              );
            }
          }
          return level;
        });
        if (errors.length) return { groupId: null, userErrors: errors };
        const changes = input.quantities.flatMap((q, i) => {
          const level = targets[i] as InventoryLevelRecord;
          return applyDelta(store, q.inventoryItemId, level, input.name, q.quantity - currentQuantity(level, input.name), null);
        });
        return { groupId: recordGroup(store, input.reason, input.referenceDocumentUri ?? null, changes), userErrors: [] };
      }, ctx);
    },

    discountCodeBasicCreate: (args, { store, views }) => {
      const input = args.basicCodeDiscount as Record<string, unknown>;
      onlyKeys(
        input,
        ["title", "code", "startsAt", "endsAt", "usageLimit", "appliesOncePerCustomer", "customerGets", "customerSelection", "context", "combinesWith"],
        "DiscountCodeBasicInput",
      );
      const errors: UserError[] = [];
      const f = (...path: (string | number)[]): (string | number)[] => ["basicCodeDiscount", ...path];
      const title = String(input.title ?? "").trim();
      const code = String(input.code ?? "").trim();
      if (!title) errors.push(err(f("title"), "Title can't be blank", "BLANK"));
      if (!code) errors.push(err(f("code"), "Code can't be blank", "BLANK"));
      else if (code.length > 255) errors.push(err(f("code"), "Code is too long (maximum is 255 characters)", "TOO_LONG"));
      else if ([...store.discounts.values()].some((d) => d.code.toLowerCase() === code.toLowerCase())) {
        errors.push(err(f("code"), "Code must be unique. Please try a different code.", "TAKEN"));
      }
      const startsAt = input.startsAt as string | null | undefined;
      const endsAt = (input.endsAt as string | null | undefined) ?? null;
      if (!startsAt) errors.push(err(f("startsAt"), "Starts at can't be blank", "BLANK"));
      else if (endsAt && Date.parse(endsAt) <= Date.parse(startsAt)) {
        errors.push(err(f("endsAt"), "Ends at needs to be after starts_at", "END_DATE_BEFORE_START_DATE"));
      }
      const context = input.context as Record<string, unknown> | null | undefined;
      if (context) onlyKeys(context, ["all", "customers"], "DiscountContextInput");
      const customers = context?.customers as { add?: Gid[] | null; remove?: Gid[] | null } | null | undefined;
      if (customers) onlyKeys(customers, ["add"], "DiscountCustomersInput");
      const customerIds = [...new Set(customers?.add ?? [])];
      customerIds.forEach((id, i) => {
        checkGid(id);
        if (!store.customers.has(id)) errors.push(err(f("context", "customers", "add", i), "Customer does not exist", "INVALID"));
      });
      if (context?.all && customerIds.length) errors.push(err(f("context"), "Only one context can be set", "INVALID"));
      const selection = input.customerSelection as Record<string, unknown> | null | undefined;
      if (selection) onlyKeys(selection, ["all"], "DiscountCustomerSelectionInput");
      const gets = input.customerGets as Record<string, Record<string, unknown> | null | undefined> | null | undefined;
      let value: import("./store").DiscountValue | null = null;
      let items: import("./store").DiscountRecord["items"] | null = null;
      if (!gets?.value || !gets.items) {
        errors.push(err(f("customerGets"), "Customer gets can't be blank", "BLANK"));
      } else {
        onlyKeys(gets, ["value", "items", "appliesOnOneTimePurchase", "appliesOnSubscription"], "DiscountCustomerGetsInput");
        onlyKeys(gets.value, ["percentage", "discountAmount"], "DiscountCustomerGetsValueInput");
        onlyKeys(gets.items, ["all", "products"], "DiscountItemsInput");
        const percentage = gets.value.percentage as number | null | undefined;
        const amount = gets.value.discountAmount as { amount?: string | null; appliesOnEachItem?: boolean | null } | null | undefined;
        if (percentage != null) {
          if (percentage <= 0 || percentage > 1) {
            errors.push(err(f("customerGets", "value", "percentage"), "Value must be between 0.0 and 1.0", "VALUE_OUTSIDE_RANGE"));
          } else value = { kind: "percentage", percentage };
        } else if (amount?.amount != null) {
          if (Number(amount.amount) <= 0) {
            errors.push(err(f("customerGets", "value", "discountAmount", "amount"), "Value must be greater than 0", "GREATER_THAN"));
          } else value = { kind: "amount", amount: Number(amount.amount).toFixed(2), appliesOnEachItem: Boolean(amount.appliesOnEachItem) };
        } else {
          errors.push(err(f("customerGets", "value"), "Value can't be blank", "BLANK"));
        }
        if (gets.items.all) items = { all: true };
        else if (gets.items.products) {
          const products = gets.items.products as Record<string, string[] | null | undefined>;
          onlyKeys(products, ["productsToAdd", "productVariantsToAdd"], "DiscountProductsInput");
          const productIds = products.productsToAdd ?? [];
          const variantIds = products.productVariantsToAdd ?? [];
          productIds.forEach((id, i) => {
            if (!store.products.has(id)) errors.push(err(f("customerGets", "items", "products", "productsToAdd", i), "Product does not exist", "INVALID"));
          });
          variantIds.forEach((id, i) => {
            if (!store.variants.has(id)) {
              errors.push(err(f("customerGets", "items", "products", "productVariantsToAdd", i), "Product variant does not exist", "INVALID"));
            }
          });
          if (!productIds.length && !variantIds.length) errors.push(err(f("customerGets", "items"), "Items can't be blank", "APPLIES_ON_NOTHING"));
          items = { all: false, productIds, variantIds };
        } else errors.push(err(f("customerGets", "items"), "Items can't be blank", "APPLIES_ON_NOTHING"));
      }
      if (errors.length || !value || !items || !startsAt) {
        return { codeDiscountNode: null, userErrors: errors };
      }
      const combines = (input.combinesWith as Record<string, boolean | null> | null | undefined) ?? {};
      onlyKeys(combines, ["orderDiscounts", "productDiscounts", "shippingDiscounts"], "DiscountCombinesWithInput");
      const now = store.timestamp();
      const record = {
        id: store.gid("DiscountCodeNode"),
        codeId: store.gid("DiscountRedeemCode"),
        title,
        code,
        startsAt,
        endsAt,
        usageLimit: (input.usageLimit as number | null | undefined) ?? null,
        appliesOncePerCustomer: Boolean(input.appliesOncePerCustomer),
        customerIds,
        value,
        items,
        combinesWith: {
          orderDiscounts: Boolean(combines.orderDiscounts),
          productDiscounts: Boolean(combines.productDiscounts),
          shippingDiscounts: Boolean(combines.shippingDiscounts),
        },
        createdAt: now,
        updatedAt: now,
      };
      store.discounts.set(record.id, record);
      return { codeDiscountNode: views.discountCodeNode(record), userErrors: [] };
    },

    // Accepts a customer id (the account in that currency is created on first credit) or an account id. The
    // fake's shop sells in one currency: store credit in any other is UNSUPPORTED_CURRENCY.
    storeCreditAccountCredit: (args, { store, views }) => {
      const id = String(args.id);
      checkGid(id);
      const input = args.creditInput as { creditAmount: { amount: string; currencyCode: string }; expiresAt?: string | null; notify?: boolean | null };
      onlyKeys(input, ["creditAmount", "expiresAt", "notify"], "StoreCreditAccountCreditInput");
      const errors: UserError[] = [];
      const type = gidType(id);
      let account = type === "StoreCreditAccount" ? store.storeCreditAccounts.get(id) : undefined;
      if (type === "StoreCreditAccount" && !account) errors.push(err(["id"], "Store credit account does not exist", "ACCOUNT_NOT_FOUND"));
      else if (type === "Customer" && !store.customers.has(id)) errors.push(err(["id"], "Owner does not exist", "OWNER_NOT_FOUND"));
      else if (type !== "StoreCreditAccount" && type !== "Customer") throw notImplemented(`storeCreditAccountCredit on ${type}`);
      const { amount, currencyCode } = input.creditAmount;
      if (!(Number(amount) > 0)) errors.push(err(["creditInput", "creditAmount", "amount"], "A positive amount must be used to credit a store credit account", "NEGATIVE_OR_ZERO_AMOUNT"));
      if (currencyCode !== store.shop.currencyCode) {
        errors.push(err(["creditInput", "creditAmount", "currencyCode"], "The currency provided is not currently supported", "UNSUPPORTED_CURRENCY"));
      } else if (account && account.currencyCode !== currencyCode) {
        errors.push(err(["creditInput", "creditAmount", "currencyCode"], "The currency provided does not match the currency of the store credit account", "MISMATCHING_CURRENCY"));
      }
      if (input.expiresAt && Date.parse(input.expiresAt) <= store.now()) {
        errors.push(err(["creditInput", "expiresAt"], "The expiry date must be in the future", "EXPIRES_AT_IN_PAST"));
      }
      if (errors.length) return { storeCreditAccountTransaction: null, userErrors: errors };
      if (!account) {
        account = [...store.storeCreditAccounts.values()].find((a) => a.ownerId === id && a.currencyCode === currencyCode);
        if (!account) {
          account = { id: store.gid("StoreCreditAccount"), ownerId: id, currencyCode, balance: "0.00", transactions: [] };
          store.storeCreditAccounts.set(account.id, account);
        }
      }
      account.balance = (Number(account.balance) + Number(amount)).toFixed(2);
      const transaction = {
        id: store.gid("StoreCreditAccountCreditTransaction"),
        amount: Number(amount).toFixed(2),
        balanceAfterTransaction: account.balance,
        expiresAt: input.expiresAt ?? null,
        createdAt: store.timestamp(),
      };
      account.transactions.push(transaction);
      return { storeCreditAccountTransaction: views.storeCreditTransaction(account, transaction), userErrors: [] };
    },

    // Only what the app changes: the order's note (which orderUpdate overwrites) and its tags.
    orderUpdate: (args, { store, views }) => {
      const input = args.input as { id: Gid; note?: string | null; tags?: string[] | null };
      onlyKeys(input, ["id", "note", "tags"], "OrderInput");
      checkGid(input.id);
      const order = store.orders.get(input.id);
      if (!order) return { order: null, userErrors: [err(["id"], "Order does not exist")] };
      if (input.note != null && input.note.length > 5_000) return { order: null, userErrors: [err(["note"], "Note is too long (maximum is 5000 characters)")] };
      if ("note" in input && input.note !== undefined) order.note = input.note;
      if (input.tags) order.tags = normalizeTags(input.tags);
      order.updatedAt = store.timestamp();
      store.emit({ type: "order_updated", orderId: order.id });
      return { order: views.order(order), userErrors: [] };
    },
  };
}

function recordGroup(store: AdminStore, reason: string, referenceDocumentUri: string | null, changes: InventoryChangeRecord[]): Gid {
  const group = { id: store.gid("InventoryAdjustmentGroup"), reason, referenceDocumentUri, changes, createdAt: store.timestamp() };
  store.adjustmentGroups.set(group.id, group);
  const touched = new Set(changes.map((c) => `${c.inventoryItemId}|${c.locationId}`));
  for (const pair of touched) {
    const [inventoryItemId, locationId] = pair.split("|") as [Gid, Gid];
    store.emit({
      type: "inventory_level_updated",
      inventoryItemId,
      locationId,
      available: store.quantity(inventoryItemId, locationId, "available"),
    });
  }
  return group.id;
}

function changeTags(args: Record<string, unknown>, { store, views }: FakeContext, mode: "add" | "remove"): View {
  const id = String(args.id);
  checkGid(id);
  const tags = normalizeTags(args.tags as string[]);
  const type = gidType(id);
  const records: Record<string, { tags: string[]; updatedAt: string } | undefined> = {
    Product: store.products.get(id),
    Order: store.orders.get(id),
    Customer: store.customers.get(id),
  };
  if (!type || !(type in records)) throw notImplemented(`${mode === "add" ? "tagsAdd" : "tagsRemove"} on ${type}`);
  const record = records[type];
  if (!record) return { node: null, userErrors: [err(["id"], "Resource not found.")] };
  if (mode === "add") record.tags = normalizeTags([...record.tags, ...tags]);
  else {
    const drop = new Set(tags.map((t) => t.toLowerCase()));
    record.tags = record.tags.filter((t) => !drop.has(t.toLowerCase()));
  }
  record.updatedAt = store.timestamp();
  if (type === "Product") store.emit({ type: "product_updated", productId: id });
  if (type === "Order") store.emit({ type: "order_updated", orderId: id });
  return { node: views.node(id), userErrors: [] };
}
