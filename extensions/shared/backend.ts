// Calls to the app's backend from an admin UI extension. In the admin, `fetch` to a path resolves against
// the app's URL and Shopify adds `Authorization: Bearer <session token>`; the routes answer with CORS
// headers (authenticate.admin's `cors`). Every failure becomes a BackendError the extension shows.
import type { AdminApiError } from "./admin-api";

export class BackendError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** The JSON body of a successful answer; a non-2xx answer or an unreadable body throws BackendError
 *  (status 0 when the request itself failed: offline, blocked). */
export async function backendJson<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    throw new BackendError(0, error instanceof Error ? error.message : String(error));
  }
  const body = (await response.json().catch(() => null)) as (T & AdminApiError) | null;
  if (!response.ok) throw new BackendError(response.status, body?.error ?? `HTTP ${response.status}`, body?.errors ?? {});
  if (body === null) throw new BackendError(response.status, "Unreadable answer");
  return body;
}

/** The numeric id of an admin GraphQL id (`gid://shopify/Order/123` → `123`), null for anything else. */
export function numericId(gid: string | undefined, type: "Order" | "Product"): string | null {
  const match = gid?.match(new RegExp(`^gid://shopify/${type}/(\\d{1,20})$`));
  return match?.[1] ?? null;
}

/** A calendar date (YYYY-MM-DD) as a Date at UTC midnight: format it with timeZone "UTC". */
export function calendarDate(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}
