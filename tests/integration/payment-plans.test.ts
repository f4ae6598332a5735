// Deposits and pay later (issue 15), merchant side: a variant's payment option saved through the product
// page's real action becomes the app's PRE_ORDER selling plan group in the schema-checked Admin fake, the
// storefront summary names the plan, and the group follows the variant's mode and option.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { action, loader } from "~/routes/app.products.$id";
import { action as paymentSettingsAction, loader as paymentSettingsLoader } from "~/routes/app.settings_.payments";
import { action as productsAction } from "~/routes/app.products._index";
import { callRoute } from "../helpers/routes";
import { embeddedDocumentRequest, embeddedFetchRequest } from "../helpers/requests";
import { deliver, ledgerShop, nextEventId, runAllJobs, type LedgerShop } from "./ledger-support";
import { GROUP_REMOVAL_AFTER_UNINSTALL_MS } from "../../dev/admin-fake/selling-plans";
import { productPage, renderBlock } from "../storefront/support";
import { byAttr } from "../storefront/html";

let env: LedgerShop;

beforeEach(async () => {
  await prisma.variantPaymentOption.deleteMany({});
  await prisma.paymentPlan.deleteMany({});
  await prisma.shopPaymentSettings.deleteMany({});
  env = await ledgerShop();
});

const number = (gid: string) => gid.split("/").pop()!;
const blankSettings = { cap: "", leadTimeDays: "14", capacityPerWeek: "", startsOn: "", endsOn: "", messageEn: "", messageFr: "" };
const deposit20 = { paymentKind: "deposit", checkoutType: "percentage", checkoutPercent: "20", checkoutAmount: "", balanceTrigger: "on_ready", balanceDueOn: "" };

/** A sold-out product on Shopify (price 48.00), not yet managed by the app. */
function soldOutVariant(title: string) {
  const { product, variants } = env.fake.store.addProduct({ title, variants: [{ sku: title.toUpperCase(), available: 0, price: "48.00" }] });
  return { productId: product.id, variantId: variants[0]!.id, productNumber: number(product.id) };
}

async function post(productNumber: string, fields: Record<string, string>) {
  const response = await callRoute(
    action,
    await embeddedFetchRequest(`/app/products/${productNumber}`, { init: { method: "POST", body: new URLSearchParams(fields) } }),
    { id: productNumber },
  );
  return { status: response.status, body: (await response.json()) as { ok: boolean; errors: Record<string, string>; message: string | null } };
}

async function page(productNumber: string, variantId: string) {
  const response = await callRoute(loader, await embeddedDocumentRequest(`/app/products/${productNumber}?variant=${number(variantId)}`), { id: productNumber });
  return (await response.json()) as { payment: { version: number; fields: Record<string, string>; attached: boolean; preview: string | null } };
}

async function setMode(v: { productNumber: string; variantId: string }, mode: string) {
  const result = await post(v.productNumber, { intent: "save-variant", variantId: v.variantId, ...blankSettings, mode });
  expect(result.status).toBe(200);
}

async function setPayment(v: { productNumber: string; variantId: string }, fields: Record<string, string>) {
  const { payment } = await page(v.productNumber, v.variantId);
  return post(v.productNumber, { intent: "save-payment", variantId: v.variantId, paymentVersion: String(payment.version), ...fields });
}

function summaryOf(variantId: string) {
  const metafield = env.fake.store.findMetafield(variantId, "$app:backorder", "eta");
  return metafield ? (JSON.parse(metafield.value) as Record<string, unknown>) : null;
}

