// An action's label is its words without owners, dates and other markers. The label is worked out
// for every action of every file the index reads, so it skips the replaces a text cannot need;
// it must read every action as the plain chain of replaces does.
import { strict as assert } from 'node:assert';
import { actionLabel, mergeConfig, parseMeeting, type Action } from '../../src/core';
import { corpus } from '../../bench/corpus';
import { fuzzDocument } from './markdown-fuzz';

const config = mergeConfig([{ dir: '', people: [{ name: 'Bob Li', aliases: ['Bob'] }, { name: '张三', aliases: [] }, { name: '李四', aliases: [] }] }]);

/** The label as the plain chain of replaces reads it: the reference. */
function referenceLabel(action: Action, documentText: string): string {
  const base = action.textSpan.start;
  const cuts: Array<{ start: number; end: number }> = action.dueMentions.map((mention) => mention.markerSpan);
  if (!action.ownersInherited) {
    for (const owner of action.owners) {
      let start = owner.span.start;
      const before = documentText.slice(Math.max(base, start - 12), start);
      const key = /(?:owners?|assignees?|负责人|责任人|执行人)[ \t]*[:：][ \t]*$/iu.exec(before);
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
  const label = text
    // comments are not shown; one in a code span or after a backslash is text
    .replace(/(`+)[^`]*?\1|\\<!--|<!--[^]*?-->/gu, (match) => (match.startsWith('<!--') ? ' ' : match))
    .replace(/[🔺⏫🔼🔽⏬]\uFE0F?|(?:✅|❌|➕|⏳|🛫)\uFE0F?[ \t]*\d{4}-\d{2}-\d{2}|(?<![\p{L}\p{N}])P[0-3](?![\p{L}\p{N}])|\s\^[A-Za-z0-9-]+\s*$/gu, ' ')
    .replace(/\[(?:owner|due|id|priority)::[^\]]*\]/giu, ' ')
    .replace(/\s+/gu, ' ')
    .replace(/[\s,，、;；]+$/u, '')
    .trim();
  return label || action.text;
}

function labels(text: string): string[] {
  const meeting = parseMeeting(text, { config });
  return meeting.actions.map((action) => actionLabel(action, text));
}

function assertSameAsReference(text: string, name: string): number {
  const meeting = parseMeeting(text, { config });
  for (const action of meeting.actions) {
    assert.equal(actionLabel(action, text), referenceLabel(action, text), `${name}, line ${action.line + 1}: ${action.text}`);
  }
  return meeting.actions.length;
}

const meeting = (lines: string[]) => `---\ntitle: t\ndate: 2026-11-20\nattendees: [Bob Li, 张三, 李四]\n---\n\n## Actions\n\n${lines.join('\n')}\n`;

describe('action labels', () => {
  it('drop owners with their key or @, due dates with their marker, and the separators left at the end', () => {
    assert.deepEqual(
      labels(meeting([
        '- [ ] Send the report @Bob due: 2026-12-01',
        '- [ ] 整理预算，负责人：张三，截止：12月5日',
        '- [ ] Book the room, owner: Bob Li ;',
        '- [ ] 准备材料 ＠李四 📅 2026-12-03',
      ])),
      ['Send the report', '整理预算', 'Book the room', '准备材料'],
    );
  });

  it('drop priority, done dates, Obsidian fields and block ids, and collapse the spaces they leave', () => {
    assert.deepEqual(
      labels(meeting([
        '- [x] Ship P1  the fix ✅ 2026-11-19 ^fix-1',
        '- [ ] Review ⏫ the plan [priority:: high]\tnow',
        '- [ ] Keep P10 and CP1 as they are',
      ])),
      ['Ship the fix', 'Review the plan now', 'Keep P10 and CP1 as they are'],
    );
  });

  it('fall back to the whole text when nothing but markers is left', () => {
    assert.deepEqual(labels(meeting(['- [ ] @Bob', '- [ ] , @Bob'])), ['@Bob', ', @Bob']);
  });

  it('read every action as the plain chain of replaces does: the benchmark corpus and generated documents', function () {
    this.timeout(120_000);
    let actions = 0;
    for (const file of corpus(300, 11)) actions += assertSameAsReference(file.text, file.path);
    for (let seed = 1; seed <= 1000; seed++) actions += assertSameAsReference(fuzzDocument(seed), `fuzz seed ${seed}`);
    assert.ok(actions > 5000, `actions compared: ${actions}`);
  });

  it('read lines full of separators, spaces and markers as the reference does', () => {
    const pieces = [' ', '  ', '\t', ',', '，', '、', ';', '；', '@Bob', '＠张三', 'owner: Bob', '负责人：李四', 'due: 2026-12-01', '截止：12月5日', '📅 2026-12-02', 'P2', 'P9', '^id-1', '⏫', '✅ 2026-11-01', '[id:: a]', '[due:: 2026-12-04]', 'text', '文字', 'x'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    const lines: string[] = [];
    for (let i = 0; i < 3000; i++) {
      let line = '- [ ] ';
      const length = 1 + (next() % 7);
      for (let j = 0; j < length; j++) line += pieces[next() % pieces.length];
      lines.push(line);
    }
    const compared = assertSameAsReference(meeting(lines), 'generated lines');
    assert.ok(compared > 2500, `actions compared: ${compared}`);
  });
});

describe('action labels and comments', () => {
  it('leave out comments, but not one in a code span or after a backslash', () => {
    const meeting = (lines: string[]) => `---\ntitle: t\ndate: 2026-11-20\nattendees: [Bob]\n---\n\n## Actions\n\n${lines.join('\n')}\n`;
    const text = meeting(['- [ ] Remove `<!-- TODO -->` markers @Bob <!-- meetings-disable-line action-due -->', '- [ ] Keep \\<!-- this --> text @Bob']);
    assert.deepEqual(
      parseMeeting(text).actions.map((action) => actionLabel(action, text)),
      ['Remove `<!-- TODO -->` markers', 'Keep \\<!-- this --> text'],
    );
  });
});
