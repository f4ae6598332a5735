// A realistic, deterministic demo shop: "Maison Argile", a French ceramics and linen brand (English product
// names), two locations, ~30 products with colour/size variants, some sold out (0 or oversold, i.e. negative
// available), some low, incoming batches on a few, and orders from English- and French-speaking customers
// that include backordered lines. Same clock → same shop, byte for byte (seeded PRNG, sequential ids).
import type { AdminStore, CustomerRecord, InventoryPolicy, LocationRecord, OrderRecord, ProductRecord, ProductStatus, VariantRecord } from "./store";

/** mulberry32: tiny deterministic PRNG so the seed never depends on Math.random. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Stock scenario per variant: in stock (random 8–60), low (1–4), sold out (0), with optional incoming batch. */
type Stock = "in" | "low" | "out";

interface VariantSpec {
  options?: Record<string, string>;
  stock?: Stock;
  policy?: InventoryPolicy;
  incoming?: number;
  price?: string;
}

interface ProductSpec {
  code: string;
  title: string;
  type: "Tableware" | "Linen" | "Candles";
  price: string;
  tags: string[];
  status?: ProductStatus;
  variants?: VariantSpec[];
  stock?: Stock;
  policy?: InventoryPolicy;
  incoming?: number;
}

const colours = (names: string[], overrides: Record<string, Omit<VariantSpec, "options">> = {}): VariantSpec[] =>
  names.map((name) => ({ options: { Colour: name }, ...overrides[name] }));

