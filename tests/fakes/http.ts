// Small node:http plumbing shared by the fake payment providers (tests/fakes/stripe.ts, paypal.ts).
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: string) => Promise<void> | void;

export interface Listening {
  server: http.Server;
  host: string;
  port: number;
  url: string;
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;

export function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('request body too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Listens on 127.0.0.1 with a random port. `close()` also ends kept-alive client connections (Node 20's
 * global agent keeps sockets open, which would otherwise hold `server.close()` forever). */
export async function listen(handler: Handler): Promise<Listening> {
  const server = http.createServer((req, res) => {
    readBody(req)
      .then((body) => handler(req, res, body))
      .catch((err: unknown) => {
        if (!res.headersSent) {
          res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
          res.end(`fake server error: ${err instanceof Error ? err.stack : String(err)}`);
        } else res.destroy();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const host = '127.0.0.1';
  let closing: Promise<void> | null = null;
  return {
    server,
    host,
    port,
    url: `http://${host}:${port}`,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body, null, 2);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendHtml(res: http.ServerResponse, status: number, html: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html), ...headers });
  res.end(html);
}

export function redirect(res: http.ServerResponse, location: string): void {
  res.writeHead(303, { location, 'content-length': 0 });
  res.end();
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

const ALPHANUM = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** Random id from `alphabet` (base62 by default), e.g. randomId(24) for Stripe's `pi_…` suffix. */
export function randomId(length: number, alphabet = ALPHANUM): string {
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out;
}

export function header(req: http.IncomingMessage, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

/** POSTs a body with node:http (no keep-alive pool), resolving to the status and body; status 0 when the
 * connection failed. Used for webhook deliveries. */
export function postRaw(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs = 15_000,
): Promise<{ status: number; body: string; error?: string }> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (r: { status: number; body: string; error?: string }) => {
      if (!settled) {
        settled = true;
        resolve(r);
      }
    };
    let req: http.ClientRequest;
    try {
      req = http.request(
        url,
        { method: 'POST', agent: false, headers: { ...headers, 'content-length': Buffer.byteLength(body) }, timeout: timeoutMs },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => done({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', (e) => done({ status: res.statusCode ?? 0, body: '', error: e.message }));
        },
      );
    } catch (e) {
      done({ status: 0, body: '', error: e instanceof Error ? e.message : String(e) });
      return;
    }
    req.on('timeout', () => req.destroy(new Error(`timed out after ${timeoutMs} ms`)));
    req.on('error', (e) => done({ status: 0, body: '', error: e.message }));
    req.end(body);
  });
}
