import { describe, expect, it } from 'vitest';
import { newId } from './new-id';

describe('newId', () => {
  it('looks like a Prisma cuid, which the staff forms accept', () => {
    for (let i = 0; i < 1_000; i++) expect(newId()).toMatch(/^c[a-z0-9]{24}$/);
    expect(newId(0)).toMatch(/^c00000000[a-z0-9]{16}$/);
  });

  it('never repeats, even within one millisecond', () => {
    const ids = Array.from({ length: 50_000 }, () => newId(1_800_000_000_000));
    expect(new Set(ids).size).toBe(ids.length);
  });
});
