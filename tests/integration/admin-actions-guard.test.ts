import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { initialAdminFormState } from '@/components/admin/form-state';
import type { Permission, StaffActor } from '@/lib/auth/permissions';
import { allows } from '@/lib/auth/permissions';
import { STAFF_ROLES, type StaffRole } from '@/lib/auth/roles';
import { inviteStaff, setupOwner } from '@/lib/auth/staff';
import { articleInputSchema } from '@/lib/blog/admin/input';
import { createArticle } from '@/lib/blog/admin/save-article';
import { addToCart, getCart } from '@/lib/cart/cart';
import { CSV_COLUMNS } from '@/lib/catalog/admin/csv-columns';
import { addProductImage } from '@/lib/catalog/admin/images';
import { seedCatalog } from '@/lib/catalog/seed-catalog';
import { quoteOf } from '@/lib/checkout/quote';
import { checkoutAndPay } from '@/lib/checkout/service';
import { placeOrder } from '@/lib/checkout/place';
import { useDb, type Db } from '@/lib/db';
import { localMediaStorage } from '@/lib/media/storage';
import { approveReturn } from '@/lib/returns/approve';
import { receiveReturn } from '@/lib/returns/receive';
import { requestReturn } from '@/lib/returns/request';
import { describeEachDatabase } from '../support/databases';
import { testCartSettings, testCheckoutAddress } from '../support/settings';
import { snapshotTables } from '../support/snapshot';

/**
 * Every server action and route handler under /admin, called as a stranger would: signed out, with
 * the session of an account since disabled, and with a session of each role too weak for it. Each
 * is refused (sign-in redirect or 401, 403) and the database and the media folder are unchanged.
 * A control call with a role that may act proves the same input would have written.
 *
 * The table must name every export of every 'use server' file and route handler under app/(admin):
 * a new action or handler fails the first test until it is added here.
 */

const nav = vi.hoisted(() => {
  class Redirected extends Error {
    constructor(readonly url: string) {
      super(`redirect ${url}`);
    }
  }
  class Forbidden extends Error {
    constructor() {
      super('forbidden');
    }
  }
  return { Redirected, Forbidden, cookie: { value: '' } };
});

vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw new nav.Redirected(url);
  },
  forbidden: () => {
    throw new nav.Forbidden();
  },
  notFound: () => {
    throw new Error('not found');
  },
}));
vi.mock('next/headers', () => ({
  headers: async () => new Headers({ cookie: nav.cookie.value, 'x-forwarded-for': '203.0.113.9', origin: 'http://localhost:3000', host: 'localhost:3000' }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => undefined, delete: () => undefined, has: () => false }),
}));
vi.mock('next/cache', () => ({ updateTag: () => undefined, revalidateTag: () => undefined, revalidatePath: () => undefined, refresh: () => undefined }));

const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-guard-media-'));
process.env.MEDIA_DIR = mediaDir;
afterAll(() => fs.rmSync(mediaDir, { recursive: true, force: true }));

const PASSWORD = 'correct horse battery';
const SITE = 'http://localhost:3000';

/** What a fixture gives the calls: ids of things that exist, made fresh for each entry. */
interface Fixture {
  productId: string;
  productUpdatedAt: string;
  variantId: string;
  imageId: string;
  pendingOrderId: string;
  paidOrderId: string;
  editorId: string;
  disabledId: string;
  articleId: string;
  articleUpdatedAt: string;
  /** Only for the entries that name `returnAt`: a return of the paid order, in that state. */
  ret?: { returnId: string; lineIds: string[]; refundId: string | null; photoId: string | null };
}

type Call = (fx: Fixture) => Promise<unknown>;
interface Entry {
  /** The permission the action checks, or why it must work signed out. */
  needs: Permission | { public: string };
  call: Call;
  /** False when even an allowed call writes nothing (a preview, a refused method). */
  writes?: boolean;
  /** A return the call needs, made in the fixture: asked for, approved, received, received with a failed refund, or asked for with a photo. */
  returnAt?: 'requested' | 'approved' | 'received' | 'failed-refund' | 'photo';
}

