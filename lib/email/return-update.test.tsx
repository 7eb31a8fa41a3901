import { describe, expect, it } from 'vitest';
import { renderReturnUpdate, type ReturnStep, type ReturnUpdateInput } from './return-update';
import { tagPerLine, visible } from '../../tests/support/email-html';

const input: ReturnUpdateInput = {
  step: 'requested',
  returnNumber: 'R-1007',
  orderNumber: 'MN-100042',
  items: ['2 × Gobi crew-neck sweater (Oat, M)', '1 × Yak wool socks (Charcoal, L)'],
  message: null,
  refundAmount: null,
  shopName: 'Steppe & Thread',
  shopPhone: '+1 (618) 724-5782',
  orderUrl: 'https://shop.example/orders/MN-100042?t=abc.def',
};

const wording: Record<ReturnStep, [subject: string, lead: string, next: string]> = {
  requested: [
    'We received your return request R-1007',
    'Your request to return items from order MN-100042 is with our staff.',
    'We will e-mail you when it is approved, with how to send the items back.',
  ],
  approved: [
    'Return R-1007 is approved',
    'You can send the items of return R-1007 back to us.',
    'Write the return number on the parcel. We will e-mail you when it arrives.',
  ],
  rejected: [
    'Return R-1007 was not accepted',
    'We could not accept return R-1007 for order MN-100042.',
    'If you have questions, reply to this e-mail or call us.',
  ],
  received: [
    'Your returned items arrived (R-1007)',
    'The parcel for return R-1007 has arrived and been checked.',
    'Your refund is next; we will e-mail you when it is sent.',
  ],
  refunded: [
    'Refund sent for return R-1007',
    'We have refunded $58.95 to the way you paid for order MN-100042.',
    'It can take 5–10 business days to show on your statement.',
  ],
  closed: [
    'Return R-1007 is closed',
    'We have closed return R-1007 for order MN-100042 without a refund.',
    'If you still mean to send the items back, or this is not what you expected, reply to this e-mail or call us.',
  ],
};

const render = (over: Partial<ReturnUpdateInput>) => renderReturnUpdate({ ...input, ...over });

describe('renderReturnUpdate', () => {
  it('says what happened and what comes next, at every step, in the subject, the heading, the HTML and the text', async () => {
    for (const [step, [subject, lead, next]] of Object.entries(wording) as [ReturnStep, [string, string, string]][]) {
      const mail = await renderReturnUpdate({ ...input, step, refundAmount: step === 'refunded' ? '$58.95' : null });
      expect(mail.subject, step).toBe(subject);
      expect(visible(mail.html.match(/<h1[^>]*>.*?<\/h1>/)?.[0] ?? '').trim(), step).toBe(subject);
      expect(visible(mail.html), step).toContain(`${lead} 2 × Gobi crew-neck sweater (Oat, M) 1 × Yak wool socks (Charcoal, L) ${next}`);
      expect(mail.text, step).toBe(
        [
          'Steppe & Thread',
          '',
          subject,
          '',
          lead,
          '- 2 × Gobi crew-neck sweater (Oat, M)',
          '- 1 × Yak wool socks (Charcoal, L)',
          '',
          next,
          '',
          'View your order: https://shop.example/orders/MN-100042?t=abc.def',
          '',
          'Questions? Call us on +1 (618) 724-5782.',
        ].join('\n'),
      );
    }
  });

  it('says "your return" when the refunded amount is not known', async () => {
    const { text } = await renderReturnUpdate({ ...input, step: 'refunded', refundAmount: null });
    expect(text).toContain('We have refunded your return to the way you paid for order MN-100042.');
  });

  it('adds staff’s note to the customer when there is one', async () => {
    const mail = await renderReturnUpdate({ ...input, step: 'rejected', message: 'The socks were worn.' });
    expect(mail.text).toContain('- 1 × Yak wool socks (Charcoal, L)\n\nA note from us: The socks were worn.\n\nIf you have questions');
    expect(visible(mail.html)).toContain('(Charcoal, L) A note from us: The socks were worn. If you have questions');
    const none = await renderReturnUpdate({ ...input, step: 'rejected', message: '' });
    expect(none.text).not.toContain('A note from us');
    expect(visible(none.html)).not.toContain('A note from us');
  });

  it('escapes what staff and customers typed', async () => {
    const { html } = await renderReturnUpdate({ ...input, items: ['<img src=x onerror=alert(1)>'], message: '<script>alert(2)</script>' });
    expect(html).not.toContain('<img');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('refuses malformed numbers, no items, no shop and links that are not http(s)', async () => {
    await expect(renderReturnUpdate({ ...input, returnNumber: '1007' })).rejects.toThrow();
    await expect(renderReturnUpdate({ ...input, returnNumber: 'R-1007x' })).rejects.toThrow();
    await expect(renderReturnUpdate({ ...input, orderNumber: 'MN-' })).rejects.toThrow();
    await expect(renderReturnUpdate({ ...input, orderNumber: 'xMN-1' })).rejects.toThrow();
    await expect(renderReturnUpdate({ ...input, items: [] })).rejects.toThrow();
    await expect(renderReturnUpdate({ ...input, items: [''] })).rejects.toThrow();
    await expect(renderReturnUpdate({ ...input, shopName: ' ' })).rejects.toThrow('The shop needs a name');
    await expect(renderReturnUpdate({ ...input, shopPhone: '1234' })).rejects.toThrow('The shop phone number looks too short');
    await expect(renderReturnUpdate({ ...input, orderUrl: 'data:text/html,hi' })).rejects.toThrow('The order link must be an absolute http(s) address');
  });

  it('renders exactly the reviewed HTML (the look is pinned; accept a change with `npx vitest run -u lib/email`)', async () => {
    const { html } = await renderReturnUpdate({ ...input, step: 'approved', message: 'Thank you for telling us.' });
    await expect(tagPerLine(html)).toMatchFileSnapshot('./__snapshots__/return-update.html');
  });

  it('checks the shop’s phone number after trimming it, and takes only an http or https order link', async () => {
    await expect(render({ shopPhone: ' 1234 ' })).rejects.toThrow('The shop phone number looks too short');
    await expect(render({ orderUrl: 'http://127.0.0.1:3000/orders/MN-100042?t=abc.def' })).resolves.toBeTruthy();
    for (const orderUrl of ['xhttp://shop.example/orders/1', 'httpsx://shop.example/orders/1', 'ftp://shop.example/orders/1']) {
      await expect(render({ orderUrl }), orderUrl).rejects.toThrow('The order link must be an absolute http(s) address');
    }
  });

  it('takes return and order numbers only whole: nothing before or after them', async () => {
    for (const over of [{ returnNumber: 'xR-1007' }, { returnNumber: 'R-' }, { orderNumber: 'MN-100042x' }, { orderNumber: 'order MN-100042' }]) {
      await expect(render(over), JSON.stringify(over)).rejects.toThrow();
    }
  });
});
