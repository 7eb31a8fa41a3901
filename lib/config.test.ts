import { afterEach, describe, expect, it, vi } from 'vitest';

/** The shop's settings as the environment gives them: each module load reads process.env once. */
async function configWith(env: Record<string, string | undefined>) {
  vi.resetModules();
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  return (await import('./config')).shopConfig;
}

const SETTINGS = [
  'TRUST_PROXY',
  'SITE_URL',
  'SHOP_NAME',
  'SHOP_PHONE',
  'SHOP_CURRENCY',
  'FREE_EXPRESS_THRESHOLD_CENTS',
  'STANDARD_SHIPPING_CENTS',
  'EXPRESS_SHIPPING_CENTS',
  'STANDARD_DELIVERY_ESTIMATE',
  'EXPRESS_DELIVERY_ESTIMATE',
  'CART_MAX_PER_LINE',
  'CART_TTL_DAYS',
  'CATALOG_PAGE_SIZE',
  'ORDER_HOLD_MINUTES',
  'PAYMENTS_TEST_MODE',
  'STRIPE_SECRET_KEY',
  'STRIPE_WEBHOOK_SECRET',
  'PAYPAL_CLIENT_ID',
  'PAYPAL_CLIENT_SECRET',
  'PAYPAL_API_BASE',
  'APP_SECRET',
  'LOW_STOCK_THRESHOLD',
  'RETURN_WINDOW_DAYS',
];
const unset = Object.fromEntries(SETTINGS.map((k) => [k, undefined]));

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('the shop settings', () => {
  it('run the demo store with nothing set', async () => {
    const c = (await configWith(unset))();
    expect(c).toMatchObject({
      TRUST_PROXY: false,
      SITE_URL: 'http://localhost:3000',
      SHOP_NAME: 'Steppe & Thread',
      SHOP_PHONE: '+1 (618) 724-5782',
      SHOP_CURRENCY: 'USD',
      FREE_EXPRESS_THRESHOLD_CENTS: 15000,
      STANDARD_SHIPPING_CENTS: 995,
      EXPRESS_SHIPPING_CENTS: 2495,
      STANDARD_DELIVERY_ESTIMATE: '5–8 business days',
      EXPRESS_DELIVERY_ESTIMATE: '2–3 business days',
      CART_MAX_PER_LINE: 10,
      CART_TTL_DAYS: 30,
      CATALOG_PAGE_SIZE: 12,
      ORDER_HOLD_MINUTES: 30,
      PAYPAL_API_BASE: 'https://api-m.sandbox.paypal.com',
      PAYPAL_SDK_URL: 'https://www.paypal.com/sdk/js',
      LOW_STOCK_THRESHOLD: 5,
      RETURN_WINDOW_DAYS: 30,
    });
    expect(c.PAYMENTS_TEST_MODE).toBeUndefined();
    expect(c.STRIPE_SECRET_KEY).toBeUndefined();
    expect(c.APP_SECRET).toBeUndefined();
  });

  it('read numbers from strings, and TRUST_PROXY as 1/true or 0/false', async () => {
    const c = (await configWith({ ...unset, CART_MAX_PER_LINE: '5', FREE_EXPRESS_THRESHOLD_CENTS: '0', TRUST_PROXY: 'true' }))();
    expect(c.CART_MAX_PER_LINE).toBe(5);
    expect(c.FREE_EXPRESS_THRESHOLD_CENTS).toBe(0);
    expect(c.TRUST_PROXY).toBe(true);
    expect((await configWith({ ...unset, TRUST_PROXY: '1' }))().TRUST_PROXY).toBe(true);
    expect((await configWith({ ...unset, TRUST_PROXY: 'false' }))().TRUST_PROXY).toBe(false);
  });

  it('refuse a wrong value at start-up with a sentence naming the setting', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ TRUST_PROXY: 'yes' }, 'TRUST_PROXY: TRUST_PROXY must be 1 or 0'],
      [{ SITE_URL: 'shop.example' }, 'SITE_URL: SITE_URL must be an absolute URL such as https://shop.example'],
      [{ PAYMENTS_TEST_MODE: 'on' }, 'PAYMENTS_TEST_MODE: PAYMENTS_TEST_MODE must be 0 or 1'],
      [{ STRIPE_SECRET_KEY: 'pk_live_1' }, 'STRIPE_SECRET_KEY: STRIPE_SECRET_KEY starts with sk_'],
      [{ STRIPE_WEBHOOK_SECRET: 'secret' }, 'STRIPE_WEBHOOK_SECRET: STRIPE_WEBHOOK_SECRET starts with whsec_'],
      [{ APP_SECRET: 'short' }, 'APP_SECRET: APP_SECRET must be at least 32 characters'],
      [{ RETURN_WINDOW_DAYS: 'a month' }, 'RETURN_WINDOW_DAYS: RETURN_WINDOW_DAYS must be a whole number of days, e.g. 30'],
      [{ RETURN_WINDOW_DAYS: '14.5' }, 'RETURN_WINDOW_DAYS: RETURN_WINDOW_DAYS must be a whole number of days, e.g. 30'],
      [{ RETURN_WINDOW_DAYS: '-1' }, 'RETURN_WINDOW_DAYS: RETURN_WINDOW_DAYS cannot be negative (0 turns returns off)'],
      [{ RETURN_WINDOW_DAYS: '366' }, 'RETURN_WINDOW_DAYS: RETURN_WINDOW_DAYS can be at most 365'],
    ];
    for (const [env, message] of cases) {
      const shopConfig = await configWith({ ...unset, ...env });
      expect(() => shopConfig(), message).toThrow(`Invalid shop configuration: ${message}`);
    }
  });

  it('refuse numbers out of range', async () => {
    for (const env of [
      { CART_MAX_PER_LINE: '0' },
      { CART_MAX_PER_LINE: '100' },
      { CART_MAX_PER_LINE: '2.5' },
      { CART_TTL_DAYS: '366' },
      { CATALOG_PAGE_SIZE: '3' },
      { CATALOG_PAGE_SIZE: '97' },
      { ORDER_HOLD_MINUTES: '4' },
      { ORDER_HOLD_MINUTES: '1441' },
      { STANDARD_SHIPPING_CENTS: '-1' },
      { LOW_STOCK_THRESHOLD: '101' },
      { SHOP_CURRENCY: 'usd' },
      { SHOP_CURRENCY: 'USDX' },
      { SHOP_CURRENCY: 'XUSD' },
      { SHOP_CURRENCY: 'U' },
      { SHOP_PHONE: '123' },
      { FREE_EXPRESS_THRESHOLD_CENTS: '-1' },
      { EXPRESS_SHIPPING_CENTS: '-1' },
      { CART_TTL_DAYS: '0' },
      { LOW_STOCK_THRESHOLD: '0' },
      { STANDARD_DELIVERY_ESTIMATE: '' },
      { EXPRESS_DELIVERY_ESTIMATE: '' },
      { PAYPAL_CLIENT_ID: '' },
      { PAYPAL_CLIENT_SECRET: '' },
    ]) {
      const shopConfig = await configWith({ ...unset, ...env });
      expect(() => shopConfig(), JSON.stringify(env)).toThrow(`Invalid shop configuration: ${Object.keys(env)[0]}`);
    }
    // The edges themselves are allowed.
    expect(
      (
        await configWith({
          ...unset,
          FREE_EXPRESS_THRESHOLD_CENTS: '0',
          EXPRESS_SHIPPING_CENTS: '0',
          CART_TTL_DAYS: '1',
          LOW_STOCK_THRESHOLD: '1',
          SHOP_CURRENCY: 'MNT',
        })
      )(),
    ).toMatchObject({ FREE_EXPRESS_THRESHOLD_CENTS: 0, EXPRESS_SHIPPING_CENTS: 0, CART_TTL_DAYS: 1, LOW_STOCK_THRESHOLD: 1, SHOP_CURRENCY: 'MNT' });
    expect((await configWith({ ...unset, RETURN_WINDOW_DAYS: '0' }))().RETURN_WINDOW_DAYS).toBe(0);
    expect((await configWith({ ...unset, RETURN_WINDOW_DAYS: '365' }))().RETURN_WINDOW_DAYS).toBe(365);
    expect((await configWith({ ...unset, ORDER_HOLD_MINUTES: '1440', CATALOG_PAGE_SIZE: '96', CART_MAX_PER_LINE: '99' }))()).toMatchObject({
      ORDER_HOLD_MINUTES: 1440,
      CATALOG_PAGE_SIZE: 96,
      CART_MAX_PER_LINE: 99,
    });
  });

  it('take the payment keys in the shapes the providers give them', async () => {
    const config = (
      await configWith({
        ...unset,
        PAYMENTS_TEST_MODE: '1',
        STRIPE_SECRET_KEY: 'sk_test_51Abc',
        STRIPE_WEBHOOK_SECRET: 'whsec_abc123',
        PAYPAL_CLIENT_ID: 'AbC-client',
        PAYPAL_CLIENT_SECRET: 'EfG-secret',
      })
    )();
    expect(config).toMatchObject({
      PAYMENTS_TEST_MODE: '1',
      STRIPE_SECRET_KEY: 'sk_test_51Abc',
      STRIPE_WEBHOOK_SECRET: 'whsec_abc123',
      PAYPAL_CLIENT_ID: 'AbC-client',
      PAYPAL_CLIENT_SECRET: 'EfG-secret',
    });
    expect((await configWith({ ...unset, PAYMENTS_TEST_MODE: '0' }))().PAYMENTS_TEST_MODE).toBe('0');
  });

  it('name every wrong setting at once, one sentence each', async () => {
    const shopConfig = await configWith({ ...unset, TRUST_PROXY: 'yes', PAYMENTS_TEST_MODE: 'on' });
    expect(() => shopConfig()).toThrow(
      'Invalid shop configuration: TRUST_PROXY: TRUST_PROXY must be 1 or 0; PAYMENTS_TEST_MODE: PAYMENTS_TEST_MODE must be 0 or 1',
    );
  });

  it('are read once per process', async () => {
    const shopConfig = await configWith({ ...unset, SHOP_NAME: 'First' });
    expect(shopConfig().SHOP_NAME).toBe('First');
    vi.stubEnv('SHOP_NAME', 'Second');
    expect(shopConfig().SHOP_NAME).toBe('First');
  });
});
