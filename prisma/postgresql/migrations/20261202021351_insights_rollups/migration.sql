-- CreateTable
CREATE TABLE "InsightsRollupState" (
    "shop" TEXT NOT NULL,
    "timeZone" TEXT NOT NULL,
    "builtAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "InsightsRollupState_pkey" PRIMARY KEY ("shop")
);

-- CreateTable
CREATE TABLE "InsightsTzSpan" (
    "shop" TEXT NOT NULL,
    "startsAt" TEXT NOT NULL,
    "offsetMinutes" INTEGER NOT NULL,

    CONSTRAINT "InsightsTzSpan_pkey" PRIMARY KEY ("shop","startsAt")
);

-- CreateTable
CREATE TABLE "InsightsLineDay" (
    "shop" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "lines" INTEGER NOT NULL,
    "units" INTEGER NOT NULL,
    "valueMinor" INTEGER NOT NULL,
    "unpricedLines" INTEGER NOT NULL,

    CONSTRAINT "InsightsLineDay_pkey" PRIMARY KEY ("shop","day","status","currency")
);

-- CreateTable
CREATE TABLE "InsightsOrderDay" (
    "shop" TEXT NOT NULL,
    "orderId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "liveLines" INTEGER NOT NULL,

    CONSTRAINT "InsightsOrderDay_pkey" PRIMARY KEY ("shop","orderId","day")
);

-- CreateTable
CREATE TABLE "InsightsDay" (
    "shop" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "orders" INTEGER NOT NULL DEFAULT 0,
    "endedUnits" INTEGER NOT NULL DEFAULT 0,
    "delayNotices" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "InsightsDay_pkey" PRIMARY KEY ("shop","day")
);

-- CreateTable
CREATE TABLE "InsightsWaitDay" (
    "shop" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "waitDays" INTEGER NOT NULL,
    "lines" INTEGER NOT NULL,
    "waitMs" INTEGER NOT NULL,

    CONSTRAINT "InsightsWaitDay_pkey" PRIMARY KEY ("shop","day","waitDays")
);

-- CreateTable
CREATE TABLE "InsightsWaitHour" (
    "shop" TEXT NOT NULL,
    "hour" INTEGER NOT NULL,
    "day" TEXT NOT NULL,
    "lines" INTEGER NOT NULL,

    CONSTRAINT "InsightsWaitHour_pkey" PRIMARY KEY ("shop","hour","day")
);

-- CreateTable
CREATE TABLE "InsightsWaitMonth" (
    "shop" TEXT NOT NULL,
    "month" TEXT NOT NULL,
    "waitDays" INTEGER NOT NULL,
    "lines" INTEGER NOT NULL,
    "waitMs" INTEGER NOT NULL,

    CONSTRAINT "InsightsWaitMonth_pkey" PRIMARY KEY ("shop","month","waitDays")
);

-- CreateTable
CREATE TABLE "InsightsWaitHourMonth" (
    "shop" TEXT NOT NULL,
    "hour" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "lines" INTEGER NOT NULL,

    CONSTRAINT "InsightsWaitHourMonth_pkey" PRIMARY KEY ("shop","hour","month")
);

-- CreateTable
CREATE TABLE "InsightsPromiseDay" (
    "shop" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "promisedLatest" TEXT NOT NULL,
    "onTime" INTEGER NOT NULL,
    "lateReady" INTEGER NOT NULL,
    "waiting" INTEGER NOT NULL,

    CONSTRAINT "InsightsPromiseDay_pkey" PRIMARY KEY ("shop","day","promisedLatest")
);

-- CreateTable
CREATE TABLE "InsightsWaiting" (
    "shop" TEXT NOT NULL,
    "variantId" TEXT NOT NULL,
    "currency" TEXT NOT NULL,
    "lines" INTEGER NOT NULL,
    "units" INTEGER NOT NULL,
    "valueMinor" INTEGER NOT NULL,
    "unpricedLines" INTEGER NOT NULL,

    CONSTRAINT "InsightsWaiting_pkey" PRIMARY KEY ("shop","variantId","currency")
);
