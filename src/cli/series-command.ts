// `meetings series NAME`: the follow-up record of a series, meeting by meeting: how many actions
// each opened, closed and carried, and which open actions of the previous meeting it dropped.
import { seriesRecord } from '../core';
import { ConfigLoader } from '../node/config-loader';
import { MeetingPool } from '../node/meeting-pool';
import { displayPath } from '../node/paths';
import { reasonText } from '../node/file-reason';
import { findMarkdownFiles } from '../node/walk';
import { oneOf, parseArgs } from './args';
import { localeFor, readLocale, type Io } from './context';
import { formatSeries, formatSeriesList, type SeriesFormat, type SeriesListRow } from './format-series';

export function runSeries(argv: readonly string[], io: Io): number {
  const args = parseArgs(argv, { values: ['--format', '--locale'], switches: ['--list'] });
  const format = oneOf<SeriesFormat>('--format', args.values.get('--format'), ['table', 'json', 'markdown'], 'table');
  const localeFlag = readLocale(args.values.get('--locale'));
  const listing = args.switches.has('--list') || args.positional.length === 0;
  const name = listing ? null : args.positional[0]!;
  const given = listing ? args.positional : args.positional.slice(1);
  const paths = given.length > 0 ? given : ['.'];
  const files = findMarkdownFiles(paths, io.cwd);
  const configs = new ConfigLoader();
  const pool = new MeetingPool(configs, files, paths, io.cwd);
  const locale = localeFor(localeFlag, configs.configFor(io.cwd), io.env);
  let ioFailure = false;
  for (const path of files) {
    const loaded = pool.load(path);
    if (loaded.kind === 'unreadable') {
      io.stderr(`meetings: ${displayPath(path, io.cwd)}: ${reasonText(loaded.reason, locale)}\n`);
      ioFailure = true;
    }
  }
  const entries = pool.seriesEntries();
  const names = [...new Set(entries.map((entry) => entry.meeting.fields.series).filter((series): series is string => !!series))].sort();
  if (name === null) {
    const rows: SeriesListRow[] = names.map((series) => {
      const steps = seriesRecord(entries.filter((entry) => entry.meeting.fields.series === series));
      const dated = steps.map((step) => step.entry.meeting.fields.date).filter((date): date is string => !!date);
      return {
        series,
        meetings: steps.length,
        first: dated[0] ?? null,
        last: dated.at(-1) ?? null,
        open: steps.at(-1)?.open ?? 0,
        dropped: steps.reduce((sum, step) => sum + step.dropped.length, 0),
      };
    });
    io.stdout(formatSeriesList(rows, format, locale));
    return ioFailure ? 2 : 0;
  }
  const members = entries.filter((entry) => entry.meeting.fields.series === name);
  if (members.length === 0) {
    io.stderr(`meetings: no meetings of the series "${name}" under ${paths.join(', ')}${names.length > 0 ? ` (series found: ${names.join(', ')})` : ''}\n`);
    return 2;
  }
  io.stdout(formatSeries(name, seriesRecord(members), format, { locale, display: (key) => displayPath(key, io.cwd) }));
  return ioFailure ? 2 : 0;
}
