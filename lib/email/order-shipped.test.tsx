import { describe, expect, it } from 'vitest';
import type { OrderLineView } from '../checkout/types';
import { money } from '../money';
import { renderOrderShipped, type OrderShippedInput } from './order-shipped';
import { tagPerLine, visible } from '../../tests/support/email-html';

function line(quantity: number): OrderLineView {
  return {
    productSlug: 'yak-wool-socks',
    title: 'Yak wool socks',
    size: 'M',
    colour: 'Charcoal',
    sku: 'YS-CH-M',
    quantity,
    unitPrice: money(2450, 'USD'),
    lineTotal: money(2450 * quantity, 'USD'),
    isWool: true,
  };
}

const input: OrderShippedInput = {
  order: { number: 'MN-100042', lines: [line(2), line(1)] },
  carrier: 'Mongol Post',
  trackingNumber: 'RR123456789MN',
  shopName: 'Steppe & Thread',
  shopPhone: '+1 (618) 724-5782',
  orderUrl: 'https://shop.example/orders/MN-100042?t=abc.def',
};

const render = (over: Partial<OrderShippedInput>) => renderOrderShipped({ ...input, ...over });

describe('renderOrderShipped', () => {
  it('names the order in the subject and the heading', async () => {
    const { subject, html, text } = await renderOrderShipped(input);
    expect(subject).toBe('Order MN-100042 is on its way');
    expect(visible(html.match(/<h1[^>]*>.*?<\/h1>/)?.[0] ?? '').trim()).toBe('Order MN-100042 is on its way');
    expect(html).toContain('<title>Order MN-100042 is on its way</title>');
    expect(text.startsWith('Steppe & Thread\n\nOrder MN-100042 is on its way\n\n')).toBe(true);
  });

  it('gives the carrier, the item count and the tracking number, in the inbox preview too', async () => {
    const { html, text } = await renderOrderShipped(input);
    expect(visible(html)).toContain('Mongol Post tracking number RR123456789MN');
    expect(visible(html)).toContain('We have handed your parcel (3 items) to Mongol Post. Its tracking number is: RR123456789MN');
    expect(text).toContain('We have handed your parcel (3 items) to Mongol Post.\nTracking number: RR123456789MN\n');
  });

  it('says "1 item" for a single item', async () => {
    const { html, text } = await renderOrderShipped({ ...input, order: { number: 'MN-100042', lines: [line(1)] } });
    expect(text).toContain('(1 item) to Mongol Post');
    expect(visible(html)).toContain('(1 item) to Mongol Post');
  });

  it('trims what staff typed', async () => {
    const { text } = await renderOrderShipped({ ...input, carrier: '  DHL ', trackingNumber: ' 12 34 ' });
    expect(text).toContain('to DHL.\nTracking number: 12 34\n');
  });

  it('links to the order and gives the phone number', async () => {
    const { html, text } = await renderOrderShipped(input);
    expect(html).toMatch(/<a[^>]*href="https:\/\/shop\.example\/orders\/MN-100042\?t=abc\.def"[^>]*>[\s\S]*?View your order[\s\S]*?<\/a>/);
    expect(html).toContain('href="tel:+16187245782"');
    expect(text.endsWith('\n\nView your order: https://shop.example/orders/MN-100042?t=abc.def\n\nQuestions? Call us on +1 (618) 724-5782.')).toBe(true);
  });

  it('escapes what staff typed', async () => {
    const { html } = await renderOrderShipped({ ...input, carrier: '<b>DHL</b>', trackingNumber: '<script>x</script>' });
    expect(html).not.toContain('<b>');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;b&gt;DHL&lt;/b&gt;');
  });

  it('refuses what cannot be sent: no carrier or tracking number, longer than 60, no shop, a non-http link', async () => {
    await expect(renderOrderShipped({ ...input, carrier: '  ' })).rejects.toThrow();
    await expect(renderOrderShipped({ ...input, trackingNumber: '' })).rejects.toThrow();
    await expect(renderOrderShipped({ ...input, carrier: 'x'.repeat(61) })).rejects.toThrow();
    await expect(renderOrderShipped({ ...input, trackingNumber: 'x'.repeat(61) })).rejects.toThrow();
    await expect(renderOrderShipped({ ...input, carrier: 'x'.repeat(60), trackingNumber: 'y'.repeat(60) })).resolves.toBeTruthy();
    await expect(renderOrderShipped({ ...input, shopName: ' ' })).rejects.toThrow('The shop needs a name');
    await expect(renderOrderShipped({ ...input, shopPhone: '1234' })).rejects.toThrow('The shop phone number looks too short');
    await expect(renderOrderShipped({ ...input, orderUrl: 'javascript:alert(1)' })).rejects.toThrow('The order link must be an absolute http(s) address');
  });

  it('renders exactly the reviewed HTML (the look is pinned; accept a change with `npx vitest run -u lib/email`)', async () => {
    const { html } = await renderOrderShipped(input);
    await expect(tagPerLine(html)).toMatchFileSnapshot('./__snapshots__/order-shipped.html');
  });

  it('checks the shop’s phone number after trimming it, and takes only an http or https order link', async () => {
    await expect(render({ shopPhone: ' 1234 ' })).rejects.toThrow('The shop phone number looks too short');
    await expect(render({ orderUrl: 'http://127.0.0.1:3000/orders/MN-100042?t=abc.def' })).resolves.toBeTruthy();
    for (const orderUrl of ['xhttp://shop.example/orders/1', 'httpsx://shop.example/orders/1', 'ftp://shop.example/orders/1']) {
      await expect(render({ orderUrl }), orderUrl).rejects.toThrow('The order link must be an absolute http(s) address');
    }
  });
});
