// Download of one data request's export (JSON), for the shop that received it only.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { z } from "zod";
import { authenticate } from "~/shopify.server";
import { getDataRequest } from "~/models/data-request.server";

const Id = z.string().min(1).max(100);

export const loader = async ({ request, params }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const id = Id.safeParse(params.id);
  if (!id.success) throw new Response("Not Found", { status: 404 });
  const row = await getDataRequest({ shop: session.shop, id: id.data });
  if (!row) throw new Response("Not Found", { status: 404 });
  const body = JSON.stringify(
    { shop: session.shop, requestId: row.requestId, customerEmail: row.customerEmail, receivedAt: row.createdAt.toISOString(), data: JSON.parse(row.export) as unknown },
    null,
    2,
  );
  const fileName = `data-request-${row.requestId.replace(/[^\w-]+/g, "-")}.json`;
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "private, no-store",
    },
  });
};
