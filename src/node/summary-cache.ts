// The editor's cache of the workspace index: each meeting file's summary with the file's size,
// times and configuration when it was read, in the extension's storage for the workspace. At the
// next start, a file whose stamp and configuration are unchanged is listed from here instead of
// being read and parsed again.
//
// One JSON line per file after a header line (see json-lines.ts).
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type { EncodedSummary, ResolvedConfig } from '../core';
import { JsonLinesCache } from './json-lines';

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

/** The cache of summaries: one line per file, `[key, size, mtimeMs, ctimeMs, ino, config, summary]`. */
export class SummaryCache extends JsonLinesCache<CacheLine, { key: string; cached: CachedSummary }> {
  constructor(file: string, engine: string) {
    super(file, engine, { format: FORMAT, row: ({ key, stamp, config, summary }) => [key, ...stampFields(stamp), config, summary], read: cachedEntry });
  }
}

/** A stamp as the cache files write it. */
export function stampFields(stamp: FileStamp): [size: number, mtimeMs: number, ctimeMs: number, ino: number] {
  return [stamp.size, stamp.mtimeMs, stamp.ctimeMs, stamp.ino];
}

/** The stamp written by `stampFields`, or null. */
export function stampFrom(size: unknown, mtimeMs: unknown, ctimeMs: unknown, ino: unknown): FileStamp | null {
  if (typeof size !== 'number' || typeof mtimeMs !== 'number' || typeof ctimeMs !== 'number' || typeof ino !== 'number') return null;
  return { size, mtimeMs, ctimeMs, ino };
}

function cachedEntry(value: unknown): { key: string; cached: CachedSummary } | null {
  if (!Array.isArray(value) || value.length !== 7) return null;
  const [key, size, mtimeMs, ctimeMs, ino, config, summary] = value as unknown[];
  const stamp = stampFrom(size, mtimeMs, ctimeMs, ino);
  if (typeof key !== 'string' || typeof config !== 'string' || !stamp) return null;
  return { key, cached: { stamp, config, summary } };
}
