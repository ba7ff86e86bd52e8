import { strict as assert } from 'node:assert';
import { applyEdits, parseMeeting, positionOf, type Meeting } from '../../src/core';

const FRONTMATTER = '---\ndate: 2026-11-20\nattendees: [张三, 李四]\n---\n';

/** A meeting document: four frontmatter lines (0–3), a blank line (4), then `body` from line 5. */
function doc(body: string): string {
  return `${FRONTMATTER}\n${body}\n`;
}

const slice = (meeting: Meeting, span: { start: number; end: number }) => meeting.text.slice(span.start, span.end);
const lineAt = (meeting: Meeting, offset: number) => positionOf(meeting.lineStarts, offset).line;

describe('parseMeeting: action items', () => {
  it('reads the status of every box with every list marker', () => {
    const meeting = parseMeeting(
      doc(
        [
          '- [ ] open',
          '- [/] started',
          '- [x] done',
          '- [X] done too',
          '- [-] dropped',
          '',
          '* [ ] star',
          '',
          '+ [x] plus',
          '',
          '1. [ ] first',
          '2. [/] second',
          '3. [-] third',
        ].join('\n'),
      ),
    );
    assert.deepEqual(
      meeting.actions.map((action) => [action.status, action.text]),
      [
        ['open', 'open'],
        ['in-progress', 'started'],
        ['done', 'done'],
        ['done', 'done too'],
        ['cancelled', 'dropped'],
        ['open', 'star'],
        ['done', 'plus'],
        ['open', 'first'],
        ['in-progress', 'second'],
        ['cancelled', 'third'],
      ],
    );
    assert.deepEqual(
      meeting.actions.map((action) => slice(meeting, action.boxSpan)),
      ['[ ]', '[/]', '[x]', '[X]', '[-]', '[ ]', '[x]', '[ ]', '[/]', '[-]'],
    );
  });

  it('ignores tasks in fenced code, indented code and HTML comments', () => {
    const meeting = parseMeeting(
      doc(
        [
          '```markdown',
          '- [ ] in a fence',
          '```',
          '',
          '~~~',
          '- [ ] in a tilde fence',
          '~~~',
          '',
          'A paragraph.',
          '',
          '    - [ ] in indented code',
          '',
          '<!--',
          '- [ ] in a comment',
          '-->',
          '',
          '- [ ] the real one',
        ].join('\n'),
      ),
    );
    assert.deepEqual(
      meeting.actions.map((action) => action.text),
      ['the real one'],
    );
  });

  it('ignores check boxes under an attendees heading', () => {
    const meeting = parseMeeting(
      doc(['## 参会人员', '', '- [x] 张三', '- [ ] 李四', '', '## Attendees', '', '- [x] Bob', '', '## 行动项', '', '- [ ] @张三 准备汇报'].join('\n')),
    );
    assert.deepEqual(
      meeting.actions.map((action) => [action.text, action.section]),
      [['@张三 准备汇报', 'actions']],
    );
  });

  it('gives the 0-based line of the box and a box span that slices to the box', () => {
    const meeting = parseMeeting(doc(['## 行动项', '', '- [ ] @张三 准备汇报 📅 2026-12-01', '10. [x] 发送纪要'].join('\n')));
    assert.equal(meeting.actions.length, 2);
    const [first, second] = meeting.actions as [Meeting['actions'][number], Meeting['actions'][number]];
    assert.equal(first.line, 7);
    assert.equal(slice(meeting, first.boxSpan), '[ ]');
    assert.equal(slice(meeting, first.textSpan), '@张三 准备汇报 📅 2026-12-01');
    assert.equal(first.text, '@张三 准备汇报 📅 2026-12-01');
    assert.equal(first.section, 'actions');
    assert.equal(first.parent, -1);
    assert.equal(second.line, 8);
    assert.equal(slice(meeting, second.boxSpan), '[x]');
    assert.equal(second.text, '发送纪要');
  });

  it('joins the lines of a wrapped item into its text', () => {
    const meeting = parseMeeting(doc(['- [ ] 准备汇报', '  并发给全体成员'].join('\n')));
    assert.equal(meeting.actions.length, 1);
    assert.equal(meeting.actions[0]!.text, '准备汇报 并发给全体成员');
  });
});

