-- What a search with no other filter reads (issue 13): the active products' id, slug and two search vectors,
-- and nothing else. A Product row is wide (the description, the care text, the prices, the colours: about
-- five a block at 10,000 products), so a search matching a thousand products read a thousand blocks twice,
-- once to count and once to rank the title matches. Here about twenty rows share a block. The vectors are
-- copied as they are, weights and positions included, so ts_rank ranks as it did on Product.
-- Kept by a row trigger on Product (an active product with its vectors is in it; any other is not; a deleted
-- product goes by its foreign key). The app never writes it; lib/catalog/queries.ts reads it.

-- CreateTable
CREATE TABLE "ProductSearch" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "searchVector" tsvector NOT NULL,
    "titleVector" tsvector NOT NULL,

    CONSTRAINT "ProductSearch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ProductSearch_searchVector_idx" ON "ProductSearch" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "ProductSearch_titleVector_idx" ON "ProductSearch" USING GIN ("titleVector");

-- AddForeignKey
ALTER TABLE "ProductSearch" ADD CONSTRAINT "ProductSearch_id_fkey" FOREIGN KEY ("id") REFERENCES "Product"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE FUNCTION product_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."status" = 'active' AND NEW."searchVector" IS NOT NULL AND NEW."titleVector" IS NOT NULL THEN
    INSERT INTO "ProductSearch" ("id", "slug", "searchVector", "titleVector")
      VALUES (NEW."id", NEW."slug", NEW."searchVector", NEW."titleVector")
      ON CONFLICT ("id") DO UPDATE SET "slug" = EXCLUDED."slug", "searchVector" = EXCLUDED."searchVector", "titleVector" = EXCLUDED."titleVector";
  ELSE
    DELETE FROM "ProductSearch" WHERE "id" = NEW."id";
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER product_search_insert AFTER INSERT ON "Product"
  FOR EACH ROW EXECUTE FUNCTION product_search_sync();

-- Only when what it copies changed: a stock or price write elsewhere, or a product's other fields, cost nothing here.
CREATE TRIGGER product_search_update AFTER UPDATE OF "id", "status", "slug", "searchVector", "titleVector" ON "Product"
  FOR EACH ROW
  WHEN ((OLD."id", OLD."status", OLD."slug", OLD."searchVector", OLD."titleVector") IS DISTINCT FROM (NEW."id", NEW."status", NEW."slug", NEW."searchVector", NEW."titleVector"))
  EXECUTE FUNCTION product_search_sync();

INSERT INTO "ProductSearch" ("id", "slug", "searchVector", "titleVector")
  SELECT "id", "slug", "searchVector", "titleVector" FROM "Product"
  WHERE "status" = 'active' AND "searchVector" IS NOT NULL AND "titleVector" IS NOT NULL;
