-- AlterTable
ALTER TABLE "BackorderLine" ADD COLUMN "estimateEarliest" TEXT;
ALTER TABLE "BackorderLine" ADD COLUMN "estimateLatest" TEXT;
ALTER TABLE "BackorderLine" ADD COLUMN "manualAt" DATETIME;
ALTER TABLE "BackorderLine" ADD COLUMN "manualBy" TEXT;
ALTER TABLE "BackorderLine" ADD COLUMN "manualEarliest" TEXT;
ALTER TABLE "BackorderLine" ADD COLUMN "manualLatest" TEXT;
ALTER TABLE "BackorderLine" ADD COLUMN "manualReason" TEXT;
ALTER TABLE "BackorderLine" ADD COLUMN "manualSupplyKey" TEXT;

-- CreateTable
CREATE TABLE "OrderEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL DEFAULT 'system',
    "data" TEXT NOT NULL DEFAULT '{}',
    "emailId" TEXT
);

-- CreateTable
CREATE TABLE "SupportCase" (
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
    "assignee" TEXT,
    "lastContactAt" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "OrderEvent_shop_orderId_at_idx" ON "OrderEvent"("shop", "orderId", "at");

-- CreateIndex
CREATE INDEX "SupportCase_shop_status_daysLate_idx" ON "SupportCase"("shop", "status", "daysLate");

-- CreateIndex
CREATE INDEX "SupportCase_shop_state_daysLate_idx" ON "SupportCase"("shop", "state", "daysLate");

-- CreateIndex
CREATE INDEX "SupportCase_shop_daysLate_orderedAt_idx" ON "SupportCase"("shop", "daysLate", "orderedAt");

-- CreateIndex
CREATE INDEX "SupportCase_shop_customerEmail_idx" ON "SupportCase"("shop", "customerEmail");

-- CreateIndex
CREATE INDEX "SupportCase_shop_orderName_idx" ON "SupportCase"("shop", "orderName");

-- CreateIndex
CREATE INDEX "SupportCase_shop_assignee_idx" ON "SupportCase"("shop", "assignee");

-- CreateIndex
CREATE UNIQUE INDEX "SupportCase_shop_orderId_key" ON "SupportCase"("shop", "orderId");
