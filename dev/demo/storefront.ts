// Demo storefront preview: product pages of the seeded shop in a Dawn-like theme, with the theme app
// extension's own Liquid (extensions/backorder-eta) rendered by liquidjs from what the Admin fake holds:
// the `$app:backorder` metafields the app's sync wrote, nothing computed here. It also stands in for
// Shopify's app proxy: /apps/backorder/* is signed like Shopify signs it and forwarded to the app's /proxy/*.
//
//   /__demo/storefront                      catalogue (add /fr for French: /__demo/storefront/fr/…)
//   /__demo/storefront/products/<handle>    product page with the block (?variant=<id>)
//   /__demo/storefront/cart                 cart with line item properties and the mixed-cart embed
//   /__demo/storefront/account              pick a customer to be "logged in" (app proxy logged_in_customer_id)
//   /apps/backorder/*                       the app proxy (/apps/backorder/order-status: "Where is my order?")
import { createHmac, randomBytes } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import express, { type Express, type Request as ExpressRequest, type Response as ExpressResponse } from "express";
import {
  legacyId,
  liquidCart,
  liquidProduct,
  liquidShop,
  liquidVariant,
  type LiquidCartItem,
  type LiquidVariant,
  type MetafieldSource,
} from "../theme/liquid-objects";
import { createThemeRenderer, escapeHtml } from "../theme/theme-renderer";
import type { AdminFake } from "../admin-fake";
import type { ProductRecord, VariantRecord } from "../admin-fake/store";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const BASE = "/__demo/storefront";
const PROXY_PREFIX = "/apps/backorder";
const BLOCK = "backorder-eta";
const EMBED = "cart-notice";
const FALLBACK_USER_AGENT =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36";

export interface StorefrontExtras {
  fake: AdminFake;
  shop: string;
  origin: string;
  secret: string;
  apiKey: string;
  root: string;
}

type Locale = "en" | "fr";

/** The theme's own strings (Dawn's locale files, in short). */
const THEME_TEXT_EN = {
    announcement: "Demo storefront: Shopify's online store, simulated locally",
    catalogue: "Catalogue",
    cart: "Cart",
    orderStatus: "Where is my order?",
    account: "Account",
    language: "Language",
    addToCart: "Add to cart",
    soldOut: "Sold out",
    unavailable: "Unavailable",
    quantity: "Quantity",
    backorder: "Backorder",
    product: "Product",
    total: "Total",
    checkout: "Check out",
    emptyCart: "Your cart is empty.",
    clearCart: "Empty the cart",
    signedOut: "Guest (not logged in)",
    customer: "Logged in as",
    previewNote:
      "The delivery block is the app's theme app extension, rendered from the metafields Shopify holds. Enable backorder on a variant in the demo admin to see it here.",
};
type ThemeText = Record<keyof typeof THEME_TEXT_EN, string>;

const THEME_TEXT: Record<Locale, ThemeText> = {
  en: THEME_TEXT_EN,
  fr: {
    announcement: "Boutique de démonstration : la boutique en ligne Shopify, simulée en local",
    catalogue: "Catalogue",
    cart: "Panier",
    orderStatus: "Où en est ma commande ?",
    account: "Compte",
    language: "Langue",
    addToCart: "Ajouter au panier",
    soldOut: "Épuisé",
    unavailable: "Indisponible",
    quantity: "Quantité",
    backorder: "Réassort",
    product: "Produit",
    total: "Total",
    checkout: "Procéder au paiement",
    emptyCart: "Votre panier est vide.",
    clearCart: "Vider le panier",
    signedOut: "Invité (non connecté)",
    customer: "Connecté en tant que",
    previewNote:
      "Le bloc de livraison est l'extension de thème de l'app, rendue à partir des métachamps que Shopify détient. Activez le réassort d'une variante dans l'admin de démo pour le voir ici.",
  },
};

interface CartLine {
  variantId: string;
  quantity: number;
  properties: Record<string, string>;
  /** The `selling_plan` the cart add posted (a deposit or pay-later plan), if any. */
  sellingPlan: string | null;
}

function formatMoney(amount: string | number, locale: Locale, currency: string): string {
  return new Intl.NumberFormat(locale === "fr" ? "fr-FR" : "en-GB", { style: "currency", currency }).format(Number(amount));
}

