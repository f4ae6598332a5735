// One product: per variant, the backorder settings, incoming batches, waiting queue with each line's
// date, and a preview of what shoppers see now.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useNavigate, useSearchParams } from "@remix-run/react";
import { Banner, BlockStack, Card, Layout, Page, Select } from "@shopify/polaris";
import { TitleBar } from "@shopify/app-bridge-react";
import { authenticate } from "~/shopify.server";
import { adminLocaleFromRequest, adminMessages, translator, type AdminMessageKey } from "~/i18n/admin";
import { useT } from "~/i18n/react";
import { deleteBatch, loadProduct, loadVariantEditor, saveBatch, saveVariant, selectVariant } from "~/workflows/catalog/variant-editor.server";
import { formValues, readFormData } from "~/validation/form-data";
import { useReload } from "~/components/product/shared";
import { VariantSettingsCard } from "~/components/product/VariantSettingsCard";
import { BatchesCard } from "~/components/product/BatchesCard";
import { QueueCard } from "~/components/product/QueueCard";
import { ShopperPreviewCard } from "~/components/product/ShopperPreviewCard";
import { PaymentOptionCard } from "~/components/product/PaymentOptionCard";
import { loadVariantPayment, saveVariantPayment } from "~/workflows/payments/variant-payment.server";

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const product = await loadProduct(admin.graphql, params.id ?? "");
  const url = new URL(request.url);
  const variant = selectVariant(product, url.searchParams.get("variant"));
  if (!variant) throw new Response("Not Found", { status: 404 });
  const locale = adminLocaleFromRequest(request);
  const [editor, payment] = await Promise.all([
    loadVariantEditor({ shop: session.shop, graphql: admin.graphql, product, variantId: variant.id }),
    loadVariantPayment({ shop: session.shop, graphql: admin.graphql, variantId: variant.id, locale }),
  ]);
  return json({
    messages: adminMessages(locale, ["product", "products", "dateChanges", "payments"]),
    locale,
    product: { id: product.id, title: product.title, variants: product.variants.map((v) => ({ id: v.id, title: v.title })) },
    editor,
    payment,
  });
};

export const action = async ({ request, params }: ActionFunctionArgs) => {
  const { admin, session } = await authenticate.admin(request);
  const product = await loadProduct(admin.graphql, params.id ?? "");
  const input = formValues(await readFormData(request));
  const args = { shop: session.shop, graphql: admin.graphql, product, input };
  if (input.intent === "save-payment") {
    const t = translator(adminLocaleFromRequest(request));
    const saved = await saveVariantPayment(args);
    if (!saved.ok) {
      const errors = Object.fromEntries(Object.entries(saved.errors).map(([field, key]) => [field, t(key as AdminMessageKey)]));
      return json({ ok: false as const, intent: input.intent, errors, message: null }, { status: saved.status });
    }
    const message = saved.failure ? t("payments.syncFailed", { message: saved.failure }) : t("payments.saved");
    return json({ ok: true as const, intent: input.intent, errors: {} as Record<string, string>, message, syncFailed: Boolean(saved.failure) });
  }
  const result =
    input.intent === "save-variant"
      ? await saveVariant(args)
      : input.intent === "save-batch"
        ? await saveBatch(args)
        : input.intent === "remove-batch"
          ? await deleteBatch(args)
          : ({ ok: false, status: 400, errors: { intent: "Unknown action" } } as const);
  const t = translator(adminLocaleFromRequest(request));
  if (!result.ok && "confirm" in result) {
    // Nothing written: the page asks "this will email N customers" and resubmits with confirmDateChanges=1.
    return json({ ok: false as const, intent: input.intent, errors: {} as Record<string, string>, message: null, confirm: result.confirm }, { status: 409 });
  }
  if (!result.ok) {
    const params = "params" in result ? result.params : undefined;
    const errors = Object.fromEntries(
      Object.entries(result.errors).map(([field, key]) => [field, t(key as AdminMessageKey, params?.[field])]),
    );
    return json({ ok: false as const, intent: input.intent, errors, message: null }, { status: result.status });
  }
  const failure = result.sync.failed[0];
  return json({
    ok: true as const,
    intent: input.intent,
    errors: {} as Record<string, string>,
    message: failure ? t("product.syncFailed", { message: failure.message }) : t("product.saved"),
    syncFailed: Boolean(failure),
  });
};

export default function ProductPage() {
  const { product, editor, payment } = useLoaderData<typeof loader>();
  const { t, locale } = useT();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const { generation, reload, reloading } = useReload();
  const card = { editor, t, locale };
  const reloadProps = { onReload: reload, reloading };

  return (
    // One title: the TitleBar's, in the admin's header (the page adds the back link, actions and SKU).
    <Page
      backAction={{ content: t("product.back"), onAction: () => navigate("/app/products") }}
      secondaryActions={[
        {
          content: t("product.waitlist.open"),
          onAction: () => navigate(`/app/products/${product.id.split("/").pop()}/waitlist?variant=${editor.variant.id.split("/").pop()}`),
        },
      ]}
      subtitle={editor.variant.sku ?? undefined}
    >
      <TitleBar title={product.title} />
      <Layout>
        <Layout.Section>
          <BlockStack gap="400">
            {product.variants.length > 1 && (
              <Card>
                <Select
                  label={t("product.variant")}
                  options={product.variants.map((v) => ({ label: v.title, value: v.id }))}
                  value={editor.variant.id}
                  onChange={(id) => {
                    const next = new URLSearchParams(searchParams);
                    next.set("variant", id.split("/").pop() ?? "");
                    navigate(`?${next}`);
                  }}
                />
              </Card>
            )}
            {editor.problem && (
              <Banner tone="critical" title={t("products.status.dataProblem")}>
                {t(`product.problem.${editor.problem.kind}`)}
              </Banner>
            )}
            <VariantSettingsCard key={`settings-${editor.variant.id}-${generation}`} {...card} {...reloadProps} />
            <PaymentOptionCard key={`payment-${editor.variant.id}-${generation}`} {...card} {...reloadProps} payment={payment} />
            <BatchesCard key={`batches-${editor.variant.id}-${generation}`} {...card} {...reloadProps} />
            <QueueCard {...card} productId={product.id} />
          </BlockStack>
        </Layout.Section>
        <Layout.Section variant="oneThird">
          <ShopperPreviewCard {...card} />
        </Layout.Section>
      </Layout>
    </Page>
  );
}
