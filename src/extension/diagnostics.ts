// Findings as VS Code diagnostics: the same rule ids, messages, ranges and severities as the CLI,
// for open documents (from the unsaved buffer) and, by setting, every meeting of the workspace.
import * as vscode from 'vscode';
import { actionOverdue, computeLineStarts, configProblemMessage, lintMeeting, todayIn, type Finding, type IndexedMeeting, type Meeting } from '../core';
import { overdueCandidatesOf } from '../node/file-tasks';
import type { LintOutcome, EnginePool } from '../node/engine-pool';
import { decodeProblems, type CachedOverdue, type ProblemsLine } from '../node/problems-cache';
import type { ConfigResolver } from './config-resolver';
import { displayLocale } from './locale';
import type { Log } from './log';
import type { MeetingStore } from './meeting-store';
import { ProblemsProgress } from './problems-progress';
import { codeOf, DIAGNOSTIC_SOURCE, diagnosticsFrom, diagnosticsOn, RULES_DOC, savedProblems, toDiagnostic, toRange, withOverdue } from './problem-diagnostics';
import { takingTurns } from './taking-turns';


export interface LintedMeeting {
  entry: IndexedMeeting;
  findings: Finding[];
}

/**
 * Files read ahead of the one being linted again (each read is a round trip to VS Code's file
 * service), or sent ahead to the engine workers.
 */
const RELOAD_AHEAD = 16;

/** A closed file sent to an engine worker, with what its problems were worked out with. */
interface LintAhead {
  entry: IndexedMeeting;
  previous: IndexedMeeting | null;
  today: string;
  locale: string;
  outcome: Promise<LintOutcome>;
}

/** Problems of closed files sent to VS Code per message (a scan publishes thousands of files). */
const PROBLEMS_PER_MESSAGE = 125;

