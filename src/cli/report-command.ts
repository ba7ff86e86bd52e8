// `meetings report FILE`: the minutes digest of one meeting, in Markdown or self-contained HTML,
// in the meeting's language, with the follow-up of the previous meeting of its series.
import { statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildMinutes, message, positionOf, renderMinutesHtml, renderMinutesMarkdown } from '../core';
import { ConfigLoader } from '../node/config-loader';
import { loadFile } from '../node/meeting-files';
import { MeetingPool } from '../node/meeting-pool';
import { displayPath } from '../node/paths';
import { fsErrorReason, reasonText } from '../node/file-reason';
import { findMarkdownFiles } from '../node/walk';
import { oneOf, parseArgs, UsageError } from './args';
import { localeFor, readLocale, type Io } from './context';

export function runReport(argv: readonly string[], io: Io): number {
  const args = parseArgs(argv, { values: ['--format', '--output', '--locale'], switches: [] });
  const format = oneOf<'markdown' | 'html'>('--format', args.values.get('--format'), ['markdown', 'html'], 'markdown');
  const locale = readLocale(args.values.get('--locale'));
  if (args.positional.length !== 1) throw new UsageError('give exactly one meeting file');
  const given = args.positional[0]!;
  const [path] = findMarkdownFiles([given], io.cwd);
  if (!path || path !== resolve(io.cwd, given)) throw new UsageError(`${given} is a folder: give one meeting file`);
  const configs = new ConfigLoader();
  const pool = new MeetingPool(configs, [path], [given], io.cwd);
  const loaded = pool.load(path);
  // Messages in the user's language (the minutes themselves are in the meeting's).
  const userLocale = localeFor(locale, configs.configFor(io.cwd), io.env);
  if (loaded.kind === 'unreadable') {
    io.stderr(`meetings: ${displayPath(path, io.cwd)}: ${reasonText(loaded.reason, userLocale)}\n`);
    return 2;
  }
  if (loaded.kind === 'skipped') {
    io.stderr(`meetings: ${displayPath(path, io.cwd)}: ${message(userLocale, 'report.not-meeting')}\n`);
    return 2;
  }
  // The minutes are still written, but without the frontmatter's title, date and attendees.
  // (YAML warnings alone leave the fields read: only a frontmatter that could not be read counts)
  const { frontmatter } = loaded.meeting;
  const broken = frontmatter !== null && frontmatter.data === null;
  if (broken) {
    const line = positionOf(loaded.meeting.lineStarts, frontmatter.yamlProblems[0]?.span.start ?? 0).line + 1;
    io.stderr(`meetings: ${displayPath(path, io.cwd)}:${line}: ${message(userLocale, 'report.broken-frontmatter')}\n`);
  }
  const previous = pool.previousOf(path, loaded.meeting);
  const digest = buildMinutes(loaded.meeting, { key: path, config: loaded.config, previous, locale });
  const text = format === 'html' ? renderMinutesHtml(digest) : renderMinutesMarkdown(digest);
  const output = args.values.get('--output');
  const written = broken ? 1 : 0;
  if (output === undefined) {
    io.stdout(text);
    return written;
  }
  const target = resolve(io.cwd, output);
  const notes = meetingNotesAt(target, path, configs);
  if (notes) {
    io.stderr(`meetings: ${output}: ${message(userLocale, notes)}\n`);
    return 2;
  }
  try {
    writeFileSync(target, text);
  } catch (error) {
    io.stderr(`meetings: ${output}: ${message(userLocale, 'file.cannot-write-report', { reason: reasonText(fsErrorReason(error), userLocale) })}\n`);
    return 2;
  }
  return written;
}

/** The first line of the Markdown minutes, in either language (see renderMinutesMarkdown). */
const EARLIER_REPORT = /^# (?:Minutes: |会议纪要：)/u;

/**
 * Why the report must not be written to `target`: it is the meeting file itself (by any path or
 * link) or another meeting's notes. Null for a new file or an earlier report.
 */
function meetingNotesAt(target: string, meetingPath: string, configs: ConfigLoader): 'report.output-is-meeting' | 'report.output-is-notes' | null {
  let stats;
  try {
    stats = statSync(target);
  } catch {
    return null; // nothing there yet (or not reachable: the write will say why)
  }
  const meeting = statSync(meetingPath);
  if (stats.dev === meeting.dev && stats.ino === meeting.ino) return 'report.output-is-meeting';
  if (!stats.isFile()) return null;
  const loaded = loadFile(target, configs);
  // An earlier report may count as a meeting where an include glob makes every note one.
  return loaded.kind === 'meeting' && !EARLIER_REPORT.test(loaded.meeting.text) ? 'report.output-is-notes' : null;
}
