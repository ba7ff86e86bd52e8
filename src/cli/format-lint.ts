// Renders lint findings for people (stylish) and for tools: JSON, SARIF 2.1.0 for code-scanning
// dashboards, JUnit XML for CI test reports.
import type { Locale, Severity } from '../core/model';
import { displayWidth, padEndToWidth, singleLine } from './display-width';
import type { FindingRow, RuleInfo } from './rows';

export type LintFormat = 'stylish' | 'json' | 'sarif' | 'junit';

export interface LintFormatOptions {
  color: boolean;
  /** Every rule the linter knows, in a stable order (SARIF's rule table). */
  rules: RuleInfo[];
  toolVersion: string;
  locale: Locale;
}

export function formatLint(rows: FindingRow[], format: LintFormat, options: LintFormatOptions): string {
  switch (format) {
    case 'json':
      return formatJson(rows);
    case 'sarif':
      return formatSarif(rows, options);
    case 'junit':
      return formatJunit(rows);
    case 'stylish':
      return formatStylish(rows, options);
  }
}

function formatJson(rows: FindingRow[]): string {
  // Rebuilt key by key so the output never carries extra properties and keeps a fixed order.
  const plain = rows.map((row) => ({
    file: row.file,
    line: row.line,
    column: row.column,
    endLine: row.endLine,
    endColumn: row.endColumn,
    rule: row.rule,
    severity: row.severity,
    message: row.message,
  }));
  return JSON.stringify(plain, null, 2) + '\n';
}

// ---------------------------------------------------------------------------------------------
// stylish

const SGR = {
  red: '31',
  yellow: '33',
  cyan: '36',
  dim: '2',
  bold: '1',
  underline: '4',
} as const;

function paint(color: boolean, style: keyof typeof SGR, text: string): string {
  return color ? `\x1b[${SGR[style]}m${text}\x1b[0m` : text;
}

const SEVERITY_STYLE: Record<Severity, keyof typeof SGR> = { error: 'red', warning: 'yellow', info: 'cyan' };

function groupByFile(rows: FindingRow[]): Map<string, FindingRow[]> {
  const groups = new Map<string, FindingRow[]>();
  for (const row of rows) {
    const group = groups.get(row.file);
    if (group) group.push(row);
    else groups.set(row.file, [row]);
  }
  for (const group of groups.values()) group.sort((a, b) => a.line - b.line || a.column - b.column);
  return groups;
}

function formatStylish(rows: FindingRow[], options: LintFormatOptions): string {
  if (rows.length === 0) return '';
  const { color } = options;
  let output = '\n';
  for (const [file, group] of groupByFile(rows)) {
    const cells = group.map((row) => ({
      position: `${row.line}:${row.column}`,
      severity: row.severity,
      message: singleLine(row.message),
      rule: singleLine(row.rule),
    }));
    // Widths are measured on the plain text, so colour codes never disturb the columns.
    const positionWidth = Math.max(...cells.map((cell) => displayWidth(cell.position)));
    const severityWidth = Math.max(...cells.map((cell) => displayWidth(cell.severity)));
    const messageWidth = Math.max(...cells.map((cell) => displayWidth(cell.message)));
    output += paint(color, 'underline', singleLine(file)) + '\n';
    for (const cell of cells) {
      const gap = (text: string, width: number) => ' '.repeat(width - displayWidth(text) + 2);
      output +=
        '  ' +
        paint(color, 'dim', cell.position) +
        gap(cell.position, positionWidth) +
        paint(color, SEVERITY_STYLE[cell.severity], cell.severity) +
        gap(cell.severity, severityWidth) +
        (cell.rule ? padEndToWidth(cell.message, messageWidth) + '  ' + paint(color, 'dim', cell.rule) : cell.message) +
        '\n';
    }
    output += '\n';
  }
  const summary = summaryLine(rows, options.locale);
  const worst = rows.some((row) => row.severity === 'error')
    ? 'red'
    : rows.some((row) => row.severity === 'warning')
      ? 'yellow'
      : 'cyan';
  output += color ? `\x1b[${SGR.bold};${SGR[worst]}m${summary}\x1b[0m` : summary;
  return output + '\n';
}

