// The SQL of the dashboard's roll-ups (docs/decisions/009-insights-rollups.md), in one place: the triggers that
// migration insights_rollups installs on SQLite, and insights_rollup_triggers on PostgreSQL (a test checks each
// migration holds exactly triggerSql(dialect)), and the pieces the rebuild (~/models/insights-rollups.server)
// reuses, so a line counts the same way in both. Every function takes the SQL dialect (./sql-dialect).
//
// A row of BackorderLine contributes to the roll-ups of its shop only while the shop has an InsightsRollupState
// row; an insert adds NEW's contribution, a delete subtracts OLD's, an update subtracts OLD's and adds NEW's.
import { sqlDialect, type Dialect } from "./sql-dialect";

/**
 * The shop-local date (YYYY-MM-DD) of a stored DateTime. `instant` and `shop` are SQL expressions.
 * SQLite (no timezone database): the offset of the InsightsTzSpan that started last at or before the instant.
 * PostgreSQL: the instant (UTC) at the roll-ups' timezone (InsightsRollupState), with the server's tz database.
 */
export function localDay(instant: string, shop: string, dialect: Dialect = "sqlite"): string {
  if (dialect === "postgresql") {
    return `to_char((${instant} AT TIME ZONE 'UTC') AT TIME ZONE (SELECT s."timeZone" FROM "InsightsRollupState" s WHERE s."shop" = ${shop}), 'YYYY-MM-DD')`;
  }
  // CAST: DateTime columns have NUMERIC affinity; compared as they are, SQLite could not use the (shop, startsAt)
  // key for the range and would walk the zone's spans from 2100 back (~0.5 ms a lookup).
  return `date(${instant}, (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = ${shop} AND z."startsAt" <= CAST(${instant} AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1))`;
}

/** A ready line's wait in whole milliseconds (julianday differences are floating point: rounded first). */
export const waitMs = (r: string, dialect: Dialect = "sqlite") => sqlDialect(dialect).msBetween(`${r}."orderedAt"`, `${r}."allocatedAt"`);

const hasRollups = (r: string) => `EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = ${r}."shop")`;

