import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

// Every server action under /admin checks the caller itself (a hidden button is not a check).
// A new action without requireStaff fails here; the few that must work signed out are named, with why.
const SIGNED_OUT_ALLOWED: Record<string, string> = {
  setupAction: 'the one-time setup: refused by the database once any staff account exists',
  signInAction: 'signing in: counted per account and address before the password is checked',
  signOutAction: 'signing out ends whatever session the request carries',
};

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return files(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

it('every /admin server action and route handler calls requireStaff (or staffOrResponse) before anything else', () => {
  const root = path.resolve('app/(admin)');
  const unguarded: string[] = [];
  let actions = 0;
  for (const file of files(root)) {
    const source = fs.readFileSync(file, 'utf8');
    const isActions = /^['"]use server['"]/m.test(source);
    const isRoute = path.basename(file).startsWith('route.');
    if (!isActions && !isRoute) continue;
    const parts = source.split(/\nexport async function /).slice(1);
    for (const part of parts) {
      const name = /^(\w+)/.exec(part)![1]!;
      actions++;
      if (SIGNED_OUT_ALLOWED[name]) continue;
      const body = part.slice(0, part.indexOf('\n}\n') + 1 || undefined);
      if (!/await (requireStaff|staffOrResponse)\(/.test(body)) unguarded.push(`${path.relative(root, file)}: ${name}`);
    }
  }
  expect(actions).toBeGreaterThan(5);
  expect(unguarded).toEqual([]);
});
