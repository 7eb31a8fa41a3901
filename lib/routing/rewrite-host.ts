/**
 * The hostname Next resolves a proxy rewrite against. `next start -H 127.0.0.1` makes Next's router compare
 * a rewrite with http(s)://127.0.0.1:<port>, while the proxy's own request URL says "localhost": the origins
 * differ, so Next treated every rewrite as external and proxied it over HTTP back to this same server (two
 * requests for one), and behind TLS (X-Forwarded-Proto: https) over https to a plain-HTTP port, a 500 for
 * every catalog, collection and journal page. proxy.ts puts this hostname on its rewrites: the -H/--hostname
 * the server was started with when the proxy can see the command line, else the host of the origin
 * `next start` records once it listens (__NEXT_PRIVATE_ORIGIN, http://127.0.0.1:3001), written as Next
 * writes it ([::1] for IPv6); null when neither says (then Next uses "localhost" on both sides).
 */
export function rewriteHostname(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): string | null {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    let value: string | undefined;
    if (arg === '-H' || arg === '--hostname') value = argv[i + 1];
    else if (arg.startsWith('--hostname=')) value = arg.slice('--hostname='.length);
    else if (arg.startsWith('-H') && arg.length > 2) value = arg.slice(2);
    if (value) return value.includes(':') && !value.startsWith('[') ? `[${value}]` : value;
  }
  try {
    return env.__NEXT_PRIVATE_ORIGIN ? new URL(env.__NEXT_PRIVATE_ORIGIN).hostname || null : null;
  } catch {
    return null;
  }
}
