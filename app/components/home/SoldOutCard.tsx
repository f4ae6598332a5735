// The merchant's to-do on the home page: sold-out products not on backorder yet, each linked to its page.
import { BlockStack, Card, EmptyState, Link as PolarisLink, List, Text } from "@shopify/polaris";
import { EMPTY_STATE_IMAGE } from "~/components/ErrorPage";
import { useT } from "~/i18n/react";

export interface SoldOutProduct {
  productId: string;
  title: string;
  path: string;
  variantCount: number;
  owed: number;
}

export function SoldOutCard({ soldOut }: { soldOut: readonly SoldOutProduct[] }) {
  const { t } = useT();
  const units = (product: SoldOutProduct) =>
    [
      product.variantCount > 1 ? t("home.soldOut.variants", { count: product.variantCount }) : t("home.soldOut.outOfStock"),
      product.owed > 0 ? t("home.soldOut.owed", { count: product.owed }) : null,
    ]
      .filter(Boolean)
      .join(" · ");
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          {t("home.soldOut.title")}
        </Text>
        {soldOut.length === 0 ? (
          <EmptyState heading={t("home.soldOut.empty")} image={EMPTY_STATE_IMAGE}>
            <p>{t("home.soldOut.description")}</p>
          </EmptyState>
        ) : (
          <>
            <Text as="p" tone="subdued">
              {t("home.soldOut.description")}
            </Text>
            <List type="bullet">
              {soldOut.map((product) => (
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
  );
}

/** Who the app is talking to: the shop's name, timezone and currency. */
export function ShopFacts({ name, timezone, currency }: { name: string; timezone: string; currency: string }) {
  const { t } = useT();
  return (
    <Card>
      <BlockStack gap="100">
        <Text as="p" variant="headingMd">
          {name}
        </Text>
        <Text as="p" tone="subdued">
          {t("home.timezone")}: {timezone} · {t("home.currency")}: {currency}
        </Text>
      </BlockStack>
    </Card>
  );
}
