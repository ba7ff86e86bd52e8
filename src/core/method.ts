// The meeting method beyond action items: the items of the agenda, goals, resources, decisions
// and problems sections, read line by line from each section's body (lists are line-oriented, so
// no second Markdown parse is needed), and what each item says: a time box, a measurable target,
// a deadline, a resource's type, amount, requester and date, an accountable person.
// Every regular expression here runs in linear time: inputs can be single lines of 100 KB.
import { readActionFacts } from './action-text';
import { lineOf } from './lines';
import { readDateAt, readDateExpression } from './date-expressions';
import type { ActionStatus, Meeting, OwnerMention, Section, Span } from './model';
import { PeopleIndex } from './people';
import { readingContext, readItemOnce } from './reading-memo';
import { allMatches } from './regex';
import type { ResolvedConfig } from './config';

export interface TableCell {
  /** Header of the cell's column ('' when the table has none). */
  header: string;
  text: string;
  span: Span;
}

export interface SectionItem {
  kind: 'list' | 'row';
  /** 0-based line where the item starts. */
  line: number;
  /** The item's own text in the document: after the list marker and any task box, continuation lines included. */
  span: Span;
  /** End of the first line's content, without trailing blanks: where a fix appends. */
  firstLineEnd: number;
  /** The own text with line breaks and HTML comments turned into single spaces. */
  text: string;
  /** Task box status when the item starts with one. */
  task: ActionStatus | null;
  /** Nested list items (list items only). */
  children: SectionItem[];
  /** Table cells (rows only). */
  cells: TableCell[];
}

const cache = new WeakMap<Meeting, Map<string, SectionItem[]>>();

/**
 * The top-level items (list items and table rows) of every section of `kind`, in document order.
 * Subsections without a kind, or of the same kind, belong to the section; subsections of another
 * kind do not. Plain paragraphs are notes, not items. Fenced code and HTML comments are skipped.
 */
export function sectionItems(meeting: Meeting, kind: string): SectionItem[] {
  let perKind = cache.get(meeting);
  if (!perKind) cache.set(meeting, (perKind = new Map()));
  const cached = perKind.get(kind);
  if (cached) return cached;
  const items: SectionItem[] = [];
  const sections = meeting.sections;
  sections.forEach((section, index) => {
    if (section.kind !== kind || hasAncestorOfKind(meeting, index, kind)) return;
    // Nested sections follow their parent directly: walk forward only while still inside it.
    const excluded: Span[] = [];
    for (let next = index + 1; next < sections.length && isInside(sections[next]!, section); next++) {
      const other = sections[next]!;
      if (other.kind !== null && other.kind !== kind) excluded.push({ start: other.headingSpan.start, end: other.bodySpan.end });
    }
    items.push(...scanBody(meeting, section.bodySpan, excluded));
  });
  perKind.set(kind, items);
  return items;
}

/** The first section of `kind` that is not nested in another one of the same kind. */
export function firstSectionOf(meeting: Meeting, kind: string): Section | null {
  return meeting.sections.find((section, index) => section.kind === kind && !hasAncestorOfKind(meeting, index, kind)) ?? null;
}

function isInside(inner: Section, outer: Section): boolean {
  return inner.depth > outer.depth && inner.headingSpan.start >= outer.bodySpan.start && inner.headingSpan.start < outer.bodySpan.end;
}

function hasAncestorOfKind(meeting: Meeting, index: number, kind: string): boolean {
  const parents = parentsOf(meeting);
  for (let parent = parents[index]!; parent >= 0; parent = parents[parent]!) if (meeting.sections[parent]!.kind === kind) return true;
  return false;
}

const parentCache = new WeakMap<Meeting, number[]>();

/** For each section, the index of the section it is nested in (-1 at the top): one pass with a stack. */
function parentsOf(meeting: Meeting): number[] {
  let parents = parentCache.get(meeting);
  if (parents) return parents;
  parents = [];
  const open: number[] = [];
  meeting.sections.forEach((section, index) => {
    while (open.length > 0 && meeting.sections[open[open.length - 1]!]!.depth >= section.depth) open.pop();
    parents!.push(open.length > 0 ? open[open.length - 1]! : -1);
    open.push(index);
  });
  parentCache.set(meeting, parents);
  return parents;
}