function initials(title: string): string {
  return title
    .split(/\s+/)
    .filter((w) => /^[A-Za-z]/.test(w))
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase())
    .join("");
}

function cookie(req: ExpressRequest, name: string): string | null {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return null;
}

/** Shopify's app-proxy signature: hex HMAC-SHA256 of the sorted `key=value` pairs, concatenated. */
export function signProxyQuery(params: Record<string, string>, secret: string): string {
  const message = Object.keys(params)
    .sort()
    .map((key) => `${key}=${params[key]}`)
    .join("");
  return createHmac("sha256", secret).update(message).digest("hex");
}

export function mountStorefront(app: Express, extras: StorefrontExtras): void {
  const { fake, shop, secret } = extras;
  const store = fake.store;
  const extensionDir = path.join(extras.root, "extensions", "backorder-eta");
  const renderer = createThemeRenderer({ extensionDir, assetBase: `${BASE}/assets` });
  // `$app:backorder` → `app--<appId>--backorder`, exactly as the Admin fake (Shopify) stored it.
  const resolve = (namespace: string) => store.resolveNamespace(namespace);
  const carts = new Map<string, CartLine[]>();
  const assetFiles = new Set(readdirSync(path.join(extensionDir, "assets")));

  const metafieldsOf = (ownerId: string): MetafieldSource[] =>
    store.listMetafields(ownerId).map((m) => ({ namespace: m.namespace, key: m.key, type: m.type, value: m.value }));

  const variantObject = (v: VariantRecord): LiquidVariant =>
    liquidVariant(
      {
        gid: v.id,
        title: v.title,
        price: v.price,
        sku: v.sku,
        inventoryPolicy: v.inventoryPolicy,
        inventoryQuantity: store.available(v.id),
        tracked: store.getInventoryItem(v.inventoryItemId).tracked,
        options: v.selectedOptions.map((o) => o.value),
        metafields: metafieldsOf(v.id),
      },
      resolve,
    );

  const shopObject = () => liquidShop({ name: store.shop.name, currency: store.shop.currencyCode, metafields: metafieldsOf(store.shop.id) }, resolve);

  const customerOf = (req: ExpressRequest) => {
    const id = cookie(req, "bp_demo_customer");
    const customer = id ? store.customers.get(`gid://shopify/Customer/${id}`) : undefined;
    return customer ?? null;
  };

  const cartId = (req: ExpressRequest, res: ExpressResponse): string => {
    let id = cookie(req, "bp_demo_cart");
    if (!id || !carts.has(id)) {
      id = randomBytes(12).toString("hex");
      carts.set(id, []);
      res.append("Set-Cookie", `bp_demo_cart=${id}; Path=/; HttpOnly; SameSite=Lax`);
    }
    return id;
  };

  const cartLines = (req: ExpressRequest): CartLine[] => carts.get(cookie(req, "bp_demo_cart") ?? "") ?? [];

  const cartObject = (lines: CartLine[]) =>
    liquidCart(
      lines.flatMap((line, index): LiquidCartItem[] => {
        const v = store.variants.get(line.variantId);
        if (!v) return [];
        const variant = variantObject(v);
        const product = store.getProduct(v.productId);
        return [
          {
            key: `${variant.id}:${index}`,
            quantity: line.quantity,
            title: v.title === "Default Title" ? product.title : `${product.title} - ${v.title}`,
            product_title: product.title,
            variant,
            final_line_price: variant.price * line.quantity,
            properties: line.properties,
            selling_plan_allocation: line.sellingPlan ? { selling_plan: { id: Number(line.sellingPlan) } } : null,
          },
        ];
      }),
    );

  // ---- layout --------------------------------------------------------------------------------------

  const href = (locale: Locale, rest = "") => `${BASE}${locale === "fr" ? "/fr" : ""}${rest}`;

  function layout(
    req: ExpressRequest,
    locale: Locale,
    {
      title,
      body,
      head = "",
      endOfBody = "",
      current = "",
      themeHead = `<script src="${BASE}/theme/theme.js" defer></script>`,
    }: { title: string; body: string; head?: string; endOfBody?: string; current?: string; themeHead?: string },
  ): string {
    const t = THEME_TEXT[locale];
    const lines = cartLines(req);
    const count = lines.reduce((sum, l) => sum + l.quantity, 0);
    const customer = customerOf(req);
    const switchTo = locale === "fr" ? "en" : "fr";
    const pathInLocale = req.path.replace(/^\/__demo\/storefront(\/fr)?/, "");
    const query = req.url.includes("?") ? req.url.slice(req.url.indexOf("?")) : "";
    const customers = [...store.customers.values()];
    return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)} – ${escapeHtml(store.shop.name)}</title>
