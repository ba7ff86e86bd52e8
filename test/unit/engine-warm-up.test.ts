// The editor reads small samples before its first scan so that the engine's code is compiled in
// short tasks. The samples are only worth it while they go through what a real meeting does.
import { strict as assert } from 'node:assert';
import { DEFAULT_CONFIG, lintMeeting, parseMeeting } from '../../src/core';
import { warmUpEngine, WARM_UP_SAMPLES } from '../../src/extension/engine-warm-up';

describe('engine warm-up samples', () => {
  const meetings = WARM_UP_SAMPLES.map((sample) => parseMeeting(sample, { config: DEFAULT_CONFIG }));

  it('are meetings, and together hold every kind of action marker', () => {
    for (const meeting of meetings) assert.ok(meeting.meetingReason, meeting.text.slice(0, 40));
    const actions = meetings.flatMap((meeting) => meeting.actions);
    assert.deepEqual([...new Set(actions.map((action) => action.status))].sort(), ['cancelled', 'done', 'in-progress', 'open']);
    assert.ok(actions.some((action) => action.owners.some((owner) => owner.written === '张三')), '@ and key owners');
    assert.ok(actions.some((action) => action.owners.some((owner) => owner.name === 'Alice Chen')), 'multi-word and field owners');
    assert.ok(actions.some((action) => action.dueMentions.some((mention) => mention.written === '下周五' && mention.date !== null)), 'a relative date in Chinese');
    assert.ok(actions.some((action) => action.dueMentions.some((mention) => mention.written === 'next Friday' && mention.date !== null)), 'a relative date in English');
    assert.ok(actions.some((action) => action.priority !== null) && actions.some((action) => action.parent !== null) && actions.some((action) => action.id !== null));
  });

  it('are read in tasks of their own, once', async () => {
    let tasks = 0;
    const ticker = setInterval(() => tasks++, 0);
    try {
      await warmUpEngine();
      const first = tasks;
      // Each sample's parse and lint, each after a turn of the event loop.
      assert.ok(first >= WARM_UP_SAMPLES.length * 2 - 1, `${first} other tasks ran between the steps`);
      await warmUpEngine();
      assert.equal(tasks, first, 'the second call does nothing');
    } finally {
      clearInterval(ticker);
    }
  });

  it('are linted without a rule failing', () => {
    for (const meeting of meetings) {
      const failures: string[] = [];
      lintMeeting(meeting, { config: DEFAULT_CONFIG, today: '2026-01-12', locale: 'en', onRuleError: (rule) => failures.push(rule) });
      assert.deepEqual(failures, []);
    }
  });
});
