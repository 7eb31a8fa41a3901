import { describe, expect, it } from 'vitest';
import { mailTransportFromEnv } from './send';

// sendEmail itself needs a database: tests/integration/email.test.ts runs it on PGlite and PostgreSQL.
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
});
