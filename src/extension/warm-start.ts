// The editor's warm start: the summaries of the files read from disk are saved to a cache in the
// workspace's storage (after a scan, and five minutes after later changes), and the next scan lists
// every file whose size, times and configuration are unchanged from there instead of reading and
// parsing it. The problems each file showed are saved beside it (problems-cache.ts): the
// diagnostics show them again where nothing they depend on changed, and lint the other files again.
import * as vscode from 'vscode';
import { decodeSummary, encodeSummary, type MeetingIndex, type MeetingSummary, type ResolvedConfig } from '../core';
import type { ProblemsCache, ProblemsLine, StoredProblems } from '../node/problems-cache';
import { configFingerprint, sameStamp, stampFields, stampOf, type CachedSummary, type CacheLine, type FileStamp, type SummaryCache } from '../node/summary-cache';
import type { Log } from './log';
import { takingTurns } from './taking-turns';

/** Files stat'ed ahead of the one being checked. */
const STAT_AHEAD = 32;
/**
 * After a change, the cache is saved this much later: a burst of changes costs one save (about a
 * second of background work at 10,000 files), and a file changed since costs only its own read.
 */
const SAVE_AFTER_CHANGE_MS = 5 * 60_000;

export type Stamped = NonNullable<Awaited<ReturnType<typeof stampOf>>>;

interface Remembered {
  stamp: FileStamp;
  config: string;
  /** A file that is not a meeting is not in the index: its summary is kept here, so it is not read again either. */
  notMeeting: MeetingSummary | null;
}

export interface CachedMeeting {
  uri: vscode.Uri;
  key: string;
  summary: MeetingSummary;
  config: ResolvedConfig;
}

/** What the diagnostics can say of the files' problems, for the cache. */
export interface ProblemsSource {
  /** A file's problems as shown, with what they depend on (see `ProblemsLine`), or null. */
  problemsOf(key: string): Pick<ProblemsLine, 'inputs' | 'problems' | 'overdue'> | null;
  /**
   * False while problems are still to be shown: files listed from the cache have none yet, and
   * saving then would drop their lines (the saved file stays, each line checked when read).
   */
  allShown(): boolean;
}

export interface CacheListing {
  /** The files the cache could not answer for, in the order given. */
  toRead: vscode.Uri[];
  listed: number;
}

export class WarmStart implements vscode.Disposable {
  /** The stamp each file of the index had when it was read from disk (open buffers have none). */
  private readonly stamps = new Map<string, Remembered>();
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private saving: Promise<void> | null = null;
  private disposed = false;
  private problemsSource: ProblemsSource | null = null;

  constructor(
    private readonly cache: SummaryCache,
    private readonly problems: ProblemsCache | null,
    private readonly index: MeetingIndex,
    private readonly log: Log,
  ) {}

  /** Where the problems of the files come from when the cache is saved. */
  provideProblems(source: ProblemsSource): void {
    this.problemsSource = source;
  }

  /**
   * Identifies the text and configuration of a file read from disk (for the meetings linted with
   * it as their previous one), or null when it has no trusted stamp (an open buffer, say).
   */
  stampId(key: string): string | null {
    const remembered = this.stamps.get(key);
    return remembered ? JSON.stringify([...stampFields(remembered.stamp), remembered.config]) : null;
  }

  /** The saved problems of the files whose stamp and configuration are still those they were linted with. */
  async *cachedProblems(takeTurn: () => Promise<void>): AsyncGenerator<StoredProblems> {
    if (!this.problems) return;
    try {
      for await (const line of this.problems.entries(takeTurn)) {
        const remembered = this.stamps.get(line.key);
        if (remembered && remembered.config === line.config && sameStamp(remembered.stamp, line.stamp)) yield line;
      }
    } catch (error) {
      this.log.warn(`The problems cache could not be read (${this.problems.file}): ${String(error)}`);
    }
  }

  get file(): string {
    return this.cache.file;
  }

  /** The stamp of a file about to be read (taken before the read: a change during it shows next time). */
  stampBeforeRead(uri: vscode.Uri): Promise<Stamped | null> {
    return uri.scheme === 'file' ? stampOf(uri.fsPath) : Promise.resolve(null);
  }

  /** A file was read from disk and stored: remembered for the cache if its stamp can be trusted. */
  remember(key: string, stamped: Stamped | null, config: ResolvedConfig, summary: MeetingSummary): void {
    if (!stamped?.settled) return this.forget(key);
    this.stamps.set(key, { stamp: stamped.stamp, config: configFingerprint(config), notMeeting: summary.isMeeting ? null : summary });
    this.changed();
  }

