// Back-in-stock signups posted from the storefront block through the app proxy: validate, check the
// variant, then count the rate limits and save the signup in one transaction (refused → nothing written).
import { z } from "zod";
import { hitRateLimits, pruneRateLimitWindows, type RateLimitRule } from "~/models/rate-limit.server";
import { subscribeToBackInStock } from "~/models/notify-subscription.server";
import { inTransaction } from "~/models/transaction.server";
import type { AdminGraphql } from "~/shopify/types";
import { proxyLocale, type ProxyLocale, type ProxyMessageKey } from "./messages";
import { hashKey, toVariantGid } from "./request.server";
import { storefrontVariantExists } from "./variants.server";

const HOUR = 3_600_000;
/** Signups per shopper address per hour (a household or office shares one address). */
export const NOTIFY_LIMIT_PER_IP = 20;
/** Signups per email per hour, across variants. */
export const NOTIFY_LIMIT_PER_EMAIL = 10;

export const notifyInputSchema = z.object({
  email: z
    .string({ required_error: "invalidEmail", invalid_type_error: "invalidEmail" })
    .trim()
    .toLowerCase()
    .max(254, "invalidEmail")
    .email("invalidEmail"),
  variantId: z.preprocess(toVariantGid, z.string({ invalid_type_error: "invalidVariant", required_error: "invalidVariant" })),
  locale: z.preprocess(proxyLocale, z.enum(["en", "fr"])),
});

export type NotifyResult =
  | { ok: true; status: 200 | 201; code: "subscribed" | "already_subscribed"; message: ProxyMessageKey; locale: ProxyLocale }
  | {
      ok: false;
      status: 400 | 404 | 429;
      code: "invalid_email" | "invalid_variant" | "invalid_request" | "unknown_variant" | "rate_limited";
      message: ProxyMessageKey;
      locale: ProxyLocale;
      field?: "email" | "variant_id";
      retryAfterSeconds?: number;
    };

class RateLimited extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super("rate limited");
  }
}

export async function signUpForBackInStock({
  shop,
  body,
  ip,
  graphql,
  now = new Date(),
}: {
  shop: string;
  /** Posted fields (JSON or form); null when the body could not be read. */
  body: Record<string, unknown> | null;
  ip: string;
  graphql: AdminGraphql | null;
  now?: Date;
}): Promise<NotifyResult> {
  const locale = proxyLocale(body?.locale);
  if (!body) return { ok: false, status: 400, code: "invalid_request", message: "invalidRequest", locale };
  const parsed = notifyInputSchema.safeParse({
    email: body.email,
    variantId: body.variant_id ?? body.variantId ?? body.variant ?? body.id,
    locale: body.locale,
  });
  if (!parsed.success) {
    const variantIssue = parsed.error.issues.some((issue) => issue.path[0] === "variantId");
    return variantIssue
      ? { ok: false, status: 400, code: "invalid_variant", message: "invalidVariant", locale, field: "variant_id" }
      : { ok: false, status: 400, code: "invalid_email", message: "invalidEmail", locale, field: "email" };
  }
  const { email, variantId } = parsed.data;

  if (!(await storefrontVariantExists({ shop, variantId, graphql }))) {
    return { ok: false, status: 404, code: "unknown_variant", message: "unknownVariant", locale, field: "variant_id" };
  }

  const rules: RateLimitRule[] = [
    { key: hashKey("notify:ip", ip), limit: NOTIFY_LIMIT_PER_IP, windowMs: HOUR },
    { key: hashKey("notify:email", email), limit: NOTIFY_LIMIT_PER_EMAIL, windowMs: HOUR },
  ];
  try {
    const outcome = await inTransaction(async (tx) => {
      const limited = await hitRateLimits({ shop, rules, now }, tx);
      // Throwing rolls the counters back: a refused signup spends nothing and writes nothing.
      if (!limited.ok) throw new RateLimited(limited.retryAfterSeconds);
      await pruneRateLimitWindows({ shop, before: new Date(now.getTime() - 24 * HOUR) }, tx);
      return subscribeToBackInStock({ shop, variantId, email, locale: parsed.data.locale }, tx);
    });
    return outcome === "already_subscribed"
      ? { ok: true, status: 200, code: "already_subscribed", message: "alreadySubscribed", locale }
      : { ok: true, status: 201, code: "subscribed", message: "subscribed", locale };
  } catch (error) {
    if (error instanceof RateLimited) {
      return { ok: false, status: 429, code: "rate_limited", message: "rateLimited", locale, retryAfterSeconds: error.retryAfterSeconds };
    }
    throw error;
  }
}
