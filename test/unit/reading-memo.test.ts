// An open document is read again on every keystroke with the memo of its earlier readings: what
// comes out must be exactly what a reading from scratch gives, whatever was typed where.
import { strict as assert } from 'node:assert';
import { DEFAULT_CONFIG, lintMeeting, mergeConfig, parseMeeting, ReadingMemo, summaryOf, type ResolvedConfig } from '../../src/core';
import { corpus, random } from '../../bench/corpus';

const TODAY = '2026-11-26';
// Edits that change what items mean: names, dates, keys, markers, line breaks, list structure.
const TYPED = ['a', ' ', '\n', '@张三 ', '@Alice Chen', '📅 2026-12-01', '截止：下周五', 'due: tomorrow', '申请人：李四', '¥5000', 'Q4', '- [ ] ', '  ', '<!-- ', ' -->', '，', 'date: 2026-11-20\n', 'attendees: [张三, 李四]\n'];

function lint(text: string, config: ResolvedConfig, memo?: ReadingMemo) {
  const meeting = parseMeeting(text, { config, path: '/notes/m.md', memo });
  return { meeting, findings: lintMeeting(meeting, { config, today: TODAY, locale: 'zh-CN' }) };
}

describe('reading memo (keystroke re-reading)', function () {
  this.timeout(120_000);

  for (const [name, config] of [
    ['default config', DEFAULT_CONFIG],
    ['a roster with multi-word names', mergeConfig([{ dir: '/notes', people: [{ name: 'Alice Chen', aliases: ['Alice'] }, { name: '李四', aliases: ['小李'] }] }])],
  ] as const) {
    it(`gives the same model and findings as a fresh reading, edit after edit (${name})`, () => {
      const rng = random(42);
      let reusedFacts = 0;
      let reusedItems = 0;
      let reusedLabels = 0;
      for (const file of corpus(12, 3)) {
        const memo = new ReadingMemo();
        let text = file.text;
        for (let step = 0; step < 40; step++) {
          const at = Math.floor(rng() * (text.length + 1));
          const removed = rng() < 0.3 ? Math.floor(rng() * 12) : 0;
          text = text.slice(0, at) + (removed > 0 && rng() < 0.5 ? '' : TYPED[Math.floor(rng() * TYPED.length)]) + text.slice(at + removed);
          const withMemo = lint(text, config, memo);
          const fresh = lint(text, config);
          assert.deepEqual(withMemo.meeting, fresh.meeting, `model after step ${step} of ${file.path}`);
          assert.deepEqual(withMemo.findings, fresh.findings, `findings after step ${step} of ${file.path}`);
          assert.deepEqual(summaryOf(withMemo.meeting), summaryOf(fresh.meeting), `summary (labels) after step ${step} of ${file.path}`);
        }
        reusedFacts += memo.facts.reused;
        reusedItems += memo.items.reused;
        reusedLabels += memo.labels.reused;
      }
      assert.ok(reusedFacts > 1000 && reusedItems > 100 && reusedLabels > 1000, `readings were reused (${reusedFacts} actions, ${reusedItems} section items, ${reusedLabels} labels)`);
    });
  }

  it('forgets readings that depended on a meeting date or people that changed', () => {
    const memo = new ReadingMemo();
    const text = (date: string, attendees: string) => `---\ndate: ${date}\nattendees: [${attendees}]\n---\n\n## 行动计划\n\n- [ ] 发布公告 @小王 截止：下周五\n`;
    const first = lint(text('2026-11-20', '张三'), DEFAULT_CONFIG, memo);
    assert.equal(first.meeting.actions[0]!.due?.date, '2026-11-27');
    assert.equal(first.meeting.actions[0]!.owners[0]!.known, false);
    const second = lint(text('2026-11-27', '张三, 小王'), DEFAULT_CONFIG, memo);
    assert.equal(second.meeting.actions[0]!.due?.date, '2026-12-04', 'next Friday of the new date');
    assert.equal(second.meeting.actions[0]!.owners[0]!.known, true, 'now an attendee');
    // Another configuration: 小王 is an alias of 王五 in its roster.
    const roster = mergeConfig([{ dir: '/notes', people: [{ name: '王五', aliases: ['小王'] }] }]);
    const third = lint(text('2026-11-27', '张三, 小王'), roster, memo);
    assert.equal(third.meeting.actions[0]!.owners[0]!.name, '王五', 'read with the new roster');
    assert.equal(memo.facts.reused, 0, 'nothing reused across a changed date, people or configuration');
  });
});