/** The statements adding (sign 1) or subtracting (sign -1) line `r` (NEW or OLD) to the roll-ups. */
function lineContribution(r: "NEW" | "OLD", sign: 1 | -1, dialect: Dialect): string[] {
  const s = sign === 1 ? "" : "-";
  const on = hasRollups(r);
  const { bit } = sqlDialect(dialect);
  const day = (instant: string) => localDay(`${r}."${instant}"`, `${r}."shop"`, dialect);
  const orderDay = day("orderedAt");
  const wait = waitMs(r, dialect);
  return [
    `INSERT INTO "InsightsLineDay" ("shop", "day", "status", "currency", "lines", "units", "valueMinor", "unpricedLines")
    SELECT ${r}."shop", ${orderDay}, ${r}."status", COALESCE(${r}."currency", ''), ${s}1, ${s}${r}."quantity",
      ${s}COALESCE(${r}."unitPriceMinor" * ${r}."quantity", 0), ${s}${bit(`${r}."unitPriceMinor" IS NULL`)} WHERE ${on}
    ON CONFLICT ("shop", "day", "status", "currency") DO UPDATE SET "lines" = "lines" + excluded."lines", "units" = "units" + excluded."units",
      "valueMinor" = "valueMinor" + excluded."valueMinor", "unpricedLines" = "unpricedLines" + excluded."unpricedLines";`,
    `INSERT INTO "InsightsOrderDay" ("shop", "orderId", "day", "liveLines")
    SELECT ${r}."shop", ${r}."orderId", ${orderDay}, ${s}1 WHERE ${on} AND ${r}."status" <> 'cancelled'
    ON CONFLICT ("shop", "orderId", "day") DO UPDATE SET "liveLines" = "liveLines" + excluded."liveLines";`,
    `INSERT INTO "InsightsDay" ("shop", "day", "endedUnits")
    SELECT ${r}."shop", ${day("allocatedAt")}, ${s}${r}."quantity" WHERE ${on} AND ${r}."allocatedAt" IS NOT NULL AND ${r}."status" <> 'waiting'
    ON CONFLICT ("shop", "day") DO UPDATE SET "endedUnits" = "endedUnits" + excluded."endedUnits";`,
    `INSERT INTO "InsightsDay" ("shop", "day", "endedUnits")
    SELECT ${r}."shop", ${day("updatedAt")}, ${s}${r}."quantity" WHERE ${on} AND ${r}."allocatedAt" IS NULL AND ${r}."status" = 'cancelled'
    ON CONFLICT ("shop", "day") DO UPDATE SET "endedUnits" = "endedUnits" + excluded."endedUnits";`,
    `INSERT INTO "InsightsWaitDay" ("shop", "day", "waitDays", "lines", "waitMs")
    SELECT ${r}."shop", ${orderDay}, ${wait} / 86400000, ${s}1, ${s}${wait} WHERE ${on} AND ${r}."allocatedAt" IS NOT NULL
    ON CONFLICT ("shop", "day", "waitDays") DO UPDATE SET "lines" = "lines" + excluded."lines", "waitMs" = "waitMs" + excluded."waitMs";`,
    `INSERT INTO "InsightsWaitHour" ("shop", "hour", "day", "lines")
    SELECT ${r}."shop", ${wait} / 3600000, ${orderDay}, ${s}1 WHERE ${on} AND ${r}."allocatedAt" IS NOT NULL
    ON CONFLICT ("shop", "hour", "day") DO UPDATE SET "lines" = "lines" + excluded."lines";`,
    `INSERT INTO "InsightsWaitMonth" ("shop", "month", "waitDays", "lines", "waitMs")
    SELECT ${r}."shop", substr(${orderDay}, 1, 7), ${wait} / 86400000, ${s}1, ${s}${wait} WHERE ${on} AND ${r}."allocatedAt" IS NOT NULL
    ON CONFLICT ("shop", "month", "waitDays") DO UPDATE SET "lines" = "lines" + excluded."lines", "waitMs" = "waitMs" + excluded."waitMs";`,
    `INSERT INTO "InsightsWaitHourMonth" ("shop", "hour", "month", "lines")
    SELECT ${r}."shop", ${wait} / 3600000, substr(${orderDay}, 1, 7), ${s}1 WHERE ${on} AND ${r}."allocatedAt" IS NOT NULL
    ON CONFLICT ("shop", "hour", "month") DO UPDATE SET "lines" = "lines" + excluded."lines";`,
    `INSERT INTO "InsightsPromiseDay" ("shop", "day", "promisedLatest", "onTime", "lateReady", "waiting")
    SELECT ${r}."shop", ${orderDay}, ${r}."promisedLatest",
      ${s}${bit(`${r}."allocatedAt" IS NOT NULL AND ${day("allocatedAt")} <= ${r}."promisedLatest"`)},
      ${s}${bit(`${r}."allocatedAt" IS NOT NULL AND ${day("allocatedAt")} > ${r}."promisedLatest"`)},
      ${s}${bit(`${r}."allocatedAt" IS NULL AND ${r}."status" = 'waiting'`)}
    WHERE ${on} AND ${r}."status" <> 'cancelled' AND ${r}."promisedLatest" IS NOT NULL
    ON CONFLICT ("shop", "day", "promisedLatest") DO UPDATE SET "onTime" = "onTime" + excluded."onTime", "lateReady" = "lateReady" + excluded."lateReady",
      "waiting" = "waiting" + excluded."waiting";`,
    `INSERT INTO "InsightsWaiting" ("shop", "variantId", "currency", "lines", "units", "valueMinor", "unpricedLines")
    SELECT ${r}."shop", ${r}."variantId", COALESCE(${r}."currency", ''), ${s}1, ${s}${r}."quantity",
      ${s}COALESCE(${r}."unitPriceMinor" * ${r}."quantity", 0), ${s}${bit(`${r}."unitPriceMinor" IS NULL`)} WHERE ${on} AND ${r}."status" = 'waiting'
    ON CONFLICT ("shop", "variantId", "currency") DO UPDATE SET "lines" = "lines" + excluded."lines", "units" = "units" + excluded."units",
      "valueMinor" = "valueMinor" + excluded."valueMinor", "unpricedLines" = "unpricedLines" + excluded."unpricedLines";`,
  ].map(sqlDialect(dialect).qualifyUpsert);
}