const form = (fields: Record<string, string | string[] | Blob>): FormData => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) f.append(k, one);
  return f;
};
const prev = { ...initialAdminFormState };
const productPrev = { ...initialAdminFormState, preview: null };

let n = 0;
function productFields(extra: Record<string, string> = {}): Record<string, string> {
  n += 1;
  return {
    title: `Guarded felt slippers ${n}`,
    slug: `guarded-felt-slippers-${n}`,
    description: 'Felted by hand in Ulaanbaatar.',
    material: 'felt',
    isWool: 'on',
    origin: 'Ulaanbaatar, Mongolia',
    care: 'Brush gently.',
    status: 'active',
    'variants.0.sku': `GUARD-${n}`,
    'variants.0.size': 'M',
    'variants.0.colour': 'Grey',
    'variants.0.price': '49.00',
    'variants.0.stock': '4',
    ...extra,
  };
}

const mod = async (file: string) =>
  (await import(/* @vite-ignore */ path.resolve('app/(admin)/admin', file))) as Record<string, (...a: unknown[]) => Promise<unknown>>;
const action = (file: string, name: string, fields: (fx: Fixture) => Record<string, string | string[] | Blob>, state: object = prev): Call => {
  return async (fx) => (await mod(file))[name]!(state, form(fields(fx)));
};
const route = (file: string, method: string, url: (fx: Fixture) => string, body?: () => Promise<FormData>, params?: (fx: Fixture) => object): Call => {
  return async (fx) => {
    const req = new Request(new URL(url(fx), SITE), {
      method,
      headers: { cookie: nav.cookie.value, origin: SITE },
      ...(body ? { body: await body() } : {}),
    });
    return (await mod(file))[method]!(req, { params: Promise.resolve(params?.(fx) ?? {}) });
  };
};
const png = async () =>
  form({
    file: new File(
      [
        await sharp({ create: { width: 40, height: 30, channels: 3, background: '#6b4f3a' } })
          .png()
          .toBuffer(),
      ],
      'a.png',
      { type: 'image/png' },
    ),
    alt: 'A swatch',
  });

function articleFields(): Record<string, string> {
  n += 1;
  return {
    title: `Felt makers of Tsetserleg, part ${n}`,
    subtitle: 'A winter with the felters of Arkhangai',
    excerpt: 'Three families, one courtyard, and the felt that keeps a ger warm.',
    body: '## The courtyard\n\nWool is laid out in layers, wetted and rolled.',
    author: 'B. Oyun',
    tags: 'felt',
    status: 'draft',
  };
}

/** A catalog CSV with one new product, different on every call. */
function csvFile(): File {
  const f = productFields();
  const row: Record<string, string> = {
    Handle: f.slug!,
    Title: f.title!,
    'Body (Markdown)': f.description!,
    Material: f.material!,
    Wool: 'TRUE',
    Origin: f.origin!,
    Care: f.care!,
    Status: 'active',
    'Option1 Value': 'M',
    'Option2 Value': 'Grey',
    'Variant SKU': f['variants.0.sku']!,
    'Variant Price': '49.00',
    'Variant Inventory Qty': '3',
  };
  return new File([stringify([[...CSV_COLUMNS], CSV_COLUMNS.map((c) => row[c] ?? '')])], 'products.csv', { type: 'text/csv' });
}

