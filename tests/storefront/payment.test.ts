// The payment choice for a backorder bought through the merchant's selling plan (issue 15): what is charged
// now and when the rest is, from the variant's price in the shop's money format. Liquid writes it for the
// variant the page opens on (snippets/bp-pay.liquid), the script on every variant change: both must say the
// same thing, and both must say nothing about a plan they cannot read.
import { describe, expect, it } from "vitest";
import type { SummaryPayment } from "~/domain/summary";
import { byAttr, decode, isShown, parseHtml, type HtmlNode } from "./html";
import { loadBlockScript, renderer, summary } from "./support";

const script = loadBlockScript();
const intlLocale = (locale: string) => renderer.translate(locale, "backorder_eta.intl_locale");

const deposit = (value: number, balance: SummaryPayment["balance"] = { trigger: "on_ready" }): SummaryPayment => ({
  kind: "deposit",
  sellingPlanId: "4938473",
  checkout: { type: "percentage", value },
  balance,
});
const fixed = (amount: string, balance: SummaryPayment["balance"] = { trigger: "on_ready" }): SummaryPayment => ({
  kind: "deposit",
  sellingPlanId: "4938473",
  checkout: { type: "price", amount },
  balance,
});
const payLater = (balance: SummaryPayment["balance"] = { trigger: "on_ready" }): SummaryPayment => ({
  kind: "pay_later",
  sellingPlanId: "4938474",
  checkout: { type: "percentage", value: 0 },
  balance,
});

interface Rendered {
  fieldset: HtmlNode | null;
  shown: boolean;
  full: string;
  plan: string;
  /** The fieldset's data attributes as the script reads them (`dataset`). */
  templates: Record<string, string>;
}

/** The snippet as the block renders it for one variant (prices in minor units, like Liquid's `variant.price`). */
async function renderPay(payment: unknown, priceCents: number, locale: string, show = true): Promise<Rendered> {
  const html = await renderer.renderString(
    "{% render 'bp-pay', variant: variant, eta: eta, show: show, form_id: 'product-form-main', full: true, any_payment: true %}",
    { locale, globals: { variant: { price: priceCents }, eta: { ...summary(), payment }, show, shop: { currency: "EUR" } } },
  );
  const fieldset = byAttr(parseHtml(html), "data-bp-pay")[0] ?? null;
  const templates = Object.fromEntries(
    Object.entries(fieldset?.attrs ?? {})
      .filter(([name]) => name.startsWith("data-") && name !== "data-bp-pay")
      .map(([name, value]) => [name.slice("data-".length), value]),
  );
  // The text exactly as written (no whitespace folded: French puts non-breaking spaces in amounts).
  const part = (attr: string) => decode(String(fieldset ? (byAttr(fieldset, attr)[0]?.children[0] ?? "") : ""));
  return { fieldset, shown: !!fieldset && isShown(fieldset), full: part("data-bp-pay-full"), plan: part("data-bp-pay-plan"), templates };
}

describe("the payment choice's wording", () => {
  it.each([
    ["en", deposit(20), 4800, "Pay in full now (€48.00)", "Pay 20% now (€9.60), the rest when it ships"],
    ["fr", deposit(20), 4800, "Payez la totalité maintenant (48,00\u00a0€)", "Payez 20\u00a0% maintenant (9,60\u00a0€), le reste à l'expédition"],
    ["en", deposit(20, { trigger: "on_date", dueOn: "2027-01-15" }), 4800, "Pay in full now (€48.00)", "Pay 20% now (€9.60), the rest on 15 January 2027"],
    ["fr", deposit(20, { trigger: "on_date", dueOn: "2027-01-15" }), 4800, "Payez la totalité maintenant (48,00\u00a0€)", "Payez 20\u00a0% maintenant (9,60\u00a0€), le reste le 15 janvier 2027"],
    ["en", payLater(), 4800, "Pay in full now (€48.00)", "Nothing to pay now: you pay €48.00 when it ships"],
    ["fr", payLater(), 4800, "Payez la totalité maintenant (48,00\u00a0€)", "Rien à payer maintenant\u00a0: vous payez 48,00\u00a0€ à l'expédition"],
    ["en", payLater({ trigger: "on_date", dueOn: "2027-01-15" }), 4800, "Pay in full now (€48.00)", "Nothing to pay now: you pay €48.00 on 15 January 2027"],
    ["en", fixed("10.00"), 4800, "Pay in full now (€48.00)", "Pay €10.00 now, the rest when it ships"],
    ["fr", fixed("10.00"), 4800, "Payez la totalité maintenant (48,00\u00a0€)", "Payez 10,00\u00a0€ maintenant, le reste à l'expédition"],
    ["en", deposit(12.5), 2899, "Pay in full now (€28.99)", "Pay 12.5% now (€3.62), the rest when it ships"],
    ["fr", deposit(12.5), 2899, "Payez la totalité maintenant (28,99\u00a0€)", "Payez 12,5\u00a0% maintenant (3,62\u00a0€), le reste à l'expédition"],
    ["en", deposit(20), 123456789, "Pay in full now (€1,234,567.89)", "Pay 20% now (€246,913.58), the rest when it ships"],
  ])("in %s: %j on %i cents reads as the shopper expects", async (locale, payment, price, full, plan) => {
    // GIVEN a backordered variant with this plan and price
    // WHEN Liquid renders the choice and the script writes it
    const rendered = await renderPay(payment, price, locale);
    const fromScript = script.payOf(payment, price, rendered.templates, intlLocale(locale));

    // THEN both read exactly so
    expect(rendered.shown).toBe(true);
    expect([rendered.full, rendered.plan]).toEqual([full, plan]);
    expect(fromScript).toEqual([full, plan]);
  });

  it("never asks more now than the price: a fixed deposit above it is the whole price", async () => {
    // GIVEN a €60 deposit on a €48 mug
    // WHEN the choice is written
    const rendered = await renderPay(fixed("60.00"), 4800, "en");

    // THEN the deposit is €48.00 and nothing is made up
    expect(rendered.plan).toBe("Pay €48.00 now, the rest when it ships");
    expect(script.payOf(fixed("60.00"), 4800, rendered.templates, "en-GB")?.[1]).toBe(rendered.plan);
  });
});

