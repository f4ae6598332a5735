// A variant's notify-me waitlist in the admin: who is waiting (page, count, CSV export) and "Send now",
// which emails every shopper still waiting the back-in-stock alert through the notifications outbox.
import { stringify } from "csv-stringify";
import type { AdminGraphql } from "~/shopify/types";
import { createAdminClient } from "~/shopify/admin-client.server";
import { readVariantInventory } from "~/shopify/inventory.server";
import { loadProduct } from "../catalog/variant-editor.server";
import {
  WAITLIST_VIEWS,
  countActiveForVariant,
  listWaitlistPage,
  waitlistBatches,
  type WaitlistView,
} from "~/models/notify-subscription.server";
import { queueBackInStockEmails } from "~/notifications/queue.server";
import type { PageCursor } from "~/validation/cursor";

export const WAITLIST_PAGE_SIZE = 50;

export function waitlistViewFrom(value: string | null): WaitlistView {
  return (WAITLIST_VIEWS as readonly string[]).includes(value ?? "") ? (value as WaitlistView) : "active";
}

/** The product (this shop's, else 404) and the variant named by its number (one of the product's, else 404). */
export async function productVariant(graphql: AdminGraphql, productId: string, variantNumber: string | null) {
  const product = await loadProduct(graphql, productId);
  const variant = variantNumber ? product.variants.find((v) => v.id === `gid://shopify/ProductVariant/${variantNumber}`) : product.variants[0];
  if (!variant) throw new Response("Not Found", { status: 404 });
  return { product, variant };
}

export async function loadWaitlist({
  shop,
  graphql,
  productId,
  variantNumber,
  view,
  cursor,
}: {
  shop: string;
  graphql: AdminGraphql;
  productId: string;
  variantNumber: string | null;
  view: WaitlistView;
  cursor: PageCursor | null;
}) {
  const { product, variant } = await productVariant(graphql, productId, variantNumber);
  const list = await listWaitlistPage({ shop, variantId: variant.id, view, cursor, pageSize: WAITLIST_PAGE_SIZE });
  return {
    product: { id: product.id, title: product.title },
    variant: { id: variant.id, title: variant.title, sku: variant.sku },
    view,
    pageInfo: list.pageInfo,
    total: list.total,
    active: list.active,
    entries: list.rows.map((e) => ({
      id: e.id,
      email: e.email,
      locale: e.locale,
      status: e.status,
      createdAt: e.createdAt.toISOString(),
      notifiedAt: e.notifiedAt?.toISOString() ?? null,
    })),
  };
}

const CSV_COLUMNS = ["email", "language", "signed_up_at", "status", "notified_at"];

/**
 * The waitlist as CSV, streamed batch by batch. Emails are typed by shoppers: a value starting with
 * `=`, `+`, `-` or `@` is escaped so a spreadsheet never runs it as a formula.
 */
export function waitlistCsv({ shop, variantId, view }: { shop: string; variantId: string; view: WaitlistView }): ReadableStream<Uint8Array> {
  const stringifier = stringify({ header: true, columns: CSV_COLUMNS, escape_formulas: true });
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      stringifier.on("data", (chunk: Buffer | string) => controller.enqueue(typeof chunk === "string" ? encoder.encode(chunk) : new Uint8Array(chunk)));
      const ended = new Promise<void>((resolve, reject) => {
        stringifier.once("end", resolve);
        stringifier.once("error", reject);
      });
      try {
        for await (const batch of waitlistBatches({ shop, variantId, view })) {
          for (const entry of batch) {
            stringifier.write([entry.email, entry.locale, entry.createdAt.toISOString(), entry.status, entry.notifiedAt?.toISOString() ?? ""]);
          }
        }
        stringifier.end();
        await ended;
        controller.close();
      } catch (error) {
        controller.error(error);
      }
    },
  });
}

export type SendNowResult = { ok: true; queued: number } | { ok: false; status: 404 | 409; error: "nobody" | "unknownVariant" };

/** Emails every shopper still waiting for the variant now (the merchant confirmed first), then they leave the list. */
export async function sendWaitlistNow({ shop, graphql, variantId }: { shop: string; graphql: AdminGraphql; variantId: string }): Promise<SendNowResult> {
  const { variants } = await readVariantInventory(createAdminClient(graphql), shop, [variantId]);
  const variant = variants.get(variantId);
  if (!variant) return { ok: false, status: 404, error: "unknownVariant" };
  const waiting = await countActiveForVariant({ shop, variantId });
  if (waiting === 0) return { ok: false, status: 409, error: "nobody" };
  // The alert normally goes to as many shoppers as units arrived; a manual send is meant for all of them.
  const queued = await queueBackInStockEmails({
    shop,
    variantId,
    unitsArrived: waiting,
    productTitle: variant.productTitle,
    variantTitle: variant.variantTitle,
    productUrl: variant.productUrl,
  });
  return { ok: true, queued };
}
