// The edits that silence one rule where a finding is: a `meetings-disable-line` comment on its
// line, or, for a row of a table (where a comment after the row would be a cell GFM drops), a
// `meetings-disable` / `meetings-enable` pair around the table.
import { lineContentEnd } from './lines';
import type { TextEdit } from './model';

export interface DisableEdits {
  scope: 'line' | 'table';
  edits: TextEdit[];
}

const BLOCK_ID_AT_END = /\s\^[A-Za-z0-9-]+[ \t]*$/u;
const DISABLE_LINE = /<!--[ \t]*meetings-disable-line\b([^]*?)-->/u;
const TABLE_DELIMITER = /^[ \t]{0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*(?:\|[ \t]*)?$/u;

/** How to silence `rule` on `line` (0-based); null when no comment can do it there. */
export function disableEdits(text: string, lineStarts: readonly number[], line: number, rule: string): DisableEdits | null {
  const lineText = (at: number) => text.slice(lineStarts[at]!, lineContentEnd(text, lineStarts, at));
  const table = tableAround(lineText, lineStarts.length, line);
  if (table) {
    const newline = text.includes('\r\n') ? '\r\n' : '\n';
    const header = lineStarts[table.first]!;
    const end = lineContentEnd(text, lineStarts, table.last);
    return {
      scope: 'table',
      edits: [
        { span: { start: header, end: header }, text: `<!-- meetings-disable ${rule} -->${newline}` },
        { span: { start: end, end }, text: `${newline}<!-- meetings-enable ${rule} -->` },
      ],
    };
  }
  const start = lineStarts[line]!;
  const content = lineText(line);
  // Another rule is already silenced here: add this one to the same comment.
  const existing = DISABLE_LINE.exec(content);
  if (existing && !content.slice(0, existing.index).includes('`')) {
    const close = start + existing.index + existing[0].length - 3;
    return { scope: 'line', edits: [{ span: { start: close, end: close }, text: /\s/u.test(text[close - 1]!) ? `${rule} ` : ` ${rule} ` }] };
  }
  // Before a trailing `^block-id` (it must stay last) and a hard line break (it must stay at the end).
  let at = content.length;
  const blockId = BLOCK_ID_AT_END.exec(content);
  if (blockId) at = blockId.index;
  else at = hardBreakStart(content);
  while (at > 0 && (content[at - 1] === ' ' || content[at - 1] === '\t')) at--;
  return { scope: 'line', edits: [{ span: { start: start + at, end: start + at }, text: ` <!-- meetings-disable-line ${rule} -->` }] };
}

/** Where a hard line break at the end of the line starts (two spaces or a backslash), else its length. */
function hardBreakStart(content: string): number {
  let at = content.length;
  while (at > 0 && (content[at - 1] === ' ' || content[at - 1] === '\t')) at--;
  if (content.length - at >= 2) return at;
  if (at < content.length) return content.length;
  let backslashes = 0;
  while (backslashes < at && content[at - 1 - backslashes] === '\\') backslashes++;
  return backslashes % 2 === 1 ? at - 1 : content.length;
}

/**
 * The lines of the top-level GFM table that holds `line` (its header row to its last row), or
 * null. A table in a list or a quote is left alone: a comment line would have to repeat its
 * container's prefix.
 */
function tableAround(lineText: (line: number) => string, lineCount: number, line: number): { first: number; last: number } | null {
  const isRowLike = (at: number) => {
    const row = lineText(at);
    return row.trim() !== '' && !/^[ \t]*>/u.test(row) && !/^(?: {4}|\t)/u.test(row);
  };
  if (!isRowLike(line) || !lineText(line).includes('|')) return null;
  // Up to the delimiter row, with the header above it (or the header itself).
  let delimiter = line + 1 < lineCount && isRowLike(line + 1) && TABLE_DELIMITER.test(lineText(line + 1)) ? line + 1 : line;
  while (delimiter >= 0 && isRowLike(delimiter) && !TABLE_DELIMITER.test(lineText(delimiter))) delimiter--;
  if (delimiter < 1 || !isRowLike(delimiter) || !isRowLike(delimiter - 1)) return null;
  const header = delimiter - 1;
  if (!lineText(header).includes('|') && !lineText(delimiter).includes('|')) return null;
  // (rows without a pipe, which GFM allows, are rare; a heading right after a table is not)
  let last = Math.max(line, delimiter);
  while (last + 1 < lineCount && isRowLike(last + 1) && lineText(last + 1).includes('|')) last++;
  return { first: header, last };
}
