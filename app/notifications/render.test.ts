// Rendering customer emails: every kind in English and French, escaping of customer-provided values, the
// plain-text part, and the checks a merchant's template must pass before it is saved.
import { describe, expect, it } from "vitest";
import { formatDate, formatDateRange } from "~/domain/format";
import { EMAIL_KINDS, dateLocale, emailLocale, parseEmailData, sampleData, type EmailKind } from "./kinds";
import { checkTemplate, cleanSubject, renderEmailFor, renderSample } from "./render.server";
import { defaultTemplate } from "./templates";

async function renderDefault<K extends EmailKind>(kind: K, locale: string, data = sampleData(kind, emailLocale(locale))) {
  return renderEmailFor({ kind, locale, data, source: defaultTemplate(kind, emailLocale(locale)) });
}

function confirmation(patch: Record<string, unknown> = {}) {
  const parsed = parseEmailData("backorder_confirmation", {
    orderName: "#1042",
    customerName: "Zoé Martin",
    lines: [{ productTitle: "Tasse", variantTitle: "Bleu", quantity: 2, earliest: "2026-12-14", latest: "2026-12-18" }],
    termsVersion: 2,
    ...patch,
  });
  if (!parsed.success) throw parsed.error;
  return parsed.data;
}

describe("default templates", () => {
  it.each(EMAIL_KINDS.flatMap((kind) => (["en", "fr"] as const).map((locale) => [kind, locale] as const)))(
    "render %s in %s with a subject, an HTML body in that language and a plain-text part",
    async (kind, locale) => {
      // GIVEN the kind's sample data
      // WHEN the built-in template renders it
      const email = await renderDefault(kind, locale);

      // THEN the subject is one line, the HTML is a full document in that language, and the text has no tags
      expect(email.subject).not.toBe("");
      expect(email.subject).not.toMatch(/[\r\n]/);
      expect(email.html).toMatch(new RegExp(`^<!DOCTYPE html>\\s*<html lang="${locale}">`));
      expect(email.text).not.toMatch(/<[a-z/][^>]*>/i);
      expect(email.text.length).toBeGreaterThan(50);
    },
  );

  it("writes the confirmation's lines with their date ranges in English", async () => {
    // GIVEN an order with two owed lines, one crossing the year
    const data = sampleData("backorder_confirmation", "en");

    // WHEN it renders for an English customer
    const email = await renderDefault("backorder_confirmation", "en", data);

    // THEN each line shows quantity, product, variant and its localized range
    expect(email.subject).toBe("Order #1001: your backordered items");
    expect(email.text).toContain("2 × Stoneware mug (Sand / Large)");
    expect(email.text).toContain(formatDateRange({ earliest: "2026-12-14", latest: "2026-12-18" }, "en"));
    expect(email.text).toContain(formatDateRange({ earliest: "2026-12-28", latest: "2027-01-06" }, "en"));
    // AND Shopify's "Default Title" variant is not shown
    expect(email.text).not.toContain("Default Title");
    expect(email.text).toMatch(/1 × Linen tea towel\s/);
  });

  it("writes the confirmation in French with French dates", async () => {
    // GIVEN a French customer ("fr-CA")
    // WHEN the confirmation renders
    const email = await renderDefault("backorder_confirmation", "fr-CA", sampleData("backorder_confirmation", "fr"));

    // THEN the French template is used and dates read the French way
    expect(email.subject).toBe("Commande #1001 : vos articles en précommande");
    expect(email.text).toContain("Bonjour Camille Dupont,");
    expect(email.text).toContain(formatDateRange({ earliest: "2026-12-14", latest: "2026-12-18" }, "fr-CA"));
    expect(email.text).toMatch(/déc\./);
  });

  it("formats dates in the customer's own English (en-US: month first)", async () => {
    // GIVEN an American customer
    // WHEN the confirmation renders
    const email = await renderDefault("backorder_confirmation", "en-US", sampleData("backorder_confirmation", "en"));

    // THEN the range is month-first, unlike the default day-first English
    expect(email.text).toContain(formatDateRange({ earliest: "2026-12-14", latest: "2026-12-18" }, "en-US"));
    expect(formatDateRange({ earliest: "2026-12-14", latest: "2026-12-18" }, "en-US")).toMatch(/^Dec/);
  });

  it("tells a delayed customer the old date, the new range and their right to cancel for a refund", async () => {
    // GIVEN a delay from 18 Dec to 11–15 Jan
    // WHEN the delay notice renders in English and in French
    const en = await renderDefault("delay_notice", "en");
    const fr = await renderDefault("delay_notice", "fr");

    // THEN both state the previous date, the new range and the right to cancel for a full refund
    expect(en.text).toContain(formatDate("2026-12-18", "en"));
    expect(en.text).toContain(formatDateRange({ earliest: "2027-01-11", latest: "2027-01-15" }, "en"));
    expect(en.text).toMatch(/right to cancel these items and be refunded in full/);
    expect(fr.text).toContain(formatDateRange({ earliest: "2027-01-11", latest: "2027-01-15" }, "fr"));
    expect(fr.text).toMatch(/droit d’annuler ces articles et d’être remboursé intégralement/);
    // AND both offer the customer's two links: wait, or cancel for a refund
    const sample = sampleData("delay_notice", "en");
    expect(en.html).toContain(`<a href="${sample.waitUrl}"`);
    expect(en.html).toContain(`<a href="${sample.cancelUrl}"`);
    expect(en.text).toMatch(/I’ll wait for the new date/);
    expect(en.text).toMatch(/Cancel these items for a refund/);
    expect(fr.text).toMatch(/J’attends la nouvelle date/);
    expect(fr.text).toMatch(/Annuler ces articles et être remboursé/);
  });

  it("confirms a cancellation with the items and the refund, for some items or the whole order, in both languages", async () => {
    // GIVEN two backordered mugs cancelled for €84.00
    // WHEN the cancellation email renders in English and French, then for a whole order
    const en = await renderDefault("cancellation", "en");
    const fr = await renderDefault("cancellation", "fr");
    const whole = await renderDefault("cancellation", "en", { ...sampleData("cancellation", "en"), wholeOrder: true });
    // THEN each names the items and the refund, and says whether the rest of the order goes on
    expect(en.subject).toBe("Order #1001: backordered items cancelled and refunded");
    expect(en.text).toContain("2 × Stoneware mug (Sand / Large)");
    expect(en.text).toContain("We have refunded €84.00 to your original payment method");
    expect(en.text).toContain("The rest of your order is not affected.");
    expect(fr.subject).toBe("Commande #1001 : articles en précommande annulés et remboursés");
    expect(fr.text).toContain("Nous vous avons remboursé 84,00 € sur votre moyen de paiement d’origine");
    expect(whole.subject).toBe("Order #1001: cancelled and refunded");
    expect(whole.text).not.toContain("The rest of your order");
  });

  it("words the right to cancel without links when an email has none (a template preview, an old row)", async () => {
    // GIVEN a delay notice whose data carries no links
    const data = { ...sampleData("delay_notice", "en"), waitUrl: "", cancelUrl: "" };
    // WHEN it renders
    const email = await renderDefault("delay_notice", "en", data);
    // THEN the customer is told to contact the shop, and no link is printed
    expect(email.text).toMatch(/right to cancel these items: contact us and we will refund them in full/);
    expect(email.html).not.toContain("choice?t=");
  });

  it.each([
    ["fr", 1, ["arrivera plus tard", "Votre article est retardé", "annuler cet article", "il partira dès son arrivée"]],
    ["fr", 2, ["arriveront plus tard", "Vos articles sont retardés", "annuler ces articles", "ils partiront dès leur arrivée"]],
    ["en", 1, ["Your item is delayed", "cancel this item", "Cancel this item for a refund", "it will ship as soon as it arrives"]],
    ["en", 2, ["Your items are delayed", "cancel these items", "Cancel these items for a refund", "they will ship as soon as they arrive"]],
  ] as const)("makes the %s delay notice agree with a quantity of %i", async (locale, quantity, phrases) => {
    // GIVEN a delay for that many units of one item
    const data = { ...sampleData("delay_notice", locale), quantity };
    // WHEN the built-in template renders it
    const email = await renderDefault("delay_notice", locale, data);
    // THEN the verbs and pronouns agree with the quantity
    for (const phrase of phrases) expect(email.text).toContain(phrase);
  });

  it.each([
    ["fr", 1, ["votre article arrive plus tôt", "devrait arriver", "il partira"]],
    ["fr", 3, ["vos articles arrivent plus tôt", "devraient arriver", "ils partiront"]],
    ["en", 3, ["your items are coming sooner", "they will ship as soon as they arrive"]],
  ] as const)("makes the %s earlier-date email agree with a quantity of %i", async (locale, quantity, phrases) => {
    // GIVEN an earlier date for that many units
    const data = { ...sampleData("earlier_date", locale), quantity };
    // WHEN the built-in template renders it
    const email = await renderDefault("earlier_date", locale, data);
    // THEN the verbs agree with the quantity
    for (const phrase of phrases) expect(email.text.replace(/\s+/g, " ")).toContain(phrase);
  });

  it("lists what is ready to ship", async () => {
    // GIVEN two allocated lines
    const parsed = parseEmailData("ready_to_ship", {
      orderName: "#77",
      customerName: null,
      lines: [
        { productTitle: "Bol", variantTitle: "Default Title", quantity: 1 },
        { productTitle: "Assiette", variantTitle: "Grande", quantity: 4 },
      ],
    });
    if (!parsed.success) throw parsed.error;

    // WHEN the French email renders for a customer without a name
    const email = await renderDefault("ready_to_ship", "fr", parsed.data);

    // THEN both lines appear and the greeting needs no name
    expect(email.subject).toBe("Commande #77 : vos articles en précommande sont prêts à partir");
    expect(email.text).toContain("Bonjour,");
    expect(email.text).toContain("1 × Bol");
    expect(email.text).toContain("4 × Assiette (Grande)");
  });

  it("links the back-in-stock email to the product and to its unsubscribe page", async () => {
    // GIVEN a product URL with a query string and an unsubscribe URL
    const parsed = parseEmailData("back_in_stock", {
      productTitle: "Vase",
      variantTitle: "Noir",
      productUrl: "https://shop.example/products/vase?variant=9&ref=alert",
      unsubscribeUrl: "https://app.example/unsubscribe/tok123",
    });
    if (!parsed.success) throw parsed.error;

    // WHEN it renders in English
    const email = await renderDefault("back_in_stock", "en", parsed.data);

    // THEN the HTML links are attribute-escaped and the text part keeps both URLs
    expect(email.subject).toBe("Vase is back in stock");
    expect(email.html).toContain('href="https://shop.example/products/vase?variant=9&amp;ref=alert"');
    expect(email.html).toContain('href="https://app.example/unsubscribe/tok123"');
    expect(email.text).toContain("Shop now (https://shop.example/products/vase?variant=9&ref=alert)");
    expect(email.text).toContain("Unsubscribe (https://app.example/unsubscribe/tok123)");
  });
});

