-- CreateTable
CREATE TABLE "FeedbackSurvey" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderName" TEXT NOT NULL,
    "customerEmail" TEXT,
    "customerLocale" TEXT NOT NULL DEFAULT 'en',
    "orderedAt" DATETIME NOT NULL,
    "fulfilledAt" DATETIME NOT NULL,
    "waitDays" INTEGER NOT NULL,
    "delayed" BOOLEAN NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "sendAt" DATETIME NOT NULL,
    "sentAt" DATETIME,
    "score" INTEGER,
    "dateAccurate" BOOLEAN,
    "comment" TEXT,
    "answeredAt" DATETIME,
    "answerUpdatedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "FeedbackOptOut" (
    "shop" TEXT NOT NULL,
    "emailHash" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("shop", "emailHash")
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
    "compensation" TEXT NOT NULL DEFAULT '{}',
    "feedback" TEXT NOT NULL DEFAULT '{}'
);
INSERT INTO "new_ShopSettings" ("cancelRequests", "closureDays", "compensation", "cutoffTime", "defaultLeadTimeDays", "delayMinSlipDays", "deliveryModes", "earlierDateEmails", "fulfillmentMode", "holidayCountry", "holidayRegion", "safetyMarginDays", "shop", "terms", "termsVersion", "timezone", "updatedAt", "version", "workingDays") SELECT "cancelRequests", "closureDays", "compensation", "cutoffTime", "defaultLeadTimeDays", "delayMinSlipDays", "deliveryModes", "earlierDateEmails", "fulfillmentMode", "holidayCountry", "holidayRegion", "safetyMarginDays", "shop", "terms", "termsVersion", "timezone", "updatedAt", "version", "workingDays" FROM "ShopSettings";
DROP TABLE "ShopSettings";
ALTER TABLE "new_ShopSettings" RENAME TO "ShopSettings";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "FeedbackSurvey_shop_answeredAt_idx" ON "FeedbackSurvey"("shop", "answeredAt");

-- CreateIndex
CREATE INDEX "FeedbackSurvey_shop_customerEmail_idx" ON "FeedbackSurvey"("shop", "customerEmail");

-- CreateIndex
CREATE UNIQUE INDEX "FeedbackSurvey_shop_orderId_key" ON "FeedbackSurvey"("shop", "orderId");
