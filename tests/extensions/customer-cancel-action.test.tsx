// The order action "Cancel backordered items" (extensions/customer-account-backorders): its menu item and its
// confirmation modal, rendered by Shopify's extension tester with a mock fetch standing in for the app.
/// <reference types="@shopify/ui-extensions/customer-account.order.action.render" />
import { getExtension } from "@shopify/ui-extensions-tester";
import { fireEvent, waitFor } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { APP_URL } from "../../extensions/shared/app-url";
import type { CustomerOrderView } from "../../extensions/shared/customer-api";

const configSearchDir = "extensions/customer-account-backorders";
const action = getExtension("customer-account.order.action.render", { configSearchDir });
const menuItem = getExtension("customer-account.order.action.menu-item.render", { configSearchDir });

const VIEW: CustomerOrderView = {
  orderId: "gid://shopify/Order/1001",
  orderName: "#1001",
  delayed: false,
  choices: ["cancel"],
  answered: [],
  items: [{ title: "Oak chair", quantity: 2, status: "waiting", estimate: { earliest: "2026-12-20", latest: "2026-12-24" }, promisedLatest: "2026-12-24", change: "same" }],
};

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
const buttons = () => [...document.body.querySelectorAll("s-button")];
const button = (label: string) => buttons().find((b) => b.textContent === label);

describe("the menu item", () => {
  beforeEach(() => {
    menuItem.setUp();
    menuItem.shopify.orderId = "gid://shopify/Order/1001";
    menuItem.shopify.sessionToken.get = vi.fn().mockResolvedValue("customer-token");
  });
  afterEach(() => menuItem.tearDown());

  it("is offered when the order has backordered items the customer can cancel", async () => {
    // GIVEN an order with a cancellable backordered item WHEN the menu renders THEN the item is there
    const fetch = vi.fn().mockResolvedValue(json(VIEW));
    menuItem.fetch = fetch;
    await menuItem.render();
    await waitFor(() => expect(buttons().map((b) => b.textContent)).toEqual(["menu.cancel"]));
    expect(fetch).toHaveBeenCalledWith(`${APP_URL}/api/customer/orders/1001`, { method: "GET", headers: { Authorization: "Bearer customer-token" } });
  });

  it("is absent for an order without backorders", async () => {
    // GIVEN no backorders (404) WHEN the menu renders THEN no item
    const fetch = vi.fn().mockResolvedValueOnce(json({ error: "not_found" }, 404));
    menuItem.fetch = fetch;
    await menuItem.render();
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    await new Promise((r) => setTimeout(r, 10));
    expect(document.body.innerHTML).toBe("");
  });

  it("is absent once the customer asked to cancel", async () => {
    // GIVEN the cancellation was already asked (no "cancel" choice left) WHEN the menu renders THEN no item
    const fetch = vi.fn().mockResolvedValueOnce(json({ ...VIEW, choices: [], answered: ["cancel"] }));
    menuItem.fetch = fetch;
    await menuItem.render();
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(1));
    await new Promise((r) => setTimeout(r, 10));
    expect(buttons()).toEqual([]);
  });
});

describe("the confirmation", () => {
  beforeEach(() => {
    action.setUp();
    action.shopify.orderId = "gid://shopify/Order/1001";
    action.shopify.sessionToken.get = vi.fn().mockResolvedValue("customer-token");
  });
  afterEach(() => action.tearDown());

  it("lists the items, posts the cancellation only when confirmed, and shows the result", async () => {
    // GIVEN an order with a backordered chair, and an app that takes the request (staff will approve it)
    const fetch = vi.fn().mockResolvedValueOnce(json(VIEW)).mockResolvedValueOnce(json({ outcome: "cancel_requested" }));
    action.fetch = fetch;
    await action.render();
    // THEN the modal names the chair and asks to confirm; nothing is posted yet
    await waitFor(() => expect(button("action.confirm")).toBeDefined());
    const modal = document.body.querySelector("s-customer-account-action")!;
    expect(modal.getAttribute("heading")).toBe("action.heading");
    expect(modal.querySelector("s-list-item")!.textContent).toContain("item.title");
    expect(button("action.keep")!.getAttribute("slot")).toBe("secondary-actions");
    expect(fetch).toHaveBeenCalledTimes(1);
    // WHEN the customer confirms
    fireEvent.click(button("action.confirm")!);
    // THEN the cancel choice is posted with their token, and the outcome shown
    await waitFor(() => expect(document.body.querySelector("s-banner")?.getAttribute("heading")).toBe("outcome.cancel_requested.heading"));
    expect(fetch).toHaveBeenNthCalledWith(2, `${APP_URL}/api/customer/orders/1001/choice`, {
      method: "POST",
      headers: { Authorization: "Bearer customer-token", "Content-Type": "application/json" },
      body: JSON.stringify({ choice: "cancel" }),
    });
    expect(document.body.querySelector("s-banner")!.getAttribute("tone")).toBe("success");
  });

  it("closes without posting when the customer keeps their items", async () => {
    // GIVEN the modal WHEN the customer keeps their items THEN it closes, nothing posted
    const fetch = vi.fn().mockResolvedValueOnce(json(VIEW));
    action.fetch = fetch;
    const close = vi.fn();
    action.shopify.close = close;
    await action.render();
    await waitFor(() => expect(button("action.keep")).toBeDefined());
    fireEvent.click(button("action.keep")!);
    expect(close).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("shows a failed cancellation and lets the customer try again", async () => {
    // GIVEN an app that fails the first post (network error)
    const fetch = vi.fn().mockResolvedValueOnce(json(VIEW)).mockRejectedValueOnce(new TypeError("Failed to fetch"));
    action.fetch = fetch;
    await action.render();
    await waitFor(() => expect(button("action.confirm")).toBeDefined());
    // WHEN the customer confirms THEN the error is shown and the confirm button is still there
    fireEvent.click(button("action.confirm")!);
    await waitFor(() => expect(document.body.querySelector('s-banner[tone="critical"]')).not.toBeNull());
    expect(document.body.querySelector('s-banner[tone="critical"]')!.textContent).toContain("error.body");
    expect(button("action.confirm")).toBeDefined();
  });

  it("shows a failure to load the order instead of an empty modal", async () => {
    // GIVEN the app answers 401 (an expired session) WHEN the modal renders THEN the error shows, with a close button
    action.fetch = vi.fn().mockResolvedValueOnce(json({ error: "unauthorized", message: "The session token names no customer." }, 401));
    await action.render();
    await waitFor(() => expect(document.body.querySelector('s-banner[tone="critical"]')).not.toBeNull());
    expect(button("action.close")).toBeDefined();
    expect(button("action.confirm")).toBeUndefined();
  });
});
