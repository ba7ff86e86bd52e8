// `meetings report FILE`: the minutes digest of one meeting, in Markdown or self-contained HTML,
// in the meeting's language, with the follow-up of the previous meeting of its series.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildMinutes, renderMinutesHtml, renderMinutesMarkdown } from '../core';
import { ConfigLoader } from '../node/config-loader';
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
  try {
    writeFileSync(resolve(io.cwd, output), text);
  } catch (error) {
    io.stderr(`meetings: ${output}: cannot write the report: ${(error as Error).message}\n`);
    return 2;
  }
  return 0;
}
