-- CreateTable
CREATE TABLE "InsightsRollupState" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "timeZone" TEXT NOT NULL,
    "builtAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "InsightsTzSpan" (
    "shop" TEXT NOT NULL,
    "startsAt" TEXT NOT NULL,
    "offsetMinutes" INTEGER NOT NULL,

    PRIMARY KEY ("shop", "startsAt")
);

-- CreateTable
CREATE TABLE "InsightsLineDay" (
    "shop" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "lines" INTEGER NOT NULL,
    "units" INTEGER NOT NULL,
    "valueMinor" INTEGER NOT NULL,
    "unpricedLines" INTEGER NOT NULL,

    PRIMARY KEY ("shop", "day", "status", "currency")
);

-- CreateTable
CREATE TABLE "InsightsOrderDay" (
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "liveLines" INTEGER NOT NULL,

    PRIMARY KEY ("shop", "orderId", "day")
);

-- CreateTable
CREATE TABLE "InsightsDay" (
    "shop" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "orders" INTEGER NOT NULL DEFAULT 0,
    "endedUnits" INTEGER NOT NULL DEFAULT 0,
    "delayNotices" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("shop", "day")
);

-- CreateTable
CREATE TABLE "InsightsWaitDay" (
    "shop" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "waitDays" INTEGER NOT NULL,
    "lines" INTEGER NOT NULL,
    "waitMs" INTEGER NOT NULL,

    PRIMARY KEY ("shop", "day", "waitDays")
);

-- CreateTable
CREATE TABLE "InsightsWaitHour" (
    "shop" TEXT NOT NULL,
    "hour" INTEGER NOT NULL,
    "day" TEXT NOT NULL,
    "lines" INTEGER NOT NULL,

    PRIMARY KEY ("shop", "hour", "day")
);

-- CreateTable
CREATE TABLE "InsightsWaitMonth" (
    "shop" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "waitDays" INTEGER NOT NULL,
    "lines" INTEGER NOT NULL,
    "waitMs" INTEGER NOT NULL,

    PRIMARY KEY ("shop", "month", "waitDays")
);

-- CreateTable
CREATE TABLE "InsightsWaitHourMonth" (
    "shop" TEXT NOT NULL,
    "hour" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "lines" INTEGER NOT NULL,

    PRIMARY KEY ("shop", "hour", "month")
);

-- CreateTable
CREATE TABLE "InsightsPromiseDay" (
    "shop" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "promisedLatest" TEXT NOT NULL,
    "onTime" INTEGER NOT NULL,
    "lateReady" INTEGER NOT NULL,
    "waiting" INTEGER NOT NULL,

    PRIMARY KEY ("shop", "day", "promisedLatest")
);

-- CreateTable
CREATE TABLE "InsightsWaiting" (
    "shop" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "lines" INTEGER NOT NULL,
    "units" INTEGER NOT NULL,
    "valueMinor" INTEGER NOT NULL,
    "unpricedLines" INTEGER NOT NULL,

    PRIMARY KEY ("shop", "variantId", "currency")
);