  /** Files gone (a key, or every key that matches), or now read from a buffer. */
  forget(which: string | ((key: string) => boolean)): void {
    if (typeof which === 'string') {
      if (this.stamps.delete(which)) this.changed();
      return;
    }
    let changed = false;
    for (const key of this.stamps.keys()) if (which(key) && this.stamps.delete(key)) changed = true;
    if (changed) this.changed();
  }

  /**
   * Offers each of `uris` whose cached summary is still good to `take` (which declines a file
   * that changed meanwhile), in the cache's order, as the cache is read: the first actions show
   * at once. Returns the rest, to be read, in the order given.
   */
  async listCached(
    uris: readonly vscode.Uri[],
    options: {
      configFor: (uri: vscode.Uri) => Promise<ResolvedConfig>;
      share: (text: string) => string;
      take: (meeting: CachedMeeting) => boolean;
      takeTurn: () => Promise<void>;
      /** False once a newer scan took over: the listing stops. */
      current: () => boolean;
    },
  ): Promise<CacheListing> {
    const byKey = new Map(uris.map((uri) => [uri.toString(), uri] as const));
    const listed = new Set<string>();
    // Files are stat'ed a few dozen ahead of the one being checked.
    const window: Array<{ uri: vscode.Uri; key: string; cached: CachedSummary; stamped: Promise<Stamped | null> }> = [];
    const check = async ({ uri, key, cached, stamped }: (typeof window)[number]) => {
      const stamp = await stamped;
      if (!stamp?.settled || !sameStamp(stamp.stamp, cached.stamp) || !options.current()) return;
      const config = await options.configFor(uri);
      if (!options.current()) return; // a newer scan took over meanwhile
      const summary = configFingerprint(config) === cached.config ? decodeSummary(cached.summary, options.share) : null;
      if (!summary || !options.take({ uri, key, summary, config })) return;
      this.stamps.set(key, { stamp: stamp.stamp, config: cached.config, notMeeting: summary.isMeeting ? null : summary });
      listed.add(key);
    };
    try {
      for await (const { key, cached } of this.cache.entries(options.takeTurn)) {
        if (!options.current()) break;
        const uri = byKey.get(key);
        if (!uri || listed.has(key)) continue;
        window.push({ uri, key, cached, stamped: this.stampBeforeRead(uri) });
        if (window.length >= STAT_AHEAD) await check(window.shift()!);
      }
      while (window.length > 0) await check(window.shift()!);
    } catch (error) {
      this.log.warn(`The index cache could not be read (${this.cache.file}): ${String(error)}`);
    }
    return { toRead: uris.filter((uri) => !listed.has(uri.toString())), listed: listed.size };
  }

  /** Writes the cache now (after a scan), one save at a time. */
  async save(): Promise<void> {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    while (this.saving) await this.saving;
    if (this.disposed) return;
    this.saving = this.write();
    try {
      await this.saving;
    } finally {
      this.saving = null;
    }
  }

  private changed(): void {
    if (!this.saveTimer && !this.disposed) this.saveTimer = setTimeout(() => void this.save(), SAVE_AFTER_CHANGE_MS);
  }

  private async write(): Promise<void> {
    const { stamps, index, problemsSource } = this;
    function* lines(): Generator<CacheLine> {
      for (const [key, { stamp, config, notMeeting }] of stamps) {
        const entry = index.get(key);
        const summary = notMeeting ?? (entry?.version === null ? entry.meeting : null);
        if (summary) yield { key, stamp, config, summary: encodeSummary(summary) };
      }
    }
    function* problemLines(source: ProblemsSource): Generator<ProblemsLine> {
      for (const [key, { stamp, config, notMeeting }] of stamps) {
        const problems = notMeeting ? null : source.problemsOf(key);
        if (problems) yield { key, stamp, config, ...problems };
      }
    }
    // A failed save only costs speed at the next start.
    await this.cache.save(lines(), takingTurns()).catch((error: unknown) => this.log.warn(`The index cache could not be saved (${this.cache.file}): ${String(error)}`));
    const { problems } = this;
    if (!problems || !problemsSource?.allShown()) return;
    await problems.save(problemLines(problemsSource), takingTurns()).catch((error: unknown) => this.log.warn(`The problems cache could not be saved (${problems.file}): ${String(error)}`));
  }

  dispose(): void {
    clearTimeout(this.saveTimer);
    this.disposed = true;
  }
}
