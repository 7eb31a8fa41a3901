import { Text } from '@react-email/components';
import { render } from '@react-email/render';
import { z } from 'zod';
import { mailStyles, OrderMail } from './order-mail';

/**
 * The e-mail at each step of a return (requested, approved, rejected, received, refunded, closed before a refund): one
 * template, the step's own sentences, and staff's message to the customer when there is one.
 * HTML and plain text from the same facts, like the order e-mails.
 */
export type ReturnStep = 'requested' | 'approved' | 'rejected' | 'received' | 'refunded' | 'closed';

export interface ReturnUpdateInput {
  step: ReturnStep;
  returnNumber: string;
  orderNumber: string;
  /** "2 × Gobi crew-neck sweater (Oat, M)" */
  items: string[];
  /** Staff's words to the customer (approve, reject). */
  message: string | null;
  /** "$58.95", for the refunded step. */
  refundAmount: string | null;
  shopName: string;
  shopPhone: string;
  orderUrl: string;
}

const inputSchema = z.object({
  returnNumber: z.string().regex(/^R-\d+$/),
  orderNumber: z.string().regex(/^MN-\d+$/),
  items: z.array(z.string().min(1)).min(1),
  shopName: z.string().trim().min(1, 'The shop needs a name'),
  shopPhone: z.string().trim().min(5, 'The shop phone number looks too short'),
  orderUrl: z.url({ protocol: /^https?$/, error: 'The order link must be an absolute http(s) address' }),
});

function wording(i: ReturnUpdateInput): { subject: string; lead: string; next: string } {
  const r = i.returnNumber;
  switch (i.step) {
    case 'requested':
      return {
        subject: `We received your return request ${r}`,
        lead: `Your request to return items from order ${i.orderNumber} is with our staff.`,
        next: 'We will e-mail you when it is approved, with how to send the items back.',
      };
    case 'approved':
      return {
        subject: `Return ${r} is approved`,
        lead: `You can send the items of return ${r} back to us.`,
        next: 'Write the return number on the parcel. We will e-mail you when it arrives.',
      };
    case 'rejected':
      return {
        subject: `Return ${r} was not accepted`,
        lead: `We could not accept return ${r} for order ${i.orderNumber}.`,
        next: 'If you have questions, reply to this e-mail or call us.',
      };
    case 'received':
      return {
        subject: `Your returned items arrived (${r})`,
        lead: `The parcel for return ${r} has arrived and been checked.`,
        next: 'Your refund is next; we will e-mail you when it is sent.',
      };
    case 'refunded':
      return {
        subject: `Refund sent for return ${r}`,
        lead: `We have refunded ${i.refundAmount ?? 'your return'} to the way you paid for order ${i.orderNumber}.`,
        next: 'It can take 5–10 business days to show on your statement.',
      };
    case 'closed':
      return {
        subject: `Return ${r} is closed`,
        lead: `We have closed return ${r} for order ${i.orderNumber} without a refund.`,
        next: 'If you still mean to send the items back, or this is not what you expected, reply to this e-mail or call us.',
      };
  }
}

const s = mailStyles;

function Email({ i, w }: { i: ReturnUpdateInput; w: ReturnType<typeof wording> }) {
  return (
    <OrderMail subject={w.subject} preview={w.lead} shopName={i.shopName} shopPhone={i.shopPhone} orderUrl={i.orderUrl}>
      <Text style={s.para}>{w.lead}</Text>
      {i.items.map((item) => (
        <Text key={item} style={s.para}>
          {item}
        </Text>
      ))}
      {i.message ? <Text style={s.para}>{`A note from us: ${i.message}`}</Text> : null}
      <Text style={s.para}>{w.next}</Text>
    </OrderMail>
  );
}

export async function renderReturnUpdate(input: ReturnUpdateInput): Promise<{ subject: string; html: string; text: string }> {
  const i = { ...input, ...inputSchema.parse(input) };
  const w = wording(i);
  const text = [
    i.shopName,
    '',
    w.subject,
    '',
    w.lead,
    ...i.items.map((x) => `- ${x}`),
    ...(i.message ? ['', `A note from us: ${i.message}`] : []),
    '',
    w.next,
    '',
    `View your order: ${i.orderUrl}`,
    '',
    `Questions? Call us on ${i.shopPhone}.`,
  ].join('\n');
  return { subject: w.subject, html: await render(<Email i={i} w={w} />), text };
}
