-- AlterTable
ALTER TABLE "SupportCase" ADD COLUMN "compensatedAt" DATETIME;

-- CreateTable
CREATE TABLE "Compensation" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "submissionKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "percentage" INTEGER,
    "amountMinor" INTEGER,
    "currencyCode" TEXT,
    "code" TEXT,
    "shopifyId" TEXT,
    "expiresAt" DATETIME,
    "note" TEXT,
    "actor" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "givenAt" DATETIME
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
    "updatedAt" DATETIME NOT NULL,
    "compensation" TEXT NOT NULL DEFAULT '{}'
);
INSERT INTO "new_ShopSettings" ("closureDays", "cutoffTime", "defaultLeadTimeDays", "delayMinSlipDays", "deliveryModes", "earlierDateEmails", "fulfillmentMode", "holidayCountry", "holidayRegion", "safetyMarginDays", "shop", "terms", "termsVersion", "timezone", "updatedAt", "version", "workingDays") SELECT "closureDays", "cutoffTime", "defaultLeadTimeDays", "delayMinSlipDays", "deliveryModes", "earlierDateEmails", "fulfillmentMode", "holidayCountry", "holidayRegion", "safetyMarginDays", "shop", "terms", "termsVersion", "timezone", "updatedAt", "version", "workingDays" FROM "ShopSettings";
DROP TABLE "ShopSettings";
ALTER TABLE "new_ShopSettings" RENAME TO "ShopSettings";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Compensation_shop_orderId_idx" ON "Compensation"("shop", "orderId");

-- CreateIndex
CREATE UNIQUE INDEX "Compensation_shop_submissionKey_key" ON "Compensation"("shop", "submissionKey");
