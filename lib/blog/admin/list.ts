import type { Db, Prisma } from '../../db';
import { authorize, type StaffActor } from '../../auth/permissions';
import type { AdminArticleQuery } from './input';
import { articleState, type ArticleState } from './state';

export const ADMIN_ARTICLES_PAGE_SIZE = 25;

export interface AdminArticleRow {
  id: string;
  title: string;
  slug: string;
  state: ArticleState;
  status: 'draft' | 'published' | 'scheduled';
  publishedAt: Date | null;
  series: { title: string; position: number | null } | null;
  editedAt: Date | null;
}

/**
 * The filter of the staff list, by what readers see (state.ts): drafts; scheduled (published, dated
 * later than now); published (dated now or earlier). Search is by title or slug.
 */
export function articleListWhere(query: Pick<AdminArticleQuery, 'q' | 'status'>, now: Date): Prisma.ArticleWhereInput {
  const and: Prisma.ArticleWhereInput[] = [];
  if (query.q) and.push({ OR: [{ title: { contains: query.q, mode: 'insensitive' } }, { slug: { contains: query.q.toLowerCase() } }] });
  const live = { in: ['published', 'scheduled'] as ('published' | 'scheduled')[] };
  if (query.status === 'draft') and.push({ OR: [{ status: 'draft' }, { publishedAt: null }] });
  if (query.status === 'scheduled') and.push({ status: live, publishedAt: { gt: now } });
  if (query.status === 'published') and.push({ status: live, publishedAt: { lte: now } });
  return and.length ? { AND: and } : {};
}

/** The staff article list: search, filter by state, 25 a page, most recently changed first. */
export async function listAdminArticles(db: Db, actor: StaffActor, query: AdminArticleQuery, now: Date) {
  authorize(actor, 'editArticles');
  const where = articleListWhere(query, now);
  const total = await db.article.count({ where });
  const pages = Math.max(1, Math.ceil(total / ADMIN_ARTICLES_PAGE_SIZE));
  const page = Math.min(query.page, pages);
  const rows = await db.article.findMany({
    where,
    orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
    skip: (page - 1) * ADMIN_ARTICLES_PAGE_SIZE,
    take: ADMIN_ARTICLES_PAGE_SIZE,
    select: { id: true, title: true, slug: true, status: true, publishedAt: true, seriesPosition: true, editedAt: true, series: { select: { title: true } } },
  });
  return {
    total,
    page,
    pages,
    rows: rows.map((a): AdminArticleRow => ({
      id: a.id,
      title: a.title,
      slug: a.slug,
      state: articleState(a, now),
      status: a.status,
      publishedAt: a.publishedAt,
      series: a.series ? { title: a.series.title, position: a.seriesPosition } : null,
      editedAt: a.editedAt,
    })),
  };
}
