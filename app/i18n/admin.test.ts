import { describe, expect, it } from "vitest";
import { ROOT_NAMESPACES, adminMessages, translator } from "./admin";
import { LOCALE_COOKIE, LOCALE_HEADER, localeCookieFor, resolveAdminLocale } from "./locale";

const request = (url: string, headers: Record<string, string> = {}) => new Request(url, { headers });

describe("the admin's language for a request", () => {
  it("takes Shopify's locale from the document URL first", () => {
    // GIVEN a document load from the admin in French, with an English cookie and browser
    const req = request("https://app.example/app?locale=fr-FR", { Cookie: `${LOCALE_COOKIE}=en`, "Accept-Language": "en-US" });
    // WHEN resolving
    // THEN Shopify's locale wins
    expect(resolveAdminLocale(req)).toEqual({ locale: "fr", source: "shopify" });
  });

  it("falls back to the cookie on data requests, which carry no locale", () => {
    // GIVEN a Remix data request after client-side navigation, with the cookie written on the document load
    const req = request("https://app.example/app/products?_data=routes%2Fapp.products._index", { Cookie: `other=1; ${LOCALE_COOKIE}=fr`, "Accept-Language": "en" });
    // WHEN resolving
    // THEN the cookie's French is kept
    expect(resolveAdminLocale(req)).toEqual({ locale: "fr", source: "cookie" });
  });

  it("takes the locale App Bridge sends with the app's fetches before the cookie and the browser", () => {
    // GIVEN a data request from a browser that kept no cookie and prefers English, sent by the French admin
    const req = request("https://app.example/app/activity?_data=routes%2Fapp.activity", { [LOCALE_HEADER]: "fr-FR", "Accept-Language": "en-US" });
    // WHEN resolving
    // THEN the header's French is used
    expect(resolveAdminLocale(req)).toEqual({ locale: "fr", source: "app-bridge" });
    // AND Shopify's locale on a document still comes first
    expect(resolveAdminLocale(request("https://app.example/app?locale=en", { [LOCALE_HEADER]: "fr" })).locale).toBe("en");
  });

  it("uses the browser's preferred supported language last, honouring q-values", () => {
    // GIVEN no locale and no cookie, a browser preferring German, then French over English
    const req = request("https://app.example/app", { "Accept-Language": "de-DE, en;q=0.5, fr-CA;q=0.8" });
    // WHEN resolving
    // THEN French is chosen
    expect(resolveAdminLocale(req)).toEqual({ locale: "fr", source: "browser" });
    expect(resolveAdminLocale(request("https://app.example/app")).locale).toBe("en");
  });

  it("remembers Shopify's locale in a cookie fit for the admin's cross-site iframe", () => {
    // GIVEN document loads over HTTPS with and without a locale
    // WHEN asking for the cookie
    const cookie = localeCookieFor(request("https://app.example/app?locale=fr"));
    // THEN it is partitioned, SameSite=None and Secure; nothing is set without a locale
    expect(cookie).toMatch(new RegExp(`^${LOCALE_COOKIE}=fr; Path=/;`));
    expect(cookie).toContain("SameSite=None; Secure; Partitioned");
    expect(localeCookieFor(request("https://app.example/app"))).toBeNull();
  });
});

