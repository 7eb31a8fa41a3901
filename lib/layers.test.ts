import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

// The written rule "lib never imports from app or components", checked rather than hoped for.
function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'generated' ? [] : files(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

it('lib/ never imports from app/ or components/', () => {
  const offenders = files(path.resolve('lib')).filter((f) => /from ['"](@\/(app|components)\/|(\.\.\/)+(app|components)\/)/.test(fs.readFileSync(f, 'utf8')));
  expect(offenders).toEqual([]);
});

it('components/ never reach the database', () => {
  const offenders = files(path.resolve('components')).filter((f) => /from ['"]@\/lib\/db['"]|from ['"]@\/lib\/generated/.test(fs.readFileSync(f, 'utf8')));
  expect(offenders).toEqual([]);
});
