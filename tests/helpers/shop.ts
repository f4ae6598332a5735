// A shop as the app sees it in tests: the schema-checked Admin fake served through msw, plus an offline
// session in the app's own session storage, so authenticate.admin and admin.graphql run unmodified.
import { setUpValidSession } from "@shopify/shopify-api/test-helpers";
import { sessionStorage } from "~/shopify.server";
import { mswServer } from "../setup/vitest.setup";
import { createAdminFake, type AdminFakeOptions } from "../../dev/admin-fake";
import { TEST_SHOP } from "./requests";

export async function installFakeShop(options: AdminFakeOptions = {}) {
  const shop = options.shop ?? TEST_SHOP;
  const fake = createAdminFake({ ...options, shop });
  mswServer.use(...fake.handlers);
  // testConfig() asks for the scope "testScope"; the session must carry it or the library re-exchanges.
  await sessionStorage.storeSession(setUpValidSession({ shop, accessToken: fake.accessToken, scope: "testScope" }));
  return fake;
}
