import type { Prisma } from '../generated/prisma/client';
import { batches } from '../db/batches';

type Tx = Prisma.TransactionClient;

/** Shorter words are never typo targets: "yak" is as short as a corrected word gets. */
export const MIN_TERM_LENGTH = 3;

/**
 * Keeps what a product denormalises from itself and its variants in step: Product.minPriceCents /
 * maxPriceCents (the catalog filters and sorts by price with an index), and the search document
 * (searchWords for trigram typos, searchVector for full text: title weighted A; material, origin and
 * colours B; description C; titleVector, the title alone, ranks the search's first tier), which
 * lib/catalog/search.ts reads through GIN indexes; Product.colours (the
 * colour filter's GIN index) and the SearchTerm words typos are corrected to. Call it in the
 * same transaction that changes a product's text or its variants.
 */
export async function refreshPriceRange(tx: Tx, productId: string): Promise<void> {
  await refreshPriceRanges(tx, [productId]);
}

/** The same for many products at once (bulk loads): one statement per batch; rows already in step are not written. */
export async function refreshPriceRanges(tx: Tx, productIds: readonly string[]): Promise<void> {
  for (const ids of batches(productIds, 1_000)) {
    await tx.$executeRaw`
      UPDATE "Product" AS p SET "minPriceCents" = d.lo, "maxPriceCents" = d.hi, "searchWords" = d.words, "searchVector" = d.vector,
        "titleVector" = d.title_vector, "colours" = d.colour_list, "updatedAt" = CURRENT_TIMESTAMP
      FROM (
        SELECT r.id, r.lo, r.hi, r.colour_list, lower(r.title || ' ' || r.material || ' ' || r.colours) AS words, to_tsvector('english', r.title) AS title_vector,
          setweight(to_tsvector('english', r.title), 'A') || setweight(to_tsvector('english', r.material || ' ' || r.origin || ' ' || r.colours), 'B') ||
            setweight(to_tsvector('english', r.description), 'C') AS vector
        FROM (
          SELECT p2.id, p2.title, p2.material, p2.origin, p2.description, coalesce(min(v."priceCents"), 0) AS lo, coalesce(max(v."priceCents"), 0) AS hi,
            coalesce(string_agg(DISTINCT v.colour, ' '), '') AS colours,
            coalesce(array_agg(DISTINCT lower(v.colour) ORDER BY lower(v.colour)) FILTER (WHERE v.colour IS NOT NULL), ARRAY[]::text[]) AS colour_list
          FROM "Product" p2 LEFT JOIN "Variant" v ON v."productId" = p2.id
          WHERE p2.id = ANY(${ids}::text[])
          GROUP BY p2.id
        ) AS r
      ) AS d
      WHERE p.id = d.id
        AND (p."minPriceCents", p."maxPriceCents", p."searchWords", p."searchVector", p."titleVector", p."colours") IS DISTINCT FROM
          (d.lo, d.hi, d.words, d.vector, d.title_vector, d.colour_list)`;
    // The words a typo can be corrected to (lib/catalog/search.ts).
    await tx.$executeRaw`
      INSERT INTO "SearchTerm" ("word")
      SELECT DISTINCT w FROM "Product" p, regexp_split_to_table(p."searchWords", '[^[:alnum:]]+') AS w
      WHERE p.id = ANY(${ids}::text[]) AND length(w) >= ${MIN_TERM_LENGTH}
      ON CONFLICT DO NOTHING`;
  }
}
