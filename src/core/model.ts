// The data the engine produces. Offsets are UTF-16 indices into the document text with any BOM
// removed (what VS Code's TextDocument holds); adapters turn them into lines and columns.

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';
export type Locale = 'en' | 'zh-CN';

export interface Span {
  start: number;
  end: number;
}

/** A replacement of `span` by `text`; a fix is a list of non-overlapping edits. */
export interface TextEdit {
  span: Span;
  text: string;
}

export interface Fix {
  /** Short imperative label ("Rewrite as 2026-12-04"). */
  title: string;
  edits: TextEdit[];
  /** Safe fixes are applied by `meetings lint --fix` and `source.fixAll`. */
  safe: boolean;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  span: Span;
  fixes: Fix[];
}

export type ActionStatus = 'open' | 'in-progress' | 'done' | 'cancelled';
export type Priority = 'highest' | 'high' | 'medium' | 'low' | 'lowest';

export interface OwnerMention {
  /** The name as written (without `@` or the `owner:` key). */
  written: string;
  /** The canonical name it resolves to; equals `written` when unknown. */
  name: string;
  known: boolean;
  span: Span;
}

export type DateProblem = 'unreadable' | 'ambiguous' | 'impossible' | 'needs-meeting-date' | 'missing';

export interface DueMention {
  /** The date expression as written. */
  written: string;
  /** Resolved `YYYY-MM-DD`, or null when the expression has a problem. */
  date: string | null;
  /** True when written exactly as `YYYY-MM-DD`. */
  iso: boolean;
  problem: DateProblem | null;
  /** Span of the date expression (what a rewrite replaces). */
  span: Span;
  /** Span of the marker and the date together. */
  markerSpan: Span;
}

export interface Action {
  /** 0-based line of the task box. */
  line: number;
  status: ActionStatus;
  /** Span of the three characters of the box, e.g. `[ ]`. */
  boxSpan: Span;
  /** Span of the item's own text, after the box, up to the end of its first paragraph. */
  textSpan: Span;
  /** The item's text as written, without the box. */
  text: string;
  owners: OwnerMention[];
  /** True when `owners` came from the nearest parent task. */
  ownersInherited: boolean;
  due: DueMention | null;
  dueInherited: boolean;
  /** Every due marker on the item (usually one). */
  dueMentions: DueMention[];
  priority: Priority | null;
  doneDate: string | null;
  cancelledDate: string | null;
  recurrence: string | null;
  /** Block id (`^id`) or `[id:: …]`, used to follow an action across meetings. */
  id: string | null;
  /** Index of the parent task in `Meeting.actions`, or -1. */
  parent: number;
  /** Kind of the section the item sits in (see vocabulary), or null. */
  section: string | null;
}

export interface Section {
  /** Vocabulary kind (`agenda`, `actions`, …) or null for an unrecognised heading. */
  kind: string | null;
  heading: string;
  depth: number;
  headingSpan: Span;
  /** From the end of the heading to the next heading of the same or a higher level. */
  bodySpan: Span;
  /** True when the body holds anything but blank lines and comments. */
  hasContent: boolean;
}

export interface FieldProblem {
  messageId: string;
  args: Record<string, string | number>;
  span: Span;
  fixes?: Fix[];
}

export interface MeetingFields {
  title: string | null;
  /** `YYYY-MM-DD` when valid. */
  date: string | null;
  attendees: string[];
  facilitator: string | null;
  notetaker: string | null;
  type: string | null;
  series: string | null;
  /** Minutes, from `duration` or `time`. */
  duration: number | null;
  departments: string[];
  timezone: string | null;
  tags: string[];
}

export interface YamlProblem {
  message: string;
  span: Span;
}

export interface Frontmatter {
  /** The whole block, delimiters included. */
  span: Span;
  /** Offset of the YAML text inside the document. */
  contentStart: number;
  content: string;
  closed: boolean;
  data: Record<string, unknown> | null;
  yamlProblems: YamlProblem[];
}

export interface Suppression {
  /** Rule ids; empty means every rule. */
  rules: string[];
  kind: 'next-line' | 'line' | 'disable' | 'enable';
  /** 0-based line of the comment (its end line for `next-line`). */
  line: number;
}

export interface Meeting {
  text: string;
  /** Why this is a meeting file, or null when it is not one. */
  meetingReason: 'attendees' | 'type' | 'glob' | null;
  frontmatter: Frontmatter | null;
  fields: MeetingFields;
  fieldProblems: FieldProblem[];
  sections: Section[];
  actions: Action[];
  suppressions: Suppression[];
  lineStarts: number[];
}
