// The settings page: defaults from the shop, validation before any write, and terms published to Shopify
// before the database is touched (nothing half-saves).
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { loader, action } from "~/routes/app.settings";
import { enabledModes, getShopSettings, toEtaSettings } from "~/models/settings.server";
import type { SettingsValues } from "~/validation/settings";
import { seedDemoShop, type AdminFake } from "../../dev/admin-fake";
import { unauthenticated } from "~/shopify.server";
import { syncVariants } from "~/workflows/catalog/backorder-sync.server";
import { createWorker } from "~/jobs/worker.server";
import { callRoute } from "../helpers/routes";
import { embeddedDocumentRequest, embeddedFetchRequest, forgedSessionToken, appUrl, TEST_SHOP } from "../helpers/requests";
import { installFakeShop } from "../helpers/shop";
import { settingsForm } from "../helpers/settings-form";
import { DEFAULT_COMPENSATION_POLICY } from "~/domain/compensation";
import { DEFAULT_FEEDBACK_SETTINGS } from "~/domain/feedback";

const OTHER_SHOP = "other-shop.myshopify.com";
const CLOSURE_YEAR = new Date().getUTCFullYear() + 1;

function validSettings(): SettingsValues {
  return {
    safetyMarginDays: 3,
    defaultLeadTimeDays: 30,
    cutoffTime: "15:30",
    timezone: "America/Toronto",
    holidayCountry: "CA",
    holidayRegion: "QC",
    workingDays: [1, 2, 3, 4, 5, 6],
    // Closure days must be within a year ago … three years ahead: keep them next to the real today.
    closureDays: [`${CLOSURE_YEAR}-12-24`, `${CLOSURE_YEAR}-12-31`],
    deliveryModes: {
      standard: { enabled: true, processingDays: 2, transitMinDays: 3, transitMaxDays: 6 },
      express: { enabled: true, processingDays: 1, transitMinDays: 1, transitMaxDays: 2 },
      pickup: { enabled: false, processingDays: 1, transitMinDays: 0, transitMaxDays: 0 },
    },
    terms: {
      en: { payment: "Charged at checkout.", shipping: "Shipping is free.", cancellation: "Cancel any time before it ships." },
      fr: { payment: "Débité à la commande.", shipping: "Livraison offerte.", cancellation: "Annulable jusqu’à l’expédition." },
    },
    delayMinSlipDays: 2,
    earlierDateEmails: true,
    fulfillmentMode: "ship_together",
    compensation: { ...DEFAULT_COMPENSATION_POLICY, defaultKind: "store_credit", defaultAmountMinor: 1_250, maxPercent: 25, maxStoreCreditMinor: 4_000, proposeEnabled: true, proposeAfterDays: 5 },
    cancelRequests: "refund",
    feedback: structuredClone(DEFAULT_FEEDBACK_SETTINGS),
  };
}

function settingsWith(patch: (s: SettingsValues) => void): SettingsValues {
  const settings = validSettings();
  patch(settings);
  return settings;
}

/** The version the page loaded: what a real form posts back. */
async function loadedVersion(): Promise<number> {
  const response = await callRoute(loader, await embeddedDocumentRequest("/app/settings"));
  return ((await response.json()) as { version: number }).version;
}

async function post(settings: SettingsValues | FormData, query = "", version?: number) {
  const body = settings instanceof FormData ? settings : settingsForm(settings);
  if (version !== undefined) body.set("version", String(version));
  return callRoute(action, await embeddedFetchRequest(`/app/settings${query}`, { init: { method: "POST", body } }));
}

function termsMetafield(fake: AdminFake) {
  return fake.store.findMetafield(fake.store.shop.id, "$app:backorder", "terms");
}

function mutations(fake: AdminFake) {
  return fake.calls.filter((call) => call.operationType === "mutation");
}

async function storedRow(shop = TEST_SHOP) {
  return prisma.shopSettings.findUnique({ where: { shop } });
}

