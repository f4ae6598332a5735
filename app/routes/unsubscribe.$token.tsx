// The unsubscribe link of back-in-stock emails (public: the random token is the credential). GET shows a
// confirmation button rather than unsubscribing, because mail scanners follow links; POST unsubscribes,
// and also serves RFC 8058 one-click requests from mail clients (List-Unsubscribe-Post).
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { adminLocale, translator } from "~/i18n/admin";
import { findSubscriptionByToken, unsubscribe } from "~/notifications/unsubscribe.server";

const HEADERS = {
  "Cache-Control": "no-store",
  // The token is in the URL: never hand it to another site, never index the page.
  "Referrer-Policy": "no-referrer",
  "X-Robots-Tag": "noindex",
};

function pageText(locale: string, productTitle: string | null) {
  const t = translator(adminLocale(locale));
  return {
    lang: adminLocale(locale),
    title: t("unsubscribe.title"),
    question: productTitle ? t("unsubscribe.question", { product: productTitle }) : t("unsubscribe.questionGeneric"),
    confirm: t("unsubscribe.confirm"),
    done: t("unsubscribe.done"),
    notFound: t("unsubscribe.notFound"),
  };
}

export const loader = async ({ params, request }: LoaderFunctionArgs) => {
  const subscription = await findSubscriptionByToken(params.token ?? "");
  if (!subscription) {
    const language = request.headers.get("Accept-Language") ?? "en";
    return json({ found: false as const, done: false, text: pageText(language, null) }, { status: 404, headers: HEADERS });
  }
  return json(
    { found: true as const, done: subscription.status === "unsubscribed", text: pageText(subscription.locale, subscription.productTitle) },
    { headers: HEADERS },
  );
};

export const action = async ({ params }: ActionFunctionArgs) => {
  const subscription = await findSubscriptionByToken(params.token ?? "");
  if (!subscription) throw new Response("Not Found", { status: 404, headers: HEADERS });
  await unsubscribe(subscription);
  return json({ done: true }, { headers: HEADERS });
};

export const headers: HeadersFunction = () => HEADERS;

export const meta: MetaFunction = () => [{ name: "robots", content: "noindex" }];

const styles = {
  main: {
    maxWidth: 480,
    margin: "15vh auto",
    padding: "32px 24px",
    fontFamily: "-apple-system, BlinkMacSystemFont, 'Segoe UI', Roboto, Helvetica, Arial, sans-serif",
    color: "#303030",
    lineHeight: 1.5,
    textAlign: "center" as const,
  },
  button: {
    padding: "12px 20px",
    border: 0,
    borderRadius: 8,
    background: "#303030",
    color: "#ffffff",
    fontSize: 16,
    fontWeight: 600,
    cursor: "pointer",
  },
};

export default function Unsubscribe() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { text } = data;
  const done = data.done || Boolean(result?.done);
  return (
    <main lang={text.lang} style={styles.main}>
      <h1 style={{ fontSize: 22 }}>{text.title}</h1>
      {!data.found ? (
        <p>{text.notFound}</p>
      ) : done ? (
        <p role="status">{text.done}</p>
      ) : (
        <Form method="post">
          <p>{text.question}</p>
          <button type="submit" style={styles.button}>
            {text.confirm}
          </button>
        </Form>
      )}
    </main>
  );
}
