// Flat, serialisable rows the CLI prints. Lines and columns are 1-based, columns count UTF-16
// code units (as VS Code and ESLint do); `file` is relative to the working directory, `/`-separated.
import type { ActionStatus, Priority, Severity } from '../core/model';

export interface FindingRow {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  severity: Severity;
  message: string;
}

export interface ActionRow {
  file: string;
  line: number;
  text: string;
  owners: string[];
  due: string | null;
  status: ActionStatus;
  priority: Priority | null;
  meeting: { title: string | null; date: string | null; series: string | null; type: string | null };
  /** The text without owners, dates and markers (calendar summaries). */
  label?: string;
  /** What identifies the action across exports: its id, else its normalised text. */
  uidSeed?: string;
  /** E-mail of each owner from the roster, or null. */
  ownerEmails?: Array<string | null>;
}

/** What the lint formatters know about a rule (for SARIF's rule table and help links). */
export interface RuleInfo {
  id: string;
  description: string;
  defaultSeverity: Severity;
  helpUri: string;
}
