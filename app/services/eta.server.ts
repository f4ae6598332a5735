// ETAs, inventory-policy decisions and storefront summaries of a shop's managed variants, from the
// database: BackorderVariant rows, their incoming batches, the waiting order lines (FIFO), supplier
// lateness learnt from received batches, and the shop settings. No Shopify call here; the sync service
// refreshes `available` first and then calls computeVariantEtas.
import prisma from "~/db.server";
import { createEtaContext, computeVariantEta, type EtaSettings } from "~/domain/eta";
import { latenessSamplesFromBatches, latenessStats } from "~/domain/forecast";
import { decideInventoryPolicy, type BackorderMode, type InventoryPolicy, type PolicyDecision } from "~/domain/policy";
import { buildVariantSummary, serializeSummary, type VariantSummary } from "~/domain/summary";
import type { DeliveryMode, IncomingBatch, LatenessStats, VariantEta, WaitingLine } from "~/domain/types";
import { enabledModes, getShopSettings, toEtaSettings } from "~/models/settings.server";

export interface EtaShopSettings {
  eta: EtaSettings;
  enabledModes: DeliveryMode[];
  termsVersion: number;
}

/** The settings the ETA engine and the summaries need, with the settings model's defaults. */
export async function loadEtaSettings({ shop }: { shop: string }): Promise<EtaShopSettings> {
  const settings = await getShopSettings({ shop });
  return { eta: toEtaSettings(settings), enabledModes: enabledModes(settings), termsVersion: settings.termsVersion };
}

export interface VariantEtaResult {
  variantId: string;
  productId: string;
  mode: BackorderMode;
  available: number;
  eta: VariantEta;
  decision: PolicyDecision;
  /** What the storefront should show; null when the variant is off. */
  summary: VariantSummary | null;
  /** `summary` serialized as the metafield value. */
  summaryJson: string | null;
  /** What the last sync confirmed on Shopify. */
  synced: { policy: InventoryPolicy | null; summary: string | null };
}

/** Keeps `IN (…)` lists under the bound-parameter limit Prisma applies (999 on SQLite). */
const IN_CHUNK = 500;

async function inChunks<T>(ids: readonly string[], run: (ids: string[]) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += IN_CHUNK) out.push(await run(ids.slice(i, i + IN_CHUNK)));
  return out;
}

const MODES: readonly BackorderMode[] = ["off", "always", "when_sold_out"];

function asMode(value: string): BackorderMode {
  return (MODES as readonly string[]).includes(value) ? (value as BackorderMode) : "off";
}

function asPolicy(value: string | null): InventoryPolicy | null {
  return value === "CONTINUE" || value === "DENY" ? value : null;
}

/**
 * Computes every managed variant of the shop (or only `variantIds`) as of `now`. Lateness comes from the
 * received batches of the same supplier across the shop when the variant's batches name one, else from
 * the variant's own received batches.
 */