describe("customer-provided values", () => {
  const hostile = `<script>alert("x")</script><img src=x onerror=alert(1)> O'Brien & Co`;

  it("are HTML-escaped in the body and kept readable in the text part", async () => {
    // GIVEN a customer name and a product title carrying markup
    const data = confirmation({
      customerName: hostile,
      lines: [{ productTitle: `<b>Mug</b>`, variantTitle: "", quantity: 1, earliest: "2026-12-14", latest: "2026-12-14" }],
    });

    // WHEN the confirmation renders
    const email = await renderDefault("backorder_confirmation", "en", data);

    // THEN no markup from the data reaches the HTML
    expect(email.html).not.toContain("<script>");
    expect(email.html).not.toContain("<img");
    expect(email.html).not.toContain("<b>Mug</b>");
    expect(email.html).toContain("&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;");
    expect(email.html).toContain("O&#39;Brien &amp; Co");
    // AND the plain text shows the name exactly as typed
    expect(email.text).toContain(`Hi ${hostile},`);
  });

  it("are not escaped in the subject, which is a header, and cannot break it into two lines", async () => {
    // GIVEN an order name with an apostrophe and a line break
    const data = confirmation({ orderName: "#1 O'Brien\r\nBcc: victim@example.com" });

    // WHEN the subject renders
    const email = await renderDefault("backorder_confirmation", "en", data);

    // THEN it is one line, with the apostrophe as typed
    expect(email.subject).toBe("Order #1 O'Brien Bcc: victim@example.com: your backordered items");
  });

  it("cannot be unescaped by a merchant's template: `raw` is not a filter", async () => {
    // GIVEN a template that tries to output the customer name raw
    const source = { subject: "Hi", body: "<p>{{ customer_name | raw }}</p>" };

    // WHEN it is checked before saving
    const check = await checkTemplate("backorder_confirmation", "en", source);

    // THEN it is refused with liquidjs's message
    expect(check).toMatchObject({ ok: false, errors: { body: { detail: "undefined filter: raw" } } });
  });

  it("are escaped once even when a template copied from Shopify adds `| escape`", async () => {
    // GIVEN a body that escapes explicitly, as Shopify templates do
    const source = { subject: "{{ order_name }}", body: "<p>{{ customer_name | escape }}</p>" };

    // WHEN it renders with a name holding an ampersand
    const email = await renderEmailFor({
      kind: "backorder_confirmation",
      locale: "en",
      data: confirmation({ customerName: "Tom & Jerry" }),
      source,
    });

    // THEN the ampersand is escaped exactly once
    expect(email.html).toContain("<p>Tom &amp; Jerry</p>");
  });

  it("keep merchant line breaks as <br> without letting markup through (newline_to_br)", async () => {
    // GIVEN terms with a line break and markup
    const source = { subject: "x", body: "<p>{{ terms.payment | newline_to_br }}</p>" };

    // WHEN it renders
    const email = await renderEmailFor({
      kind: "backorder_confirmation",
      locale: "en",
      data: confirmation(),
      source,
      context: { terms: { payment: "Line <one>\nLine two", shipping: "", cancellation: "" } },
    });

    // THEN the break is a <br> and the markup is text
    expect(email.html).toContain("<p>Line &lt;one&gt;<br>\nLine two</p>");
  });
});

