// Shopper-facing text of the app-proxy answers (JSON `message` and the no-JavaScript Liquid page).
// The block shows its own translations for the JSON case; these serve headless callers and plain forms.
export type ProxyLocale = "en" | "fr";
export type ProxyMessageKey =
  | "subscribed"
  | "alreadySubscribed"
  | "invalidEmail"
  | "invalidVariant"
  | "invalidRequest"
  | "unknownVariant"
  | "rateLimited"
  | "back";

const MESSAGES: Record<ProxyLocale, Record<ProxyMessageKey, string>> = {
  en: {
    subscribed: "Thank you! We'll email you as soon as it's back in stock.",
    alreadySubscribed: "You're already on the list: we'll email you as soon as it's back in stock.",
    invalidEmail: "Please enter a valid email address, such as name@example.com.",
    invalidVariant: "This product option could not be read. Please reload the page and try again.",
    invalidRequest: "This request could not be read. Please reload the page and try again.",
    unknownVariant: "This product option is no longer available.",
    rateLimited: "Too many sign-ups in a short time. Please try again later.",
    back: "Back to the product",
  },
  fr: {
    subscribed: "Merci ! Nous vous écrirons dès son retour en stock.",
    alreadySubscribed: "Vous êtes déjà inscrit : nous vous écrirons dès son retour en stock.",
    invalidEmail: "Veuillez saisir une adresse e-mail valide, par exemple nom@exemple.fr.",
    invalidVariant: "Cette option du produit n'a pas pu être lue. Veuillez recharger la page et réessayer.",
    invalidRequest: "Cette demande n'a pas pu être lue. Veuillez recharger la page et réessayer.",
    unknownVariant: "Cette option du produit n'est plus disponible.",
    rateLimited: "Trop d'inscriptions en peu de temps. Veuillez réessayer plus tard.",
    back: "Retour au produit",
  },
};

export function proxyLocale(raw: unknown): ProxyLocale {
  return typeof raw === "string" && raw.trim().toLowerCase().startsWith("fr") ? "fr" : "en";
}

export function proxyMessage(locale: ProxyLocale, key: ProxyMessageKey): string {
  return MESSAGES[locale][key];
}
