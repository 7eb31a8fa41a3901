-- AlterTable
ALTER TABLE "Refund" ADD COLUMN     "requestKey" TEXT,
ADD COLUMN     "uncertain" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE UNIQUE INDEX "Refund_requestKey_key" ON "Refund"("requestKey");
