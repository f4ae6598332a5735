// Admin strings of the privacy area (Privacy requests page: customer data requests to download).
export const en = {
  "nav.privacy": "Privacy requests",
  "privacy.title": "Privacy requests",
  "privacy.description_one":
    "When a customer asks you for their data, Shopify forwards the request to the app. The app gathers what it holds about them (backordered lines, notify-me signups, emails) here for you to download and send. Exports are deleted after {count} day, and at once if the customer asks to be erased.",
  "privacy.description_other":
    "When a customer asks you for their data, Shopify forwards the request to the app. The app gathers what it holds about them (backordered lines, notify-me signups, emails) here for you to download and send. Exports are deleted after {count} days, and at once if the customer asks to be erased.",
  "privacy.empty": "No data requests",
  "privacy.empty.description": "Requests Shopify forwards (customers/data_request) appear here with their export.",
  "privacy.column.received": "Received",
  "privacy.column.customer": "Customer",
  "privacy.column.request": "Request",
  "privacy.column.download": "Export",
  "privacy.download": "Download JSON",
  "privacy.noEmail": "No email given",
  "privacy.resource.singular": "data request",
  "privacy.resource.plural": "data requests",
  "privacy.page.next": "Older requests",
  "privacy.page.previous": "Newer requests",
} as const;

export const fr: Record<keyof typeof en, string> = {
  "nav.privacy": "Demandes de confidentialité",
  "privacy.title": "Demandes de confidentialité",
  "privacy.description_one":
    "Quand un client vous demande ses données, Shopify transmet la demande à l’application. L’application rassemble ici ce qu’elle détient sur lui (lignes en précommande, inscriptions aux alertes, e-mails) pour que vous le téléchargiez et le lui envoyiez. Les exports sont supprimés après {count} jour, et aussitôt si le client demande l’effacement.",
  "privacy.description_other":
    "Quand un client vous demande ses données, Shopify transmet la demande à l’application. L’application rassemble ici ce qu’elle détient sur lui (lignes en précommande, inscriptions aux alertes, e-mails) pour que vous le téléchargiez et le lui envoyiez. Les exports sont supprimés après {count} jours, et aussitôt si le client demande l’effacement.",
  "privacy.empty": "Aucune demande de données",
  "privacy.empty.description": "Les demandes transmises par Shopify (customers/data_request) apparaissent ici avec leur export.",
  "privacy.column.received": "Reçue le",
  "privacy.column.customer": "Client",
  "privacy.column.request": "Demande",
  "privacy.column.download": "Export",
  "privacy.download": "Télécharger le JSON",
  "privacy.noEmail": "Aucun e-mail fourni",
  "privacy.resource.singular": "demande de données",
  "privacy.resource.plural": "demandes de données",
  "privacy.page.next": "Demandes plus anciennes",
  "privacy.page.previous": "Demandes plus récentes",
};
