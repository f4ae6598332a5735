// The order page's read-only sections: the lines the customer is owed, and the timeline newest first.
import type { SerializeFrom } from "@remix-run/node";
import type { ReactNode } from "react";
import { Badge, BlockStack, Card, InlineGrid, InlineStack, Link as PolarisLink, Text } from "@shopify/polaris";
import type { loader } from "~/routes/app.support.$orderId";
import { useT } from "~/i18n/react";

type Data = SerializeFrom<typeof loader>;

export function LinesCard({ lines }: { lines: Data["lines"] }) {
  const { t } = useT();
  const supply = (line: Data["lines"][number]) =>
    line.source === null ? "—" : line.source === "batch" ? t("support.supply.batch", { date: line.batchText ?? "" }) : t(`support.supply.${line.source}`);
  const fact = (label: string, value: ReactNode) => (
    <BlockStack gap="050">
      <Text as="span" tone="subdued" variant="bodySm">
        {label}
      </Text>
      <Text as="span">{value}</Text>
    </BlockStack>
  );
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("support.order.lines")}
        </Text>
        <BlockStack gap="400" as="ul">
          {lines.map((line) => (
            <BlockStack gap="200" as="li" key={line.id}>
              <InlineStack gap="200" blockAlign="center">
                <Text as="h3" fontWeight="semibold">
                  {line.quantity} × {line.title}
                </Text>
                <Badge>{t(`support.line.${line.status}`)}</Badge>
                {line.daysLate > 0 && <Badge tone="critical">{t("support.late", { count: line.daysLate })}</Badge>}
              </InlineStack>
              <InlineGrid columns={{ xs: 2, md: 4 }} gap="300">
                {fact(t("support.col.promised"), line.promisedText ?? "—")}
                {fact(t("support.col.estimate"), line.currentText ?? "—")}
                {fact(t("support.order.supply"), supply(line))}
                {fact(t("support.order.confidence"), line.confidence ? t(`support.confidence.${line.confidence}`) : "—")}
              </InlineGrid>
              {line.manual && (
                <Text as="p" tone="subdued">
                  {t("support.order.manual", { reason: line.manual.reason ?? "" })}
                </Text>
              )}
            </BlockStack>
          ))}
        </BlockStack>
      </BlockStack>
    </Card>
  );
}

const STRING_PARAMS = ["from", "to", "earliest", "latest", "reason", "assignee", "title", "items", "amount", "message", "score"] as const;

export function TimelineCard({ events }: { events: Data["events"] }) {
  const { t } = useT();
  const actor = (event: Data["events"][number]) =>
    event.actorName ??
    (event.actor.startsWith("staff")
      ? t("support.actor.staff", { id: event.actor.split(":")[1] ?? "" })
      : event.actor === "customer"
        ? t("support.actor.customer")
        : event.actor === "flow"
          ? t("support.actor.flow")
          : t("support.actor.system"));
  const text = (event: Data["events"][number]) => {
    const data = event.data as Record<string, unknown>;
    const params: Record<string, string> = {};
    for (const key of STRING_PARAMS) params[key] = typeof data[key] === "string" ? (data[key] as string) : "—";
    if (event.kind === "status_changed") params.to = t(`support.status.${String(data.to)}`);
    if (event.kind === "assigned") params.assignee = typeof data.assignee === "string" ? data.assignee : t("support.unassigned");
    if (event.kind === "estimate_changed") params.cause = t(`support.cause.${String(data.cause)}`);
    if (event.kind === "compensation_given") params.offer = event.offer ? t(`support.compensation.offer.${event.offer.kind}`, { value: event.offer.value }) : "—";
    if (event.kind === "lines_cancelled" && data.wholeOrder === true) return t("support.event.lines_cancelled_order", params);
    return t(`support.event.${event.kind}`, params);
  };
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("support.order.timeline")}
        </Text>
        <BlockStack gap="300" as="ol">
          {events.map((event) => (
            <BlockStack gap="050" key={event.id} as="li">
              <InlineStack gap="200" blockAlign="center">
                <Text as="span" fontWeight="semibold">
                  {text(event)}
                </Text>
                {event.email && (
                  <PolarisLink url={`/app/notifications/emails/${event.email.id}`}>{t("support.order.email", { status: event.email.status })}</PolarisLink>
                )}
              </InlineStack>
              {(event.kind === "note" || event.kind === "message_queued" || event.kind === "complaint" || event.kind === "feedback") && (
                <Text as="p">{String((event.data as Record<string, unknown>).text ?? "")}</Text>
              )}
              {event.kind === "compensation_given" && <CompensationDetail data={event.data as Record<string, unknown>} />}
              <Text as="span" tone="subdued" variant="bodySm">
                {event.when} · {actor(event)}
              </Text>
            </BlockStack>
          ))}
        </BlockStack>
      </BlockStack>
    </Card>
  );
}

/** Under a compensation event: the code and its validity, the store credit's validity, or the gift's text. */
function CompensationDetail({ data }: { data: Record<string, unknown> }) {
  const { t } = useT();
  const expires = typeof data.expiresOn === "string" ? data.expiresOn : "—";
  if (typeof data.code === "string") return <Text as="p">{t("support.compensation.event.code", { code: data.code, expires })}</Text>;
  if (typeof data.text === "string") return <Text as="p">{data.text}</Text>;
  return typeof data.expiresOn === "string" ? <Text as="p">{t("support.compensation.event.credit", { expires })}</Text> : null;
}
