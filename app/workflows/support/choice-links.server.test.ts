// The delay email's signed links: a token says exactly which shop, order, lines and choice it is for, until
// when; any change to it, another shop, another secret or its date passing makes it refused.
import { describe, expect, it } from "vitest";
import { APP_PROXY_PATH, CHOICE_LINK_DAYS, choiceLinks, signChoiceToken, verifyChoiceToken, type ChoicePayload } from "./choice-links.server";

const SECRET = "test-secret";
const SHOP = "maison-argile.myshopify.com";
const NOW = new Date("2026-12-01T10:00:00Z");
const payload: ChoicePayload = {
  shop: SHOP,
  orderId: "gid://shopify/Order/7400000000123",
  lineIds: ["line-a", "line-b"],
  choice: "cancel",
  expiresAt: Math.floor(NOW.getTime() / 1000) + 3_600,
  locale: "fr",
};

const verify = (token: unknown, options: { shop?: string; now?: Date; secret?: string } = {}) =>
  verifyChoiceToken(token, { shop: options.shop ?? SHOP, now: options.now ?? NOW, secret: options.secret ?? SECRET });

/** The token's JSON part decoded, changed, re-encoded, with the original signature kept. */
function altered(token: string, change: (data: Record<string, unknown>) => void): string {
  const [part, signature] = token.split(".") as [string, string];
  const data = JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as Record<string, unknown>;
  change(data);
  return `${Buffer.from(JSON.stringify(data)).toString("base64url")}.${signature}`;
}

describe("choice link tokens", () => {
  it("round-trips what the link is for", () => {
    // GIVEN a token signed for a cancel answer WHEN verified for its shop before it expires
    const result = verify(signChoiceToken(payload, SECRET));
    // THEN it names the order, lines, choice and language, with a stable hash for one-answer-per-link
    expect(result).toEqual({ ok: true, payload, tokenHash: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it("refuses a token whose choice, lines, order, shop or expiry was altered", () => {
    // GIVEN a genuine token
    const token = signChoiceToken({ ...payload, choice: "wait" }, SECRET);
    // WHEN any signed part is changed without the secret THEN it is invalid
    for (const change of [
      (d: Record<string, unknown>) => void (d.c = "cancel"),
      (d: Record<string, unknown>) => void (d.l = ["line-a", "line-c"]),
      (d: Record<string, unknown>) => void (d.o = "7400000000999"),
      (d: Record<string, unknown>) => void (d.s = "other.myshopify.com"),
      (d: Record<string, unknown>) => void (d.e = (d.e as number) + 86_400 * 365),
    ]) {
      expect(verify(altered(token, change))).toMatchObject({ ok: false, reason: "invalid" });
    }
    // AND so are a flipped signature character, garbage and a missing token
    const flipped = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    for (const bad of [flipped, "not-a-token", `${token}.extra`, "", null, 42]) expect(verify(bad)).toMatchObject({ ok: false, reason: "invalid" });
  });

  it("refuses a genuine token on another shop's proxy, or signed with another secret", () => {
    const token = signChoiceToken(payload, SECRET);
    expect(verify(token, { shop: "other-shop.myshopify.com" })).toMatchObject({ ok: false, reason: "invalid" });
    expect(verify(token, { secret: "another-secret" })).toMatchObject({ ok: false, reason: "invalid" });
  });

  it("refuses an expired token, worded in the token's language", () => {
    // GIVEN a genuine token WHEN verified after its expiry THEN it is expired (not merely invalid), in French
    expect(verify(signChoiceToken(payload, SECRET), { now: new Date(NOW.getTime() + 3_601_000) })).toEqual({ ok: false, reason: "expired", locale: "fr" });
  });

  it("builds the delay email's two links on the shop's app proxy, valid for the link lifetime", () => {
    // WHEN the links of a delay email are built
    const links = choiceLinks({ shop: SHOP, orderId: payload.orderId, lineIds: ["line-a"], locale: "fr-CA", now: NOW }, SECRET);
    // THEN each points at the proxy page with a token for its own choice, expiring after CHOICE_LINK_DAYS
    for (const [url, choice] of [
      [links.waitUrl, "wait"],
      [links.cancelUrl, "cancel"],
    ] as const) {
      expect(url.startsWith(`https://${SHOP}${APP_PROXY_PATH}/choice?t=`)).toBe(true);
      const result = verify(new URL(url).searchParams.get("t"));
      expect(result).toMatchObject({ ok: true, payload: { choice, lineIds: ["line-a"], locale: "fr", expiresAt: Math.floor(NOW.getTime() / 1000) + CHOICE_LINK_DAYS * 86_400 } });
    }
  });
});
