// The outbox's search by recipient (issue 11, phase 2): `?to=` keeps the emails whose address starts with
// what was typed (a whole address: that customer's emails), newest first, 50 a page with the keyset cursor
// kept, with the Failed tab too, and never another shop's emails.
import { beforeEach, describe, expect, it } from "vitest";
import prisma from "~/db.server";
import { loader as notificationsLoader } from "~/routes/app.notifications._index";
import { callRoute } from "../helpers/routes";
import { TEST_SHOP, embeddedDocumentRequest } from "../helpers/requests";
import { installFakeShop } from "../helpers/shop";

const START = Date.parse("2026-11-01T00:00:00Z");
const minute = (i: number) => new Date(START + i * 60_000);

type Outbox = {
  recipient: string | null;
  emails: { toEmail: string; subject: string }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; next: string; previous: string };
};

async function outbox(query: string): Promise<Outbox> {
  const response = await callRoute(notificationsLoader, await embeddedDocumentRequest(`/app/notifications${query}`));
  expect(response.status).toBe(200);
  return ((await response.json()) as { outbox: Outbox }).outbox;
}

const email = (i: number, toEmail: string, extra: Record<string, unknown> = {}) => ({
  shop: TEST_SHOP,
  dedupeKey: `search:${i}`,
  kind: "delay_notice",
  toEmail,
  subject: `Email ${i}`,
  html: "<p>Hi</p>",
  text: "Hi",
  status: "sent",
  createdAt: minute(i),
  ...extra,
});

beforeEach(async () => {
  await prisma.emailOutbox.deleteMany({});
  await installFakeShop();
  // 60 emails to Ana (two a minute: the id tie-break is exercised), 10 to Anatole, 10 to Ben, 3 failed to
  // Ana; and Ana's emails of another shop.
  await prisma.emailOutbox.createMany({
    data: [
      ...Array.from({ length: 60 }, (_, i) => email(i, "ana@example.com", { createdAt: minute(Math.floor(i / 2)) })),
      ...Array.from({ length: 10 }, (_, i) => email(100 + i, "anatole@example.fr")),
      ...Array.from({ length: 10 }, (_, i) => email(200 + i, "ben@example.com")),
      ...Array.from({ length: 3 }, (_, i) => email(300 + i, "ana@example.com", { status: "dead", lastError: "550 mailbox unavailable" })),
      ...Array.from({ length: 5 }, (_, i) => email(400 + i, "ana@example.com", { shop: "other-shop.myshopify.com" })),
    ],
  });
});

describe("searching the outbox by recipient", () => {
  it("finds one customer's emails by their address, newest first, a page at a time with the search kept", async () => {
    // GIVEN Ana's 63 emails in the order the outbox lists them
    const anas = (await prisma.emailOutbox.findMany({ where: { shop: TEST_SHOP, toEmail: "ana@example.com" }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] })).map((e) => e.subject);
    expect(anas).toHaveLength(63);

    // WHEN the merchant searches her address (typed in capitals, with spaces), then goes to page 2 and back
    const first = await outbox(`?to=${encodeURIComponent("  ANA@example.com ")}`);
    const second = await outbox(`?to=ana%40example.com&cursor=${encodeURIComponent(first.pageInfo.next)}`);
    const back = await outbox(`?to=ana%40example.com&cursor=${encodeURIComponent(second.pageInfo.previous)}`);

    // THEN pages of 50 and 13, only hers, in order, none of the other shop's; back shows the first page again
    expect(first.recipient).toBe("ana@example.com");
    expect(first.emails.map((e) => e.subject)).toEqual(anas.slice(0, 50));
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(second.emails.map((e) => e.subject)).toEqual(anas.slice(50));
    expect(second.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    expect(back.emails.map((e) => e.subject)).toEqual(anas.slice(0, 50));
  });

  it("finds every address starting with what was typed, with the Failed tab too, and says when nothing matches", async () => {
    // WHEN the merchant types the beginning of an address
    const ana = await outbox("?to=ana");
    // THEN Ana's and Anatole's emails, not Ben's
    expect(new Set(ana.emails.map((e) => e.toEmail))).toEqual(new Set(["ana@example.com", "anatole@example.fr"]));
    // AND within the Failed tab, only Ana's failed ones
    const failed = await outbox("?filter=failed&to=ana%40");
    expect(failed.emails.map((e) => e.subject).sort()).toEqual(["Email 300", "Email 301", "Email 302"]);
    // AND an address nobody was sent to lists nothing
    const none = await outbox("?to=zoe%40example.com");
    expect(none.emails).toEqual([]);
    expect(none.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
    // AND an empty search is no search
    expect((await outbox("?to=%20%20")).recipient).toBeNull();
  });

  it("takes a search of any characters as text, never as a pattern", async () => {
    // WHEN the search holds what LIKE or a regular expression would treat specially
    const results = await Promise.all(["%", "_", "a%", ".*", "'"].map((q) => outbox(`?to=${encodeURIComponent(q)}`)));
    // THEN it matches no address (none starts with those characters)
    expect(results.map((r) => r.emails.length)).toEqual([0, 0, 0, 0, 0]);
  });
});
