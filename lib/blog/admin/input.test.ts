import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../../admin/form';
import { adminArticleQuerySchema, articleInputSchema, MAX_BODY_BYTES, readArticleForm, toDateTimeField } from './input';

const good = {
  title: 'The Marshal’s Last Winter',
  subtitle: 'Demid in 1937',
  excerpt: 'How the marshal spent his last months.',
  body: '## Ulaanbaatar\n\nThe winter of 1936 was long.',
  author: 'B. Oyun',
  tags: 'History, 1937',
  series: '',
  seriesPosition: '',
  status: 'draft',
  publishedAt: '',
  coverAlt: '',
};

function errors(over: Record<string, unknown>): Record<string, string> {
  const r = articleInputSchema.safeParse({ ...good, ...over });
  return r.success ? {} : fieldErrors(r.error);
}

describe('the article form', () => {
  it('suggests the slug from the title, normalises the tags, reads an empty series and date as none', () => {
    expect(articleInputSchema.parse(good)).toMatchObject({
      slug: 'the-marshal-s-last-winter',
      tags: ['history', '1937'],
      series: null,
      seriesPosition: null,
      publishedAt: null,
      coverAlt: '',
    });
    expect(articleInputSchema.parse({ ...good, slug: 'demid' }).slug).toBe('demid');
  });
  it('reads a datetime-local value as UTC, and a zoned time as itself', () => {
    expect(articleInputSchema.parse({ ...good, publishedAt: '2026-09-01T08:00' }).publishedAt?.toISOString()).toBe('2026-09-01T08:00:00.000Z');
    expect(articleInputSchema.parse({ ...good, publishedAt: '2026-09-01T08:00:00+08:00' }).publishedAt?.toISOString()).toBe('2026-09-01T00:00:00.000Z');
  });
  it('says what is wrong beside each field', () => {
    expect(errors({ title: 'x'.repeat(1_000_000) })).toEqual({ title: 'Keep a title under 200 characters' });
    expect(errors({ title: '   ' })).toEqual({ title: 'Enter a title' });
    expect(errors({ slug: 'Not A Slug' })).toEqual({ slug: 'A slug is lower-case letters and digits joined by hyphens, e.g. marshal-demid' });
    expect(errors({ body: 'é'.repeat(MAX_BODY_BYTES / 2 + 1) })).toEqual({ body: 'Keep the article under 100 kB of text' });
    expect(errors({ body: 'a'.repeat(MAX_BODY_BYTES) })).toEqual({});
    expect(errors({ body: '\n ' })).toEqual({ body: 'Write the article' });
    expect(errors({ tags: 'ok, x' })).toEqual({ tags: '“x” is not a tag: use 2 to 30 letters or digits, words joined by hyphens' });
    expect(errors({ tags: 'a1,b2,c3,d4,e5,f6,g7,h8,i9' })).toEqual({ tags: 'Use at most 8 tags' });
    expect(errors({ publishedAt: 'next tuesday' })).toEqual({ publishedAt: 'Enter a date and time such as 2026-09-01 08:00 (UTC)' });
    expect(errors({ status: 'scheduled' })).toEqual({ status: 'Choose draft or published' });
    expect(errors({ coverAlt: 'x'.repeat(201) })).toEqual({ coverAlt: 'Keep the alt text under 200 characters' });
    expect(errors({ title: 'Bad\u0007bell' })).toEqual({ title: 'Use letters, numbers and punctuation only in a title' });
  });
  it('publishing needs a date; a series needs a positive part, and a part needs a series', () => {
    expect(errors({ status: 'published' })).toEqual({
      publishedAt: 'Enter when to publish: now or earlier shows it at once, a later time schedules it',
    });
    expect(errors({ status: 'published', publishedAt: '2030-01-01T00:00' })).toEqual({});
    expect(errors({ series: 'choibalsan-years' })).toEqual({ seriesPosition: 'Enter which part of the series this is' });
    expect(errors({ series: 'choibalsan-years', seriesPosition: '0' })).toEqual({ seriesPosition: 'Enter the part as a whole number from 1' });
    expect(errors({ series: 'choibalsan-years', seriesPosition: '2.5' })).toEqual({ seriesPosition: 'Enter the part as a whole number from 1' });
    expect(errors({ seriesPosition: '2' })).toEqual({ series: 'Choose the series this part belongs to' });
    expect(articleInputSchema.parse({ ...good, series: 'choibalsan-years', seriesPosition: '2' })).toMatchObject({
      series: 'choibalsan-years',
      seriesPosition: 2,
    });
  });
});

describe('readArticleForm', () => {
  it('cuts each field before parsing, keeping enough to say it is too long', () => {
    const form = new FormData();
    form.set('title', 'x'.repeat(1_000_000));
    form.set('body', 'y'.repeat(MAX_BODY_BYTES + 50));
    form.set('unknown', 'ignored');
    const { raw, values } = readArticleForm(form);
    expect(raw.title).toHaveLength(2_001);
    expect(values.body).toHaveLength(MAX_BODY_BYTES + 1);
    expect(raw).not.toHaveProperty('unknown');
  });
});

describe('toDateTimeField and the list query', () => {
  it('gives a datetime-local value in UTC', () => {
    expect(toDateTimeField(new Date('2026-09-01T08:00:30Z'))).toBe('2026-09-01T08:00');
    expect(toDateTimeField(null)).toBe('');
  });
  it('falls back to all for anything unexpected', () => {
    expect(adminArticleQuerySchema.parse({ status: 'scheduled', page: '2', q: ' demid ' })).toEqual({ status: 'scheduled', page: 2, q: 'demid' });
    expect(adminArticleQuerySchema.parse({ status: 'bogus', page: '-1' })).toEqual({ status: undefined, page: 1, q: undefined });
  });
});
