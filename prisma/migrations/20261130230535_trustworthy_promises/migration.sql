-- CreateTable
CREATE TABLE "DataRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "customerEmail" TEXT,
    "export" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ShopSettings" (
    "shop" TEXT NOT NULL PRIMARY KEY,
    "safetyMarginDays" INTEGER NOT NULL DEFAULT 2,
    "defaultLeadTimeDays" INTEGER NOT NULL DEFAULT 21,
    "cutoffTime" TEXT NOT NULL DEFAULT '14:00',
    "timezone" TEXT NOT NULL DEFAULT 'Europe/Paris',
    "holidayCountry" TEXT NOT NULL DEFAULT 'FR',
    "holidayRegion" TEXT,
    "closureDays" TEXT NOT NULL DEFAULT '[]',
    "workingDays" TEXT NOT NULL DEFAULT '[1,2,3,4,5]',
    "deliveryModes" TEXT NOT NULL DEFAULT '{}',
    "terms" TEXT NOT NULL DEFAULT '{}',
    "termsVersion" INTEGER NOT NULL DEFAULT 1,
    "delayMinSlipDays" INTEGER NOT NULL DEFAULT 1,
    "earlierDateEmails" BOOLEAN NOT NULL DEFAULT false,
    "fulfillmentMode" TEXT NOT NULL DEFAULT 'ship_available',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_ShopSettings" ("closureDays", "cutoffTime", "defaultLeadTimeDays", "deliveryModes", "holidayCountry", "holidayRegion", "safetyMarginDays", "shop", "terms", "termsVersion", "timezone", "updatedAt", "workingDays") SELECT "closureDays", "cutoffTime", "defaultLeadTimeDays", "deliveryModes", "holidayCountry", "holidayRegion", "safetyMarginDays", "shop", "terms", "termsVersion", "timezone", "updatedAt", "workingDays" FROM "ShopSettings";
DROP TABLE "ShopSettings";
ALTER TABLE "new_ShopSettings" RENAME TO "ShopSettings";
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
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_BackorderVariant" ("available", "cap", "capacityPerWeek", "createdAt", "endsAt", "id", "inventoryItemId", "inventoryUpdatedAt", "leadTimeDays", "messageEn", "messageFr", "mode", "productId", "productTitle", "shop", "sku", "startsAt", "syncError", "syncedAt", "syncedPolicy", "syncedSummary", "updatedAt", "variantId", "variantTitle") SELECT "available", "cap", "capacityPerWeek", "createdAt", "endsAt", "id", "inventoryItemId", "inventoryUpdatedAt", "leadTimeDays", "messageEn", "messageFr", "mode", "productId", "productTitle", "shop", "sku", "startsAt", "syncError", "syncedAt", "syncedPolicy", "syncedSummary", "updatedAt", "variantId", "variantTitle" FROM "BackorderVariant";
DROP TABLE "BackorderVariant";
ALTER TABLE "new_BackorderVariant" RENAME TO "BackorderVariant";
CREATE INDEX "BackorderVariant_shop_productId_idx" ON "BackorderVariant"("shop", "productId");
CREATE INDEX "BackorderVariant_shop_mode_idx" ON "BackorderVariant"("shop", "mode");
CREATE INDEX "BackorderVariant_shop_inventoryItemId_idx" ON "BackorderVariant"("shop", "inventoryItemId");
CREATE UNIQUE INDEX "BackorderVariant_shop_variantId_key" ON "BackorderVariant"("shop", "variantId");
CREATE TABLE "new_IncomingBatch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "backorderVariantId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "expectedOn" TEXT NOT NULL,
    "receivedOn" TEXT,
    "supplier" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "submissionKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "IncomingBatch_backorderVariantId_fkey" FOREIGN KEY ("backorderVariantId") REFERENCES "BackorderVariant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_IncomingBatch" ("backorderVariantId", "createdAt", "expectedOn", "id", "quantity", "receivedOn", "shop", "supplier", "updatedAt") SELECT "backorderVariantId", "createdAt", "expectedOn", "id", "quantity", "receivedOn", "shop", "supplier", "updatedAt" FROM "IncomingBatch";
DROP TABLE "IncomingBatch";
ALTER TABLE "new_IncomingBatch" RENAME TO "IncomingBatch";
CREATE INDEX "IncomingBatch_shop_backorderVariantId_idx" ON "IncomingBatch"("shop", "backorderVariantId");
CREATE UNIQUE INDEX "IncomingBatch_shop_submissionKey_key" ON "IncomingBatch"("shop", "submissionKey");
CREATE TABLE "new_BackorderLine" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderName" TEXT NOT NULL,
    "lineItemId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "customerEmail" TEXT,
    "customerLocale" TEXT NOT NULL DEFAULT 'en',
    "orderedAt" DATETIME NOT NULL,
    "promisedLatest" TEXT,
    "notifiedLatest" TEXT,
    "customerName" TEXT,
    "productTitle" TEXT NOT NULL DEFAULT '',
    "variantTitle" TEXT NOT NULL DEFAULT '',
    "fulfillmentOrderId" TEXT,
    "holdId" TEXT,
    "orderUpdatedAt" DATETIME,
    "allocatedAt" DATETIME,
    "overCap" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'waiting',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_BackorderLine" ("allocatedAt", "createdAt", "customerEmail", "customerLocale", "customerName", "fulfillmentOrderId", "holdId", "id", "lineItemId", "notifiedLatest", "orderId", "orderName", "orderUpdatedAt", "orderedAt", "productTitle", "promisedLatest", "quantity", "shop", "status", "updatedAt", "variantId", "variantTitle") SELECT "allocatedAt", "createdAt", "customerEmail", "customerLocale", "customerName", "fulfillmentOrderId", "holdId", "id", "lineItemId", "notifiedLatest", "orderId", "orderName", "orderUpdatedAt", "orderedAt", "productTitle", "promisedLatest", "quantity", "shop", "status", "updatedAt", "variantId", "variantTitle" FROM "BackorderLine";
DROP TABLE "BackorderLine";
ALTER TABLE "new_BackorderLine" RENAME TO "BackorderLine";
CREATE INDEX "BackorderLine_shop_variantId_status_orderedAt_idx" ON "BackorderLine"("shop", "variantId", "status", "orderedAt");
CREATE INDEX "BackorderLine_shop_orderId_idx" ON "BackorderLine"("shop", "orderId");
CREATE UNIQUE INDEX "BackorderLine_shop_lineItemId_key" ON "BackorderLine"("shop", "lineItemId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "DataRequest_shop_createdAt_idx" ON "DataRequest"("shop", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "DataRequest_shop_requestId_key" ON "DataRequest"("shop", "requestId");
