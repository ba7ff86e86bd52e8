// Reading an action item's own text: owners, due dates, priority and the Obsidian Tasks fields.
// Works on one item's text; returns spans in document offsets.
import { readDateExpression } from './date-expressions';
import { allMatches } from './regex';
import type { DueMention, OwnerMention, Priority, Span } from './model';
import type { PeopleIndex } from './people';

export interface ActionFacts {
  owners: OwnerMention[];
  dueMentions: DueMention[];
  priority: Priority | null;
  doneDate: string | null;
  cancelledDate: string | null;
  recurrence: string | null;
  id: string | null;
}

const NAME = /[\p{L}\p{N}\p{M}_](?:[\p{L}\p{N}\p{M}_]|[-.·](?=[\p{L}\p{N}\p{M}_]))*/uy;
const WORD_CHAR = /[\p{L}\p{N}\p{M}_]/u;
// Latin keys need a word boundary before them; Chinese keys do not (`任务负责人：张三`).
const OWNER_KEY = /(?:(?<![\p{L}\p{N}_])(?:owners?|assignees?)|负责人|责任人|执行人)[ \t]*[:：](?![:：])[ \t]*/giu;
const OWNER_FIELD = /\[(?:owners?|assignees?|负责人|责任人|执行人)::[ \t]*([^\]\n]*)\]/giu;
const NAME_SEPARATOR = /[ \t]*(?:[,，、/&;；]|和|及|与|and(?![\p{L}]))[ \t]*/uy;
const DUE_MARKER =
  /📅\uFE0F?[ \t]*|\[(?:due|deadline|ddl|截止|截止日期)::[ \t]*|(?:(?<![\p{L}\p{N}_])(?:due|deadline|ddl)|截止日期|截止时间|截止|期限)[ \t]*[:：](?![:：])[ \t]*/giu;
const DONE_DATE = /✅\uFE0F?[ \t]*(\d{4}-\d{2}-\d{2})/u;
const CANCELLED_DATE = /❌\uFE0F?[ \t]*(\d{4}-\d{2}-\d{2})/u;
const RECURRENCE = /🔁\uFE0F?[ \t]*([^📅⏳🛫✅❌➕🔺⏫🔼🔽⏬🆔⛔\n]*)/u;
const PRIORITY_EMOJI: Record<string, Priority> = { '🔺': 'highest', '⏫': 'high', '🔼': 'medium', '🔽': 'low', '⏬': 'lowest' };
const PRIORITY_CODE = /(?<![\p{L}\p{N}])P([0-3])(?![\p{L}\p{N}])/u;
const PRIORITY_FIELD =
  /(?:\[priority::[ \t]*|(?:(?<![\p{L}\p{N}_])priority|优先级)[ \t]*[:：][ \t]*)(最高|最低|紧急|高|中|低|highest|lowest|urgent|high|medium|normal|low|P[0-3])/iu;
const PRIORITY_WORDS: Record<string, Priority> = {
  最高: 'highest', 紧急: 'highest', urgent: 'highest', highest: 'highest', p0: 'highest',
  高: 'high', high: 'high', p1: 'high',
  中: 'medium', medium: 'medium', normal: 'medium', p2: 'medium',
  低: 'low', low: 'low', p3: 'low',
  最低: 'lowest', lowest: 'lowest',
};
const BLOCK_ID = /(?:^|\s)\^([A-Za-z0-9-]+)\s*$/u;
const ID_EMOJI = /🆔\uFE0F?[ \t]*([A-Za-z0-9_-]+)/u;

/** Parts of the text where `@` and markers mean nothing: code, links, URLs, comments. */
function quietZones(text: string): Span[] {
  const zones: Span[] = [];
  const patterns: RegExp[] = [];
  if (text.includes('`')) patterns.push(/`[^`\n]*`/gu);
  if (text.includes(':') || text.includes('www.')) patterns.push(/(?:https?|ftp|mailto):[^\s<>()]*|www\.[^\s<>()]*/giu);
  if (text.includes('](')) zones.push(...linkTargets(text));
  if (text.includes('<')) patterns.push(/<[a-z][a-z0-9+.-]*:[^\s<>]*>/giu);
  for (const pattern of patterns) {
    for (const match of allMatches(pattern, text)) zones.push({ start: match.index, end: match.index + match[0].length });
  }
  let from = 0;
  while ((from = text.indexOf('<!--', from)) >= 0) {
    const close = text.indexOf('-->', from + 4);
    const end = close < 0 ? text.length : close + 3;
    zones.push({ start: from, end });
    from = end;
  }
  return zones;
}

/** Link targets `](…)` (no space in them), as `/\]\([^)\s]*\)/g` finds them, in linear time. */
function linkTargets(text: string): Span[] {
  const spans: Span[] = [];
  for (let at = text.indexOf(']('); at >= 0; ) {
    let end = at + 2;
    while (end < text.length && text[end] !== ')' && !/\s/u.test(text[end]!)) end++;
    if (text[end] === ')') spans.push({ start: at, end: ++end });
    at = text.indexOf('](', end); // a `](` before `end` ends at the same place: no need to rescan
  }
  return spans;
}

function inZone(offset: number, zones: readonly Span[]): boolean {
  return zones.some((zone) => offset >= zone.start && offset < zone.end);
}

/**
 * Reads the facts of one item. `text` is the whole document; `span` the item's own text.
 */
export function readActionFacts(text: string, span: Span, meetingDate: string | null, people: PeopleIndex): ActionFacts {
  const segment = text.slice(span.start, span.end);
  const base = span.start;
  // Computed only when some mention or marker needs checking (most items have few).
  let zoneCache: Span[] | null = null;
  const zones = () => (zoneCache ??= quietZones(segment));
  const owners: OwnerMention[] = [];
  /** Adds the owner a written name resolves to; returns how many characters the name used. */
  const addOwner = (written: string, at: number): number => {
    const resolved = people.resolve(written);
    const usedLength = resolved ? resolved.length : written.length;
    const mention: OwnerMention = {
      written: written.slice(0, usedLength),
      name: resolved ? resolved.name : written,
      known: resolved !== null,
      span: { start: base + at, end: base + at + usedLength },
    };
    if (!owners.some((owner) => owner.name === mention.name)) owners.push(mention);
    return usedLength;
  };

  for (const at of atSigns(segment)) {
    const before = segment[at - 1];
    if (before !== undefined && (WORD_CHAR.test(before) || before === '@' || before === '＠')) continue; // e-mail, @@
    if (inZone(at, zones())) continue;
    const multiWord = knownMultiWordName(segment, at + 1, people);
    if (multiWord) {
      addOwner(segment.slice(at + 1, at + 1 + multiWord), at + 1);
      continue;
    }
    NAME.lastIndex = at + 1;
    const name = NAME.exec(segment);
    if (name) addOwner(name[0], at + 1);
  }
  const hasColon = segment.includes(':') || segment.includes('：');
  const hasField = segment.includes('::');
  if (hasColon) for (const match of allMatches(OWNER_KEY, segment)) {
    if (!inZone(match.index, zones())) readNameList(segment, match.index + match[0].length, people, addOwner);
  }
  if (hasField) for (const match of allMatches(OWNER_FIELD, segment)) {
    const valueStart = match.index + match[0].indexOf(match[1]!, match[0].indexOf('::'));
    readNameList(segment, valueStart, people, addOwner);
  }
  owners.sort((a, b) => a.span.start - b.span.start);

  const dueMentions: DueMention[] = [];
  if (hasColon || segment.includes('📅')) for (const match of allMatches(DUE_MARKER, segment)) {
    if (inZone(match.index, zones())) continue;
    const valueStart = match.index + match[0].length;
    const reading = readDateExpression(segment, valueStart, meetingDate);
    dueMentions.push({
      written: segment.slice(valueStart, reading.end),
      date: reading.date,
      iso: reading.iso,
      problem: reading.problem,
      span: { start: base + valueStart, end: base + reading.end },
      markerSpan: { start: base + match.index, end: base + reading.end },
    });
  }

  return {
    owners,
    dueMentions,
    priority: readPriority(segment),
    doneDate: segment.includes('✅') ? (DONE_DATE.exec(segment)?.[1] ?? null) : null,
    cancelledDate: segment.includes('❌') ? (CANCELLED_DATE.exec(segment)?.[1] ?? null) : null,
    recurrence: segment.includes('🔁') ? RECURRENCE.exec(segment)?.[1]?.trim() || null : null,
    id: readId(segment),
  };
}

/** Facts read from an item's text alone (`readActionFacts(segment, { start: 0, … })`), moved to where the item starts. */
export function factsAt(facts: ActionFacts, offset: number): ActionFacts {
  const at = (span: Span): Span => ({ start: span.start + offset, end: span.end + offset });
  return {
    ...facts,
    owners: facts.owners.map((owner) => ({ ...owner, span: at(owner.span) })),
    dueMentions: facts.dueMentions.map((mention) => ({ ...mention, span: at(mention.span), markerSpan: at(mention.markerSpan) })),
  };
}

/** `张三、李四`, `Alice Chen, Bob`, `@王五 和 @赵六`; stops at the next `key:`. */
function readNameList(text: string, start: number, people: PeopleIndex, add: (written: string, at: number) => number): void {
  let at = start;
  for (;;) {
    if (text[at] === '@' || text[at] === '＠') at++;
    let length = knownMultiWordName(text, at, people);
    if (length === 0) {
      NAME.lastIndex = at;
      const name = NAME.exec(text);
      if (!name) return;
      length = name[0].length;
    }
    if (/^[ \t]*[:：]/u.test(text.slice(at + length, at + length + 3))) return; // a following `key:`
    // A known name may be followed directly by a separator: `张三和李四`, `张三、李四`.
    at += add(text.slice(at, at + length), at);
    NAME_SEPARATOR.lastIndex = at;
    const separator = NAME_SEPARATOR.exec(text);
    if (!separator) return;
    at += separator[0].length;
  }
}

/** Length of a known name with spaces (`Alice Chen`) written at `at`, or 0. */
function knownMultiWordName(text: string, at: number, people: PeopleIndex): number {
  const names = people.multiWordNames();
  if (names.length === 0) return 0;
  const lower = text.slice(at, at + 200).toLowerCase();
  const name = names.find((candidate) => lower.startsWith(candidate) && !WORD_CHAR.test(text[at + candidate.length] ?? ''));
  return name?.length ?? 0;
}

const NO_OFFSETS: readonly number[] = [];

/** Offsets of `@` and `＠` in order; each kind is searched for once past the last one found (linear). */
function atSigns(text: string): readonly number[] {
  let ascii = text.indexOf('@');
  let wide = text.indexOf('＠');
  if (ascii < 0 && wide < 0) return NO_OFFSETS; // most items: no array to make
  const offsets: number[] = [];
  while (ascii >= 0 || wide >= 0) {
    if (wide < 0 || (ascii >= 0 && ascii < wide)) {
      offsets.push(ascii);
      ascii = text.indexOf('@', ascii + 1);
    } else {
      offsets.push(wide);
      wide = text.indexOf('＠', wide + 1);
    }
  }
  return offsets;
}

const PRIORITY_EMOJI_LIST = Object.entries(PRIORITY_EMOJI);

function readPriority(text: string): Priority | null {
  for (const [emoji, priority] of PRIORITY_EMOJI_LIST) if (text.includes(emoji)) return priority;
  // Cheap checks first: most items have no priority at all.
  const field = text.includes('优先级') || /priority/iu.test(text) ? PRIORITY_FIELD.exec(text) : null;
  if (field) return PRIORITY_WORDS[field[1]!.toLowerCase()] ?? null;
  const code = text.includes('P') ? PRIORITY_CODE.exec(text) : null;
  return code ? PRIORITY_WORDS[`p${code[1]}`]! : null;
}

/**
 * The value of the first `[id:: value]` that starts before `limit`, in linear time: as a regex,
 * every unclosed `[id::` rescanned the rest of the line (quadratic; cubic with the trimming).
 */
function idField(text: string, limit: number): string | null {
  for (let at = text.indexOf('[id::'); at >= 0 && at < limit; ) {
    let end = at + 5;
    while (end < text.length && text[end] !== ']' && text[end] !== '\n') end++;
    if (text[end] === ']' && end > at + 5) return text.slice(at + 5, end);
    at = text.indexOf('[id::', end); // an `[id::` before `end` stops at the same place
  }
  return null;
}

/**
 * Where an item's tail begins: a trailing `^block-id` and the comments after its words (its
 * length when it has neither). Text added to an item goes before it: the id must stay last.
 */
export function itemTailStart(text: string): number {
  const words = text.includes('-->') ? withoutTrailingComments(text) : text.trimEnd();
  if (!words.includes('^')) return words.length;
  const id = BLOCK_ID.exec(words);
  return id ? id.index : words.length;
}

/** `text` without the `<!-- … -->` comments at its end (a regex for them backtracks on long lines). */
function withoutTrailingComments(text: string): string {
  let end = text.trimEnd().length;
  while (end >= 7 && text.startsWith('-->', end - 3)) {
    const open = text.lastIndexOf('<!--', end - 3);
    if (open < 0) break;
    end = text.slice(0, open).trimEnd().length;
  }
  return text.slice(0, end);
}

function readId(text: string): string | null {
  // The first of `[id:: value]` and `🆔 value`, as `/\[id::[ \t]*([^\]\n]+?)[ \t]*\]|🆔…/` found it.
  const emoji = text.includes('🆔') ? ID_EMOJI.exec(text) : null;
  const field = text.includes('[id::') ? idField(text, emoji ? emoji.index : text.length) : null;
  if (field !== null) return field.trim();
  if (emoji) return emoji[1]!;
  if (!text.includes('^')) return null;
  // A comment after the id (`^faq <!-- meetings-disable-line … -->`) is not part of the text.
  return BLOCK_ID.exec(text.includes('-->') ? withoutTrailingComments(text) : text)?.[1] ?? null;
}
