// Keeps the workspace's meeting index in step with the editor: the initial scan, unsaved
// buffers, saves, creations, deletions, renames and config changes. No duplicates, no ghosts:
// every entry is keyed by URI, and open documents win over their files on disk.
import * as vscode from 'vscode';
import { decodeSummary, detachedSummary, MeetingIndex, parseMeeting, ReadingMemo, StringPool, summaryOf, type IndexedMeeting, type Meeting, type MeetingSummary, type ResolvedConfig } from '../core';
import { decodeText, type Undecodable } from '../node/encoding';
import { reasonText, undecodableReason } from '../node/file-reason';
import type { EnginePool, SummaryOutcome } from '../node/engine-pool';
import type { ConfigResolver } from './config-resolver';
import type { Log } from './log';
import { warmUpEngine } from './engine-warm-up';
import { nextTurn, takingTurns } from './taking-turns';
import type { ProblemsCache, StoredProblems } from '../node/problems-cache';
import type { SummaryCache } from '../node/summary-cache';
import { WarmStart, type ProblemsSource, type Stamped } from './warm-start';

export const MARKDOWN_GLOB = '**/*.{md,markdown}';
const EXCLUDED_FOLDERS = '{**/node_modules/**,**/.git/**}';
/** Files read ahead of the one being parsed during a scan. */
const READ_AHEAD = 16;

interface PendingRead {
  seq: number;
  /** Increases with every read started: an older read must not replace what a newer one stored. */
  id: number;
  /** Taken before the read, for the cache (null: not a local file, or no cache). */
  stamp: Promise<Stamped | null>;
  /** The file's bytes, read through VS Code; or, from an engine worker, its summary. */
  result: Promise<Uint8Array | Error | WorkerRead>;
}

/** A file read and parsed on an engine worker, with the configuration it was parsed with. */
interface WorkerRead {
  config: ResolvedConfig;
  outcome: SummaryOutcome;
}

export interface ScanReport {
  files: number;
  /** Listed from the cache of the last session without being read. */
  fromCache: number;
}

/**
 * Turns a scan waits at most for a consumer of its changes that fell behind (see `paceWith`); one
 * that stays behind that long is not waited for again in that scan.
 */
const MAX_PACING_TURNS = 1000;

/** How long the file search may take before the scan gives up on it. */
const FIND_TIMEOUT_MS = 60_000;

export class MeetingStore implements vscode.Disposable {
  readonly index = new MeetingIndex();
  // The index keeps summaries; full models only of open documents (a fifth of the memory for a
  // workspace of closed files), and of a closed file only while its change is announced.
  private readonly openModels = new Map<string, { version: number; meeting: Meeting }>();
  /** Per open document: its items' readings, reused on the next keystroke (see core/reading-memo.ts). */
  private readonly memos = new Map<string, ReadingMemo>();
  /** The change being announced: a file read by a scan, with its model unless a worker read it. */
  private announcing: { key: string; meeting: Meeting | null; byScan: boolean } | null = null;
  private readonly strings = new StringPool();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly pendingEdits = new Map<string, ReturnType<typeof setTimeout>>();
  private scanGeneration = 0;
  private readonly scanning = new vscode.EventEmitter<boolean>();
  readonly onDidChangeScanning = this.scanning.event;
  isScanning = false;
  /** Every forget, numbered: a disk read that was in flight must not bring a deleted file back. */
  private forgetSeq = 0;
  private readonly existsSince = new Map<string, number>();
  private readsStarted = 0;
  /** Per file, the id of the newest disk read stored. */
  private readonly storedReads = new Map<string, number>();
  private readonly forgets: Array<{ seq: number; key: string; subtree: boolean }> = [];
  /** Reads started for the diagnostics' reload queue, used by `loadMeeting` if the entry is still the same. */
  private readonly prefetched = new Map<string, { entry: IndexedMeeting; text: Promise<string | null> }>();
  private readonly warmStart: WarmStart | null;
  /** Consumers of the index's changes that can fall behind the scan (see `paceWith`). */
  private readonly pacers = new Set<() => boolean>();
  /** What the last complete scan did. */
  lastScan: ScanReport | null = null;
  /** Files a scan had read and parsed on the engine workers (a count, for tests and measurements). */
  readOnWorkers = 0;