describe('parseMeeting: what counts as a meeting', () => {
  it('does not read a README without frontmatter as a meeting', () => {
    const meeting = parseMeeting('# Project\n\n- [ ] write docs\n- [x] publish\n');
    assert.equal(meeting.meetingReason, null);
    assert.equal(meeting.frontmatter, null);
    assert.deepEqual(meeting.actions, []);
  });

  it('does not read a file whose frontmatter says nothing of a meeting as a meeting', () => {
    const meeting = parseMeeting('---\ntitle: Release notes\n---\n\n- [ ] write docs\n');
    assert.equal(meeting.meetingReason, null);
    assert.deepEqual(meeting.actions, []);
  });

  it('reads a file with attendees as a meeting', () => {
    const meeting = parseMeeting(doc('- [ ] @张三 准备汇报'));
    assert.equal(meeting.meetingReason, 'attendees');
    assert.equal(meeting.actions.length, 1);
  });

  it('reads type: meeting as a meeting', () => {
    const meeting = parseMeeting('---\ntype: meeting\ndate: 2026-11-20\n---\n\n- [ ] 准备汇报\n');
    assert.equal(meeting.meetingReason, 'type');
    assert.equal(meeting.actions.length, 1);
    assert.equal(meeting.fields.type, 'meeting');
  });

  it('still reads broken YAML with a visible attendees key as a meeting, with the problem on its line', () => {
    const text = ['---', 'date: 2026-11-20', 'attendees: [张三, 李四]', 'title: 周会: 第一次', '---', '', '- [ ] @张三 准备汇报', ''].join('\n');
    const meeting = parseMeeting(text);
    assert.equal(meeting.meetingReason, 'attendees');
    assert.ok(meeting.frontmatter);
    assert.equal(meeting.frontmatter.data, null);
    assert.equal(meeting.frontmatter.yamlProblems.length >= 1, true);
    assert.equal(lineAt(meeting, meeting.frontmatter.yamlProblems[0]!.span.start), 3);
    assert.equal(meeting.actions.length, 1);
  });

  it('points a duplicate key at the second key', () => {
    const text = ['---', 'date: 2026-11-20', 'attendees: [张三]', 'date: 2026-11-21', '---', ''].join('\n');
    const meeting = parseMeeting(text);
    assert.equal(meeting.meetingReason, 'attendees');
    assert.ok(meeting.frontmatter);
    assert.equal(meeting.frontmatter.yamlProblems.length >= 1, true);
    assert.equal(lineAt(meeting, meeting.frontmatter.yamlProblems[0]!.span.start), 3);
  });

  it('reports unclosed frontmatter', () => {
    const meeting = parseMeeting('---\ndate: 2026-11-20\nattendees: [张三]\n\n- [ ] @张三 准备汇报\n');
    assert.equal(meeting.meetingReason, 'attendees');
    assert.ok(meeting.frontmatter);
    assert.equal(meeting.frontmatter.closed, false);
    assert.deepEqual(meeting.frontmatter.yamlProblems, [{ message: 'frontmatter-unclosed', span: { start: 0, end: 3 } }]);
  });
});

