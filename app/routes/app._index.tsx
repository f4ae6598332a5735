// Home: who the app is talking to and which products ran out of stock.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, EmptyState, InlineGrid, Layout, Link as PolarisLink, List, Page, Text } from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import { authenticate } from "~/shopify.server";
import { fetchShopOverview } from "~/shopify/shop.server";
import { soldOutCandidates } from "~/services/sold-out.server";
import { EMPTY_STATE_IMAGE } from "~/components/ErrorPage";
import { adminLocaleFromRequest, translator } from "~/i18n/admin";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const shopOverview = await fetchShopOverview(admin.graphql);
  // Only what still needs the merchant: sold-out variants not already on backorder, linked to their page.
  const soldOut = await soldOutCandidates({ shop: session.shop, overview: shopOverview });
  const overview = { ...shopOverview, soldOut };
  const t = translator(adminLocaleFromRequest(request));
  return json({
    overview,
    text: {
      title: t("home.title"),
      shop: t("home.shop"),
      timezone: t("home.timezone"),
      currency: t("home.currency"),
      soldOutTitle: t("home.soldOut.title"),
      soldOutDescription: t("home.soldOut.description"),
      soldOutEmpty: t("home.soldOut.empty"),
      soldOutUnits: soldOut.map((p) =>
        [
          p.variantCount > 1 ? t("home.soldOut.variants", { count: p.variantCount }) : t("home.soldOut.outOfStock"),
          p.owed > 0 ? t("home.soldOut.owed", { count: p.owed }) : null,
        ]
          .filter(Boolean)
          .join(" · "),
      ),
      soldOutManage: t("home.soldOut.manage"),
      soldOutViewAll: t("home.soldOut.viewAll"),
    },
  });
};

export default function Index() {
  const { overview, text } = useLoaderData<typeof loader>();

  return (
    <Page>
      <TitleBar title={text.title} />
      <Layout>
        <Layout.Section>
          <Card>
            <InlineGrid columns={{ xs: 1, md: 3 }} gap="400">
              <Fact label={text.shop} value={overview.name} />
              <Fact label={text.timezone} value={overview.timezone} />
              <Fact label={text.currency} value={overview.currency} />
            </InlineGrid>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                {text.soldOutTitle}
              </Text>
              {overview.soldOut.length === 0 ? (
                <EmptyState heading={text.soldOutEmpty} image={EMPTY_STATE_IMAGE}>
                  <p>{text.soldOutDescription}</p>
                </EmptyState>
              ) : (
                <>
                  <Text as="p" tone="subdued">
                    {text.soldOutDescription}
                  </Text>
                  <List type="bullet">
                    {overview.soldOut.map((product, i) => (
                      <List.Item key={product.productId}>
                        <PolarisLink url={product.path}>{product.title}</PolarisLink> — {text.soldOutUnits[i]}
                      </List.Item>
                    ))}
                  </List>
                  <PolarisLink url="/app/products?tab=sold_out">{text.soldOutViewAll}</PolarisLink>
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
