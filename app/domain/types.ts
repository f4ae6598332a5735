// Shared types of the ETA engine. Dates inside the engine are ISO calendar dates in the shop's timezone.

/** A calendar date "YYYY-MM-DD" in the shop's timezone (no time, no zone). Compares correctly as a string. */
export type IsoDate = string;

export const DELIVERY_MODES = ["standard", "express", "pickup"] as const;
export type DeliveryMode = (typeof DELIVERY_MODES)[number];

/** Business days spent before the parcel leaves (processing) and on the way (transit), per delivery mode. */
export interface DeliveryModeSettings {
  processingDays: number;
  transitDays: { min: number; max: number };
}
export type DeliverySettings = Readonly<Record<DeliveryMode, DeliveryModeSettings>>;

export interface CalendarSettings {
  /** IANA zone of the shop, e.g. "Europe/Paris". */
  timeZone: string;
  /** Local order cut-off "HH:mm": an order placed at or after it starts processing the next business day. */
  cutoff: string;
  /** ISO weekdays the shop works (1 = Monday … 7 = Sunday). Default Monday–Friday. */
  workingWeekdays?: readonly number[];
  /** ISO 3166-1 alpha-2 country whose public holidays close the shop (null: no holidays). */
  country?: string | null;
  /** Optional subdivision code as date-holidays names it (e.g. US "CA", FR "57"). */
  region?: string | null;
  /** Merchant-added closure days. */
  closures?: readonly IsoDate[];
}

/** One order line waiting for supply. Lines are given in FIFO order (oldest first). */
export interface WaitingLine {
  id: string;
  quantity: number;
  /** Delivery mode chosen by the buyer; "standard" when absent. */
  mode?: DeliveryMode;
  /** Latest delivery date promised to the buyer, if any: a later computed latest date marks the line at risk. */
  promisedBy?: IsoDate | null;
}

export interface IncomingBatch {
  id: string;
  quantity: number;
  /** Arrival date the supplier promised. */
  expectedAt: IsoDate;
  /** Set once the batch arrived: its units are then part of `available`, so it no longer counts as incoming. */
  receivedAt?: IsoDate | null;
}

/** One past delivery: what the supplier promised and when it actually arrived. */
export interface LatenessSample {
  promised: IsoDate;
  actual: IsoDate;
}

/** Supplier delay in calendar days (early deliveries count as 0). */
export interface LatenessStats {
  sampleSize: number;
  p50Days: number;
  p80Days: number;
  maxDays: number;
}

export type Confidence = "high" | "medium" | "low";

/** Where the unit that completes a line comes from. */
export type SupplySource =
  | { kind: "stock" }
  | { kind: "batch"; batchId: string; expectedAt: IsoDate }
  | { kind: "capacity"; unitsPerWeek: number }
  | { kind: "lead_time"; leadTimeDays: number };

export interface DateRange {
  earliest: IsoDate;
  latest: IsoDate;
}

/** A delivery (or pickup-ready) date range with the supply it relies on. Never a bare date. */
export interface Eta extends DateRange {
  /** When the goods are expected in hand (before processing and transit). */
  supplyReady: DateRange;
  source: SupplySource;
  confidence: Confidence;
  /** Short English explanation for the admin (shopper-facing text is localized elsewhere). */
  note: string;
}

export interface LineEta {
  lineId: string;
  /** 0-based index in the queue. */
  index: number;
  quantity: number;
  mode: DeliveryMode;
  eta: Eta;
  promisedBy: IsoDate | null;
  /** The computed latest date is after the promised date. */
  atRisk: boolean;
}

export interface VariantEta {
  /** Shop-local date of `now`. */
  today: IsoDate;
  /** First processing day for an order placed `now` (cut-off, weekends, holidays, closures applied). */
  orderStart: IsoDate;
  /** Units owed to waiting lines in the queue. */
  queuedUnits: number;
  /** Date range for the next order placed now, per delivery mode. */
  next: Readonly<Record<DeliveryMode, Eta>>;
  /** One entry per waiting line, in queue order. */
  lines: LineEta[];
  /** Standard delivery for goods in hand today (what a line served from stock now is told). */
  inStock: Eta;
}
