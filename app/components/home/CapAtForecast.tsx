// "Cap at forecast coverage" for one demand-table row: a button, a confirmation saying what the cap becomes
// and what it means for the storefront, then the home action (the product page's validated save and sync);
// the outcome is a toast, and a refusal (stale page, another change meanwhile) stays in the dialog.
import { useEffect, useState } from "react";
import { useFetcher } from "@remix-run/react";
import { useAppBridge } from "@shopify/app-bridge-react";
import { Banner, BlockStack, Button, Modal, Text } from "@shopify/polaris";
import { useT } from "~/i18n/react";
import type { action } from "~/routes/app._index";

export interface CapTarget {
  variantId: string;
  title: string;
  coverage: number;
  cap: number | null;
  waitingUnits: number;
  horizonDays: number;
  version: number;
}

export function CapAtForecastButton({ target, onOpen }: { target: CapTarget; onOpen: (target: CapTarget) => void }) {
  const { t } = useT();
  if (target.coverage < 1 || target.cap === target.coverage) return null;
  return (
    <Button
      size="slim"
      onClick={() => onOpen(target)}
      accessibilityLabel={t("insights.cap.buttonLabel", {
        cap: target.coverage,
        title: target.title,
      })}
    >
      {t("insights.cap.button", { cap: target.coverage })}
    </Button>
  );
}

export function CapAtForecastModal({ target, onClose }: { target: CapTarget | null; onClose: () => void }) {
  const { t } = useT();
  const shopify = useAppBridge();
  const fetcher = useFetcher<typeof action>();
  const [error, setError] = useState<string | null>(null);
  const busy = fetcher.state !== "idle";

  useEffect(() => {
    const data = fetcher.data;
    if (!data || fetcher.state !== "idle") return;
    if (data.ok) {
      shopify.toast.show(data.message);
      onClose();
    } else setError(data.message ?? t("insights.cap.error.failed"));
    // Only a new answer matters, not a new onClose identity.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetcher.data, fetcher.state]);

  useEffect(() => setError(null), [target?.variantId]);

  if (!target) return null;
  const submit = () =>
    fetcher.submit(
      {
        intent: "cap_at_forecast",
        variantId: target.variantId,
        cap: String(target.coverage),
        version: String(target.version),
      },
      { method: "post", action: "/app?index" }
    );
  return (
    <Modal
      open
      onClose={onClose}
      title={t("insights.cap.title", { title: target.title })}
      primaryAction={{
        content: t("insights.cap.confirm", { cap: target.coverage }),
        loading: busy,
        onAction: submit,
      }}
      secondaryActions={[{ content: t("insights.cap.cancel"), onAction: onClose }]}
    >
      <Modal.Section>
        <BlockStack gap="300">
          {error ? (
            <Banner tone="critical">
              <p>{error}</p>
            </Banner>
          ) : null}
          <Text as="p">
            {t("insights.cap.body", {
              cap: target.coverage,
              days: target.horizonDays,
            })}
          </Text>
          <Text as="p" tone="subdued">
            {target.cap === null ? t("insights.cap.fromNone") : t("insights.cap.from", { cap: target.cap })}
            {target.waitingUnits > target.coverage
              ? ` ${t("insights.cap.belowWaiting", {
                  count: target.waitingUnits,
                })}`
              : ""}
          </Text>
        </BlockStack>
      </Modal.Section>
    </Modal>
  );
}
