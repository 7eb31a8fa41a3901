import type { CSSProperties } from 'react';
import { Body, Button, Column, Container, Head, Heading, Hr, Html, Link, Preview, Row, Section, Text } from '@react-email/components';
import { render } from '@react-email/render';
import { z } from 'zod';
import type { OrderView, PaymentProviderName, ShippingAddress } from '../checkout/types';
import { formatMoney } from '../money';
import { telHref } from '../phone';
import { wrapText } from './wrap-text';

/**
 * The order confirmation e-mail: one set of facts (built once, below) written out twice, as HTML
 * through React Email and as plain text by hand, so the text version reads well on its own and
 * can never say something the HTML does not.
 *
 * No images, web fonts or external CSS: mail clients block them, so everything is inline and the
 * fonts are ones every reader already has.
 *
 * Rendering uses react-dom/server. Inside Next (route handlers, server actions, server components)
 * that works; a plain Node script run with `--conditions=react-server` (as scripts/start.ts is)
 * resolves react-dom/server to React's "not supported in Server Components" stub and fails.
 */

/** How long the signed "View your order" link is valid. The link's signer must use the same number. */
export const ORDER_LINK_VALID_DAYS = 30;

export interface OrderConfirmationInput {
  order: OrderView;
  shopName: string;
  shopPhone: string;
  /** The signed link to the order's page. */
  orderUrl: string;
  /** The order was paid with the test provider: say plainly that no money moved. */
  testPayment: boolean;
}

const inputSchema = z.object({
  shopName: z.string().trim().min(1, 'The shop needs a name'),
  shopPhone: z.string().trim().min(5, 'The shop phone number looks too short'),
  // Only http(s): the link is put in an href, and javascript: or data: must never get there.
  orderUrl: z.url({ protocol: /^https?$/, error: 'The order link must be an absolute http(s) address' }),
  testPayment: z.boolean(),
});

interface Facts {
  shopName: string;
  shopPhone: string;
  orderUrl: string;
  testPayment: boolean;
  subject: string;
  preview: string;
  heading: string;
  number: string;
  lines: { title: string; details: string; quantityLine: string; lineTotal: string }[];
  subtotal: string;
  shippingLabel: string;
  shippingValue: string;
  total: string;
  address: string[];
  payment: { headline: string; detail: string };
}

const TEST_NOTICE_TITLE = 'Test payment — no money moves';
const TEST_NOTICE_BODY = 'This order was placed with the shop’s test payment provider. No card or account was charged.';
const LINK_NOTE = `This link is private to you and works for ${ORDER_LINK_VALID_DAYS} days.`;

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

function countryName(code: string): string {
  try {
    return regionNames.of(code.toUpperCase()) ?? code;
  } catch {
    return code; // not a region code Intl knows: show it as given
  }
}

function addressLines(a: ShippingAddress): string[] {
  // A country without postal codes leaves a trailing space here, trimmed below with the other lines.
  const cityLine = `${a.city}${a.region ? `, ${a.region}` : ''} ${a.postalCode}`;
  return [a.name, a.line1, a.line2 ?? '', cityLine, countryName(a.country)].map((l) => l.trim()).filter(Boolean);
}

const PAID_BY: Record<PaymentProviderName, string> = {
  stripe: 'Paid by card',
  paypal: 'Paid with PayPal',
  test: 'Paid (test payment)',
};

function paymentState(order: OrderView): Facts['payment'] {
  switch (order.status) {
    case 'paid':
      return { headline: PAID_BY[order.provider], detail: 'We are getting your parcel ready.' };
    case 'shipped':
      return { headline: PAID_BY[order.provider], detail: 'Your parcel is on its way.' };
    case 'pending':
      return {
        headline: 'Waiting for payment',
        detail: 'Your items are set aside for you. We prepare the parcel as soon as the payment is confirmed.',
      };
    case 'cancelled':
      return { headline: 'Cancelled', detail: 'This order was cancelled. If you have questions, call us.' };
    case 'expired':
      return { headline: 'Expired', detail: 'The payment did not arrive in time, so the items were released.' };
    case 'partially_refunded':
      return { headline: PAID_BY[order.provider], detail: 'Part of your payment was refunded.' };
    case 'refunded':
      return { headline: 'Refunded', detail: 'Your payment was refunded in full.' };
  }
}

