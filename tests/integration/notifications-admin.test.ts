// The notifications admin pages through real requests (session tokens, authenticate.admin, the Admin
// fake): editing templates, preview, test sends through the outbox, the mailbox, and retrying failures.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { action, loader } from "~/routes/app.notifications._index";
import { action as emailAction, loader as emailLoader } from "~/routes/app.notifications.emails.$id";
import { defaultTemplate } from "~/notifications/templates";
import { callRoute } from "../helpers/routes";
import { TEST_SHOP, appUrl, embeddedDocumentRequest, embeddedFetchRequest, forgedSessionToken } from "../helpers/requests";
import { installFakeShop } from "../helpers/shop";

const OTHER_SHOP = "other-shop.myshopify.com";

function form(fields: Record<string, string>): FormData {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.set(key, value);
  return body;
}

async function post(fields: Record<string, string>, query = "") {
  const request = await embeddedFetchRequest(`/app/notifications?index${query}`, { init: { method: "POST", body: form(fields) } });
  return callRoute(action, request);
}

async function load(query = "") {
  return callRoute(loader, await embeddedDocumentRequest(`/app/notifications${query}`));
}

const template = (patch: Record<string, string> = {}) => ({
  kind: "delay_notice",
  locale: "en",
  subject: "Delay on {{ order_name }}",
  body: "<p>Sorry {{ customer_name }}, new date {{ earliest | date_range: latest }}.</p>",
  ...patch,
});

async function seedEmail(patch: Partial<Parameters<typeof prisma.emailOutbox.create>[0]["data"]> = {}) {
  return prisma.emailOutbox.create({
    data: {
      shop: TEST_SHOP,
      dedupeKey: `seed:${Math.random()}`,
      kind: "ready_to_ship",
      toEmail: "ada@example.com",
      subject: "Your items are ready",
      html: "<!DOCTYPE html><html><body><p>Ready</p></body></html>",
      text: "Ready",
      ...patch,
    },
  });
}

beforeEach(async () => {
  await prisma.emailTemplate.deleteMany({});
  await prisma.emailOutbox.deleteMany({});
  await prisma.session.deleteMany({});
});

describe("notifications page loader", () => {
  it("shows the built-in template with a preview, an empty outbox and the local mailbox warning", async () => {
    // GIVEN an installed shop that customized nothing
    await installFakeShop();

    // WHEN the merchant opens the page
    const response = await load();

    // THEN the first kind's English default is in the editor, previewed with sample data
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.editor.target).toEqual({ kind: "backorder_confirmation", locale: "en" });
    expect(body.editor.template).toEqual({ ...defaultTemplate("backorder_confirmation", "en"), customized: false });
    expect(body.editor.preview.subject).toBe("Order #1001: your backordered items");
    expect(body.editor.variables).toContain("lines[].earliest");
    // AND the outbox is empty, in mailbox mode (no SMTP_URL in tests)
    expect(body.outbox).toMatchObject({ mode: "mailbox", filter: "all", emails: [] });
    // AND no text: the page translates with the messages the root loader sent (useT)
    expect(body).not.toHaveProperty("text");
  });

  it("opens the template chosen in the URL, in French when the admin is French", async () => {
    // GIVEN an installed shop
    await installFakeShop();

    // WHEN a French-speaking merchant opens the French back-in-stock template
    const response = await load("?kind=back_in_stock&lang=fr&locale=fr-FR");

    // THEN that template is loaded and the page speaks French
    const body = await response.json();
    expect(body.editor.target).toEqual({ kind: "back_in_stock", locale: "fr" });
    expect(body.editor.preview.subject).toBe("Tasse en grès est de retour en stock");
  });

  it("lists only this shop's emails, newest first, and filters the failed ones", async () => {
    // GIVEN a sent, a dead and a retrying email here, and one in another shop
    await installFakeShop();
    await seedEmail({ subject: "sent", status: "sent", messageId: "mailbox:x", createdAt: new Date("2026-11-01T10:00:00Z") });
    await seedEmail({ subject: "dead", status: "dead", attempts: 6, lastError: "421 down", createdAt: new Date("2026-11-02T10:00:00Z") });
    await seedEmail({ subject: "retrying", status: "pending", attempts: 1, lastError: "421 down", createdAt: new Date("2026-11-03T10:00:00Z") });
    await prisma.emailOutbox.create({
      data: { shop: OTHER_SHOP, dedupeKey: "x", kind: "test", toEmail: "o@example.com", subject: "other", html: "", text: "" },
    });

    // WHEN the outbox is listed, then filtered to failures
    const all = (await (await load()).json()).outbox;
    const failed = (await (await load("?filter=failed")).json()).outbox;

    // THEN the statuses read as the merchant needs them, and the other shop's email never shows
    expect(all.emails.map((e: { subject: string; status: string; retryable: boolean }) => [e.subject, e.status, e.retryable])).toEqual([
      ["retrying", "retrying", true],
      ["dead", "dead", true],
      ["sent", "mailbox", false],
    ]);
    expect(all.counts).toMatchObject({ sent: 1, dead: 1, pending: 1, failing: 1 });
    expect(failed.emails.map((e: { subject: string }) => e.subject)).toEqual(["retrying", "dead"]);
    expect(failed.emails[1].lastError).toBe("421 down");
  });
});

