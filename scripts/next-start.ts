import path from 'node:path';

/**
 * How the scripts start `next start` on this machine's loopback: as "localhost" (bound to 127.0.0.1: IPv4
 * first), never "-H 127.0.0.1". Next's router resolves proxy.ts's rewrites against the address it was
 * started on, while the proxy's URL says "localhost" (Next turns 127.0.0.1 into localhost there): the two
 * differed, so every rewritten page (catalog, collections, journal) was proxied over HTTP back to the same
 * server, two requests for one, and behind TLS (X-Forwarded-Proto: https) over https to a plain port: a 500.
 * Any other address (HOSTNAME=0.0.0.0 for `npm start`) is put on the rewrites by proxy.ts instead
 * (lib/routing/rewrite-host.ts).
 */
export const nextBin = path.resolve('node_modules/next/dist/bin/next');

export function nextStartArgs(port: number, hostname = 'localhost'): string[] {
  return [nextBin, 'start', '-p', String(port), '-H', hostname];
}

/** The environment for a server started on "localhost": it listens on 127.0.0.1, where nginx and the tests look. */
export function loopbackEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const options = env.NODE_OPTIONS ?? '';
  return options.includes('--dns-result-order') ? env : { ...env, NODE_OPTIONS: `${options} --dns-result-order=ipv4first`.trim() };
}
