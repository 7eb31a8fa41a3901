import { stringify } from 'csv-stringify/sync';
import { beforeAll, beforeEach, expect, it, vi } from 'vitest';
import type { CsvImportState } from '@/components/admin/csv-import-state';
import type { StaffActor } from '@/lib/auth/permissions';
import { inviteStaff, setupOwner } from '@/lib/auth/staff';
import { CSV_COLUMNS } from '@/lib/catalog/admin/csv-columns';
import { seedCatalog } from '@/lib/catalog/seed-catalog';
import { useDb } from '@/lib/db';
import { describeEachDatabase } from '../support/databases';
import { snapshotTables } from '../support/snapshot';

/**
 * The staff CSV import's server action itself, called as the page's form calls it: a file is checked,
 * kept on the server under a key (lib/catalog/admin/checked-file.ts), and imported by that key. The
 * key is the only thing the form carries, so it is a stranger's input: a key that is not a UUID, or
 * another staff member's key, changes nothing and says why; one import per check.
 */

const nav = vi.hoisted(() => ({ cookie: { value: '' }, tags: [] as string[] }));
vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw new Error(`redirect ${url}`);
  },
  forbidden: () => {
    throw new Error('forbidden');
  },
  notFound: () => {
    throw new Error('not found');
  },
}));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ cookie: nav.cookie.value, 'x-forwarded-for': '203.0.113.9', origin: 'http://localhost:3000', host: 'localhost:3000' }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => undefined, delete: () => undefined, has: () => false }),
}));
vi.mock('next/cache', () => ({
  updateTag: (tag: string) => void nav.tags.push(tag),
  revalidateTag: () => undefined,
  revalidatePath: () => undefined,
  refresh: () => undefined,
}));

const PASSWORD = 'correct horse battery';
const START: CsvImportState = { attempt: 0, message: null, report: null, checked: null };

const csv = (sku: string, handle: string) =>
  stringify([
    [...CSV_COLUMNS],
    CSV_COLUMNS.map(
      (c) =>
        (
          ({
            Handle: handle,
            Title: 'Khangai felt slippers',
            'Body (Markdown)': 'Felted by hand from sheep wool.',
            Material: 'felt',
            Wool: 'TRUE',
            Origin: 'Arkhangai aimag',
            Care: 'Brush off dust.',
            Status: 'active',
            'Option1 Name': 'Size',
            'Option1 Value': '38',
            'Option2 Name': 'Colour',
            'Option2 Value': 'Grey',
            'Variant SKU': sku,
            'Variant Price': '64.00',
            'Variant Inventory Qty': '5',
          }) as Record<string, string>
        )[c] ?? '',
    ),
  ]);

const form = (fields: Record<string, string | File>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};

describeEachDatabase('the CSV import action: check, then import by the key of the kept file', (ctx) => {
  const sessions: Record<'owner' | 'manager', string> = { owner: '', manager: '' };
  let importCsvAction: typeof import('@/app/(admin)/admin/products/import-actions').importCsvAction;

  beforeAll(async () => {
    useDb(ctx.handle);
    // Better Auth is built once per process over db(): build it afresh over this engine's database.
    (globalThis as { __staffAuth?: unknown }).__staffAuth = undefined;
    const server = await import('@/lib/auth/server');
    ({ importCsvAction } = await import('@/app/(admin)/admin/products/import-actions'));
    await seedCatalog(ctx.db);
    const o = await setupOwner(ctx.db, { email: 'owner-csv@example.com', name: 'Owner', password: PASSWORD });
    const owner: StaffActor = { id: o.id, email: o.email, name: o.name, role: 'owner' };
    await inviteStaff(ctx.db, owner, { email: 'manager-csv@example.com', name: 'Manager', role: 'manager', password: PASSWORD });
    const auth = await server.staffAuth();
    for (const [who, email] of [
      ['owner', 'owner-csv@example.com'],
      ['manager', 'manager-csv@example.com'],
    ] as const) {
      const r = await auth.api.signInEmail({ body: { email, password: PASSWORD }, asResponse: true });
      sessions[who] = r.headers
        .getSetCookie()
        .find((c) => c.includes('session_token'))!
        .split(';')[0]!;
    }
  });

  beforeEach(() => {
    nav.cookie.value = sessions.owner;
    nav.tags.length = 0;
  });

  // Everything but the kept files themselves (a check keeps one; that is its point).
  const catalog = () => snapshotTables(ctx.db, ['CatalogImportFile']);

  it('a checked file is kept under a key and changes nothing; importing by that key writes it once, then the key is spent', async () => {
    const before = await catalog();
    const checked = await importCsvAction(START, form({ intent: 'check', file: new File([csv('KFS-38-GRY', 'khangai-felt-slippers')], 'slippers.csv') }));
    expect(checked.message).toBeNull();
    expect(checked.report?.problems).toEqual([]);
    expect(checked.checked?.name).toBe('slippers.csv');
    expect(checked.checked?.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(await catalog()).toEqual(before);

    const imported = await importCsvAction(checked, form({ intent: 'import', checked: checked.checked!.key }));
    expect(imported.message).toBeNull();
    expect(imported.report?.applied).toBe(true);
    expect(await ctx.db.product.count({ where: { slug: 'khangai-felt-slippers' } })).toBe(1);
    expect(nav.tags.length).toBeGreaterThan(0);
    expect(await ctx.db.catalogImportFile.count({ where: { id: checked.checked!.key } })).toBe(0);

    const after = await catalog();
    const again = await importCsvAction(imported, form({ intent: 'import', checked: checked.checked!.key }));
    expect(again.message).toBe('The checked file is no longer here (it was imported, replaced by a newer check, or kept over a day). Choose it again.');
    expect(again.report).toBeNull();
    expect(await catalog()).toEqual(after);
  });

  it('a key that is not a UUID is refused in words before anything is read, and changes nothing', async () => {
    const before = await catalog();
    for (const key of ['not-a-key', "' OR 1=1 --", '../../etc/passwd', 'x'.repeat(5000)]) {
      const res = await importCsvAction(START, form({ intent: 'import', checked: key }));
      expect(res).toEqual({ attempt: 1, message: 'Choose the file again.', report: null, checked: null });
    }
    expect(await importCsvAction(START, form({ intent: 'publish' }))).toMatchObject({ message: 'Choose “Check the file” or “Import”.' });
    expect(await importCsvAction(START, form({ intent: 'import' }))).toMatchObject({ message: 'Choose a CSV file first.' });
    expect(await catalog()).toEqual(before);
  });

  it('another staff member’s key imports nothing and leaves the file to its owner', async () => {
    const checked = await importCsvAction(START, form({ intent: 'check', file: new File([csv('KFS-39-GRY', 'khangai-felt-boots')], 'boots.csv') }));
    const key = checked.checked!.key;
    const before = await catalog();

    nav.cookie.value = sessions.manager;
    const stranger = await importCsvAction(START, form({ intent: 'import', checked: key }));
    expect(stranger.message).toBe('The checked file is no longer here (it was imported, replaced by a newer check, or kept over a day). Choose it again.');
    expect(await catalog()).toEqual(before);
    expect(await ctx.db.catalogImportFile.count({ where: { id: key } })).toBe(1);

    nav.cookie.value = sessions.owner;
    expect((await importCsvAction(checked, form({ intent: 'import', checked: key }))).report?.applied).toBe(true);
    expect(await ctx.db.product.count({ where: { slug: 'khangai-felt-boots' } })).toBe(1);
  });
});
