import type { CSSProperties } from 'react';
import { Text } from '@react-email/components';
import { render } from '@react-email/render';
import { z } from 'zod';
import type { OrderView } from '../checkout/types';
import { mailStyles, OrderMail } from './order-mail';

/**
 * "Your parcel is on its way": sent once when staff mark an order shipped, with the carrier, the
 * tracking number and the signed link to the order. Written twice like the confirmation (HTML and
 * plain text from the same facts); no images or web fonts.
 */
export interface OrderShippedInput {
  order: Pick<OrderView, 'number' | 'lines'>;
  carrier: string;
  trackingNumber: string;
  shopName: string;
  shopPhone: string;
  orderUrl: string;
}

const inputSchema = z.object({
  carrier: z.string().trim().min(1).max(60),
  trackingNumber: z.string().trim().min(1).max(60),
  shopName: z.string().trim().min(1, 'The shop needs a name'),
  shopPhone: z.string().trim().min(5, 'The shop phone number looks too short'),
  orderUrl: z.url({ protocol: /^https?$/, error: 'The order link must be an absolute http(s) address' }),
});

const s = {
  ...mailStyles,
  tracking: { fontSize: '18px', lineHeight: '26px', fontWeight: 700, margin: '0 0 24px' },
} satisfies Record<string, CSSProperties>;

function Email({ i, items }: { i: OrderShippedInput; items: string }) {
  return (
    <OrderMail
      subject={`Order ${i.order.number} is on its way`}
      preview={`${i.carrier} tracking number ${i.trackingNumber}`}
      shopName={i.shopName}
      shopPhone={i.shopPhone}
      orderUrl={i.orderUrl}
    >
      <Text style={s.para}>{`We have handed your parcel (${items}) to ${i.carrier}. Its tracking number is:`}</Text>
      <Text style={s.tracking}>{i.trackingNumber}</Text>
    </OrderMail>
  );
}

export async function renderOrderShipped(input: OrderShippedInput): Promise<{ subject: string; html: string; text: string }> {
  const i = { ...input, ...inputSchema.parse(input) };
  const count = i.order.lines.reduce((n, l) => n + l.quantity, 0);
  const items = `${count} ${count === 1 ? 'item' : 'items'}`;
  const subject = `Order ${i.order.number} is on its way`;
  const text = [
    i.shopName,
    '',
    subject,
    '',
    `We have handed your parcel (${items}) to ${i.carrier}.`,
    `Tracking number: ${i.trackingNumber}`,
    '',
    `View your order: ${i.orderUrl}`,
    '',
    `Questions? Call us on ${i.shopPhone}.`,
  ].join('\n');
  return { subject, html: await render(<Email i={i} items={items} />), text };
}
