// The cart app embed warns when backordered and in-stock items share a cart, in the merchant's words.
import { describe, expect, it } from "vitest";
import { appNamespaceResolver, liquidCart, liquidShop, liquidVariant, type LiquidCartItem } from "../../dev/theme/liquid-objects";
import { serializeSummary } from "~/domain/summary";
import { parseHtml, visibleText } from "./html";
import { APP_ID, APP_NAMESPACE, renderer, summary } from "./support";

const resolve = appNamespaceResolver(APP_ID);

function item(id: number, { backorder = false, policy = "DENY", quantity = 1, stock = 10 }: { backorder?: boolean; policy?: "DENY" | "CONTINUE"; quantity?: number; stock?: number } = {}): LiquidCartItem {
  const variant = liquidVariant(
    {
      gid: `gid://shopify/ProductVariant/${id}`,
      title: `Variant ${id}`,
      price: "10.00",
      inventoryPolicy: backorder ? "CONTINUE" : policy,
      inventoryQuantity: backorder ? -2 : stock,
      options: [`Variant ${id}`],
      metafields: backorder ? [{ namespace: APP_NAMESPACE, key: "eta", type: "json", value: serializeSummary(summary()) }] : [],
    },
    resolve,
  );
  return { key: String(id), quantity, title: `Mug - ${id}`, product_title: "Mug", variant, final_line_price: 1000 * quantity, properties: {} };
}

async function render(items: LiquidCartItem[], { locale = "en", settings = {} }: { locale?: string; settings?: Record<string, unknown> } = {}) {
  const globals = { cart: liquidCart(items), shop: liquidShop({ name: "Maison Argile", currency: "EUR" }, resolve) };
  return visibleText(parseHtml(await renderer.renderBlock("cart-notice", { locale, settings, globals })));
}

describe("the mixed-cart notice", () => {
  it.each([
    ["en", "Your cart has items on backorder and items in stock."],
    ["fr", "Votre panier contient des articles en précommande et des articles en stock."],
  ])("shows the translated default note for a mixed cart in %s", async (locale, expected) => {
    // GIVEN a cart with a backordered and an in-stock item
    const items = [item(1, { backorder: true }), item(2)];

    // WHEN the embed renders
    const text = await render(items, { locale });

    // THEN the note is shown
    expect(text).toContain(expected);
  });

  it("uses the merchant's wording when set", async () => {
    // GIVEN a custom message in the theme editor
    // WHEN the embed renders for a mixed cart
    const text = await render([item(1, { backorder: true }), item(2)], { settings: { message: "Two parcels? Ask us <b>before</b> paying." } });

    // THEN the merchant's text is shown, as text
    expect(text).toBe("Two parcels? Ask us <b>before</b> paying.");
  });

  it("counts a line asking for more than the stock of a variant that keeps selling as backordered", async () => {
    // GIVEN 3 units of a variant with 1 left that keeps selling (no summary yet), and an in-stock item
    const items = [item(1, { policy: "CONTINUE", stock: 1, quantity: 3 }), item(2)];

    // WHEN the embed renders
    // THEN the cart is mixed
    expect(await render(items)).toContain("items on backorder and items in stock");
  });

  it.each([
    ["only in-stock items", [item(1), item(2)]],
    ["only backordered items", [item(1, { backorder: true }), item(2, { backorder: true })]],
    ["an empty cart", []],
  ])("shows nothing for %s", async (_label, items) => {
    // GIVEN a cart that is not mixed
    // WHEN the embed renders
    // THEN there is no note
    expect(await render(items)).toBe("");
  });
});
