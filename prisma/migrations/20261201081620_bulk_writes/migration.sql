-- CreateTable
CREATE TABLE "DeferredOrderWrite" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderName" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "bulkWriteId" TEXT,
    "lineNumber" INTEGER,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "BulkWrite" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "operationId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "lines" INTEGER NOT NULL,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME
);

-- CreateIndex
CREATE INDEX "DeferredOrderWrite_shop_kind_bulkWriteId_createdAt_idx" ON "DeferredOrderWrite"("shop", "kind", "bulkWriteId", "createdAt");

-- CreateIndex
CREATE INDEX "DeferredOrderWrite_shop_bulkWriteId_lineNumber_idx" ON "DeferredOrderWrite"("shop", "bulkWriteId", "lineNumber");

-- CreateIndex
CREATE UNIQUE INDEX "DeferredOrderWrite_shop_orderId_kind_key_key" ON "DeferredOrderWrite"("shop", "orderId", "kind", "key");

-- CreateIndex
CREATE INDEX "BulkWrite_shop_status_idx" ON "BulkWrite"("shop", "status");
