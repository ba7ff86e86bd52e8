// What the CLI tests share: the bin script, throw-away workspaces, and a run of `meetings` in the
// C locale without colours (so output is the same on every machine).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
export function workspaces(label: string): (files: Record<string, string>) => string {
  const created: string[] = [];
  after(() => created.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
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

export function meetings(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const env: NodeJS.ProcessEnv = { ...process.env, LANG: 'C', NO_COLOR: '1' };
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, env, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
