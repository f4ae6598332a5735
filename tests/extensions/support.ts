// Helpers for the UI extensions' tests (vitest project "extensions": jsdom + @shopify/ui-extensions-tester).

/**
 * An extension's folder, for the tester's `configSearchDir`. The tester finds shopify.extension.toml by
 * walking up from the test file and otherwise takes the FIRST folder under extensions/ (whatever its
 * targets), so tests in tests/extensions/ must name their extension:
 * `getExtension(target, { configSearchDir: extensionDir("admin-order-block") })`.
 * (Not `new URL("../..", import.meta.url)`: Vite rewrites that pattern into a root-relative URL.)
 */
export function extensionDir(name: string): string {
  const here = decodeURIComponent(new URL(import.meta.url).pathname);
  return here.replace(/tests\/extensions\/[^/]+$/, `extensions/${name}`);
}

/** A JSON answer from the app's backend, for `extension.fetch` mocks. */
export const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
