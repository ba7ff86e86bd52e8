// `meetings new`: a meeting file from a template, at the configured path, with the frontmatter
// filled in from the series' last meeting and that meeting's open actions carried over. The same
// core functions as the editor's "New Meeting" command; this file only reads and writes files.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  checkPathPattern,
  countedMessage,
  DEFAULT_PATH_PATTERN,
  expandPathPattern,
  message,
  patternProblemMessage,
  previousMeetingOf,
  readDateExpression,
  renderNewMeeting,
  TEMPLATE_FOLDER,
  teamTemplate,
  templateChoices,
  templateDefaults,
  withCounter,
  type Locale,
  type MeetingTemplate,
  type Meeting,
  type SeriesEntry,
  meetingLanguage,
} from '../core';
import { ConfigLoader } from '../node/config-loader';
import { loadFile } from '../node/meeting-files';
import { displayPath, toPosix } from '../node/paths';
import { fsErrorReason, reasonText } from '../node/file-reason';
import { findMarkdownFiles, PathError } from '../node/walk';
import { parseArgs, UsageError } from './args';
import { localeFor, readLocale, readToday, todayFor, type Io } from './context';

export function runNew(argv: readonly string[], io: Io): number {
  const args = parseArgs(argv, {
    values: ['--template', '--series', '--date', '--title', '--attendees', '--locale', '--path-pattern', '--output', '--today'],
    switches: ['--stdout', '--list-templates', '--no-color', '--color'],
  });
  if (args.positional.length > 1) throw new UsageError('takes at most one folder');
  const base = resolve(io.cwd, args.positional[0] ?? '.');
  try {
    if (!statSync(base).isDirectory()) throw new PathError(args.positional[0]!, { id: 'not-folder' });
  } catch (error) {
    if (error instanceof PathError) throw error;
    throw new PathError(args.positional[0] ?? '.', { id: 'missing' });
  }
  const configs = new ConfigLoader();
  const config = configs.configFor(base);
  const localeFlag = readLocale(args.values.get('--locale'));
  let locale: Locale = localeFor(localeFlag, config, io.env);
  const today = todayFor(readToday(args.values.get('--today')), config, io);

  const team = readTeamTemplates(base, io, locale);
  if (team === null) return 2;
  const templates = templateChoices(locale, team);
  if (args.switches.has('--list-templates')) {
    const width = Math.max(...templates.map((template) => template.id.length));
    for (const template of templates) {
      const about = template.builtin ? `${template.label} · ${template.description}` : `${template.description || template.id} (${TEMPLATE_FOLDER}/${template.id}.md)`;
      io.stdout(`${template.id.padEnd(width)}  ${about}\n`);
    }
    return 0;
  }
  const wanted = args.values.get('--template') ?? config.newMeeting.template ?? 'weekly';
  let template = templates.find((candidate) => candidate.id === wanted);
  if (!template) {
    io.stderr(`meetings new: ${message(locale, 'new.unknown-template', { name: wanted, names: templates.map((t) => t.id).join(', ') })}\n`);
    return 2;
  }

  const dateText = args.values.get('--date');
  const date = dateText === undefined ? today : readDate(dateText, today);
  if (!date) {
    io.stderr(`meetings new: ${message(locale, 'new.date', { value: dateText! })}\n`);
    return 2;
  }
  const seriesFlag = args.values.get('--series');
  const series = seriesFlag !== undefined ? seriesFlag.trim() || null : templateDefaults(template).series;
  const attendeesFlag = args.values.get('--attendees');
  const attendees = attendeesFlag === undefined ? null : attendeesFlag.split(/[,，、;；]/u).map((name) => name.trim()).filter(Boolean);

  const pattern = args.values.get('--path-pattern') ?? config.newMeeting.pathPattern ?? DEFAULT_PATH_PATTERN;
  const problem = checkPathPattern(pattern);
  if (problem) throw new UsageError(patternProblemMessage(problem, locale));

  const previous = series ? previousMeetingOf(seriesEntries(base, series, configs), series, date) : null;
  // With no language asked for, a series goes on in the language its last meeting was written in.
  if (!localeFlag && !config.locale && previous && meetingLanguage(previous.meeting) !== locale) {
    locale = meetingLanguage(previous.meeting);
    template = templateChoices(locale, team).find((candidate) => candidate.id === template!.id) ?? template;
  }
  const request = { template, locale, date, title: args.values.get('--title') ?? null, series, attendees, previous };
  // The title decides the path; the path decides the link to the previous meeting.
  const { title } = renderNewMeeting(request);
  const output = args.values.get('--output');
  const planned = output !== undefined ? resolve(io.cwd, output) : join(base, ...expandPathPattern(pattern, { date, title, series, type: template.type, template: template.id }).split('/'));
  let path = planned;
  if (output === undefined) for (let counter = 2; existsSync(path); counter++) path = withCounter(planned, counter);
  else if (existsSync(path) && !args.switches.has('--stdout')) throw new UsageError(`${output} already exists`);
  const result = renderNewMeeting({ ...request, path: toPosix(path) });

  for (const placeholder of result.unknownPlaceholders) {
    io.stderr(`meetings new: ${message(locale, 'new.unknown-placeholder', { template: template.id, placeholder })}\n`);
  }
  if (args.switches.has('--stdout')) {
    io.stdout(result.text);
    return 0;
  }
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, result.text, { flag: 'wx' });
  } catch (error) {
    io.stderr(`meetings new: ${displayPath(path, io.cwd)}: ${reasonText(fsErrorReason(error), locale)}\n`);
    return 2;
  }
  io.stdout(`${message(locale, 'new.created', { path: displayPath(path, io.cwd), template: template.id })}\n`);
  if (previous) {
    const name = displayPath(previous.key, io.cwd);
    io.stdout(`${countedMessage(locale, 'new.carried', { count: result.carried, previous: name })}\n`);
  } else if (series) {
    io.stdout(`${message(locale, 'new.no-previous', { series })}\n`);
  }
  return 0;
}

/** `YYYY-MM-DD`, or any date form the due-date reader knows, relative to today. */
function readDate(text: string, today: string): string | null {
  const value = text.trim();
  const reading = readDateExpression(value, 0, today);
  return reading.date && reading.end === value.length ? reading.date : null;
}

/** The team's templates from `.meetings/templates/*.md`; null (after saying why) when one cannot be read. */
function readTeamTemplates(base: string, io: Io, locale: Locale): MeetingTemplate[] | null {
  const folder = join(base, ...TEMPLATE_FOLDER.split('/'));
  let names: string[];
  try {
    names = readdirSync(folder).filter((name) => /\.(md|markdown)$/iu.test(name)).sort();
  } catch {
    return [];
  }
  const templates: MeetingTemplate[] = [];
  for (const name of names) {
    const path = join(folder, name);
    try {
      templates.push(teamTemplate(name, readFileSync(path, 'utf8')));
    } catch (error) {
      io.stderr(`meetings new: ${message(locale, 'new.template-read', { path: displayPath(path, io.cwd), detail: (error as Error).message })}\n`);
      return null;
    }
  }
  return templates;
}

/** Every meeting of the series under `base`, keyed by its `/`-separated absolute path. */
function seriesEntries(base: string, series: string, configs: ConfigLoader): Array<SeriesEntry<Meeting>> {
  const entries: Array<SeriesEntry<Meeting>> = [];
  for (const path of findMarkdownFiles([base], base)) {
    const loaded = loadFile(path, configs);
    if (loaded.kind === 'meeting' && loaded.meeting.fields.series === series) entries.push({ key: toPosix(path), meeting: loaded.meeting });
  }
  return entries;
}
