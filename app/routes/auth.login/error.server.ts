import type { LoginError } from "@shopify/shopify-app-remix/server";
import { LoginErrorType } from "@shopify/shopify-app-remix/server";
import type { AdminMessageKey } from "~/i18n/admin";

/** The library's login error → the message key shown next to the shop field. */
export function loginErrorMessage(loginErrors: LoginError): { shop?: AdminMessageKey } {
  if (loginErrors?.shop === LoginErrorType.MissingShop) return { shop: "login.error.missingShop" };
  if (loginErrors?.shop === LoginErrorType.InvalidShop) return { shop: "login.error.invalidShop" };
  return {};
}
