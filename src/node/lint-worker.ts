// Worker thread: lints closed files for the editor (see LintPool), one message a file. The
// configurations come once each, by number; the previous meeting comes encoded, as the cache keeps it.
import { parentPort } from 'node:worker_threads';
import { decodeSummary, type ResolvedConfig } from '../core';
import { lintClosedFile } from './closed-file-lint';
import type { LintOutcome, LintReply, LintRequest } from './lint-pool';

const configs = new Map<number, ResolvedConfig>();

parentPort?.on('message', (request: LintRequest) => {
  if (request.config) configs.set(request.configId, request.config);
  parentPort!.postMessage({ id: request.id, result: lintRequested(request) } satisfies LintReply);
});

function lintRequested(request: LintRequest): LintOutcome {
  const config = configs.get(request.configId);
  if (!config) return { kind: 'failed', reason: 'no configuration was sent' };
  const summary = request.previous ? decodeSummary(request.previous.encoded) : null;
  if (request.previous && !summary) return { kind: 'failed', reason: 'the previous meeting could not be decoded' };
  try {
    return lintClosedFile({ ...request.job, config, previous: request.previous && summary && { key: request.previous.key, summary } });
  } catch (error) {
    return { kind: 'failed', reason: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}
