// A calendar day as English prose writes it, "26 November 2026": the minutes' place-and-date line
// and the date of a legal text. The browser's own month names (Intl), not a list kept by hand.
const LONG_DATE = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

export const englishDate = (year: number, month: number, day: number): string =>
  LONG_DATE.format(Date.UTC(year, month - 1, day));
