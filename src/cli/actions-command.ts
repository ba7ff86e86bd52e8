// `meetings actions`: the open work of every meeting file, filtered and exported.
import { configProblemMessage, isIsoDate, type Action, type Meeting } from '../core';
import { PeopleIndex } from '../core/people';
import { ConfigLoader } from '../node/config-loader';
import { loadFile } from '../node/meeting-files';
import { displayPath } from '../node/paths';
import { findMarkdownFiles } from '../node/walk';
import { oneOf, parseArgs, UsageError } from './args';
import { localeFor, readLocale, readToday, todayFor, type Io } from './context';
import { formatActions, type ActionsFormat } from './format-actions';
import type { ActionRow } from './rows';

export function runActions(argv: readonly string[], io: Io): number {
  const args = parseArgs(argv, {
    values: ['--format', '--today', '--owner', '--due-before', '--locale'],
    switches: ['--all', '--overdue', '--no-color', '--color'],
  });
  const format = oneOf<ActionsFormat>('--format', args.values.get('--format'), ['table', 'json', 'csv', 'markdown'], 'table');
  const todayFlag = readToday(args.values.get('--today'));
  const localeFlag = readLocale(args.values.get('--locale'));
  const dueBefore = args.values.get('--due-before');
  if (dueBefore !== undefined && !isIsoDate(dueBefore)) throw new UsageError(`--due-before must be a date as YYYY-MM-DD (got "${dueBefore}")`);
  const owner = args.values.get('--owner');

  const files = findMarkdownFiles(args.positional.length > 0 ? args.positional : ['.'], io.cwd);
  const configs = new ConfigLoader();
  const rows: ActionRow[] = [];
  let ioFailure = false;
  for (const path of files) {
    const loaded = loadFile(path, configs);
    if (loaded.kind === 'unreadable') {
      io.stderr(`meetings: ${displayPath(path, io.cwd)}: ${loaded.reason}\n`);
      ioFailure = true;
      continue;
    }
    if (loaded.kind === 'skipped') continue;
    const today = todayFor(todayFlag, loaded.config, io);
    const wantedOwner = owner === undefined ? null : new PeopleIndex([], loaded.config.people).canonicalName(owner).toLowerCase();
    for (const action of loaded.meeting.actions) {
      const pending = action.status === 'open' || action.status === 'in-progress';
      if (!args.switches.has('--all') && !pending) continue;
      if (wantedOwner !== null && !action.owners.some((o) => o.name.toLowerCase() === wantedOwner || o.written.toLowerCase() === wantedOwner)) continue;
      const due = action.due?.date ?? null;
      if (args.switches.has('--overdue') && !(pending && due !== null && due < today)) continue;
      if (dueBefore !== undefined && !(due !== null && due < dueBefore)) continue;
      rows.push(actionRow(action, loaded.meeting, displayPath(path, io.cwd)));
    }
  }
  const cwdConfig = configs.configFor(io.cwd);
  const locale = localeFor(localeFlag, cwdConfig, io.env);
  for (const config of configs.files) {
    for (const problem of config.problems) io.stderr(`meetings: ${displayPath(config.path, io.cwd)}: ${configProblemMessage(problem, locale)}\n`);
  }
  // People read a table by what is due first; exports keep file order for stable diffs.
  if (format === 'table') rows.sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999'));
  const color = args.switches.has('--color') || (io.color && !args.switches.has('--no-color'));
  io.stdout(
    formatActions(rows, format, { color, today: todayFor(todayFlag, cwdConfig, io), locale }),
  );
  return ioFailure ? 2 : 0;
}

export function actionRow(action: Action, meeting: Meeting, file: string): ActionRow {
  return {
    file,
    line: action.line + 1,
    text: action.text,
    owners: action.owners.map((owner) => owner.name),
    due: action.due?.date ?? null,
    status: action.status,
    priority: action.priority,
    meeting: { title: meeting.fields.title, date: meeting.fields.date, series: meeting.fields.series, type: meeting.fields.type },
  };
}
