// "Send a test": the template as edited (saved or not) rendered with sample data, to an address or the shop's.
import { useEffect, useState } from "react";
import type { useFetcher } from "@remix-run/react";
import { Banner, Button, Card, FormLayout, TextField } from "@shopify/polaris";
import { useAppBridge } from "@shopify/app-bridge-react";
import type { action } from "~/routes/app.notifications._index";
import { useT } from "~/i18n/react";
import { CardHeader } from "~/components/CardHeader";

export type TemplateFetcher = ReturnType<typeof useFetcher<typeof action>>;

/** `fetcher` is the editor's: a test's subject or body errors show next to the editor's fields. */
export function TestSendCard({
  fetcher,
  kind,
  locale,
  subject,
  body,
}: {
  fetcher: TemplateFetcher;
  kind: string;
  locale: string;
  subject: string;
  body: string;
}) {
  const { t } = useT();
  const shopify = useAppBridge();
  const [to, setTo] = useState("");
  const result = fetcher.data;
  const errors = result && !result.ok ? result.errors : {};

  useEffect(() => {
    if (result?.ok && "message" in result) shopify.toast.show(result.message);
  }, [result, shopify]);

  return (
    <Card>
      <fetcher.Form method="post">
        <input type="hidden" name="intent" value="test" />
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="locale" value={locale} />
        <input type="hidden" name="subject" value={subject} />
        <input type="hidden" name="body" value={body} />
        <FormLayout>
          <CardHeader title={t("notifications.test.title")} description={t("notifications.test.description")} />
          {result && !result.ok && result.banner ? <Banner tone="critical">{result.banner}</Banner> : null}
          <TextField
            label={t("notifications.test.to")}
            name="to"
            type="email"
            value={to}
            onChange={setTo}
            helpText={t("notifications.test.to.help")}
            error={errors.to}
            autoComplete="email"
            connectedRight={
              <Button submit loading={fetcher.state !== "idle"}>
                {t("notifications.test.send")}
              </Button>
            }
          />
        </FormLayout>
      </fetcher.Form>
    </Card>
  );
}