-- Roll-up triggers (app/models/insights-rollups.sql.ts triggerSql(); docs/decisions/009-insights-rollups.md)
CREATE TRIGGER "InsightsRollup_line_insert" AFTER INSERT ON "BackorderLine"
BEGIN
  INSERT INTO "InsightsLineDay" ("shop", "day", "status", "currency", "lines", "units", "valueMinor", "unpricedLines")
    SELECT NEW."shop", date(NEW."orderedAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = NEW."shop" AND z."startsAt" <= CAST(NEW."orderedAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)), NEW."status", COALESCE(NEW."currency", ''), 1, NEW."quantity",
      COALESCE(NEW."unitPriceMinor" * NEW."quantity", 0), (NEW."unitPriceMinor" IS NULL) WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = NEW."shop")
    ON CONFLICT ("shop", "day", "status", "currency") DO UPDATE SET "lines" = "lines" + excluded."lines", "units" = "units" + excluded."units",
      "valueMinor" = "valueMinor" + excluded."valueMinor", "unpricedLines" = "unpricedLines" + excluded."unpricedLines";
  INSERT INTO "InsightsOrderDay" ("shop", "orderId", "day", "liveLines")
    SELECT NEW."shop", NEW."orderId", date(NEW."orderedAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = NEW."shop" AND z."startsAt" <= CAST(NEW."orderedAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)), 1 WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = NEW."shop") AND NEW."status" <> 'cancelled'
    ON CONFLICT ("shop", "orderId", "day") DO UPDATE SET "liveLines" = "liveLines" + excluded."liveLines";
  INSERT INTO "InsightsDay" ("shop", "day", "endedUnits")
    SELECT NEW."shop", date(NEW."allocatedAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = NEW."shop" AND z."startsAt" <= CAST(NEW."allocatedAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)), NEW."quantity" WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = NEW."shop") AND NEW."allocatedAt" IS NOT NULL AND NEW."status" <> 'waiting'
    ON CONFLICT ("shop", "day") DO UPDATE SET "endedUnits" = "endedUnits" + excluded."endedUnits";
  INSERT INTO "InsightsDay" ("shop", "day", "endedUnits")
    SELECT NEW."shop", date(NEW."updatedAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = NEW."shop" AND z."startsAt" <= CAST(NEW."updatedAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)), NEW."quantity" WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = NEW."shop") AND NEW."allocatedAt" IS NULL AND NEW."status" = 'cancelled'
    ON CONFLICT ("shop", "day") DO UPDATE SET "endedUnits" = "endedUnits" + excluded."endedUnits";
  INSERT INTO "InsightsWaitDay" ("shop", "day", "waitDays", "lines", "waitMs")
    SELECT NEW."shop", date(NEW."orderedAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = NEW."shop" AND z."startsAt" <= CAST(NEW."orderedAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)), CAST(ROUND(MAX(0, julianday(NEW."allocatedAt") - julianday(NEW."orderedAt")) * 86400000) AS INTEGER) / 86400000, 1, CAST(ROUND(MAX(0, julianday(NEW."allocatedAt") - julianday(NEW."orderedAt")) * 86400000) AS INTEGER) WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = NEW."shop") AND NEW."allocatedAt" IS NOT NULL
    ON CONFLICT ("shop", "day", "waitDays") DO UPDATE SET "lines" = "lines" + excluded."lines", "waitMs" = "waitMs" + excluded."waitMs";
  INSERT INTO "InsightsWaitHour" ("shop", "hour", "day", "lines")
    SELECT NEW."shop", CAST(ROUND(MAX(0, julianday(NEW."allocatedAt") - julianday(NEW."orderedAt")) * 86400000) AS INTEGER) / 3600000, date(NEW."orderedAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = NEW."shop" AND z."startsAt" <= CAST(NEW."orderedAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)), 1 WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = NEW."shop") AND NEW."allocatedAt" IS NOT NULL
    ON CONFLICT ("shop", "hour", "day") DO UPDATE SET "lines" = "lines" + excluded."lines";
  INSERT INTO "InsightsWaitMonth" ("shop", "month", "waitDays", "lines", "waitMs")
    SELECT NEW."shop", substr(date(NEW."orderedAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = NEW."shop" AND z."startsAt" <= CAST(NEW."orderedAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)), 1, 7), CAST(ROUND(MAX(0, julianday(NEW."allocatedAt") - julianday(NEW."orderedAt")) * 86400000) AS INTEGER) / 86400000, 1, CAST(ROUND(MAX(0, julianday(NEW."allocatedAt") - julianday(NEW."orderedAt")) * 86400000) AS INTEGER) WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = NEW."shop") AND NEW."allocatedAt" IS NOT NULL
    ON CONFLICT ("shop", "month", "waitDays") DO UPDATE SET "lines" = "lines" + excluded."lines", "waitMs" = "waitMs" + excluded."waitMs";
  INSERT INTO "InsightsWaitHourMonth" ("shop", "hour", "month", "lines")
    SELECT NEW."shop", CAST(ROUND(MAX(0, julianday(NEW."allocatedAt") - julianday(NEW."orderedAt")) * 86400000) AS INTEGER) / 3600000, substr(date(NEW."orderedAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = NEW."shop" AND z."startsAt" <= CAST(NEW."orderedAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)), 1, 7), 1 WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = NEW."shop") AND NEW."allocatedAt" IS NOT NULL
    ON CONFLICT ("shop", "hour", "month") DO UPDATE SET "lines" = "lines" + excluded."lines";
  INSERT INTO "InsightsPromiseDay" ("shop", "day", "promisedLatest", "onTime", "lateReady", "waiting")
    SELECT NEW."shop", date(NEW."orderedAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = NEW."shop" AND z."startsAt" <= CAST(NEW."orderedAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)), NEW."promisedLatest",
      (NEW."allocatedAt" IS NOT NULL AND date(NEW."allocatedAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = NEW."shop" AND z."startsAt" <= CAST(NEW."allocatedAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)) <= NEW."promisedLatest"),
      (NEW."allocatedAt" IS NOT NULL AND date(NEW."allocatedAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = NEW."shop" AND z."startsAt" <= CAST(NEW."allocatedAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)) > NEW."promisedLatest"),
      (NEW."allocatedAt" IS NULL AND NEW."status" = 'waiting')
    WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = NEW."shop") AND NEW."status" <> 'cancelled' AND NEW."promisedLatest" IS NOT NULL
    ON CONFLICT ("shop", "day", "promisedLatest") DO UPDATE SET "onTime" = "onTime" + excluded."onTime", "lateReady" = "lateReady" + excluded."lateReady",
      "waiting" = "waiting" + excluded."waiting";
  INSERT INTO "InsightsWaiting" ("shop", "variantId", "currency", "lines", "units", "valueMinor", "unpricedLines")
    SELECT NEW."shop", NEW."variantId", COALESCE(NEW."currency", ''), 1, NEW."quantity",
      COALESCE(NEW."unitPriceMinor" * NEW."quantity", 0), (NEW."unitPriceMinor" IS NULL) WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = NEW."shop") AND NEW."status" = 'waiting'
    ON CONFLICT ("shop", "variantId", "currency") DO UPDATE SET "lines" = "lines" + excluded."lines", "units" = "units" + excluded."units",
      "valueMinor" = "valueMinor" + excluded."valueMinor", "unpricedLines" = "unpricedLines" + excluded."unpricedLines";
