// Home: who the app is talking to and which products ran out of stock.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, EmptyState, InlineGrid, Layout, List, Page, Text } from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import { authenticate } from "~/shopify.server";
import { fetchShopOverview } from "~/shopify/shop.server";
import { adminLocaleFromRequest, translator } from "~/i18n/admin";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { admin } = await authenticate.admin(request);
  const overview = await fetchShopOverview(admin.graphql);
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
      soldOutUnits: overview.soldOut.map((p) => t("home.soldOut.units", { count: p.totalInventory })),
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
                <EmptyState heading={text.soldOutEmpty} image="">
                  <p>{text.soldOutDescription}</p>
                </EmptyState>
              ) : (
                <>
                  <Text as="p" tone="subdued">
                    {text.soldOutDescription}
                  </Text>
                  <List type="bullet">
                    {overview.soldOut.map((product, i) => (
                      <List.Item key={product.id}>
                        {product.title} — {text.soldOutUnits[i]}
                      </List.Item>
                    ))}
                  </List>
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
