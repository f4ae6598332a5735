// Work queued by the app itself rather than by a webhook: the periodic reconciliation of every installed
// shop, and recomputations other features ask for after changing what ETAs depend on.
import { createHash } from "node:crypto";
import { enqueueJob } from "./queue.server";
import { findManagedVariantIds } from "~/models/backorder-variant.server";
import { listShopsWithOfflineSession, listShopsWithSession } from "~/models/session.server";
import { listShops, listUninstalledShops } from "~/models/shop.server";

/** Queues a reconciliation per installed shop for the current time slot (idempotent per slot). */
export async function scheduleReconciliations({ now, intervalMinutes }: { now: Date; intervalMinutes: number }): Promise<number> {
  const intervalMs = intervalMinutes * 60_000;
  const slot = Math.floor(now.getTime() / intervalMs);
  const [installed, uninstalled] = await Promise.all([listShopsWithOfflineSession(), listUninstalledShops()]);
  const gone = new Set(uninstalled);
  let queued = 0;
  for (const shop of installed) {
    if (gone.has(shop)) continue;
    // Spread shops over the slot so they do not all hit the Admin API at once.
    const offset = createHash("sha1").update(shop).digest().readUInt32BE(0) % intervalMs;
    const runAt = new Date(Math.max(now.getTime(), slot * intervalMs + offset));
    const { created } = await enqueueJob({ shop, kind: "shop.reconcile", payload: {}, uniqueKey: `reconcile:${slot}`, runAt, maxAttempts: 3, now });
    if (created) queued++;
  }
  return queued;
}

const DAY_MS = 24 * 60 * 60_000;

/**
 * Queues one retention job per shop per UTC day (idempotent per day): every shop with data, installed or
 * not (an uninstalled shop's rows age out too until shop/redact erases them).
 */
export async function scheduleRetention({ now }: { now: Date }): Promise<number> {
  const day = Math.floor(now.getTime() / DAY_MS);
  const [withSession, shops] = await Promise.all([listShopsWithSession(), listShops()]);
  let queued = 0;
  for (const shop of new Set([...withSession, ...shops])) {
    const { created } = await enqueueJob({ shop, kind: "shop.retention", payload: {}, uniqueKey: `retention:${day}`, maxAttempts: 3, now });
    if (created) queued++;
  }
  return queued;
}

/** For features that change ETAs without a webhook (batches, lead times, settings): delays + storefront, soon. */
export async function enqueueVariantRecompute({ shop, variantIds, now = new Date() }: { shop: string; variantIds: string[]; now?: Date }) {
  if (variantIds.length === 0) return null;
  return enqueueJob({ shop, kind: "variants.recompute", payload: { variantIds: [...new Set(variantIds)] }, now });
}

/** Runs a reconciliation of one shop now (admin button, demo). */
export async function enqueueReconcileNow({ shop, now = new Date() }: { shop: string; now?: Date }) {
  return enqueueJob({ shop, kind: "shop.reconcile", payload: {}, uniqueKey: `reconcile:manual:${Math.floor(now.getTime() / 60_000)}`, now, maxAttempts: 3 });
}

/** Recomputes every managed variant of the shop (after its settings changed), in jobs of at most 10k. */
export async function enqueueShopRecompute({ shop, now = new Date() }: { shop: string; now?: Date }) {
  const variantIds = await findManagedVariantIds({ shop });
  for (let i = 0; i < variantIds.length; i += 10_000) {
    await enqueueVariantRecompute({ shop, variantIds: variantIds.slice(i, i + 10_000), now });
  }
  return variantIds.length;
}