END;

CREATE TRIGGER "InsightsRollup_line_delete" AFTER DELETE ON "BackorderLine"
BEGIN
  INSERT INTO "InsightsLineDay" ("shop", "day", "status", "currency", "lines", "units", "valueMinor", "unpricedLines")
    SELECT OLD."shop", date(OLD."orderedAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = OLD."shop" AND z."startsAt" <= CAST(OLD."orderedAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)), OLD."status", COALESCE(OLD."currency", ''), -1, -OLD."quantity",
      -COALESCE(OLD."unitPriceMinor" * OLD."quantity", 0), -(OLD."unitPriceMinor" IS NULL) WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = OLD."shop")
    ON CONFLICT ("shop", "day", "status", "currency") DO UPDATE SET "lines" = "lines" + excluded."lines", "units" = "units" + excluded."units",
      "valueMinor" = "valueMinor" + excluded."valueMinor", "unpricedLines" = "unpricedLines" + excluded."unpricedLines";
  INSERT INTO "InsightsOrderDay" ("shop", "orderId", "day", "liveLines")
    SELECT OLD."shop", OLD."orderId", date(OLD."orderedAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = OLD."shop" AND z."startsAt" <= CAST(OLD."orderedAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)), -1 WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = OLD."shop") AND OLD."status" <> 'cancelled'
    ON CONFLICT ("shop", "orderId", "day") DO UPDATE SET "liveLines" = "liveLines" + excluded."liveLines";
  INSERT INTO "InsightsDay" ("shop", "day", "endedUnits")
    SELECT OLD."shop", date(OLD."allocatedAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = OLD."shop" AND z."startsAt" <= CAST(OLD."allocatedAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)), -OLD."quantity" WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = OLD."shop") AND OLD."allocatedAt" IS NOT NULL AND OLD."status" <> 'waiting'
    ON CONFLICT ("shop", "day") DO UPDATE SET "endedUnits" = "endedUnits" + excluded."endedUnits";
  INSERT INTO "InsightsDay" ("shop", "day", "endedUnits")
    SELECT OLD."shop", date(OLD."updatedAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = OLD."shop" AND z."startsAt" <= CAST(OLD."updatedAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)), -OLD."quantity" WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = OLD."shop") AND OLD."allocatedAt" IS NULL AND OLD."status" = 'cancelled'
    ON CONFLICT ("shop", "day") DO UPDATE SET "endedUnits" = "endedUnits" + excluded."endedUnits";
  INSERT INTO "InsightsWaitDay" ("shop", "day", "waitDays", "lines", "waitMs")
    SELECT OLD."shop", date(OLD."orderedAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = OLD."shop" AND z."startsAt" <= CAST(OLD."orderedAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)), CAST(ROUND(MAX(0, julianday(OLD."allocatedAt") - julianday(OLD."orderedAt")) * 86400000) AS INTEGER) / 86400000, -1, -CAST(ROUND(MAX(0, julianday(OLD."allocatedAt") - julianday(OLD."orderedAt")) * 86400000) AS INTEGER) WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = OLD."shop") AND OLD."allocatedAt" IS NOT NULL
    ON CONFLICT ("shop", "day", "waitDays") DO UPDATE SET "lines" = "lines" + excluded."lines", "waitMs" = "waitMs" + excluded."waitMs";
  INSERT INTO "InsightsWaitHour" ("shop", "hour", "day", "lines")
    SELECT OLD."shop", CAST(ROUND(MAX(0, julianday(OLD."allocatedAt") - julianday(OLD."orderedAt")) * 86400000) AS INTEGER) / 3600000, date(OLD."orderedAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = OLD."shop" AND z."startsAt" <= CAST(OLD."orderedAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)), -1 WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = OLD."shop") AND OLD."allocatedAt" IS NOT NULL
    ON CONFLICT ("shop", "hour", "day") DO UPDATE SET "lines" = "lines" + excluded."lines";
  INSERT INTO "InsightsWaitMonth" ("shop", "month", "waitDays", "lines", "waitMs")
    SELECT OLD."shop", substr(date(OLD."orderedAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = OLD."shop" AND z."startsAt" <= CAST(OLD."orderedAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)), 1, 7), CAST(ROUND(MAX(0, julianday(OLD."allocatedAt") - julianday(OLD."orderedAt")) * 86400000) AS INTEGER) / 86400000, -1, -CAST(ROUND(MAX(0, julianday(OLD."allocatedAt") - julianday(OLD."orderedAt")) * 86400000) AS INTEGER) WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = OLD."shop") AND OLD."allocatedAt" IS NOT NULL
    ON CONFLICT ("shop", "month", "waitDays") DO UPDATE SET "lines" = "lines" + excluded."lines", "waitMs" = "waitMs" + excluded."waitMs";
  INSERT INTO "InsightsWaitHourMonth" ("shop", "hour", "month", "lines")
    SELECT OLD."shop", CAST(ROUND(MAX(0, julianday(OLD."allocatedAt") - julianday(OLD."orderedAt")) * 86400000) AS INTEGER) / 3600000, substr(date(OLD."orderedAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = OLD."shop" AND z."startsAt" <= CAST(OLD."orderedAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)), 1, 7), -1 WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = OLD."shop") AND OLD."allocatedAt" IS NOT NULL
    ON CONFLICT ("shop", "hour", "month") DO UPDATE SET "lines" = "lines" + excluded."lines";
  INSERT INTO "InsightsPromiseDay" ("shop", "day", "promisedLatest", "onTime", "lateReady", "waiting")
    SELECT OLD."shop", date(OLD."orderedAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = OLD."shop" AND z."startsAt" <= CAST(OLD."orderedAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)), OLD."promisedLatest",
      -(OLD."allocatedAt" IS NOT NULL AND date(OLD."allocatedAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = OLD."shop" AND z."startsAt" <= CAST(OLD."allocatedAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)) <= OLD."promisedLatest"),
      -(OLD."allocatedAt" IS NOT NULL AND date(OLD."allocatedAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = OLD."shop" AND z."startsAt" <= CAST(OLD."allocatedAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)) > OLD."promisedLatest"),
      -(OLD."allocatedAt" IS NULL AND OLD."status" = 'waiting')
    WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = OLD."shop") AND OLD."status" <> 'cancelled' AND OLD."promisedLatest" IS NOT NULL
    ON CONFLICT ("shop", "day", "promisedLatest") DO UPDATE SET "onTime" = "onTime" + excluded."onTime", "lateReady" = "lateReady" + excluded."lateReady",
      "waiting" = "waiting" + excluded."waiting";
  INSERT INTO "InsightsWaiting" ("shop", "variantId", "currency", "lines", "units", "valueMinor", "unpricedLines")
    SELECT OLD."shop", OLD."variantId", COALESCE(OLD."currency", ''), -1, -OLD."quantity",
      -COALESCE(OLD."unitPriceMinor" * OLD."quantity", 0), -(OLD."unitPriceMinor" IS NULL) WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = OLD."shop") AND OLD."status" = 'waiting'
    ON CONFLICT ("shop", "variantId", "currency") DO UPDATE SET "lines" = "lines" + excluded."lines", "units" = "units" + excluded."units",
      "valueMinor" = "valueMinor" + excluded."valueMinor", "unpricedLines" = "unpricedLines" + excluded."unpricedLines";
