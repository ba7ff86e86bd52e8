// Completions while writing a meeting: after `@` (or an owner key) the attendees, then the roster
// (an alias inserts the person's name), then everyone else of the workspace; after a due marker
// the useful dates with their weekdays; in the frontmatter the keys and the known values of
// `type`, `series` and people; after `## ` the method's sections the meeting does not have yet.
import * as vscode from 'vscode';
import {
  addDays,
  ATTENDEE_KEYS,
  BUILTIN_TEMPLATE_IDS,
  endOfMonth,
  FIELD_KEYS,
  isoWeekday,
  message,
  ownerReading,
  parseMeeting,
  peopleOf,
  SECTION_TITLES,
  seriesSummaries,
  todayIn,
  type Locale,
  type Meeting,
  type ResolvedConfig,
} from '../core';
import { configForDocument, type ConfigResolver } from './config-resolver';
import { displayLocale } from './locale';
import type { MeetingStore } from './meeting-store';
import { expectedNextDate, meetingCount } from './new-meeting';

export const COMPLETION_TRIGGERS = ['@', '＠', ':', '：', ' '];

const MENTION = /(?:^|[^\p{L}\p{N}_@＠/])[@＠]([^\s@＠,，、;；()（）[\]]*)$/u;
const OWNER_KEY = /(?:(?<![\p{L}\p{N}_])(?:owners?|assignees?)|负责人|责任人|执行人)[ \t]*[:：][ \t]*(?:[@＠]?[^\s:：,，、/&;；]+[ \t]*[,，、/&;；][ \t]*)*[@＠]?([^\s:：,，、/&;；]*)$/iu;
const DUE = /(📅\uFE0F?|\[(?:due|deadline|ddl|截止|截止日期)::|(?:(?<![\p{L}\p{N}_])(?:due|deadline|ddl)|截止日期|截止时间|截止|期限)[ \t]*[:：])([ \t]*)([^\s\]]*)$/iu;
const HEADING = /^(#{2,6})[ \t]+([^#]*)$/u;
const METHOD_SECTIONS = ['agenda', 'followup', 'goals', 'progress', 'metrics', 'problems', 'resources', 'actions', 'decisions', 'summary'] as const;

/** Frontmatter fields offered as keys: canonical English key and first Chinese alias. */
const FIELDS: Array<{ field: string; keys: readonly string[] }> = [
  { field: 'title', keys: FIELD_KEYS.title },
  { field: 'date', keys: FIELD_KEYS.date },
  { field: 'time', keys: FIELD_KEYS.time },
  { field: 'type', keys: FIELD_KEYS.type },
  { field: 'series', keys: FIELD_KEYS.series },
  { field: 'facilitator', keys: FIELD_KEYS.facilitator },
  { field: 'notetaker', keys: FIELD_KEYS.notetaker },
  { field: 'attendees', keys: ATTENDEE_KEYS },
  { field: 'duration', keys: FIELD_KEYS.duration },
  { field: 'departments', keys: FIELD_KEYS.departments },
  { field: 'timezone', keys: FIELD_KEYS.timezone },
  { field: 'tags', keys: FIELD_KEYS.tags },
];
const PEOPLE_FIELDS = new Set(['attendees', 'facilitator', 'notetaker']);

export class MeetingCompletions implements vscode.CompletionItemProvider {
  constructor(
    private readonly store: MeetingStore,
    private readonly configs: ConfigResolver,
  ) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[] | undefined> {
    const before = document.lineAt(position.line).text.slice(0, position.character);
    const frontmatterEnd = frontmatterEndLine(document);
    const inFrontmatter = frontmatterEnd !== null && position.line > 0 && position.line < frontmatterEnd;
    // Cheap checks first: most keystrokes (a space in the middle of a sentence) need no parse.
    const context = inFrontmatter ? frontmatterContext(document, position, before) : bodyContext(before);
    if (!context) return undefined;
    const config = await this.configFor(document);
    const meeting = parseMeeting(document.getText(), { config, path: document.uri.path });
    const locale = displayLocale();
    switch (context.kind) {
      case 'key':
        return isMeetingLike(meeting) ? this.keyItems(meeting, position, context.typed, locale) : undefined;
      case 'value': {
        const items = isMeetingLike(meeting) ? this.valueItems(context.field, meeting, config, position, context.typed, locale) : undefined;
        if (context.needsSpace) for (const item of items ?? []) item.insertText = ` ${typeof item.insertText === 'string' ? item.insertText : typeof item.label === 'string' ? item.label : item.label.label}`;
        return items;
      }
      case 'person':
        return meeting.meetingReason ? this.personItems(meeting, config, position, context.typed, [], true) : undefined;
      case 'due':
        return meeting.meetingReason ? this.dueItems(meeting, config, position, context, locale) : undefined;
      case 'heading':
        return meeting.meetingReason ? this.headingItems(meeting, position, context.typed, locale) : undefined;
    }
  }

  private async configFor(document: vscode.TextDocument): Promise<ResolvedConfig> {
    return this.store.index.get(document.uri.toString())?.config ?? (await configForDocument(this.configs, document.uri));
  }

  /**
   * People: the meeting's own first, then the roster (aliases insert the name), then the rest of
   * the workspace. As an owner (`asOwner`), only names that read back as themselves.
   */
  personItems(meeting: Meeting, config: ResolvedConfig, position: vscode.Position, typed: string, exclude: readonly string[] = [], asOwner = false): vscode.CompletionItem[] {
    const range = new vscode.Range(position.line, position.character - typed.length, position.line, position.character);
    const items: vscode.CompletionItem[] = [];
    const seen = new Set(exclude);
    const people = peopleOf(meeting, config);
    const add = (label: string | vscode.CompletionItemLabel, insert: string, rank: number, detail: string) => {
      const key = typeof label === 'string' ? label : label.label;
      if (seen.has(key)) return;
      seen.add(key);
      // Only names that read back as themselves here (`Bob Li` of another meeting is read as Bob
      // where only Bob is known): the item must name the person picked.
      if (asOwner && !ownerReading(insert, people).exact) return;
      const item = new vscode.CompletionItem(label, vscode.CompletionItemKind.User);
      item.insertText = insert;
      item.range = range;
      item.sortText = `${rank}-${String(items.length).padStart(4, '0')}`;
      item.filterText = key;
      item.detail = detail;
      items.push(item);
    };
    const { attendees, facilitator, notetaker } = meeting.fields;
    for (const name of attendees) add(name, name, 0, vscode.l10n.t('attendee'));
    if (facilitator) add(facilitator, facilitator, 0, vscode.l10n.t('facilitator'));
    if (notetaker) add(notetaker, notetaker, 0, vscode.l10n.t('note-taker'));
    for (const person of config.people) add(person.name, person.name, 1, vscode.l10n.t('people roster'));
    for (const person of config.people) {
      for (const alias of person.aliases) {
        if (seen.has(alias)) continue;
        add({ label: alias, description: `→ ${person.name}` }, person.name, 2, vscode.l10n.t('alias of {0}', person.name));
      }
    }
    for (const name of this.store.index.people()) add(name, name, 3, vscode.l10n.t('from other meetings'));
    return items;
  }

  private dueItems(meeting: Meeting, config: ResolvedConfig, position: vscode.Position, context: DueContext, locale: Locale): vscode.CompletionItem[] {
    const today = todayIn(config.timezone);
    const { date, series } = meeting.fields;
    const base = date ?? today;
    const choices: Array<{ iso: string; why: string }> = [
      { iso: addDays(base, 7), why: date ? vscode.l10n.t('a week after the meeting') : vscode.l10n.t('in a week') },
    ];
    const next = this.store.index.nextMeetingDate(series, date);
    const expected = !next && series && date ? expectedNextDate(this.store.index.series(series), addDays(date, 1)) : null;
    if (next) choices.push({ iso: next, why: vscode.l10n.t('next meeting of the series') });
    else if (expected) choices.push({ iso: expected, why: vscode.l10n.t('next meeting of the series (expected)') });
    choices.push({ iso: endOfMonth(base), why: vscode.l10n.t('end of the month') });
    choices.push({ iso: addDays(base, 14), why: date ? vscode.l10n.t('two weeks after the meeting') : vscode.l10n.t('in two weeks') });
    const merged = new Map<string, string[]>();
    for (const choice of choices) merged.set(choice.iso, [...(merged.get(choice.iso) ?? []), choice.why]);
    const range = new vscode.Range(position.line, position.character - context.typed.length, position.line, position.character);
    return [...merged.entries()].map(([iso, why], index) => {
      const weekday = message(locale, `weekday.${isoWeekday(iso)}` as 'weekday.1');
      const item = new vscode.CompletionItem({ label: iso, description: `${weekday} · ${why.join(' · ')}` }, vscode.CompletionItemKind.Constant);
      item.insertText = context.needsSpace ? ` ${iso}` : iso;
      item.filterText = iso;
      item.range = range;
      item.sortText = String(index);
      item.preselect = index === 0;
      item.detail = `${iso} ${weekday}`;
      return item;
    });
  }

  private keyItems(meeting: Meeting, position: vscode.Position, typed: string, locale: Locale): vscode.CompletionItem[] {
    const present = new Set(Object.keys(meeting.frontmatter?.data ?? {}));
    const range = new vscode.Range(position.line, position.character - typed.length, position.line, position.character);
    const chineseFirst = locale === 'zh-CN';
    const items: vscode.CompletionItem[] = [];
    FIELDS.forEach(({ field, keys }, index) => {
      if (keys.some((key) => present.has(key))) return;
      const english = keys[0]!;
      const chinese = keys.find((key) => /\p{Script=Han}/u.test(key));
      for (const key of [english, chinese].filter((key): key is string => !!key)) {
        const item = new vscode.CompletionItem(key, vscode.CompletionItemKind.Property);
        item.range = range;
        item.detail = fieldDescription(field);
        const isChinese = /\p{Script=Han}/u.test(key);
        item.sortText = `${isChinese === chineseFirst ? 0 : 1}-${String(index).padStart(2, '0')}`;
        item.insertText = new vscode.SnippetString(field === 'attendees' ? `${key}: [$0]` : field === 'date' ? `${key}: \${1:${todayIn(null)}}` : `${key}: $0`);
        if (['type', 'series', 'attendees', 'facilitator', 'notetaker'].includes(field)) {
          item.command = { title: '', command: 'editor.action.triggerSuggest' };
        }
        items.push(item);
      }
    });
    return items;
  }

  private valueItems(field: string, meeting: Meeting, config: ResolvedConfig, position: vscode.Position, typed: string, locale: Locale): vscode.CompletionItem[] | undefined {
    const range = new vscode.Range(position.line, position.character - typed.length, position.line, position.character);
    const entries = this.store.index.keys().map((key) => this.store.index.get(key)!).filter(Boolean);
    if (PEOPLE_FIELDS.has(field)) return this.personItems(meeting, config, position, typed, field === 'attendees' ? meeting.fields.attendees : []);
    if (field === 'type') {
      const counts = new Map<string, number>();
      for (const entry of entries) if (entry.meeting.fields.type) counts.set(entry.meeting.fields.type, (counts.get(entry.meeting.fields.type) ?? 0) + 1);
      const types = [...new Set([...counts.keys(), ...Object.keys(config.requiredSections).filter((type) => type !== '*'), ...BUILTIN_TEMPLATE_IDS])];
      return types.map((type) => {
        const item = new vscode.CompletionItem(type, vscode.CompletionItemKind.EnumMember);
        item.range = range;
        const used = counts.get(type) ?? 0;
        item.detail = used > 0 ? meetingCount(used) : vscode.l10n.t('meeting type');
        const required = Object.hasOwn(config.requiredSections, type) ? config.requiredSections[type] : undefined;
        if (required?.length) item.documentation = vscode.l10n.t('Required sections: {0}', required.join(', '));
        item.sortText = `${used > 0 ? 0 : 1}-${String(9999 - used).padStart(4, '0')}-${type}`;
        return item;
      });
    }
    if (field === 'series') {
      return seriesSummaries(entries).map((summary, index) => {
        const item = new vscode.CompletionItem(summary.name, vscode.CompletionItemKind.EnumMember);
        item.range = range;
        item.detail = [summary.lastTitle, summary.lastDate].filter(Boolean).join(' ');
        item.documentation = meetingCount(summary.count);
        item.sortText = String(index).padStart(4, '0');
        return item;
      });
    }
    if (field === 'date') {
      const today = todayIn(config.timezone);
      const next = meeting.fields.series ? expectedNextDate(this.store.index.series(meeting.fields.series), today) : null;
      return [
        { iso: today, why: vscode.l10n.t('today') },
        ...(next && next !== today ? [{ iso: next, why: vscode.l10n.t('next meeting of the series (expected)') }] : []),
        { iso: addDays(today, 1), why: vscode.l10n.t('tomorrow') },
      ].map(({ iso, why }, index) => {
        const item = new vscode.CompletionItem({ label: iso, description: `${message(locale, `weekday.${isoWeekday(iso)}` as 'weekday.1')} · ${why}` }, vscode.CompletionItemKind.Constant);
        item.range = range;
        item.sortText = String(index);
        return item;
      });
    }
    return undefined;
  }

  private headingItems(meeting: Meeting, position: vscode.Position, typed: string, locale: Locale): vscode.CompletionItem[] {
    const present = new Set(meeting.sections.map((section) => section.kind));
    const range = new vscode.Range(position.line, position.character - typed.length, position.line, position.character);
    const items: vscode.CompletionItem[] = [];
    METHOD_SECTIONS.forEach((kind, index) => {
      if (present.has(kind)) return;
      const titles = SECTION_TITLES[kind];
      const ordered = locale === 'zh-CN' ? [titles.zh, titles.en] : [titles.en, titles.zh];
      ordered.forEach((title, language) => {
        const item = new vscode.CompletionItem(title, vscode.CompletionItemKind.Module);
        item.range = range;
        item.detail = vscode.l10n.t('section of the meeting method ({0})', kind);
        item.sortText = `${language}-${String(index).padStart(2, '0')}`;
        items.push(item);
      });
    });
    return items;
  }
}

type Context =
  | { kind: 'key'; typed: string }
  | { kind: 'value'; field: string; typed: string; needsSpace?: boolean }
  | { kind: 'person'; typed: string }
  | DueContext
  | { kind: 'heading'; typed: string };

interface DueContext {
  kind: 'due';
  typed: string;
  /** Right after `📅` with no space yet: the date goes in with one. */
  needsSpace: boolean;
}

function bodyContext(before: string): Context | null {
  const due = DUE.exec(before);
  if (due) return { kind: 'due', typed: due[3]!, needsSpace: due[2] === '' && due[1]!.startsWith('📅') };
  const mention = MENTION.exec(before);
  if (mention) return { kind: 'person', typed: mention[1]! };
  const owner = OWNER_KEY.exec(before);
  if (owner) return { kind: 'person', typed: owner[1]! };
  const heading = HEADING.exec(before);
  if (heading) return { kind: 'heading', typed: heading[2]! };
  return null;
}

function frontmatterContext(document: vscode.TextDocument, position: vscode.Position, before: string): Context | null {
  if (/^[\p{L}\p{N}_-]*$/u.test(before)) return { kind: 'key', typed: before };
  // YAML keys end with an ASCII colon; `:` right before the cursor means the value needs a space.
  const keyValue = /^([^\s:#](?:[^:]*[^:\t ])?)[ \t]*:([ \t]*)((?![ \t]).*)$/u.exec(before);
  if (keyValue) {
    const field = fieldOf(keyValue[1]!.trim());
    if (!field) return null;
    const value = keyValue[3]!;
    const needsSpace = keyValue[2] === '' && value === '';
    if (PEOPLE_FIELDS.has(field) || field === 'departments' || field === 'tags') {
      const item = /(?:^\[?|,[ \t]*)([^,[\]]*)$/u.exec(value);
      return item ? { kind: 'value', field, typed: item[1]!.trimStart(), needsSpace } : null;
    }
    return { kind: 'value', field, typed: value, needsSpace };
  }
  const listItem = /^[ \t]+-[ \t]*([^:]*)$/u.exec(before);
  if (listItem) {
    // The key a `  - item` belongs to: the nearest line above that is not indented.
    for (let line = position.line - 1; line > 0; line--) {
      const text = document.lineAt(line).text;
      if (/^[ \t]/u.test(text) || text.trim() === '') continue;
      const field = fieldOf(/^([^:]+):/u.exec(text)?.[1]?.trim() ?? '');
      return field && PEOPLE_FIELDS.has(field) ? { kind: 'value', field, typed: listItem[1]!, needsSpace: false } : null;
    }
  }
  return null;
}

function fieldOf(key: string): string | null {
  return FIELDS.find((candidate) => candidate.keys.includes(key))?.field ?? null;
}

/** Line of the closing `---` of a frontmatter that starts on the first line, or null. */
function frontmatterEndLine(document: vscode.TextDocument): number | null {
  if (document.lineCount < 2 || !/^---[ \t]*$/u.test(document.lineAt(0).text)) return null;
  const last = Math.min(document.lineCount, 200);
  for (let line = 1; line < last; line++) if (/^---[ \t]*$/u.test(document.lineAt(line).text)) return line;
  return last;
}

/** A meeting, or a frontmatter being written that holds nothing but meeting fields so far. */
function isMeetingLike(meeting: Meeting): boolean {
  if (meeting.meetingReason) return true;
  const keys = Object.keys(meeting.frontmatter?.data ?? {});
  return keys.every((key) => FIELDS.some((field) => field.keys.includes(key)));
}

function fieldDescription(field: string): string {
  switch (field) {
    case 'title':
      return vscode.l10n.t('Title of the meeting');
    case 'date':
      return vscode.l10n.t('Date of the meeting, YYYY-MM-DD');
    case 'time':
      return vscode.l10n.t('Time, such as 14:00-15:00');
    case 'type':
      return vscode.l10n.t('Meeting type: selects the required sections');
    case 'series':
      return vscode.l10n.t('Series: meetings that follow each other up');
    case 'facilitator':
      return vscode.l10n.t('Who runs the meeting');
    case 'notetaker':
      return vscode.l10n.t('Who writes the minutes');
    case 'attendees':
      return vscode.l10n.t('Attendees, as a list');
    case 'duration':
      return vscode.l10n.t('Duration in minutes');
    case 'departments':
      return vscode.l10n.t('Departments reporting progress');
    case 'timezone':
      return vscode.l10n.t('IANA time zone, such as Asia/Shanghai');
    default:
      return vscode.l10n.t('Tags');
  }
}
