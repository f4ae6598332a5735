// Backorder Pilot cart notice: app embeds render at the end of <body>; move the note above the checkout button.
(() => {
  const place = () => {
    const note = document.querySelector('[data-bp-cart-note]');
    const checkout = document.querySelector('form[action*="/cart"] [name="checkout"]');
    if (note && checkout && !note.contains(checkout)) checkout.parentElement.insertBefore(note, checkout);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', place);
  else place();
})();