/** Everything a reading of the item depends on in the document: its own text, its sub-items' and its cells. */
function itemKey(kind: string, item: SectionItem, meeting: Meeting): string {
  const parts = [kind, fullText(item)];
  for (const span of allSpans(item)) parts.push(meeting.text.slice(span.start, span.end));
  for (const cell of allCells(item)) parts.push(cell.header, cell.text);
  return parts.join('\u0000');
}

/** The item's text and the text of all its nested items, one space apart. */
export function fullText(item: SectionItem): string {
  return [item.text, ...item.children.map(fullText)].join(' ');
}

/** The spans of the item and of all its nested items. */
export function allSpans(item: SectionItem): Span[] {
  return [item.span, ...item.children.flatMap(allSpans)];
}

// ---------------------------------------------------------------------------------------------
// The line scanner

const FENCE = /^ {0,3}(`{3,}|~{3,})/u;
const HEADING_LINE = /^ {0,3}#{1,6}(?:[ \t]|$)/u;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/u;
const LIST_MARKER = /^([ \t]*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)/u;
const TASK_BOX = /\[([ xX/-])\](?=[ \t])[ \t]+/uy;
const TABLE_DELIMITER = /^[ \t]*(?:\|[ \t]*)?:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*(?:\|[ \t]*)?$/u;
const STATUS_OF_BOX: Record<string, ActionStatus> = { ' ': 'open', x: 'done', X: 'done', '/': 'in-progress', '-': 'cancelled' };

interface Open {
  indent: number;
  contentIndent: number;
  item: SectionItem;
}

function indentWidth(whitespace: string): number {
  let width = 0;
  for (const char of whitespace) width = char === '\t' ? width + 4 - (width % 4) : width + 1;
  return width;
}

function scanBody(meeting: Meeting, body: Span, excluded: readonly Span[]): SectionItem[] {
  const { text, lineStarts } = meeting;
  const items: SectionItem[] = [];
  let stack: Open[] = [];
  let fence: string | null = null;
  let inComment = false;
  let blankBefore = false;
  let table: { headers: string[] } | null = null;
  let line = firstLineAfter(lineStarts, body.start);
  const lineEnd = (index: number) => {
    let end = index + 1 < lineStarts.length ? lineStarts[index + 1]! : text.length;
    while (end > lineStarts[index]! && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
    return end;
  };
  const reset = () => {
    stack = [];
    table = null;
  };
  for (; line < lineStarts.length && lineStarts[line]! < body.end; line++) {
    const start = lineStarts[line]!;
    const end = lineEnd(line);
    if (excluded.some((span) => start >= span.start && start < span.end)) {
      reset();
      continue;
    }
    const raw = text.slice(start, end);
    if (fence !== null) {
      if (raw.trimStart().startsWith(fence)) fence = null;
      continue;
    }
    if (inComment) {
      if (raw.includes('-->')) inComment = false;
      continue;
    }
    const fenceMatch = FENCE.exec(raw);
    if (fenceMatch) {
      fence = fenceMatch[1]!;
      reset();
      continue;
    }
    const visible = stripComments(raw);
    if (visible.open) inComment = true;
    if (visible.text.trim() === '') {
      // A line holding only a comment is not a blank line for the list around it.
      if (raw.trim() === '') {
        blankBefore = true;
        table = null;
      }
      continue;
    }
    if (HEADING_LINE.test(raw) || THEMATIC_BREAK.test(raw)) {
      reset();
      blankBefore = false;
      continue;
    }
    const marker = LIST_MARKER.exec(raw);
    if (marker) {
      const indent = indentWidth(marker[1]!);
      let contentStart = start + marker[0].length;
      TASK_BOX.lastIndex = contentStart;
      const box = TASK_BOX.exec(text);
      let task: ActionStatus | null = null;
      if (box && box.index === contentStart && contentStart + box[0].length <= end) {
        task = STATUS_OF_BOX[box[1]!]!;
        contentStart += box[0].length;
      }
      const item = newItem('list', line, contentStart, end, text, task);
      while (stack.length > 0 && stack[stack.length - 1]!.indent >= indent) stack.pop();
      const parent = stack[stack.length - 1];
      if (parent) parent.item.children.push(item);
      else items.push(item);
      stack.push({ indent, contentIndent: indent + marker[0].length - marker[1]!.length, item });
      table = null;
      blankBefore = false;
      continue;
    }
    if (table === null && (stack.length === 0 || blankBefore) && raw.includes('|') && line + 1 < lineStarts.length && lineStarts[line + 1]! < body.end) {
      const next = text.slice(lineStarts[line + 1]!, lineEnd(line + 1));
      if (TABLE_DELIMITER.test(next) && next.includes('-')) {
        stack = [];
        table = { headers: splitCells(raw, start).map((cell) => cell.text) };
        line++; // the delimiter row
        blankBefore = false;
        continue;
      }
    }
    if (table !== null) {
      const cells = splitCells(raw, start).map((cell, index) => ({ ...cell, header: table!.headers[index] ?? '' }));
      const row = newItem('row', line, start, end, text, null);
      row.cells = cells;
      row.text = cells.map((cell) => cell.text).join(' | ');
      items.push(row);
      continue;
    }
    // A paragraph line: it continues the open item (directly, or after a blank line when indented
    // under it), or it ends the list.
    const indent = indentWidth(/^[ \t]*/u.exec(raw)![0]);
    let owner: Open | undefined;
    if (!blankBefore) owner = stack[stack.length - 1];
    else {
      while (stack.length > 0 && stack[stack.length - 1]!.contentIndent > indent) stack.pop();
      owner = stack[stack.length - 1];
    }
    if (owner) {
      owner.item.span.end = trimEnd(text, start, end);
      owner.item.text = `${owner.item.text} ${visible.text.trim()}`.trim();
    } else {
      reset();
    }
    blankBefore = false;
  }
  return items;
}

/** The first line that starts at or after `offset` (a body starts after its heading's line). */
function firstLineAfter(lineStarts: readonly number[], offset: number): number {
  const line = lineOf(lineStarts, offset);
  return lineStarts[line] === offset ? line : line + 1;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return end;
}

function newItem(kind: SectionItem['kind'], line: number, start: number, end: number, text: string, task: ActionStatus | null): SectionItem {
  const contentEnd = trimEnd(text, start, end);
  return {
    kind,
    line,
    span: { start, end: contentEnd },
    firstLineEnd: contentEnd,
    text: stripComments(text.slice(start, contentEnd)).text.replace(/\s+/gu, ' ').trim(),
    task,
    children: [],
    cells: [],
  };
}

/** The line with `<!-- … -->` replaced by a space; `open` when a comment starts and does not end. */
function stripComments(line: string): { text: string; open: boolean } {
  let out = '';
  let from = 0;
  for (;;) {
    const open = line.indexOf('<!--', from);
    if (open < 0) return { text: out + line.slice(from), open: false };
    out += `${line.slice(from, open)} `;
    const close = line.indexOf('-->', open + 4);
    if (close < 0) return { text: out, open: true };
    from = close + 3;
  }
}

/** Cells of a table row, split at `|` not escaped by a backslash, with their spans. */
function splitCells(raw: string, lineStart: number): Array<{ text: string; span: Span }> {
  const cells: Array<{ text: string; span: Span }> = [];
  let cellStart = 0;
  const push = (from: number, to: number) => {
    let a = from;
    let b = to;
    while (a < b && /\s/u.test(raw[a]!)) a++;
    while (b > a && /\s/u.test(raw[b - 1]!)) b--;
    cells.push({ text: raw.slice(a, b).replace(/\\\|/gu, '|'), span: { start: lineStart + a, end: lineStart + b } });
  };
  for (let i = 0; i < raw.length; i++) {
    if (raw[i] === '\\') {
      i++;
      continue;
    }
    if (raw[i] === '|') {
      push(cellStart, i);
      cellStart = i + 1;
    }
  }
  push(cellStart, raw.length);
  // Leading and trailing pipes leave empty cells at the ends.
  if (raw.trimStart().startsWith('|')) cells.shift();
  if (raw.trimEnd().endsWith('|') && !raw.trimEnd().endsWith('\\|')) cells.pop();
  return cells;
}

// ---------------------------------------------------------------------------------------------
// Time boxes

export interface TimeBox {
  minutes: number;
  /** Offsets in the text the time was read from. */
  start: number;
  end: number;
}

const TIME_RANGE = /(?<![\d:：])([01]?\d|2[0-3])[:：]([0-5]\d)[ \t]?(?:-|–|—|~|～|至|到)[ \t]?([01]?\d|2[0-4])[:：]([0-5]\d)(?!\d)/u;
const DURATION =
  /(?<![A-Za-z0-9.])(\d{1,3}(?:\.\d{1,2})?)[ \t]?(minutes|minute|mins|min|m|hours|hour|hrs|hr|h|分钟|分|个小时|小时|个钟头|钟头)(?![A-Za-z])/iu;
const CHINESE_DURATION = /(?<![零一二两三四五六七八九十])([零一二两三四五六七八九十]{1,3})?(个)?(半)?(分钟|小时|钟头)/u;
const ENGLISH_DURATION = /(?<![A-Za-z])(half an|an|one|two|three)[ \t]+hours?(?![A-Za-z])/iu;
const CHINESE_NUMBERS: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

function chineseCount(text: string): number | null {
  const ten = text.indexOf('十');
  if (ten < 0) return text.length === 1 ? CHINESE_NUMBERS[text] ?? null : null;
  const tens = ten === 0 ? 1 : CHINESE_NUMBERS[text.slice(0, ten)];
  const unitText = text.slice(ten + 1);
  const units = unitText === '' ? 0 : CHINESE_NUMBERS[unitText];
  return tens === undefined || units === undefined ? null : tens * 10 + units;
}

/** The first time box written in `text`: `(10min)`, `10 分钟`, `（十五分钟）`, `[10m]`, `1.5h`, `14:00-14:20`. */
export function readTimeBox(text: string): TimeBox | null {
  const found: TimeBox[] = [];
  const range = TIME_RANGE.exec(text);
  if (range) {
    const minutes = Number(range[3]) * 60 + Number(range[4]) - (Number(range[1]) * 60 + Number(range[2]));
    if (minutes > 0) found.push({ minutes, start: range.index, end: range.index + range[0].length });
  }
  const duration = DURATION.exec(text);
  if (duration) {
    const amount = Number(duration[1]);
    const hours = /^(?:hours?|hrs?|h|个?小时|个?钟头)$/iu.test(duration[2]!);
    found.push({ minutes: Math.round(hours ? amount * 60 : amount), start: duration.index, end: duration.index + duration[0].length });
  }
  const chinese = CHINESE_DURATION.exec(text);
  if (chinese && (chinese[1] || chinese[3])) {
    const count = chinese[1] ? chineseCount(chinese[1]) : 0;
    if (count !== null) {
      const hours = chinese[4] !== '分钟';
      const minutes = hours ? count * 60 + (chinese[3] ? 30 : 0) : count;
      if (minutes > 0 && !(chinese[3] && !hours)) found.push({ minutes, start: chinese.index, end: chinese.index + chinese[0].length });
    }
  }
  const english = ENGLISH_DURATION.exec(text);
  if (english) {
    const word = english[1]!.toLowerCase();
    const minutes = word === 'half an' ? 30 : word === 'two' ? 120 : word === 'three' ? 180 : 60;
    found.push({ minutes, start: english.index, end: english.index + english[0].length });
  }
  found.sort((a, b) => a.start - b.start);
  return found[0] && found[0].minutes > 0 ? found[0] : null;
}

const TIME_HEADER = /时长|用时|分钟|时间|duration|time|minutes|mins?\b/iu;
const HOURS_HEADER = /小时|hours?|hrs?\b/iu;

/** Minutes of an agenda item: its own time box, else a time column, else the sum of its sub-items when all have one. */
export function agendaMinutes(item: SectionItem): number | null {
  for (const cell of item.cells) {
    if (!TIME_HEADER.test(cell.header) && !HOURS_HEADER.test(cell.header)) continue;
    const bare = /^(\d{1,3}(?:\.\d{1,2})?)$/u.exec(cell.text);
    if (bare) return Math.round(Number(bare[1]) * (HOURS_HEADER.test(cell.header) && !/分钟|min/iu.test(cell.header) ? 60 : 1)) || null;
  }
  const own = readTimeBox(item.text);
  if (own) return own.minutes;
  if (item.children.length > 0) {
    const parts = item.children.map(agendaMinutes);
    if (parts.every((part): part is number => part !== null)) return parts.reduce((sum, part) => sum + part, 0);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Deadlines and measurable targets (SMART goals)

/** Periods that bound a goal in time without naming a day. Linear: no nested quantifiers. */
const PERIOD = new RegExp(
  [
    '(?<![A-Za-z0-9])(?:Q[1-4]|H[12])(?![A-Za-z0-9])',
    '(?<![A-Za-z])FY[ \\t]?\\d{2,4}(?!\\d)',
    '第?[一二三四1-4]季度(?:末|底)?',
    '(?:本|下|这个?|当前)季度(?:末|底|内)?',
    '季度(?:末|底)',
    '季末',
    '(?:上|下)半年',
    '年内|年底前|本年度|今年内?|月内|本月|下个?月|本周|下周',
    '(?<!\\d)(?:19|20)\\d{2}[ \\t]?年(?:底|末|内|前|度)?',
    '(?<![零一二两三四五六七八九十半\\d])(?:\\d{1,3}|[零一二两三四五六七八九十]{1,3}|半)[ \\t]?个?(?:月|季度|周|星期|礼拜|天|日|年)(?:内|以内|之内)',
    '(?<![A-Za-z])(?:by|before|until|till|within|in|during)[ \\t]+(?:the[ \\t]+)?(?:end[ \\t]+of[ \\t]+)?(?:Q[1-4]|H[12]|(?:this|next)[ \\t]+(?:week|month|quarter|year)|(?:19|20)\\d{2}|january|february|march|april|may|june|july|august|september|october|november|december|\\d{1,3}[ \\t]+(?:days?|weeks?|months?|quarters?|years?)|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|twelve)[ \\t]+(?:days?|weeks?|months?|quarters?|years?))(?![A-Za-z])',
    '(?<![A-Za-z])end[ \\t]+of[ \\t]+(?:the[ \\t]+)?(?:week|month|quarter|year|Q[1-4])(?![A-Za-z])',
    '(?<![A-Za-z])(?:EOY|EOQ|EOM|EOW)(?![A-Za-z])',
    '(?<![A-Za-z])(?:this|next)[ \\t]+(?:quarter|year|month)(?![A-Za-z])',
  ].join('|'),
  'giu',
);

// Char codes: looking up `text[i]` would make a string of every Chinese character read.
const DATE_START_CODES = new Set([...'今明后大本这下周星礼月年'].map((char) => char.charCodeAt(0)));

/**
 * Spans of deadlines written in `text`: any date the due-date reader understands (absolute or
 * relative to the meeting), and periods such as Q4, 第四季度, 年底前, 六个月内, by end of Q4.
 */
export function findDeadlines(text: string, meetingDate: string | null): Span[] {
  const spans: Span[] = [];
  let i = 0;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    const prev = i > 0 ? text.charCodeAt(i - 1) : 0;
    const candidate =
      (isDigitCode(code) && !isDigitCode(prev)) ||
      (code > 127 && DATE_START_CODES.has(code)) ||
      (isLetterCode(code) && !isLetterCode(prev) && !isDigitCode(prev));
    if (candidate) {
      const reading = readDateAt(text, i, meetingDate);
      if (reading && reading.end > i && (reading.date !== null || reading.problem === 'needs-meeting-date')) {
        spans.push({ start: i, end: reading.end });
        i = reading.end;
        continue;
      }
    }
    i++;
  }
  for (const match of allMatches(PERIOD, text)) spans.push({ start: match.index, end: match.index + match[0].length });
  return spans.sort((a, b) => a.start - b.start);
}

function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isLetterCode(code: number): boolean {
  return (code | 32) >= 97 && (code | 32) <= 122;
}

/** `text` with the spans replaced by spaces (same length). */
export function mask(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  let result = '';
  let cursor = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    const start = Math.max(cursor, Math.min(span.start, text.length));
    const end = Math.min(span.end, text.length);
    if (end <= start) continue;
    result += text.slice(cursor, start) + ' '.repeat(end - start);
    cursor = end;
  }
  return result + text.slice(cursor);
}

const MEASURE = new RegExp(
  [
    '\\d',
    '[%％‰]',
    '百分之',
    '(?<![零一二两三四五六七八九十百千万亿])[零一二两三四五六七八九十百千万亿]+[ \\t]?(?:个百分点|倍|成|万|千|百|亿|名|位|人|家|单|次|条|篇|项|款|元|块|个)',
    '翻[一两]?番|减半|清零',
    '(?<![A-Za-z])(?:KPIs?|KRs?|percent|percentage|double|triple|halve)(?![A-Za-z])',
    '指标|关键结果',
  ].join('|'),
  'iu',
);

export interface GoalCheck {
  measurable: boolean;
  deadline: boolean;
}

/** `checkGoal` of a goal item of the meeting. */
export function goalCheckOf(item: SectionItem, meeting: Meeting, config: ResolvedConfig): GoalCheck {
  const text = fullText(item);
  return readItemOnce(meeting, () => readingContext(meeting.fields, config), `goal\u0000${text}`, () => checkGoal(text, meeting.fields.date));
}

/** Whether a goal names a measurable target and a deadline (numbers inside the deadline do not count as targets). */
export function checkGoal(text: string, meetingDate: string | null, dueMentionsWithDate = 0): GoalCheck {
  const deadlines = findDeadlines(text, meetingDate);
  return { measurable: MEASURE.test(mask(text, deadlines)), deadline: deadlines.length > 0 || dueMentionsWithDate > 0 };
}

// ---------------------------------------------------------------------------------------------
// People of a meeting, for items that name owners or requesters

const peopleCache = new WeakMap<Meeting, PeopleIndex>();

export function peopleOf(meeting: Meeting, config: ResolvedConfig): PeopleIndex {
  let people = peopleCache.get(meeting);
  if (!people) {
    const { attendees, facilitator, notetaker } = meeting.fields;
    people = new PeopleIndex([...attendees, ...[facilitator, notetaker].filter((name): name is string => !!name)], config.people);
    peopleCache.set(meeting, people);
  }
  return people;
}

/** Owners named anywhere in the item or its sub-items (`@name`, `负责人：`, `owner:`, `[owner:: …]`). */
export function ownersOf(item: SectionItem, meeting: Meeting, config: ResolvedConfig): OwnerMention[] {
  const people = peopleOf(meeting, config);
  const owners: OwnerMention[] = [];
  for (const span of allSpans(item)) {
    for (const owner of readActionFacts(meeting.text, span, meeting.fields.date, people).owners) {
      if (!owners.some((known) => known.name === owner.name)) owners.push(owner);
    }
  }
  return owners;
}

/** Keys naming who is accountable for a decision, besides the owner keys of action items. */
const ACCOUNTABLE_KEY =
  /(?:(?<![\p{L}\p{N}_])(?:accountable|decided[ \t]by|decision[ \t]owner|approver|approved[ \t]by|dri)|决策人|拍板人|审批人|批准人|执行负责人)[ \t]*[:：][ \t]*[\p{L}\p{N}@＠]/iu;

/** Whether a decision names someone accountable. */
export function decisionHasOwner(item: SectionItem, meeting: Meeting, config: ResolvedConfig): boolean {
  return readItemOnce(meeting, () => readingContext(meeting.fields, config), itemKey('decision', item, meeting), () => {
    if (ownersOf(item, meeting, config).length > 0) return true;
    return ACCOUNTABLE_KEY.test(fullText(item));
  });
}

// ---------------------------------------------------------------------------------------------
// Resource requests

export type ResourcePart = 'type' | 'amount' | 'requester' | 'date';
export type ResourceType = 'people' | 'budget' | 'time' | 'tech';

export interface ResourceRequest {
  /** Canonical type when recognised, else the written one, else null. */
  type: ResourceType | string | null;
  amount: boolean;
  requester: string | null;
  /** The needed-by date: ISO when it could be resolved, else as written. */
  date: string | null;
  missing: ResourcePart[];
}

const KEY_GROUPS: Record<ResourcePart, string[]> = {
  type: ['资源类型', '类型', '类别', 'resource type', 'type', 'kind'],
  amount: ['数量', '金额', '预算金额', '人数', 'amount', 'quantity', 'qty', 'how much'],
  requester: ['申请人', '提出人', '需求方', '需求人', '申请部门', 'requester', 'requestor', 'requested by', 'asked by'],
  date: ['需要日期', '需求日期', '所需日期', '到位日期', '到位时间', '需要时间', '期望日期', '截止日期', '截止', 'needed by', 'need by', 'required by', 'needed on', 'due', 'deadline', 'by when'],
};
const KEY_OF = new Map<string, ResourcePart>();
for (const [part, keys] of Object.entries(KEY_GROUPS) as Array<[ResourcePart, string[]]>) for (const key of keys) KEY_OF.set(key, part);
const ALL_KEYS = [...KEY_OF.keys()].sort((a, b) => b.length - a.length);
const LATIN_KEYS = ALL_KEYS.filter((key) => /^[a-z]/u.test(key)).map((key) => key.replace(/ /gu, '[ \\t]+'));
const CJK_KEYS = ALL_KEYS.filter((key) => !/^[a-z]/u.test(key));
const RESOURCE_KEY = new RegExp(`(?:(?<![\\p{L}\\p{N}_])(${LATIN_KEYS.join('|')})|(${CJK_KEYS.join('|')}))[ \\t]*[:：](?![:：])[ \\t]*`, 'giu');
/** Where a `key: value` ends. A comma before a digit belongs to a number (50,000). */
const VALUE_END = /[；;，|\n]|,(?!\d)/gu;

const TYPE_WORDS: Record<ResourceType, string[]> = {
  people: ['人力', '人员', '人手', '招聘', '兼职', '编制', 'headcount', 'people', 'staff', 'staffing', 'hire', 'hires', 'hiring', 'contractor', 'contractors', 'engineer', 'engineers', 'designer', 'designers'],
  budget: ['资金', '预算', '经费', '费用', '财力', '成本', 'budget', 'funding', 'funds', 'money', 'cost', 'costs', 'spend'],
  time: ['时间', '工期', '排期', '工时', '人天', 'time', 'schedule', 'deadline extension', 'hours'],
  tech: ['技术', '技术支持', '研发', '开发', '服务器', '设备', '工具', '系统', '接口', '物力', 'tech', 'technical', 'technology', 'tooling', 'tools', 'equipment', 'hardware', 'software', 'server', 'servers', 'licence', 'licences', 'license', 'licenses', 'engineering support'],
};
const TYPE_PATTERN = new RegExp(
  Object.values(TYPE_WORDS)
    .flat()
    .sort((a, b) => b.length - a.length)
    .map((word) => (/^[a-z]/u.test(word) ? `(?<![A-Za-z])${word.replace(/ /gu, '[ \\t]+')}(?![A-Za-z])` : word))
    .join('|'),
  'iu',
);
const AMOUNT = new RegExp(
  [
    '\\d',
    '[¥￥$€£]',
    '(?<![零一二两三四五六七八九十百千万亿])[零一二两三四五六七八九十百千万亿]+[ \\t]?(?:名|位|个|人|台|套|万|千|百|元|块|天|周|个月|月|小时|份|次|项|条)',
    '(?<![A-Za-z])(?:one|two|three|four|five|six|seven|eight|nine|ten|a[ \\t]+few|several|a[ \\t]+couple[ \\t]+of)[ \\t]+[A-Za-z]',
    '(?<![A-Za-z])(?:an?)[ \\t]+(?:engineer|designer|person|contractor|server|week|month|day|licen[cs]e)(?![A-Za-z])',
  ].join('|'),
  'iu',
);

function typeOf(word: string): ResourceType | null {
  const lower = word.toLowerCase().replace(/\s+/gu, ' ');
  for (const [type, words] of Object.entries(TYPE_WORDS) as Array<[ResourceType, string[]]>) if (words.includes(lower)) return type;
  return null;
}

/** Reads what a resource request says: type, amount, requester and needed-by date. */
export function readResource(item: SectionItem, meeting: Meeting, config: ResolvedConfig): ResourceRequest {
  return readItemOnce(meeting, () => readingContext(meeting.fields, config), itemKey('resource', item, meeting), () => readResourceNow(item, meeting, config));
}

function readResourceNow(item: SectionItem, meeting: Meeting, config: ResolvedConfig): ResourceRequest {
  const text = fullText(item);
  const meetingDate = meeting.fields.date;
  const values: Partial<Record<ResourcePart, string>> = {};
  const keySpans: Span[] = [];
  const valueSpans: Partial<Record<ResourcePart, Span>> = {};
  // A value runs to the next separator or the next key; both lists are walked once (linear).
  const matches = allMatches(RESOURCE_KEY, text);
  const stops = allMatches(VALUE_END, text).map((stop) => stop.index);
  let nextStop = 0;
  matches.forEach((match, index) => {
    const part = KEY_OF.get((match[1] ?? match[2])!.toLowerCase().replace(/\s+/gu, ' '));
    const valueStart = match.index + match[0].length;
    while (nextStop < stops.length && stops[nextStop]! < valueStart) nextStop++;
    const valueEnd = Math.min(stops[nextStop] ?? text.length, matches[index + 1]?.index ?? text.length);
    keySpans.push({ start: match.index, end: valueStart });
    const value = text.slice(valueStart, Math.max(valueStart, valueEnd)).trim();
    if (part && value && values[part] === undefined) {
      values[part] = value;
      valueSpans[part] = { start: valueStart, end: Math.max(valueStart, valueEnd) };
    }
  });
  // Table columns count as keys too.
  for (const cell of allCells(item)) {
    const part = headerPart(cell.header);
    if (part && cell.text.trim() && values[part] === undefined) values[part] = cell.text.trim();
  }

  // Type: a `类型：` value or a type word anywhere outside the keys.
  let type: string | null = null;
  if (values.type) type = typeOf(values.type) ?? (TYPE_PATTERN.exec(values.type) ? typeOf(TYPE_PATTERN.exec(values.type)![0]) : null) ?? values.type;
  else {
    const word = TYPE_PATTERN.exec(mask(text, keySpans));
    if (word) type = typeOf(word[0]);
  }

  // Needed-by date: a date key, a due marker, or any date or period in the text.
  let date: string | null = null;
  const dateValue = values.date;
  if (dateValue) {
    const reading = readDateExpression(dateValue, 0, meetingDate);
    if (reading.date) date = reading.date;
    else if (reading.problem === 'needs-meeting-date' || findDeadlines(dateValue, meetingDate).length > 0) date = dateValue;
  }
  const deadlines = findDeadlines(text, meetingDate);
  if (date === null && deadlines.length > 0) {
    const first = text.slice(deadlines[0]!.start, deadlines[0]!.end);
    date = readDateExpression(first, 0, meetingDate).date ?? first;
  }

  // Requester: a requester key, or an owner mention.
  let requester = values.requester ?? null;
  const owners = ownersOf(item, meeting, config);
  if (!requester && owners.length > 0) requester = owners.map((owner) => owner.name).join(', ');

  // Amount: an amount key, or a number that is not part of a date, a key or a name.
  let amount = values.amount !== undefined;
  if (!amount) {
    const hidden = [...keySpans, ...deadlines];
    if (valueSpans.requester) hidden.push(valueSpans.requester);
    let visible = mask(text, hidden);
    // Names are not amounts (`@Bob2`).
    for (const owner of owners) visible = visible.split(owner.written).join(' '.repeat(owner.written.length));
    amount = AMOUNT.test(visible);
  }

  const missing: ResourcePart[] = [];
  if (!type) missing.push('type');
  if (!amount) missing.push('amount');
  if (!requester) missing.push('requester');
  if (!date) missing.push('date');
  return { type, amount, requester, date, missing };
}

function allCells(item: SectionItem): TableCell[] {
  return [...item.cells, ...item.children.flatMap(allCells)];
}

function headerPart(header: string): ResourcePart | null {
  const lower = header.trim().toLowerCase();
  if (!lower) return null;
  const direct = KEY_OF.get(lower);
  if (direct) return direct;
  if (/类型|类别|type|kind/iu.test(lower)) return 'type';
  if (/数量|金额|预算|人数|amount|quantity|budget/iu.test(lower)) return 'amount';
  if (/申请|需求方|requester|requested|who/iu.test(lower)) return 'requester';
  if (/日期|时间|截止|date|needed|when|deadline/iu.test(lower)) return 'date';
  return null;
}
