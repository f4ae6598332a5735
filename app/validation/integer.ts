// The one whole-number parser of every admin form: digits only (an optional minus), within bounds.
// `Number()` alone would accept "1e2", "0x10", "1.0", " " or "Infinity"; a form never means those.
import { z } from "zod";

const INTEGER_RE = /^-?\d+$/;

/** "42" → 42; anything that is not plain decimal digits, or outside [min, max], → null. */
export function parseStrictInt(value: unknown, { min, max }: { min: number; max: number }): number | null {
  let number: number;
  if (typeof value === "number") {
    number = value;
  } else if (typeof value === "string") {
    const trimmed = value.trim();
    if (!INTEGER_RE.test(trimmed)) return null;
    number = Number(trimmed);
  } else {
    return null;
  }
  return Number.isSafeInteger(number) && number >= min && number <= max ? number : null;
}

interface IntOptions {
  min: number;
  max: number;
  /** Message (an i18n key) when the value is not a whole number within bounds. */
  message: string;
  /** Message when the field is blank; defaults to `message`. */
  requiredMessage?: string;
}

/** A required whole number; strings from forms and numbers from storage are both read strictly. */
export function strictInt({ min, max, message, requiredMessage }: IntOptions) {
  return z.unknown().transform((value, ctx): number => {
    if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message: requiredMessage ?? message });
      return z.NEVER;
    }
    const number = parseStrictInt(value, { min, max });
    if (number === null) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message });
      return z.NEVER;
    }
    return number;
  });
}

/** A whole number or blank (→ null). */
export function optionalStrictInt({ min, max, message }: Omit<IntOptions, "requiredMessage">) {
  return z.unknown().transform((value, ctx): number | null => {
    if (value === undefined || value === null || (typeof value === "string" && value.trim() === "")) return null;
    const number = parseStrictInt(value, { min, max });
    if (number === null) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, message });
      return z.NEVER;
    }
    return number;
  });
}
