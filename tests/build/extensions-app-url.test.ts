// The customer-facing extensions call the app at an absolute URL written in extensions/shared/app-url.ts
// (Shopify gives them no way to read it): it must be the app's `application_url`.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { APP_URL } from "../../extensions/shared/app-url";

describe("the extensions' app URL", () => {
  it("is shopify.app.toml's application_url, without a trailing slash", () => {
    // GIVEN the app's configuration WHEN its application_url is read THEN the extensions use the same
    const url = /^application_url\s*=\s*"([^"]+)"/m.exec(readFileSync("shopify.app.toml", "utf8"))?.[1];
    expect(url).toBeDefined();
    expect(APP_URL).toBe(url?.replace(/\/$/, ""));
  });
});
