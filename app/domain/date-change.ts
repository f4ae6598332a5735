// Whether a waiting customer should hear that their date moved: later by at least the shop's minimum
// slip is a delay; earlier by as much is good news, when the shop sends those. One rule for delay
// detection, the "this will email N customers" preview and the check at confirmation.
import { isoToDay } from "./dates";
import type { IsoDate } from "./types";

export interface DateChangeRules {
  /** A move smaller than this many days (at least 1) is not worth an email. */
  delayMinSlipDays: number;
  earlierDateEmails: boolean;
}

export type DateChange = "later" | "earlier" | null;

export function dateChange(latest: IsoDate, told: IsoDate, rules: DateChangeRules): DateChange {
  const minSlip = Math.max(1, rules.delayMinSlipDays);
  const slip = isoToDay(latest) - isoToDay(told);
  if (slip >= minSlip) return "later";
  if (rules.earlierDateEmails && -slip >= minSlip) return "earlier";
  return null;
}
