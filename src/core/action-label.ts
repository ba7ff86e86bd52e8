// How an action reads in the tree: its words without the markers (owner, due date, priority,
// done date), which the tree shows in the description and the tooltip instead.
import type { Action } from './model';

const OWNER_KEY_BEFORE = /(?:owners?|assignees?|负责人|责任人|执行人)[ \t]*[:：][ \t]*$/iu;
const MARKERS = /[🔺⏫🔼🔽⏬]\uFE0F?|(?:✅|❌|➕|⏳|🛫)\uFE0F?[ \t]*\d{4}-\d{2}-\d{2}|(?<![\p{L}\p{N}])P[0-3](?![\p{L}\p{N}])|\s\^[A-Za-z0-9-]+\s*$/gu;

/** The action's words without owners, due dates, priority, done dates and block ids. */
export function actionLabel(action: Action, documentText: string): string {
  const base = action.textSpan.start;
  const cuts: Array<{ start: number; end: number }> = [];
  for (const mention of action.dueMentions) cuts.push(mention.markerSpan);
  if (!action.ownersInherited) {
    for (const owner of action.owners) {
      let start = owner.span.start;
      const before = documentText.slice(Math.max(base, start - 12), start);
      const key = OWNER_KEY_BEFORE.exec(before);
      if (key) start -= key[0].length;
      else if (/[@＠]$/u.test(before)) start -= 1;
      cuts.push({ start, end: owner.span.end });
    }
  }
  cuts.sort((a, b) => a.start - b.start);
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
  const label = text.replace(MARKERS, ' ').replace(/\[(?:owner|due|id|priority)::[^\]]*\]/giu, ' ').replace(/\s+/gu, ' ').replace(/(?<!\s)\s*[,，、;；]\s*$/u, '').trim();
  return label || action.text;
}