const CATALOGUE: ProductSpec[] = [
  {
    code: "MUG",
    title: "Stoneware Mug",
    type: "Tableware",
    price: "28.00",
    tags: ["ceramics", "handmade", "bestseller"],
    variants: colours(["Sage", "Oat", "Charcoal", "Terracotta"], {
      Sage: { stock: "out", policy: "CONTINUE", incoming: 36 },
      Oat: { stock: "low" },
      Terracotta: { stock: "out" },
    }),
  },
  {
    code: "BWL",
    title: "Speckled Breakfast Bowl",
    type: "Tableware",
    price: "32.00",
    tags: ["ceramics", "handmade"],
    variants: [
      { options: { Size: "Small", Colour: "Oat" } },
      { options: { Size: "Small", Colour: "Sage" }, stock: "low" },
      { options: { Size: "Large", Colour: "Oat" }, stock: "out", policy: "CONTINUE", incoming: 24, price: "38.00" },
      { options: { Size: "Large", Colour: "Sage" }, price: "38.00" },
    ],
  },
  {
    code: "DPL",
    title: "Dinner Plate",
    type: "Tableware",
    price: "36.00",
    tags: ["ceramics", "dinnerware"],
    variants: colours(["Chalk", "Sage", "Charcoal"], { Sage: { stock: "out", policy: "CONTINUE", incoming: 48 } }),
  },
  { code: "SPL", title: "Side Plate", type: "Tableware", price: "24.00", tags: ["ceramics", "dinnerware"], variants: colours(["Chalk", "Sage"]) },
  {
    code: "PBW",
    title: "Pasta Bowl",
    type: "Tableware",
    price: "34.00",
    tags: ["ceramics", "dinnerware"],
    variants: colours(["Oat", "Charcoal"], { Charcoal: { stock: "low" } }),
  },
  {
    code: "TPT",
    title: "Teapot",
    type: "Tableware",
    price: "89.00",
    tags: ["ceramics", "handmade", "made-to-order"],
    variants: [
      { options: { Size: "0.6 L" }, stock: "low" },
      { options: { Size: "1 L" }, stock: "out", policy: "CONTINUE", price: "109.00" },
    ],
  },
  {
    code: "ESP",
    title: "Espresso Cup & Saucer",
    type: "Tableware",
    price: "22.00",
    tags: ["ceramics"],
    variants: colours(["Chalk", "Charcoal", "Terracotta"]),
  },
  { code: "PLT", title: "Serving Platter", type: "Tableware", price: "74.00", tags: ["ceramics", "handmade"], stock: "low" },
  {
    code: "BVS",
    title: "Bud Vase",
    type: "Tableware",
    price: "26.00",
    tags: ["ceramics", "vases"],
    variants: [
      { options: { Size: "Small" } },
      { options: { Size: "Medium" }, price: "34.00" },
      { options: { Size: "Large" }, price: "42.00", stock: "out", policy: "CONTINUE", incoming: 12 },
    ],
  },
  {
    code: "TVS",
    title: "Table Vase",
    type: "Tableware",
    price: "95.00",
    tags: ["ceramics", "vases", "made-to-order"],
    stock: "out",
    policy: "CONTINUE",
  },
  { code: "SBW", title: "Salad Bowl", type: "Tableware", price: "68.00", tags: ["ceramics"], variants: colours(["Oat", "Sage"]) },
  { code: "BTD", title: "Butter Dish", type: "Tableware", price: "39.00", tags: ["ceramics"], stock: "out" },
  {
    code: "PTC",
    title: "Pitcher",
    type: "Tableware",
    price: "48.00",
    tags: ["ceramics"],
    variants: [{ options: { Size: "0.5 L" } }, { options: { Size: "1 L" }, price: "58.00", stock: "low" }],
  },
  { code: "TMB", title: "Tumbler", type: "Tableware", price: "18.00", tags: ["ceramics"], variants: colours(["Oat", "Sage", "Charcoal"]) },
  { code: "OIL", title: "Oil Bottle", type: "Tableware", price: "44.00", tags: ["ceramics", "new"], status: "DRAFT" },
  { code: "EGG", title: "Egg Cup (Set of 2)", type: "Tableware", price: "19.00", tags: ["ceramics", "gift"] },
  {
    code: "TCL",
    title: "Linen Tablecloth",
    type: "Linen",
    price: "120.00",
    tags: ["linen", "stonewashed"],
    variants: [
      { options: { Size: "150 × 150 cm", Colour: "Natural" } },
      { options: { Size: "150 × 150 cm", Colour: "Sage" }, stock: "low" },
      { options: { Size: "150 × 250 cm", Colour: "Natural" }, price: "145.00" },
      { options: { Size: "150 × 250 cm", Colour: "Sage" }, price: "145.00", stock: "out", policy: "CONTINUE", incoming: 20 },
      { options: { Size: "150 × 300 cm", Colour: "Natural" }, price: "165.00", stock: "low" },
      { options: { Size: "150 × 300 cm", Colour: "Sage" }, price: "165.00", stock: "out", policy: "CONTINUE" },
    ],
  },
  {
    code: "NAP",
    title: "Linen Napkins (Set of 4)",
    type: "Linen",
    price: "48.00",
    tags: ["linen", "stonewashed", "bestseller"],
    variants: colours(["Natural", "Sage", "Rust", "Charcoal"], { Rust: { stock: "out", policy: "CONTINUE", incoming: 40 } }),
  },
  { code: "TTW", title: "Linen Tea Towel", type: "Linen", price: "22.00", tags: ["linen"], variants: colours(["Natural", "Stripe"]) },
  { code: "APR", title: "Linen Apron", type: "Linen", price: "65.00", tags: ["linen"], stock: "out", policy: "CONTINUE", incoming: 15 },
  { code: "RUN", title: "Linen Table Runner", type: "Linen", price: "55.00", tags: ["linen"], variants: colours(["Natural", "Sage"]) },
  {
    code: "WHT",
    title: "Waffle Hand Towel",
    type: "Linen",
    price: "26.00",
    tags: ["linen", "bath"],
    variants: colours(["Natural", "Clay"], { Clay: { stock: "low" } }),
  },
  { code: "PLM", title: "Linen Placemats (Set of 2)", type: "Linen", price: "38.00", tags: ["linen"] },
  {
    code: "FIG",
    title: "Fig Leaf Candle",
    type: "Candles",
    price: "42.00",
    tags: ["candles", "gift"],
    variants: [{ options: { Size: "180 g" } }, { options: { Size: "360 g" }, price: "64.00", stock: "out", policy: "CONTINUE", incoming: 30 }],
  },
  {
    code: "CED",
    title: "Cedar & Clay Candle",
    type: "Candles",
    price: "42.00",
    tags: ["candles", "gift"],
    variants: [{ options: { Size: "180 g" }, stock: "low" }, { options: { Size: "360 g" }, price: "64.00" }],
  },
  { code: "INC", title: "Ceramic Incense Holder", type: "Candles", price: "24.00", tags: ["ceramics", "gift"] },
  { code: "ORN", title: "Winter Ornament Set", type: "Tableware", price: "30.00", tags: ["seasonal"], status: "ARCHIVED", stock: "out" },
];

