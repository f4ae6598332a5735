// GET /healthz: is this process's database reachable, and how far behind is the job queue (docs/deploy.md).
// Public and cheap: no session, no shop data, never cached. 200 when healthy, 503 when the database does not
// answer or the queue lags past `?maxLagSeconds=`; 400 for a malformed limit.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { checkHealth, parseMaxLag } from "~/workflows/ops/health.server";

const NO_STORE = { "Cache-Control": "no-store" };

export async function loader({ request }: LoaderFunctionArgs) {
  const maxLag = parseMaxLag(new URL(request.url).searchParams.get("maxLagSeconds"));
  if (!maxLag.ok) return Response.json({ error: maxLag.message }, { status: 400, headers: NO_STORE });
  const report = await checkHealth({ maxLagSeconds: maxLag.seconds });
  return Response.json(report, { status: report.status === "ok" ? 200 : 503, headers: NO_STORE });
}
