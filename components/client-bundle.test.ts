import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

// Every module a 'use client' file imports (and what those import, and so on) ships to the
// browser. Full zod is about 30 KiB gzipped there, so validation stays on the server; a client
// component that truly needs it in the browser uses 'zod/mini'. Checked here rather than noticed
// later in `npm run bench:bundle`.
const root = path.resolve('.');

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return files(p);
    return /\.(ts|tsx)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** The module specifiers a file imports for their values (imports of types alone are erased). */
function valueImports(source: string): string[] {
  const specs: string[] = [];
  const statement = /(?:^|\n)\s*(import|export)\s+([\s\S]*?)\s*from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]/g;
  for (const m of source.matchAll(statement)) {
    if (m[4]) {
      specs.push(m[4]);
      continue;
    }
    const clause = m[2]!.trim();
    if (clause.startsWith('type ')) continue;
    const named = /^\{([\s\S]*)\}$/.exec(clause);
    if (
      named &&
      named[1]!
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .every((s) => s.startsWith('type '))
    )
      continue;
    specs.push(m[3]!);
  }
  return specs;
}

function resolveLocal(from: string, spec: string): string | null {
  const base = spec.startsWith('@/') ? path.join(root, spec.slice(2)) : spec.startsWith('.') ? path.resolve(path.dirname(from), spec) : null;
  if (!base) return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

const isFullZod = (spec: string) => spec === 'zod' || (spec.startsWith('zod/') && spec !== 'zod/mini');

it('no client component pulls zod into the browser, directly or through what it imports', () => {
  const entries = [...files(path.join(root, 'components')), ...files(path.join(root, 'app'))].filter((f) =>
    /^\s*['"]use client['"]/.test(fs.readFileSync(f, 'utf8')),
  );
  expect(entries.length).toBeGreaterThan(0);
  const offenders: string[] = [];
  for (const entry of entries) {
    const seen = new Set<string>();
    const walk = (file: string, chain: string[]) => {
      if (seen.has(file)) return;
      seen.add(file);
      for (const spec of valueImports(fs.readFileSync(file, 'utf8'))) {
        const local = resolveLocal(file, spec);
        if (local) walk(local, [...chain, path.relative(root, local)]);
        else if (isFullZod(spec)) offenders.push(`${[path.relative(root, entry), ...chain].join(' -> ')} imports '${spec}'`);
      }
    };
    walk(entry, []);
  }
  expect(offenders).toEqual([]);
});

it('sees through the ways a module can import (so the check above cannot pass by missing one)', () => {
  expect(valueImports(`import { z } from 'zod';\nimport type { A } from './a';\nimport { type B } from './b';\nimport { type C, d } from './c';`)).toEqual([
    'zod',
    './c',
  ]);
  expect(valueImports(`export { formatMoney, type Money } from './money-format';\nexport type { X } from './x';\nimport './side-effect';`)).toEqual([
    './money-format',
    './side-effect',
  ]);
  expect(valueImports(`import {\n  a,\n  b,\n} from '@/lib/thing';`)).toEqual(['@/lib/thing']);
});
