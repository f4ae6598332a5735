// The ETA engine: delivery date ranges for waiting order lines and for the next order of a variant.
//
// Supply model (per variant), consumed first-in-first-out in this order:
//   1. stock: `available + queuedUnits` units, never fewer than zero. `available` is Shopify's available
//      quantity, from which every order (waiting lines included) has already been subtracted, so adding
//      the queue back gives the units on hand for the queue. The queue (the ledger) is the one source of
//      truth for who waits: when that sum is negative, Shopify counts orders the ledger has not recorded
//      yet (a burst whose webhooks are still in flight) or never will; they take no place ahead of the
//      queue, or the same units would count as owed twice. Shopify's number only says what is on hand.
//   2. incoming batches not yet received, by expected arrival (ties keep input order). A received batch
//      is already part of `available`.
//   3. then, open-ended: production capacity (units/week, continuous, starting at the last batch's expected
//      arrival or today) when known; otherwise the supplier lead time (a reorder placed today arrives after
//      `leadTimeDays`, never before the last batch). Capacity, when known, replaces the lead time.
// A line is served from the segment that supplies its last unit; lines are never re-ordered.
//
// Range semantics, for supply expected on day E (a batch's expected arrival, or the capacity/lead-time
// date) with supplier lateness p50/p80 (calendar days, early = 0) and merchant safety margin M:
//   supply earliest = max(E + p50, today)          supply latest = max(E + p80, today) + M
//   stock: both are today (no lateness, no margin).
// Supply dates never decrease along the FIFO order (each segment takes the running maximum).
//   processing start = max(order start, first business day on/after the supply date), where order start
//                      is today when now is before the cut-off on a business day, else the next business day
//   dispatch         = processing start + processing business days
//   earliest         = dispatch(supply earliest) + min transit business days
//   latest           = dispatch(supply latest)   + max transit business days
// Business days come from the shop calendar (working weekdays, public holidays, closures); transit uses
// the same calendar. Confidence: "high" from stock, "medium" from a batch with lateness history, "low"
// for a batch without history and for capacity / lead-time estimates.
//
// Guarantees (property-tested): dates never decrease along the queue for a given mode; more stock, more
// capacity, or an extra batch arriving no later than max(today, last batch) never make a date later;
// more safety margin or lateness never makes a date earlier. A batch scheduled after every other one
// moves the capacity / lead-time start, so it can delay the units beyond it: known supply outranks the
// fallback assumption.
//
// Speed: O(lines + batches log batches) per variant. Dates are computed once per supply segment and mode
// (per production day for capacity); business-day arithmetic is memoized in the context and calendar.
// Eta objects are shared between lines of the same segment: treat results as read-only.
import type { BusinessCalendar } from "./calendar";
import { dayToIso, isoToDay } from "./dates";
import {
  DELIVERY_MODES,
  type Confidence,
  type DeliveryMode,
  type DeliverySettings,
  type Eta,
  type IncomingBatch,
  type IsoDate,
  type LatenessStats,
  type LineEta,
  type SupplySource,
  type VariantEta,
  type WaitingLine,
} from "./types";

export interface EtaSettings {
  calendar: BusinessCalendar;
  delivery: DeliverySettings;
  /** Merchant safety margin added to the latest supply date of incoming supply (calendar days). */
  safetyMarginDays: number;
  /** Supplier lead time used when nothing else is known (calendar days). */
  defaultLeadTimeDays: number;
}

export interface VariantEtaInput {
  /** Shopify available quantity (orders already subtracted); negative = units owed. */
  available: number;
  /** Waiting lines, oldest first. */
  queue: readonly WaitingLine[];
  batches: readonly IncomingBatch[];
  /** Units per week the supplier can produce after the last batch; null/0 = unknown. */
  capacityPerWeek?: number | null;
  /** Supplier lead time for this variant; defaults to the settings' default. */
  leadTimeDays?: number | null;
  lateness?: LatenessStats | null;
  /** Overrides the settings' safety margin for this variant. */
  safetyMarginDays?: number | null;
}

export interface ComputeEtaOptions {
  /** Units in the hypothetical next order (default 1). */
  newOrderQuantity?: number;
}

const MODE_INDEX: Readonly<Record<DeliveryMode, number>> = { standard: 0, express: 1, pickup: 2 };

