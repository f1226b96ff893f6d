import { describe, expect, it } from "vitest";
import type { Finding, ImportPlan } from "./bindings";
import { columnLetter, findingPlace, planSummary } from "./importing";

describe("columnLetter", () => {
  it("counts like a spreadsheet", () => {
    expect([0, 5, 25, 26, 27, 701, 702].map(columnLetter)).toEqual([
      "A", "F", "Z", "AA", "AB", "ZZ", "AAA",
    ]);
  });
});

const finding = (severity: Finding["severity"], row: number | null, column: string | null): Finding => ({
  sheet: "Criteria",
  row,
  column,
  severity,
  message: "x",
});

describe("findings", () => {
  it("names the place the way a user finds it in the workbook", () => {
    expect(findingPlace(finding("warning", 12, "F"))).toBe("Criteria!F12");
    expect(findingPlace(finding("warning", 12, null))).toBe("Criteria rij 12");
    expect(findingPlace(finding("info", null, null))).toBe("Criteria");
  });

  it("summarises criteria, themes and problems", () => {
    const plan = {
      catalog: { name: "x", version: "1", themes: [{ name: "A", criteria: [{}, {}] }, { name: "B", criteria: [{}] }] },
      findings: [finding("blocking", 3, "A"), finding("warning", 4, "F")],
    } as unknown as ImportPlan;
    expect(planSummary(plan)).toBe("3 criteria in 2 thema's · 1 blokkerend · 1 waarschuwing");
  });
});
