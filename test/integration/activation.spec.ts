import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { extensionApi, meetingDiagnostics, summary, waitFor, workspaceUri } from './helpers';

describe('activation', () => {
  it('activates, indexes the workspace and reports how long activation took', async () => {
    const api = await extensionApi();
    assert.equal(typeof api.activationMs, 'number');
    const metrics = ((globalThis as { meetingsTestMetrics?: Record<string, number> }).meetingsTestMetrics ??= {});
    metrics.activationMs = Math.round(api.activationMs * 10) / 10;
    const keys = api.store.index.keys().map((key) => key.split('/').pop()).sort();
    assert.deepEqual(keys, ['fixes.md', 'lint.md', 'report-1.md', 'report-2.md', 'tree.md'], 'README.md has no meeting frontmatter and is not indexed');
  });

  it('runs fully in the workspace trust state of this scenario', async () => {
    await extensionApi();
    const restricted = process.env.MEETINGS_TEST_SCENARIO === 'restricted';
    assert.equal(vscode.workspace.isTrusted, !restricted, `workspace trust for the ${process.env.MEETINGS_TEST_SCENARIO} scenario`);
    // Restricted mode or not, the problems are there: nothing of the workspace is executed.
    const uri = workspaceUri('meetings', 'lint.md');
    const problems = await waitFor('diagnostics of lint.md', () => {
      const found = summary(meetingDiagnostics(uri));
      return found.length > 0 ? found : null;
    });
    assert.ok(problems.includes('action-owner@10'), problems.join(', '));
  });
});
