// Home: who the app is talking to and which products ran out of stock.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, EmptyState, InlineGrid, Layout, Link as PolarisLink, List, Page, Text } from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import { authenticate } from "~/shopify.server";
import { fetchShopOverview } from "~/shopify/shop.server";
import { soldOutCandidates } from "~/workflows/catalog/sold-out.server";
import { EMPTY_STATE_IMAGE } from "~/components/ErrorPage";
import { useT } from "~/i18n/react";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const shopOverview = await fetchShopOverview(admin.graphql);
  // Only what still needs the merchant: sold-out variants not already on backorder, linked to their page.
  const soldOut = await soldOutCandidates({ shop: session.shop, overview: shopOverview });
  return json({ overview: { ...shopOverview, soldOut } });
};

export default function Index() {
  const { overview } = useLoaderData<typeof loader>();
  const { t } = useT();
  const units = (product: (typeof overview.soldOut)[number]) =>
    [
      product.variantCount > 1 ? t("home.soldOut.variants", { count: product.variantCount }) : t("home.soldOut.outOfStock"),
      product.owed > 0 ? t("home.soldOut.owed", { count: product.owed }) : null,
    ]
      .filter(Boolean)
      .join(" · ");

  return (
    <Page>
      <TitleBar title={t("home.title")} />
      <Layout>
        <Layout.Section>
          <Card>
            <InlineGrid columns={{ xs: 1, md: 3 }} gap="400">
              <Fact label={t("home.shop")} value={overview.name} />
              <Fact label={t("home.timezone")} value={overview.timezone} />
              <Fact label={t("home.currency")} value={overview.currency} />
            </InlineGrid>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                {t("home.soldOut.title")}
              </Text>
              {overview.soldOut.length === 0 ? (
                <EmptyState heading={t("home.soldOut.empty")} image={EMPTY_STATE_IMAGE}>
                  <p>{t("home.soldOut.description")}</p>
                </EmptyState>
              ) : (
                <>
                  <Text as="p" tone="subdued">
                    {t("home.soldOut.description")}
                  </Text>
                  <List type="bullet">
                    {overview.soldOut.map((product) => (
                      <List.Item key={product.productId}>
                        <PolarisLink url={product.path}>{product.title}</PolarisLink> — {units(product)}
                      </List.Item>
                    ))}
                  </List>
                  <PolarisLink url="/app/products?tab=sold_out">{t("home.soldOut.viewAll")}</PolarisLink>
                </>
              )}
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <BlockStack gap="100">
      <Text as="p" tone="subdued">
        {label}
      </Text>
      <Text as="p" variant="headingMd">
        {value}
      </Text>
    </BlockStack>
  );
}
