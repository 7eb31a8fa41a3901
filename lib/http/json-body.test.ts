import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseBody, RequestError } from './json-body';

const schema = z.strictObject({ quantity: z.number().int().min(1, 'At least one') });
const post = (body: BodyInit, type = 'application/json', headers: Record<string, string> = {}) =>
  new Request('http://127.0.0.1/x', { method: 'POST', body, headers: { 'content-type': type, ...headers } });

async function status(p: Promise<unknown>): Promise<number | string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return e instanceof RequestError ? `${e.status} ${e.message}` : String(e);
  }
}

describe('parseBody', () => {
  it('parses valid JSON', async () => {
    expect(await parseBody(post('{"quantity":2}'), schema)).toEqual({ quantity: 2 });
  });
  it('refuses malformed JSON with 400', async () => {
    expect(await status(parseBody(post('{quantity:'), schema))).toBe('400 The request could not be read.');
  });
  it('refuses invalid values with the schema message', async () => {
    expect(await status(parseBody(post('{"quantity":0}'), schema))).toBe('400 At least one');
  });
  it('refuses bodies over 10 KB, whatever the header says', async () => {
    const big = JSON.stringify({ quantity: 1, pad: 'x'.repeat(11_000) });
    expect(await status(parseBody(post(big), schema))).toMatch(/^413/);
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(big));
        c.close();
      },
    });
    const lying = new Request('http://127.0.0.1/x', {
      method: 'POST',
      body: stream,
      headers: { 'content-type': 'application/json' },
      duplex: 'half',
    } as RequestInit);
    expect(await status(parseBody(lying, schema))).toMatch(/^413/);
  });
  it('refuses other content types with 415', async () => {
    expect(await status(parseBody(post('<x/>', 'application/xml'), schema))).toMatch(/^415/);
  });
});
