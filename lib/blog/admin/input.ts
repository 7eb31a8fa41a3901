import { z } from 'zod';
import { isSlug, MAX_SLUG_LENGTH } from '../../slug';
import { slugify } from '../../catalog/admin/slugify';
import { ARTICLE_TAG, MAX_ARTICLE_TAGS, parseTagList } from './tag-list';
import { requiredText as text } from '../../admin/form';

/**
 * The article form as the browser posts it (all strings), parsed into what save-article.ts writes.
 * Every message is for the person typing and is shown beside its field. Status is draft or
 * published; a published article dated in the future is scheduled (shown from that time on).
 */
export const ARTICLE_FORM_STATUSES = ['draft', 'published'] as const;
/** The Markdown body, in bytes of UTF-8 (what is stored and rendered). */
export const MAX_BODY_BYTES = 100 * 1024;
const FIELDS = [
  'title',
  'slug',
  'subtitle',
  'excerpt',
  'author',
  'tags',
  'series',
  'seriesPosition',
  'status',
  'publishedAt',
  'coverAlt',
  'updatedAt',
] as const;
const MAX_FIELD = 2_000;

/**
 * A date and time as a datetime-local field sends it ("2026-09-01T08:00", read as UTC, as the form
 * says), or a full ISO time with its zone. Empty is no date.
 */
const dateTime = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const local = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?$/.test(v);
    const zoned = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/.test(v);
    const d = local ? new Date(`${v}Z`) : zoned ? new Date(v) : null;
    if (!d || Number.isNaN(d.getTime()) || d.getUTCFullYear() < 1900 || d.getUTCFullYear() > 2200) {
      ctx.addIssue({ code: 'custom', message: 'Enter a date and time such as 2026-09-01 08:00 (UTC)' });
      return z.NEVER;
    }
    return d;
  });

export const articleInputSchema = z
  .object({
    title: text('a title', 200),
    slug: z.string().trim().max(MAX_SLUG_LENGTH, `Keep the slug under ${MAX_SLUG_LENGTH} characters`).optional(),
    subtitle: text('a subtitle', 200),
    excerpt: text('an excerpt (the lines shown in the journal’s list)', 320),
    body: z
      .string({ error: 'Write the article' })
      .refine((v) => v.trim().length > 0, 'Write the article')
      .refine((v) => new TextEncoder().encode(v).length <= MAX_BODY_BYTES, 'Keep the article under 100 kB of text')
      .refine((v) => !/[\0]/.test(v), 'The article contains a character that cannot be stored (NUL)'),
    author: text('the author’s name', 80),
    tags: z
      .string()
      .max(MAX_FIELD, 'Keep the tags under 2000 characters')
      .optional()
      .transform((v) => parseTagList(v ?? ''))
      .superRefine((tags, ctx) => {
        const bad = tags.find((t) => t.length < 2 || t.length > 30 || !ARTICLE_TAG.test(t));
        if (bad) ctx.addIssue({ code: 'custom', message: `“${bad}” is not a tag: use 2 to 30 letters or digits, words joined by hyphens` });
        else if (tags.length > MAX_ARTICLE_TAGS) ctx.addIssue({ code: 'custom', message: `Use at most ${MAX_ARTICLE_TAGS} tags` });
      }),
    series: z
      .string()
      .trim()
      .optional()
      .transform((v) => v || null)
      .refine((v) => v === null || isSlug(v), 'Choose a series from the list'),
    seriesPosition: z
      .string()
      .trim()
      .optional()
      .transform((v, ctx) => {
        if (!v) return null;
        if (!/^\d{1,4}$/.test(v) || Number(v) < 1) {
          ctx.addIssue({ code: 'custom', message: 'Enter the part as a whole number from 1' });
          return z.NEVER;
        }
        return Number(v);
      }),
    status: z.enum(ARTICLE_FORM_STATUSES, { error: 'Choose draft or published' }),
    publishedAt: dateTime,
    coverAlt: z.string().trim().max(200, 'Keep the alt text under 200 characters').optional(),
    updatedAt: z.iso.datetime({ error: 'Reload the page and try again' }).optional(),
  })
  .transform((a, ctx) => {
    const slug = a.slug ? a.slug : slugify(a.title);
    if (!isSlug(slug))
      ctx.addIssue({ code: 'custom', path: ['slug'], message: 'A slug is lower-case letters and digits joined by hyphens, e.g. marshal-demid' });
    if (a.series && a.seriesPosition === null) ctx.addIssue({ code: 'custom', path: ['seriesPosition'], message: 'Enter which part of the series this is' });
    if (!a.series && a.seriesPosition !== null) ctx.addIssue({ code: 'custom', path: ['series'], message: 'Choose the series this part belongs to' });
    if (a.status === 'published' && !a.publishedAt)
      ctx.addIssue({ code: 'custom', path: ['publishedAt'], message: 'Enter when to publish: now or earlier shows it at once, a later time schedules it' });
    return { ...a, slug, coverAlt: a.coverAlt ?? '' };
  });

export type ArticleInput = z.output<typeof articleInputSchema>;

/** The posted form as the schema's input, and as flat strings to give back to the form when it is refused (each cut, so a 1 MB title never reaches zod whole). */
export function readArticleForm(form: FormData): { raw: Record<string, string>; values: Record<string, string> } {
  const values: Record<string, string> = {};
  for (const f of FIELDS) {
    const v = form.get(f);
    if (typeof v === 'string') values[f] = v.length > MAX_FIELD ? v.slice(0, MAX_FIELD + 1) : v;
  }
  const body = form.get('body');
  if (typeof body === 'string') values.body = body.length > MAX_BODY_BYTES ? body.slice(0, MAX_BODY_BYTES + 1) : body;
  return { raw: { ...values }, values };
}

/** "2026-09-01T08:00" for a datetime-local field (UTC), or '' for no date. */
export function toDateTimeField(d: Date | null): string {
  return d ? d.toISOString().slice(0, 16) : '';
}

/** Staff list filters from the URL; anything unexpected falls back to "all". */
export const adminArticleQuerySchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  status: z.enum(['draft', 'scheduled', 'published']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
export type AdminArticleQuery = z.output<typeof adminArticleQuerySchema>;