  constructor(
    private readonly configs: ConfigResolver,
    private readonly log: Log,
    private readonly debounceMs: () => number,
    /** The cache of the index on disk, and of the problems shown; none for a window without a workspace. */
    caches: { summaries: SummaryCache; problems: ProblemsCache | null } | null = null,
    /** Workers that read and parse a scan's files on disk beside the extension host's thread (tests set it). */
    public workers: EnginePool | null = null,
  ) {
    this.warmStart = caches ? new WarmStart(caches.summaries, caches.problems, this.index, log) : null;
    const watcher = vscode.workspace.createFileSystemWatcher(MARKDOWN_GLOB);
    const configWatcher = vscode.workspace.createFileSystemWatcher('**/.meetings.yaml');
    // A deleted folder comes as one event for the folder (its files' events are coalesced away).
    // A new folder is searched: files written into it before VS Code watches it are not reported.
    const folderWatcher = vscode.workspace.createFileSystemWatcher('**/*', false, true, false);
    this.disposables.push(
      watcher,
      configWatcher,
      folderWatcher,
      folderWatcher.onDidDelete((uri) => this.forget(uri)),
      folderWatcher.onDidCreate((uri) => void this.folderCreated(uri)),
      watcher.onDidCreate((uri) => this.fileExists(uri)),
      watcher.onDidChange((uri) => this.fileExists(uri)),
      watcher.onDidDelete((uri) => this.forget(uri)),
      configWatcher.onDidCreate(() => this.configChanged()),
      configWatcher.onDidChange(() => this.configChanged()),
      configWatcher.onDidDelete(() => this.configChanged()),
      // A save changes the dirty state alone: there is no new text to read.
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0) this.scheduleDocument(event.document);
      }),
      vscode.workspace.onDidOpenTextDocument((document) => this.updateFromDocument(document)),
      vscode.workspace.onDidCloseTextDocument((document) => this.documentClosed(document)),
      vscode.workspace.onDidSaveTextDocument((document) => {
        if (isConfigFile(document.uri)) this.configChanged();
      }),
      vscode.workspace.onDidDeleteFiles((event) => event.files.forEach((uri) => this.forget(uri))),
      vscode.workspace.onDidRenameFiles((event) => {
        for (const { oldUri, newUri } of event.files) {
          this.forget(oldUri);
          void this.fileExists(newUri);
        }
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.scan()),
    );
  }

  /** Where the cache of the index is kept, if anywhere. */
  get cacheFile(): string | null {
    return this.warmStart?.file ?? null;
  }

  /** Saves the cache of the index now (it is saved after each scan, and five minutes after changes). */
  async saveCache(): Promise<void> {
    await this.warmStart?.save();
  }

  /** Where the problems saved with the cache come from (the diagnostics). */
  provideProblems(source: ProblemsSource): void {
    this.warmStart?.provideProblems(source);
  }

  /** Identifies the text and configuration of a file as read from disk; null for a buffer or an untrusted stamp. */
  stampId(key: string): string | null {
    return this.warmStart?.stampId(key) ?? null;
  }

  /** The problems saved with the cache, for the files still as they were when linted. */
  cachedProblems(takeTurn: () => Promise<void>): AsyncIterable<StoredProblems> {
    return this.warmStart?.cachedProblems(takeTurn) ?? (async function* () {})();
  }

  /**
   * Reads every Markdown file of the workspace, yielding so the extension host stays responsive.
   * Unless `fresh`, files unchanged since the cache was saved are listed from it instead.
   */
  async scan({ fresh = false } = {}): Promise<void> {
    const generation = ++this.scanGeneration;
    this.setScanning(true);
    try {
      const uris = await this.findMarkdownFiles();
      if (!uris) return; // no answer: what is listed stays, open documents were read
      // Receiving thousands of names was a long task already: sorting them waits for the next.
      await nextTurn();
      if (generation !== this.scanGeneration) return; // a newer scan took over
      const seen = new Set(uris.map((uri) => uri.toString()));
      // An open buffer counts, unless it is a saved file of the workspace that is gone from disk.
      const buffers = vscode.workspace.textDocuments.filter((document) => !document.isClosed && keepsBuffer(document, seen));
      const kept = new Set(buffers.map((document) => document.uri.toString()));
      const gone = (key: string) => !seen.has(key) && !kept.has(key);
      this.index.deleteWhere(gone);
      this.warmStart?.forget(gone);
      // In path order: files named by date come in date order, so a meeting is mostly read after
      // its previous one and is not read again for its carry-over check.
      uris.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      // Compiling the engine's code is not left to the first file's task.
      await warmUpEngine().catch((error: unknown) => this.log.error('The engine warm-up failed', error));
      const takeTurn = this.pacedTurns();
      const { toRead, listed } = fresh || !this.warmStart ? { toRead: uris, listed: 0 } : await this.listCached(uris, generation, takeTurn);
      // Reading a file through VS Code is a round trip to its file service: a few are kept in
      // flight while files already read are parsed, or the scan spends most of its time waiting.
      const reads = new Map<number, PendingRead>();
      for (let i = 0; i < toRead.length; i++) {
        if (generation !== this.scanGeneration) return; // a newer scan took over
        for (let ahead = i; ahead < Math.min(toRead.length, i + READ_AHEAD); ahead++) if (!reads.has(ahead)) reads.set(ahead, this.startRead(toRead[ahead]!, true));
        const read = reads.get(i)!;
        reads.delete(i);
        await this.refreshFromDisk(toRead[i]!, read);
        await takeTurn();
      }
      for (const document of buffers) await this.updateFromDocument(document);
      if (generation !== this.scanGeneration) return;
      this.lastScan = { files: uris.length, fromCache: listed };
      void this.warmStart?.save();
    } finally {
      if (generation === this.scanGeneration) this.setScanning(false);
    }
  }

  /**
   * A consumer of the index's changes that works through them in tasks of its own (the tree) asks
   * the scan to wait while `behind()` holds. Listing from the cache brings changes faster than
   * the tree can take them in a task, and its backlog would then be taken in by one refresh.
   */
  paceWith(behind: () => boolean): vscode.Disposable {
    this.pacers.add(behind);
    return { dispose: () => this.pacers.delete(behind) };
  }

  /** `takingTurns`, then more turns while a consumer is behind (a bounded number: a stuck one must not stop the scan). */
  private pacedTurns(): () => Promise<void> {
    const takeTurn = takingTurns();
    const behind = () => {
      for (const isBehind of this.pacers) if (isBehind()) return true;
      return false;
    };
    let pacing = true;
    return async () => {
      await takeTurn();
      for (let turns = 0; pacing && behind(); turns++) {
        if (turns === MAX_PACING_TURNS) pacing = false; // stuck: a failing tree must not stop the scan
        else await nextTurn();
      }
    };
  }

  /** Puts the cached summaries of unchanged files into the index; returns the files still to read. */
  private listCached(uris: vscode.Uri[], generation: number, takeTurn: () => Promise<void>) {
    const forgetSeq = this.forgetSeq;
    const readsStarted = this.readsStarted;
    return this.warmStart!.listCached(uris, {
      configFor: (uri) => this.configs.configFor(uri),
      share: this.strings.shared,
      takeTurn,
      current: () => generation === this.scanGeneration,
      take: ({ uri, key, summary, config }) => {
        if (generation !== this.scanGeneration) return false;
        // Changed since the listing began (deleted, opened, or read again): read as usual.
        if (openDocument(uri) || this.forgottenSince(forgetSeq, key) || (this.storedReads.get(key) ?? 0) > readsStarted) return false;
        this.index.set({ key, meeting: summary, config, version: null });
        return true;
      },
    });
  }

  /**
   * The workspace's Markdown files, or null when the search does not answer in time: VS Code
   * waits for ever for a search provider when every folder is on a file system without one.
   */
  private async findMarkdownFiles(): Promise<vscode.Uri[] | null> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), FIND_TIMEOUT_MS)));
    const found = await Promise.race([Promise.resolve(vscode.workspace.findFiles(MARKDOWN_GLOB, EXCLUDED_FOLDERS)), timeout]);
    clearTimeout(timer);
    if (found) return found;
    this.log.warn(`The workspace could not be searched for Markdown files within ${FIND_TIMEOUT_MS / 1000} s (a file system without search?); only open meeting files are listed.`);
    for (const document of vscode.workspace.textDocuments) if (!document.isClosed) await this.updateFromDocument(document);
    return null;
  }

  /** Starts reading a file: on an engine worker if `onWorker` and one can (a file on disk), else through VS Code. */
  private startRead(uri: vscode.Uri, onWorker = false): PendingRead {
    // The sequence number from before the read: a deletion while it runs must win.
    const seq = this.forgetSeq;
    const stamp = this.warmStart?.stampBeforeRead(uri) ?? Promise.resolve(null);
    const workers = onWorker && uri.scheme === 'file' && this.workers?.usable ? this.workers : null;
    const read = workers
      ? stamp.then(async (): Promise<WorkerRead | Uint8Array> => {
          // A configuration that cannot be resolved is not a deleted file: read here, and `store` says why.
          const config = await this.configs.configFor(uri).catch(() => null);
          if (!config) return vscode.workspace.fs.readFile(uri);
          return { config, outcome: await workers.summarise({ fsPath: uri.fsPath, path: uri.path, config }) };
        })
      : stamp.then(() => vscode.workspace.fs.readFile(uri));
    const result = read.then(
      (value) => value,
      (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
    );
    return { seq, id: ++this.readsStarted, stamp, result };
  }

  /** Re-reads a file, unless it is open: then its buffer is the truth. `read` is one already started. */
  async refreshFromDisk(uri: vscode.Uri, read?: PendingRead): Promise<void> {
    if (!isMarkdown(uri)) return;
    const open = openDocument(uri);
    if (open) {
      // Saving a big file reaches the watcher as dozens of change events: the buffer they would
      // re-read is what the index already holds.
      if (this.index.get(uri.toString())?.version === open.version) return;
      return this.updateFromDocument(open);
    }
    const { seq, id, stamp, result } = read ?? this.startRead(uri);
    const content = await result;
    const byScan = read !== undefined;
    // Deleted or unreadable meanwhile. Only this name: if a folder took it, its files are not gone.
    if (content instanceof Error) return this.forget(uri, false);
    if (!(content instanceof Uint8Array)) {
      const { outcome, config } = content;
      const summary = outcome.kind === 'summarised' ? decodeSummary(outcome.summary, this.strings.shared) : null;
      if (summary) {
        this.readOnWorkers++;
        return this.store(uri, { summary, config }, null, seq, id, await stamp, byScan);
      }
      if (outcome.kind === 'unreadable') return outcome.reason === 'unreadable' ? this.forget(uri, false) : this.skipNotText(uri, outcome.reason);
      if (outcome.kind === 'failed' && this.workers?.usable) this.log.warn(`${uri.fsPath}: an engine worker failed (${outcome.reason}); read on the extension host`);
      return this.refreshFromDisk(uri, this.startRead(uri)); // read here, as a new read
    }
    const decoded = decodeText(content);
    if (!decoded.ok) return this.skipNotText(uri, decoded.reason);
    await this.store(uri, decoded.text, null, seq, id, await stamp, byScan);
  }

  private skipNotText(uri: vscode.Uri, reason: Undecodable): void {
    this.log.warn(`${uri.fsPath}: ${reasonText(undecodableReason(reason), 'en')}; skipped`);
    this.forget(uri, false);
  }

  async updateFromDocument(document: vscode.TextDocument): Promise<void> {
    if (!isMarkdown(document.uri) || document.uri.scheme === 'git' || document.uri.scheme === 'output') return;
    if (this.isDeletedBuffer(document)) return;
    await this.store(document.uri, document.getText(), document.version);
  }

  /**
   * Puts a file's text (parsed here) or its summary (from an engine worker, with the configuration
   * it was parsed with) into the index, unless a newer reading or a deletion came first.
   */
  private async store(
    uri: vscode.Uri,
    content: string | { summary: MeetingSummary; config: ResolvedConfig },
    version: number | null,
    readSeq = this.forgetSeq,
    readId = 0,
    stamp: Stamped | null = null,
    byScan = false,
  ): Promise<void> {
    try {
      const config = await this.configs.configFor(uri);
      // The configuration changed while a worker parsed the file: read it again, here.
      if (typeof content !== 'string' && content.config !== config) return this.refreshFromDisk(uri, this.startRead(uri));
      if (version === null && this.forgottenSince(readSeq, uri.toString())) return; // deleted while it was read
      const buffer = version !== null ? openDocument(uri) : undefined;
      if (buffer && this.isDeletedBuffer(buffer)) return;
      const current = openDocument(uri);
      // A slower disk read must not replace a newer buffer, nor a closed buffer come back.
      if (version === null && current) return;
      if (version !== null && !current) return;
      if (version !== null && current && current.version !== version) return;
      const key = uri.toString();
      if (version === null) {
        // A read started ahead during a scan can end after a newer one (a save, a checkout).
        if ((this.storedReads.get(key) ?? 0) > readId) return;
        this.storedReads.set(key, readId);
      }
      let memo = this.memos.get(key);
      if (version === null) this.memos.delete(key);
      else if (!memo) this.memos.set(key, (memo = new ReadingMemo()));
      const meeting = typeof content === 'string' ? parseMeeting(content, { config, path: uri.path, memo: version === null ? undefined : memo }) : null;
      if (version !== null && meeting) this.openModels.set(key, { version, meeting });
      else this.openModels.delete(key);
      this.announcing = { key, meeting, byScan };
      const summary = !meeting ? (content as { summary: MeetingSummary }).summary : version !== null ? summaryOf(meeting) : detachedSummary(meeting, this.strings);
      try {
        this.index.set({ key, meeting: summary, config, version });
      } finally {
        this.announcing = null;
      }
      if (version === null) this.warmStart?.remember(key, stamp, config, summary);
      else this.warmStart?.forget(key);
    } catch (error) {
      this.log.error(`${uri.fsPath}: could not be read as a meeting`, error);
    }
  }

  /** Whether the change being announced for `key` is a scan's reading of the file. */
  announcingScanRead(key: string): boolean {
    return this.announcing?.key === key && this.announcing.byScan;
  }

  /**
   * The full model of an indexed meeting if it is at hand: an open document's current version, or
   * a file whose change is being announced. Otherwise see `loadMeeting`.
   */
  modelOf(key: string): Meeting | undefined {
    if (this.announcing?.key === key) return this.announcing.meeting ?? undefined;
    const open = this.openModels.get(key);
    return open && open.version === this.index.get(key)?.version ? open.meeting : undefined;
  }

  /** The full model of an indexed meeting, parsed again from its buffer or its file if need be. */
  async loadMeeting(key: string): Promise<Meeting | undefined> {
    const entry = this.index.get(key);
    if (!entry) return undefined;
    const model = this.modelOf(key);
    if (model) return model;
    const uri = vscode.Uri.parse(key);
    const open = openDocument(uri);
    const ahead = this.prefetched.get(key);
    this.prefetched.delete(key);
    let text: string;
    if (open) {
      text = open.getText();
    } else {
      const read = ahead?.entry === entry ? await ahead.text : await readText(uri);
      if (read === null) return undefined; // gone or changed meanwhile: the watcher brings the news
      text = read;
    }
    try {
      return parseMeeting(text, { config: entry.config, path: uri.path });
    } catch (error) {
      this.log.error(`${uri.fsPath}: could not be read as a meeting`, error);
      return undefined;
    }
  }

  /** Starts reading a closed file that `loadMeeting` will be asked for soon; false if there is nothing to read. */
  prefetch(key: string): boolean {
    const entry = this.index.get(key);
    if (!entry || entry.version !== null || this.prefetched.has(key)) return false;
    const uri = vscode.Uri.parse(key);
    if (openDocument(uri)) return false;
    this.prefetched.set(key, { entry, text: readText(uri) });
    return true;
  }

  /** Drops reads started ahead that were not asked for. */
  dropPrefetched(): void {
    this.prefetched.clear();
  }

  private scheduleDocument(document: vscode.TextDocument): void {
    if (isConfigFile(document.uri) || !isMarkdown(document.uri)) return;
    const key = document.uri.toString();
    clearTimeout(this.pendingEdits.get(key));
    this.pendingEdits.set(
      key,
      setTimeout(() => {
        this.pendingEdits.delete(key);
        void this.updateFromDocument(document);
      }, this.debounceMs()),
    );
  }

  private documentClosed(document: vscode.TextDocument): void {
    clearTimeout(this.pendingEdits.get(document.uri.toString()));
    this.openModels.delete(document.uri.toString());
    this.memos.delete(document.uri.toString());
    if (document.uri.scheme === 'untitled') {
      this.forget(document.uri);
      return;
    }
    // A file from outside the workspace folders (another file system, say) is listed only while it
    // is open: the scans do not look there, so re-reading it would leave a ghost.
    if (!vscode.workspace.getWorkspaceFolder(document.uri)) {
      this.index.delete(document.uri.toString());
      return;
    }
    // Unsaved changes are gone with the buffer: the file on disk is the truth again.
    setTimeout(() => void this.refreshFromDisk(document.uri), 0);
  }

  /** Something appeared (the Markdown watcher handles names like `x.md`): a folder is searched. */
  private async folderCreated(uri: vscode.Uri): Promise<void> {
    if (isMarkdown(uri) || isConfigFile(uri)) return;
    const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => null);
    if (stat && (stat.type & vscode.FileType.Directory) !== 0) await this.searchFolder(uri);
  }

  /** A folder appeared (a checkout, a copy, a move): read the meeting files already in it. */
  private async searchFolder(uri: vscode.Uri): Promise<void> {
    const found = await Promise.resolve(vscode.workspace.findFiles(new vscode.RelativePattern(uri, MARKDOWN_GLOB), EXCLUDED_FOLDERS)).catch(() => []);
    for (const file of found) if (!this.index.get(file.toString())) await this.fileExists(file);
  }

  /** The watcher saw the file created or changed: it exists (again). */
  private async fileExists(uri: vscode.Uri): Promise<void> {
    this.existsSince.set(uri.toString(), ++this.forgetSeq);
    // Only a regular file (or a link to one) is read: reading a FIFO named `x.md` waits for a
    // writer for ever, and a folder named `x.md` is no file at all.
    const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => null);
    if (!stat || (stat.type & vscode.FileType.File) === 0) {
      this.forget(uri, false);
      // A folder named like a Markdown file (`2026.md/`) may hold meetings.
      if (stat && (stat.type & vscode.FileType.Directory) !== 0) await this.searchFolder(uri);
      return;
    }
    return this.refreshFromDisk(uri);
  }

  /**
   * A saved buffer whose file was deleted (or whose folder was) after the file was last seen:
   * VS Code keeps such documents around for a while, and they are not meetings any more.
   */
  private isDeletedBuffer(document: vscode.TextDocument): boolean {
    if (document.isDirty || document.uri.scheme !== 'file') return false;
    const key = document.uri.toString();
    const seen = this.existsSince.get(key) ?? 0;
    return this.forgottenSince(seen, key);
  }

  private forgottenSince(seq: number, key: string): boolean {
    return this.forgets.some(
      (forget) => forget.seq > seq && (key === forget.key || (forget.subtree && key.startsWith(forget.key.endsWith('/') ? forget.key : `${forget.key}/`))),
    );
  }

  /** Drops `uri` and, unless `subtree` is false, everything under it (a deleted folder). */
  private forget(uri: vscode.Uri, subtree = true): void {
    const key = uri.toString();
    this.forgets.push({ seq: ++this.forgetSeq, key, subtree });
    if (this.forgets.length > 1000) this.forgets.splice(0, 500);
    const prefix = key.endsWith('/') ? key : `${key}/`;
    for (const other of this.openModels.keys()) if (other === key || (subtree && other.startsWith(prefix))) this.openModels.delete(other);
    for (const other of this.memos.keys()) if (other === key || (subtree && other.startsWith(prefix))) this.memos.delete(other);
    const gone = (other: string) => other === key || (subtree && other.startsWith(prefix));
    this.index.deleteWhere(gone);
    this.warmStart?.forget(gone);
    for (const other of this.prefetched.keys()) if (gone(other)) this.prefetched.delete(other);
  }

  private configChanged(): void {
    this.configs.invalidate();
    void this.scan();
  }

  private setScanning(scanning: boolean): void {
    this.isScanning = scanning;
    this.scanning.fire(scanning);
  }

  dispose(): void {
    for (const timer of this.pendingEdits.values()) clearTimeout(timer);
    this.disposables.forEach((disposable) => disposable.dispose());
    this.scanning.dispose();
    this.warmStart?.dispose();
  }
}

