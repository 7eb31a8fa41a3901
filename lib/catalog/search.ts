import type { Db } from '../db';

/**
 * What a shopper's search finds, ranked: PostgreSQL's full-text search with English stemming
 * ("sweaters" finds a sweater; every word must match) over the title, material, origin, description
 * and colours of active products, and trigram similarity (pg_trgm) for typos ("cashmir" finds
 * cashmere) over the title, material and colours. Rank: full-text rank (title weighted highest) plus
 * similarity to the whole text and to the title, so a match in the title comes first.
 * The same SQL on PostgreSQL and PGlite. Returns product ids with their score, best first.
 * At 10,000 products a search reads only the matches (docs/perf/catalog-explain.md).
 */
export const TYPO_SIMILARITY = 0.45;

export async function searchProducts(db: Db, q: string): Promise<Map<string, number>> {
  const query = q.trim().slice(0, 80);
  if (!query) return new Map();
  // The document is stored on the product (price-range.ts keeps it) and read through GIN indexes: full text
  // on searchVector, trigrams on searchWords. `<%` is word_similarity(a, b) >= the threshold, which the
  // trigram index answers; the threshold is set for this transaction only (set_config(…, true)).
  const [, rows] = await db.$transaction([
    db.$queryRaw`SELECT set_config('pg_trgm.word_similarity_threshold', ${String(TYPO_SIMILARITY)}, true)`,
    db.$queryRaw<{ id: string; score: number }[]>`
      SELECT p.id,
        (ts_rank(p."searchVector", websearch_to_tsquery('english', ${query})) * 4
          + public.word_similarity(lower(${query}), p."searchWords") + public.word_similarity(lower(${query}), lower(p.title)))::float8 AS score
      FROM "Product" p
      WHERE p.status = 'active'
        AND (p."searchVector" @@ websearch_to_tsquery('english', ${query}) OR lower(${query}) OPERATOR(public.<%) p."searchWords")
      ORDER BY score DESC, p.slug ASC`,
  ]);
  return new Map(rows.map((r) => [r.id, Number(r.score)]));
}
