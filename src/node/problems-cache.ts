// The problems each file showed, saved next to the cache of the index (summary-cache.ts). A file's
// problems depend on its text and configuration, and on what it was linted with: the display
// language, the previous meeting of its series, and the day. Each line names the first ones, so
// that at the next start a file whose inputs are all unchanged shows its problems again without
// being read and linted. The day is read by one rule only, `action-overdue`: its problems are not
// saved, but its candidates (each pending action's due date, and where its problem would be), so
// that they are worked out again on the day the line is read.
import { isIsoDate, RULE_IDS } from '../core';
import { JsonLinesCache } from './json-lines';
import { stampFields, stampFrom, type FileStamp } from './summary-cache';

const FORMAT = 1;

/** One problem as the editor showed it: its range (0-based lines and UTF-16 columns), severity, rule and message. */
export type CachedProblem = [startLine: number, startCharacter: number, endLine: number, endCharacter: number, severity: number, rule: string, message: string];

/** An `action-overdue` candidate: the range and severity of its problem, and the due date after which it is one. */
export type CachedOverdue = [startLine: number, startCharacter: number, endLine: number, endCharacter: number, severity: number, due: string];

export interface ProblemsLine {
  key: string;
  stamp: FileStamp;
  /** `configFingerprint` of the configuration the file was linted with. */
  config: string;
  /** What else the problems depend on (see DiagnosticsController.lintInputs), as one string. */
  inputs: string;
  /** The problems, but for those of `action-overdue`. */
  problems: CachedProblem[];
  overdue: CachedOverdue[];
}

/** A line as read: its problems still to be checked by `decodeProblems`, and only if they will be used. */
export type StoredProblems = Omit<ProblemsLine, 'problems' | 'overdue'> & { problems: unknown; overdue: unknown };

/** The cache of problems: one line per file, `[key, size, mtimeMs, ctimeMs, ino, config, inputs, problems, overdue]`. */
export class ProblemsCache extends JsonLinesCache<ProblemsLine, StoredProblems> {
  constructor(file: string, engine: string) {
    super(file, engine, {
      format: FORMAT,
      row: ({ key, stamp, config, inputs, problems, overdue }) => [key, ...stampFields(stamp), config, inputs, problems, overdue],
      read: storedLine,
    });
  }
}

function storedLine(value: unknown): StoredProblems | null {
  if (!Array.isArray(value) || value.length !== 9) return null;
  const [key, size, mtimeMs, ctimeMs, ino, config, inputs, problems, overdue] = value as unknown[];
  const stamp = stampFrom(size, mtimeMs, ctimeMs, ino);
  if (typeof key !== 'string' || typeof config !== 'string' || typeof inputs !== 'string' || !stamp) return null;
  return { key, stamp, config, inputs, problems, overdue };
}

const KNOWN_RULES = new Set(RULE_IDS);

/** The problems and overdue candidates of a line, every value checked; null when any is not what `save` writes. */
export function decodeProblems(line: Pick<StoredProblems, 'problems' | 'overdue'>): Pick<ProblemsLine, 'problems' | 'overdue'> | null {
  const { problems, overdue } = line;
  if (!Array.isArray(problems) || !Array.isArray(overdue)) return null;
  for (const problem of problems as unknown[]) if (!isProblem(problem)) return null;
  for (const candidate of overdue as unknown[]) if (!isOverdue(candidate)) return null;
  return { problems: problems as CachedProblem[], overdue: overdue as CachedOverdue[] };
}

function isProblem(value: unknown): value is CachedProblem {
  if (!Array.isArray(value) || value.length !== 7) return false;
  const [rule, message] = value.slice(5) as unknown[];
  return isRangeAndSeverity(value) && typeof rule === 'string' && KNOWN_RULES.has(rule) && typeof message === 'string';
}

function isOverdue(value: unknown): value is CachedOverdue {
  if (!Array.isArray(value) || value.length !== 6) return false;
  const due = value[5] as unknown;
  return isRangeAndSeverity(value) && typeof due === 'string' && isIsoDate(due);
}

/** The first five values: a range that does not end before it starts, and a severity (0–3). */
function isRangeAndSeverity(value: unknown[]): boolean {
  const [startLine, startCharacter, endLine, endCharacter, severity] = value;
  if (![startLine, startCharacter, endLine, endCharacter, severity].every(isCount)) return false;
  const [fromLine, fromCharacter, toLine, toCharacter] = value as number[];
  return (toLine! > fromLine! || (toLine === fromLine && toCharacter! >= fromCharacter!)) && (severity as number) <= 3;
}

function isCount(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0;
}