describe('parseMeeting: line ends and BOM', () => {
  const body = [
    '## 行动项',
    '',
    '- [ ] @张三 准备汇报 📅 2026-12-01',
    '- [/] @李四 订会议室 due: 下周五',
    '  - [x] 发邀请',
    '- [ ] 写总结',
    '  并发给全体成员',
  ].join('\n');
  const lf = doc(body);

  function summary(meeting: Meeting) {
    return {
      meetingReason: meeting.meetingReason,
      date: meeting.fields.date,
      attendees: meeting.fields.attendees,
      sections: meeting.sections.map((section) => [section.kind, section.heading, lineAt(meeting, section.headingSpan.start)]),
      actions: meeting.actions.map((action) => ({
        line: action.line,
        status: action.status,
        text: action.text,
        box: slice(meeting, action.boxSpan),
        boxLine: lineAt(meeting, action.boxSpan.start),
        firstLine: slice(meeting, action.textSpan).split(/\r\n|\r|\n/u)[0],
        owners: action.owners.map((owner) => [owner.name, slice(meeting, owner.span)]),
        due: action.due && [action.due.date, slice(meeting, action.due.span)],
        parent: action.parent,
      })),
    };
  }

  const expected = {
    meetingReason: 'attendees',
    date: '2026-11-20',
    attendees: ['张三', '李四'],
    sections: [['actions', '行动项', 5]],
    actions: [
      {
        line: 7,
        status: 'open',
        text: '@张三 准备汇报 📅 2026-12-01',
        box: '[ ]',
        boxLine: 7,
        firstLine: '@张三 准备汇报 📅 2026-12-01',
        owners: [['张三', '张三']],
        due: ['2026-12-01', '2026-12-01'],
        parent: -1,
      },
      {
        line: 8,
        status: 'in-progress',
        text: '@李四 订会议室 due: 下周五',
        box: '[/]',
        boxLine: 8,
        firstLine: '@李四 订会议室 due: 下周五',
        owners: [['李四', '李四']],
        due: ['2026-11-27', '下周五'],
        parent: -1,
      },
      {
        line: 9,
        status: 'done',
        text: '发邀请',
        box: '[x]',
        boxLine: 9,
        firstLine: '发邀请',
        owners: [['李四', '李四']],
        due: ['2026-11-27', '下周五'],
        parent: 1,
      },
      {
        line: 10,
        status: 'open',
        text: '写总结 并发给全体成员',
        box: '[ ]',
        boxLine: 10,
        firstLine: '写总结',
        owners: [],
        due: null,
        parent: -1,
      },
    ],
  };

  it('reads the LF document', () => {
    assert.deepEqual(summary(parseMeeting(lf)), expected);
  });

  it('reads the same document with CRLF line ends and a BOM the same way', () => {
    const meeting = parseMeeting(`\uFEFF${lf.replace(/\n/g, '\r\n')}`);
    assert.equal(meeting.text.charCodeAt(0), '-'.charCodeAt(0));
    assert.deepEqual(summary(meeting), expected);
  });

  it('reads the same document with CR-only line ends the same way', () => {
    assert.deepEqual(summary(parseMeeting(lf.replace(/\n/g, '\r'))), expected);
  });
});

describe('parseMeeting: nested tasks', () => {
  const meeting = parseMeeting(
    doc(
      [
        '- [ ] @张三 准备季度汇报 📅 2026-12-01',
        '  - [ ] 收集数据',
        '    - [ ] 清洗数据',
        '  - [ ] @李四 订会议室',
        '    - [ ] 发邀请',
        '  - [ ] 打印材料 📅 2026-11-25',
        '- [ ] 独立事项',
      ].join('\n'),
    ),
  );
  const view = meeting.actions.map((action) => ({
    text: action.text,
    parent: action.parent,
    owners: action.owners.map((owner) => owner.name),
    ownersInherited: action.ownersInherited,
    due: action.due?.date ?? null,
    dueInherited: action.dueInherited,
  }));

  it('inherits owner and due from the nearest parent task, and lets a child’s own values win', () => {
    assert.deepEqual(view, [
      { text: '@张三 准备季度汇报 📅 2026-12-01', parent: -1, owners: ['张三'], ownersInherited: false, due: '2026-12-01', dueInherited: false },
      { text: '收集数据', parent: 0, owners: ['张三'], ownersInherited: true, due: '2026-12-01', dueInherited: true },
      { text: '清洗数据', parent: 1, owners: ['张三'], ownersInherited: true, due: '2026-12-01', dueInherited: true },
      { text: '@李四 订会议室', parent: 0, owners: ['李四'], ownersInherited: false, due: '2026-12-01', dueInherited: true },
      { text: '发邀请', parent: 3, owners: ['李四'], ownersInherited: true, due: '2026-12-01', dueInherited: true },
      { text: '打印材料 📅 2026-11-25', parent: 0, owners: ['张三'], ownersInherited: true, due: '2026-11-25', dueInherited: false },
      { text: '独立事项', parent: -1, owners: [], ownersInherited: false, due: null, dueInherited: false },
    ]);
  });

  it('keeps the inherited due mentions off the child’s own list', () => {
    assert.deepEqual(meeting.actions[1]!.dueMentions, []);
  });
});

