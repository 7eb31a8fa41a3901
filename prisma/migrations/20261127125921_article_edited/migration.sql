-- AlterTable
ALTER TABLE "Article" ADD COLUMN     "editedAt" TIMESTAMP(3);
