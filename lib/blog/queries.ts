import type { Db, Prisma } from '../db';
import { readingMinutes } from './reading-time';
import { isSlug } from '../slug';

/**
 * What the public may read: published articles, and scheduled ones whose time has come.
 * Drafts, and scheduled articles still in the future, do not exist for readers.
 */
export function visibleTo(now: Date): Prisma.ArticleWhereInput {
  return { status: { in: ['published', 'scheduled'] }, publishedAt: { lte: now } };
}

export interface ArticleCard {
  slug: string;
  title: string;
  subtitle: string;
  excerpt: string;
  cover: { src: string; alt: string };
  author: string;
  tags: string[];
  publishedAt: string;
  readingMinutes: number;
  series: { slug: string; title: string; position: number } | null;
}

export interface ArticleView extends ArticleCard {
  body: string;
  /** Last substantive revision, or the publication date. */
  updatedAt: string;
  revised: boolean;
}

const cardSelect = {
  slug: true,
  title: true,
  subtitle: true,
  excerpt: true,
  coverPath: true,
  coverAlt: true,
  author: true,
  tags: true,
  publishedAt: true,
  revisedAt: true,
  body: true,
  seriesPosition: true,
  series: { select: { slug: true, title: true } },
} satisfies Prisma.ArticleSelect;

type Row = Prisma.ArticleGetPayload<{ select: typeof cardSelect }>;

function toCard(r: Row): ArticleCard {
  return {
    slug: r.slug,
    title: r.title,
    subtitle: r.subtitle,
    excerpt: r.excerpt,
    cover: { src: r.coverPath, alt: r.coverAlt },
    author: r.author,
    tags: r.tags,
    publishedAt: r.publishedAt!.toISOString(),
    readingMinutes: readingMinutes(r.body),
    series: r.series && r.seriesPosition !== null ? { slug: r.series.slug, title: r.series.title, position: r.seriesPosition } : null,
  };
}

function toView(r: Row): ArticleView {
  const revised = r.revisedAt !== null && r.publishedAt !== null && r.revisedAt > r.publishedAt;
  return { ...toCard(r), body: r.body, updatedAt: (revised ? r.revisedAt! : r.publishedAt!).toISOString(), revised };
}

export async function listArticles(db: Db, opts: { tag: string | null; page: number; pageSize: number }, now: Date) {
  const where: Prisma.ArticleWhereInput = { ...visibleTo(now), ...(opts.tag ? { tags: { has: opts.tag } } : {}) };
  const total = await db.article.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / opts.pageSize));
  const page = Math.min(Math.max(1, opts.page), pageCount);
  const rows = await db.article.findMany({
    where,
    orderBy: [{ publishedAt: 'desc' }, { slug: 'asc' }],
    skip: (page - 1) * opts.pageSize,
    take: opts.pageSize,
    select: cardSelect,
  });
  return { articles: rows.map(toCard), total, page, pageCount };
}

export async function getArticle(db: Db, slug: string, now: Date): Promise<ArticleView | null> {
  if (!isSlug(slug)) return null;
  const row = await db.article.findFirst({ where: { slug, ...visibleTo(now) }, select: cardSelect });
  return row ? toView(row) : null;
}

export interface SeriesView {
  slug: string;
  title: string;
  description: string;
  articles: ArticleCard[];
}

/** Every series that has a readable article, its articles in order. */
export async function listSeries(db: Db, now: Date): Promise<SeriesView[]> {
  const rows = await db.series.findMany({
    orderBy: { title: 'asc' },
    select: { slug: true, title: true, description: true, articles: { where: visibleTo(now), orderBy: { seriesPosition: 'asc' }, select: cardSelect } },
  });
  return rows.filter((s) => s.articles.length).map((s) => ({ slug: s.slug, title: s.title, description: s.description, articles: s.articles.map(toCard) }));
}

export async function listTags(db: Db, now: Date): Promise<{ tag: string; count: number }[]> {
  const rows = await db.article.findMany({ where: visibleTo(now), select: { tags: true } });
  const counts = new Map<string, number>();
  for (const r of rows) for (const t of r.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

/** Articles for the feed and the sitemap, newest first, with their bodies. */
export async function feedArticles(db: Db, now: Date, limit = 50): Promise<ArticleView[]> {
  const rows = await db.article.findMany({ where: visibleTo(now), orderBy: [{ publishedAt: 'desc' }, { slug: 'asc' }], take: limit, select: cardSelect });
  return rows.map(toView);
}
