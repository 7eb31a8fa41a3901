import type { CSSProperties, ReactNode } from 'react';
import { Body, Button, Container, Head, Heading, Html, Preview, Text } from '@react-email/components';
import { telHref } from '../phone';

/**
 * The frame of the e-mails about an order after it was placed (shipped, each step of a return): the
 * shop's name, a heading, the message, the button to the order's page and the phone line. Plain
 * inline styles, no images or web fonts. The confirmation keeps its own, fuller layout.
 */
const paper = '#f6f1e8';
const ink = '#23201c';
const ink2 = '#5a534a';
const sans = "-apple-system, BlinkMacSystemFont, 'Segoe UI', Helvetica, Arial, sans-serif";

export const mailStyles = {
  body: { backgroundColor: paper, color: ink, fontFamily: sans, margin: 0, padding: '32px 12px' },
  container: { maxWidth: '560px', backgroundColor: '#fffdf9', border: '1px solid #ddd3c3', borderRadius: '10px', padding: '36px 32px' },
  shop: { fontSize: '13px', letterSpacing: '0.14em', textTransform: 'uppercase', color: ink2, margin: '0 0 28px' },
  h1: { fontFamily: "Georgia, 'Times New Roman', Times, serif", fontSize: '28px', lineHeight: '34px', fontWeight: 400, margin: '0 0 12px' },
  para: { fontSize: '16px', lineHeight: '24px', margin: '0 0 16px' },
  button: { backgroundColor: ink, color: paper, borderRadius: '999px', padding: '13px 26px', fontSize: '15px', fontWeight: 600, textDecoration: 'none' },
  small: { fontSize: '14px', lineHeight: '21px', color: ink2, margin: '28px 0 0' },
} satisfies Record<string, CSSProperties>;

export function OrderMail(p: { subject: string; preview: string; shopName: string; shopPhone: string; orderUrl: string; children: ReactNode }) {
  const s = mailStyles;
  return (
    <Html lang="en" dir="ltr">
      <Head>
        <title>{p.subject}</title>
      </Head>
      <Preview>{p.preview}</Preview>
      <Body style={s.body}>
        <Container style={s.container}>
          <Text style={s.shop}>{p.shopName}</Text>
          <Heading as="h1" style={s.h1}>
            {p.subject}
          </Heading>
          {p.children}
          <Button href={p.orderUrl} style={s.button}>
            View your order
          </Button>
          <Text style={s.small}>
            Questions? Call us on <a href={telHref(p.shopPhone)}>{p.shopPhone}</a>.
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