describe('parseMeeting: task fields', () => {
  it('reads priorities', () => {
    const meeting = parseMeeting(
      doc(
        [
          '- [ ] a 🔺',
          '- [ ] b ⏫',
          '- [ ] c 🔼',
          '- [ ] d 🔽',
          '- [ ] e ⏬',
          '- [ ] f P0',
          '- [ ] g P1',
          '- [ ] h P2',
          '- [ ] i P3',
          '- [ ] j 优先级：高',
          '- [ ] k priority: low',
          '- [ ] l 优先级: 紧急',
          '- [ ] m no priority',
          '- [ ] n buy an MP3 player',
        ].join('\n'),
      ),
    );
    assert.deepEqual(
      meeting.actions.map((action) => action.priority),
      ['highest', 'high', 'medium', 'low', 'lowest', 'highest', 'high', 'medium', 'low', 'high', 'low', 'highest', null, null],
    );
  });

  it('reads done and cancelled dates, recurrence and ids', () => {
    const meeting = parseMeeting(
      doc(
        [
          '- [x] 发布新版 ✅ 2026-11-21',
          '- [-] 取消团建 ❌ 2026-11-22',
          '- [ ] 写周报 🔁 every week 📅 2026-11-27',
          '- [ ] 跟进合同 ^follow-up-1',
          '- [ ] 跟进发票 [id:: inv-7]',
          '- [ ] 普通事项',
        ].join('\n'),
      ),
    );
    assert.deepEqual(
      meeting.actions.map((action) => [action.doneDate, action.cancelledDate, action.recurrence, action.id]),
      [
        ['2026-11-21', null, null, null],
        [null, '2026-11-22', null, null],
        [null, null, 'every week', null],
        [null, null, null, 'follow-up-1'],
        [null, null, null, 'inv-7'],
        [null, null, null, null],
      ],
    );
    assert.equal(meeting.actions[2]!.due?.date, '2026-11-27');
  });
});

describe('parseMeeting: sections', () => {
  const meeting = parseMeeting(
    doc(
      [
        '# 运营周会',
        '',
        '## 一、议程',
        '',
        '1. 回顾上周',
        '',
        '## 五、后续行动计划',
        '',
        '- [ ] @张三 准备汇报',
        '',
        '## 2. Action items',
        '',
        '- [ ] @李四 send the deck',
        '',
        '## 会议总结与反馈',
        '',
        '- [ ] 收集反馈',
        '',
        '## 决议',
        '',
        '<!-- 待补充 -->',
        '',
        '## 杂项',
        '',
        '无。',
      ].join('\n'),
    ),
  );

  it('recognises Chinese and English headings with numbering', () => {
    assert.deepEqual(
      meeting.sections.map((section) => [section.kind, section.heading, section.depth]),
      [
        [null, '运营周会', 1],
        ['agenda', '一、议程', 2],
        ['actions', '五、后续行动计划', 2],
        ['actions', '2. Action items', 2],
        ['summary', '会议总结与反馈', 2],
        ['decisions', '决议', 2],
        [null, '杂项', 2],
      ],
    );
  });

  it('says which sections have content', () => {
    assert.deepEqual(
      meeting.sections.map((section) => section.hasContent),
      [true, true, true, true, true, false, true],
    );
  });

  it('puts each action in the innermost section around it', () => {
    assert.deepEqual(
      meeting.actions.map((action) => [action.text, action.section]),
      [
        ['@张三 准备汇报', 'actions'],
        ['@李四 send the deck', 'actions'],
        ['收集反馈', 'summary'],
      ],
    );
  });

  it('gives heading spans that slice to the heading line', () => {
    assert.equal(slice(meeting, meeting.sections[2]!.headingSpan), '## 五、后续行动计划');
    assert.equal(lineAt(meeting, meeting.sections[2]!.headingSpan.start), 11);
  });
});

describe('parseMeeting: suppression comments', () => {
  it('reads the kind, rules and line of each comment', () => {
    const meeting = parseMeeting(
      doc(
        [
          '<!-- meetings-disable-next-line action-owner -->', // 5
          '- [ ] x', // 6
          '', // 7
          '<!-- meetings-disable action-due, owner-unknown -->', // 8
          '', // 9
          '- [ ] y', // 10
          '', // 11
          '<!-- meetings-enable -->', // 12
          '', // 13
          '- [ ] z <!-- meetings-disable-line due-format -->', // 14
          '', // 15
          '<!-- meetings-disable-next-line', // 16
          '     action-due -->', // 17
          '- [ ] w', // 18
        ].join('\n'),
      ),
    );
    assert.deepEqual(meeting.suppressions, [
      { kind: 'next-line', rules: ['action-owner'], line: 5 },
      { kind: 'disable', rules: ['action-due', 'owner-unknown'], line: 8 },
      { kind: 'enable', rules: [], line: 12 },
      { kind: 'line', rules: ['due-format'], line: 14 },
      { kind: 'next-line', rules: ['action-due'], line: 17 },
    ]);
  });

  it('does not read a plain comment as a suppression', () => {
    assert.deepEqual(parseMeeting(doc('<!-- 待补充 -->')).suppressions, []);
  });
});

