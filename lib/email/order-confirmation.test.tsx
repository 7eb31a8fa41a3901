import { describe, expect, it, vi } from 'vitest';
import type { OrderLineView, OrderView } from '../checkout/types';
import { money } from '../money';
import { ORDER_LINK_VALID_DAYS, renderOrderConfirmation } from './order-confirmation';
import { tagPerLine, visible } from '../../tests/support/email-html';

function line(over: Partial<OrderLineView>): OrderLineView {
  return {
    productSlug: 'cashmere-scarf',
    title: 'Cashmere scarf',
    size: 'One size',
    colour: 'Oat',
    sku: 'CS-OAT',
    quantity: 1,
    unitPrice: money(8900, 'USD'),
    lineTotal: money(8900, 'USD'),
    isWool: true,
    ...over,
  };
}

function order(over: Partial<OrderView> = {}): OrderView {
  return {
    id: 'ord_1',
    number: 'MN-100001',
    status: 'paid',
    email: 'shopper@example.com',
    address: {
      name: 'Saraa Bold',
      line1: '12 Peace Avenue',
      line2: 'Apartment 4',
      city: 'Ulaanbaatar',
      region: null,
      postalCode: '14200',
      country: 'MN',
    },
    shippingMethod: 'express',
    lines: [
      line({}),
      line({
        productSlug: 'yak-wool-socks',
        title: 'Yak wool socks',
        size: 'M',
        colour: 'Charcoal',
        sku: 'YS-CH-M',
        quantity: 3,
        unitPrice: money(2450, 'USD'),
        lineTotal: money(7350, 'USD'),
      }),
    ],
    subtotal: money(16250, 'USD'),
    shipping: money(0, 'USD'),
    total: money(16250, 'USD'),
    provider: 'stripe',
    flaggedReason: null,
    placedAt: '2026-03-01T10:00:00.000Z',
    paidAt: '2026-03-01T10:01:00.000Z',
    expiresAt: '2026-03-01T10:30:00.000Z',
    shipment: null,
    history: [],
    ...over,
  };
}

const base = {
  shopName: 'Steppe & Thread',
  shopPhone: '+1 (618) 724-5782',
  orderUrl: 'https://shop.example/orders/MN-100001?t=abc.def',
  testPayment: false,
};

const render = (over: Partial<typeof base>) => renderOrderConfirmation({ ...base, ...over, order: order() });

