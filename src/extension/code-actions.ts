// Quick fixes from the engine's fixes, a "disable for this line" action, and source.fixAll for
// the safe fixes. Findings are recomputed from the current text whenever the cached ones are
// stale, so an edit always targets the characters it was computed for.
import * as vscode from 'vscode';
import { disableLineEdits, message, parseMeeting, safeFixEdits, summaryOf, type Finding, type Fix } from '../core';
import type { DiagnosticsController } from './diagnostics';
import { spanToRange, toWorkspaceEdit } from './edits';
import { displayLocale } from './locale';
import type { MeetingStore } from './meeting-store';
import { DIAGNOSTIC_SOURCE } from './problem-diagnostics';

export const APPLY_FIX_COMMAND = 'meetings.applyFix';
export const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('meetings');

export class MeetingCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND],
  };

  constructor(
    private readonly diagnostics: DiagnosticsController,
    private readonly store: MeetingStore,
  ) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const current = this.currentFindings(document);
    if (!current) return [];
    const { findings, text, lineStarts, frontmatterEnd } = current;
    if (context.only && (context.only.contains(FIX_ALL_KIND) || FIX_ALL_KIND.contains(context.only))) {
      return this.fixAll(document, findings);
    }
    const actions: vscode.CodeAction[] = [];
    const ours = context.diagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
    for (const diagnostic of ours) {
      const rule = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
      // Several findings can share a rule and a range (every action a meeting did not carry over
      // sits on its follow-up heading): their messages tell them apart.
      const finding = findings.find(
        (candidate) => candidate.rule === rule && candidate.message === diagnostic.message && spanToRange(lineStarts, candidate.span).isEqual(diagnostic.range),
      );
      if (!finding) continue;
      for (const fix of finding.fixes) actions.push(this.quickFix(document, fix, diagnostic, finding));
      // A comment cannot go into the frontmatter: it would change the YAML, not silence the rule.
      if (finding.span.start >= frontmatterEnd) {
        const disable = this.disableForLine(document, finding, diagnostic, text, lineStarts);
        if (disable) actions.push(disable);
      }
    }
    if (ours.length === 0 && findings.some((finding) => finding.fixes.some((fix) => fix.safe) && spanToRange(lineStarts, finding.span).intersection(range))) {
      actions.push(...this.fixAll(document, findings));
    }
    return actions;
  }

  /** Lints the document's current text when the cached findings are from another version, or there are none yet. */
  private currentFindings(document: vscode.TextDocument): { findings: Finding[]; text: string; lineStarts: readonly number[]; frontmatterEnd: number } | null {
    const key = document.uri.toString();
    const cached = this.diagnostics.findingsFor(key);
    // A document opened a moment ago shows the problems its closed file had, and has no findings
    // of its own until its first lint: lint it now.
    const entry = cached?.entry ?? this.store.index.get(key);
    if (!entry) return null;
    const indexed = cached && cached.entry.version === document.version ? this.store.modelOf(key) : undefined;
    const meeting = indexed ?? parseMeeting(document.getText(), { config: entry.config, path: document.uri.path });
    const findings = indexed && cached ? cached.findings : this.diagnostics.lint({ ...entry, meeting: summaryOf(meeting), version: document.version }, meeting);
    return { findings, text: meeting.text, lineStarts: meeting.lineStarts, frontmatterEnd: meeting.frontmatter?.span.end ?? 0 };
  }

  private quickFix(document: vscode.TextDocument, fix: Fix, diagnostic: vscode.Diagnostic, finding: Finding): vscode.CodeAction {
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    action.isPreferred = fix.safe && finding.fixes.length === 1;
    action.command = { title: fix.title, command: APPLY_FIX_COMMAND, arguments: [document.uri, document.version, fix.edits] };
    return action;
  }

  /** "Disable the rule for this line": a `meetings-disable-line` comment (none on a table's header row). */
  private disableForLine(document: vscode.TextDocument, finding: Finding, diagnostic: vscode.Diagnostic, text: string, lineStarts: readonly number[]): vscode.CodeAction | null {
    const edits = disableLineEdits(text, lineStarts, diagnostic.range.start.line, finding.rule);
    if (!edits) return null;
    const title = message(displayLocale(), 'fix.disable-line', { rule: finding.rule });
    const action = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    action.command = { title, command: APPLY_FIX_COMMAND, arguments: [document.uri, document.version, edits] };
    return action;
  }

  private fixAll(document: vscode.TextDocument, findings: readonly Finding[]): vscode.CodeAction[] {
    const edits = safeFixEdits(findings);
    if (edits.length === 0) return [];
    const action = new vscode.CodeAction(vscode.l10n.t('Fix all safe meeting problems'), FIX_ALL_KIND);
    action.edit = toWorkspaceEdit(document, edits);
    return [action];
  }
}