describe('parseMeeting: frontmatter fields', () => {
  it('reads attendees from 参会人员', () => {
    const meeting = parseMeeting('---\ndate: 2026-11-20\n参会人员: [张三, 李四]\n---\n');
    assert.equal(meeting.meetingReason, 'attendees');
    assert.deepEqual(meeting.fields.attendees, ['张三', '李四']);
  });

  it('reads attendees from participants', () => {
    const meeting = parseMeeting('---\ndate: 2026-11-20\nparticipants:\n  - Alice\n  - Bob\n---\n');
    assert.equal(meeting.meetingReason, 'attendees');
    assert.deepEqual(meeting.fields.attendees, ['Alice', 'Bob']);
  });

  it('reads the duration from time 14:00-15:30', () => {
    const meeting = parseMeeting('---\ndate: 2026-11-20\nattendees: [张三]\ntime: 14:00-15:30\n---\n');
    assert.equal(meeting.fields.duration, 90);
    assert.deepEqual(meeting.fieldProblems, []);
  });

  it('reads the duration from duration 1.5h', () => {
    const meeting = parseMeeting('---\ndate: 2026-11-20\nattendees: [张三]\nduration: 1.5h\n---\n');
    assert.equal(meeting.fields.duration, 90);
    assert.deepEqual(meeting.fieldProblems, []);
  });

  it('reads the other text fields', () => {
    const meeting = parseMeeting(
      '---\ntitle: 运营周会\ndate: 2026-11-20\nattendees: [张三, 李四]\nfacilitator: 张三\nnotetaker: 李四\nseries: ops-weekly\ntags: [运营, 周会]\n---\n',
    );
    assert.equal(meeting.fields.title, '运营周会');
    assert.equal(meeting.fields.date, '2026-11-20');
    assert.equal(meeting.fields.facilitator, '张三');
    assert.equal(meeting.fields.notetaker, '李四');
    assert.equal(meeting.fields.series, 'ops-weekly');
    assert.deepEqual(meeting.fields.tags, ['运营', '周会']);
    assert.deepEqual(meeting.fieldProblems, []);
  });

  it('offers a safe fix for date 2026/11/20', () => {
    const text = '---\ndate: 2026/11/20\nattendees: [张三]\n---\n';
    const meeting = parseMeeting(text);
    assert.equal(meeting.fields.date, '2026-11-20');
    assert.equal(meeting.fieldProblems.length, 1);
    const problem = meeting.fieldProblems[0]!;
    assert.equal(problem.messageId, 'field.date-invalid');
    assert.equal(slice(meeting, problem.span), '2026/11/20');
    assert.equal(problem.fixes?.length, 1);
    const fix = problem.fixes![0]!;
    assert.equal(fix.safe, true);
    assert.equal(applyEdits(text, fix.edits), '---\ndate: 2026-11-20\nattendees: [张三]\n---\n');
  });

  it('fixes a date written as a folded or literal block, keeping the line break before the next key', () => {
    for (const [block, eol] of [['>-', '\n'], ['>', '\n'], ['|', '\n'], ['>-', '\r\n']] as const) {
      const text = ['---', 'title: T', `date: ${block}`, '  Nov 20, 2026', 'attendees: [张三]', '---', ''].join(eol);
      const meeting = parseMeeting(text);
      assert.equal(meeting.fields.date, '2026-11-20', block);
      const problem = meeting.fieldProblems[0]!;
      assert.equal(problem.messageId, 'field.date-invalid');
      assert.equal(problem.args.value, 'Nov 20, 2026', 'the value as read, without its line break');
      const fixed = applyEdits(text, problem.fixes![0]!.edits);
      assert.equal(fixed, ['---', 'title: T', 'date: 2026-11-20', 'attendees: [张三]', '---', ''].join(eol), JSON.stringify(fixed));
      assert.deepEqual(parseMeeting(fixed).fields.attendees, ['张三']);
    }
  });

  it('accepts a date with a time of day in the ISO forms, its day as written', () => {
    for (const value of ['2026-11-20 14:00', '2026-11-20 14:00:00', '"2026-11-20 14:00"', '2026-11-20T14:00', '2026-11-20T14:00:00Z', '2026-11-20T23:30:00.5-08:00', '2026-11-20 14:00 +0800']) {
      const meeting = parseMeeting(`---\ndate: ${value}\nattendees: [张三]\n---\n`);
      assert.equal(meeting.fields.date, '2026-11-20', value);
      assert.deepEqual(meeting.fieldProblems, [], value);
    }
    assert.equal(parseMeeting('---\ndate: 2026-11-20T25:00\nattendees: [张三]\n---\n').fields.date, '2026-11-20', 'the day is all that is read');
    assert.equal(parseMeeting('---\ndate: 2026-02-30 14:00\nattendees: [张三]\n---\n').fields.date, null);
  });

  it('reports attendees written as one string, reads the names and offers a list', () => {
    const text = '---\ndate: 2026-11-20\nattendees: 张三, 李四\n---\n';
    const meeting = parseMeeting(text);
    assert.deepEqual(meeting.fields.attendees, ['张三', '李四']);
    assert.equal(meeting.fieldProblems.length, 1);
    const problem = meeting.fieldProblems[0]!;
    assert.equal(problem.messageId, 'field.attendees-not-list');
    assert.equal(slice(meeting, problem.span), '张三, 李四');
    assert.equal(problem.fixes?.length, 1);
    assert.equal(applyEdits(text, problem.fixes![0]!.edits), '---\ndate: 2026-11-20\nattendees: [张三, 李四]\n---\n');
  });

  it('reports a missing date', () => {
    const meeting = parseMeeting('---\nattendees: [张三]\n---\n\n- [ ] 下周五 due: 下周五\n');
    assert.equal(meeting.fields.date, null);
    assert.deepEqual(
      meeting.fieldProblems.map((problem) => problem.messageId),
      ['field.date-missing'],
    );
    assert.equal(meeting.actions[0]!.due?.problem, 'needs-meeting-date');
  });
});

