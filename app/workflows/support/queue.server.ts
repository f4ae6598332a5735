// The support queue: one page of cases for the filter in the URL, the product and supplier filters' choices,
// and the CSV export of everything the filter matches (streamed page by page, csv-stringify).
import { stringify } from "csv-stringify";
import { productsWithTitles } from "~/models/backorder-variant.server";
import { suppliersOfShop } from "~/models/incoming-batch.server";
import { allCases, listCases } from "~/models/support-case.server";
import type { QueueFilter } from "~/validation/support";

export const QUEUE_PAGE_SIZE = 50;

export async function loadQueue({ shop, filter, cursor, before }: { shop: string; filter: QueueFilter; cursor: string | null; before: boolean }) {
  const [page, products, suppliers] = await Promise.all([
    listCases({ shop, filter, cursor, before, take: QUEUE_PAGE_SIZE }),
    productsWithTitles({ shop }),
    suppliersOfShop({ shop }),
  ]);
  return { ...page, products: products.map((p) => ({ id: p.productId, title: p.productTitle })), suppliers };
}

/**
 * CSV columns, in order (documented in the README, "Support desk"): order, customer_name, customer_email,
 * products, items_owed, promised_latest, estimate_latest, days_late, state, status, assignee,
 * last_contact_at (ISO 8601, UTC), ordered_at (ISO 8601, UTC).
 */
export const QUEUE_CSV_COLUMNS = [
  "order",
  "customer_name",
  "customer_email",
  "products",
  "items_owed",
  "promised_latest",
  "estimate_latest",
  "days_late",
  "state",
  "status",
  "assignee",
  "last_contact_at",
  "ordered_at",
];

/** Every case the filter matches as CSV; values a spreadsheet would run as formulas are escaped. */
export function queueCsv({ shop, filter }: { shop: string; filter: QueueFilter }): ReadableStream<Uint8Array> {
  const stringifier = stringify({ header: true, columns: QUEUE_CSV_COLUMNS, escape_formulas: true });
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      stringifier.on("data", (chunk: Buffer | string) => controller.enqueue(typeof chunk === "string" ? encoder.encode(chunk) : new Uint8Array(chunk)));
      const ended = new Promise<void>((resolve, reject) => {
        stringifier.once("end", resolve);
        stringifier.once("error", reject);
      });
      try {
        for await (const c of allCases({ shop, filter })) {
          stringifier.write([
            c.orderName,
            c.customerName ?? "",
            c.customerEmail ?? "",
            c.products,
            c.itemsOwed,
            c.promisedLatest ?? "",
            c.estimateLatest ?? "",
            c.daysLate,
            c.state,
            c.status,
            c.assignee ?? "",
            c.lastContactAt?.toISOString() ?? "",
            c.orderedAt.toISOString(),
          ]);
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
