// The line scanner and remark must read every meeting the same way: same actions, sections and
// suppressions, same findings. Checked on the benchmark corpus and on generated documents.
import { strict as assert } from 'node:assert';
import { lintMeeting, mergeConfig, parseMeeting, type Meeting } from '../../src/core';
import { corpus } from '../../bench/corpus';
import { fuzzDocument } from './markdown-fuzz';

const config = mergeConfig([{ dir: '', people: [{ name: 'Bob Li', aliases: ['Bob'] }], requiredSections: { weekly: ['agenda', 'actions'] } }]);

function view(meeting: Meeting) {
  return {
    actions: meeting.actions.map((a) => [a.line, a.status, a.text, a.owners.map((o) => o.name).join(','), a.due?.date ?? null, a.parent, a.section]),
    sections: meeting.sections.map((s) => [s.kind, s.depth, s.headingSpan.start, s.bodySpan.end, s.hasContent]),
    suppressions: meeting.suppressions.map((s) => [s.kind, s.line, s.rules.join(',')]),
    findings: lintMeeting(meeting, { config, today: '2026-11-26', locale: 'en' }).map((f) => [f.rule, f.span.start, f.span.end, f.message]),
  };
}

function assertSameReading(text: string, label: string): void {
  const fast = view(parseMeeting(text, { config, parser: 'scanner' }));
  const reference = view(parseMeeting(text, { config, parser: 'remark' }));
  assert.deepEqual(fast, reference, `${label} reads differently:\n${text}`);
}

describe('parsers: the scanner agrees with remark', function () {
  // remark is the slow reference here: thousands of documents take a while on a shared machine.
  this.timeout(300_000);
  it('on the benchmark corpus (300 generated meeting files)', () => {
    const files = corpus(300, 7);
    let actions = 0;
    for (const file of files) {
      assertSameReading(file.text, file.path);
      actions += parseMeeting(file.text, { config }).actions.length;
    }
    assert.ok(actions > 3000, `the corpus has actions to compare (${actions})`);
  });

  // MEETINGS_FUZZ_SEEDS=50000 runs a deeper comparison (see docs/performance.md for its result).
  const seeds = Number(process.env.MEETINGS_FUZZ_SEEDS ?? 2000);
  it(`on ${seeds} generated documents full of the constructs where parsers differ`, () => {
    for (let seed = 1; seed <= seeds; seed++) assertSameReading(fuzzDocument(seed), `fuzz seed ${seed}`);
  });
});
