// What every command needs: the working folder, output streams, colour, locale and today.
import { isIsoDate, localeFrom, todayIn, type Locale, type ResolvedConfig } from '../core';
import { UsageError } from './args';

export interface Io {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Colour only for a terminal, and never when NO_COLOR is set. */
  color: boolean;
  env: Record<string, string | undefined>;
  now: () => Date;
}

export function readToday(value: string | undefined): string | null {
  if (value === undefined) return null;
  if (!isIsoDate(value)) throw new UsageError(`--today must be a date as YYYY-MM-DD (got "${value}")`);
  return value;
}

export function readLocale(value: string | undefined): Locale | null {
  if (value === undefined) return null;
  if (value === 'en' || value === 'zh-CN') return value;
  throw new UsageError(`--locale must be en or zh-CN (got "${value}")`);
}

/** --locale, then the config, then LC_ALL / LC_MESSAGES / LANG, then English. */
export function localeFor(flag: Locale | null, config: ResolvedConfig | null, env: Io['env']): Locale {
  return flag ?? config?.locale ?? localeFrom(env.LC_ALL || env.LC_MESSAGES || env.LANG) ?? 'en';
}

/**
 * `--locale X` or `--locale=X` read from the raw arguments, for help and for a command that failed
 * before it read its options; null when absent or not a language of ours.
 */
export function localeFlagOf(argv: readonly string[]): Locale | null {
  for (const [i, arg] of argv.entries()) {
    const value = arg === '--locale' ? argv[i + 1] : arg.startsWith('--locale=') ? arg.slice('--locale='.length) : undefined;
    const locale = value === undefined ? null : localeFrom(value);
    if (locale) return locale;
  }
  return null;
}

/** --today, else the clock in the config's time zone. */
export function todayFor(flag: string | null, config: ResolvedConfig | null, io: Io): string {
  return flag ?? todayIn(config?.timezone ?? null, io.now());
}
