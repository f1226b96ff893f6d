// The only place where the UI talks to Rust. Every command is a typed function here; errors
// arrive as `{ code, message }` and are rethrown as ApiError, never parsed from strings.
import { invoke } from "@tauri-apps/api/core";
import type {
  AnswerInput,
  AssessmentId,
  AssessmentView,
  BackupInfo,
  CatalogChanges,
  Comparison,
  CriterionId,
  ErrorReport,
  HistoryEntry,
  ImportCorrections,
  ImportOutcome,
  ImportPlan,
  ImprovementPlan,
  NewRound,
  OrganisationId,
  Overview,
  RoundEvent,
  Rounds,
  Seal,
  SealCheck,
  SealRequest,
} from "./bindings";

/** An error from the app, with a Dutch message that can be shown as it is. */
export class ApiError extends Error {
  readonly code: string;

  constructor(report: ErrorReport) {
    super(report.message);
    this.name = "ApiError";
    this.code = report.code;
  }
}

const UNEXPECTED: ErrorReport = {
  code: "unexpected",
  message:
    "Er ging iets onverwachts mis in AVG-borging. Uw opgeslagen gegevens zijn niet gewijzigd. Start het programma opnieuw; blijft dit gebeuren, neem dan contact op met uw beheerder.",
};

/** Turns whatever a failed invoke threw into an ApiError with a message a user can act on. */
export function toApiError(thrown: unknown): ApiError {
  if (thrown instanceof ApiError) return thrown;
  if (
    typeof thrown === "object" &&
    thrown !== null &&
    typeof (thrown as ErrorReport).code === "string" &&
    typeof (thrown as ErrorReport).message === "string"
  ) {
    return new ApiError(thrown as ErrorReport);
  }
  return new ApiError(UNEXPECTED);
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (thrown) {
    throw toApiError(thrown);
  }
}

/** The assessment that is open, with its catalog. On first start this loads the example catalog. */
export function currentAssessment(): Promise<AssessmentView> {
  return call<AssessmentView>("current_assessment");
}

/** Saves the answer to one criterion; resolves to whether anything changed. */
export function saveAnswer(
  assessment: AssessmentId,
  criterion: CriterionId,
  answer: AnswerInput,
): Promise<boolean> {
  return call<boolean>("save_answer", { assessment, criterion, answer });
}

/** Who changed the answer to a criterion, newest first. */
export function answerHistory(
  assessment: AssessmentId,
  criterion: CriterionId,
): Promise<HistoryEntry[]> {
  return call<HistoryEntry[]>("answer_history", { assessment, criterion });
}

/** Counts per theme and in total, as the export and the command line compute them. */
export function overview(assessment: AssessmentId): Promise<Overview> {
  return call<Overview>("overview", { assessment });
}

/** Opens the native file dialog and returns the dry run of the chosen workbook (null: cancelled). */
export function chooseImportFile(): Promise<ImportPlan | null> {
  return call<ImportPlan | null>("choose_import_file");
}

/** Reads the chosen workbook again with the user's corrections. */
export function reviseImport(corrections: ImportCorrections): Promise<ImportPlan> {
  return call<ImportPlan>("revise_import", { corrections });
}

/** When the chosen workbook is a newer version of the open round's catalog: what changed. */
export function importCatalogChanges(assessment: AssessmentId): Promise<CatalogChanges | null> {
  return call<CatalogChanges | null>("import_catalog_changes", { assessment });
}

/**
 * Imports the latest dry run for the open round `assessment`; with `moveRound` that round moves
 * to the new catalog version.
 */
export function confirmImport(assessment: AssessmentId, moveRound = false): Promise<ImportOutcome> {
  return call<ImportOutcome>("confirm_import", { assessment, moveRound });
}

/**
 * Asks where to save and writes the workbook; resolves to the path written (null: cancelled).
 * With `compareWith`, a sheet Vergelijking compares the round with that earlier round.
 */
export function exportWorkbook(
  assessment: AssessmentId,
  compareWith: AssessmentId | null = null,
): Promise<string | null> {
  return call<string | null>("export_workbook", { assessment, compareWith });
}

/** Every organisation with its rounds, and the open round. */
export function rounds(): Promise<Rounds> {
  return call<Rounds>("rounds");
}

/** Creates an organisation with a first round on the catalog of round `catalogOf`, and opens it. */
export function createOrganisation(name: string, catalogOf: AssessmentId): Promise<AssessmentView> {
  return call<AssessmentView>("create_organisation", { name, catalogOf });
}

/** Renames an organisation. */
export function renameOrganisation(organisation: OrganisationId, name: string): Promise<void> {
  return call<void>("rename_organisation", { organisation, name });
}

/** Opens another round (it stays open after a restart). */
export function openRound(assessment: AssessmentId): Promise<AssessmentView> {
  return call<AssessmentView>("open_round", { assessment });
}

/** Creates a round, optionally carrying another round's answers over, and opens it. */
export function createRound(round: NewRound): Promise<AssessmentView> {
  return call<AssessmentView>("create_round", { round });
}

/** Seals a round: read-only from now on, with a fingerprint. */
export function sealRound(assessment: AssessmentId, request: SealRequest): Promise<Seal> {
  return call<Seal>("seal_round", { assessment, request });
}

/** Reopens a sealed round (recorded in its log). */
export function unsealRound(assessment: AssessmentId): Promise<void> {
  return call<void>("unseal_round", { assessment });
}

/** For a sealed round: whether the data still match the fingerprint. */
export function checkSeal(assessment: AssessmentId): Promise<SealCheck | null> {
  return call<SealCheck | null>("check_seal", { assessment });
}

/** What happened to a round, newest first. */
export function roundEvents(assessment: AssessmentId): Promise<RoundEvent[]> {
  return call<RoundEvent[]>("round_events", { assessment });
}

/** Compares two rounds of one organisation; `from` is the earlier one. */
export function compareRounds(from: AssessmentId, to: AssessmentId): Promise<Comparison> {
  return call<Comparison>("compare_rounds", { from, to });
}

/** The partial and open criteria of a round with owner, action and deadline. */
export function improvementPlan(assessment: AssessmentId): Promise<ImprovementPlan> {
  return call<ImprovementPlan>("improvement_plan", { assessment });
}

/** The automatic backups of the database, newest first (also when it could not be opened). */
export function listBackups(): Promise<BackupInfo[]> {
  return call<BackupInfo[]>("list_backups");
}

/** Puts a backup back (the current file is moved aside, never deleted) and opens it. */
export function restoreBackup(name: string): Promise<AssessmentView> {
  return call<AssessmentView>("restore_backup", { name });
}

/** Why today's automatic backup failed, if it did (null: it is fine). */
export function backupProblem(): Promise<ErrorReport | null> {
  return call<ErrorReport | null>("backup_problem");
}

/**
 * The answer to a close request of the window: `close` once every edit is saved; `false` keeps
 * the window open because a save failed.
 */
export function finishClose(close: boolean): Promise<void> {
  return call<void>("finish_close", { close });
}
