// Pure helpers of the Importeren wizard, unit-tested.
import type { ColumnMapping, Finding, ImportOutcome, ImportPlan } from "./bindings";

/** The fields a user can map, in the order the wizard shows them, with Dutch labels. */
export const MAPPING_FIELDS: { key: keyof ColumnMapping; label: string }[] = [
  { key: "code", label: "Nummer" },
  { key: "theme", label: "Thema" },
  { key: "text", label: "Criterium" },
  { key: "explanation", label: "Toelichting" },
  { key: "legal_basis", label: "AVG-artikel / grondslag" },
  { key: "status", label: "Status" },
  { key: "justification", label: "Onderbouwing" },
  { key: "owner", label: "Eigenaar" },
  { key: "action", label: "Actie" },
  { key: "deadline", label: "Deadline" },
  { key: "evidence", label: "Bewijs" },
];

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Where a finding is, as a user reads it: "Criteria!F12", "Criteria rij 12" or "Criteria". */
export function findingPlace(finding: Finding): string {
  if (finding.row !== null && finding.column !== null) {
    return `${finding.sheet}!${finding.column}${finding.row}`;
  }
  if (finding.row !== null) return `${finding.sheet} rij ${finding.row}`;
  return finding.sheet;
}

/** One-line summary of a dry run. */
export function planSummary(plan: ImportPlan): string {
  const criteria = plan.catalog.themes.reduce((n, t) => n + t.criteria.length, 0);
  const count = (severity: Finding["severity"]) =>
    plan.findings.filter((f) => f.severity === severity).length;
  const blocking = count("blocking");
  const warnings = count("warning");
  return (
    `${criteria} criteria in ${plan.catalog.themes.length} thema's` +
    ` · ${blocking} blokkerend · ${warnings} ${warnings === 1 ? "waarschuwing" : "waarschuwingen"}`
  );
}

/**
 * What a confirmed import did, in one sentence. Answers into a round that had none (a new round
 * or a new criteria set) are "ingelezen"; only answers that replaced earlier ones are "gewijzigd".
 */
export function outcomeSummary(outcome: ImportOutcome): string {
  const fresh = outcome.new_assessment || outcome.new_catalog;
  const n = outcome.answers_changed;
  const answers = `${n} ${n === 1 ? "antwoord" : "antwoorden"} ${fresh ? "ingelezen" : "gewijzigd"}`;
  const version = outcome.new_catalog ? `, nieuwe criteriaset versie ${outcome.catalog_version}` : "";
  return `Geïmporteerd in beoordeling ${outcome.assessment_name}: ${outcome.criteria} criteria, ${answers}${version}.`;
}

/**
 * Where the criteria set's name and version came from, as the dry run says it; once the user
 * changed them, that they will be stored as typed. Our own export keeps its own.
 */
export function identityOrigin(plan: ImportPlan, edited: boolean): string {
  if (plan.own_export) {
    return `${plan.catalog_origin.text} Een export hoort bij de criteriaset die erin staat; naam en versie kunnen hier niet worden gewijzigd.`;
  }
  if (edited) {
    return "Naam en versie worden opgeslagen zoals u ze hier invult.";
  }
  return `${plan.catalog_origin.text} U kunt ze hieronder aanpassen.`;
}
