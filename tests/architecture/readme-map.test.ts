// The README's "Where things are" table is a newcomer's map: it must name every folder that exists (and
// no folder that does not), so a move that forgets the map fails here.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { describe, expect, it } from "vitest";

const readme = readFileSync("README.md", "utf8");
const map = readme.slice(readme.indexOf("### Where things are"));
const folders = (dir: string) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && e.name !== "types")
    .map((e) => e.name);

describe("README map", () => {
  it("names every folder of app/, dev/ and tests/", () => {
    // GIVEN the tree WHEN the map is read THEN each folder appears, as `app/x/` in the first column or `x/` in its row
    expect(map.length).toBeGreaterThan(100);
    for (const name of folders("app")) expect(map, `app/${name}/`).toContain(`\`app/${name}/\``);
    const devRow = map.split("\n").find((l) => l.startsWith("| `dev/`")) ?? "";
    for (const name of folders("dev")) expect(devRow, `dev/${name}/`).toContain(`\`${name}/\``);
    const testsRow = map.split("\n").find((l) => l.startsWith("| `tests/`")) ?? "";
    for (const name of folders("tests")) expect(testsRow, `tests/${name}/`).toContain(`\`${name}/\``);
  });

  it("names no folder or file that does not exist", () => {
    // GIVEN every path in the map's first column WHEN checked against the tree THEN it exists
    const paths = [...map.matchAll(/^\| ((?:`[^`]+`(?: · )?)+) \|/gm)].flatMap((m) => [...(m[1] ?? "").matchAll(/`([^`]+)`/g)].map((p) => p[1] ?? ""));
    expect(paths.length).toBeGreaterThan(10);
    for (const p of paths) expect(existsSync(p), p).toBe(true);
  });
});
