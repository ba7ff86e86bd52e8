// Text in, meeting model out: frontmatter, fields, sections, action items and suppressions.
import type { Heading, ListItem, Nodes, Root, RootContent } from 'mdast';
import { readActionFacts } from './action-text';
import { DEFAULT_CONFIG, type ResolvedConfig } from './config';
import { EMPTY_FIELDS, findFrontmatter, meetingReasonOf, readFields } from './frontmatter';
import { matchesAnyGlob } from './globs';
import { computeLineStarts, lineOf, stripBom } from './lines';
import { parseMarkdown } from './markdown';
import type { Action, ActionStatus, Meeting, Section, Span, Suppression } from './model';
import { PeopleIndex } from './people';
import { classifyHeading } from './vocabulary';

export interface ParseOptions {
  config?: ResolvedConfig;
  /** Absolute, `/`-separated path, for the config's meeting globs. */
  path?: string;
}

/** True when the config's globs exclude this path: such files are never meeting files. */
export function isExcluded(path: string | undefined, config: ResolvedConfig): boolean {
  return path !== undefined && matchesAnyGlob(path, config.exclude);
}

export function parseMeeting(rawText: string, options: ParseOptions = {}): Meeting {
  const text = stripBom(rawText);
  const config = options.config ?? DEFAULT_CONFIG;
  const frontmatter = findFrontmatter(text);
  const lineStarts = computeLineStarts(text);
  let meetingReason: Meeting['meetingReason'] = meetingReasonOf(frontmatter);
  if (!meetingReason && options.path !== undefined && matchesAnyGlob(options.path, config.include)) meetingReason = 'glob';
  if (isExcluded(options.path, config)) meetingReason = null;

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
  const root = parseMarkdown(text);
  meeting.sections = readSections(root, text, config);
  meeting.suppressions = readSuppressions(root, lineStarts);
  const roster = new PeopleIndex([...fields.attendees, ...[fields.facilitator, fields.notetaker].filter((name): name is string => !!name)], config.people);
  meeting.actions = readActions(root, text, lineStarts, meeting.sections, fields.date, roster);
  return meeting;
}

function headingText(node: Nodes): string {
  if ('value' in node && typeof node.value === 'string' && node.type !== 'html') return node.value;
  if ('children' in node) return (node.children as Nodes[]).map(headingText).join('');
  return '';
}

function readSections(root: Root, text: string, config: ResolvedConfig): Section[] {
  const headings: Heading[] = [];
  collect(root, 'heading', headings);
  const sections: Section[] = headings.map((heading) => ({
    kind: classifyHeading(headingText(heading), config.headings),
    heading: headingText(heading).trim(),
    depth: heading.depth,
    headingSpan: spanOf(heading),
    bodySpan: { start: spanOf(heading).end, end: text.length },
    hasContent: false,
  }));
  sections.forEach((section, index) => {
    const next = sections.slice(index + 1).find((other) => other.depth <= section.depth);
    if (next) section.bodySpan.end = next.headingSpan.start;
    section.hasContent = root.children.some(
      (child) => isContent(child) && spanOf(child).start >= section.bodySpan.start && spanOf(child).start < section.bodySpan.end,
    );
  });
  return sections;
}

function isContent(node: RootContent): boolean {
  if (node.type === 'yaml') return false;
  return !(node.type === 'html' && /^\s*<!--[\s\S]*-->\s*$/u.test(node.value));
}

function collect<T extends Nodes>(node: Nodes, type: T['type'], into: T[]): void {
  if (node.type === type) into.push(node as T);
  if ('children' in node) for (const child of node.children as Nodes[]) collect(child, type, into);
}

function spanOf(node: Nodes): Span {
  return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
}

const DIRECTIVE = /<!--\s*meetings-(disable-next-line|disable-line|disable|enable)\b([^]*?)-->/gu;