beforeEach(async () => {
  await prisma.shopSettings.deleteMany({});
  await prisma.session.deleteMany({});
});

describe("settings loader", () => {
  it("suggests the shop's own timezone and country before anything is saved", async () => {
    // GIVEN a Canadian shop in Toronto that never saved settings
    const fake = await installFakeShop();
    fake.store.setShop({ ianaTimezone: "America/Toronto", countryCode: "CA" });

    // WHEN the merchant opens the settings page
    const response = await callRoute(loader, await embeddedDocumentRequest("/app/settings"));

    // THEN the form starts from the shop's timezone and country, marked unsaved, and nothing is stored
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.saved).toBe(false);
    expect(body.settings.timezone).toBe("America/Toronto");
    expect(body.settings.holidayCountry).toBe("CA");
    expect(body.termsVersion).toBe(1);
    expect(await storedRow()).toBeNull();
  });

  it("shows saved settings without asking Shopify", async () => {
    // GIVEN a shop that saved its settings
    const fake = await installFakeShop();
    expect((await post(validSettings())).status).toBe(200);
    const callsBefore = fake.calls.length;

    // WHEN the merchant opens the settings page again
    const response = await callRoute(loader, await embeddedDocumentRequest("/app/settings"));

    // THEN the stored settings come back and Shopify was not called
    const body = await response.json();
    expect(body.saved).toBe(true);
    expect(body.settings).toEqual(validSettings());
    expect(fake.calls.length).toBe(callsBefore);
  });

  it("falls back to defaults for a stored column that is not valid JSON", async () => {
    // GIVEN a saved row whose delivery modes column got corrupted
    await installFakeShop();
    await post(validSettings());
    await prisma.shopSettings.updateMany({ where: { shop: TEST_SHOP }, data: { deliveryModes: "{not json" } });

    // WHEN the merchant opens the settings page
    const response = await callRoute(loader, await embeddedDocumentRequest("/app/settings"));

    // THEN the page renders with default delivery modes and keeps the other saved values
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.settings.deliveryModes.standard).toEqual({ enabled: true, processingDays: 1, transitMinDays: 2, transitMaxDays: 5 });
    expect(body.settings.cutoffTime).toBe("15:30");
  });

  it("speaks French when the admin locale is French", async () => {
    // GIVEN an installed shop
    await installFakeShop();

    // WHEN the admin opens the page with locale=fr
    const response = await callRoute(loader, await embeddedDocumentRequest("/app/settings?locale=fr-FR"));

    // THEN labels, help texts and country names are French
    const body = await response.json();
    expect(body.text["settings.safetyMarginDays.label"]).toBe("Marge de sécurité");
    expect(body.text["settings.mode.pickup"]).toBe("Retrait en magasin");
    expect(body.options.countries).toContainEqual({ value: "DE", label: "Allemagne" });
  });

  it("names holiday regions in the admin's language, not the library's", async () => {
    // GIVEN an installed shop
    await installFakeShop();

    // WHEN the English admin, then the French admin, opens the page
    const english = await (await callRoute(loader, await embeddedDocumentRequest("/app/settings?locale=en"))).json();
    const french = await (await callRoute(loader, await embeddedDocumentRequest("/app/settings?locale=fr"))).json();

    // THEN France's regions are English in English (date-holidays names them only in French) and Canada's
    // provinces French in French
    const labels = (options: { label: string }[]) => options.map((o) => o.label);
    expect(labels(english.options.regions.FR).filter((label: string) => /Département|outre-mer/.test(label))).toEqual([]);
    expect(english.options.regions.FR).toContainEqual({ value: "GF", label: "French Guiana" });
    expect(english.options.regions.BE).toContainEqual({ value: "VLG", label: "Flemish Community" });
    expect(french.options.regions.CA).toContainEqual({ value: "QC", label: "Québec" });
  });
});

