// The product-page block renders each state from the metafields alone, in English and French.
import { describe, expect, it } from "vitest";
import { all, byAttr, isShown, visibleText, type HtmlNode } from "./html";
import { productPage, renderBlock, summary, TERMS } from "./support";

const LOCALES = [
  {
    locale: "en",
    badge: "Backorder",
    eta: "Estimated delivery: 12 – 16 Dec",
    express: "Express delivery: 30 Nov – 2 Dec",
    pickup: "Ready for pickup: 4 Dec",
    terms: "Backorder terms",
    payment: "You pay today.",
    button: "Pre-order",
    notify: "Sold out. Get an email when it's back in stock.",
    emailLabel: "Email address",
    inStock: "In stock. Estimated delivery: 12 – 16 Dec",
    leadTime: "Based on our supplier's usual lead time, so it may change.",
    batch: "Based on an incoming delivery and our supplier's track record.",
    batchLow: "Based on an incoming delivery from our supplier, so it may change.",
    capacity: "Based on our production schedule, so it may change.",
    stock: "Based on stock we already hold.",
    maxQty: "Up to 4 can be ordered on backorder.",
    property: "Estimated delivery",
  },
  {
    locale: "fr",
    badge: "En précommande",
    eta: "Livraison estimée : 12–16 déc.",
    express: "Livraison express : 30 nov. – 2 déc.",
    pickup: "Disponible en retrait : 4 déc.",
    terms: "Conditions de la précommande",
    payment: "Vous payez aujourd'hui.",
    button: "Précommander",
    notify: "Épuisé. Recevez un e-mail dès son retour en stock.",
    emailLabel: "Adresse e-mail",
    inStock: "En stock. Livraison estimée : 12–16 déc.",
    leadTime: "Selon le délai habituel de notre fournisseur : cette date peut changer.",
    batch: "Selon une livraison attendue et la ponctualité habituelle de notre fournisseur.",
    batchLow: "Selon une livraison attendue de notre fournisseur : cette date peut changer.",
    capacity: "Selon notre rythme de production : cette date peut changer.",
    stock: "Selon le stock dont nous disposons déjà.",
    maxQty: "Jusqu'à 4 exemplaires disponibles en précommande.",
    property: "Livraison estimée",
  },
] as const;

