// Numbers, percentages, dates and times as each language writes them, through Intl: "90,57 %" and
// "14:05 ngày 26/11/2026" in Vietnamese, "90.57%" and "14:05, 26 November 2026" in English. Every
// time is shown in the meeting's time zone (its settings; Asia/Ho_Chi_Minh unless set), never the
// device's: a chair's laptop set to UTC must not date the minutes seven hours early.
import { createContext, useContext } from 'react';
import { DEFAULT_MEETING_SETTINGS, type Percent } from '@hallvote/shared';
import { LanguageContext, type Language } from './index';

/** The meeting's time zone; each view's root provides it from its snapshot. */
export const TimeZoneContext = createContext<string>(DEFAULT_MEETING_SETTINGS.timeZone);

const LOCALES: Readonly<Record<Language, string>> = { vi: 'vi-VN', en: 'en-GB' };

/** A day of the calendar in the meeting's time zone, as numbers written out. */
export interface CalendarDay {
  readonly day: string;
  readonly month: string;
  readonly year: string;
}

export interface Formats {
  readonly language: Language;
  readonly timeZone: string;
  /** A count: "1.234" / "1,234". */
  int(n: number): string;
  /** A decimal as the tally or a score writes it ("78.5"): "78,5" / "78.5". */
  decimal(value: number | string): string;
  /** A percentage's number alone, two decimals: "90,57" / "90.57" (for a column headed "%"). */
  percentNumber(p: Percent): string;
  /** A percentage: "90,57 %" / "90.57%". */
  percent(p: Percent): string;
  /** A whole or fractional percentage of a rule ("20 %", "66,67 %"), from a number. */
  percentOf(value: number): string;
  /** "14:05 ngày 26/11/2026" / "14:05, 26 November 2026". */
  dateTime(iso: string): string;
  /** The same with seconds: "14:05:32 ngày 26/11/2026" (the audit log, the minutes' times). */
  dateTimeSeconds(iso: string): string;
  /** "14:05". */
  time(iso: string): string;
  /** "26/11/2026" / "26 November 2026". */
  date(iso: string): string;
  /** The calendar day of an instant in the meeting's time zone ("ngày 26 tháng 11 năm 2026"). */
  calendarDay(iso: string): CalendarDay;
  /** A legal text's date, yyyy-mm-dd, as citations write it: "23/6/2023" / "23 June 2023". */
  legalDate(isoDate: string): string;
  /** The time zone's offset at `iso`, as Intl names it: "GMT+07:00". */
  offset(iso: string): string;
}

const cache = new Map<string, Formats>();

/** The formats of one language in one time zone (made once, then reused). */
export function formatsFor(language: Language, timeZone: string): Formats {
  const key = `${language} ${timeZone}`;
  let formats = cache.get(key);
  if (!formats) {
    formats = makeFormats(language, timeZone);
    cache.set(key, formats);
  }
  return formats;
}

/** The formats of the view this component is rendered in. */
export function useFormats(): Formats {
  return formatsFor(useContext(LanguageContext), useContext(TimeZoneContext));
}

function makeFormats(language: Language, timeZone: string): Formats {
  const locale = LOCALES[language];
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const twoDecimals = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const clock = (seconds: boolean) =>
    new Intl.DateTimeFormat(locale, {
      timeZone,
      hour: '2-digit',
      minute: '2-digit',
      ...(seconds ? { second: '2-digit' } : {}),
      hourCycle: 'h23',
    });
  const minutes = clock(false);
  const seconds = clock(true);
  const numericDay = new Intl.DateTimeFormat(locale, { timeZone, day: '2-digit', month: '2-digit', year: 'numeric' });
  const longDay = new Intl.DateTimeFormat(locale, { timeZone, day: 'numeric', month: 'long', year: 'numeric' });
  const dayParts = new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'numeric', year: 'numeric' });
  const offset = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'longOffset' });
  const legal =
    language === 'vi'
      ? new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'numeric', year: 'numeric' })
      : new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });
  const sign = (number: string) => (language === 'vi' ? `${number} %` : `${number}%`);
  const day = (iso: string) => (language === 'vi' ? numericDay : longDay).format(new Date(iso));
  const at = (clockFormat: Intl.DateTimeFormat, iso: string) =>
    language === 'vi'
      ? `${clockFormat.format(new Date(iso))} ngày ${day(iso)}`
      : `${clockFormat.format(new Date(iso))}, ${day(iso)}`;
  return {
    language,
    timeZone,
    int: (n) => integer.format(n),
    decimal: (value) => decimal.format(Number(value)),
    percentNumber: (p) => twoDecimals.format(p.hundredths / 100),
    percent: (p) => sign(twoDecimals.format(p.hundredths / 100)),
    percentOf: (value) => sign(decimal.format(value)),
    dateTime: (iso) => at(minutes, iso),
    dateTimeSeconds: (iso) => at(seconds, iso),
    time: (iso) => minutes.format(new Date(iso)),
    date: day,
    calendarDay: (iso) => {
      const parts = dayParts.formatToParts(new Date(iso));
      const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
      return { day: part('day'), month: part('month'), year: part('year') };
    },
    legalDate: (isoDate) => legal.format(new Date(`${isoDate}T00:00:00Z`)),
    offset: (iso) => offset.formatToParts(new Date(iso)).find((p) => p.type === 'timeZoneName')?.value ?? timeZone,
  };
}

/** Numbers alone in a language, outside a component (a count or a share has no time zone). */
export function numbersIn(language: Language): Formats {
  return formatsFor(language, 'UTC');
}
