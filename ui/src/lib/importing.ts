// Pure helpers of the Importeren wizard, unit-tested.
import type {
  AnswerCounts,
  ColumnMapping,
  Finding,
  ImportDestination,
  ImportOutcome,
  ImportPlan,
} from "./bindings";

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

/**
 * Where a finding is, as a user reads it: the criterion and the column's header when known,
 * then the cell: "2.4, kolom Status (Criteria!F12)"; else only "Criteria!F12", "Criteria rij 12"
 * or "Criteria". (The command line words it the same.)
 */
export function findingPlace(finding: Finding): string {
  let cell = finding.sheet;
  if (finding.row !== null && finding.column !== null) {
    cell = `${finding.sheet}!${finding.column}${finding.row}`;
  } else if (finding.row !== null) {
    cell = `${finding.sheet} rij ${finding.row}`;
  }
  const named = [
    finding.criterion,
    finding.column_title === null ? null : `kolom ${finding.column_title}`,
  ].filter((part): part is string => part !== null);
  return named.length === 0 ? cell : `${named.join(", ")} (${cell})`;
}

function count(n: number, one: string, more: string): string {
  return `${n} ${n === 1 ? one : more}`;
}

/** "26 antwoorden: 20 geïmplementeerd, 1 vraagt aandacht, …", or "geen antwoorden". */
export function answersSummary(answers: AnswerCounts): string {
  const parts: [number, string][] = [
    [answers.implemented, "geïmplementeerd"],
    [answers.partial, "gedeeltelijk"],
    [answers.open, "vraagt aandacht"],
    [answers.not_applicable, "n.v.t."],
    [answers.notes_only, "alleen notities zonder status"],
  ];
  const total = parts.reduce((n, [k]) => n + k, 0);
  if (total === 0) return "geen antwoorden";
  const listed = parts.filter(([n]) => n > 0).map(([n, label]) => `${n} ${label}`);
  return `${count(total, "antwoord", "antwoorden")}: ${listed.join(", ")}`;
}

/**
 * Before confirming: into which round the criteria and answers go. A new round's name is in
 * the field under this sentence, so the sentence does not repeat it.
 */
export function destinationSentence(d: ImportDestination): string {
  const organisation = d.new_organisation ? `de nieuwe organisatie ${d.organisation}` : d.organisation;
  let sentence: string;
  switch (d.kind) {
    case "existing":
      sentence = `De criteria en antwoorden komen in de bestaande ronde ${d.round_name} van ${organisation}.`;
      break;
    case "replaces_example":
      sentence =
        `De criteria en antwoorden komen in ronde ${d.round_name} van ${organisation}. ` +
        "Die ronde heeft nog geen antwoorden en krijgt deze criteria in plaats van de voorbeeldcriteria.";
      break;
    case "moved":
      sentence = `Ronde ${d.round_name} van ${organisation} wordt overgezet naar deze versie van de criteriaset; de antwoorden gaan mee.`;
      break;
    case "new_round":
      sentence =
        `Er wordt een nieuwe ronde gemaakt voor ${organisation}; de criteria en antwoorden komen daarin. ` +
        "Deze criteria horen niet bij de ronde die nu open is. Geef de nieuwe ronde hieronder een naam.";
      break;
  }
  if (d.sealed) {
    sentence += " Deze ronde is vastgesteld: heropen hem eerst onder Rondes, anders kan de import niet worden opgeslagen.";
  }
  return sentence;
}

/**
 * Why "Importeren bevestigen" cannot be pressed yet, or `null` when it can: blocking findings
 * first, then a sealed destination (the import would be refused after the click).
 */
export function confirmBlocker(blocking: number, d: ImportDestination | null): string | null {
  if (blocking > 0) {
    return "Los eerst de blokkerende bevindingen op in het bestand, of pas de indeling aan.";
  }
  if (d?.sealed) {
    return `Ronde ${d.round_name} is vastgesteld. Heropen hem eerst onder Rondes, of begin daar een nieuwe ronde en importeer daarna.`;
  }
  return null;
}

/** What the file brings: "Het bestand brengt 43 criteria in 7 thema's mee, en 43 antwoorden: …". */
export function destinationCounts(d: ImportDestination): string {
  const set = d.new_catalog
    ? ` De criteriaset ${d.catalog_name} (versie ${d.catalog_version}) wordt als nieuwe criteriaset opgeslagen.`
    : "";
  return (
    `Het bestand brengt ${count(d.criteria, "criterium", "criteria")} in ` +
    `${count(d.themes, "thema", "thema's")} mee, en ${answersSummary(d.answers)}.${set}`
  );
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
 * What a confirmed import did, in one sentence. Answers into a round that had none yet are
 * "ingelezen"; only answers that replaced earlier ones are "gewijzigd".
 */
export function outcomeSummary(outcome: ImportOutcome): string {
  const fresh = outcome.fresh_round;
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
