import { describe, expect, it } from 'vitest';
import { formatOrderNumber, parseOrderNumber } from './order-number';

describe('order numbers', () => {
  it('read MN- and at least six digits', () => {
    expect(formatOrderNumber(100001)).toBe('MN-100001');
    expect(parseOrderNumber('MN-100001')).toBe(100001);
    expect(parseOrderNumber(' mn-100002 ')).toBe(100002);
    expect(parseOrderNumber('MN100003')).toBe(100003);
  });
  it('refuse anything else', () => {
    for (const s of ['', 'MN-', 'MN-12345', 'XX-100001', 'MN-100001; drop table', 'MN-1000000000', 'XMN-100001', 'order MN-100001'])
      expect(parseOrderNumber(s), s).toBeNull();
  });
});
