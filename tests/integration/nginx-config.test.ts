import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { waitForUrl } from '../../scripts/cluster';
import { brotliAvailable, DEPLOY_DEFAULTS, nginxConfig } from '../../scripts/nginx-config';
import { freePort } from '../support/redis-server';

const hasNginx = spawnSync('nginx', ['-v']).status === 0;

describe('the nginx in front of the app servers', () => {
  it('deploy/nginx.conf is what scripts/nginx-config.ts writes (npm run deploy:nginx)', () => {
    expect(fs.readFileSync('deploy/nginx.conf', 'utf8')).toBe(nginxConfig(DEPLOY_DEFAULTS));
  });

  it('lists every app server and never caches per-person paths, cookies or private responses', () => {
    const conf = nginxConfig({ ...DEPLOY_DEFAULTS, upstreams: [4001, 4002, 4003] });
    for (const p of [4001, 4002, 4003]) expect(conf).toContain(`server 127.0.0.1:${p} `);
    const block = (head: string) => conf.slice(conf.indexOf(head), conf.indexOf('}', conf.indexOf(head)));
    for (const head of ['location ^~ /api/ {', 'location ~ ^/(checkout|admin|orders|returns)(/|$) {']) {
      expect(block(head)).toContain('proxy_pass http://steppe_app;');
      expect(block(head)).not.toContain('proxy_cache ');
    }
    expect(block('location / {')).toContain('proxy_cache steppe_pages;');
    expect(block('location / {')).toMatch(/proxy_no_cache \$steppe_private \$steppe_sets_cookie/);
    // Pages that fail become the styled 503 page; the JSON API answers its own errors.
    expect(block('location / {')).toContain('error_page 500 502 503 504 =503 /_back-soon.html;');
    expect(block('location ^~ /api/ {')).not.toContain('error_page');
  });

  it('refuses settings it cannot use, in words', () => {
    expect(() => nginxConfig({ ...DEPLOY_DEFAULTS, upstreams: [] })).toThrow(/at least one app server/);
    expect(() => nginxConfig({ ...DEPLOY_DEFAULTS, stateDir: 'relative' })).toThrow(/stateDir must be an absolute path/);
  });

  it.runIf(hasNginx || process.env.CI)('is a configuration nginx accepts (nginx -t)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nginx-test-'));
    const conf = path.join(dir, 'nginx.conf');
    fs.writeFileSync(conf, nginxConfig({ ...DEPLOY_DEFAULTS, appDir: path.resolve('.'), stateDir: dir, brotli: await brotliAvailable() }));
    const r = spawnSync('nginx', ['-t', '-p', dir, '-e', path.join(dir, 'error.log'), '-c', conf], { encoding: 'utf8' });
    expect(r.stderr).toContain('syntax is ok');
    expect(r.status).toBe(0);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

/** A stand-in app server: each path answers as one kind of page does. */
function fakeApp() {
  const hits = new Map<string, number>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    hits.set(url.pathname, (hits.get(url.pathname) ?? 0) + 1);
    const html = (body: string, headers: Record<string, string | string[]> = {}, status = 200) => {
      res.writeHead(status, { 'content-type': 'text/html', 'cache-control': 's-maxage=300, stale-while-revalidate=31535700', ...headers });
      res.end(`<p>${body} ${hits.get(url.pathname)}</p>`);
    };
    if (url.pathname === '/products/plain') return html('plain');
    if (url.pathname === '/products/cookie') return html('cookie', { 'set-cookie': ['cart=abc; Path=/; HttpOnly'] });
    if (url.pathname === '/products/private') return html('private', { 'cache-control': 'private, no-cache, no-store, max-age=0, must-revalidate' });
    if (url.pathname === '/products/broken') return html('broken', {}, 500);
    if (url.pathname === '/products/missing') return html('missing', {}, 404);
    if (url.pathname === '/api/cart') {
      res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '30' });
      return res.end(JSON.stringify({ error: 'We can’t reach your cart right now, so nothing was changed.' }));
    }
    return html('other');
  });
  return { server, hits };
}

