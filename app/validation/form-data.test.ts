import { describe, expect, it } from "vitest";
import { NOT_A_FORM_MESSAGE, readFormData } from "./form-data";

async function refusal(request: Request) {
  try {
    await readFormData(request);
  } catch (thrown) {
    if (thrown instanceof Response) return { status: thrown.status, body: await thrown.json() };
    throw thrown;
  }
  return null;
}

describe("readFormData", () => {
  it("reads a url-encoded and a multipart form", async () => {
    // GIVEN the two encodings browsers and Remix use
    const encoded = new Request("https://app.test/", { method: "POST", body: new URLSearchParams({ a: "1" }) });
    const multipart = new FormData();
    multipart.set("a", "2");
    // WHEN read / THEN both give their fields
    expect((await readFormData(encoded)).get("a")).toBe("1");
    expect((await readFormData(new Request("https://app.test/", { method: "POST", body: multipart }))).get("a")).toBe("2");
  });

  it.each([
    ["a JSON body", { body: '{"intent":"save"}', headers: { "Content-Type": "application/json" } }],
    ["an empty body without a type", {}],
    ["plain text", { body: "intent=save", headers: { "Content-Type": "text/plain" } }],
    ["a multipart type with a broken body", { body: "garbage", headers: { "Content-Type": "multipart/form-data; boundary=x" } }],
  ])("answers 400 with a message for %s", async (_name, init) => {
    // GIVEN a body that is not a form / WHEN read / THEN a 400 Response with the message is thrown
    const result = await refusal(new Request("https://app.test/", { method: "POST", ...init }));
    expect(result).toEqual({ status: 400, body: { ok: false, message: NOT_A_FORM_MESSAGE, errors: { form: NOT_A_FORM_MESSAGE } } });
  });
});
