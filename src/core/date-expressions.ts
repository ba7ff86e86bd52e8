// Reads the date written after a due marker: absolute forms in both languages and relative forms
// resolved against the meeting's date (never today), with weeks starting on Monday.
import {
  addDays,
  addWorkingDays,
  endOfMonth,
  formatDate,
  isValidDate,
  nextWeekday,
  parseIsoDate,
  weekdayOfWeek,
} from './calendar';
import type { DateProblem } from './model';

export interface DateReading {
  /** Offset just after the expression. */
  end: number;
  date: string | null;
  iso: boolean;
  problem: DateProblem | null;
}

type Resolve = (match: RegExpExecArray, meetingDate: string | null) => Omit<DateReading, 'end'>;

interface DateForm {
  /** What the expression's first character is: forms are tried only where they can match. */
  starts: 'digit' | 'cjk' | 'latin' | 'count';
  pattern: RegExp;
  resolve: Resolve;
}

const ok = (date: string, iso = false): Omit<DateReading, 'end'> => ({ date, iso, problem: null });
const problem = (kind: DateProblem): Omit<DateReading, 'end'> => ({ date: null, iso: false, problem: kind });

function absolute(year: number, month: number, day: number, iso = false): Omit<DateReading, 'end'> {
  return isValidDate(year, month, day) ? ok(formatDate(year, month, day), iso) : problem('impossible');
}

/** The next `month`/`day` on or after the meeting date (within the next eight years, for 29 Feb). */
export function nextMonthDay(month: number, day: number, meetingDate: string | null): Omit<DateReading, 'end'> {
  if (month < 1 || month > 12 || day < 1 || day > 31) return problem('impossible');
  if (!isValidDate(2024, month, day)) return problem('impossible');
  if (!meetingDate) return problem('needs-meeting-date');
  const base = parseIsoDate(meetingDate)!;
  for (let year = base.year; year <= base.year + 8; year++) {
    if (!isValidDate(year, month, day)) continue;
    const candidate = formatDate(year, month, day);
    if (candidate >= meetingDate) return ok(candidate);
  }
  return problem('impossible');
}

function relative(meetingDate: string | null, compute: (date: string) => string): Omit<DateReading, 'end'> {
  return meetingDate ? ok(compute(meetingDate)) : problem('needs-meeting-date');
}

const CHINESE_DIGITS: Record<string, number> = {
  零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Arabic digits or Chinese numerals up to 99 (十, 十五, 二十, 三十一). */
export function readCount(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (!/^[零一二两三四五六七八九十]+$/.test(text)) return null;
  const tenAt = text.indexOf('十');
  if (tenAt < 0) return text.length === 1 ? CHINESE_DIGITS[text]! : null;
  const tens = tenAt === 0 ? 1 : CHINESE_DIGITS[text.slice(0, tenAt)];
  const unitsText = text.slice(tenAt + 1);
  const units = unitsText === '' ? 0 : CHINESE_DIGITS[unitsText];
  if (tens === undefined || units === undefined || text.length > 3) return null;
  return tens * 10 + units;
}

const ENGLISH_COUNTS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
};

const CHINESE_WEEKDAYS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };

const ENGLISH_WEEKDAYS: Record<string, number> = {
  mon: 1, monday: 1, tue: 2, tues: 2, tuesday: 2, wed: 3, wednesday: 3, thu: 4, thur: 4, thurs: 4,
  thursday: 4, fri: 5, friday: 5, sat: 6, saturday: 6, sun: 7, sunday: 7,
};

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6,
  june: 6, jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};

const WEEKDAY_WORDS = 'monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thur|thu|friday|fri|saturday|sat|sunday|sun';
const MONTH_WORDS = 'january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec';
const CN_COUNT = '\\d{1,3}|[零一二两三四五六七八九十]{1,3}';
const EN_COUNT = '\\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten';
// ASCII forms must not run into a following letter or digit ("2026-12-011", "fridays").
const END_ASCII = '(?![\\p{L}\\p{N}])';