describe.runIf(hasNginx || process.env.CI)('nginx running that configuration in front of a stand-in app', () => {
  it('stores plain pages only, tells browsers to ask again, and turns a failed page into the styled 503', async () => {
    const app = fakeApp();
    await new Promise<void>((r) => app.server.listen(0, '127.0.0.1', r));
    const appPort = (app.server.address() as AddressInfo).port;
    const listenPort = await freePort();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nginx-run-'));
    fs.chmodSync(dir, 0o755);
    const conf = path.join(dir, 'nginx.conf');
    fs.writeFileSync(
      conf,
      nginxConfig({ ...DEPLOY_DEFAULTS, listenPort, upstreams: [appPort], appDir: path.resolve('.'), stateDir: dir, brotli: await brotliAvailable() }),
    );
    const nginx = spawn('nginx', ['-p', dir, '-e', path.join(dir, 'error.log'), '-c', conf, '-g', 'daemon off;'], { stdio: 'ignore' });
    const base = `http://127.0.0.1:${listenPort}`;
    try {
      await waitForUrl(`${base}/products/other`, 10_000);
      const twice = async (p: string, headers: Record<string, string> = {}) => {
        const first = await fetch(base + p, { headers });
        await first.text();
        const second = await fetch(base + p, { headers });
        return { first, second, body: await second.text() };
      };

      const plain = await twice('/products/plain');
      expect(plain.second.headers.get('x-cache-status')).toBe('HIT');
      expect(plain.body).toBe('<p>plain 1</p>');
      expect(plain.second.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');

      for (const p of ['/products/cookie', '/products/private']) {
        const r = await twice(p);
        expect(r.second.headers.get('x-cache-status'), p).not.toBe('HIT');
        expect(r.body, p).toMatch(/ 2<\/p>$/);
      }
      expect((await twice('/products/private')).second.headers.get('cache-control')).toContain('no-store');
      expect((await twice('/products/cookie')).second.headers.get('set-cookie')).toContain('cart=abc');

      // What a visitor types is never a key of its own: a query string, or an address that does not exist.
      // (The app servers map queries to their own bounded set of cached pages.)
      for (const p of ['/products/plain?utm_source=x', '/products/plain?page=2', '/products/missing']) {
        const r = await twice(p);
        expect(r.second.headers.get('x-cache-status'), p).not.toBe('HIT');
        expect(r.body, p).toMatch(/ \d+<\/p>$/);
      }
      expect((await fetch(`${base}/products/missing`)).status).toBe(404);
      expect((await twice('/products/plain?utm_source=x')).body).toMatch(/plain \d+<\/p>$/);
      // The address without a query is still stored (the first request above).
      expect((await twice('/products/plain')).second.headers.get('x-cache-status')).toBe('HIT');

      // A client navigation (RSC) is never stored.
      const rsc = await twice('/products/plain?_rsc=1', { rsc: '1' });
      expect(rsc.second.headers.get('x-cache-status')).not.toBe('HIT');

      const broken = await fetch(`${base}/products/broken`);
      expect(broken.status).toBe(503);
      expect(broken.headers.get('retry-after')).toBe('30');
      expect(await broken.text()).toContain('We’ll be back in a moment');
      const brokenAction = await fetch(`${base}/products/broken`, { method: 'POST', headers: { 'next-action': 'abc' } });
      expect(brokenAction.status).toBe(503);
      expect(await brokenAction.text()).not.toContain('We’ll be back in a moment');

      // The API answers its own errors, in words.
      const cart = await fetch(`${base}/api/cart`);
      expect(cart.status).toBe(503);
      expect(((await cart.json()) as { error: string }).error).toMatch(/nothing was changed/);
    } finally {
      nginx.kill('SIGQUIT');
      await new Promise((r) => nginx.once('exit', r));
      await new Promise((r) => app.server.close(r));
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
