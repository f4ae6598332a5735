// "This will email N customers": what a change that moves dates (a batch moved, a lead time, the safety
// margin, the calendar) would tell waiting customers, computed before the change is saved, with the same
// rules as delay detection (./delays.server.ts): the shop's minimum slip, and earlier-date emails when on.
import { toldWaitingCustomers } from "~/models/backorder-line.server";
import type { StoredVariant } from "~/models/backorder-variant.server";
import { computeVariantEtas, loadEtaSettings, type EtaShopSettings } from "~/workflows/catalog/eta.server";
import { dateChange } from "~/domain/date-change";

export interface DateChangePreview {
  /** Customers (distinct addresses) who would get a delay email. */
  delayed: number;
  /** Customers who would get an earlier-date email. */
  earlier: number;
}

const IN_CHUNK = 500;

export async function previewDateChanges({
  shop,
  now,
  variantIds,
  settings,
  adjust,
}: {
  shop: string;
  now: Date;
  /** The variants the change touches; every managed variant of the shop when omitted (settings). */
  variantIds?: readonly string[];
  /** Proposed shop settings; the saved ones when omitted. */
  settings?: EtaShopSettings;
  /** The proposed change to each stored variant. */
  adjust?: (row: StoredVariant) => StoredVariant;
}): Promise<DateChangePreview> {
  const rules = settings ?? (await loadEtaSettings({ shop }));
  const etas = await computeVariantEtas({ shop, now, settings: rules, ...(variantIds ? { variantIds } : {}), ...(adjust ? { adjust } : {}) });
  const latestOf = new Map(etas.flatMap((r) => r.eta.lines.map((l) => [l.lineId, l.eta.latest] as const)));
  const ids = etas.map((r) => r.variantId);
  const delayed = new Set<string>();
  const earlier = new Set<string>();
  for (let i = 0; i < ids.length; i += IN_CHUNK) {
    const lines = await toldWaitingCustomers({ shop, variantIds: ids.slice(i, i + IN_CHUNK) });
    for (const line of lines) {
      const latest = latestOf.get(line.id);
      if (!latest || !line.notifiedLatest || !line.customerEmail) continue;
      const change = dateChange(latest, line.notifiedLatest, rules);
      if (change === "later") delayed.add(line.customerEmail.toLowerCase());
      else if (change === "earlier") earlier.add(line.customerEmail.toLowerCase());
    }
  }
  return { delayed: delayed.size, earlier: earlier.size };
}
