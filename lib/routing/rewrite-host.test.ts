import { describe, expect, it } from 'vitest';
import { rewriteHostname } from './rewrite-host';

describe('rewriteHostname', () => {
  const node = ['/usr/bin/node', '/app/node_modules/next/dist/bin/next', 'start', '-p', '3001'];

  it('is the -H or --hostname next start was given, in each spelling', () => {
    expect(rewriteHostname([...node, '-H', '127.0.0.1'], {})).toBe('127.0.0.1');
    expect(rewriteHostname([...node, '--hostname', '10.0.0.5'], {})).toBe('10.0.0.5');
    expect(rewriteHostname([...node, '--hostname=app-1.internal'], {})).toBe('app-1.internal');
    expect(rewriteHostname([...node, '-H0.0.0.0'], {})).toBe('0.0.0.0');
  });

  it('writes an IPv6 address in brackets, as in a URL', () => {
    expect(rewriteHostname([...node, '-H', '::1'], {})).toBe('[::1]');
    expect(rewriteHostname([...node, '-H', '[::1]'], {})).toBe('[::1]');
  });

  it('without one on the command line (a proxy may not see it), is the host of the origin next start records', () => {
    expect(rewriteHostname(node, { __NEXT_PRIVATE_ORIGIN: 'http://127.0.0.1:3001' })).toBe('127.0.0.1');
    expect(rewriteHostname(node, { __NEXT_PRIVATE_ORIGIN: 'http://[::1]:3001' })).toBe('[::1]');
    expect(rewriteHostname([...node, '-H', '10.0.0.5'], { __NEXT_PRIVATE_ORIGIN: 'http://127.0.0.1:3001' })).toBe('10.0.0.5');
    expect(rewriteHostname(node, { __NEXT_PRIVATE_ORIGIN: 'not a url' })).toBeNull();
  });

  it('is null without one (Next then says "localhost" on both sides), or with a flag left empty', () => {
    expect(rewriteHostname(node, {})).toBeNull();
    expect(rewriteHostname([...node, '-H'], {})).toBeNull();
    expect(rewriteHostname([...node, '--hostname='], {})).toBeNull();
  });
});