END;

CREATE TRIGGER "InsightsRollup_line_update" AFTER UPDATE ON "BackorderLine" FOR EACH ROW WHEN OLD."shop" IS NOT NEW."shop" OR OLD."orderedAt" IS NOT NEW."orderedAt" OR OLD."status" IS NOT NEW."status" OR OLD."currency" IS NOT NEW."currency" OR OLD."quantity" IS NOT NEW."quantity" OR OLD."unitPriceMinor" IS NOT NEW."unitPriceMinor" OR OLD."allocatedAt" IS NOT NEW."allocatedAt" OR OLD."promisedLatest" IS NOT NEW."promisedLatest" OR OLD."orderId" IS NOT NEW."orderId" OR OLD."variantId" IS NOT NEW."variantId" OR (OLD."updatedAt" IS NOT NEW."updatedAt" AND ((OLD."status" = 'cancelled' AND OLD."allocatedAt" IS NULL) OR (NEW."status" = 'cancelled' AND NEW."allocatedAt" IS NULL)))
BEGIN
  INSERT INTO "InsightsLineDay" ("shop", "day", "status", "currency", "lines", "units", "valueMinor", "unpricedLines")
    SELECT OLD."shop", date(OLD."orderedAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = OLD."shop" AND z."startsAt" <= CAST(OLD."orderedAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)), OLD."status", COALESCE(OLD."currency", ''), -1, -OLD."quantity",
      -COALESCE(OLD."unitPriceMinor" * OLD."quantity", 0), -(OLD."unitPriceMinor" IS NULL) WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = OLD."shop")
    ON CONFLICT ("shop", "day", "status", "currency") DO UPDATE SET "lines" = "lines" + excluded."lines", "units" = "units" + excluded."units",
      "valueMinor" = "valueMinor" + excluded."valueMinor", "unpricedLines" = "unpricedLines" + excluded."unpricedLines";
  INSERT INTO "InsightsOrderDay" ("shop", "orderId", "day", "liveLines")
    SELECT OLD."shop", OLD."orderId", date(OLD."orderedAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = OLD."shop" AND z."startsAt" <= CAST(OLD."orderedAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)), -1 WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = OLD."shop") AND OLD."status" <> 'cancelled'
    ON CONFLICT ("shop", "orderId", "day") DO UPDATE SET "liveLines" = "liveLines" + excluded."liveLines";
  INSERT INTO "InsightsDay" ("shop", "day", "endedUnits")
    SELECT OLD."shop", date(OLD."allocatedAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = OLD."shop" AND z."startsAt" <= CAST(OLD."allocatedAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)), -OLD."quantity" WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = OLD."shop") AND OLD."allocatedAt" IS NOT NULL AND OLD."status" <> 'waiting'
    ON CONFLICT ("shop", "day") DO UPDATE SET "endedUnits" = "endedUnits" + excluded."endedUnits";
  INSERT INTO "InsightsDay" ("shop", "day", "endedUnits")
    SELECT OLD."shop", date(OLD."updatedAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = OLD."shop" AND z."startsAt" <= CAST(OLD."updatedAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)), -OLD."quantity" WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = OLD."shop") AND OLD."allocatedAt" IS NULL AND OLD."status" = 'cancelled'
    ON CONFLICT ("shop", "day") DO UPDATE SET "endedUnits" = "endedUnits" + excluded."endedUnits";
  INSERT INTO "InsightsWaitDay" ("shop", "day", "waitDays", "lines", "waitMs")
    SELECT OLD."shop", date(OLD."orderedAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = OLD."shop" AND z."startsAt" <= CAST(OLD."orderedAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)), CAST(ROUND(MAX(0, julianday(OLD."allocatedAt") - julianday(OLD."orderedAt")) * 86400000) AS INTEGER) / 86400000, -1, -CAST(ROUND(MAX(0, julianday(OLD."allocatedAt") - julianday(OLD."orderedAt")) * 86400000) AS INTEGER) WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = OLD."shop") AND OLD."allocatedAt" IS NOT NULL
    ON CONFLICT ("shop", "day", "waitDays") DO UPDATE SET "lines" = "lines" + excluded."lines", "waitMs" = "waitMs" + excluded."waitMs";
  INSERT INTO "InsightsWaitHour" ("shop", "hour", "day", "lines")
    SELECT OLD."shop", CAST(ROUND(MAX(0, julianday(OLD."allocatedAt") - julianday(OLD."orderedAt")) * 86400000) AS INTEGER) / 3600000, date(OLD."orderedAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = OLD."shop" AND z."startsAt" <= CAST(OLD."orderedAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)), -1 WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = OLD."shop") AND OLD."allocatedAt" IS NOT NULL
    ON CONFLICT ("shop", "hour", "day") DO UPDATE SET "lines" = "lines" + excluded."lines";
  INSERT INTO "InsightsWaitMonth" ("shop", "month", "waitDays", "lines", "waitMs")
    SELECT OLD."shop", substr(date(OLD."orderedAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = OLD."shop" AND z."startsAt" <= CAST(OLD."orderedAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)), 1, 7), CAST(ROUND(MAX(0, julianday(OLD."allocatedAt") - julianday(OLD."orderedAt")) * 86400000) AS INTEGER) / 86400000, -1, -CAST(ROUND(MAX(0, julianday(OLD."allocatedAt") - julianday(OLD."orderedAt")) * 86400000) AS INTEGER) WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = OLD."shop") AND OLD."allocatedAt" IS NOT NULL
    ON CONFLICT ("shop", "month", "waitDays") DO UPDATE SET "lines" = "lines" + excluded."lines", "waitMs" = "waitMs" + excluded."waitMs";
  INSERT INTO "InsightsWaitHourMonth" ("shop", "hour", "month", "lines")
    SELECT OLD."shop", CAST(ROUND(MAX(0, julianday(OLD."allocatedAt") - julianday(OLD."orderedAt")) * 86400000) AS INTEGER) / 3600000, substr(date(OLD."orderedAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = OLD."shop" AND z."startsAt" <= CAST(OLD."orderedAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)), 1, 7), -1 WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = OLD."shop") AND OLD."allocatedAt" IS NOT NULL
    ON CONFLICT ("shop", "hour", "month") DO UPDATE SET "lines" = "lines" + excluded."lines";
  INSERT INTO "InsightsPromiseDay" ("shop", "day", "promisedLatest", "onTime", "lateReady", "waiting")
    SELECT OLD."shop", date(OLD."orderedAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = OLD."shop" AND z."startsAt" <= CAST(OLD."orderedAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)), OLD."promisedLatest",
      -(OLD."allocatedAt" IS NOT NULL AND date(OLD."allocatedAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = OLD."shop" AND z."startsAt" <= CAST(OLD."allocatedAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)) <= OLD."promisedLatest"),
      -(OLD."allocatedAt" IS NOT NULL AND date(OLD."allocatedAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = OLD."shop" AND z."startsAt" <= CAST(OLD."allocatedAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)) > OLD."promisedLatest"),
      -(OLD."allocatedAt" IS NULL AND OLD."status" = 'waiting')
    WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = OLD."shop") AND OLD."status" <> 'cancelled' AND OLD."promisedLatest" IS NOT NULL
    ON CONFLICT ("shop", "day", "promisedLatest") DO UPDATE SET "onTime" = "onTime" + excluded."onTime", "lateReady" = "lateReady" + excluded."lateReady",
      "waiting" = "waiting" + excluded."waiting";
  INSERT INTO "InsightsWaiting" ("shop", "variantId", "currency", "lines", "units", "valueMinor", "unpricedLines")
    SELECT OLD."shop", OLD."variantId", COALESCE(OLD."currency", ''), -1, -OLD."quantity",
      -COALESCE(OLD."unitPriceMinor" * OLD."quantity", 0), -(OLD."unitPriceMinor" IS NULL) WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = OLD."shop") AND OLD."status" = 'waiting'
    ON CONFLICT ("shop", "variantId", "currency") DO UPDATE SET "lines" = "lines" + excluded."lines", "units" = "units" + excluded."units",
      "valueMinor" = "valueMinor" + excluded."valueMinor", "unpricedLines" = "unpricedLines" + excluded."unpricedLines";
  INSERT INTO "InsightsLineDay" ("shop", "day", "status", "currency", "lines", "units", "valueMinor", "unpricedLines")
    SELECT NEW."shop", date(NEW."orderedAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = NEW."shop" AND z."startsAt" <= CAST(NEW."orderedAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)), NEW."status", COALESCE(NEW."currency", ''), 1, NEW."quantity",
      COALESCE(NEW."unitPriceMinor" * NEW."quantity", 0), (NEW."unitPriceMinor" IS NULL) WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = NEW."shop")
    ON CONFLICT ("shop", "day", "status", "currency") DO UPDATE SET "lines" = "lines" + excluded."lines", "units" = "units" + excluded."units",
      "valueMinor" = "valueMinor" + excluded."valueMinor", "unpricedLines" = "unpricedLines" + excluded."unpricedLines";
  INSERT INTO "InsightsOrderDay" ("shop", "orderId", "day", "liveLines")
    SELECT NEW."shop", NEW."orderId", date(NEW."orderedAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = NEW."shop" AND z."startsAt" <= CAST(NEW."orderedAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)), 1 WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = NEW."shop") AND NEW."status" <> 'cancelled'
    ON CONFLICT ("shop", "orderId", "day") DO UPDATE SET "liveLines" = "liveLines" + excluded."liveLines";
  INSERT INTO "InsightsDay" ("shop", "day", "endedUnits")
    SELECT NEW."shop", date(NEW."allocatedAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = NEW."shop" AND z."startsAt" <= CAST(NEW."allocatedAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)), NEW."quantity" WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = NEW."shop") AND NEW."allocatedAt" IS NOT NULL AND NEW."status" <> 'waiting'
    ON CONFLICT ("shop", "day") DO UPDATE SET "endedUnits" = "endedUnits" + excluded."endedUnits";
  INSERT INTO "InsightsDay" ("shop", "day", "endedUnits")
    SELECT NEW."shop", date(NEW."updatedAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = NEW."shop" AND z."startsAt" <= CAST(NEW."updatedAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)), NEW."quantity" WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = NEW."shop") AND NEW."allocatedAt" IS NULL AND NEW."status" = 'cancelled'
    ON CONFLICT ("shop", "day") DO UPDATE SET "endedUnits" = "endedUnits" + excluded."endedUnits";
  INSERT INTO "InsightsWaitDay" ("shop", "day", "waitDays", "lines", "waitMs")
    SELECT NEW."shop", date(NEW."orderedAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = NEW."shop" AND z."startsAt" <= CAST(NEW."orderedAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)), CAST(ROUND(MAX(0, julianday(NEW."allocatedAt") - julianday(NEW."orderedAt")) * 86400000) AS INTEGER) / 86400000, 1, CAST(ROUND(MAX(0, julianday(NEW."allocatedAt") - julianday(NEW."orderedAt")) * 86400000) AS INTEGER) WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = NEW."shop") AND NEW."allocatedAt" IS NOT NULL
    ON CONFLICT ("shop", "day", "waitDays") DO UPDATE SET "lines" = "lines" + excluded."lines", "waitMs" = "waitMs" + excluded."waitMs";
  INSERT INTO "InsightsWaitHour" ("shop", "hour", "day", "lines")
    SELECT NEW."shop", CAST(ROUND(MAX(0, julianday(NEW."allocatedAt") - julianday(NEW."orderedAt")) * 86400000) AS INTEGER) / 3600000, date(NEW."orderedAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = NEW."shop" AND z."startsAt" <= CAST(NEW."orderedAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)), 1 WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = NEW."shop") AND NEW."allocatedAt" IS NOT NULL
    ON CONFLICT ("shop", "hour", "day") DO UPDATE SET "lines" = "lines" + excluded."lines";
  INSERT INTO "InsightsWaitMonth" ("shop", "month", "waitDays", "lines", "waitMs")
    SELECT NEW."shop", substr(date(NEW."orderedAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = NEW."shop" AND z."startsAt" <= CAST(NEW."orderedAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)), 1, 7), CAST(ROUND(MAX(0, julianday(NEW."allocatedAt") - julianday(NEW."orderedAt")) * 86400000) AS INTEGER) / 86400000, 1, CAST(ROUND(MAX(0, julianday(NEW."allocatedAt") - julianday(NEW."orderedAt")) * 86400000) AS INTEGER) WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = NEW."shop") AND NEW."allocatedAt" IS NOT NULL
    ON CONFLICT ("shop", "month", "waitDays") DO UPDATE SET "lines" = "lines" + excluded."lines", "waitMs" = "waitMs" + excluded."waitMs";
  INSERT INTO "InsightsWaitHourMonth" ("shop", "hour", "month", "lines")
    SELECT NEW."shop", CAST(ROUND(MAX(0, julianday(NEW."allocatedAt") - julianday(NEW."orderedAt")) * 86400000) AS INTEGER) / 3600000, substr(date(NEW."orderedAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = NEW."shop" AND z."startsAt" <= CAST(NEW."orderedAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)), 1, 7), 1 WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = NEW."shop") AND NEW."allocatedAt" IS NOT NULL
    ON CONFLICT ("shop", "hour", "month") DO UPDATE SET "lines" = "lines" + excluded."lines";
  INSERT INTO "InsightsPromiseDay" ("shop", "day", "promisedLatest", "onTime", "lateReady", "waiting")
    SELECT NEW."shop", date(NEW."orderedAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = NEW."shop" AND z."startsAt" <= CAST(NEW."orderedAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)), NEW."promisedLatest",
      (NEW."allocatedAt" IS NOT NULL AND date(NEW."allocatedAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = NEW."shop" AND z."startsAt" <= CAST(NEW."allocatedAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)) <= NEW."promisedLatest"),
      (NEW."allocatedAt" IS NOT NULL AND date(NEW."allocatedAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = NEW."shop" AND z."startsAt" <= CAST(NEW."allocatedAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)) > NEW."promisedLatest"),
      (NEW."allocatedAt" IS NULL AND NEW."status" = 'waiting')
    WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = NEW."shop") AND NEW."status" <> 'cancelled' AND NEW."promisedLatest" IS NOT NULL
    ON CONFLICT ("shop", "day", "promisedLatest") DO UPDATE SET "onTime" = "onTime" + excluded."onTime", "lateReady" = "lateReady" + excluded."lateReady",
      "waiting" = "waiting" + excluded."waiting";
  INSERT INTO "InsightsWaiting" ("shop", "variantId", "currency", "lines", "units", "valueMinor", "unpricedLines")
    SELECT NEW."shop", NEW."variantId", COALESCE(NEW."currency", ''), 1, NEW."quantity",
      COALESCE(NEW."unitPriceMinor" * NEW."quantity", 0), (NEW."unitPriceMinor" IS NULL) WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = NEW."shop") AND NEW."status" = 'waiting'
    ON CONFLICT ("shop", "variantId", "currency") DO UPDATE SET "lines" = "lines" + excluded."lines", "units" = "units" + excluded."units",
      "valueMinor" = "valueMinor" + excluded."valueMinor", "unpricedLines" = "unpricedLines" + excluded."unpricedLines";
