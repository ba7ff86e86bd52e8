// Worker thread of the EnginePool: one message a file, answered with its summary or its problems.
// The configurations come once each, by number; a previous meeting comes encoded, as the cache keeps it.
import { parentPort } from 'node:worker_threads';
import { decodeSummary, type ResolvedConfig } from '../core';
import type { EngineReply, EngineRequest, EngineTask, LintOutcome, SummaryOutcome } from './engine-pool';
import { lintClosedFile, summariseFile } from './file-tasks';

const configs = new Map<number, ResolvedConfig>();

parentPort?.on('message', (request: EngineRequest) => {
  if (request.config) configs.set(request.configId, request.config);
  const config = configs.get(request.configId);
  let result: LintOutcome | SummaryOutcome;
  try {
    result = config ? perform(request.task, config) : { kind: 'failed', reason: 'no configuration was sent' };
  } catch (error) {
    result = { kind: 'failed', reason: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage({ id: request.id, result } satisfies EngineReply);
});

function perform(task: EngineTask, config: ResolvedConfig): LintOutcome | SummaryOutcome {
  if (task.kind === 'summarise') return summariseFile({ ...task.job, config });
  const previous = task.previous && decodeSummary(task.previous.summary);
  if (task.previous && !previous) return { kind: 'failed', reason: 'the previous meeting could not be decoded' };
  return lintClosedFile({ ...task.job, config, previous: task.previous && previous && { key: task.previous.key, summary: previous } });
}
