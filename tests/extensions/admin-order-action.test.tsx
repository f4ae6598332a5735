// The order page's "Backorder actions" (extensions/admin-order-action), rendered by Shopify's extension
// tester with a mock `shopify` global; a mock fetch plays the app's backend (its answers are typed by the
// definitions the real routes satisfy; the routes themselves are tested in tests/integration/admin-extensions-api.test.ts).
/// <reference types="@shopify/ui-extensions/admin.order-details.action.render" />
import { getExtension } from "@shopify/ui-extensions-tester";
import { fireEvent, waitFor } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from "vitest";
import type { AdminActionDone, AdminDelayPreview } from "../../extensions/shared/admin-api";
import { orderSummary } from "./admin-fixtures";
import { extensionDir, json } from "./support";

const extension = getExtension("admin.order-details.action.render", { configSearchDir: extensionDir("admin-order-action") });
const PATH = "/api/admin/order/1001?locale=locale";

/** A backend: GET answers `summary`, each POST the next of `answers`. */
function backend(answers: Response[], summary: Response = json(orderSummary())): Mock {
  const fetch = vi.fn(async (_path: string, init?: RequestInit) => {
    if (!init?.method) return summary.clone();
    const next = answers.shift();
    if (!next) throw new Error("unexpected POST");
    return next;
  });
  extension.fetch = fetch as unknown as typeof globalThis.fetch;
  return fetch;
}

const $ = <T extends Element = HTMLElement>(selector: string) => document.body.querySelector<T>(selector);
const button = (label: string) => [...document.body.querySelectorAll("s-button")].find((b) => b.textContent === label) as HTMLElement | undefined;
const posted = (fetch: Mock, call = 1) => JSON.parse(String((fetch.mock.calls[call]?.[1] as RequestInit).body)) as Record<string, unknown>;

/** Types into an s-* field the way the admin's components report it: the value, then a change event. */
function type(selector: string, value: string) {
  const field = $<HTMLInputElement>(selector);
  if (!field) throw new Error(`no ${selector}`);
  field.value = value;
  fireEvent.change(field);
}

async function rendered() {
  await extension.render();
  await waitFor(() => expect($("s-select")).not.toBeNull());
}

