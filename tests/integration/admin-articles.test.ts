import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, expect, it } from 'vitest';
import { authorize, PermissionError, type StaffActor } from '@/lib/auth/permissions';
import { setArticleCover } from '@/lib/blog/admin/cover';
import { ArticleError } from '@/lib/blog/admin/errors';
import { adminArticleQuerySchema, articleInputSchema, readArticleForm, type ArticleInput } from '@/lib/blog/admin/input';
import { listAdminArticles } from '@/lib/blog/admin/list';
import { articleForEdit, createArticle, updateArticle } from '@/lib/blog/admin/save-article';
import { feedArticles, getArticle, listArticles, listSeries } from '@/lib/blog/queries';
import { ARTICLES_CONTENT_DIR, seedArticles } from '@/lib/blog/seed-articles';
import { localMediaStorage } from '@/lib/media/storage';
import { describeEachDatabase } from '../support/databases';
import { makeActor } from '../support/staff';

function form(over: Record<string, unknown> = {}): ArticleInput {
  return articleInputSchema.parse({
    title: 'Felt Makers of Tsetserleg',
    subtitle: 'A winter with the felters of Arkhangai',
    excerpt: 'Three families, one courtyard, and the felt that keeps a ger warm.',
    body: '## The courtyard\n\nWool is laid out in **layers**, wetted and rolled.',
    author: 'B. Oyun',
    tags: 'Felt, Arkhangai',
    status: 'draft',
    ...over,
  });
}

async function refusal(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    if (e instanceof ArticleError) return `${e.kind}${e.field ? ` @${e.field}` : ''}: ${e.message}`;
    if (e instanceof PermissionError) return `403 ${e.message}`;
    throw e;
  }
}

const png = () =>
  sharp({ create: { width: 1200, height: 1500, channels: 3, background: '#8a8580' } })
    .png()
    .toBuffer();

