-- A catalog of 10,000 products (docs/perf/catalog-explain.md): each listing order gets an index that holds it
-- whole, and the search reads a stored document through GIN indexes instead of building one per product
-- per search. The trigram index is written by hand: its operator class lives in the public schema, where the
-- search_trgm migration put pg_trgm, whatever schema the shop's tables are in.
-- DropIndex
DROP INDEX "Product_status_createdAt_idx";

-- DropIndex
DROP INDEX "Product_status_featuredRank_idx";

-- DropIndex
DROP INDEX "Product_status_minPriceCents_idx";

-- AlterTable
ALTER TABLE "Product" ADD COLUMN     "searchVector" tsvector,
ADD COLUMN     "searchWords" TEXT NOT NULL DEFAULT '';

-- CreateIndex
CREATE INDEX "Product_status_featuredRank_createdAt_slug_idx" ON "Product"("status", "featuredRank", "createdAt" DESC, "slug");

-- CreateIndex
CREATE INDEX "Product_status_createdAt_slug_idx" ON "Product"("status", "createdAt" DESC, "slug");

-- CreateIndex
CREATE INDEX "Product_status_minPriceCents_slug_idx" ON "Product"("status", "minPriceCents", "slug");

-- CreateIndex
CREATE INDEX "Product_searchVector_idx" ON "Product" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Product_searchWords_idx" ON "Product" USING GIN ("searchWords" public.gin_trgm_ops);

-- The search document of the products already there (lib/catalog/price-range.ts keeps it from now on).
UPDATE "Product" AS p SET
  "searchWords" = lower(p.title || ' ' || p.material || ' ' || c.colours),
  "searchVector" = setweight(to_tsvector('english', p.title), 'A') ||
    setweight(to_tsvector('english', p.material || ' ' || p.origin || ' ' || c.colours), 'B') ||
    setweight(to_tsvector('english', p.description), 'C')
FROM (
  SELECT p2.id, coalesce(string_agg(DISTINCT v.colour, ' '), '') AS colours
  FROM "Product" p2 LEFT JOIN "Variant" v ON v."productId" = p2.id
  GROUP BY p2.id
) AS c
WHERE p.id = c.id;
