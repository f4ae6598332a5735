// Customer-facing text of the "Where is my order?" page (app proxy), English and French. Keys are named
// `proxy.wismo.*`; `{name}` placeholders are filled by wismoText.
import type { ProxyLocale } from "./messages";

const EN = {
  "proxy.wismo.title": "Where is my order?",
  "proxy.wismo.intro": "Enter your order number and the email address you ordered with to see where your order stands.",
  "proxy.wismo.orderLabel": "Order number",
  "proxy.wismo.orderHint": "As in your confirmation email, for example #1001.",
  "proxy.wismo.emailLabel": "Email address",
  "proxy.wismo.submit": "Find my order",
  "proxy.wismo.notFound": "We could not find an order with this number and email address. Check both and try again.",
  "proxy.wismo.invalidOrder": "Enter your order number, for example #1001.",
  "proxy.wismo.invalidEmail": "Enter the email address you ordered with, for example name@example.com.",
  "proxy.wismo.invalidRequest": "This request could not be read. Please reload the page and try again.",
  "proxy.wismo.rateLimited": "Too many attempts in a short time. Please try again in {minutes} min.",
  "proxy.wismo.orderHeading": "Order {order}",
  "proxy.wismo.linesCaption": "Items in this order and when they should reach you",
  "proxy.wismo.colItem": "Item",
  "proxy.wismo.colQty": "Quantity",
  "proxy.wismo.colStatus": "Status",
  "proxy.wismo.colEstimate": "Estimated delivery",
  "proxy.wismo.status.waiting": "Waiting for stock",
  "proxy.wismo.status.delayed": "Delayed",
  "proxy.wismo.status.ready": "Ready to ship",
  "proxy.wismo.status.shipped": "Shipped",
  "proxy.wismo.status.cancelled": "Cancelled",
  "proxy.wismo.promised": "promised by {date}",
  "proxy.wismo.noEstimate": "We will email you as soon as we have a date.",
  "proxy.wismo.messageHeading": "A question about this order?",
  "proxy.wismo.messageLabel": "Your message to our team",
  "proxy.wismo.messageHint": "Up to {max} characters. We reply by email.",
  "proxy.wismo.send": "Send message",
  "proxy.wismo.messageRequired": "Write your message.",
  "proxy.wismo.messageTooLong": "Your message is longer than {max} characters.",
  "proxy.wismo.sent": "Thank you: your message reached our team. We will reply by email.",
  "proxy.wismo.expired": "This page has expired. Look up your order again to send a message.",
  "proxy.wismo.another": "Look up another order",
} as const;

export type WismoKey = keyof typeof EN;

const FR: Record<WismoKey, string> = {
  "proxy.wismo.title": "Où en est ma commande ?",
  "proxy.wismo.intro": "Saisissez votre numéro de commande et l’adresse e-mail utilisée pour commander afin de savoir où en est votre commande.",
  "proxy.wismo.orderLabel": "Numéro de commande",
  "proxy.wismo.orderHint": "Comme dans votre e-mail de confirmation, par exemple #1001.",
  "proxy.wismo.emailLabel": "Adresse e-mail",
  "proxy.wismo.submit": "Trouver ma commande",
  "proxy.wismo.notFound": "Nous n’avons trouvé aucune commande avec ce numéro et cette adresse e-mail. Vérifiez-les et réessayez.",
  "proxy.wismo.invalidOrder": "Saisissez votre numéro de commande, par exemple #1001.",
  "proxy.wismo.invalidEmail": "Saisissez l’adresse e-mail utilisée pour commander, par exemple nom@exemple.fr.",
  "proxy.wismo.invalidRequest": "Cette demande n’a pas pu être lue. Veuillez recharger la page et réessayer.",
  "proxy.wismo.rateLimited": "Trop de tentatives en peu de temps. Veuillez réessayer dans {minutes} min.",
  "proxy.wismo.orderHeading": "Commande {order}",
  "proxy.wismo.linesCaption": "Articles de cette commande et date à laquelle ils devraient vous parvenir",
  "proxy.wismo.colItem": "Article",
  "proxy.wismo.colQty": "Quantité",
  "proxy.wismo.colStatus": "Statut",
  "proxy.wismo.colEstimate": "Livraison estimée",
  "proxy.wismo.status.waiting": "En attente de stock",
  "proxy.wismo.status.delayed": "Retardé",
  "proxy.wismo.status.ready": "Prêt à expédier",
  "proxy.wismo.status.shipped": "Expédié",
  "proxy.wismo.status.cancelled": "Annulé",
  "proxy.wismo.promised": "promis pour le {date}",
  "proxy.wismo.noEstimate": "Nous vous écrirons dès que nous aurons une date.",
  "proxy.wismo.messageHeading": "Une question sur cette commande ?",
  "proxy.wismo.messageLabel": "Votre message à notre équipe",
  "proxy.wismo.messageHint": "Jusqu’à {max} caractères. Nous répondons par e-mail.",
  "proxy.wismo.send": "Envoyer le message",
  "proxy.wismo.messageRequired": "Écrivez votre message.",
  "proxy.wismo.messageTooLong": "Votre message dépasse {max} caractères.",
  "proxy.wismo.sent": "Merci : votre message est bien parvenu à notre équipe. Nous vous répondrons par e-mail.",
  "proxy.wismo.expired": "Cette page a expiré. Recherchez à nouveau votre commande pour envoyer un message.",
  "proxy.wismo.another": "Rechercher une autre commande",
};

const MESSAGES: Record<ProxyLocale, Record<WismoKey, string>> = { en: EN, fr: FR };

export function wismoText(locale: ProxyLocale, key: WismoKey, params: Record<string, string | number> = {}): string {
  return MESSAGES[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
