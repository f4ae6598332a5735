-- DropIndex
DROP INDEX "Job_shop_status_idx";

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_BackorderVariant" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "productTitle" TEXT NOT NULL DEFAULT '',
    "variantTitle" TEXT NOT NULL DEFAULT '',
    "sku" TEXT,
    "mode" TEXT NOT NULL DEFAULT 'off',
    "cap" INTEGER,
    "leadTimeDays" INTEGER,
    "capacityPerWeek" INTEGER,
    "startsAt" DATETIME,
    "endsAt" DATETIME,
    "messageEn" TEXT,
    "messageFr" TEXT,
    "available" INTEGER NOT NULL DEFAULT 0,
    "inventoryItemId" TEXT,
    "inventoryUpdatedAt" DATETIME,
    "syncedPolicy" TEXT,
    "syncedSummary" TEXT,
    "syncedAt" DATETIME,
    "syncError" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "atRisk" BOOLEAN NOT NULL DEFAULT false,
    "derivedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_BackorderVariant" ("available", "cap", "capacityPerWeek", "createdAt", "endsAt", "id", "inventoryItemId", "inventoryUpdatedAt", "leadTimeDays", "messageEn", "messageFr", "mode", "productId", "productTitle", "shop", "sku", "startsAt", "syncError", "syncedAt", "syncedPolicy", "syncedSummary", "updatedAt", "variantId", "variantTitle", "version") SELECT "available", "cap", "capacityPerWeek", "createdAt", "endsAt", "id", "inventoryItemId", "inventoryUpdatedAt", "leadTimeDays", "messageEn", "messageFr", "mode", "productId", "productTitle", "shop", "sku", "startsAt", "syncError", "syncedAt", "syncedPolicy", "syncedSummary", "updatedAt", "variantId", "variantTitle", "version" FROM "BackorderVariant";
DROP TABLE "BackorderVariant";
ALTER TABLE "new_BackorderVariant" RENAME TO "BackorderVariant";
CREATE INDEX "BackorderVariant_shop_productId_idx" ON "BackorderVariant"("shop", "productId");
CREATE INDEX "BackorderVariant_shop_mode_productId_idx" ON "BackorderVariant"("shop", "mode", "productId");
CREATE INDEX "BackorderVariant_shop_atRisk_productId_idx" ON "BackorderVariant"("shop", "atRisk", "productId");
CREATE INDEX "BackorderVariant_shop_derivedAt_idx" ON "BackorderVariant"("shop", "derivedAt");
CREATE INDEX "BackorderVariant_shop_inventoryItemId_idx" ON "BackorderVariant"("shop", "inventoryItemId");
CREATE UNIQUE INDEX "BackorderVariant_shop_variantId_key" ON "BackorderVariant"("shop", "variantId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "WebhookEvent_shop_receivedAt_idx" ON "WebhookEvent"("shop", "receivedAt");

-- CreateIndex
CREATE INDEX "IncomingBatch_backorderVariantId_idx" ON "IncomingBatch"("backorderVariantId");

-- CreateIndex
CREATE INDEX "Job_shop_status_updatedAt_idx" ON "Job"("shop", "status", "updatedAt");

-- CreateIndex
CREATE INDEX "Job_shop_updatedAt_idx" ON "Job"("shop", "updatedAt");

-- CreateIndex
CREATE INDEX "Job_shop_kind_createdAt_id_idx" ON "Job"("shop", "kind", "createdAt", "id");

-- CreateIndex
CREATE INDEX "EmailOutbox_shop_createdAt_id_idx" ON "EmailOutbox"("shop", "createdAt", "id");
