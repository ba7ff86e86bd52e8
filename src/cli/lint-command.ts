// `meetings lint`: the same findings as the editor, for CI.
import { writeFileSync } from 'node:fs';
import { applyEdits, computeLineStarts, configProblemMessage, lintMeeting, message, positionOf, RULES, safeFixEdits, type Finding, type Meeting } from '../core';
import { ConfigLoader } from '../node/config-loader';
import { encodeText } from '../node/encoding';
import { reparse } from '../node/meeting-files';
import { MeetingPool } from '../node/meeting-pool';
import { displayPath } from '../node/paths';
import { fsErrorReason, reasonText } from '../node/file-reason';
import { findMarkdownFiles } from '../node/walk';
import { oneOf, parseArgs, UsageError } from './args';
import { localeFor, readLocale, readToday, todayFor, type Io } from './context';
import { formatLint, type LintFormat } from './format-lint';
import type { FindingRow, RuleInfo } from './rows';
import { RULES_DOC_URL, VERSION } from './version';

const FIX_PASSES = 10;

export function runLint(argv: readonly string[], io: Io): number {
  const args = parseArgs(argv, {
    values: ['--format', '--today', '--max-warnings', '--locale'],
    // --no-cache is accepted for symmetry with `actions`: lint always reads every file, since its
    // findings depend on today, the configuration and the neighbouring meetings of a series.
    switches: ['--fix', '--quiet', '--no-color', '--color', '--no-cache'],
  });
  const format = oneOf<LintFormat>('--format', args.values.get('--format'), ['stylish', 'json', 'sarif', 'junit'], 'stylish');
  const todayFlag = readToday(args.values.get('--today'));
  const localeFlag = readLocale(args.values.get('--locale'));
  const maxWarningsText = args.values.get('--max-warnings');
  if (maxWarningsText !== undefined && !/^\d+$/u.test(maxWarningsText)) throw new UsageError(`--max-warnings must be a whole number (got "${maxWarningsText}")`);
  const maxWarnings = maxWarningsText === undefined ? Infinity : Number(maxWarningsText);
  const quiet = args.switches.has('--quiet');

  const given = args.positional.length > 0 ? args.positional : ['.'];
  const files = findMarkdownFiles(given, io.cwd);
  const configs = new ConfigLoader();
  const cwdLocale = localeFor(localeFlag, configs.configFor(io.cwd), io.env);
  // Series look-ups (carry-over) see every meeting under the paths, and the folders of named files.
  const pool = new MeetingPool(configs, files, given, io.cwd);
  const rows: FindingRow[] = [];
  let ioFailure = false;
  for (const path of files) {
    const loaded = pool.load(path);
    if (loaded.kind === 'unreadable') {
      io.stderr(`meetings: ${displayPath(path, io.cwd)}: ${reasonText(loaded.reason, cwdLocale)}\n`);
      ioFailure = true;
      continue;
    }
    if (loaded.kind === 'skipped') continue;
    const options = {
      config: loaded.config,
      today: todayFor(todayFlag, loaded.config, io),
      locale: localeFor(localeFlag, loaded.config, io.env),
      previousMeeting: pool.previousOf(path, loaded.meeting),
      onRuleError: (rule: string, error: unknown) => {
        io.stderr(`meetings: ${displayPath(path, io.cwd)}: rule ${rule} failed: ${(error as Error).message}\n`);
        ioFailure = true;
      },
    };
    let meeting = loaded.meeting;
    let findings = lintMeeting(meeting, options);
    if (args.switches.has('--fix')) {
      const fixed = fixMeeting(meeting, findings, (text) => {
        const again = reparse(text, loaded);
        return { meeting: again, findings: lintMeeting(again, options) };
      });
      let written = true;
      if (fixed.meeting.text !== meeting.text) {
        try {
          writeFileSync(path, encodeText(fixed.meeting.text, loaded.encoding));
        } catch (error) {
          io.stderr(`meetings: ${displayPath(path, io.cwd)}: ${message(cwdLocale, 'file.cannot-write-fixes', { reason: reasonText(fsErrorReason(error), cwdLocale) })}\n`);
          ioFailure = true;
          written = false;
        }
      }
      // Unwritten, the file still has its problems: report those, not the fixed text's.
      if (written) ({ meeting, findings } = fixed);
    }
    rows.push(...toRows(findings, meeting, displayPath(path, io.cwd)));
  }
  const locale = cwdLocale;
  for (const config of configs.files) {
    const starts = computeLineStarts(config.text);
    for (const problem of config.problems) {
      rows.push(row(displayPath(config.path, io.cwd), starts, problem.span, 'config', 'error', configProblemMessage(problem, locale)));
    }
  }

  const shown = quiet ? rows.filter((finding) => finding.severity === 'error') : rows;
  const color = args.switches.has('--color') || (io.color && !args.switches.has('--no-color'));
  io.stdout(formatLint(shown, format, { color, rules: ruleInfos(), toolVersion: VERSION, locale }));
  if (ioFailure) return 2;
  const errors = rows.filter((finding) => finding.severity === 'error').length;
  const warnings = rows.filter((finding) => finding.severity === 'warning').length;
  if (warnings > maxWarnings && format === 'stylish') {
    io.stderr(
      locale === 'zh-CN'
        ? `meetings: 警告数 ${warnings} 超过上限 --max-warnings ${maxWarnings}。\n`
        : `meetings: ${warnings} warnings, more than --max-warnings ${maxWarnings}.\n`,
    );
  }
  return errors > 0 || warnings > maxWarnings ? 1 : 0;
}

/** Applies safe fixes until none are left (each pass re-lints, so fixes never act on stale spans). */
export function fixMeeting(
  meeting: Meeting,
  findings: Finding[],
  relint: (text: string) => { meeting: Meeting; findings: Finding[] },
): { meeting: Meeting; findings: Finding[] } {
  let current = { meeting, findings };
  for (let pass = 0; pass < FIX_PASSES; pass++) {
    const edits = safeFixEdits(current.findings);
    if (edits.length === 0) break;
    current = relint(applyEdits(current.meeting.text, edits));
  }
  return current;
}

function toRows(findings: readonly Finding[], meeting: Meeting, file: string): FindingRow[] {
  return findings.map((finding) => row(file, meeting.lineStarts, finding.span, finding.rule, finding.severity, finding.message));
}

function row(file: string, lineStarts: readonly number[], span: { start: number; end: number }, rule: string, severity: FindingRow['severity'], message: string): FindingRow {
  const start = positionOf(lineStarts, span.start);
  const end = positionOf(lineStarts, span.end);
  return { file, line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1, rule, severity, message };
}

function ruleInfos(): RuleInfo[] {
  return [
    ...RULES.map((rule) => ({ id: rule.id, description: rule.description.en, defaultSeverity: rule.defaultSeverity, helpUri: `${RULES_DOC_URL}#${rule.id}` })),
    { id: 'config', description: 'The .meetings.yaml configuration is invalid.', defaultSeverity: 'error' as const, helpUri: `${RULES_DOC_URL}#config` },
  ];
}
