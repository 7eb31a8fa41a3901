import fs from 'node:fs/promises';
import path from 'node:path';
import matter from 'gray-matter';
import { z } from 'zod';
import type { Db } from '../db';
import { newId } from '../db/new-id';
import { batches, BULK_TRANSACTION } from '../db/batches';
import { ContentError, parseContent } from '../content-error';

/**
 * The editorial source: content/articles/*.md with front matter, plus series.json. Every file
 * is validated before anything is written; loading is an upsert by slug, so running it twice
 * changes nothing and an edited file updates its article.
 */
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens');

export const seriesFileSchema = z.array(z.strictObject({ slug, title: z.string().min(3).max(120), description: z.string().min(10).max(400) }));

export const articleFrontMatterSchema = z
  .strictObject({
    title: z.string().min(5).max(140),
    subtitle: z.string().min(5).max(200),
    excerpt: z.string().min(40).max(320),
    author: z.string().min(2).max(80),
    series: slug.optional(),
    seriesPosition: z.number().int().min(1).optional(),
    tags: z
      .array(z.string().regex(/^[a-z0-9-]{2,30}$/, 'tags are lower-case words joined by hyphens'))
      .max(8)
      .default([]),
    status: z.enum(['draft', 'published', 'scheduled']),
    // YAML turns an unquoted date into a Date; a quoted one stays a string.
    publishedAt: z.coerce.date({ error: 'must be a date such as 2026-03-12T08:00:00Z' }).optional(),
    revisedAt: z.coerce.date({ error: 'must be a date such as 2026-03-12T08:00:00Z' }).optional(),
    cover: z.strictObject({ alt: z.string().min(5).max(200) }),
  })
  .superRefine((a, ctx) => {
    if ((a.series === undefined) !== (a.seriesPosition === undefined))
      ctx.addIssue({ code: 'custom', path: ['seriesPosition'], message: 'series and seriesPosition go together' });
    if (a.status !== 'draft' && !a.publishedAt) ctx.addIssue({ code: 'custom', path: ['publishedAt'], message: 'is required unless the article is a draft' });
    if (a.revisedAt && a.publishedAt && a.revisedAt < a.publishedAt)
      ctx.addIssue({ code: 'custom', path: ['revisedAt'], message: 'cannot be before publishedAt' });
  });

export interface ArticleContent {
  slug: string;
  frontMatter: z.infer<typeof articleFrontMatterSchema>;
  body: string;
}

export const articleCoverPath = (articleSlug: string) => `/images/articles/${articleSlug}.webp`;

export async function readArticleContent(dir: string): Promise<{ series: z.infer<typeof seriesFileSchema>; articles: ArticleContent[] }> {
  const seriesFile = path.join(dir, 'series.json');
  const rel = (f: string) => path.relative(process.cwd(), f);
  let seriesJson: unknown;
  try {
    seriesJson = JSON.parse(await fs.readFile(seriesFile, 'utf8'));
  } catch (err) {
    throw new ContentError(rel(seriesFile), '', `cannot be read (${(err as Error).message})`);
  }
  const series = parseContent(rel(seriesFile), seriesJson, seriesFileSchema);
  const seriesSlugs = new Set(series.map((s) => s.slug));
  const names = (await fs.readdir(dir)).filter((n) => n.endsWith('.md')).sort();
  const articles: ArticleContent[] = [];
  const positions = new Map<string, string>();
  for (const name of names) {
    const file = rel(path.join(dir, name));
    const articleSlug = name.replace(/\.md$/, '');
    if (!slug.safeParse(articleSlug).success) throw new ContentError(file, 'slug', 'file names are lower-case words joined by hyphens');
    let parsedFile: matter.GrayMatterFile<string>;
    try {
      parsedFile = matter(await fs.readFile(path.join(dir, name), 'utf8'));
    } catch (err) {
      throw new ContentError(file, 'front matter', `is not valid YAML (${(err as Error).message.split('\n')[0]})`);
    }
    const fm = parseContent(file, parsedFile.data, articleFrontMatterSchema);
    if (fm.series && !seriesSlugs.has(fm.series)) throw new ContentError(file, 'series', `names an unknown series "${fm.series}"`);
    if (fm.series) {
      const key = `${fm.series}#${fm.seriesPosition}`;
      const other = positions.get(key);
      if (other) throw new ContentError(file, 'seriesPosition', `${fm.seriesPosition} is already taken by ${other}`);
      positions.set(key, file);
    }
    if (parsedFile.content.trim().length < 200) throw new ContentError(file, 'body', 'is too short to be an article');
    articles.push({ slug: articleSlug, frontMatter: fm, body: parsedFile.content.trim() + '\n' });
  }
  return { series, articles };
}

/** An article's row as a file gives it. */
interface ArticleData {
  title: string;
  subtitle: string;
  excerpt: string;
  body: string;
  coverPath: string;
  coverAlt: string;
  author: string;
  seriesId: string | null;
  seriesPosition: number | null;
  tags: string[];
  status: 'draft' | 'published' | 'scheduled';
  publishedAt: Date | null;
  revisedAt: Date | null;
}