/**
 * Ordered: longer and more specific forms first. All patterns are sticky and anchored at the
 * cursor. Exported for the test that checks each form's `starts`.
 */
export const FORMS: readonly DateForm[] = [
  { starts: 'digit',
    pattern: new RegExp(`(\\d{4})-(\\d{2})-(\\d{2})(?![\\p{N}])`, 'uy'),
    resolve: (m) => absolute(Number(m[1]), Number(m[2]), Number(m[3]), true),
  },
  { starts: 'digit',
    pattern: new RegExp(`(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?![\\p{N}])`, 'uy'),
    resolve: (m) => absolute(Number(m[1]), Number(m[3]), Number(m[4])),
  },
  { starts: 'digit',
    pattern: /(\d{4})\s?年\s?(\d{1,2})\s?月\s?(\d{1,2})\s?[日号]?/uy,
    resolve: (m) => absolute(Number(m[1]), Number(m[2]), Number(m[3])),
  },
  { starts: 'digit',
    pattern: /(\d{1,2})\s?月\s?(\d{1,2})(?:\s?[日号])?(?!\d)/uy,
    resolve: (m, meeting) => nextMonthDay(Number(m[1]), Number(m[2]), meeting),
  },
  { starts: 'digit',
    // 12/1, 1/12/2026, 12-1, 1.12: day and month order cannot be told apart.
    pattern: new RegExp(`\\d{1,2}[/.-]\\d{1,2}(?:[/.-]\\d{2,4})?${END_ASCII}`, 'uy'),
    resolve: () => problem('ambiguous'),
  },
  { starts: 'latin',
    pattern: new RegExp(`(${MONTH_WORDS})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(\\d{4}))?${END_ASCII}`, 'iuy'),
    resolve: (m, meeting) => monthNameDate(m[1]!, m[2]!, m[3], meeting),
  },
  { starts: 'digit',
    pattern: new RegExp(`(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH_WORDS})\\.?(?:,?\\s+(\\d{4}))?${END_ASCII}`, 'iuy'),
    resolve: (m, meeting) => monthNameDate(m[2]!, m[1]!, m[3], meeting),
  },
  { starts: 'cjk', pattern: /(?:今天|今日)/uy, resolve: (_m, meeting) => relative(meeting, (d) => d) },
  { starts: 'cjk', pattern: /大后天/uy, resolve: (_m, meeting) => relative(meeting, (d) => addDays(d, 3)) },
  { starts: 'cjk', pattern: /后天/uy, resolve: (_m, meeting) => relative(meeting, (d) => addDays(d, 2)) },
  { starts: 'cjk', pattern: /(?:明天|明日)/uy, resolve: (_m, meeting) => relative(meeting, (d) => addDays(d, 1)) },
  { starts: 'cjk',
    pattern: /(本|这|下下|下)(?:个)?(?:周|星期|礼拜)([一二三四五六日天])/uy,
    resolve: (m, meeting) => relative(meeting, (d) => weekdayOfWeek(d, CHINESE_WEEKDAYS[m[2]!]!, weeksAhead(m[1]!))),
  },
  { starts: 'cjk',
    pattern: /(本|这|下下|下)?(?:个)?周末/uy,
    resolve: (m, meeting) => relative(meeting, (d) => weekdayOfWeek(d, 7, weeksAhead(m[1] ?? '本'))),
  },
  { starts: 'cjk',
    pattern: /(?:周|星期|礼拜)([一二三四五六日天])/uy,
    resolve: (m, meeting) => relative(meeting, (d) => nextWeekday(d, CHINESE_WEEKDAYS[m[1]!]!)),
  },
  { starts: 'cjk', pattern: /(?:下个?月)(?:底|末)/uy, resolve: (_m, meeting) => relative(meeting, (d) => endOfMonth(d, 1)) },
  { starts: 'cjk', pattern: /(?:本|这个?|当)?月(?:底|末)/uy, resolve: (_m, meeting) => relative(meeting, (d) => endOfMonth(d)) },
  { starts: 'cjk', pattern: /(?:本年|今年)?(?:年底|年末)/uy, resolve: (_m, meeting) => relative(meeting, (d) => `${d.slice(0, 4)}-12-31`) },
  { starts: 'count',
    pattern: new RegExp(`(${CN_COUNT})\\s?个?工作日内?`, 'uy'),
    resolve: (m, meeting) => countRelative(m[1]!, meeting, (d, n) => addWorkingDays(d, n)),
  },
  { starts: 'count',
    pattern: new RegExp(`(${CN_COUNT})\\s?(?:天|日)内`, 'uy'),
    resolve: (m, meeting) => countRelative(m[1]!, meeting, (d, n) => addDays(d, n)),
  },
  { starts: 'count',
    pattern: new RegExp(`(${CN_COUNT})\\s?(?:周|个星期|个礼拜|星期)内`, 'uy'),
    resolve: (m, meeting) => countRelative(m[1]!, meeting, (d, n) => addDays(d, 7 * n)),
  },
  { starts: 'latin', pattern: new RegExp(`today${END_ASCII}`, 'iuy'), resolve: (_m, meeting) => relative(meeting, (d) => d) },
  { starts: 'latin', pattern: new RegExp(`tomorrow${END_ASCII}`, 'iuy'), resolve: (_m, meeting) => relative(meeting, (d) => addDays(d, 1)) },
  { starts: 'latin',
    pattern: new RegExp(`(this|next)\\s+(${WEEKDAY_WORDS})${END_ASCII}`, 'iuy'),
    resolve: (m, meeting) =>
      relative(meeting, (d) => weekdayOfWeek(d, ENGLISH_WEEKDAYS[m[2]!.toLowerCase()]!, m[1]!.toLowerCase() === 'next' ? 1 : 0)),
  },
  { starts: 'latin',
    pattern: new RegExp(`(${WEEKDAY_WORDS})${END_ASCII}`, 'iuy'),
    resolve: (m, meeting) => relative(meeting, (d) => nextWeekday(d, ENGLISH_WEEKDAYS[m[1]!.toLowerCase()]!)),
  },
  { starts: 'latin',
    pattern: new RegExp(`(?:end\\s+of\\s+(?:the\\s+)?next\\s+month)${END_ASCII}`, 'iuy'),
    resolve: (_m, meeting) => relative(meeting, (d) => endOfMonth(d, 1)),
  },
  { starts: 'latin',
    pattern: new RegExp(`(?:end\\s+of\\s+(?:the\\s+|this\\s+)?month|eom)${END_ASCII}`, 'iuy'),
    resolve: (_m, meeting) => relative(meeting, (d) => endOfMonth(d)),
  },
  { starts: 'latin',
    pattern: new RegExp(`(?:end\\s+of\\s+(?:the\\s+|this\\s+)?week|eow)${END_ASCII}`, 'iuy'),
    resolve: (_m, meeting) => relative(meeting, (d) => weekdayOfWeek(d, 5)),
  },
  { starts: 'latin',
    pattern: new RegExp(`(?:in|within)\\s+(${EN_COUNT})\\s+(?:business|working)\\s+days?${END_ASCII}`, 'iuy'),
    resolve: (m, meeting) => countRelative(m[1]!, meeting, (d, n) => addWorkingDays(d, n)),
  },
  { starts: 'latin',
    pattern: new RegExp(`(?:in|within)\\s+(${EN_COUNT})\\s+(days?|weeks?)${END_ASCII}`, 'iuy'),
    resolve: (m, meeting) =>
      countRelative(m[1]!, meeting, (d, n) => addDays(d, m[2]!.toLowerCase().startsWith('week') ? 7 * n : n)),
  },
];

