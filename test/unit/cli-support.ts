// What the CLI tests share: the bin script, throw-away workspaces, and a run of `meetings` in the
// C locale without colours (so output is the same on every machine).
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The repository root: the folder holding bin/meetings.cjs, found upwards from this file. */
export function repositoryRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'bin', 'meetings.cjs')) || !existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('cannot find the repository root');
    dir = up;
  }
  return dir;
}

export const BIN = join(repositoryRoot(), 'bin', 'meetings.cjs');

/** Creates temporary workspaces named `meetings-<label>-…`, all removed after the suite. */
export function workspaces(label: string): (files: Record<string, string | Uint8Array>) => string {
  const created: string[] = [];
  after(() => {
    for (const dir of created) {
      try {
        chmodSync(dir, 0o755); // a test may have made it unreadable
      } catch {
        // already gone
      }
      rmSync(dir, { recursive: true, force: true });
    }
  });
  return (files) => {
    const dir = mkdtempSync(join(tmpdir(), `meetings-${label}-`));
    created.push(dir);
    for (const [name, content] of Object.entries(files)) {
      const path = join(dir, ...name.split('/'));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, content);
    }
    return dir;
  };
}

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Wall-clock time of the whole process. */
  ms: number;
}

/** Runs `meetings` in `cwd`, with its index cache inside `cwd/.cache` so tests never share one. */
export function meetings(cwd: string, ...args: string[]): CliResult {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'C', NO_COLOR: '1', MEETINGS_CACHE_DIR: join(cwd, '.cache') };
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  const started = performance.now();
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, env, encoding: 'utf8', timeout: 120_000, maxBuffer: 256 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, ms: performance.now() - started };
}
