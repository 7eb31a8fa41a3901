/**
 * `npm run bench:bundle`: the first-load JavaScript of each shopper page of a production build,
 * gzipped, and how much of it is ours above a bare Next.js page. Reads the build; needs no server
 * and no database. Reports, never fails on size (exit code 0 over budget too).
 *   npm run build && npm run bench:bundle
 *   NEXT_DIST_DIR=.next-perf npm run bench:bundle     # another build folder
 *
 * What a page loads first, from the build's manifests:
 *   - build-manifest.json: `rootMainFiles` (React and the Next runtime, on every page) and
 *     `polyfillFiles` (Next's <script noModule> polyfills);
 *   - server/app/<page>_client-reference-manifest.js: `entryJSFiles`, the chunks of the client
 *     components of each layout and of the page itself.
 * That set is exactly the <script src> list of the served HTML (checked on all six pages below).
 * Each file is gzipped (zlib's default level, as `next start` compresses) and the sizes summed.
 *
 * The noModule polyfills (about 39 KiB) are counted, although modern browsers skip them, so the
 * numbers compare with the issue's: a bare Next 16.4.6 + React 19.3.1 page with one Link and one
 * client component, built with Turbopack and measured this way, is 174.1 KiB (135.4 KiB without
 * the polyfills). The budget: the product page at most 15 KiB above that.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import zlib from 'node:zlib';
import { z } from 'zod';

const opts = z
  .object({
    NEXT_DIST_DIR: z.string().default('.next'),
    // Re-measure when Next or React is upgraded: see the note at the end of the report.
    BUNDLE_BASELINE_KIB: z.coerce.number().positive().default(174.1),
    BUNDLE_BUDGET_KIB: z.coerce.number().positive().default(15),
  })
  .parse(process.env);

/** The framework's own chunks (rootMainFiles + polyfillFiles) in the bare page the baseline was measured on. */
const BASELINE_FRAMEWORK_KIB = 167.4;

const PAGES = [
  { name: 'home', url: '/', page: '/(shop)/page' },
  { name: 'catalog', url: '/products', page: '/(shop)/products/q/[key]/page' },
  { name: 'collection', url: '/collections/cashmere-knitwear', page: '/(shop)/collections/[slug]/q/[key]/page' },
  { name: 'product', url: '/products/gobi-crew-neck-sweater', page: '/(shop)/products/[slug]/page' },
  { name: 'article', url: '/blog/marshal-demid-1900-1937', page: '/(shop)/blog/[slug]/page' },
  { name: 'cart', url: '/cart', page: '/(shop)/cart/page' },
] as const;
const BUDGETED = 'product';

const kib = (bytes: number) => bytes / 1024;
const entryJSFilesSchema = z.record(z.string(), z.object({ entryJSFiles: z.record(z.string(), z.array(z.string())) }));

/** Prints the report for the build in distDir. Throws when there is no build there. */
export function reportBundleSizes(distDir: string = opts.NEXT_DIST_DIR, log: (line: string) => void = console.log): void {
  const dist = path.resolve(distDir);
  const buildManifestPath = path.join(dist, 'build-manifest.json');
  if (!fs.existsSync(buildManifestPath)) {
    throw new Error(`No production build in ${distDir}/. Run \`npm run build\` first (or set NEXT_DIST_DIR to the build folder).`);
  }
  const buildManifest = z
    .object({ rootMainFiles: z.array(z.string()), polyfillFiles: z.array(z.string()) })
    .parse(JSON.parse(fs.readFileSync(buildManifestPath, 'utf8')));

  const gzipped = new Map<string, number>();
  const gzipBytes = (file: string): number => {
    let size = gzipped.get(file);
    if (size === undefined) {
      size = zlib.gzipSync(fs.readFileSync(path.join(dist, file))).length;
      gzipped.set(file, size);
    }
    return size;
  };
  const sumKib = (files: Iterable<string>) => kib([...files].reduce((total, f) => total + gzipBytes(f), 0));

  /** The chunks of the client components of the page and of every layout above it. */
  const pageChunks = (page: string): string[] => {
    const file = path.join(dist, 'server', 'app', `${page}_client-reference-manifest.js`);
    if (!fs.existsSync(file)) throw new Error(`${path.relative('.', file)} is missing: is this a build of this app?`);
    // The manifest is a script that assigns globalThis.__RSC_MANIFEST[page]; run it in a sandbox to read it.
    const sandbox: Record<string, unknown> = {};
    sandbox.globalThis = sandbox;
    vm.runInNewContext(fs.readFileSync(file, 'utf8'), sandbox);
    const entries = entryJSFilesSchema.parse(sandbox.__RSC_MANIFEST)[page]?.entryJSFiles;
    if (!entries) throw new Error(`${path.relative('.', file)} has no entry for ${page}`);
    // "/(shop)/products/[slug]/page" -> layouts (and templates, error and loading boundaries, which
    // render with them) of "", "/(shop)", "/(shop)/products", "/(shop)/products/[slug]", then the page.
    const segments = page.split('/').filter(Boolean).slice(0, -1);
    const wanted = new Set<string>([`[project]/app${page}`]);
    for (let i = 0; i <= segments.length; i++) {
      const dir = ['app', ...segments.slice(0, i)].join('/');
      for (const kind of ['layout', 'template', 'error', 'loading']) wanted.add(`[project]/${dir}/${kind}`);
    }
    return Object.entries(entries).flatMap(([key, files]) => (wanted.has(key) ? files : []));
  };

  const framework = new Set([...buildManifest.rootMainFiles, ...buildManifest.polyfillFiles]);
  const polyfillKib = sumKib(buildManifest.polyfillFiles);
  const frameworkKib = sumKib(framework);

  log(`First-load JavaScript, gzipped, from ${distDir}/ (bare Next page: ${opts.BUNDLE_BASELINE_KIB.toFixed(1)} KiB)\n`);
  log(['page'.padEnd(12), 'path'.padEnd(36), 'KiB'.padStart(7), 'above bare'.padStart(11)].join(' '));
  let budgeted: number | null = null;
  for (const p of PAGES) {
    const total = sumKib(new Set([...framework, ...pageChunks(p.page)]));
    const above = total - opts.BUNDLE_BASELINE_KIB;
    if (p.name === BUDGETED) budgeted = above;
    log([p.name.padEnd(12), p.url.padEnd(36), total.toFixed(1).padStart(7), `${above >= 0 ? '+' : ''}${above.toFixed(1)}`.padStart(11)].join(' '));
  }

  log(`\nEach includes ${polyfillKib.toFixed(1)} KiB of noModule polyfills that modern browsers do not download.`);
  if (budgeted !== null) {
    const verdict = budgeted <= opts.BUNDLE_BUDGET_KIB ? 'within budget' : `OVER BUDGET by ${(budgeted - opts.BUNDLE_BUDGET_KIB).toFixed(1)} KiB`;
    log(`Budget: the product page may carry ${opts.BUNDLE_BUDGET_KIB} KiB of our own above the bare page; it carries ${budgeted.toFixed(1)} KiB: ${verdict}.`);
  }
  if (Math.abs(frameworkKib - BASELINE_FRAMEWORK_KIB) > 2) {
    log(
      `Note: this build's framework chunks are ${frameworkKib.toFixed(1)} KiB, the bare page's were ${BASELINE_FRAMEWORK_KIB} KiB: Next or React changed, ` +
        'so measure a bare page again (one Link, one client component, `next build`, same method) and update the baseline.',
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    reportBundleSizes();
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  }
}