/** A file's text, or null if it cannot be read or is not text. */
async function readText(uri: vscode.Uri): Promise<string | null> {
  const bytes = await Promise.resolve(vscode.workspace.fs.readFile(uri)).catch(() => null);
  const decoded = bytes ? decodeText(bytes) : null;
  return decoded?.ok ? decoded.text : null;
}

export function isMarkdown(uri: vscode.Uri): boolean {
  return /\.(md|markdown)$/iu.test(uri.path);
}

function isConfigFile(uri: vscode.Uri): boolean {
  return uri.path.endsWith('/.meetings.yaml');
}

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = uri.toString();
  return vscode.workspace.textDocuments.find((document) => document.uri.toString() === key && !document.isClosed);
}

/**
 * Whether an open document is indexed from its buffer: unsaved changes, untitled or non-file
 * documents, files outside the workspace folders, and files the scan found. A saved file of a
 * workspace folder that the scan did not find was deleted: its lingering buffer is not a meeting.
 */
function keepsBuffer(document: vscode.TextDocument, found: ReadonlySet<string>): boolean {
  if (found.has(document.uri.toString()) || document.isDirty || document.isUntitled || document.uri.scheme !== 'file') return true;
  return vscode.workspace.getWorkspaceFolder(document.uri) === undefined;
}