describe("payment options for backorders", () => {
  it("two product pages saving the same new option at once leave one group holding both variants", async () => {
    // GIVEN a Shopify that answers a group creation only once a second one has arrived (so both syncs are
    // sure to find no group before either records one), two sold-out variants on backorder and no group yet
    let arrived = 0;
    let release = () => {};
    const bothArrived = new Promise<void>((resolve) => (release = resolve));
    env = await ledgerShop({
      resolvers: {
        "Mutation.sellingPlanGroupCreate": async (_source, args, ctx, info) => {
          if (++arrived === 2) release();
          await Promise.race([bothArrived, new Promise((resolve) => setTimeout(resolve, 5_000))]);
          return env.fake.sellingPlans.mutationResolvers().sellingPlanGroupCreate!(args, ctx, info);
        },
      },
    });
    const dish = soldOutVariant("Butter dish");
    const mug = soldOutVariant("Mug");
    for (const v of [dish, mug]) await setMode(v, "always");
    const [dishPage, mugPage] = [await page(dish.productNumber, dish.variantId), await page(mug.productNumber, mug.variantId)];
    // WHEN both save a 20% deposit at the same moment (both syncs find no group and create one)
    const saved = await Promise.all([
      post(dish.productNumber, { intent: "save-payment", variantId: dish.variantId, paymentVersion: String(dishPage.payment.version), ...deposit20 }),
      post(mug.productNumber, { intent: "save-payment", variantId: mug.variantId, paymentVersion: String(mugPage.payment.version), ...deposit20 }),
    ]);
    // THEN both saves succeed and Shopify holds one group of the option, with both variants; the recorded plan is it
    expect(arrived).toBe(2);
    expect(saved.map((s) => s.status)).toEqual([200, 200]);
    const groups = env.fake.sellingPlans.groups;
    expect(groups).toHaveLength(1);
    expect([...groups[0]!.variantIds].sort()).toEqual([dish.variantId, mug.variantId].sort());
    const plans = await prisma.paymentPlan.findMany({ where: { deletedAt: null }, select: { sellingPlanGroupId: true } });
    expect(plans).toEqual([{ sellingPlanGroupId: groups[0]!.id }]);
    expect(summaryOf(dish.variantId)).toMatchObject({ payment: { kind: "deposit" } });
    expect(summaryOf(mug.variantId)).toMatchObject({ payment: { kind: "deposit" } });
  });

  it("enabling a 20% deposit creates the PRE_ORDER group with the right policies and attaches the variant", async () => {
    // GIVEN a sold-out variant on backorder
    const dish = soldOutVariant("Butter dish");
    await setMode(dish, "always");
    // WHEN the merchant chooses a 20% deposit, the rest when it ships
    const saved = await setPayment(dish, deposit20);
    // THEN one group of the app holds the variant, with a plan charging 20% now and the rest on fulfillment
    expect(saved).toMatchObject({ status: 200, body: { ok: true, message: "Payment option saved" } });
    const groups = env.fake.sellingPlans.groups;
    expect(groups).toHaveLength(1);
    const group = groups[0]!;
    expect(group).toMatchObject({ appId: "backorder-pilot", variantIds: [dish.variantId] });
    expect(group.plans).toHaveLength(1);
    expect(group.plans[0]).toMatchObject({
      name: "Backorder: pay 20% now, the rest when it ships",
      category: "PRE_ORDER",
      billingPolicy: { checkoutCharge: { type: "PERCENTAGE", percentage: 20 }, remainingBalanceChargeTrigger: "ON_FULFILLMENT", remainingBalanceChargeExactTime: null },
      deliveryPolicy: { fulfillmentTrigger: "UNKNOWN" },
      inventoryPolicy: { reserve: "ON_SALE" },
    });
    // AND the database records the group, its plan and the attachment
    const plan = await prisma.paymentPlan.findFirstOrThrow({ where: { shop: env.shop } });
    expect(plan).toMatchObject({ optionKey: "deposit:percentage:20:on_ready", activeKey: "deposit:percentage:20:on_ready", sellingPlanGroupId: group.id, sellingPlanId: group.plans[0]!.id });
    expect(await prisma.variantPaymentOption.findFirstOrThrow({ where: { shop: env.shop, variantId: dish.variantId } })).toMatchObject({ attachedPlanId: plan.id, syncError: null });
    // AND the page says shoppers are offered it
    expect((await page(dish.productNumber, dish.variantId)).payment).toMatchObject({ attached: true, preview: "Backorder: pay 20% now, the rest when it ships" });
  });

  it("the storefront metafield carries the option with the numeric selling plan id", async () => {
    // GIVEN a backorderable variant WHEN the merchant picks a 20% deposit
    const dish = soldOutVariant("Butter dish");
    await setMode(dish, "always");
    await setPayment(dish, deposit20);
    // THEN the summary the block renders names the plan, the checkout charge and the balance trigger
    const planId = number(env.fake.sellingPlans.groups[0]!.plans[0]!.id);
    expect(summaryOf(dish.variantId)).toMatchObject({
      backorder: true,
      payment: { kind: "deposit", sellingPlanId: planId, checkout: { type: "percentage", value: 20 }, balance: { trigger: "on_ready" } },
    });
  });

  it("the product block renders the synced summary as a choice that posts the plan's selling_plan", async () => {
    // GIVEN a €48 backorderable variant on a 20% deposit, synced to Shopify
    const dish = soldOutVariant("Butter dish");
    await setMode(dish, "always");
    await setPayment(dish, deposit20);
    const planId = number(env.fake.sellingPlans.groups[0]!.plans[0]!.id);
    // WHEN the theme block renders the metafield exactly as Shopify holds it
    const eta = env.fake.store.findMetafield(dish.variantId, "$app:backorder", "eta")!.value;
    const { block, visible } = await renderBlock(productPage({ variants: [{ id: Number(number(dish.variantId)), title: "Default", policy: "CONTINUE", price: "48.00", eta }] }));
    // THEN shoppers read the deposit with its amount, and choosing it posts the plan Shopify holds
    expect(visible).toContain("Pay 20% now (€9.60), the rest when it ships");
    const radios = byAttr(block!, "name").filter((n) => n.attrs.name === "selling_plan");
    expect(radios.map((r) => r.attrs.value)).toEqual(["", planId]);
  });

  it("a second variant with the same option shares the group; a different option gets its own", async () => {
    // GIVEN a variant already on a 20% deposit
    const dish = soldOutVariant("Butter dish");
    const mug = soldOutVariant("Mug");
    const vase = soldOutVariant("Vase");
    for (const v of [dish, mug, vase]) await setMode(v, "always");
    await setPayment(dish, deposit20);
    // WHEN another variant gets the same option, and a third pays later on a date
    await setPayment(mug, deposit20);
    const dueOn = new Date(env.clock.now() + 40 * 86_400_000).toISOString().slice(0, 10);
    await setPayment(vase, { ...deposit20, paymentKind: "pay_later", balanceTrigger: "on_date", balanceDueOn: dueOn });
    // THEN the first two share one group and the third has its own, charging 0% and the rest at a set time
    const groups = env.fake.sellingPlans.groups;
    expect(groups).toHaveLength(2);
    expect(env.fake.sellingPlans.groupsOfVariant(dish.variantId)[0]!.variantIds).toEqual([dish.variantId, mug.variantId]);
    const later = env.fake.sellingPlans.groupsOfVariant(vase.variantId)[0]!;
    expect(later.plans[0]!.billingPolicy).toMatchObject({ checkoutCharge: { type: "PERCENTAGE", percentage: 0 }, remainingBalanceChargeTrigger: "EXACT_TIME" });
    expect(later.plans[0]!.billingPolicy.remainingBalanceChargeExactTime?.slice(0, 10)).toBe(dueOn);
    expect(summaryOf(vase.variantId)).toMatchObject({ payment: { kind: "pay_later", checkout: { type: "percentage", value: 0 }, balance: { trigger: "on_date", dueOn } } });
  });

  it("switching to full payment detaches the variant and deletes the group left empty", async () => {
    // GIVEN two variants on a 20% deposit
    const dish = soldOutVariant("Butter dish");
    const mug = soldOutVariant("Mug");
    for (const v of [dish, mug]) {
      await setMode(v, "always");
      await setPayment(v, deposit20);
    }
    // WHEN one switches to full payment
    await setPayment(dish, { ...deposit20, paymentKind: "full" });
    // THEN it leaves the group, the other stays, and its summary has no payment part
    expect(env.fake.sellingPlans.groupsOfVariant(dish.variantId)).toEqual([]);
    expect(env.fake.sellingPlans.groups[0]!.variantIds).toEqual([mug.variantId]);
    expect(summaryOf(dish.variantId)).not.toHaveProperty("payment");
    // WHEN the other switches too THEN the group is deleted in Shopify and retired in the database
    await setPayment(mug, { ...deposit20, paymentKind: "full" });
    expect(env.fake.sellingPlans.groups).toEqual([]);
    expect(await prisma.paymentPlan.findFirstOrThrow({ where: { shop: env.shop } })).toMatchObject({ activeKey: null, deletedAt: expect.any(Date) });
  });

  it("turning backorders off detaches the variant; turning them on again attaches it", async () => {
    // GIVEN a variant on a 20% deposit
    const dish = soldOutVariant("Butter dish");
    await setMode(dish, "always");
    await setPayment(dish, deposit20);
    // WHEN its backorders are turned off
    await setMode(dish, "off");
    // THEN Shopify no longer offers the plan on it (and the empty group is gone)
    expect(env.fake.sellingPlans.groupsOfVariant(dish.variantId)).toEqual([]);
    expect(env.fake.sellingPlans.groups).toEqual([]);
    // WHEN they are turned back on THEN the option applies again, in a fresh group
    await setMode(dish, "always");
    expect(env.fake.sellingPlans.groupsOfVariant(dish.variantId)).toHaveLength(1);
    expect(summaryOf(dish.variantId)).toMatchObject({ payment: { kind: "deposit" } });
  });

  it("answers 400 with errors beside the fields and writes nothing on invalid input", async () => {
    // GIVEN a backorderable variant
    const dish = soldOutVariant("Butter dish");
    await setMode(dish, "always");
    const callsBefore = env.fake.calls.filter((c) => c.operationType === "mutation").length;
    // WHEN the merchant asks for a 100% deposit, a deposit of the full price, or a balance date in the past
    const percent = await setPayment(dish, { ...deposit20, checkoutPercent: "100" });
    const amount = await setPayment(dish, { ...deposit20, checkoutType: "price", checkoutAmount: "48.00" });
    const past = await setPayment(dish, { ...deposit20, balanceTrigger: "on_date", balanceDueOn: "2020-01-01" });
    const kind = await setPayment(dish, { ...deposit20, paymentKind: "half" });
    // THEN each is refused next to its field, and nothing reached the database or Shopify
    expect(percent).toMatchObject({ status: 400, body: { ok: false, errors: { checkoutPercent: "Enter a whole percentage from 1 to 99." } } });
    expect(amount).toMatchObject({ status: 400, body: { errors: { checkoutAmount: "The deposit must be less than the variant's price." } } });
    expect(past).toMatchObject({ status: 400, body: { errors: { balanceDueOn: "The balance date must be after today." } } });
    expect(kind).toMatchObject({ status: 400, body: { errors: { paymentKind: "Choose a payment option." } } });
    expect(await prisma.variantPaymentOption.count()).toBe(0);
    expect(await prisma.paymentPlan.count()).toBe(0);
    expect(env.fake.calls.filter((c) => c.operationType === "mutation").length).toBe(callsBefore);
    expect(env.fake.sellingPlans.groups).toEqual([]);
  });

  it("a stale form is refused with 409 and changes nothing", async () => {
    // GIVEN a page opened before someone saved a 20% deposit
    const dish = soldOutVariant("Butter dish");
    await setMode(dish, "always");
    const { payment } = await page(dish.productNumber, dish.variantId);
    await setPayment(dish, deposit20);
    // WHEN the stale page saves pay later
    const stale = await post(dish.productNumber, { intent: "save-payment", variantId: dish.variantId, paymentVersion: String(payment.version), ...deposit20, paymentKind: "pay_later" });
    // THEN it is a conflict and the deposit stands
    expect(stale.status).toBe(409);
    expect(env.fake.sellingPlans.groups[0]!.plans[0]!.billingPolicy.checkoutCharge.percentage).toBe(20);
  });

  it("a refusal from Shopify (no write_purchase_options) is shown and nothing is recorded as attached", async () => {
    // GIVEN a shop that has not granted the scope
    const dish = soldOutVariant("Butter dish");
    await setMode(dish, "always");
    env.fake.sellingPlans.scopeGranted = false;
    // WHEN the merchant saves a deposit
    const saved = await setPayment(dish, deposit20);
    // THEN the option is saved, the page says Shopify refused it, and the summary offers no plan
    expect(saved.status).toBe(200);
    expect(saved.body.message).toMatch(/^Saved, but Shopify refused the payment option: .*write_purchase_options/);
    expect(await prisma.variantPaymentOption.findFirstOrThrow({ where: { variantId: dish.variantId } })).toMatchObject({ attachedPlanId: null, syncError: expect.stringContaining("write_purchase_options") });
    expect(summaryOf(dish.variantId)).not.toHaveProperty("payment");
  });

  it("uninstalling forgets the app's groups, which Shopify removes 48 hours later", async () => {
    // GIVEN a variant on a 20% deposit
    const dish = soldOutVariant("Butter dish");
    await setMode(dish, "always");
    await setPayment(dish, deposit20);
    // WHEN the merchant uninstalls the app (Shopify revokes the token and starts its 48-hour clock)
    env.fake.sellingPlans.appUninstalled();
    await deliver({ topic: "app/uninstalled", payload: { id: 1 }, eventId: nextEventId() });
    await env.worker.drain();
    // THEN the app holds no live group and no attachment (a reinstall starts fresh)…
    expect(await prisma.paymentPlan.count({ where: { shop: env.shop, activeKey: { not: null } } })).toBe(0);
    expect(await prisma.variantPaymentOption.count({ where: { shop: env.shop, attachedPlanId: { not: null } } })).toBe(0);
    // …while the plan's row stays, so an order sold under it still names its option
    expect(await prisma.paymentPlan.count({ where: { shop: env.shop, sellingPlanId: { not: null } } })).toBe(1);
    // AND 48 hours later Shopify has removed the group
    env.clock.advance(GROUP_REMOVAL_AFTER_UNINSTALL_MS);
    expect(env.fake.sellingPlans.groups).toEqual([]);
  });
});

