-- CreateTable
CREATE TABLE "SupportCaseTerm" (
    "shop" TEXT NOT NULL,
    "term" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,

    PRIMARY KEY ("shop", "term", "caseId"),
    CONSTRAINT "SupportCaseTerm_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "SupportCase" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SupportCase" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderName" TEXT NOT NULL,
    "customerName" TEXT,
    "customerEmail" TEXT,
    "customerLocale" TEXT NOT NULL DEFAULT 'en',
    "orderedAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "state" TEXT NOT NULL DEFAULT 'waiting',
    "itemsOwed" INTEGER NOT NULL DEFAULT 0,
    "promisedLatest" TEXT,
    "estimateLatest" TEXT,
    "daysLate" INTEGER NOT NULL DEFAULT 0,
    "productIds" TEXT NOT NULL DEFAULT '|',
    "products" TEXT NOT NULL DEFAULT '',
    "suppliers" TEXT NOT NULL DEFAULT '|',
    "openComplaintAt" DATETIME,
    "assignee" TEXT,
    "lastContactAt" DATETIME,
    "compensatedAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_SupportCase" ("assignee", "compensatedAt", "createdAt", "customerEmail", "customerLocale", "customerName", "daysLate", "estimateLatest", "id", "itemsOwed", "lastContactAt", "orderId", "orderName", "orderedAt", "productIds", "products", "promisedLatest", "shop", "state", "status", "updatedAt", "version") SELECT "assignee", "compensatedAt", "createdAt", "customerEmail", "customerLocale", "customerName", "daysLate", "estimateLatest", "id", "itemsOwed", "lastContactAt", "orderId", "orderName", "orderedAt", "productIds", "products", "promisedLatest", "shop", "state", "status", "updatedAt", "version" FROM "SupportCase";
DROP TABLE "SupportCase";
ALTER TABLE "new_SupportCase" RENAME TO "SupportCase";
CREATE INDEX "SupportCase_shop_status_daysLate_orderedAt_id_idx" ON "SupportCase"("shop", "status", "daysLate" DESC, "orderedAt", "id");
CREATE INDEX "SupportCase_shop_state_daysLate_orderedAt_id_idx" ON "SupportCase"("shop", "state", "daysLate" DESC, "orderedAt", "id");
CREATE INDEX "SupportCase_shop_daysLate_orderedAt_id_idx" ON "SupportCase"("shop", "daysLate" DESC, "orderedAt", "id");
CREATE INDEX "SupportCase_shop_orderedAt_id_idx" ON "SupportCase"("shop", "orderedAt", "id");
CREATE INDEX "SupportCase_shop_openComplaintAt_idx" ON "SupportCase"("shop", "openComplaintAt");
CREATE INDEX "SupportCase_shop_promisedLatest_idx" ON "SupportCase"("shop", "promisedLatest");
CREATE INDEX "SupportCase_shop_customerEmail_idx" ON "SupportCase"("shop", "customerEmail");
CREATE INDEX "SupportCase_shop_orderName_idx" ON "SupportCase"("shop", "orderName");
CREATE INDEX "SupportCase_shop_assignee_idx" ON "SupportCase"("shop", "assignee");
CREATE UNIQUE INDEX "SupportCase_shop_orderId_key" ON "SupportCase"("shop", "orderId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "SupportCaseTerm_caseId_term_idx" ON "SupportCaseTerm"("caseId", "term");

-- CreateIndex
CREATE INDEX "BackorderVariant_shop_productTitle_productId_idx" ON "BackorderVariant"("shop", "productTitle", "productId");

-- CreateIndex
CREATE INDEX "IncomingBatch_shop_supplier_idx" ON "IncomingBatch"("shop", "supplier");

-- CreateIndex
CREATE INDEX "EmailOutbox_shop_toEmail_createdAt_id_idx" ON "EmailOutbox"("shop", "toEmail", "createdAt", "id");
-- Backfill the supplier filter's column: the suppliers named on the pending batches of the variants each
-- case's waiting lines belong to ("|a|b|"; a "|" in a name is stored as "/"). The app rewrites it, sorted,
-- whenever the case is next refreshed.
UPDATE "SupportCase" SET "suppliers" = COALESCE((
    SELECT '|' || group_concat("name", '|') || '|' FROM (
        SELECT DISTINCT replace(trim(b."supplier"), '|', '/') AS "name"
        FROM "BackorderLine" l
        JOIN "BackorderVariant" v ON v."shop" = l."shop" AND v."variantId" = l."variantId"
        JOIN "IncomingBatch" b ON b."backorderVariantId" = v."id"
        WHERE l."shop" = "SupportCase"."shop" AND l."orderId" = "SupportCase"."orderId" AND l."status" = 'waiting'
          AND b."receivedOn" IS NULL AND b."supplier" IS NOT NULL AND trim(b."supplier") <> ''
        ORDER BY 1
    )
), '|');

-- Backfill the search terms of existing cases (what app/models/support-case.server.ts `caseTerms` writes:
-- the words of the customer's name, the email and its two halves, the order name without "#", "p:<product>"
-- and "s:<supplier>"), lower case. SQLite's lower() changes ASCII letters only: a name with a capital
-- outside ASCII is stored as it is until the case is next refreshed.
WITH RECURSIVE "words"("shop", "caseId", "rest", "word") AS (
    SELECT "shop", "id", lower(trim(coalesce("customerName", ''))) || ' ', NULL FROM "SupportCase"
    UNION ALL
    SELECT "shop", "caseId", substr("rest", instr("rest", ' ') + 1), substr("rest", 1, instr("rest", ' ') - 1) FROM "words" WHERE "rest" <> ''
)
INSERT OR IGNORE INTO "SupportCaseTerm" ("shop", "term", "caseId")
SELECT "shop", substr(trim("word"), 1, 100), "caseId" FROM "words" WHERE "word" IS NOT NULL AND trim("word") <> '';

INSERT OR IGNORE INTO "SupportCaseTerm" ("shop", "term", "caseId")
SELECT "shop", substr(lower(trim("customerEmail")), 1, 100), "id" FROM "SupportCase" WHERE trim(coalesce("customerEmail", '')) <> '';

INSERT OR IGNORE INTO "SupportCaseTerm" ("shop", "term", "caseId")
SELECT "shop", substr(trim(substr(lower(trim("customerEmail")), 1, instr(lower(trim("customerEmail")), '@') - 1)), 1, 100), "id" FROM "SupportCase"
WHERE instr(lower(trim(coalesce("customerEmail", ''))), '@') > 1;

INSERT OR IGNORE INTO "SupportCaseTerm" ("shop", "term", "caseId")
SELECT "shop", substr(trim(substr(lower(trim("customerEmail")), instr(lower(trim("customerEmail")), '@') + 1)), 1, 100), "id" FROM "SupportCase"
WHERE instr(lower(trim(coalesce("customerEmail", ''))), '@') > 1 AND trim(substr(lower(trim("customerEmail")), instr(lower(trim("customerEmail")), '@') + 1)) <> '';

INSERT OR IGNORE INTO "SupportCaseTerm" ("shop", "term", "caseId")
SELECT "shop", substr(trim(ltrim(lower("orderName"), '#')), 1, 100), "id" FROM "SupportCase" WHERE trim(ltrim(lower("orderName"), '#')) <> '';

WITH RECURSIVE "parts"("shop", "caseId", "prefix", "rest", "part") AS (
    SELECT "shop", "id", 'p:', substr("productIds", 2), NULL FROM "SupportCase"
    UNION ALL
    SELECT "shop", "id", 's:', substr("suppliers", 2), NULL FROM "SupportCase"
    UNION ALL
    SELECT "shop", "caseId", "prefix", substr("rest", instr("rest", '|') + 1), substr("rest", 1, instr("rest", '|') - 1) FROM "parts" WHERE instr("rest", '|') > 0
)
INSERT OR IGNORE INTO "SupportCaseTerm" ("shop", "term", "caseId")
SELECT "shop", substr(trim("prefix" || "part"), 1, 100), "caseId" FROM "parts" WHERE "part" IS NOT NULL AND "part" <> '';