describe("saving a template", () => {
  it("stores a valid template and shows it as customized", async () => {
    // GIVEN an installed shop
    await installFakeShop();

    // WHEN the merchant saves an edited delay notice
    const response = await post({ intent: "save", ...template() });

    // THEN it is stored for the shop, and the page shows it
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ intent: "save", ok: true, message: "Template saved" });
    const stored = await prisma.emailTemplate.findMany({ where: { shop: TEST_SHOP } });
    expect(stored).toMatchObject([{ kind: "delay_notice", locale: "en", subject: template().subject, body: template().body }]);
    const page = await (await load("?kind=delay_notice&lang=en")).json();
    expect(page.editor.template.customized).toBe(true);
    expect(page.editor.customized.delay_notice).toEqual({ en: true, fr: false });
    expect(page.editor.preview.subject).toBe("Delay on #1001");
  });

  it("stores textarea CRLF line breaks as LF", async () => {
    // GIVEN an installed shop
    await installFakeShop();

    // WHEN a body arrives with CRLF line breaks
    await post({ intent: "save", ...template({ body: "<p>a</p>\r\n<p>b</p>" }) });

    // THEN it is stored with LF
    expect((await prisma.emailTemplate.findFirst({ where: { shop: TEST_SHOP } }))?.body).toBe("<p>a</p>\n<p>b</p>");
  });

  it("refuses invalid Liquid with the parse error next to the field and saves nothing", async () => {
    // GIVEN an installed shop with a saved template
    await installFakeShop();
    await post({ intent: "save", ...template() });

    // WHEN the merchant saves a body with an unclosed tag and an unknown filter in the subject
    const response = await post({
      intent: "save",
      ...template({ subject: "Delay {{ order_name | shout }}", body: "{% if customer_name %}Hello" }),
    });

    // THEN the action answers 400 with a sentence per field: where (line, column), then liquidjs's detail
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.ok).toBe(false);
    expect(body.banner).toBe("The template was not saved. Fix the errors below.");
    expect(body.errors.subject).toMatch(/^Invalid Liquid at line 1, column \d+: undefined filter: shout$/);
    expect(body.errors.body).toBe("Invalid Liquid at line 1, column 1: tag {% if customer_name %} not closed");
    // AND the stored template did not change
    const stored = await prisma.emailTemplate.findMany({ where: { shop: TEST_SHOP } });
    expect(stored.map((t) => t.subject)).toEqual([template().subject]);
  });

  it("says where the Liquid breaks in the admin's language, keeping liquidjs's detail", async () => {
    // GIVEN an installed shop, and a French-speaking merchant (the admin's locale header, as on later pages)
    await installFakeShop();
    const request = await embeddedFetchRequest("/app/notifications?index", {
      init: {
        method: "POST",
        headers: { "X-Admin-Locale": "fr-FR" },
        body: form({ intent: "save", ...template({ body: "<p>Bonjour</p>\n<p>\n  {{ customer_name | crier }}</p>" }) }),
      },
    });

    // WHEN a body with an unknown filter on its third line is saved
    const response = await callRoute(action, request);

    // THEN the field error is a French sentence with the line and column, then liquidjs's own words
    expect(response.status).toBe(400);
    expect((await response.json()).errors.body).toMatch(/^Liquid invalide à la ligne 3, colonne \d+ : undefined filter: crier$/);
  });

  it.each([
    ["an empty subject", { subject: "   " }, "subject", "Required"],
    ["a file include", { body: "{% include 'x' %}" }, "body", 'Invalid Liquid at line 1, column 1: tag "include" not found'],
    ["an unknown kind", { kind: "newsletter" }, "kind", "Invalid value"],
  ])("refuses %s and saves nothing", async (_name, patch, field, message) => {
    // GIVEN an installed shop
    await installFakeShop();

    // WHEN the template is saved
    const response = await post({ intent: "save", ...template(patch) });

    // THEN the field carries the error and nothing is stored
    expect(response.status).toBe(400);
    expect((await response.json()).errors[field]).toBe(message);
    expect(await prisma.emailTemplate.count()).toBe(0);
  });

  it("refuses a back-in-stock template without the unsubscribe link", async () => {
    // GIVEN an installed shop
    await installFakeShop();

    // WHEN the merchant removes {{ unsubscribe_url }} from the French back-in-stock body
    const response = await post({
      intent: "save",
      kind: "back_in_stock",
      locale: "fr",
      subject: "{{ product_title }} est là",
      body: '<a href="{{ product_url }}">Voir</a>',
    }, "&locale=fr");

    // THEN it is refused, in French
    expect(response.status).toBe(400);
    expect((await response.json()).errors.body).toBe("Cet e-mail doit contenir {{ unsubscribe_url }} (le lien de désinscription).");
    expect(await prisma.emailTemplate.count()).toBe(0);
  });

  it("resets a customized template to the built-in one", async () => {
    // GIVEN a customized template
    await installFakeShop();
    await post({ intent: "save", ...template() });

    // WHEN the merchant resets it
    const response = await post({ intent: "reset", kind: "delay_notice", locale: "en" });

    // THEN the row is gone and the editor shows the default
    expect(await response.json()).toEqual({ intent: "reset", ok: true, message: "Template reset to default" });
    expect(await prisma.emailTemplate.count()).toBe(0);
    const page = await (await load("?kind=delay_notice&lang=en")).json();
    expect(page.editor.template).toEqual({ ...defaultTemplate("delay_notice", "en"), customized: false });
  });

  it("saves only for the authenticated shop and ignores a shop field in the form", async () => {
    // GIVEN another shop's template
    await installFakeShop();
    await prisma.emailTemplate.create({ data: { shop: OTHER_SHOP, kind: "delay_notice", locale: "en", subject: "theirs", body: "theirs" } });

    // WHEN this shop saves, naming the other shop in the form
    await post({ intent: "save", shop: OTHER_SHOP, ...template() });

    // THEN the other shop's template is untouched
    expect((await prisma.emailTemplate.findFirst({ where: { shop: OTHER_SHOP } }))?.subject).toBe("theirs");
    expect((await prisma.emailTemplate.findFirst({ where: { shop: TEST_SHOP } }))?.subject).toBe(template().subject);
  });

  it("refuses a post with a forged session token and saves nothing", async () => {
    // GIVEN an installed shop
    await installFakeShop();

    // WHEN a save is posted with a token signed by someone else
    const request = new Request(appUrl("/app/notifications?index"), {
      method: "POST",
      body: form({ intent: "save", ...template() }),
      headers: { Authorization: `Bearer ${await forgedSessionToken()}` },
    });
    const response = await callRoute(action, request);

    // THEN it is refused
    expect(response.status).toBe(401);
    expect(await prisma.emailTemplate.count()).toBe(0);
  });
});

