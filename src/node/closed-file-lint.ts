// A closed file's problems in the form the problems cache keeps: every problem but the overdue
// ones, with ranges as lines and characters, and the overdue candidates, worked out for the day
// when shown. No vscode here: a worker thread lints closed files this way, off the extension host.
import { readFileSync } from 'node:fs';
import {
  actionOverdue,
  lintMeeting,
  overdueCandidates,
  parseMeeting,
  positionOf,
  severityOf,
  withoutSuppressed,
  type Finding,
  type Locale,
  type Meeting,
  type MeetingSummary,
  type ResolvedConfig,
  type Span,
} from '../core';
import { decodeText } from './encoding';
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
  | { kind: 'linted'; problems: CachedProblem[]; overdue: CachedOverdue[]; ruleErrors: string[] }
  | { kind: 'unreadable'; reason: string };

/** Reads, parses and lints a file as the editor lints a closed one. */
export function lintClosedFile(job: ClosedFileJob): ClosedFileProblems {
  let bytes: Buffer;
  try {
    bytes = readFileSync(job.fsPath);
  } catch (error) {
    return { kind: 'unreadable', reason: error instanceof Error ? error.message : String(error) };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { kind: 'unreadable', reason: decoded.reason };
  const meeting = parseMeeting(decoded.text, { config: job.config, path: job.path });
  const ruleErrors: string[] = [];
  const findings = lintMeeting(meeting, {
    config: job.config,
    today: job.today,
    locale: job.locale,
    nextMeetingDate: job.nextMeetingDate,
    previousMeeting: job.previous && { key: job.previous.key, meeting: job.previous.summary },
    onRuleError: (rule, error) => ruleErrors.push(`rule ${rule} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
  });
  return { kind: 'linted', ...cachedFormOf(findings, meeting, job.config), ruleErrors };
}

/** Findings as the problems cache keeps them (see the top of this file). */
export function cachedFormOf(findings: readonly Finding[], meeting: Meeting, config: ResolvedConfig): { problems: CachedProblem[]; overdue: CachedOverdue[] } {
  const problems: CachedProblem[] = [];
  for (const finding of findings) {
    if (finding.rule === actionOverdue.id) continue;
    problems.push([...rangeOf(finding.span, meeting.lineStarts), DIAGNOSTIC_SEVERITY[finding.severity], finding.rule, finding.message]);
  }
  return { problems, overdue: overdueCandidatesOf(meeting, config) };
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
