// Admin strings of the settings page (labels, help texts, field errors).
export const en = {
  "nav.settings": "Settings",
  "settings.title": "Settings",
  "settings.save": "Save",
  "settings.saving": "Saving…",
  "settings.toast.saved": "Settings saved",
  "settings.banner.invalid": "Some settings need your attention. Nothing was saved.",
  "settings.banner.shopifyRejected": "Shopify refused the shopper terms, so nothing was saved: {message}",
  "settings.banner.shopifyUnavailable": "Shopify could not save the shopper terms just now, so nothing was saved. Try again in a moment.",
  "settings.banner.unsaved":
    "These are suggested settings, based on your shop’s timezone and country. Save them to start promising delivery dates.",
  "settings.days": "days",
  "settings.banner.conflict":
    "Someone else changed these settings since you opened them, so nothing was saved. Reload to see their changes.",
  "settings.reload": "Reload",

  "settings.changes.title": "Date changes and fulfillment",
  "settings.changes.description":
    "When customers waiting for a backorder hear that their date moved, and how an order mixing stock and backorder ships.",
  "settings.delayMinSlipDays.label": "Minimum delay worth an email (days)",
  "settings.delayMinSlipDays.help":
    "A customer gets a delay email only when their latest delivery date moves later by at least this many days.",
  "settings.earlierDateEmails.label": "Email customers when their date moves earlier",
  "settings.earlierDateEmails.help": "Good news, sent when a waiting order’s latest date moves earlier by at least the same minimum.",
  "settings.fulfillmentMode.label": "When an order has items in stock and items on backorder",
  "settings.fulfillmentMode.ship_available": "Ship what is available",
  "settings.fulfillmentMode.ship_available.help": "Only the backordered items are held; the rest ships now.",
  "settings.fulfillmentMode.ship_together": "Ship everything together",
  "settings.fulfillmentMode.ship_together.help": "The whole order waits until every item is in hand.",

  "settings.cancellation.title": "Cancellation requests",
  "settings.cancellation.description":
    "Every delay email lets the customer choose: wait for the new date, or cancel the delayed items for a refund.",
  "settings.cancellation.label": "When a customer asks to cancel",
  "settings.cancellation.refund": "Refund automatically",
  "settings.cancellation.refund.help": "The items are cancelled and refunded in Shopify at once, and the customer gets the cancellation email.",
  "settings.cancellation.approval": "Wait for staff approval",
  "settings.cancellation.approval.help": "The request waits on the order’s support desk page until someone approves or declines it.",
  "settings.cancellation.ftc":
    "In the US, the FTC mail-order rule requires a delay notice to offer the option to cancel for a prompt refund: approve requests quickly.",

  "settings.promises.title": "Delivery promises",
  "settings.promises.description":
    "How cautious the dates shown to shoppers are. Promises are ranges, never a single optimistic date.",
  "settings.safetyMarginDays.label": "Safety margin",
  "settings.safetyMarginDays.help":
    "Days added to the latest date of every promise that relies on incoming stock, on top of the supplier’s observed delays.",
  "settings.defaultLeadTimeDays.label": "Default supplier lead time",
  "settings.defaultLeadTimeDays.help":
    "Days for new stock to arrive when a variant has no incoming batch, production capacity or lead time of its own.",

  "settings.delivery.title": "Delivery modes",
  "settings.delivery.description":
    "Business days to prepare an order once the goods are in hand (processing) and to deliver it (transit). Shoppers see a range from the minimum to the maximum.",
  "settings.mode.standard": "Standard delivery",
  "settings.mode.express": "Express delivery",
  "settings.mode.pickup": "In-store pickup",
  "settings.mode.enabled": "Offer this delivery mode",
  "settings.mode.processingDays": "Processing",
  "settings.mode.processingDays.help": "Business days to pack the order.",
  "settings.mode.transitMinDays": "Transit, minimum",
  "settings.mode.transitMaxDays": "Transit, maximum",
  "settings.mode.pickupHelp": "A pickup order is ready as soon as processing is done: there is no transit.",

  "settings.calendar.title": "Business calendar",
  "settings.calendar.description":
    "Processing and transit count business days only, in your shop’s timezone: working days that are not public holidays or closure days.",
  "settings.cutoffTime.label": "Order cut-off time",
  "settings.cutoffTime.help": "Orders placed at or after this time (HH:mm, shop time) start processing the next business day.",
  "settings.timezone.label": "Timezone",
  "settings.holidayCountry.label": "Public holidays of",
  "settings.holidayCountry.help": "This country’s public holidays are not business days.",
  "settings.holidayRegion.label": "Region",
  "settings.holidayRegion.none": "Whole country",
  "settings.holidayRegion.help": "Pick a region to add its own public holidays.",
  "settings.workingDays.label": "Working days",
  "settings.weekday.1": "Monday",
  "settings.weekday.2": "Tuesday",
  "settings.weekday.3": "Wednesday",
  "settings.weekday.4": "Thursday",
  "settings.weekday.5": "Friday",
  "settings.weekday.6": "Saturday",
  "settings.weekday.7": "Sunday",

  "settings.closures.title": "Closure days",
  "settings.closures.description":
    "Days your business is closed besides weekends and public holidays, such as annual leave. No order is processed or shipped on these days.",
  "settings.closures.add.label": "Add a closure day",
  "settings.closures.add.help": "Pick a date, then press Add (or Enter).",
  "settings.closures.add.button": "Add",
  "settings.closures.list": "Closure days",
  "settings.closures.empty": "No closure days yet.",

  "settings.terms.title.en": "Shopper terms in English",
  "settings.terms.title.fr": "Shopper terms in French",
  "settings.terms.description":
    "Shown on the product page before a shopper buys a backordered item, up to 2,000 characters each. Changing any of them starts a new terms version, recorded with each order (current version: {version}).",
  "settings.terms.payment.label": "Payment",
  "settings.terms.payment.help": "When the shopper is charged, for example at checkout or when the item ships.",
  "settings.terms.shipping.label": "Shipping fees",
  "settings.terms.shipping.help": "What delivery costs for a backordered item, and whether split shipments cost extra.",
  "settings.terms.cancellation.label": "Cancellation policy",
  "settings.terms.cancellation.help": "How and until when the shopper can cancel and get a refund.",

  "settings.error.required": "This field is required.",
  "settings.error.wholeDays": "Enter a whole number of days from 0 to 365.",
  "settings.error.transitOrder": "The maximum must be at least the minimum.",
  "settings.error.cutoff": "Enter a time as HH:mm, for example 14:00.",
  "settings.error.timezone": "Choose a timezone from the list.",
  "settings.error.country": "Choose a country from the list.",
  "settings.error.region": "Choose a region of the selected country.",
  "settings.error.workingDays": "Choose at least one working day.",
  "settings.error.deliveryModes": "Offer at least one delivery mode.",
  "settings.error.closureDay": "Enter a valid date (YYYY-MM-DD).",
  "settings.error.closureDaysTooMany": "Keep at most 400 closure days.",
  "settings.error.termsTooLong": "Keep this text to 2,000 characters or fewer.",
  "settings.error.invalid": "This value is not valid.",
  "settings.error.closureDayRange": "Closure days must fall between one year ago and three years from now.",
  "settings.error.delayMinSlipDays": "Enter a whole number of days from 1 to 60.",
  "settings.error.fulfillmentMode": "Choose how to ship an order that mixes stock and backorder.",
  "settings.error.cancelRequests": "Choose what a customer’s cancellation request does.",
  "settings.error.version": "This form is out of date: reload the page and try again.",

  // Shared by every admin save that can move promised dates (settings, product page).
  "dateChanges.title": "This save will email customers",
  "dateChanges.delayed_one": "This change moves the delivery date of {count} customer later: they will get a delay email.",
  "dateChanges.delayed_other": "This change moves the delivery date of {count} customers later: they will get a delay email.",
  "dateChanges.earlier_one": "This change moves the delivery date of {count} customer earlier: they will get an email with the new date.",
  "dateChanges.earlier_other": "This change moves the delivery date of {count} customers earlier: they will get an email with the new date.",
  "dateChanges.question": "Save anyway?",
  "dateChanges.confirm_one": "Save and email {count} customer",
  "dateChanges.confirm_other": "Save and email {count} customers",
  "dateChanges.cancel": "Cancel",
} as const;