describe("live preview", () => {
  it("renders the unsaved template with sample data", async () => {
    // GIVEN an installed shop
    await installFakeShop();

    // WHEN the editor asks for a preview of unsaved text
    const response = await post({ intent: "preview", ...template() });

    // THEN the rendered email comes back, and nothing is stored
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.preview.subject).toBe("Delay on #1001");
    expect(body.preview.html).toContain("Sorry Ada Lovelace, new date");
    expect(body.preview.text).toMatch(/^Sorry Ada Lovelace, new date 11\s?–\s?15 Jan\.$/);
    expect(await prisma.emailTemplate.count()).toBe(0);
  });

  it("returns the parse error instead of a preview for invalid Liquid", async () => {
    // GIVEN an installed shop
    await installFakeShop();

    // WHEN the preview is asked for a broken body
    const response = await post({ intent: "preview", ...template({ body: "{{ customer_name" }) });

    // THEN the error is returned for the body field
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual({ body: expect.stringMatching(/^Invalid Liquid at line 1, column 1: output "\{\{ customer_name" not closed/) });
  });
});

describe("sending a test", () => {
  it("sends the edited template through the outbox to the local mailbox", async () => {
    // GIVEN an installed shop without SMTP
    await installFakeShop();

    // WHEN the merchant sends a test of unsaved text to an address
    const response = await post({ intent: "test", to: "merchant@example.com", ...template() });

    // THEN the test went through the outbox and was delivered to the mailbox at once
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ intent: "test", ok: true, message: "Test email delivered to the local mailbox" });
    const rows = await prisma.emailOutbox.findMany({ where: { shop: TEST_SHOP } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      kind: "test",
      toEmail: "merchant@example.com",
      subject: "[Test] Delay on #1001",
      status: "sent",
      attempts: 1,
      messageId: `mailbox:${rows[0]?.id}`,
    });
    // AND it shows in the outbox as a mailbox message
    const page = await (await load()).json();
    expect(page.outbox.emails).toMatchObject([{ kind: "test", status: "mailbox", subject: "[Test] Delay on #1001" }]);
  });

  it("sends to the shop's email address when no address is given", async () => {
    // GIVEN a shop whose owner email is known to Shopify
    const fake = await installFakeShop();

    // WHEN the merchant sends a test without an address
    const response = await post({ intent: "test", to: "", ...template() });

    // THEN it went to the shop's email, read from the Admin API
    expect(response.status).toBe(200);
    expect((await prisma.emailOutbox.findFirst({ where: { shop: TEST_SHOP } }))?.toEmail).toBe(fake.store.shop.email.toLowerCase());
    expect(fake.calls.map((call) => call.operationName)).toEqual(["BackorderPilotShopEmail"]);
  });

  it("refuses an invalid address and a broken template without queueing anything", async () => {
    // GIVEN an installed shop
    await installFakeShop();

    // WHEN a test is sent to a bad address, then with a broken body
    const badAddress = await post({ intent: "test", to: "not-an-address", ...template() });
    const badTemplate = await post({ intent: "test", to: "m@example.com", ...template({ body: "{% for %}" }) });

    // THEN both are 400 with the error beside the field
    expect(badAddress.status).toBe(400);
    expect((await badAddress.json()).errors).toEqual({ to: "Enter a valid email address." });
    expect(badTemplate.status).toBe(400);
    expect((await badTemplate.json()).errors.body).toMatch(/^Invalid Liquid at line 1, column 1: /);
    expect(await prisma.emailOutbox.count()).toBe(0);
  });
});

