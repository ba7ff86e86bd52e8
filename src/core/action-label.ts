// How an action reads in the tree: its words without the markers (owner, due date, priority,
// done date), which the tree shows in the description and the tooltip instead.
import type { Action } from './model';
import { codeSpansOf, isEscaped } from './scanner';

const OWNER_KEY_BEFORE = /(?:owners?|assignees?|负责人|责任人|执行人)[ \t]*[:：][ \t]*$/iu;
const MARKERS = /[🔺⏫🔼🔽⏬]\uFE0F?|(?:✅|❌|➕|⏳|🛫)\uFE0F?[ \t]*\d{4}-\d{2}-\d{2}|(?<![\p{L}\p{N}])P[0-3](?![\p{L}\p{N}])|\s\^[A-Za-z0-9-]+\s*$/gu;
/** A character without which MARKERS cannot match: most labels have none, and skip its replace. */
const MARKER_START = /[🔺⏫🔼🔽⏬✅❌➕⏳🛫P^]/u;
const FIELDS = /\[(?:owner|due|id|priority)::[^\]]*\]/giu;
/** Whitespace other than a lone space: only then is there a run to collapse. */
const SPACE_TO_COLLAPSE = /\s\s|[^\S ]/u;
const TRAILING_SEPARATOR = /[,，、;；]/u;

/** The action's words without owners, due dates, priority, done dates and block ids. */
export function actionLabel(action: Action, documentText: string): string {
  const base = action.textSpan.start;
  const cuts: Array<{ start: number; end: number }> = [];
  for (const mention of action.dueMentions) cuts.push(mention.markerSpan);
  if (!action.ownersInherited) {
    for (const owner of action.owners) {
      let start = owner.span.start;
      const previous = documentText[start - 1];
      if ((previous === '@' || previous === '＠') && start - 1 >= base) start -= 1;
      else if (previous === ':' || previous === '：' || previous === ' ' || previous === '\t') {
        const key = OWNER_KEY_BEFORE.exec(documentText.slice(Math.max(base, start - 12), start));
        if (key) start -= key[0].length;
      }
      cuts.push({ start, end: owner.span.end });
    }
  }
  if (cuts.length > 1) cuts.sort((a, b) => a.start - b.start);
  let text = '';
  let cursor = base;
  for (const cut of cuts) {
    if (cut.start < cursor) {
      cursor = Math.max(cursor, cut.end);
      continue;
    }
    text += documentText.slice(cursor, cut.start);
    cursor = cut.end;
  }
  text += documentText.slice(cursor, action.textSpan.end);
  // Comments are not shown (a `meetings-disable-line` one is often at the end).
  if (text.includes('<!--')) text = withoutComments(text);
  // Each replace only when its pattern can match: most labels need none of them.
  if (MARKER_START.test(text)) text = text.replace(MARKERS, ' ');
  if (text.includes('::')) text = text.replace(FIELDS, ' ');
  if (SPACE_TO_COLLAPSE.test(text)) text = text.replace(/\s+/gu, ' ');
  const label = withoutTrailingSeparators(text).trim();
  return label || action.text;
}

/** Drops the separators (`,` `、` `;`) and spaces left at the end where markers were cut. */
function withoutTrailingSeparators(text: string): string {
  let end = text.length;
  while (end > 0 && (TRAILING_SEPARATOR.test(text[end - 1]!) || /\s/u.test(text[end - 1]!))) end--;
  return text.slice(0, end);
}

/**
 * `text` without `<!--…-->` comments, each replaced by a space (an unclosed one stays, and so does
 * one in a code span or after a backslash: that is text).
 */
function withoutComments(text: string): string {
  const code = text.includes('`') ? codeSpansOf(text, 0, text.length) : [];
  let result = '';
  let from = 0;
  // Linear: a regex would rescan the rest of the line from every unclosed `<!--`.
  for (let open = text.indexOf('<!--'); open >= 0; ) {
    if (isEscaped(text, open, 0) || code.some((span) => open >= span.start && open < span.end)) {
      open = text.indexOf('<!--', open + 4);
      continue;
    }
    const close = text.indexOf('-->', open + 4);
    if (close < 0) break;
    result += `${text.slice(from, open)} `;
    from = close + 3;
    open = text.indexOf('<!--', from);
  }
  return result + text.slice(from);
}
