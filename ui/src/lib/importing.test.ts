import { describe, expect, it } from "vitest";
import type { Finding, ImportPlan } from "./bindings";
import { columnLetter, findingPlace, identityOrigin, outcomeSummary, planSummary } from "./importing";

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

describe("identityOrigin", () => {
  const plan = (own_export: boolean) =>
    ({
      own_export,
      catalog_origin: {
        name: "title_block",
        version: "title_block",
        text: "Naam en versie komen uit de titel van het werkblad (blad “Criteria”, cel A1).",
      },
    }) as unknown as ImportPlan;

  it("says where the name and version came from, and that they can be changed", () => {
    expect(identityOrigin(plan(false), false)).toBe(
      "Naam en versie komen uit de titel van het werkblad (blad “Criteria”, cel A1). U kunt ze hieronder aanpassen.",
    );
    expect(identityOrigin(plan(false), true)).toBe("Naam en versie worden opgeslagen zoals u ze hier invult.");
  });

  it("keeps an export's own name and version", () => {
    expect(identityOrigin(plan(true), false)).toContain("kunnen hier niet worden gewijzigd");
  });
});

describe("outcomeSummary", () => {
  const outcome = {
    catalog: 1,
    new_catalog: true,
    catalog_version: "2026",
    assessment: 1,
    assessment_name: "2026",
    new_assessment: false,
    criteria: 43,
    answers_changed: 43,
    skipped: 0,
    catalog_changes: null,
  };

  it("says answers were read in when the round had none, and changed otherwise", () => {
    expect(outcomeSummary(outcome)).toBe(
      "Geïmporteerd in beoordeling 2026: 43 criteria, 43 antwoorden ingelezen, nieuwe criteriaset versie 2026.",
    );
    expect(outcomeSummary({ ...outcome, new_catalog: false, answers_changed: 1 })).toBe(
      "Geïmporteerd in beoordeling 2026: 43 criteria, 1 antwoord gewijzigd.",
    );
  });
});