describe.each(LOCALES)("the delivery block in $locale", (t) => {
  it("shows the badge, the estimated range and the terms for a backordered variant", async () => {
    // GIVEN a sold-out variant that keeps selling, with a summary and shop terms
    const page = productPage({ variants: [{ id: 1, title: "Sage", policy: "CONTINUE", eta: summary() }] });

    // WHEN the block renders
    const { block, visible } = await renderBlock(page, { locale: t.locale });

    // THEN the shopper sees the badge, the range and a disclosure with the terms
    expect(block?.attrs["data-state"]).toBe("backorder");
    expect(visible).toContain(t.badge);
    expect(visible).toContain(t.eta);
    expect(visible).toContain(t.terms);
    expect(visible).toContain(t.payment);
    // and the button label the script applies comes from the translations
    expect(block?.attrs["data-button"]).toBe(t.button);
    expect(block?.attrs["data-prop"]).toBe(t.property);
    expect(block?.attrs["data-terms"]).toBe("3");
  });

  it("lists every delivery method the shop enabled, with its own dates", async () => {
    // GIVEN a backordered variant whose summary has standard, express and pickup dates
    const eta = summary({
      next: {
        standard: { earliest: "2026-12-12", latest: "2026-12-16" },
        express: { earliest: "2026-11-30", latest: "2026-12-02" },
        pickup: { earliest: "2026-12-04", latest: "2026-12-04" },
      },
    });
    const page = productPage({ variants: [{ id: 1, title: "Sage", policy: "CONTINUE", eta }] });

    // WHEN the block renders
    const { block, visible } = await renderBlock(page, { locale: t.locale });

    // THEN each method is listed with its range (pickup is one day)
    expect(isShown(byAttr(block!, "data-bp-modes")[0]!)).toBe(true);
    expect(visible).toContain(t.express);
    expect(visible).toContain(t.pickup);
  });

  it("shows a single estimate and no list of methods when the shop offers only one", async () => {
    // GIVEN a backordered variant whose summary has standard dates only
    const page = productPage({ variants: [{ id: 1, title: "Sage", policy: "CONTINUE", eta: summary() }] });

    // WHEN the block renders
    const { block, visible } = await renderBlock(page, { locale: t.locale });

    // THEN the main estimate is shown and the list is hidden
    expect(visible).toContain(t.eta);
    expect(isShown(byAttr(block!, "data-bp-modes")[0]!)).toBe(false);
    expect(visible).not.toContain(t.express);
  });

  it("explains a low-confidence estimate and the backorder cap", async () => {
    // GIVEN a backordered variant estimated from the lead time, with 4 units left under the cap
    const eta = summary({ confidence: "low", source: "lead_time", maxQty: 4 });
    const page = productPage({ variants: [{ id: 1, title: "Sage", policy: "CONTINUE", eta }] });

    // WHEN the block renders
    const { visible } = await renderBlock(page, { locale: t.locale });

    // THEN both notes are shown
    expect(visible).toContain(t.leadTime);
    expect(visible).toContain(t.maxQty);
  });

  it.each([
    { source: "stock", confidence: "high", note: "stock" },
    { source: "batch", confidence: "medium", note: "batch" },
    { source: "batch", confidence: "low", note: "batchLow" },
    { source: "capacity", confidence: "low", note: "capacity" },
    { source: "lead_time", confidence: "low", note: "leadTime" },
  ] as const)("says the date comes from $source when it does ($confidence confidence)", async ({ source, confidence, note }) => {
    // GIVEN a backordered variant whose date comes from this supply
    const page = productPage({ variants: [{ id: 1, title: "Sage", policy: "CONTINUE", eta: summary({ confidence, source }) }] });

    // WHEN the block renders
    const { visible } = await renderBlock(page, { locale: t.locale });

    // THEN its own sentence is shown, and the lead-time one only when the lead time is the source
    expect(visible).toContain(t[note]);
    if (source !== "lead_time") expect(visible).not.toContain(t.leadTime);
  });

  it("does not blame the lead time for a low estimate whose source an older summary did not record", async () => {
    // GIVEN a summary written before `source` existed, with low confidence (batch, capacity or lead time)
    const page = productPage({ variants: [{ id: 1, title: "Sage", policy: "CONTINUE", eta: summary({ confidence: "low" }) }] });

    // WHEN the block renders
    const { visible } = await renderBlock(page, { locale: t.locale });

    // THEN it says the date may change without naming a source
    expect(visible).not.toContain(t.leadTime);
    expect(visible).toMatch(t.locale === "fr" ? /Cette date peut changer/ : /This date may change/);
  });

  it("replaces the standard note with the merchant's message, as the admin says", async () => {
    // GIVEN a lead-time estimate with a message for the variant
    const eta = summary({ confidence: "low", source: "lead_time", message: { en: "Made to order in Limoges.", fr: "Fait sur commande à Limoges." } });
    const page = productPage({ variants: [{ id: 1, title: "Sage", policy: "CONTINUE", eta }] });

    // WHEN the block renders
    const { visible } = await renderBlock(page, { locale: t.locale });

    // THEN the message shows instead of the standard note; the dates stay
    expect(visible).toContain(t.locale === "fr" ? "Fait sur commande à Limoges." : "Made to order in Limoges.");
    expect(visible).not.toContain(t.leadTime);
    expect(visible).toContain(t.eta);
  });

  it("names the order note in the shopper's language, also for blocks saved with the old English default", async () => {
    // GIVEN a block whose order note name is blank, and one saved with the former default
    const page = productPage({ variants: [{ id: 1, title: "Sage", policy: "CONTINUE", eta: summary() }] });

    // WHEN each renders
    const blank = await renderBlock(page, { locale: t.locale });
    const legacy = await renderBlock(page, { locale: t.locale, settings: { property_name: "Estimated delivery" } });

    // THEN the script records the promise under the translated name
    expect(blank.block?.attrs["data-prop"]).toBe(t.property);
    expect(legacy.block?.attrs["data-prop"]).toBe(t.property);
  });

  it("shows the merchant's message in the shopper's language", async () => {
    // GIVEN a summary with a message in both languages
    const eta = summary({ message: { en: "Thrown by hand, one by one.", fr: "Tourné à la main, pièce par pièce." } });
    const page = productPage({ variants: [{ id: 1, title: "Sage", policy: "CONTINUE", eta }] });

    // WHEN the block renders
    const { visible } = await renderBlock(page, { locale: t.locale });

    // THEN the message of this language is shown
    expect(visible).toContain(t.locale === "fr" ? "Tourné à la main, pièce par pièce." : "Thrown by hand, one by one.");
  });

  it("shows nothing for an in-stock variant unless the merchant asked for the in-stock line", async () => {
    // GIVEN an in-stock variant managed as "always" (it has a summary, not a backorder)
    const page = productPage({ variants: [{ id: 1, title: "Oat", quantity: 12, eta: summary({ mode: "always", backorder: false }) }] });

    // WHEN the block renders with the default settings, then with the in-stock line on
    const quiet = await renderBlock(page, { locale: t.locale });
    const shown = await renderBlock(page, { locale: t.locale, settings: { show_in_stock: true } });

    // THEN nothing is visible by default, and the delivery line is when enabled
    expect(quiet.block?.attrs["data-state"]).toBe("instock");
    expect(quiet.visible).toBe("");
    expect(shown.visible).toBe(t.inStock);
  });

  it("offers the notify-me form for a sold-out variant that is not backorderable", async () => {
    // GIVEN a sold-out variant that stops selling
    const page = productPage({ variants: [{ id: 7, title: "Terracotta", policy: "DENY", quantity: 0 }] });

    // WHEN the block renders
    const { block, visible } = await renderBlock(page, { locale: t.locale });

    // THEN the form is shown, labelled, and posts the variant to the app proxy
    expect(block?.attrs["data-state"]).toBe("soldout");
    const form = byAttr(block!, "data-bp-show", "soldout")[0]!;
    expect(isShown(form)).toBe(true);
    expect(form.attrs.action).toBe("/apps/backorder/notify");
    expect(form.attrs.method).toBe("post");
    expect(visible).toContain(t.notify);
    expect(visible).toContain(t.emailLabel);
    const email = byAttr(form, "name", "email")[0]!;
    const label = byAttr(form, "for", email.attrs.id)[0]!;
    expect(visibleText(label)).toBe(t.emailLabel);
    expect(byAttr(form, "name", "variant_id")[0]?.attrs.value).toBe("7");
    expect(byAttr(form, "name", "locale")[0]?.attrs.value).toBe(t.locale);
    expect(visible).not.toContain(t.badge);
  });

  it("renders nothing when no variant has a summary and none is sold out", async () => {
    // GIVEN an in-stock product the app does not manage
    const page = productPage({ variants: [{ id: 1, title: "Oat", quantity: 5 }] });

    // WHEN the block renders
    const { html } = await renderBlock(page, { locale: t.locale });

    // THEN there is no markup at all
    expect(html.trim()).toBe("");
  });

  it.each([
    ["not JSON", "{not json"],
    ["an unknown format version", JSON.stringify({ ...summary(), v: 2 })],
    ["no dates", JSON.stringify({ ...summary(), next: {} })],
    ["dates that are not dates", JSON.stringify({ ...summary(), next: { standard: { earliest: 5, latest: "soon" } } })],
    ["a JSON string", JSON.stringify("backorder")],
    ["an impossible month", JSON.stringify({ ...summary(), next: { standard: { earliest: "2026-13-01", latest: "2026-13-05" } } })],
    ["dates with a time", JSON.stringify({ ...summary(), next: { standard: { earliest: "2026-12-1T10", latest: "2026-12-05" } } })],
  ])("shows nothing broken when the metafield holds %s", async (_label, raw) => {
    // GIVEN a variant that keeps selling, whose metafield is malformed, next to a sold-out variant
    const page = productPage({
      variants: [
        { id: 1, title: "Sage", policy: "CONTINUE", eta: raw },
        { id: 2, title: "Terracotta", quantity: 0 },
      ],
      selected: 1,
    });

    // WHEN the block renders for the malformed variant
    const { block, visible, data } = await renderBlock(page, { locale: t.locale });

    // THEN nothing is shown for it (no badge, no half-made dates), and the page data is still valid JSON
    expect(block?.attrs["data-state"]).toBe("none");
    expect(visible).toBe("");
    expect(data?.variants.map((v) => v.id)).toEqual([1, 2]);
  });

  it("leaves out a delivery method whose dates are malformed and keeps the others", async () => {
    // GIVEN valid standard dates and an express entry that is not a date range
    const eta = summary({
      next: {
        standard: { earliest: "2026-12-12", latest: "2026-12-16" },
        express: { earliest: "tomorrow", latest: "2026-12-02" },
        pickup: { earliest: "2026-12-04", latest: "2026-12-04" },
      },
    });
    const page = productPage({ variants: [{ id: 1, title: "Sage", policy: "CONTINUE", eta }] });

    // WHEN the block renders
    const { block, visible } = await renderBlock(page, { locale: t.locale });

    // THEN the estimate and pickup are shown, express is not, and no translation error leaks
    expect(visible).toContain(t.eta);
    expect(visible).toContain(t.pickup);
    expect(isShown(byAttr(block!, "data-bp-mode", "express")[0]!)).toBe(false);
    expect(visible).not.toMatch(/missing|Liquid error/i);
  });

  it("leaves out the terms when the shop metafield is missing", async () => {
    // GIVEN a backordered variant and no terms metafield on the shop
    const page = productPage({ variants: [{ id: 1, title: "Sage", policy: "CONTINUE", eta: summary() }], terms: null });

    // WHEN the block renders
    const { visible } = await renderBlock(page, { locale: t.locale });

    // THEN the estimate is shown without a terms disclosure
    expect(visible).toContain(t.eta);
    expect(visible).not.toContain(t.terms);
  });
});

