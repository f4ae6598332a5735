// Pieces shared by the notifications admin pages.
import { Badge, Box } from "@shopify/polaris";
import { useT, type ClientTranslate } from "~/i18n/react";
import type { DisplayStatus } from "./admin.server";

/** Rendered email HTML in a sandboxed frame: no scripts, no same-origin access, nothing it can reach. */
export function EmailFrame({ html, title }: { html: string; title: string }) {
  return (
    <Box borderColor="border" borderWidth="025" borderRadius="200" overflowX="hidden" overflowY="hidden">
      <iframe title={title} sandbox="" srcDoc={html} style={{ width: "100%", height: 520, border: 0, display: "block" }} />
    </Box>
  );
}

const STATUS_TONE: Record<DisplayStatus, "success" | "info" | "attention" | "warning" | "critical" | undefined> = {
  pending: undefined,
  retrying: "warning",
  sending: "info",
  sent: "success",
  mailbox: "info",
  dead: "critical",
};

export function StatusBadge({ status }: { status: DisplayStatus }) {
  const { t } = useT();
  return <Badge tone={STATUS_TONE[status]}>{t(`notifications.status.${status}`)}</Badge>;
}

/** The email kind's name, or the stored kind itself when the app has no name for it. */
export function kindLabel(kind: string, t: ClientTranslate): string {
  const key = `notifications.kind.${kind}`;
  const label = t(key);
  return label === key ? kind : label;
}

