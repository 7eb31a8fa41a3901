-- CreateTable
CREATE TABLE "CatalogImportFile" (
    "id" TEXT NOT NULL,
    "staffUserId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "content" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CatalogImportFile_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "CatalogImportFile_staffUserId_key" ON "CatalogImportFile"("staffUserId");

-- AddForeignKey
ALTER TABLE "CatalogImportFile" ADD CONSTRAINT "CatalogImportFile_staffUserId_fkey" FOREIGN KEY ("staffUserId") REFERENCES "StaffUser"("id") ON DELETE CASCADE ON UPDATE CASCADE;
