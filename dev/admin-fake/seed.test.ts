// The demo shop seed is realistic enough to demo backorders and identical on every run.
import { describe, expect, it } from "vitest";
import { createAdminFake } from "./fake";
import { seedDemoShop } from "./seed";
import { fakeClock } from "./test-utils";

function seeded() {
  const fake = createAdminFake({ now: fakeClock().now });
  return { fake, demo: seedDemoShop(fake.store) };
}

describe("seedDemoShop", () => {
  it("produces the same shop on every run", () => {
    // GIVEN two stores on the same clock
    // WHEN both are seeded
    const one = seeded();
    const two = seeded();

    // THEN their records are identical
    const dump = (s: ReturnType<typeof seeded>) =>
      JSON.stringify([...s.fake.store.variants.values(), ...s.fake.store.orders.values(), ...[...s.fake.store.inventoryItems.values()].map((i) => [...i.levels])]);
    expect(dump(one)).toBe(dump(two));
  });

  it("has sold-out, oversold, low-stock and incoming variants, and orders in English and French", () => {
    // GIVEN the seeded demo shop
    const { fake, demo } = seeded();
    const variants = Object.values(demo.variants);
    const available = (id: string) => fake.store.available(id);

    // THEN the catalogue covers the backorder scenarios
    expect(Object.keys(demo.products).length).toBeGreaterThanOrEqual(25);
    expect(variants.filter((v) => available(v.id) < 0).length).toBeGreaterThanOrEqual(5);
    expect(variants.filter((v) => available(v.id) === 0).length).toBeGreaterThanOrEqual(2);
    expect(variants.filter((v) => available(v.id) > 0 && available(v.id) <= 4).length).toBeGreaterThanOrEqual(5);
    expect(variants.filter((v) => fake.store.quantity(v.inventoryItemId, demo.locations.atelier.id, "incoming") > 0).length).toBeGreaterThanOrEqual(5);
    expect(new Set(demo.orders.map((o) => o.customerLocale))).toEqual(new Set(["en", "fr"]));
    // AND some orders include lines for variants that are oversold now
    expect(demo.orders.filter((o) => o.lineItems.some((li) => li.variantId && available(li.variantId) < 0)).length).toBeGreaterThanOrEqual(5);
  });
});