function facts(input: OrderConfirmationInput): Facts {
  const { order } = input;
  const heading = `Thank you — order ${order.number}`;
  const itemCount = order.lines.reduce((n, l) => n + l.quantity, 0);
  const total = formatMoney(order.total);
  return {
    shopName: input.shopName,
    shopPhone: input.shopPhone,
    orderUrl: input.orderUrl,
    testPayment: input.testPayment,
    subject: input.testPayment ? `[Test] ${heading}` : heading,
    preview: `${itemCount} ${itemCount === 1 ? 'item' : 'items'}, ${total} in total.`,
    heading,
    number: order.number,
    lines: order.lines.map((l) => ({
      title: l.title,
      details: `Colour: ${l.colour} · Size: ${l.size}`,
      quantityLine: l.quantity === 1 ? 'Qty 1' : `Qty ${l.quantity} × ${formatMoney(l.unitPrice)}`,
      lineTotal: formatMoney(l.lineTotal),
    })),
    subtotal: formatMoney(order.subtotal),
    shippingLabel: order.shippingMethod === 'express' ? 'Express shipping' : 'Standard shipping',
    shippingValue: order.shipping.amount === 0 ? 'Free' : formatMoney(order.shipping),
    total,
    address: addressLines(order.address),
    payment: paymentState(order),
  };
}

// ---- HTML ---------------------------------------------------------------------------------------

const paper = '#f6f1e8';
const card = '#fffdf9';
const ink = '#23201c';
const ink2 = '#5a534a';
const line = '#ddd3c3';
const accent = '#9b3d23';
const serif = "Georgia, 'Times New Roman', Times, serif";
const sans = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Helvetica, Arial, sans-serif";

const s = {
  body: { backgroundColor: paper, color: ink, fontFamily: sans, margin: 0, padding: '32px 12px' },
  container: { maxWidth: '560px', backgroundColor: card, border: `1px solid ${line}`, borderRadius: '10px', padding: '36px 32px' },
  shop: { fontSize: '13px', letterSpacing: '0.14em', textTransform: 'uppercase', color: ink2, margin: '0 0 28px' },
  notice: { border: `1.5px solid ${accent}`, borderRadius: '8px', padding: '12px 16px', margin: '0 0 28px' },
  noticeTitle: { fontSize: '15px', fontWeight: 700, color: accent, margin: '0 0 4px' },
  noticeBody: { fontSize: '14px', lineHeight: '21px', color: ink, margin: 0 },
  h1: { fontFamily: serif, fontSize: '28px', lineHeight: '34px', fontWeight: 400, color: ink, margin: '0 0 12px' },
  lead: { fontSize: '16px', lineHeight: '24px', color: ink2, margin: '0 0 28px' },
  h2: { fontFamily: sans, fontSize: '12px', letterSpacing: '0.12em', textTransform: 'uppercase', fontWeight: 600, color: ink2, margin: '0 0 10px' },
  lineRow: { borderTop: `1px solid ${line}` },
  lineTitle: { fontSize: '16px', lineHeight: '22px', fontWeight: 600, color: ink, margin: '12px 0 2px' },
  lineMeta: { fontSize: '14px', lineHeight: '20px', color: ink2, margin: '0 0 12px' },
  amount: { fontSize: '16px', lineHeight: '22px', color: ink, margin: '12px 0', textAlign: 'right', whiteSpace: 'nowrap' },
  hr: { borderColor: line, margin: '4px 0 12px' },
  sumLabel: { fontSize: '15px', lineHeight: '22px', color: ink2, margin: '4px 0' },
  sumValue: { fontSize: '15px', lineHeight: '22px', color: ink, margin: '4px 0', textAlign: 'right', whiteSpace: 'nowrap' },
  totalLabel: { fontSize: '17px', lineHeight: '24px', fontWeight: 700, color: ink, margin: '8px 0 0' },
  totalValue: { fontSize: '17px', lineHeight: '24px', fontWeight: 700, color: ink, margin: '8px 0 0', textAlign: 'right', whiteSpace: 'nowrap' },
  block: { margin: '32px 0 0' },
  para: { fontSize: '15px', lineHeight: '22px', color: ink, margin: 0 },
  paraStrong: { fontSize: '15px', lineHeight: '22px', color: ink, fontWeight: 600, margin: '0 0 2px' },
  button: { backgroundColor: ink, color: paper, borderRadius: '999px', padding: '13px 26px', fontSize: '15px', fontWeight: 600, textDecoration: 'none' },
  small: { fontSize: '13px', lineHeight: '19px', color: ink2, margin: '12px 0 0' },
  footer: { fontSize: '14px', lineHeight: '21px', color: ink2, margin: 0 },
  link: { color: accent, textDecoration: 'underline' },
  nowrap: { whiteSpace: 'nowrap' },
} satisfies Record<string, CSSProperties>;

