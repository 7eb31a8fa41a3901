import { createHash } from 'node:crypto';
import type { Db, Prisma } from '../../db';
import { authorize, type StaffActor } from '../../auth/permissions';
import { recordAudit } from '../../audit/record';
import { changedFields } from '../../audit/diff';
import { tagsForArticleChange } from './cache-tags';
import { ArticleError } from './errors';
import type { ArticleInput } from './input';

type Tx = Prisma.TransactionClient;

export interface SaveArticleResult {
  id: string;
  slug: string;
  /** Cache tags to expire so the journal, the article's page and the feed show the change at once. */
  tags: string[];
}

const withSeries = { series: { select: { slug: true, title: true } } } as const;
type Row = Prisma.ArticleGetPayload<{ include: typeof withSeries }>;

/** What the audit log keeps of an article: the fields, and the body as its length and a fingerprint (not 100 kB twice). */
export function articleAuditView(a: Omit<Row, 'id' | 'createdAt' | 'updatedAt' | 'seriesId' | 'editedAt' | 'revisedAt'>) {
  return {
    title: a.title,
    slug: a.slug,
    subtitle: a.subtitle,
    excerpt: a.excerpt,
    author: a.author,
    tags: a.tags,
    series: a.series?.slug ?? null,
    seriesPosition: a.seriesPosition,
    status: a.status,
    publishedAt: a.publishedAt?.toISOString() ?? null,
    coverPath: a.coverPath,
    coverAlt: a.coverAlt,
    body: { characters: a.body.length, sha256: createHash('sha256').update(a.body).digest('hex').slice(0, 16) },
  };
}

function isUniqueViolation(e: unknown): boolean {
  return typeof e === 'object' && e !== null && 'code' in e && (e as { code: unknown }).code === 'P2002';
}

async function seriesOf(tx: Tx, slug: string | null): Promise<{ id: string; title: string } | null> {
  if (!slug) return null;
  const s = await tx.series.findUnique({ where: { slug }, select: { id: true, title: true } });
  if (!s) throw new ArticleError('unknown-series', 'That series no longer exists: reload the page and choose another.', 'series');
  return s;
}

/** Refuses a part of a series another article already is, naming that article. */
async function checkPosition(db: Tx | Db, series: { id: string; title: string } | null, position: number | null, articleId: string | null) {
  if (!series || position === null) return;
  const other = await db.article.findFirst({ where: { seriesId: series.id, seriesPosition: position, NOT: articleId ? { id: articleId } : undefined } });
  if (other)
    throw new ArticleError(
      'position-taken',
      `Part ${position} of “${series.title}” is already “${other.title}”. Choose another part, or move that article first.`,
      'seriesPosition',
    );
}

/**
 * After a write failed on a unique key (two saves racing past the checks), says which one in words,
 * beside the right field. The database decided; this read only finds the words for it.
 */
async function explainConflict(db: Db, input: ArticleInput, articleId: string | null): Promise<ArticleError> {
  const owner = await db.article.findUnique({ where: { slug: input.slug }, select: { id: true } });
  if (owner && owner.id !== articleId) return new ArticleError('slug-taken', `Another article already uses the slug “${input.slug}”. Choose another.`, 'slug');
  const series = input.series ? await db.series.findUnique({ where: { slug: input.series }, select: { id: true, title: true } }) : null;
  try {
    await checkPosition(db, series, input.seriesPosition, articleId);
  } catch (e) {
    if (e instanceof ArticleError) return e;
    throw e;
  }
  return new ArticleError('stale', 'This article was changed by someone else at the same moment. Reload the page and make your change again.');
}

async function guard<T>(db: Db, input: ArticleInput, articleId: string | null, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (isUniqueViolation(e)) throw await explainConflict(db, input, articleId);
    throw e;
  }
}

/** The article's cover rules: it must have one to be published (the journal shows it), and a cover needs its alt text. */
function checkCover(input: ArticleInput, coverPath: string) {
  if (input.status === 'published' && !coverPath)
    throw new ArticleError('cover-missing', 'Add a cover (below the form, once the article is saved as a draft) before publishing it.', 'status');
  if (coverPath && !input.coverAlt) throw new ArticleError('alt-missing', 'Describe the cover for people who cannot see it (alt text).', 'coverAlt');
}

