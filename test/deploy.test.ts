// Issue 9: what can be checked of the Dockerfile and compose.yaml without Docker: the image copies
// only what exists, starts the way the README says production starts, and compose sets only
// settings the server knows.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ConfigSchema } from '../server/config.ts';

const dockerfile = readFileSync('Dockerfile', 'utf8');
const compose = readFileSync('compose.yaml', 'utf8');
const readme = readFileSync('README.md', 'utf8');
const known = new Set([...Object.keys(ConfigSchema.entries), 'NODE_ENV']);

/** The Dockerfile's instructions, continuation lines joined and comments dropped. */
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line && !line.startsWith('#'))
  .map((line) => {
    const [keyword = '', ...rest] = line.split(/\s+/);
    return { keyword: keyword.toUpperCase(), args: rest };
  });

/** The `environment:` of one compose service, in either of compose's two spellings. */
function serviceEnvironment(service: string): string[] {
  const lines = compose.split('\n');
  const start = lines.findIndex((line) => line === `  ${service}:`);
  expect(start, `compose.yaml has a ${service} service`).toBeGreaterThan(-1);
  const end = lines.findIndex((line, i) => i > start && /^ {0,2}\S/.test(line));
  const body = lines.slice(start + 1, end === -1 ? undefined : end);
  const at = body.findIndex((line) => line === '    environment:');
  if (at === -1) return [];
  const names: string[] = [];
  for (const line of body.slice(at + 1)) {
    if (!line.startsWith('      ')) break;
    const entry = /^ {6}(?:- )?([A-Za-z_][A-Za-z0-9_]*)\s*[:=]/.exec(line);
    expect(entry, `an environment entry: ${line}`).not.toBeNull();
    names.push(entry![1]!);
  }
  return names;
}

describe('the Docker image and compose file', () => {
  test('every path the Dockerfile copies from the repository exists and is not left out of the build context', () => {
    const ignored = readFileSync('.dockerignore', 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'));
    const copies = instructions.filter((i) => i.keyword === 'COPY' && !i.args.some((arg) => arg.startsWith('--from=')));
    expect(copies.length).toBeGreaterThan(0);
    for (const { args } of copies) {
      const sources = args.filter((arg) => !arg.startsWith('--')).slice(0, -1);
      expect(sources.length).toBeGreaterThan(0);
      for (const source of sources) {
        expect(existsSync(source), `COPY ${source}`).toBe(true);
        expect(
          ignored.filter((pattern) => source === pattern || source.startsWith(`${pattern}/`)),
          `${source} is in .dockerignore`,
        ).toEqual([]);
      }
    }
  });

  test('the image runs as an unprivileged user, checks readiness, and starts the way the README says production starts', () => {
    const stages = instructions.filter((i) => i.keyword === 'FROM');
    expect(stages.length).toBeGreaterThanOrEqual(2);
    for (const stage of stages) expect(stage.args[0]).toMatch(/^node:20[\w.-]*$/);
    const last = instructions.slice(instructions.lastIndexOf(stages.at(-1)!));
    expect(last.filter((i) => i.keyword === 'USER').at(-1)?.args).toEqual(['node']);
    expect(last.some((i) => i.keyword === 'COPY' && i.args.includes('--from=build') && i.args.includes('/app/dist'))).toBe(true);
    expect(last.find((i) => i.keyword === 'HEALTHCHECK')?.args.join(' ')).toContain('/health/ready');

    const cmd = last.filter((i) => i.keyword === 'CMD').at(-1);
    const command = (JSON.parse(cmd!.args.join(' ')) as string[]).join(' ');
    const documented = /start with `([^`]+)`/.exec(readme.slice(readme.indexOf('## Deploy')))?.[1];
    expect(documented).toBeDefined();
    expect(command).toBe(documented);
  });

  test('the environment the image and compose set names only settings server/config.ts knows', () => {
    const imageEnv = instructions.filter((i) => i.keyword === 'ENV').flatMap((i) => i.args.map((arg) => arg.split('=')[0]!));
    expect(imageEnv.filter((name) => !known.has(name))).toEqual([]);
    const composeEnv = serviceEnvironment('directbook');
    expect(composeEnv).toContain('DATABASE_URL');
    expect(composeEnv).toContain('SMTP_URL');
    expect(composeEnv.filter((name) => !known.has(name))).toEqual([]);
  });

  test('compose starts directbook on PostgreSQL with a mail catcher, and the README says how, in one command', () => {
    expect(compose).toMatch(/^ {2}postgres:\n {4}image: postgres:\d+/m);
    expect(compose).toMatch(/^ {2}mailpit:\n {4}image: axllent\/mailpit/m);
    expect(compose).toMatch(/DATABASE_URL: postgres:\/\/\S+@postgres:5432\//);
    expect(compose).toMatch(/SMTP_URL: smtp:\/\/mailpit:1025/);
    expect(readme).toContain('`docker compose up --build`');
  });
});
