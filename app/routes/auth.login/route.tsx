// Standalone login (outside the Shopify admin): the merchant types their shop domain to start OAuth.
import { useState } from "react";
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AppProvider as PolarisAppProvider, Button, Card, FormLayout, Page, Text, TextField } from "@shopify/polaris";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { login } from "~/shopify.server";
import { adminLocaleFromRequest, polarisTranslations, translator } from "~/i18n/admin";
import { loginErrorMessage } from "./error.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: polarisStyles }];

async function respond(request: Request, status: number) {
  const locale = adminLocaleFromRequest(request);
  const t = translator(locale);
  const keys = loginErrorMessage(await login(request));
  return json(
    {
      polaris: polarisTranslations(locale),
      text: { title: t("login.title"), shop: t("login.shop"), help: t("login.help"), submit: t("login.submit") },
      errors: { shop: keys.shop ? t(keys.shop) : undefined },
    },
    { status: keys.shop ? status : 200 },
  );
}

export const loader = async ({ request }: LoaderFunctionArgs) => respond(request, 200);

export const action = async ({ request }: ActionFunctionArgs) => respond(request, 400);

export default function Auth() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [shop, setShop] = useState("");
  const { text, polaris } = loaderData;
  const errors = actionData?.errors ?? loaderData.errors;

  return (
    <PolarisAppProvider i18n={polaris}>
      <Page>
        <Card>
          <Form method="post">
            <FormLayout>
              <Text variant="headingMd" as="h2">
                {text.title}
              </Text>
              <TextField
                type="text"
                name="shop"
                label={text.shop}
                helpText={text.help}
                value={shop}
                onChange={setShop}
                autoComplete="on"
                error={errors.shop}
              />
              <Button submit>{text.submit}</Button>
            </FormLayout>
          </Form>
        </Card>
      </Page>
    </PolarisAppProvider>
  );
}
