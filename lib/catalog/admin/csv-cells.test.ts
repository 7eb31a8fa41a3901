import { describe, expect, it } from 'vitest';
import { protectCell, unprotectCell } from './csv-cells';

describe('CSV cells a spreadsheet would run as formulas', () => {
  it('are written as text with a leading apostrophe', () => {
    expect(protectCell('=HYPERLINK("http://evil.example","Click")')).toBe('\'=HYPERLINK("http://evil.example","Click")');
    expect(protectCell('+1')).toBe("'+1");
    expect(protectCell('- a Markdown list')).toBe("'- a Markdown list");
    expect(protectCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(protectCell('\tx')).toBe("'\tx");
    expect(protectCell('\rx')).toBe("'\rx");
  });

  it('leave every other cell alone', () => {
    for (const v of ['', 'Gobi crew neck', '49.00', "'quoted", 'a=b', 'x-y']) expect(protectCell(v)).toBe(v);
  });

  it('read back exactly as they were', () => {
    for (const v of ['=1+1', '-2', '+3', '@x', '\tx', '\rx', "'=kept", "'plain", 'plain', '', "''"]) expect(unprotectCell(protectCell(v))).toBe(v);
    // An apostrophe typed before ordinary text is the shop's own text, not our mark.
    expect(unprotectCell("'tis the season")).toBe("'tis the season");
  });
});
