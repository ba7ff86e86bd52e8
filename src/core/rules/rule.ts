// The shape every rule has: a small object with an id, a default severity and a check.
import type { ResolvedConfig } from '../config';
import type { Fix, Locale, Meeting, Severity, Span } from '../model';
import type { MessageArgs, MessageId } from '../messages';
import type { MeetingSummary } from '../summary';

export interface RuleReport {
  span: Span;
  message: string;
  fixes?: Fix[];
}

export interface RuleContext {
  meeting: Meeting;
  config: ResolvedConfig;
  /**
   * `YYYY-MM-DD`, from `--today` or the clock in the configured time zone. Only `action-overdue`
   * reads it: the editor's cache of problems relies on that (see `overdueCandidates`).
   */
  today: string;
  locale: Locale;
  /** Date of the series' next meeting, when known (the editor knows the workspace). */
  nextMeetingDate: string | null;
  /** The previous meeting of the series (see `previousInSeries`), when the caller knows the workspace. */
  previousMeeting: PreviousMeeting | null;
  t(id: MessageId, args?: MessageArgs): string;
  /** Weekday name of an ISO date in the locale. */
  weekday(iso: string): string;
  report(report: RuleReport): void;
}

export interface PreviousMeeting {
  /** Path or URI of the previous meeting's file. */
  key: string;
  /** The parsed meeting, or what a workspace index keeps of it. */
  meeting: Meeting | MeetingSummary;
}

export interface Rule {
  id: string;
  defaultSeverity: Severity;
  description: Record<Locale, string>;
  check(context: RuleContext): void;
}

/** Actions that still need doing: the action rules ignore done and cancelled items. */
export function pendingActions(meeting: Meeting) {
  return meeting.actions.filter((action) => action.status === 'open' || action.status === 'in-progress');
}

/** “a, b and c” in English, “a、b、c” in Chinese. */
export function joinList(parts: readonly string[], t: RuleContext['t']): string {
  if (parts.length <= 1) return parts[0] ?? '';
  return parts.slice(0, -1).join(t('list.comma')) + t('list.and') + parts[parts.length - 1]!;
}
