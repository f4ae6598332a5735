// Builds the Liquid objects a product page gives the block (product, variants with their `$app:backorder.eta`
// metafields, the shop with `$app:backorder.terms`) and renders the extension's real Liquid files.
import { readFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { serializeSummary, type VariantSummary } from "~/domain/summary";
import {
  appNamespaceResolver,
  liquidProduct,
  liquidShop,
  liquidVariant,
  type MetafieldSource,
} from "../../dev/theme/liquid-objects";
import { createThemeRenderer } from "../../dev/theme/theme-renderer";
import { byAttr, parseHtml, visibleText, type HtmlNode } from "./html";

export const EXTENSION_DIR = path.resolve("extensions", "backorder-eta");
export const APP_ID = "31337";
export const APP_NAMESPACE = `app--${APP_ID}--backorder`;
export const renderer = createThemeRenderer({ extensionDir: EXTENSION_DIR, assetBase: "/cdn/assets" });
const resolve = appNamespaceResolver(APP_ID);

export function summary(overrides: Partial<VariantSummary> = {}): VariantSummary {
  return {
    v: 1,
    mode: "when_sold_out",
    backorder: true,
    maxQty: null,
    next: { standard: { earliest: "2026-12-12", latest: "2026-12-16" } },
    confidence: "medium",
    termsVersion: 3,
    computedAt: "2026-11-27T10:30:00.000Z",
    ...overrides,
  };
}

export const TERMS = {
  termsVersion: 3,
  enabledModes: ["standard"],
  terms: {
    en: { payment: "You pay today.", shipping: "Shipping is free on backorders.", cancellation: "Cancel any time before it ships." },
    fr: { payment: "Vous payez aujourd'hui.", shipping: "Livraison offerte.", cancellation: "Annulable avant l'expédition." },
  },
};

export interface VariantFixture {
  id: number;
  title: string;
  /** DENY + quantity 0 = sold out; CONTINUE keeps selling. */
  policy?: "DENY" | "CONTINUE";
  quantity?: number;
  /** Shopify's decimal price, "28.00" when not given. */
  price?: string;
  /** A summary (serialized like the app does), raw metafield text, or none. */
  eta?: VariantSummary | string | null;
}

function etaMetafield(eta: VariantFixture["eta"]): MetafieldSource[] {
  if (eta == null) return [];
  const value = typeof eta === "string" ? eta : serializeSummary(eta);
  return [{ namespace: APP_NAMESPACE, key: "eta", type: "json", value }];
}

export function productPage({
  variants,
  selected,
  terms = TERMS,
  requiresSellingPlan = false,
}: {
  variants: VariantFixture[];
  selected?: number;
  terms?: unknown;
  requiresSellingPlan?: boolean;
}) {
  const liquidVariants = variants.map((v) =>
    liquidVariant(
      {
        gid: `gid://shopify/ProductVariant/${v.id}`,
        title: v.title,
        price: v.price ?? "28.00",
        inventoryPolicy: v.policy ?? "DENY",
        inventoryQuantity: v.quantity ?? 0,
        options: [v.title],
        metafields: etaMetafield(v.eta),
      },
      resolve,
    ),
  );
  const product = liquidProduct(
    {
      gid: "gid://shopify/Product/9001",
      title: "Stoneware Mug",
      handle: "stoneware-mug",
      options: [{ name: "Colour", values: variants.map((v) => v.title) }],
      variants: liquidVariants,
      selectedVariantId: selected ?? null,
      requiresSellingPlan,
    },
    resolve,
  );
  const shopMetafields: MetafieldSource[] =
    terms === undefined || terms === null
      ? []
      : [{ namespace: APP_NAMESPACE, key: "terms", type: "json", value: typeof terms === "string" ? terms : JSON.stringify(terms) }];
  const shop = liquidShop({ name: "Maison Argile", currency: "EUR", metafields: shopMetafields }, resolve);
  return { product, shop };
}

export interface RenderedBlock {
  html: string;
  root: HtmlNode;
  /** The block's wrapper, or null when the block rendered nothing. */
  block: HtmlNode | null;
  /** Everything a shopper can read. */
  visible: string;
  /** The embedded per-variant data the script reads. */
  data: { variants: { id: number; available: boolean; price: number; eta: unknown }[] } | null;
}

export async function renderBlock(
  page: ReturnType<typeof productPage>,
  { locale = "en", settings = {}, sectionId }: { locale?: string; settings?: Record<string, unknown>; sectionId?: string } = {},
): Promise<RenderedBlock> {
  const html = await renderer.renderBlock("backorder-eta", { locale, settings, blockId: "b1", sectionId, globals: page });
  const root = parseHtml(html);
  const block = byAttr(root, "data-bp-eta")[0] ?? null;
  const script = block ? byAttr(block, "data-bp-data")[0] : undefined;
  const data = script ? (JSON.parse(String(script.children[0])) as RenderedBlock["data"]) : null;
  return { html, root, block, visible: visibleText(root), data };
}

/** What the block's built script exposes on `window.BackorderPilot`. */
export interface BlockScriptApi {
  formatRange(range: { earliest: string; latest: string } | null, locale: string): string;
  stateOf(variant: unknown): string;
  money(cents: number, sample: string): string;
  payOf(payment: unknown, price: number, templates: Record<string, string>, locale: string): [string, string] | undefined;
}

/** Runs the built storefront script in a bare sandbox (no blocks on the page) and returns what it exposes. */
export function loadBlockScript(): BlockScriptApi {
  const noop = () => {};
  const sandbox: Record<string, unknown> = {
    document: { readyState: "complete", querySelectorAll: () => [], addEventListener: noop },
    history: { pushState: noop, replaceState: noop },
    location: { search: "" },
    addEventListener: noop,
    URLSearchParams,
    Intl,
    Date,
  };
  sandbox.window = sandbox;
  vm.runInNewContext(readFileSync(path.join(EXTENSION_DIR, "assets", "backorder-eta.js"), "utf8"), sandbox);
  return sandbox.BackorderPilot as BlockScriptApi;
}