describe('parse: frontmatter edge cases', () => {
  it('accepts a meeting date with a time of day (date: 2026-11-20 14:00)', () => {
    const meeting = parseMeeting('---\ndate: 2026-11-20 14:00\nattendees: [张三]\n---\n\n- [ ] 复盘 @张三 截止：明天\n');
    assert.equal(meeting.fields.date, '2026-11-20');
    assert.deepEqual(meeting.fieldProblems, []);
    assert.equal(meeting.actions[0]!.due?.date, '2026-11-21');
  });

  it('recognises `type: Meeting` and `类型: 会议` as meeting files', () => {
    assert.equal(parseMeeting('---\ntype: Meeting\ndate: 2026-11-20\n---\n').meetingReason, 'type');
    assert.equal(parseMeeting('---\n类型: 会议\ndate: 2026-11-20\n---\n').meetingReason, 'type');
  });

  it('reports frontmatter closed by `...` as unclosed instead of silently losing the actions', () => {
    const meeting = parseMeeting('---\ndate: 2026-11-20\nattendees: [张三]\n...\n\n- [ ] 复盘 @张三\n');
    assert.equal(meeting.frontmatter?.closed, false);
    assert.equal(meeting.frontmatter?.yamlProblems[0]?.message, 'frontmatter-unclosed');
  });

  it('does not inherit a parent task’s unreadable due date', () => {
    const meeting = parseMeeting('---\ndate: 2026-11-20\nattendees: [张三]\n---\n\n- [ ] 父任务 @张三 截止：某天\n  - [ ] 子任务\n');
    assert.equal(meeting.actions[1]!.due, null);
    assert.equal(meeting.actions[1]!.dueInherited, false);
  });

  it('keeps leading digits that are not numbering in headings (2026 目标 stays a goals heading)', () => {
    const meeting = parseMeeting('---\ndate: 2026-11-20\nattendees: [张三]\n---\n\n## 2026 年度目标\n\n## 3. Action items\n');
    assert.deepEqual(meeting.sections.map((section) => section.kind), ['goals', 'actions']);
  });
});
