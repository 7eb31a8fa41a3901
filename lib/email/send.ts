import 'server-only';
import nodemailer from 'nodemailer';
import { z } from 'zod';
import type { Db } from '../db';

/**
 * Every e-mail goes into the outbox table first, keyed by what it is about (`dedupeKey`, e.g.
 * "order-confirmation:<order id>"), and only the call that stored it may send it. The database's
 * unique key decides, so a retried request, a double click or two app servers racing store one
 * row and send one message. With SMTP configured the message goes out at once and the row records
 * when (sentAt) or why not (error); without it, the row is the message, for staff to see.
 */

export interface EmailMessage {
  to: string;
  subject: string;
  html: string;
  text: string;
  dedupeKey: string;
}

/** What sending needs from a transport: nodemailer's transporter fits, and so does a test stub. */
export interface MailTransport {
  sendMail(mail: { to: string; subject: string; html: string; text: string }): Promise<unknown>;
}

export const DEFAULT_SMTP_FROM = 'Steppe & Thread <orders@localhost>';

const messageSchema = z.object({
  to: z.email({ error: 'The recipient must be an e-mail address such as name@example.com' }),
  subject: z
    .string()
    .trim()
    .min(1, 'An e-mail needs a subject')
    .max(200)
    .refine((v) => !/[\r\n]/.test(v), 'The subject must be one line'),
  html: z.string().min(1, 'An e-mail needs an HTML body'),
  text: z.string().min(1, 'An e-mail needs a plain-text body'),
  dedupeKey: z.string().trim().min(1, 'An e-mail needs a dedupe key').max(200),
});

/** Longest error text kept on a row: enough for an SMTP reply, not a stack trace. */
const MAX_ERROR_LENGTH = 1000;

function describeError(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return (message || 'Sending failed').slice(0, MAX_ERROR_LENGTH);
}

/**
 * Stores the message once and, when a transport is configured (the argument, else SMTP_URL), sends it.
 * `stored` is false when a message with the same dedupeKey was already there: then nothing is sent.
 * A failed send does not throw: it is recorded on the row (`error`) and `sent` is false.
 * An invalid message throws before anything is stored; database errors propagate.
 */
export async function sendEmail(db: Db, message: EmailMessage, transport?: MailTransport): Promise<{ stored: boolean; sent: boolean }> {
  const m = messageSchema.parse(message);

  // INSERT … ON CONFLICT DO NOTHING: of any number of concurrent calls, exactly one inserts.
  const { count } = await db.outboxMessage.createMany({
    data: [{ to: m.to, subject: m.subject, html: m.html, text: m.text, dedupeKey: m.dedupeKey }],
    skipDuplicates: true,
  });
  if (count === 0) return { stored: false, sent: false };

  const via = transport ?? mailTransportFromEnv();
  if (!via) return { stored: true, sent: false };

  try {
    await via.sendMail({ to: m.to, subject: m.subject, html: m.html, text: m.text });
  } catch (err) {
    await db.outboxMessage.update({ where: { dedupeKey: m.dedupeKey }, data: { error: describeError(err) } });
    return { stored: true, sent: false };
  }
  await db.outboxMessage.update({ where: { dedupeKey: m.dedupeKey }, data: { sentAt: new Date(), error: null } });
  return { stored: true, sent: true };
}

const smtpEnvSchema = z.object({
  // An empty value counts as unset, as in a .env file with `SMTP_URL=`.
  SMTP_URL: z.preprocess(
    (v) => (v === '' ? undefined : v),
    z
      .url({
        protocol: /^smtps?$/,
        // Never echo the value: it holds the SMTP password.
        error: 'SMTP_URL must be an address such as smtps://user:password@smtp.example.com:465',
      })
      .optional(),
  ),
  SMTP_FROM: z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().min(3).default(DEFAULT_SMTP_FROM)),
});

let cachedTransport: { key: string; transport: MailTransport } | null = null;

/**
 * The SMTP transport SMTP_URL describes, sending from SMTP_FROM; null when SMTP_URL is not set
 * (messages then stay in the outbox). Throws, without repeating the URL, when SMTP_URL is malformed.
 */
export function mailTransportFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): MailTransport | null {
  const parsed = smtpEnvSchema.safeParse({ SMTP_URL: env.SMTP_URL, SMTP_FROM: env.SMTP_FROM });
  if (!parsed.success) {
    throw new Error(`Invalid e-mail configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const { SMTP_URL: url, SMTP_FROM: from } = parsed.data;
  if (!url) return null;

  const key = `${url}\n${from}`;
  if (cachedTransport?.key !== key) {
    const transport = nodemailer.createTransport(
      // Bounded waits: a mail server that hangs must not hold a checkout for nodemailer's default two minutes.
      { url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 },
      { from },
    );
    cachedTransport = { key, transport };
  }
  return cachedTransport.transport;
}
