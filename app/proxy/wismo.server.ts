// "Where is my order?" through the app proxy (`/apps/<subpath>/order-status`): what each request gets.
//
// - GET: the lookup form (order number + email).
// - POST intent=lookup: validated (400 with the field's message, nothing counted), rate-limited per shopper
//   address and per shop (429 + Retry-After), then the order whose number AND email match: 200 with its live
//   status, or 404 with the same words whether the number is unknown or the email is wrong.
// - POST intent=message: needs the signed token the status page carries (403 when missing, forged or
//   expired), a message of 1–2,000 characters (400), and stays within its limits (per address, per order:
//   429); then it lands in the support queue as a complaint (201). The form's one-time key makes a message
//   posted twice (double click, back and resubmit) count once.
// A refused request writes nothing: the rate-limit counters and the complaint commit in one transaction.
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { env } from "~/env.server";
import { hitRateLimits, pruneRateLimitWindows, type RateLimitRule } from "~/models/rate-limit.server";
import { inTransaction, type Tx } from "~/models/transaction.server";
import { COMPLAINT_MAX_CHARS, customerOrderStatus, findCustomerOrder, recordComplaint, type CustomerOrderStatus } from "~/workflows/support/wismo.server";
import { proxyLocale, type ProxyLocale } from "./messages";
import { hashKey } from "./request.server";
import { lookupPage, statusPage, type Notice } from "./wismo-page.server";
import { wismoText, type WismoKey } from "./wismo-messages";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Lookups (and messages) per shopper address per hour: a household or an office shares one address. */
export const WISMO_LOOKUPS_PER_IP = 20;
/** Lookups per shop per hour, whatever the address: guessing order numbers from many addresses is slow too. */
export const WISMO_LOOKUPS_PER_SHOP = 2_000;
/** Messages per order per day. */
export const WISMO_MESSAGES_PER_ORDER = 5;
/** How long the status page's message form stays usable. */
export const WISMO_TOKEN_TTL_MS = 2 * HOUR;

export interface WismoAnswer {
  status: 200 | 201 | 400 | 403 | 404 | 429;
  /** The Liquid page. */
  html: string;
  retryAfterSeconds?: number;
}

/** Shopify's proxy prefixes (`/apps/backorder`); anything else falls back to the app's own. */
const PATH_PREFIX = /^\/(apps|a|community|tools)\/[\w-]{1,80}$/;

/** The page's address on the storefront, from the signed `path_prefix` Shopify adds. */
export function wismoAction(pathPrefix: string | null): string {
  return `${pathPrefix && PATH_PREFIX.test(pathPrefix) ? pathPrefix : "/apps/backorder"}/order-status`;
}

/**
 * The page's language: the one the request names (`locale`, a hidden field or a `?locale=` the merchant's
 * link adds, e.g. `{{ request.locale.iso_code }}`), else the browser's, else (found orders) the customer's.
 */
function pageLocale(requested: unknown, acceptLanguage: string | null, fallback: string | null = null): ProxyLocale {
  if (typeof requested === "string" && requested.trim()) return proxyLocale(requested);
  if (acceptLanguage?.trim()) return proxyLocale(acceptLanguage);
  return proxyLocale(fallback);
}

