// Issue 9: the secrets the embedded default keeps in DATA_DIR (admin token, client-token secret),
// and the folder's own permissions: whoever reads the folder can read the database and these files.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';

export interface Secret {
  value: string;
  /** True only on the run that made it: the one time it may be printed. */
  created: boolean;
}

/** The configured value; else the one kept in `file`; else a new random one written there, readable by the owner only. */
export function loadOrCreateSecret(options: { given?: string; file: string; bytes: number }): Secret {
  if (options.given) return { value: options.given, created: false };
  const value = randomBytes(options.bytes).toString('base64url');
  try {
    // `wx`: when two instances start on one folder, the second reads the first's secret instead of replacing it.
    writeFileSync(options.file, `${value}\n`, { mode: 0o600, flag: 'wx' });
    return { value, created: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const stored = readFileSync(options.file, 'utf8').trim();
    // An empty HMAC key would let anyone sign client tokens: refuse rather than run with it.
    if (!stored) throw new Error(`${options.file} is empty; delete it to have a new secret made`, { cause: error });
    return { value: stored, created: false };
  }
}

/** Makes `dir` (mode 0700), or tightens an existing one that others can read, saying so. */
export function ensurePrivateDir(dir: string, warn: (message: string) => void): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const mode = statSync(dir).mode & 0o777;
  if ((mode & 0o077) === 0) return;
  chmodSync(dir, 0o700);
  warn(`DATA_DIR ${dir} was open to other users (mode ${mode.toString(8)}); it is now 700. It holds the database and the secrets that guard it.`);
}
