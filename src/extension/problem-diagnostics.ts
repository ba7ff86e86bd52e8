// How findings, and the problems saved in the cache, become VS Code diagnostics: the same range,
// message, severity and rule code (with a link to its documentation) either way.
import * as vscode from 'vscode';
import { actionOverdue, overdueOn, positionOf, RULE_IDS, StringPool, type Finding, type Span } from '../core';
import type { CachedOverdue, CachedProblem, ProblemsLine } from '../node/problems-cache';
import { displayLocale } from './locale';

export const DIAGNOSTIC_SOURCE = 'meetings';
export const RULES_DOC = 'https://github.com/meetings-as-code/meetings-as-code/blob/main/docs/rules.md';

const SEVERITY = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
} as const;

export function toRange(span: Span, lineStarts: readonly number[]): vscode.Range {
  const start = positionOf(lineStarts, span.start);
  const end = positionOf(lineStarts, span.end);
  return new vscode.Range(start.line, start.character, end.line, end.character);
}

/** One code (rule name and link to its documentation) per rule, shared by all its diagnostics. */
const ruleCodes = new Map<string, { value: string; target: vscode.Uri }>();

/**
 * One copy of each message text. VS Code keeps every diagnostic of every file, and most messages
 * repeat ("Action item has no owner…"): in the benchmark's corpus three in four do.
 */
const messages = new StringPool(100_000);

export function toDiagnostic(finding: Finding, lineStarts: readonly number[]): vscode.Diagnostic {
  return diagnosticOf(toRange(finding.span, lineStarts), finding.message, SEVERITY[finding.severity], finding.rule);
}

/** A file's saved problems, and its overdue actions as of `today`, in the order `lintMeeting` gives them. */
export function diagnosticsOn(saved: Pick<ProblemsLine, 'problems' | 'overdue'>, today: string): vscode.Diagnostic[] {
  return withOverdue(diagnosticsFrom(saved.problems), saved.overdue, today);
}

/** Problems as data (a worker's, the cache's) as diagnostics, in the same order. */
export function diagnosticsFrom(problems: readonly CachedProblem[]): vscode.Diagnostic[] {
  return problems.map(([startLine, startCharacter, endLine, endCharacter, severity, rule, message]) =>
    diagnosticOf(new vscode.Range(startLine, startCharacter, endLine, endCharacter), message, severity as vscode.DiagnosticSeverity, rule),
  );
}

/** A file's problems but the overdue ones, with those of its candidates overdue on `today`, in the order `lintMeeting` gives them. */
export function withOverdue(problems: readonly vscode.Diagnostic[], candidates: readonly CachedOverdue[], today: string): vscode.Diagnostic[] {
  const overdue = overdueOn(candidates.map((candidate) => ({ at: candidate, due: candidate[5] })), today, displayLocale());
  if (overdue.length === 0) return [...problems];
  const all = [...problems];
  for (const { at: [startLine, startCharacter, endLine, endCharacter, severity], message } of overdue) {
    all.push(diagnosticOf(new vscode.Range(startLine, startCharacter, endLine, endCharacter), message, severity as vscode.DiagnosticSeverity, actionOverdue.id));
  }
  // By position, then by rule as `lintMeeting` orders them (the sort is stable: a rule's problems at one place keep their order).
  return all.sort((a, b) => a.range.start.compareTo(b.range.start) || RULE_IDS.indexOf(codeOf(a) ?? '') - RULE_IDS.indexOf(codeOf(b) ?? ''));
}

/** A file's problems as the cache saves them: all but the overdue ones; null if one has no rule. */
export function savedProblems(diagnostics: readonly vscode.Diagnostic[]): CachedProblem[] | null {
  const problems: CachedProblem[] = [];
  for (const diagnostic of diagnostics) {
    const rule = codeOf(diagnostic);
    if (rule === undefined) return null;
    if (rule === actionOverdue.id) continue;
    const { start, end } = diagnostic.range;
    problems.push([start.line, start.character, end.line, end.character, diagnostic.severity, rule, diagnostic.message]);
  }
  return problems;
}

/** The rule a diagnostic of this extension's comes from. */
export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return typeof code === 'string' ? code : undefined;
}

function diagnosticOf(range: vscode.Range, message: string, severity: vscode.DiagnosticSeverity, rule: string): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(range, messages.shared(message), severity);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  // A workspace of dense meetings has hundreds of thousands of diagnostics: a link each cost memory.
  let code = ruleCodes.get(rule);
  if (!code) ruleCodes.set(rule, (code = { value: rule, target: vscode.Uri.parse(`${RULES_DOC}#${rule}`) }));
  diagnostic.code = code;
  return diagnostic;
}