/** Delay notices sent, by the local day they were queued. */
function emailContribution(r: "NEW" | "OLD", sign: 1 | -1, dialect: Dialect): string[] {
  return [
    `INSERT INTO "InsightsDay" ("shop", "day", "delayNotices")
    SELECT ${r}."shop", ${localDay(`${r}."createdAt"`, `${r}."shop"`, dialect)}, ${sign} WHERE ${hasRollups(r)} AND ${r}."kind" = 'delay_notice' AND ${r}."status" = 'sent'
    ON CONFLICT ("shop", "day") DO UPDATE SET "delayNotices" = "delayNotices" + excluded."delayNotices";`,
  ].map(sqlDialect(dialect).qualifyUpsert);
}

/** An update that changes none of the columns the roll-ups read needs no work (estimates, names, holds...). */
function lineChanged(dialect: Dialect): string {
  const { differs } = sqlDialect(dialect);
  return ["shop", "orderedAt", "status", "currency", "quantity", "unitPriceMinor", "allocatedAt", "promisedLatest", "orderId", "variantId"]
    .map((c) => differs(`OLD."${c}"`, `NEW."${c}"`))
    .concat(`(${differs(`OLD."updatedAt"`, `NEW."updatedAt"`)} AND ((OLD."status" = 'cancelled' AND OLD."allocatedAt" IS NULL) OR (NEW."status" = 'cancelled' AND NEW."allocatedAt" IS NULL)))`)
    .join(" OR ");
}
const emailChanged = (dialect: Dialect) => ["shop", "kind", "status", "createdAt"].map((c) => sqlDialect(dialect).differs(`OLD."${c}"`, `NEW."${c}"`)).join(" OR ");

const orderInsert = `INSERT INTO "InsightsDay" ("shop", "day", "orders") VALUES (NEW."shop", NEW."day", 1)
    ON CONFLICT ("shop", "day") DO UPDATE SET "orders" = "orders" + 1;`;
const orderUpdate = `INSERT INTO "InsightsDay" ("shop", "day", "orders") VALUES (NEW."shop", NEW."day", CASE WHEN NEW."liveLines" > 0 THEN 1 ELSE -1 END)
    ON CONFLICT ("shop", "day") DO UPDATE SET "orders" = "orders" + excluded."orders";`;
const ORDER_INSERT_WHEN = `NEW."liveLines" > 0`;
const ORDER_UPDATE_WHEN = `(OLD."liveLines" > 0) <> (NEW."liveLines" > 0)`;

const trigger = (name: string, when: string, body: string[]) => `CREATE TRIGGER "${name}" ${when}\nBEGIN\n  ${body.join("\n  ")}\nEND;`;