describe("checking a merchant's template before saving", () => {
  it("accepts every built-in template", async () => {
    for (const kind of EMAIL_KINDS) {
      for (const locale of ["en", "fr"] as const) {
        // GIVEN / WHEN the built-in template is checked
        const check = await checkTemplate(kind, locale, defaultTemplate(kind, locale));
        // THEN it passes
        expect(check.ok, `${kind}/${locale}`).toBe(true);
      }
    }
  });

  it.each([
    ["an unclosed tag", "{% if customer_name %}Hi", /not closed/],
    ["an unknown filter", "{{ order_name | shout }}", /undefined filter: shout/],
    ["a file include", "{% include 'secrets' %}", /tag "include" not found/],
    ["a render of a snippet", "{% render 'header' %}", /tag "render" not found/],
    ["a layout", "{% layout 'base' %}", /tag "layout" not found/],
  ])("refuses %s with liquidjs's error and its position", async (_name, body, message) => {
    // GIVEN a body with the problem
    // WHEN it is checked
    const check = await checkTemplate("delay_notice", "en", { subject: "Delay", body });

    // THEN the body field carries liquidjs's detail, and its line and column apart (for a translated sentence)
    expect(check.ok).toBe(false);
    if (check.ok) return;
    expect(check.errors.body?.detail).toMatch(message);
    expect(check.errors.body?.detail).not.toMatch(/line:\d+/);
    expect(check.errors.body).toMatchObject({ line: 1, column: expect.any(Number) });
    expect(check.errors.subject).toBeUndefined();
  });

  it("reports the line and column of a problem further down the body", async () => {
    // GIVEN a body whose unknown filter sits on its third line, after two spaces
    const body = "<p>Hello</p>\n<p>\n  {{ order_name | shout }}</p>";
    // WHEN it is checked
    const check = await checkTemplate("delay_notice", "en", { subject: "Delay", body });
    // THEN the position is line 3, column 3
    expect(check).toMatchObject({ ok: false, errors: { body: { detail: "undefined filter: shout", line: 3, column: 3 } } });
  });

  it("reports a broken subject on the subject field", async () => {
    // GIVEN a subject with an unclosed output
    // WHEN it is checked
    const check = await checkTemplate("ready_to_ship", "fr", { subject: "Commande {{ order_name", body: "<p>ok</p>" });

    // THEN only the subject is in error
    expect(check).toMatchObject({ ok: false, errors: { subject: { detail: expect.stringMatching(/not closed/) } } });
    if (!check.ok) expect(check.errors.body).toBeUndefined();
  });

  it("stops a runaway loop instead of hanging", async () => {
    // GIVEN a loop over a hundred million items
    const body = "{% for i in (1..100000000) %}{{ i }}{% endfor %}";

    // WHEN it is checked
    const started = Date.now();
    const check = await checkTemplate("ready_to_ship", "en", { subject: "x", body });

    // THEN it fails on a render limit, quickly
    expect(check).toMatchObject({ ok: false, errors: { body: { detail: expect.stringMatching(/limit/) } } });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("renders unknown variables as empty and hides prototype properties", async () => {
    // GIVEN a body reading a variable that does not exist and a prototype property
    const result = await renderSample("ready_to_ship", "en", {
      subject: "x",
      body: "[{{ no_such_thing }}][{{ customer_name.constructor }}][{{ lines.constructor.name }}]",
    });

    // THEN both are empty
    expect(result).toMatchObject({ ok: true });
    if (result.ok) expect(result.rendered.html).toContain("[][][]");
  });

  it("refuses a back-in-stock body without the unsubscribe link", async () => {
    // GIVEN a back-in-stock body that dropped {{ unsubscribe_url }}
    const source = { subject: "Back!", body: '<a href="{{ product_url }}">Buy</a>' };

    // WHEN it is checked
    const check = await checkTemplate("back_in_stock", "en", source);

    // THEN it is refused on the body, naming the variable
    expect(check).toEqual({ ok: false, errors: { body: { detail: "unsubscribe_url", line: null, column: null } }, problem: "required_variable" });
  });

  it("refuses a subject that renders empty", async () => {
    // GIVEN a subject that prints nothing
    // WHEN it is checked
    const check = await checkTemplate("ready_to_ship", "en", { subject: "{{ nothing }}  ", body: "<p>x</p>" });

    // THEN it is refused
    expect(check).toMatchObject({ ok: false, problem: "empty_subject" });
  });
});

describe("locales and subjects", () => {
  it.each([
    ["fr", "fr", "fr"],
    ["fr-CA", "fr", "fr-CA"],
    ["FR_fr", "fr", "fr"],
    ["en-US", "en", "en-US"],
    ["de", "en", "en"],
    ["", "en", "en"],
    ["not a locale!", "en", "en"],
  ])("%j picks the %s template and writes dates as %s", (locale, template, dates) => {
    // GIVEN / WHEN / THEN
    expect(emailLocale(locale)).toBe(template);
    expect(dateLocale(locale)).toBe(dates);
  });

  it("keeps subjects to one bounded line", () => {
    // GIVEN a subject with control characters and a huge length
    // WHEN it is cleaned
    const subject = cleanSubject(`A\tB\u0000C\n${"x".repeat(400)}`);

    // THEN it is one line of at most 250 characters
    expect(subject.startsWith("A B C x")).toBe(true);
    expect(subject.length).toBe(250);
  });
});

describe("email data", () => {
  it("refuses data that does not match the kind", () => {
    // GIVEN a delay notice whose dates are not ISO dates and whose range is reversed
    // WHEN it is validated
    const bad = parseEmailData("delay_notice", {
      orderName: "#1",
      productTitle: "Mug",
      quantity: 1,
      previousLatest: "18/12/2026",
      earliest: "2027-01-15",
      latest: "2027-01-11",
    });

    // THEN it fails, naming the field
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.error.issues.map((i) => i.path.join("."))).toContain("previousLatest");
  });
});
