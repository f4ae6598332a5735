// Home: the merchant's dashboard (issue 13) for a period (?period=30|90|365, or period=custom&from=…&to=…;
// anything else = 30 days, a custom range that cannot be used says why next to its dates), built from
// the app's own ledger (app/workflows/insights/dashboard.server.ts), and the sold-out products still to set up.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useNavigation } from "@remix-run/react";
import { BlockStack, EmptyState, Layout, Page, Text } from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import { authenticate } from "~/shopify.server";
import { fetchShopOverview } from "~/shopify/shop.server";
import { soldOutCandidates } from "~/workflows/catalog/sold-out.server";
import { loadDashboard } from "~/workflows/insights/dashboard.server";
import { INSIGHTS_PERIODS } from "~/domain/insights";
import { adminLocaleFromRequest, adminMessages, translator, type AdminMessageKey } from "~/i18n/admin";
import { capAtForecast } from "~/workflows/insights/cap.server";
import { formValues, readFormData } from "~/validation/form-data";
import { EMPTY_STATE_IMAGE } from "~/components/ErrorPage";
import { PeriodSelector } from "~/components/home/PeriodSelector";
import { SummaryCards } from "~/components/home/SummaryCards";
import { SuppliersTable } from "~/components/home/SuppliersTable";
import { DemandTable } from "~/components/home/DemandTable";
import { CashFlowTable } from "~/components/home/CashFlowTable";
import { ShopFacts, SoldOutCard } from "~/components/home/SoldOutCard";
import { ChartsSection } from "~/components/home/ChartsSection";
import { SatisfactionSection } from "~/components/home/SatisfactionSection";
import vizStyles from "@shopify/polaris-viz/build/esm/styles.css?url";
import { useT } from "~/i18n/react";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: vizStyles }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const shopOverview = await fetchShopOverview(admin.graphql);
  // Only what still needs the merchant: sold-out variants not already on backorder, linked to their page.
  const soldOut = await soldOutCandidates({ shop: session.shop, overview: shopOverview });
  const params = new URL(request.url).searchParams;
  const query = { period: params.get("period"), from: params.get("from"), to: params.get("to") };
  const dashboard = await loadDashboard({ shop: session.shop, query, shopTimeZone: shopOverview.timezone, now: new Date() });
  return json({
    overview: { ...shopOverview, soldOut },
    dashboard,
    periods: INSIGHTS_PERIODS,
    messages: adminMessages(adminLocaleFromRequest(request), ["insights"]),
  });
};

/** "Cap at forecast coverage" from the demand table: the variant's cap, through the product page's validated save. */
export const action = async ({ request }: ActionFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const input = formValues(await readFormData(request));
  const shopTimeZone = async () => (await fetchShopOverview(admin.graphql)).timezone;
  const result = await capAtForecast({ shop: session.shop, graphql: admin.graphql, input, shopTimeZone });
  const t = translator(adminLocaleFromRequest(request));
  if (!result.ok) {
    const errors = Object.fromEntries(Object.entries(result.errors).map(([field, key]) => [field, t(key as AdminMessageKey)]));
    return json({ ok: false as const, variantId: input.variantId ?? null, errors, message: Object.values(errors)[0] ?? null }, { status: result.status });
  }
  const message = result.syncFailed ? t("insights.cap.syncFailed", { cap: result.cap }) : t("insights.cap.done", { cap: result.cap });
  return json({ ok: true as const, variantId: input.variantId ?? null, errors: {} as Record<string, string>, message });
};

export default function Index() {
  const { overview, dashboard, periods } = useLoaderData<typeof loader>();
  const { t } = useT();
  const navigation = useNavigation();
  const updating = navigation.state === "loading" && navigation.location?.pathname === "/app";

  return (
    <Page>
      <TitleBar title={t("home.title")} />
      <Layout>
        <Layout.Section>
          <ShopFacts name={overview.name} timezone={overview.timezone} currency={overview.currency} />
        </Layout.Section>
        <Layout.Section>
          <BlockStack gap="400">
            <Text as="h2" variant="headingLg">
              {t("insights.title")}
            </Text>
            <PeriodSelector key={`${dashboard.period.key}:${dashboard.period.firstDay}:${dashboard.period.lastDay}`} period={dashboard.period} options={periods} timeZone={dashboard.timeZone} />
            {dashboard.isNew ? (
              <EmptyState heading={t("insights.new.title")} image={EMPTY_STATE_IMAGE}>
                <p>{t("insights.new.body")}</p>
              </EmptyState>
            ) : (
              <div aria-busy={updating} style={{ opacity: updating ? 0.6 : 1 }}>
                <BlockStack gap="400">
                  <SummaryCards dashboard={dashboard} />
                  <ChartsSection promises={dashboard.promises} suppliers={dashboard.suppliers} series={dashboard.series} period={dashboard.period} />
                  <SuppliersTable suppliers={dashboard.suppliers} period={dashboard.period} />
                  <DemandTable demand={dashboard.demand} period={dashboard.period} />
                  {dashboard.cashFlow.dueOrders > 0 || dashboard.cashFlow.depositOrders > 0 || dashboard.cashFlow.collected.length > 0 ? (
                    <CashFlowTable cashFlow={dashboard.cashFlow} period={dashboard.period} />
                  ) : null}
                  <SatisfactionSection satisfaction={dashboard.satisfaction} />
                </BlockStack>
              </div>
            )}
          </BlockStack>
        </Layout.Section>
        <Layout.Section>
          <SoldOutCard soldOut={overview.soldOut} />
        </Layout.Section>
      </Layout>
    </Page>
  );
}
