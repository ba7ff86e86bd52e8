// "Meetings: New Meeting…": pick a template (built-in or the team's own from .meetings/templates),
// a series and a date; the file is created at the configured path pattern with the frontmatter
// filled in from the series' last meeting and a follow-up section carrying its open actions.
// Everything but the questions and the file system lives in src/core, shared with `meetings new`.
import * as vscode from 'vscode';
import {
  addDays,
  checkPathPattern,
  countedMessage,
  daysBetween,
  DEFAULT_PATH_PATTERN,
  expandPathPattern,
  isoWeekday,
  localeFrom,
  message,
  patternProblemMessage,
  previousMeetingOf,
  readDateExpression,
  renderNewMeeting,
  seriesSummaries,
  TEMPLATE_FOLDER,
  teamTemplate,
  templateChoices,
  templateDefaults,
  todayIn,
  withCounter,
  type IndexedMeeting,
  type Locale,
  type MeetingTemplate,
  type ResolvedConfig,
  meetingLanguage,
} from '../core';
import type { ConfigResolver } from './config-resolver';
import { displayLocale } from './locale';
import type { Log } from './log';
import type { MeetingStore } from './meeting-store';

/** Arguments of `meetings.newMeeting`; each one given skips its question (tests, keybindings, tasks). */
export interface NewMeetingOptions {
  /** Template id: weekly, review, kickoff, retrospective, one-on-one, or a team template's file name. */
  template?: string;
  /** Series name; `''` or null for none. */
  series?: string | null;
  /** `YYYY-MM-DD`, or a form such as `tomorrow`, `next Monday`, `下周一`; default today. */
  date?: string;
  title?: string;
  attendees?: string[];
  /** Workspace folder (URI or its string form) the path pattern is relative to. */
  folder?: vscode.Uri | string;
  pathPattern?: string;
  locale?: Locale;
  /** Open the new file in an editor (default true). */
  open?: boolean;
}

export interface NewMeetingContext {
  store: MeetingStore;
  configs: ConfigResolver;
  log: Log;
  /** Resolves when the first workspace scan is done, so the series' last meeting is known. */
  ready: () => Promise<void>;
}

