// Admin UI strings in English and French. The embedded admin passes the merchant's `locale` (e.g. "fr-FR").
import polarisEn from "@shopify/polaris/locales/en.json";
import polarisFr from "@shopify/polaris/locales/fr.json";

export type AdminLocale = "en" | "fr";

const en = {
  "nav.home": "Home",
  "home.title": "Backorder Pilot",
  "home.shop": "Shop",
  "home.timezone": "Timezone",
  "home.currency": "Currency",
  "home.soldOut.title": "Sold-out products",
  "home.soldOut.description":
    "These products have no stock left. Flag them as backorderable to keep selling with an honest delivery date.",
  "home.soldOut.empty": "No sold-out products. Every product has stock.",
  "home.soldOut.units": "{count} in stock",
  "login.title": "Log in",
  "login.shop": "Shop domain",
  "login.help": "example.myshopify.com",
  "login.submit": "Log in",
  "login.error.missingShop": "Please enter your shop domain to log in",
  "login.error.invalidShop": "Please enter a valid shop domain to log in",
} as const;

export type AdminMessageKey = keyof typeof en;

const fr: Record<AdminMessageKey, string> = {
  "nav.home": "Accueil",
  "home.title": "Backorder Pilot",
  "home.shop": "Boutique",
  "home.timezone": "Fuseau horaire",
  "home.currency": "Devise",
  "home.soldOut.title": "Produits en rupture",
  "home.soldOut.description":
    "Ces produits n’ont plus de stock. Activez la commande différée pour continuer à vendre avec une date de livraison honnête.",
  "home.soldOut.empty": "Aucun produit en rupture : tous les produits ont du stock.",
  "home.soldOut.units": "{count} en stock",
  "login.title": "Connexion",
  "login.shop": "Domaine de la boutique",
  "login.help": "exemple.myshopify.com",
  "login.submit": "Se connecter",
  "login.error.missingShop": "Saisissez le domaine de votre boutique pour vous connecter",
  "login.error.invalidShop": "Saisissez un domaine de boutique valide pour vous connecter",
};

const messages: Record<AdminLocale, Record<AdminMessageKey, string>> = { en, fr };

/** "fr", "fr-FR", "fr-CA" → "fr"; anything else → "en". */
export function adminLocale(value: string | null | undefined): AdminLocale {
  return value?.toLowerCase().startsWith("fr") ? "fr" : "en";
}

export function adminLocaleFromRequest(request: Request): AdminLocale {
  return adminLocale(new URL(request.url).searchParams.get("locale"));
}

export function translator(locale: AdminLocale) {
  return (key: AdminMessageKey, params: Record<string, string | number> = {}) =>
    messages[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}

export function polarisTranslations(locale: AdminLocale) {
  return locale === "fr" ? polarisFr : polarisEn;
}
