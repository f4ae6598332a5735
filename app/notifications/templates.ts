// Built-in email templates in English and French (Liquid). Bodies are the inner HTML of the message; the
// app wraps them in a small responsive layout (./render.server.ts) and derives the plain-text part.
// Variables are listed per kind in ./kinds.ts. Outputs are HTML-escaped automatically.
import type { EmailKind, EmailLocale } from "./kinds";

export interface TemplateSource {
  subject: string;
  body: string;
}

const H1 = 'style="font-size:22px;line-height:1.3;margin:0 0 16px;"';
const H2 = 'style="font-size:16px;margin:24px 0 8px;"';
const TABLE = 'role="presentation" style="width:100%;border-collapse:collapse;margin:16px 0;"';
const TD = 'style="padding:10px 0;border-bottom:1px solid #e1e3e5;vertical-align:top;"';
const TD_RIGHT = 'style="padding:10px 0 10px 12px;border-bottom:1px solid #e1e3e5;vertical-align:top;text-align:right;white-space:nowrap;"';
const NOTE = 'style="color:#616161;font-size:14px;"';
const BUTTON =
  'style="display:inline-block;padding:12px 20px;background:#303030;color:#ffffff;text-decoration:none;border-radius:8px;font-weight:600;"';

const BUTTON_SECONDARY =
  'style="display:inline-block;padding:12px 20px;background:#ffffff;color:#303030;text-decoration:none;border-radius:8px;font-weight:600;border:1px solid #8a8a8a;"';

const variant = (prefix = "") => `{% if ${prefix}variant_title != blank %} ({{ ${prefix}variant_title }}){% endif %}`;
/** Words that agree with the quantity ("arrivera" / "arriveront"), chosen in Liquid at send time. */
const byQuantity = (one: string, other: string) => `{% if quantity > 1 %}${other}{% else %}${one}{% endif %}`;

