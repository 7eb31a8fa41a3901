import { describe, expect, it } from 'vitest';
import { readingMinutes, wordCount, WORDS_PER_MINUTE } from './reading-time';

describe('reading time', () => {
  it('counts the words a reader reads: link text yes, code blocks, images and markup no', () => {
    expect(wordCount('# The 1934 census\n\nHerders *counted* their [camels](https://example.com/x).')).toBe(7);
    expect(wordCount('Before\n\n```ts\nconst a = 1;\n```\n\nafter ![a felt ger](/g.jpg) — end')).toBe(3);
    expect(wordCount('> quoted | table | ~~struck~~ - item')).toBe(4);
    expect(wordCount('Улаанбаатар 1937')).toBe(2);
    expect(wordCount('')).toBe(0);
  });

  it('rounds to whole minutes at 225 words a minute, never under one', () => {
    const words = (n: number) => Array.from({ length: n }, () => 'wool').join(' ');
    expect(WORDS_PER_MINUTE).toBe(225);
    expect(readingMinutes('')).toBe(1);
    expect(readingMinutes(words(337))).toBe(1);
    expect(readingMinutes(words(338))).toBe(2);
    expect(readingMinutes(words(2250))).toBe(10);
  });
});
