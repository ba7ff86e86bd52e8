// Frontmatter: finding the block, parsing its YAML with positions, and reading the meeting fields.
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type Pair } from 'yaml';
import { isValidTimeZone, parseIsoDate } from './calendar';
import { readDateExpression } from './date-expressions';
import { readSimpleYaml } from './simple-yaml';
import type { FieldProblem, Frontmatter, MeetingFields, Span } from './model';

const OPENING = /^---[ \t]*(?:\r\n|\r|\n)/;
// Only `---` closes: remark-frontmatter reads no other fence, and both must agree.
const CLOSING = /^---[ \t]*$/m;

/** Keys that hold attendees; the first key name is the canonical one. */
export const ATTENDEE_KEYS = ['attendees', 'participants', '参会人员', '与会人员', '参会人', '出席人员'];
export const FIELD_KEYS = {
  title: ['title', '标题', '主题'],
  date: ['date', '日期'],
  facilitator: ['facilitator', 'chair', 'host', '主持人'],
  notetaker: ['notetaker', 'note-taker', 'scribe', '记录人'],
  type: ['type', '类型'],
  series: ['series', '系列'],
  duration: ['duration', '时长'],
  time: ['time', '时间'],
  departments: ['departments', '部门'],
  timezone: ['timezone', '时区'],
  tags: ['tags', '标签'],
} as const;

