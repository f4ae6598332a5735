// Back-in-stock unsubscribe links. The token is the subscription's random `unsubscribeToken`: whoever holds
// the email holds the link, and it can do one thing only (stop that alert), so it needs no other auth.
import { env } from "~/env.server";
import { productTitleOfVariant } from "~/models/backorder-variant.server";
import { feedbackLinks } from "~/workflows/feedback/links.server";
import { findSubscriptionByUnsubscribeToken, findUnsubscribeToken, unsubscribeSubscription } from "~/models/notify-subscription.server";

export function unsubscribeUrl(token: string): string {
  return new URL(`/unsubscribe/${encodeURIComponent(token)}`, env.SHOPIFY_APP_URL).href;
}

export interface SubscriptionForUnsubscribe {
  id: string;
  shop: string;
  status: string;
  locale: string;
  productTitle: string | null;
}

/** The subscription behind a link (tokens are unique across shops), with its product's title if known. */
export async function findSubscriptionByToken(token: string): Promise<SubscriptionForUnsubscribe | null> {
  if (!token || token.length > 200) return null;
  const subscription = await findSubscriptionByUnsubscribeToken(token);
  if (!subscription) return null;
  const productTitle = await productTitleOfVariant({ shop: subscription.shop, variantId: subscription.variantId });
  const { variantId: _variantId, ...rest } = subscription;
  return { ...rest, productTitle };
}

/** Stops the alert; idempotent (a second click, or a mail client's one-click POST, changes nothing). */
export async function unsubscribe({ id, shop }: { id: string; shop: string }): Promise<void> {
  await unsubscribeSubscription({ shop, id });
}

/**
 * The List-Unsubscribe link of a queued email, from its dedupe key: a back-in-stock alert's
 * (`sub:<id>:back_in_stock`), or a survey's "no more surveys" link (`order:<order gid>:feedback_survey`).
 */
export async function unsubscribeUrlForDedupeKey({ shop, dedupeKey }: { shop: string; dedupeKey: string }): Promise<string | null> {
  const survey = /^order:(gid:\/\/shopify\/Order\/\d+):feedback_survey$/.exec(dedupeKey);
  if (survey?.[1]) return feedbackLinks({ shop, orderId: survey[1], locale: "en" }).stopUrl;
  const match = /^sub:([^:]+):back_in_stock$/.exec(dedupeKey);
  if (!match?.[1]) return null;
  const token = await findUnsubscribeToken({ shop, id: match[1] });
  return token === null ? null : unsubscribeUrl(token);
}
