// Text in, meeting model out: frontmatter, fields, sections, action items and suppressions.
import { factsAt, readActionFacts, type ActionFacts } from './action-text';
import { DEFAULT_CONFIG, type ResolvedConfig } from './config';
import { EMPTY_FIELDS, findFrontmatter, meetingReasonOf, readFields } from './frontmatter';
import { matchesAnyGlob } from './globs';
import { computeLineStarts, lineOf, stripBom } from './lines';
import { blocksFromRemark, type BlockItem, type BlockStructure, type MarkdownParser } from './blocks';
import { scanBlocks } from './scanner';
import type { Action, ActionStatus, Meeting, Section, Suppression } from './model';
import { PeopleIndex } from './people';
import { attachMemo, readingContext, type ReadingMemo } from './reading-memo';
import { isTemplatePath } from './templates';
import { classifyHeading } from './vocabulary';

export interface ParseOptions {
  config?: ResolvedConfig;
  /** Absolute, `/`-separated path, for the config's meeting globs. */
  path?: string;
  /** `scanner` (default, fast) or `remark` (the reference the scanner is tested against). */
  parser?: MarkdownParser;
  /** The memo of this document's earlier readings (an editor's open document): unchanged items are not read again. */
  memo?: ReadingMemo;
}

/** An item's text on one line: a run of white space that holds a line break becomes one space. */
function itemText(raw: string): string {
  if (!raw.includes('\n') && !raw.includes('\r')) return raw.trim();
  return raw.replace(/\s+/gu, (run) => (/[\r\n]/u.test(run) ? ' ' : run)).trim();
}

/**
 * True when the config's globs exclude this path, or it is a meeting template
 * (`.meetings/templates/`): such files are never meeting files.
 */
export function isExcluded(path: string | undefined, config: ResolvedConfig): boolean {
  return path !== undefined && (isTemplatePath(path) || matchesAnyGlob(path, config.exclude));
}

export function parseMeeting(rawText: string, options: ParseOptions = {}): Meeting {
  const text = stripBom(rawText);
  const config = options.config ?? DEFAULT_CONFIG;
  // Excluded files (and team templates, whose `{{placeholders}}` are not YAML) are not read at all.
  const excluded = isExcluded(options.path, config);
  const frontmatter = excluded ? null : findFrontmatter(text);
  const lineStarts = computeLineStarts(text);
  let meetingReason: Meeting['meetingReason'] = meetingReasonOf(frontmatter);
  if (!meetingReason && !excluded && options.path !== undefined && matchesAnyGlob(options.path, config.include)) meetingReason = 'glob';

  const meeting: Meeting = {
    text,
    meetingReason,
    frontmatter,
    fields: { ...EMPTY_FIELDS },
    fieldProblems: [],
    sections: [],
    actions: [],
    suppressions: [],
    lineStarts,
  };
  if (!meetingReason) return meeting;

  const { fields, problems } = readFields(frontmatter);
  meeting.fields = fields;
  meeting.fieldProblems = problems;
  const blocks =
    options.parser === 'remark' ? blocksFromRemark(text) : scanBlocks(text, frontmatter?.closed ? frontmatter.span.end : 0);
  meeting.sections = readSections(blocks, text, config);
  meeting.suppressions = readSuppressions(blocks, lineStarts);
  const roster = new PeopleIndex([...fields.attendees, ...[fields.facilitator, fields.notetaker].filter((name): name is string => !!name)], config.people);
  const { memo } = options;
  let readFacts = (span: { start: number; end: number }): ActionFacts => readActionFacts(text, span, fields.date, roster);
  if (memo) {
    attachMemo(meeting, memo);
    const context = readingContext(fields, config);
    memo.facts.begin(context);
    memo.labels.begin(context);
    readFacts = (span) => {
      const segment = text.slice(span.start, span.end);
      return factsAt(memo.facts.get(segment, () => readActionFacts(segment, { start: 0, end: segment.length }, fields.date, roster)), span.start);
    };
  }
  meeting.actions = readActions(blocks, text, lineStarts, meeting.sections, readFacts);
  return meeting;
}

function readSections(blocks: BlockStructure, text: string, config: ResolvedConfig): Section[] {
  const sections: Section[] = blocks.headings.map((heading) => ({
    kind: classifyHeading(heading.text, config.headings),
    heading: heading.text.trim(),
    depth: heading.depth,
    headingSpan: heading.span,
    bodySpan: { start: heading.span.end, end: text.length },
    hasContent: false,
  }));
  // Each body ends at the next heading of the same or a higher level: one pass with a stack.
  const open: Section[] = [];
  for (const section of sections) {
    while (open.length > 0 && open[open.length - 1]!.depth >= section.depth) open.pop()!.bodySpan.end = section.headingSpan.start;
    open.push(section);
  }
  const starts = [...blocks.contentStarts].sort((a, b) => a - b);
  for (const section of sections) {
    const first = firstAtOrAfter(starts, section.bodySpan.start);
    section.hasContent = first < starts.length && starts[first]! < section.bodySpan.end;
  }
  return sections;
}

