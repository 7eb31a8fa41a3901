import { describe, expect, it } from 'vitest';
import { formatArticleDate } from './dates';

describe('article dates', () => {
  it('are a day, a month in words and a year, in UTC whatever the server’s zone', () => {
    expect(formatArticleDate('1937-09-10T00:00:00Z')).toBe('10 September 1937');
    expect(formatArticleDate('2026-01-01T23:30:00Z')).toBe('1 January 2026');
  });
});
