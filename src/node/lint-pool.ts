// Worker threads that lint closed files for the editor, so that reading, parsing and linting
// thousands of them after a scan runs beside the extension host's thread, not on it. Only the
// extension's own bundled script runs there; workspace files are read as data.
import { Worker } from 'node:worker_threads';
import { encodeSummary, type EncodedSummary, type ResolvedConfig } from '../core';
import type { ClosedFileJob, ClosedFileProblems } from './closed-file-lint';

export type LintOutcome = ClosedFileProblems | { kind: 'failed'; reason: string };

/** A message to a worker: the configuration only the first time that worker is sent it. */
export interface LintRequest {
  id: number;
  configId: number;
  config?: ResolvedConfig;
  job: Omit<ClosedFileJob, 'config' | 'previous'>;
  previous: { key: string; encoded: EncodedSummary } | null;
}

export interface LintReply {
  id: number;
  result: LintOutcome;
}

/** Workers stop after this long without work (each holds a JavaScript heap of its own). */
const IDLE_MS = 30_000;

interface PoolWorker {
  worker: Worker;
  configsSent: Set<number>;
  pending: Map<number, (outcome: LintOutcome) => void>;
}

export class LintPool {
  private readonly workers: PoolWorker[] = [];
  private readonly configIds = new WeakMap<ResolvedConfig, number>();
  private nextConfigId = 0;
  private nextId = 0;
  private idleTimer: ReturnType<typeof setTimeout> | undefined;
  private failure: string | null = null;
  private disposed = false;

  constructor(
    private readonly script: string,
    private readonly size: number,
    private readonly onFailure: (reason: string) => void = () => {},
  ) {}

  /** False once a worker could not start or failed: the caller lints on its own thread from then on. */
  get usable(): boolean {
    return this.failure === null && !this.disposed && this.size > 0;
  }

  /** Lints a closed file on a worker; 'failed' if no worker could do it. */
  lint(job: ClosedFileJob): Promise<LintOutcome> {
    if (!this.usable) return Promise.resolve({ kind: 'failed', reason: this.failure ?? 'the workers are stopped' });
    clearTimeout(this.idleTimer);
    let target: PoolWorker;
    try {
      target = this.leastBusy();
    } catch (error) {
      this.fail(error);
      return Promise.resolve({ kind: 'failed', reason: this.failure! });
    }
    let configId = this.configIds.get(job.config);
    if (configId === undefined) this.configIds.set(job.config, (configId = this.nextConfigId++));
    const firstTime = !target.configsSent.has(configId);
    target.configsSent.add(configId);
    const id = this.nextId++;
    const { config, previous, ...rest } = job;
    const request: LintRequest = {
      id,
      configId,
      config: firstTime ? config : undefined,
      job: rest,
      previous: previous && { key: previous.key, encoded: encodeSummary(previous.summary) },
    };
    return new Promise<LintOutcome>((resolve) => {
      target.pending.set(id, resolve);
      try {
        target.worker.postMessage(request);
      } catch (error) {
        target.pending.delete(id);
        resolve({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
      }
    });
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.idleTimer);
    this.stopAll('the workers were stopped');
  }

  private leastBusy(): PoolWorker {
    if (this.workers.length < this.size) {
      const idle = this.workers.find((candidate) => candidate.pending.size === 0);
      if (idle) return idle;
      return this.start();
    }
    let best = this.workers[0]!;
    for (const candidate of this.workers) if (candidate.pending.size < best.pending.size) best = candidate;
    return best;
  }

  private start(): PoolWorker {
    const entry: PoolWorker = { worker: new Worker(this.script), configsSent: new Set(), pending: new Map() };
    entry.worker.on('message', (reply: LintReply) => {
      const resolve = entry.pending.get(reply.id);
      entry.pending.delete(reply.id);
      resolve?.(reply.result);
      if (this.workers.every((candidate) => candidate.pending.size === 0)) this.stopWhenIdle();
    });
    entry.worker.on('error', (error) => this.fail(error));
    entry.worker.on('exit', (code) => {
      const index = this.workers.indexOf(entry);
      if (index >= 0) this.workers.splice(index, 1);
      // Stopped on purpose (idle, disposed) with nothing pending, or it died with work in hand.
      if (entry.pending.size > 0) this.fail(new Error(`a lint worker stopped (exit code ${code})`));
    });
    // An idle worker must not keep a process (the CLI, a test) alive.
    entry.worker.unref();
    this.workers.push(entry);
    return entry;
  }

  private stopWhenIdle(): void {
    clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => {
      if (this.workers.every((candidate) => candidate.pending.size === 0)) this.stopAll('idle');
    }, IDLE_MS);
    this.idleTimer.unref?.();
  }

  private fail(error: unknown): void {
    if (this.failure !== null) return;
    this.failure = error instanceof Error ? error.message : String(error);
    this.onFailure(this.failure);
    this.stopAll(this.failure);
  }

  private stopAll(reason: string): void {
    for (const entry of this.workers.splice(0)) {
      for (const resolve of entry.pending.values()) resolve({ kind: 'failed', reason });
      entry.pending.clear();
      void entry.worker.terminate();
    }
  }
}
