// Reading from the Admin fake: shop, catalogue, inventory, orders, pagination, search and global ids.
import { describe, expect, it } from "vitest";
import { gql, gqlData, useSeededFake } from "./test-utils";

describe("Admin fake queries", () => {
  it("answers the shop profile from the seeded shop", async () => {
    // GIVEN the Maison Argile demo shop
    const { fake } = useSeededFake();

    // WHEN the app reads the shop profile
    const data = await gqlData(
      fake,
      `query Shop { shop { id name myshopifyDomain currencyCode ianaTimezone billingAddress { countryCodeV2 } primaryDomain { host } } }`,
    );

    // THEN it gets the French shop's settings with a Shopify-style global id
    expect(data.shop).toMatchObject({
      name: "Maison Argile",
      myshopifyDomain: "test-shop.myshopify.com",
      currencyCode: "EUR",
      ianaTimezone: "Europe/Paris",
      billingAddress: { countryCodeV2: "FR" },
      primaryDomain: { host: "maison-argile.fr" },
    });
    expect(data.shop.id).toMatch(/^gid:\/\/shopify\/Shop\/\d+$/);
  });

  it("reports inventory quantities per location, including oversold (negative) available", async () => {
    // GIVEN a backorderable variant with two units ordered from stock 0 and an incoming batch of 36
    const { fake, demo } = useSeededFake();
    const variant = demo.variants["MA-MUG-SAGE"];

    // WHEN its inventory levels are read
    const data = await gqlData(
      fake,
      `query Levels($id: ID!) {
        productVariant(id: $id) {
          inventoryQuantity inventoryPolicy
          inventoryItem { inventoryLevel(locationId: "${demo.locations.atelier.id}") {
            quantities(names: ["available", "on_hand", "committed", "incoming"]) { name quantity } } }
        }
      }`,
      { id: variant?.id },
    );

    // THEN available is negative (units owed), committed holds the ordered units and incoming the batch
    expect(data.productVariant.inventoryPolicy).toBe("CONTINUE");
    expect(data.productVariant.inventoryQuantity).toBe(-6);
    expect(data.productVariant.inventoryItem.inventoryLevel.quantities).toEqual([
      { name: "available", quantity: -6 },
      { name: "on_hand", quantity: 0 },
      { name: "committed", quantity: 6 },
      { name: "incoming", quantity: 36 },
    ]);
  });

  it("pages forwards and backwards with cursors", async () => {
    // GIVEN 28 products
    const { fake } = useSeededFake();
    const page = `query Page($first: Int, $after: String, $last: Int, $before: String) {
      products(first: $first, after: $after, last: $last, before: $before) {
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { cursor node { title } }
      }
    }`;

    // WHEN the app reads page 1, page 2 after its end cursor, then goes back before page 2's start
    const first = (await gqlData(fake, page, { first: 10 })).products;
    const second = (await gqlData(fake, page, { first: 10, after: first.pageInfo.endCursor })).products;
    const back = (await gqlData(fake, page, { last: 10, before: second.pageInfo.startCursor })).products;

    // THEN pages do not overlap, pageInfo tells where it is, and going back returns page 1
    const titles = (p: { edges: { node: { title: string } }[] }) => p.edges.map((e) => e.node.title);
    expect(titles(first)).toHaveLength(10);
    expect(titles(second)).toHaveLength(10);
    expect(titles(second).some((t: string) => titles(first).includes(t))).toBe(false);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(second.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    expect(titles(back)).toEqual(titles(first));
  });

  it("requires first or last on a connection, like Shopify", async () => {
    // GIVEN the demo shop
    const { fake } = useSeededFake();

    // WHEN a connection is requested without a page size
    const { body } = await gql(fake, `query Unbounded { products(query: "tag:linen") { nodes { id } } }`);

    // THEN the field errors instead of returning everything
    expect(body.errors?.[0]).toMatchObject({ message: "you must provide one of first or last", path: ["products"] });
  });

  it.each([
    ["title:Teapot", ["Teapot"]],
    ["status:draft", ["Oil Bottle"]],
    ["sku:MA-TVS", ["Table Vase"]],
    ["tag:candles", ["Cedar & Clay Candle", "Fig Leaf Candle"]],
    ["inventory_total:<=0 AND status:active", ["Butter Dish", "Linen Apron", "Table Vase"]],
    ["-tag:ceramics tag:linen title:Linen*", ["Linen Apron", "Linen Napkins (Set of 4)", "Linen Placemats (Set of 2)", "Linen Table Runner", "Linen Tablecloth", "Linen Tea Towel"]],
  ])("filters products with the search query %s", async (query, expected) => {
    // GIVEN the demo shop
    const { fake } = useSeededFake();

    // WHEN products are listed with a search query
    const data = await gqlData(fake, `query Search($q: String) { products(first: 50, query: $q, sortKey: TITLE) { nodes { title } } }`, {
      q: query,
    });

    // THEN only matching products come back
    expect(data.products.nodes.map((n: { title: string }) => n.title)).toEqual(expected);
  });

  it("filters by numeric id ranges and inventory above a threshold", async () => {
    // GIVEN the demo shop and the id of its third product
    const { fake, demo } = useSeededFake();
    const pivot = Number(demo.products.DPL?.product.id.split("/").pop());

    // WHEN products are searched by id and by positive inventory
    const byId = await gqlData(fake, `query { products(first: 5, query: "id:<=${pivot}") { nodes { title } } }`);
    const stocked = await gqlData(fake, `query { products(first: 50, query: "inventory_total:>0") { nodes { totalInventory } } }`);

    // THEN the id filter keeps the first three and every stocked product has inventory
    expect(byId.products.nodes.map((n: { title: string }) => n.title)).toEqual(["Stoneware Mug", "Speckled Breakfast Bowl", "Dinner Plate"]);
    expect(stocked.products.nodes.length).toBeGreaterThan(10);
    expect(stocked.products.nodes.every((n: { totalInventory: number }) => n.totalInventory > 0)).toBe(true);
  });

  it("fails loudly on a search field the fake does not implement", async () => {
    // GIVEN the demo shop
    const { fake } = useSeededFake();

    // WHEN products are searched by a field the fake does not know
    const { body } = await gql(fake, `query { products(first: 5, query: "published_status:published") { nodes { id } } }`);

    // THEN the error says so instead of silently ignoring the filter
    expect(body.errors?.[0]?.message).toMatch(/search field "published_status" is not implemented for products/);
  });

  it("finds orders by tag and reads customers' locales", async () => {
    // GIVEN orders tagged "gift" from an English and a French customer
    const { fake } = useSeededFake();

    // WHEN gift orders are listed with their line items
    const data = await gqlData(
      fake,
      `query Gifts { orders(first: 10, query: "tag:gift") { nodes {
        name email customerLocale customer { locale defaultEmailAddress { emailAddress } }
        lineItems(first: 5) { nodes { quantity variant { sku inventoryPolicy } } }
      } } }`,
    );

    // THEN both come back with locales and line items
    expect(data.orders.nodes.map((o: { name: string; customerLocale: string }) => [o.name, o.customerLocale])).toEqual([
      ["#1004", "en"],
      ["#1010", "fr"],
    ]);
    expect(data.orders.nodes[0].lineItems.nodes[0]).toEqual({ quantity: 1, variant: { sku: "MA-TCL-150X250CM-SAGE", inventoryPolicy: "CONTINUE" } });
  });

  it("resolves node and nodes by global id, with null for unknown ids", async () => {
    // GIVEN a product and an order
    const { fake, demo } = useSeededFake();
    const productId = demo.products.TPT?.product.id;
    const orderId = demo.orders[0]?.id;

    // WHEN they are fetched through node/nodes with an unknown id among them
    const data = await gqlData(
      fake,
      `query Nodes($ids: [ID!]!, $id: ID!) {
        node(id: $id) { id ... on Product { title } }
        nodes(ids: $ids) { __typename ... on Order { name } ... on Product { handle } }
      }`,
      { id: productId, ids: [orderId, productId, "gid://shopify/Product/1"] },
    );

    // THEN each resolves to its type, and the unknown id to null
    expect(data.node).toEqual({ id: productId, title: "Teapot" });
    expect(data.nodes).toEqual([{ __typename: "Order", name: "#1001" }, { __typename: "Product", handle: "teapot" }, null]);
  });

  it("expands $app namespaces on the current app installation's metafields", async () => {
    // GIVEN an app-owned metafield on the installation
    const { fake } = useSeededFake({ appId: "777" });
    fake.store.setMetafield({
      ownerId: fake.store.appInstallationGid,
      namespace: "$app:backorder",
      key: "settings",
      type: "json",
      value: '{"leadTimeDays":21}',
    });

    // WHEN the app reads it back through currentAppInstallation with the $app alias
    const data = await gqlData(
      fake,
      `query Settings { currentAppInstallation { id app { id } metafield(namespace: "$app:backorder", key: "settings") { namespace jsonValue } } }`,
    );

    // THEN the namespace is the expanded app--<id>--backorder one and the JSON is parsed
    expect(data.currentAppInstallation.app.id).toBe("gid://shopify/App/777");
    expect(data.currentAppInstallation.metafield).toEqual({ namespace: "app--777--backorder", jsonValue: { leadTimeDays: 21 } });
  });
});
