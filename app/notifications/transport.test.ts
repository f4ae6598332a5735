// Mail configuration (SMTP_URL, MAIL_FROM), failure classification and the retry schedule.
import { describe, expect, it } from "vitest";
import { parseEnv } from "~/env.server";
import { BACKOFF_BASE_MS, BACKOFF_MAX_MS, MAX_ATTEMPTS, backoffMs } from "./deliver.server";
import { describeSendFailure } from "./transport.server";

const base = { NODE_ENV: "development", SHOPIFY_API_KEY: "key", SHOPIFY_API_SECRET: "secret", SHOPIFY_APP_URL: "https://app.example.com" } as const;

describe("mail environment", () => {
  it("accepts an SMTP URL with credentials and a sender", () => {
    // GIVEN / WHEN a production configuration with SMTP
    const env = parseEnv({ ...base, NODE_ENV: "production", SMTP_URL: "smtp://user:pa%40ss@mail.example.com:587", MAIL_FROM: "Maison Argile <shop@argile.example>" });

    // THEN both are kept
    expect(env.SMTP_URL).toBe("smtp://user:pa%40ss@mail.example.com:587");
    expect(env.MAIL_FROM).toBe("Maison Argile <shop@argile.example>");
  });

  it("leaves both unset by default (local mailbox)", () => {
    // GIVEN / WHEN no mail variables, or empty ones
    const env = parseEnv({ ...base, SMTP_URL: "", MAIL_FROM: "" });

    // THEN the app runs with the mailbox
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.MAIL_FROM).toBeUndefined();
  });

  it.each([
    ["http://mail.example.com", /SMTP_URL: must start with smtp:\/\/ or smtps:\/\//],
    ["not a url", /SMTP_URL: must be a URL/],
  ])("refuses SMTP_URL=%j", (value, message) => {
    // GIVEN / WHEN / THEN
    expect(() => parseEnv({ ...base, SMTP_URL: value })).toThrow(message);
  });

  it("refuses a malformed sender", () => {
    // GIVEN / WHEN / THEN
    expect(() => parseEnv({ ...base, MAIL_FROM: "Shop <nope>" })).toThrow(/MAIL_FROM: must be an address/);
  });

  it("requires MAIL_FROM with SMTP in production, but not in development", () => {
    // GIVEN SMTP configured without a sender
    const smtp = { ...base, SMTP_URL: "smtps://mail.example.com" };

    // WHEN / THEN production refuses to boot, development accepts
    expect(() => parseEnv({ ...smtp, NODE_ENV: "production" })).toThrow(/MAIL_FROM: is required with SMTP_URL/);
    expect(parseEnv(smtp).SMTP_URL).toBe("smtps://mail.example.com");
  });

  it("keeps the existing production guards", () => {
    // GIVEN / WHEN / THEN the test switch is still refused in production, alongside the mail check
    expect(() => parseEnv({ ...base, NODE_ENV: "production", SHOPIFY_TESTING: "1", SMTP_URL: "smtp://m.example" })).toThrow(
      /SHOPIFY_TESTING: must not be set[\s\S]*MAIL_FROM/,
    );
  });
});

describe("send failures", () => {
  it("treats a recipient refused at RCPT TO with 5xx as permanent", () => {
    // GIVEN nodemailer's error for a rejected recipient
    const error = Object.assign(new Error("Can't send mail - all recipients were rejected: 550 Mailbox unavailable"), {
      code: "EENVELOPE",
      responseCode: 550,
      command: "RCPT TO",
    });

    // WHEN / THEN it is permanent, with the code in the message
    expect(describeSendFailure(error)).toEqual({ permanent: true, message: `EENVELOPE: ${error.message}` });
  });

  it.each([
    ["a 421 at MAIL FROM", { responseCode: 421, command: "MAIL FROM" }],
    ["a refused login (535)", { responseCode: 535, command: "AUTH PLAIN" }],
    ["a connection refused", { code: "ECONNECTION" }],
  ])("retries %s", (_name, props) => {
    // GIVEN / WHEN / THEN
    expect(describeSendFailure(Object.assign(new Error("x"), props)).permanent).toBe(false);
  });

  it("keeps error messages short for the admin", () => {
    // GIVEN / WHEN / THEN
    expect(describeSendFailure(new Error("e".repeat(5_000))).message.length).toBe(1_000);
  });
});

describe("retry schedule", () => {
  it("waits longer after each failure, up to a cap, and gives up after MAX_ATTEMPTS", () => {
    // GIVEN / WHEN the waits after each failed attempt
    const waits = Array.from({ length: 10 }, (_, i) => backoffMs(i + 1));

    // THEN they start at the base, grow, and never exceed the cap
    expect(waits[0]).toBe(BACKOFF_BASE_MS);
    for (let i = 1; i < waits.length; i += 1) expect(waits[i]).toBeGreaterThanOrEqual(waits[i - 1]!);
    expect(Math.max(...waits)).toBe(BACKOFF_MAX_MS);
    // AND the attempts before an email is dead span a couple of hours of outage
    const span = waits.slice(0, MAX_ATTEMPTS - 1).reduce((a, b) => a + b, 0);
    expect(span).toBeGreaterThan(60 * 60_000);
  });
});
