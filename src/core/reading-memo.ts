// What reading one document's items produced, kept from one reading of the document to the next.
// Typing changes one item; a 1 MB meeting holds ten thousand, and reading each item's owners,
// dates and requests is most of the work of a parse and a lint. Results are keyed by the item's
// own text and reused only while everything else they depend on (the meeting date, the people,
// the configuration) is unchanged. Only what the last two readings used is kept.
import type { ActionFacts } from './action-text';
import type { ResolvedConfig } from './config';
import type { MeetingFields } from './model';

/** What reading an item depends on besides its text: the meeting date, its people, the configuration. */
export function readingContext(fields: MeetingFields, config: ResolvedConfig): unknown[] {
  return [fields.date, fields.attendees.join('\n'), fields.facilitator, fields.notetaker, config];
}

/** Results of one kind, for the current reading and the one before. */
export class RecentResults<T> {
  private previous = new Map<string, T>();
  private current = new Map<string, T>();
  private context: readonly unknown[] | null = null;
  /** Results taken from the reading before, since this memo was made. */
  reused = 0;

  /** Starts a reading; results of the last one are reused if its `context` was the same. */
  begin(context: readonly unknown[]): void {
    const same = this.context !== null && context.length === this.context.length && context.every((value, index) => value === this.context![index]);
    this.previous = same ? this.current : new Map();
    this.current = new Map();
    this.context = context;
  }

  get(key: string, compute: () => T): T {
    let value = this.current.get(key);
    if (value === undefined) {
      value = this.previous.get(key);
      if (value === undefined) value = compute();
      else this.reused++;
      this.current.set(key, value);
    }
    return value;
  }
}

/**
 * The memo of one document (an editor keeps one per open document). Give it to `parseMeeting`;
 * the rules then find it through the meeting they lint.
 */
export class ReadingMemo {
  /** Owners, due dates and markers of each action item (see readActionFacts). */
  readonly facts = new RecentResults<ActionFacts>();
  /** Each action item's label (see actionLabel), read from its text and its facts alone. */
  readonly labels = new RecentResults<string>();
  /** Rule helpers' readings of section items (resource requests, goals, decisions). */
  readonly items = new RecentResults<unknown>();
  /** The meeting whose rules last read items: a new one starts a new reading. */
  itemsReadFor: object | null = null;
}

const memos = new WeakMap<object, ReadingMemo>();

/** Links a parsed meeting to the memo it was read with. */
export function attachMemo(meeting: object, memo: ReadingMemo): void {
  memos.set(meeting, memo);
}

/** The memo a meeting was read with, if any. */
export function memoOf(meeting: object): ReadingMemo | undefined {
  return memos.get(meeting);
}

/**
 * `compute()`, or its result for the same `key` in the last reading of the meeting's document
 * (`context` lists what else the result depends on; it is asked once per meeting, so every rule
 * linting one meeting must depend on the same things). Without a memo, simply `compute()`.
 */
export function readItemOnce<T>(meeting: object, context: () => readonly unknown[], key: string, compute: () => T): T {
  const memo = memos.get(meeting);
  if (!memo) return compute();
  if (memo.itemsReadFor !== meeting) {
    memo.items.begin(context());
    memo.itemsReadFor = meeting;
  }
  return memo.items.get(key, compute) as T;
}
