-- CreateTable
CREATE TABLE "OrderBalance" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderName" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "totalMinor" INTEGER NOT NULL,
    "paidMinor" INTEGER NOT NULL,
    "outstandingMinor" INTEGER NOT NULL,
    "planValueMinor" INTEGER NOT NULL,
    "refundedMinor" INTEGER NOT NULL DEFAULT 0,
    "termsType" TEXT NOT NULL,
    "dueAt" DATETIME,
    "paymentScheduleId" TEXT,
    "mandateId" TEXT,
    "status" TEXT NOT NULL DEFAULT 'owed',
    "chargeKey" TEXT,
    "chargeMinor" INTEGER,
    "paymentReferenceId" TEXT,
    "chargedAt" DATETIME,
    "collectedAt" DATETIME,
    "failedAt" DATETIME,
    "failureMessage" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "OrderBalanceLine" (
    "balanceId" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "lineItemId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "unitPriceMinor" INTEGER NOT NULL,
    "sellingPlanId" TEXT,

    PRIMARY KEY ("balanceId", "lineItemId"),
    CONSTRAINT "OrderBalanceLine_balanceId_fkey" FOREIGN KEY ("balanceId") REFERENCES "OrderBalance" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "OrderBalance_shop_status_dueAt_idx" ON "OrderBalance"("shop", "status", "dueAt");

-- CreateIndex
CREATE INDEX "OrderBalance_shop_createdAt_idx" ON "OrderBalance"("shop", "createdAt");

-- CreateIndex
CREATE INDEX "OrderBalance_shop_collectedAt_idx" ON "OrderBalance"("shop", "collectedAt");

-- CreateIndex
CREATE UNIQUE INDEX "OrderBalance_shop_orderId_key" ON "OrderBalance"("shop", "orderId");

-- CreateIndex
CREATE INDEX "OrderBalanceLine_shop_lineItemId_idx" ON "OrderBalanceLine"("shop", "lineItemId");
