// A merchant's test send from the template editor: at most TEST_SENDS_PER_HOUR an hour per shop, to the
// address typed or else the shop's own, queued through the outbox like any email and delivered at once
// (through the worker's own claim) so the page can say what happened. Returns what happened; the route
// words it in the admin's language.
import { GraphqlQueryError, HttpResponseError } from "@shopify/shopify-api";
import { countRecentTestEmails, getOutboxEmail } from "~/models/email-outbox.server";
import { deliverEmailNow } from "~/notifications/deliver.server";
import type { EmailKind, EmailLocale } from "~/notifications/kinds";
import { queueTestEmail, type TestEmailResult } from "~/notifications/queue.server";
import { fetchShopEmail } from "~/shopify/shop-email.server";
import { deliveryMode } from "~/notifications/transport.server";

/** Test sends per shop per hour. */
export const TEST_SENDS_PER_HOUR = 20;

export type SendTestResult =
  /** `mailbox`: delivered to the local mailbox (no SMTP server set); `queued`: the worker will send it. */
  | { ok: true; outcome: "sent" | "mailbox" | "queued"; to: string }
  | { ok: false; problem: "limit"; max: number }
  /** No address typed, and Shopify gave none for the shop. */
  | { ok: false; problem: "noShopEmail" }
  /** The template does not render with the sample data. */
  | { ok: false; problem: "template"; errors: Extract<TestEmailResult, { ok: false }>["errors"] }
  /** `refused`: the server refused it for good; `failed`: it will be retried. */
  | { ok: false; problem: "refused" | "failed"; error: string };

export async function sendTestEmail({
  shop,
  graphql,
  to: typed,
  kind,
  locale,
  source,
  now = new Date(),
}: {
  shop: string;
  graphql: Parameters<typeof fetchShopEmail>[0];
  /** The address the merchant typed (already checked), or null for the shop's own. */
  to: string | null;
  kind: EmailKind;
  locale: EmailLocale;
  source: { subject: string; body: string };
  now?: Date;
}): Promise<SendTestResult> {
  if ((await countRecentTestEmails({ shop, since: new Date(now.getTime() - 3_600_000) })) >= TEST_SENDS_PER_HOUR) {
    return { ok: false, problem: "limit", max: TEST_SENDS_PER_HOUR };
  }
  let to = typed;
  if (!to) {
    try {
      to = await fetchShopEmail(graphql);
    } catch (error) {
      if (!(error instanceof GraphqlQueryError || error instanceof HttpResponseError)) throw error;
    }
    if (!to) return { ok: false, problem: "noShopEmail" };
  }

  const queued = await queueTestEmail({ shop, kind, locale, source, to });
  if (!queued.ok) return { ok: false, problem: "template", errors: queued.errors };
  const outcome = await deliverEmailNow({ shop, id: queued.id, workerId: `admin:${process.pid}` });
  if (outcome === "sent") return { ok: true, outcome: deliveryMode() === "mailbox" ? "mailbox" : "sent", to };
  if (outcome === null) return { ok: true, outcome: "queued", to };
  const email = await getOutboxEmail({ shop, id: queued.id });
  return { ok: false, problem: outcome === "dead" ? "refused" : "failed", error: email?.lastError ?? "" };
}
