-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "isOnline" BOOLEAN NOT NULL DEFAULT false,
    "scope" TEXT,
    "expires" TIMESTAMP(3),
    "accessToken" TEXT NOT NULL,
    "userId" BIGINT,
    "firstName" TEXT,
    "lastName" TEXT,
    "email" TEXT,
    "accountOwner" BOOLEAN NOT NULL DEFAULT false,
    "locale" TEXT,
    "collaborator" BOOLEAN DEFAULT false,
    "emailVerified" BOOLEAN DEFAULT false,
    "refreshToken" TEXT,
    "refreshTokenExpires" TIMESTAMP(3),

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Shop" (
    "shop" TEXT NOT NULL,
    "installedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "uninstalledAt" TIMESTAMP(3),
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Shop_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "WebhookEvent" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "eventId" TEXT NOT NULL,
    "topic" TEXT NOT NULL,
    "webhookId" TEXT,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ShopSettings" (
    "shop" TEXT NOT NULL,
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
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "compensation" TEXT NOT NULL DEFAULT '{}',
    "feedback" TEXT NOT NULL DEFAULT '{}',

    CONSTRAINT "ShopSettings_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "BackorderVariant" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "productTitle" TEXT NOT NULL DEFAULT '',
    "variantTitle" TEXT NOT NULL DEFAULT '',
    "sku" TEXT,
    "mode" TEXT NOT NULL DEFAULT 'off',
    "cap" INTEGER,
    "leadTimeDays" INTEGER,
    "capacityPerWeek" INTEGER,
    "startsAt" TIMESTAMP(3),
    "endsAt" TIMESTAMP(3),
    "messageEn" TEXT,
    "messageFr" TEXT,
    "available" INTEGER NOT NULL DEFAULT 0,
    "inventoryItemId" TEXT,
    "inventoryUpdatedAt" TIMESTAMP(3),
    "syncedPolicy" TEXT,
    "syncedSummary" TEXT,
    "syncedAt" TIMESTAMP(3),
    "syncError" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "atRisk" BOOLEAN NOT NULL DEFAULT false,
    "derivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BackorderVariant_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IncomingBatch" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "backorderVariantId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "expectedOn" TEXT NOT NULL,
    "receivedOn" TEXT,
    "supplier" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "submissionKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IncomingBatch_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BackorderLine" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderName" TEXT NOT NULL,
    "lineItemId" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "customerEmail" TEXT,
    "customerLocale" TEXT NOT NULL DEFAULT 'en',
    "orderedAt" TIMESTAMP(3) NOT NULL,
    "promisedLatest" TEXT,
    "notifiedLatest" TEXT,
    "termsVersion" INTEGER,
    "customerName" TEXT,
    "productTitle" TEXT NOT NULL DEFAULT '',
    "variantTitle" TEXT NOT NULL DEFAULT '',
    "fulfillmentOrderId" TEXT,
    "holdId" TEXT,
    "orderUpdatedAt" TIMESTAMP(3),
    "allocatedAt" TIMESTAMP(3),
    "overCap" BOOLEAN NOT NULL DEFAULT false,
    "status" TEXT NOT NULL DEFAULT 'waiting',
    "estimateEarliest" TEXT,
    "estimateLatest" TEXT,
    "manualEarliest" TEXT,
    "manualLatest" TEXT,
    "manualReason" TEXT,
    "manualBy" TEXT,
    "manualAt" TIMESTAMP(3),
    "manualSupplyKey" TEXT,
    "unitPriceMinor" INTEGER,
    "currency" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BackorderLine_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Job" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 8,
    "runAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseOwner" TEXT,
    "leaseExpiresAt" TIMESTAMP(3),
    "lastError" TEXT,
    "uniqueKey" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3),
    "adminCalls" INTEGER NOT NULL DEFAULT 0,
    "adminPointsRequested" INTEGER NOT NULL DEFAULT 0,
    "adminPointsUsed" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "Job_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NotifySubscription" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "locale" TEXT NOT NULL DEFAULT 'en',
    "status" TEXT NOT NULL DEFAULT 'active',
    "unsubscribeToken" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "notifiedAt" TIMESTAMP(3),

    CONSTRAINT "NotifySubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitWindow" (
    "shop" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RateLimitWindow_pkey" PRIMARY KEY ("shop","key","windowStart")
);