export async function computeVariantEtas({
  shop,
  variantIds,
  now,
  settings,
}: {
  shop: string;
  variantIds?: readonly string[];
  now: Date;
  /** Already loaded settings (saves a query when the caller has them). */
  settings?: EtaShopSettings;
}): Promise<VariantEtaResult[]> {
  if (variantIds && variantIds.length === 0) return [];
  const shopSettings = settings ?? (await loadEtaSettings({ shop }));
  const select = {
    variantId: true,
    productId: true,
    mode: true,
    cap: true,
    leadTimeDays: true,
    capacityPerWeek: true,
    startsAt: true,
    endsAt: true,
    messageEn: true,
    messageFr: true,
    available: true,
    syncedPolicy: true,
    syncedSummary: true,
    batches: {
      select: { id: true, quantity: true, expectedOn: true, receivedOn: true, supplier: true },
      orderBy: [{ expectedOn: "asc" as const }, { createdAt: "asc" as const }],
    },
  };
  const rows = variantIds
    ? (await inChunks(variantIds, (ids) => prisma.backorderVariant.findMany({ where: { shop, variantId: { in: ids } }, select }))).flat()
    : await prisma.backorderVariant.findMany({ where: { shop }, select });
  if (rows.length === 0) return [];

  const lineSelect = { id: true, variantId: true, quantity: true, promisedLatest: true };
  const lineOrder = [{ orderedAt: "asc" as const }, { createdAt: "asc" as const }, { id: "asc" as const }];
  const lines = variantIds
    ? (
        await inChunks(
          rows.map((r) => r.variantId),
          (ids) => prisma.backorderLine.findMany({ where: { shop, status: "waiting", variantId: { in: ids } }, select: lineSelect, orderBy: lineOrder }),
        )
      ).flat()
    : await prisma.backorderLine.findMany({ where: { shop, status: "waiting" }, select: lineSelect, orderBy: lineOrder });
  const queues = new Map<string, WaitingLine[]>();
  for (const line of lines) {
    const queue = queues.get(line.variantId) ?? [];
    queue.push({ id: line.id, quantity: line.quantity, promisedBy: line.promisedLatest });
    queues.set(line.variantId, queue);
  }

  const suppliers = new Set(rows.flatMap((r) => r.batches.flatMap((b) => (b.supplier ? [b.supplier] : []))));
  const supplierLateness = new Map<string, LatenessStats>();
  if (suppliers.size > 0) {
    const received = await prisma.incomingBatch.findMany({
      where: { shop, supplier: { in: [...suppliers] }, receivedOn: { not: null } },
      select: { id: true, quantity: true, expectedOn: true, receivedOn: true, supplier: true },
    });
    const bySupplier = new Map<string, IncomingBatch[]>();
    for (const b of received) {
      const list = bySupplier.get(b.supplier as string) ?? [];
      list.push({ id: b.id, quantity: b.quantity, expectedAt: b.expectedOn, receivedAt: b.receivedOn });
      bySupplier.set(b.supplier as string, list);
    }
    for (const [supplier, batches] of bySupplier) supplierLateness.set(supplier, latenessStats(latenessSamplesFromBatches(batches)));
  }

  const ctx = createEtaContext(shopSettings.eta, now);
  return rows.map((row) => {
    const mode = asMode(row.mode);
    const batches: IncomingBatch[] = row.batches.map((b) => ({
      id: b.id,
      quantity: b.quantity,
      expectedAt: b.expectedOn,
      receivedAt: b.receivedOn,
    }));
    const supplier = [...row.batches].reverse().find((b) => b.supplier)?.supplier ?? null;
    const lateness = (supplier ? supplierLateness.get(supplier) : undefined) ?? latenessStats(latenessSamplesFromBatches(batches));
    const eta = computeVariantEta(
      {
        available: row.available,
        queue: queues.get(row.variantId) ?? [],
        batches,
        capacityPerWeek: row.capacityPerWeek,
        leadTimeDays: row.leadTimeDays,
        lateness,
      },
      ctx,
    );
    const decision = decideInventoryPolicy({
      mode,
      available: row.available,
      // Shopify's available already has every sold unit subtracted: below zero, that many are owed.
      unitsOwed: Math.max(0, -row.available),
      cap: row.cap,
      schedule: { startsAt: row.startsAt, endsAt: row.endsAt },
      now,
    });
    const summary = buildVariantSummary({
      mode,
      available: row.available,
      eta,
      decision,
      enabledModes: shopSettings.enabledModes,
      termsVersion: shopSettings.termsVersion,
      messages: { en: row.messageEn, fr: row.messageFr },
      now,
    });
    return {
      variantId: row.variantId,
      productId: row.productId,
      mode,
      available: row.available,
      eta,
      decision,
      summary,
      summaryJson: summary ? serializeSummary(summary) : null,
      synced: { policy: asPolicy(row.syncedPolicy), summary: row.syncedSummary },
    };
  });
}
