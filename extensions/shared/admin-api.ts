// What the app's backend answers the admin UI extensions (app/routes/api.admin.*): one definition for both
// sides, so the routes (which `satisfies` these types) and the extensions cannot drift apart.

/** A backordered line as staff see it: waiting (on time), at risk (its date is later than what the
 *  customer was told, not told yet), delayed (the customer was told a later date than promised, or the
 *  current date is past the promise), ready (allocated, ready to ship). Same rules as the support queue. */
export type BackorderLineStatus = "waiting" | "at_risk" | "delayed" | "ready";

export interface AdminOrderLine {
  id: string;
  title: string;
  quantity: number;
  status: BackorderLineStatus;
  /** The date promised at checkout (YYYY-MM-DD). */
  promisedLatest: string | null;
  /** The latest date the customer was last told (YYYY-MM-DD). */
  notifiedLatest: string | null;
  /** The current range for a waiting line (a revised date or the engine's estimate). */
  current: { earliest: string; latest: string } | null;
  daysLate: number;
}

/** An offer of compensation, as the support desk's settings and form know it (amounts in minor units). */
export type AdminOffer =
  | { kind: "discount_percentage"; percentage: number; expiryDays: number }
  | { kind: "discount_amount"; amountMinor: number; expiryDays: number }
  | { kind: "store_credit"; amountMinor: number; expiryDays: number }
  | { kind: "gift_note"; note: string };

/** GET /api/admin/order/:id (404 when the app has no backorders on the order). */
export interface AdminOrderSummary {
  orderName: string;
  /** The order in the app's support desk (an app path: `app:` + this in an extension link). */
  supportPath: string;
  /** The support case's version: actions send it back (a stale one is a 409). */
  version: number;
  /** Backordered lines still owed or ready (shipped and cancelled lines are left out); empty = nothing to show. */
  lines: AdminOrderLine[];
  /** When the customer last got an email about this order (ISO), and what it was (a timeline kind). */
  lastContact: { at: string; kind: string } | null;
  /** Whether the order has an email address to write to. */
  canEmail: boolean;
  compensation: {
    /** When the customer was last compensated (ISO), null when never. */
    givenAt: string | null;
    /** What the shop's policy proposes for this order now, null when nothing is due. */
    proposal: AdminOffer | null;
    /** The shop's default offer (Settings), to start the form from. */
    default: AdminOffer;
  };
}

/** POST /api/admin/order/:id, intent "preview-delay": nothing is written. */
export interface AdminDelayPreview {
  /** Lines whose customer would get a delay notice / an earlier-date email for this date. */
  delayEmails: number;
  earlierEmails: number;
  /** The first delay notice, as the customer would get it; null when none would go out. */
  email: { to: string; subject: string; text: string } | null;
}

/** POST /api/admin/order/:id, intents "send-delay" and "compensate": what happened, and the order now. */
export interface AdminActionDone {
  ok: true;
  message: string;
  /** The discount code created for the customer (compensate with a code). */
  code?: string | null;
  summary: AdminOrderSummary | null;
}

/** GET /api/admin/product/:id */
export interface AdminProductSummary {
  productPath: string;
  variants: {
    id: string;
    title: string;
    /** off | always | when_sold_out, as the app's product page names them. */
    mode: string;
    available: number;
    unitsWaiting: number;
    /** The date range a new order placed now gets (standard delivery first), null when unknown. */
    nextEstimate: { earliest: string; latest: string } | null;
    atRisk: boolean;
  }[];
}

/** Error bodies: `error` for the whole request, `errors` per field (messages already translated). */
export interface AdminApiError {
  error?: string;
  errors?: Record<string, string>;
}