export async function newMeeting(context: NewMeetingContext, rawOptions?: unknown): Promise<vscode.Uri | undefined> {
  // Called with options (tests, keybindings, tasks), only a missing series, or a missing template
  // when .meetings.yaml names no default, is asked for; the date defaults to today.
  const interactive = !isOptions(rawOptions);
  const options = isOptions(rawOptions) ? rawOptions : {};
  const folder = await pickFolder(options.folder);
  if (!folder) return undefined;
  await context.ready();
  const config = await context.configs.configFor(vscode.Uri.joinPath(folder.uri, '.meetings.yaml'));
  let locale = options.locale ?? templateLocale(folder, config);
  const uiLocale = displayLocale();
  const today = todayIn(config.timezone);

  const teamTemplates = await readTeamTemplates(folder, context.log);
  const templates = templateChoices(locale, teamTemplates);
  let template = await pickTemplate(templates, options.template ?? (interactive ? undefined : (config.newMeeting.template ?? undefined)), config.newMeeting.template);
  if (!template) return undefined;

  const entries = context.store.index.keys().map((key) => context.store.index.get(key)!).filter(Boolean);
  const series = options.series !== undefined ? options.series?.trim() || null : await pickSeries(entries, templateDefaults(template).series, template.type, uiLocale);
  if (series === undefined) return undefined;

  const seriesEntries = series ? context.store.index.series(series) : [];
  const date = options.date !== undefined ? readDate(options.date, today) : interactive ? await pickDate(today, seriesEntries, uiLocale) : today;
  if (!date) {
    if (options.date !== undefined) void vscode.window.showErrorMessage(message(uiLocale, 'new.date', { value: options.date }));
    return undefined;
  }
  const previous = series ? previousMeetingOf(seriesEntries, series, date) : null;
  // Carrying actions forward copies them as written: that needs the previous meeting's text.
  const previousMeeting = previous ? await context.store.loadMeeting(previous.key) : undefined;
  const previousEntry = previous && previousMeeting ? { key: vscode.Uri.parse(previous.key).path, meeting: previousMeeting } : null;
  // With the language left on auto and none in .meetings.yaml, a series goes on in its last meeting's language.
  if (!options.locale && previousMeeting && templateLocaleIsAuto(folder, config) && meetingLanguage(previousMeeting) !== locale) {
    locale = meetingLanguage(previousMeeting);
    template = templateChoices(locale, teamTemplates).find((candidate) => candidate.id === template!.id) ?? template;
  }
  const request = { template, locale, date, series, attendees: options.attendees ?? null, previous: previousEntry, title: options.title ?? null };
  let title = options.title;
  if (title === undefined && !previous && interactive) {
    // A first meeting (or one without a series) has no title to reuse: ask, with the template's as default.
    title = await vscode.window.showInputBox({
      title: vscode.l10n.t('New Meeting'),
      prompt: vscode.l10n.t('Title of the meeting'),
      value: renderNewMeeting(request).title,
      validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('The meeting needs a title')),
    });
    if (title === undefined) return undefined;
  }

  const pattern = options.pathPattern ?? pathPatternSetting(folder) ?? config.newMeeting.pathPattern ?? DEFAULT_PATH_PATTERN;
  const problem = checkPathPattern(pattern);
  if (problem) {
    void vscode.window.showErrorMessage(patternProblemMessage(problem, uiLocale));
    return undefined;
  }
  const finalRequest = { ...request, title: title ?? null };
  const { title: finalTitle } = renderNewMeeting(finalRequest);
  const relative = expandPathPattern(pattern, { date, title: finalTitle, series, type: template.type, template: template.id });
  const planned = vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
  let uri = planned;
  for (let counter = 2; await exists(uri); counter++) uri = vscode.Uri.joinPath(folder.uri, ...withCounter(relative, counter).split('/'));
  const result = renderNewMeeting({ ...finalRequest, path: uri.path });
  for (const placeholder of result.unknownPlaceholders) {
    context.log.warn(message('en', 'new.unknown-placeholder', { template: template.id, placeholder }));
  }
  try {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(result.text));
  } catch (error) {
    // A read-only (or unreachable) file system: say so rather than fail the command.
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not write {0}: {1}', uri.path.split('/').pop() ?? '', (error as Error).message));
    return undefined;
  }
  context.log.info(`Created ${uri.toString()} from template ${template.id}${previous ? `, carrying ${result.carried} actions from ${previous.key}` : ''}.`);
  if (previous) {
    const name = vscode.workspace.asRelativePath(vscode.Uri.parse(previous.key));
    vscode.window.setStatusBarMessage(countedMessage(uiLocale, 'new.carried', { count: result.carried, previous: name }), 8000);
  }
  if (options.open !== false) {
    const editor = await vscode.window.showTextDocument(uri);
    const line = firstEmptyTask(editor.document);
    if (line !== null) {
      const end = editor.document.lineAt(line).range.end;
      editor.selection = new vscode.Selection(end, end);
      editor.revealRange(new vscode.Range(end, end), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }
  }
  return uri;
}

function isOptions(value: unknown): value is NewMeetingOptions {
  return typeof value === 'object' && value !== null && !(value instanceof vscode.Uri) && !('kind' in value);
}

function templateLocaleIsAuto(folder: vscode.WorkspaceFolder, config: ResolvedConfig): boolean {
  return vscode.workspace.getConfiguration('meetings', folder.uri).get<string>('newMeeting.language', 'auto') === 'auto' && !config.locale;
}

/** The template language: the setting, else `locale` of .meetings.yaml, else the display language. */
function templateLocale(folder: vscode.WorkspaceFolder, config: ResolvedConfig): Locale {
  const setting = vscode.workspace.getConfiguration('meetings', folder.uri).get<string>('newMeeting.language', 'auto');
  return localeFrom(setting === 'auto' ? null : setting) ?? config.locale ?? displayLocale();
}

