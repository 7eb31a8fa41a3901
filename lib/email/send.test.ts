import { describe, expect, it, vi } from 'vitest';
import type { Db } from '../db';
import { DEFAULT_SMTP_FROM, mailTransportFromEnv, sendEmail, type EmailMessage, type MailTransport } from './send';

// The outbox's unique key and concurrent calls need a database: tests/integration/email.test.ts runs them on
// PGlite and PostgreSQL. Here a stand-in records what sendEmail asks of the database.
function outbox(inserted = 1) {
  const calls: { createMany: unknown[]; update: { where: unknown; data: Record<string, unknown> }[] } = { createMany: [], update: [] };
  const db = {
    outboxMessage: {
      createMany: vi.fn(async (args: unknown) => (calls.createMany.push(args), { count: inserted })),
      update: vi.fn(async (args: { where: unknown; data: Record<string, unknown> }) => (calls.update.push(args), {})),
    },
  };
  return { db: db as unknown as Db, calls };
}

const message: EmailMessage = {
  to: 'shopper@example.com',
  subject: 'Thank you — order MN-100001',
  html: '<p>Thank you</p>',
  text: 'Thank you',
  dedupeKey: 'order-confirmation:ord_1',
};

const transport = (send: MailTransport['sendMail'] = async () => ({})) => ({ sendMail: vi.fn(send) });

