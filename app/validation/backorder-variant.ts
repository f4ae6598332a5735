// Form schemas of the product pages, shared by the UI (field names) and the actions (validation).
// Messages are admin i18n keys (app/i18n/messages/products.ts); routes translate them for the merchant.
import { z } from "zod";

export const BACKORDER_MODES = ["off", "always", "when_sold_out"] as const;

const VARIANT_GID = /^gid:\/\/shopify\/ProductVariant\/\d+$/;

function isRealDate(value: string): boolean {
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value);
}

const isoDate = z
  .string()
  .trim()
  .refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && isRealDate(value), "products.error.date");

/** "" → null, else a whole number within bounds; one message for both failures. */
const optionalInt = (min: number, max: number, message: string) =>
  z
    .string()
    .trim()
    .transform((value, ctx) => {
      if (value === "") return null;
      const number = Number(value);
      if (!/^-?\d+$/.test(value) || number < min || number > max) {
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return number;
    });

const optionalDate = z
  .string()
  .trim()
  .transform((value) => (value === "" ? null : value))
  .pipe(isoDate.nullable());

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, "products.error.messageTooLong")
    .transform((value) => (value === "" ? null : value));

const variantId = z.string().regex(VARIANT_GID, "products.error.unknownVariant");

export const VariantSettingsSchema = z
  .object({
    variantId,
    mode: z.enum(BACKORDER_MODES, { errorMap: () => ({ message: "products.error.mode" }) }),
    cap: optionalInt(1, 100_000, "products.error.cap"),
    leadTimeDays: optionalInt(0, 365, "products.error.leadTime"),
    capacityPerWeek: optionalInt(1, 1_000_000, "products.error.capacity"),
    startsOn: optionalDate,
    endsOn: optionalDate,
    messageEn: optionalText(300),
    messageFr: optionalText(300),
  })
  .superRefine((value, ctx) => {
    if (value.startsOn && value.endsOn && value.endsOn < value.startsOn) {
      ctx.addIssue({ code: "custom", path: ["endsOn"], message: "products.error.endBeforeStart" });
    }
  });
export type VariantSettingsInput = z.infer<typeof VariantSettingsSchema>;

export const BatchSchema = z.object({
  variantId,
  batchId: z.string().trim().optional(),
  quantity: optionalInt(1, 1_000_000, "products.error.quantity").pipe(
    z.number({ invalid_type_error: "products.error.quantity" }),
  ),
  expectedOn: isoDate,
  receivedOn: optionalDate,
  supplier: optionalText(120),
});
export type BatchInput = z.infer<typeof BatchSchema>;

const selection = z.array(variantId).min(1, "products.error.noSelection").max(10_000, "products.error.tooMany");

export const BulkActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("enable"), variantIds: selection }),
  z.object({ intent: z.literal("disable"), variantIds: selection }),
  z.object({
    intent: z.literal("lead-time"),
    variantIds: selection,
    leadTimeDays: optionalInt(0, 365, "products.error.leadTime").pipe(
      z.number({ invalid_type_error: "products.error.leadTime" }),
    ),
  }),
]);
export type BulkAction = z.infer<typeof BulkActionSchema>;
