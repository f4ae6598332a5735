// The customer's own choice after a delay: two signed links in the delay email ("I'll wait for the new
// date", "Cancel my backordered items for a refund") to a page on the shop's app proxy. No login: the link
// is the credential, so it says exactly what it may do and cannot be altered or reused forever.
//
// Token = base64url(JSON { v, s: shop, o: order, l: line ids, c: choice, e: expiry, lc: language }) "."
// base64url(HMAC-SHA256(app secret, "backorder-pilot:choice:" + that JSON part)). Any change to the shop,
// order, lines, choice or expiry breaks the signature; an expired link is refused even with a valid one.
// The language travels in the token only to word the page, including the page that refuses it.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { env } from "~/env.server";

/** The app proxy's public path (shopify.app.toml: prefix "apps", subpath "backorder"). */
export const APP_PROXY_PATH = "/apps/backorder";
/** How long a delay email's links work. */
export const CHOICE_LINK_DAYS = 60;

const DOMAIN = "backorder-pilot:choice:";

export type Choice = "wait" | "cancel";

export interface ChoicePayload {
  shop: string;
  /** Order gid. */
  orderId: string;
  lineIds: string[];
  choice: Choice;
  /** Unix seconds. */
  expiresAt: number;
  locale: "en" | "fr";
}

const wire = z.object({
  v: z.literal(1),
  s: z.string().min(1).max(255),
  o: z.string().regex(/^\d{1,20}$/),
  l: z.array(z.string().min(1).max(100)).min(1).max(50),
  c: z.enum(["wait", "cancel"]),
  e: z.number().int().positive(),
  lc: z.enum(["en", "fr"]).catch("en"),
});

function sign(domain: string, part: string, secret: string): string {
  return createHmac("sha256", secret).update(`${domain}${part}`).digest("base64url");
}

/** base64url(JSON) "." base64url(HMAC-SHA256(secret, domain + that part)): the format of every customer link. */
export function signLinkToken(domain: string, data: unknown, secret: string = env.SHOPIFY_API_SECRET): string {
  const part = Buffer.from(JSON.stringify(data)).toString("base64url");
  return `${part}.${sign(domain, part, secret)}`;
}

/** The JSON a genuine token of `domain` carries; null when malformed, forged or altered. */
export function openLinkToken(domain: string, token: unknown, secret: string = env.SHOPIFY_API_SECRET): unknown {
  if (typeof token !== "string" || token.length > 4_000) return null;
  const [part, signature, extra] = token.split(".");
  if (!part || !signature || extra !== undefined) return null;
  const expected = Buffer.from(sign(domain, part, secret));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    return JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as unknown;
  } catch {
    return null;
  }
}

export function signChoiceToken(payload: ChoicePayload, secret: string = env.SHOPIFY_API_SECRET): string {
  const order = payload.orderId.split("/").pop() ?? payload.orderId;
  return signLinkToken(DOMAIN, { v: 1, s: payload.shop, o: order, l: payload.lineIds, c: payload.choice, e: payload.expiresAt, lc: payload.locale }, secret);
}

export type ChoiceVerification =
  | { ok: true; payload: ChoicePayload; tokenHash: string }
  | { ok: false; reason: "invalid" | "expired"; locale: "en" | "fr" };

/**
 * Checks a token for `shop` at `now`. Invalid: malformed, forged, altered, or issued for another shop.
 * Expired: genuine but past its date. `locale` words the refusal (the token's own, only when genuine).
 */
export function verifyChoiceToken(token: unknown, { shop, now, secret = env.SHOPIFY_API_SECRET }: { shop: string; now: Date; secret?: string }): ChoiceVerification {
  const invalid = { ok: false as const, reason: "invalid" as const, locale: "en" as const };
  const parsed = wire.safeParse(openLinkToken(DOMAIN, token, secret));
  if (!parsed.success) return invalid;
  const data = parsed.data;
  if (data.s !== shop) return invalid;
  if (data.e * 1000 <= now.getTime()) return { ok: false, reason: "expired", locale: data.lc };
  return {
    ok: true,
    tokenHash: createHash("sha256").update(String(token)).digest("hex"),
    payload: { shop: data.s, orderId: `gid://shopify/Order/${data.o}`, lineIds: data.l, choice: data.c, expiresAt: data.e, locale: data.lc },
  };
}

/** The two links of a delay email for the given lines of an order. */
export function choiceLinks(
  { shop, orderId, lineIds, locale, now }: { shop: string; orderId: string; lineIds: readonly string[]; locale: string; now: Date },
  secret: string = env.SHOPIFY_API_SECRET,
): { waitUrl: string; cancelUrl: string } {
  const expiresAt = Math.floor(now.getTime() / 1000) + CHOICE_LINK_DAYS * 86_400;
  const language = locale.toLowerCase().startsWith("fr") ? "fr" : "en";
  const url = (choice: Choice) =>
    `https://${shop}${APP_PROXY_PATH}/choice?t=${signChoiceToken({ shop, orderId, lineIds: [...lineIds], choice, expiresAt, locale: language }, secret)}`;
  return { waitUrl: url("wait"), cancelUrl: url("cancel") };
}