describe("the delivery block", () => {
  it("renders the variant chosen in the URL and embeds every variant's data for the script", async () => {
    // GIVEN a product with an in-stock, a backordered and a sold-out variant, opened on the backordered one
    const page = productPage({
      variants: [
        { id: 1, title: "Oat", quantity: 9 },
        { id: 2, title: "Sage", policy: "CONTINUE", eta: summary() },
        { id: 3, title: "Terracotta", quantity: 0 },
      ],
      selected: 2,
    });

    // WHEN the block renders
    const { block, data } = await renderBlock(page);

    // THEN the selected variant's state is rendered and all three are embedded
    expect(block?.attrs["data-state"]).toBe("backorder");
    expect(data?.variants).toEqual([
      { id: 1, available: true, price: 2800, eta: null },
      { id: 2, available: true, price: 2800, eta: JSON.parse(JSON.stringify(summary())) },
      { id: 3, available: false, price: 2800, eta: null },
    ]);
  });

  it("escapes the merchant's text in the page and in the embedded JSON", async () => {
    // GIVEN a message and terms that contain markup
    const eta = summary({ message: { en: "<img src=x onerror=alert(1)></script>" } });
    const terms = { ...TERMS, terms: { ...TERMS.terms, en: { ...TERMS.terms.en, payment: "<b>now</b>" } } };
    const page = productPage({ variants: [{ id: 1, title: "Sage", policy: "CONTINUE", eta }], terms });

    // WHEN the block renders
    const { html, visible } = await renderBlock(page);

    // THEN the text is shown as text and cannot close the data <script>
    expect(visible).toContain("<img src=x onerror=alert(1)></script>");
    expect(visible).toContain("<b>now</b>");
    expect(html).not.toContain("<img");
    expect(html.match(/<\/script>/g)).toHaveLength(1);
  });

  it("uses the merchant's wording for the button, the badge and the order note", async () => {
    // GIVEN custom texts in the theme editor
    const page = productPage({ variants: [{ id: 1, title: "Sage", policy: "CONTINUE", eta: summary() }] });

    // WHEN the block renders
    const { block, visible } = await renderBlock(page, {
      settings: { button_label: "backorder", button_text: "Order now, ships later", badge_text: "Made to order", property_name: "Promised" },
    });

    // THEN they replace the defaults
    expect(block?.attrs["data-button"]).toBe("Order now, ships later");
    expect(block?.attrs["data-prop"]).toBe("Promised");
    expect(visible).toContain("Made to order");
  });

  it("keeps the theme's button label when the merchant chose so", async () => {
    // GIVEN the "keep the theme's label" option
    const page = productPage({ variants: [{ id: 1, title: "Sage", policy: "CONTINUE", eta: summary() }] });

    // WHEN the block renders
    const { block } = await renderBlock(page, { settings: { button_label: "theme", button_text: "ignored" } });

    // THEN the script gets no label to apply
    expect(block?.attrs["data-button"]).toBe("");
  });

  it("hides the notify-me form when the merchant turned it off", async () => {
    // GIVEN a sold-out variant and the notify option off
    const page = productPage({ variants: [{ id: 7, title: "Terracotta", quantity: 0 }] });

    // WHEN the block renders
    const { visible } = await renderBlock(page, { settings: { show_notify: false } });

    // THEN nothing is offered
    expect(visible).toBe("");
  });
});

