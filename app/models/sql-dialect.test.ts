// The SQL spellings of each provider (./sql-dialect): the query builder binds values in order with the dialect's
// placeholders, and PostgreSQL's upserts name the target table where SQLite's text stays as it was.
import { describe, expect, it } from "vitest";
import { buildQuery, sqlDialect, sqlText, sqlWith } from "./sql-dialect";

const build =
  (dialect: "sqlite" | "postgresql") =>
  (strings: TemplateStringsArray, ...values: unknown[]) =>
    buildQuery(dialect, strings, values);

describe("buildQuery", () => {
  it("binds plain values and the values of dialect pieces in order, splicing SQL text as it is", () => {
    // GIVEN a template with a value, a dialect piece holding a value, SQL text and another value
    const now = new Date("2026-12-02T00:00:00Z");
    for (const dialect of ["sqlite", "postgresql"] as const) {
      const d = sqlDialect(dialect);
      // WHEN it is built for the dialect
      const { text, params } = build(dialect)`SELECT 1 FROM "T" WHERE "shop" = ${"a.myshopify.com"} AND ${sqlWith(d.instant, now)} > ${sqlText(d.instant(`"at"`))} AND "n" < ${3}`;
      // THEN the placeholders are the dialect's, numbered in the order of the values
      expect(text).toBe(
        dialect === "sqlite"
          ? `SELECT 1 FROM "T" WHERE "shop" = ? AND julianday(?) > julianday("at") AND "n" < ?`
          : `SELECT 1 FROM "T" WHERE "shop" = $1 AND CAST($2 AS timestamp(3)) > CAST("at" AS timestamp(3)) AND "n" < $3`,
      );
      expect(params).toEqual(["a.myshopify.com", now, 3]);
    }
  });
});

describe("qualifyUpsert", () => {
  it("names the target table in PostgreSQL's ON CONFLICT updates and leaves SQLite's text unchanged", () => {
    // GIVEN an upsert that adds to the existing row
    const upsert = `INSERT INTO "InsightsDay" ("shop", "day", "orders") VALUES ('s', '2026-12-02', 1)
    ON CONFLICT ("shop", "day") DO UPDATE SET "orders" = "orders" + excluded."orders", "endedUnits" = "endedUnits" + 1;`;
    // WHEN each dialect qualifies it
    // THEN PostgreSQL reads the existing row's columns through the table name (the bare name is ambiguous there)
    expect(sqlDialect("postgresql").qualifyUpsert(upsert)).toContain(`SET "orders" = "InsightsDay"."orders" + excluded."orders", "endedUnits" = "InsightsDay"."endedUnits" + 1;`);
    expect(sqlDialect("sqlite").qualifyUpsert(upsert)).toBe(upsert);
  });
});
