// A Dawn-like stand-in theme for the demo storefront preview. It mirrors how Dawn 15 changes variant, so
// the app block is tested against the same sequence: (1) the form's `id` input changes and a bubbling
// `change` is dispatched, (2) the URL's `variant` parameter is replaced, (3) after the section re-renders
// (a fetch in Dawn) the add-to-cart label is rewritten ("Add to cart" / "Sold out") and (4) Dawn's pub/sub
// publishes PUB_SUB_EVENTS.variantChange.

// Dawn's assets/pubsub.js: globals other scripts use (the app block subscribes to variant changes).
let subscribers = {};
// eslint-disable-next-line @typescript-eslint/no-unused-vars
function subscribe(eventName, callback) {
  if (subscribers[eventName] === undefined) subscribers[eventName] = [];
  subscribers[eventName] = [...subscribers[eventName], callback];
  return function unsubscribe() {
    subscribers[eventName] = subscribers[eventName].filter((cb) => cb !== callback);
  };
}
function publish(eventName, data) {
  if (subscribers[eventName]) subscribers[eventName].forEach((callback) => callback(data));
}
const PUB_SUB_EVENTS = { cartUpdate: 'cart-update', quantityUpdate: 'quantity-update', variantChange: 'variant-change', cartError: 'cart-error' };

if (!customElements.get('variant-selects')) {
  customElements.define(
    'variant-selects',
    class VariantSelects extends HTMLElement {
      connectedCallback() {
        this.product = JSON.parse(document.getElementById(this.dataset.productJson).textContent);
        this.addEventListener('change', (event) => {
          if (event.target.type === 'radio') this.onVariantChange();
        });
      }

      onVariantChange() {
        const selected = [...this.querySelectorAll('fieldset')].map((fieldset) => fieldset.querySelector('input:checked')?.value);
        const variant = this.product.variants.find((v) => v.options.every((value, i) => value === selected[i]));
        const section = this.dataset.section;
        const form = document.getElementById(`product-form-${section}`);
        const input = form.querySelector('input[name="id"]');
        input.value = variant ? variant.id : '';
        input.dispatchEvent(new Event('change', { bubbles: true }));
        window.history.replaceState({}, '', `${this.dataset.url}${variant ? `?variant=${variant.id}` : ''}`);
        // Dawn fetches the section for the new variant before it updates price and buttons.
        setTimeout(() => {
          document.getElementById(`price-${section}`).textContent = variant ? variant.price : '';
          const button = form.querySelector('[type="submit"]');
          const label = button.querySelector('span');
          const strings = this.product.strings;
          if (!variant) {
            button.disabled = true;
            label.textContent = strings.unavailable;
          } else if (!variant.available) {
            button.disabled = true;
            label.textContent = strings.soldOut;
          } else {
            button.disabled = false;
            label.textContent = strings.addToCart;
          }
          publish(PUB_SUB_EVENTS.variantChange, { data: { sectionId: section, html: null, variant } });
        }, 120);
      }
    },
  );
}
