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
  const fixes: Fix[] = findings.flatMap((finding) => finding.fixes.filter((fix) => fix.safe).slice(0, 1));
  for (const fix of fixes) {
    const overlaps = fix.edits.some((edit) =>
      chosen.some((other) => edit.span.start < other.span.end && other.span.start < edit.span.end || (edit.span.start === other.span.start && edit.span.end === other.span.end)),
    );
    if (!overlaps) chosen.push(...fix.edits);
  }
  return chosen;
}
