// The order page's Backorders block (extensions/admin-order-block), rendered by Shopify's extension tester
// with a mock `shopify` global and a mock fetch standing in for the app's backend.
/// <reference types="@shopify/ui-extensions/admin.order-details.block.render" />
import { getExtension } from "@shopify/ui-extensions-tester";
import { waitFor } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { orderSummary } from "./admin-fixtures";
import { extensionDir, json } from "./support";

const extension = getExtension("admin.order-details.block.render", { configSearchDir: extensionDir("admin-order-block") });

const SUMMARY = orderSummary();

beforeEach(() => {
  extension.setUp();
  extension.shopify.data = { selected: [{ id: "gid://shopify/Order/1001" }] };
});
afterEach(() => extension.tearDown());

describe("the admin order block", () => {
  it("shows each backordered line's promise, estimate and status, the last contact and a link to the desk", async () => {
    // GIVEN an order with a delayed line and a ready one
    const fetch = vi.fn().mockResolvedValue(json(SUMMARY));
    extension.fetch = fetch;

    // WHEN the block renders
    await extension.render();

    // THEN it asked the backend about this order, and shows both lines with their status
    await waitFor(() => expect(document.body.querySelector("s-admin-block")).not.toBeNull());
    expect(fetch).toHaveBeenCalledWith("/api/admin/order/1001?locale=locale", undefined);
    const block = document.body.querySelector("s-admin-block")!;
    expect(block.getAttribute("heading")).toBe("heading");
    const delayed = block.querySelector('[data-line="l1"]')!;
    expect(delayed.textContent).toContain("line.title");
    expect(delayed.querySelector("s-badge")!.textContent).toBe("status.delayed");
    expect(delayed.querySelector("s-badge")!.getAttribute("tone")).toBe("critical");
    expect(delayed.textContent).toContain("line.current");
    expect(delayed.textContent).toContain("line.daysLate");
    const ready = block.querySelector('[data-line="l2"]')!;
    expect(ready.querySelector("s-badge")!.textContent).toBe("status.ready");
    expect(ready.textContent).not.toContain("line.current");
    expect(block.textContent).toContain("lastContact");
    expect(block.querySelector("s-link")!.getAttribute("href")).toBe("app:/app/support/1001");
  });

  it("renders nothing for an order without backorders", async () => {
    // GIVEN the backend knows no backorders on this order (404)
    const fetch = vi.fn().mockResolvedValue(json({ error: "Not Found" }, 404));
    extension.fetch = fetch;

    // WHEN the block renders
    await extension.render();

    // THEN it asked, and rendered nothing at all
    await waitFor(() => expect(fetch).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 20));
    expect(document.body.querySelector("s-admin-block")).toBeNull();
    expect(document.body.textContent).toBe("");
  });

  it("shows the backend's failure instead of hiding it", async () => {
    // GIVEN the backend fails
    extension.fetch = vi.fn().mockResolvedValue(json({ error: "Session token expired" }, 401));

    // WHEN the block renders
    await extension.render();

    // THEN a critical banner carries the backend's message
    await waitFor(() => expect(document.body.querySelector("s-banner")).not.toBeNull());
    const banner = document.body.querySelector("s-banner")!;
    expect(banner.getAttribute("tone")).toBe("critical");
    expect(banner.textContent).toContain("Session token expired");
  });
});
