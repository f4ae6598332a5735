// The support queue's filter, read from the URL by the page, the CSV export and the server; no zod here so
// the queue's client bundle stays small (the forms' schemas are in ./support.ts).
import { isIsoDate } from "~/domain/dates";

export const CASE_STATUSES = ["open", "waiting_customer", "resolved"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const CASE_STATES = ["waiting", "at_risk", "delayed", "ready", "cancelled"] as const;
export type CaseState = (typeof CASE_STATES)[number];
export const QUEUE_VIEWS = ["all", "delayed", "at_risk", "waiting_customer", "resolved", "complaints"] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];
export const QUEUE_SORTS = ["days_late_desc", "days_late_asc", "ordered_asc"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];
export const QUEUE_QUERY_MAX = 200;
/** Longest supplier name the filter takes (IncomingBatch.supplier is free text). */
export const QUEUE_SUPPLIER_MAX = 100;

export interface QueueFilter {
  view: QueueView;
  query: string;
  productId: string | null;
  /** A supplier named on incoming batches (SupportCase.suppliers); null = any. */
  supplier: string | null;
  state: CaseState | null;
  promisedFrom: string | null;
  promisedTo: string | null;
  sort: QueueSort;
}

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;
}

/** `?view=&q=&product=&supplier=&state=&from=&to=&sort=`; anything unknown means "no filter" rather than an error. */
export function queueFilterFrom(params: URLSearchParams): QueueFilter {
  const date = (key: string) => {
    const v = params.get(key);
    return v && isIsoDate(v) ? v : null;
  };
  const product = params.get("product");
  const supplier = (params.get("supplier") ?? "").trim();
  return {
    view: oneOf(QUEUE_VIEWS, params.get("view")) ?? "all",
    query: (params.get("q") ?? "").trim().slice(0, QUEUE_QUERY_MAX),
    productId: product && /^gid:\/\/shopify\/Product\/\d+$/.test(product) ? product : null,
    supplier: supplier && supplier.length <= QUEUE_SUPPLIER_MAX ? supplier : null,
    state: oneOf(CASE_STATES, params.get("state")),
    promisedFrom: date("from"),
    promisedTo: date("to"),
    sort: oneOf(QUEUE_SORTS, params.get("sort")) ?? "days_late_desc",
  };
}

/** The filter as URL parameters (links, the CSV export). */
export function queueFilterParams(filter: QueueFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.view !== "all") params.set("view", filter.view);
  if (filter.query) params.set("q", filter.query);
  if (filter.productId) params.set("product", filter.productId);
  if (filter.supplier) params.set("supplier", filter.supplier);
  if (filter.state) params.set("state", filter.state);
  if (filter.promisedFrom) params.set("from", filter.promisedFrom);
  if (filter.promisedTo) params.set("to", filter.promisedTo);
  if (filter.sort !== "days_late_desc") params.set("sort", filter.sort);
  return params;
}
