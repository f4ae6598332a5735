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
  return { managed: managed.length, failed: report.failed.length, orders: orders.length, complainant: orders.find((o) => o.email === COMPLAINANT) ?? null };
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
  const placed: { name: string; email: string }[] = [];
  if (variantIds.length === 0) return placed;
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
    placed.push({ name: order.name, email: customer.email });
  }
  return placed;
}

/** The customer who has written to the shop from "Where is my order?" when the demo opens. */
const COMPLAINANT = "camille.martin@example.com";
const COMPLAINT = "Bonjour, ma commande devait arriver il y a presque deux semaines et je n’ai aucune nouvelle. Pouvez-vous me dire quand elle sera expédiée ?";

/**
 * A complaint in the support queue on first open, sent the way a customer sends one: through the storefront's
 * "Where is my order?" page (the app proxy at /apps/backorder/order-status), a lookup then a message. Waits
 * for the ledger's jobs to have recorded the order (its support case) first; gives up after `timeoutMs`.
 */
export async function seedComplaint({
  origin,
  order,
  load,
  shop,
  timeoutMs = 60_000,
}: {
  origin: string;
  order: { name: string; email: string };
  load: Load;
  shop: string;
  timeoutMs?: number;
}): Promise<boolean> {
  const cases = (await load("/app/models/support-case.server.ts")) as typeof import("../../app/models/support-case.server");
  const deadline = Date.now() + timeoutMs;
  while ((await cases.casesByOrderName({ shop, orderNames: [order.name] })).length === 0) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const page = `${origin}/apps/backorder/order-status`;
  const post = (fields: Record<string, string>) =>
    fetch(page, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", "Accept-Language": "fr" }, body: new URLSearchParams(fields) });
  const found = await post({ intent: "lookup", locale: "fr", order: order.name, email: order.email });
  const html = await found.text();
  const field = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? "";
  if (found.status !== 200 || !field("token")) return false;
  const sent = await post({ intent: "message", locale: "fr", token: field("token"), submission: field("submission"), message: COMPLAINT });
  return sent.status === 201;
}
