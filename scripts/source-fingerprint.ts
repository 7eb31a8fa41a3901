import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * A fingerprint of everything a build is made from (names, sizes and modification times), so
 * `npm start` rebuilds after a `git pull` or an edit instead of serving an old build.
 */
const INPUTS = ['app', 'components', 'lib', 'public', 'proxy.ts', 'next.config.ts', 'package-lock.json', 'tsconfig.json'];

function walk(p: string, out: string[]): void {
  if (!fs.existsSync(p)) return;
  const stat = fs.statSync(p);
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(p).sort()) if (name !== 'generated') walk(path.join(p, name), out);
  } else out.push(`${p}:${stat.size}:${Math.floor(stat.mtimeMs)}`);
}

export function sourceFingerprint(root = process.cwd()): string {
  const entries: string[] = [];
  for (const input of INPUTS) walk(path.join(root, input), entries);
  // Settings baked into the build (the security headers depend on whether the shop is https).
  entries.push(`SITE_URL=${process.env.SITE_URL ?? ''}`);
  return createHash('sha256').update(entries.join('\n')).digest('hex');
}

export const FINGERPRINT_FILE = 'source-fingerprint';
