import { describe, expect, it } from "vitest";
import type { Finding, ImportDestination, ImportPlan } from "./bindings";
import {
  columnLetter,
  confirmBlocker,
  destinationCounts,
  destinationSentence,
  findingPlace,
  identityOrigin,
  outcomeSummary,
  planSummary,
} from "./importing";

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
  criterion: null,
  column_title: null,
  severity,
  message: "x",
});

describe("findings", () => {
  it("names the place the way a user finds it in the workbook", () => {
    expect(findingPlace(finding("warning", 12, "F"))).toBe("Criteria!F12");
    expect(findingPlace(finding("warning", 12, null))).toBe("Criteria rij 12");
    expect(findingPlace(finding("info", null, null))).toBe("Criteria");
  });

  it("names the criterion and the column's header before the cell, where known", () => {
    const named = { ...finding("warning", 12, "F"), criterion: "2.4", column_title: "Status" };
    expect(findingPlace(named)).toBe("2.4, kolom Status (Criteria!F12)");
    expect(findingPlace({ ...named, column_title: null })).toBe("2.4 (Criteria!F12)");
    expect(findingPlace({ ...named, criterion: null })).toBe("kolom Status (Criteria!F12)");
    expect(findingPlace({ ...named, column: null })).toBe("2.4, kolom Status (Criteria rij 12)");
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
    fresh_round: true,
    criteria: 43,
    answers_changed: 43,
    skipped: 0,
    catalog_changes: null,
  };

  it("says answers were read in when the round had none, and changed otherwise", () => {
    expect(outcomeSummary(outcome)).toBe(
      "Geïmporteerd in beoordeling 2026: 43 criteria, 43 antwoorden ingelezen, nieuwe criteriaset versie 2026.",
    );
    expect(outcomeSummary({ ...outcome, new_catalog: false, fresh_round: false, answers_changed: 1 })).toBe(
      "Geïmporteerd in beoordeling 2026: 43 criteria, 1 antwoord gewijzigd.",
    );
  });
});

describe("destination", () => {
  const destination: ImportDestination = {
    kind: "new_round",
    round: null,
    round_name: "2026 (2)",
    organisation: "Gemeente Oost",
    new_organisation: false,
    sealed: false,
    new_catalog: true,
    catalog_name: "Criteria borging AVG",
    catalog_version: "2.1",
    criteria: 43,
    themes: 7,
    answers: { implemented: 20, partial: 10, open: 8, not_applicable: 3, notes_only: 2 },
  };

  it("says a new round is made, and for which organisation", () => {
    expect(destinationSentence(destination)).toContain("Er wordt een nieuwe ronde gemaakt voor Gemeente Oost");
  });

  it("names the existing round the answers go into", () => {
    expect(destinationSentence({ ...destination, kind: "existing", round: 3, round_name: "2026" })).toBe(
      "De criteria en antwoorden komen in de bestaande ronde 2026 van Gemeente Oost.",
    );
    expect(
      destinationSentence({ ...destination, kind: "existing", round: 3, round_name: "2026", sealed: true }),
    ).toContain("heropen hem eerst onder Rondes");
  });

  it("keeps the confirmation closed while findings block or the round is sealed", () => {
    expect(confirmBlocker(0, destination)).toBeNull();
    expect(confirmBlocker(2, destination)).toContain("blokkerende bevindingen");
    const sealed = { ...destination, kind: "existing" as const, round: 3, round_name: "2026", sealed: true };
    expect(confirmBlocker(0, sealed)).toBe(
      "Ronde 2026 is vastgesteld. Heropen hem eerst onder Rondes, of begin daar een nieuwe ronde en importeer daarna.",
    );
    expect(confirmBlocker(1, sealed)).toContain("blokkerende bevindingen");
  });

  it("counts criteria, themes and the answers per status", () => {
    expect(destinationCounts(destination)).toBe(
      "Het bestand brengt 43 criteria in 7 thema's mee, en 43 antwoorden: 20 geïmplementeerd, 10 gedeeltelijk, " +
        "8 vraagt aandacht, 3 n.v.t., 2 alleen notities zonder status. " +
        "De criteriaset Criteria borging AVG (versie 2.1) wordt als nieuwe criteriaset opgeslagen.",
    );
    const none = { implemented: 0, partial: 0, open: 0, not_applicable: 0, notes_only: 0 };
    expect(destinationCounts({ ...destination, new_catalog: false, criteria: 1, themes: 1, answers: none })).toBe(
      "Het bestand brengt 1 criterium in 1 thema mee, en geen antwoorden.",
    );
  });
});
