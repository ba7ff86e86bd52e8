// Applying text edits: the CLI's --fix and the tests use this; the editor applies the same
// edits through a WorkspaceEdit.
import type { Finding, Fix, TextEdit } from './model';

/** Applies non-overlapping edits; throws when two overlap, since the result would be a guess. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.span.start < sorted[i - 1]!.span.end) throw new Error('overlapping edits');
  }
  let result = '';
  let cursor = 0;
  for (const edit of sorted) {
    result += text.slice(cursor, edit.span.start) + edit.text;
    cursor = edit.span.end;
  }
  return result + text.slice(cursor);
}

/**
 * The safe fixes of a set of findings that can be applied together: each fix whole, skipping any
 * that would overlap one already chosen (a second `--fix` pass picks those up).
 */
export function safeFixEdits(findings: readonly Finding[]): TextEdit[] {
  const chosen: TextEdit[] = [];
  // Findings come sorted by position, so an edit usually starts after every chosen one ends: that
  // is checked in constant time (checking every chosen edit each time was quadratic: minutes for
  // the 70,000 fixes of a 10 MB file). Only an edit that starts earlier is compared with all.
  let maxEnd = -1;
  const emptyAt = new Set<number>();
  const conflicts = (edit: TextEdit) => {
    if (edit.span.start > maxEnd) return false;
    if (edit.span.start === maxEnd && edit.span.end > edit.span.start) return false;
    if (edit.span.start === maxEnd && !emptyAt.has(maxEnd)) return false;
    return chosen.some((other) => (edit.span.start < other.span.end && other.span.start < edit.span.end) || (edit.span.start === other.span.start && edit.span.end === other.span.end));
  };
  const fixes: Fix[] = findings.flatMap((finding) => finding.fixes.filter((fix) => fix.safe).slice(0, 1));
  for (const fix of fixes) {
    if (fix.edits.some(conflicts)) continue;
    chosen.push(...fix.edits);
    for (const edit of fix.edits) {
      maxEnd = Math.max(maxEnd, edit.span.end);
      if (edit.span.start === edit.span.end) emptyAt.add(edit.span.start);
    }
  }
  return chosen;
}