<link rel="stylesheet" href="${BASE}/theme/theme.css">
${themeHead}
${head}
</head>
<body>
<a class="skip-link" href="#MainContent">Skip to content</a>
<div class="announcement-bar" role="region" aria-label="Announcement">${escapeHtml(t.announcement)}</div>
<header class="header">
  <p class="header__heading"><a href="${href(locale)}">${escapeHtml(store.shop.name)}</a></p>
  <nav class="header__menu" aria-label="Main">
    <a href="${href(locale)}"${current === "catalogue" ? ' aria-current="page"' : ""}>${t.catalogue}</a>
    <a href="${href(locale, "/cart")}"${current === "cart" ? ' aria-current="page"' : ""}>${t.cart} (${count})</a>
    <!-- How a merchant links the app's "Where is my order?" page (app proxy) from a theme's menu. -->
    <a href="${PROXY_PREFIX}/order-status?locale=${locale}"${req.path.startsWith(`${PROXY_PREFIX}/order-status`) ? ' aria-current="page"' : ""}>${t.orderStatus}</a>
  </nav>
  <div class="header__tools">
    <form method="post" action="${href(locale, "/account")}">
      <label>${t.customer}
        <select name="customer" onchange="this.form.submit()">
          <option value="">${t.signedOut}</option>
          ${customers
            .map((c) => {
              const id = String(legacyId(c.id));
              const name = `${c.firstName ?? ""} ${c.lastName ?? ""}`.trim() || (c.email ?? id);
              return `<option value="${id}"${customer?.id === c.id ? " selected" : ""}>${escapeHtml(name)}</option>`;
            })
            .join("")}
        </select>
      </label>
      <input type="hidden" name="return_to" value="${escapeHtml(req.originalUrl)}">
      <noscript><button type="submit">OK</button></noscript>
    </form>
    ${req.path.startsWith(BASE) ? `<a href="${href(switchTo, pathInLocale)}${escapeHtml(query)}" lang="${switchTo}" hreflang="${switchTo}">${switchTo === "fr" ? "Français" : "English"}</a>` : ""}
  </div>
</header>
<main id="MainContent">
${body}
</main>
${endOfBody}
</body>
</html>`;
  }

  // ---- routes --------------------------------------------------------------------------------------

  const themeFiles: Record<string, string> = { "theme.css": "text/css", "theme.js": "application/javascript", "horizon.js": "application/javascript" };
  app.get(`${BASE}/theme/:file`, (req, res) => {
    const type = themeFiles[req.params.file ?? ""];
    if (!type) return void res.status(404).end();
    res.type(type).set("Cache-Control", "no-store").send(readFileSync(path.join(HERE, "storefront", req.params.file as string), "utf8"));
  });

  // The extension's assets, as Shopify's CDN would serve them (read on each request: edits show at once).
  app.get(`${BASE}/assets/:file`, (req, res) => {
    const file = req.params.file ?? "";
    if (!assetFiles.has(file)) return void res.status(404).end();
    res.type(path.extname(file)).set("Cache-Control", "no-store").send(readFileSync(path.join(extensionDir, "assets", file)));
  });

  const localeOf = (req: ExpressRequest): Locale => (req.params.locale === "fr" ? "fr" : "en");

  app.get([BASE, `${BASE}/:locale(fr)`], (req, res) => {
    const locale = localeOf(req);
    const t = THEME_TEXT[locale];
    const products = [...store.products.values()].filter((p) => p.status === "ACTIVE");
    const cards = products
      .map((p) => {
        const variants = store.variantsOf(p.id).map(variantObject);
        const backorder = variants.some((v) => {
          const eta = v.metafields.liquidMethodMissing("$app:backorder")?.eta?.value as { v?: number; backorder?: boolean } | null | undefined;
          return eta?.v === 1 && eta.backorder === true;
        });
        const soldOut = variants.some((v) => !v.available);
        return `<li><a class="card" href="${href(locale, `/products/${p.handle}`)}">
  <div class="card__media" aria-hidden="true">${escapeHtml(initials(p.title))}</div>
  <h2 class="card__title">${escapeHtml(p.title)}</h2>
  <div class="card__badges">${backorder ? `<span class="badge">${t.backorder}</span>` : ""}${soldOut ? `<span class="badge">${t.soldOut}</span>` : ""}</div>