describe('sendEmail', () => {
  it('stores the message once by its key, sends it, and records when it went out', async () => {
    const { db, calls } = outbox();
    const t = transport();
    expect(await sendEmail(db, { ...message, subject: '  Thank you — order MN-100001 ' }, t)).toEqual({ stored: true, sent: true });
    expect(calls.createMany).toEqual([{ data: [message], skipDuplicates: true }]);
    expect(t.sendMail).toHaveBeenCalledWith({ to: message.to, subject: message.subject, html: message.html, text: message.text });
    expect(calls.update).toHaveLength(1);
    expect(calls.update[0]!.where).toEqual({ dedupeKey: message.dedupeKey });
    expect(calls.update[0]!.data).toEqual({ sentAt: expect.any(Date), error: null });
  });

  it('sends nothing when the key was already stored', async () => {
    const { db, calls } = outbox(0);
    const t = transport();
    expect(await sendEmail(db, message, t)).toEqual({ stored: false, sent: false });
    expect(t.sendMail).not.toHaveBeenCalled();
    expect(calls.update).toEqual([]);
  });

  it('records why a send failed, in at most 1000 characters, and never throws for it', async () => {
    const cases: [unknown, string][] = [
      [new Error('421 Service not available'), '421 Service not available'],
      ['a thrown string', 'a thrown string'],
      [new Error(''), 'Sending failed'],
      [new Error('x'.repeat(1500)), 'x'.repeat(1000)],
    ];
    for (const [thrown, recorded] of cases) {
      const { db, calls } = outbox();
      const result = await sendEmail(
        db,
        message,
        transport(() => Promise.reject(thrown)),
      );
      expect(result).toEqual({ stored: true, sent: false });
      expect(calls.update).toEqual([{ where: { dedupeKey: message.dedupeKey }, data: { error: recorded } }]);
    }
  });

  it('refuses a message it cannot send, in words, before storing anything', async () => {
    const refusals: [Partial<EmailMessage>, string][] = [
      [{ to: 'shopper' }, 'The recipient must be an e-mail address such as name@example.com'],
      [{ subject: '  ' }, 'An e-mail needs a subject'],
      [{ subject: 'Line one\nBcc: someone@example.com' }, 'The subject must be one line'],
      [{ subject: 'Line one\rtwo' }, 'The subject must be one line'],
      [{ subject: 'x'.repeat(201) }, 'Too big'],
      [{ html: '' }, 'An e-mail needs an HTML body'],
      [{ text: '' }, 'An e-mail needs a plain-text body'],
      [{ dedupeKey: ' ' }, 'An e-mail needs a dedupe key'],
      [{ dedupeKey: 'k'.repeat(201) }, 'Too big'],
    ];
    for (const [change, words] of refusals) {
      const { db, calls } = outbox();
      const t = transport();
      await expect(sendEmail(db, { ...message, ...change }, t), JSON.stringify(change)).rejects.toThrow(words);
      expect(calls.createMany).toEqual([]);
      expect(t.sendMail).not.toHaveBeenCalled();
    }
    const { db } = outbox();
    await expect(sendEmail(db, { ...message, subject: 'x'.repeat(200), dedupeKey: 'k'.repeat(200) }, transport())).resolves.toEqual({
      stored: true,
      sent: true,
    });
  });

  it('without a transport given and no SMTP_URL, keeps the message in the outbox unsent', async () => {
    vi.stubEnv('SMTP_URL', '');
    try {
      const { db, calls } = outbox();
      expect(await sendEmail(db, message)).toEqual({ stored: true, sent: false });
      expect(calls.update).toEqual([]);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('mailTransportFromEnv', () => {
  it('is null when SMTP_URL is unset or empty, so messages stay in the outbox', () => {
    expect(mailTransportFromEnv({})).toBeNull();
    expect(mailTransportFromEnv({ SMTP_URL: '' })).toBeNull();
  });

  it('makes an SMTP transport from SMTP_URL, sending from SMTP_FROM or the default', () => {
    const t = mailTransportFromEnv({ SMTP_URL: 'smtp://user:secret@127.0.0.1:2525' }) as unknown as {
      sendMail: unknown;
      transporter: { name: string };
      _defaults: { from?: string };
    };
    expect(typeof t.sendMail).toBe('function');
    expect(t.transporter.name).toBe('SMTP');
    expect(t._defaults.from).toBe('Steppe & Thread <orders@localhost>');

    const other = mailTransportFromEnv({ SMTP_URL: 'smtps://mail.example.com', SMTP_FROM: 'Shop <shop@example.com>' }) as unknown as {
      _defaults: { from?: string };
    };
    expect(other._defaults.from).toBe('Shop <shop@example.com>');
  });

  it('refuses a malformed SMTP_URL without repeating it (it holds the password)', () => {
    const bad = () => mailTransportFromEnv({ SMTP_URL: 'http://user:hunter2@mail.example.com' });
    expect(bad).toThrow(/SMTP_URL must be an address such as smtps:\/\//);
    expect(bad).not.toThrow(/hunter2/);
  });

  it('makes the transport once per setting, with bounded waits, and a new one when the setting changes', () => {
    const env = { SMTP_URL: 'smtp://user:secret@127.0.0.1:2526' };
    const first = mailTransportFromEnv(env) as unknown as { options: Record<string, unknown> };
    expect(mailTransportFromEnv({ ...env })).toBe(first);
    expect(first.options).toMatchObject({ connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
    const otherFrom = mailTransportFromEnv({ ...env, SMTP_FROM: 'Shop <a@example.com>' });
    expect(otherFrom).not.toBe(first);
    const otherUrl = mailTransportFromEnv({ SMTP_URL: 'smtp://user:secret@127.0.0.1:2527', SMTP_FROM: 'Shop <a@example.com>' });
    expect(otherUrl).not.toBe(otherFrom);
  });

  it('takes an empty SMTP_FROM as unset, and refuses one too short to be an address, naming the setting', () => {
    const t = mailTransportFromEnv({ SMTP_URL: 'smtp://127.0.0.1:2528', SMTP_FROM: '' }) as unknown as { _defaults: { from?: string } };
    expect(t._defaults.from).toBe(DEFAULT_SMTP_FROM);
    expect(DEFAULT_SMTP_FROM).toBe('Steppe & Thread <orders@localhost>');
    expect(() => mailTransportFromEnv({ SMTP_URL: 'smtp://127.0.0.1:2528', SMTP_FROM: 'ab' })).toThrow(/^Invalid e-mail configuration: SMTP_FROM: /);
    expect(() => mailTransportFromEnv({ SMTP_URL: 'ftp://127.0.0.1', SMTP_FROM: 'ab' })).toThrow(
      /^Invalid e-mail configuration: SMTP_URL: SMTP_URL must be an address such as smtps:\/\/user:password@smtp\.example\.com:465; SMTP_FROM: /,
    );
  });
});
