// The Flow part of the Admin fake reads the app's own trigger extensions; these tests hold the TOMLs, the
// fake and the app's trigger definitions (app/domain/flow-triggers.ts) to one another.
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FLOW_TRIGGER_FIELDS, FLOW_TRIGGERS } from "../../app/domain/flow-triggers";
import { loadFlowTriggers, parseExtensionToml } from "./flow";

describe("the app's Flow trigger extensions", () => {
  it("declare exactly the handles and fields the app sends, after an order and a customer reference", () => {
    // GIVEN the extensions/ directory WHEN its flow_trigger extensions are read
    const triggers = loadFlowTriggers();
    // THEN there is one per trigger the app fires, with the app's fields in the same order and types
    expect([...triggers.keys()].sort()).toEqual(Object.values(FLOW_TRIGGERS).sort());
    for (const handle of Object.values(FLOW_TRIGGERS)) {
      const fields = triggers.get(handle)?.fields ?? [];
      expect(fields.slice(0, 2)).toEqual([
        { type: "order_reference", key: null },
        { type: "customer_reference", key: null },
      ]);
      expect(fields.slice(2).map((f) => [f.key, f.type])).toEqual(Object.entries(FLOW_TRIGGER_FIELDS[handle]));
    }
  });
});

describe("loadFlowTriggers", () => {
  function extensionDir(files: Record<string, string>) {
    const dir = mkdtempSync(join(tmpdir(), "flow-ext-"));
    for (const [name, toml] of Object.entries(files)) {
      mkdirSync(join(dir, name));
      writeFileSync(join(dir, name, "shopify.extension.toml"), toml);
    }
    return dir;
  }

  it("refuses what Shopify's CLI refuses: keys with digits, a key on a reference field, types triggers lack", () => {
    // GIVEN trigger extensions each with one mistake WHEN they are loaded THEN each fails loudly
    const head = '[[extensions]]\nname = "X"\ntype = "flow_trigger"\nhandle = "x"\n\n[settings]\n\n[[settings.fields]]\n';
    expect(() => loadFlowTriggers(extensionDir({ a: `${head}type = "single_line_text_field"\nkey = "Date 2"\n` }))).toThrow(/letters and spaces/);
    expect(() => loadFlowTriggers(extensionDir({ a: `${head}type = "order_reference"\nkey = "Order"\n` }))).toThrow(/takes no key/);
    expect(() => loadFlowTriggers(extensionDir({ a: `${head}type = "date"\nkey = "Date"\n` }))).toThrow(/type Flow triggers do not take: date/);
    // AND a theme extension next to them is ignored
    expect(loadFlowTriggers(extensionDir({ theme: 'name = "t"\ntype = "theme"\n' })).size).toBe(0);
  });

  it("reads quoted strings with '#' and escapes, and trailing comments", () => {
    // GIVEN a TOML line whose string holds a '#' WHEN parsed THEN the string is whole and the comment dropped
    const { extension } = parseExtensionToml('[[extensions]]\ndescription = "Order #1001 \\"late\\"" # note\nhandle = "h"\n', "t.toml");
    expect(extension).toEqual({ description: 'Order #1001 "late"', handle: "h" });
  });
});
