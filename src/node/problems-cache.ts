// The problems each file showed, saved next to the cache of the index (summary-cache.ts). A file's
// problems depend on its text and configuration, and on what it was linted with: the day, the
// display language, the date of the next meeting of its series and the previous meeting itself.
// Each line names all of these, so that at the next start a file whose inputs are all unchanged
// shows its problems again without being read and linted.
import { isIsoDate, RULE_IDS } from '../core';
import { readJsonLines, writeJsonLines, type JsonLinesFile } from './json-lines';
import { stampFields, stampFrom, type FileStamp } from './summary-cache';

const FORMAT = 1;

/** One problem as the editor showed it: its range (0-based lines and UTF-16 columns), severity, rule and message. */
export type CachedProblem = [startLine: number, startCharacter: number, endLine: number, endCharacter: number, severity: number, rule: string, message: string];

export interface ProblemsLine {
  key: string;
  stamp: FileStamp;
  /** `configFingerprint` of the configuration the file was linted with. */
  config: string;
  /** What else the problems depend on (see DiagnosticsController.lintInputs), as one string. */
  inputs: string;
  /** The days on which the problems hold (`YYYY-MM-DD`, inclusive; '' for no bound): see `sameFindingsDays`. */
  days: [from: string, until: string];
  problems: CachedProblem[];
}

/** A line as read: its problems still to be checked by `decodeProblems`, and only if they will be used. */
export type StoredProblems = Omit<ProblemsLine, 'problems'> & { problems: unknown };

export class ProblemsCache {
  constructor(
    readonly file: string,
    private readonly engine: string,
  ) {}

  /** The saved lines in order, a line at a time (`takeTurn` between lines); none without a usable file. */
  async *entries(takeTurn: () => Promise<void>): AsyncGenerator<StoredProblems> {
    for await (const value of readJsonLines(this.layout(), takeTurn)) {
      const line = storedLine(value);
      if (line) yield line;
    }
  }

  async save(lines: Iterable<ProblemsLine>, takeTurn: () => Promise<void>): Promise<void> {
    await writeJsonLines(this.layout(), rows(lines), takeTurn);
  }

  private layout(): JsonLinesFile {
    return { file: this.file, format: FORMAT, engine: this.engine };
  }
}

function* rows(lines: Iterable<ProblemsLine>): Generator<unknown[]> {
  for (const { key, stamp, config, inputs, days, problems } of lines) yield [key, ...stampFields(stamp), config, inputs, days[0], days[1], problems];
}

function storedLine(value: unknown): StoredProblems | null {
  if (!Array.isArray(value) || value.length !== 10) return null;
  const [key, size, mtimeMs, ctimeMs, ino, config, inputs, from, until, problems] = value as unknown[];
  const stamp = stampFrom(size, mtimeMs, ctimeMs, ino);
  if (typeof key !== 'string' || typeof config !== 'string' || typeof inputs !== 'string' || !stamp) return null;
  if (!isDayBound(from) || !isDayBound(until)) return null;
  return { key, stamp, config, inputs, days: [from, until], problems };
}

function isDayBound(value: unknown): value is string {
  return value === '' || (typeof value === 'string' && isIsoDate(value));
}

/** Whether `day` lies within the days a line's problems hold on. */
export function holdsOn([from, until]: readonly [string, string], day: string): boolean {
  return (from === '' || day >= from) && (until === '' || day <= until);
}

const KNOWN_RULES = new Set(RULE_IDS);

/** The problems of a line, every value checked; null when any is not what `save` writes. */
export function decodeProblems(value: unknown): CachedProblem[] | null {
  if (!Array.isArray(value)) return null;
  for (const problem of value as unknown[]) if (!isProblem(problem)) return null;
  return value as CachedProblem[];
}

function isProblem(value: unknown): value is CachedProblem {
  if (!Array.isArray(value) || value.length !== 7) return false;
  const [startLine, startCharacter, endLine, endCharacter, severity, rule, message] = value as unknown[];
  if (![startLine, startCharacter, endLine, endCharacter].every(isCount)) return false;
  const [fromLine, fromCharacter, toLine, toCharacter] = [startLine, startCharacter, endLine, endCharacter] as number[];
  if (toLine! < fromLine! || (toLine === fromLine && toCharacter! < fromCharacter!)) return false;
  return isCount(severity) && severity <= 3 && typeof rule === 'string' && KNOWN_RULES.has(rule) && typeof message === 'string';
}

function isCount(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0;
}
