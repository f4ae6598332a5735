// Public API of the domain core (pure: no Remix, Prisma, Shopify or I/O).
export * from "./types";
export { BusinessCalendar, createBusinessCalendar, publicHolidays, type LocalDateTime } from "./calendar";
export { isoToDay, dayToIso, addCalendarDays, daysBetween, weekdayOfDay } from "./dates";
export {
  EtaContext,
  createEtaContext,
  computeVariantEta,
  computeEta,
  queuedUnitsOf,
  type EtaSettings,
  type VariantEtaInput,
  type ComputeEtaOptions,
} from "./eta";
export {
  allocateFifo,
  type AllocationLine,
  type AllocationResult,
  type AllocationStatus,
  type LineAllocation,
} from "./allocation";
export {
  salesVelocity,
  sellOutForecast,
  percentile,
  latenessStats,
  latenessSamplesFromBatches,
  DEFAULT_VELOCITY_WINDOW_DAYS,
  type DailySales,
  type SellOutForecast,
} from "./forecast";
export {
  decideInventoryPolicy,
  type BackorderMode,
  type InventoryPolicy,
  type PolicyReason,
  type PolicyInput,
  type PolicyDecision,
} from "./policy";
export { formatDateRange, formatDate, formatDateTime, type FormatRangeOptions } from "./format";
export { SUMMARY_VERSION, buildVariantSummary, serializeSummary, sameSummary, type VariantSummary, type SummaryRange, type SummaryInput } from "./summary";
