import { describe, expect, it } from "vitest";
import type { PlanItem } from "./bindings";
import { count, formatDate, groupFingerprint, nextRoundName, sortPlan, todayIso } from "./rounds";

function item(code: string, owner: string, deadline: string | null): PlanItem {
  return {
    criterion: 1,
    code,
    theme: "Governance",
    text: `Norm ${code}`,
    status: "open",
    owner,
    action: "",
    deadline,
    overdue: false,
  };
}

describe("sortPlan", () => {
  const items = [
    item("1.10", "", "2027-03-01"),
    item("1.2", "CISO", null),
    item("1.9", "Archivaris", "2026-12-01"),
  ];

  it("sorts by deadline with items without one last", () => {
    expect(sortPlan(items, "deadline").map((i) => i.code)).toEqual(["1.9", "1.10", "1.2"]);
  });

  it("sorts by owner with unnamed owners last", () => {
    expect(sortPlan(items, "owner").map((i) => i.code)).toEqual(["1.9", "1.2", "1.10"]);
  });

  it("sorts codes as numbers, not as text", () => {
    expect(sortPlan(items, "code").map((i) => i.code)).toEqual(["1.2", "1.9", "1.10"]);
  });
});

describe("round helpers", () => {
  it("proposes the year after the latest round", () => {
    expect(nextRoundName(["2025", "2026 (2)", "2024"])).toBe("2027");
  });

  it("groups a fingerprint by eight characters without losing any", () => {
    const hex = "a".repeat(64);
    expect(groupFingerprint(hex).split(" ")).toHaveLength(8);
    expect(groupFingerprint(hex).replaceAll(" ", "")).toBe(hex);
  });

  it("writes today as YYYY-MM-DD", () => {
    expect(todayIso(new Date(2026, 0, 5))).toBe("2026-01-05");
  });
});

describe("Dutch formatting", () => {
  it("writes dates as day-month-year and leaves free text alone", () => {
    expect(formatDate("2026-11-28")).toBe("28-11-2026");
    expect(formatDate("z.s.m.")).toBe("z.s.m.");
    expect(formatDate(null)).toBe("–");
  });

  it("uses the singular for one", () => {
    expect(count(1, "antwoord", "antwoorden")).toBe("1 antwoord");
    expect(count(3, "antwoord", "antwoorden")).toBe("3 antwoorden");
  });
});
