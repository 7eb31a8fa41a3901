import type { CSSProperties } from 'react';
import { Body, Button, Container, Head, Heading, Html, Preview, Text } from '@react-email/components';
import { render } from '@react-email/render';
import { z } from 'zod';
import type { OrderView } from '../checkout/types';
import { telHref } from '../phone';

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

const paper = '#f6f1e8';
const ink = '#23201c';
const ink2 = '#5a534a';
const sans = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Helvetica, Arial, sans-serif";
const s = {
  body: { backgroundColor: paper, color: ink, fontFamily: sans, margin: 0, padding: '32px 12px' },
  container: { maxWidth: '560px', backgroundColor: '#fffdf9', border: '1px solid #ddd3c3', borderRadius: '10px', padding: '36px 32px' },
  shop: { fontSize: '13px', letterSpacing: '0.14em', textTransform: 'uppercase', color: ink2, margin: '0 0 28px' },
  h1: { fontFamily: "Georgia, 'Times New Roman', Times, serif", fontSize: '28px', lineHeight: '34px', fontWeight: 400, margin: '0 0 12px' },
  para: { fontSize: '16px', lineHeight: '24px', margin: '0 0 16px' },
  tracking: { fontSize: '18px', lineHeight: '26px', fontWeight: 700, margin: '0 0 24px' },
  button: { backgroundColor: ink, color: paper, borderRadius: '999px', padding: '13px 26px', fontSize: '15px', fontWeight: 600, textDecoration: 'none' },
  small: { fontSize: '14px', lineHeight: '21px', color: ink2, margin: '28px 0 0' },
} satisfies Record<string, CSSProperties>;

function Email({ i, items }: { i: OrderShippedInput; items: string }) {
  const subject = `Order ${i.order.number} is on its way`;
  return (
    <Html lang="en" dir="ltr">
      <Head>
        <title>{subject}</title>
      </Head>
      <Preview>{`${i.carrier} tracking number ${i.trackingNumber}`}</Preview>
      <Body style={s.body}>
        <Container style={s.container}>
          <Text style={s.shop}>{i.shopName}</Text>
          <Heading as="h1" style={s.h1}>
            {subject}
          </Heading>
          <Text style={s.para}>{`We have handed your parcel (${items}) to ${i.carrier}. Its tracking number is:`}</Text>
          <Text style={s.tracking}>{i.trackingNumber}</Text>
          <Button href={i.orderUrl} style={s.button}>
            View your order
          </Button>
          <Text style={s.small}>
            Questions? Call us on <a href={telHref(i.shopPhone)}>{i.shopPhone}</a>.
          </Text>
        </Container>
      </Body>
    </Html>
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
