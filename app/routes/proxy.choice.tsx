// GET/POST https://{shop}/apps/backorder/choice?t=<token> — the customer's own choice after a delay email:
// "I'll wait for the new date" or "cancel my backordered items for a refund", from the email's two signed
// links (app/workflows/support/choice-links.server.ts). No login: the token is the credential. GET shows what
// the link would do and asks to confirm (mail scanners fetch links: a GET never acts); POST records the
// answer once. 401 bad proxy signature; 400 tampered or foreign link; 410 expired link; nothing is written
// for any of them. Pages are Liquid, rendered in the shop's theme, in the customer's language.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { authenticateAppProxy } from "~/proxy/authenticate.server";
import { choiceAnswer, choiceQuestion } from "~/proxy/choice.server";
import { proxyShop, readBody } from "~/proxy/request.server";
import { LINK_PAGE_HEADERS } from "~/proxy/text";

const HEADERS = LINK_PAGE_HEADERS;

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { liquid } = await authenticateAppProxy(request);
  const url = new URL(request.url);
  const page = await choiceQuestion({
    shop: proxyShop(request),
    token: url.searchParams.get("t"),
    pathPrefix: url.searchParams.get("path_prefix"),
    acceptLanguage: request.headers.get("Accept-Language"),
  });
  return liquid(page.body, { status: page.status, headers: HEADERS });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { liquid } = await authenticateAppProxy(request);
  const body = await readBody(request);
  const token = body?.t ?? new URL(request.url).searchParams.get("t");
  const page = await choiceAnswer({ shop: proxyShop(request), token, acceptLanguage: request.headers.get("Accept-Language") });
  return liquid(page.body, { status: page.status, headers: HEADERS });
};
