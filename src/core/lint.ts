// Runs the rules over a parsed meeting: severities from the config, suppression comments, and
// isolation, so that one failing rule never hides the findings of the others.
import { isoWeekday } from './calendar';
import type { ResolvedConfig } from './config';
import { lineOf } from './lines';
import { message } from './messages';
import type { Finding, Locale, Meeting, Severity, Suppression } from './model';
import { RULES } from './rules';
import type { PreviousMeeting, Rule, RuleContext } from './rules/rule';

export interface LintOptions {
  config: ResolvedConfig;
  today: string;
  locale: Locale;
  /** Called when a rule throws; the other rules still run. */
  onRuleError?: (rule: string, error: unknown) => void;
  rules?: readonly Rule[];
  /** Date of the series' next meeting, when the caller knows the workspace. */
  nextMeetingDate?: string | null;
  /** The previous meeting of the series (`previousInSeries`), for `carry-over`. */
  previousMeeting?: PreviousMeeting | null;
}

export function severityOf(rule: Rule, config: ResolvedConfig): Severity | 'off' {
  return config.rules[rule.id] ?? rule.defaultSeverity;
}

export function lintMeeting(meeting: Meeting, options: LintOptions): Finding[] {
  if (!meeting.meetingReason) return [];
  const findings: Finding[] = [];
  for (const rule of options.rules ?? RULES) {
    const severity = severityOf(rule, options.config);
    if (severity === 'off') continue;
    const context: RuleContext = {
      meeting,
      config: options.config,
      today: options.today,
      locale: options.locale,
      nextMeetingDate: options.nextMeetingDate ?? null,
      previousMeeting: options.previousMeeting ?? null,
      t: (id, args) => message(options.locale, id, args),
      weekday: (iso) => message(options.locale, `weekday.${isoWeekday(iso)}` as 'weekday.1'),
      report: ({ span, message: text, fixes }) => findings.push({ rule: rule.id, severity, message: text, span, fixes: fixes ?? [] }),
    };
    try {
      rule.check(context);
    } catch (error) {
      options.onRuleError?.(rule.id, error);
    }
  }
  const active = findings.filter((finding) => !isSuppressed(finding, meeting));
  return active.sort((a, b) => a.span.start - b.span.start || RULE_ORDER.get(a.rule)! - RULE_ORDER.get(b.rule)!);
}

const RULE_ORDER = new Map(RULES.map((rule, index) => [rule.id, index]));

function isSuppressed(finding: Finding, meeting: Meeting): boolean {
  if (meeting.suppressions.length === 0) return false;
  const line = lineOf(meeting.lineStarts, finding.span.start);
  const applies = (suppression: Suppression) => suppression.rules.length === 0 || suppression.rules.includes(finding.rule);
  let disabled = false;
  for (const suppression of meeting.suppressions) {
    if (!applies(suppression)) continue;
    if (suppression.kind === 'next-line' && suppression.line + 1 === line) return true;
    if (suppression.kind === 'line' && suppression.line === line) return true;
    if (suppression.line > line) break;
    if (suppression.kind === 'disable') disabled = true;
    if (suppression.kind === 'enable') disabled = false;
  }
  return disabled;
}
