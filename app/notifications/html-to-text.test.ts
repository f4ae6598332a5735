import { describe, expect, it } from "vitest";
import { htmlToText } from "./html-to-text";

describe("htmlToText", () => {
  it("turns paragraphs, headings and line breaks into lines, ignoring source indentation", () => {
    // GIVEN indented HTML
    const html = `<h1>Title</h1>
      <p>First   paragraph
         continues.</p><p>Second<br>line two</p>`;

    // WHEN converted
    // THEN blocks are separated by a blank line, <br> is a line break, headings keep their case
    expect(htmlToText(html)).toBe("Title\n\nFirst paragraph continues.\n\nSecond\nline two");
  });

  it("keeps link targets and skips them when the label is the URL", () => {
    // GIVEN two links
    const html = `<p><a href="https://a.example/x?y=1&amp;z=2" style="x">Shop now</a> <a href='https://b.example'>https://b.example</a></p>`;

    // WHEN converted
    // THEN the first shows its target, the second only once
    expect(htmlToText(html)).toBe("Shop now (https://a.example/x?y=1&z=2) https://b.example");
  });

  it("writes list items as dashes and table rows as lines", () => {
    // GIVEN a list and a table
    const html = `<ul><li>One</li><li>Two</li></ul><table><tr><td>Mug</td><td>12 Dec</td></tr><tr><td>Bowl</td><td>3 Jan</td></tr></table>`;

    // WHEN converted
    // THEN each row is one line, its cells in aligned columns
    expect(htmlToText(html)).toBe("- One\n- Two\n\nMug   12 Dec\nBowl  3 Jan");
  });

  it("drops head, style, script and comments", () => {
    // GIVEN a document with non-content parts
    const html = `<html><head><title>T</title><style>p{color:red}</style></head><body><!-- hi --><script>x()</script><p>Body</p></body></html>`;

    // WHEN converted
    // THEN only the content remains
    expect(htmlToText(html)).toBe("Body");
  });

  it("decodes every named entity once, so accented words and escaped markup read as typed", () => {
    // GIVEN an accented word written as an entity, and escaped customer data
    const html = "<p>Caf&eacute; cr&egrave;me &mdash; &lt;b&gt;Tom &amp; Jerry&#39;s &#x263A; &amp;lt;</p>";

    // WHEN converted
    // THEN "Café crème" reads as a word, markup typed by a customer stays text, and &amp;lt; decodes one level
    expect(htmlToText(html)).toBe("Café crème — <b>Tom & Jerry's ☺ &lt;");
  });

  it("never leaks markup from an attribute containing >", () => {
    // GIVEN an element whose attribute value contains ">" and a tag
    const html = `<p><span title="a > b <i>x</i>">Hello</span> world</p>`;

    // WHEN converted
    // THEN only the text content appears
    expect(htmlToText(html)).toBe("Hello world");
  });
});
