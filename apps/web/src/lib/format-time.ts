import { formattingLocale, i18next } from './i18n.ts';

// The one formatting module: dates, times and counts in the language shown (decision 51). Formatters are cached
// per locale: building one is far slower than using it, and a grid formats hundreds of cells.
const formatters = new Map<string, {
  dateTime: Intl.DateTimeFormat; shortDay: Intl.DateTimeFormat; relative: Intl.RelativeTimeFormat; number: Intl.NumberFormat;
  tenths: Intl.NumberFormat; percent: Intl.NumberFormat; and: Intl.ListFormat; or: Intl.ListFormat;
}>();

function formattersNow() {
  const locale = formattingLocale();
  let found = formatters.get(locale);
  if (!found) {
    found = {
      dateTime: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
      shortDay: new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' }),
      relative: new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }),
      number: new Intl.NumberFormat(locale),
      tenths: new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
      percent: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }),
      and: new Intl.ListFormat(locale, { type: 'conjunction' }),
      or: new Intl.ListFormat(locale, { type: 'disjunction' }),
    };
    formatters.set(locale, found);
  }
  return found;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "3 days ago", "in 2 hours", "just now" ("vor 3 Tagen", "in 2 Stunden", "gerade eben"). */
export function formatRelativeTime(iso: string, now: Date = new Date()): string {
  const seconds = (new Date(iso).getTime() - now.getTime()) / 1000;
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return formattersNow().relative.format(Math.round(seconds / size), unit);
  }
  return i18next.t('common:time.justNow');
}

/** "Nov 1, 2026, 8:00 AM" ("01.11.2026, 08:00"). */
export const formatDateTime = (iso: string) => formattersNow().dateTime.format(new Date(iso));

// A server sentence's `{{at, datetime}}` is an instant as an ISO string (decision 60): said as every other time here,
// in the user's time zone. i18next's own datetime format takes a Date only.
i18next.services.formatter?.add('datetime', (value: unknown) => formatDateTime(value instanceof Date ? value.toISOString() : String(value)));

/** "12,345" ("12.345"). */
export const formatNumber = (value: number) => formattersNow().number.format(value);

/** "2.5" ("2,5"): a measure to one decimal, such as seconds a test took. */
export const formatTenths = (value: number) => formattersNow().tenths.format(value);

/** "87%" ("87 %") for a ratio between 0 and 1. */
export const formatPercent = (ratio: number) => formattersNow().percent.format(ratio);

/** "Dec 3" ("3. Dez.") for a YYYY-MM-DD day, read as the UTC day it is. */
export const formatShortDay = (day: string) => formattersNow().shortDay.format(new Date(`${day}T00:00:00.000Z`));

/** "a, b, and c" / "a, b, or c" ("a, b und c" / "a, b oder c"): names listed in the language shown. */
export const formatList = (items: readonly string[], join: 'and' | 'or') => formattersNow()[join].format(items);
