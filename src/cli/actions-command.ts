// `meetings actions`: the open work of every meeting file, filtered and exported.
import { dirname, join } from 'node:path';
import { carriedForward, configProblemMessage, followedAction, isIsoDate, type ResolvedConfig } from '../core';
import { PeopleIndex } from '../core/people';
import { ConfigLoader } from '../node/config-loader';
import { buildStamp } from '../node/build-stamp';
import { buildIndex, configPathsFor, engineFingerprint } from '../node/index-builder';
import { actionKey, type ActionRecord, type IndexRecord } from '../node/index-record';
import { displayPath } from '../node/paths';
import { reasonText } from '../node/file-reason';
import { findMarkdownFiles } from '../node/walk';
import { oneOf, parseArgs, UsageError } from './args';
import { localeFor, readLocale, readToday, todayFor, type Io } from './context';
import { formatActions, type ActionsFormat } from './format-actions';
import type { ActionRow } from './rows';
import { VERSION } from './version';

export async function runActions(argv: readonly string[], io: Io): Promise<number> {
  const args = parseArgs(argv, {
    values: ['--format', '--today', '--owner', '--due-before', '--locale'],
    switches: ['--all', '--overdue', '--no-color', '--color', '--events', '--no-cache'],
  });
  const format = oneOf<ActionsFormat>('--format', args.values.get('--format'), ['table', 'json', 'csv', 'markdown', 'ics'], 'table');
  if (args.switches.has('--events') && format !== 'ics') throw new UsageError('--events needs --format ics');
  const todayFlag = readToday(args.values.get('--today'));
  const localeFlag = readLocale(args.values.get('--locale'));
  const dueBefore = args.values.get('--due-before');
  if (dueBefore !== undefined && !isIsoDate(dueBefore)) throw new UsageError(`--due-before must be a date as YYYY-MM-DD (got "${dueBefore}")`);
  const owner = args.values.get('--owner');

  const files = findMarkdownFiles(args.positional.length > 0 ? args.positional : ['.'], io.cwd);
  // The index: unchanged files come from the disk cache; the rest are parsed (on workers when many).
  const index = await buildIndex(files, io.cwd, {
    cache: !args.switches.has('--no-cache'),
    engine: engineFingerprint(`${VERSION}:${buildStamp()}`, configPathsFor(files)),
    workerScript: join(__dirname, 'index-worker.cjs'),
    cacheDir: io.env.MEETINGS_CACHE_DIR || undefined,
  });
  const configs = new ConfigLoader();
  const cwdConfig = configs.configFor(io.cwd);
  const locale = localeFor(localeFlag, cwdConfig, io.env);
  const rows: ActionRow[] = [];
  let ioFailure = false;
  for (const problem of index.unreadable) {
    io.stderr(`meetings: ${displayPath(problem.path, io.cwd)}: ${reasonText(problem.reason, locale)}\n`);
    ioFailure = true;
  }
  // An open action the next meeting of its series follows up (carries, closes, or closes with its
  // parent) is listed there, not twice: the editor's tree does the same.
  const carried = carriedForward(
    index.records
      .filter((record) => record.isMeeting)
      .map((record) => ({ key: record.path, series: record.series, date: record.date, actions: record.actions.map((a) => followedAction(a.id, actionKey(a), a.parent, a.status)) })),
  );
  for (const record of index.records) {
    if (!record.isMeeting) continue;
    const config = configs.configFor(dirname(record.path));
    const today = todayFor(todayFlag, config, io);
    const wantedOwner = owner === undefined ? null : new PeopleIndex([], config.people).canonicalName(owner).toLowerCase();
    for (const [position, action] of record.actions.entries()) {
      const pending = action.status === 'open' || action.status === 'in-progress';
      if (!args.switches.has('--all') && (!pending || carried.has(`${record.path}#${position}`))) continue;
      if (wantedOwner !== null && !action.owners.some((name) => name.toLowerCase() === wantedOwner)) continue;
      if (args.switches.has('--overdue') && !(pending && action.due !== null && action.due < today)) continue;
      if (dueBefore !== undefined && !(action.due !== null && action.due < dueBefore)) continue;
      rows.push(actionRow(action, record, displayPath(record.path, io.cwd), config));
    }
  }
  for (const config of configs.files) {
    for (const problem of config.problems) io.stderr(`meetings: ${displayPath(config.path, io.cwd)}: ${configProblemMessage(problem, locale)}\n`);
  }
  // People read a table by what is due first; exports keep file order for stable diffs.
  if (format === 'table') rows.sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999'));
  const color = args.switches.has('--color') || (io.color && !args.switches.has('--no-color'));
  io.stdout(
    formatActions(rows, format, { color, today: todayFor(todayFlag, cwdConfig, io), locale, now: io.now(), events: args.switches.has('--events') }),
  );
  return ioFailure ? 2 : 0;
}

export function actionRow(action: ActionRecord, record: IndexRecord, file: string, config?: ResolvedConfig): ActionRow {
  const emails = new Map((config?.people ?? []).filter((person) => person.email).map((person) => [person.name, person.email!]));
  return {
    file,
    line: action.line + 1,
    text: action.text,
    owners: action.owners,
    due: action.due,
    status: action.status,
    priority: action.priority,
    meeting: { title: record.title, date: record.date, series: record.series, type: record.type },
    label: action.title,
    uidSeed: action.id ? `id:${action.id}` : `text:${actionKey(action)}`,
    ownerEmails: action.owners.map((name) => emails.get(name) ?? null),
  };
}
