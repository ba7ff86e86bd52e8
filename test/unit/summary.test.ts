// The editor's index keeps a summary of each closed meeting instead of its full model: it must
// read the same as the model it came from, and the follow-up of a series must come out the same
// whether the previous meeting is a full model (the CLI) or a summary (the editor).
import { strict as assert } from 'node:assert';
import {
  actionLabel,
  DEFAULT_CONFIG,
  detachedSummary,
  followUp,
  lintMeeting,
  normaliseActionText,
  parseMeeting,
  summaryOf,
  type Meeting,
} from '../../src/core';
import { corpus } from '../../bench/corpus';

const TODAY = '2026-11-26';

describe('meeting summaries', () => {
  const files = corpus(200, 11).map((file) => ({ key: file.path, meeting: parseMeeting(file.text, { path: file.path }) }));

  it('hold each action as the full model reads it, detached copies included', () => {
    let actions = 0;
    for (const { meeting } of files) {
      const summary = summaryOf(meeting);
      assert.equal(summary.isMeeting, meeting.meetingReason !== null);
      assert.deepEqual(detachedSummary(meeting).fields, meeting.fields);
      summary.actions.forEach((action, index) => {
        const full = meeting.actions[index]!;
        assert.deepEqual(
          [action.line, action.status, action.text, action.label, action.owners, action.ownersInherited, action.due, action.dueInherited, action.priority, action.id, action.parent, action.section],
          [full.line, full.status, full.text, actionLabel(full, meeting.text), full.owners.map((owner) => owner.name), full.ownersInherited, full.due?.date ?? null, full.dueInherited, full.priority, full.id, full.parent, full.section],
        );
      });
      actions += summary.actions.length;
      // Detached, a closed action keeps its label as its text.
      const closedAsLabel = { ...summary, actions: summary.actions.map((action) => (action.status === 'done' || action.status === 'cancelled' ? { ...action, text: action.label } : action)) };
      assert.deepEqual(detachedSummary(meeting), closedAsLabel);
    }
    assert.ok(actions > 2000, `the corpus has actions to compare (${actions})`);
  });

  it('give the same carry-over findings and follow-up as the full previous meeting', () => {
    const bySeries = new Map<string, Array<{ key: string; meeting: Meeting }>>();
    for (const file of files) {
      const series = file.meeting.fields.series;
      if (series && file.meeting.fields.date) bySeries.set(series, [...(bySeries.get(series) ?? []), file]);
    }
    const statuses = { closed: 0, carried: 0, dropped: 0 };
    let findings = 0;
    for (const members of bySeries.values()) {
      members.sort((a, b) => a.meeting.fields.date!.localeCompare(b.meeting.fields.date!));
      for (let i = 1; i < members.length; i++) {
        const previous = members[i - 1]!;
        const current = members[i]!;
        const lint = (meeting: Meeting | ReturnType<typeof detachedSummary>) =>
          lintMeeting(current.meeting, { config: DEFAULT_CONFIG, today: TODAY, locale: 'zh-CN', previousMeeting: { key: previous.key, meeting } }).filter((finding) => finding.rule === 'carry-over');
        const fromModel = lint(previous.meeting);
        assert.deepEqual(lint(detachedSummary(previous.meeting)), fromModel);
        findings += fromModel.length;
        const items = followUp(previous.meeting, current.meeting);
        const lines = (list: typeof items) => list.map((item) => [item.action.line, item.action.label, item.carried?.line ?? null, item.status]);
        assert.deepEqual(lines(followUp(detachedSummary(previous.meeting), detachedSummary(current.meeting))), lines(items));
        // Each carried action is the same action, read from the full models: same id or same words.
        for (const item of items) {
          statuses[item.status]++;
          if (!item.carried) continue;
          const before = previous.meeting.actions.find((action) => action.line === item.action.line)!;
          const after = current.meeting.actions.find((action) => action.line === item.carried!.line)!;
          assert.ok(
            (before.id !== null && before.id === after.id) || normaliseActionText(before, previous.meeting.text) === normaliseActionText(after, current.meeting.text),
            `${before.text} is followed by ${after.text}`,
          );
        }
      }
    }
    assert.ok(findings > 0 && statuses.closed > 0 && statuses.carried > 0 && statuses.dropped > 0, `every kind of follow-up is compared: ${JSON.stringify({ findings, ...statuses })}`);
  });
});
