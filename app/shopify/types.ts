// The Admin GraphQL function handed to every Shopify operation: `admin.graphql` from authenticate.admin,
// or the one from unauthenticated.admin(shop) in background jobs.
import type { AdminGraphqlClient } from "@shopify/shopify-app-remix/server";

export type AdminGraphql = AdminGraphqlClient;
