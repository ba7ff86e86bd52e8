#!/usr/bin/env node
// The same integration test modules through @vscode/test-electron, for machines that can
// download VS Code (this one cannot: use `npm run test:integration`, which runs code-server).
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { ROOT } from './vscode-server.mjs';

const work = mkdtempSync(join(tmpdir(), 'meetings-electron-'));
const workspace = join(work, 'workspace');
cpSync(join(ROOT, 'test/fixtures/workspace'), workspace, { recursive: true });
try {
  await runTests({
    version: '1.100.3',
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: join(ROOT, 'out/test/integration/index.js'),
    launchArgs: [workspace, '--disable-workspace-trust', '--disable-extensions', '--skip-welcome', '--skip-release-notes'],
    extensionTestsEnv: { MEETINGS_TEST_SCENARIO: 'trusted', MEETINGS_TEST_RESULTS: join(work, 'results.json'), MEETINGS_REPO: ROOT },
  });
} catch (error) {
  console.error(`Integration tests failed: ${error.message}`);
  process.exit(1);
}
