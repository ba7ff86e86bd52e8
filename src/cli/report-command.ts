// `meetings report FILE`: the minutes digest of one meeting, in Markdown or self-contained HTML,
// in the meeting's language, with the follow-up of the previous meeting of its series.
import { statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildMinutes, renderMinutesHtml, renderMinutesMarkdown } from '../core';
import { ConfigLoader } from '../node/config-loader';
import { loadFile } from '../node/meeting-files';
import { MeetingPool } from '../node/meeting-pool';
import { displayPath } from '../node/paths';
import { findMarkdownFiles } from '../node/walk';
import { oneOf, parseArgs, UsageError } from './args';
import { readLocale, type Io } from './context';

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
  if (loaded.kind === 'unreadable') {
    io.stderr(`meetings: ${displayPath(path, io.cwd)}: ${loaded.reason}\n`);
    return 2;
  }
  if (loaded.kind === 'skipped') {
    io.stderr(`meetings: ${displayPath(path, io.cwd)}: not a meeting file (no attendees in its frontmatter, or excluded)\n`);
    return 2;
  }
  const previous = pool.previousOf(path, loaded.meeting);
  const digest = buildMinutes(loaded.meeting, { key: path, config: loaded.config, previous, locale });
  const text = format === 'html' ? renderMinutesHtml(digest) : renderMinutesMarkdown(digest);
  const output = args.values.get('--output');
  if (output === undefined) {
    io.stdout(text);
    return 0;
  }
  const target = resolve(io.cwd, output);
  const notes = meetingNotesAt(target, path, configs);
  if (notes) throw new UsageError(`${output} ${notes}: the report would replace it; give another --output`);
  try {
    writeFileSync(target, text);
  } catch (error) {
    io.stderr(`meetings: ${output}: cannot write the report: ${(error as Error).message}\n`);
    return 2;
  }
  return 0;
}

/**
 * Why the report must not be written to `target`: it is the meeting file itself (by any path or
 * link) or another meeting's notes. Null for a new file or an earlier report.
 */
function meetingNotesAt(target: string, meetingPath: string, configs: ConfigLoader): string | null {
  let stats;
  try {
    stats = statSync(target);
  } catch {
    return null; // nothing there yet (or not reachable: the write will say why)
  }
  const meeting = statSync(meetingPath);
  if (stats.dev === meeting.dev && stats.ino === meeting.ino) return 'is the meeting file itself';
  return stats.isFile() && loadFile(target, configs).kind === 'meeting' ? "is a meeting's notes" : null;
}
