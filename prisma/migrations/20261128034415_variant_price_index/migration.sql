-- CreateIndex
CREATE INDEX "Variant_priceCents_productId_idx" ON "Variant"("priceCents", "productId");