const DIRECTIVE = /<!--\s*meetings-(disable-next-line|disable-line|disable|enable)\b([^]*?)-->/gu;

function readSuppressions(blocks: BlockStructure, lineStarts: readonly number[]): Suppression[] {
  const suppressions: Suppression[] = [];
  for (const node of blocks.html) {
    for (const match of node.value.matchAll(DIRECTIVE)) {
      const kind = match[1] === 'disable-next-line' ? 'next-line' : match[1] === 'disable-line' ? 'line' : (match[1] as 'disable' | 'enable');
      const endOffset = node.start + match.index + match[0].length;
      suppressions.push({
        kind,
        rules: match[2]!.split(/[\s,]+/u).filter(Boolean),
        line: lineOf(lineStarts, kind === 'next-line' ? endOffset : node.start + match.index),
      });
    }
  }
  return suppressions.sort((a, b) => a.line - b.line);
}

const BOX = /(?:[-*+]|\d{1,9}[.)])[ \t]+\[([ xX/-])\]/y;
const STATUS_OF_BOX: Record<string, ActionStatus> = { ' ': 'open', x: 'done', X: 'done', '/': 'in-progress', '-': 'cancelled' };

function readActions(
  blocks: BlockStructure,
  text: string,
  lineStarts: readonly number[],
  sections: readonly Section[],
  readFacts: (span: { start: number; end: number }) => ActionFacts,
): Action[] {
  const actions: Action[] = [];
  // Index of the action each list item became, to find an action's nearest task ancestor.
  const actionOfItem: number[] = [];
  blocks.items.forEach((item, index) => {
    let parentTask = -1;
    for (let parent = item.parent; parent >= 0 && parentTask < 0; parent = blocks.items[parent]!.parent) parentTask = actionOfItem[parent]!;
    const action = readAction(item, text, lineStarts, sections, readFacts, parentTask);
    actionOfItem[index] = action ? actions.push(action) - 1 : -1;
  });
  for (const action of actions) {
    const parent = action.parent >= 0 ? actions[action.parent]! : null;
    if (!parent) continue;
    if (action.owners.length === 0 && parent.owners.length > 0) {
      action.owners = parent.owners;
      action.ownersInherited = true;
    }
    if (action.dueMentions.length === 0 && parent.due?.date) {
      action.due = parent.due;
      action.dueInherited = true;
    }
  }
  return actions;
}

function readAction(
  item: BlockItem,
  text: string,
  lineStarts: readonly number[],
  sections: readonly Section[],
  readFacts: (span: { start: number; end: number }) => ActionFacts,
  parent: number,
): Action | null {
  BOX.lastIndex = item.start;
  const box = BOX.exec(text);
  if (!box) return null;
  const boxStart = item.start + box[0].length - 3;
  const boxEnd = boxStart + 3;
  const paragraph = item.paragraph && item.paragraph.end > boxEnd ? item.paragraph : null;
  // remark knows only `[ ]` and `[x]`; `[/]` and `[-]` are read from the source with the same rule:
  // whitespace after the box and some text in the paragraph.
  if (item.checked === null) {
    if (box[1] !== '/' && box[1] !== '-') return null;
    if (!paragraph || !/^[ \t\r\n]/u.test(text.slice(boxEnd, boxEnd + 1)) || text.slice(boxEnd, paragraph.end).trim() === '') return null;
  }
  let textStart = boxEnd;
  while (text[textStart] === ' ' || text[textStart] === '\t') textStart++;
  const textEnd = paragraph ? Math.max(textStart, paragraph.end) : textStart;
  const section = sectionAt(sections, boxStart);
  if (section?.kind === 'attendees') return null;
  const textSpan = { start: textStart, end: textEnd };
  const facts = readFacts(textSpan);
  const due = facts.dueMentions.find((mention) => mention.date !== null) ?? facts.dueMentions[0] ?? null;
  return {
    line: lineOf(lineStarts, boxStart),
    status: STATUS_OF_BOX[box[1]!]!,
    boxSpan: { start: boxStart, end: boxEnd },
    textSpan,
    text: itemText(text.slice(textStart, textEnd)),
    owners: facts.owners,
    ownersInherited: false,
    due,
    dueInherited: false,
    dueMentions: facts.dueMentions,
    priority: facts.priority,
    doneDate: facts.doneDate,
    cancelledDate: facts.cancelledDate,
    recurrence: facts.recurrence,
    id: facts.id,
    parent,
    section: section?.kind ?? null,
  };
}

/**
 * The innermost section whose body holds the offset: the last heading before it (its body runs at
 * least to the next heading, so it holds the offset, and any deeper section would start later).
 */
function sectionAt(sections: readonly Section[], offset: number): Section | null {
  let low = 0;
  let high = sections.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (sections[middle]!.bodySpan.start <= offset) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  const section = found >= 0 ? sections[found]! : null;
  return section && offset < section.bodySpan.end ? section : null;
}

/** Index of the first value ≥ `target` in an ascending array. */
function firstAtOrAfter(values: readonly number[], target: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (values[middle]! < target) low = middle + 1;
    else high = middle;
  }
  return low;
}