describe("saving settings", () => {
  it("stores valid settings and publishes the terms as a shop metafield", async () => {
    // GIVEN an installed shop
    const fake = await installFakeShop();

    // WHEN the merchant saves valid settings
    const response = await post(validSettings());

    // THEN the action succeeds with a toast message
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, message: "Settings saved" });
    // AND the database holds the settings
    expect(await getShopSettings({ shop: TEST_SHOP })).toEqual({ ...validSettings(), shop: TEST_SHOP, termsVersion: 2, saved: true, version: 1 });
    // AND the shop carries the terms, their version and the modes on offer, as JSON
    const metafield = termsMetafield(fake);
    expect(metafield?.type).toBe("json");
    expect(JSON.parse(metafield?.value ?? "null")).toEqual({
      termsVersion: 2,
      enabledModes: ["standard", "express"],
      terms: validSettings().terms,
    });
    expect(mutations(fake).map((call) => call.operationName)).toEqual(["BackorderPilotCreateMetafieldDefinition", "BackorderPilotSetShopTerms"]);
    // AND the storefront may read it: the definition grants public read
    expect(fake.store.findMetafieldDefinition("SHOP", "$app:backorder", "terms")?.access.storefront).toBe("PUBLIC_READ");
  });

  it.each([
    ["a transit minimum above the maximum", (s: SettingsValues) => {
      s.deliveryModes.standard.transitMinDays = 7;
      s.deliveryModes.standard.transitMaxDays = 3;
    }, "deliveryModes.standard.transitMaxDays", "The maximum must be at least the minimum."],
    ["a cut-off that is not HH:mm", (s: SettingsValues) => {
      s.cutoffTime = "5pm";
    }, "cutoffTime", "Enter a time as HH:mm, for example 14:00."],
    ["an unknown timezone", (s: SettingsValues) => {
      s.timezone = "Atlantis/Capital";
    }, "timezone", "Choose a timezone from the list."],
    ["no delivery mode enabled", (s: SettingsValues) => {
      s.deliveryModes.standard.enabled = false;
      s.deliveryModes.express.enabled = false;
    }, "deliveryModes", "Offer at least one delivery mode."],
  ])("refuses %s with a field error and writes nothing", async (_name, patch, field, message) => {
    // GIVEN an installed shop that never saved settings
    const fake = await installFakeShop();

    // WHEN the merchant saves invalid settings
    const response = await post(settingsWith(patch));

    // THEN the action answers 400 with the error next to the field
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.ok).toBe(false);
    expect(body.errors).toEqual({ [field]: message });
    // AND neither the database nor Shopify changed
    expect(await storedRow()).toBeNull();
    expect(fake.calls).toEqual([]);
    expect(termsMetafield(fake)).toBeUndefined();
  });

  it("reports field errors in French when the admin locale is French", async () => {
    // GIVEN an installed shop
    await installFakeShop();

    // WHEN a French-speaking merchant saves a bad cut-off
    const response = await post(settingsWith((s) => (s.cutoffTime = "25:00")), "?locale=fr");

    // THEN the error is French
    expect((await response.json()).errors).toEqual({ cutoffTime: "Saisissez une heure au format HH:mm, par exemple 14:00." });
  });

  it("starts a new terms version when the terms text changes", async () => {
    // GIVEN saved settings
    const fake = await installFakeShop();
    await post(validSettings());
    const before = (await storedRow())?.termsVersion ?? 0;

    // WHEN the merchant rewords the French cancellation policy
    const response = await post(settingsWith((s) => (s.terms.fr.cancellation = "Annulable sous 14 jours.")));

    // THEN the version moved by one, in the database and in the shop metafield
    expect(response.status).toBe(200);
    expect((await storedRow())?.termsVersion).toBe(before + 1);
    expect(JSON.parse(termsMetafield(fake)?.value ?? "null").termsVersion).toBe(before + 1);
  });

  it("keeps the terms version when only other settings change", async () => {
    // GIVEN saved settings
    const fake = await installFakeShop();
    await post(validSettings());
    const before = (await storedRow())?.termsVersion;

    // WHEN the merchant changes the safety margin and the cut-off only
    await post(
      settingsWith((s) => {
        s.safetyMarginDays = 5;
        s.cutoffTime = "12:00";
      }),
    );

    // THEN the settings changed but the terms version did not
    const row = await storedRow();
    expect(row?.safetyMarginDays).toBe(5);
    expect(row?.termsVersion).toBe(before);
    expect(JSON.parse(termsMetafield(fake)?.value ?? "null").termsVersion).toBe(before);
  });

  it("keeps the terms version when the browser posts the same text with CRLF line breaks", async () => {
    // GIVEN saved multi-line terms
    await installFakeShop();
    const multiline = settingsWith((s) => (s.terms.en.payment = "Line one\nLine two"));
    await post(multiline);
    const before = (await storedRow())?.termsVersion;

    // WHEN the same text comes back from a textarea (CRLF)
    await post(settingsWith((s) => (s.terms.en.payment = "Line one\r\nLine two")));

    // THEN it is not a new version
    expect((await storedRow())?.termsVersion).toBe(before);
  });

  it("shows Shopify's error and keeps the database as it was when Shopify refuses the terms", async () => {
    // GIVEN saved settings, then a Shopify that rejects the metafield
    await installFakeShop();
    await post(validSettings());
    const before = await storedRow();
    await prisma.session.deleteMany({});
    const fake = await installFakeShop({
      resolvers: {
        "Mutation.metafieldsSet": () => ({
          metafields: [],
          userErrors: [{ field: ["metafields", "0", "value"], message: "Value is invalid JSON.", code: "INVALID_VALUE" }],
        }),
      },
    });

    // WHEN the merchant saves new settings
    const response = await post(settingsWith((s) => (s.safetyMarginDays = 9)));

    // THEN the error is shown and nothing changed in the database
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.ok).toBe(false);
    expect(body.banner).toContain("Value is invalid JSON.");
    expect(await storedRow()).toEqual(before);
    expect(mutations(fake).map((call) => call.operationName)).toEqual(["BackorderPilotCreateMetafieldDefinition", "BackorderPilotSetShopTerms"]);
  });

  it("saves nothing and says so when Shopify fails to run the mutation", async () => {
    // GIVEN a shop whose Admin API answers with a GraphQL error
    const fake = await installFakeShop({
      resolvers: {
        "Mutation.metafieldsSet": () => {
          throw new Error("Internal error. Looks like something went wrong on our end.");
        },
      },
    });

    // WHEN the merchant saves
    const response = await post(validSettings());

    // THEN the page explains nothing was saved, and the database is untouched
    expect(response.status).toBe(502);
    expect((await response.json()).banner).toMatch(/nothing was saved/);
    expect(await storedRow()).toBeNull();
    expect(termsMetafield(fake)).toBeUndefined();
  });

  it("writes only the authenticated shop's settings", async () => {
    // GIVEN another shop with its own settings
    await installFakeShop();
    await prisma.shopSettings.create({ data: { shop: OTHER_SHOP, safetyMarginDays: 11 } });

    // WHEN the test shop saves
    await post(validSettings());

    // THEN the other shop's row is untouched
    expect((await storedRow(OTHER_SHOP))?.safetyMarginDays).toBe(11);
    expect((await storedRow())?.safetyMarginDays).toBe(3);
  });

  it("refuses a post whose session token is forged and writes nothing", async () => {
    // GIVEN an installed shop
    const fake = await installFakeShop();

    // WHEN a form is posted with a session token signed by someone else
    const request = new Request(appUrl("/app/settings"), {
      method: "POST",
      body: settingsForm(validSettings()),
      headers: { Authorization: `Bearer ${await forgedSessionToken()}` },
    });
    const response = await callRoute(action, request);

    // THEN it is refused and nothing is written
    expect(response.status).toBe(401);
    expect(await storedRow()).toBeNull();
    expect(fake.calls).toEqual([]);
  });
});

