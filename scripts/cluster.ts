/**
 * Several `next start` servers on one PostgreSQL and one Redis, behind nginx: what `npm run
 * start:cluster` runs, and what the cluster tests start around an existing build. Starts processes and
 * waits for them; knows nothing of the app's code (the app reads DATABASE_URL and REDIS_URL itself).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { brotliAvailable, nginxConfig } from './nginx-config';
import { loopbackEnv, nextStartArgs } from './next-start';

export interface ClusterOptions {
  /** The app servers' ports, one server each. */
  ports: number[];
  nginxPort: number;
  /** The build the servers run (NEXT_DIST_DIR), relative to the app folder. */
  distDir: string;
  databaseUrl: string;
  redisUrl: string;
  /** nginx's folder for its config, pid, logs and page cache (made if missing). */
  stateDir: string;
  /** More environment for the app servers (payment settings, say). */
  env?: Record<string, string>;
  /** 'inherit' shows the servers' logs; tests keep them in <stateDir>/server-<port>.log. */
  output?: 'inherit' | 'file';
  log?: (message: string) => void;
}

export interface Cluster {
  nginxUrl: string;
  serverUrls: string[];
  /** Every process group started (app servers and nginx), for a synchronous kill on exit. */
  pids(): number[];
  /** Stops one app server (as a crash would), and starts it again. */
  stopServer(index: number): Promise<void>;
  startServer(index: number): Promise<void>;
  stop(): Promise<void>;
}

export async function waitForUrl(url: string, timeoutMs: number, ok: (status: number) => boolean = (s) => s < 500): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
      await res.arrayBuffer();
      if (ok(res.status)) return;
      last = `status ${res.status}`;
    } catch (e) {
      last = e instanceof Error ? e.message : String(e);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms (${last})`);
}

/** Refuses to start on a port something already answers on (a server left from an earlier run, say). */
export async function assertPortFree(port: number): Promise<void> {
  const taken = await new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
  if (taken) throw new Error(`port ${port} is already in use on 127.0.0.1: stop what runs there (an earlier cluster?) or choose other ports`);
}

/** Spawns a process in its own group and fails fast if it cannot start or exits before it is ready. */
function started(child: ChildProcess, name: string): Promise<never> {
  return new Promise((_, reject) => {
    child.once('error', (e) => reject(new Error(`${name} could not start: ${e.message}`)));
    child.once('exit', (code, signal) => reject(new Error(`${name} exited before it was ready (${signal ?? `code ${code}`})`)));
  });
}

function kill(child: ChildProcess | undefined, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* gone */
      }
    }, 5_000);
    timer.unref();
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    try {
      // Its own process group: next-server's child goes with it.
      process.kill(-child.pid!, signal);
    } catch {
      resolve();
    }
  });
}

export async function startCluster(o: ClusterOptions): Promise<Cluster> {
  const log = o.log ?? (() => {});
  if (spawnSync('sh', ['-c', 'command -v nginx']).status !== 0)
    throw new Error('nginx is needed in front of the app servers (Debian: apt-get install -y nginx)');
  for (const port of [...o.ports, o.nginxPort]) await assertPortFree(port);
  fs.mkdirSync(o.stateDir, { recursive: true });
  // nginx's workers run as another user (nobody, when started as root): they must reach the page cache.
  fs.chmodSync(o.stateDir, 0o755);
  const nginxUrl = `http://127.0.0.1:${o.nginxPort}`;
  const servers: (ChildProcess | undefined)[] = [];
  let nginx: ChildProcess | undefined;

  const env = {
    ...process.env,
    ...o.env,
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: o.distDir,
    DATABASE_URL: o.databaseUrl,
    REDIS_URL: o.redisUrl,
    // nginx sets X-Forwarded-Host and -Proto; the app believes them only when told to.
    TRUST_PROXY: '1',
    SITE_URL: o.env?.SITE_URL ?? nginxUrl,
  };

  async function startServer(i: number) {
    const port = o.ports[i]!;
    const out = o.output === 'inherit' ? 'inherit' : fs.openSync(path.join(o.stateDir, `server-${port}.log`), 'a');
    const child = spawn(process.execPath, nextStartArgs(port), { env: loopbackEnv(env), stdio: ['ignore', out, out], detached: true });
    if (typeof out === 'number') fs.closeSync(out);
    servers[i] = child;
    await Promise.race([waitForUrl(`http://127.0.0.1:${port}/api/health`, 120_000, (s) => s === 200), started(child, `app server on ${port}`)]);
    log(`app server ${i + 1} on http://127.0.0.1:${port}`);
  }

  async function stop() {
    await Promise.all([kill(nginx, 'SIGQUIT'), ...servers.map((s) => kill(s))]);
  }

  try {
    await Promise.all(o.ports.map((_, i) => startServer(i)));
    const conf = path.join(o.stateDir, 'nginx.conf');
    fs.writeFileSync(
      conf,
      nginxConfig({
        listenPort: o.nginxPort,
        upstreams: o.ports,
        appDir: path.resolve('.'),
        distDir: o.distDir,
        stateDir: path.resolve(o.stateDir),
        brotli: await brotliAvailable(),
        mimeTypes: '/etc/nginx/mime.types',
      }),
    );
    nginx = spawn('nginx', ['-p', path.resolve(o.stateDir), '-e', path.resolve(o.stateDir, 'error.log'), '-c', conf, '-g', 'daemon off;'], {
      stdio: ['ignore', 'inherit', 'inherit'],
      detached: true,
    });
    await Promise.race([waitForUrl(`${nginxUrl}/api/health`, 30_000, (s) => s === 200), started(nginx, 'nginx')]);
    log(`nginx on ${nginxUrl}`);
  } catch (e) {
    await stop();
    throw e;
  }

  return {
    nginxUrl,
    serverUrls: o.ports.map((p) => `http://127.0.0.1:${p}`),
    pids: () => [...servers, nginx].flatMap((c) => (c?.pid && c.exitCode === null && c.signalCode === null ? [c.pid] : [])),
    stopServer: (i) => kill(servers[i]),
    startServer,
    stop,
  };
}

/** Kills process groups at once (from an exit or signal handler, where nothing can be awaited). */
export function killGroupsNow(pids: number[]): void {
  for (const pid of pids) {
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      /* gone */
    }
  }
}
