-- Counts a shopper's pages show, read instead of counted (issue 13): how many active products each collection
-- and material holds (CatalogCount) and which colours active products come in (CatalogColour), kept by
-- statement-level triggers on Product, CollectionProduct and Variant. The app never writes them. A refresh
-- recounts the whole table: simple and exact (tens of ms at 10,000 products), run only when something it
-- counts changed (a product's status or material, a collection's products, a variant's colour), never on a
-- stock change at checkout. Two writers are serialised by a transaction-scoped advisory lock of this schema,
-- taken before the recount: in READ COMMITTED each statement after it sees what the other committed.
-- Products also keep their variants' colours (Product.colours, lower case; lib/catalog/price-range.ts) for the
-- colour filter's GIN index, and the words the search corrects typos against (SearchTerm).
-- DropIndex (typos are corrected against SearchTerm now, not matched by trigrams on every product)
DROP INDEX "Product_searchWords_idx";

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "colours" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "titleVector" tsvector;

-- CreateTable
CREATE TABLE "CatalogCount" (
    "collectionId" TEXT NOT NULL,
    "material" TEXT NOT NULL,
    "products" INTEGER NOT NULL,

    CONSTRAINT "CatalogCount_pkey" PRIMARY KEY ("collectionId","material")
);

-- CreateTable
CREATE TABLE "CatalogColour" (
    "colour" TEXT NOT NULL,
    "products" INTEGER NOT NULL,

    CONSTRAINT "CatalogColour_pkey" PRIMARY KEY ("colour")
);

-- CreateIndex
CREATE INDEX "Product_colours_idx" ON "Product" USING GIN ("colours");

-- CreateIndex
CREATE INDEX "Product_status_minPriceCents_maxPriceCents_id_idx" ON "Product"("status", "minPriceCents", "maxPriceCents", "id");

-- CreateIndex
CREATE INDEX "Product_status_material_minPriceCents_slug_idx" ON "Product"("status", "material", "minPriceCents", "slug");

-- CreateIndex
CREATE INDEX "Product_titleVector_idx" ON "Product" USING GIN ("titleVector");

-- Words a shopper's typo is corrected to (lib/catalog/search.ts): every word of every product's title,
-- material and colours, added by lib/catalog/price-range.ts as products are written. A word whose products
-- are gone stays: a correction to it finds nothing, which is what the shopper would see anyway.
CREATE TABLE "SearchTerm" (
    "word" TEXT NOT NULL,
    CONSTRAINT "SearchTerm_pkey" PRIMARY KEY ("word")
);

CREATE FUNCTION catalog_counts_refresh() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext(current_schema() || '.catalog_counts'));
  DELETE FROM "CatalogCount";
  INSERT INTO "CatalogCount" ("collectionId", "material", "products")
    SELECT '', p."material", count(*)::int FROM "Product" p WHERE p."status" = 'active' GROUP BY p."material"
    UNION ALL
    SELECT cp."collectionId", p."material", count(*)::int
      FROM "CollectionProduct" cp JOIN "Product" p ON p."id" = cp."productId"
      WHERE p."status" = 'active' GROUP BY cp."collectionId", p."material";
END $$;

CREATE FUNCTION catalog_colours_refresh() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext(current_schema() || '.catalog_colours'));
  DELETE FROM "CatalogColour";
  INSERT INTO "CatalogColour" ("colour", "products")
    SELECT v."colour", count(DISTINCT v."productId")::int
      FROM "Variant" v JOIN "Product" p ON p."id" = v."productId"
      WHERE p."status" = 'active' GROUP BY v."colour";
END $$;

-- Product: a new or removed active product, a status crossing "active", or an active product's new material.
CREATE FUNCTION catalog_counts_product_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM new_rows WHERE "status" = 'active') THEN
    PERFORM catalog_counts_refresh();
    PERFORM catalog_colours_refresh();
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION catalog_counts_product_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM old_rows o JOIN new_rows n ON n."id" = o."id"
    WHERE (o."status" = 'active') <> (n."status" = 'active') OR (n."status" = 'active' AND o."material" <> n."material")
  ) THEN
    PERFORM catalog_counts_refresh();
    PERFORM catalog_colours_refresh();
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION catalog_counts_product_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT 1 FROM old_rows WHERE "status" = 'active') THEN
    PERFORM catalog_counts_refresh();
    PERFORM catalog_colours_refresh();
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION catalog_counts_recount() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM catalog_counts_refresh();
  RETURN NULL;
END $$;

CREATE FUNCTION catalog_colours_recount() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM catalog_colours_refresh();
  RETURN NULL;
END $$;

-- Variant: a stock or price change (every checkout) changes no count; only a colour or a move does.
CREATE FUNCTION catalog_colours_variant_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM old_rows o JOIN new_rows n ON n."id" = o."id"
    WHERE o."colour" <> n."colour" OR o."productId" <> n."productId"
  ) THEN
    PERFORM catalog_colours_refresh();
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER catalog_counts_product_insert AFTER INSERT ON "Product"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_counts_product_inserted();
CREATE TRIGGER catalog_counts_product_update AFTER UPDATE ON "Product"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_counts_product_updated();
CREATE TRIGGER catalog_counts_product_delete AFTER DELETE ON "Product"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_counts_product_deleted();
CREATE TRIGGER catalog_counts_product_truncate AFTER TRUNCATE ON "Product"
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_counts_recount();
CREATE TRIGGER catalog_colours_product_truncate AFTER TRUNCATE ON "Product"
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_colours_recount();

CREATE TRIGGER catalog_counts_collection_product AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "CollectionProduct"
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_counts_recount();

CREATE TRIGGER catalog_colours_variant_insert_delete AFTER INSERT OR DELETE OR TRUNCATE ON "Variant"
  FOR EACH STATEMENT EXECUTE FUNCTION catalog_colours_recount();
CREATE TRIGGER catalog_colours_variant_update AFTER UPDATE ON "Variant"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION catalog_colours_variant_updated();

-- The products already there.
UPDATE "Product" SET "titleVector" = to_tsvector('english', "title");

UPDATE "Product" AS p SET "colours" = c.colours
FROM (
  SELECT v."productId" AS id, array_agg(DISTINCT lower(v."colour") ORDER BY lower(v."colour")) AS colours
  FROM "Variant" v GROUP BY v."productId"
) AS c
WHERE p."id" = c.id;

INSERT INTO "SearchTerm" ("word")
  SELECT DISTINCT w FROM "Product" p, regexp_split_to_table(p."searchWords", '[^[:alnum:]]+') AS w WHERE length(w) >= 3
  ON CONFLICT DO NOTHING;

SELECT catalog_counts_refresh();
SELECT catalog_colours_refresh();