/** The path pattern setting only when someone set it: its default defers to .meetings.yaml. */
function pathPatternSetting(folder: vscode.WorkspaceFolder): string | undefined {
  const inspected = vscode.workspace.getConfiguration('meetings', folder.uri).inspect<string>('newMeeting.pathPattern');
  return inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
}

async function pickFolder(given: NewMeetingOptions['folder']): Promise<vscode.WorkspaceFolder | undefined> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  if (folders.length === 0) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder first: meeting files live in a workspace.'));
    return undefined;
  }
  if (given !== undefined) {
    const uri = typeof given === 'string' ? vscode.Uri.parse(given) : given;
    return vscode.workspace.getWorkspaceFolder(uri) ?? folders[0];
  }
  if (folders.length === 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: vscode.l10n.t('Workspace folder for the new meeting') });
}

async function readTeamTemplates(folder: vscode.WorkspaceFolder, log: Log): Promise<MeetingTemplate[]> {
  const dir = vscode.Uri.joinPath(folder.uri, ...TEMPLATE_FOLDER.split('/'));
  let names: Array<[string, vscode.FileType]>;
  try {
    names = await vscode.workspace.fs.readDirectory(dir);
  } catch {
    return [];
  }
  const templates: MeetingTemplate[] = [];
  for (const [name, type] of names.sort(([a], [b]) => a.localeCompare(b))) {
    if (type !== vscode.FileType.File || !/\.(md|markdown)$/iu.test(name)) continue;
    try {
      templates.push(teamTemplate(name, new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, name)))));
    } catch (error) {
      log.error(`${TEMPLATE_FOLDER}/${name}: could not be read`, error);
    }
  }
  return templates;
}

async function pickTemplate(templates: MeetingTemplate[], wanted: string | undefined, teamDefault: string | null): Promise<MeetingTemplate | undefined> {
  if (wanted !== undefined) {
    const found = templates.find((template) => template.id === wanted);
    if (!found) {
      const names = templates.map((template) => template.id).join(', ');
      void vscode.window.showErrorMessage(message(displayLocale(), 'new.unknown-template', { name: wanted, names }));
    }
    return found;
  }
  const ordered = [...templates].sort((a, b) => Number(b.id === teamDefault) - Number(a.id === teamDefault));
  type Item = vscode.QuickPickItem & { template?: MeetingTemplate };
  const items: Item[] = [];
  let team = false;
  for (const template of ordered) {
    if (!template.builtin && !team) {
      items.push({ label: vscode.l10n.t('Team templates ({0})', TEMPLATE_FOLDER), kind: vscode.QuickPickItemKind.Separator });
      team = true;
    }
    items.push({
      label: `$(${template.builtin ? 'notebook-template' : 'file'}) ${template.label}`,
      description: template.builtin ? template.id : `${TEMPLATE_FOLDER}/${template.id}.md`,
      detail: template.description || undefined,
      template,
    });
  }
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('New Meeting'), placeHolder: vscode.l10n.t('Template'), matchOnDescription: true, matchOnDetail: true });
  return picked?.template;
}

