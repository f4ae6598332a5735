-- waitMs holds a sum of waits in milliseconds: BigInt in the model (past 32 bits after one line waiting 25 days).
-- AlterTable
ALTER TABLE "InsightsWaitDay" ALTER COLUMN "waitMs" SET DATA TYPE BIGINT;

-- AlterTable
ALTER TABLE "InsightsWaitMonth" ALTER COLUMN "waitMs" SET DATA TYPE BIGINT;

-- The roll-ups triggers (docs/decisions/009-insights-rollups.md), PostgreSQL counterpart of insights_rollups SQLite ones:
-- triggerSql("postgresql") in app/models/insights-rollups.sql.ts, verbatim (tests/integration/insights-rollups.test.ts).
CREATE FUNCTION "InsightsRollup_line"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO "InsightsLineDay" ("shop", "day", "status", "currency", "lines", "units", "valueMinor", "unpricedLines")
    SELECT OLD."shop", to_char((OLD."orderedAt" AT TIME ZONE 'UTC') AT TIME ZONE (SELECT s."timeZone" FROM "InsightsRollupState" s WHERE s."shop" = OLD."shop"), 'YYYY-MM-DD'), OLD."status", COALESCE(OLD."currency", ''), -1, -OLD."quantity",
      -COALESCE(OLD."unitPriceMinor" * OLD."quantity", 0), -CAST((OLD."unitPriceMinor" IS NULL) AS INTEGER) WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = OLD."shop")
    ON CONFLICT ("shop", "day", "status", "currency") DO UPDATE SET "lines" = "InsightsLineDay"."lines" + excluded."lines", "units" = "InsightsLineDay"."units" + excluded."units",
      "valueMinor" = "InsightsLineDay"."valueMinor" + excluded."valueMinor", "unpricedLines" = "InsightsLineDay"."unpricedLines" + excluded."unpricedLines";
    INSERT INTO "InsightsOrderDay" ("shop", "orderId", "day", "liveLines")
    SELECT OLD."shop", OLD."orderId", to_char((OLD."orderedAt" AT TIME ZONE 'UTC') AT TIME ZONE (SELECT s."timeZone" FROM "InsightsRollupState" s WHERE s."shop" = OLD."shop"), 'YYYY-MM-DD'), -1 WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = OLD."shop") AND OLD."status" <> 'cancelled'
    ON CONFLICT ("shop", "orderId", "day") DO UPDATE SET "liveLines" = "InsightsOrderDay"."liveLines" + excluded."liveLines";
    INSERT INTO "InsightsDay" ("shop", "day", "endedUnits")
    SELECT OLD."shop", to_char((OLD."allocatedAt" AT TIME ZONE 'UTC') AT TIME ZONE (SELECT s."timeZone" FROM "InsightsRollupState" s WHERE s."shop" = OLD."shop"), 'YYYY-MM-DD'), -OLD."quantity" WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = OLD."shop") AND OLD."allocatedAt" IS NOT NULL AND OLD."status" <> 'waiting'
    ON CONFLICT ("shop", "day") DO UPDATE SET "endedUnits" = "InsightsDay"."endedUnits" + excluded."endedUnits";
    INSERT INTO "InsightsDay" ("shop", "day", "endedUnits")
    SELECT OLD."shop", to_char((OLD."updatedAt" AT TIME ZONE 'UTC') AT TIME ZONE (SELECT s."timeZone" FROM "InsightsRollupState" s WHERE s."shop" = OLD."shop"), 'YYYY-MM-DD'), -OLD."quantity" WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = OLD."shop") AND OLD."allocatedAt" IS NULL AND OLD."status" = 'cancelled'
    ON CONFLICT ("shop", "day") DO UPDATE SET "endedUnits" = "InsightsDay"."endedUnits" + excluded."endedUnits";
    INSERT INTO "InsightsWaitDay" ("shop", "day", "waitDays", "lines", "waitMs")
    SELECT OLD."shop", to_char((OLD."orderedAt" AT TIME ZONE 'UTC') AT TIME ZONE (SELECT s."timeZone" FROM "InsightsRollupState" s WHERE s."shop" = OLD."shop"), 'YYYY-MM-DD'), GREATEST(0, CAST(ROUND(EXTRACT(EPOCH FROM (OLD."allocatedAt" - OLD."orderedAt")) * 1000) AS BIGINT)) / 86400000, -1, -GREATEST(0, CAST(ROUND(EXTRACT(EPOCH FROM (OLD."allocatedAt" - OLD."orderedAt")) * 1000) AS BIGINT)) WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = OLD."shop") AND OLD."allocatedAt" IS NOT NULL
    ON CONFLICT ("shop", "day", "waitDays") DO UPDATE SET "lines" = "InsightsWaitDay"."lines" + excluded."lines", "waitMs" = "InsightsWaitDay"."waitMs" + excluded."waitMs";
    INSERT INTO "InsightsWaitHour" ("shop", "hour", "day", "lines")
    SELECT OLD."shop", GREATEST(0, CAST(ROUND(EXTRACT(EPOCH FROM (OLD."allocatedAt" - OLD."orderedAt")) * 1000) AS BIGINT)) / 3600000, to_char((OLD."orderedAt" AT TIME ZONE 'UTC') AT TIME ZONE (SELECT s."timeZone" FROM "InsightsRollupState" s WHERE s."shop" = OLD."shop"), 'YYYY-MM-DD'), -1 WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = OLD."shop") AND OLD."allocatedAt" IS NOT NULL
    ON CONFLICT ("shop", "hour", "day") DO UPDATE SET "lines" = "InsightsWaitHour"."lines" + excluded."lines";
    INSERT INTO "InsightsWaitMonth" ("shop", "month", "waitDays", "lines", "waitMs")
    SELECT OLD."shop", substr(to_char((OLD."orderedAt" AT TIME ZONE 'UTC') AT TIME ZONE (SELECT s."timeZone" FROM "InsightsRollupState" s WHERE s."shop" = OLD."shop"), 'YYYY-MM-DD'), 1, 7), GREATEST(0, CAST(ROUND(EXTRACT(EPOCH FROM (OLD."allocatedAt" - OLD."orderedAt")) * 1000) AS BIGINT)) / 86400000, -1, -GREATEST(0, CAST(ROUND(EXTRACT(EPOCH FROM (OLD."allocatedAt" - OLD."orderedAt")) * 1000) AS BIGINT)) WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = OLD."shop") AND OLD."allocatedAt" IS NOT NULL
    ON CONFLICT ("shop", "month", "waitDays") DO UPDATE SET "lines" = "InsightsWaitMonth"."lines" + excluded."lines", "waitMs" = "InsightsWaitMonth"."waitMs" + excluded."waitMs";
    INSERT INTO "InsightsWaitHourMonth" ("shop", "hour", "month", "lines")
    SELECT OLD."shop", GREATEST(0, CAST(ROUND(EXTRACT(EPOCH FROM (OLD."allocatedAt" - OLD."orderedAt")) * 1000) AS BIGINT)) / 3600000, substr(to_char((OLD."orderedAt" AT TIME ZONE 'UTC') AT TIME ZONE (SELECT s."timeZone" FROM "InsightsRollupState" s WHERE s."shop" = OLD."shop"), 'YYYY-MM-DD'), 1, 7), -1 WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = OLD."shop") AND OLD."allocatedAt" IS NOT NULL
    ON CONFLICT ("shop", "hour", "month") DO UPDATE SET "lines" = "InsightsWaitHourMonth"."lines" + excluded."lines";
    INSERT INTO "InsightsPromiseDay" ("shop", "day", "promisedLatest", "onTime", "lateReady", "waiting")
    SELECT OLD."shop", to_char((OLD."orderedAt" AT TIME ZONE 'UTC') AT TIME ZONE (SELECT s."timeZone" FROM "InsightsRollupState" s WHERE s."shop" = OLD."shop"), 'YYYY-MM-DD'), OLD."promisedLatest",
      -CAST((OLD."allocatedAt" IS NOT NULL AND to_char((OLD."allocatedAt" AT TIME ZONE 'UTC') AT TIME ZONE (SELECT s."timeZone" FROM "InsightsRollupState" s WHERE s."shop" = OLD."shop"), 'YYYY-MM-DD') <= OLD."promisedLatest") AS INTEGER),
      -CAST((OLD."allocatedAt" IS NOT NULL AND to_char((OLD."allocatedAt" AT TIME ZONE 'UTC') AT TIME ZONE (SELECT s."timeZone" FROM "InsightsRollupState" s WHERE s."shop" = OLD."shop"), 'YYYY-MM-DD') > OLD."promisedLatest") AS INTEGER),
      -CAST((OLD."allocatedAt" IS NULL AND OLD."status" = 'waiting') AS INTEGER)
    WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = OLD."shop") AND OLD."status" <> 'cancelled' AND OLD."promisedLatest" IS NOT NULL
    ON CONFLICT ("shop", "day", "promisedLatest") DO UPDATE SET "onTime" = "InsightsPromiseDay"."onTime" + excluded."onTime", "lateReady" = "InsightsPromiseDay"."lateReady" + excluded."lateReady",
      "waiting" = "InsightsPromiseDay"."waiting" + excluded."waiting";
    INSERT INTO "InsightsWaiting" ("shop", "variantId", "currency", "lines", "units", "valueMinor", "unpricedLines")
    SELECT OLD."shop", OLD."variantId", COALESCE(OLD."currency", ''), -1, -OLD."quantity",
      -COALESCE(OLD."unitPriceMinor" * OLD."quantity", 0), -CAST((OLD."unitPriceMinor" IS NULL) AS INTEGER) WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = OLD."shop") AND OLD."status" = 'waiting'
    ON CONFLICT ("shop", "variantId", "currency") DO UPDATE SET "lines" = "InsightsWaiting"."lines" + excluded."lines", "units" = "InsightsWaiting"."units" + excluded."units",
      "valueMinor" = "InsightsWaiting"."valueMinor" + excluded."valueMinor", "unpricedLines" = "InsightsWaiting"."unpricedLines" + excluded."unpricedLines";
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO "InsightsLineDay" ("shop", "day", "status", "currency", "lines", "units", "valueMinor", "unpricedLines")
    SELECT NEW."shop", to_char((NEW."orderedAt" AT TIME ZONE 'UTC') AT TIME ZONE (SELECT s."timeZone" FROM "InsightsRollupState" s WHERE s."shop" = NEW."shop"), 'YYYY-MM-DD'), NEW."status", COALESCE(NEW."currency", ''), 1, NEW."quantity",
      COALESCE(NEW."unitPriceMinor" * NEW."quantity", 0), CAST((NEW."unitPriceMinor" IS NULL) AS INTEGER) WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = NEW."shop")
    ON CONFLICT ("shop", "day", "status", "currency") DO UPDATE SET "lines" = "InsightsLineDay"."lines" + excluded."lines", "units" = "InsightsLineDay"."units" + excluded."units",
      "valueMinor" = "InsightsLineDay"."valueMinor" + excluded."valueMinor", "unpricedLines" = "InsightsLineDay"."unpricedLines" + excluded."unpricedLines";
    INSERT INTO "InsightsOrderDay" ("shop", "orderId", "day", "liveLines")
    SELECT NEW."shop", NEW."orderId", to_char((NEW."orderedAt" AT TIME ZONE 'UTC') AT TIME ZONE (SELECT s."timeZone" FROM "InsightsRollupState" s WHERE s."shop" = NEW."shop"), 'YYYY-MM-DD'), 1 WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = NEW."shop") AND NEW."status" <> 'cancelled'
    ON CONFLICT ("shop", "orderId", "day") DO UPDATE SET "liveLines" = "InsightsOrderDay"."liveLines" + excluded."liveLines";
    INSERT INTO "InsightsDay" ("shop", "day", "endedUnits")
    SELECT NEW."shop", to_char((NEW."allocatedAt" AT TIME ZONE 'UTC') AT TIME ZONE (SELECT s."timeZone" FROM "InsightsRollupState" s WHERE s."shop" = NEW."shop"), 'YYYY-MM-DD'), NEW."quantity" WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = NEW."shop") AND NEW."allocatedAt" IS NOT NULL AND NEW."status" <> 'waiting'
    ON CONFLICT ("shop", "day") DO UPDATE SET "endedUnits" = "InsightsDay"."endedUnits" + excluded."endedUnits";
    INSERT INTO "InsightsDay" ("shop", "day", "endedUnits")
    SELECT NEW."shop", to_char((NEW."updatedAt" AT TIME ZONE 'UTC') AT TIME ZONE (SELECT s."timeZone" FROM "InsightsRollupState" s WHERE s."shop" = NEW."shop"), 'YYYY-MM-DD'), NEW."quantity" WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = NEW."shop") AND NEW."allocatedAt" IS NULL AND NEW."status" = 'cancelled'
    ON CONFLICT ("shop", "day") DO UPDATE SET "endedUnits" = "InsightsDay"."endedUnits" + excluded."endedUnits";
    INSERT INTO "InsightsWaitDay" ("shop", "day", "waitDays", "lines", "waitMs")
    SELECT NEW."shop", to_char((NEW."orderedAt" AT TIME ZONE 'UTC') AT TIME ZONE (SELECT s."timeZone" FROM "InsightsRollupState" s WHERE s."shop" = NEW."shop"), 'YYYY-MM-DD'), GREATEST(0, CAST(ROUND(EXTRACT(EPOCH FROM (NEW."allocatedAt" - NEW."orderedAt")) * 1000) AS BIGINT)) / 86400000, 1, GREATEST(0, CAST(ROUND(EXTRACT(EPOCH FROM (NEW."allocatedAt" - NEW."orderedAt")) * 1000) AS BIGINT)) WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = NEW."shop") AND NEW."allocatedAt" IS NOT NULL
    ON CONFLICT ("shop", "day", "waitDays") DO UPDATE SET "lines" = "InsightsWaitDay"."lines" + excluded."lines", "waitMs" = "InsightsWaitDay"."waitMs" + excluded."waitMs";
    INSERT INTO "InsightsWaitHour" ("shop", "hour", "day", "lines")
    SELECT NEW."shop", GREATEST(0, CAST(ROUND(EXTRACT(EPOCH FROM (NEW."allocatedAt" - NEW."orderedAt")) * 1000) AS BIGINT)) / 3600000, to_char((NEW."orderedAt" AT TIME ZONE 'UTC') AT TIME ZONE (SELECT s."timeZone" FROM "InsightsRollupState" s WHERE s."shop" = NEW."shop"), 'YYYY-MM-DD'), 1 WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = NEW."shop") AND NEW."allocatedAt" IS NOT NULL
    ON CONFLICT ("shop", "hour", "day") DO UPDATE SET "lines" = "InsightsWaitHour"."lines" + excluded."lines";
    INSERT INTO "InsightsWaitMonth" ("shop", "month", "waitDays", "lines", "waitMs")
    SELECT NEW."shop", substr(to_char((NEW."orderedAt" AT TIME ZONE 'UTC') AT TIME ZONE (SELECT s."timeZone" FROM "InsightsRollupState" s WHERE s."shop" = NEW."shop"), 'YYYY-MM-DD'), 1, 7), GREATEST(0, CAST(ROUND(EXTRACT(EPOCH FROM (NEW."allocatedAt" - NEW."orderedAt")) * 1000) AS BIGINT)) / 86400000, 1, GREATEST(0, CAST(ROUND(EXTRACT(EPOCH FROM (NEW."allocatedAt" - NEW."orderedAt")) * 1000) AS BIGINT)) WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = NEW."shop") AND NEW."allocatedAt" IS NOT NULL
    ON CONFLICT ("shop", "month", "waitDays") DO UPDATE SET "lines" = "InsightsWaitMonth"."lines" + excluded."lines", "waitMs" = "InsightsWaitMonth"."waitMs" + excluded."waitMs";
    INSERT INTO "InsightsWaitHourMonth" ("shop", "hour", "month", "lines")
    SELECT NEW."shop", GREATEST(0, CAST(ROUND(EXTRACT(EPOCH FROM (NEW."allocatedAt" - NEW."orderedAt")) * 1000) AS BIGINT)) / 3600000, substr(to_char((NEW."orderedAt" AT TIME ZONE 'UTC') AT TIME ZONE (SELECT s."timeZone" FROM "InsightsRollupState" s WHERE s."shop" = NEW."shop"), 'YYYY-MM-DD'), 1, 7), 1 WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = NEW."shop") AND NEW."allocatedAt" IS NOT NULL
    ON CONFLICT ("shop", "hour", "month") DO UPDATE SET "lines" = "InsightsWaitHourMonth"."lines" + excluded."lines";
    INSERT INTO "InsightsPromiseDay" ("shop", "day", "promisedLatest", "onTime", "lateReady", "waiting")
    SELECT NEW."shop", to_char((NEW."orderedAt" AT TIME ZONE 'UTC') AT TIME ZONE (SELECT s."timeZone" FROM "InsightsRollupState" s WHERE s."shop" = NEW."shop"), 'YYYY-MM-DD'), NEW."promisedLatest",
      CAST((NEW."allocatedAt" IS NOT NULL AND to_char((NEW."allocatedAt" AT TIME ZONE 'UTC') AT TIME ZONE (SELECT s."timeZone" FROM "InsightsRollupState" s WHERE s."shop" = NEW."shop"), 'YYYY-MM-DD') <= NEW."promisedLatest") AS INTEGER),
      CAST((NEW."allocatedAt" IS NOT NULL AND to_char((NEW."allocatedAt" AT TIME ZONE 'UTC') AT TIME ZONE (SELECT s."timeZone" FROM "InsightsRollupState" s WHERE s."shop" = NEW."shop"), 'YYYY-MM-DD') > NEW."promisedLatest") AS INTEGER),
      CAST((NEW."allocatedAt" IS NULL AND NEW."status" = 'waiting') AS INTEGER)
    WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = NEW."shop") AND NEW."status" <> 'cancelled' AND NEW."promisedLatest" IS NOT NULL
    ON CONFLICT ("shop", "day", "promisedLatest") DO UPDATE SET "onTime" = "InsightsPromiseDay"."onTime" + excluded."onTime", "lateReady" = "InsightsPromiseDay"."lateReady" + excluded."lateReady",
      "waiting" = "InsightsPromiseDay"."waiting" + excluded."waiting";
    INSERT INTO "InsightsWaiting" ("shop", "variantId", "currency", "lines", "units", "valueMinor", "unpricedLines")
    SELECT NEW."shop", NEW."variantId", COALESCE(NEW."currency", ''), 1, NEW."quantity",
      COALESCE(NEW."unitPriceMinor" * NEW."quantity", 0), CAST((NEW."unitPriceMinor" IS NULL) AS INTEGER) WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = NEW."shop") AND NEW."status" = 'waiting'
    ON CONFLICT ("shop", "variantId", "currency") DO UPDATE SET "lines" = "InsightsWaiting"."lines" + excluded."lines", "units" = "InsightsWaiting"."units" + excluded."units",
      "valueMinor" = "InsightsWaiting"."valueMinor" + excluded."valueMinor", "unpricedLines" = "InsightsWaiting"."unpricedLines" + excluded."unpricedLines";
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "InsightsRollup_line_insert" AFTER INSERT ON "BackorderLine" FOR EACH ROW EXECUTE FUNCTION "InsightsRollup_line"();

