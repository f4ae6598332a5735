import { describe, expect, it } from "vitest";
import { SHOPIFY_FONT_STYLESHEET_URL, fontStylesheetUrl, parseEnv } from "./env.server";

const valid = {
  SHOPIFY_API_KEY: "key",
  SHOPIFY_API_SECRET: "secret",
  SHOPIFY_APP_URL: "https://app.example.com",
};

describe("parseEnv", () => {
  it("accepts a complete production configuration and defaults the database to the embedded SQLite file", () => {
    // GIVEN the variables a production deployment sets
    // WHEN the environment is parsed
    const env = parseEnv({ ...valid, NODE_ENV: "production" });

    // THEN it is accepted, with the SQLite file under prisma/
    expect(env.NODE_ENV).toBe("production");
    expect(env.DATABASE_URL).toMatch(/^file:.*prisma[/\\]dev\.sqlite$/);
  });

  it("names every missing variable at once", () => {
    // GIVEN an empty environment
    // WHEN it is parsed
    // THEN the error lists each missing variable
    expect(() => parseEnv({} as NodeJS.ProcessEnv)).toThrow(/SHOPIFY_API_KEY[\s\S]*SHOPIFY_API_SECRET[\s\S]*SHOPIFY_APP_URL/);
  });

  it("refuses the test switch in production, where it would swap in public test secrets", () => {
    // GIVEN SHOPIFY_TESTING set on a production server
    // WHEN the environment is parsed
    // THEN boot fails
    expect(() => parseEnv({ ...valid, NODE_ENV: "production", SHOPIFY_TESTING: "1" })).toThrow(
      /SHOPIFY_TESTING: must not be set when NODE_ENV=production/,
    );
  });

  it("refuses the demo's App Bridge stand-in in production", () => {
    // GIVEN the demo's APP_BRIDGE_URL set on a production server
    // WHEN the environment is parsed
    // THEN boot fails
    expect(() =>
      parseEnv({ ...valid, NODE_ENV: "production", APP_BRIDGE_URL: "http://localhost:3000/__demo/app-bridge.js" }),
    ).toThrow(/APP_BRIDGE_URL: must not be set when NODE_ENV=production/);
  });

  it("refuses the demo's font stylesheet stand-in in production", () => {
    // GIVEN the demo's FONT_STYLESHEET_URL set on a production server
    // WHEN the environment is parsed
    // THEN boot fails
    expect(() =>
      parseEnv({ ...valid, NODE_ENV: "production", FONT_STYLESHEET_URL: "http://localhost:3000/__demo/fonts/inter.css" }),
    ).toThrow(/FONT_STYLESHEET_URL: must not be set when NODE_ENV=production/);
  });

  it("links Shopify's CDN font stylesheet unless the demo names its stand-in", () => {
    // GIVEN a production configuration and a demo one
    const production = parseEnv({ ...valid, NODE_ENV: "production" });
    const demo = parseEnv({ ...valid, NODE_ENV: "development", FONT_STYLESHEET_URL: "http://localhost:3000/__demo/fonts/inter.css" });

    // WHEN the stylesheet address is resolved
    // THEN production keeps Shopify's CDN and the demo gets its local copy
    expect(fontStylesheetUrl(production)).toBe(SHOPIFY_FONT_STYLESHEET_URL);
    expect(SHOPIFY_FONT_STYLESHEET_URL).toBe("https://cdn.shopify.com/static/fonts/inter/v4/styles.css");
    expect(fontStylesheetUrl(demo)).toBe("http://localhost:3000/__demo/fonts/inter.css");
  });
});
