import { strict as assert } from 'node:assert';
import {
  addDays,
  addWorkingDays,
  daysBetween,
  daysInMonth,
  endOfMonth,
  isoWeekday,
  isValidDate,
  nextWeekday,
  readDateExpression,
  todayIn,
  weekdayOfWeek,
  type DateProblem,
} from '../../src/core';
import { corpus } from '../../bench/corpus';
import { FORMS } from '../../src/core/date-expressions';
import { readFileSync } from 'node:fs';

// 2026-11-20 is a Friday. Its Monday-based week runs Mon 11-16 … Sun 11-22; the next week
// Mon 11-23 … Sun 11-29; the week after starts Mon 11-30 and has its Friday on 12-04.
const MEETING = '2026-11-20';

interface Row {
  input: string;
  date: string | null;
  problem?: DateProblem;
  iso?: boolean;
  /** Expected end offset; defaults to the whole input. */
  end?: number;
}

function check(rows: readonly Row[], meetingDate: string | null): void {
  for (const row of rows) {
    it(`${JSON.stringify(row.input)} → ${row.date ?? row.problem}`, () => {
      const reading = readDateExpression(row.input, 0, meetingDate);
      assert.deepEqual(reading, {
        date: row.date,
        iso: row.iso ?? false,
        problem: row.problem ?? null,
        end: row.end ?? row.input.length,
      });
    });
  }
}