describe("the payment choice without JavaScript (deposit or pay later through the merchant's selling plan)", () => {
  const DEPOSIT = { kind: "deposit", sellingPlanId: "4938473", checkout: { type: "percentage", value: 20 }, balance: { trigger: "on_ready" } } as const;
  const radios = (block: HtmlNode) => all(block, (n) => n.tag === "input" && n.attrs.type === "radio");
  const fieldsetOf = (block: HtmlNode) => byAttr(block, "data-bp-pay")[0];

  it.each([
    { locale: "en", legend: "How would you like to pay?", full: "Pay in full now (€48.00)", plan: "Pay 20% now (€9.60), the rest when it ships" },
    { locale: "fr", legend: "Comment souhaitez-vous payer\u00a0?", full: "Payez la totalité maintenant (48,00\u00a0€)", plan: "Payez 20\u00a0% maintenant (9,60\u00a0€), le reste à l'expédition" },
  ])("offers paying in full or the plan, plan checked, tied to the theme's product form ($locale)", async ({ locale, legend, full, plan }) => {
    // GIVEN a €48 backordered variant whose summary carries a 20% deposit plan, in Horizon's product section
    const eta = summary({ payment: DEPOSIT });
    const page = productPage({ variants: [{ id: 1, title: "Sage", policy: "CONTINUE", price: "48.00", eta }] });

    // WHEN the block renders
    const { block, visible } = await renderBlock(page, { locale, sectionId: "template--123__main" });

    // THEN a fieldset with a legend offers both, with the real amounts, the plan checked
    const fieldset = fieldsetOf(block!)!;
    expect(fieldset.tag).toBe("fieldset");
    expect(isShown(fieldset)).toBe(true);
    expect("disabled" in fieldset.attrs).toBe(false);
    const normalise = (s: string) => s.replace(/\s+/g, " ");
    expect(visible).toContain(normalise(`${legend} ${full} ${plan}`));
    // and the radios are the form's selling_plan field: the plan id checked, paying in full posts none
    const [payFull, payPlan] = radios(fieldset);
    expect(payFull?.attrs).toMatchObject({ name: "selling_plan", value: "", form: "BuyButtons-ProductForm-template--123__main" });
    expect("checked" in payFull!.attrs).toBe(false);
    expect(payPlan?.attrs).toMatchObject({ name: "selling_plan", value: "4938473", form: "BuyButtons-ProductForm-template--123__main" });
    expect("checked" in payPlan!.attrs).toBe(true);
    // each radio is labelled by the text around it
    for (const radio of [payFull!, payPlan!]) expect(radio.parent?.tag).toBe("label");
  });

  it("ties the radios to Dawn's product form when the merchant says the theme is built like Dawn", async () => {
    // GIVEN the block in a Dawn product section
    const page = productPage({ variants: [{ id: 1, title: "Sage", policy: "CONTINUE", eta: summary({ payment: DEPOSIT }) }] });

    // WHEN it renders with the Dawn setting
    const { block } = await renderBlock(page, { sectionId: "template--9__main", settings: { product_form: "dawn" } });

    // THEN both radios name Dawn's form
    expect(radios(block!).map((r) => r.attrs.form)).toEqual(["product-form-template--9__main", "product-form-template--9__main"]);
  });

  it("offers only the plan when the product can only be sold with one", async () => {
    // GIVEN a product that requires a selling plan
    const page = productPage({ variants: [{ id: 1, title: "Sage", policy: "CONTINUE", eta: summary({ payment: DEPOSIT }) }], requiresSellingPlan: true });

    // WHEN the block renders
    const { block, visible } = await renderBlock(page);

    // THEN there is no "pay in full" radio; the plan's is checked
    expect(radios(block!).map((r) => r.attrs.value)).toEqual(["4938473"]);
    expect(visible).not.toContain("Pay in full");
  });

  it.each([
    ["an in-stock variant opened first", [{ id: 2, title: "Oat", quantity: 9 }, { id: 1, title: "Sage", policy: "CONTINUE" as const, eta: summary({ payment: DEPOSIT }) }], 2],
    ["a variant on \"always\" that is in stock", [{ id: 1, title: "Sage", quantity: 9, eta: summary({ mode: "always", backorder: false, payment: DEPOSIT }) }], 1],
    ["a sold-out variant that stopped selling", [{ id: 3, title: "Terracotta", quantity: 0, eta: summary({ payment: DEPOSIT }) }], 3],
    ["a backordered variant paid in full at checkout (no plan) next to one with a plan", [{ id: 4, title: "Charcoal", policy: "CONTINUE" as const, eta: summary() }, { id: 1, title: "Sage", policy: "CONTINUE" as const, eta: summary({ payment: DEPOSIT }) }], 4],
  ])("posts no plan for %s", async (_label, variants, selected) => {
    // GIVEN a product where some variant has a plan, opened on a variant that is not a backorder
    const page = productPage({ variants, selected });

    // WHEN the block renders
    const { block, visible } = await renderBlock(page, { sectionId: "main" });

    // THEN the choice is hidden and disabled, so the form posts no selling_plan, and says nothing
    const fieldset = fieldsetOf(block!)!;
    expect(isShown(fieldset)).toBe(false);
    expect("disabled" in fieldset.attrs).toBe(true);
    expect(visible).not.toMatch(/How would you like to pay|Pay in full|Pay 20%/);
  });

  it("renders no choice at all for a product without any plan", async () => {
    // GIVEN a backordered variant that is paid in full at checkout (no payment part)
    const page = productPage({ variants: [{ id: 1, title: "Sage", policy: "CONTINUE", eta: summary() }] });

    // WHEN the block renders
    const { block } = await renderBlock(page, { sectionId: "main" });

    // THEN there is no fieldset and no selling_plan field
    expect(fieldsetOf(block!)).toBeUndefined();
    expect(byAttr(block!, "name", "selling_plan")).toEqual([]);
  });

  it("embeds each variant's price for the script", async () => {
    // GIVEN variants with different prices
    const page = productPage({
      variants: [
        { id: 1, title: "Sage", policy: "CONTINUE", price: "48.00", eta: summary({ payment: DEPOSIT }) },
        { id: 2, title: "Large", policy: "CONTINUE", price: "58.50", eta: summary({ payment: DEPOSIT }) },
      ],
    });

    // WHEN the block renders
    const { data } = await renderBlock(page);

    // THEN the script gets them in minor units
    expect(data?.variants.map((v) => v.price)).toEqual([4800, 5850]);
  });
});