describeEachDatabase('staff articles', (ctx) => {
  let owner: StaffActor;
  let editor: StaffActor;
  let mediaDir: string;
  const counts = async () => ({ articles: await ctx.db.article.count(), audits: await ctx.db.auditEntry.count() });
  beforeAll(async () => {
    await seedArticles(ctx.db);
    owner = await makeActor(ctx.db, 'owner');
    editor = await makeActor(ctx.db, 'editor');
    mediaDir = await fs.mkdtemp(path.join(os.tmpdir(), 'media-'));
  });

  it('an editor creates a draft (slug from the title, tags normalised, audited, marked edited); readers do not see it', async () => {
    const made = await createArticle(ctx.db, editor, form());
    expect(made.slug).toBe('felt-makers-of-tsetserleg');
    expect(made.tags).toEqual(['articles', 'article:felt-makers-of-tsetserleg']);
    const row = await ctx.db.article.findUniqueOrThrow({ where: { id: made.id } });
    expect(row).toMatchObject({ status: 'draft', tags: ['felt', 'arkhangai'], coverPath: '', publishedAt: null });
    expect(row.editedAt).not.toBeNull();
    expect(await ctx.db.auditEntry.count({ where: { entityId: made.id, action: 'article.create', entityType: 'article', actorId: editor.id } })).toBe(1);
    expect(await getArticle(ctx.db, made.slug, new Date())).toBeNull();
  });

  it('publishing needs a cover; the cover is cropped to 1600×900, stored under /media with its alt text; then it publishes and readers see it', async () => {
    const a = (await articleForEdit(ctx.db, editor, (await ctx.db.article.findUniqueOrThrow({ where: { slug: 'felt-makers-of-tsetserleg' } })).id))!;
    const publish = form({ status: 'published', publishedAt: '2026-10-01T08:00', updatedAt: a.updatedAt.toISOString(), coverAlt: '' });
    expect(await refusal(updateArticle(ctx.db, editor, a.id, publish))).toMatch(/^cover-missing @status: Add a cover/);
    const storage = localMediaStorage(mediaDir);
    const cover = await setArticleCover(ctx.db, storage, editor, { articleId: a.id, bytes: await png(), alt: 'Felt drying on a courtyard fence' });
    expect(cover.coverPath).toMatch(new RegExp(`^/media/articles/${a.id}/[a-f0-9]{32}\\.webp$`));
    expect(cover.tags).toEqual(['articles', 'article:felt-makers-of-tsetserleg']);
    const stored = await storage.read(cover.coverPath.slice('/media/'.length));
    expect(await sharp(stored!).metadata()).toMatchObject({ width: 1600, height: 900, format: 'webp' });
    // The cover upload changed the row: the form opened before it is stale.
    expect(await refusal(updateArticle(ctx.db, editor, a.id, publish))).toMatch(/^stale: This article was changed by someone else since you opened it/);
    const fresh = (await articleForEdit(ctx.db, editor, a.id))!;
    // With a cover, its alt text is required.
    const noAlt = form({ status: 'published', publishedAt: '2026-10-01T08:00', updatedAt: fresh.updatedAt.toISOString(), coverAlt: ' ' });
    expect(await refusal(updateArticle(ctx.db, editor, a.id, noAlt))).toBe(
      'alt-missing @coverAlt: Describe the cover for people who cannot see it (alt text).',
    );
    const ok = form({ status: 'published', publishedAt: '2026-10-01T08:00', updatedAt: fresh.updatedAt.toISOString(), coverAlt: fresh.coverAlt });
    await updateArticle(ctx.db, editor, a.id, ok);
    const seen = await getArticle(ctx.db, 'felt-makers-of-tsetserleg', new Date('2026-11-01T00:00:00Z'));
    expect(seen).toMatchObject({ title: 'Felt Makers of Tsetserleg', cover: { src: cover.coverPath, alt: 'Felt drying on a courtyard fence' } });
    expect(await ctx.db.auditEntry.count({ where: { entityId: a.id, action: { in: ['article.cover', 'article.update'] } } })).toBe(2);
  });

  it('edits: a rename returns the old slug’s tag too, and the audit keeps only what changed', async () => {
    const a = (await ctx.db.article.findUniqueOrThrow({ where: { slug: 'felt-makers-of-tsetserleg' } }))!;
    const saved = await updateArticle(
      ctx.db,
      owner,
      a.id,
      form({ slug: 'tsetserleg-felters', status: 'published', publishedAt: '2026-10-01T08:00', updatedAt: a.updatedAt.toISOString(), coverAlt: a.coverAlt }),
    );
    expect(saved.tags).toEqual(['articles', 'article:felt-makers-of-tsetserleg', 'article:tsetserleg-felters']);
    const entry = await ctx.db.auditEntry.findFirstOrThrow({ where: { entityId: a.id, action: 'article.update' }, orderBy: { createdAt: 'desc' } });
    expect(entry.before).toEqual({ slug: 'felt-makers-of-tsetserleg' });
    expect(entry.after).toEqual({ slug: 'tsetserleg-felters' });
  });

  it('refuses a stale edit, writing nothing', async () => {
    const a = await ctx.db.article.findUniqueOrThrow({ where: { slug: 'tsetserleg-felters' } });
    const before = await counts();
    const old = new Date(a.updatedAt.getTime() - 60_000).toISOString();
    expect(await refusal(updateArticle(ctx.db, owner, a.id, form({ title: 'Overwritten', updatedAt: old })))).toBe(
      'stale: This article was changed by someone else since you opened it. Reload the page to see their changes, then make yours again.',
    );
    expect(await counts()).toEqual(before);
    expect((await ctx.db.article.findUniqueOrThrow({ where: { id: a.id } })).title).toBe('Felt Makers of Tsetserleg');
  });

  it('refuses a taken slug and a taken part of a series beside their fields, writing nothing', async () => {
    const before = await counts();
    expect(await refusal(createArticle(ctx.db, editor, form({ slug: 'marshal-demid-1900-1937' })))).toBe(
      'slug-taken @slug: Another article already uses the slug “marshal-demid-1900-1937”. Choose another.',
    );
    expect(await refusal(createArticle(ctx.db, editor, form({ title: 'Part two again', series: 'choibalsan', seriesPosition: '2' })))).toBe(
      'position-taken @seriesPosition: Part 2 of “Choibalsan” is already “From Protocol to Invitation: The Request of Late 1936”. Choose another part, or move that article first.'.replace(
        /“From.*?”/,
        `“${(await ctx.db.article.findUniqueOrThrow({ where: { slug: 'protocol-turns-into-an-invitation' } })).title}”`,
      ),
    );
    expect(await refusal(createArticle(ctx.db, editor, form({ title: 'Lost series', series: 'no-such-series', seriesPosition: '1' })))).toBe(
      'unknown-series @series: That series no longer exists: reload the page and choose another.',
    );
    expect(await counts()).toEqual(before);
    // A free part is fine.
    const sixth = await createArticle(ctx.db, editor, form({ title: 'Part six', series: 'choibalsan', seriesPosition: '6' }));
    expect((await ctx.db.article.findUniqueOrThrow({ where: { id: sixth.id } })).seriesPosition).toBe(6);
  });

  it('a 1 MB title is refused beside its field before anything is written', async () => {
    const before = await counts();
    const posted = new FormData();
    for (const [k, v] of Object.entries({ title: 'x'.repeat(1024 * 1024), subtitle: 'S', excerpt: 'E', body: 'B', author: 'A', status: 'draft' }))
      posted.set(k, v);
    const r = articleInputSchema.safeParse(readArticleForm(posted).raw);
    expect(r.success).toBe(false);
    expect(await counts()).toEqual(before);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['title', 'Keep a title under 200 characters']]);
  });

  it('every role with editArticles may; a missing or disabled account is refused by the lib itself', async () => {
    const manager = await makeActor(ctx.db, 'manager');
    for (const who of [owner, manager, editor]) expect(() => authorize(who, 'editArticles')).not.toThrow();
    expect(await refusal(createArticle(ctx.db, null as never, form({ title: 'Nobody' })))).toBe('403 Your role cannot edit articles.');
    expect(await refusal(listAdminArticles(ctx.db, undefined as never, adminArticleQuerySchema.parse({}), new Date()))).toBe(
      '403 Your role cannot edit articles.',
    );
    const list = await listAdminArticles(ctx.db, manager, adminArticleQuerySchema.parse({ q: 'TSETSERLEG' }), new Date('2026-11-01T00:00:00Z'));
    expect(list.rows.map((r) => [r.slug, r.state])).toEqual([['tsetserleg-felters', 'published']]);
  });

  it('a scheduled article (published, dated later) stays out of the journal, its page, the feed and the series until its time', async () => {
    const at = new Date('2027-01-15T08:00:00Z');
    const made = await createArticle(ctx.db, editor, form({ title: 'Winter Pastures' }));
    await setArticleCover(ctx.db, localMediaStorage(mediaDir), editor, { articleId: made.id, bytes: await png(), alt: 'Sheep on snow' });
    const row = await ctx.db.article.findUniqueOrThrow({ where: { id: made.id } });
    await updateArticle(
      ctx.db,
      editor,
      made.id,
      form({
        title: 'Winter Pastures',
        status: 'published',
        publishedAt: '2027-01-15T08:00',
        updatedAt: row.updatedAt.toISOString(),
        coverAlt: 'Sheep on snow',
      }),
    );
    const before = new Date(at.getTime() - 1000);
    const visible = async (now: Date) => ({
      page: (await getArticle(ctx.db, 'winter-pastures', now)) !== null,
      list: (await listArticles(ctx.db, { tag: null, page: 1, pageSize: 50 }, now)).articles.some((a) => a.slug === 'winter-pastures'),
      feed: (await feedArticles(ctx.db, now)).some((a) => a.slug === 'winter-pastures'),
    });
    expect(await visible(before)).toEqual({ page: false, list: false, feed: false });
    expect(await visible(at)).toEqual({ page: true, list: true, feed: true });
    const scheduled = await listAdminArticles(ctx.db, editor, adminArticleQuerySchema.parse({ status: 'scheduled' }), before);
    expect(scheduled.rows.map((r) => r.slug)).toEqual(['winter-pastures']);
    const drafts = await listAdminArticles(ctx.db, editor, adminArticleQuerySchema.parse({ status: 'draft' }), before);
    expect(drafts.rows.map((r) => r.slug)).toEqual(['part-six']);
    expect((await listSeries(ctx.db, before)).flatMap((s) => s.articles.map((a) => a.slug))).not.toContain('winter-pastures');
  });

  it('an article edited in the admin is not overwritten by its file at the next start; unedited ones still follow their files', async () => {
    const demid = await ctx.db.article.findUniqueOrThrow({ where: { slug: 'marshal-demid-1900-1937' } });
    await updateArticle(
      ctx.db,
      editor,
      demid.id,
      form({
        title: 'Marshal Demid, edited by staff',
        slug: demid.slug,
        series: 'choibalsan',
        seriesPosition: '5',
        status: 'published',
        publishedAt: demid.publishedAt!.toISOString(),
        updatedAt: demid.updatedAt.toISOString(),
        coverAlt: demid.coverAlt,
      }),
    );
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'articles-'));
    await fs.cp(ARTICLES_CONTENT_DIR, dir, { recursive: true });
    const file = path.join(dir, 'council-of-ministers-request.md');
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace(/^title: .*$/m, 'title: The Council Asks Again'));
    await seedArticles(ctx.db, dir);
    expect((await ctx.db.article.findUniqueOrThrow({ where: { slug: 'marshal-demid-1900-1937' } })).title).toBe('Marshal Demid, edited by staff');
    expect((await ctx.db.article.findUniqueOrThrow({ where: { slug: 'council-of-ministers-request' } })).title).toBe('The Council Asks Again');

    // The files swap parts 3 and 5; part 5 is the edited article's now, so the start goes on and the file's article waits outside the order.
    const demidFile = path.join(dir, 'marshal-demid-1900-1937.md');
    await fs.writeFile(demidFile, (await fs.readFile(demidFile, 'utf8')).replace(/^seriesPosition: 5$/m, 'seriesPosition: 3'));
    await fs.writeFile(file, (await fs.readFile(file, 'utf8')).replace(/^seriesPosition: 3$/m, 'seriesPosition: 5'));
    await seedArticles(ctx.db, dir);
    const parts = async (slug: string) => (await ctx.db.article.findUniqueOrThrow({ where: { slug } })).seriesPosition;
    expect(await parts('marshal-demid-1900-1937')).toBe(5);
    expect(await parts('council-of-ministers-request')).toBeNull();
  });
});