const TABLE: Record<string, Entry> = {
  'auth-actions.ts#setupAction': {
    needs: { public: 'the one-time setup; refused by the database once an owner exists' },
    call: action('auth-actions.ts', 'setupAction', () => ({ email: 'late-owner@example.com', name: 'Late', password: PASSWORD })),
    writes: false,
  },
  'auth-actions.ts#signInAction': {
    needs: { public: 'signing in; counted per account and address in SignInThrottle before the password is checked' },
    call: action('auth-actions.ts', 'signInAction', () => ({ email: 'nobody@example.com', password: 'not the password' })),
  },
  'auth-actions.ts#signOutAction': {
    needs: { public: 'signing out ends whatever session the request carries' },
    call: async () => (await mod('auth-actions.ts')).signOutAction!(),
  },
  'products/actions.ts#createProductAction': {
    needs: 'manageCatalog',
    call: action('products/actions.ts', 'createProductAction', () => productFields(), productPrev),
  },
  'products/actions.ts#updateProductAction': {
    needs: 'manageCatalog',
    call: action(
      'products/actions.ts',
      'updateProductAction',
      (fx) => ({ ...productFields({ status: 'archived' }), productId: fx.productId, updatedAt: fx.productUpdatedAt }),
      productPrev,
    ),
  },
  'products/actions.ts#adjustStockAction': {
    needs: 'manageCatalog',
    call: action('products/actions.ts', 'adjustStockAction', (fx) => ({ variantId: fx.variantId, delta: '5', reason: 'Found in the back room' })),
  },
  'products/image-actions.ts#imageAltAction': {
    needs: 'manageCatalog',
    call: action('products/image-actions.ts', 'imageAltAction', (fx) => ({ imageId: fx.imageId, alt: 'A new description of the swatch' })),
  },
  'products/image-actions.ts#moveImageAction': {
    needs: 'manageCatalog',
    call: action('products/image-actions.ts', 'moveImageAction', (fx) => ({ imageId: fx.imageId, direction: 'up' })),
  },
  'products/image-actions.ts#removeImageAction': {
    needs: 'manageCatalog',
    call: action('products/image-actions.ts', 'removeImageAction', (fx) => ({ imageId: fx.imageId })),
  },
  'products/[id]/images/route.ts#POST': {
    needs: 'manageCatalog',
    call: route(
      'products/[id]/images/route.ts',
      'POST',
      (fx) => `/admin/products/${fx.productId}/images`,
      png,
      (fx) => ({ id: fx.productId }),
    ),
  },
  ...Object.fromEntries(
    ['GET', 'PUT', 'PATCH', 'DELETE'].map((m) => [
      `products/[id]/images/route.ts#${m}`,
      {
        needs: 'manageCatalog',
        call: route('products/[id]/images/route.ts', m, (fx) => `/admin/products/${fx.productId}/images`),
        writes: false,
      } satisfies Entry,
    ]),
  ),
  'products/import-actions.ts#importCsvAction': {
    needs: 'manageCatalog',
    call: action('products/import-actions.ts', 'importCsvAction', () => ({ intent: 'import', file: csvFile() }), {
      attempt: 0,
      message: null,
      report: null,
      checked: null,
    }),
  },
  'products/export/route.ts#GET': {
    needs: 'manageCatalog',
    call: route('products/export/route.ts', 'GET', () => '/admin/products/export'),
    writes: false,
  },
  ...Object.fromEntries(
    ['POST', 'PUT', 'PATCH', 'DELETE'].map((m) => [
      `products/export/route.ts#${m}`,
      { needs: 'manageCatalog', call: route('products/export/route.ts', m, () => '/admin/products/export'), writes: false } satisfies Entry,
    ]),
  ),
  'articles/actions.ts#createArticleAction': {
    needs: 'editArticles',
    call: action('articles/actions.ts', 'createArticleAction', () => articleFields(), productPrev),
  },
  'articles/actions.ts#updateArticleAction': {
    needs: 'editArticles',
    call: action(
      'articles/actions.ts',
      'updateArticleAction',
      (fx) => ({ ...articleFields(), articleId: fx.articleId, updatedAt: fx.articleUpdatedAt }),
      productPrev,
    ),
  },
  'articles/actions.ts#previewArticleAction': {
    needs: 'editArticles',
    call: async () => (await mod('articles/actions.ts')).previewArticleAction!('A **felt** preview'),
    writes: false,
  },
  'articles/[id]/cover/route.ts#POST': {
    needs: 'editArticles',
    call: route(
      'articles/[id]/cover/route.ts',
      'POST',
      (fx) => `/admin/articles/${fx.articleId}/cover`,
      png,
      (fx) => ({ id: fx.articleId }),
    ),
  },
  ...Object.fromEntries(
    ['GET', 'PUT', 'PATCH', 'DELETE'].map((m) => [
      `articles/[id]/cover/route.ts#${m}`,
      { needs: 'editArticles', call: route('articles/[id]/cover/route.ts', m, (fx) => `/admin/articles/${fx.articleId}/cover`), writes: false } satisfies Entry,
    ]),
  ),
  'orders/actions.ts#shipOrderAction': {
    needs: 'manageOrders',
    call: action('orders/actions.ts', 'shipOrderAction', (fx) => ({ orderId: fx.paidOrderId, carrier: 'DHL Express', trackingNumber: 'JD014600003828' })),
  },
  'orders/actions.ts#cancelOrderAction': {
    needs: 'manageOrders',
    call: action('orders/actions.ts', 'cancelOrderAction', (fx) => ({ orderId: fx.pendingOrderId })),
  },
  'orders/actions.ts#goodwillRefundAction': {
    needs: 'manageOrders',
    call: action('orders/actions.ts', 'goodwillRefundAction', (fx) => ({ orderId: fx.paidOrderId, amount: '1.00', note: 'The parcel was late.' })),
  },
  'returns/actions.ts#approveReturnAction': {
    needs: 'manageOrders',
    returnAt: 'requested',
    call: action('returns/actions.ts', 'approveReturnAction', (fx) => ({ returnId: fx.ret!.returnId, message: 'Send it back in its box.' })),
  },
  'returns/actions.ts#rejectReturnAction': {
    needs: 'manageOrders',
    returnAt: 'requested',
    call: action('returns/actions.ts', 'rejectReturnAction', (fx) => ({ returnId: fx.ret!.returnId, message: 'Worn items cannot come back.' })),
  },
  'returns/actions.ts#receiveReturnAction': {
    needs: 'manageOrders',
    returnAt: 'approved',
    call: action('returns/actions.ts', 'receiveReturnAction', (fx) => ({
      returnId: fx.ret!.returnId,
      'lines.0.returnLineId': fx.ret!.lineIds[0]!,
      'lines.0.receivedQuantity': '1',
      'lines.0.restock': 'yes',
    })),
  },
  'returns/actions.ts#refundReturnAction': {
    needs: 'manageOrders',
    returnAt: 'received',
    call: action('returns/actions.ts', 'refundReturnAction', (fx) => ({ returnId: fx.ret!.returnId, amount: '', note: '' })),
  },
  'returns/actions.ts#closeReturnAction': {
    needs: 'manageOrders',
    returnAt: 'requested',
    call: action('returns/actions.ts', 'closeReturnAction', (fx) => ({ returnId: fx.ret!.returnId, note: 'The customer withdrew.' })),
  },
  'returns/actions.ts#retryRefundAction': {
    needs: 'manageOrders',
    returnAt: 'failed-refund',
    call: action('returns/actions.ts', 'retryRefundAction', (fx) => ({ refundId: fx.ret!.refundId!, back: `/admin/returns/${fx.ret!.returnId}` })),
  },
  ...Object.fromEntries(
    ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((m) => [
      `returns/[id]/photos/[photoId]/route.ts#${m}`,
      {
        needs: 'manageOrders',
        returnAt: 'photo',
        call: route(
          'returns/[id]/photos/[photoId]/route.ts',
          m,
          (fx) => `/admin/returns/${fx.ret!.returnId}/photos/${fx.ret!.photoId}`,
          undefined,
          (fx) => ({ id: fx.ret!.returnId, photoId: fx.ret!.photoId }),
        ),
        writes: false,
      } satisfies Entry,
    ]),
  ),
  'staff/actions.ts#inviteStaffAction': {
    needs: 'manageStaff',
    call: action('staff/actions.ts', 'inviteStaffAction', () => ({ email: `invited-${++n}@example.com`, name: 'Invited', role: 'editor', password: PASSWORD })),
  },
  'staff/actions.ts#changeRoleAction': {
    needs: 'manageStaff',
    call: action('staff/actions.ts', 'changeRoleAction', (fx) => ({ userId: fx.editorId, role: 'manager' })),
  },
  'staff/actions.ts#enableStaffAction': {
    needs: 'manageStaff',
    call: action('staff/actions.ts', 'enableStaffAction', (fx) => ({ userId: fx.disabledId })),
  },
  'staff/actions.ts#disableStaffAction': {
    needs: 'manageStaff',
    call: action('staff/actions.ts', 'disableStaffAction', (fx) => ({ userId: fx.editorId })),
  },
};

