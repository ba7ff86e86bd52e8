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
  findings.sort((a, b) => a.span.start - b.span.start || RULE_ORDER.get(a.rule)! - RULE_ORDER.get(b.rule)!);
  return withoutSuppressed(findings, meeting);
}

const RULE_ORDER = new Map(RULES.map((rule, index) => [rule.id, index]));

/**
 * Drops the findings a suppression comment covers: `next-line` and `line` ones by their target
 * line, `disable`/`enable` by the last one above the finding that names its rule or no rule.
 * One sweep over findings in document order, so it stays linear in a file with thousands of both.
 * (Also what the cache of problems keeps of `action-overdue`: its candidates, as findings to be.)
 */
export function withoutSuppressed<Item extends Pick<Finding, 'rule' | 'span'>>(findings: readonly Item[], meeting: Meeting): Item[] {
  const { suppressions } = meeting;
  if (suppressions.length === 0) return [...findings];
  const applies = (suppression: Suppression, rule: string) => suppression.rules.length === 0 || suppression.rules.includes(rule);
  const byTargetLine = new Map<number, Suppression[]>();
  for (const suppression of suppressions) {
    if (suppression.kind !== 'next-line' && suppression.kind !== 'line') continue;
    const target = suppression.kind === 'next-line' ? suppression.line + 1 : suppression.line;
    const onLine = byTargetLine.get(target);
    if (onLine) onLine.push(suppression);
    else byTargetLine.set(target, [suppression]);
  }
  // Suppressions are in line order; a later one for every rule overrides earlier rule-specific ones.
  let next = 0;
  let disabledForAll = false;
  const disabledByRule = new Map<string, boolean>();
  const kept: Item[] = [];
  for (const finding of findings) {
    const line = lineOf(meeting.lineStarts, finding.span.start);
    for (; next < suppressions.length && suppressions[next]!.line <= line; next++) {
      const suppression = suppressions[next]!;
      if (suppression.kind !== 'disable' && suppression.kind !== 'enable') continue;
      const disabled = suppression.kind === 'disable';
      if (suppression.rules.length === 0) {
        disabledForAll = disabled;
        disabledByRule.clear();
      } else {
        for (const rule of suppression.rules) disabledByRule.set(rule, disabled);
      }
    }
    if (byTargetLine.get(line)?.some((suppression) => applies(suppression, finding.rule))) continue;
    if (disabledByRule.get(finding.rule) ?? disabledForAll) continue;
    kept.push(finding);
  }
  return kept;
}
