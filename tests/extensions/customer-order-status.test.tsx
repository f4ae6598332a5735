// The customer account's order status block (extensions/customer-account-backorders), rendered by Shopify's
// extension tester with a mock `shopify` global and a mock fetch standing in for the app's backend.
/// <reference types="@shopify/ui-extensions/customer-account.order-status.block.render" />
import { getExtension } from "@shopify/ui-extensions-tester";
import { fireEvent, waitFor } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { APP_URL } from "../../extensions/shared/app-url";
import type { CustomerOrderView } from "../../extensions/shared/customer-api";

// The tester finds shopify.extension.toml from the test file's folder up, else takes the first folder of
// extensions/: name ours (relative to the project root, vitest's working directory).
const extension = getExtension("customer-account.order-status.block.render", { configSearchDir: "extensions/customer-account-backorders" });

const DELAYED: CustomerOrderView = {
  orderId: "gid://shopify/Order/1001",
  orderName: "#1001",
  delayed: true,
  choices: ["wait", "cancel"],
  answered: [],
  items: [
    { title: "Oak chair", quantity: 2, status: "delayed", estimate: { earliest: "2026-12-20", latest: "2026-12-24" }, promisedLatest: "2026-12-10", change: "later" },
    { title: "Oak table", quantity: 1, status: "shipped", estimate: null, promisedLatest: null, change: null },
  ],
};
const ON_TIME: CustomerOrderView = { ...DELAYED, delayed: false, choices: ["cancel"], items: [{ ...DELAYED.items[0]!, status: "waiting", change: "same" }] };

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });

beforeEach(() => {
  extension.setUp();
  extension.shopify.order.value = { ...extension.shopify.order.value!, id: "gid://shopify/Order/1001", name: "#1001" };
  extension.shopify.sessionToken.get = vi.fn().mockResolvedValue("customer-token");
});
afterEach(() => extension.tearDown());

const buttons = () => [...document.body.querySelectorAll("s-button")];
const button = (label: string) => buttons().find((b) => b.textContent === label)!;

describe("the order status block", () => {
  it("shows each backordered item's status, current estimate and change since purchase, asking with the customer's token", async () => {
    // GIVEN an order whose chair is delayed past its promise
    const fetch = vi.fn().mockResolvedValue(json(DELAYED));
    extension.fetch = fetch;
    // WHEN the block renders
    await extension.render();
    // THEN it asked the app about this order with the customer's session token
    await waitFor(() => expect(document.body.querySelector("s-section")).not.toBeNull());
    expect(fetch).toHaveBeenCalledWith(`${APP_URL}/api/customer/orders/1001`, { method: "GET", headers: { Authorization: "Bearer customer-token" } });
    // AND shows the chair, delayed, with its estimate and the change; the table as shipped, without a date
    const chair = document.body.querySelector('[data-item="Oak chair"]')!;
    expect(chair.textContent).toContain("item.title");
    expect(chair.querySelector("s-badge")!.textContent).toBe("status.delayed");
    expect(chair.querySelector("s-badge")!.getAttribute("tone")).toBe("critical");
    expect(chair.textContent).toContain("item.estimate");
    expect(chair.textContent).toContain("change.later");
    const table = document.body.querySelector('[data-item="Oak table"]')!;
    expect(table.querySelector("s-badge")!.textContent).toBe("status.shipped");
    expect(table.textContent).not.toContain("item.estimate");
    // AND, the order being delayed, the two choices of the delay email
    expect(buttons().map((b) => b.textContent)).toEqual(["choice.wait", "choice.cancel"]);
  });

  it("offers no choice while the order is on time", async () => {
    // GIVEN an order on time WHEN the block renders THEN the item shows, and no button
    extension.fetch = vi.fn().mockResolvedValue(json(ON_TIME));
    await extension.render();
    await waitFor(() => expect(document.body.querySelector('[data-item="Oak chair"]')).not.toBeNull());
    expect(document.body.textContent).toContain("change.same");
    expect(buttons()).toEqual([]);
  });

  it("renders nothing for an order without backorders", async () => {
    // GIVEN the app knows no backorders on this order (404)
    const fetch = vi.fn().mockResolvedValue(json({ error: "not_found", message: "No backordered items on this order." }, 404));
    extension.fetch = fetch;
    // WHEN the block renders THEN it asked, and shows nothing at all
    await extension.render();
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    await new Promise((r) => setTimeout(r, 10));
    expect(document.body.innerHTML).toBe("");
  });

  it("shows a failure of the app instead of hiding it", async () => {
    // GIVEN the app answers 500 WHEN the block renders THEN an error banner says so, with the app's message
    extension.fetch = vi.fn().mockResolvedValue(json({ error: "internal", message: "database locked" }, 500));
    await extension.render();
    await waitFor(() => expect(document.body.querySelector("s-banner")).not.toBeNull());
    const banner = document.body.querySelector("s-banner")!;
    expect(banner.getAttribute("tone")).toBe("critical");
    expect(banner.getAttribute("heading")).toBe("error.heading");
    expect(banner.textContent).toContain("error.body");
  });

  it("'I'll wait' posts the choice and shows the outcome", async () => {
    // GIVEN a delayed order
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(json(DELAYED))
      .mockResolvedValueOnce(json({ outcome: "waiting" }))
      .mockResolvedValueOnce(json({ ...DELAYED, choices: ["cancel"], answered: ["wait"] }));
    extension.fetch = fetch;
    await extension.render();
    await waitFor(() => expect(buttons()).toHaveLength(2));
    // WHEN the customer answers "I'll wait"
    fireEvent.click(button("choice.wait"));
    // THEN the app got the answer, and the block thanks them
    await waitFor(() => expect(document.body.querySelector("s-banner")?.getAttribute("heading")).toBe("outcome.waiting.heading"));
    expect(fetch).toHaveBeenNthCalledWith(2, `${APP_URL}/api/customer/orders/1001/choice`, {
      method: "POST",
      headers: { Authorization: "Bearer customer-token", "Content-Type": "application/json" },
      body: JSON.stringify({ choice: "wait" }),
    });
  });

  it("asks to confirm a cancellation before posting it, and shows a refused answer", async () => {
    // GIVEN a delayed order, and an app that refuses the cancellation (409: nothing left)
    const fetch = vi
      .fn()
      .mockResolvedValueOnce(json(DELAYED))
      .mockResolvedValueOnce(json({ error: "nothing_left", outcome: "nothing_left" }, 409));
    extension.fetch = fetch;
    await extension.render();
    await waitFor(() => expect(buttons()).toHaveLength(2));
    // WHEN the customer chooses to cancel THEN nothing is sent yet: a confirmation is asked
    fireEvent.click(button("choice.cancel"));
    await waitFor(() => expect(button("cancel.confirmButton")).toBeDefined());
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(document.body.textContent).toContain("cancel.confirm");
    // WHEN they confirm THEN the cancel is posted, and the refusal is shown
    fireEvent.click(button("cancel.confirmButton"));
    await waitFor(() => expect(document.body.querySelector('s-banner[tone="critical"]')).not.toBeNull());
    expect(JSON.parse(fetch.mock.calls[1]![1].body as string)).toEqual({ choice: "cancel" });
    expect(document.body.querySelector('s-banner[tone="critical"]')!.textContent).toContain("error.body");
  });
});
