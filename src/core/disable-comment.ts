// The edit that silences one rule on one line: a `<!-- meetings-disable-line rule -->` comment
// after the line's words (before a trailing block id and a hard line break), or the rule added to
// the line's own such comment. In a table row the comment becomes a cell of its own, which both
// parsers read; a header row gets none (one more header cell than the delimiter row ends the table).
import { itemTailStart } from './action-text';
import { lineContentEnd } from './lines';
import type { TextEdit } from './model';
import { isDelimiterRow } from './scanner';

const DIRECTIVE = 'meetings-disable-line';

/** The edits that silence `rule` on `line` (0-based); null where a comment cannot go. */
export function disableLineEdits(text: string, lineStarts: readonly number[], line: number, rule: string): TextEdit[] | null {
  const lineText = (at: number) => (at < lineStarts.length ? text.slice(lineStarts[at]!, lineContentEnd(text, lineStarts, at)) : '');
  const start = lineStarts[line]!;
  const content = lineText(line);
  if (content.includes('|') && isDelimiterRow(lineText(line + 1))) return null;
  const close = disableLineCommentClose(content);
  if (close >= 0) {
    const at = start + close;
    return [{ span: { start: at, end: at }, text: /\s/u.test(text[at - 1]!) ? `${rule} ` : ` ${rule} ` }];
  }
  let at = itemTailStart(content);
  if (at === content.length) at = hardBreakStart(content);
  while (at > 0 && (content[at - 1] === ' ' || content[at - 1] === '\t')) at--;
  return [{ span: { start: start + at, end: start + at }, text: ` <!-- ${DIRECTIVE} ${rule} -->` }];
}

/**
 * Where the `-->` of the line's `meetings-disable-line` comment is, or -1. Found with `indexOf`:
 * a regex for it rescanned the rest of a long line from every unclosed `<!--`.
 */
function disableLineCommentClose(content: string): number {
  for (let from = 0; ; ) {
    const open = content.indexOf('<!--', from);
    if (open < 0) return -1;
    const close = content.indexOf('-->', open + 4);
    if (close < 0) return -1;
    let at = open + 4;
    while (content[at] === ' ' || content[at] === '\t') at++;
    if (content.startsWith(DIRECTIVE, at) && !/\w/u.test(content[at + DIRECTIVE.length] ?? '')) {
      // (in a code span it is no comment)
      return content.slice(0, open).includes('`') ? -1 : close;
    }
    from = close + 3;
  }
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
