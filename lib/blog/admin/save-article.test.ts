import { describe, expect, it } from 'vitest';
import { PermissionError } from '../../auth/permissions';
import type { Db } from '../../db';
import { articleAuditView, articleForEdit, createArticle, seriesChoices, updateArticle } from './save-article';
import { articleInputSchema } from './input';

const row = {
  title: 'T',
  slug: 't',
  subtitle: 'S',
  excerpt: 'E',
  author: 'A',
  tags: ['x'],
  series: { slug: 'choibalsan-years', title: 'The Choibalsan years' },
  seriesPosition: 2,
  status: 'published' as const,
  publishedAt: new Date('2026-01-01T00:00:00Z'),
  coverPath: '/media/articles/c1/abc.webp',
  coverAlt: 'A yurt',
  body: 'Hello',
};

describe('articleAuditView', () => {
  it('keeps the fields and only a summary of the body', () => {
    const v = articleAuditView(row);
    expect(v).toMatchObject({ series: 'choibalsan-years', seriesPosition: 2, publishedAt: '2026-01-01T00:00:00.000Z', body: { characters: 5 } });
    expect(v.body.sha256).toMatch(/^[a-f0-9]{16}$/);
    expect(articleAuditView({ ...row, body: 'Hello!' }).body.sha256).not.toBe(v.body.sha256);
    expect(articleAuditView({ ...row, series: null, publishedAt: null })).toMatchObject({ series: null, publishedAt: null });
  });
});

describe('the role check comes first', () => {
  const db = {} as Db;
  const input = articleInputSchema.parse({ title: 'T', subtitle: 'S', excerpt: 'E', body: 'B', author: 'A', status: 'draft' });
  it('refuses a missing or disabled actor before touching the database', async () => {
    await expect(createArticle(db, null as never, input)).rejects.toBeInstanceOf(PermissionError);
    await expect(updateArticle(db, undefined as never, 'c1', input)).rejects.toBeInstanceOf(PermissionError);
    await expect(articleForEdit(db, null as never, 'c1')).rejects.toBeInstanceOf(PermissionError);
    await expect(seriesChoices(db, null as never)).rejects.toBeInstanceOf(PermissionError);
  });
  it('a new article cannot be published before it has a cover', async () => {
    const editor = { id: 'c1', email: 'e@example.com', name: 'E', role: 'editor' as const };
    await expect(createArticle(db, editor, { ...input, status: 'published', publishedAt: new Date() })).rejects.toMatchObject({
      kind: 'cover-missing',
      field: 'status',
    });
  });
});
