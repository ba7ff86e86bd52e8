// A new meeting file from a template: the frontmatter filled in (attendees and the like from the
// series' last meeting) and a follow-up section that carries that meeting's open actions. Text
// in, text out: the CLI and the editor choose the path (path-pattern.ts) and write the file.
import { isMap, isScalar, parseDocument } from 'yaml';
import { addDays, isoWeekday } from './calendar';
import { ATTENDEE_KEYS, FIELD_KEYS } from './frontmatter';
import { insertionPoint } from './rules/action-owner';
import { message, type MessageId } from './messages';
import type { Action, Locale, Meeting, TextEdit } from './model';
import { applyEdits } from './edits';
import { relativePath } from './path-pattern';
import { previousInSeries, type SeriesEntry } from './series';
import { FOLLOWUP_TEXT, literalValue, PLACEHOLDERS, type MeetingTemplate } from './templates';
import { classifyHeading, DEFAULT_SECTION_HEADINGS } from './vocabulary';

// ---------------------------------------------------------------------------------------------
// The series' previous meeting and its open actions

/** The last meeting of `series` dated before `date`, or null. */
export function previousMeetingOf<T extends SeriesEntry>(entries: readonly T[], series: string | null, date: string): T | null {
  if (!series) return null;
  const probe = { key: '\u0000new meeting', meeting: { fields: { series, date } } } as unknown as SeriesEntry;
  return previousInSeries(entries, probe);
}

export interface SeriesSummary {
  name: string;
  count: number;
  lastDate: string | null;
  lastTitle: string | null;
  lastType: string | null;
}

/** Every series of the workspace with its number of meetings and its latest one, by name. */
export function seriesSummaries(entries: readonly SeriesEntry[]): SeriesSummary[] {
  const byName = new Map<string, SeriesSummary>();
  for (const { meeting } of entries) {
    const name = meeting.fields.series;
    if (!name) continue;
    const summary: SeriesSummary = byName.get(name) ?? { name, count: 0, lastDate: null, lastTitle: null, lastType: null };
    summary.count++;
    const date = meeting.fields.date;
    if (date && (!summary.lastDate || date >= summary.lastDate)) {
      summary.lastDate = date;
      summary.lastTitle = meeting.fields.title;
      summary.lastType = meeting.fields.type;
    }
    byName.set(name, summary);
  }
  return [...byName.values()].sort((a, b) => (b.lastDate ?? '').localeCompare(a.lastDate ?? '') || a.name.localeCompare(b.name));
}

/** Open and in-progress actions: what a follow-up carries. */
export function openActions(meeting: Meeting): Action[] {
  return meeting.actions.filter((action) => action.status === 'open' || action.status === 'in-progress');
}

/**
 * The previous meeting's open actions as list lines, each copied as written, box included (`[ ]`
 * or `[/]`). Two changes keep their meaning in the new file: a relative due date (`下周五`,
 * `next Friday`) becomes the ISO date it meant in the previous meeting, and an owner or due date
 * inherited from a parent task that is not carried (done, cancelled) is written out. A carried
 * sub-task stays nested under its carried parent.
 */
