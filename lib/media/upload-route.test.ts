import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { StaffActor } from '../auth/permissions';
import { MAX_UPLOAD_BYTES } from './process';
import { imageUploadRoute, type UploadTarget } from './upload-route';

const revalidateTag = vi.hoisted(() => vi.fn());
vi.mock('next/cache', () => ({ revalidateTag }));
const fakeDb = vi.hoisted(() => ({ fake: 'db' }));
vi.mock('../db', () => ({ db: () => fakeDb }));
// The shop's address is the test's own, whatever SITE_URL the shell running it has.
const config = vi.hoisted(() => ({ SITE_URL: 'http://localhost:3000', TRUST_PROXY: false }));
vi.mock('../config', () => ({ shopConfig: () => config }));

class Refused extends Error {
  constructor(readonly kind: string) {
    super(kind);
  }
}

const actor = { id: 'staff-1', role: 'owner' } as unknown as StaffActor;
const id = 'c' + 'a1'.repeat(12);
const SITE = 'http://localhost:3000';

function target(save: UploadTarget['save'] = async () => ({ tags: ['product:1', 'catalog'] })) {
  const spy = vi.fn(save);
  const t: UploadTarget = {
    noun: 'product',
    back: (pid) => ({ path: `/admin/products/${pid}`, key: 'image', anchor: 'images' }),
    save: spy,
    refusal: (e) => (e instanceof Refused ? e.kind : null),
  };
  return { t, save: spy };
}

function form(file: Blob | string | null, alt?: string): FormData {
  const f = new FormData();
  if (file instanceof Blob) f.set('file', file, 'photo.jpg');
  else if (file !== null) f.set('file', file);
  if (alt !== undefined) f.set('alt', alt);
  return f;
}

function post(body: BodyInit, headers: Record<string, string> = { origin: SITE }, pid = id): [Request, { params: Promise<{ id: string }> }] {
  return [new Request(`${SITE}/admin/products/${pid}/images`, { method: 'POST', body, headers }), { params: Promise.resolve({ id: pid }) }];
}

const outcome = (r: Response) => ({ status: r.status, location: r.headers.get('location') });
const back = (o: string) => ({ status: 303, location: `${SITE}/admin/products/${id}?image=${o}#images` });

beforeEach(() => {
  config.SITE_URL = SITE;
  revalidateTag.mockClear();
});

