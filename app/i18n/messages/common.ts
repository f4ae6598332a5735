// Admin strings shared by every page: navigation, login, home.
export const en = {
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

export const fr: Record<keyof typeof en, string> = {
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