CREATE TRIGGER "InsightsRollup_line_delete" AFTER DELETE ON "BackorderLine" FOR EACH ROW EXECUTE FUNCTION "InsightsRollup_line"();

CREATE TRIGGER "InsightsRollup_line_update" AFTER UPDATE ON "BackorderLine" FOR EACH ROW WHEN (OLD."shop" IS DISTINCT FROM NEW."shop" OR OLD."orderedAt" IS DISTINCT FROM NEW."orderedAt" OR OLD."status" IS DISTINCT FROM NEW."status" OR OLD."currency" IS DISTINCT FROM NEW."currency" OR OLD."quantity" IS DISTINCT FROM NEW."quantity" OR OLD."unitPriceMinor" IS DISTINCT FROM NEW."unitPriceMinor" OR OLD."allocatedAt" IS DISTINCT FROM NEW."allocatedAt" OR OLD."promisedLatest" IS DISTINCT FROM NEW."promisedLatest" OR OLD."orderId" IS DISTINCT FROM NEW."orderId" OR OLD."variantId" IS DISTINCT FROM NEW."variantId" OR (OLD."updatedAt" IS DISTINCT FROM NEW."updatedAt" AND ((OLD."status" = 'cancelled' AND OLD."allocatedAt" IS NULL) OR (NEW."status" = 'cancelled' AND NEW."allocatedAt" IS NULL)))) EXECUTE FUNCTION "InsightsRollup_line"();