export async function loadArticles(db: Db, content: Awaited<ReturnType<typeof readArticleContent>>): Promise<{ articles: number }> {
  await db.$transaction(async (tx) => {
    const seriesIds = new Map<string, string>();
    for (const s of content.series) {
      const row = await tx.series.upsert({
        where: { slug: s.slug },
        create: s,
        update: { title: s.title, description: s.description },
        select: { id: true },
      });
      seriesIds.set(s.slug, row.id);
    }
    // An article staff created or edited in /admin (editedAt) is theirs now: its file is not loaded again.
    const before = new Map((await tx.article.findMany({ where: { slug: { in: content.articles.map((a) => a.slug) } } })).map((r) => [r.slug, r]));
    const articles = content.articles.filter((a) => !before.get(a.slug)?.editedAt);
    // A place in a series that staff gave an edited article stays theirs; the file's article is loaded outside the series order.
    const heldByStaff = new Set(
      (await tx.article.findMany({ where: { editedAt: { not: null }, seriesPosition: { not: null } }, select: { seriesId: true, seriesPosition: true } })).map(
        (r) => `${r.seriesId}#${r.seriesPosition}`,
      ),
    );
    // Positions are unique per series: free the ones that move first, so a reordering can be loaded.
    const moving = articles.filter((a) => {
      const old = before.get(a.slug);
      return (
        old &&
        old.seriesPosition !== null &&
        (old.seriesPosition !== (a.frontMatter.seriesPosition ?? null) || old.seriesId !== (a.frontMatter.series ? seriesIds.get(a.frontMatter.series) : null))
      );
    });
    if (moving.length) await tx.article.updateMany({ where: { slug: { in: moving.map((a) => a.slug) } }, data: { seriesPosition: null } });
    // New articles go in with one INSERT per 500 (a magazine of 1,000 loads in one transaction of seconds);
    // existing ones are compared with the rows read above and only the changed ones written.
    const creates: (ArticleData & { slug: string })[] = [];
    for (const a of articles) {
      const fm = a.frontMatter;
      const seriesId = fm.series ? seriesIds.get(fm.series)! : null;
      const seriesPosition = seriesId && fm.seriesPosition !== undefined && !heldByStaff.has(`${seriesId}#${fm.seriesPosition}`) ? fm.seriesPosition : null;
      const data: ArticleData = {
        title: fm.title,
        subtitle: fm.subtitle,
        excerpt: fm.excerpt,
        body: a.body,
        coverPath: articleCoverPath(a.slug),
        coverAlt: fm.cover.alt,
        author: fm.author,
        seriesId,
        seriesPosition,
        tags: fm.tags,
        status: fm.status,
        publishedAt: fm.publishedAt ?? null,
        revisedAt: fm.revisedAt ?? null,
      };
      const existing = before.get(a.slug);
      if (!existing) {
        creates.push({ slug: a.slug, ...data });
        continue;
      }
      // Write only what changed, so an unchanged file leaves updatedAt alone.
      const changed = (Object.keys(data) as (keyof typeof data)[]).some((k) => JSON.stringify(existing[k]) !== JSON.stringify(data[k]));
      if (changed) await tx.article.update({ where: { slug: a.slug }, data });
    }
    for (const b of batches(creates, 500)) {
      // Columns as arrays spread by unnest (lib/catalog/bulk-write.ts): several times faster than createMany.
      // Tags travel as JSON text, since unnest would flatten a two-dimensional array.
      await tx.$executeRaw`
          INSERT INTO "Article" (id, slug, title, subtitle, excerpt, body, "coverPath", "coverAlt", author, "seriesId", "seriesPosition", tags, status,
            "publishedAt", "revisedAt", "updatedAt")
          SELECT u.id, u.slug, u.title, u.subtitle, u.excerpt, u.body, u."coverPath", u."coverAlt", u.author, u."seriesId", u."seriesPosition",
            ARRAY(SELECT jsonb_array_elements_text(u.tags::jsonb)), u.status::"ArticleStatus", u."publishedAt", u."revisedAt", CURRENT_TIMESTAMP
          FROM unnest(${b.map(() => newId())}::text[], ${b.map((a) => a.slug)}::text[], ${b.map((a) => a.title)}::text[], ${b.map((a) => a.subtitle)}::text[],
            ${b.map((a) => a.excerpt)}::text[], ${b.map((a) => a.body)}::text[], ${b.map((a) => a.coverPath)}::text[], ${b.map((a) => a.coverAlt)}::text[],
            ${b.map((a) => a.author)}::text[], ${b.map((a) => a.seriesId)}::text[], ${b.map((a) => a.seriesPosition)}::int[],
            ${b.map((a) => JSON.stringify(a.tags))}::text[], ${b.map((a) => a.status)}::text[],
            ${b.map((a) => a.publishedAt?.toISOString() ?? null)}::timestamp(3)[], ${b.map((a) => a.revisedAt?.toISOString() ?? null)}::timestamp(3)[])
            AS u(id, slug, title, subtitle, excerpt, body, "coverPath", "coverAlt", author, "seriesId", "seriesPosition", tags, status, "publishedAt", "revisedAt")`;
    }
  }, BULK_TRANSACTION);
  return { articles: content.articles.length };
}
