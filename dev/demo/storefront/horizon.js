// A Horizon-like stand-in theme script for the demo storefront preview (?theme=horizon-4 | horizon-3), written
// from how Shopify's Horizon behaves (assets/variant-picker.js, product-form.js, sticky-add-to-cart.js), not
// from its code. On a variant change:
//   4.x: the picker dispatches the standard `shopify:product:select` event (bubbling; `detail.variantId` and a
//        `promise`), replaces the URL's `variant`, fetches the section and resolves the promise with
//        { variant: { id: <GID> }, detail: { html, productId, resource } };
//   3.x: the picker fetches the section, then dispatches `variant:update` with { resource, data: { html } }.
// The product form and the sticky bar listen on their section and rebuild their add-to-cart buttons from the
// fetched page (Horizon morphs them), so whatever a script wrote into the buttons is gone.

const morphChildren = (current, next) => {
  if (!current || !next) return;
  current.replaceChildren(...[...next.childNodes].map((n) => document.importNode(n, true)));
  if ('disabled' in current) current.disabled = next.disabled;
};

/** Hands the section's listeners the fetched page, the way each Horizon version does. */
const onVariantUpdate = (element, callback) => {
  const section = element.closest('.shopify-section');
  section.addEventListener('shopify:product:select', async (event) => {
    const { detail } = await event.promise;
    callback(detail.resource, detail.html);
  });
  section.addEventListener('variant:update', (event) => callback(event.detail.resource, event.detail.data.html));
};

customElements.define(
  'variant-picker',
  class extends HTMLElement {
    connectedCallback() {
      this.addEventListener('change', (event) => event.target.type === 'radio' && this.onChange());
    }

    onChange() {
      const product = JSON.parse(document.getElementById(this.dataset.productJson).textContent);
      const chosen = [...this.querySelectorAll('fieldset')].map((f) => f.querySelector('input:checked')?.value);
      const variant = product.variants.find((v) => v.options.every((value, i) => value === chosen[i]));
      const productId = this.dataset.productId;
      const v4 = this.dataset.version === '4';
      let resolve;
      const promise = new Promise((r) => (resolve = r));
      if (v4) {
        const event = new Event('shopify:product:select', { bubbles: true });
        Object.assign(event, {
          product: { id: `gid://shopify/Product/${productId}` },
          selectedOptions: chosen.map((value) => ({ name: '', value })),
          detail: { variantId: variant ? String(variant.id) : '' },
          promise,
        });
        this.dispatchEvent(event);
      }
      setTimeout(() => history.replaceState({}, '', `${this.dataset.url}${variant ? `?variant=${variant.id}` : ''}`));
      const query = new URLSearchParams({ theme: this.dataset.theme, ...(variant && { variant: variant.id }) });
      fetch(`${this.dataset.url}?${query}`)
        .then((response) => response.text())
        .then((text) => {
          const html = new DOMParser().parseFromString(text, 'text/html');
          const resource = variant ? { id: variant.id, available: variant.available } : null;
          if (v4) {
            resolve({ variant: variant ? { id: `gid://shopify/ProductVariant/${variant.id}`, availableForSale: variant.available } : null, detail: { html, productId, resource } });
          } else {
            const event = new Event('variant:update', { bubbles: true });
            event.detail = { resource, sourceId: '', data: { html, productId } };
            this.dispatchEvent(event);
          }
        });
    }
  },
);

customElements.define(
  'product-form-component',
  class extends HTMLElement {
    connectedCallback() {
      onVariantUpdate(this, (resource, html) => {
        this.querySelector('[ref="variantId"]').value = resource?.id ?? '';
        const selector = 'product-form-component [ref="addToCartButton"]';
        morphChildren(this.querySelector(selector.split(' ')[1]), html.querySelector(selector));
      });
    }
  },
);

customElements.define(
  'sticky-add-to-cart',
  class extends HTMLElement {
    connectedCallback() {
      // Its button is type="button": it clicks the product form's own button.
      this.addEventListener('click', (event) => {
        if (event.target.closest('button')) document.querySelector('product-form-component [ref="addToCartButton"]').click();
      });
      onVariantUpdate(this, (_resource, html) => {
        morphChildren(this.querySelector('[ref="stickyBar"]'), html.querySelector('sticky-add-to-cart [ref="stickyBar"]'));
      });
    }
  },
);