</a></li>`;
      })
      .join("\n");
    res.type("html").send(
      layout(req, locale, {
        title: t.catalogue,
        current: "catalogue",
        body: `<div class="page-width"><h1>${t.catalogue}</h1><p class="demo-note">${escapeHtml(t.previewNote)}</p><ul class="collection">${cards}</ul></div>`,
      }),
    );
  });

  app.get([`${BASE}/products/:handle`, `${BASE}/:locale(fr)/products/:handle`], async (req, res, next) => {
    try {
      const locale = localeOf(req);
      const t = THEME_TEXT[locale];
      const record = store.findProductByHandle(req.params.handle ?? "");
      if (!record || record.status !== "ACTIVE") return void res.status(404).type("html").send(layout(req, locale, { title: "404", body: "<div class=\"page-width\"><h1>404</h1></div>" }));
      const requested = Number(req.query.variant);
      const variants = store.variantsOf(record.id).map(variantObject);
      const product = liquidProduct(
        {
          gid: record.id,
          title: record.title,
          handle: record.handle,
          vendor: record.vendor,
          descriptionHtml: record.descriptionHtml,
          options: record.options.map((o) => ({ name: o.name, values: o.values })),
          variants,
          selectedVariantId: Number.isSafeInteger(requested) ? requested : null,
          metafields: metafieldsOf(record.id),
        },
        resolve,
      );
      const selected = product.selected_or_first_available_variant;
      const requestPath = `${locale === "fr" ? "/fr" : ""}/products/${record.handle}`;
      const globals = {
        product,
        shop: shopObject(),
        cart: cartObject(cartLines(req)),
        customer: customerOf(req),
        request: { locale: { iso_code: locale }, path: requestPath, page_type: "product" },
      };
      // ?theme=horizon-4 | horizon-3 picks a Horizon-like product section (default: Dawn-like); ?placement=apps
      // puts the block in its own "Apps" section under the product section, as the theme editor does.
      const theme = String(req.query.theme ?? "");
      const horizon = theme === "horizon-4" ? 4 : theme === "horizon-3" ? 3 : 0;
      const apps = req.query.placement === "apps";
      const blockId = "backorder_eta_demo";
      const blockHtml = await renderer.renderBlock(BLOCK, {
        locale,
        blockId,
        globals,
        // The product section's id (`section.id`), and the block setting a merchant picks for their theme so
        // shoppers without JavaScript post their payment choice with the product form.
        sectionId: apps ? "template--apps" : "template--main",
        settings: { product_form: horizon ? "horizon" : "dawn" },
      });
      const schema = renderer.schema(BLOCK);
      // The theme's own scripts come first: its layout loads them in <head> before {{ content_for_header }},
      // where Shopify puts an app block's assets (the JavaScript deferred, once per page).
      const head = [
        schema.stylesheet ? `<link rel="stylesheet" href="${BASE}/assets/${schema.stylesheet}">` : "",
        schema.javascript ? `<script src="${BASE}/assets/${schema.javascript}" defer></script>` : "",
      ].join("\n");
      const app = `<div id="shopify-block-${blockId}" class="shopify-block shopify-app-block">${blockHtml}</div>`;
      const args = { locale, record, variants, selected, block: apps ? "" : app, t, theme };
      const main = horizon ? horizonSection({ ...args, version: horizon }) : productSection(args);
      const appsSection = apps
        ? `<section id="shopify-section-template--apps" class="shopify-section section"><div class="page-width">${app}</div></section>`
        : "";
      res.type("html").send(
        layout(req, locale, {
          title: record.title,
          head,
          themeHead: horizon ? `<script src="${BASE}/theme/horizon.js" type="module"></script>` : undefined,
          body: main + appsSection,
        }),
      );
    } catch (error) {
      next(error);
    }
  });

  interface SectionArgs {
    locale: Locale;
    record: ProductRecord;
    variants: LiquidVariant[];
    selected: LiquidVariant | null;
    /** The app block's wrapper, or "" when it sits in an Apps section. */
    block: string;
    t: ThemeText;
    theme: string;
  }

  /** What both stand-in themes print: the product JSON their scripts read and the option radios. */
  function sectionParts({ locale, record, variants, selected, t }: SectionArgs, section: string) {
    const currency = store.shop.currencyCode;
    const data = {
      strings: { addToCart: t.addToCart, soldOut: t.soldOut, unavailable: t.unavailable },
      variants: variants.map((v) => ({ id: v.id, title: v.title, options: v.options, available: v.available, price: formatMoney(v.price / 100, locale, currency) })),
    };
    const single = record.options.length === 1 && record.options[0]?.values.length === 1 && record.options[0]?.name === "Title";
    const pickers = single
      ? ""
      : record.options
          .map(
            (option, index) => `<fieldset class="product-form__input">
  <legend>${escapeHtml(option.name)}</legend>
  ${option.values
    .map((value, j) => {
      const id = `${section}-${index}-${j}`;
      const checked = selected?.options[index] === value ? " checked" : "";
      return `<input type="radio" id="${id}" name="${escapeHtml(option.name)}" value="${escapeHtml(value)}"${checked}><label for="${id}">${escapeHtml(value)}</label>`;
    })
    .join("\n  ")}
