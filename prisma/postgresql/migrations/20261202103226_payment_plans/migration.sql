-- CreateTable
CREATE TABLE "ShopPaymentSettings" (
    "shop" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'full',
    "checkoutType" TEXT,
    "checkoutPercent" INTEGER,
    "checkoutAmountMinor" INTEGER,
    "currency" TEXT,
    "balanceTrigger" TEXT,
    "balanceDueOn" TEXT,
    "texts" TEXT NOT NULL DEFAULT '{}',
    "checkoutLocale" TEXT NOT NULL DEFAULT 'en',
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ShopPaymentSettings_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "VariantPaymentOption" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "productId" TEXT NOT NULL,
    "kind" TEXT NOT NULL DEFAULT 'default',
    "checkoutType" TEXT,
    "checkoutPercent" INTEGER,
    "checkoutAmountMinor" INTEGER,
    "currency" TEXT,
    "balanceTrigger" TEXT,
    "balanceDueOn" TEXT,
    "attachedPlanId" TEXT,
    "syncError" TEXT,
    "syncedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VariantPaymentOption_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PaymentPlan" (
    "id" TEXT NOT NULL,
    "shop" TEXT NOT NULL,
    "optionKey" TEXT NOT NULL,
    "activeKey" TEXT,
    "kind" TEXT NOT NULL,
    "checkoutType" TEXT,
    "checkoutPercent" INTEGER,
    "checkoutAmountMinor" INTEGER,
    "currency" TEXT,
    "balanceTrigger" TEXT,
    "balanceDueOn" TEXT,
    "sellingPlanGroupId" TEXT,
    "sellingPlanId" TEXT,
    "syncedTexts" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "PaymentPlan_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "VariantPaymentOption_shop_attachedPlanId_idx" ON "VariantPaymentOption"("shop", "attachedPlanId");

-- CreateIndex
CREATE UNIQUE INDEX "VariantPaymentOption_shop_variantId_key" ON "VariantPaymentOption"("shop", "variantId");

-- CreateIndex
CREATE INDEX "PaymentPlan_shop_sellingPlanId_idx" ON "PaymentPlan"("shop", "sellingPlanId");

-- CreateIndex
CREATE INDEX "PaymentPlan_shop_optionKey_idx" ON "PaymentPlan"("shop", "optionKey");

-- CreateIndex
CREATE UNIQUE INDEX "PaymentPlan_shop_activeKey_key" ON "PaymentPlan"("shop", "activeKey");
