// The demo shop as a merchant would have set it up: the app installed (an offline session), settings
// and bilingual terms saved, the variants Shopify already sells on backorder managed with lead times and
// incoming batches (one supplier with a late delivery on record), all synced to the fake Shopify through
// the app's own services. The Butter Dish is left off so a person can enable it themselves.
import type { AdminFake } from "../admin-fake";
import { orderPayload } from "../webhook-payloads";

type Load = (path: string) => Promise<Record<string, unknown>>;

const TERMS = {
  en: {
    payment: "You pay in full today; your card is charged once, at checkout.",
    shipping: "Standard shipping fees apply; a backordered item ships free of further fees when it is ready.",
    cancellation: "You can cancel a backordered item for a full refund until it ships, and whenever we announce a delay.",
  },
  fr: {
    payment: "Vous payez la totalité aujourd’hui ; votre carte est débitée une seule fois, à la commande.",
    shipping: "Les frais de port standard s’appliquent ; un article en commande différée est expédié sans frais supplémentaires dès qu’il est prêt.",
    cancellation: "Vous pouvez annuler un article en commande différée et être remboursé intégralement jusqu’à son expédition, et à chaque retard annoncé.",
  },
};

function isoDaysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

export async function seedApp({ fake, shop, scopes, load }: { fake: AdminFake; shop: string; scopes: string; load: Load }) {
  const shopify = (await load("/app/shopify.server.ts")) as typeof import("../../app/shopify.server");
  const { Session } = await import("@shopify/shopify-api");
  await shopify.sessionStorage.storeSession(
    new Session({ id: `offline_${shop}`, shop, state: "demo", isOnline: false, accessToken: fake.accessToken, scope: scopes }),
  );
  const { admin } = await shopify.unauthenticated.admin(shop);

  const settingsModel = (await load("/app/models/settings.server.ts")) as typeof import("../../app/models/settings.server");
  const terms = (await load("/app/shopify/shop-terms.server.ts")) as typeof import("../../app/shopify/shop-terms.server");
  const defaults = settingsModel.defaultSettingsValues();
  const settings = {
    ...defaults,
    safetyMarginDays: 3,
    defaultLeadTimeDays: 28,
    cutoffTime: "13:00",
    deliveryModes: {
      standard: { enabled: true, processingDays: 1, transitMinDays: 2, transitMaxDays: 4 },
      express: { enabled: true, processingDays: 1, transitMinDays: 1, transitMaxDays: 1 },
      pickup: { enabled: true, processingDays: 1, transitMinDays: 0, transitMaxDays: 0 },
    },
    closureDays: [isoDaysFromNow(30)],
    terms: TERMS,
  };
  const saved = await settingsModel.saveShopSettings({ shop, settings });
  const profile = await terms.fetchShopProfile(admin.graphql);
  await terms.publishShopTerms(admin.graphql, {
    shopId: profile.id,
    value: { termsVersion: saved.termsVersion, enabledModes: settingsModel.enabledModes(saved), terms: saved.terms },
  });

  const variants = (await load("/app/models/backorder-variant.server.ts")) as typeof import("../../app/models/backorder-variant.server");
  const batches = (await load("/app/models/incoming-batch.server.ts")) as typeof import("../../app/models/incoming-batch.server");
  const store = fake.store;
  const managed = [...store.products.values()].flatMap((product) =>
    store
      .variantsOf(product.id)
      .filter((v) => v.inventoryPolicy === "CONTINUE")
      .map((v) => ({ product, variant: v })),
  );
  await variants.upsertShopifyFacts({
    shop,
    variants: managed.map(({ product, variant }) => ({
      productId: product.id,
      variantId: variant.id,
      productTitle: product.title,
      variantTitle: variant.title,
      sku: variant.sku,
      available: store.available(variant.id),
    })),
  });
  for (const [index, { variant }] of managed.entries()) {
    await variants.saveVariantSettings({
      shop,
      settings: {
        variantId: variant.id,
        mode: index % 3 === 0 ? "when_sold_out" : "always",
        cap: index % 4 === 1 ? 40 : null,
        leadTimeDays: 21 + (index % 3) * 7,
        capacityPerWeek: index % 5 === 2 ? 10 : null,
        startsOn: null,
        endsOn: null,
        messageEn: null,
        messageFr: null,
      },
    });
    const locations = [...store.locations.values()];
    const incoming = locations.reduce((sum, loc) => sum + store.quantity(variant.inventoryItemId, loc.id, "incoming"), 0);
    const supplier = index % 2 === 0 ? "Atelier Limoges" : "Tissage du Nord";
    // A past delivery, four days late, teaches the engine this supplier's lateness.
    await batches.addBatch({ shop, batch: { variantId: variant.id, quantity: 10, expectedOn: isoDaysFromNow(-40), receivedOn: isoDaysFromNow(-36), supplier } });
    if (incoming > 0) {
      await batches.addBatch({
        shop,
        batch: { variantId: variant.id, quantity: incoming, expectedOn: isoDaysFromNow(12 + (index % 4) * 5), receivedOn: null, supplier },
      });
    }
  }

  const sync = (await load("/app/workflows/catalog/backorder-sync.server.ts")) as typeof import("../../app/workflows/catalog/backorder-sync.server");
  const report = await sync.syncVariants({ shop, graphql: admin.graphql });
  const orders = await seedBackorders({ fake, shop, load, variantIds: managed.map((m) => m.variant.id) });
  return { managed: managed.length, failed: report.failed.length, orders };
}