/** The series: a known one, a new name, or none (null). Undefined when cancelled. */
async function pickSeries(entries: readonly IndexedMeeting[], preset: string | null, type: string | null, locale: Locale): Promise<string | null | undefined> {
  // Series whose last meeting had the template's type first (a weekly template: the weekly series).
  const summaries = seriesSummaries(entries).sort((a, b) => Number(b.lastType === type && type !== null) - Number(a.lastType === type && type !== null));
  type Item = vscode.QuickPickItem & { series?: string | null; ask?: boolean };
  const known: Item[] = summaries.map((summary) => ({
    label: `$(list-tree) ${summary.name}`,
    description: summary.lastDate ? vscode.l10n.t('last {0} {1}', summary.lastDate, weekday(summary.lastDate, locale)) : undefined,
    detail: [summary.lastTitle, meetingCount(summary.count)].filter(Boolean).join(' · '),
    series: summary.name,
  }));
  if (preset) {
    const index = known.findIndex((item) => item.series === preset);
    if (index > 0) known.unshift(...known.splice(index, 1));
    if (index < 0) known.unshift({ label: `$(list-tree) ${preset}`, description: vscode.l10n.t('from the template'), series: preset });
  }
  const items: Item[] = [
    ...known,
    { label: `$(add) ${vscode.l10n.t('New series…')}`, ask: true },
    { label: `$(circle-slash) ${vscode.l10n.t('No series')}`, series: null },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('New Meeting'), placeHolder: vscode.l10n.t('Series (its last meeting’s attendees and open actions are carried over)') });
  if (!picked) return undefined;
  if (!picked.ask) return picked.series ?? null;
  const name = await vscode.window.showInputBox({
    title: vscode.l10n.t('New Meeting'),
    prompt: vscode.l10n.t('Name of the new series, such as ops-weekly'),
    validateInput: (value) => (value.trim() ? undefined : vscode.l10n.t('The series needs a name')),
  });
  return name === undefined ? undefined : name.trim();
}

async function pickDate(today: string, series: readonly IndexedMeeting[], locale: Locale): Promise<string | undefined> {
  type Item = vscode.QuickPickItem & { date?: string };
  const label = (iso: string) => `${iso} ${weekday(iso, locale)}`;
  const items: Item[] = [{ label: label(today), description: vscode.l10n.t('today'), date: today }];
  const expected = expectedNextDate(series, today);
  if (expected && expected !== today) items.push({ label: label(expected), description: vscode.l10n.t('the series’ usual rhythm'), date: expected });
  const tomorrow = addDays(today, 1);
  if (tomorrow !== expected) items.push({ label: label(tomorrow), description: vscode.l10n.t('tomorrow'), date: tomorrow });
  items.push({ label: vscode.l10n.t('Other date…') });
  const picked = await vscode.window.showQuickPick(items, { title: vscode.l10n.t('New Meeting'), placeHolder: vscode.l10n.t('Date of the meeting') });
  if (!picked) return undefined;
  if (picked.date) return picked.date;
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('New Meeting'),
    prompt: vscode.l10n.t('Date: YYYY-MM-DD, or a form such as 下周一 or next Monday'),
    validateInput: (value) => (readDate(value, today) ? undefined : vscode.l10n.t('Not a date this tool can read')),
  });
  return typed === undefined ? undefined : (readDate(typed, today) ?? undefined);
}

/** The last meeting's date plus the gap between the last two, moved forward to today or later. */
export function expectedNextDate(series: readonly IndexedMeeting[], today: string): string | null {
  const dates = [...new Set(series.map((entry) => entry.meeting.fields.date).filter((date): date is string => !!date))].sort();
  if (dates.length < 2) return null;
  const gap = daysBetween(dates.at(-2)!, dates.at(-1)!);
  if (gap <= 0) return null;
  let next = addDays(dates.at(-1)!, gap);
  while (next < today) next = addDays(next, gap);
  return next;
}

export function meetingCount(count: number): string {
  return count === 1 ? vscode.l10n.t('1 meeting') : vscode.l10n.t('{0} meetings', count);
}

function readDate(text: string, today: string): string | null {
  const value = text.trim();
  const reading = readDateExpression(value, 0, today);
  return reading.date && reading.end === value.length ? reading.date : null;
}

function weekday(iso: string, locale: Locale): string {
  return message(locale, `weekday.${isoWeekday(iso)}` as 'weekday.1');
}

function firstEmptyTask(document: vscode.TextDocument): number | null {
  for (let line = 0; line < document.lineCount; line++) if (/^\s*[-*+] \[ \]\s*$/u.test(document.lineAt(line).text)) return line;
  return null;
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}
