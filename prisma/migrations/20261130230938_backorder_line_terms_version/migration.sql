-- AlterTable
ALTER TABLE "BackorderLine" ADD COLUMN "termsVersion" INTEGER;
