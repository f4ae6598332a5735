-- DropIndex
DROP INDEX "WebhookEvent_shop_receivedAt_idx";

-- DropIndex
DROP INDEX "Job_shop_status_updatedAt_idx";

-- DropIndex
DROP INDEX "Job_shop_updatedAt_idx";

-- DropIndex
DROP INDEX "DataRequest_shop_createdAt_idx";

-- CreateIndex
CREATE INDEX "WebhookEvent_shop_receivedAt_id_idx" ON "WebhookEvent"("shop", "receivedAt", "id");

-- CreateIndex
CREATE INDEX "Job_shop_status_updatedAt_id_idx" ON "Job"("shop", "status", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Job_shop_updatedAt_id_idx" ON "Job"("shop", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "NotifySubscription_shop_variantId_createdAt_id_idx" ON "NotifySubscription"("shop", "variantId", "createdAt", "id");

-- CreateIndex
CREATE INDEX "DataRequest_shop_createdAt_id_idx" ON "DataRequest"("shop", "createdAt", "id");