</fieldset>`,
          )
          .join("\n");
    const json = `<script type="application/json" id="ProductJSON-${section}">${JSON.stringify(data).replace(/</g, "\\u003c")}</script>`;
    const label = !selected ? t.unavailable : selected.available ? t.addToCart : t.soldOut;
    const url = `${BASE}${locale === "fr" ? "/fr" : ""}/products/${record.handle}`;
    const price = selected ? formatMoney(selected.price / 100, locale, currency) : "";
    return { pickers, json, label, url, price };
  }

  // A cart icon of our own (the stand-ins never copy a theme's artwork).
  const ICON = `<svg width="16" height="16" viewBox="0 0 16 16" focusable="false" aria-hidden="true"><path d="M1 2h2l2 8h8l2-6H4" fill="none" stroke="currentColor"/><circle cx="6" cy="13" r="1"/><circle cx="12" cy="13" r="1"/></svg>`;

  /**
   * A Horizon-like product section (Shopify's default theme), written from the structure of Horizon's
   * blocks/buy-buttons.liquid, snippets/add-to-cart-button.liquid and sections/product-information.liquid:
   * the add-to-cart button starts with an aria-hidden icon; its label is a bare text node (4.x) or nested
   * spans in `.add-to-cart-text` (3.x); a checkmark follows. The sticky bar's `type="button"` sits outside
   * the form. dev/demo/storefront/horizon.js re-renders both from the fetched page after a variant change.
   */
  function horizonSection(args: SectionArgs & { version: 3 | 4 }): string {
    const { record, selected, block, t, version, theme } = args;
    const section = "template--main";
    const { pickers, json, label, url, price } = sectionParts(args, section);
    const can = !!selected?.available;
    const icon = can ? `<span aria-hidden="true" class="svg-wrapper add-to-cart-icon">${ICON}</span>` : "";
    const added = `<span class="add-to-cart__added"><span class="svg-wrapper add-to-cart__added-icon">${ICON}</span></span>`;
    const inner =
      version === 4
        ? `${icon}${escapeHtml(label)}${added}`
        : `<span class="add-to-cart-text">${icon}<span class="add-to-cart-text__content"><span><span>${escapeHtml(label)}</span></span></span></span>${added}`;
    const productId = legacyId(record.id);
    return `<section id="shopify-section-${section}" class="shopify-section" data-horizon="${version}">
