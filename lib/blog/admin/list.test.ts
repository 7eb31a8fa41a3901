import { describe, expect, it } from 'vitest';
import { PermissionError } from '../../auth/permissions';
import type { Db } from '../../db';
import { articleListWhere, listAdminArticles } from './list';

const now = new Date('2026-06-01T12:00:00Z');

describe('articleListWhere', () => {
  it('lists everything when nothing is asked', () => {
    expect(articleListWhere({}, now)).toEqual({});
  });
  it('searches the title (any case) and the slug', () => {
    expect(articleListWhere({ q: 'Demid' }, now)).toEqual({
      AND: [{ OR: [{ title: { contains: 'Demid', mode: 'insensitive' } }, { slug: { contains: 'demid' } }] }],
    });
  });
  it('filters by what readers see: drafts, scheduled (dated after now), published (dated now or before)', () => {
    const live = { in: ['published', 'scheduled'] };
    expect(articleListWhere({ status: 'draft' }, now)).toEqual({ AND: [{ OR: [{ status: 'draft' }, { publishedAt: null }] }] });
    expect(articleListWhere({ status: 'scheduled' }, now)).toEqual({ AND: [{ status: live, publishedAt: { gt: now } }] });
    expect(articleListWhere({ status: 'published' }, now)).toEqual({ AND: [{ status: live, publishedAt: { lte: now } }] });
  });
});

describe('listAdminArticles', () => {
  it('checks the role before reading anything', async () => {
    const db = {} as Db;
    await expect(listAdminArticles(db, null as never, { page: 1 }, now)).rejects.toBeInstanceOf(PermissionError);
  });
});
