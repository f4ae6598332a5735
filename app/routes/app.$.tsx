// Any other address under /app: a 404 inside the admin layout (its styled error page, with navigation).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { authenticate } from "~/shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.admin(request);
  throw new Response("Not Found", { status: 404 });
};

export default function NotFound() {
  return null;
}