/**
 * Customers already waiting, so the support desk is alive on first open: orders placed in the fake shop
 * and handed to the ledger as Shopify's orders/create would be (the in-process worker records, holds and
 * confirms them). Most were promised at checkout a date the ledger can no longer keep: they are late.
 */
const CUSTOMERS = [
  { firstName: "Camille", lastName: "Martin", email: "camille.martin@example.com", locale: "fr", promisedDaysAgo: 12 },
  { firstName: "Jonas", lastName: "Weber", email: "jonas.weber@example.com", locale: "en", promisedDaysAgo: 5 },
  { firstName: "Léa", lastName: "Dubois", email: "lea.dubois@example.com", locale: "fr", promisedDaysAgo: 2 },
  { firstName: "Priya", lastName: "Shah", email: "priya.shah@example.com", locale: "en", promisedDaysAgo: 20 },
  { firstName: "Tom", lastName: "Becker", email: "tom.becker@example.com", locale: "en", promisedDaysAgo: null },
  { firstName: "Inès", lastName: "Moreau", email: "ines.moreau@example.com", locale: "fr", promisedDaysAgo: null },
];

async function seedBackorders({ fake, shop, load, variantIds }: { fake: AdminFake; shop: string; load: Load; variantIds: string[] }) {
  if (variantIds.length === 0) return 0;
  const payloads = (await load("/app/webhooks/payloads.ts")) as typeof import("../../app/webhooks/payloads");
  const jobs = (await load("/app/models/job.server.ts")) as typeof import("../../app/models/job.server");
  const store = fake.store;
  for (const [index, customer] of CUSTOMERS.entries()) {
    const variantId = variantIds[index % variantIds.length] as string;
    const quantity = Math.max(0, store.available(variantId)) + 1 + (index % 2);
    const { order } = store.addOrder({
      customer: { email: customer.email, firstName: customer.firstName, lastName: customer.lastName, locale: customer.locale },
      lineItems: [{ variantId, quantity }],
      createdAt: new Date(Date.now() - (30 - index) * 86_400_000).toISOString(),
    });
    const properties =
      customer.promisedDaysAgo === null
        ? {}
        : Object.fromEntries(order.lineItems.map((li) => [li.id, [{ name: "Estimated delivery", value: isoDaysFromNow(-customer.promisedDaysAgo) }]]));
    const payload = payloads.OrderPayload.parse(JSON.parse(JSON.stringify(orderPayload(store, order, { properties }))));
    await jobs.enqueueJob({ shop, kind: "order.sync", payload: payloads.toOrderFacts("orders/create", payload), uniqueKey: `demo-order:${order.id}` });
  }
  return CUSTOMERS.length;
}