/** Every export of every server-action file and route handler under app/(admin). */
async function discovered(): Promise<string[]> {
  const root = path.resolve('app/(admin)/admin');
  const walk = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [path.join(dir, e.name)] : []));
  const keys: string[] = [];
  for (const file of walk(root)) {
    const source = fs.readFileSync(file, 'utf8');
    if (!/^['"]use server['"]/m.test(source) && !path.basename(file).startsWith('route.')) continue;
    const rel = path.relative(root, file);
    for (const [name, value] of Object.entries(await mod(rel))) if (typeof value === 'function') keys.push(`${rel}#${name}`);
  }
  return keys.sort();
}

/** Everything the database holds, plus the media folder's files: equal before and after means nothing was written. */
async function snapshot(db: Db, except: string[] = []): Promise<string> {
  const files = fs.readdirSync(mediaDir, { recursive: true }).map(String).sort();
  return JSON.stringify({ tables: await snapshotTables(db, except), files });
}

/** How a call ended, in a word: the sign-in redirect, 401, 403, 405, or 'done' for anything else. */
async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    const r = await call;
    if (r instanceof Response) return r.status === 401 || r.status === 403 || r.status === 405 ? String(r.status) : `answered ${r.status}`;
    return 'done';
  } catch (e) {
    if (e instanceof nav.Forbidden) return '403';
    if (e instanceof nav.Redirected) return e.url.startsWith('/admin/sign-in') ? 'sign-in' : `redirected ${e.url}`;
    throw e;
  }
}

