// `.meetings.yaml`: parsed from text (no file access here), validated with positions, and merged
// from the root folder down to the file's own folder.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import { isValidTimeZone } from './calendar';
import { checkPathPattern } from './path-pattern';
import { message, type MessageArgs, type MessageId } from './messages';
import type { Locale, SeveritySetting, Span } from './model';
import { DEFAULT_SECTION_HEADINGS, type HeadingTable } from './vocabulary';

export const CONFIG_FILE_NAME = '.meetings.yaml';

export interface Person {
  name: string;
  aliases: string[];
  /** E-mail address, for calendar exports (`ATTENDEE:mailto:…`). */
  email?: string;
}

/** `decisions.requireOwner`: every meeting, none, or the meeting types listed (`*` for all). */
export type RequireOwner = boolean | string[];

/** What one config file says; absent keys inherit from the parent folder's config. */
export interface ConfigLayer {
  /** Folder of the config file, `/`-separated, no trailing slash ('' for a virtual root). */
  dir: string;
  root?: boolean;
  locale?: Locale;
  timezone?: string;
  rules?: Record<string, SeveritySetting>;
  people?: Person[];
  requiredSections?: Record<string, string[]>;
  headings?: HeadingTable;
  include?: string[];
  exclude?: string[];
  decisionsRequireOwner?: RequireOwner;
  /** `newMeeting.pathPattern` and `newMeeting.template`: where `meetings new` writes, and from what. */
  newMeetingPathPattern?: string;
  newMeetingTemplate?: string;
}

export interface GlobRule {
  /** Folder the pattern is relative to. */
  dir: string;
  pattern: string;
}

export interface ResolvedConfig {
  locale: Locale | null;
  timezone: string | null;
  rules: Record<string, SeveritySetting>;
  people: Person[];
  requiredSections: Record<string, string[]>;
  headings: HeadingTable;
  include: GlobRule[];
  exclude: GlobRule[];
  decisions: { requireOwner: RequireOwner };
  /** Defaults for new meeting files; null means the built-in default. */
  newMeeting: { pathPattern: string | null; template: string | null };
}

export interface ConfigProblem {
  messageId: MessageId;
  args: MessageArgs;
  span: Span;
}

/** The problem's text in a language (config problems are rendered by whoever shows them). */
export function configProblemMessage(problem: ConfigProblem, locale: Locale): string {
  return message(locale, problem.messageId, problem.args);
}

export const DEFAULT_CONFIG: ResolvedConfig = {
  locale: null,
  timezone: null,
  rules: {},
  people: [],
  requiredSections: {},
  headings: DEFAULT_SECTION_HEADINGS,
  include: [],
  exclude: [],
  decisions: { requireOwner: false },
  newMeeting: { pathPattern: null, template: null },
};

const SEVERITY_SETTINGS = new Set(['error', 'warning', 'info', 'off']);
const TOP_LEVEL_KEYS = new Set(['root', 'locale', 'timezone', 'rules', 'people', 'sections', 'meetings', 'decisions', 'newMeeting']);

/**
 * Parses and validates one config file. Valid parts are kept even when others are wrong, and every
 * problem is reported with its position, so a typo never silently disables the whole file.
 */
export function parseConfig(text: string, dir: string, knownRules: readonly string[]): { layer: ConfigLayer; problems: ConfigProblem[] } {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const layer: ConfigLayer = { dir };
  const problems: ConfigProblem[] = [];
  const doc = parseDocument(source, { lineCounter: new LineCounter(), uniqueKeys: true, prettyErrors: false });
  for (const error of doc.errors) problems.push({ messageId: 'config.yaml', args: { detail: firstLine(error.message) }, span: { start: error.pos[0], end: error.pos[1] } });
  if (doc.errors.length > 0 || doc.contents === null) return { layer, problems };

  const spanOf = (node: unknown): Span => {
    const range = (node as YamlNode | null)?.range;
    return range ? { start: range[0], end: range[1] } : { start: 0, end: 0 };
  };
  const report: Report = (node, messageId, args = {}) => problems.push({ messageId, args, span: spanOf(node) });

  if (!isMap(doc.contents)) {
    report(doc.contents, 'config.not-mapping');
    return { layer, problems };
  }
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value;
    switch (key) {
      case 'root':
        if (isScalar(value) && typeof value.value === 'boolean') layer.root = value.value;
        else report(value, 'config.root');
        break;
      case 'locale':
        if (isScalar(value) && (value.value === 'en' || value.value === 'zh-CN')) layer.locale = value.value;
        else report(value, 'config.locale');
        break;
      case 'timezone':
        if (isScalar(value) && typeof value.value === 'string' && isValidTimeZone(value.value)) layer.timezone = value.value;
        else report(value, 'config.timezone');
        break;
      case 'rules':
        layer.rules = readRules(value, knownRules, report);
        break;
      case 'people':
        layer.people = readPeople(value, report);
        break;
      case 'sections':
        readSections(value, layer, report);
        break;
      case 'meetings':
        readMeetingGlobs(value, layer, report);
        break;
      case 'decisions':
        readDecisions(value, layer, report);
        break;
      case 'newMeeting':
        readNewMeeting(value, layer, report);
        break;
      default:
        if (!TOP_LEVEL_KEYS.has(key)) report(pair.key, 'config.unknown-key', { key, expected: [...TOP_LEVEL_KEYS].join(', ') });
    }
  }
  return { layer, problems };
}