describe("test send limit", () => {
  it("refuses more than 20 test sends an hour so the app's mail server is not a relay", async () => {
    // GIVEN a shop that sent 20 tests in the last hour
    await installFakeShop();
    for (let i = 0; i < 20; i += 1) await seedEmail({ kind: "test", status: "sent" });

    // WHEN it sends one more
    const response = await post({ intent: "test", to: "m@example.com", ...template() });

    // THEN it is refused and nothing is queued
    expect(response.status).toBe(429);
    expect((await response.json()).banner).toBe("You sent 20 test emails in the last hour. Try again later.");
    expect(await prisma.emailOutbox.count()).toBe(20);
  });
});

describe("retrying and reading outbox emails", () => {
  it("retries a dead email with a fresh set of attempts", async () => {
    // GIVEN a dead email
    await installFakeShop();
    const dead = await seedEmail({ status: "dead", attempts: 6, lastError: "421 down", nextAttemptAt: new Date("2026-01-01T00:00:00Z") });

    // WHEN the merchant clicks retry
    const response = await post({ intent: "retry", id: dead.id });

    // THEN it is pending again, due now, with its last error kept for reference
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ intent: "retry", ok: true, message: "Email queued for another attempt" });
    const row = await prisma.emailOutbox.findUnique({ where: { id: dead.id } });
    expect(row).toMatchObject({ status: "pending", attempts: 0, lastError: "421 down" });
    expect(row!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("refuses to retry an email that was sent", async () => {
    // GIVEN a sent email
    await installFakeShop();
    const sent = await seedEmail({ status: "sent", messageId: "mailbox:1" });

    // WHEN retry is posted for it
    const response = await post({ intent: "retry", id: sent.id });

    // THEN it is a conflict and the email stays sent
    expect(response.status).toBe(409);
    expect((await prisma.emailOutbox.findUnique({ where: { id: sent.id } }))?.status).toBe("sent");
  });

  it("answers 404 for another shop's email, on the page and on its detail route, and changes nothing", async () => {
    // GIVEN a dead email that belongs to another shop
    await installFakeShop();
    const theirs = await prisma.emailOutbox.create({
      data: { shop: OTHER_SHOP, dedupeKey: "t", kind: "delay_notice", toEmail: "o@example.com", subject: "Theirs", html: "<p>secret</p>", text: "secret", status: "dead", attempts: 6 },
    });

    // WHEN this shop retries it, and opens it
    const retry = await post({ intent: "retry", id: theirs.id });
    const detailRetry = await callRoute(
      emailAction,
      await embeddedFetchRequest(`/app/notifications/emails/${theirs.id}`, { init: { method: "POST", body: form({ intent: "retry" }) } }),
      { id: theirs.id },
    );
    const detail = await callRoute(emailLoader, await embeddedDocumentRequest(`/app/notifications/emails/${theirs.id}`), { id: theirs.id });

    // THEN every one is 404 and the email is still dead
    expect([retry.status, detailRetry.status, detail.status]).toEqual([404, 404, 404]);
    expect((await prisma.emailOutbox.findUnique({ where: { id: theirs.id } }))?.status).toBe("dead");
  });

  it("shows an email's rendered content from the local mailbox", async () => {
    // GIVEN a test email delivered to the mailbox
    await installFakeShop();
    await post({ intent: "test", to: "merchant@example.com", ...template() });
    const email = await prisma.emailOutbox.findFirstOrThrow({ where: { shop: TEST_SHOP } });

    // WHEN the merchant opens it
    const response = await callRoute(emailLoader, await embeddedDocumentRequest(`/app/notifications/emails/${email.id}`), { id: email.id });

    // THEN its subject, HTML and text are there
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.email).toMatchObject({ subject: "[Test] Delay on #1001", status: "mailbox", toEmail: "merchant@example.com", retryable: false });
    expect(body.email.html).toContain("Sorry Ada Lovelace");
    expect(body.email.text).toContain("Sorry Ada Lovelace");
  });

  it("retries a failing email from its detail page", async () => {
    // GIVEN an email waiting for its next attempt after an error
    await installFakeShop();
    const failing = await seedEmail({ status: "pending", attempts: 2, lastError: "421", nextAttemptAt: new Date(Date.now() + 3_600_000) });

    // WHEN retry is posted from its page
    const response = await callRoute(
      emailAction,
      await embeddedFetchRequest(`/app/notifications/emails/${failing.id}`, { init: { method: "POST", body: form({ intent: "retry" }) } }),
      { id: failing.id },
    );

    // THEN it is due now, keeping its attempt count
    expect(response.status).toBe(200);
    const row = await prisma.emailOutbox.findUnique({ where: { id: failing.id } });
    expect(row?.attempts).toBe(2);
    expect(row!.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
  });
});
