// The one shopifyApp() call. Everything Shopify-authenticated goes through the exports below.
import "@shopify/shopify-app-remix/adapters/node";
import {
  AppDistribution,
  LogSeverity,
  shopifyApp,
} from "@shopify/shopify-app-remix/server";
import { testConfig } from "@shopify/shopify-app-remix/test-helpers";
import { createSessionStorage } from "./models/session.server";
import { markShopInstalled } from "./models/shop.server";
import { createAdminClient } from "./shopify/admin-client.server";
import { ADMIN_API_VERSION_ENUM } from "./shopify/api-version";
import { ensureAppMetafieldDefinitions } from "./shopify/metafield-definitions.server";
import { env } from "./env.server";

/** Admin API version of every Admin call; the one constant is in ./shopify/api-version.ts. */
export const API_VERSION = ADMIN_API_VERSION_ENUM;

export const SCOPES = (env.SCOPES ?? "").split(",").map((s) => s.trim()).filter(Boolean);

const sessionStorage = createSessionStorage();

const productionConfig = {
  apiKey: env.SHOPIFY_API_KEY,
  apiSecretKey: env.SHOPIFY_API_SECRET,
  appUrl: env.SHOPIFY_APP_URL,
  scopes: SCOPES,
};

/**
 * The library's testConfig() (known test secrets), minus its custom-app access token: this is a public
 * app, so Admin API calls must use each shop's session token like in production.
 */
function testingConfig() {
  const config = testConfig({ logger: { level: LogSeverity.Error } });
  return { ...config, adminApiAccessToken: undefined, privateAppStorefrontAccessToken: undefined };
}

const shopify = shopifyApp({
  ...(env.SHOPIFY_TESTING ? testingConfig() : productionConfig),
  apiVersion: API_VERSION,
  authPathPrefix: "/auth",
  sessionStorage,
  distribution: AppDistribution.AppStore,
  future: {
    unstable_newEmbeddedAuthStrategy: true,
    // Offline tokens expire and come with a refresh token; the library refreshes them before use, so
    // a leaked token is short-lived.
    expiringOfflineAccessTokens: true,
  },
  hooks: {
    afterAuth: async ({ session, admin }) => {
      await markShopInstalled({ shop: session.shop });
      // Once per install: let the storefront read the app's metafields. Each sync re-checks, so a
      // failure here only delays storefront access; it must not block the merchant's first page.
      const outcomes = await ensureAppMetafieldDefinitions(createAdminClient(admin.graphql)).catch((error: unknown) => [
        { ok: false as const, message: error instanceof Error ? error.message : String(error) },
      ]);
      for (const outcome of outcomes) {
        if (!outcome.ok) console.warn(`[${session.shop}] metafield definition not created: ${outcome.message}`);
      }
    },
  },
  ...(env.SHOP_CUSTOM_DOMAIN ? { customShopDomains: [env.SHOP_CUSTOM_DOMAIN] } : {}),
});

export default shopify;
export const apiVersion = API_VERSION;
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
export const authenticate = shopify.authenticate;
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
export const registerWebhooks = shopify.registerWebhooks;
export { sessionStorage };