type Report = (node: unknown, messageId: MessageId, args?: MessageArgs) => void;

function readRules(value: unknown, knownRules: readonly string[], report: Report): Record<string, SeveritySetting> {
  const rules: Record<string, SeveritySetting> = {};
  if (!isMap(value)) {
    report(value, 'config.rules');
    return rules;
  }
  for (const pair of value.items) {
    const id = isScalar(pair.key) ? String(pair.key.value) : '';
    const setting = isScalar(pair.value) ? pair.value.value : pair.value;
    const severity = setting === false ? 'off' : setting;
    if (!knownRules.includes(id)) report(pair.key, 'config.unknown-rule', { rule: id });
    else if (typeof severity !== 'string' || !SEVERITY_SETTINGS.has(severity)) report(pair.value, 'config.severity', { rule: id });
    else rules[id] = severity as SeveritySetting;
  }
  return rules;
}

function readStringList(value: unknown, what: string, report: Report): string[] {
  if (isScalar(value) && typeof value.value === 'string') return [value.value];
  if (!isSeq(value)) {
    report(value, 'config.string-list', { key: what });
    return [];
  }
  const list: string[] = [];
  for (const item of value.items) {
    if (isScalar(item) && (typeof item.value === 'string' || typeof item.value === 'number')) list.push(String(item.value));
    else report(item, 'config.string-list', { key: what });
  }
  return list;
}

function readPeople(value: unknown, report: Report): Person[] {
  const people: Person[] = [];
  if (!isSeq(value)) {
    report(value, 'config.people');
    return people;
  }
  for (const item of value.items) {
    if (isScalar(item) && typeof item.value === 'string') {
      people.push({ name: item.value, aliases: [] });
    } else if (isMap(item)) {
      const name = item.get('name');
      if (typeof name !== 'string' || name.trim() === '') {
        report(item, 'config.person-name');
        continue;
      }
      const aliases = item.has('aliases') ? readStringList(item.get('aliases', true), 'aliases', report) : [];
      const email = item.get('email', true);
      if (email === undefined) people.push({ name, aliases });
      else if (isScalar(email) && typeof email.value === 'string' && /^[^\s@]+@[^\s@]+$/u.test(email.value.trim())) people.push({ name, aliases, email: email.value.trim() });
      else {
        report(email, 'config.email');
        people.push({ name, aliases });
      }
    } else {
      report(item, 'config.people');
    }
  }
  return people;
}

function readSections(value: unknown, layer: ConfigLayer, report: Report): void {
  if (!isMap(value)) {
    report(value, 'config.sections');
    return;
  }
  for (const pair of value.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (key === 'required' || key === 'headings') {
      if (!isMap(pair.value)) {
        report(pair.value, 'config.sections-table', { key: `sections.${key}` });
        continue;
      }
      const table: Record<string, string[]> = {};
      for (const entry of pair.value.items) {
        const name = isScalar(entry.key) ? String(entry.key.value) : '';
        table[name] = readStringList(entry.value, `sections.${key}.${name}`, report);
      }
      if (key === 'required') layer.requiredSections = table;
      else layer.headings = table;
    } else {
      report(pair.key, 'config.unknown-key', { key: `sections.${key}`, expected: 'required, headings' });
    }
  }
}