-- CreateTable
CREATE TABLE "EmailOutbox" (
    "id" TEXT NOT NULL,
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
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseOwner" TEXT,
    "leaseExpiresAt" TIMESTAMP(3),
    "lastError" TEXT,
    "messageId" TEXT,
    "sentAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailOutbox_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DataRequest" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "customerEmail" TEXT,
    "export" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DataRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EmailTemplate" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EmailTemplate_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrderEvent" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor" TEXT NOT NULL DEFAULT 'system',
    "data" TEXT NOT NULL DEFAULT '{}',
    "emailId" TEXT,

    CONSTRAINT "OrderEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupportCase" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderName" TEXT NOT NULL,
    "customerName" TEXT,
    "customerEmail" TEXT,
    "customerLocale" TEXT NOT NULL DEFAULT 'en',
    "orderedAt" TIMESTAMP(3) NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "state" TEXT NOT NULL DEFAULT 'waiting',
    "itemsOwed" INTEGER NOT NULL DEFAULT 0,
    "promisedLatest" TEXT,
    "estimateLatest" TEXT,
    "daysLate" INTEGER NOT NULL DEFAULT 0,
    "productIds" TEXT NOT NULL DEFAULT '|',
    "products" TEXT NOT NULL DEFAULT '',
    "suppliers" TEXT NOT NULL DEFAULT '|',
    "openComplaintAt" TIMESTAMP(3),
    "assignee" TEXT,
    "lastContactAt" TIMESTAMP(3),
    "compensatedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SupportCase_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Compensation" (
    "id" TEXT NOT NULL,
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
    "expiresAt" TIMESTAMP(3),
    "note" TEXT,
    "actor" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "givenAt" TIMESTAMP(3),

    CONSTRAINT "Compensation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupportCancellation" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "lineIds" TEXT NOT NULL DEFAULT '[]',
    "source" TEXT NOT NULL,
    "requestedBy" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "plan" TEXT,
    "amount" TEXT,
    "currency" TEXT,
    "refundId" TEXT,
    "error" TEXT,
    "decidedBy" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "completedAt" TIMESTAMP(3),
    "followedUpAt" TIMESTAMP(3),

    CONSTRAINT "SupportCancellation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CustomerChoice" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "choice" TEXT NOT NULL,
    "lineIds" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "answeredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CustomerChoice_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SupportCaseTerm" (
    "shop" TEXT NOT NULL,
    "term" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,

    CONSTRAINT "SupportCaseTerm_pkey" PRIMARY KEY ("shop","term","caseId")
);

-- CreateTable
CREATE TABLE "DeferredOrderWrite" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderName" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "bulkWriteId" TEXT,
    "lineNumber" INTEGER,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "DeferredOrderWrite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BulkWrite" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "operationId" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'running',
    "lines" INTEGER NOT NULL,
    "error" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "BulkWrite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeedbackSurvey" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "orderName" TEXT NOT NULL,
    "customerEmail" TEXT,
    "customerLocale" TEXT NOT NULL DEFAULT 'en',
    "orderedAt" TIMESTAMP(3) NOT NULL,
    "fulfilledAt" TIMESTAMP(3) NOT NULL,
    "waitDays" INTEGER NOT NULL,
    "delayed" BOOLEAN NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'scheduled',
    "sendAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),
    "score" INTEGER,
    "dateAccurate" BOOLEAN,
    "comment" TEXT,
    "answeredAt" TIMESTAMP(3),
    "answerUpdatedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FeedbackSurvey_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FeedbackOptOut" (
    "shop" TEXT NOT NULL,
    "emailHash" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "FeedbackOptOut_pkey" PRIMARY KEY ("shop","emailHash")
);

-- CreateIndex
CREATE INDEX "Session_shop_idx" ON "Session"("shop");

-- CreateIndex
CREATE INDEX "WebhookEvent_shop_topic_idx" ON "WebhookEvent"("shop", "topic");

-- CreateIndex
CREATE INDEX "WebhookEvent_shop_receivedAt_id_idx" ON "WebhookEvent"("shop", "receivedAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookEvent_shop_eventId_key" ON "WebhookEvent"("shop", "eventId");

-- CreateIndex
CREATE INDEX "BackorderVariant_shop_productId_idx" ON "BackorderVariant"("shop", "productId");

-- CreateIndex
CREATE INDEX "BackorderVariant_shop_mode_productId_idx" ON "BackorderVariant"("shop", "mode", "productId");

-- CreateIndex
CREATE INDEX "BackorderVariant_shop_atRisk_productId_idx" ON "BackorderVariant"("shop", "atRisk", "productId");

-- CreateIndex
CREATE INDEX "BackorderVariant_shop_derivedAt_idx" ON "BackorderVariant"("shop", "derivedAt");

-- CreateIndex
CREATE INDEX "BackorderVariant_shop_inventoryItemId_idx" ON "BackorderVariant"("shop", "inventoryItemId");

-- CreateIndex
CREATE INDEX "BackorderVariant_shop_productTitle_productId_idx" ON "BackorderVariant"("shop", "productTitle", "productId");

-- CreateIndex
CREATE UNIQUE INDEX "BackorderVariant_shop_variantId_key" ON "BackorderVariant"("shop", "variantId");

-- CreateIndex
CREATE INDEX "IncomingBatch_shop_backorderVariantId_idx" ON "IncomingBatch"("shop", "backorderVariantId");

-- CreateIndex
CREATE INDEX "IncomingBatch_shop_receivedOn_idx" ON "IncomingBatch"("shop", "receivedOn");

-- CreateIndex
CREATE INDEX "IncomingBatch_shop_supplier_idx" ON "IncomingBatch"("shop", "supplier");

-- CreateIndex
CREATE INDEX "IncomingBatch_backorderVariantId_idx" ON "IncomingBatch"("backorderVariantId");

-- CreateIndex
CREATE UNIQUE INDEX "IncomingBatch_shop_submissionKey_key" ON "IncomingBatch"("shop", "submissionKey");

-- CreateIndex
CREATE INDEX "BackorderLine_shop_variantId_status_orderedAt_idx" ON "BackorderLine"("shop", "variantId", "status", "orderedAt");

-- CreateIndex
CREATE INDEX "BackorderLine_shop_orderId_idx" ON "BackorderLine"("shop", "orderId");

-- CreateIndex
CREATE INDEX "BackorderLine_shop_orderedAt_status_currency_quantity_unitP_idx" ON "BackorderLine"("shop", "orderedAt", "status", "currency", "quantity", "unitPriceMinor", "allocatedAt", "promisedLatest", "orderId", "variantId");

-- CreateIndex
CREATE INDEX "BackorderLine_shop_status_orderedAt_idx" ON "BackorderLine"("shop", "status", "orderedAt");

-- CreateIndex
CREATE INDEX "BackorderLine_shop_promisedLatest_orderedAt_status_allocate_idx" ON "BackorderLine"("shop", "promisedLatest", "orderedAt", "status", "allocatedAt");

-- CreateIndex
CREATE INDEX "BackorderLine_shop_allocatedAt_status_quantity_idx" ON "BackorderLine"("shop", "allocatedAt", "status", "quantity");

-- CreateIndex
CREATE INDEX "BackorderLine_shop_status_updatedAt_allocatedAt_quantity_idx" ON "BackorderLine"("shop", "status", "updatedAt", "allocatedAt", "quantity");

-- CreateIndex
CREATE UNIQUE INDEX "BackorderLine_shop_lineItemId_key" ON "BackorderLine"("shop", "lineItemId");

-- CreateIndex
CREATE INDEX "Job_status_runAt_idx" ON "Job"("status", "runAt");

-- CreateIndex
CREATE INDEX "Job_shop_status_updatedAt_id_idx" ON "Job"("shop", "status", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Job_shop_updatedAt_id_idx" ON "Job"("shop", "updatedAt", "id");

-- CreateIndex
CREATE INDEX "Job_shop_kind_createdAt_id_idx" ON "Job"("shop", "kind", "createdAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Job_shop_uniqueKey_key" ON "Job"("shop", "uniqueKey");

-- CreateIndex
CREATE UNIQUE INDEX "NotifySubscription_unsubscribeToken_key" ON "NotifySubscription"("unsubscribeToken");

-- CreateIndex
CREATE INDEX "NotifySubscription_shop_variantId_status_createdAt_idx" ON "NotifySubscription"("shop", "variantId", "status", "createdAt");

-- CreateIndex
CREATE INDEX "NotifySubscription_shop_variantId_createdAt_id_idx" ON "NotifySubscription"("shop", "variantId", "createdAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "NotifySubscription_shop_variantId_email_key" ON "NotifySubscription"("shop", "variantId", "email");

-- CreateIndex
CREATE INDEX "EmailOutbox_status_nextAttemptAt_idx" ON "EmailOutbox"("status", "nextAttemptAt");

-- CreateIndex
CREATE INDEX "EmailOutbox_shop_status_createdAt_idx" ON "EmailOutbox"("shop", "status", "createdAt");

-- CreateIndex
CREATE INDEX "EmailOutbox_shop_createdAt_id_idx" ON "EmailOutbox"("shop", "createdAt", "id");

-- CreateIndex
CREATE INDEX "EmailOutbox_shop_toEmail_createdAt_id_idx" ON "EmailOutbox"("shop", "toEmail", "createdAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "EmailOutbox_shop_dedupeKey_key" ON "EmailOutbox"("shop", "dedupeKey");

-- CreateIndex
CREATE INDEX "DataRequest_shop_createdAt_id_idx" ON "DataRequest"("shop", "createdAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "DataRequest_shop_requestId_key" ON "DataRequest"("shop", "requestId");

-- CreateIndex
CREATE UNIQUE INDEX "EmailTemplate_shop_kind_locale_key" ON "EmailTemplate"("shop", "kind", "locale");

-- CreateIndex
CREATE INDEX "OrderEvent_shop_orderId_at_idx" ON "OrderEvent"("shop", "orderId", "at");

-- CreateIndex
CREATE INDEX "SupportCase_shop_status_daysLate_orderedAt_id_idx" ON "SupportCase"("shop", "status", "daysLate" DESC, "orderedAt", "id");

-- CreateIndex
CREATE INDEX "SupportCase_shop_state_daysLate_orderedAt_id_idx" ON "SupportCase"("shop", "state", "daysLate" DESC, "orderedAt", "id");

-- CreateIndex
CREATE INDEX "SupportCase_shop_daysLate_orderedAt_id_idx" ON "SupportCase"("shop", "daysLate" DESC, "orderedAt", "id");

-- CreateIndex
CREATE INDEX "SupportCase_shop_orderedAt_id_idx" ON "SupportCase"("shop", "orderedAt", "id");

-- CreateIndex
CREATE INDEX "SupportCase_shop_openComplaintAt_idx" ON "SupportCase"("shop", "openComplaintAt");

-- CreateIndex
CREATE INDEX "SupportCase_shop_promisedLatest_idx" ON "SupportCase"("shop", "promisedLatest");

-- CreateIndex
CREATE INDEX "SupportCase_shop_customerEmail_idx" ON "SupportCase"("shop", "customerEmail");

-- CreateIndex
CREATE INDEX "SupportCase_shop_orderName_idx" ON "SupportCase"("shop", "orderName");

-- CreateIndex
CREATE INDEX "SupportCase_shop_assignee_idx" ON "SupportCase"("shop", "assignee");

-- CreateIndex
CREATE UNIQUE INDEX "SupportCase_shop_orderId_key" ON "SupportCase"("shop", "orderId");

-- CreateIndex
CREATE INDEX "Compensation_shop_orderId_idx" ON "Compensation"("shop", "orderId");

-- CreateIndex
CREATE UNIQUE INDEX "Compensation_shop_submissionKey_key" ON "Compensation"("shop", "submissionKey");

-- CreateIndex
CREATE INDEX "SupportCancellation_shop_orderId_status_idx" ON "SupportCancellation"("shop", "orderId", "status");

-- CreateIndex
CREATE INDEX "SupportCancellation_shop_status_createdAt_idx" ON "SupportCancellation"("shop", "status", "createdAt");

-- CreateIndex
CREATE INDEX "SupportCancellation_shop_status_completedAt_idx" ON "SupportCancellation"("shop", "status", "completedAt");

-- CreateIndex
CREATE UNIQUE INDEX "SupportCancellation_shop_key_key" ON "SupportCancellation"("shop", "key");

-- CreateIndex
CREATE INDEX "CustomerChoice_shop_orderId_idx" ON "CustomerChoice"("shop", "orderId");

-- CreateIndex
CREATE UNIQUE INDEX "CustomerChoice_shop_tokenHash_key" ON "CustomerChoice"("shop", "tokenHash");

-- CreateIndex
CREATE INDEX "SupportCaseTerm_caseId_term_idx" ON "SupportCaseTerm"("caseId", "term");

-- CreateIndex
CREATE INDEX "DeferredOrderWrite_shop_kind_bulkWriteId_createdAt_idx" ON "DeferredOrderWrite"("shop", "kind", "bulkWriteId", "createdAt");

-- CreateIndex
CREATE INDEX "DeferredOrderWrite_shop_bulkWriteId_lineNumber_idx" ON "DeferredOrderWrite"("shop", "bulkWriteId", "lineNumber");

-- CreateIndex
CREATE UNIQUE INDEX "DeferredOrderWrite_shop_orderId_kind_key_key" ON "DeferredOrderWrite"("shop", "orderId", "kind", "key");

-- CreateIndex
CREATE INDEX "BulkWrite_shop_status_idx" ON "BulkWrite"("shop", "status");

-- CreateIndex
CREATE INDEX "FeedbackSurvey_shop_answeredAt_idx" ON "FeedbackSurvey"("shop", "answeredAt");

-- CreateIndex
CREATE INDEX "FeedbackSurvey_shop_customerEmail_idx" ON "FeedbackSurvey"("shop", "customerEmail");

-- CreateIndex
CREATE UNIQUE INDEX "FeedbackSurvey_shop_orderId_key" ON "FeedbackSurvey"("shop", "orderId");

-- AddForeignKey
ALTER TABLE "IncomingBatch" ADD CONSTRAINT "IncomingBatch_backorderVariantId_fkey" FOREIGN KEY ("backorderVariantId") REFERENCES "BackorderVariant"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SupportCaseTerm" ADD CONSTRAINT "SupportCaseTerm_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "SupportCase"("id") ON DELETE CASCADE ON UPDATE CASCADE;