function OrderConfirmationEmail({ f }: { f: Facts }) {
  return (
    <Html lang="en" dir="ltr">
      <Head>
        <meta name="color-scheme" content="light" />
        <meta name="supported-color-schemes" content="light" />
        <title>{f.subject}</title>
      </Head>
      <Preview>{f.preview}</Preview>
      <Body style={s.body}>
        <Container style={s.container}>
          <Text style={s.shop}>{f.shopName}</Text>

          {f.testPayment && (
            <Section style={s.notice}>
              <Text style={s.noticeTitle}>{TEST_NOTICE_TITLE}</Text>
              <Text style={s.noticeBody}>{TEST_NOTICE_BODY}</Text>
            </Section>
          )}

          <Heading as="h1" style={s.h1}>
            Thank you — order <span style={s.nowrap}>{f.number}</span>
          </Heading>
          <Text style={s.lead}>We have your order. Here is what you chose and where it is going.</Text>

          <Heading as="h2" style={s.h2}>
            Your order
          </Heading>
          <Section>
            {f.lines.map((l, i) => (
              <Row key={i} style={s.lineRow}>
                <Column>
                  <Text style={s.lineTitle}>{l.title}</Text>
                  <Text style={s.lineMeta}>
                    {l.details}
                    <br />
                    {l.quantityLine}
                  </Text>
                </Column>
                <Column style={{ width: '110px', verticalAlign: 'top' }}>
                  <Text style={s.amount}>{l.lineTotal}</Text>
                </Column>
              </Row>
            ))}
          </Section>
          <Hr style={s.hr} />
          <Section>
            <Row>
              <Column>
                <Text style={s.sumLabel}>Subtotal</Text>
              </Column>
              <Column>
                <Text style={s.sumValue}>{f.subtotal}</Text>
              </Column>
            </Row>
            <Row>
              <Column>
                <Text style={s.sumLabel}>{f.shippingLabel}</Text>
              </Column>
              <Column>
                <Text style={s.sumValue}>{f.shippingValue}</Text>
              </Column>
            </Row>
            <Row>
              <Column>
                <Text style={s.totalLabel}>Total</Text>
              </Column>
              <Column>
                <Text style={s.totalValue}>{f.total}</Text>
              </Column>
            </Row>
          </Section>

          <Section style={s.block}>
            <Heading as="h2" style={s.h2}>
              Shipping to
            </Heading>
            <Text style={s.para}>
              {f.address.map((a, i) => (
                <span key={i}>
                  {i > 0 && <br />}
                  {a}
                </span>
              ))}
            </Text>
          </Section>

          <Section style={s.block}>
            <Heading as="h2" style={s.h2}>
              Payment
            </Heading>
            <Text style={s.paraStrong}>{f.payment.headline}</Text>
            <Text style={s.para}>{f.payment.detail}</Text>
          </Section>

          <Section style={s.block}>
            <Button href={f.orderUrl} style={s.button}>
              View your order
            </Button>
            <Text style={s.small}>{LINK_NOTE}</Text>
          </Section>

          <Hr style={{ ...s.hr, margin: '32px 0 16px' }} />
          <Text style={s.footer}>
            Questions about your order? Call us at{' '}
            <Link href={telHref(f.shopPhone)} style={{ ...s.link, ...s.nowrap }}>
              {f.shopPhone}
            </Link>
            .
          </Text>
          <Text style={{ ...s.footer, margin: '8px 0 0' }}>{f.shopName}</Text>
        </Container>
      </Body>
    </Html>
  );
}

// ---- Plain text ---------------------------------------------------------------------------------

function plainText(f: Facts): string {
  const out: string[] = [f.shopName, ''];
  if (f.testPayment) out.push(`*** ${TEST_NOTICE_TITLE.toUpperCase()} ***`, ...wrapText(TEST_NOTICE_BODY), '');
  out.push(f.heading, '', ...wrapText('We have your order. Here is what you chose and where it is going.'), '');
  out.push('YOUR ORDER', '');
  for (const l of f.lines) out.push(l.title, `  ${l.details}`, `  ${l.quantityLine}`, `  ${l.lineTotal}`, '');
  out.push(`Subtotal: ${f.subtotal}`, `${f.shippingLabel}: ${f.shippingValue}`, `Total: ${f.total}`, '');
  out.push('SHIPPING TO', ...f.address, '');
  out.push('PAYMENT', ...wrapText(`${f.payment.headline}. ${f.payment.detail}`), '');
  out.push('View your order:', f.orderUrl, ...wrapText(LINK_NOTE), '');
  out.push(...wrapText(`Questions about your order? Call us at ${f.shopPhone}.`), f.shopName, '');
  return out.join('\n');
}

// ---- Entry point --------------------------------------------------------------------------------

/** Renders the confirmation for one order: the subject, the HTML body and the plain-text body. */
export async function renderOrderConfirmation(input: OrderConfirmationInput): Promise<{ subject: string; html: string; text: string }> {
  const checked = inputSchema.parse(input);
  const f = facts({ ...input, ...checked });
  const html = await render(<OrderConfirmationEmail f={f} />);
  return { subject: f.subject, html, text: plainText(f) };
}