describe('imageUploadRoute', () => {
  it('saves the file and its alt text for the staff member, expires the tags it names, and goes back saying so', async () => {
    const { t, save } = target();
    const bytes = new Uint8Array([0xff, 0xd8, 0xff, 1, 2, 3]);
    const res = await imageUploadRoute(t)(actor, ...post(form(new Blob([bytes]), 'An oat scarf, folded')));
    expect(outcome(res)).toEqual(back('added'));
    expect(save).toHaveBeenCalledTimes(1);
    const [db, storage, who, input] = save.mock.calls[0]!;
    expect(db).toBe(fakeDb);
    expect(typeof storage.put).toBe('function');
    expect(who).toBe(actor);
    expect(input).toEqual({ id, bytes: Buffer.from(bytes), alt: 'An oat scarf, folded' });
    expect(revalidateTag.mock.calls).toEqual([
      ['product:1', { expire: 0 }],
      ['catalog', { expire: 0 }],
    ]);
  });

  it('passes an empty alt text when the form has none, for the lib to refuse with its own sentence', async () => {
    const { t, save } = target(async () => {
      throw new Refused('alt-missing');
    });
    const res = await imageUploadRoute(t)(actor, ...post(form(new Blob(['x']))));
    expect(save.mock.calls[0]![3].alt).toBe('');
    expect(outcome(res)).toEqual(back('alt-missing'));
    expect(revalidateTag).not.toHaveBeenCalled();
  });

  it('lets an error that is not a refusal through (a 500 and the log, not a false "added")', async () => {
    const { t } = target(async () => {
      throw new Error('disk full');
    });
    await expect(imageUploadRoute(t)(actor, ...post(form(new Blob(['x']), 'alt')))).rejects.toThrow('disk full');
    expect(revalidateTag).not.toHaveBeenCalled();
  });

  it('refuses a request from another site, or one a browser marks cross-site, before reading it', async () => {
    for (const headers of [{ origin: 'https://evil.example' }, { origin: 'null' }, { 'sec-fetch-site': 'cross-site' }] as Record<string, string>[]) {
      const { t, save } = target();
      const res = await imageUploadRoute(t)(actor, ...post(form(new Blob(['x']), 'alt'), headers));
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect(await res.text()).toBe('This request did not come from the shop.');
      expect(save).not.toHaveBeenCalled();
    }
  });

  it('answers 404 in words for an id that cannot be a row', async () => {
    for (const bad of ['1', 'c123', '../x', `x${id}`, `${id}x`.padEnd(40, 'x'), `C${id.slice(1)}`]) {
      const { t, save } = target();
      const res = await imageUploadRoute(t)(actor, ...post(form(new Blob(['x']), 'alt'), { origin: SITE }, bad));
      expect(res.status, bad).toBe(404);
      expect(await res.text()).toBe('That product does not exist.');
      expect(save).not.toHaveBeenCalled();
    }
  });

  it('refuses a body whose Content-Length is over the limit without reading it', async () => {
    const { t, save } = target();
    const res = await imageUploadRoute(t)(actor, ...post('x', { origin: SITE, 'content-length': String(MAX_UPLOAD_BYTES + 64 * 1024 + 1) }));
    expect(outcome(res)).toEqual(back('too-large'));
    expect(save).not.toHaveBeenCalled();
  });

  it('reads a body whose Content-Length is up to 64 KiB over the file limit (the form around the file)', async () => {
    for (const length of [MAX_UPLOAD_BYTES + 1, MAX_UPLOAD_BYTES + 64 * 1024]) {
      const { t, save } = target();
      const res = await imageUploadRoute(t)(actor, ...post(form(new Blob(['x']), 'alt'), { origin: SITE, 'content-length': String(length) }));
      expect(outcome(res), String(length)).toEqual(back('added'));
      expect(save).toHaveBeenCalledTimes(1);
    }
  });

  it('refuses a file over 10 MB, and takes one of exactly 10 MB', async () => {
    const over = target();
    const res = await imageUploadRoute(over.t)(actor, ...post(form(new Blob([new Uint8Array(MAX_UPLOAD_BYTES + 1)]), 'alt')));
    expect(outcome(res)).toEqual(back('too-large'));
    expect(over.save).not.toHaveBeenCalled();

    const exact = target();
    const ok = await imageUploadRoute(exact.t)(actor, ...post(form(new Blob([new Uint8Array(MAX_UPLOAD_BYTES)]), 'alt')));
    expect(outcome(ok)).toEqual(back('added'));
    expect(exact.save.mock.calls[0]![3].bytes.length).toBe(MAX_UPLOAD_BYTES);
  });

  it('says "not an image" for a body that is not a form, or a form without a file', async () => {
    for (const body of ['just text', form('a string, not a file', 'alt'), form(null, 'alt')]) {
      const { t, save } = target();
      const headers: Record<string, string> = typeof body === 'string' ? { origin: SITE, 'content-type': 'multipart/form-data; boundary=x' } : { origin: SITE };
      const res = await imageUploadRoute(t)(actor, ...post(body, headers));
      expect(outcome(res)).toEqual(back('not-image'));
      expect(save).not.toHaveBeenCalled();
    }
  });

  it('redirects to SITE_URL, not to whatever host the request named', async () => {
    config.SITE_URL = 'https://shop.example';
    const { t } = target();
    const res = await imageUploadRoute(t)(actor, ...post(form(new Blob(['x']), 'alt'), { origin: 'https://shop.example', host: 'evil.example' }));
    expect(res.headers.get('location')).toBe(`https://shop.example/admin/products/${id}?image=added#images`);
  });
});
