// App-proxy authentication with a clear answer for the storefront: the library refuses a missing, wrong
// or stale (> 90 s) signature with a bare 400; we answer 401 with a message, and let anything else through.
import { json } from "@remix-run/node";
import { authenticate } from "~/shopify.server";

export async function authenticateAppProxy(request: Request) {
  try {
    return await authenticate.public.appProxy(request);
  } catch (thrown) {
    if (thrown instanceof Response && thrown.status === 400) {
      throw json(
        { error: "This request was not signed by Shopify's app proxy, or its signature has expired." },
        { status: 401 },
      );
    }
    throw thrown;
  }
}
