// JSON parsed without losing Shopify's 64-bit ids. Shopify's REST-shaped payloads carry ids such as
// 820982911946154508, above Number.MAX_SAFE_INTEGER: JSON.parse rounds them to 820982911946154500, a
// different (or nobody's) record. lossless-json hands us each number's source text: integers beyond 2^53
// stay exact strings (the payload schemas accept numeric strings for ids), every other number is a number.
import { isInteger, isSafeNumber, parse } from "lossless-json";

function parseNumber(text: string): number | string {
  return isInteger(text) && !isSafeNumber(text) ? text : Number(text);
}

/** Like JSON.parse (throws SyntaxError on invalid JSON), but integers above 2^53 come back as exact strings. */
export function parseJsonLosslessly(text: string): unknown {
  return parse(text, null, parseNumber);
}
