-- CreateIndex
CREATE INDEX "BackorderLine_shop_allocatedAt_idx" ON "BackorderLine"("shop", "allocatedAt");

-- CreateIndex
CREATE INDEX "BackorderLine_shop_status_updatedAt_idx" ON "BackorderLine"("shop", "status", "updatedAt");

-- CreateIndex
CREATE INDEX "SupportCancellation_shop_status_completedAt_idx" ON "SupportCancellation"("shop", "status", "completedAt");
