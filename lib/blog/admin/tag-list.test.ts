import { describe, expect, it } from 'vitest';
import { parseTagList } from './tag-list';

describe('parseTagList', () => {
  it('normalises a typed comma list: trimmed, lower-case, hyphenated, without repeats or blanks, in typed order', () => {
    expect(parseTagList(' Soviet Troops, 1937 ,history,, HISTORY , red_army ')).toEqual(['soviet-troops', '1937', 'history', 'red-army']);
  });
  it('drops accents and collapses runs of spaces and hyphens', () => {
    expect(parseTagList('Ögedei  Khan, --choibalsan--')).toEqual(['ogedei-khan', 'choibalsan']);
  });
  it('an empty field is no tags', () => {
    expect(parseTagList('')).toEqual([]);
    expect(parseTagList(' , ,')).toEqual([]);
  });
});