END;

CREATE TRIGGER "InsightsRollup_email_insert" AFTER INSERT ON "EmailOutbox"
BEGIN
  INSERT INTO "InsightsDay" ("shop", "day", "delayNotices")
    SELECT NEW."shop", date(NEW."createdAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = NEW."shop" AND z."startsAt" <= CAST(NEW."createdAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)), 1 WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = NEW."shop") AND NEW."kind" = 'delay_notice' AND NEW."status" = 'sent'
    ON CONFLICT ("shop", "day") DO UPDATE SET "delayNotices" = "delayNotices" + excluded."delayNotices";
END;

CREATE TRIGGER "InsightsRollup_email_delete" AFTER DELETE ON "EmailOutbox"
BEGIN
  INSERT INTO "InsightsDay" ("shop", "day", "delayNotices")
    SELECT OLD."shop", date(OLD."createdAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = OLD."shop" AND z."startsAt" <= CAST(OLD."createdAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)), -1 WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = OLD."shop") AND OLD."kind" = 'delay_notice' AND OLD."status" = 'sent'
    ON CONFLICT ("shop", "day") DO UPDATE SET "delayNotices" = "delayNotices" + excluded."delayNotices";
END;

CREATE TRIGGER "InsightsRollup_email_update" AFTER UPDATE ON "EmailOutbox" FOR EACH ROW WHEN OLD."shop" IS NOT NEW."shop" OR OLD."kind" IS NOT NEW."kind" OR OLD."status" IS NOT NEW."status" OR OLD."createdAt" IS NOT NEW."createdAt"
BEGIN
  INSERT INTO "InsightsDay" ("shop", "day", "delayNotices")
    SELECT OLD."shop", date(OLD."createdAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = OLD."shop" AND z."startsAt" <= CAST(OLD."createdAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)), -1 WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = OLD."shop") AND OLD."kind" = 'delay_notice' AND OLD."status" = 'sent'
    ON CONFLICT ("shop", "day") DO UPDATE SET "delayNotices" = "delayNotices" + excluded."delayNotices";
  INSERT INTO "InsightsDay" ("shop", "day", "delayNotices")
    SELECT NEW."shop", date(NEW."createdAt", (SELECT printf('%+d minutes', z."offsetMinutes") FROM "InsightsTzSpan" z WHERE z."shop" = NEW."shop" AND z."startsAt" <= CAST(NEW."createdAt" AS TEXT) ORDER BY z."startsAt" DESC LIMIT 1)), 1 WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = NEW."shop") AND NEW."kind" = 'delay_notice' AND NEW."status" = 'sent'
    ON CONFLICT ("shop", "day") DO UPDATE SET "delayNotices" = "delayNotices" + excluded."delayNotices";
END;

CREATE TRIGGER "InsightsRollup_order_insert" AFTER INSERT ON "InsightsOrderDay" FOR EACH ROW WHEN NEW."liveLines" > 0
BEGIN
  INSERT INTO "InsightsDay" ("shop", "day", "orders") VALUES (NEW."shop", NEW."day", 1)
    ON CONFLICT ("shop", "day") DO UPDATE SET "orders" = "orders" + 1;
END;

CREATE TRIGGER "InsightsRollup_order_update" AFTER UPDATE ON "InsightsOrderDay" FOR EACH ROW WHEN (OLD."liveLines" > 0) <> (NEW."liveLines" > 0)
BEGIN
  INSERT INTO "InsightsDay" ("shop", "day", "orders") VALUES (NEW."shop", NEW."day", CASE WHEN NEW."liveLines" > 0 THEN 1 ELSE -1 END)
    ON CONFLICT ("shop", "day") DO UPDATE SET "orders" = "orders" + excluded."orders";
END;