describeEachDatabase('every /admin action and route handler checks its caller', (ctx) => {
  let owner: StaffActor;
  const sessions = {} as Record<StaffRole | 'disabled', string>;
  let server: typeof import('@/lib/auth/server');

  beforeAll(async () => {
    useDb(ctx.handle);
    // Better Auth is built once per process over db(): build it afresh over this engine's database.
    (globalThis as { __staffAuth?: unknown }).__staffAuth = undefined;
    server = await import('@/lib/auth/server');
    await seedCatalog(ctx.db);
    const o = await setupOwner(ctx.db, { email: 'owner@example.com', name: 'Owner', password: PASSWORD });
    owner = { id: o.id, email: o.email, name: o.name, role: 'owner' };
    const auth = await server.staffAuth();
    const signIn = async (email: string) => {
      const r = await auth.api.signInEmail({ body: { email, password: PASSWORD }, asResponse: true });
      const set = r.headers.getSetCookie().find((c) => c.includes('session_token'));
      if (!set) throw new Error(`no session for ${email}`);
      return set.split(';')[0]!;
    };
    for (const role of STAFF_ROLES) {
      const email = `${role}-guard@example.com`;
      if (role !== 'owner') await inviteStaff(ctx.db, owner, { email, name: role, role, password: PASSWORD });
      sessions[role] = await signIn(role === 'owner' ? 'owner@example.com' : email);
    }
    await inviteStaff(ctx.db, owner, { email: 'gone@example.com', name: 'Gone', role: 'owner', password: PASSWORD });
    sessions.disabled = await signIn('gone@example.com');
    // Disabled behind Better Auth's back (lib/auth/staff.ts would also end the sessions): the session alone must not be enough.
    await ctx.db.staffUser.update({ where: { email: 'gone@example.com' }, data: { disabledAt: new Date() } });
  });

  beforeEach(() => {
    nav.cookie.value = '';
  });

  /** A return of the whole paid order (one line, one unit), moved on to the state an entry needs. */
  async function returnOf(orderId: string, at: NonNullable<Entry['returnAt']>, manager: StaffActor): Promise<NonNullable<Fixture['ret']>> {
    const line = await ctx.db.orderLine.findFirstOrThrow({ where: { orderId } });
    const { returnId } = await requestReturn(ctx.db, { orderId, lines: [{ orderLineId: line.id, quantity: 1, reason: 'too_small' }] }, { windowDays: 30 });
    const lineIds = (await ctx.db.returnLine.findMany({ where: { returnId } })).map((l) => l.id);
    let refundId: string | null = null;
    let photoId: string | null = null;
    if (at === 'photo') {
      const bytes = await sharp({ create: { width: 30, height: 20, channels: 3, background: '#886644' } })
        .webp()
        .toBuffer();
      const key = `returns/${returnId}/${'e'.repeat(32)}.webp`;
      await localMediaStorage(mediaDir).put(key, bytes);
      photoId = (await ctx.db.returnPhoto.create({ data: { returnId, key, width: 30, height: 20, position: 0 } })).id;
    }
    if (at === 'approved' || at === 'received' || at === 'failed-refund') await approveReturn(ctx.db, manager, { returnId });
    if (at === 'received' || at === 'failed-refund') {
      await receiveReturn(ctx.db, manager, { returnId, lines: lineIds.map((id) => ({ returnLineId: id, receivedQuantity: 1, restock: true })) });
    }
    if (at === 'failed-refund') {
      const o = await ctx.db.order.findUniqueOrThrow({ where: { id: orderId }, include: { payments: true, lines: true } });
      const refund = await ctx.db.refund.create({
        data: {
          orderId,
          returnId,
          kind: 'return',
          provider: o.payments[0]!.provider,
          paymentRef: o.payments[0]!.externalId,
          amountCents: o.lines[0]!.unitPriceCents,
          currency: o.currency,
          status: 'failed',
          failureMessage: 'The payment provider could not be reached: timeout',
        },
      });
      refundId = refund.id;
    }
    return { returnId, lineIds, refundId, photoId };
  }

  async function fixture(returnAt?: Entry['returnAt']): Promise<Fixture> {
    const manager = { ...owner, role: 'manager' as const };
    const product = await ctx.db.product.findFirstOrThrow({
      where: { status: 'active', variants: { some: { stock: { gt: 2 } } } },
      include: { variants: true },
    });
    const variant = product.variants.find((v) => v.stock > 2)!;
    const bytes = await sharp({ create: { width: 60, height: 40, channels: 3, background: '#334455' } })
      .png()
      .toBuffer();
    const { image } = await addProductImage(ctx.db, localMediaStorage(mediaDir), manager, { productId: product.id, bytes, alt: 'Swatch' });
    await addProductImage(ctx.db, localMediaStorage(mediaDir), manager, {
      productId: product.id,
      bytes: await sharp(bytes).flip().png().toBuffer(),
      alt: 'Second',
    });
    const fresh = await ctx.db.product.findUniqueOrThrow({ where: { id: product.id } });
    const order = async (pay: boolean) => {
      const c = await addToCart(ctx.db, null, { variantId: variant.id, quantity: 1 }, testCartSettings);
      const input = {
        ...testCheckoutAddress,
        quote: quoteOf(await getCart(ctx.db, c.newToken, testCartSettings)),
      };
      if (pay) {
        const r = await checkoutAndPay(ctx.db, c.newToken!, input);
        if (r.kind !== 'paid') throw new Error(r.kind);
        return r.orderId;
      }
      const r = await placeOrder(ctx.db, c.newToken!, input, 'test', { cart: testCartSettings, holdMinutes: 30 });
      if (r.kind !== 'placed') throw new Error(r.kind);
      return r.order.id;
    };
    const editor = await inviteStaff(ctx.db, owner, { email: `editor-fx-${++n}@example.com`, name: 'Ed', role: 'editor', password: PASSWORD });
    const disabled = await inviteStaff(ctx.db, owner, { email: `disabled-fx-${++n}@example.com`, name: 'Off', role: 'editor', password: PASSWORD });
    await ctx.db.staffUser.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    const article = await createArticle(ctx.db, owner, articleInputSchema.parse(articleFields()));
    const articleRow = await ctx.db.article.findUniqueOrThrow({ where: { id: article.id } });
    const paidOrderId = await order(true);
    return {
      ...(returnAt ? { ret: await returnOf(paidOrderId, returnAt, manager) } : {}),
      productId: product.id,
      productUpdatedAt: fresh.updatedAt.toISOString(),
      variantId: variant.id,
      imageId: image.id,
      pendingOrderId: await order(false),
      paidOrderId,
      editorId: editor.id,
      disabledId: disabled.id,
      articleId: article.id,
      articleUpdatedAt: articleRow.updatedAt.toISOString(),
    };
  }

  it('the table names every export of every /admin action file and route handler', async () => {
    expect(Object.keys(TABLE).sort()).toEqual(await discovered());
  });

  for (const [key, entry] of Object.entries(TABLE)) {
    if (typeof entry.needs !== 'string') {
      const { public: why } = entry.needs;
      it(`${key} works signed out (${why}) and, called so, writes nothing an owner would not expect`, async () => {
        const fx = await fixture();
        // Signing in with a wrong password counts the attempt (that is the point); nothing else changes.
        const before = await snapshot(ctx.db, ['SignInThrottle']);
        await outcome(entry.call(fx));
        expect(await snapshot(ctx.db, ['SignInThrottle'])).toBe(before);
        expect(await ctx.db.staffUser.count({ where: { email: 'late-owner@example.com' } })).toBe(0);
      });
      continue;
    }
    const permission = entry.needs;
    const weak = STAFF_ROLES.filter((r) => !allows(r, permission));
    const strong = STAFF_ROLES.find((r) => allows(r, permission))!;
    it(`${key} (${permission}): refused signed out, disabled${weak.length ? `, and as ${weak.join(', ')}` : ''}, writing nothing; as ${strong} it ${entry.writes === false ? 'writes nothing either' : 'acts'}`, async () => {
      const fx = await fixture(entry.returnAt);
      const before = await snapshot(ctx.db);
      const attempts: [string, string][] = [['signed out', ''], ['disabled', sessions.disabled], ...weak.map((r): [string, string] => [r, sessions[r]])];
      for (const [who, cookie] of attempts) {
        nav.cookie.value = cookie;
        const got = await outcome(entry.call(fx));
        const expected = entry.writes === false && got === '405' ? '405' : who === 'signed out' || who === 'disabled' ? ['sign-in', '401'] : ['403'];
        expect(Array.isArray(expected) ? expected : [expected], `${key} as ${who}`).toContain(got);
        expect(await snapshot(ctx.db), `${key} as ${who} wrote something`).toBe(before);
      }
      // The control: the same call from a role that may act goes through, so the refusals above were the check, not bad input.
      nav.cookie.value = sessions[strong];
      const got = await outcome(entry.call(fx));
      if (entry.writes === false) {
        expect(await snapshot(ctx.db)).toBe(before);
      } else {
        expect(got, `${key} as ${strong}`).not.toMatch(/^(sign-in|401|403)$/);
        expect(await snapshot(ctx.db), `${key} as ${strong} should have written`).not.toBe(before);
      }
    });
  }
});
