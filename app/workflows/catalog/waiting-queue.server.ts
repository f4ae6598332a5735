// The product page's waiting queue, one page at a time: each line's position and date are computed over
// the variant's whole queue (the ETA engine serves it first in, first out), but only a page of lines is
// read in full and sent to the browser; "Load more" asks for the next page with an opaque cursor.
import { z } from "zod";
import type { SupplySource } from "~/domain/types";
import { countWaitingLines, waitingLinesPage, type QueueKey } from "~/models/backorder-line.server";
import { productOfVariant } from "~/models/backorder-variant.server";
import { computeVariantEtasReport, type EtaShopSettings, type VariantEtaResult } from "./eta.server";

/** Lines per page of the queue (the first page comes with the product page, then "Load more"). */
export const QUEUE_PAGE_SIZE = 50;

export interface QueueLineView {
  id: string;
  /** 1-based place in the whole queue (null only if the line joined between two reads). */
  position: number | null;
  /** The order's gid: the row links to its support desk page. */
  orderId: string;
  orderName: string;
  quantity: number;
  orderedAt: string;
  promisedLatest: string | null;
  eta: { earliest: string; latest: string } | null;
  source: { kind: SupplySource["kind"]; detail: string | null } | null;
  atRisk: boolean;
  /** The order took the variant past its cap (the ledger tagged it backorder-over-cap). */
  overCap: boolean;
}

export interface QueuePage {
  lines: QueueLineView[];
  /** Waiting lines in the whole queue. */
  total: number;
  /** Cursor of the next page; null on the last one. */
  next: string | null;
}

const cursorSchema = z.tuple([z.string().datetime(), z.string().min(1).max(200), z.string().min(1).max(200)]);

export function encodeQueueCursor(key: QueueKey): string {
  return Buffer.from(JSON.stringify([key.orderedAt.toISOString(), key.orderId, key.lineItemId])).toString("base64url");
}

/** The queue position a cursor names; null for anything that is not one of ours. */
export function decodeQueueCursor(cursor: string): QueueKey | null {
  if (cursor.length > 1_000) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    if (!parsed.success) return null;
    const [orderedAt, orderId, lineItemId] = parsed.data;
    return { orderedAt: new Date(orderedAt), orderId, lineItemId };
  } catch {
    return null;
  }
}

function sourceLabel(source: SupplySource): { kind: SupplySource["kind"]; detail: string | null } {
  if (source.kind === "batch") return { kind: "batch", detail: source.expectedAt };
  if (source.kind === "capacity") return { kind: "capacity", detail: String(source.unitsPerWeek) };
  if (source.kind === "lead_time") return { kind: "lead_time", detail: String(source.leadTimeDays) };
  return { kind: "stock", detail: null };
}

/**
 * The page of the variant's queue after `after` (the first page without it). `computed` is the variant's
 * result when the caller already computed it (the product page); otherwise it is computed here. A variant
 * the engine cannot compute (bad stored data) still lists its lines, without dates.
 */
export async function waitingQueuePage({
  shop,
  variantId,
  after,
  now,
  settings,
  computed,
  take = QUEUE_PAGE_SIZE,
}: {
  shop: string;
  variantId: string;
  after: QueueKey | null;
  now: Date;
  settings?: EtaShopSettings;
  computed?: VariantEtaResult | null;
  take?: number;
}): Promise<QueuePage> {
  const [result, rows] = await Promise.all([
    computed !== undefined
      ? Promise.resolve(computed)
      : computeVariantEtasReport({ shop, variantIds: [variantId], now, settings }).then((r) => r.results[0] ?? null),
    waitingLinesPage({ shop, variantId, after, take: take + 1 }),
  ]);
  const page = rows.slice(0, take);
  const lineEtas = new Map(result?.eta.lines.map((l) => [l.lineId, l]) ?? []);
  // Without computed dates, positions come from counting the lines before the page (one indexed count).
  const before = result ? 0 : after ? await countWaitingLines({ shop, variantId, through: after }) : 0;
  const total = result ? result.eta.lines.length : await countWaitingLines({ shop, variantId });
  const last = page.at(-1);
  return {
    lines: page.map((line, i) => {
      const eta = lineEtas.get(line.id);
      return {
        id: line.id,
        position: result ? (eta ? eta.index + 1 : null) : before + i + 1,
        orderId: line.orderId,
        orderName: line.orderName,
        quantity: line.quantity,
        orderedAt: line.orderedAt.toISOString(),
        promisedLatest: line.promisedLatest,
        eta: eta ? { earliest: eta.eta.earliest, latest: eta.eta.latest } : null,
        source: eta ? sourceLabel(eta.eta.source) : null,
        atRisk: eta?.atRisk ?? false,
        overCap: line.overCap,
      };
    }),
    total,
    next: rows.length > take && last ? encodeQueueCursor(last) : null,
  };
}

/**
 * "Load more" on the product page: the next page of a variant's queue, named by product and variant number
 * (as in the page's URL) and the cursor the previous page gave. The variant must be one the shop manages
 * under that product: anything else is a 404, a cursor that is not ours a 400.
 */
export async function loadQueuePage({
  shop,
  productNumber,
  variantNumber,
  cursor,
  now = new Date(),
}: {
  shop: string;
  productNumber: string;
  variantNumber: string | null;
  cursor: string | null;
  now?: Date;
}): Promise<{ ok: true; page: QueuePage } | { ok: false; status: 400 | 404 }> {
  if (!/^\d{1,20}$/.test(productNumber) || !variantNumber || !/^\d{1,20}$/.test(variantNumber)) return { ok: false, status: 404 };
  const variantId = `gid://shopify/ProductVariant/${variantNumber}`;
  const owner = await productOfVariant({ shop, variantId });
  if (owner !== `gid://shopify/Product/${productNumber}`) return { ok: false, status: 404 };
  const after = cursor ? decodeQueueCursor(cursor) : null;
  if (cursor && !after) return { ok: false, status: 400 };
  return { ok: true, page: await waitingQueuePage({ shop, variantId, after, now }) };
}