describe("Liquid and the script agree", () => {
  const balances: SummaryPayment["balance"][] = [{ trigger: "on_ready" }];
  for (let month = 1; month <= 12; month++) balances.push({ trigger: "on_date", dueOn: `2027-${String(month).padStart(2, "0")}-0${(month % 9) + 1}` });
  const payments: SummaryPayment[] = [
    ...balances.map((b) => deposit(30, b)),
    ...balances.slice(0, 3).map((b) => payLater(b)),
    ...balances.slice(0, 3).map((b) => fixed("12.34", b)),
    deposit(1),
    deposit(99),
    deposit(33.3),
    deposit(15),
  ];
  const prices = [1, 5, 2899, 4850, 99999, 100000];

  it.each(["en", "fr"])("on every plan, date and price in %s", async (locale) => {
    for (const payment of payments) {
      for (const price of prices) {
        // GIVEN a plan and a price (rounding to the cent included)
        // WHEN both write the choice
        const rendered = await renderPay(payment, price, locale);
        const fromScript = script.payOf(payment, price, rendered.templates, intlLocale(locale));

        // THEN they are identical
        expect(fromScript, JSON.stringify({ payment, price })).toEqual([rendered.full, rendered.plan]);
      }
    }
  });

  it.each([
    ["no plan id", { ...deposit(20), sellingPlanId: "" }],
    ["a plan id that is not a number", { ...deposit(20), sellingPlanId: "gid://shopify/SellingPlan/1" }],
    ["a zero plan id", { ...deposit(20), sellingPlanId: "0" }],
    ["a negative plan id", { ...deposit(20), sellingPlanId: "-5" }],
    ["a plan id with a leading zero", { ...deposit(20), sellingPlanId: "0123" }],
    ["an unknown kind", { ...deposit(20), kind: "subscription" }],
    ["a 0% deposit", deposit(0)],
    ["a 100% deposit", deposit(100)],
    ["a deposit over 100%", deposit(150)],
    ["a percentage that is not a number", { ...deposit(20), checkout: { type: "percentage", value: "twenty" } }],
    ["a zero fixed deposit", fixed("0.00")],
    ["a fixed deposit that is not an amount", fixed("ten")],
    ["an unknown checkout type", { ...deposit(20), checkout: { type: "credit", value: 20 } }],
    ["no balance", { ...deposit(20), balance: undefined }],
    ["an unknown balance trigger", { ...deposit(20), balance: { trigger: "on_fulfillment" } }],
    ["a due date that is not a date", deposit(20, { trigger: "on_date", dueOn: "next month" })],
    ["an impossible due date", deposit(20, { trigger: "on_date", dueOn: "2027-13-01" })],
    ["no due date", { ...deposit(20), balance: { trigger: "on_date" } }],
    ["a JSON string", "deposit"],
    ["null", null],
  ])("on %s: neither offers the plan", async (_label, payment) => {
    // GIVEN a payment part the block cannot read in full
    // WHEN both write the choice
    const rendered = await renderPay(payment, 4800, "en");
    const fromScript = script.payOf(payment, 4800, rendered.templates, "en-GB");

    // THEN the choice is hidden and disabled (nothing posted), and the script returns nothing
    expect(rendered.shown).toBe(false);
    expect("disabled" in (rendered.fieldset?.attrs ?? {})).toBe(true);
    expect(rendered.plan).toBe("");
    expect(byAttr(rendered.fieldset!, "data-bp-plan")[0]?.attrs.value).toBe("");
    expect(fromScript).toBeUndefined();
  });

  it("offers nothing for a variant that is not currently a backorder", async () => {
    // GIVEN a complete plan on a variant that is in stock
    // WHEN Liquid renders the choice
    const rendered = await renderPay(deposit(20), 4800, "en", false);

    // THEN it is hidden and disabled
    expect(rendered.shown).toBe(false);
    expect("disabled" in (rendered.fieldset?.attrs ?? {})).toBe(true);
  });
});

describe("the shop's money format", () => {
  it.each([
    ["€1,000.00", 960, "€9.60"],
    ["€1,000.00", 123456789, "€1,234,567.89"],
    ["1\u202f000,00\u00a0€", 123456789, "1\u202f234\u202f567,89\u00a0€"],
    ["1.000,00 kr", 123450, "1.234,50 kr"],
    ["CHF 1'000.00", 100005, "CHF 1'000.05"],
    ["Rs. 1,000.00", 5, "Rs. 0.05"],
    ["$1,000", 123456, "$1,235"],
    ["¥1,000", 500, "¥5"],
    ["1000.00 USD", 123456, "1234.56 USD"],
    ["$1,000.00 CAD", 0, "$0.00 CAD"],
  ])("formats like %j: %i → %j", (sample, cents, expected) => {
    // GIVEN how Liquid's money filter printed 1,000.00 in the shop's format
    // WHEN the script formats another amount
    // THEN separators, decimals and the symbol follow that format
    expect(script.money(cents, sample)).toBe(expected);
  });

  it("writes nothing rather than a wrong amount when the sample is not a price", () => {
    // GIVEN a money sample without 1,000
    // WHEN the script formats an amount
    // THEN it writes nothing
    expect(script.money(960, "")).toBe("");
  });
});
