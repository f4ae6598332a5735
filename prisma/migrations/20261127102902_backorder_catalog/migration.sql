-- CreateTable
CREATE TABLE "ShopSettings" (
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
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "BackorderVariant" (
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
    "syncedPolicy" TEXT,
    "syncedSummary" TEXT,
    "syncedAt" DATETIME,
    "syncError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "IncomingBatch" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "backorderVariantId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "expectedOn" TEXT NOT NULL,
    "receivedOn" TEXT,
    "supplier" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "IncomingBatch_backorderVariantId_fkey" FOREIGN KEY ("backorderVariantId") REFERENCES "BackorderVariant" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "BackorderLine" (
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
    "status" TEXT NOT NULL DEFAULT 'waiting',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "BackorderVariant_shop_productId_idx" ON "BackorderVariant"("shop", "productId");

-- CreateIndex
CREATE INDEX "BackorderVariant_shop_mode_idx" ON "BackorderVariant"("shop", "mode");

-- CreateIndex
CREATE UNIQUE INDEX "BackorderVariant_shop_variantId_key" ON "BackorderVariant"("shop", "variantId");

-- CreateIndex
CREATE INDEX "IncomingBatch_shop_backorderVariantId_idx" ON "IncomingBatch"("shop", "backorderVariantId");

-- CreateIndex
CREATE INDEX "BackorderLine_shop_variantId_status_orderedAt_idx" ON "BackorderLine"("shop", "variantId", "status", "orderedAt");

-- CreateIndex
CREATE UNIQUE INDEX "BackorderLine_shop_lineItemId_key" ON "BackorderLine"("shop", "lineItemId");
