import type { Db } from '../db';
import { Prisma } from '../generated/prisma/client';

/**
 * What a shopper's search finds: PostgreSQL's full-text search with English stemming ("sweaters" finds a
 * sweater; every word must match) over the stored document of each product (title weighted highest, then
 * material, origin and colours, then the description; lib/catalog/price-range.ts keeps it), read through
 * its GIN index. A word the catalog does not know is widened to the catalog's words that look like it
 * (trigram similarity, pg_trgm, against the SearchTerm list of title, material and colour words): "cashmir"
 * searches for "cashmir" or "cashmere". Title matches come first, ranked by ts_rank on the title; the other
 * matches follow, ranked by ts_rank on the whole document.
 * The same SQL on PostgreSQL and PGlite; at 10,000 products it reads only the matches and ranks them
 * in the database (docs/perf/catalog-explain.md).
 */

/** How alike a typed word and a catalog word must be (pg_trgm similarity, 0–1): "cashmir"/"cashmere" is 0.42. */
export const TYPO_SIMILARITY = 0.4;
/** Words past this many are ignored: a search box, not a document. */
export const MAX_SEARCH_WORDS = 8;
/** Corrections offered per word, the most alike first. */
const MAX_CORRECTIONS = 3;

/** The words of what the shopper typed: runs of letters and digits, lower case, without repeats. */
export function searchWords(q: string): string[] {
  const words = q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return [...new Set(words)].slice(0, MAX_SEARCH_WORDS);
}

/**
 * The tsquery text for `to_tsquery('english', …)`: each word OR its corrections, all words AND-ed,
 * e.g. `('cashmir' | 'cashmere') & ('scarf')`. Words are letters and digits only, so quoting them is safe.
 */
export function tsqueryText(words: readonly string[], corrections: ReadonlyMap<string, readonly string[]>): string {
  return words.map((w) => `(${[w, ...(corrections.get(w) ?? [])].map((t) => `'${t}'`).join(' | ')})`).join(' & ');
}

/**
 * The search as a tsquery source, or null when the query has no words (e.g. "%"): then nothing matches.
 * A word already in the catalog's word list is searched as typed; another one also as its look-alikes.
 */
export async function searchQuery(db: Db, q: string): Promise<string | null> {
  const words = searchWords(q);
  if (!words.length) return null;
  const rows = await db.$queryRaw<{ typed: string; term: string }[]>`
    SELECT q.typed, t.term FROM unnest(${words}::text[]) AS q(typed)
    CROSS JOIN LATERAL (
      SELECT s."word" AS term FROM "SearchTerm" s
      WHERE public.similarity(s."word", q.typed) >= ${TYPO_SIMILARITY}
        AND NOT EXISTS (SELECT 1 FROM "SearchTerm" k WHERE k."word" = q.typed)
      ORDER BY public.similarity(s."word", q.typed) DESC, s."word"
      LIMIT ${MAX_CORRECTIONS}
    ) AS t`;
  const corrections = new Map<string, string[]>();
  for (const r of rows) corrections.set(r.typed, [...(corrections.get(r.typed) ?? []), r.term]);
  return tsqueryText(words, corrections);
}

/** The SQL condition "product p matches the search". */
export function searchMatchSql(tsquery: string): Prisma.Sql {
  return Prisma.sql`p."searchVector" @@ to_tsquery('english', ${tsquery})`;
}

/** The SQL rank of product p for the search over its whole document, higher first. */
export function searchRankSql(tsquery: string): Prisma.Sql {
  return Prisma.sql`ts_rank(p."searchVector", to_tsquery('english', ${tsquery}))`;
}

/**
 * The search's first tier: products whose title matches. They are listed before every other match,
 * ranked on the title alone (a small vector: ranking 352 title matches costs a seventh of ranking all
 * 2,994 matches of "cashmir" at 10,000 products).
 */
export function titleMatchSql(tsquery: string): Prisma.Sql {
  return Prisma.sql`p."titleVector" @@ to_tsquery('english', ${tsquery})`;
}

export function titleRankSql(tsquery: string): Prisma.Sql {
  return Prisma.sql`ts_rank(p."titleVector", to_tsquery('english', ${tsquery}))`;
}
