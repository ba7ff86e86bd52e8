// Shared by the integration specs: the extension's API, polling, fixture files and the CLI.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { MeetingsApi } from '../../src/extension/extension';

export const EXTENSION_ID = 'meetings-as-code.meetings-as-code';

export async function extensionApi(): Promise<MeetingsApi> {
  const extension = vscode.extensions.getExtension<MeetingsApi>(EXTENSION_ID);
  if (!extension) throw new Error(`extension ${EXTENSION_ID} is not installed`);
  const api = await extension.activate();
  await api.ready;
  return api;
}

/** Polls until `probe` returns a truthy value; fails with the last value after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | Promise<T>, timeoutMs = 15_000): Promise<NonNullable<T>> {
  const started = Date.now();
  let last: T | undefined;
  for (;;) {
    last = await probe();
    if (last) return last as NonNullable<T>;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need a workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

export function meetingDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'meetings');
}

export function ruleOf(diagnostic: vscode.Diagnostic): string {
  return typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
}

/** `rule@line` (1-based), sorted: what a user sees in the Problems panel, compactly. */
export function summary(diagnostics: readonly vscode.Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => `${ruleOf(diagnostic)}@${diagnostic.range.start.line + 1}`).sort();
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export async function writeText(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

/** Runs the repository's `meetings` CLI (the same engine, as CI runs it). */
export function runCli(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const repo = process.env.MEETINGS_REPO ?? join(__dirname, '../../..');
  const result = spawnSync(process.execPath, [join(repo, 'bin/meetings.cjs'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', NO_COLOR: '1' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
