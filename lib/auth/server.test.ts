import { beforeEach, describe, expect, it, vi } from 'vitest';

const m = vi.hoisted(() => {
  class Redirect extends Error {
    constructor(readonly url: string) {
      super(`redirect ${url}`);
    }
  }
  return {
    Redirect,
    session: null as { user: { id: string } } | null,
    users: new Map<string, { id: string; email: string; name: string; role: string; disabledAt: Date | null; extra?: string }>(),
    getSession: vi.fn(),
    buildStaffAuth: vi.fn(),
    staffSessionSecret: vi.fn(async (_db: unknown, configured: string | undefined) => `key-from-${configured}`),
    requestHeaders: new Headers({ cookie: 'staff.session_token=abc' }),
  };
});

vi.mock('next/headers', () => ({ headers: async () => m.requestHeaders }));
vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw new m.Redirect(url);
  },
  forbidden: () => {
    throw new Error('forbidden');
  },
}));
vi.mock('better-auth/next-js', () => ({ nextCookies: () => ({ id: 'next-cookies' }) }));
vi.mock('../config', () => ({ shopConfig: () => ({ APP_SECRET: 'configured', SITE_URL: 'https://shop.example' }) }));
const fakeDb = vi.hoisted(() => ({
  staffUser: { findUnique: vi.fn(async ({ where }: { where: { id: string } }) => m.users.get(where.id) ?? null) },
}));
vi.mock('../db', () => ({ db: () => fakeDb }));
vi.mock('./secret', () => ({ staffSessionSecret: m.staffSessionSecret }));
vi.mock('./auth', () => ({ buildStaffAuth: m.buildStaffAuth }));

const { currentStaff, requireStaff, staffAuth, staffOrResponse, SIGN_IN_PATH } = await import('./server');

const holder = globalThis as unknown as { __staffAuth?: unknown };
const auth = { api: { getSession: m.getSession } };

beforeEach(() => {
  delete holder.__staffAuth;
  m.session = null;
  m.users.clear();
  m.buildStaffAuth.mockReset().mockImplementation(() => auth);
  m.getSession.mockReset().mockImplementation(async () => m.session);
  m.staffSessionSecret.mockClear();
  fakeDb.staffUser.findUnique.mockClear();
});

function signIn(role: string, disabledAt: Date | null = null) {
  m.users.set('u1', { id: 'u1', email: 'saraa@example.com', name: 'Saraa', role, disabledAt, extra: 'not for the actor' });
  m.session = { user: { id: 'u1' } };
}

describe('staffAuth', () => {
  it('is built once per process, with the key for APP_SECRET, the site address, and next cookies last', async () => {
    const [a, b] = await Promise.all([staffAuth(), staffAuth()]);
    expect(a).toBe(auth);
    expect(b).toBe(auth);
    expect(await staffAuth()).toBe(auth);
    expect(m.buildStaffAuth).toHaveBeenCalledTimes(1);
    expect(m.staffSessionSecret).toHaveBeenCalledWith(fakeDb, 'configured');
    expect(m.buildStaffAuth).toHaveBeenCalledWith(fakeDb, {
      secret: 'key-from-configured',
      siteUrl: 'https://shop.example',
      plugins: [{ id: 'next-cookies' }],
    });
  });

  it('tries again on the next request when building failed (the database was down)', async () => {
    m.staffSessionSecret.mockRejectedValueOnce(new Error('connection refused'));
    await expect(staffAuth()).rejects.toThrow('connection refused');
    expect(holder.__staffAuth).toBeUndefined();
    expect(await staffAuth()).toBe(auth);
    expect(m.staffSessionSecret).toHaveBeenCalledTimes(2);
  });
});

describe('currentStaff', () => {
  it('is nobody without a session', async () => {
    expect(await currentStaff()).toBeNull();
    expect(m.getSession).toHaveBeenCalledWith({ headers: m.requestHeaders });
    expect(fakeDb.staffUser.findUnique).not.toHaveBeenCalled();
  });

  it('is the active account the session names, read fresh: only its id, e-mail, name and role', async () => {
    signIn('manager');
    expect(await currentStaff()).toEqual({ id: 'u1', email: 'saraa@example.com', name: 'Saraa', role: 'manager' });
    expect(fakeDb.staffUser.findUnique).toHaveBeenCalledWith({ where: { id: 'u1' } });
    m.users.get('u1')!.role = 'editor';
    expect((await currentStaff())?.role).toBe('editor');
  });

  it('is nobody when the account was disabled or deleted after the session began', async () => {
    signIn('owner', new Date());
    expect(await currentStaff()).toBeNull();
    m.users.clear();
    expect(await currentStaff()).toBeNull();
  });
});

describe('requireStaff', () => {
  it('sends someone signed out to sign in, coming back where they were', async () => {
    await expect(requireStaff('manageCatalog', '/admin/products?page=2')).rejects.toThrow(
      new m.Redirect(`${SIGN_IN_PATH}?next=${encodeURIComponent('/admin/products?page=2')}`),
    );
    await expect(requireStaff(null)).rejects.toThrow(new m.Redirect('/admin/sign-in?next=%2Fadmin'));
  });

  it('answers 403 to a role without the permission, and gives the actor to one with it', async () => {
    signIn('editor');
    await expect(requireStaff('manageCatalog')).rejects.toThrow('forbidden');
    expect(await requireStaff('editArticles')).toMatchObject({ id: 'u1', role: 'editor' });
    expect(await requireStaff(null)).toMatchObject({ id: 'u1', role: 'editor' });
  });
});

describe('staffOrResponse', () => {
  const refusal = async (r: unknown) => {
    expect(r).toBeInstanceOf(Response);
    const res = r as Response;
    return { status: res.status, type: res.headers.get('content-type'), cache: res.headers.get('cache-control'), body: await res.json() };
  };

  it('answers 401 in JSON to someone signed out, 403 to a role without the permission, never cached', async () => {
    expect(await refusal(await staffOrResponse('manageOrders'))).toEqual({
      status: 401,
      type: 'application/json; charset=utf-8',
      cache: 'no-store',
      body: { error: 'Sign in to the staff area first.' },
    });
    signIn('editor');
    expect(await refusal(await staffOrResponse('manageOrders'))).toEqual({
      status: 403,
      type: 'application/json; charset=utf-8',
      cache: 'no-store',
      body: { error: 'Your role does not allow this.' },
    });
  });

  it('gives the actor to a role with the permission', async () => {
    signIn('manager');
    expect(await staffOrResponse('manageOrders')).toEqual({ id: 'u1', email: 'saraa@example.com', name: 'Saraa', role: 'manager' });
  });
});
