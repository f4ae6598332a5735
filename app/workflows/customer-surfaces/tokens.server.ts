// Who is asking, from the session token a customer-facing UI extension sends, once the library verified it
// (`authenticate.public.customerAccount` / `authenticate.public.checkout`: HS256 with the app secret, expiry).
// The library skips the audience check for these kinds, so it is done here (`aud` = our client id); and an
// admin token of this app (same secret, `sub` = a staff user's number) never passes as a customer. The shop
// is only ever the token's `dest`, the customer only ever its `sub`.
import { env } from "~/env.server";
import { readCappedText } from "~/webhooks/body.server";
import type { Choice } from "~/workflows/support/choice-links.server";

const SHOP_DOMAIN = /^[a-z0-9][a-z0-9-]*\.myshopify\.com$/;
const CUSTOMER_GID = /^gid:\/\/shopify\/Customer\/\d{1,20}$/;

export interface CustomerSurfaceToken {
  aud?: string | string[];
  dest?: string;
  sub?: string;
}

function unauthorized(message: string): Response {
  return new Response(JSON.stringify({ error: "unauthorized", message }), { status: 401, headers: { "Content-Type": "application/json" } });
}

/** The shop a token is for: `dest`, a myshopify domain (checkout and customer-account tokens carry it bare). */
function shopOf(token: CustomerSurfaceToken): string {
  const dest = String(token.dest ?? "").replace(/^https:\/\//, "").toLowerCase();
  if (!SHOP_DOMAIN.test(dest)) throw unauthorized("The session token names no shop.");
  return dest;
}

function checkAudience(token: CustomerSurfaceToken): void {
  const aud = Array.isArray(token.aud) ? token.aud : [token.aud];
  if (!aud.includes(env.SHOPIFY_API_KEY)) throw unauthorized("The session token is not for this app.");
}

/** A customer-account extension's token: the shop and the logged-in customer (always present there). */
export function customerAccountIdentity(token: CustomerSurfaceToken): { shop: string; customerId: string } {
  checkAudience(token);
  const shop = shopOf(token);
  if (typeof token.sub !== "string" || !CUSTOMER_GID.test(token.sub)) throw unauthorized("The session token names no customer.");
  return { shop, customerId: token.sub };
}

/** A checkout (thank-you page) extension's token: the shop, and the customer when the buyer was logged in. */
export function checkoutIdentity(token: CustomerSurfaceToken): { shop: string; customerId: string | null } {
  checkAudience(token);
  const shop = shopOf(token);
  return { shop, customerId: typeof token.sub === "string" && CUSTOMER_GID.test(token.sub) ? token.sub : null };
}

/** An order id as a gid, from a gid (`gid://shopify/Order/1`, what the extension APIs give) or its number; null otherwise. */
export function toOrderGid(raw: unknown): string | null {
  if (typeof raw !== "string") return null;
  const match = /^(?:gid:\/\/shopify\/Order\/)?(\d{1,20})$/.exec(raw.trim());
  return match ? `gid://shopify/Order/${match[1]}` : null;
}

/** The body of a customer's answer: JSON {"choice": "wait" | "cancel"}, at most 1 KiB; null when it is anything else. */
export async function parseChoiceBody(request: Request): Promise<Choice | null> {
  let text: string;
  try {
    text = await readCappedText(request, 1024);
  } catch {
    return null;
  }
  try {
    const body = JSON.parse(text) as unknown;
    const choice = typeof body === "object" && body !== null ? (body as { choice?: unknown }).choice : null;
    return choice === "wait" || choice === "cancel" ? choice : null;
  } catch {
    return null;
  }
}