export const fr: Record<keyof typeof en, string> = {
  "nav.settings": "Paramètres",
  "settings.title": "Paramètres",
  "settings.save": "Enregistrer",
  "settings.saving": "Enregistrement…",
  "settings.toast.saved": "Paramètres enregistrés",
  "settings.banner.invalid": "Certains paramètres sont à corriger. Rien n’a été enregistré.",
  "settings.banner.shopifyRejected": "Shopify a refusé les conditions affichées aux clients, rien n’a donc été enregistré : {message}",
  "settings.banner.shopifyUnavailable":
    "Shopify n’a pas pu enregistrer les conditions affichées aux clients, rien n’a donc été enregistré. Réessayez dans un instant.",
  "settings.banner.unsaved":
    "Voici des paramètres suggérés d’après le fuseau horaire et le pays de votre boutique. Enregistrez-les pour commencer à promettre des dates de livraison.",
  "settings.days": "jours",
  "settings.banner.conflict":
    "Quelqu’un d’autre a modifié ces paramètres depuis que vous les avez ouverts : rien n’a été enregistré. Rechargez pour voir ses modifications.",
  "settings.reload": "Recharger",

  "settings.changes.title": "Changements de date et expédition",
  "settings.changes.description":
    "Quand les clients en attente sont prévenus que leur date a changé, et comment s’expédie une commande mêlant stock et précommande.",
  "settings.delayMinSlipDays.label": "Retard minimal justifiant un e-mail (jours)",
  "settings.delayMinSlipDays.help":
    "Un client reçoit un e-mail de retard seulement si sa date de livraison au plus tard recule d’au moins ce nombre de jours.",
  "settings.earlierDateEmails.label": "Prévenir les clients quand leur date avance",
  "settings.earlierDateEmails.help":
    "Une bonne nouvelle, envoyée quand la date au plus tard d’une commande en attente avance d’au moins ce même minimum.",
  "settings.fulfillmentMode.label": "Quand une commande contient des articles en stock et des articles en précommande",
  "settings.fulfillmentMode.ship_available": "Expédier ce qui est disponible",
  "settings.fulfillmentMode.ship_available.help": "Seuls les articles en précommande sont retenus ; le reste part maintenant.",
  "settings.fulfillmentMode.ship_together": "Tout expédier ensemble",
  "settings.fulfillmentMode.ship_together.help": "Toute la commande attend que chaque article soit disponible.",

  "settings.cancellation.title": "Demandes d’annulation",
  "settings.cancellation.description":
    "Chaque e-mail de retard laisse le client choisir : attendre la nouvelle date, ou annuler les articles retardés et être remboursé.",
  "settings.cancellation.label": "Quand un client demande l’annulation",
  "settings.cancellation.refund": "Rembourser automatiquement",
  "settings.cancellation.refund.help": "Les articles sont annulés et remboursés dans Shopify immédiatement, et le client reçoit l’e-mail d’annulation.",
  "settings.cancellation.approval": "Attendre la validation de l’équipe",
  "settings.cancellation.approval.help": "La demande attend sur la page de la commande au service client qu’une personne l’accepte ou la refuse.",
  "settings.cancellation.ftc":
    "Aux États-Unis, la règle de la FTC sur la vente à distance impose qu’un avis de retard propose l’annulation avec remboursement rapide : traitez les demandes sans tarder.",

  "settings.promises.title": "Promesses de livraison",
  "settings.promises.description":
    "La prudence des dates affichées aux clients. Une promesse est toujours une fourchette, jamais une date unique et optimiste.",
  "settings.safetyMarginDays.label": "Marge de sécurité",
  "settings.safetyMarginDays.help":
    "Jours ajoutés à la date la plus tardive de chaque promesse fondée sur un arrivage, en plus des retards constatés du fournisseur.",
  "settings.defaultLeadTimeDays.label": "Délai fournisseur par défaut",
  "settings.defaultLeadTimeDays.help":
    "Jours nécessaires pour recevoir du stock quand une variante n’a ni arrivage prévu, ni capacité de production, ni délai propre.",

  "settings.delivery.title": "Modes de livraison",
  "settings.delivery.description":
    "Jours ouvrés pour préparer une commande une fois la marchandise reçue (préparation) et pour la livrer (transport). Les clients voient une fourchette du minimum au maximum.",
  "settings.mode.standard": "Livraison standard",
  "settings.mode.express": "Livraison express",
  "settings.mode.pickup": "Retrait en magasin",
  "settings.mode.enabled": "Proposer ce mode de livraison",
  "settings.mode.processingDays": "Préparation",
  "settings.mode.processingDays.help": "Jours ouvrés pour emballer la commande.",
  "settings.mode.transitMinDays": "Transport, minimum",
  "settings.mode.transitMaxDays": "Transport, maximum",
  "settings.mode.pickupHelp": "Une commande à retirer est prête dès la fin de la préparation : il n’y a pas de transport.",

  "settings.calendar.title": "Calendrier ouvré",
  "settings.calendar.description":
    "La préparation et le transport ne comptent que les jours ouvrés, dans le fuseau horaire de la boutique : jours travaillés hors jours fériés et jours de fermeture.",
  "settings.cutoffTime.label": "Heure limite de commande",
  "settings.cutoffTime.help":
    "Une commande passée à cette heure ou plus tard (HH:mm, heure de la boutique) est préparée à partir du jour ouvré suivant.",
  "settings.timezone.label": "Fuseau horaire",
  "settings.holidayCountry.label": "Jours fériés de",
  "settings.holidayCountry.help": "Les jours fériés de ce pays ne sont pas des jours ouvrés.",
  "settings.holidayRegion.label": "Région",
  "settings.holidayRegion.none": "Tout le pays",
  "settings.holidayRegion.help": "Choisissez une région pour ajouter ses propres jours fériés.",
  "settings.workingDays.label": "Jours travaillés",
  "settings.weekday.1": "Lundi",
  "settings.weekday.2": "Mardi",
  "settings.weekday.3": "Mercredi",
  "settings.weekday.4": "Jeudi",
  "settings.weekday.5": "Vendredi",
  "settings.weekday.6": "Samedi",
  "settings.weekday.7": "Dimanche",

  "settings.closures.title": "Jours de fermeture",
  "settings.closures.description":
    "Jours où votre entreprise est fermée en plus des week-ends et des jours fériés, par exemple les congés annuels. Aucune commande n’est préparée ni expédiée ces jours-là.",
  "settings.closures.add.label": "Ajouter un jour de fermeture",
  "settings.closures.add.help": "Choisissez une date, puis appuyez sur Ajouter (ou Entrée).",
  "settings.closures.add.button": "Ajouter",
  "settings.closures.list": "Jours de fermeture",
  "settings.closures.empty": "Aucun jour de fermeture pour l’instant.",

  "settings.terms.title.en": "Conditions affichées aux clients, en anglais",
  "settings.terms.title.fr": "Conditions affichées aux clients, en français",
  "settings.terms.description":
    "Affichées sur la page produit avant l’achat d’un article en précommande, 2 000 caractères au plus chacune. Toute modification crée une nouvelle version des conditions, enregistrée avec chaque commande (version actuelle : {version}).",
  "settings.terms.payment.label": "Paiement",
  "settings.terms.payment.help": "Quand le client est débité, par exemple à la commande ou à l’expédition.",
  "settings.terms.shipping.label": "Frais de livraison",
  "settings.terms.shipping.help":
    "Le coût de livraison d’un article en précommande, et si un envoi en plusieurs fois coûte plus cher.",
  "settings.terms.cancellation.label": "Conditions d’annulation",
  "settings.terms.cancellation.help": "Comment et jusqu’à quand le client peut annuler et être remboursé.",

  "settings.error.required": "Ce champ est obligatoire.",
  "settings.error.wholeDays": "Saisissez un nombre entier de jours entre 0 et 365.",
  "settings.error.transitOrder": "Le maximum doit être supérieur ou égal au minimum.",
  "settings.error.cutoff": "Saisissez une heure au format HH:mm, par exemple 14:00.",
  "settings.error.timezone": "Choisissez un fuseau horaire dans la liste.",
  "settings.error.country": "Choisissez un pays dans la liste.",
  "settings.error.region": "Choisissez une région du pays sélectionné.",
  "settings.error.workingDays": "Choisissez au moins un jour travaillé.",
  "settings.error.deliveryModes": "Proposez au moins un mode de livraison.",
  "settings.error.closureDay": "Saisissez une date valide (AAAA-MM-JJ).",
  "settings.error.closureDaysTooMany": "Gardez au plus 400 jours de fermeture.",
  "settings.error.termsTooLong": "Limitez ce texte à 2 000 caractères.",
  "settings.error.invalid": "Cette valeur n’est pas valide.",
  "settings.error.closureDayRange": "Les jours de fermeture doivent se situer entre il y a un an et dans trois ans.",
  "settings.error.delayMinSlipDays": "Saisissez un nombre entier de jours entre 1 et 60.",
  "settings.error.fulfillmentMode": "Choisissez comment expédier une commande mêlant stock et précommande.",
  "settings.error.cancelRequests": "Choisissez ce que fait une demande d’annulation d’un client.",
  "settings.error.version": "Ce formulaire n’est plus à jour : rechargez la page et réessayez.",

  "dateChanges.title": "Cet enregistrement enverra des e-mails à des clients",
  "dateChanges.delayed_one": "Cette modification repousse la date de livraison de {count} client : il recevra un e-mail de retard.",
  "dateChanges.delayed_other": "Cette modification repousse la date de livraison de {count} clients : ils recevront un e-mail de retard.",
  "dateChanges.earlier_one": "Cette modification avance la date de livraison de {count} client : il recevra un e-mail avec la nouvelle date.",
  "dateChanges.earlier_other": "Cette modification avance la date de livraison de {count} clients : ils recevront un e-mail avec la nouvelle date.",
  "dateChanges.question": "Enregistrer quand même ?",
  "dateChanges.confirm_one": "Enregistrer et écrire à {count} client",
  "dateChanges.confirm_other": "Enregistrer et écrire à {count} clients",
  "dateChanges.cancel": "Annuler",
};