function articleData(input: ArticleInput, series: { id: string } | null, now: Date) {
  return {
    title: input.title,
    slug: input.slug,
    subtitle: input.subtitle,
    excerpt: input.excerpt,
    body: input.body,
    author: input.author,
    tags: input.tags,
    seriesId: series?.id ?? null,
    seriesPosition: series ? input.seriesPosition : null,
    status: input.status,
    publishedAt: input.publishedAt,
    editedAt: now,
  };
}

/** A new article (no cover yet: it is uploaded on its page) with an audit entry, in one transaction. */
export async function createArticle(db: Db, actor: StaffActor, input: ArticleInput, opts: { now?: Date } = {}): Promise<SaveArticleResult> {
  authorize(actor, 'editArticles');
  const now = opts.now ?? new Date();
  checkCover(input, '');
  return guard(db, input, null, () =>
    db.$transaction(async (tx) => {
      const series = await seriesOf(tx, input.series);
      await checkPosition(tx, series, input.seriesPosition, null);
      const made = await tx.article.create({ data: { ...articleData(input, series, now), coverPath: '', coverAlt: '' }, include: withSeries });
      await recordAudit(tx, actor, { action: 'article.create', entityType: 'article', entityId: made.id, before: null, after: articleAuditView(made) });
      return { id: made.id, slug: made.slug, tags: tagsForArticleChange([made.slug]) };
    }),
  );
}

/**
 * Saves an edit. `input.updatedAt` is when the editor's copy was read: if anyone saved since (another
 * person, or a cover upload), the save is refused and nothing is written, instead of silently
 * overwriting their work. A rename expires the old slug's page too.
 */
export async function updateArticle(db: Db, actor: StaffActor, articleId: string, input: ArticleInput, opts: { now?: Date } = {}): Promise<SaveArticleResult> {
  authorize(actor, 'editArticles');
  const now = opts.now ?? new Date();
  return guard(db, input, articleId, () =>
    db.$transaction(async (tx) => {
      const before = await tx.article.findUnique({ where: { id: articleId }, include: withSeries });
      if (!before) throw new ArticleError('not-found', 'That article no longer exists.');
      if (input.updatedAt && before.updatedAt.getTime() !== new Date(input.updatedAt).getTime()) throw staleError();
      checkCover(input, before.coverPath);
      const series = await seriesOf(tx, input.series);
      await checkPosition(tx, series, input.seriesPosition, articleId);
      const claimed = await tx.article.updateMany({
        where: { id: articleId, ...(input.updatedAt ? { updatedAt: new Date(input.updatedAt) } : {}) },
        data: { ...articleData(input, series, now), coverAlt: before.coverPath ? input.coverAlt : before.coverAlt },
      });
      if (claimed.count === 0) throw staleError();
      const after = await tx.article.findUniqueOrThrow({ where: { id: articleId }, include: withSeries });
      const diff = changedFields(articleAuditView(before), articleAuditView(after));
      if (diff) await recordAudit(tx, actor, { action: 'article.update', entityType: 'article', entityId: articleId, before: diff.before, after: diff.after });
      return { id: articleId, slug: after.slug, tags: tagsForArticleChange([before.slug, after.slug]) };
    }),
  );
}

function staleError() {
  return new ArticleError(
    'stale',
    'This article was changed by someone else since you opened it. Reload the page to see their changes, then make yours again.',
  );
}

/** The article as the edit form shows it. */
export async function articleForEdit(db: Db, actor: StaffActor, articleId: string) {
  authorize(actor, 'editArticles');
  return db.article.findUnique({ where: { id: articleId }, include: withSeries });
}

/** The series an article can join, for the form's list. */
export async function seriesChoices(db: Db, actor: StaffActor) {
  authorize(actor, 'editArticles');
  return db.series.findMany({ orderBy: { title: 'asc' }, select: { slug: true, title: true } });
}
