import { describe, expect, it } from 'vitest';
import { sharedCacheHealth } from './shared-cache-status';

const withState = (status: string) => ({ [Symbol.for('steppe-wool.shared-cache')]: { status } });

describe('what the health check says about the page cache', () => {
  it('is local without REDIS_URL, whatever a handler left behind', () => {
    expect(sharedCacheHealth({}, withState('up'))).toBe('local');
    expect(sharedCacheHealth({ REDIS_URL: '  ' }, {})).toBe('local');
  });

  it('is shared only while Redis answers', () => {
    const env = { REDIS_URL: 'redis://127.0.0.1:6379' };
    expect(sharedCacheHealth(env, withState('up'))).toBe('shared');
    for (const status of ['connecting', 'down', 'off']) expect(sharedCacheHealth(env, withState(status))).toBe('degraded');
  });

  it('is degraded when Redis is configured but no handler has started (nothing is shared yet)', () => {
    expect(sharedCacheHealth({ REDIS_URL: 'redis://127.0.0.1:6379' }, {})).toBe('degraded');
  });
});
