// The product page's Backorders block (extensions/admin-product-block), rendered by Shopify's extension
// tester with a mock `shopify` global and a mock fetch standing in for the app's backend.
/// <reference types="@shopify/ui-extensions/admin.product-details.block.render" />
import { getExtension } from "@shopify/ui-extensions-tester";
import { waitFor } from "@testing-library/preact";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { productSummary } from "./admin-fixtures";
import { extensionDir, json } from "./support";

const extension = getExtension("admin.product-details.block.render", { configSearchDir: extensionDir("admin-product-block") });

beforeEach(() => {
  extension.setUp();
  extension.shopify.data = { selected: [{ id: "gid://shopify/Product/42" }] };
});
afterEach(() => extension.tearDown());

describe("the admin product block", () => {
  it("shows each variant's backorder mode, units waiting and next estimate, and links to the app's page", async () => {
    // GIVEN a product with one variant on backorder (3 units waiting, late orders) and one not
    const fetch = vi.fn().mockResolvedValue(json(productSummary()));
    extension.fetch = fetch;

    // WHEN the block renders
    await extension.render();

    // THEN it asked about this product and shows both variants as they are
    await waitFor(() => expect(document.body.querySelector("s-admin-block")).not.toBeNull());
    expect(fetch).toHaveBeenCalledWith("/api/admin/product/42?locale=locale", undefined);
    const natural = document.body.querySelector('[data-variant="gid://shopify/ProductVariant/1"]')!;
    expect([...natural.querySelectorAll("s-badge")].map((b) => b.textContent)).toEqual(["mode.always", "atRisk"]);
    expect(natural.textContent).toContain("Natural");
    expect(natural.textContent).toContain("waiting");
    expect(natural.textContent).toContain("next");
    const black = document.body.querySelector('[data-variant="gid://shopify/ProductVariant/2"]')!;
    expect(black.querySelector("s-badge")?.textContent).toBe("mode.off");
    expect(black.textContent).not.toContain("next");
    expect(document.body.querySelector("s-link")?.getAttribute("href")).toBe("app:/app/products/42");
  });

  it("renders nothing for a product the app cannot see", async () => {
    // GIVEN the backend answers 404
    const fetch = vi.fn().mockResolvedValue(json({ error: "This shop has no such product." }, 404));
    extension.fetch = fetch;
    // WHEN the block renders THEN nothing appears
    await extension.render();
    await waitFor(() => expect(fetch).toHaveBeenCalled());
    await new Promise((r) => setTimeout(r, 20));
    expect(document.body.textContent).toBe("");
  });

  it("shows the backend's failure instead of hiding it", async () => {
    // GIVEN the backend fails
    extension.fetch = vi.fn().mockResolvedValue(json({ error: "Internal error" }, 500));
    // WHEN the block renders THEN a critical banner carries the message
    await extension.render();
    await waitFor(() => expect(document.body.querySelector('s-banner[tone="critical"]')?.textContent).toContain("Internal error"));
  });
});
