// Where a new meeting file goes: a path pattern such as `meetings/{yyyy}/{yyyy-MM-dd}-{slug}.md`
// expanded for a date and a title, and the slug rules for titles in any script.
import { addDays, isoWeekday, parseIsoDate } from './calendar';
import { message, type MessageArgs, type MessageId } from './messages';
import type { Locale } from './model';

export const DEFAULT_PATH_PATTERN = 'meetings/{yyyy}/{yyyy-MM-dd}-{slug}.md';

/**
 * A file-name-safe slug that keeps the title readable in its own script: letters and digits of
 * any script stay (`运营部门周会` stays as is; no transliteration), Latin accents are dropped
 * (`Café` → `cafe`), Latin is lower-cased, and every run of anything else becomes one `-`.
 * At most 60 characters, cut at a `-` when there is one nearby.
 */
export function slugify(text: string): string {
  const slug = text
    .normalize('NFKC')
    .normalize('NFD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|(?<!-)-+$/gu, '');
  const chars = [...slug];
  if (chars.length <= 60) return slug;
  const cut = chars.slice(0, 60).join('');
  const dash = cut.lastIndexOf('-');
  return (dash >= 40 ? cut.slice(0, dash) : cut).replace(/(?<!-)-+$/u, '');
}

export interface PathValues {
  date: string;
  title: string;
  series: string | null;
  type: string | null;
  template: string;
}

export interface PatternProblem {
  messageId: MessageId;
  args: MessageArgs;
}

const NAMED_TOKENS = ['slug', 'series', 'type', 'template'] as const;
// `yyyy`, `MM`, `dd` are runs of the single tokens `yy`, `M`, `d`: written that way the alternatives
// cannot overlap, so a long `{yyyyyyy…}` fails in linear time (with `yyyy|yy` it backtracked
// exponentially).
const DATE_TOKEN = /^(?:yy|M|d|ww|[-._ ])+$/u;

/** What is wrong with a path pattern, or null when it can be used. */
export function checkPathPattern(pattern: string): PatternProblem | null {
  const trimmed = pattern.trim();
  if (!trimmed) return { messageId: 'path-pattern.empty', args: {} };
  if (/^(?:[/\\]|[A-Za-z]:)/u.test(trimmed) || trimmed.split(/[/\\]/u).some((segment) => segment === '..')) {
    return { messageId: 'path-pattern.outside', args: { pattern } };
  }
  for (const match of trimmed.matchAll(/\{([^{}]*)\}/gu)) {
    const token = match[1]!;
    if (!(NAMED_TOKENS as readonly string[]).includes(token) && !DATE_TOKEN.test(token)) {
      return { messageId: 'path-pattern.unknown', args: { token: `{${token}}` } };
    }
  }
  return null;
}

/** The pattern's message in a language, for a problem found by `checkPathPattern`. */
export function patternProblemMessage(problem: PatternProblem, locale: Locale): string {
  return message(locale, problem.messageId, problem.args);
}

function formatDateToken(token: string, date: string): string {
  const { year, month, day } = parseIsoDate(date)!;
  return token.replace(/yyyy|yy|MM|M|dd|d|ww/gu, (part) => {
    switch (part) {
      case 'yyyy':
        return String(year).padStart(4, '0');
      case 'yy':
        return String(year % 100).padStart(2, '0');
      case 'MM':
        return String(month).padStart(2, '0');
      case 'M':
        return String(month);
      case 'dd':
        return String(day).padStart(2, '0');
      case 'd':
        return String(day);
      default:
        return String(isoWeek(date)).padStart(2, '0');
    }
  });
}

/** ISO 8601 week number (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(date: string): number {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const yearStart = `${thursday.slice(0, 4)}-01-01`;
  const dayOfYear = Math.round((Date.parse(`${thursday}T00:00:00Z`) - Date.parse(`${yearStart}T00:00:00Z`)) / 86_400_000);
  return Math.floor(dayOfYear / 7) + 1;
}

/**
 * The `/`-separated path, relative to the workspace folder, that a pattern gives. `{slug}` is the
 * title's slug (else the series', the template's, or `meeting`); an empty `{series}` or `{type}`
 * is left out with the separator next to it. `.md` is added when the pattern has no Markdown
 * extension. Call `checkPathPattern` first: an invalid pattern gives the default pattern's path.
 */
export function expandPathPattern(pattern: string, values: PathValues): string {
  const usable = checkPathPattern(pattern) ? DEFAULT_PATH_PATTERN : pattern.trim();
  const slug = slugify(values.title) || slugify(values.series ?? '') || slugify(values.template) || 'meeting';
  const named: Record<string, string> = {
    slug,
    series: slugify(values.series ?? ''),
    type: slugify(values.type ?? ''),
    template: slugify(values.template),
  };
  const expanded = usable.replace(/\{([^{}]*)\}/gu, (_whole, token: string) => (token in named ? named[token]! : formatDateToken(token, values.date)));
  const segments = expanded
    .split(/[/\\]+/u)
    .map((segment) => segment.replace(/([-_ ])[-_ ]+/gu, '$1').replace(/^[-_ .]+|(?<![-_ ])[-_ ]+(?=\.[^.]+$)|(?<![-_ ])[-_ ]+$/gu, ''))
    .filter((segment) => segment !== '' && segment !== '.');
  let path = segments.join('/');
  if (!/\.(md|markdown)$/iu.test(path)) path += '.md';
  return path;
}

/** `a/b.md` → `a/b-2.md`: the name to try when the file already exists. */
export function withCounter(path: string, counter: number): string {
  return path.replace(/(\.[^./]+)?$/u, (extension) => `-${counter}${extension}`);
}

/** Relative path from the folder of `fromFile` to `toFile`; both `/`-separated, same base. */
export function relativePath(fromFile: string, toFile: string): string {
  const from = fromFile.split('/').slice(0, -1);
  const to = toFile.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  const up = from.slice(common).map(() => '..');
  return [...up, ...to.slice(common)].join('/') || to.at(-1)!;
}