const CUSTOMERS = [
  { key: "emma", firstName: "Emma", lastName: "Wilson", email: "emma.wilson@example.com", locale: "en" },
  { key: "oliver", firstName: "Oliver", lastName: "Brown", email: "oliver.brown@example.co.uk", locale: "en" },
  { key: "sophie", firstName: "Sophie", lastName: "Martin", email: "sophie.martin@example.fr", locale: "fr" },
  { key: "lucas", firstName: "Lucas", lastName: "Bernard", email: "lucas.bernard@example.fr", locale: "fr" },
  { key: "chloe", firstName: "Chloé", lastName: "Dubois", email: "chloe.dubois@example.fr", locale: "fr" },
  { key: "james", firstName: "James", lastName: "Taylor", email: "james.taylor@example.com", locale: "en" },
] as const;

type CustomerKey = (typeof CUSTOMERS)[number]["key"];

/** Orders: [customer (or guest locale), days ago, [sku, quantity][], tags]. */
const ORDERS: [CustomerKey | { guest: "en" | "fr" }, number, [string, number][], string[]][] = [
  ["sophie", 19, [["MA-MUG-SAGE", 2], ["MA-NAP-NATURAL", 1]], []],
  ["emma", 16, [["MA-TVS", 1]], []],
  ["lucas", 14, [["MA-BWL-LARGE-OAT", 4], ["MA-DPL-CHALK", 4]], []],
  ["oliver", 12, [["MA-TCL-150X250CM-SAGE", 1]], ["gift"]],
  ["chloe", 10, [["MA-MUG-SAGE", 4], ["MA-DPL-SAGE", 6], ["MA-SPL-SAGE", 6]], ["wedding-list"]],
  [{ guest: "fr" }, 9, [["MA-NAP-RUST", 2]], []],
  ["james", 7, [["MA-APR", 1], ["MA-TTW-STRIPE", 2]], []],
  ["emma", 6, [["MA-BVS-LARGE", 1], ["MA-FIG-180G", 1]], []],
  ["sophie", 5, [["MA-TPT-1L", 1]], []],
  ["lucas", 3, [["MA-FIG-360G", 2], ["MA-CED-360G", 1]], ["gift"]],
  [{ guest: "en" }, 2, [["MA-MUG-CHARCOAL", 2]], []],
  ["chloe", 1, [["MA-TCL-150X300CM-SAGE", 1], ["MA-RUN-SAGE", 1]], []],
];

export interface DemoShop {
  locations: { atelier: LocationRecord; warehouse: LocationRecord };
  /** By product code, e.g. products.MUG. */
  products: Record<string, { product: ProductRecord; variants: VariantRecord[] }>;
  /** By SKU, e.g. variants["MA-MUG-SAGE"]. */
  variants: Record<string, VariantRecord>;
  customers: Record<CustomerKey, CustomerRecord>;
  orders: OrderRecord[];
}

function skuPart(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toUpperCase()
    .replace(/×/g, "X")
    .replace(/[^A-Z0-9]+/g, "");
}

/**
 * Seeds `store` (expected empty) with the Maison Argile demo shop and returns handles to what it created.
 * Order dates are relative to the store's clock; quantities come from a fixed-seed PRNG.
 */
