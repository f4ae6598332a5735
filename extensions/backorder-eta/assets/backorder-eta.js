// Backorder Pilot block: per variant, show the promise from the embedded JSON (no request), relabel
// add-to-cart, cap the quantity (the theme's own max back after), record the promise; notify-me via proxy.
/* global subscribe, PUB_SUB_EVENTS */
(() => {
  const ISO = /^\d{4}-\d{2}-\d{2}$/;
  const ADD = 'form[action*="/cart/add"]';
  const SUBMIT = '[type="submit"]';
  const cache = {};
  const blocks = [];
  const day = (iso) => new Date(iso + 'T00:00:00Z');
  const ok = (r) => r && [r.earliest, r.latest].every((s) => ISO.test(s) && !isNaN(day(s)));

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

  const primary = (eta) => eta && eta.v === 1 && eta.next && [eta.next.standard, eta.next.express, eta.next.pickup].find(ok);

  const stateOf = (v) =>
    !v ? 'none' : !v.available ? 'soldout' : !primary(v.eta) ? 'none' : v.eta.backorder === true ? 'backorder' : 'instock';

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
    const scope = el.closest('.shopify-section, product-info, main') || document;
    const form = () => [...scope.querySelectorAll(ADD)].find((f) => f.querySelector(SUBMIT));
    let current;
    let state;
    let watched;

    // Themes rewrite the button on variant change: put ours back.
    const relabel = () => {
      const btn = form()?.querySelector(SUBMIT);
      const node = btn && (btn.querySelector('span') || btn);
      if (!node || !d.button) return;
      const text = node.textContent.trim();
      if (state === 'backorder' && text !== d.button) {
        node.dataset.bpOriginal = text;
        node.textContent = d.button;
      } else if (state !== 'backorder' && text === d.button && node.dataset.bpOriginal) {
        node.textContent = node.dataset.bpOriginal;
      }
      if (watched !== btn) new MutationObserver(relabel).observe((watched = btn), { childList: true, characterData: true, subtree: true });
    };

    const property = (name, value) => {
      const f = form();
      let input = f && f.elements.namedItem(`properties[${name}]`);
      if (f && !input && value) f.append((input = Object.assign(document.createElement('input'), { type: 'hidden', name: `properties[${name}]` })));
      if (input) {
        input.value = value;
        input.disabled = !value;
      }
    };

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
      for (const n of all('[data-bp-conf]')) n.hidden = !main || n.dataset.bpConf !== eta.confidence;
      for (const n of all('[data-bp-max]')) {
        const max = main && eta.maxQty;
        n.hidden = !(max > 0);
        n.textContent = max === 1 ? n.dataset.one : max > 1 ? n.dataset.other.replace('%n', max) : '';
      }
      const message = (main && eta.message && (eta.message[d.lang] || eta.message.en)) || '';
      for (const n of all('[data-bp-message]')) n.hidden = !(n.textContent = message);
      for (const n of all('[data-bp-notify-variant]')) n.value = id;
      // Shown promise + dates and terms version for the app's order ledger.
      property(d.prop, on ? text : '');
      property('_Backorder ETA', on ? main.earliest + '/' + main.latest : '');
      property('_Backorder terms version', on ? d.terms : '');
      const q = form()?.quantity;
      if (q?.dataset) {
        const own = (q.dataset.bpMax ??= q.getAttribute('max') || ''), max = on && eta.maxQty;
        if (max > 0 && +q.value > max) q.value = max;
        max > 0 || own ? (q.max = max || own) : q.removeAttribute('max');
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
    const button = f.querySelector(SUBMIT);
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
  const start = () => {
    const initAll = () => document.querySelectorAll('[data-bp-eta]').forEach(init);
    initAll();
    // The form's variant input changes (Dawn dispatches `change`; older themes use a <select>).
    document.addEventListener('change', (e) => e.target.name === 'id' && e.target.closest(ADD) && select(e.target.value), true);
    for (const name of ['variant:change', 'on:variant:change']) document.addEventListener(name, (e) => select(e.detail?.variant?.id));
    // Dawn's pub/sub fires after it re-rendered the buttons.
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
  window.BackorderPilot = { formatRange, stateOf, select };
})();
