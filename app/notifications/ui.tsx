// Pieces shared by the notifications admin pages.
import { Badge, Box } from "@shopify/polaris";
import type { DisplayStatus, NotificationsText } from "./admin.server";

/** "{count} attempts" + { count: 3 } → "3 attempts" (strings arrive translated from the loader). */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in params ? String(params[name]) : match));
}

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

export function StatusBadge({ status, text }: { status: DisplayStatus; text: NotificationsText }) {
  return <Badge tone={STATUS_TONE[status]}>{text[`notifications.status.${status}`]}</Badge>;
}

export function kindLabel(kind: string, text: NotificationsText): string {
  const key = `notifications.kind.${kind}` as keyof NotificationsText;
  return text[key] ?? kind;
}