export function seedDemoShop(store: AdminStore): DemoShop {
  const random = prng(0x5eed);
  const between = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
  const daysAgo = (days: number, hour = 10): string => {
    const d = new Date(store.now() - days * 86_400_000);
    d.setUTCHours(hour, between(0, 59), between(0, 59), 0);
    return d.toISOString().replace(/\.\d{3}Z$/, "Z");
  };

  store.setShop({
    name: "Maison Argile",
    email: "bonjour@maison-argile.fr",
    contactEmail: "bonjour@maison-argile.fr",
    primaryDomainHost: "maison-argile.fr",
    currencyCode: "EUR",
    ianaTimezone: "Europe/Paris",
    timezoneAbbreviation: "CET",
    countryCode: "FR",
    country: "France",
    city: "Limoges",
    zip: "87000",
    address1: "12 rue des Potiers",
  });
  const atelier = store.addLocation({
    name: "Atelier Limoges",
    address: { address1: "12 rue des Potiers", city: "Limoges", zip: "87000", country: "France", countryCode: "FR" },
  });
  const warehouse = store.addLocation({
    name: "Lyon Warehouse",
    address: { address1: "5 quai Perrache", city: "Lyon", zip: "69002", country: "France", countryCode: "FR" },
  });

  const products: DemoShop["products"] = {};
  const variants: DemoShop["variants"] = {};
  CATALOGUE.forEach((spec, index) => {
    const specs: VariantSpec[] = spec.variants ?? [{ stock: spec.stock, policy: spec.policy, incoming: spec.incoming }];
    const created = store.addProduct({
      title: spec.title,
      status: spec.status ?? "ACTIVE",
      vendor: "Maison Argile",
      productType: spec.type,
      tags: spec.tags,
      descriptionHtml: `<p>${spec.title}, made in small batches in our Limoges workshop.</p>`,
      image: { url: `https://cdn.shopify.com/s/files/demo/maison-argile/${spec.code.toLowerCase()}.jpg`, altText: spec.title },
      createdAt: daysAgo(400 - index * 7),
      variants: specs.map((v) => {
        const stock = v.stock ?? "in";
        const total = stock === "in" ? between(8, 60) : stock === "low" ? between(1, 4) : 0;
        // Most stock sits at the atelier; in-stock items keep a share at the warehouse too.
        const atWarehouse = stock === "in" ? Math.floor(total * 0.3) : 0;
        const sku = ["MA", spec.code, ...Object.values(v.options ?? {}).map(skuPart)].join("-");
        return {
          sku,
          barcode: `3760${String(between(100_000_000, 999_999_999))}`,
          price: v.price ?? spec.price,
          inventoryPolicy: v.policy ?? "DENY",
          ...(v.options ? { options: v.options } : {}),
          available: { [atelier.id]: total - atWarehouse, [warehouse.id]: atWarehouse },
          ...(v.incoming ? { incoming: { [atelier.id]: v.incoming } } : {}),
        };
      }),
    });
    products[spec.code] = created;
    for (const variant of created.variants) if (variant.sku) variants[variant.sku] = variant;
  });

  const customers = {} as Record<CustomerKey, CustomerRecord>;
  for (const c of CUSTOMERS) {
    customers[c.key] = store.addCustomer({ firstName: c.firstName, lastName: c.lastName, email: c.email, locale: c.locale });
  }

  const orders = ORDERS.map(([who, days, lines, tags]) => {
    const lineItems = lines.map(([sku, quantity]) => {
      const variant = variants[sku];
      if (!variant) throw new Error(`seedDemoShop: unknown SKU ${sku}`);
      return { variantId: variant.id, quantity };
    });
    const common = { lineItems, tags, createdAt: daysAgo(days, between(8, 20)), locationId: atelier.id };
    if (typeof who === "string") return store.addOrder({ ...common, customer: customers[who].id }).order;
    return store.addOrder({
      ...common,
      customer: null,
      email: who.guest === "fr" ? "invite.client@example.fr" : "guest.shopper@example.com",
      customerLocale: who.guest,
    }).order;
  });

  return { locations: { atelier, warehouse }, products, variants, customers, orders };
}