describe("shop default and shopper texts (Settings → Deposits and pay later)", () => {
  async function settingsPage() {
    const response = await callRoute(paymentSettingsLoader, await embeddedDocumentRequest("/app/settings/payments"));
    return (await response.json()) as { version: number; fields: Record<string, string>; texts: Record<"en" | "fr", Record<string, string>>; checkoutLocale: string };
  }

  async function saveSettings(fields: Record<string, string>) {
    const page = await settingsPage();
    const texts = Object.fromEntries(
      (["en", "fr"] as const).flatMap((locale) => Object.entries(page.texts[locale]).map(([key, value]) => [`texts.${locale}.${key}`, value])),
    );
    const body = new URLSearchParams({ version: String(page.version), checkoutLocale: page.checkoutLocale, ...page.fields, ...texts, ...fields });
    const response = await callRoute(paymentSettingsAction, await embeddedFetchRequest("/app/settings/payments", { init: { method: "POST", body } }));
    return { status: response.status, body: (await response.json()) as { ok: boolean; errors: Record<string, string>; message: string | null } };
  }

  it("a default of pay later applies to variants without their own option, not to one that chose full payment", async () => {
    // GIVEN two backorderable variants, one of which chose full payment
    const dish = soldOutVariant("Butter dish");
    const mug = soldOutVariant("Mug");
    for (const v of [dish, mug]) await setMode(v, "always");
    await setPayment(mug, { ...deposit20, paymentKind: "full" });
    // WHEN the merchant makes pay later the shop default and the recompute job runs
    const saved = await saveSettings({ paymentKind: "pay_later", balanceTrigger: "on_ready" });
    expect(saved).toMatchObject({ status: 200, body: { ok: true, message: "Payment settings saved" } });
    await runAllJobs(env.worker, env.clock);
    // THEN only the variant following the default is in the pay-later group, and its summary says so
    expect(env.fake.sellingPlans.groups.map((g) => g.variantIds)).toEqual([[dish.variantId]]);
    expect(env.fake.sellingPlans.groups[0]!.plans[0]!.name).toBe("Backorder: pay nothing now, the full price when it ships");
    expect(summaryOf(dish.variantId)).toMatchObject({ payment: { kind: "pay_later", checkout: { type: "percentage", value: 0 } } });
    expect(summaryOf(mug.variantId)).not.toHaveProperty("payment");
  });

  it("new shopper texts in the checkout language rename the live group, keeping its plan", async () => {
    // GIVEN a variant on a 20% deposit
    const dish = soldOutVariant("Butter dish");
    await setMode(dish, "always");
    await setPayment(dish, deposit20);
    const planId = env.fake.sellingPlans.groups[0]!.plans[0]!.id;
    // WHEN the merchant switches the checkout names to French
    const saved = await saveSettings({ checkoutLocale: "fr" });
    // THEN the same plan now carries the French name
    expect(saved.status).toBe(200);
    const plan = env.fake.sellingPlans.groups[0]!.plans[0]!;
    expect(plan.id).toBe(planId);
    expect(plan.name).toBe("Précommande : payez 20 % maintenant, le reste à l'expédition");
    expect(env.fake.sellingPlans.groups[0]!.name).toBe("Précommande");
  });

  it("refuses texts without their placeholders and a bad default with 400, saving nothing", async () => {
    // GIVEN the defaults WHEN the deposit name no longer says what is charged and the percentage is 0
    const saved = await saveSettings({ "texts.en.deposit": "Backorder: small deposit", paymentKind: "deposit", checkoutType: "percentage", checkoutPercent: "0" });
    // THEN both fields carry their error and nothing is stored
    expect(saved.status).toBe(400);
    expect(saved.body.errors).toEqual({
      "texts.en.deposit": "Keep {charge} and {balance}: shoppers must see what is charged now and when the rest is.",
      checkoutPercent: "Enter a whole percentage from 1 to 99.",
    });
    expect(await prisma.shopPaymentSettings.count()).toBe(0);
  });
});

