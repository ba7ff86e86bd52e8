// The extensionTestsPath module: VS Code calls run() inside the extension host (code-server's,
// or Electron's through @vscode/test-electron). It runs every *.spec.js next to it with mocha and
// writes a results file that the runner checks, besides the exit code.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

interface TestResult {
  title: string;
  state: 'passed' | 'failed';
  error?: string;
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 30_000, color: false, reporter: 'spec' });
  for (const file of readdirSync(__dirname).filter((name) => name.endsWith('.spec.js')).sort()) mocha.addFile(join(__dirname, file));
  const tests: TestResult[] = [];
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const resultsFile = process.env.MEETINGS_TEST_RESULTS;
      const metrics = (globalThis as { meetingsTestMetrics?: Record<string, number> }).meetingsTestMetrics ?? {};
      if (resultsFile) writeFileSync(resultsFile, JSON.stringify({ vscodeVersion: vscode.version, failures, tests, metrics }, null, 2));
      if (failures > 0) reject(new Error(`${failures} integration tests failed`));
      else resolve();
    });
    runner.on('pass', (test) => tests.push({ title: test.fullTitle(), state: 'passed' }));
    runner.on('fail', (test, error: Error) => tests.push({ title: test.fullTitle(), state: 'failed', error: error.stack ?? error.message }));
  });
}
