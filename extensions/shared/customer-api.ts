// What the app's customer-facing endpoints answer (app/workflows/customer-surfaces/*.server.ts), as the
// customer-account and thank-you extensions read it. The routes check their answers against these types
// (`satisfies`), so the two sides cannot drift apart silently (ADR 010).
export type CustomerLineStatus = "waiting" | "delayed" | "ready" | "shipped" | "cancelled";
export type CustomerChoice = "wait" | "cancel";

export interface DateRange {
  earliest: string;
  latest: string;
}

export interface CustomerOrderItem {
  title: string;
  quantity: number;
  status: CustomerLineStatus;
  /** Current estimate of an item still owed. */
  estimate: DateRange | null;
  /** Latest date promised at checkout, if the order recorded one. */
  promisedLatest: string | null;
  /** The estimate against the checkout promise: what changed since purchase (null: nothing to compare). */
  change: "later" | "earlier" | "same" | null;
}

export interface CustomerOrderView {
  orderId: string;
  orderName: string;
  items: CustomerOrderItem[];
  /** Some owed item is now expected later than promised (or than the customer was last told). */
  delayed: boolean;
  /** What the customer can answer now: "wait" only when delayed; "cancel" while items are owed. */
  choices: CustomerChoice[];
  /** Answers already given from the customer account. */
  answered: CustomerChoice[];
}

export type ChoiceOutcome = "waiting" | "cancel_requested" | "cancel_processing" | "already_answered";

export interface ThankYouView {
  orderId: string;
  orderName: string;
  items: { title: string; quantity: number; estimate: DateRange | null }[];
}