describe("settings for the ETA engine", () => {
  it("turn saved settings into the engine's calendar and delivery times", async () => {
    // GIVEN saved settings (Québec holidays, six working days, two closure days)
    await installFakeShop();
    await post(validSettings());
    const settings = await getShopSettings({ shop: TEST_SHOP });

    // WHEN the engine's view is built
    const eta = toEtaSettings(settings);

    // THEN the calendar and delivery times follow the settings
    expect(eta.calendar.timeZone).toBe("America/Toronto");
    expect(eta.calendar.isBusinessDay(`${CLOSURE_YEAR}-12-24`)).toBe(false); // closure day
    expect(eta.calendar.isBusinessDay("2026-06-24")).toBe(false); // Fête nationale du Québec
    expect(eta.calendar.isBusinessDay("2026-06-27")).toBe(true); // a working Saturday
    expect(eta.delivery.standard).toEqual({ processingDays: 2, transitDays: { min: 3, max: 6 } });
    expect(eta.safetyMarginDays).toBe(3);
    expect(eta.defaultLeadTimeDays).toBe(30);
    expect(enabledModes(settings)).toEqual(["standard", "express"]);
  });
});

describe("saving settings republishes promises", () => {
  it("rewrites the storefront summaries of managed variants with the new terms version", async () => {
    // GIVEN a managed, backorderable variant whose summary Shopify holds
    const fake = await installFakeShop();
    const demo = seedDemoShop(fake.store);
    const butter = demo.variants["MA-BTD"]!;
    await prisma.backorderVariant.create({
      data: { shop: TEST_SHOP, productId: butter.productId, variantId: butter.id, mode: "always", available: 0 },
    });
    await syncVariants({ shop: TEST_SHOP, graphql: (await unauthenticated.admin(TEST_SHOP)).admin.graphql });
    const before = JSON.parse(fake.store.findMetafield(butter.id, "$app:backorder", "eta")!.value);

    // WHEN the merchant saves new terms, and the background worker runs
    const response = await post(validSettings());
    await createWorker({ schedule: false, deliverEmails: false }).drain();

    // THEN the variant's summary now names the new terms version
    expect(response.status).toBe(200);
    const after = JSON.parse(fake.store.findMetafield(butter.id, "$app:backorder", "eta")!.value);
    expect(after.termsVersion).toBeGreaterThan(before.termsVersion);
  });
});

