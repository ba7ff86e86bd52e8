// Worker threads for the editor's engine work on files on disk, beside the extension host's
// thread: reading, parsing and summarising the files a scan reads, and reading, parsing and
// linting closed files for their problems. Only the extension's own bundled script runs there;
// workspace files are read as data.
import { Worker } from 'node:worker_threads';
import { encodeSummary, type EncodedSummary, type ResolvedConfig } from '../core';
import type { ClosedFileJob, ClosedFileProblems, FileSummary, SummaryJob } from './file-tasks';

export type Failed = { kind: 'failed'; reason: string };
export type LintOutcome = ClosedFileProblems | Failed;
export type SummaryOutcome = FileSummary | Failed;

export type EngineTask =
  | { kind: 'lint'; job: Omit<ClosedFileJob, 'config' | 'previous'>; previous: { key: string; summary: EncodedSummary } | null }
  | { kind: 'summarise'; job: Omit<SummaryJob, 'config'> };

/** A message to a worker: the configuration only the first time that worker is sent it. */
export interface EngineRequest {
  id: number;
  configId: number;
  config?: ResolvedConfig;
  task: EngineTask;
}

export interface EngineReply {
  id: number;
  result: LintOutcome | SummaryOutcome;
}

/** Workers stop after this long without work (each holds a JavaScript heap of its own). */
const IDLE_MS = 30_000;

interface PoolWorker {
  worker: Worker;
  configsSent: Set<number>;
  pending: Map<number, (outcome: LintOutcome | SummaryOutcome) => void>;
}

export class EnginePool {
  private readonly workers: PoolWorker[] = [];
  /** Each configuration object's number: the same for configurations alike (every folder has its own object). */
  private readonly configIds = new WeakMap<ResolvedConfig, number>();
  private readonly configIdsByContent = new Map<string, number>();
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

  /** False once a worker could not start or failed: the caller does the work on its own thread from then on. */
  get usable(): boolean {
    return this.failure === null && !this.disposed && this.size > 0;
  }

  /** Reads, parses and lints a closed file on a worker; 'failed' if no worker could. */
  lint(job: ClosedFileJob): Promise<LintOutcome> {
    const { config, previous, ...rest } = job;
    return this.run(config, { kind: 'lint', job: rest, previous: previous && { key: previous.key, summary: encodeSummary(previous.summary) } }) as Promise<LintOutcome>;
  }

  /** Reads and parses a file on a worker, and sends back its summary; 'failed' if no worker could. */
  summarise(job: SummaryJob): Promise<SummaryOutcome> {
    const { config, ...rest } = job;
    return this.run(config, { kind: 'summarise', job: rest }) as Promise<SummaryOutcome>;
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.idleTimer);
    this.stopAll('the workers were stopped');
  }

  private run(config: ResolvedConfig, task: EngineTask): Promise<LintOutcome | SummaryOutcome> {
    if (!this.usable) return Promise.resolve({ kind: 'failed', reason: this.failure ?? 'the workers are stopped' });
    clearTimeout(this.idleTimer);
    let target: PoolWorker;
    try {
      target = this.leastBusy();
    } catch (error) {
      this.fail(error);
      return Promise.resolve({ kind: 'failed', reason: this.failure! });
    }
    const configId = this.configIdOf(config);
    const firstTime = !target.configsSent.has(configId);
    target.configsSent.add(configId);
    const request: EngineRequest = { id: this.nextId++, configId, config: firstTime ? config : undefined, task };
    return new Promise((resolve) => {
      target.pending.set(request.id, resolve);
      try {
        target.worker.postMessage(request);
      } catch (error) {
        target.pending.delete(request.id);
        resolve({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) });
      }
    });
  }

  private configIdOf(config: ResolvedConfig): number {
    let id = this.configIds.get(config);
    if (id === undefined) {
      const content = JSON.stringify(config);
      id = this.configIdsByContent.get(content);
      if (id === undefined) this.configIdsByContent.set(content, (id = this.nextConfigId++));
      this.configIds.set(config, id);
    }
    return id;
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
    entry.worker.on('message', (reply: EngineReply) => {
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
      if (entry.pending.size > 0) this.fail(new Error(`an engine worker stopped (exit code ${code})`));
    });
    // An idle worker must not keep a process (a test, a command) alive.
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
    this.configIdsByContent.clear(); // the workers that knew them are gone (numbers are never reused)
    for (const entry of this.workers.splice(0)) {
      for (const resolve of entry.pending.values()) resolve({ kind: 'failed', reason });
      entry.pending.clear();
      void entry.worker.terminate();
    }
  }
}
