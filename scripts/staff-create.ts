/**
 * `npm run staff:create -- --email owner@example.com --role owner [--name "Ann"] [--password …]`
 * Adds a staff account from a shell (the way in when the setup form is not wanted, or to add an
 * owner back). Without --password it asks for one (typing is hidden), or reads it from stdin when
 * piped: `printf '%s' "$PASSWORD" | npm run staff:create -- --email … --role …`. Applies pending
 * migrations first. With PGlite, stop the store first (the data folder belongs to one process).
 */
import { parseArgs } from 'node:util';
import readline from 'node:readline';
import { z } from 'zod';
import { createDb } from '../lib/db';
import { applyMigrations } from '../lib/db/migrator';
import { emailSchema, nameSchema, newStaffSchema, roleSchema } from '../lib/auth/input';
import { createStaffFromShell, StaffError } from '../lib/auth/staff';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let values;
try {
  ({ values } = parseArgs({
    options: { email: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' }, password: { type: 'string' } },
    strict: true,
  }));
} catch (e) {
  fail(`${(e as Error).message}\nUsage: npm run staff:create -- --email owner@example.com --role owner|manager|editor [--name "Ann"] [--password …]`);
}

const args = z.object({ email: emailSchema, role: roleSchema, name: nameSchema.optional(), password: z.string().optional() }).safeParse(values);
if (!args.success) fail(args.error.issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('\n'));

async function readHidden(prompt: string): Promise<string> {
  const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: true });
  const out = rl as unknown as { _writeToOutput: (s: string) => void };
  out._writeToOutput = (s: string) => {
    if (s.startsWith(prompt)) process.stdout.write(prompt);
  };
  const answer = await new Promise<string>((resolve) => rl.question(prompt, resolve));
  rl.close();
  process.stdout.write('\n');
  return answer;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

const password = args.data.password ?? (process.stdin.isTTY ? await readHidden('Password (at least 12 characters): ') : await readStdin());
const input = newStaffSchema.safeParse({ ...args.data, name: args.data.name ?? args.data.email.split('@')[0], password });
if (!input.success) fail(input.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join('\n'));

const handle = createDb();
try {
  await applyMigrations(handle.factory);
  const made = await createStaffFromShell(handle.prisma, input.data);
  console.log(`${made.role} account made for ${made.email}: sign in at /admin/sign-in`);
} catch (e) {
  if (e instanceof StaffError) fail(e.message);
  throw e;
} finally {
  await handle.close();
}
