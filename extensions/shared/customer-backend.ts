// Calls to the app's backend from customer-account and checkout (thank-you) extensions. Unlike the admin,
// these run on Shopify's extension origin: the URL is absolute (the app's URL, ./app-url.ts) and the session
// token is added by hand from `shopify.sessionToken.get()`; the routes answer with CORS headers. Every
// failure becomes a CustomerBackendError the extension shows (a 404 means "nothing for you here").
import { APP_URL } from "./app-url";

export class CustomerBackendError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code: string | null = null,
  ) {
    super(message);
  }
}

/** The JSON body of a successful answer; a non-2xx answer, an unreadable body or a failed request throws
 *  CustomerBackendError (status 0 when the request itself failed: offline, blocked by CORS). */
export async function customerBackendJson<T>(path: string, token: string, init: { method?: "GET" | "POST"; body?: unknown } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${APP_URL}${path}`, {
      method: init.method ?? "GET",
      headers: { Authorization: `Bearer ${token}`, ...(init.body === undefined ? {} : { "Content-Type": "application/json" }) },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  } catch (error) {
    throw new CustomerBackendError(0, error instanceof Error ? error.message : String(error));
  }
  const body = (await response.json().catch(() => null)) as (T & { error?: string; message?: string }) | null;
  if (!response.ok) throw new CustomerBackendError(response.status, body?.message ?? body?.error ?? `HTTP ${response.status}`, body?.error ?? null);
  if (body === null) throw new CustomerBackendError(response.status, "Unreadable answer");
  return body;
}

/** A calendar date (YYYY-MM-DD) as a Date at UTC midnight: format it with timeZone "UTC". */
export function calendarDay(day: string): Date {
  return new Date(`${day}T00:00:00Z`);
}
