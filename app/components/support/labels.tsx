// Words, badges and addresses the support desk's pages share.
import { Badge } from "@shopify/polaris";
import { useT } from "~/i18n/react";

/** The order page of an order gid ("gid://shopify/Order/42" → /app/support/42). */
export function orderPath(orderId: string): string {
  return `/app/support/${orderId.split("/").pop() ?? ""}`;
}

const TONES = { waiting: "info", at_risk: "warning", delayed: "critical", ready: "success", cancelled: undefined } as const;

/** The case's status as one badge: staff status when it says more (resolved, waiting on customer), else the ledger's. */
export function StateBadge({ state, status }: { state: string; status: string }) {
  const { t } = useT();
  if (status === "resolved") return <Badge>{t("support.status.resolved")}</Badge>;
  if (status === "waiting_customer") return <Badge tone="attention">{t("support.status.waiting_customer")}</Badge>;
  const tone = TONES[state as keyof typeof TONES];
  return <Badge {...(tone ? { tone } : {})}>{t(`support.state.${state}`)}</Badge>;
}

/**
 * Compensation next to the status: "Compensated" once support gave something (SupportCase.compensatedAt), or
 * "Compensation proposed" while the shop's rule proposes it. A marker, not a status: the ledger's state and
 * the staff status keep their meaning, and a compensated order can still be delayed or resolved.
 */
export function CompensationBadge({ compensated, proposed }: { compensated: boolean; proposed: boolean }) {
  const { t } = useT();
  if (compensated) return <Badge tone="success">{t("support.compensation.compensated")}</Badge>;
  if (proposed) return <Badge tone="attention">{t("support.compensation.proposed")}</Badge>;
  return null;
}