function readSuppressions(root: Root, lineStarts: readonly number[]): Suppression[] {
  const htmlNodes: Nodes[] = [];
  collect(root, 'html', htmlNodes);
  const suppressions: Suppression[] = [];
  for (const node of htmlNodes) {
    if (node.type !== 'html') continue;
    const start = spanOf(node).start;
    for (const match of node.value.matchAll(DIRECTIVE)) {
      const kind = match[1] === 'disable-next-line' ? 'next-line' : match[1] === 'disable-line' ? 'line' : (match[1] as 'disable' | 'enable');
      const endOffset = start + match.index + match[0].length;
      suppressions.push({
        kind,
        rules: match[2]!.split(/[\s,]+/u).filter(Boolean),
        line: lineOf(lineStarts, kind === 'next-line' ? endOffset : start + match.index),
      });
    }
  }
  return suppressions.sort((a, b) => a.line - b.line);
}

const BOX = /(?:[-*+]|\d{1,9}[.)])[ \t]+\[([ xX/-])\]/y;
const STATUS_OF_BOX: Record<string, ActionStatus> = { ' ': 'open', x: 'done', X: 'done', '/': 'in-progress', '-': 'cancelled' };

function readActions(
  root: Root,
  text: string,
  lineStarts: readonly number[],
  sections: readonly Section[],
  meetingDate: string | null,
  people: PeopleIndex,
): Action[] {
  const actions: Action[] = [];
  const visit = (node: Nodes, parentTask: number) => {
    let taskIndex = parentTask;
    if (node.type === 'listItem') {
      const action = readAction(node, text, lineStarts, sections, meetingDate, people, parentTask);
      if (action) {
        actions.push(action);
        taskIndex = actions.length - 1;
      }
    }
    if ('children' in node) for (const child of node.children as Nodes[]) visit(child, taskIndex);
  };
  visit(root, -1);
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
  item: ListItem,
  text: string,
  lineStarts: readonly number[],
  sections: readonly Section[],
  meetingDate: string | null,
  people: PeopleIndex,
  parent: number,
): Action | null {
  const itemStart = spanOf(item).start;
  BOX.lastIndex = itemStart;
  const box = BOX.exec(text);
  if (!box) return null;
  const boxStart = itemStart + box[0].length - 3;
  const boxEnd = boxStart + 3;
  const first = item.children[0];
  const paragraph = first && first.type === 'paragraph' && spanOf(first).end > boxEnd ? first : null;
  // remark knows only `[ ]` and `[x]`; `[/]` and `[-]` are read from the source, when text follows.
  if (item.checked === null || item.checked === undefined) {
    if (box[1] !== '/' && box[1] !== '-') return null;
    if (!paragraph || !/^[ \t]/u.test(text.slice(boxEnd, boxEnd + 1))) return null;
  }
  let textStart = boxEnd;
  while (text[textStart] === ' ' || text[textStart] === '\t') textStart++;
  const textEnd = paragraph ? Math.max(textStart, spanOf(paragraph).end) : textStart;
  const section = sectionAt(sections, boxStart);
  if (section?.kind === 'attendees') return null;
  const textSpan = { start: textStart, end: textEnd };
  const facts = readActionFacts(text, textSpan, meetingDate, people);
  const due = facts.dueMentions.find((mention) => mention.date !== null) ?? facts.dueMentions[0] ?? null;
  return {
    line: lineOf(lineStarts, boxStart),
    status: STATUS_OF_BOX[box[1]!]!,
    boxSpan: { start: boxStart, end: boxEnd },
    textSpan,
    text: text.slice(textStart, textEnd).replace(/\s*(?:\r\n|\r|\n)\s*/gu, ' ').trim(),
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

/** The innermost section whose body holds the offset. */
function sectionAt(sections: readonly Section[], offset: number): Section | null {
  let found: Section | null = null;
  for (const section of sections) {
    if (offset >= section.bodySpan.start && offset < section.bodySpan.end) {
      if (!found || section.depth > found.depth) found = section;
    }
  }
  return found;
}
