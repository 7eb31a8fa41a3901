import { describe, expect, it } from 'vitest';
import { MAX_SEARCH_WORDS, searchWords, tsqueryText } from './search';

describe('searchWords', () => {
  it('keeps runs of letters and digits, lower case, each once', () => {
    expect(searchWords('Yak  SCARF, yak scarf!')).toEqual(['yak', 'scarf']);
    expect(searchWords('TFS-40')).toEqual(['tfs', '40']);
    expect(searchWords('кашемир Шарф')).toEqual(['кашемир', 'шарф']);
  });

  it('drops what could break a tsquery: quotes, operators, backslashes, wildcards', () => {
    expect(searchWords(`it's a "felt" & | ! <-> :* \\ % _`)).toEqual(['it', 's', 'a', 'felt']);
    expect(searchWords('%')).toEqual([]);
    expect(searchWords('   ')).toEqual([]);
  });

  it(`reads at most ${MAX_SEARCH_WORDS} words`, () => {
    const words = Array.from({ length: 20 }, (_, i) => `w${i}`);
    expect(searchWords(words.join(' '))).toEqual(words.slice(0, MAX_SEARCH_WORDS));
  });
});

describe('tsqueryText', () => {
  it('ANDs the words and ORs each with its corrections', () => {
    expect(tsqueryText(['cashmir', 'scarf'], new Map([['cashmir', ['cashmere']]]))).toBe(`('cashmir' | 'cashmere') & ('scarf')`);
    expect(tsqueryText(['yak'], new Map())).toBe(`('yak')`);
    expect(tsqueryText(['felt'], new Map([['felt', ['belt', 'fell']]]))).toBe(`('felt' | 'belt' | 'fell')`);
  });
});