const lookupSchema = z.object({
  order: z
    .string({ required_error: "proxy.wismo.invalidOrder", invalid_type_error: "proxy.wismo.invalidOrder" })
    .trim()
    .min(1, "proxy.wismo.invalidOrder")
    .max(40, "proxy.wismo.invalidOrder")
    // Letters, digits and the punctuation order names use (#1001, MA-1001, 1001/A); nothing else.
    .regex(/^[\p{L}\p{N}#\-_./ ]+$/u, "proxy.wismo.invalidOrder"),
  email: z
    .string({ required_error: "proxy.wismo.invalidEmail", invalid_type_error: "proxy.wismo.invalidEmail" })
    .trim()
    .toLowerCase()
    .max(254, "proxy.wismo.invalidEmail")
    .email("proxy.wismo.invalidEmail"),
});

const messageSchema = z.object({
  message: z
    .string({ required_error: "proxy.wismo.messageRequired", invalid_type_error: "proxy.wismo.messageRequired" })
    .trim()
    .min(1, "proxy.wismo.messageRequired")
    .max(COMPLAINT_MAX_CHARS, "proxy.wismo.messageTooLong"),
  submission: z.string().regex(/^[\w-]{8,64}$/),
});

// ---- the status page's token --------------------------------------------------------------------------

function sign(shop: string, orderId: string, expires: number): string {
  return createHmac("sha256", env.SHOPIFY_API_SECRET).update(`wismo:${shop}:${orderId}:${expires}`).digest("hex");
}

/** A token for the status page of `orderId`: the order and an expiry, signed with the app's secret. */
export function wismoToken(shop: string, orderId: string, now: Date): string {
  const expires = now.getTime() + WISMO_TOKEN_TTL_MS;
  return `${Buffer.from(JSON.stringify([orderId, expires])).toString("base64url")}.${sign(shop, orderId, expires)}`;
}

/** The order a token opens, when it was made for this shop and has not expired; else null. */
export function readWismoToken(shop: string, token: unknown, now: Date): string | null {
  if (typeof token !== "string" || token.length > 400) return null;
  const [body, signature] = token.split(".");
  if (!body || !signature || !/^[0-9a-f]{64}$/.test(signature)) return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(body, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!Array.isArray(decoded) || typeof decoded[0] !== "string" || typeof decoded[1] !== "number") return null;
  const [orderId, expires] = decoded as [string, number];
  const expected = Buffer.from(sign(shop, orderId, expires), "hex");
  if (!timingSafeEqual(expected, Buffer.from(signature, "hex"))) return null;
  return expires >= now.getTime() ? orderId : null;
}

// ---- requests -------------------------------------------------------------------------------------------

class Limited extends Error {
  constructor(
    readonly key: string,
    readonly retryAfterSeconds: number,
  ) {
    super("rate limited");
  }
}

/** Counts the hits; throws Limited (rolling the transaction back) when a rule is over its limit. */
async function spend(tx: Tx, shop: string, rules: RateLimitRule[], now: Date): Promise<void> {
  const outcome = await hitRateLimits({ shop, rules, now }, tx);
  if (!outcome.ok) throw new Limited(outcome.key, outcome.retryAfterSeconds);
  await pruneRateLimitWindows({ shop, before: new Date(now.getTime() - 2 * DAY) }, tx);
}

function firstIssue(error: z.ZodError): { field: string; key: WismoKey } {
  const issue = error.issues[0];
  return { field: String(issue?.path[0] ?? ""), key: (issue?.message ?? "proxy.wismo.invalidRequest") as WismoKey };
}

export interface WismoRequest {
  shop: string;
  /** The page's address (wismoAction). */
  action: string;
  ip: string;
  acceptLanguage: string | null;
  /** `?locale=` of the request. */
  queryLocale: string | null;
  now?: Date;
}

/** GET: the lookup form (`?order=` pre-fills the number, e.g. from a link in an email). */
export function wismoForm({ action, acceptLanguage, queryLocale, order }: Omit<WismoRequest, "shop" | "ip"> & { order: string | null }): WismoAnswer {
  const locale = pageLocale(queryLocale, acceptLanguage);
  const prefill = order && order.length <= 40 ? order : "";
  return { status: 200, html: lookupPage({ locale, action, values: { order: prefill, email: "" } }) };
}

/** POST: a lookup or a message (see the file comment). `body`: the posted fields, null when unreadable. */
export async function wismoPost(request: WismoRequest & { body: Record<string, unknown> | null }): Promise<WismoAnswer> {
  const { body } = request;
  if (!body) {
    const locale = pageLocale(request.queryLocale, request.acceptLanguage);
    return { status: 400, html: lookupPage({ locale, action: request.action, message: { text: wismoText(locale, "proxy.wismo.invalidRequest"), ok: false } }) };
  }
  return body.intent === "message" ? message(request, body) : lookup(request, body);
}

async function lookup(request: WismoRequest, body: Record<string, unknown>): Promise<WismoAnswer> {
  const { shop, action, now = new Date() } = request;
  const requested = body.locale ?? request.queryLocale;
  const locale = pageLocale(requested, request.acceptLanguage);
  const values = { order: typeof body.order === "string" ? body.order.slice(0, 40) : "", email: typeof body.email === "string" ? body.email.slice(0, 254) : "" };
  const parsed = lookupSchema.safeParse({ order: body.order, email: body.email });
  if (!parsed.success) {
    const { field, key } = firstIssue(parsed.error);
    return { status: 400, html: lookupPage({ locale, action, values, errors: field === "email" ? { email: key } : { order: key } }) };
  }
  const rules: RateLimitRule[] = [
    { key: hashKey("wismo:ip", request.ip), limit: WISMO_LOOKUPS_PER_IP, windowMs: HOUR },
    { key: "wismo:lookups", limit: WISMO_LOOKUPS_PER_SHOP, windowMs: HOUR },
  ];
  try {
    await inTransaction((tx) => spend(tx, shop, rules, now));
  } catch (error) {
    if (!(error instanceof Limited)) throw error;
    return limited(error.retryAfterSeconds, lookupPage({ locale, action, values, message: rateLimitedNotice(locale, error.retryAfterSeconds) }));
  }
  const found = await findCustomerOrder({ shop, orderNumber: parsed.data.order, email: parsed.data.email });
  const order = found ? await customerOrderStatus({ shop, orderId: found.orderId, now }) : null;
  if (!order) {
    return { status: 404, html: lookupPage({ locale, action, values, message: { text: wismoText(locale, "proxy.wismo.notFound"), ok: false } }) };
  }
  const shown = pageLocale(requested, request.acceptLanguage, order.customerLocale);
  return { status: 200, html: page(shown, action, shop, order, now) };
}

function page(locale: ProxyLocale, action: string, shop: string, order: CustomerOrderStatus, now: Date, extra: { text?: string; error?: string; message?: Notice } = {}) {
  return statusPage({ locale, action, order, token: wismoToken(shop, order.orderId, now), submission: randomUUID(), maxChars: COMPLAINT_MAX_CHARS, ...extra });
}

function rateLimitedNotice(locale: ProxyLocale, retryAfterSeconds: number): Notice {
  return { text: wismoText(locale, "proxy.wismo.rateLimited", { minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) }), ok: false };
}

function limited(retryAfterSeconds: number, html: string): WismoAnswer {
  return { status: 429, html, retryAfterSeconds };
}

async function message(request: WismoRequest, body: Record<string, unknown>): Promise<WismoAnswer> {
  const { shop, action, now = new Date() } = request;
  const locale = pageLocale(body.locale ?? request.queryLocale, request.acceptLanguage);
  const orderId = readWismoToken(shop, body.token, now);
  const order = orderId ? await customerOrderStatus({ shop, orderId, now }) : null;
  if (!order) {
    return { status: 403, html: lookupPage({ locale, action, message: { text: wismoText(locale, "proxy.wismo.expired"), ok: false } }) };
  }
  const text = typeof body.message === "string" ? body.message.slice(0, COMPLAINT_MAX_CHARS + 500) : "";
  const parsed = messageSchema.safeParse({ message: body.message, submission: body.submission });
  if (!parsed.success) {
    const { field, key } = firstIssue(parsed.error);
    const error = field === "message" ? wismoText(locale, key, { max: COMPLAINT_MAX_CHARS }) : wismoText(locale, "proxy.wismo.invalidRequest");
    return { status: 400, html: page(locale, action, shop, order, now, { text, error }) };
  }
  const submissionRule = { key: hashKey("wismo:submission", `${order.orderId}:${parsed.data.submission}`), limit: 1, windowMs: DAY };
  const rules: RateLimitRule[] = [
    submissionRule,
    { key: hashKey("wismo:ip", request.ip), limit: WISMO_LOOKUPS_PER_IP, windowMs: HOUR },
    { key: hashKey("wismo:order", order.orderId), limit: WISMO_MESSAGES_PER_ORDER, windowMs: DAY },
  ];
  const sent: Notice = { text: wismoText(locale, "proxy.wismo.sent"), ok: true };
  try {
    const recorded = await recordComplaint({ shop, orderId: order.orderId, text: parsed.data.message, shown: order.lines, now, guard: (tx) => spend(tx, shop, rules, now) });
    if (!recorded) return { status: 403, html: lookupPage({ locale, action, message: { text: wismoText(locale, "proxy.wismo.expired"), ok: false } }) };
  } catch (error) {
    if (!(error instanceof Limited)) throw error;
    // The same form posted again: its message is already with the team.
    if (error.key === submissionRule.key) return { status: 200, html: page(locale, action, shop, order, now, { message: sent }) };
    return limited(error.retryAfterSeconds, page(locale, action, shop, order, now, { text, message: rateLimitedNotice(locale, error.retryAfterSeconds) }));
  }
  return { status: 201, html: page(locale, action, shop, order, now, { message: sent }) };
}
