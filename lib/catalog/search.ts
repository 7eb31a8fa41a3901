import type { Db } from '../db';

/**
 * What a shopper's search finds, ranked: PostgreSQL's full-text search with English stemming
 * ("sweaters" finds a sweater; every word must match) over the title, material, origin, description
 * and colours of active products, and trigram similarity (pg_trgm) for typos ("cashmir" finds
 * cashmere) over the title, material and colours. Rank: full-text rank (title weighted highest) plus
 * similarity to the whole text and to the title, so a match in the title comes first.
 * The same SQL on PostgreSQL and PGlite. Returns product ids with their score, best first.
 */
export const TYPO_SIMILARITY = 0.45;

export async function searchProducts(db: Db, q: string): Promise<Map<string, number>> {
  const query = q.trim().slice(0, 80);
  if (!query) return new Map();
  const rows = await db.$queryRaw<{ id: string; score: number }[]>`
    WITH doc AS (
      SELECT p.id, p.slug, lower(p.title) AS title,
        setweight(to_tsvector('english', p.title), 'A') ||
        setweight(to_tsvector('english', p.material || ' ' || p.origin || ' ' || coalesce(c.colours, '')), 'B') ||
        setweight(to_tsvector('english', p.description), 'C') AS tsv,
        lower(p.title || ' ' || p.material || ' ' || coalesce(c.colours, '')) AS words
      FROM "Product" p
      LEFT JOIN LATERAL (SELECT string_agg(DISTINCT v.colour, ' ') AS colours FROM "Variant" v WHERE v."productId" = p.id) c ON true
      WHERE p.status = 'active'
    ), q AS (SELECT websearch_to_tsquery('english', ${query}) AS tsq, lower(${query}) AS raw)
    SELECT doc.id,
      (ts_rank(doc.tsv, q.tsq) * 4 + public.word_similarity(q.raw, doc.words) + public.word_similarity(q.raw, doc.title))::float8 AS score
    FROM doc, q
    WHERE doc.tsv @@ q.tsq OR public.word_similarity(q.raw, doc.words) >= ${TYPO_SIMILARITY}
    ORDER BY score DESC, doc.slug ASC`;
  return new Map(rows.map((r) => [r.id, Number(r.score)]));
}
