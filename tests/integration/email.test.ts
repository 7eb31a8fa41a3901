import nodemailer from 'nodemailer';
import { afterEach, expect, it, vi } from 'vitest';
import { sendEmail, type EmailMessage, type MailTransport } from '@/lib/email/send';
import { describeEachDatabase } from '../support/databases';

let seq = 0;
function message(over: Partial<EmailMessage> = {}): EmailMessage {
  seq += 1;
  return {
    to: 'shopper@example.com',
    subject: 'Thank you — order MN-100001',
    html: '<p>Thank you</p>',
    text: 'Thank you',
    dedupeKey: `order-confirmation:test-${Date.now()}-${seq}`,
    ...over,
  };
}

/** A transport that keeps what it was given, so a test can count what went out. */
function recordingTransport(): MailTransport & { sent: Parameters<MailTransport['sendMail']>[0][] } {
  const sent: Parameters<MailTransport['sendMail']>[0][] = [];
  return {
    sent,
    async sendMail(mail) {
      // Let the other concurrent calls run before this one finishes.
      await new Promise((r) => setImmediate(r));
      sent.push(mail);
      return { messageId: `<${sent.length}@test>` };
    },
  };
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describeEachDatabase('e-mail outbox', (ctx) => {
  const row = (dedupeKey: string) => ctx.db.outboxMessage.findUniqueOrThrow({ where: { dedupeKey } });

  it('stores and sends a message once, even when the same message is sent by concurrent calls', async () => {
    const m = message();
    const transport = recordingTransport();
    const results = await Promise.all(Array.from({ length: 5 }, () => sendEmail(ctx.db, m, transport)));

    expect(results.filter((r) => r.stored)).toEqual([{ stored: true, sent: true }]);
    expect(results.filter((r) => !r.stored)).toHaveLength(4);
    expect(results.filter((r) => !r.stored).every((r) => !r.sent)).toBe(true);
    expect(await ctx.db.outboxMessage.count({ where: { dedupeKey: m.dedupeKey } })).toBe(1);
    expect(transport.sent).toHaveLength(1);
    expect(transport.sent[0]).toEqual({ to: m.to, subject: m.subject, html: m.html, text: m.text });
  });

  it('keeps the first version when a message with the same key comes again later', async () => {
    const m = message();
    const transport = recordingTransport();
    expect(await sendEmail(ctx.db, m, transport)).toEqual({ stored: true, sent: true });
    expect(await sendEmail(ctx.db, { ...m, subject: 'Something else' }, transport)).toEqual({ stored: false, sent: false });
    expect((await row(m.dedupeKey)).subject).toBe(m.subject);
    expect(transport.sent).toHaveLength(1);
  });

  it("sends through nodemailer's JSON transport and records when it went out", async () => {
    const m = message();
    const before = Date.now();
    const transport = nodemailer.createTransport({ jsonTransport: true }, { from: 'Steppe & Thread <orders@localhost>' });
    expect(await sendEmail(ctx.db, m, transport)).toEqual({ stored: true, sent: true });

    const stored = await row(m.dedupeKey);
    expect(stored).toMatchObject({ to: m.to, subject: m.subject, html: m.html, text: m.text, error: null });
    expect(stored.sentAt).toBeInstanceOf(Date);
    expect(stored.sentAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('records a failed send on the row and does not throw', async () => {
    const m = message();
    const failing: MailTransport = {
      sendMail: () => Promise.reject(new Error('421 4.3.2 Service not available, closing channel')),
    };
    await expect(sendEmail(ctx.db, m, failing)).resolves.toEqual({ stored: true, sent: false });

    const stored = await row(m.dedupeKey);
    expect(stored.sentAt).toBeNull();
    expect(stored.error).toBe('421 4.3.2 Service not available, closing channel');
  });

  it('keeps the message in the outbox when no SMTP server is configured', async () => {
    vi.stubEnv('SMTP_URL', '');
    const m = message();
    expect(await sendEmail(ctx.db, m)).toEqual({ stored: true, sent: false });
    const stored = await row(m.dedupeKey);
    expect(stored).toMatchObject({ sentAt: null, error: null, to: m.to });
  });

  it('refuses a recipient that is not an e-mail address and stores nothing', async () => {
    const m = message({ to: 'not an address' });
    const transport = recordingTransport();
    await expect(sendEmail(ctx.db, m, transport)).rejects.toThrow(/e-mail address/);
    expect(await ctx.db.outboxMessage.count({ where: { dedupeKey: m.dedupeKey } })).toBe(0);
    expect(transport.sent).toHaveLength(0);
  });
});
