-- AlterTable
ALTER TABLE "BackorderLine" ADD COLUMN "currency" TEXT;
ALTER TABLE "BackorderLine" ADD COLUMN "unitPriceMinor" INTEGER;

-- CreateIndex
CREATE INDEX "IncomingBatch_shop_receivedOn_idx" ON "IncomingBatch"("shop", "receivedOn");

-- CreateIndex
CREATE INDEX "BackorderLine_shop_orderedAt_idx" ON "BackorderLine"("shop", "orderedAt");

-- CreateIndex
CREATE INDEX "BackorderLine_shop_status_orderedAt_idx" ON "BackorderLine"("shop", "status", "orderedAt");

-- CreateIndex
CREATE INDEX "BackorderLine_shop_promisedLatest_orderedAt_idx" ON "BackorderLine"("shop", "promisedLatest", "orderedAt");
