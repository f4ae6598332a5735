-- waitMs holds a sum of waits in milliseconds: BigInt in the model, so that PostgreSQL's column is 64-bit like
-- SQLite's INTEGER (one line waiting 25 days is past a 32-bit integer). SQLite only changes the declared type.
-- The triggers of insights_rollups name these tables: renaming the rebuilt table with SQLite's default checks
-- fails on them ("no such table" while the old one is dropped), so the rename runs in legacy mode, which leaves
-- triggers as they are (they refer to the table by name, the same name again afterwards).
PRAGMA legacy_alter_table=ON;
-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_InsightsWaitDay" (
    "shop" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "waitDays" INTEGER NOT NULL,
    "lines" INTEGER NOT NULL,
    "waitMs" BIGINT NOT NULL,

    PRIMARY KEY ("shop", "day", "waitDays")
);
INSERT INTO "new_InsightsWaitDay" ("day", "lines", "shop", "waitDays", "waitMs") SELECT "day", "lines", "shop", "waitDays", "waitMs" FROM "InsightsWaitDay";
DROP TABLE "InsightsWaitDay";
ALTER TABLE "new_InsightsWaitDay" RENAME TO "InsightsWaitDay";
CREATE TABLE "new_InsightsWaitMonth" (
    "shop" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "waitDays" INTEGER NOT NULL,
    "lines" INTEGER NOT NULL,
    "waitMs" BIGINT NOT NULL,

    PRIMARY KEY ("shop", "month", "waitDays")
);
INSERT INTO "new_InsightsWaitMonth" ("lines", "month", "shop", "waitDays", "waitMs") SELECT "lines", "month", "shop", "waitDays", "waitMs" FROM "InsightsWaitMonth";
DROP TABLE "InsightsWaitMonth";
ALTER TABLE "new_InsightsWaitMonth" RENAME TO "InsightsWaitMonth";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
PRAGMA legacy_alter_table=OFF;