describe('readDateExpression', () => {
  describe('absolute dates', () => {
    check(
      [
        { input: '2026-12-01', date: '2026-12-01', iso: true },
        { input: '2026/12/01', date: '2026-12-01' },
        { input: '2026.12.01', date: '2026-12-01' },
        { input: '2026-2-3', date: '2026-02-03' },
        { input: '2026/2/3', date: '2026-02-03' },
        { input: '2026年12月1日', date: '2026-12-01' },
        { input: '2026年12月1号', date: '2026-12-01' },
        { input: '2027年1月15日', date: '2027-01-15' },
        { input: '1 December 2026', date: '2026-12-01' },
        { input: 'December 1, 2026', date: '2026-12-01' },
        { input: 'Dec 1, 2027', date: '2027-12-01' },
      ],
      MEETING,
    );
  });

  describe('month and day without a year: the next one on or after the meeting', () => {
    check(
      [
        { input: '12月1日', date: '2026-12-01' },
        { input: '12月1号', date: '2026-12-01' },
        { input: '11月20日', date: '2026-11-20' },
        { input: '11月19日', date: '2027-11-19' },
        { input: '1月5日', date: '2027-01-05' },
        { input: '2月29日', date: '2028-02-29' },
        { input: 'Dec 1', date: '2026-12-01' },
        { input: 'Dec 1st', date: '2026-12-01' },
        { input: 'December 1', date: '2026-12-01' },
        { input: 'Nov 19', date: '2027-11-19' },
        { input: '1 December', date: '2026-12-01' },
      ],
      MEETING,
    );
  });

  describe('Chinese relative forms', () => {
    check(
      [
        { input: '本周五', date: '2026-11-20' },
        { input: '这周一', date: '2026-11-16' },
        { input: '本周日', date: '2026-11-22' },
        { input: '下周五', date: '2026-11-27' },
        { input: '下周一', date: '2026-11-23' },
        { input: '下个星期三', date: '2026-11-25' },
        { input: '下下周一', date: '2026-11-30' },
        { input: '下下周五', date: '2026-12-04' },
        // A bare weekday is the first such day on or after the meeting.
        { input: '周五', date: '2026-11-20' },
        { input: '周四', date: '2026-11-26' },
        { input: '星期三', date: '2026-11-25' },
        { input: '礼拜天', date: '2026-11-22' },
        { input: '周日', date: '2026-11-22' },
        { input: '本周末', date: '2026-11-22' },
        { input: '周末', date: '2026-11-22' },
        { input: '下周末', date: '2026-11-29' },
        { input: '月底', date: '2026-11-30' },
        { input: '本月底', date: '2026-11-30' },
        { input: '月末', date: '2026-11-30' },
        { input: '下个月底', date: '2026-12-31' },
        { input: '下月底', date: '2026-12-31' },
        { input: '年底', date: '2026-12-31' },
        { input: '今天', date: '2026-11-20' },
        { input: '明天', date: '2026-11-21' },
        { input: '后天', date: '2026-11-22' },
        { input: '大后天', date: '2026-11-23' },
        { input: '3天内', date: '2026-11-23' },
        { input: '三天内', date: '2026-11-23' },
        { input: '十天内', date: '2026-11-30' },
        { input: '两周内', date: '2026-12-04' },
        // Sat 21 and Sun 22 do not count: Mon 23, Tue 24, Wed 25, Thu 26, Fri 27.
        { input: '5个工作日内', date: '2026-11-27' },
        { input: '1个工作日内', date: '2026-11-23' },
      ],
      MEETING,
    );
  });

  describe('English relative forms', () => {
    check(
      [
        { input: 'today', date: '2026-11-20' },
        { input: 'tomorrow', date: '2026-11-21' },
        { input: 'Tomorrow', date: '2026-11-21' },
        { input: 'next Friday', date: '2026-11-27' },
        { input: 'next monday', date: '2026-11-23' },
        { input: 'this Friday', date: '2026-11-20' },
        { input: 'this Monday', date: '2026-11-16' },
        { input: 'friday', date: '2026-11-20' },
        { input: 'Fri', date: '2026-11-20' },
        { input: 'monday', date: '2026-11-23' },
        { input: 'Thursday', date: '2026-11-26' },
        { input: 'end of month', date: '2026-11-30' },
        { input: 'end of the month', date: '2026-11-30' },
        { input: 'EOM', date: '2026-11-30' },
        { input: 'end of next month', date: '2026-12-31' },
        { input: 'end of week', date: '2026-11-20' },
        { input: 'EOW', date: '2026-11-20' },
        { input: 'in 3 days', date: '2026-11-23' },
        { input: 'in two weeks', date: '2026-12-04' },
        { input: 'in a week', date: '2026-11-27' },
        { input: 'within 5 business days', date: '2026-11-27' },
        { input: 'in 1 working day', date: '2026-11-23' },
      ],
      MEETING,
    );
  });

  describe('ambiguous day/month order', () => {
    check(
      [
        { input: '12/1', date: null, problem: 'ambiguous' },
        { input: '1/12/2026', date: null, problem: 'ambiguous' },
        { input: '12-1', date: null, problem: 'ambiguous' },
        { input: '1.12', date: null, problem: 'ambiguous' },
      ],
      MEETING,
    );
  });

  describe('impossible dates', () => {
    check(
      [
        { input: '2026-02-30', date: null, problem: 'impossible' },
        { input: '2026-13-01', date: null, problem: 'impossible' },
        { input: '2026-02-29', date: null, problem: 'impossible' },
        { input: '2026/4/31', date: null, problem: 'impossible' },
        { input: '2026年2月30日', date: null, problem: 'impossible' },
        { input: '2月30日', date: null, problem: 'impossible' },
        { input: '13月1日', date: null, problem: 'impossible' },
        { input: 'Feb 30', date: null, problem: 'impossible' },
      ],
      MEETING,
    );
  });

  describe('unreadable and missing', () => {
    check(
      [
        { input: 'soon', date: null, problem: 'unreadable' },
        { input: 'ASAP', date: null, problem: 'unreadable' },
        { input: '尽快', date: null, problem: 'unreadable' },
        { input: '', date: null, problem: 'missing' },
      ],
      MEETING,
    );
  });

  describe('relative forms without a meeting date', () => {
    check(
      [
        { input: '下周五', date: null, problem: 'needs-meeting-date' },
        { input: '明天', date: null, problem: 'needs-meeting-date' },
        { input: '月底', date: null, problem: 'needs-meeting-date' },
        { input: '3天内', date: null, problem: 'needs-meeting-date' },
        { input: '12月1日', date: null, problem: 'needs-meeting-date' },
        { input: 'tomorrow', date: null, problem: 'needs-meeting-date' },
        { input: 'next Friday', date: null, problem: 'needs-meeting-date' },
        { input: 'EOM', date: null, problem: 'needs-meeting-date' },
        { input: 'in 3 days', date: null, problem: 'needs-meeting-date' },
        { input: 'Dec 1', date: null, problem: 'needs-meeting-date' },
        // Forms that carry their own year need no meeting date.
        { input: '2026-12-01', date: '2026-12-01', iso: true },
        { input: '2026年12月1日', date: '2026-12-01' },
        { input: 'December 1, 2026', date: '2026-12-01' },
        // An impossible day is impossible whatever the meeting date.
        { input: '2月30日', date: null, problem: 'impossible' },
      ],
      null,
    );
  });

  describe('where the expression ends', () => {
    it('reads only 下周五 out of 下周五前完成', () => {
      assert.deepEqual(readDateExpression('下周五前完成', 0, MEETING), { date: '2026-11-27', iso: false, problem: null, end: 3 });
    });

    it('reads 12月1日 in the middle of a line', () => {
      assert.deepEqual(readDateExpression('截止：12月1日前提交', 3, MEETING), { date: '2026-12-01', iso: false, problem: null, end: 8 });
    });

    it('stops an ISO date at CJK punctuation', () => {
      assert.deepEqual(readDateExpression('2026-12-01，张三', 0, MEETING), { date: '2026-12-01', iso: true, problem: null, end: 10 });
    });

    it('stops an ISO date at a space', () => {
      assert.deepEqual(readDateExpression('due 2026-12-01 ⏫', 4, MEETING), { date: '2026-12-01', iso: true, problem: null, end: 14 });
    });

    it('does not read 2026-12-011 as a date', () => {
      assert.deepEqual(readDateExpression('2026-12-011', 0, MEETING), { date: null, iso: false, problem: 'unreadable', end: 11 });
    });

    it('does not read 2026/12/011 as a date', () => {
      assert.deepEqual(readDateExpression('2026/12/011', 0, MEETING), { date: null, iso: false, problem: 'unreadable', end: 11 });
    });

    it('does not read "fridays" as friday', () => {
      assert.deepEqual(readDateExpression('fridays', 0, MEETING), { date: null, iso: false, problem: 'unreadable', end: 7 });
    });

    it('does not read "todayish" as today', () => {
      assert.deepEqual(readDateExpression('todayish', 0, MEETING), { date: null, iso: false, problem: 'unreadable', end: 8 });
    });

    it('reads "Friday," up to the comma', () => {
      assert.deepEqual(readDateExpression('Friday, please', 0, MEETING), { date: '2026-11-20', iso: false, problem: null, end: 6 });
    });

    it('ends an unreadable value at whitespace or a separator', () => {
      assert.deepEqual(readDateExpression('soon 张三', 0, MEETING), { date: null, iso: false, problem: 'unreadable', end: 4 });
      assert.deepEqual(readDateExpression('soon，张三', 0, MEETING), { date: null, iso: false, problem: 'unreadable', end: 4 });
      assert.deepEqual(readDateExpression('[due:: soon]', 7, MEETING), { date: null, iso: false, problem: 'unreadable', end: 11 });
    });

    it('reports missing when nothing is written at the cursor', () => {
      assert.deepEqual(readDateExpression('due: ', 5, MEETING), { date: null, iso: false, problem: 'missing', end: 5 });
    });
  });
});

