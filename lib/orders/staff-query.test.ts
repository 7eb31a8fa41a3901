import { describe, expect, it } from 'vitest';
import { orderNumberIn, parseStaffOrderQuery, staffOrderSearchParams, staffOrderWhere } from './staff-query';

describe('the staff order search', () => {
  it('finds an order by its number however staff type it', () => {
    for (const q of ['MN-100001', 'mn-100001', 'MN100001', '100001', ' 100001 ']) expect(orderNumberIn(q), q).toBe(100001);
    for (const q of ['MN-', 'MN-10a', 'saraa@example.com', '1234567890', '']) expect(orderNumberIn(q), q).toBeNull();
  });

  it('a number searches the number and the e-mail; words search the e-mail only, ignoring case', () => {
    expect(staffOrderWhere(parseStaffOrderQuery({ q: 'MN-100002' }))).toEqual({
      OR: [{ email: { contains: 'MN-100002', mode: 'insensitive' } }, { number: 100002 }],
    });
    expect(staffOrderWhere(parseStaffOrderQuery({ q: 'Saraa@' }))).toEqual({ OR: [{ email: { contains: 'Saraa@', mode: 'insensitive' } }] });
    expect(staffOrderWhere(parseStaffOrderQuery({}))).toEqual({});
  });

  it('filters by status and by placement day, both days included, in UTC', () => {
    const q = parseStaffOrderQuery({ status: 'paid', from: '2026-11-01', to: '2026-11-30' });
    expect(staffOrderWhere(q)).toEqual({
      status: 'paid',
      createdAt: { gte: new Date('2026-11-01T00:00:00Z'), lt: new Date('2026-12-01T00:00:00Z') },
    });
    expect(staffOrderWhere(parseStaffOrderQuery({ to: '2026-02-28' }))).toEqual({ createdAt: { lt: new Date('2026-03-01T00:00:00Z') } });
    expect(staffOrderWhere(parseStaffOrderQuery({ from: '2026-02-28' }))).toEqual({ createdAt: { gte: new Date('2026-02-28T00:00:00Z') } });
  });

  it('drops what makes no sense instead of failing: unknown status, impossible dates, junk pages, control characters', () => {
    expect(parseStaffOrderQuery({ status: 'lost', from: '2026-02-30', to: 'yesterday', page: '-3', q: 'a\u0000b\u001f ' })).toEqual({
      q: 'ab',
      status: null,
      from: null,
      to: null,
      page: 1,
    });
    expect(parseStaffOrderQuery({ page: ['3', '4'], q: 'x'.repeat(300) })).toMatchObject({ page: 3, q: 'x'.repeat(100) });
    expect(parseStaffOrderQuery({ page: '1001' }).page).toBe(1);
  });

  it('writes the query back into a link, without defaults', () => {
    const q = parseStaffOrderQuery({ q: 'MN-100001', status: 'shipped', from: '2026-11-01', to: '2026-11-02', page: '2' });
    expect(staffOrderSearchParams(q).toString()).toBe('q=MN-100001&status=shipped&from=2026-11-01&to=2026-11-02&page=2');
    expect(staffOrderSearchParams(q, 1).toString()).toBe('q=MN-100001&status=shipped&from=2026-11-01&to=2026-11-02');
    expect(staffOrderSearchParams(parseStaffOrderQuery({})).toString()).toBe('');
  });
});
