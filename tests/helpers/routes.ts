// Calls a Remix loader/action the way the Remix server does, and unwraps thrown Responses (the library
// throws redirects and 401s) so tests can assert on them uniformly.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";

type RouteFunction = (args: LoaderFunctionArgs & ActionFunctionArgs) => unknown;

export async function callRoute(fn: RouteFunction, request: Request, params: Record<string, string> = {}): Promise<Response> {
  try {
    const result = await fn({ request, params, context: {} });
    if (result instanceof Response) return result;
    return new Response(JSON.stringify(result ?? null), { headers: { "Content-Type": "application/json" } });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}
