import path from 'node:path';
import type { NextConfig } from 'next';
import { securityHeaders } from './lib/security-headers';

const config: NextConfig = {
  // Tests and benchmarks build into their own folder so their cached pages never mix with the store's.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  // PGlite is WebAssembly loaded from node_modules at run time; bundling it breaks its file lookups.
  serverExternalPackages: ['@electric-sql/pglite', 'pglite-prisma-adapter', '@prisma/adapter-pg', 'pg'],
  // Several app servers share one page and data cache in Redis when REDIS_URL is set (read when the
  // server starts, so one build serves both ways). Without it, each server caches on its own disk.
  ...(process.env.REDIS_URL?.trim() ? { cacheHandler: path.resolve(process.cwd(), 'lib/cache/redis-cache-handler.mjs'), cacheMaxMemorySize: 0 } : {}),
  experimental: {
    // The embedded database belongs to one process: prerendering in one worker keeps the build
    // from opening the PGlite folder from several processes at once.
    cpus: 1,
    // forbidden() in lib/auth/server.ts: a staff member whose role lacks a permission gets a 403 page.
    authInterrupts: true,
    // The proxy must pass whole every body an action or route accepts: image uploads to /admin (10 MB, refused
    // beyond from Content-Length) and the return form's three 5 MB photos (below). Never below bodySizeLimit.
    proxyClientMaxBodySize: '17mb',
    // The return form posts up to three photos of 5 MB each (lib/returns/photos.ts) to a server action; the
    // catalog import a CSV of up to 12 MB (lib/catalog/admin/csv-read.ts).
    // Every action still caps its own fields (lib/admin/form.ts formStrings).
    serverActions: { bodySizeLimit: '16mb' },
  },
  images: {
    formats: ['image/avif', 'image/webp'],
    deviceSizes: [375, 640, 828, 1080, 1280, 1600],
  },
  poweredByHeader: false,
  // Read at build time: `npm start` rebuilds when SITE_URL changes (scripts/source-fingerprint.ts).
  async headers() {
    const siteUrl = process.env.SITE_URL ?? 'http://localhost:3000';
    return [
      { source: '/:path*', headers: securityHeaders({ siteUrl, development: process.env.NODE_ENV === 'development' }) },
      // The staff area is never indexed (the pages also say so in a robots meta tag).
      { source: '/admin/:path*', headers: [{ key: 'X-Robots-Tag', value: 'noindex, nofollow' }] },
      { source: '/admin', headers: [{ key: 'X-Robots-Tag', value: 'noindex, nofollow' }] },
    ];
  },
  typedRoutes: false,
};

export default config;
