// Form schemas of the product pages, shared by the UI (field names, date bounds) and the actions
// (validation). Messages are admin i18n keys (app/i18n/messages/products.ts); routes translate them.
// Dates are judged against the shop's today (see ./dates): build the schemas with `dateWindows(today)`.
import { z } from "zod";
import { dateIn, optionalDateIn, type DateWindows } from "./dates";
import { optionalStrictInt, strictInt } from "./integer";

export const BACKORDER_MODES = ["off", "always", "when_sold_out"] as const;

const VARIANT_GID = /^gid:\/\/shopify\/ProductVariant\/\d+$/;
const SUBMISSION_KEY = /^[A-Za-z0-9_-]{8,64}$/;
const LOCATION_GID = /^gid:\/\/shopify\/Location\/\d+$/;

export const LIMITS = {
  cap: { min: 1, max: 100_000 },
  leadTimeDays: { min: 0, max: 365 },
  capacityPerWeek: { min: 1, max: 1_000_000 },
  quantity: { min: 1, max: 1_000_000 },
} as const;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "products.error.messageTooLong")
    .transform((value) => (value === "" ? null : value));

const variantId = z.string().regex(VARIANT_GID, "products.error.unknownVariant");

/** The record version the form loaded (optimistic concurrency); absent only for clients that do not say. */
const version = optionalStrictInt({ min: 1, max: Number.MAX_SAFE_INTEGER, message: "products.error.version" });

export function variantSettingsSchema(windows: DateWindows) {
  const windowDate = optionalDateIn(windows.sellingWindow, { invalid: "products.error.date", range: "products.error.windowRange" });
  return z
    .object({
      variantId,
      version,
      mode: z.enum(BACKORDER_MODES, { errorMap: () => ({ message: "products.error.mode" }) }),
      cap: optionalStrictInt({ ...LIMITS.cap, message: "products.error.cap" }),
      leadTimeDays: optionalStrictInt({ ...LIMITS.leadTimeDays, message: "products.error.leadTime" }),
      capacityPerWeek: optionalStrictInt({ ...LIMITS.capacityPerWeek, message: "products.error.capacity" }),
      startsOn: windowDate,
      endsOn: windowDate,
      messageEn: optionalText(300),
      messageFr: optionalText(300),
    })
    .superRefine((value, ctx) => {
      if (value.startsOn && value.endsOn && value.endsOn < value.startsOn) {
        ctx.addIssue({ code: "custom", path: ["endsOn"], message: "products.error.endBeforeStart" });
      }
    });
}
export type VariantSettingsInput = z.infer<ReturnType<typeof variantSettingsSchema>>;

export function batchSchema(windows: DateWindows) {
  return z
    .object({
      variantId,
      batchId: z.string().trim().max(100).optional(),
      version,
      /** Generated once per rendered "add batch" form: a repeated submit returns the batch it created. */
      submissionKey: z
        .string()
        .trim()
        .optional()
        .transform((value) => value || null)
        .refine((value) => value === null || SUBMISSION_KEY.test(value), "products.error.submissionKey"),
      quantity: strictInt({ ...LIMITS.quantity, message: "products.error.quantity" }),
      expectedOn: dateIn(windows.expectedOn, { invalid: "products.error.date", range: "products.error.expectedRange" }),
      receivedOn: optionalDateIn(windows.receivedOn, { invalid: "products.error.date", range: "products.error.receivedRange" }),
      supplier: optionalText(120),
      /** "Add these units to Shopify inventory" (edit dialog, as the batch gets its received date): "1" = ticked. */
      addToInventory: z
        .string()
        .optional()
        .transform((value) => value === "1"),
      /** Where the units are received (one of the variant's stocking locations). */
      inventoryLocationId: z
        .string()
        .trim()
        .optional()
        .transform((value) => value || null)
        .refine((value) => value === null || LOCATION_GID.test(value), "products.error.inventoryLocation"),
    })
    .superRefine((value, ctx) => {
      if (!value.addToInventory) return;
      if (!value.receivedOn) ctx.addIssue({ code: "custom", path: ["addToInventory"], message: "products.error.addToInventoryNotReceived" });
      if (!value.inventoryLocationId) ctx.addIssue({ code: "custom", path: ["inventoryLocationId"], message: "products.error.inventoryLocation" });
    })
    .transform(({ batchId, ...batch }) => ({ ...batch, batchId: batchId || undefined }));
}
export type BatchInput = z.infer<ReturnType<typeof batchSchema>>;

const selection = z.array(variantId).min(1, "products.error.noSelection").max(10_000, "products.error.tooMany");

export const BulkActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("enable"), variantIds: selection }),
  z.object({ intent: z.literal("disable"), variantIds: selection }),
  z.object({
    intent: z.literal("lead-time"),
    variantIds: selection,
    leadTimeDays: strictInt({ ...LIMITS.leadTimeDays, message: "products.error.leadTime" }),
  }),
  // The option itself is parsed by app/validation/payment-options.ts (it needs the shop's today).
  z.object({ intent: z.literal("payment"), variantIds: selection }),
]);
export type BulkAction = z.infer<typeof BulkActionSchema>;
