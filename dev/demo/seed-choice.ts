// A customer who already answered their delay email: once the demo's worker has queued Jonas's delay notice,
// his "I'll wait for the new date" link is followed the way the app proxy page records it (the token read
// from the email itself, verified, then answered once), so the desk shows a customer's own choice on first
// open. Runs in the background after startup; the outcome is logged.
type Load = (path: string) => Promise<Record<string, unknown>>;

export const WAITING_CUSTOMER = "jonas.weber@example.com";

export async function seedCustomerWhoWaits({ shop, load, timeoutMs = 120_000 }: { shop: string; load: Load; timeoutMs?: number }): Promise<string> {
  const outbox = (await load("/app/models/email-outbox.server.ts")) as typeof import("../../app/models/email-outbox.server");
  const links = (await load("/app/workflows/support/choice-links.server.ts")) as typeof import("../../app/workflows/support/choice-links.server");
  const choice = (await load("/app/workflows/support/customer-choice.server.ts")) as typeof import("../../app/workflows/support/customer-choice.server");
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const email = await outbox.findLatestEmailTo({ shop, toEmail: WAITING_CUSTOMER, kind: "delay_notice" });
    if (email) {
      for (const [, token] of email.html.matchAll(/choice\?t=([A-Za-z0-9_.-]+)/g)) {
        const verified = links.verifyChoiceToken(token, { shop, now: new Date() });
        if (verified.ok && verified.payload.choice === "wait") {
          return String(await choice.answerChoice({ payload: verified.payload, tokenHash: verified.tokenHash }));
        }
      }
      return "the delay email has no wait link";
    }
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  return "no delay email was queued";
}