/** Visible attendees key, for frontmatter that does not parse. */
const ATTENDEES_LINE = new RegExp(`^(?:${ATTENDEE_KEYS.join('|')})[ \\t]*[:：]`, 'mu');
const MEETING_TYPE_LINE = /^(?:type|类型)[ \t]*[:：][ \t]*["']?(?:meeting|会议)["']?[ \t]*$/imu;
const MEETING_TYPES = new Set(['meeting', '会议']);

/** `fastYaml: false` forces the full YAML parser (the reference the fast reader is tested against). */
export function findFrontmatter(text: string, fastYaml = true): Frontmatter | null {
  const opening = OPENING.exec(text);
  if (!opening) return null;
  const contentStart = opening[0].length;
  const rest = text.slice(contentStart);
  const closing = CLOSING.exec(rest);
  // An empty block (`---` right after `---`) has its closing line at the very start.
  const closed = closing !== null;
  const contentEnd = closed ? contentStart + closing.index : text.length;
  let end = closed ? contentEnd + closing[0].length : text.length;
  if (closed && text[end] === '\r') end++;
  if (closed && text[end] === '\n') end++;
  const content = text.slice(contentStart, contentEnd);
  const frontmatter: Frontmatter = {
    span: { start: 0, end },
    contentStart,
    content,
    closed,
    data: null,
    yamlProblems: [],
  };
  if (!closed) {
    frontmatter.yamlProblems.push({ message: 'frontmatter-unclosed', span: { start: 0, end: 3 } });
    return frontmatter;
  }
  const simple = fastYaml ? readSimpleYaml(content) : null;
  if (simple) {
    frontmatter.data = simple.data;
    fieldNodes.set(frontmatter, simple.pairs);
    return frontmatter;
  }
  // YAML does not take a lone CR as a line break; swapping it for LF keeps every offset.
  const doc = parseDocument(content.replace(/\r(?!\n)/gu, '\n'), { uniqueKeys: true, prettyErrors: false });
  for (const error of [...doc.errors, ...doc.warnings]) {
    frontmatter.yamlProblems.push({
      message: error.message.split('\n')[0]!.trim(),
      span: { start: contentStart + error.pos[0], end: contentStart + Math.max(error.pos[1], error.pos[0] + 1) },
    });
  }
  if (doc.errors.length === 0) {
    try {
      const data: unknown = doc.toJS({ maxAliasCount: 100 });
      if (data && typeof data === 'object' && !Array.isArray(data)) frontmatter.data = data as Record<string, unknown>;
      if (isMap(doc.contents)) fieldNodes.set(frontmatter, doc.contents.items as Pair[]);
    } catch (error) {
      // An alias bomb or an excessive alias count: report, never expand.
      frontmatter.yamlProblems.push({ message: (error as Error).message, span: { start: contentStart, end: contentStart + content.length } });
    }
  }
  return frontmatter;
}

/** Parsed key/value nodes, kept for positions; not part of the serialisable model. */
const fieldNodes = new WeakMap<Frontmatter, Pair[]>();

/** Why the frontmatter makes this a meeting file, reading raw lines when the YAML is broken. */
export function meetingReasonOf(frontmatter: Frontmatter | null): 'attendees' | 'type' | null {
  if (!frontmatter) return null;
  if (frontmatter.data) {
    if (ATTENDEE_KEYS.some((key) => key in frontmatter.data!)) return 'attendees';
    const type = frontmatter.data.type ?? frontmatter.data['类型'];
    return typeof type === 'string' && MEETING_TYPES.has(type.trim().toLowerCase()) ? 'type' : null;
  }
  if (ATTENDEES_LINE.test(frontmatter.content)) return 'attendees';
  return MEETING_TYPE_LINE.test(frontmatter.content) ? 'type' : null;
}

export const EMPTY_FIELDS: MeetingFields = {
  title: null,
  date: null,
  attendees: [],
  facilitator: null,
  notetaker: null,
  type: null,
  series: null,
  duration: null,
  departments: [],
  timezone: null,
  tags: [],
};

/** A date with a time of day, ISO 8601 or with a space, with seconds, fractions, `Z` or an offset. */
const DATE_AND_TIME = /^(\d{4}-\d{2}-\d{2})[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:[ ]?(?:Z|[+-]\d{2}(?::?\d{2})?))?$/u;

/** Reads the meeting fields; every value of the wrong shape becomes a problem with its span. */
export function readFields(frontmatter: Frontmatter | null): { fields: MeetingFields; problems: FieldProblem[] } {
  const fields: MeetingFields = { ...EMPTY_FIELDS, attendees: [], departments: [], tags: [] };
  const problems: FieldProblem[] = [];
  if (!frontmatter) {
    problems.push({ messageId: 'field.no-frontmatter', args: {}, span: { start: 0, end: 0 } });
    return { fields, problems };
  }
  const pairs = fieldNodes.get(frontmatter);
  if (!pairs) return { fields, problems }; // the YAML itself is broken: frontmatter-yaml reports it
  const offset = frontmatter.contentStart;
  const { content } = frontmatter;
  const spanOf = (node: unknown): Span => {
    const range = (node as YamlNode | null)?.range;
    if (!range) return { start: 0, end: 3 };
    // A block scalar's or a block list's range takes in its last line break: a fix that replaces
    // the value must leave it, or the next key joins this line.
    let end = range[1];
    while (end > range[0] && (content[end - 1] === '\n' || content[end - 1] === '\r')) end--;
    return { start: offset + range[0], end: offset + end };
  };
  const byKey = new Map<string, Pair>();
  for (const pair of pairs) if (isScalar(pair.key)) byKey.set(String(pair.key.value), pair);
  const find = (keys: readonly string[]) => keys.map((key) => byKey.get(key)).find((pair) => pair !== undefined);
  const problem = (messageId: string, node: unknown, args: Record<string, string | number> = {}) =>
    problems.push({ messageId, args, span: spanOf(node) });
  const readText = (keys: readonly string[]): string | null => {
    const pair = find(keys);
    if (!pair || pair.value === null || (isScalar(pair.value) && pair.value.value === null)) return null;
    if (isScalar(pair.value) && (typeof pair.value.value === 'string' || typeof pair.value.value === 'number')) {
      return String(pair.value.value).trim() || null;
    }
    problem('field.not-text', pair.value, { key: String((pair.key as { value: unknown }).value) });
    return null;
  };

  fields.title = readText(FIELD_KEYS.title);
  fields.facilitator = readText(FIELD_KEYS.facilitator);
  fields.notetaker = readText(FIELD_KEYS.notetaker);
  fields.type = readText(FIELD_KEYS.type);
  fields.series = readText(FIELD_KEYS.series);

  const datePair = find(FIELD_KEYS.date);
  if (!datePair || datePair.value === null || (isScalar(datePair.value) && datePair.value.value === null)) {
    problems.push({ messageId: 'field.date-missing', args: {}, span: datePair ? spanOf(datePair.key) : { start: 0, end: 3 } });
  } else {
    const node = datePair.value;
    // (a folded or literal block scalar keeps its last line break in its value)
    const written = isScalar(node) ? String(node.value ?? '').trim() : '';
    const dateAndTime = DATE_AND_TIME.exec(written);
    if (parseIsoDate(written)) {
      fields.date = written;
    } else if (dateAndTime && parseIsoDate(dateAndTime[1]!)) {
      fields.date = dateAndTime[1]!; // `2026-11-20 14:00`: the day as written is what the rules need
    } else {
      const reading = written ? readDateExpression(written, 0, null) : null;
      const readable = reading && reading.date && reading.end === written.length;
      const span = spanOf(node);
      problems.push({
        messageId: 'field.date-invalid',
        args: { value: written },
        span,
        fixes: readable ? [{ title: reading.date!, edits: [{ span, text: reading.date! }], safe: true }] : [],
      });
      if (readable) fields.date = reading.date;
    }
  }

  const attendeePairs = ATTENDEE_KEYS.map((key) => byKey.get(key)).filter((pair): pair is Pair => pair !== undefined);
  for (const pair of attendeePairs) fields.attendees.push(...readNames(pair.value, spanOf, problems));
  fields.attendees = [...new Set(fields.attendees)];

  fields.departments = readList(find(FIELD_KEYS.departments), spanOf, problems);
  fields.tags = readList(find(FIELD_KEYS.tags), spanOf, problems);

  const timezonePair = find(FIELD_KEYS.timezone);
  const timezone = readText(FIELD_KEYS.timezone);
  if (timezone && isValidTimeZone(timezone)) fields.timezone = timezone;
  else if (timezone) problem('field.timezone', timezonePair!.value, { value: timezone });

  const durationPair = find(FIELD_KEYS.duration);
  if (durationPair && durationPair.value !== null) {
    const minutes = readMinutes(isScalar(durationPair.value) ? durationPair.value.value : null);
    if (minutes === null) problem('field.duration', durationPair.value);
    else fields.duration = minutes;
  }
  const timePair = find(FIELD_KEYS.time);
  if (timePair && timePair.value !== null) {
    const minutes = readTimeRange(isScalar(timePair.value) ? timePair.value.value : null);
    if (minutes === null) problem('field.time', timePair.value);
    else fields.duration ??= minutes;
  }
  return { fields, problems };
}

function readNames(node: unknown, spanOf: (node: unknown) => Span, problems: FieldProblem[]): string[] {
  if (node === null || (isScalar(node) && node.value === null)) return [];
  if (isScalar(node) && typeof node.value === 'string') {
    // "张三, 李四" written as one string: read it, but say that a list was meant.
    const names = node.value.split(/[,，、;；]/u).map((name) => name.trim()).filter(Boolean);
    const span = spanOf(node);
    problems.push({
      messageId: 'field.attendees-not-list',
      args: {},
      span,
      fixes: names.length > 0 ? [{ title: `[${names.join(', ')}]`, edits: [{ span, text: `[${names.map(yamlFlowScalar).join(', ')}]` }], safe: false }] : [],
    });
    return names;
  }
  if (!isSeq(node)) {
    problems.push({ messageId: 'field.attendees-not-list', args: {}, span: spanOf(node) });
    return [];
  }
  const names: string[] = [];
  for (const item of node.items) {
    if (isScalar(item) && (typeof item.value === 'string' || typeof item.value === 'number') && String(item.value).trim()) {
      names.push(String(item.value).trim());
    } else if (isMap(item) && typeof item.get('name') === 'string') {
      names.push(String(item.get('name')).trim());
    } else {
      problems.push({ messageId: 'field.attendee-not-name', args: {}, span: spanOf(item) });
    }
  }
  return names;
}

function readList(pair: Pair | undefined, spanOf: (node: unknown) => Span, problems: FieldProblem[]): string[] {
  if (!pair || pair.value === null) return [];
  const node = pair.value;
  if (isScalar(node)) return node.value === null ? [] : [String(node.value)];
  if (isSeq(node)) {
    return node.items.flatMap((item) => {
      if (isScalar(item) && item.value !== null && typeof item.value !== 'object') return [String(item.value)];
      problems.push({ messageId: 'field.not-text-list', args: { key: String((pair.key as { value: unknown }).value) }, span: spanOf(item) });
      return [];
    });
  }
  problems.push({ messageId: 'field.not-text-list', args: { key: String((pair.key as { value: unknown }).value) }, span: spanOf(node) });
  return [];
}

/** `60`, `"60"`, `60min`, `1h`, `1.5 h`, `90 分钟`, `1小时`. */
export function readMinutes(value: unknown): number | null {
  if (typeof value === 'number') return value > 0 && value <= 24 * 60 ? value : null;
  if (typeof value !== 'string') return null;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(?:(min|mins|minutes?|m|分钟|分|h|hrs?|hours?|小时)\s*)?$/iu.exec(value);
  if (!match) return null;
  const amount = Number(match[1]);
  const unit = (match[2] ?? 'min').toLowerCase();
  const minutes = /^(h|hr|hrs|hour|hours|小时)$/u.test(unit) ? amount * 60 : amount;
  return minutes > 0 && minutes <= 24 * 60 ? Math.round(minutes) : null;
}

/** `14:00-15:30` (also `–`, `~`, `～`, `至`, `到`) → minutes; null when unreadable or not increasing. */
export function readTimeRange(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const match = /^\s*(\d{1,2})[:：](\d{2})\s*(?:-|–|—|~|～|至|到)\s*(\d{1,2})[:：](\d{2})\s*$/u.exec(value);
  if (!match) return null;
  const [h1, m1, h2, m2] = match.slice(1).map(Number) as [number, number, number, number];
  if (h1 > 23 || h2 > 24 || m1 > 59 || m2 > 59) return null;
  const minutes = h2 * 60 + m2 - (h1 * 60 + m1);
  return minutes > 0 ? minutes : null;
}

function yamlFlowScalar(name: string): string {
  return /^[\p{L}\p{N}_ .·-]+$/u.test(name) && !/^[-.\s]/u.test(name) ? name : JSON.stringify(name);
}
