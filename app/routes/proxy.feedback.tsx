// GET/POST https://{shop}/apps/backorder/feedback?t=<token>[&s=1…5|&stop=1] — the survey after delivery, from
// the survey email's signed links (app/workflows/feedback/links.server.ts). No login: the token is the
// credential. GET shows the form (a score link's score is posted by the browser at once) or the "no more
// surveys" question and never writes; POST records the order's one answer (editable for 7 days) or the opt-out.
// 401 bad proxy signature; 400 tampered or foreign link or bad answer; 404 unknown survey; 410 closed.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { authenticateAppProxy } from "~/proxy/authenticate.server";
import { proxyShop, readBody } from "~/proxy/request.server";
import { LINK_PAGE_HEADERS } from "~/proxy/text";
import { feedbackPage, feedbackSubmit } from "~/workflows/feedback/page.server";

const HEADERS = LINK_PAGE_HEADERS;

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { liquid } = await authenticateAppProxy(request);
  const url = new URL(request.url);
  const page = await feedbackPage({
    shop: proxyShop(request),
    token: url.searchParams.get("t"),
    score: url.searchParams.get("s"),
    stop: url.searchParams.get("stop") === "1",
    pathPrefix: url.searchParams.get("path_prefix"),
    acceptLanguage: request.headers.get("Accept-Language"),
  });
  return liquid(page.body, { status: page.status, headers: HEADERS });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { liquid } = await authenticateAppProxy(request);
  const body = await readBody(request);
  const url = new URL(request.url);
  const page = await feedbackSubmit({
    shop: proxyShop(request),
    token: body?.t ?? url.searchParams.get("t"),
    // The "stop" link's POST: the page's button, or a mail client's RFC 8058 one-click unsubscribe.
    body: url.searchParams.get("stop") === "1" ? { ...body, stop: "1" } : body,
    pathPrefix: url.searchParams.get("path_prefix"),
    acceptLanguage: request.headers.get("Accept-Language"),
  });
  return liquid(page.body, { status: page.status, headers: HEADERS });
};
