import { describe, expect, it } from 'vitest';
import { changedFields } from './diff';

describe('changedFields', () => {
  it('keeps only what changed, on both sides', () => {
    expect(changedFields({ title: 'A', price: 100, tags: ['x'] }, { title: 'A', price: 120, tags: ['x'] })).toEqual({
      before: { price: 100 },
      after: { price: 120 },
    });
  });
  it('compares arrays and dates by content', () => {
    const d = '2026-11-27T10:00:00.000Z';
    expect(changedFields({ at: new Date(d), c: ['a', 'b'] }, { at: new Date(d), c: ['a', 'b'] })).toBeNull();
    expect(changedFields({ c: ['a', 'b'] }, { c: ['b', 'a'] })).toEqual({ before: { c: ['a', 'b'] }, after: { c: ['b', 'a'] } });
  });
  it('notices a field that appears or disappears', () => {
    expect(changedFields<Record<string, unknown>>({ a: 1 }, { a: 1, b: 2 })).toEqual({ before: { b: undefined }, after: { b: 2 } });
  });
});
