// Token exchange (the embedded auth strategy) against the Admin fake, and several shops side by side.
import { describe, expect, it } from "vitest";
import { fakeClock, gql, useFake } from "./test-utils";

/** An unsigned session-token-shaped JWT: the fake checks shape and destination only. */
function sessionToken(shop: string, sub = "9001"): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  return `${part({ alg: "HS256", typ: "JWT" })}.${part({ iss: `https://${shop}/admin`, dest: `https://${shop}`, sub })}.signature`;
}

async function exchange(shop: string, body: Record<string, string>): Promise<{ status: number; json: Record<string, any> }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const response = await fetch(`https://${shop}/admin/oauth/access_token`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({
      client_id: "api-key",
      client_secret: "api-secret",
      grant_type: "urn:ietf:params:oauth:grant-type:token-exchange",
      subject_token_type: "urn:ietf:params:oauth:token-type:id_token",
      ...body,
    }),
  });
  return { status: response.status, json: await response.json() };
}

describe("Admin fake token exchange", () => {
  it("issues an offline token that the GraphQL endpoint then accepts", async () => {
    // GIVEN a fake with no token issued yet for the app
    const fake = useFake({ shop: "maison-argile.myshopify.com" });

    // WHEN the app exchanges a session token for an offline access token and uses it
    const { status, json } = await exchange(fake.shop, {
      subject_token: sessionToken(fake.shop),
      requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
    });
    const query = await gql(fake, `query { shop { myshopifyDomain } }`, undefined, json.access_token);

    // THEN the token works, with the shop's scopes and no expiry or user
    expect(status).toBe(200);
    expect(json).toEqual({ access_token: expect.stringMatching(/^shpat_/), scope: expect.stringContaining("write_inventory") });
    expect(query.body.data).toEqual({ shop: { myshopifyDomain: "maison-argile.myshopify.com" } });
    expect(fake.stats.tokenExchanges).toBe(1);
  });

  it("issues an online token for the session's user that expires after a day", async () => {
    // GIVEN a fake on a simulated clock
    const clock = fakeClock();
    const fake = useFake({ now: clock.now });

    // WHEN an online token is requested for user 9001 and used before and after expiry
    const { json } = await exchange(fake.shop, {
      subject_token: sessionToken(fake.shop, "9001"),
      requested_token_type: "urn:shopify:params:oauth:token-type:online-access-token",
    });
    const fresh = await gql(fake, `query { shop { name } }`, undefined, json.access_token);
    clock.advance(86_400_000);
    const expired = await gql(fake, `query { shop { name } }`, undefined, json.access_token);

    // THEN it carries the associated user like Shopify's answer, works, then is refused once expired
    expect(json).toMatchObject({
      access_token: expect.stringMatching(/^shpua_/),
      expires_in: 86_399,
      associated_user: { id: 9001, account_owner: true },
    });
    expect(fresh.status).toBe(200);
    expect(expired.status).toBe(401);
  });

  it("rejects a subject token that is not a JWT for this shop", async () => {
    // GIVEN a fake for one shop
    const fake = useFake();

    // WHEN the subject token is garbage, or was issued for another shop
    const garbage = await exchange(fake.shop, { subject_token: "nope", requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token" });
    const elsewhere = await exchange(fake.shop, {
      subject_token: sessionToken("other.myshopify.com"),
      requested_token_type: "urn:shopify:params:oauth:token-type:offline-access-token",
    });

    // THEN both are 400 invalid_subject_token
    expect([garbage.status, garbage.json.error]).toEqual([400, "invalid_subject_token"]);
    expect([elsewhere.status, elsewhere.json.error]).toEqual([400, "invalid_subject_token"]);
  });

  it("serves several shops at once, each with its own data and tokens", async () => {
    // GIVEN two fakes for two shops with different products and tokens
    const a = useFake({ shop: "shop-a.myshopify.com", accessToken: "token-a" });
    const b = useFake({ shop: "shop-b.myshopify.com", accessToken: "token-b" });
    a.store.addProduct({ title: "Mug A" });
    b.store.addProduct({ title: "Vase B" });
    const titles = `query { products(first: 5) { nodes { title } } }`;

    // WHEN each shop is queried with its token, and shop B with shop A's token
    const fromA = await gql(a, titles);
    const fromB = await gql(b, titles);
    const crossed = await gql(b, titles, undefined, "token-a");

    // THEN each sees only its own catalogue, and tokens do not cross shops
    expect(fromA.body.data?.products).toEqual({ nodes: [{ title: "Mug A" }] });
    expect(fromB.body.data?.products).toEqual({ nodes: [{ title: "Vase B" }] });
    expect(crossed.status).toBe(401);
  });
});