export class DiagnosticsController implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  private readonly configCollection = vscode.languages.createDiagnosticCollection(`${DIAGNOSTIC_SOURCE}-config`);
  // Findings of open documents, for quick fixes. Not of closed files: VS Code's collection holds
  // their diagnostics, and keeping the findings too cost 330 MB for 10,000 dense meetings.
  private readonly linted = new Map<string, LintedMeeting>();
  private readonly disposables: vscode.Disposable[] = [];
  /**
   * The day the problems were worked out for, in each time zone linted in (null: the machine's;
   * a `.meetings.yaml` may name its own zone, whose midnight is not the machine's).
   */
  private readonly days = new Map<string | null, string>();
  /** Key of the previous meeting each meeting was last linted with (carry-over depends on it). */
  private readonly previousOf = new Map<string, string | null>();
  /** The reverse of `previousOf`: the meetings last linted with a given previous meeting. */
  private readonly linkedAfter = new Map<string, Set<string>>();
  /** Closed files to lint again (their models are not kept), read one at a time. */
  private readonly toReload = new Set<string>();
  private reloading = false;
  private disposed = false;
  /** Problems of closed files not yet handed to VS Code: sent together, a few hundred per turn of the event loop. */
  private readonly unsent = new Map<string, vscode.Diagnostic[]>();
  private sendTimer: ReturnType<typeof setTimeout> | undefined;
  /**
   * For each closed file, the entry its problems were last worked out for, with what else they
   * depend on (see `lintInputs`) and its overdue candidates (`CachedOverdue[]`, as JSON: a string
   * is far smaller than arrays): what the problems cache saves.
   */
  private readonly cacheable = new Map<string, { entry: IndexedMeeting; inputs: string | null; overdue: string }>();
  /** After a scan that listed files from the cache, the queue first takes the problems saved with it. */
  private cachedProblemsFirst = false;
  /** A scan ended while the queue ran: the queue starts again, ordered as after any scan. */
  private afterScanPending = false;
  /** After a scan, the cache is saved again once every queued file's problems are shown. */
  private saveWhenShown = false;
  /** Files of the reload queue whose problems came from the cache, files linted again (of which on the engine workers), and files whose overdue problems were worked out at midnight without a read. */
  readonly reloadCounts = { fromCache: 0, linted: 0, lintedOnWorkers: 0, overdueAtMidnight: 0 };
  /** The status bar's note while many files' problems are worked out. */
  readonly progress = new ProblemsProgress(() => this.problemsPending);
  /** `meetings.lint.scope`, read once per change (asked for each file: reading it each time cost 50 µs). */
  private scope = lintScope();
  /** The clock the day is read from (tests move it to another day). */
  clock: () => Date = () => new Date();
  /** Closed files of the reload queue sent to the engine workers, by key. */
  private readonly lintsAhead = new Map<string, LintAhead>();

  /**
   * `workers` lint the closed files of the reload queue beside the extension host's thread (files
   * on disk only); without them, or when they fail, every file is linted here. Tests set it.
   */
  constructor(
    private readonly store: MeetingStore,
    private readonly configs: ConfigResolver,
    private readonly log: Log,
    public workers: EnginePool | null = null,
  ) {
    this.disposables.push(
      this.progress,
      this.collection,
      this.configCollection,
      store.index.onDidChange((keys) => this.updateWithDependents(keys)),
      configs.onDidChange(() => this.configCollection.clear()),
      // The closed files a scan read or listed from the cache are linted when it is over: the
      // latest meetings first, the archive last.
      store.onDidChangeScanning((scanning) => {
        if (scanning) return;
        // A queue still running stops at its next file and hands over (see `reloadQueued`).
        if (this.reloading) this.afterScanPending = true;
        else this.afterScan();
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.update(document.uri.toString())),
      vscode.workspace.onDidChangeConfiguration((event) => {
        // Only the scope changes what is reported (not the debounce).
        if (event.affectsConfiguration('meetings.lint.scope')) {
          this.scope = lintScope();
          this.updateAll();
        }
      }),
    );
    store.provideProblems({ problemsOf: (key) => this.cachedFormOf(key), allShown: () => this.toReload.size === 0 && !this.reloading });
    // "Overdue" changes at midnight without any edit.
    const midnightCheck = setInterval(() => this.checkDay(), 60_000);
    this.disposables.push({ dispose: () => clearInterval(midnightCheck) });
  }

  /** The latest findings for an open document, linted from its current text. */
  findingsFor(key: string): LintedMeeting | undefined {
    return this.linted.get(key);
  }

  /** Lints a meeting of the index with the editor's options (locale, today, series look-ups). */
  lint(entry: IndexedMeeting, meeting: Meeting): Finding[] {
    const previousMeeting = this.previousMeeting(entry);
    this.setPrevious(entry.key, previousMeeting?.key ?? null);
    return lintMeeting(meeting, {
      config: entry.config,
      today: this.todayFor(entry),
      locale: displayLocale(),
      nextMeetingDate: this.store.index.nextMeetingDate(entry.meeting.fields.series, entry.meeting.fields.date),
      previousMeeting,
      onRuleError: (rule, error) => this.log.error(`${vscode.Uri.parse(entry.key).fsPath}: rule ${rule} failed`, error),
    });
  }

  /**
   * What a closed file's problems depend on besides its text, its configuration and the day (see
   * `overdueCandidates`), as one string: the display language and the previous meeting of its
   * series (file, text and configuration). The next meeting's date changes only fixes, which
   * closed files do not show. Null when the previous meeting has no stamp to name its text by (an
   * open buffer, say).
   */
  private lintInputs(entry: IndexedMeeting, previous = this.previousMeeting(entry)): string | null {
    const previousStamp = previous ? this.store.stampId(previous.key) : null;
    if (previous && previousStamp === null) return null;
    return JSON.stringify([displayLocale(), previous?.key ?? null, previousStamp]);
  }

  private setPrevious(key: string, previous: string | null | undefined): void {
    const before = this.previousOf.get(key);
    if (before) this.linkedAfter.get(before)?.delete(key);
    if (previous === undefined) {
      this.previousOf.delete(key);
      return;
    }
    this.previousOf.set(key, previous);
    if (!previous) return;
    let after = this.linkedAfter.get(previous);
    if (!after) this.linkedAfter.set(previous, (after = new Set()));
    after.add(key);
  }

  /** The previous meeting of the entry's series in the workspace index. */
  previousMeeting(entry: IndexedMeeting): IndexedMeeting | null {
    const series = entry.meeting.fields.series;
    if (!series || !entry.meeting.fields.date) return null;
    return this.store.index.previous(entry);
  }

  /** Re-lints the changed meetings and the meetings whose carry-over depends on them. */
  private updateWithDependents(keys: readonly string[]): void {
    const todo = new Set(keys);
    for (const key of keys) for (const dependent of this.dependentsOf(key)) todo.add(dependent);
    todo.forEach((key) => this.update(key));
  }

  /** Meetings that had `key` as their previous meeting when last linted, or have it now. */
  private dependentsOf(key: string): string[] {
    const result = new Set<string>();
    for (const other of this.linkedAfter.get(key) ?? []) if (other !== key) result.add(other);
    const entry = this.store.index.get(key);
    // The meeting before: its "due at the next meeting" fix offers this one's date. Only an open
    // one is linted again (fixes of closed files are shown nowhere).
    const before = entry ? this.store.index.previous(entry) : null;
    if (before && this.store.modelOf(before.key)) result.add(before.key);
    const { series, date } = entry?.meeting.fields ?? { series: null, date: null };
    if (series && date) {
      // Ordered by date, then key: `key` is the previous meeting of the meetings on the next later
      // date, provided it is the last one of its own date.
      const members = this.store.index.series(series);
      const at = entry ? this.store.index.seriesPosition(entry) : -1;
      const next = members[at + 1];
      if (at >= 0 && next && next.meeting.fields.date !== date) {
        const nextDate = next.meeting.fields.date;
        for (let index = at + 1; index < members.length && members[index]!.meeting.fields.date === nextDate; index++) result.add(members[index]!.key);
      }
    }
    return [...result];
  }

  updateAll(): void {
    for (const zone of this.days.keys()) this.days.set(zone, todayIn(zone, this.clock()));
    const keys = new Set([...this.store.index.keys(), ...this.linted.keys()]);
    keys.forEach((key) => this.update(key));
    this.publishConfigProblems();
  }

  /**
   * At midnight only overdue problems change. A closed file whose problems were worked out for its
   * current entry gets its overdue ones worked out again from its candidates, without being read;
   * any other file is linted again.
   */
  checkDay(): void {
    const now = this.clock();
    const turned = new Set<string | null>();
    for (const [zone, day] of this.days) {
      const today = todayIn(zone, now);
      if (today !== day) turned.add(zone);
      this.days.set(zone, today);
    }
    if (turned.size === 0) return;
    for (const key of new Set([...this.store.index.keys(), ...this.linted.keys()])) {
      const entry = this.store.index.get(key);
      if (entry && !turned.has(entry.config.timezone)) continue;
      const record = this.cacheable.get(key);
      if (!entry || entry.version !== null || record?.entry !== entry || this.toReload.has(key) || !this.shouldPublish(key)) {
        this.update(key);
        continue;
      }
      if (record.overdue === '[]') continue; // no pending action with a due date: nothing changes
      // Published for this entry (none in the collection: published without problems).
      const problems = this.shownFor(key).filter((diagnostic) => codeOf(diagnostic) !== actionOverdue.id);
      this.unsent.set(key, withOverdue(problems, JSON.parse(record.overdue) as CachedOverdue[], this.todayFor(entry)));
      this.sendTimer ??= setTimeout(() => this.sendUnsent(), 0);
      this.reloadCounts.overdueAtMidnight++;
    }
  }

  /** Today in the entry's time zone, which `checkDay` then watches for midnight. */
  private todayFor(entry: IndexedMeeting): string {
    const zone = entry.config.timezone;
    const today = todayIn(zone, this.clock());
    if (!this.days.has(zone)) this.days.set(zone, today);
    return today;
  }

  private update(key: string): void {
    const entry = this.store.index.get(key);
    const uri = vscode.Uri.parse(key);
    if (!entry || !this.shouldPublish(key)) {
      this.linted.delete(key);
      this.cacheable.delete(key);
      this.lintsAhead.delete(key);
      this.setPrevious(key, undefined);
      this.unsent.delete(key);
      // Each call is a message to VS Code: none for the thousands of files that have no problems shown.
      if (this.collection.has(uri)) this.collection.delete(uri);
      return;
    }
    // A file a scan reads is linted after the scan, when its previous meeting is surely indexed:
    // the tree fills sooner, and no file is linted twice. (Other changes meanwhile are linted now.)
    const meeting = this.store.announcingScanRead(key) ? undefined : this.store.modelOf(key);
    if (meeting) this.publish(entry, meeting);
    // A document just closed: the store reads its file again and announces it.
    else if (entry.version === null) this.reloadLater(key);
  }

  private publish(entry: IndexedMeeting, meeting: Meeting): void {
    this.toReload.delete(entry.key); // linted from its current model now
    this.lintsAhead.delete(entry.key); // a worker's answer for it is out of date
    const findings = this.lint(entry, meeting);
    if (entry.version !== null) {
      this.linted.set(entry.key, { entry, findings });
      this.cacheable.delete(entry.key);
    } else {
      this.linted.delete(entry.key);
      this.cacheable.set(entry.key, { entry, inputs: this.lintInputs(entry), overdue: JSON.stringify(overdueCandidatesOf(meeting, entry.config)) });
    }
    const diagnostics = findings.map((finding) => toDiagnostic(finding, meeting.lineStarts));
    if (entry.version !== null) {
      // The document being typed in: at once.
      this.unsent.delete(entry.key);
      this.collection.set(vscode.Uri.parse(entry.key), diagnostics);
    } else {
      // A scan publishes thousands of files: one message to VS Code per turn, not one per file.
      this.unsent.set(entry.key, diagnostics);
      this.sendTimer ??= setTimeout(() => this.sendUnsent(), 0);
    }
    this.publishConfigProblems();
  }

  /** A closed file whose findings may have changed (its previous meeting, the day, the lint scope). */
  private reloadLater(key: string): void {
    this.toReload.add(key);
    if (!this.reloading && !this.store.isScanning) void this.reloadQueued();
  }

  /** The queue after a scan: saved problems first (a warm start), then the latest meetings first. */
  private afterScan(): void {
    this.afterScanPending = false;
    if (this.toReload.size === 0) return;
    this.cachedProblemsFirst = (this.store.lastScan?.fromCache ?? 0) > 0;
    this.saveWhenShown = true;
    this.newestFirst();
    void this.reloadQueued();
  }

  /** Orders the reload queue by meeting date, latest first. */
  private newestFirst(): void {
    const keys = this.store.index.newestFirst(this.toReload);
    this.toReload.clear();
    for (const key of keys) this.toReload.add(key);
  }

  private async reloadQueued(): Promise<void> {
    this.reloading = true;
    this.progress.started();
    try {
      const takeTurn = takingTurns();
      if (this.cachedProblemsFirst) {
        this.cachedProblemsFirst = false;
        await this.showCachedProblems(takeTurn);
        if (this.disposed) return;
      }
      // The next few files are read while one is linted. The queue changes meanwhile (a file
      // published on its own leaves it, a neighbour's change adds one): `ahead` keeps only keys
      // still queued.
      const upcoming = this.toReload.values();
      const ahead = new Set<string>();
      for (const key of this.toReload) {
        // A scan began: its files wait for its end, and the queue is then ordered again.
        if (this.store.isScanning || this.afterScanPending) break;
        for (const other of ahead) if (!this.toReload.has(other)) ahead.delete(other);
        while (ahead.size < RELOAD_AHEAD) {
          const next = upcoming.next();
          if (next.done) break;
          if (this.startAhead(next.value)) ahead.add(next.value);
        }
        this.toReload.delete(key);
        const entry = this.store.index.get(key);
        if (!entry || !this.shouldPublish(key)) continue;
        const linted = await this.publishLintedAhead(key, entry);
        if (this.disposed) return;
        if (linted === 'changed') continue; // the change brought its own update
        if (linted === 'published') {
          this.reloadCounts.linted++;
          this.reloadCounts.lintedOnWorkers++;
        } else {
          const meeting = await this.store.loadMeeting(key);
          if (this.disposed) return;
          // Changed meanwhile (the change brought its own update), or no longer reported.
          if (meeting && this.store.index.get(key) === entry && this.shouldPublish(key)) {
            this.publish(entry, meeting);
            this.reloadCounts.linted++;
          }
        }
        this.progress.update();
        await takeTurn();
      }
      if (this.saveWhenShown && this.toReload.size === 0) {
        this.saveWhenShown = false;
        void this.store.saveCache(); // with the problems of every file, for the next start
      }
    } finally {
      this.reloading = false;
      this.progress.ended();
      this.store.dropPrefetched();
      this.lintsAhead.clear(); // what the workers still send back is not waited for
      if (this.afterScanPending && !this.disposed) this.afterScan();
    }
  }

  /** Sends a queued closed file to the engine workers, or starts reading it; false if neither is needed. */
  private startAhead(key: string): boolean {
    const entry = this.store.index.get(key);
    if (!entry || entry.version !== null || this.lintsAhead.has(key)) return false;
    const uri = vscode.Uri.parse(key);
    if (!this.workers?.usable || uri.scheme !== 'file' || this.store.modelOf(key)) return this.store.prefetch(key);
    const previous = this.previousMeeting(entry);
    const today = this.todayFor(entry);
    const locale = displayLocale();
    const outcome = this.workers.lint({
      fsPath: uri.fsPath,
      path: uri.path,
      config: entry.config,
      today,
      locale,
      nextMeetingDate: this.store.index.nextMeetingDate(entry.meeting.fields.series, entry.meeting.fields.date),
      previous: previous && { key: previous.key, summary: previous.meeting },
    });
    this.lintsAhead.set(key, { entry, previous, today, locale, outcome });
    return true;
  }

  /**
   * Publishes the problems a worker found for a queued file, if they are those of its current
   * entry: 'changed' if the file changed meanwhile, 'not-linted' if it is to be linted here (no
   * worker took it, it failed, or the previous meeting, the day or the language changed).
   */
  private async publishLintedAhead(key: string, entry: IndexedMeeting): Promise<'published' | 'changed' | 'not-linted'> {
    const ahead = this.lintsAhead.get(key);
    if (!ahead) return 'not-linted';
    this.lintsAhead.delete(key);
    // Sent for an older entry (changed, published, and queued again since): lint the current one.
    if (ahead.entry !== entry) return 'not-linted';
    const outcome = await ahead.outcome;
    if (this.disposed) return 'changed';
    // Changed while the worker had it: that change brought its own update.
    if (this.store.index.get(key) !== entry || !this.shouldPublish(key)) return 'changed';
    // A pool that stopped said so once; a file that failed on a working one is named.
    if (outcome.kind === 'failed' && this.workers?.usable) this.log.warn(`${vscode.Uri.parse(key).fsPath}: an engine worker failed (${outcome.reason}); linted on the extension host`);
    if (outcome.kind !== 'linted') return 'not-linted';
    if (this.previousMeeting(entry) !== ahead.previous || this.todayFor(entry) !== ahead.today || displayLocale() !== ahead.locale) return 'not-linted';
    for (const error of outcome.ruleErrors) this.log.error(`${vscode.Uri.parse(key).fsPath}: ${error}`);
    this.linted.delete(key);
    this.setPrevious(key, ahead.previous?.key ?? null);
    this.cacheable.set(key, { entry, inputs: this.lintInputs(entry, ahead.previous), overdue: JSON.stringify(outcome.overdue) });
    this.unsent.set(key, diagnosticsFrom(outcome.problems)); // linted for today: the overdue ones included
    this.sendTimer ??= setTimeout(() => this.sendUnsent(), 0);
    this.publishConfigProblems();
    return 'published';
  }

  /**
   * Shows the saved problems of each queued file whose text, configuration, display language and
   * previous meeting are those they were worked out with, and its overdue actions as of today;
   * such a file leaves the queue unread.
   */
  private async showCachedProblems(takeTurn: () => Promise<void>): Promise<void> {
    for await (const line of this.store.cachedProblems(takeTurn)) {
      if (this.disposed) return;
      const entry = this.toReload.has(line.key) ? this.store.index.get(line.key) : undefined;
      if (!entry || entry.version !== null || !this.shouldPublish(line.key)) continue;
      const previous = this.previousMeeting(entry);
      const inputs = this.lintInputs(entry, previous);
      const saved = inputs !== null && inputs === line.inputs ? decodeProblems(line) : null;
      if (!saved) continue;
      this.toReload.delete(line.key);
      this.setPrevious(line.key, previous?.key ?? null);
      this.cacheable.set(line.key, { entry, inputs, overdue: JSON.stringify(saved.overdue) });
      this.unsent.set(line.key, diagnosticsOn(saved, this.todayFor(entry)));
      this.sendTimer ??= setTimeout(() => this.sendUnsent(), 0);
      this.reloadCounts.fromCache++;
      this.progress.update();
    }
  }

  /**
   * A closed file's problems as the cache saves them, if they are those of its entry in the index:
   * all but the overdue ones, which are saved as candidates, to be worked out on the day.
   */
  private cachedFormOf(key: string): Pick<ProblemsLine, 'inputs' | 'problems' | 'overdue'> | null {
    const record = this.cacheable.get(key);
    if (!record || record.inputs === null || record.entry !== this.store.index.get(key)) return null;
    const problems = savedProblems(this.shownFor(key));
    return problems && { inputs: record.inputs, problems, overdue: JSON.parse(record.overdue) as CachedOverdue[] };
  }

  /** The problems last published for a file: not yet sent, or in VS Code's collection. */
  private shownFor(key: string): readonly vscode.Diagnostic[] {
    return this.unsent.get(key) ?? this.collection.get(vscode.Uri.parse(key)) ?? [];
  }

  /**
   * Files whose problems VS Code does not show yet: queued to be linted again (after a warm start,
   * every file listed from the cache), being linted, or linted and not yet sent.
   */
  get problemsPending(): number {
    return this.toReload.size + (this.reloading ? 1 : 0) + this.unsent.size;
  }

  private shouldPublish(key: string): boolean {
    if (this.scope === 'workspace') return true;
    return vscode.workspace.textDocuments.some((document) => document.uri.toString() === key && !document.isClosed);
  }

  publishConfigProblems(): void {
    for (const report of this.configs.problems()) {
      const lineStarts = computeLineStarts(report.text);
      this.configCollection.set(
        report.uri,
        report.problems.map((problem) => {
          const diagnostic = new vscode.Diagnostic(toRange(problem.span, lineStarts), configProblemMessage(problem, displayLocale()), vscode.DiagnosticSeverity.Error);
          diagnostic.source = DIAGNOSTIC_SOURCE;
          diagnostic.code = { value: 'config', target: vscode.Uri.parse(`${RULES_DOC}#config`) };
          return diagnostic;
        }),
      );
    }
  }

  private sendUnsent(): void {
    this.sendTimer = undefined;
    if (this.disposed) return;
    // Converting and sending a message of thousands of problems holds the extension host for
    // tens of milliseconds: a few hundred per message, the rest in the next turn.
    const entries: Array<[vscode.Uri, vscode.Diagnostic[]]> = [];
    let problems = 0;
    for (const [key, diagnostics] of this.unsent) {
      entries.push([vscode.Uri.parse(key), diagnostics]);
      this.unsent.delete(key);
      problems += Math.max(1, diagnostics.length); // a file without problems is still an entry
      if (problems >= PROBLEMS_PER_MESSAGE) break;
    }
    this.collection.set(entries);
    if (this.unsent.size > 0) this.sendTimer = setTimeout(() => this.sendUnsent(), 0);
  }

  dispose(): void {
    clearTimeout(this.sendTimer);
    this.disposed = true;
    this.disposables.forEach((disposable) => disposable.dispose());
  }
}

function lintScope(): string {
  return vscode.workspace.getConfiguration('meetings').get<string>('lint.scope', 'workspace');
}
