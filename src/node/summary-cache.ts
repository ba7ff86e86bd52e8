// The editor's cache of the workspace index: each meeting file's summary with the file's size,
// times and configuration when it was read, in the extension's storage for the workspace. At the
// next start, a file whose stamp and configuration are unchanged is listed from here instead of
// being read and parsed again.
//
// One JSON line per file after a header line, so loading parses a line at a time and can yield
// between lines: one JSON.parse of the whole cache would hold the extension host for a quarter
// of a second at 10,000 meetings.
import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { EncodedSummary, ResolvedConfig } from '../core';

const FORMAT = 1;

/** What identifies a file's content without reading it. */
export interface FileStamp {
  size: number;
  mtimeMs: number;
  /** Changes with every write and cannot be set back, unlike the modification time (`touch -d`, `rsync -t`). */
  ctimeMs: number;
  ino: number;
}

export interface CachedSummary {
  stamp: FileStamp;
  /** `configFingerprint` of the configuration the file was parsed with. */
  config: string;
  /** Still to be checked by `decodeSummary`. */
  summary: unknown;
}

export interface CacheLine {
  key: string;
  stamp: FileStamp;
  config: string;
  summary: EncodedSummary;
}

/**
 * A file modified this close to the moment it was stat'ed may be modified again within the same
 * tick of a coarse clock (FAT keeps 2 s) without its stamp changing: such a stamp is not trusted.
 */
const SETTLE_MS = 2_000;

export async function stampOf(path: string): Promise<{ stamp: FileStamp; settled: boolean } | null> {
  // The clock before the stat: read after it, a busy event loop would make a file look older.
  const now = Date.now();
  try {
    const stats = await stat(path);
    if (!stats.isFile()) return null;
    const stamp = { size: stats.size, mtimeMs: stats.mtimeMs, ctimeMs: stats.ctimeMs, ino: stats.ino };
    return { stamp, settled: now - Math.max(stats.mtimeMs, stats.ctimeMs) > SETTLE_MS };
  } catch {
    return null;
  }
}

export function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs && a.ino === b.ino;
}

const fingerprints = new WeakMap<ResolvedConfig, string>();

/** Identifies a configuration by its content (resolved configurations are plain JSON data). */
export function configFingerprint(config: ResolvedConfig): string {
  let fingerprint = fingerprints.get(config);
  if (fingerprint === undefined) {
    fingerprint = createHash('sha1').update(JSON.stringify(config)).digest('base64');
    fingerprints.set(config, fingerprint);
  }
  return fingerprint;
}

export class SummaryCache {
  /**
   * `engine` names the code that parsed the summaries (version and build): a cache written by
   * another one is ignored, since it may have read the same files differently.
   */
  constructor(
    readonly file: string,
    private readonly engine: string,
  ) {}

  /**
   * The cached summaries in the order they were saved, parsed a line at a time (`takeTurn` is
   * awaited between lines); none when there is no usable cache. Damaged lines are skipped.
   */
  async *entries(takeTurn: () => Promise<void>): AsyncGenerator<{ key: string; cached: CachedSummary }> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.file);
    } catch {
      return; // none yet
    }
    let start = 0;
    let header = true;
    while (start < bytes.length) {
      let end = bytes.indexOf(10, start);
      if (end < 0) end = bytes.length;
      const line = bytes.toString('utf8', start, end);
      start = end + 1;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        if (header) return;
        continue; // a damaged line costs that file a read
      }
      if (header) {
        header = false;
        const { format, engine } = (value ?? {}) as { format?: unknown; engine?: unknown };
        if (format !== FORMAT || engine !== this.engine) return;
        continue;
      }
      const entry = cachedEntry(value);
      if (entry) yield entry;
      await takeTurn();
    }
  }

  /**
   * Writes every line to a new file, then puts it in place: a reader sees the old cache or the new
   * one, never a half-written one. `takeTurn` is awaited between lines. One writer at a time (the
   * caller's): the temporary file has a fixed name, so one left by a killed process is reused.
   */
  async save(lines: Iterable<CacheLine>, takeTurn: () => Promise<void>): Promise<void> {
    await mkdir(dirname(this.file), { recursive: true });
    const temporary = `${this.file}.tmp`;
    const handle = await open(temporary, 'w');
    try {
      let chunk = JSON.stringify({ format: FORMAT, engine: this.engine }) + '\n';
      for (const { key, stamp, config, summary } of lines) {
        chunk += JSON.stringify([key, stamp.size, stamp.mtimeMs, stamp.ctimeMs, stamp.ino, config, summary]) + '\n';
        if (chunk.length > 1 << 20) {
          await handle.write(chunk);
          chunk = '';
        }
        await takeTurn();
      }
      await handle.write(chunk);
      await handle.close();
      await rename(temporary, this.file);
    } catch (error) {
      await handle.close().catch(() => {});
      await rm(temporary, { force: true });
      throw error;
    }
  }
}

function cachedEntry(value: unknown): { key: string; cached: CachedSummary } | null {
  if (!Array.isArray(value) || value.length !== 7) return null;
  const [key, size, mtimeMs, ctimeMs, ino, config, summary] = value as unknown[];
  if (typeof key !== 'string' || typeof config !== 'string') return null;
  if (typeof size !== 'number' || typeof mtimeMs !== 'number' || typeof ctimeMs !== 'number' || typeof ino !== 'number') return null;
  return { key, cached: { stamp: { size, mtimeMs, ctimeMs, ino }, config, summary } };
}
