import { describe, expect, it } from "vitest";
import { decodeEntities, htmlToText } from "./html-to-text";

describe("htmlToText", () => {
  it("turns paragraphs, headings and line breaks into lines, ignoring source indentation", () => {
    // GIVEN indented HTML
    const html = `<h1>Title</h1>
      <p>First   paragraph
         continues.</p><p>Second<br>line two</p>`;

    // WHEN converted
    // THEN blocks are separated by a blank line and <br> is a line break
    expect(htmlToText(html)).toBe("Title\n\nFirst paragraph continues.\n\nSecond\nline two");
  });

  it("keeps link targets and skips them when the label is the URL", () => {
    // GIVEN two links
    const html = `<p><a href="https://a.example/x?y=1&amp;z=2" style="x">Shop now</a> <a href='https://b.example'>https://b.example</a></p>`;

    // WHEN converted
    // THEN the first shows its target, the second only once
    expect(htmlToText(html)).toBe("Shop now (https://a.example/x?y=1&z=2) https://b.example");
  });

  it("writes list items as dashes and table cells side by side", () => {
    // GIVEN a list and a table
    const html = `<ul><li>One</li><li>Two</li></ul><table><tr><td>Mug</td><td>12 Dec</td></tr><tr><td>Bowl</td><td>3 Jan</td></tr></table>`;

    // WHEN converted
    // THEN each row is one line
    expect(htmlToText(html)).toBe("- One\n- Two\n\nMug  12 Dec\nBowl  3 Jan");
  });

  it("drops head, style, script and comments", () => {
    // GIVEN a document with non-content parts
    const html = `<html><head><title>T</title><style>p{color:red}</style></head><body><!-- hi --><script>x()</script><p>Body</p></body></html>`;

    // WHEN converted
    // THEN only the content remains
    expect(htmlToText(html)).toBe("Body");
  });

  it("decodes entities once, so escaped markup reads as text", () => {
    // GIVEN escaped customer data
    // WHEN converted
    // THEN it reads as typed, and a double-escaped entity is decoded only one level
    expect(htmlToText("<p>&lt;b&gt;Tom &amp; Jerry&#39;s &#x263A;&nbsp;x</p>")).toBe("<b>Tom & Jerry's ☺\u00a0x");
    expect(decodeEntities("&amp;lt;")).toBe("&lt;");
    expect(decodeEntities("&unknown; &#0;")).toBe("&unknown; &#0;");
  });
});
