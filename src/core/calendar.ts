// Calendar arithmetic on `YYYY-MM-DD` strings. Dates are plain days (no time zone), so all
// arithmetic goes through UTC day numbers and cannot be shifted by daylight saving.

const MS_PER_DAY = 86_400_000;

export function isValidDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!;
}

export function formatDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses a strict, valid `YYYY-MM-DD`; anything else gives null. */
export function parseIsoDate(text: string): { year: number; month: number; day: number } | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isValidDate(year, month, day) ? { year, month, day } : null;
}

export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== null;
}

function toDayNumber(iso: string): number {
  const parts = parseIsoDate(iso);
  if (!parts) throw new RangeError(`not a date: ${iso}`);
  return Date.UTC(parts.year, parts.month - 1, parts.day) / MS_PER_DAY;
}

function fromDayNumber(dayNumber: number): string {
  const date = new Date(dayNumber * MS_PER_DAY);
  return formatDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export function addDays(iso: string, days: number): string {
  return fromDayNumber(toDayNumber(iso) + days);
}

export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** ISO weekday: Monday 1 … Sunday 7. */
export function isoWeekday(iso: string): number {
  const day = new Date(toDayNumber(iso) * MS_PER_DAY).getUTCDay();
  return day === 0 ? 7 : day;
}

export function endOfMonth(iso: string, monthsAhead = 0): string {
  const parts = parseIsoDate(iso);
  if (!parts) throw new RangeError(`not a date: ${iso}`);
  const monthIndex = parts.month - 1 + monthsAhead;
  const year = parts.year + Math.floor(monthIndex / 12);
  const month = (((monthIndex % 12) + 12) % 12) + 1;
  return formatDate(year, month, daysInMonth(year, month));
}

/** The given ISO weekday in the Monday-based week of `iso`, `weeksAhead` weeks later. */
export function weekdayOfWeek(iso: string, weekday: number, weeksAhead = 0): string {
  return addDays(iso, weekday - isoWeekday(iso) + 7 * weeksAhead);
}

/** The first day with the given ISO weekday on or after `iso`. */
export function nextWeekday(iso: string, weekday: number): string {
  return addDays(iso, (weekday - isoWeekday(iso) + 7) % 7);
}

/** Adds working days (Monday to Friday), ignoring public holidays. */
export function addWorkingDays(iso: string, count: number): string {
  let date = iso;
  let left = count;
  while (left > 0) {
    date = addDays(date, 1);
    if (isoWeekday(date) <= 5) left--;
  }
  return date;
}

// Building a formatter costs far more than using one, and the CLI asks once per file.
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function dayFormat(timeZone: string | null): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone ?? '');
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone: timeZone ?? undefined, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone ?? '', format);
  }
  return format;
}

// Formatting the day costs about 50 µs, and the editor asks once for each meeting it lints: the
// last answer of each zone is kept for the same second (no zone's day turns within one).
const lastDays = new Map<string, { second: number; day: string }>();

/** Today's date in a time zone (IANA name), or in the machine's zone when none is given. */
export function todayIn(timeZone: string | null, now: Date = new Date()): string {
  const second = Math.floor(now.getTime() / 1000);
  const last = lastDays.get(timeZone ?? '');
  if (last?.second === second) return last.day;
  const day = dayOf(timeZone, now);
  lastDays.set(timeZone ?? '', { second, day });
  return day;
}

function dayOf(timeZone: string | null, now: Date): string {
  try {
    const parts = dayFormat(timeZone).formatToParts(now);
    const get = (type: string) => Number(parts.find((part) => part.type === type)?.value);
    return formatDate(get('year'), get('month'), get('day'));
  } catch {
    return formatDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
  }
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