// Chinese counts start with a digit (3天内) or a numeral (三天内).
const DIGIT_FORMS = FORMS.filter((form) => form.starts === 'digit' || form.starts === 'count');
const LATIN_FORMS = FORMS.filter((form) => form.starts === 'latin');
const CJK_FORMS = FORMS.filter((form) => form.starts === 'cjk' || form.starts === 'count');

/** The forms that can match at a character: each is tried only where its first character can be. */
function formsStartingWith(code: number): readonly DateForm[] {
  return code >= 48 && code <= 57 ? DIGIT_FORMS : (code | 32) >= 97 && (code | 32) <= 122 ? LATIN_FORMS : CJK_FORMS;
}

function weeksAhead(prefix: string): number {
  return prefix === '下下' ? 2 : prefix === '下' ? 1 : 0;
}

function countRelative(
  countText: string,
  meetingDate: string | null,
  compute: (date: string, count: number) => string,
): Omit<DateReading, 'end'> {
  const count = readCount(countText) ?? ENGLISH_COUNTS[countText.toLowerCase()];
  if (count === undefined || count > 3660) return problem('unreadable');
  return relative(meetingDate, (d) => compute(d, count));
}

function monthNameDate(
  monthWord: string,
  dayText: string,
  yearText: string | undefined,
  meetingDate: string | null,
): Omit<DateReading, 'end'> {
  const month = MONTHS[monthWord.toLowerCase()]!;
  const day = Number(dayText);
  return yearText ? absolute(Number(yearText), month, day) : nextMonthDay(month, day, meetingDate);
}