describe("translator", () => {
  it("picks the plural form from the count in English", () => {
    // GIVEN the English admin
    const t = translator("en");
    // WHEN a count is shown
    // THEN 1 is singular and 0 and 2 are plural
    expect(t("products.bulk.done", { count: 1 })).toBe("1 variant updated");
    expect(t("products.bulk.done", { count: 2 })).toBe("2 variants updated");
    expect(t("products.bulk.done", { count: 0 })).toBe("0 variants updated");
  });

  it("follows French plural rules: 0 and 1 are singular, a million stays French", () => {
    // GIVEN the French admin
    const t = translator("fr");
    // WHEN counts are shown
    // THEN 0 and 1 take the singular, 2 and 1,000,000 the plural (never an English fallback)
    expect(t("products.bulk.done", { count: 0 })).toBe("0 variante mise à jour");
    expect(t("products.bulk.done", { count: 1 })).toBe("1 variante mise à jour");
    expect(t("products.bulk.done", { count: 2 })).toBe("2 variantes mises à jour");
    expect(t("products.bulk.done", { count: 1000000 })).toBe("1000000 variantes mises à jour");
    expect(t("dateChanges.confirm", { count: 3 })).toBe("Enregistrer et écrire à 3 clients");
  });

  it("agrees day and customer counts on the admin pages with their number", () => {
    // GIVEN both languages
    const en = translator("en");
    const fr = translator("fr");
    // WHEN a count of days, customers or variants is shown
    // THEN the noun (and the French participle) follows it
    expect(en("privacy.description", { count: 1 })).toContain("deleted after 1 day,");
    expect(en("privacy.description", { count: 30 })).toContain("deleted after 30 days,");
    expect(fr("privacy.description", { count: 1 })).toContain("supprimés après 1 jour,");
    expect(fr("privacy.description", { count: 30 })).toContain("supprimés après 30 jours,");
    expect(en("home.soldOut.owed", { count: 1 })).toBe("1 owed to a customer");
    expect(fr("home.soldOut.owed", { count: 1 })).toBe("1 dû à un client");
    expect(fr("home.soldOut.owed", { count: 3 })).toBe("3 dus à des clients");
    expect(fr("home.soldOut.variants", { count: 2 })).toBe("2 variantes en rupture");
  });

  it("says where a template's Liquid breaks, in each language", () => {
    // GIVEN liquidjs's detail and position
    const params = { line: 3, column: 7, message: "undefined filter: crier" };
    // WHEN translated
    // THEN the sentence is the admin's, the detail liquidjs's
    expect(translator("en")("notifications.error.liquidAt", params)).toBe("Invalid Liquid at line 3, column 7: undefined filter: crier");
    expect(translator("fr")("notifications.error.liquidAt", params)).toBe("Liquid invalide à la ligne 3, colonne 7 : undefined filter: crier");
  });

  it("fills parameters and leaves Liquid quoted in help texts as written", () => {
    // GIVEN messages with a parameter and with Liquid examples
    const t = translator("en");
    // WHEN translated
    // THEN the parameter is filled, the Liquid is untouched
    expect(t("notifications.error.requiredVariable", { tag: "{{ unsubscribe_url }}" })).toBe(
      "This email must contain {{ unsubscribe_url }} (the unsubscribe link).",
    );
    expect(t("notifications.field.body.help")).toContain("{{ earliest | date_range: latest }}");
  });
});

describe("French vocabulary", () => {
  it("names backorders one way (précommande) and puts a no-break space before colons", () => {
    // GIVEN every French admin message
    const french = Object.values(adminMessages("fr"));
    // WHEN looking for the other words used for the same thing, and for a colon glued to a word
    // THEN none is left
    expect(french.filter((m) => /commande différée|commandes différées|réassort|réapprovisionnement/i.test(m))).toEqual([]);
    // (Liquid quoted in help texts, "date_range: latest", is code, not French.)
    expect(french.filter((m) => /[\p{L}\d)»]:(\s|$)/u.test(m.replace(/\{\{.*?\}\}/g, "")))).toEqual([]);
  });
});

describe("messages sent to the browser", () => {
  it("sends a page only the namespaces it asks for, complete in its language", () => {
    // GIVEN the French messages of the products page and of the root
    const products = adminMessages("fr", ["products"]);
    const root = adminMessages("fr", ROOT_NAMESPACES);
    // WHEN looking at their keys
    const namespaces = (messages: Record<string, string>) => [...new Set(Object.keys(messages).map((key) => key.split(".")[0]))].sort();
    // THEN each holds its namespaces only, with French plural forms (including "many") and French text
    expect(namespaces(products)).toEqual(["products"]);
    expect(products["products.bulk.done_many"]).toBe(adminMessages("fr")["products.bulk.done_many"]);
    expect(namespaces(root)).toEqual([...ROOT_NAMESPACES].sort());
    expect(root["home.soldOut.title"]).toBe("Produits en rupture");
    // AND together they are far smaller than every catalog
    expect(Object.keys(products).length + Object.keys(root).length).toBeLessThan(Object.keys(adminMessages("fr")).length / 2);
  });
});