export function carriedActionLines(previous: Meeting): string[] {
  const open = openActions(previous);
  const carried = new Set(open);
  const depth = new Map<Action, number>();
  const lines: string[] = [];
  for (const action of open) {
    const parent = action.parent >= 0 ? previous.actions[action.parent]! : null;
    const level = parent && carried.has(parent) ? (depth.get(parent) ?? 0) + 1 : 0;
    depth.set(action, level);
    const edits: TextEdit[] = [];
    for (const mention of action.dueMentions) {
      if (mention.date && !mention.iso) edits.push({ span: mention.span, text: mention.date });
    }
    const parentCarried = parent !== null && carried.has(parent);
    const additions: string[] = [];
    if (action.ownersInherited && !parentCarried) additions.push(...action.owners.map((owner) => `@${owner.name}`));
    if (action.dueInherited && !parentCarried && action.due?.date) additions.push(`📅 ${action.due.date}`);
    if (additions.length > 0) {
      const at = insertionPoint(previous, action);
      edits.push({ span: { start: at, end: at }, text: ` ${additions.join(' ')}` });
    }
    const start = action.textSpan.start;
    const relative = edits.map((edit) => ({ span: { start: edit.span.start - start, end: edit.span.end - start }, text: edit.text }));
    const ownText = applyEdits(previous.text.slice(start, Math.max(action.textSpan.end, insertionPoint(previous, action))), relative);
    const indent = '  '.repeat(level);
    // Each line break with the spaces around it becomes a break and the indent (linear: no rescans of long runs).
    const breaks = (run: string) => run.split(/[ \t]+/u).reduce((count, part) => count + (part.match(/\r\n|\r|\n/gu)?.length ?? 0), 0);
    const text = ownText.replace(/[ \t\r\n]+/gu, (run) => (/[\r\n]/u.test(run) ? `\n${indent}  `.repeat(breaks(run)) : run)).trimEnd();
    lines.push(`${indent}- [${previous.text[action.boxSpan.start + 1]}] ${text}`);
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------
// Rendering a template

export interface NewMeetingRequest {
  template: MeetingTemplate;
  /** Language of the generated text (follow-up notes, weekday names). */
  locale: Locale;
  date: string;
  title?: string | null;
  series?: string | null;
  type?: string | null;
  /** Overrides the attendees taken from the previous meeting. */
  attendees?: readonly string[] | null;
  /** The series' last meeting; `key` is its `/`-separated path on the same base as `path`. */
  previous?: SeriesEntry<Meeting> | null;
  /** `/`-separated path of the new file, for the link to the previous meeting. */
  path?: string | null;
}

export interface NewMeetingResult {
  text: string;
  title: string;
  series: string | null;
  type: string | null;
  /** How many open actions the follow-up section carries. */
  carried: number;
  /** Placeholders the template uses that do not exist; they are left as written. */
  unknownPlaceholders: string[];
}

/** What a template says itself (literal frontmatter values), for the choices made before rendering. */
export function templateDefaults(template: MeetingTemplate): { series: string | null; type: string | null; title: string } {
  const frontmatter = splitFrontmatter(template.text.replace(/\r\n?/gu, '\n')).frontmatter ?? '';
  const literal = (keys: readonly string[]) => {
    for (const key of keys) {
      const match = new RegExp(`^${key}[ \\t]*[:：][ \\t]*(.*)$`, 'mu').exec(frontmatter);
      const value = literalValue(match?.[1]);
      if (value && !value.includes('{{') && !value.startsWith('#')) return value;
    }
    return null;
  };
  return { series: literal(FIELD_KEYS.series), type: template.type ?? literal(FIELD_KEYS.type), title: template.defaultTitle };
}

type Values = Record<(typeof PLACEHOLDERS)[number], string | string[]>;

/** Renders a template into the text of a new meeting file. */
export function renderNewMeeting(request: NewMeetingRequest): NewMeetingResult {
  const { template, locale, date } = request;
  const defaults = templateDefaults(template);
  const previous = request.previous ?? null;
  const before = previous?.meeting.fields;
  const series = request.series !== undefined && request.series !== null ? request.series || null : defaults.series;
  const type = request.type ?? defaults.type ?? before?.type ?? null;
  const templateTitle = titleExpression(template.text);
  const attendees = [...(request.attendees ?? before?.attendees ?? [])];
  const frontmatterValue = (keys: readonly string[]): string => {
    const data = previous?.meeting.frontmatter?.data;
    for (const key of keys) {
      const value = data?.[key];
      if (typeof value === 'string' || typeof value === 'number') return String(value);
    }
    return '';
  };
  const carried = previous ? carriedActionLines(previous.meeting) : [];
  const values: Values = {
    title: '',
    date,
    weekday: message(locale, `weekday.${isoWeekday(date)}` as MessageId),
    time: frontmatterValue(FIELD_KEYS.time),
    type: type ?? '',
    series: series ?? '',
    facilitator: before?.facilitator ?? '',
    notetaker: before?.notetaker ?? '',
    attendees,
    attendee: attendees,
    departments: before?.departments ?? [],
    department: before?.departments ?? [],
    dueDate: addDays(date, 7),
    previous: previous ? previousLink(previous, request.path ?? null) : '',
    followup: followupBlock(locale, series, previous, request.path ?? null, carried),
  };

  // An explicit title wins; then the template's own title line (`title: 每日站会 {{series}}`), then
  // the series' last title, then the template's default.
  const title = request.title?.trim() || (templateTitle ? fillText(templateTitle, values, new Set(), null).trim() : '') || before?.title || defaults.title;
  values.title = title;
  const source = template.text.replace(/^\uFEFF/u, '');
  const newline = source.includes('\r\n') ? '\r\n' : '\n';
  const { frontmatter, body } = splitFrontmatter(source.replace(/\r\n?/gu, '\n'));
  const unknown = new Set<string>();
  const renderedFrontmatter = completeFrontmatter(frontmatter === null ? '' : renderFrontmatter(frontmatter, values, unknown), {
    title,
    date,
    type,
    series,
    attendees,
  });
  let renderedBody = renderBody(body, values, locale, unknown);
  if (previous && !/\{\{\s*followup\s*\}\}/u.test(body)) renderedBody = insertFollowup(renderedBody, locale, values.followup as string);
  let text = `---\n${renderedFrontmatter}---\n${renderedBody.startsWith('\n') || renderedBody === '' ? '' : '\n'}${renderedBody}`;
  text = text.replace(/(?<!\n)\n*$/u, '\n');
  return {
    text: newline === '\n' ? text : text.replace(/\n/gu, newline),
    title,
    series,
    type,
    carried: carried.length,
    unknownPlaceholders: [...unknown],
  };
}

/** The value of the template's title line when it is more than `{{title}}` itself. */
function titleExpression(text: string): string | null {
  const frontmatter = splitFrontmatter(text.replace(/^\uFEFF/u, '').replace(/\r\n?/gu, '\n')).frontmatter ?? '';
  for (const key of FIELD_KEYS.title) {
    const value = literalValue(new RegExp(`^${key}[ \\t]*:[ \\t]*(.*)$`, 'mu').exec(frontmatter)?.[1]);
    if (value && !/^\{\{\s*title\s*\}\}$/u.test(value)) return value;
  }
  return null;
}

function splitFrontmatter(text: string): { frontmatter: string | null; body: string } {
  const match = /^---[ \t]*\n([\s\S]*?\n)?---[ \t]*(?:\n|$)/u.exec(text);
  if (!match) return { frontmatter: null, body: text };
  return { frontmatter: match[1] ?? '', body: text.slice(match[0].length) };
}

function previousLink(previous: SeriesEntry, path: string | null): string {
  const { title, date } = previous.meeting.fields;
  const name = previous.key.split('/').pop()!;
  const label = [title ?? name.replace(/\.(md|markdown)$/iu, ''), date].filter(Boolean).join(' ');
  const target = path ? relativePath(path, previous.key) : name;
  const destination = /[\s()<>]/u.test(target) ? `<${target}>` : target;
  return `[${label.replace(/([[\]])/gu, '\\$1')}](${destination})`;
}

function followupBlock(locale: Locale, series: string | null, previous: SeriesEntry | null, path: string | null, carried: string[]): string {
  const text = FOLLOWUP_TEXT[locale];
  if (!previous) return series ? text.first : text.noSeries;
  const link = `${text.from}${locale === 'en' ? ' ' : ''}${previousLink(previous, path)}`;
  if (carried.length === 0) return `${link}${locale === 'en' ? ', ' : '，'}${text.none}`;
  return `${link}\n\n${carried.join('\n')}`;
}

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/gu;
const LIST_PLACEHOLDERS = new Set(['attendees', 'departments']);
const REPEATING = ['attendee', 'department'] as const;

function isPlaceholder(name: string): name is keyof Values {
  return (PLACEHOLDERS as readonly string[]).includes(name);
}

/** Fills the frontmatter; values become YAML scalars or flow lists, and empty ones drop their line. */
function renderFrontmatter(frontmatter: string, values: Values, unknown: Set<string>): string {
  const lines: string[] = [];
  for (const line of frontmatter.split('\n')) {
    // The chosen title, date and series win over what the template writes for them.
    const lineKey = /^([^\s#:](?:[^:]*[^:\t ])?)[ \t]*:(?:[ \t]|$)/u.exec(line)?.[1]?.trim() ?? '';
    if ((FIELD_KEYS.title as readonly string[]).includes(lineKey)) {
      lines.push(`${lineKey}: ${yamlScalar(values.title as string, false)}`);
      continue;
    }
    if ((FIELD_KEYS.date as readonly string[]).includes(lineKey)) {
      lines.push(`${lineKey}: ${values.date as string}`);
      continue;
    }
    if ((FIELD_KEYS.series as readonly string[]).includes(lineKey) && values.series !== '') {
      lines.push(`${lineKey}: ${yamlScalar(values.series as string, false)}`);
      continue;
    }
    if (!line.includes('{{')) {
      lines.push(line);
      continue;
    }
    const repeat = REPEATING.find((name) => new RegExp(`\\{\\{\\s*${name}\\s*\\}\\}`, 'u').test(line));
    if (repeat) {
      for (const item of values[repeat] as string[]) lines.push(fillLine(line, values, unknown, item, true));
      continue;
    }
    const keyValue = /^([^\s#:](?:[^:]*[^:\t ])?)[ \t]*:[ \t]+((?![ \t]).*)$/u.exec(line);
    if (!keyValue) {
      lines.push(fillLine(line, values, unknown, null, false));
      continue;
    }
    const [, key, raw] = keyValue as unknown as [string, string, string];

    const single = /^\{\{\s*([A-Za-z]+)\s*\}\}$/u.exec(raw.trim());
    const isAttendees = ATTENDEE_KEYS.includes(key.trim());
    if (single && isPlaceholder(single[1]!)) {
      const value = values[single[1]! as keyof Values];
      if (Array.isArray(value) || LIST_PLACEHOLDERS.has(single[1]!)) {
        const list = Array.isArray(value) ? value : [value];
        if (list.length === 0 && !isAttendees) continue;
        lines.push(`${key}: [${list.map((item) => yamlScalar(item, true)).join(', ')}]`);
      } else if (value === '') {
        if (isAttendees) lines.push(`${key}: []`);
      } else {
        lines.push(`${key}: ${yamlScalar(value, false)}`);
      }
      continue;
    }
    const quote = /^(["'])(.*)\1$/u.exec(raw.trim());
    if (quote) {
      const inner = fillText(quote[2]!, values, unknown, null);
      lines.push(`${key}: ${quote[1] === '"' ? JSON.stringify(inner) : `'${inner.replace(/'/gu, "''")}'`}`);
      continue;
    }
    const filled = fillText(raw, values, unknown, null).trim();
    if (filled === '' && !isAttendees) continue;
    lines.push(`${key}: ${filled === '' ? '[]' : filled.includes('{{') ? filled : yamlScalar(filled, false)}`);
  }
  return lines.join('\n');
}

/** Adds the fields the template's frontmatter does not set. */
function completeFrontmatter(
  frontmatter: string,
  fields: { title: string; date: string; type: string | null; series: string | null; attendees: string[] },
): string {
  // Top-level keys only (no conversion to JS: a stray `{{x}}` value must not trip the YAML reader).
  const doc = parseDocument(frontmatter || '{}');
  const present = new Set(isMap(doc.contents) ? doc.contents.items.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : '')) : []);
  const has = (keys: readonly string[]) => keys.some((key) => present.has(key));
  const added: string[] = [];
  if (!has(FIELD_KEYS.title)) added.push(`title: ${yamlScalar(fields.title, false)}`);
  if (!has(FIELD_KEYS.date)) added.push(`date: ${fields.date}`);
  if (fields.type && !has(FIELD_KEYS.type)) added.push(`type: ${yamlScalar(fields.type, false)}`);
  if (fields.series && !has(FIELD_KEYS.series)) added.push(`series: ${yamlScalar(fields.series, false)}`);
  if (!has(ATTENDEE_KEYS)) added.push(`attendees: [${fields.attendees.map((name) => yamlScalar(name, true)).join(', ')}]`);
  const kept = frontmatter.replace(/(?<!\n)\n+$/u, '');
  return [...(kept ? [kept] : []), ...added].join('\n') + '\n';
}

function renderBody(body: string, values: Values, locale: Locale, unknown: Set<string>): string {
  const lines: string[] = [];
  const joiner = locale === 'en' ? ', ' : '、';
  for (const line of body.split('\n')) {
    if (/^[ \t]*\{\{\s*followup\s*\}\}[ \t]*$/u.test(line)) {
      lines.push(...(values.followup as string).split('\n'));
      continue;
    }
    const repeat = REPEATING.find((name) => new RegExp(`\\{\\{\\s*${name}\\s*\\}\\}`, 'u').test(line));
    if (repeat) {
      const items = values[repeat] as string[];
      for (const item of items.length > 0 ? items : ['']) lines.push(fillLine(line, values, unknown, item, false, joiner));
      continue;
    }
    lines.push(fillLine(line, values, unknown, null, false, joiner));
  }
  return lines.join('\n');
}

function fillLine(line: string, values: Values, unknown: Set<string>, item: string | null, yaml: boolean, joiner = ', '): string {
  if (!yaml) return fillText(line, values, unknown, item, joiner);
  return line.replace(PLACEHOLDER, (whole, name: string) => {
    if (REPEATING.includes(name as (typeof REPEATING)[number])) return yamlScalar(item ?? '', false);
    if (!isPlaceholder(name)) {
      unknown.add(whole);
      return whole;
    }
    const value = values[name];
    return yamlScalar(Array.isArray(value) ? value.join(', ') : value, false);
  });
}

function fillText(text: string, values: Values, unknown: Set<string>, item: string | null, joiner = ', '): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => {
    if (item !== null && REPEATING.includes(name as (typeof REPEATING)[number])) return item;
    if (!isPlaceholder(name)) {
      unknown.add(whole);
      return whole;
    }
    const value = values[name];
    return Array.isArray(value) ? value.join(joiner) : value;
  });
}

/** A follow-up section after the agenda (or first) when the template has none of its own. */
function insertFollowup(body: string, locale: Locale, block: string): string {
  const lines = body.split('\n');
  const headings = lines
    .map((line, index) => ({ index, match: /^(#{1,6})[ \t]+(.*)$/u.exec(line) }))
    .filter((entry): entry is { index: number; match: RegExpExecArray } => entry.match !== null);
  const existing = headings.find((entry) => classifyHeading(entry.match[2]!, DEFAULT_SECTION_HEADINGS) === 'followup');
  if (existing) {
    lines.splice(existing.index + 1, 0, ...block.split('\n'), '');
    return lines.join('\n');
  }
  const sections = headings.filter((entry) => entry.match[1]!.length >= 2);
  const agenda = sections.findIndex((entry) => classifyHeading(entry.match[2]!, DEFAULT_SECTION_HEADINGS) === 'agenda');
  const depth = sections[0]?.match[1] ?? '##';
  const at = agenda >= 0 ? (sections[agenda + 1]?.index ?? lines.length) : (sections[0]?.index ?? lines.length);
  const section = [`${depth} ${FOLLOWUP_TEXT[locale].heading}`, ...block.split('\n'), ''];
  if (at === lines.length && lines.at(-1) !== '') section.unshift('');
  lines.splice(at, 0, ...section);
  return lines.join('\n');
}

/** A YAML 1.2 scalar: plain when that reads back as the same text, else double-quoted. */
export function yamlScalar(value: string, inFlow: boolean): string {
  if (/^\d{4}-\d{2}-\d{2}$/u.test(value) || /^\d{1,2}:\d{2}-\d{1,2}:\d{2}$/u.test(value)) return value;
  const plain = inFlow ? /^[\p{L}\p{N}_(（][^:#\n"'`{}[\],|>*&!%@\\]*$/u : /^[\p{L}\p{N}_(（][^:#\n"'`{}[\]|>*&!%@\\]*$/u;
  const looksTyped = /^(?:true|false|null|~|[-+]?(?:\d|\.\d))/iu.test(value);
  return plain.test(value) && !/\s$/u.test(value) && !looksTyped ? value : JSON.stringify(value);
}