describe("payment option in bulk (products list)", () => {
  function bulk(fields: Record<string, string>) {
    return embeddedFetchRequest("/app/products?index", { init: { method: "POST", body: new URLSearchParams(fields) } });
  }

  it("sets a 30% deposit on the selected rows: one group holds them all", async () => {
    // GIVEN three backorderable variants
    const variants = [soldOutVariant("Butter dish"), soldOutVariant("Mug"), soldOutVariant("Vase")];
    for (const v of variants) await setMode(v, "always");
    // WHEN the merchant selects two rows and sets a 30% deposit, the rest when ready
    const picked = variants.slice(0, 2).map((v) => v.variantId);
    const response = await callRoute(
      productsAction,
      await bulk({ intent: "payment", variantIds: JSON.stringify(picked), ...deposit20, checkoutPercent: "30" }),
    );
    // THEN both sit in one 30% group, the third in none
    expect(response.status).toBe(200);
    expect(env.fake.sellingPlans.groups).toHaveLength(1);
    expect(env.fake.sellingPlans.groups[0]!.variantIds.sort()).toEqual([...picked].sort());
    expect(env.fake.sellingPlans.groups[0]!.plans[0]!.billingPolicy.checkoutCharge.percentage).toBe(30);
    expect(env.fake.sellingPlans.groupsOfVariant(variants[2]!.variantId)).toEqual([]);
  });

  it("applies pay later to every matching variant as a background job", async () => {
    // GIVEN two backorderable variants
    const variants = [soldOutVariant("Butter dish"), soldOutVariant("Mug")];
    for (const v of variants) await setMode(v, "always");
    // WHEN the merchant selects all matching and sets pay later, and the worker runs the job
    const response = await callRoute(productsAction, await bulk({ scope: "matching", tab: "backorderable", q: "", mode: "", intent: "payment", ...deposit20, paymentKind: "pay_later" }));
    expect(response.status).toBe(200);
    await runAllJobs(env.worker, env.clock);
    // THEN both are in the pay-later group
    expect(env.fake.sellingPlans.groups.map((g) => [g.plans[0]!.billingPolicy.checkoutCharge.percentage, g.variantIds.length])).toEqual([[0, 2]]);
  });

  it("refuses a fixed amount in bulk (it must stay below each price) and a bad percentage, changing nothing", async () => {
    // GIVEN a backorderable variant
    const dish = soldOutVariant("Butter dish");
    await setMode(dish, "always");
    // WHEN the bulk action asks for a fixed deposit, or 0 %
    const fixed = await callRoute(productsAction, await bulk({ intent: "payment", variantIds: JSON.stringify([dish.variantId]), ...deposit20, checkoutType: "price", checkoutAmount: "5" }));
    const zero = await callRoute(productsAction, await bulk({ intent: "payment", variantIds: JSON.stringify([dish.variantId]), ...deposit20, checkoutPercent: "0" }));
    // THEN both answer 400 with the field's error and nothing is stored or sent
    expect(fixed.status).toBe(400);
    expect(((await fixed.json()) as { errors: Record<string, string> }).errors.checkoutType).toMatch(/each product page/);
    expect(zero.status).toBe(400);
    expect(((await zero.json()) as { errors: Record<string, string> }).errors.checkoutPercent).toBe("Enter a whole percentage from 1 to 99.");
    expect(await prisma.variantPaymentOption.count()).toBe(0);
    expect(env.fake.sellingPlans.groups).toEqual([]);
  });
});
