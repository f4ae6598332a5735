-- AlterTable
ALTER TABLE "BackorderLine" ADD COLUMN     "customerId" TEXT;