<div class="page-width product-information">
  <div class="product">
    <div class="product__media" role="img" aria-label="${escapeHtml(record.title)}">${escapeHtml(initials(record.title))}</div>
    <div class="product__info-wrapper">
      <h1>${escapeHtml(record.title)}</h1>
      <div class="price" id="price-${section}">${price}</div>
      <variant-picker data-product-id="${productId}" data-url="${url}" data-theme="${escapeHtml(theme)}" data-version="${version}" data-product-json="ProductJSON-${section}">
${pickers}
      </variant-picker>
      ${json}
      <span class="buy-buttons-block">
        <product-form-component data-section-id="${section}" data-product-id="${productId}">
          <form method="post" action="${BASE}/cart/add" id="BuyButtons-ProductForm-${section}" accept-charset="UTF-8" data-type="add-to-cart-form">
            <input type="hidden" name="id" ref="variantId" value="${selected?.id ?? ""}">
            <input type="hidden" name="return_to" value="${BASE}${args.locale === "fr" ? "/fr" : ""}/cart">
            <div class="product-form-buttons">
              <quantity-selector-component class="quantity"><label for="Quantity-${section}">${t.quantity}</label><input id="Quantity-${section}" type="number" name="quantity" value="1" min="1" ref="quantityInput"></quantity-selector-component>
              <add-to-cart-component><button type="submit" name="add" ref="addToCartButton" class="button add-to-cart-button"${can ? "" : " disabled"}>${inner}</button></add-to-cart-component>
            </div>
          </form>
        </product-form-component>
      </span>
      ${block}
    </div>
  </div>
  <sticky-add-to-cart class="sticky-add-to-cart" data-product-id="${productId}">
    <div class="sticky-add-to-cart__bar" ref="stickyBar" role="region" aria-label="${escapeHtml(record.title)}: ${escapeHtml(t.addToCart)}">
      <p class="sticky-add-to-cart__title">${escapeHtml(record.title)} <span class="sticky-add-to-cart__variant">${escapeHtml(selected?.title ?? "")}</span></p>
      <button type="button" class="sticky-add-to-cart__button add-to-cart-button button" ref="addToCartButton"${can ? "" : " disabled"}><span class="add-to-cart-text">${can ? `<span class="svg-wrapper">${ICON}</span>` : ""}<span class="add-to-cart-text__content"><span>${escapeHtml(label)}</span><span ref="quantityDisplay" style="display: none;"> (<span ref="quantityNumber">1</span>)</span></span></span>${added}</button>
    </div>
  </sticky-add-to-cart>
</div>
</section>`;
  }

  function productSection(args: SectionArgs): string {
    const { record, selected, block } = args;
    const section = "template--main";
    const { pickers, json, label, url, price } = sectionParts(args, section);
    const { locale, t } = args;
    return `<section id="shopify-section-${section}" class="shopify-section">
<product-info class="page-width" data-section="${section}" data-product-id="${legacyId(record.id)}">
  <div class="product">
    <div class="product__media" role="img" aria-label="${escapeHtml(record.title)}">${escapeHtml(initials(record.title))}</div>
    <div class="product__info-wrapper">
      <p class="product__text">${escapeHtml(record.vendor)}</p>
      <div class="product__title"><h1>${escapeHtml(record.title)}</h1></div>
      <div class="price" id="price-${section}">${price}</div>
      <variant-selects data-section="${section}" data-url="${url}" data-product-json="ProductJSON-${section}">
${pickers}
      </variant-selects>
      ${json}
      <div class="quantity"><label for="Quantity-${section}">${t.quantity}</label><input id="Quantity-${section}" type="number" name="quantity" value="1" min="1" form="product-form-${section}"></div>
      <div class="product-form">
        <form method="post" action="${BASE}/cart/add" id="product-form-${section}" accept-charset="UTF-8" enctype="application/x-www-form-urlencoded">
          <input type="hidden" name="id" value="${selected?.id ?? ""}" class="product-variant-id">
          <input type="hidden" name="return_to" value="${href(locale, "/cart")}">
          <button id="ProductSubmitButton-${section}" type="submit" name="add" class="product-form__submit button"${selected?.available ? "" : " disabled"}><span>${label}</span></button>
        </form>
      </div>
      ${block}
      <div class="product__description">${record.descriptionHtml}</div>
    </div>
  </div>