function assertWholeDays(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}`);
}

/**
 * Everything that depends on the shop and on `now` but not on a variant. Build one per shop per run
 * and pass it to computeVariantEta for every variant: it memoizes supply-day → delivery-day arithmetic.
 */
export class EtaContext {
  readonly now: Date;
  readonly today: IsoDate;
  readonly orderStart: IsoDate;
  readonly todayDay: number;
  readonly orderStartDay: number;
  readonly calendar: BusinessCalendar;
  readonly safetyMarginDays: number;
  readonly defaultLeadTimeDays: number;
  private readonly processing: number[];
  private readonly transit: number[];
  private readonly memo = new Map<number, number>();

  constructor(settings: EtaSettings, now: Date) {
    if (Number.isNaN(now.getTime())) throw new RangeError("now is an invalid Date");
    assertWholeDays("safetyMarginDays", settings.safetyMarginDays);
    assertWholeDays("defaultLeadTimeDays", settings.defaultLeadTimeDays);
    this.processing = [];
    this.transit = [];
    for (const mode of DELIVERY_MODES) {
      const s = settings.delivery[mode];
      assertWholeDays(`${mode}.processingDays`, s.processingDays);
      assertWholeDays(`${mode}.transitDays.min`, s.transitDays.min);
      assertWholeDays(`${mode}.transitDays.max`, s.transitDays.max);
      if (s.transitDays.min > s.transitDays.max) throw new RangeError(`${mode}: transit min is above max`);
      this.processing.push(s.processingDays);
      this.transit.push(s.transitDays.min, s.transitDays.max);
    }
    this.now = now;
    this.calendar = settings.calendar;
    this.safetyMarginDays = settings.safetyMarginDays;
    this.defaultLeadTimeDays = settings.defaultLeadTimeDays;
    this.today = settings.calendar.localDate(now);
    this.todayDay = isoToDay(this.today);
    this.orderStart = settings.calendar.orderStartDate(now);
    this.orderStartDay = isoToDay(this.orderStart);
  }

  /** Delivery day (as a day number) for goods in hand on `supplyDay`; bound 0 = min transit, 1 = max. */
  deliveryDay(supplyDay: number, modeIndex: number, bound: 0 | 1): number {
    const key = supplyDay * 8 + modeIndex * 2 + bound;
    const cached = this.memo.get(key);
    if (cached !== undefined) return cached;
    const cal = this.calendar;
    const start = Math.max(this.orderStartDay, cal.nextBusinessDayNumber(supplyDay));
    const dispatch = cal.addBusinessDaysNumber(start, this.processing[modeIndex] as number);
    const day = cal.addBusinessDaysNumber(dispatch, this.transit[modeIndex * 2 + bound] as number);
    this.memo.set(key, day);
    return day;
  }
}

export function createEtaContext(settings: EtaSettings, now: Date): EtaContext {
  return new EtaContext(settings, now);
}

interface Segment {
  /** Cumulative supply position (1-based units) where this segment ends, inclusive. */
  end: number;
  supplyEarliest: number;
  supplyLatest: number;
  source: SupplySource;
  confidence: Confidence;
  note: string;
  etas: (Eta | undefined)[];
}

interface CapacitySegment {
  /** Cumulative supply before capacity starts producing (may be ≤ 0). */
  start: number;
  anchor: number;
  unitsPerWeek: number;
  floorEarliest: number;
  floorLatest: number;
  source: SupplySource;
  note: string;
  etas: Map<number, Eta>;
}

function latenessNote(history: boolean, lateness: LatenessStats | null | undefined, margin: number): string {
  const parts: string[] = [];
  if (history && lateness) {
    parts.push(`supplier lateness p50 ${lateness.p50Days} d / p80 ${lateness.p80Days} d over ${lateness.sampleSize} deliveries`);
  } else {
    parts.push("no supplier lateness history");
  }
  if (margin > 0) parts.push(`+${margin} d safety margin`);
  return parts.join("; ");
}

/** Supply segments of one variant and the lookup of the ETA for a unit position. */
class SupplyPlan {
  private readonly segments: Segment[] = [];
  private readonly capacity: CapacitySegment | null = null;
  private cursor = 0;
  private readonly p50: number;
  private readonly p80: number;
  private readonly margin: number;

  constructor(
    private readonly ctx: EtaContext,
    input: VariantEtaInput,
    queuedUnits: number,
  ) {
    const today = ctx.todayDay;
    const lateness = input.lateness;
    const history = !!lateness && lateness.sampleSize > 0;
    this.p50 = history ? Math.max(0, Math.ceil(lateness.p50Days)) : 0;
    this.p80 = history ? Math.max(this.p50, Math.ceil(lateness.p80Days)) : 0;
    const margin = input.safetyMarginDays ?? ctx.safetyMarginDays;
    assertWholeDays("safetyMarginDays", margin);
    this.margin = margin;
    const tail = latenessNote(history, lateness, margin);

    if (!Number.isFinite(input.available)) throw new RangeError("available must be a finite number");
    let cum = Math.max(0, input.available + queuedUnits);
    if (cum > 0) {
      this.segments.push({
        end: cum,
        supplyEarliest: today,
        supplyLatest: today,
        source: { kind: "stock" },
        confidence: "high",
        note: "In stock.",
        etas: [],
      });
    }

    let runEarliest = today;
    let runLatest = today;
    let lastExpected = today;
    const incoming: IncomingBatch[] = [];
    for (const b of input.batches) {
      if (b.receivedAt) continue;
      if (!Number.isFinite(b.quantity) || b.quantity < 0) throw new RangeError(`Batch ${b.id}: bad quantity ${b.quantity}`);
      if (b.quantity > 0) incoming.push(b);
    }
    // Stable sort on ISO strings (lexicographic = chronological).
    incoming.sort((a, b) => (a.expectedAt < b.expectedAt ? -1 : a.expectedAt > b.expectedAt ? 1 : 0));
    for (const b of incoming) {
      const expected = isoToDay(b.expectedAt);
      runEarliest = Math.max(runEarliest, expected + this.p50);
      runLatest = Math.max(runLatest, Math.max(expected + this.p80, today) + margin);
      if (expected > lastExpected) lastExpected = expected;
      cum += b.quantity;
      this.segments.push({
        end: cum,
        supplyEarliest: runEarliest,
        supplyLatest: runLatest,
        source: { kind: "batch", batchId: b.id, expectedAt: b.expectedAt },
        confidence: history ? "medium" : "low",
        note: `Batch ${b.id} expected ${b.expectedAt}${expected < today ? " (overdue)" : ""}; ${tail}.`,
        etas: [],
      });
    }

    const perWeek = input.capacityPerWeek ?? 0;
    if (!Number.isFinite(perWeek) || perWeek < 0) throw new RangeError(`capacityPerWeek must be ≥ 0, got ${perWeek}`);
    if (perWeek > 0) {
      this.capacity = {
        start: cum,
        anchor: lastExpected,
        unitsPerWeek: perWeek,
        floorEarliest: runEarliest,
        floorLatest: runLatest,
        source: { kind: "capacity", unitsPerWeek: perWeek },
        note: `Beyond incoming batches: production of ${perWeek} units/week from ${dayToIso(lastExpected)}; ${tail}.`,
        etas: new Map(),
      };
    } else {
      const lead = input.leadTimeDays ?? ctx.defaultLeadTimeDays;
      assertWholeDays("leadTimeDays", lead);
      const arrival = today + lead;
      this.segments.push({
        end: Infinity,
        supplyEarliest: Math.max(runEarliest, arrival + this.p50),
        supplyLatest: Math.max(runLatest, arrival + this.p80 + margin),
        source: { kind: "lead_time", leadTimeDays: lead },
        confidence: "low",
        note: `No known supply covers this unit: supplier lead time of ${lead} days; ${tail}.`,
        etas: [],
      });
    }
  }

  /** ETA of the unit at 1-based supply position `position` (calls are cheapest in ascending order). */
  etaAt(position: number, modeIndex: number): Eta {
    const segs = this.segments;
    if (this.cursor > 0 && (segs[this.cursor - 1] as Segment).end >= position) this.cursor = 0;
    while (this.cursor < segs.length && (segs[this.cursor] as Segment).end < position) this.cursor++;
    const seg = segs[this.cursor];
    if (seg) {
      return (seg.etas[modeIndex] ??= this.makeEta(
        seg.supplyEarliest,
        seg.supplyLatest,
        modeIndex,
        seg.source,
        seg.confidence,
        seg.note,
      ));
    }
    const cap = this.capacity as CapacitySegment; // no open-ended fixed segment means capacity exists
    const units = position - cap.start;
    const days = Math.max(1, Math.ceil((units * 7) / cap.unitsPerWeek - 1e-9));
    const key = days * 4 + modeIndex;
    let eta = cap.etas.get(key);
    if (!eta) {
      const ready = cap.anchor + days;
      const today = this.ctx.todayDay;
      eta = this.makeEta(
        Math.max(cap.floorEarliest, Math.max(ready + this.p50, today)),
        Math.max(cap.floorLatest, Math.max(ready + this.p80, today) + this.margin),
        modeIndex,
        cap.source,
        "low",
        cap.note,
      );
      cap.etas.set(key, eta);
    }
    return eta;
  }

  /** Standard delivery for goods in hand today. */
  inStock(): Eta {
    const today = this.ctx.todayDay;
    return this.makeEta(today, today, MODE_INDEX.standard, { kind: "stock" }, "high", "In stock.");
  }

  private makeEta(
    supplyEarliest: number,
    supplyLatest: number,
    modeIndex: number,
    source: SupplySource,
    confidence: Confidence,
    note: string,
  ): Eta {
    return {
      earliest: dayToIso(this.ctx.deliveryDay(supplyEarliest, modeIndex, 0)),
      latest: dayToIso(this.ctx.deliveryDay(supplyLatest, modeIndex, 1)),
      supplyReady: { earliest: dayToIso(supplyEarliest), latest: dayToIso(supplyLatest) },
      source,
      confidence,
      note,
    };
  }
}

/** Units owed to the queue (non-positive quantities count as zero). */
export function queuedUnitsOf(queue: readonly WaitingLine[]): number {
  let total = 0;
  for (const line of queue) {
    if (!Number.isFinite(line.quantity)) throw new RangeError(`Line ${line.id}: bad quantity ${line.quantity}`);
    if (line.quantity > 0) total += line.quantity;
  }
  return total;
}

/** ETA ranges for every waiting line of a variant (FIFO) and for the next order placed at `ctx.now`. */
export function computeVariantEta(input: VariantEtaInput, ctx: EtaContext, options: ComputeEtaOptions = {}): VariantEta {
  const newOrderQuantity = options.newOrderQuantity ?? 1;
  if (!Number.isInteger(newOrderQuantity) || newOrderQuantity < 1) {
    throw new RangeError(`newOrderQuantity must be a whole number ≥ 1, got ${newOrderQuantity}`);
  }
  const queue = input.queue;
  const queuedUnits = queuedUnitsOf(queue);
  const plan = new SupplyPlan(ctx, input, queuedUnits);

  const lines: LineEta[] = new Array<LineEta>(queue.length);
  let position = 0;
  for (let i = 0; i < queue.length; i++) {
    const line = queue[i] as WaitingLine;
    const quantity = line.quantity > 0 ? line.quantity : 0;
    position += quantity;
    const mode = line.mode ?? "standard";
    const modeIndex = MODE_INDEX[mode];
    if (modeIndex === undefined) throw new RangeError(`Line ${line.id}: unknown delivery mode ${String(mode)}`);
    // A zero-quantity line is dated like the unit after the lines before it.
    const eta = plan.etaAt(Math.max(1, position), modeIndex);
    const promisedBy = line.promisedBy ?? null;
    lines[i] = {
      lineId: line.id,
      index: i,
      quantity,
      mode,
      eta,
      promisedBy,
      atRisk: promisedBy !== null && eta.latest > promisedBy,
    };
  }

  const nextPosition = position + newOrderQuantity;
  const next = {
    standard: plan.etaAt(nextPosition, 0),
    express: plan.etaAt(nextPosition, 1),
    pickup: plan.etaAt(nextPosition, 2),
  };
  return { today: ctx.today, orderStart: ctx.orderStart, queuedUnits, next, lines, inStock: plan.inStock() };
}

/** One-off convenience: builds a context for `now` and computes one variant. */
export function computeEta(
  input: VariantEtaInput,
  settings: EtaSettings,
  now: Date,
  options?: ComputeEtaOptions,
): VariantEta {
  return computeVariantEta(input, new EtaContext(settings, now), options);
}
