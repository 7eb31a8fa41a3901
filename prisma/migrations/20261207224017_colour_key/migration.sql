-- "Colour charcoal, in stock" (issue 13): counting it read every product in the colour (about 750 at 10,000
-- products) and probed its variants one product at a time for a charcoal one in stock. Here the variants
-- that answer it are an index of their own: Variant(colourKey, productId) for those with stock, so the count
-- reads about 1,200 index entries and no Variant row. colourKey is lower(colour), what the filter compares
-- (a colour is shown as written: "Charcoal"). A stock change writes an entry to it while stock stays above
-- zero, as to Variant's other indexes (stock is indexed already, so such an update was never a HOT one).
-- colourKey is set by a row trigger on every insert of a variant and every change of its colour, whoever
-- writes it (the loader's bulk INSERT, the CSV import, the staff form): the app never writes it;
-- lib/catalog/queries.ts reads it.

-- AlterTable
ALTER TABLE "Variant" ADD COLUMN     "colourKey" TEXT NOT NULL DEFAULT '';

CREATE FUNCTION variant_colour_key() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."colourKey" := lower(NEW."colour");
  RETURN NEW;
END
$$;

CREATE TRIGGER variant_colour_key BEFORE INSERT OR UPDATE OF "colour", "colourKey" ON "Variant"
  FOR EACH ROW EXECUTE FUNCTION variant_colour_key();

-- The variants already there (before the index, so the update writes no index entries).
UPDATE "Variant" SET "colourKey" = lower("colour");

-- CreateIndex
CREATE INDEX "Variant_colourKey_productId_idx" ON "Variant"("colourKey", "productId") WHERE (stock > 0);