</product-info>
</section>`;
  }

  const form = express.urlencoded({ extended: false, limit: "50kb" });

  app.post(`${BASE}/cart/add`, form, (req, res) => {
    const body = req.body as Record<string, string>;
    const id = cartId(req, res);
    const variantId = `gid://shopify/ProductVariant/${String(body.id ?? "")}`;
    const variant = store.variants.get(variantId);
    if (!variant || !variantObject(variant).available) return void res.status(422).send("This variant cannot be added to the cart.");
    const properties: Record<string, string> = {};
    for (const [key, value] of Object.entries(body)) {
      const match = /^properties\[(.+)\]$/.exec(key);
      if (match?.[1] && value !== "") properties[match[1]] = String(value);
    }
    const quantity = Math.max(1, Math.min(99, Number.parseInt(String(body.quantity ?? "1"), 10) || 1));
    const sellingPlan = /^\d+$/.test(String(body.selling_plan ?? "")) ? String(body.selling_plan) : null;
    carts.get(id)?.push({ variantId, quantity, properties, sellingPlan });
    res.redirect(303, String(body.return_to ?? "").startsWith(BASE) ? String(body.return_to) : `${BASE}/cart`);
  });

  app.post([`${BASE}/cart/clear`, `${BASE}/:locale(fr)/cart/clear`], (req, res) => {
    carts.set(cartId(req, res), []);
    res.redirect(303, href(localeOf(req), "/cart"));
  });

  app.get([`${BASE}/cart`, `${BASE}/:locale(fr)/cart`], async (req, res, next) => {
    try {
      const locale = localeOf(req);
      const t = THEME_TEXT[locale];
      const cart = cartObject(cartLines(req));
      const currency = store.shop.currencyCode;
      const rows = cart.items
        .map((item) => {
          // Like Dawn, properties whose name starts with "_" are hidden from the shopper.
          const props = Object.entries(item.properties)
            .filter(([name]) => !name.startsWith("_"))
            .map(([name, value]) => `<p class="cart-item__props"><span>${escapeHtml(name)}:</span> <span data-property="${escapeHtml(name)}">${escapeHtml(value)}</span></p>`)
            .join("");
          const plan = item.selling_plan_allocation?.selling_plan.id;
          return `<tr data-cart-item data-variant-id="${item.variant.id}"${plan ? ` data-selling-plan="${plan}"` : ""}><td>${escapeHtml(item.title)}${props}</td><td>${item.quantity}</td><td>${formatMoney(item.final_line_price / 100, locale, currency)}</td></tr>`;
        })
        .join("");
      const globals = { cart, shop: shopObject(), request: { locale: { iso_code: locale }, path: `${locale === "fr" ? "/fr" : ""}/cart`, page_type: "cart" } };
      const embed = await renderer.renderBlock(EMBED, { locale, blockId: "cart_notice_demo", globals });
      const schema = renderer.schema(EMBED);
      const head = [
        schema.stylesheet ? `<link rel="stylesheet" href="${BASE}/assets/${schema.stylesheet}">` : "",
        schema.javascript ? `<script src="${BASE}/assets/${schema.javascript}" defer></script>` : "",
      ].join("\n");
      const body = cart.items.length
        ? `<div class="page-width"><h1>${t.cart}</h1>
<form action="${href(locale, "/cart")}" method="post" id="cart">
<table class="cart-items"><thead><tr><th scope="col">${t.product}</th><th scope="col">${t.quantity}</th><th scope="col">${t.total}</th></tr></thead><tbody>${rows}</tbody></table>
<div class="cart__footer"><p>${t.total}: ${formatMoney(cart.total_price / 100, locale, currency)}</p><button type="submit" name="checkout" class="button" disabled>${t.checkout}</button></div>
</form>
<form method="post" action="${href(locale, "/cart/clear")}"><button type="submit" class="button button--secondary">${t.clearCart}</button></form></div>`
        : `<div class="page-width"><h1>${t.cart}</h1><p>${t.emptyCart}</p></div>`;
      // Shopify injects app embeds (target: body) just before </body>.
      res.type("html").send(layout(req, locale, { title: t.cart, current: "cart", head, body, endOfBody: `<div id="shopify-block-cart_notice_demo" class="shopify-block shopify-app-block">${embed}</div>` }));
    } catch (error) {
      next(error);
    }
  });

  app.post([`${BASE}/account`, `${BASE}/:locale(fr)/account`], form, (req, res) => {
    const body = req.body as Record<string, string>;
    const id = String(body.customer ?? "");
    const known = /^\d+$/.test(id) && store.customers.has(`gid://shopify/Customer/${id}`);
    res.append("Set-Cookie", `bp_demo_customer=${known ? id : ""}; Path=/; HttpOnly; SameSite=Lax${known ? "" : "; Max-Age=0"}`);
    const back = String(body.return_to ?? "");
    res.redirect(303, back.startsWith(BASE) ? back : href(localeOf(req)));
  });

  // Liquid prints Shopify's paths (/products/<handle>, /fr/products/<handle>): send them to the preview.
  app.get(["/products/:handle", "/:locale(fr)/products/:handle"], (req, res) => {
    const query = req.url.includes("?") ? req.url.slice(req.url.indexOf("?")) : "";
    res.redirect(302, `${href(localeOf(req), `/products/${encodeURIComponent(req.params.handle ?? "")}`)}${query}`);
  });

  // ---- the app proxy ---------------------------------------------------------------------------------

  app.all(`${PROXY_PREFIX}/*`, express.raw({ type: () => true, limit: "100kb" }), async (req, res, next) => {
    try {
      const incoming = new URL(req.originalUrl, extras.origin);
      const subpath = incoming.pathname.slice(PROXY_PREFIX.length);
      const customer = customerOf(req);
      const params: Record<string, string> = {};
      for (const [key, value] of incoming.searchParams) params[key] = value;
      // What Shopify adds (and signs) on every proxied request; logged_in_customer_id is "" for guests.
      Object.assign(params, {
        shop,
        path_prefix: PROXY_PREFIX,
        timestamp: String(Math.trunc(Date.now() / 1000)),
        logged_in_customer_id: customer ? String(legacyId(customer.id)) : "",
      });
      delete params.signature;
      const target = new URL(`/proxy${subpath}`, extras.origin);
      for (const [key, value] of Object.entries(params)) target.searchParams.set(key, value);
      target.searchParams.set("signature", signProxyQuery(params, secret));

      const headers: Record<string, string> = {
        "User-Agent": req.get("user-agent") ?? FALLBACK_USER_AGENT,
        "X-Forwarded-For": req.ip ?? "127.0.0.1",
      };
      for (const name of ["content-type", "accept", "accept-language"]) {
        const value = req.get(name);
        if (value) headers[name] = value;
      }
      const hasBody = !["GET", "HEAD"].includes(req.method) && Buffer.isBuffer(req.body) && req.body.length > 0;
      const answer = await fetch(target, { method: req.method, headers, body: hasBody ? new Uint8Array(req.body as Buffer) : undefined, redirect: "manual" });
      const type = answer.headers.get("content-type") ?? "";
      for (const name of ["cache-control", "retry-after", "location", "allow"]) {
        const value = answer.headers.get(name);
        if (value) res.set(name, value);
      }
      if (type.startsWith("application/liquid")) {
        // Shopify renders the app's Liquid in the shop's theme, in the storefront language the shopper was in.
        const from = req.get("referer") ?? "";
        const fromFrench = from.includes(`${BASE}/fr/`) || /[?&]locale=fr\b/.test(from) || incoming.searchParams.get("locale") === "fr";
        const locale: Locale = fromFrench || /^fr\b/.test(req.get("accept-language") ?? "") ? "fr" : "en";
        const source = await answer.text();
        const globals = { shop: shopObject(), customer, request: { locale: { iso_code: locale }, path: incoming.pathname } };
        const html = await renderer.renderString(source, { locale, globals });
        res.status(answer.status).type("html").send(layout(req, locale, { title: store.shop.name, body: html }));
        return;
      }
      res.status(answer.status);
      if (type) res.type(type);
      res.send(Buffer.from(await answer.arrayBuffer()));
    } catch (error) {
      next(error);
    }
  });

  console.log(`  Storefront preview (theme app extension): ${extras.origin}${BASE}`);
}