CREATE FUNCTION "InsightsRollup_email"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    INSERT INTO "InsightsDay" ("shop", "day", "delayNotices")
    SELECT OLD."shop", to_char((OLD."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE (SELECT s."timeZone" FROM "InsightsRollupState" s WHERE s."shop" = OLD."shop"), 'YYYY-MM-DD'), -1 WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = OLD."shop") AND OLD."kind" = 'delay_notice' AND OLD."status" = 'sent'
    ON CONFLICT ("shop", "day") DO UPDATE SET "delayNotices" = "InsightsDay"."delayNotices" + excluded."delayNotices";
  END IF;
  IF TG_OP <> 'DELETE' THEN
    INSERT INTO "InsightsDay" ("shop", "day", "delayNotices")
    SELECT NEW."shop", to_char((NEW."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE (SELECT s."timeZone" FROM "InsightsRollupState" s WHERE s."shop" = NEW."shop"), 'YYYY-MM-DD'), 1 WHERE EXISTS (SELECT 1 FROM "InsightsRollupState" s WHERE s."shop" = NEW."shop") AND NEW."kind" = 'delay_notice' AND NEW."status" = 'sent'
    ON CONFLICT ("shop", "day") DO UPDATE SET "delayNotices" = "InsightsDay"."delayNotices" + excluded."delayNotices";
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "InsightsRollup_email_insert" AFTER INSERT ON "EmailOutbox" FOR EACH ROW EXECUTE FUNCTION "InsightsRollup_email"();

CREATE TRIGGER "InsightsRollup_email_delete" AFTER DELETE ON "EmailOutbox" FOR EACH ROW EXECUTE FUNCTION "InsightsRollup_email"();

CREATE TRIGGER "InsightsRollup_email_update" AFTER UPDATE ON "EmailOutbox" FOR EACH ROW WHEN (OLD."shop" IS DISTINCT FROM NEW."shop" OR OLD."kind" IS DISTINCT FROM NEW."kind" OR OLD."status" IS DISTINCT FROM NEW."status" OR OLD."createdAt" IS DISTINCT FROM NEW."createdAt") EXECUTE FUNCTION "InsightsRollup_email"();

CREATE FUNCTION "InsightsRollup_order"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "InsightsDay" ("shop", "day", "orders") VALUES (NEW."shop", NEW."day", 1)
    ON CONFLICT ("shop", "day") DO UPDATE SET "orders" = "InsightsDay"."orders" + 1;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    INSERT INTO "InsightsDay" ("shop", "day", "orders") VALUES (NEW."shop", NEW."day", CASE WHEN NEW."liveLines" > 0 THEN 1 ELSE -1 END)
    ON CONFLICT ("shop", "day") DO UPDATE SET "orders" = "InsightsDay"."orders" + excluded."orders";
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "InsightsRollup_order_insert" AFTER INSERT ON "InsightsOrderDay" FOR EACH ROW WHEN (NEW."liveLines" > 0) EXECUTE FUNCTION "InsightsRollup_order"();

CREATE TRIGGER "InsightsRollup_order_update" AFTER UPDATE ON "InsightsOrderDay" FOR EACH ROW WHEN ((OLD."liveLines" > 0) <> (NEW."liveLines" > 0)) EXECUTE FUNCTION "InsightsRollup_order"();
