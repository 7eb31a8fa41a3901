import { describe, expect, it } from 'vitest';
import { articleState, articleStateLabel } from './state';

const now = new Date('2026-06-01T12:00:00Z');

describe('articleState', () => {
  it('a draft is a draft whatever its date', () => {
    expect(articleState({ status: 'draft', publishedAt: new Date('2020-01-01T00:00:00Z') }, now)).toBe('draft');
    expect(articleState({ status: 'draft', publishedAt: null }, now)).toBe('draft');
  });
  it('published in the future is scheduled; at or after its time it is published (like visibleTo: publishedAt <= now)', () => {
    expect(articleState({ status: 'published', publishedAt: new Date('2026-06-01T12:00:01Z') }, now)).toBe('scheduled');
    expect(articleState({ status: 'published', publishedAt: now }, now)).toBe('published');
    expect(articleState({ status: 'scheduled', publishedAt: new Date('2026-05-01T00:00:00Z') }, now)).toBe('published');
    expect(articleState({ status: 'scheduled', publishedAt: new Date('2026-07-01T00:00:00Z') }, now)).toBe('scheduled');
  });
  it('published without a date is never shown, so it counts as a draft', () => {
    expect(articleState({ status: 'published', publishedAt: null }, now)).toBe('draft');
  });
});

describe('articleStateLabel', () => {
  it('says when, in UTC', () => {
    expect(articleStateLabel({ status: 'draft', publishedAt: null }, now)).toBe('Draft');
    expect(articleStateLabel({ status: 'published', publishedAt: new Date('2026-09-01T08:00:00Z') }, now)).toBe('Scheduled for 1 Sept 2026, 08:00 UTC');
    expect(articleStateLabel({ status: 'published', publishedAt: new Date('2026-03-12T08:00:00Z') }, now)).toBe('Published 12 Mar 2026, 08:00 UTC');
  });
});
