// First-in-first-out allocation of arriving stock to waiting order lines (used by the ledger and webhooks).
//
// Strict FIFO: units go to the oldest line until it is fully covered, then to the next. A later line never
// receives a unit while an earlier one still needs some, so when units run out mid-line that line keeps
// what it got ("partial") and carries it into the next allocation through `covered`.

export interface AllocationLine {
  id: string;
  quantity: number;
  /** Units already set aside for this line by earlier arrivals (default 0). */
  covered?: number;
}

export type AllocationStatus = "allocated" | "partial" | "waiting";

export interface LineAllocation {
  lineId: string;
  quantity: number;
  /** Units given by this arrival. */
  allocatedNow: number;
  /** Units covered after this arrival (earlier coverage included). */
  covered: number;
  /** "allocated" = fully covered; "partial" = some units but not all; "waiting" = none. */
  status: AllocationStatus;
}

export interface AllocationResult {
  lines: LineAllocation[];
  /** Units handed out by this arrival (never more than arrived). */
  allocatedUnits: number;
  /** Arrived units left once every line is covered: free stock. */
  leftover: number;
  /** Lines that became fully covered with this arrival, in queue order. */
  newlyAllocated: string[];
}

function statusOf(covered: number, quantity: number): AllocationStatus {
  if (covered >= quantity) return "allocated";
  return covered > 0 ? "partial" : "waiting";
}

/** Allocate `arrived` units to `lines` (oldest first). Quantities are whole units. */
export function allocateFifo(lines: readonly AllocationLine[], arrived: number): AllocationResult {
  if (!Number.isInteger(arrived) || arrived < 0) throw new RangeError(`arrived must be a whole number ≥ 0, got ${arrived}`);
  let left = arrived;
  const out: LineAllocation[] = [];
  const newlyAllocated: string[] = [];
  for (const line of lines) {
    if (!Number.isInteger(line.quantity) || line.quantity < 0) {
      throw new RangeError(`Line ${line.id}: quantity must be a whole number ≥ 0, got ${line.quantity}`);
    }
    const already = Math.min(line.quantity, Math.max(0, line.covered ?? 0));
    const give = Math.min(left, line.quantity - already);
    left -= give;
    const covered = already + give;
    const status = statusOf(covered, line.quantity);
    if (give > 0 && status === "allocated") newlyAllocated.push(line.id);
    out.push({ lineId: line.id, quantity: line.quantity, allocatedNow: give, covered, status });
  }
  return { lines: out, allocatedUnits: arrived - left, leftover: left, newlyAllocated };
}
