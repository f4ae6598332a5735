// The thank-you page's "Ships later" block (extensions/thank-you-backorders), rendered by Shopify's extension
// tester with a mock `shopify` global and a mock fetch standing in for the app's backend.
/// <reference types="@shopify/ui-extensions/purchase.thank-you.block.render" />
import { getExtension } from "@shopify/ui-extensions-tester";
import { waitFor } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { APP_URL } from "../../extensions/shared/app-url";
import type { ThankYouView } from "../../extensions/shared/customer-api";

const extension = getExtension("purchase.thank-you.block.render", { configSearchDir: "extensions/thank-you-backorders" });

const VIEW: ThankYouView = {
  orderId: "gid://shopify/Order/1001",
  orderName: "#1001",
  items: [
    { title: "Oak chair", quantity: 2, estimate: { earliest: "2026-12-20", latest: "2026-12-24" } },
    { title: "Lamp", quantity: 1, estimate: null },
  ],
};
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
const NOT_FOUND = () => json({ error: "not_found", message: "No backordered items on this order (yet)." }, 404);

beforeEach(() => {
  extension.setUp();
  extension.shopify.orderConfirmation.value = { order: { id: "gid://shopify/Order/1001" }, number: "XK2Q9", isFirstOrder: false };
  extension.shopify.sessionToken.get = vi.fn().mockResolvedValue("checkout-token");
});
afterEach(() => {
  vi.useRealTimers();
  extension.tearDown();
});

describe("the thank-you block", () => {
  it("lists the items that ship later with their estimated delivery, asking with the checkout token", async () => {
    // GIVEN an order with a backordered chair (dated) and lamp (not dated yet)
    const fetch = vi.fn().mockResolvedValue(json(VIEW));
    extension.fetch = fetch;
    // WHEN the page renders the block
    await extension.render();
    // THEN it asked the app about this order, and names both items
    await waitFor(() => expect(document.body.querySelector("s-section")).not.toBeNull());
    expect(fetch).toHaveBeenCalledWith(`${APP_URL}/api/checkout/thank-you?order=${encodeURIComponent("gid://shopify/Order/1001")}`, {
      method: "GET",
      headers: { Authorization: "Bearer checkout-token" },
    });
    expect(document.body.querySelector("s-section")!.getAttribute("heading")).toBe("heading");
    expect(document.body.querySelector('[data-item="Oak chair"]')!.textContent).toContain("item.estimate");
    expect(document.body.querySelector('[data-item="Lamp"]')!.textContent).toContain("item.noEstimate");
  });

  it("renders nothing when nothing ships later, after asking again in case the order was not recorded yet", async () => {
    // GIVEN an app that never knows this order (nothing backordered)
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const fetch = vi.fn().mockImplementation(async () => NOT_FOUND());
    extension.fetch = fetch;
    // WHEN the block renders and the retry delays pass
    await extension.render();
    await vi.advanceTimersByTimeAsync(2_000);
    await vi.advanceTimersByTimeAsync(5_000);
    // THEN it asked three times in all, and shows nothing
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(3));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(fetch).toHaveBeenCalledTimes(3);
    expect(document.body.innerHTML).toBe("");
  });

  it("shows the items once the webhook has recorded the order", async () => {
    // GIVEN the app learns about the order a moment after the page opened
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const fetch = vi.fn().mockResolvedValueOnce(NOT_FOUND()).mockResolvedValueOnce(json(VIEW));
    extension.fetch = fetch;
    // WHEN the block renders and the first retry delay passes THEN the items show
    await extension.render();
    await vi.advanceTimersByTimeAsync(2_000);
    await waitFor(() => expect(document.body.querySelector('[data-item="Oak chair"]')).not.toBeNull());
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it("shows a failure of the app instead of hiding it", async () => {
    // GIVEN the app answers 503 WHEN the block renders THEN a critical banner says so, with no retry
    const fetch = vi.fn().mockResolvedValue(json({ error: "unavailable", message: "maintenance" }, 503));
    extension.fetch = fetch;
    await extension.render();
    await waitFor(() => expect(document.body.querySelector("s-banner")).not.toBeNull());
    expect(document.body.querySelector("s-banner")!.getAttribute("tone")).toBe("critical");
    expect(document.body.querySelector("s-banner")!.textContent).toContain("error.body");
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
