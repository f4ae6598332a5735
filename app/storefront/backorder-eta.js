// Source of the product block's script (browser code, no framework). `npm run build:storefront` minifies it
// into extensions/backorder-eta/assets/backorder-eta.js (Shopify refuses a src/ folder inside a theme app
// extension); tests/storefront/extension-checks.test.ts fails when the committed asset is not its build.
//
// Per variant: show the promise from the embedded JSON (no request), relabel the theme's add-to-cart buttons
// (label text and accessible name only, the theme's icon stays), cap the quantity (the theme's own max back
// after), record the promise as line item properties; notify-me through the app proxy; for a backorder with
// the merchant's selling plan (deposit or pay later), the choice between paying in full and the plan, posted
// as `selling_plan` with the cart add.
// Works wherever the block sits (product section or an "Apps" section): the product form is the cart form
// whose variant input holds one of this block's variants.
/* global subscribe, PUB_SUB_EVENTS */
(() => {
  const ISO = /^\d{4}-\d{2}-\d{2}$/;
  const CART = 'form[action*="/cart/add"]';
  const cache = {};
  const blocks = [];
  const day = (iso) => new Date(iso + 'T00:00:00Z');
  const ok = (r) => r && [r.earliest, r.latest].every((s) => ISO.test(s) && !isNaN(day(s)));
  // Variant ids arrive as numbers, strings or GIDs (gid://shopify/ProductVariant/1).
  const idOf = (id) => id != null && String(id).split('/').pop();

  // Same text as snippets/bp-range.liquid: day + short month, the year only across years, plain spaces.
  const formatRange = (range, locale) => {
    if (!ok(range)) return '';
    let [a, b] = [range.earliest, range.latest];
    if (b < a) [a, b] = [b, a];
    const y = a.slice(0, 4) !== b.slice(0, 4);
    const f = (cache[locale + y] ||= new Intl.DateTimeFormat(locale, {
      day: 'numeric', month: 'short', timeZone: 'UTC', ...(y && { year: 'numeric' }),
    }));
    return (a === b ? f.format(day(a)) : f.formatRange(day(a), day(b))).replace(/\s/g, ' ');
  };

  // Fills a template's placeholders (%a amount, %v percentage, %w when, %t date) in one pass.
  const fill = (s, o) => s.replace(/%(\w)/g, (m, k) => o[k] ?? m);

  // Minor units in the shop's money format, learnt from how Liquid's `money` printed 1,000.00 (`sample`):
  // thousands and decimal separators, decimals or none, the symbol and where it goes.
  const money = (cents, sample) => {
    const m = /1(\D?)000(?:(\D)00)?/.exec(sample);
    if (!m) return '';
    const [i, f] = (cents / 100).toFixed(m[2] ? 2 : 0).split('.');
    return sample.replace(m[0], () => i.replace(/\B(?=(\d{3})+$)/g, m[1]) + (f ? m[2] + f : ''));
  };

  // What the shopper pays when through the merchant's selling plan: [pay in full, the plan] texts, or nothing
  // when the plan is incomplete (same rules as snippets/bp-pay.liquid). `t`: the fieldset's templates.
  const payOf = (p, price, t, locale) => {
    const c = p?.checkout || {}, b = p?.balance || {}, due = { earliest: b.dueOn, latest: b.dueOn };
    const later = p?.kind === 'pay_later', fixed = Math.round(c.amount * 100);
    const now = later ? 0 : p?.kind !== 'deposit' ? -1
      : c.type === 'percentage' ? (c.value > 0 && c.value < 100 ? Math.round((price * c.value) / 100) : -1)
      : c.type === 'price' && fixed > 0 ? Math.min(fixed, price) : -1;
    const w = b.trigger === 'on_ready' ? t.ready : b.trigger === 'on_date' && ok(due) &&
      fill(t.on, { t: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(day(b.dueOn)) });
    if (!/^[1-9]\d*$/.test(p?.sellingPlanId) || !w || !(now >= 0) || !(price >= 0)) return;
    const a = (n) => money(n, t.money);
    return [
      fill(t.full, { a: a(price) }),
      fill(later ? t.later : c.type === 'price' ? t.fixed : t.deposit, { a: a(later ? price : now), v: String(+c.value).replace('.', t.dec), w }),
    ];
  };

  const primary = (eta) => eta && eta.v === 1 && eta.next && [eta.next.standard, eta.next.express, eta.next.pickup].find(ok);

  const stateOf = (v) =>
    !v ? 'none' : !v.available ? 'soldout' : !primary(v.eta) ? 'none' : v.eta.backorder === true ? 'backorder' : 'instock';

  // Which sentence says where the date comes from (same rule as the block's Liquid). Summaries written
  // before `source` existed fall back on the confidence alone.
  const noteOf = ({ source: s, confidence: c }) =>
    s === 'batch' && c === 'low' ? 'batch_low' : s || { high: 'stock', medium: 'batch' }[c] || 'low';

  // A button's label: its first non-blank text outside icons (aria-hidden, svg) — the theme's icon stays.
  const labelOf = (btn) => {
    const walk = document.createTreeWalker(btn, NodeFilter.SHOW_TEXT);
    for (let n; (n = walk.nextNode()); ) {
      const icon = n.parentElement.closest('[aria-hidden="true"],svg');
      if (n.data.trim() && !(icon && btn.contains(icon))) return n;
    }
  };

  // Put `to` in place of `from` in a button's label and aria-label (the accessible name follows the label).
  const swap = (btn, from, to) => {
    const n = labelOf(btn);
    if (n && n.data.trim() === from) n.data = n.data.replace(from, to);
    const aria = btn.getAttribute('aria-label');
    if (aria?.includes(from)) btn.setAttribute('aria-label', aria.replace(from, to));
  };

  const init = (el) => {
    if (el.bp) return;
    let data;
    try {
      data = JSON.parse(el.querySelector('[data-bp-data]').textContent);
    } catch {
      return;
    }
    const d = el.dataset;
    const variants = {};
    for (const v of data.variants || []) variants[v.id] = v;
    const all = (sel) => el.querySelectorAll(sel);
    const section = el.closest('.shopify-section');
    let current;
    let state;
    let found;
    let watched;
    const touched = new Set();

    // The product form: a cart form holding one of our variants, in our section first (Apps sections and
    // quick-add cards hold other forms). Kept while it stays in the page: themes blank the input at times.
    const form = () => {
      if (found?.isConnected) return found;
      const forms = [...document.querySelectorAll(CART)];
      const ours = forms.filter((f) => variants[f.querySelector('[name="id"]')?.value]);
      const here = (f) => section?.contains(f);
      return (found = ours.find(here) || ours[0] || forms.find(here));
    };

    // Every button that adds this form's variant: its submit buttons (inside it or tied by form=) and, in
    // its section, form-less buttons with the same label (a sticky add-to-cart bar clicks the form's button).
    const buttons = (f) => {
      const own = [...f.elements].filter((b) => b.type === 'submit');
      const texts = own.flatMap((b) => [b.bpOwn, labelOf(b)?.data.trim()]).filter(Boolean);
      const more = [...(f.closest('.shopify-section') || document).querySelectorAll('button')].filter(
        (b) => !b.form && texts.includes(labelOf(b)?.data.trim()),
      );
      return [...own, ...more];
    };

    // Themes rewrite their buttons on variant change (Dawn sets the text, Horizon morphs the button from
    // the section it fetched): put ours back each time.
    const relabel = () => {
      const f = form();
      if (!f || !d.button) return;
      const on = state === 'backorder';
      for (const b of buttons(f)) touched.add(b);
      for (const b of touched) {
        if (!b.isConnected) touched.delete(b);
        const text = labelOf(b)?.data.trim();
        if (on && text && text !== d.button) swap(b, (b.bpOwn = text), d.button);
        else if (!on && b.bpOwn) swap(b, d.button, b.bpOwn);
      }
      const root = f.closest('.shopify-section') || document.body;
      if (watched !== root) {
        watched = root;
        new MutationObserver(relabel).observe(root, { childList: true, characterData: true, subtree: true });
      }
    };

    // A hidden field of the product form, created when first needed; disabled (not posted) while empty.
    const field = (name, value) => {
      const f = form();
      let input = f && f.elements.namedItem(name);
      if (f && !input && value) f.append((input = Object.assign(document.createElement('input'), { type: 'hidden', name })));
      if (input) {
        input.value = value;
        input.disabled = !value;
      }
    };
    const property = (name, value) => field(`properties[${name}]`, value);

    // The payment choice: its radios post nothing themselves (Liquid tied them to the form for shoppers
    // without JavaScript); the checked one, when enabled, becomes the form's `selling_plan`.
    const pay = el.querySelector('[data-bp-pay]');
    const plan = () => field('selling_plan', pay?.querySelector(':checked:enabled')?.value || '');
    for (const r of pay?.elements || []) {
      r.setAttribute('form', '');
      r.name = 'bp-pay' + blocks.length;
    }
    pay?.addEventListener('change', plan);

    const update = (id) => {
      const v = variants[id];
      if (!v) return;
      if (id === current) return relabel();
      const first = !current;
      current = id;
      d.state = state = stateOf(v);
      const eta = v.eta;
      const main = primary(eta);
      const text = formatRange(main, d.locale);
      const on = state === 'backorder';
      let modes = 0;
      for (const n of all('[data-bp-show]')) n.hidden = n.dataset.bpShow !== state || (state === 'instock' && !d.instock);
      for (const n of all('[data-bp-range]')) {
        const li = n.closest('[data-bp-mode]');
        n.textContent = li ? formatRange(main && eta.next[li.dataset.bpMode], d.locale) : text;
        if (li) modes += !(li.hidden = !n.textContent);
      }
      for (const n of all('[data-bp-modes]')) n.hidden = !d.modes || modes < 2;
      // The merchant's message for this variant replaces the standard note (as the admin says).
      const message = (main && eta.message && (eta.message[d.lang] || eta.message.en)) || '';
      for (const n of all('[data-bp-note]')) n.hidden = !main || !!message || n.dataset.bpNote !== noteOf(eta);
      for (const n of all('[data-bp-message]')) n.hidden = !(n.textContent = message);
      for (const n of all('[data-bp-max]')) {
        const max = main && eta.maxQty;
        n.hidden = !(max > 0);
        n.textContent = max === 1 ? n.dataset.one : max > 1 ? n.dataset.other.replace('%n', max) : '';
      }
      for (const n of all('[data-bp-notify-variant]')) n.value = id;
      // Shown promise + dates and terms version for the app's order ledger.
      property(d.prop, on ? text : '');
      property('_Backorder ETA', on ? main.earliest + '/' + main.latest : '');
      property('_Backorder terms version', on ? d.terms : '');
      if (pay) {
        // Offered only with a product form to post it: a choice that goes nowhere would be a false promise.
        const texts = on && form() && payOf(eta.payment, v.price, pay.dataset, d.locale);
        pay.hidden = pay.disabled = !texts;
        for (const n of all('[data-bp-pay-full]')) n.textContent = texts?.[0] || '';
        for (const n of all('[data-bp-pay-plan]')) n.textContent = texts?.[1] || '';
        for (const n of all('[data-bp-plan]')) n.value = texts ? eta.payment.sellingPlanId : '';
      }
      plan();
      const q = form()?.quantity;
      if (q?.dataset) {
        const own = (q.dataset.bpMax ??= q.getAttribute('max') || ''), max = on && eta.maxQty;
        if (max > 0 && +q.value > max) q.value = max;
        if (max > 0 || own) q.max = max || own;
        else q.removeAttribute('max');
      }
      relabel();
      if (!first) {
        el.querySelector('[data-bp-live]').textContent = [...all('[data-bp-say]')]
          .filter((n) => !n.closest('[hidden]'))
          .map((n) => n.textContent.replace(/\s+/g, ' ').trim())
          .join(' ');
      }
    };

    for (const f of all('form[data-bp-show]')) f.addEventListener('submit', (e) => notify(e, f));
    el.bp = update;
    blocks.push(update);
    const ids = [new URLSearchParams(location.search).get('variant'), form()?.querySelector('[name="id"]')?.value, data.variants[0]?.id];
    update(String(ids.find((id) => variants[id])));
  };

  const notify = async (event, f) => {
    event.preventDefault();
    const message = f.querySelector('[data-bp-notify-message]');
    const email = f.elements.email;
    const button = f.querySelector('[type="submit"]');
    let status = 0;
    button.disabled = true;
    try {
      const response = await fetch(f.action, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(Object.fromEntries(new FormData(f))),
      });
      status = response.status;
    } catch {
      // offline: status 0
    }
    const d = f.dataset;
    const good = status && status < 300;
    message.textContent = good ? d.ok : status === 400 ? d.invalid : status === 429 ? d.rate : d.error;
    message.classList.toggle('bp-notify__message--error', !good);
    email.setAttribute('aria-invalid', status === 400);
    if (good) email.value = '';
    button.disabled = false;
  };

  const select = (id) => id && blocks.forEach((update) => update(String(id)));
  const fromUrl = () => select(new URLSearchParams(location.search).get('variant'));
  // Variant events: `variant:change` / `on:variant:change` ({ variant }), Horizon 3's `variant:update`
  // ({ resource }, after it re-rendered the buttons) and the standard `shopify:product:select` (Horizon 4:
  // `detail.variantId` now, then `promise` resolves once the theme re-rendered).
  const fromEvent = (e) => {
    const d = e.detail;
    select(idOf(d?.variant?.id ?? d?.resource?.id ?? d?.variantId));
    e.promise?.then((r) => select(idOf(r?.detail?.resource?.id ?? r?.variant?.id)), () => {});
  };
  const start = () => {
    const initAll = () => document.querySelectorAll('[data-bp-eta]').forEach(init);
    initAll();
    // The form's variant input changes (Dawn dispatches `change`; older themes use a <select>).
    document.addEventListener('change', (e) => e.target.name === 'id' && e.target.closest(CART) && select(e.target.value), true);
    for (const name of ['variant:change', 'on:variant:change', 'variant:update', 'shopify:product:select']) document.addEventListener(name, fromEvent);
    // Dawn's pub/sub (its pubsub.js loads before app blocks' scripts) fires after it re-rendered the buttons.
    if (typeof subscribe === 'function' && typeof PUB_SUB_EVENTS === 'object') {
      subscribe(PUB_SUB_EVENTS.variantChange, (e) => select(e?.data?.variant?.id));
    }
    // The `variant` URL parameter.
    for (const m of ['pushState', 'replaceState']) {
      const original = history[m];
      history[m] = function (...args) {
        const result = original.apply(this, args);
        fromUrl();
        return result;
      };
    }
    addEventListener('popstate', fromUrl);
    document.addEventListener('shopify:section:load', initAll);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
  window.BackorderPilot = { formatRange, stateOf, select, money, payOf };
})();
