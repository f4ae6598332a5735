-- DropIndex
DROP INDEX "BackorderLine_shop_orderedAt_idx";

-- DropIndex
DROP INDEX "BackorderLine_shop_promisedLatest_orderedAt_idx";

-- CreateIndex
CREATE INDEX "BackorderLine_shop_orderedAt_status_currency_quantity_unitPriceMinor_allocatedAt_promisedLatest_orderId_variantId_idx" ON "BackorderLine"("shop", "orderedAt", "status", "currency", "quantity", "unitPriceMinor", "allocatedAt", "promisedLatest", "orderId", "variantId");

-- CreateIndex
CREATE INDEX "BackorderLine_shop_promisedLatest_orderedAt_status_allocatedAt_idx" ON "BackorderLine"("shop", "promisedLatest", "orderedAt", "status", "allocatedAt");

-- CreateIndex
CREATE INDEX "BackorderLine_shop_allocatedAt_status_quantity_idx" ON "BackorderLine"("shop", "allocatedAt", "status", "quantity");

-- CreateIndex
CREATE INDEX "BackorderLine_shop_status_updatedAt_allocatedAt_quantity_idx" ON "BackorderLine"("shop", "status", "updatedAt", "allocatedAt", "quantity");

-- CreateIndex
CREATE INDEX "SupportCancellation_shop_status_completedAt_idx" ON "SupportCancellation"("shop", "status", "completedAt");