function summaryLine(rows: FindingRow[], locale: Locale): string {
  const count = (severity: Severity) => rows.filter((row) => row.severity === severity).length;
  const total = rows.length;
  const errors = count('error');
  const warnings = count('warning');
  const infos = count('info');
  if (locale === 'zh-CN') {
    return `✖ 共 ${total} 个问题（${errors} 个错误，${warnings} 个警告，${infos} 个提示）`;
  }
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return (
    `✖ ${plural(total, 'problem', 'problems')} (${plural(errors, 'error', 'errors')}, ` +
    `${plural(warnings, 'warning', 'warnings')}, ${plural(infos, 'info', 'infos')})`
  );
}

// ---------------------------------------------------------------------------------------------
// SARIF 2.1.0

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };
const INFORMATION_URI = 'https://github.com/meetings-as-code/meetings-as-code';

/** A relative `/`-separated path as a URI reference: each segment percent-encoded (spaces, `#`, `:`). */
function pathToUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function sarifRegion(row: FindingRow): Record<string, number> {
  const region: Record<string, number> = { startLine: row.line, startColumn: row.column };
  // An end before the start would make the whole log invalid; leave it out instead.
  if (row.endLine > row.line || (row.endLine === row.line && row.endColumn >= row.column)) {
    region.endLine = row.endLine;
    region.endColumn = row.endColumn;
  }
  return region;
}

function formatSarif(rows: FindingRow[], options: LintFormatOptions): string {
  const ruleIndex = new Map(options.rules.map((rule, index) => [rule.id, index]));
  const rules = options.rules.map((rule) => ({
    id: rule.id,
    shortDescription: { text: rule.description },
    ...(rule.helpUri ? { helpUri: rule.helpUri } : {}),
    defaultConfiguration: { level: SARIF_LEVEL[rule.defaultSeverity] },
  }));
  const results = rows.map((row) => {
    const index = ruleIndex.get(row.rule);
    return {
      ruleId: row.rule,
      ...(index === undefined ? {} : { ruleIndex: index }),
      level: SARIF_LEVEL[row.severity],
      message: { text: row.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: pathToUri(row.file), uriBaseId: '%SRCROOT%' },
            region: sarifRegion(row),
          },
        },
      ],
    };
  });
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: 'meetings', informationUri: INFORMATION_URI, version: options.toolVersion, rules },
        },
        // Row columns count UTF-16 code units, which is also SARIF's default; stated for clarity.
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

// ---------------------------------------------------------------------------------------------
// JUnit XML

// Characters XML 1.0 cannot hold at all, not even as references (NUL, most C0 controls, lone
// surrogates, U+FFFE/U+FFFF).
const XML_ILLEGAL = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

function xmlText(text: string): string {
  return text
    .replace(XML_ILLEGAL, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Attribute values also encode whitespace, which parsers would otherwise normalise to spaces. */
function xmlAttribute(text: string): string {
  return xmlText(text).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

const SUITE_NAME = 'meetings lint';

function formatJunit(rows: FindingRow[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  if (rows.length === 0) {
    lines.push(
      `<testsuites name="${SUITE_NAME}" tests="1" failures="0" errors="0">`,
      `  <testsuite name="${SUITE_NAME}" tests="1" failures="0" errors="0">`,
      `    <testcase classname="${SUITE_NAME}" name="${SUITE_NAME}"/>`,
      '  </testsuite>',
      '</testsuites>',
    );
    return lines.join('\n') + '\n';
  }
  const groups = groupByFile(rows);
  const files = groups.size;
  lines.push(
    `<testsuites name="${SUITE_NAME}" tests="${files}" failures="${files}" errors="0">`,
    `  <testsuite name="${SUITE_NAME}" tests="${files}" failures="${files}" errors="0">`,
  );
  for (const [file, group] of groups) {
    const name = xmlAttribute(file);
    lines.push(`    <testcase classname="${name}" name="${name}">`);
    for (const row of group) {
      const detail = `${row.file}:${row.line}:${row.column} ${row.severity} ${row.message}`;
      lines.push(
        `      <failure type="${xmlAttribute(row.rule)}" message="${xmlAttribute(row.message)}">` +
          `${xmlText(detail)}</failure>`,
      );
    }
    lines.push('    </testcase>');
  }
  lines.push('  </testsuite>', '</testsuites>');
  return lines.join('\n') + '\n';
}
