// Reads a request body with a byte cap, refusing with 413 *before* buffering more than the cap: a declared
// Content-Length over the cap is refused unread, and a chunked (or undeclared) body is read chunk by chunk
// and abandoned as soon as the running total passes the cap. Shared by the webhook and app-proxy routes,
// which both read bodies before (or without) any signature over them.

function tooLarge(limitBytes: number): Response {
  return new Response(`Request body exceeds ${limitBytes} bytes`, { status: 413, headers: { Connection: "close" } });
}

/** The body's bytes, at most `limitBytes` of them; throws a 413 (or 400 for a malformed length) Response. */
export async function readCappedBody(request: Request, limitBytes: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = request.headers.get("content-length");
  if (declared !== null) {
    const value = declared.trim();
    if (!/^\d{1,15}$/.test(value)) throw new Response("Malformed Content-Length", { status: 400 });
    if (Number(value) > limitBytes) throw tooLarge(limitBytes);
  }
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limitBytes) {
      // Stop reading: the rest of the body is never pulled into memory.
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limitBytes);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** The body as text (UTF-8, like Request.text()), capped as above. */
export async function readCappedText(request: Request, limitBytes: number): Promise<string> {
  return new TextDecoder().decode(await readCappedBody(request, limitBytes));
}
