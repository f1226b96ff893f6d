import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  formatDate,
  formatLongDate,
  formatMoment,
  monthTitle,
  monthWeeks,
  parseDate,
  proposedReferenceDate,
  todayIso,
  weekdayOf,
} from "./dates";

describe("parseDate", () => {
  it("reads the ways a Dutch user types a date", () => {
    for (const typed of ["30-6-2027", "30-06-2027", "30/06/2027", "30.6.2027", " 30 - 6 - 2027 "]) {
      expect(parseDate(typed)).toEqual({ ok: true, value: "2027-06-30" });
    }
  });

  it("reads a pasted ISO date", () => {
    expect(parseDate("2027-06-30")).toEqual({ ok: true, value: "2027-06-30" });
  });

  it("reads an empty field as no date", () => {
    expect(parseDate("  ")).toEqual({ ok: true, value: null });
  });

  it("refuses a day that does not exist, in Dutch with an example", () => {
    expect(parseDate("30-02-2027")).toEqual({
      ok: false,
      message: "30-02-2027 bestaat niet; typ een datum als 30-06-2027",
    });
    expect(parseDate("31/4/2027").ok).toBe(false);
    expect(parseDate("1-13-2027").ok).toBe(false);
    expect(parseDate("0-1-2027").ok).toBe(false);
  });

  it("knows leap years", () => {
    expect(parseDate("29-2-2028")).toEqual({ ok: true, value: "2028-02-29" });
    expect(parseDate("29-2-2027").ok).toBe(false);
    expect(parseDate("29-2-2100").ok).toBe(false);
  });

  it("does not take a date being typed for a date in another year", () => {
    expect(parseDate("30-6-20").ok).toBe(false);
    expect(parseDate("30-6-202").ok).toBe(false);
    expect(parseDate("30-6").ok).toBe(false);
  });

  it("says what it could not read", () => {
    expect(parseDate("morgen")).toEqual({
      ok: false,
      message: '"morgen" is geen datum; typ een datum als 30-06-2027',
    });
  });
});

describe("formatting", () => {
  it("writes dates in fields and tables as day-month-year, free text unchanged", () => {
    expect(formatDate("2026-11-28")).toBe("28-11-2026");
    expect(formatDate("2027-06-03")).toBe("03-06-2027");
    expect(formatDate("z.s.m.")).toBe("z.s.m.");
    expect(formatDate(null)).toBe("–");
  });

  it("writes dates in sentences with the month's name", () => {
    expect(formatLongDate("2026-11-30")).toBe("30 november 2026");
    expect(formatLongDate("2027-06-03")).toBe("3 juni 2027");
    expect(formatLongDate(null)).toBe("–");
  });

  it("writes a moment in the user's time with the month's name", () => {
    const moment = new Date(2026, 10, 28, 9, 5);
    expect(formatMoment(moment.toISOString())).toBe("28 november 2026, 09:05");
    expect(formatMoment("onleesbaar")).toBe("onleesbaar");
  });

  it("writes today as YYYY-MM-DD", () => {
    expect(todayIso(new Date(2026, 0, 5))).toBe("2026-01-05");
  });
});

describe("calendar", () => {
  it("moves by days and months across their ends", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2027-03-01", -1)).toBe("2027-02-28");
    expect(addMonths("2027-01-31", 1)).toBe("2027-02-28");
    expect(addMonths("2027-01-15", -1)).toBe("2026-12-15");
    expect(addMonths("2027-06-30", 12)).toBe("2028-06-30");
  });

  it("starts the week on Monday", () => {
    expect(weekdayOf("2027-06-28")).toBe(0); // a Monday
    expect(weekdayOf("2027-06-27")).toBe(6); // a Sunday
  });

  it("shows whole weeks from Monday, with the month's days marked", () => {
    const weeks = monthWeeks("2027-06-15");
    expect(weeks[0]?.[0]?.value).toBe("2027-05-31"); // 1 June 2027 is a Tuesday
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    const inJune = weeks.flat().filter((d) => d.inMonth);
    expect(inJune.map((d) => d.day)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(weeks.at(-1)?.at(-1)?.value).toBe("2027-07-04");
    expect(monthTitle("2027-06-15")).toBe("juni 2027");
  });
});

describe("proposedReferenceDate", () => {
  it("proposes the last day of the year a round is named after", () => {
    expect(proposedReferenceDate("2028")).toBe("2028-12-31");
    expect(proposedReferenceDate("Tussentijds")).toBeNull();
    expect(proposedReferenceDate("2026 (2)")).toBeNull();
  });
});
