import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { FINGERPRINT_FILE, sourceFingerprint } from './source-fingerprint';

/**
 * Builds into distDir when there is no build yet, when the code changed since the last one, or when the
 * database was just made or migrated (pages cached from the old one would point at rows that no longer
 * exist). Exits the process if the build fails.
 */
export function ensureBuild(distDir: string, databaseChanged: boolean, env: NodeJS.ProcessEnv): void {
  const dir = path.resolve(distDir);
  if (databaseChanged) fs.rmSync(dir, { recursive: true, force: true });
  const fingerprint = sourceFingerprint();
  const fingerprintPath = path.join(dir, FINGERPRINT_FILE);
  const built = fs.existsSync(path.join(dir, 'BUILD_ID'));
  if (built && fs.existsSync(fingerprintPath) && fs.readFileSync(fingerprintPath, 'utf8') === fingerprint) return;
  console.log(built ? '[store] the code changed since the last build: building again…' : '[store] no build yet: building (about a minute)…');
  const build = spawnSync(process.execPath, [path.resolve('node_modules/next/dist/bin/next'), 'build'], {
    stdio: 'inherit',
    env: { ...env, NEXT_DIST_DIR: distDir },
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
  fs.writeFileSync(fingerprintPath, fingerprint);
}