function readMeetingGlobs(value: unknown, layer: ConfigLayer, report: Report): void {
  if (!isMap(value)) {
    report(value, 'config.meetings');
    return;
  }
  for (const pair of value.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (key === 'include') layer.include = readStringList(pair.value, 'meetings.include', report);
    else if (key === 'exclude') layer.exclude = readStringList(pair.value, 'meetings.exclude', report);
    else report(pair.key, 'config.unknown-key', { key: `meetings.${key}`, expected: 'include, exclude' });
  }
}

function readDecisions(value: unknown, layer: ConfigLayer, report: Report): void {
  if (!isMap(value)) {
    report(value, 'config.decisions');
    return;
  }
  for (const pair of value.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (key !== 'requireOwner') {
      report(pair.key, 'config.unknown-key', { key: `decisions.${key}`, expected: 'requireOwner' });
      continue;
    }
    if (isScalar(pair.value) && typeof pair.value.value === 'boolean') layer.decisionsRequireOwner = pair.value.value;
    else if (isSeq(pair.value)) layer.decisionsRequireOwner = readStringList(pair.value, 'decisions.requireOwner', report);
    else report(pair.value, 'config.require-owner');
  }
}

function readNewMeeting(value: unknown, layer: ConfigLayer, report: Report): void {
  if (!isMap(value)) {
    report(value, 'config.new-meeting');
    return;
  }
  for (const pair of value.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const text = isScalar(pair.value) && typeof pair.value.value === 'string' ? pair.value.value.trim() : null;
    if (key === 'pathPattern') {
      const problem = text === null ? { messageId: 'path-pattern.empty' as const, args: {} } : checkPathPattern(text);
      if (problem) report(pair.value ?? pair.key, problem.messageId, problem.args);
      else layer.newMeetingPathPattern = text!;
    } else if (key === 'template') {
      if (text) layer.newMeetingTemplate = text;
      else report(pair.value ?? pair.key, 'config.template');
    } else {
      report(pair.key, 'config.unknown-key', { key: `newMeeting.${key}`, expected: 'pathPattern, template' });
    }
  }
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}

/**
 * Merges layers ordered from the outermost folder to the innermost: scalars and rule severities
 * of inner layers win, people and heading terms accumulate, required sections are replaced per
 * meeting type. A layer with `root: true` discards everything outside it.
 */
export function mergeConfig(layers: readonly ConfigLayer[]): ResolvedConfig {
  let start = 0;
  layers.forEach((layer, index) => {
    if (layer.root) start = index;
  });
  const merged: ResolvedConfig = {
    ...DEFAULT_CONFIG,
    rules: {},
    people: [],
    requiredSections: {},
    headings: Object.fromEntries(Object.entries(DEFAULT_SECTION_HEADINGS).map(([kind, terms]) => [kind, [...terms]])),
    include: [],
    exclude: [],
    decisions: { requireOwner: false },
    newMeeting: { pathPattern: null, template: null },
  };
  for (const layer of layers.slice(start)) {
    if (layer.locale) merged.locale = layer.locale;
    if (layer.timezone) merged.timezone = layer.timezone;
    if (layer.decisionsRequireOwner !== undefined) merged.decisions = { requireOwner: layer.decisionsRequireOwner };
    if (layer.newMeetingPathPattern) merged.newMeeting = { ...merged.newMeeting, pathPattern: layer.newMeetingPathPattern };
    if (layer.newMeetingTemplate) merged.newMeeting = { ...merged.newMeeting, template: layer.newMeetingTemplate };
    Object.assign(merged.rules, layer.rules);
    Object.assign(merged.requiredSections, layer.requiredSections);
    for (const person of layer.people ?? []) {
      const existing = merged.people.findIndex((p) => p.name === person.name);
      if (existing >= 0) merged.people.splice(existing, 1);
      merged.people.push(person);
    }
    for (const [kind, terms] of Object.entries(layer.headings ?? {})) {
      merged.headings[kind] = [...(merged.headings[kind] ?? []), ...terms];
    }
    merged.include.push(...(layer.include ?? []).map((pattern) => ({ dir: layer.dir, pattern })));
    merged.exclude.push(...(layer.exclude ?? []).map((pattern) => ({ dir: layer.dir, pattern })));
  }
  return merged;
}
