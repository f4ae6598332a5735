-- AlterTable
ALTER TABLE "BackorderVariant" ADD COLUMN "inventoryItemId" TEXT;
ALTER TABLE "BackorderVariant" ADD COLUMN "inventoryUpdatedAt" DATETIME;

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 8,
    "runAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseOwner" TEXT,
    "leaseExpiresAt" DATETIME,
    "lastError" TEXT,
    "uniqueKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME
);

-- CreateTable
CREATE TABLE "NotifySubscription" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "status" TEXT NOT NULL DEFAULT 'active',
    "unsubscribeToken" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "notifiedAt" DATETIME
);

-- CreateTable
CREATE TABLE "RateLimitWindow" (
    "shop" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "windowStart" DATETIME NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("shop", "key", "windowStart")
);

-- CreateTable
CREATE TABLE "EmailOutbox" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "toEmail" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "subject" TEXT NOT NULL,
    "html" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseOwner" TEXT,
    "leaseExpiresAt" DATETIME,
    "lastError" TEXT,
    "messageId" TEXT,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "EmailTemplate" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
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
    "status" TEXT NOT NULL DEFAULT 'waiting',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);
INSERT INTO "new_BackorderLine" ("createdAt", "customerEmail", "customerLocale", "id", "lineItemId", "orderId", "orderName", "orderedAt", "promisedLatest", "quantity", "shop", "status", "updatedAt", "variantId") SELECT "createdAt", "customerEmail", "customerLocale", "id", "lineItemId", "orderId", "orderName", "orderedAt", "promisedLatest", "quantity", "shop", "status", "updatedAt", "variantId" FROM "BackorderLine";
DROP TABLE "BackorderLine";
ALTER TABLE "new_BackorderLine" RENAME TO "BackorderLine";
CREATE INDEX "BackorderLine_shop_variantId_status_orderedAt_idx" ON "BackorderLine"("shop", "variantId", "status", "orderedAt");
CREATE UNIQUE INDEX "BackorderLine_shop_lineItemId_key" ON "BackorderLine"("shop", "lineItemId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Job_status_runAt_idx" ON "Job"("status", "runAt");

-- CreateIndex
CREATE INDEX "Job_shop_status_idx" ON "Job"("shop", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Job_shop_uniqueKey_key" ON "Job"("shop", "uniqueKey");

-- CreateIndex
CREATE UNIQUE INDEX "NotifySubscription_unsubscribeToken_key" ON "NotifySubscription"("unsubscribeToken");

-- CreateIndex
CREATE INDEX "NotifySubscription_shop_variantId_status_createdAt_idx" ON "NotifySubscription"("shop", "variantId", "status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "NotifySubscription_shop_variantId_email_key" ON "NotifySubscription"("shop", "variantId", "email");

-- CreateIndex
CREATE INDEX "EmailOutbox_status_nextAttemptAt_idx" ON "EmailOutbox"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "EmailOutbox_shop_status_createdAt_idx" ON "EmailOutbox"("shop", "status", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "EmailOutbox_shop_dedupeKey_key" ON "EmailOutbox"("shop", "dedupeKey");

-- CreateIndex
CREATE UNIQUE INDEX "EmailTemplate_shop_kind_locale_key" ON "EmailTemplate"("shop", "kind", "locale");

-- CreateIndex
CREATE INDEX "BackorderVariant_shop_inventoryItemId_idx" ON "BackorderVariant"("shop", "inventoryItemId");