describe("the admin order action", () => {
  beforeEach(() => {
    extension.setUp();
    extension.shopify.data = { selected: [{ id: "gid://shopify/Order/1001" }] };
  });
  afterEach(() => extension.tearDown());

  it("starts the delay notice from the order's current date range", async () => {
    // GIVEN an order whose delayed chair is now expected 15–18 December
    const fetch = backend([]);
    // WHEN the action opens
    await rendered();
    // THEN it read the order and proposes that range, with the send button enabled
    expect(fetch).toHaveBeenCalledWith(PATH, undefined);
    expect($('s-date-field[name="earliest"]')?.getAttribute("value")).toBe("2026-12-15");
    expect($('s-date-field[name="latest"]')?.getAttribute("value")).toBe("2026-12-18");
    expect(button("delay.send")?.getAttribute("slot")).toBe("primary-action");
    expect(button("delay.send")?.hasAttribute("disabled")).toBe(false);
  });

  it("previews the email with the revised date before sending", async () => {
    // GIVEN the backend's preview of the notice
    const preview: AdminDelayPreview = { delayEmails: 1, earlierEmails: 0, email: { to: "ana@example.com", subject: "Order #1001: new delivery date", text: "Hello Ana,\n\nYour Oak chair now arrives by 30 December." } };
    const fetch = backend([json(preview)]);
    await rendered();

    // WHEN staff set a new date and ask for the preview
    type('s-date-field[name="latest"]', "2026-12-30");
    fireEvent.click(button("delay.preview")!);

    // THEN the backend was asked for that date, and the email shows
    await waitFor(() => expect($("[data-preview]")).not.toBeNull());
    expect(posted(fetch)).toEqual({ intent: "preview-delay", earliest: "2026-12-15", latest: "2026-12-30" });
    expect((fetch.mock.calls[1]?.[1] as RequestInit).method).toBe("POST");
    const box = $("[data-preview]")!;
    expect(box.querySelector("s-heading")?.textContent).toBe("Order #1001: new delivery date");
    expect(box.textContent).toContain("Your Oak chair now arrives by 30 December.");
    expect(box.textContent).toContain("delay.previewTo");
  });

  it("sends the delay notice with the order's version and shows the result", async () => {
    // GIVEN the backend accepts the notice
    const done: AdminActionDone = { ok: true, message: "Revised date saved. 1 delay notice queued.", summary: orderSummary({ version: 4 }) };
    const fetch = backend([json(done)]);
    await rendered();

    // WHEN staff give a reason and send
    type('s-text-field[name="reason"]', "Supplier strike");
    fireEvent.click(button("delay.send")!);

    // THEN the notice went to the backend with the version read, and the result is shown
    await waitFor(() => expect($('s-banner[tone="success"]')).not.toBeNull());
    expect(posted(fetch)).toEqual({ intent: "send-delay", version: 3, earliest: "2026-12-15", latest: "2026-12-18", reason: "Supplier strike" });
    expect($('s-banner[tone="success"]')?.getAttribute("heading")).toBe("Revised date saved. 1 delay notice queued.");
  });

  it("shows the backend's refusal next to the field and in a banner", async () => {
    // GIVEN the backend refuses the date
    backend([json({ errors: { earliest: "The date cannot be in the past." } }, 422)]);
    await rendered();

    // WHEN staff send
    type('s-text-field[name="reason"]', "Late");
    fireEvent.click(button("delay.send")!);

    // THEN the message is on the field and in a critical banner, and no success is claimed
    await waitFor(() => expect($('s-banner[tone="critical"]')).not.toBeNull());
    expect($('s-banner[tone="critical"]')?.textContent).toContain("The date cannot be in the past.");
    expect($('s-date-field[name="earliest"]')?.getAttribute("error")).toBe("The date cannot be in the past.");
    expect($('s-banner[tone="success"]')).toBeNull();
  });

  it("shows a failed request instead of swallowing it", async () => {
    // GIVEN the network fails on the send
    const fetch = backend([]);
    await rendered();
    fetch.mockRejectedValueOnce(new TypeError("Failed to fetch"));

    // WHEN staff send THEN the failure is shown
    type('s-text-field[name="reason"]', "Late");
    fireEvent.click(button("delay.send")!);
    await waitFor(() => expect($('s-banner[tone="critical"]')?.textContent).toContain("Failed to fetch"));
  });

  it("offers the compensation the shop's policy proposes", async () => {
    // GIVEN the policy proposes 10% for 30 days, and the backend accepts
    const done: AdminActionDone = { ok: true, message: "Compensation given", code: "SORRY-1001-ABCDEF", summary: orderSummary({ version: 4 }) };
    const fetch = backend([json(done)]);
    await rendered();

    // WHEN staff switch to compensation and send it as proposed
    type("s-select", "compensate");
    await waitFor(() => expect($('s-text-field[name="percentage"]')).not.toBeNull());
    expect($('s-text-field[name="percentage"]')?.getAttribute("value")).toBe("10");
    fireEvent.click(button("compensation.send")!);

    // THEN the backend got the offer with a one-time key, and the code is shown
    await waitFor(() => expect($('s-banner[tone="success"]')).not.toBeNull());
    expect(posted(fetch)).toMatchObject({ intent: "compensate", version: 3, kind: "discount_percentage", percentage: "10", expiryDays: "30", submissionKey: expect.stringMatching(/^.{8,}$/) });
    expect($('s-banner[tone="success"]')?.textContent).toContain("compensation.code");
  });

  it("offers nothing for an order without backorders", async () => {
    // GIVEN the backend has no backorders on the order (404)
    backend([], json({ error: "This order is not in the support desk." }, 404));
    // WHEN the action opens
    await extension.render();
    // THEN it says so, with no form and the send button disabled
    await waitFor(() => expect(document.body.textContent).toContain("none"));
    expect($("s-select")).toBeNull();
    expect(button("delay.send")?.hasAttribute("disabled")).toBe(true);
  });
});

describe("whether the action is offered", () => {
  const shouldRender = getExtension("admin.order-details.action.should-render", { configSearchDir: extensionDir("admin-order-action") });
  beforeEach(() => {
    shouldRender.setUp();
    shouldRender.shopify.data = { selected: [{ id: "gid://shopify/Order/1001" }] };
  });
  afterEach(() => shouldRender.tearDown());
  const decide = async () => (await import("../../extensions/admin-order-action/src/ShouldRender")).default();

  it("offers it for an order with backorders and hides it for one without", async () => {
    // GIVEN the backend knows the order WHEN the admin asks THEN the action shows
    shouldRender.fetch = vi.fn().mockResolvedValue(json(orderSummary()));
    expect(await decide()).toEqual({ display: true });
    expect(shouldRender.fetch).toHaveBeenCalledWith("/api/admin/order/1001");
    // GIVEN the backend has no backorders on it (404) THEN it is hidden
    shouldRender.fetch = vi.fn().mockResolvedValue(json({ error: "This order is not in the support desk." }, 404));
    expect(await decide()).toEqual({ display: false });
  });

  it("keeps it when the backend cannot say, so the failure shows when it is opened", async () => {
    // GIVEN the backend fails (500, or no answer) WHEN the admin asks THEN the action still shows
    shouldRender.fetch = vi.fn().mockResolvedValue(json({ error: "Internal error" }, 500));
    expect(await decide()).toEqual({ display: true });
    shouldRender.fetch = vi.fn().mockRejectedValue(new TypeError("Failed to fetch"));
    expect(await decide()).toEqual({ display: true });
  });
});