describe('calendar helpers', () => {
  it('gives the ISO weekday of known dates', () => {
    assert.equal(isoWeekday('2026-11-20'), 5); // Friday
    assert.equal(isoWeekday('2026-11-16'), 1); // Monday
    assert.equal(isoWeekday('2026-11-22'), 7); // Sunday
    assert.equal(isoWeekday('2000-01-01'), 6); // Saturday
    assert.equal(isoWeekday('2024-02-29'), 4); // Thursday
    assert.equal(isoWeekday('2027-01-01'), 5); // Friday
  });

  it('finds the end of the month, across December and into the next year', () => {
    assert.equal(endOfMonth('2026-11-20'), '2026-11-30');
    assert.equal(endOfMonth('2026-12-15'), '2026-12-31');
    assert.equal(endOfMonth('2026-12-15', 1), '2027-01-31');
    assert.equal(endOfMonth('2026-11-20', 3), '2027-02-28');
    assert.equal(endOfMonth('2026-01-10', -1), '2025-12-31');
    assert.equal(endOfMonth('2026-11-20', 14), '2028-01-31');
  });

  it('knows leap years', () => {
    assert.equal(endOfMonth('2024-02-01'), '2024-02-29');
    assert.equal(endOfMonth('2026-02-01'), '2026-02-28');
    assert.equal(endOfMonth('2000-02-01'), '2000-02-29');
    assert.equal(endOfMonth('2100-02-01'), '2100-02-28');
    assert.equal(daysInMonth(2028, 2), 29);
    assert.equal(daysInMonth(1900, 2), 28);
    assert.equal(isValidDate(2024, 2, 29), true);
    assert.equal(isValidDate(2026, 2, 29), false);
    assert.equal(isValidDate(2100, 2, 29), false);
    assert.equal(isValidDate(2000, 2, 29), true);
    assert.equal(isValidDate(2026, 4, 31), false);
    assert.equal(isValidDate(2026, 13, 1), false);
    assert.equal(isValidDate(2026, 12, 0), false);
  });

  it('adds working days over a weekend', () => {
    assert.equal(addWorkingDays('2026-11-20', 1), '2026-11-23'); // Fri + 1 → Mon
    assert.equal(addWorkingDays('2026-11-20', 5), '2026-11-27'); // Fri + 5 → next Fri
    assert.equal(addWorkingDays('2026-11-21', 1), '2026-11-23'); // Sat + 1 → Mon
    assert.equal(addWorkingDays('2026-11-18', 3), '2026-11-23'); // Wed + 3 → Thu, Fri, Mon
    assert.equal(addWorkingDays('2026-12-31', 2), '2027-01-04'); // Thu + 2 → Fri, Mon
    assert.equal(addWorkingDays('2026-11-20', 0), '2026-11-20');
  });

  it('adds days across month and year ends', () => {
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addDays('2028-02-28', 1), '2028-02-29');
    assert.equal(addDays('2026-03-01', -1), '2026-02-28');
    assert.equal(daysBetween('2026-11-20', '2026-12-01'), 11);
    assert.equal(daysBetween('2026-12-01', '2026-11-20'), -11);
  });

  it('gives each time zone its own day, asked again and again within one second', () => {
    const instant = new Date('2026-11-27T10:30:00.250Z');
    for (let round = 0; round < 3; round++) {
      assert.equal(todayIn('Pacific/Kiritimati', instant), '2026-11-28'); // UTC+14
      assert.equal(todayIn('Pacific/Pago_Pago', instant), '2026-11-26'); // UTC−11
      assert.equal(todayIn('Asia/Shanghai', instant), '2026-11-27');
    }
    // The next second, and midnight in Shanghai (16:00 UTC): the day as of that instant.
    assert.equal(todayIn('Asia/Shanghai', new Date('2026-11-27T15:59:59.999Z')), '2026-11-27');
    assert.equal(todayIn('Asia/Shanghai', new Date('2026-11-27T16:00:00.000Z')), '2026-11-28');
    assert.equal(todayIn('Asia/Shanghai', new Date('2026-11-27T15:59:59.000Z')), '2026-11-27');
    assert.equal(todayIn('Not/A_Zone', instant), todayIn(null, instant), 'an unknown zone falls back to the machine\'s');
  });

  it('finds weekdays in Monday-based weeks', () => {
    assert.equal(weekdayOfWeek('2026-11-22', 1), '2026-11-16'); // Sunday belongs to the week of Monday 16
    assert.equal(weekdayOfWeek('2026-11-20', 5, 1), '2026-11-27');
    assert.equal(nextWeekday('2026-11-20', 5), '2026-11-20');
    assert.equal(nextWeekday('2026-11-20', 4), '2026-11-26');
    assert.equal(nextWeekday('2026-11-22', 1), '2026-11-23');
  });

  it('tags every date form with the kind of character it can start with, so only those forms are tried there', () => {
    // Every date phrase of this file, and bilingual meeting notes: wherever a form matches, the
    // character there must be of the kind its `starts` says (the look-ups try only those forms).
    const samples = [readFileSync(__filename.replace(/out\/test\/unit\/dates\.test\.js$/u, 'test/unit/dates.test.ts'), 'utf8'), ...corpus(150, 3).map((file) => file.text)];
    const kindOf = (code: number) => (code >= 48 && code <= 57 ? 'digit' : (code | 32) >= 97 && (code | 32) <= 122 ? 'latin' : 'other');
    const allowed: Record<string, string[]> = { digit: ['digit'], latin: ['latin'], cjk: ['other'], count: ['digit', 'other'] };
    const matched = new Set<number>();
    for (const text of samples) {
      for (let at = 0; at < text.length; at++) {
        FORMS.forEach((form, index) => {
          form.pattern.lastIndex = at;
          const match = form.pattern.exec(text);
          if (!match || match[0].length === 0) return;
          matched.add(index);
          assert.ok(allowed[form.starts]!.includes(kindOf(text.charCodeAt(at))), `${form.pattern} matched "${match[0]}", which starts with a character it is not tagged for (${form.starts})`);
        });
      }
    }
    assert.ok(matched.size >= FORMS.length * 0.8, `${matched.size} of ${FORMS.length} forms matched somewhere in the samples`);
  });
});
