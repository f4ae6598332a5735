// A variant's notify-me waitlist: who is waiting (count, list, CSV export) and "Send now", which emails
// them the back-in-stock alert after a confirmation. `$id_`: its own page, not nested in the product page.
import { useEffect, useState } from "react";
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useFetcher, useLoaderData, useNavigate, useSearchParams } from "@remix-run/react";
import { Badge, BlockStack, EmptyState, IndexTable, Modal, Page, Tabs, Text } from "@shopify/polaris";
import { TitleBar, useAppBridge } from "@shopify/app-bridge-react";
import { authenticate } from "~/shopify.server";
import { adminLocaleFromRequest, adminMessages, translator } from "~/i18n/admin";
import { useT } from "~/i18n/react";
import { formatDateTime } from "~/domain/format";
import { getShopSettings } from "~/models/settings.server";
import { loadWaitlist, productVariant, sendWaitlistNow, waitlistViewFrom } from "~/workflows/waitlist/waitlist.server";
import { formValues, readFormData } from "~/validation/form-data";
import { downloadFile } from "~/components/download-file";
import { ResourceTableCard } from "~/components/ResourceTableCard";
import { useCursorPagination } from "~/components/useCursorPagination";
import { cursorParam } from "~/validation/cursor";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const url = new URL(request.url);
  const cursor = cursorParam(url);
  const [waitlist, settings] = await Promise.all([
    loadWaitlist({
      shop: session.shop,
      graphql: admin.graphql,
      productId: params.id ?? "",
      variantNumber: url.searchParams.get("variant"),
      view: waitlistViewFrom(url.searchParams.get("view")),
      cursor,
    }),
    getShopSettings({ shop: session.shop }),
  ]);
  const locale = adminLocaleFromRequest(request);
  return json({
    messages: adminMessages(locale, ["waitlist"]),
    ...waitlist,
    entries: waitlist.entries.map((e) => ({ ...e, signedUp: formatDateTime(new Date(e.createdAt), locale, settings.timezone) })),
  });
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const input = formValues(await readFormData(request));
  const t = translator(adminLocaleFromRequest(request));
  if (input.intent !== "send-now") return json({ ok: false as const, message: "Unknown action" }, { status: 400 });
  // The variant must be one of this shop's product's: Shopify answers 404 for anything else.
  const { variant } = await productVariant(admin.graphql, params.id ?? "", input.variant ?? null);
  const result = await sendWaitlistNow({ shop: session.shop, graphql: admin.graphql, variantId: variant.id });
  if (!result.ok) {
    if (result.error === "unknownVariant") throw new Response("Not Found", { status: 404 });
    return json({ ok: false as const, message: t("waitlist.nobody") }, { status: result.status });
  }
  return json({ ok: true as const, message: t("waitlist.sent", { count: result.queued }) });
};

export default function Waitlist() {
  const data = useLoaderData<typeof loader>();
  const { t } = useT();
  const navigate = useNavigate();
  const shopify = useAppBridge();
  const fetcher = useFetcher<typeof action>();
  const [searchParams, setSearchParams] = useSearchParams();
  const pagination = useCursorPagination();
  const [confirming, setConfirming] = useState(false);
  const [exporting, setExporting] = useState(false);
  const productNumber = data.product.id.split("/").pop() ?? "";
  const variantNumber = data.variant.id.split("/").pop() ?? "";
  const views = [
    { id: "active", content: t("waitlist.tab.active") },
    { id: "all", content: t("waitlist.tab.all") },
  ];

  useEffect(() => {
    if (fetcher.state !== "idle" || !fetcher.data) return;
    shopify.toast.show(fetcher.data.message, { isError: !fetcher.data.ok });
    setConfirming(false);
  }, [fetcher.state, fetcher.data, shopify]);

  const goTo = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(searchParams);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    setSearchParams(next);
  };

  const onExport = async () => {
    setExporting(true);
    try {
      const query = new URLSearchParams({ variant: variantNumber, view: data.view });
      await downloadFile(`/app/products/${productNumber}/waitlist.csv?${query}`, `waitlist-${data.variant.sku || variantNumber}.csv`);
    } catch (error) {
      shopify.toast.show(t("waitlist.exportFailed", { message: error instanceof Error ? error.message : String(error) }), { isError: true });
    } finally {
      setExporting(false);
    }
  };

  const statusBadge = (status: string) =>
    status === "active" ? <Badge tone="attention">{t("waitlist.status.active")}</Badge> : <Badge>{t(`waitlist.status.${status}`)}</Badge>;

  return (
    // The title is the TitleBar's (in the admin's header), not repeated as a page heading.
    <Page
      backAction={{ content: data.product.title, onAction: () => navigate(`/app/products/${productNumber}?variant=${variantNumber}`) }}
      subtitle={t("waitlist.subtitle", { product: data.product.title, variant: data.variant.title })}
      primaryAction={{ content: t("waitlist.sendNow"), disabled: data.active === 0, onAction: () => setConfirming(true) }}
      secondaryActions={[{ content: t("waitlist.export"), loading: exporting, disabled: data.total === 0, onAction: onExport }]}
    >
      <TitleBar title={t("waitlist.title")} />
      <BlockStack gap="400">
        <Text as="p" variant="headingMd" id="waitlist-count">
          {t("waitlist.count", { count: data.active })}
        </Text>
        <ResourceTableCard
          tabs={<Tabs tabs={views} selected={Math.max(0, views.findIndex((v) => v.id === data.view))} onSelect={(i) => goTo({ view: views[i]?.id ?? "active", cursor: null })} />}
          resourceName={{ singular: t("waitlist.resourceName.singular"), plural: t("waitlist.resourceName.plural") }}
          itemCount={data.entries.length}
          emptyState={
            <EmptyState heading={t("waitlist.empty.title")} image="/empty-state.svg" imageContained>
              <p>{t("waitlist.empty.body")}</p>
            </EmptyState>
          }
          headings={[{ title: t("waitlist.col.email") }, { title: t("waitlist.col.language") }, { title: t("waitlist.col.signedUp") }, { title: t("waitlist.col.status") }]}
          pagination={pagination(data.pageInfo, { next: t("waitlist.page.next"), previous: t("waitlist.page.previous") })}
        >
          {data.entries.map((entry, index) => (
            <IndexTable.Row id={entry.id} key={entry.id} position={index}>
              <IndexTable.Cell>{entry.email}</IndexTable.Cell>
              <IndexTable.Cell>{t(`waitlist.language.${entry.locale === "fr" ? "fr" : "en"}`)}</IndexTable.Cell>
              <IndexTable.Cell>{entry.signedUp}</IndexTable.Cell>
              <IndexTable.Cell>{statusBadge(entry.status)}</IndexTable.Cell>
            </IndexTable.Row>
          ))}
        </ResourceTableCard>
      </BlockStack>
      <Modal
        open={confirming}
        onClose={() => setConfirming(false)}
        title={t("waitlist.confirm.title")}
        primaryAction={{
          content: t("waitlist.confirm.send", { count: data.active }),
          loading: fetcher.state !== "idle",
          onAction: () => fetcher.submit({ intent: "send-now", variant: variantNumber }, { method: "post" }),
        }}
        secondaryActions={[{ content: t("waitlist.confirm.cancel"), onAction: () => setConfirming(false) }]}
      >
        <Modal.Section>
          <Text as="p">{t("waitlist.confirm.body", { count: data.active })}</Text>
        </Modal.Section>
      </Modal>
    </Page>
  );
}
