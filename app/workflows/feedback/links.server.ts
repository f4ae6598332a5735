// The survey email's links: a signed token naming the shop, the order and the customer's language, to the
// survey page on the shop's app proxy (no login: the link is the credential, and it can only answer this
// order's survey or stop surveys to this customer). The score travels beside the token (`s=1…5`): the
// customer picks it, so it needs no signature. Same token format as the delay email's links
// (~/workflows/support/choice-links.server); its own domain, so one kind of link never passes for the other.
import { z } from "zod";
import { SCORES, feedbackLocale, type FeedbackLocale } from "~/domain/feedback";
import { APP_PROXY_PATH, openLinkToken, signLinkToken } from "~/workflows/support/choice-links.server";

const DOMAIN = "backorder-pilot:feedback:";

export interface FeedbackLink {
  shop: string;
  /** Order gid. */
  orderId: string;
  locale: FeedbackLocale;
}

const wire = z.object({
  v: z.literal(1),
  s: z.string().min(1).max(255),
  o: z.string().regex(/^\d{1,20}$/),
  lc: z.enum(["en", "fr"]).catch("en"),
});

export function signFeedbackToken(link: FeedbackLink, secret?: string): string {
  const order = link.orderId.split("/").pop() ?? link.orderId;
  return signLinkToken(DOMAIN, { v: 1, s: link.shop, o: order, lc: link.locale }, secret);
}

/** The link a token stands for when it is genuine and issued for `shop`; null otherwise (forged, altered, foreign). */
export function verifyFeedbackToken(token: unknown, { shop, secret }: { shop: string; secret?: string }): FeedbackLink | null {
  const parsed = wire.safeParse(openLinkToken(DOMAIN, token, secret));
  if (!parsed.success || parsed.data.s !== shop) return null;
  return { shop, orderId: `gid://shopify/Order/${parsed.data.o}`, locale: parsed.data.lc };
}

/** The email's links: one per score (1…5), and "no more surveys". */
export function feedbackLinks({ shop, orderId, locale }: { shop: string; orderId: string; locale: string }, secret?: string): { scoreUrls: string[]; stopUrl: string } {
  const token = signFeedbackToken({ shop, orderId, locale: feedbackLocale(locale) }, secret);
  const base = `https://${shop}${APP_PROXY_PATH}/feedback?t=${token}`;
  return { scoreUrls: SCORES.map((score) => `${base}&s=${score}`), stopUrl: `${base}&stop=1` };
}
