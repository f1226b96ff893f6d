// Dates the Dutch way, whatever the OS locale: typed as 30-6-2027, shown as 30-06-2027 in fields
// and tables and as "30 november 2026" in sentences; stored as ISO YYYY-MM-DD (`IsoDate`).
// Pure functions, unit-tested; DateField.svelte is their screen.

export const MONTH_NAMES = [
  "januari",
  "februari",
  "maart",
  "april",
  "mei",
  "juni",
  "juli",
  "augustus",
  "september",
  "oktober",
  "november",
  "december",
] as const;

/** The days of the week as the calendar shows them, Monday first (the Dutch week). */
export const WEEKDAYS = [
  { short: "ma", long: "maandag" },
  { short: "di", long: "dinsdag" },
  { short: "wo", long: "woensdag" },
  { short: "do", long: "donderdag" },
  { short: "vr", long: "vrijdag" },
  { short: "za", long: "zaterdag" },
  { short: "zo", long: "zondag" },
] as const;

/** How a date is typed in the examples the app gives. */
export const DATE_EXAMPLE = "30-06-2027";

const pad = (n: number): string => String(n).padStart(2, "0");

function iso(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${pad(month)}-${pad(day)}`;
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC, so no daylight-saving shifts.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function splitIso(value: string): [number, number, number] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/** A stored date (YYYY-MM-DD) for fields and tables, 28-11-2026; none is "–". */
export function formatDate(value: string | null | undefined): string {
  if (!value) return "–";
  const parts = splitIso(value);
  return parts ? `${pad(parts[2])}-${pad(parts[1])}-${parts[0]}` : value;
}

/** A stored date for sentences, "28 november 2026"; none is "–". */
export function formatLongDate(value: string | null | undefined): string {
  if (!value) return "–";
  const parts = splitIso(value);
  if (!parts || parts[1] < 1 || parts[1] > 12) return value;
  return `${parts[2]} ${MONTH_NAMES[parts[1] - 1]} ${parts[0]}`;
}

/** A moment (RFC 3339) for the logs, in the user's time: "28 november 2026, 10:00". */
export function formatMoment(rfc3339: string): string {
  const d = new Date(rfc3339);
  if (Number.isNaN(d.getTime())) return rfc3339;
  return `${formatLongDate(todayIso(d))}, ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The local date of `now` as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  return iso(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** What a typed date means: a day (ISO), no date (empty field), or why it is not a date. */
export type ParsedDate = { ok: true; value: string | null } | { ok: false; message: string };

/**
 * Reads a date as a Dutch user types it: day, month and a four-digit year separated by "-", "/"
 * or "." ("30-6-2027", "30/06/2027", "30.6.2027"), or an ISO date as pasted ("2027-06-30").
 * A two-digit year is not read: while "30-6-2027" is being typed, "30-6-20" would otherwise
 * already be a date in 2020 and be saved as such.
 */
export function parseDate(typed: string): ParsedDate {
  const text = typed.trim();
  if (text === "") return { ok: true, value: null };
  let parts: [number, number, number] | null = null;
  const isoMatch = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  const dutch = /^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})$/.exec(text);
  if (isoMatch) parts = [Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3])];
  else if (dutch) parts = [Number(dutch[3]), Number(dutch[2]), Number(dutch[1])];
  if (!parts) {
    return {
      ok: false,
      message: `"${text}" is geen datum; typ een datum als ${DATE_EXAMPLE}`,
    };
  }
  const [year, month, day] = parts;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || year < 1000) {
    return {
      ok: false,
      message: `${pad(day)}-${pad(month)}-${year} bestaat niet; typ een datum als ${DATE_EXAMPLE}`,
    };
  }
  return { ok: true, value: iso(year, month, day) };
}

/** `value` moved by `days` days (negative: back). */
export function addDays(value: string, days: number): string {
  const [y, m, d] = splitIso(value) ?? [1970, 1, 1];
  const moved = new Date(Date.UTC(y, m - 1, d + days));
  return iso(moved.getUTCFullYear(), moved.getUTCMonth() + 1, moved.getUTCDate());
}

/** `value` moved by `months` months; the 31st becomes the month's last day where it has none. */
export function addMonths(value: string, months: number): string {
  const [y, m, d] = splitIso(value) ?? [1970, 1, 1];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return iso(year, month, Math.min(d, daysInMonth(year, month)));
}

/** The weekday of `value`, 0 = Monday … 6 = Sunday. */
export function weekdayOf(value: string): number {
  const [y, m, d] = splitIso(value) ?? [1970, 1, 1];
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

/** One day in the calendar: its date, its number, and whether it belongs to the month shown. */
export interface CalendarDay {
  value: string;
  day: number;
  inMonth: boolean;
}

/**
 * The weeks the calendar shows for the month of `value`: Monday to Sunday, from the week of the
 * 1st to the week of the last day, with the neighbouring months' days filling the first and
 * last week.
 */
export function monthWeeks(value: string): CalendarDay[][] {
  const [y, m] = splitIso(value) ?? [1970, 1, 1];
  const first = iso(y, m, 1);
  let day = addDays(first, -weekdayOf(first));
  const weeks: CalendarDay[][] = [];
  do {
    const week: CalendarDay[] = [];
    for (let i = 0; i < 7; i++) {
      const [dy, dm, dd] = splitIso(day) ?? [y, m, 1];
      week.push({ value: day, day: dd, inMonth: dy === y && dm === m });
      day = addDays(day, 1);
    }
    weeks.push(week);
  } while (splitIso(day)?.[1] === m);
  return weeks;
}

/** "juni 2027": the calendar's title for the month of `value`. */
export function monthTitle(value: string): string {
  const [y, m] = splitIso(value) ?? [1970, 1, 1];
  return `${MONTH_NAMES[m - 1]} ${y}`;
}

/** The peildatum proposed for a new round: the year's last day when its name is a year. */
export function proposedReferenceDate(roundName: string): string | null {
  const year = /^\s*(\d{4})\s*$/.exec(roundName)?.[1];
  return year ? `${year}-12-31` : null;
}
