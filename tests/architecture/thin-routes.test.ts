// Routes stay thin (ADR 005): authenticate, parse, call one workflow or model, return. A route growing
// past 250 lines is orchestration or page sections that belong in app/workflows/ or app/components/.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const MAX_LINES = 250;

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? routeFiles(file) : /\.(ts|tsx)$/.test(name) ? [file] : [];
  });
}

describe("thin routes", () => {
  it(`keeps every route file within ${MAX_LINES} lines`, () => {
    // GIVEN every file under app/routes WHEN its lines are counted THEN none is over the limit
    const files = routeFiles("app/routes");
    expect(files.length).toBeGreaterThan(20);
    const long = files.map((f) => ({ f, lines: readFileSync(f, "utf8").split("\n").length })).filter((r) => r.lines > MAX_LINES);
    expect(long, long.map((r) => `${r.f}: ${r.lines} lines`).join(", ")).toEqual([]);
  });
});
