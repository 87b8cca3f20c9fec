// Child processes the bench measures: the real server (server/main.ts) and the bare-Hono baseline,
// both started as `node --import tsx <file>` and both reached on 127.0.0.1 only.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { startServer } from '../server-process.ts';

export interface Child {
  /** http://127.0.0.1:<port> */
  url: string;
  pid: number;
  /** Resident set size in MiB, from /proc/<pid>/status (VmRSS). */
  rssMiB(): number;
  stop(): Promise<void>;
}

export function rssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  return kib ? Number(kib[1]) / 1024 : Number.NaN;
}

const loopback = (url: string) => url.replace('//localhost:', '//127.0.0.1:').replace(/\/$/, '');

/** The real server, exactly as `npm start` runs it (minus the widget build). */
export async function startDirectbook(env: Record<string, string>): Promise<Child> {
  const server = await startServer({ LOG_LEVEL: 'warn', ...env });
  const pid = server.child.pid!;
  return { url: loopback(server.url), pid, rssMiB: () => rssMiB(pid), stop: () => server.stop() };
}

/** The bare-Hono baseline; `payloadFile` is the JSON its /payload route answers. */
export async function startBareHono(payloadFile?: string): Promise<Child> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/bench/bare-server.ts'], {
    env: { ...process.env, ...(payloadFile ? { BENCH_PAYLOAD_FILE: payloadFile } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`bare Hono did not start:\n${output}`)), 30_000);
    child.stdout.on('data', () => {
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`bare Hono exited with ${code}:\n${output}`)));
  });
  const pid = child.pid!;
  return {
    url,
    pid,
    rssMiB: () => rssMiB(pid),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}