describe('renderOrderConfirmation', () => {
  it('says thank you with the order number in the subject and the heading', async () => {
    const { subject, html } = await renderOrderConfirmation({ ...base, order: order() });
    expect(subject).toBe('Thank you — order MN-100001');
    expect(visible(html.match(/<h1[^>]*>.*?<\/h1>/)?.[0] ?? '').trim()).toBe('Thank you — order MN-100001');
    expect(visible(html)).toContain('Steppe & Thread');
  });

  it('lists every line with colour, size, quantity and line total, then the totals as money', async () => {
    const { html, text } = await renderOrderConfirmation({ ...base, order: order() });
    for (const body of [visible(html), text]) {
      expect(body).toContain('Cashmere scarf');
      expect(body).toContain('Colour: Oat · Size: One size');
      expect(body).toContain('Qty 1');
      expect(body).toContain('$89.00');
      expect(body).toContain('Yak wool socks');
      expect(body).toContain('Colour: Charcoal · Size: M');
      expect(body).toContain('Qty 3 × $24.50');
      expect(body).toContain('$73.50');
      expect(body).toMatch(/Subtotal:? \$162\.50/);
      expect(body).toMatch(/Express shipping:? Free/);
      expect(body).toMatch(/Total:? \$162\.50/);
    }
  });

  it('shows a shipping charge as money and names Standard', async () => {
    const o = order({ shippingMethod: 'standard', shipping: money(995, 'USD'), total: money(17245, 'USD') });
    const { html, text } = await renderOrderConfirmation({ ...base, order: o });
    for (const body of [visible(html), text]) {
      expect(body).toMatch(/Standard shipping:? \$9\.95/);
      expect(body).toMatch(/Total:? \$172\.45/);
      expect(body).not.toContain('Free');
    }
  });

  it('gives the shipping address, with the country spelled out', async () => {
    const { html, text } = await renderOrderConfirmation({ ...base, order: order() });
    for (const body of [visible(html), text]) {
      for (const part of ['Saraa Bold', '12 Peace Avenue', 'Apartment 4', 'Ulaanbaatar 14200', 'Mongolia']) expect(body).toContain(part);
    }
    expect(text).toContain('SHIPPING TO\nSaraa Bold\n12 Peace Avenue\nApartment 4\nUlaanbaatar 14200\nMongolia');
  });

  it('says whether the order is paid or still waiting for payment', async () => {
    const paid = await renderOrderConfirmation({ ...base, order: order() });
    expect(visible(paid.html)).toContain('Paid by card');
    expect(paid.text).toContain('Paid by card.');

    const waiting = await renderOrderConfirmation({ ...base, order: order({ status: 'pending', paidAt: null, provider: 'paypal' }) });
    expect(visible(waiting.html)).toContain('Waiting for payment');
    expect(waiting.text).toContain('Waiting for payment.');
    expect(waiting.text).not.toContain('Paid');
  });

  it('links to the order with a button, says how long the link works, and gives the phone number', async () => {
    const { html, text } = await renderOrderConfirmation({ ...base, order: order() });
    expect(html).toMatch(/<a[^>]*href="https:\/\/shop\.example\/orders\/MN-100001\?t=abc\.def"[^>]*>[\s\S]*?View your order[\s\S]*?<\/a>/);
    expect(visible(html)).toContain(`works for ${ORDER_LINK_VALID_DAYS} days`);
    expect(text).toContain('View your order:\nhttps://shop.example/orders/MN-100001?t=abc.def');
    expect(text).toContain('works for 30 days');
    expect(html).toContain('href="tel:+16187245782"');
    expect(visible(html)).toContain('+1 (618) 724-5782');
    expect(text).toContain('+1 (618) 724-5782');
  });

  it('shows the test-payment notice only for test payments', async () => {
    const real = await renderOrderConfirmation({ ...base, order: order() });
    expect(real.html).not.toContain('Test payment');
    expect(real.text).not.toMatch(/test payment/i);

    const test = await renderOrderConfirmation({ ...base, testPayment: true, order: order({ provider: 'test' }) });
    expect(test.subject).toBe('[Test] Thank you — order MN-100001');
    expect(visible(test.html)).toContain('Test payment — no money moves');
    expect(test.text).toContain('TEST PAYMENT — NO MONEY MOVES');
    // Up front, before the order itself, so nobody mistakes it for a real charge.
    expect(test.text.indexOf('NO MONEY MOVES')).toBeLessThan(test.text.indexOf('Thank you'));
  });

  it('carries no scripts and no external images, fonts or stylesheets', async () => {
    const { html } = await renderOrderConfirmation({ ...base, testPayment: true, order: order() });
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toMatch(/<link/i);
    expect(html).not.toMatch(/@import|@font-face|url\(/i);
  });

  it('escapes what shoppers typed', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const o = order({
      address: { ...order().address, name: evil, line1: '"><script>alert(2)</script>', line2: null },
      lines: [line({ title: 'Scarf <b>bold</b>', colour: evil })],
    });
    const { html, text } = await renderOrderConfirmation({ ...base, order: o });
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(visible(html)).toContain(evil);
    expect(text).toContain(evil); // plain text is not HTML: it shows what was typed, as typed
  });

  it('refuses an order link that is not http(s)', async () => {
    await expect(renderOrderConfirmation({ ...base, orderUrl: 'javascript:alert(1)', order: order() })).rejects.toThrow(/http\(s\)/);
  });

  it('reads on its own as plain text', async () => {
    const { text } = await renderOrderConfirmation({ ...base, order: order() });
    expect(text).not.toMatch(/<[a-z]/i);
    const waiting = await renderOrderConfirmation({ ...base, testPayment: true, order: order({ status: 'pending' }) });
    for (const t of [text, waiting.text]) expect(t.split('\n').filter((l) => l.length > 76 && !l.startsWith('http'))).toEqual([]);
    expect(text.startsWith('Steppe & Thread\n\nThank you — order MN-100001\n')).toBe(true);
  });

  it('says where the order stands, for every status an order can be in', async () => {
    const cases: [OrderView['status'], OrderView['provider'], string, string][] = [
      ['paid', 'stripe', 'Paid by card', 'We are getting your parcel ready.'],
      ['paid', 'paypal', 'Paid with PayPal', 'We are getting your parcel ready.'],
      ['paid', 'test', 'Paid (test payment)', 'We are getting your parcel ready.'],
      ['shipped', 'stripe', 'Paid by card', 'Your parcel is on its way.'],
      ['pending', 'stripe', 'Waiting for payment', 'Your items are set aside for you. We prepare the parcel as soon as the payment is confirmed.'],
      ['cancelled', 'stripe', 'Cancelled', 'This order was cancelled. If you have questions, call us.'],
      ['expired', 'paypal', 'Expired', 'The payment did not arrive in time, so the items were released.'],
      ['partially_refunded', 'paypal', 'Paid with PayPal', 'Part of your payment was refunded.'],
      ['refunded', 'stripe', 'Refunded', 'Your payment was refunded in full.'],
    ];
    for (const [status, provider, headline, detail] of cases) {
      const { html, text } = await renderOrderConfirmation({ ...base, order: order({ status, provider }) });
      const payment = text.slice(text.indexOf('PAYMENT\n'), text.indexOf('\n\nView your order'));
      expect(payment.replace(/\n/g, ' '), status).toBe(`PAYMENT ${headline}. ${detail}`);
      expect(visible(html), status).toContain(`Payment ${headline} ${detail}`);
    }
  });

  it('previews the item count and total in the inbox, one item or many', async () => {
    const many = await renderOrderConfirmation({ ...base, order: order() });
    expect(visible(many.html)).toContain('4 items, $162.50 in total.');
    const one = await renderOrderConfirmation({ ...base, order: order({ lines: [line({})], total: money(8900, 'USD') }) });
    expect(visible(one.html)).toContain('1 item, $89.00 in total.');
  });

  it('writes a region after the city, and shows a country code Intl does not know as given', async () => {
    const o = order({ address: { ...order().address, line2: null, city: 'Boulder', region: 'CO', postalCode: '80302', country: 'US' } });
    const { text } = await renderOrderConfirmation({ ...base, order: o });
    expect(text).toContain('SHIPPING TO\nSaraa Bold\n12 Peace Avenue\nBoulder, CO 80302\nUnited States\n');
    const odd = await renderOrderConfirmation({ ...base, order: order({ address: { ...order().address, country: 'not-a-code' } }) });
    expect(odd.text).toContain('Ulaanbaatar 14200\nnot-a-code\n');
  });

  it('refuses a shop without a name or with a phone number too short to call', async () => {
    await expect(renderOrderConfirmation({ ...base, shopName: '  ', order: order() })).rejects.toThrow('The shop needs a name');
    await expect(renderOrderConfirmation({ ...base, shopPhone: '123', order: order() })).rejects.toThrow('The shop phone number looks too short');
  });

  // The look is pinned: a changed colour, size or spacing shows here as a diff to review and accept
  // with `npx vitest run -u lib/email`, not as an unseen change to every customer's inbox.
  it('renders exactly the reviewed HTML and text', async () => {
    const paid = await renderOrderConfirmation({ ...base, order: order() });
    await expect(tagPerLine(paid.html)).toMatchFileSnapshot('./__snapshots__/order-confirmation.html');
    await expect(paid.text).toMatchFileSnapshot('./__snapshots__/order-confirmation.txt');
    const test = await renderOrderConfirmation({ ...base, testPayment: true, order: order({ provider: 'test', status: 'pending' }) });
    await expect(tagPerLine(test.html)).toMatchFileSnapshot('./__snapshots__/order-confirmation-test-payment.html');
  });

  it('checks the shop’s phone number after trimming it, and takes only an http or https order link', async () => {
    await expect(render({ shopPhone: ' 1234 ' })).rejects.toThrow('The shop phone number looks too short');
    await expect(render({ orderUrl: 'http://127.0.0.1:3000/orders/MN-100001?t=abc.def' })).resolves.toBeTruthy();
    for (const orderUrl of ['xhttp://shop.example/orders/1', 'httpsx://shop.example/orders/1', 'ftp://shop.example/orders/1']) {
      await expect(render({ orderUrl }), orderUrl).rejects.toThrow('The order link must be an absolute http(s) address');
    }
  });

  it('leaves no blank line for an empty second address line, and no space after a city without a postal code', async () => {
    const o = order({ address: { ...order().address, line2: '   ', postalCode: '' } });
    const { text } = await renderOrderConfirmation({ ...base, order: o });
    expect(text).toContain('SHIPPING TO\nSaraa Bold\n12 Peace Avenue\nUlaanbaatar\nMongolia\n');
  });

  it('spells the country in English whatever language the server runs in', async () => {
    const Real = Intl.DisplayNames;
    // A server whose own language is German: a name asked for without a language comes out German.
    const spy = vi.spyOn(Intl, 'DisplayNames').mockImplementation(function (locales?: string | string[], options?: Intl.DisplayNamesOptions) {
      const asked = [locales ?? []].flat().filter(Boolean);
      return new Real(asked.length ? asked : ['de'], options!);
    } as unknown as typeof Intl.DisplayNames);
    try {
      vi.resetModules();
      const fresh = await import('./order-confirmation');
      const { text } = await fresh.renderOrderConfirmation({ ...base, order: order({ address: { ...order().address, country: 'DE' } }) });
      expect(text).toContain('\nGermany\n');
    } finally {
      spy.mockRestore();
    }
  });

  it('writes the test-payment notice into the text exactly as reviewed', async () => {
    const test = await renderOrderConfirmation({ ...base, testPayment: true, order: order({ provider: 'test', status: 'pending' }) });
    await expect(test.text).toMatchFileSnapshot('./__snapshots__/order-confirmation-test-payment.txt');
  });
});