const isDigit = (code: number) => code >= 48 && code <= 57;

/** `YYYY-MM-DD` read by hand: the form almost every due date has, so it skips the regexes. */
function readIsoFast(text: string, start: number): DateReading | null {
  for (const offset of [0, 1, 2, 3, 5, 6, 8, 9]) if (!isDigit(text.charCodeAt(start + offset))) return null;
  if (text.charCodeAt(start + 4) !== 45 || text.charCodeAt(start + 7) !== 45) return null;
  const after = text.codePointAt(start + 10);
  if (after !== undefined && /\p{N}/u.test(String.fromCodePoint(after))) return null;
  const year = Number(text.slice(start, start + 4));
  const month = Number(text.slice(start + 5, start + 7));
  const day = Number(text.slice(start + 8, start + 10));
  const valid = isValidDate(year, month, day);
  return { end: start + 10, date: valid ? text.slice(start, start + 10) : null, iso: valid, problem: valid ? null : 'impossible' };
}

/** Where an unreadable date value ends: at whitespace, a closing bracket or a list separator. */
const VALUE_END = /[\s\]）)，,；;。]/u;
const MAX_UNREADABLE = 100;

/**
 * Reads a date expression starting at `start` in `text`. Always returns a reading: an unreadable
 * value spans up to the next whitespace or separator; an empty one has the problem `missing`.
 */
export function readDateExpression(text: string, start: number, meetingDate: string | null): DateReading {
  const iso = readIsoFast(text, start);
  if (iso) return iso;
  for (const form of formsStartingWith(text.charCodeAt(start))) {
    form.pattern.lastIndex = start;
    const match = form.pattern.exec(text);
    if (match && match[0].length > 0) return { ...form.resolve(match, meetingDate), end: start + match[0].length };
  }
  // At most MAX_UNREADABLE characters: no date is that long, and on a 100 KB line of `📅📅📅…` every
  // marker's value would otherwise run to the end of the line (quadratic time, and each finding's
  // message holding a copy: gigabytes).
  const limit = Math.min(text.length, start + MAX_UNREADABLE);
  let end = start;
  while (end < limit && !VALUE_END.test(text[end]!)) end++;
  const code = text.charCodeAt(end);
  if (end === limit && end > start && code >= 0xdc00 && code <= 0xdfff) end--; // never split a surrogate pair
  return { end, date: null, iso: false, problem: end === start ? 'missing' : 'unreadable' };
}

/** The date expression that starts exactly at `start`, or null when no form matches there (nothing is scanned beyond it). */
export function readDateAt(text: string, start: number, meetingDate: string | null): DateReading | null {
  for (const form of formsStartingWith(text.charCodeAt(start))) {
    form.pattern.lastIndex = start;
    const match = form.pattern.exec(text);
    if (match && match[0].length > 0) return { ...form.resolve(match, meetingDate), end: start + match[0].length };
  }
  return null;
}
