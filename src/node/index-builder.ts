// Builds the index of a folder tree: walks and stats every Markdown file, takes unchanged files
// from the disk cache, and parses the rest, on worker threads when there are many.
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ConfigLoader } from './config-loader';
import type { FileReason } from './file-reason';
import { IndexCache } from './index-cache';
import { encodeRecord, IndexEntry, notMeetingRecord, recordOf, type IndexRecord } from './index-record';
import { loadFile } from './meeting-files';
import { toPosix } from './paths';

export interface BuildOptions {
  /** Use and update the disk cache (default true). */
  cache?: boolean;
  cacheDir?: string;
  /** Worker threads for parsing; 0 parses on this thread. Default: one per core when worth it. */
  workers?: number;
  /** The bundled worker script (dist/index-worker.cjs). */
  workerScript?: string;
  /** Identifies the engine and configuration, so a cache from another one is ignored. */
  engine: string;
  /** Files per worker below which starting one is not worth it (default 400). */
  minFilesPerWorker?: number;
}

export interface BuiltIndex {
  /** Every indexed file, sorted by path; records from the cache are decoded when asked for. */
  entries: IndexEntry[];
  /** Every record, decoded (what a command that lists everything needs). */
  readonly records: IndexRecord[];
  unreadable: Unreadable[];
  stats: { files: number; parsed: number; fromCache: number };
}

type Unreadable = { path: string; reason: FileReason };
/** What a worker posts back: records encoded as strings, far cheaper to pass than objects. */
type WorkerResult = { encoded: Array<[path: string, size: number, mtimeMs: number, encoded: string]>; unreadable: Unreadable[] };

/** Below this many files to parse, starting workers costs more than it saves. */
const WORKER_THRESHOLD = 400;

export async function buildIndex(files: readonly string[], root: string, options: BuildOptions): Promise<BuiltIndex> {
  const useCache = options.cache !== false;
  const cache = useCache ? new IndexCache(root, options.engine, options.cacheDir) : null;
  const cached = cache ? cache.load() : new Map<string, IndexEntry>();
  const entries: IndexEntry[] = [];
  const toParse: ParseJob[] = [];
  const unreadable: Unreadable[] = [];
  for (const path of files) {
    let stats;
    try {
      stats = statSync(path);
    } catch {
      unreadable.push({ path, reason: { id: 'missing' } });
      continue;
    }
    const hit = cached.get(toPosix(path));
    if (hit && hit.size === stats.size && hit.mtimeMs === stats.mtimeMs) entries.push(hit);
    else toParse.push({ path, size: stats.size, mtimeMs: stats.mtimeMs });
  }
  const fromCache = entries.length;
  const workers = Math.min(options.workers ?? availableParallelism(), Math.ceil(toParse.length / (options.minFilesPerWorker ?? WORKER_THRESHOLD)));
  if (workers > 1 && options.workerScript) {
    const parsed = await parseOnWorkers(toParse, workers, options.workerScript);
    for (const [path, size, mtimeMs, encoded] of parsed.encoded) entries.push(IndexEntry.encoded(path, size, mtimeMs, encoded));
    unreadable.push(...parsed.unreadable);
  } else {
    const parsed = parseHere(toParse);
    for (const record of parsed.records) entries.push(IndexEntry.of(record));
    unreadable.push(...parsed.unreadable);
  }
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (cache && (toParse.length > 0 || cached.size !== entries.length)) cache.save(entries);
  let records: IndexRecord[] | null = null;
  return {
    entries,
    get records() {
      return (records ??= entries.map(decodeOrParse));
    },
    unreadable,
    stats: { files: files.length, parsed: toParse.length, fromCache },
  };
}

/** The entry's record; parsed again if the cache changed under us (another run saved meanwhile). */
function decodeOrParse(entry: IndexEntry): IndexRecord {
  try {
    return entry.record();
  } catch {
    return parseHere([entry]).records[0] ?? notMeetingRecord(entry.path, entry.size, entry.mtimeMs);
  }
}

export interface ParseJob {
  path: string;
  size: number;
  mtimeMs: number;
}

/** Parses files on this thread. */
export function parseHere(jobs: readonly ParseJob[]): { records: IndexRecord[]; unreadable: Unreadable[] } {
  const records: IndexRecord[] = [];
  const unreadable = parseEach(jobs, (record) => records.push(record));
  return { records, unreadable };
}

/** What each worker thread runs: parses its files and encodes their records. */
export function parseForWorker(jobs: readonly ParseJob[]): WorkerResult {
  const encoded: WorkerResult['encoded'] = [];
  // Each record is encoded as soon as it is made, so it dies young: holding thousands of records
  // until the end made every garbage collection walk them.
  const unreadable = parseEach(jobs, (record) => encoded.push([record.path, record.size, record.mtimeMs, encodeRecord(record)]));
  return { encoded, unreadable };
}

/** Parses each file and hands its record on; returns the files that could not be read. */
function parseEach(jobs: readonly ParseJob[], take: (record: IndexRecord) => void): Unreadable[] {
  const configs = new ConfigLoader();
  const unreadable: Unreadable[] = [];
  for (const job of jobs) {
    const loaded = loadFile(job.path, configs);
    if (loaded.kind === 'unreadable') unreadable.push({ path: job.path, reason: loaded.reason });
    else if (loaded.kind === 'skipped') take(notMeetingRecord(toPosix(job.path), job.size, job.mtimeMs));
    else take(recordOf(loaded.meeting, toPosix(job.path), job.size, job.mtimeMs));
  }
  return unreadable;
}

async function parseOnWorkers(jobs: readonly ParseJob[], count: number, script: string): Promise<WorkerResult> {
  // Neighbouring files share folders and configs: give each worker contiguous chunks.
  const chunks: ParseJob[][] = Array.from({ length: count }, () => []);
  const size = Math.ceil(jobs.length / count);
  jobs.forEach((job, index) => chunks[Math.floor(index / size)]!.push(job));
  const results = await Promise.all(
    chunks.map(
      (chunk) =>
        new Promise<WorkerResult>((resolve, reject) => {
          const worker = new Worker(script, { workerData: chunk });
          worker.once('message', (result: WorkerResult) => {
            resolve(result);
            void worker.terminate();
          });
          worker.once('error', reject);
        }),
    ),
  );
  return { encoded: results.flatMap((result) => result.encoded), unreadable: results.flatMap((result) => result.unreadable) };
}

/** The engine fingerprint for a set of roots: tool version plus every config file's identity. */
export function engineFingerprint(version: string, configPaths: readonly string[]): string {
  const parts = [version];
  for (const path of [...configPaths].sort()) {
    try {
      const stats = statSync(path);
      parts.push(`${path}:${stats.size}:${stats.mtimeMs}`);
    } catch {
      // gone: not part of the fingerprint
    }
  }
  return parts.join('|');
}

/** `.meetings.yaml` files that can apply to `files`: in their folders and every folder above. */
export function configPathsFor(files: readonly string[]): string[] {
  const dirs = new Set<string>();
  for (const file of files) {
    for (let dir = dirname(file); !dirs.has(dir); dir = dirname(dir)) {
      dirs.add(dir);
      if (dirname(dir) === dir) break;
    }
  }
  return [...dirs].map((dir) => join(dir, '.meetings.yaml'));
}
