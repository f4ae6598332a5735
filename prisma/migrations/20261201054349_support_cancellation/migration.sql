-- CreateTable
CREATE TABLE "SupportCancellation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "lineIds" TEXT NOT NULL DEFAULT '[]',
    "source" TEXT NOT NULL,
    "requestedBy" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "plan" TEXT,
    "amount" TEXT,
    "currency" TEXT,
    "refundId" TEXT,
    "error" TEXT,
    "decidedBy" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "completedAt" DATETIME,
    "followedUpAt" DATETIME
);

-- CreateTable
CREATE TABLE "CustomerChoice" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "choice" TEXT NOT NULL,
    "lineIds" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "answeredAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
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
    "cancelRequests" TEXT NOT NULL DEFAULT 'approval',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" DATETIME NOT NULL,
    "compensation" TEXT NOT NULL DEFAULT '{}'
);
INSERT INTO "new_ShopSettings" ("closureDays", "compensation", "cutoffTime", "defaultLeadTimeDays", "delayMinSlipDays", "deliveryModes", "earlierDateEmails", "fulfillmentMode", "holidayCountry", "holidayRegion", "safetyMarginDays", "shop", "terms", "termsVersion", "timezone", "updatedAt", "version", "workingDays") SELECT "closureDays", "compensation", "cutoffTime", "defaultLeadTimeDays", "delayMinSlipDays", "deliveryModes", "earlierDateEmails", "fulfillmentMode", "holidayCountry", "holidayRegion", "safetyMarginDays", "shop", "terms", "termsVersion", "timezone", "updatedAt", "version", "workingDays" FROM "ShopSettings";
DROP TABLE "ShopSettings";
ALTER TABLE "new_ShopSettings" RENAME TO "ShopSettings";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "SupportCancellation_shop_orderId_status_idx" ON "SupportCancellation"("shop", "orderId", "status");

-- CreateIndex
CREATE INDEX "SupportCancellation_shop_status_createdAt_idx" ON "SupportCancellation"("shop", "status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "SupportCancellation_shop_key_key" ON "SupportCancellation"("shop", "key");

-- CreateIndex
CREATE INDEX "CustomerChoice_shop_orderId_idx" ON "CustomerChoice"("shop", "orderId");

-- CreateIndex
CREATE UNIQUE INDEX "CustomerChoice_shop_tokenHash_key" ON "CustomerChoice"("shop", "tokenHash");