/** Every trigger of the roll-ups: SQLite's (appended to migration insights_rollups) or PostgreSQL's (migration insights_rollup_triggers). */
export function triggerSql(dialect: Dialect = "sqlite"): string {
  if (dialect === "postgresql") return postgresTriggerSql();
  return [
    trigger("InsightsRollup_line_insert", `AFTER INSERT ON "BackorderLine"`, lineContribution("NEW", 1, dialect)),
    trigger("InsightsRollup_line_delete", `AFTER DELETE ON "BackorderLine"`, lineContribution("OLD", -1, dialect)),
    trigger("InsightsRollup_line_update", `AFTER UPDATE ON "BackorderLine" FOR EACH ROW WHEN ${lineChanged(dialect)}`, [...lineContribution("OLD", -1, dialect), ...lineContribution("NEW", 1, dialect)]),
    trigger("InsightsRollup_email_insert", `AFTER INSERT ON "EmailOutbox"`, emailContribution("NEW", 1, dialect)),
    trigger("InsightsRollup_email_delete", `AFTER DELETE ON "EmailOutbox"`, emailContribution("OLD", -1, dialect)),
    trigger("InsightsRollup_email_update", `AFTER UPDATE ON "EmailOutbox" FOR EACH ROW WHEN ${emailChanged(dialect)}`, [...emailContribution("OLD", -1, dialect), ...emailContribution("NEW", 1, dialect)]),
    // An order counts on its local day while it has a line not cancelled that day (0 ↔ 1 or more live lines).
    trigger("InsightsRollup_order_insert", `AFTER INSERT ON "InsightsOrderDay" FOR EACH ROW WHEN ${ORDER_INSERT_WHEN}`, [orderInsert]),
    trigger("InsightsRollup_order_update", `AFTER UPDATE ON "InsightsOrderDay" FOR EACH ROW WHEN ${ORDER_UPDATE_WHEN}`, [orderUpdate]),
  ].join("\n\n");
}

/**
 * PostgreSQL: the same statements in PL/pgSQL functions (OLD's contribution out on UPDATE and DELETE, NEW's in
 * on INSERT and UPDATE), run by row triggers with the same names and the same WHEN filters as SQLite's.
 */
function postgresTriggerSql(): string {
  const d: Dialect = "postgresql";
  const fn = (name: string, body: string) =>
    `CREATE FUNCTION "${name}"() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n${body}\n  RETURN NULL;\nEND;\n$$;`;
  const when = (op: string, statements: string[]) => `  IF ${op} THEN\n    ${statements.join("\n    ")}\n  END IF;`;
  const rowTrigger = (name: string, event: string, table: string, fnName: string, condition?: string) =>
    `CREATE TRIGGER "${name}" AFTER ${event} ON "${table}" FOR EACH ROW${condition ? ` WHEN (${condition})` : ""} EXECUTE FUNCTION "${fnName}"();`;
  return [
    fn("InsightsRollup_line", [when(`TG_OP <> 'INSERT'`, lineContribution("OLD", -1, d)), when(`TG_OP <> 'DELETE'`, lineContribution("NEW", 1, d))].join("\n")),
    rowTrigger("InsightsRollup_line_insert", "INSERT", "BackorderLine", "InsightsRollup_line"),
    rowTrigger("InsightsRollup_line_delete", "DELETE", "BackorderLine", "InsightsRollup_line"),
    rowTrigger("InsightsRollup_line_update", "UPDATE", "BackorderLine", "InsightsRollup_line", lineChanged(d)),
    fn("InsightsRollup_email", [when(`TG_OP <> 'INSERT'`, emailContribution("OLD", -1, d)), when(`TG_OP <> 'DELETE'`, emailContribution("NEW", 1, d))].join("\n")),
    rowTrigger("InsightsRollup_email_insert", "INSERT", "EmailOutbox", "InsightsRollup_email"),
    rowTrigger("InsightsRollup_email_delete", "DELETE", "EmailOutbox", "InsightsRollup_email"),
    rowTrigger("InsightsRollup_email_update", "UPDATE", "EmailOutbox", "InsightsRollup_email", emailChanged(d)),
    // An order counts on its local day while it has a line not cancelled that day (0 ↔ 1 or more live lines).
    fn("InsightsRollup_order", [when(`TG_OP = 'INSERT'`, [orderInsert].map(sqlDialect(d).qualifyUpsert)), when(`TG_OP = 'UPDATE'`, [orderUpdate].map(sqlDialect(d).qualifyUpsert))].join("\n")),
    rowTrigger("InsightsRollup_order_insert", "INSERT", "InsightsOrderDay", "InsightsRollup_order", ORDER_INSERT_WHEN),
    rowTrigger("InsightsRollup_order_update", "UPDATE", "InsightsOrderDay", "InsightsRollup_order", ORDER_UPDATE_WHEN),
  ].join("\n\n");
}
