-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Job" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "shop" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "payload" TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL DEFAULT 'queued',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "maxAttempts" INTEGER NOT NULL DEFAULT 8,
    "runAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leaseOwner" TEXT,
    "leaseExpiresAt" DATETIME,
    "lastError" TEXT,
    "uniqueKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "finishedAt" DATETIME,
    "adminCalls" INTEGER NOT NULL DEFAULT 0,
    "adminPointsRequested" INTEGER NOT NULL DEFAULT 0,
    "adminPointsUsed" INTEGER NOT NULL DEFAULT 0
);
INSERT INTO "new_Job" ("attempts", "createdAt", "finishedAt", "id", "kind", "lastError", "leaseExpiresAt", "leaseOwner", "maxAttempts", "payload", "runAt", "shop", "status", "uniqueKey", "updatedAt") SELECT "attempts", "createdAt", "finishedAt", "id", "kind", "lastError", "leaseExpiresAt", "leaseOwner", "maxAttempts", "payload", "runAt", "shop", "status", "uniqueKey", "updatedAt" FROM "Job";
DROP TABLE "Job";
ALTER TABLE "new_Job" RENAME TO "Job";
CREATE INDEX "Job_status_runAt_idx" ON "Job"("status", "runAt");
CREATE INDEX "Job_shop_status_idx" ON "Job"("shop", "status");
CREATE UNIQUE INDEX "Job_shop_uniqueKey_key" ON "Job"("shop", "uniqueKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
