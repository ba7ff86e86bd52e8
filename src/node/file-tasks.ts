// What the editor's engine does with one file on disk, as data a worker thread can send back: its
// summary for the index (a scan), and its problems (a closed file), with ranges as lines and
// characters as the problems cache keeps them, and the overdue candidates the cache keeps instead
// of the overdue problems. No vscode here: the engine workers run these off the extension host.
import { readFileSync } from 'node:fs';
import {
  actionOverdue,
  detachedSummary,
  encodeSummary,
  lintMeeting,
  overdueCandidates,
  parseMeeting,
  positionOf,
  severityOf,
  withoutSuppressed,
  type EncodedSummary,
  type Locale,
  type Meeting,
  type MeetingSummary,
  type ResolvedConfig,
  type Span,
} from '../core';
import { decodeText, type Undecodable } from './encoding';
import type { CachedOverdue, CachedProblem } from './problems-cache';

/** VS Code's `DiagnosticSeverity` values, as the problems cache stores them. */
export const DIAGNOSTIC_SEVERITY = { error: 0, warning: 1, info: 2 } as const;

export interface ClosedFileJob {
  /** The file on disk. */
  fsPath: string;
  /** The path the configuration's globs are matched against (`/`-separated). */
  path: string;
  config: ResolvedConfig;
  today: string;
  locale: Locale;
  nextMeetingDate: string | null;
  /** The previous meeting of the series, for `carry-over`. */
  previous: { key: string; summary: MeetingSummary } | null;
}

export type ClosedFileProblems =
  | {
      kind: 'linted';
      /** Every problem, the overdue ones included (linted for the job's day), in the order `lintMeeting` gives them. */
      problems: CachedProblem[];
      /** What the problems cache keeps of the overdue ones. */
      overdue: CachedOverdue[];
      ruleErrors: string[];
    }
  | Unreadable;

export interface SummaryJob {
  fsPath: string;
  path: string;
  config: ResolvedConfig;
}

export type FileSummary = { kind: 'summarised'; summary: EncodedSummary } | Unreadable;

/** Not read: gone or not allowed (`message` says why), a binary file, or not UTF-8 text. */
export type Unreadable = { kind: 'unreadable'; reason: Undecodable | 'unreadable'; message?: string };

/** Reads and parses a file as a scan does, and encodes its summary as the editor keeps a closed file's. */
export function summariseFile(job: SummaryJob): FileSummary {
  const read = readMeeting(job);
  // Detached, as the editor keeps a closed file's summary: a closed action's text is its label.
  return read.kind === 'unreadable' ? read : { kind: 'summarised', summary: encodeSummary(detachedSummary(read.meeting)) };
}

/** Reads, parses and lints a file as the editor lints a closed one. */
export function lintClosedFile(job: ClosedFileJob): ClosedFileProblems {
  const read = readMeeting(job);
  if (read.kind === 'unreadable') return read;
  const { meeting } = read;
  const ruleErrors: string[] = [];
  const findings = lintMeeting(meeting, {
    config: job.config,
    today: job.today,
    locale: job.locale,
    nextMeetingDate: job.nextMeetingDate,
    previousMeeting: job.previous && { key: job.previous.key, meeting: job.previous.summary },
    onRuleError: (rule, error) => ruleErrors.push(`rule ${rule} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  });
  const problems = findings.map((finding): CachedProblem => [...rangeOf(finding.span, meeting.lineStarts), DIAGNOSTIC_SEVERITY[finding.severity], finding.rule, finding.message]);
  return { kind: 'linted', problems, overdue: overdueCandidatesOf(meeting, job.config), ruleErrors };
}

/**
 * The `action-overdue` candidates of a meeting that `lintMeeting` would report on: those not
 * suppressed, none when the rule is off.
 */
export function overdueCandidatesOf(meeting: Meeting, config: ResolvedConfig): CachedOverdue[] {
  const severity = severityOf(actionOverdue, config);
  if (severity === 'off') return [];
  const candidates = overdueCandidates(meeting).map(({ at, due }) => ({ rule: actionOverdue.id, span: at, due }));
  return withoutSuppressed(candidates, meeting).map(({ span, due }) => [...rangeOf(span, meeting.lineStarts), DIAGNOSTIC_SEVERITY[severity], due]);
}

function rangeOf(span: Span, lineStarts: readonly number[]): [number, number, number, number] {
  const start = positionOf(lineStarts, span.start);
  const end = positionOf(lineStarts, span.end);
  return [start.line, start.character, end.line, end.character];
}

function readMeeting(job: { fsPath: string; path: string; config: ResolvedConfig }): { kind: 'read'; meeting: Meeting } | Unreadable {
  let bytes: Buffer;
  try {
    bytes = readFileSync(job.fsPath);
  } catch (error) {
    return { kind: 'unreadable', reason: 'unreadable', message: error instanceof Error ? error.message : String(error) };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { kind: 'unreadable', reason: decoded.reason };
  return { kind: 'read', meeting: parseMeeting(decoded.text, { config: job.config, path: job.path }) };
}
