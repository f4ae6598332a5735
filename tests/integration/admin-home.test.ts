// The embedded admin home authenticates with a session token and reads the shop from the Admin API.
import { describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { loader as homeLoader } from "~/routes/app._index";
import { loader as appLoader } from "~/routes/app";
import { loader as rootLoader } from "~/root";
import { seedDemoShop } from "../../dev/admin-fake";
import { callRoute } from "../helpers/routes";
import { embeddedDocumentRequest, embeddedFetchRequest, forgedSessionToken, appUrl, TEST_SHOP } from "../helpers/requests";
import { installFakeShop } from "../helpers/shop";

describe("admin home", () => {
  it("reads the shop and its sold-out products through admin.graphql", async () => {
    // GIVEN an installed shop whose catalogue has sold-out products
    const fake = await installFakeShop();
    seedDemoShop(fake.store);

    // WHEN the merchant opens the app (a document request with a valid session token)
    const response = await callRoute(homeLoader, await embeddedDocumentRequest("/app"));

    // THEN the page data comes from the Admin API
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.overview.name).toBe("Maison Argile");
    expect(body.overview.soldOut.length).toBeGreaterThan(0);
    expect(body.overview.soldOut.every((p: { variantCount: number; path: string }) => p.variantCount > 0 && p.path.startsWith("/app/products/"))).toBe(true);
    expect(fake.calls.map((c) => c.operationName)).toEqual(["BackorderPilotShopOverview"]);
  });

  it("lists only sold-out products not already on backorder, each linking to its sold-out variant", async () => {
    // GIVEN the seeded shop, where the Butter Dish is sold out, and the Linen Apron (sold out) is put on backorder
    const fake = await installFakeShop();
    seedDemoShop(fake.store);
    const first = await (await callRoute(homeLoader, await embeddedDocumentRequest("/app"))).json();
    const apron = first.overview.soldOut.find((p: { title: string }) => p.title === "Linen Apron");
    expect(apron).toBeDefined();
    await prisma.backorderVariant.create({
      data: { shop: TEST_SHOP, productId: apron.productId, variantId: apron.variantId, productTitle: "Linen Apron", variantTitle: "Default Title", mode: "always" },
    });

    // WHEN the merchant opens the home page again
    const body = await (await callRoute(homeLoader, await embeddedDocumentRequest("/app"))).json();

    // THEN the apron is gone from "flag them as backorderable", and the butter dish links to its variant's page
    const titles = body.overview.soldOut.map((p: { title: string }) => p.title);
    expect(titles).not.toContain("Linen Apron");
    const butter = body.overview.soldOut.find((p: { title: string }) => p.title === "Butter Dish");
    expect(butter.path).toMatch(/^\/app\/products\/\d+\?variant=\d+$/);
    // AND no count the page shows is negative
    expect(body.overview.soldOut.every((p: { owed: number; variantCount: number }) => p.owed >= 0 && p.variantCount > 0)).toBe(true);
  });

  it("speaks French when the admin locale is French", async () => {
    // GIVEN an installed shop
    const fake = await installFakeShop();
    seedDemoShop(fake.store);

    // WHEN the admin opens the app with locale=fr
    const request = await embeddedDocumentRequest("/app?locale=fr-FR");
    const page = await (await callRoute(homeLoader, request)).json();
    const root = await (await callRoute(rootLoader, request)).json();

    // THEN the page ships no text of its own: it translates with the root's French messages (useT)
    expect(page).not.toHaveProperty("text");
    expect(root.locale).toBe("fr");
    expect(root.messages["home.soldOut.title"]).toBe("Produits en rupture");
  });

  it("exchanges the session token for an access token on first open, then records the shop", async () => {
    // GIVEN a shop that has no stored session yet (Shopify-managed install)
    const fake = await installFakeShop();
    await prisma.session.deleteMany({ where: { shop: TEST_SHOP } });

    // WHEN the merchant opens the app
    const response = await callRoute(appLoader, await embeddedDocumentRequest("/app"));

    // THEN the library exchanged the token with Shopify, stored the session and ran afterAuth
    expect(response.status).toBe(200);
    expect(fake.stats.tokenExchanges).toBe(1);
    expect(await prisma.session.count({ where: { shop: TEST_SHOP } })).toBe(1);
    expect(await prisma.shop.count({ where: { shop: TEST_SHOP } })).toBe(1);
    // AND the storefront may read the app's metafields from the start
    expect(fake.store.findMetafieldDefinition("PRODUCTVARIANT", "$app:backorder", "eta")?.access.storefront).toBe("PUBLIC_READ");
    expect(fake.store.findMetafieldDefinition("SHOP", "$app:backorder", "terms")?.access.storefront).toBe("PUBLIC_READ");
  });

  it("refuses a data request whose session token is signed with another secret", async () => {
    // GIVEN a forged bearer token
    const fake = await installFakeShop();
    const request = new Request(appUrl("/app?_data=routes%2Fapp._index"), {
      headers: { Authorization: `Bearer ${await forgedSessionToken()}` },
    });

    // WHEN it reaches the loader
    const response = await callRoute(homeLoader, request);

    // THEN it is refused and Shopify is never called
    expect(response.status).toBe(401);
    expect(fake.stats.requests).toBe(0);
  });

  it("refuses an expired session token", async () => {
    // GIVEN a correctly signed token that expired
    const fake = await installFakeShop();
    const token = await forgedSessionToken({ secret: "testApiSecretKey", expired: true });
    const request = new Request(appUrl("/app?_data=routes%2Fapp._index"), { headers: { Authorization: `Bearer ${token}` } });

    // WHEN it reaches the loader
    const response = await callRoute(homeLoader, request);

    // THEN it is refused
    expect(response.status).toBe(401);
    expect(fake.stats.requests).toBe(0);
  });

  it("answers a Remix data request carrying a valid bearer token", async () => {
    // GIVEN an installed shop
    const fake = await installFakeShop();
    seedDemoShop(fake.store);

    // WHEN the app fetches the home data client-side
    const response = await callRoute(homeLoader, await embeddedFetchRequest("/app?_data=routes%2Fapp._index"));

    // THEN it is served
    expect(response.status).toBe(200);
  });
});
