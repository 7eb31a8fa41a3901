import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { brotliAvailable, DEPLOY_DEFAULTS, nginxConfig } from '../../scripts/nginx-config';

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