describe("settings forms are strict, concurrent-safe and carry the delay settings", () => {
  it.each(["1e2", "0x10"])("refuses %s as a number of days and writes nothing", async (value) => {
    // GIVEN an installed shop that never saved settings
    const fake = await installFakeShop();
    const form = settingsForm(validSettings());
    form.set("safetyMarginDays", value);
    form.set("delayMinSlipDays", value);

    // WHEN the merchant saves a margin written as 1e2 (Number() reads 100) or 0x10 (16)
    const response = await post(form);

    // THEN both fields are refused with their message, and nothing reached the database or Shopify
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual({
      safetyMarginDays: "Enter a whole number of days from 0 to 365.",
      delayMinSlipDays: "Enter a whole number of days from 1 to 60.",
    });
    expect(await storedRow()).toBeNull();
    expect(fake.calls).toEqual([]);
  });

  it("refuses a closure day in 9999 with the error on the closure days", async () => {
    // GIVEN an installed shop
    await installFakeShop();

    // WHEN the merchant saves a closure day on 9999-12-31
    const response = await post(settingsWith((s) => (s.closureDays = ["9999-12-31"])));

    // THEN it is refused next to the closure days and nothing is stored
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual({ closureDays: "Closure days must fall between one year ago and three years from now." });
    expect(await storedRow()).toBeNull();
  });

  it("refuses compensation limits out of bounds or a default above its limit, next to each field, storing nothing", async () => {
    // GIVEN an installed shop
    await installFakeShop();
    // WHEN the merchant allows 150 %, writes the largest store credit as 1e3 and a default 30 % above a 25 % limit
    const form = settingsForm(settingsWith((s) => (s.compensation = { ...s.compensation, defaultKind: "discount_percentage", defaultPercent: 30 })));
    form.set("compensation.maxStoreCredit", "1e3");
    const outOfBounds = settingsForm(validSettings());
    outOfBounds.set("compensation.maxPercent", "150");
    const [above, bounds] = [await post(form), await post(outOfBounds)];
    // THEN each is refused next to its field, and nothing is stored
    expect(above.status).toBe(400);
    expect((await above.json()).errors).toEqual({
      "compensation.maxStoreCreditMinor": "Enter an amount from 0.01 to 100000, such as 10 or 12.50.",
      "compensation.defaultPercent": "The default must not be above the largest allowed.",
    });
    expect(bounds.status).toBe(400);
    expect((await bounds.json()).errors).toEqual({ "compensation.maxPercent": "Enter a whole percentage from 1 to 100." });
    expect(await storedRow()).toBeNull();
  });

  it("stores and shows the minimum slip, the earlier-date emails and the fulfillment mode", async () => {
    // GIVEN an installed shop
    await installFakeShop();

    // WHEN the merchant sets a 3-day minimum, good-news emails and "ship what is available"
    const response = await post(settingsWith((s) => Object.assign(s, { delayMinSlipDays: 3, earlierDateEmails: true, fulfillmentMode: "ship_available" })));

    // THEN they are stored in their columns and the page and the typed settings show them
    expect(response.status).toBe(200);
    expect(await storedRow()).toMatchObject({ delayMinSlipDays: 3, earlierDateEmails: true, fulfillmentMode: "ship_available" });
    const page = await (await callRoute(loader, await embeddedDocumentRequest("/app/settings?locale=fr"))).json();
    expect(page.settings).toMatchObject({ delayMinSlipDays: 3, earlierDateEmails: true, fulfillmentMode: "ship_available" });
    expect(page.text["settings.fulfillmentMode.ship_together"]).toBe("Tout expédier ensemble");
    expect(await getShopSettings({ shop: TEST_SHOP })).toMatchObject({ delayMinSlipDays: 3, earlierDateEmails: true, fulfillmentMode: "ship_available" });
  });

  it("answers 409 to a save from a tab opened before someone else's save, and writes nothing", async () => {
    // GIVEN saved settings, opened in two tabs
    const fake = await installFakeShop();
    await post(validSettings());
    const tabA = await loadedVersion();
    const tabB = await loadedVersion();

    // WHEN tab A saves a 5-day margin, then tab B saves a 9-day margin from what it loaded
    const first = await post(settingsWith((s) => (s.safetyMarginDays = 5)), "", tabA);
    const mutationsBefore = mutations(fake).length;
    const second = await post(settingsWith((s) => (s.safetyMarginDays = 9)), "", tabB);

    // THEN A is stored; B is told someone else changed the settings, and neither the database nor Shopify moved
    expect(first.status).toBe(200);
    expect(second.status).toBe(409);
    expect((await second.json()).banner).toMatch(/Someone else changed these settings.*Reload to see their changes/);
    expect((await storedRow())?.safetyMarginDays).toBe(5);
    expect(mutations(fake).length).toBe(mutationsBefore);
    // AND after reloading, tab B saves
    expect((await post(settingsWith((s) => (s.safetyMarginDays = 9)), "", await loadedVersion())).status).toBe(200);
    expect((await storedRow())?.safetyMarginDays).toBe(9);
  });

  it("answers 409 when another tab saved first on a shop that had never saved", async () => {
    // GIVEN a new shop whose settings page is open in two tabs (version 0: nothing saved)
    await installFakeShop();
    expect(await loadedVersion()).toBe(0);

    // WHEN both tabs save
    const first = await post(settingsWith((s) => (s.safetyMarginDays = 4)), "", 0);
    const second = await post(settingsWith((s) => (s.safetyMarginDays = 8)), "", 0);

    // THEN only the first is stored
    expect([first.status, second.status]).toEqual([200, 409]);
    expect((await storedRow())?.safetyMarginDays).toBe(4);
  });
});