const defaults: Record<EmailKind, Record<EmailLocale, TemplateSource>> = {
  backorder_confirmation: {
    en: {
      subject: "Order {{ order_name }}: your backordered items",
      body: `<h1 ${H1}>We’ve reserved your backordered items</h1>
<p>{% if customer_name != blank %}Hi {{ customer_name }},{% else %}Hello,{% endif %}</p>
<p>Thank you for order <strong>{{ order_name }}</strong>. Some of its items are not in stock yet: they are reserved for you and will ship as soon as they arrive.</p>
<table ${TABLE}>
{% for line in lines %}<tr>
<td ${TD}>{{ line.quantity }} × {{ line.product_title }}${variant("line.")}</td>
<td ${TD_RIGHT}>{{ line.earliest | date_range: line.latest }}</td>
</tr>
{% endfor %}</table>
<p ${NOTE}>Dates are our best estimate of delivery. If one changes, we will email you the new date, and you may then cancel the delayed items for a full refund.</p>
{% if payment.balance != blank %}<h2 ${H2}>Payment</h2>
<p>{% if payment.paid != blank %}You paid <strong>{{ payment.paid }}</strong> at checkout.{% else %}You paid nothing at checkout.{% endif %} The balance of <strong>{{ payment.balance }}</strong> will be charged to the payment method you used {% if payment.due_on != blank %}on {{ payment.due_on | format_date: true }}{% else %}when your items are ready to ship{% endif %}.</p>
{% endif %}
{% if terms.payment != blank or terms.shipping != blank or terms.cancellation != blank %}<h2 ${H2}>Your backorder terms</h2>
{% if terms.payment != blank %}<p><strong>Payment:</strong> {{ terms.payment | newline_to_br }}</p>{% endif %}
{% if terms.shipping != blank %}<p><strong>Shipping:</strong> {{ terms.shipping | newline_to_br }}</p>{% endif %}
{% if terms.cancellation != blank %}<p><strong>Cancellation:</strong> {{ terms.cancellation | newline_to_br }}</p>{% endif %}
{% endif %}<p>Thank you for your patience.</p>`,
    },
    fr: {
      subject: "Commande {{ order_name }} : vos articles en précommande",
      body: `<h1 ${H1}>Vos articles en précommande sont réservés</h1>
<p>{% if customer_name != blank %}Bonjour {{ customer_name }},{% else %}Bonjour,{% endif %}</p>
<p>Merci pour votre commande <strong>{{ order_name }}</strong>. Certains articles ne sont pas encore en stock : ils vous sont réservés et partiront dès leur arrivée.</p>
<table ${TABLE}>
{% for line in lines %}<tr>
<td ${TD}>{{ line.quantity }} × {{ line.product_title }}${variant("line.")}</td>
<td ${TD_RIGHT}>{{ line.earliest | date_range: line.latest }}</td>
</tr>
{% endfor %}</table>
<p ${NOTE}>Ces dates sont notre meilleure estimation de livraison. Si l’une d’elles change, nous vous écrirons la nouvelle date, et vous pourrez alors annuler les articles retardés pour un remboursement intégral.</p>
{% if payment.balance != blank %}<h2 ${H2}>Paiement</h2>
<p>{% if payment.paid != blank %}Vous avez payé <strong>{{ payment.paid }}</strong> à la commande.{% else %}Vous n’avez rien payé à la commande.{% endif %} Le solde de <strong>{{ payment.balance }}</strong> sera débité sur le moyen de paiement utilisé {% if payment.due_on != blank %}le {{ payment.due_on | format_date: true }}{% else %}quand vos articles seront prêts à partir{% endif %}.</p>
{% endif %}
{% if terms.payment != blank or terms.shipping != blank or terms.cancellation != blank %}<h2 ${H2}>Vos conditions de précommande</h2>
{% if terms.payment != blank %}<p><strong>Paiement :</strong> {{ terms.payment | newline_to_br }}</p>{% endif %}
{% if terms.shipping != blank %}<p><strong>Livraison :</strong> {{ terms.shipping | newline_to_br }}</p>{% endif %}
{% if terms.cancellation != blank %}<p><strong>Annulation :</strong> {{ terms.cancellation | newline_to_br }}</p>{% endif %}
{% endif %}<p>Merci de votre patience.</p>`,
    },
  },
  delay_notice: {
    en: {
      subject: "Order {{ order_name }}: new delivery date for {{ product_title }}",
      body: `<h1 ${H1}>${byQuantity("Your item is delayed", "Your items are delayed")}</h1>
<p>{% if customer_name != blank %}Hi {{ customer_name }},{% else %}Hello,{% endif %}</p>
<p>We’re sorry: {{ quantity }} × <strong>{{ product_title }}</strong>${variant()} from order <strong>{{ order_name }}</strong> will arrive later than we told you.</p>
<table ${TABLE}>
<tr><td ${TD}>Previously expected by</td><td ${TD_RIGHT}>{{ previous_latest | format_date }}</td></tr>
<tr><td ${TD}><strong>New estimated delivery</strong></td><td ${TD_RIGHT}><strong>{{ earliest | date_range: latest }}</strong></td></tr>
</table>
<h2 ${H2}>You can cancel for a full refund</h2>
{% if cancel_url != blank %}<p>If the new date doesn’t work for you, you have the right to cancel ${byQuantity("this item", "these items")} and be refunded in full. Tell us what you prefer:</p>
<p><a href="{{ wait_url }}" ${BUTTON}>I’ll wait for the new date</a></p>
<p><a href="{{ cancel_url }}" ${BUTTON_SECONDARY}>Cancel ${byQuantity("this item", "these items")} for a refund</a></p>
<p ${NOTE}>Each link opens a page of our shop where you confirm your choice. If you are happy to wait, you may also do nothing — ${byQuantity("it", "they")} will ship as soon as ${byQuantity("it arrives", "they arrive")}.</p>
{% else %}<p>If the new date doesn’t work for you, you have the right to cancel ${byQuantity("this item", "these items")}: contact us and we will refund ${byQuantity("it", "them")} in full. If you are happy to wait, there is nothing to do — ${byQuantity("it", "they")} will ship as soon as ${byQuantity("it arrives", "they arrive")}.</p>
{% endif %}
<p>Thank you for your patience.</p>`,
    },
    fr: {
      subject: "Commande {{ order_name }} : nouvelle date de livraison pour {{ product_title }}",
      body: `<h1 ${H1}>${byQuantity("Votre article est retardé", "Vos articles sont retardés")}</h1>
<p>{% if customer_name != blank %}Bonjour {{ customer_name }},{% else %}Bonjour,{% endif %}</p>
<p>Nous sommes désolés : {{ quantity }} × <strong>{{ product_title }}</strong>${variant()} de la commande <strong>{{ order_name }}</strong> ${byQuantity("arrivera", "arriveront")} plus tard que prévu.</p>
<table ${TABLE}>
<tr><td ${TD}>Livraison prévue auparavant au plus tard le</td><td ${TD_RIGHT}>{{ previous_latest | format_date }}</td></tr>
<tr><td ${TD}><strong>Nouvelle livraison estimée</strong></td><td ${TD_RIGHT}><strong>{{ earliest | date_range: latest }}</strong></td></tr>
</table>
<h2 ${H2}>Vous pouvez annuler et être remboursé intégralement</h2>
{% if cancel_url != blank %}<p>Si cette nouvelle date ne vous convient pas, vous avez le droit d’annuler ${byQuantity("cet article", "ces articles")} et d’être remboursé intégralement. Dites-nous ce que vous préférez :</p>
<p><a href="{{ wait_url }}" ${BUTTON}>J’attends la nouvelle date</a></p>
<p><a href="{{ cancel_url }}" ${BUTTON_SECONDARY}>Annuler ${byQuantity("cet article", "ces articles")} et être remboursé</a></p>
<p ${NOTE}>Chaque lien ouvre une page de notre boutique où vous confirmez votre choix. Si vous pouvez patienter, vous pouvez aussi ne rien faire : ${byQuantity("il partira dès son arrivée", "ils partiront dès leur arrivée")}.</p>
{% else %}<p>Si cette nouvelle date ne vous convient pas, vous avez le droit d’annuler ${byQuantity("cet article", "ces articles")} : contactez-nous et nous vous ${byQuantity("le", "les")} rembourserons intégralement. Si vous pouvez patienter, vous n’avez rien à faire : ${byQuantity("il partira dès son arrivée", "ils partiront dès leur arrivée")}.</p>
{% endif %}
<p>Merci de votre patience.</p>`,
    },
  },
  earlier_date: {
    en: {
      subject: "Order {{ order_name }}: {{ product_title }} is coming sooner",
      body: `<h1 ${H1}>Good news: ${byQuantity("your item is", "your items are")} coming sooner</h1>
<p>{% if customer_name != blank %}Hi {{ customer_name }},{% else %}Hello,{% endif %}</p>
<p>{{ quantity }} × <strong>{{ product_title }}</strong>${variant()} from order <strong>{{ order_name }}</strong> should arrive earlier than we told you.</p>
<table ${TABLE}>
<tr><td ${TD}>Previously expected by</td><td ${TD_RIGHT}>{{ previous_latest | format_date }}</td></tr>
<tr><td ${TD}><strong>New estimated delivery</strong></td><td ${TD_RIGHT}><strong>{{ earliest | date_range: latest }}</strong></td></tr>
</table>
<p>There is nothing to do: ${byQuantity("it will ship as soon as it arrives", "they will ship as soon as they arrive")}.</p>
<p>Thank you for your patience.</p>`,
    },
    fr: {
      subject: "Commande {{ order_name }} : {{ product_title }} arrive plus tôt",
      body: `<h1 ${H1}>Bonne nouvelle : ${byQuantity("votre article arrive", "vos articles arrivent")} plus tôt</h1>
<p>{% if customer_name != blank %}Bonjour {{ customer_name }},{% else %}Bonjour,{% endif %}</p>
<p>{{ quantity }} × <strong>{{ product_title }}</strong>${variant()} de la commande <strong>{{ order_name }}</strong> ${byQuantity("devrait", "devraient")} arriver plus tôt que prévu.</p>
<table ${TABLE}>
<tr><td ${TD}>Livraison prévue auparavant au plus tard le</td><td ${TD_RIGHT}>{{ previous_latest | format_date }}</td></tr>
<tr><td ${TD}><strong>Nouvelle livraison estimée</strong></td><td ${TD_RIGHT}><strong>{{ earliest | date_range: latest }}</strong></td></tr>
</table>
<p>Vous n’avez rien à faire : ${byQuantity("il partira dès son arrivée", "ils partiront dès leur arrivée")}.</p>
<p>Merci de votre patience.</p>`,
    },
  },
  ready_to_ship: {
    en: {
      subject: "Order {{ order_name }}: your backordered items are ready to ship",
      body: `<h1 ${H1}>Good news: it’s in stock</h1>
<p>{% if customer_name != blank %}Hi {{ customer_name }},{% else %}Hello,{% endif %}</p>
<p>The items you were waiting for from order <strong>{{ order_name }}</strong> have arrived and are being prepared for shipping:</p>
<table ${TABLE}>
{% for line in lines %}<tr><td ${TD}>{{ line.quantity }} × {{ line.product_title }}${variant("line.")}</td></tr>
{% endfor %}</table>
{% if payment.balance != blank %}<p>As agreed at checkout, the balance of <strong>{{ payment.balance }}</strong> {% if payment.due_on != blank %}will be charged on {{ payment.due_on | format_date: true }}{% else %}is now charged{% endif %} to the payment method you used{% if payment.paid != blank %} (you paid {{ payment.paid }} when you ordered){% endif %}.</p>
{% endif %}
<p>You will receive a shipping confirmation with tracking as soon as your parcel leaves.</p>
<p>Thank you for waiting for them.</p>`,
    },
    fr: {
      subject: "Commande {{ order_name }} : vos articles en précommande sont prêts à partir",
      body: `<h1 ${H1}>Bonne nouvelle : c’est en stock</h1>
<p>{% if customer_name != blank %}Bonjour {{ customer_name }},{% else %}Bonjour,{% endif %}</p>
<p>Les articles que vous attendiez de la commande <strong>{{ order_name }}</strong> sont arrivés et sont en cours de préparation :</p>
<table ${TABLE}>
{% for line in lines %}<tr><td ${TD}>{{ line.quantity }} × {{ line.product_title }}${variant("line.")}</td></tr>
{% endfor %}</table>
{% if payment.balance != blank %}<p>Comme convenu à la commande, le solde de <strong>{{ payment.balance }}</strong> {% if payment.due_on != blank %}sera débité le {{ payment.due_on | format_date: true }}{% else %}est maintenant débité{% endif %} sur le moyen de paiement utilisé{% if payment.paid != blank %} (vous avez payé {{ payment.paid }} à la commande){% endif %}.</p>
{% endif %}
<p>Vous recevrez une confirmation d’expédition avec le suivi dès que votre colis partira.</p>
<p>Merci de les avoir attendus.</p>`,
    },
  },
  back_in_stock: {
    en: {
      subject: "{{ product_title }} is back in stock",
      body: `<h1 ${H1}>{{ product_title }} is back</h1>
<p>You asked us to tell you when <strong>{{ product_title }}</strong>${variant()} was available again. It is back in stock now, in limited quantity.</p>
<p style="margin:24px 0;"><a href="{{ product_url }}" ${BUTTON}>Shop now</a></p>
<p ${NOTE}>You received this email because you signed up for a back-in-stock alert for this product. We will not email you about it again. <a href="{{ unsubscribe_url }}">Unsubscribe</a></p>`,
    },
    fr: {
      subject: "{{ product_title }} est de retour en stock",
      body: `<h1 ${H1}>{{ product_title }} est de retour</h1>
<p>Vous nous avez demandé de vous prévenir quand <strong>{{ product_title }}</strong>${variant()} serait de nouveau disponible. Il est de retour en stock, en quantité limitée.</p>
<p style="margin:24px 0;"><a href="{{ product_url }}" ${BUTTON}>Voir le produit</a></p>
<p ${NOTE}>Vous recevez cet e-mail car vous avez demandé une alerte de retour en stock pour ce produit. Nous ne vous écrirons plus à son sujet. <a href="{{ unsubscribe_url }}">Se désinscrire</a></p>`,
    },
  },
  support_message: {
    en: {
      subject: "About your order {{ order_name }}",
      body: `<p>{% if customer_name != blank %}Hi {{ customer_name }},{% else %}Hello,{% endif %}</p>
<p>{{ message | newline_to_br }}</p>
<p ${NOTE}>You can reply to this email with any question about order {{ order_name }}.</p>`,
    },
    fr: {
      subject: "À propos de votre commande {{ order_name }}",
      body: `<p>{% if customer_name != blank %}Bonjour {{ customer_name }},{% else %}Bonjour,{% endif %}</p>
<p>{{ message | newline_to_br }}</p>
<p ${NOTE}>Vous pouvez répondre à cet e-mail pour toute question sur la commande {{ order_name }}.</p>`,
    },
  },
  compensation: {
    en: {
      subject: "Order {{ order_name }}: a thank-you for your patience",
      body: `<h1 ${H1}>Thank you for waiting</h1>
<p>{% if customer_name != blank %}Hi {{ customer_name }},{% else %}Hello,{% endif %}</p>
<p>We’re sorry your order <strong>{{ order_name }}</strong> is taking longer than we promised. To thank you for your patience:</p>
{% if compensation_kind == "discount" %}<p>Here is <strong>{{ offer }} off</strong> your next order with this code, for you only, to use once:</p>
<p style="margin:24px 0;font-size:22px;font-weight:600;letter-spacing:2px;">{{ code }}</p>
{% else %}<p>We’ve added <strong>{{ offer }}</strong> of store credit to your account. It is applied at checkout when you are logged in.</p>
{% endif %}{% if expires_on != blank %}<p ${NOTE}>Valid until {{ expires_on | format_date: true }}.</p>{% endif %}
<p>Thank you for waiting for your order.</p>`,
    },
    fr: {
      subject: "Commande {{ order_name }} : merci pour votre patience",
      body: `<h1 ${H1}>Merci de votre patience</h1>
<p>{% if customer_name != blank %}Bonjour {{ customer_name }},{% else %}Bonjour,{% endif %}</p>
<p>Nous sommes désolés que votre commande <strong>{{ order_name }}</strong> prenne plus de temps que promis. Pour vous remercier de votre patience :</p>
{% if compensation_kind == "discount" %}<p>Voici <strong>{{ offer }} de réduction</strong> sur votre prochaine commande avec ce code, réservé à vous, à utiliser une fois :</p>
<p style="margin:24px 0;font-size:22px;font-weight:600;letter-spacing:2px;">{{ code }}</p>
{% else %}<p>Nous avons ajouté <strong>{{ offer }}</strong> d’avoir à votre compte. Il s’applique au paiement quand vous êtes connecté.</p>
{% endif %}{% if expires_on != blank %}<p ${NOTE}>Valable jusqu’au {{ expires_on | format_date: true }}.</p>{% endif %}
<p>Merci d’attendre votre commande.</p>`,
    },
  },
  cancellation: {
    en: {
      subject: "Order {{ order_name }}: {% if whole_order %}cancelled{% else %}backordered items cancelled{% endif %} and refunded",
      body: `<h1 ${H1}>{% if whole_order %}Your order is cancelled{% else %}Your backordered items are cancelled{% endif %}</h1>
<p>{% if customer_name != blank %}Hi {{ customer_name }},{% else %}Hello,{% endif %}</p>
<p>{% if whole_order %}Order <strong>{{ order_name }}</strong> is cancelled.{% else %}These items of order <strong>{{ order_name }}</strong> are cancelled:{% endif %}</p>
<table ${TABLE}>
{% for line in lines %}<tr><td ${TD}>{{ line.quantity }} × {{ line.product_title }}${variant("line.")}</td></tr>
{% endfor %}</table>
{% if refund_amount != blank %}<p>We have refunded <strong>{{ refund_amount }}</strong> to your original payment method. Depending on your bank, it can take a few days to appear.</p>{% endif %}
{% unless whole_order %}<p>The rest of your order is not affected.</p>{% endunless %}
<p>We’re sorry for the wait, and thank you for your understanding.</p>`,
    },
    fr: {
      subject: "Commande {{ order_name }} : {% if whole_order %}annulée{% else %}articles en précommande annulés{% endif %} et remboursés",
      body: `<h1 ${H1}>{% if whole_order %}Votre commande est annulée{% else %}Vos articles en précommande sont annulés{% endif %}</h1>
<p>{% if customer_name != blank %}Bonjour {{ customer_name }},{% else %}Bonjour,{% endif %}</p>
<p>{% if whole_order %}La commande <strong>{{ order_name }}</strong> est annulée.{% else %}Ces articles de la commande <strong>{{ order_name }}</strong> sont annulés :{% endif %}</p>
<table ${TABLE}>
{% for line in lines %}<tr><td ${TD}>{{ line.quantity }} × {{ line.product_title }}${variant("line.")}</td></tr>
{% endfor %}</table>
{% if refund_amount != blank %}<p>Nous vous avons remboursé <strong>{{ refund_amount }}</strong> sur votre moyen de paiement d’origine. Selon votre banque, cela peut prendre quelques jours.</p>{% endif %}
{% unless whole_order %}<p>Le reste de votre commande n’est pas concerné.</p>{% endunless %}
<p>Nous sommes désolés pour l’attente et vous remercions de votre compréhension.</p>`,
    },
  },
  // Feedback after delivery: one link per score (each opens the survey page, which records it), then the
  // date question and a comment on that page. The questions are the shop's own (Settings).
  feedback_survey: {
    en: {
      subject: "Order {{ order_name }}: how was the wait?",
      body: `<h1 ${H1}>{{ wait_question }}</h1>
<p>{% if customer_name != blank %}Hi {{ customer_name }},{% else %}Hello,{% endif %}</p>
<p>Your order <strong>{{ order_name }}</strong> is on its way or with you. Thank you for waiting for it! One click tells us how it went (1 = poor, 5 = great):</p>
<p>{% for link in score_links %}<a href="{{ link.url }}" ${BUTTON_SECONDARY}>{{ link.score }}</a> {% endfor %}</p>
<p>On the next page: {{ date_question }} You may add a comment too.</p>
<p ${NOTE}>You can change your answer for 7 days. <a href="{{ stop_url }}">No more surveys</a></p>`,
    },
    fr: {
      subject: "Commande {{ order_name }} : comment s’est passée l’attente ?",
      body: `<h1 ${H1}>{{ wait_question }}</h1>
<p>{% if customer_name != blank %}Bonjour {{ customer_name }},{% else %}Bonjour,{% endif %}</p>
<p>Votre commande <strong>{{ order_name }}</strong> est en route ou déjà chez vous. Merci de l’avoir attendue ! Un clic suffit pour nous dire comment cela s’est passé (1 = mauvais, 5 = excellent) :</p>
<p>{% for link in score_links %}<a href="{{ link.url }}" ${BUTTON_SECONDARY}>{{ link.score }}</a> {% endfor %}</p>
<p>Sur la page suivante : {{ date_question }} Vous pourrez aussi ajouter un commentaire.</p>
<p ${NOTE}>Vous pouvez modifier votre réponse pendant 7 jours. <a href="{{ stop_url }}">Ne plus recevoir de questionnaire</a></p>`,
    },
  },
  // Deposits and pay later: the balance could not be charged (the support desk has it in its queue).
  balance_declined: {
    en: {
      subject: "Order {{ order_name }}: we couldn’t charge the balance",
      body: `<h1 ${H1}>We couldn’t charge the balance of your order</h1>
<p>{% if customer_name != blank %}Hi {{ customer_name }},{% else %}Hello,{% endif %}</p>
<p>The items you ordered in <strong>{{ order_name }}</strong> are ready, but your bank declined the balance of <strong>{{ amount_due }}</strong> we tried to charge to the payment method you used at checkout.</p>
{% if amount_paid != blank %}<p>What you already paid ({{ amount_paid }}) is safe and still counts towards your order.</p>{% endif %}
<p>Please reply to this email or contact us so we can arrange the payment: we will keep your items for you in the meantime.</p>
<p ${NOTE}>Nothing was charged by this attempt.</p>`,
    },
    fr: {
      subject: "Commande {{ order_name }} : le solde n’a pas pu être débité",
      body: `<h1 ${H1}>Le solde de votre commande n’a pas pu être débité</h1>
<p>{% if customer_name != blank %}Bonjour {{ customer_name }},{% else %}Bonjour,{% endif %}</p>
<p>Les articles de votre commande <strong>{{ order_name }}</strong> sont prêts, mais votre banque a refusé le solde de <strong>{{ amount_due }}</strong> que nous avons tenté de débiter sur le moyen de paiement utilisé à la commande.</p>
{% if amount_paid != blank %}<p>Ce que vous avez déjà payé ({{ amount_paid }}) reste acquis et compte pour votre commande.</p>{% endif %}
<p>Répondez à cet e-mail ou contactez-nous pour régler le paiement : nous gardons vos articles pour vous en attendant.</p>
<p ${NOTE}>Cette tentative ne vous a rien débité.</p>`,
    },
  },
};

export function defaultTemplate(kind: EmailKind, locale: EmailLocale): TemplateSource {
  return defaults[kind][locale];
}
