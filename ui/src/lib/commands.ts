// Generated from src-tauri/src/commands.rs by `make bindings`: do not edit by hand.
// One function per command; errors are thrown as ApiError (see ipc.ts).
import { call } from "./ipc";
import type { AnswerInput, AssessmentId, AssessmentView, BackupInfo, CatalogChanges, CatalogIdentity, Comparison, CriterionId, ErrorReport, HistoryEntry, ImportCorrections, ImportDestination, ImportOutcome, ImportPlan, ImprovementPlan, NewRound, OrganisationId, Overview, Profile, ProfileEdit, ReportChoice, ReportFormat, RoundEdit, RoundEvent, Rounds, Seal, SealCheck, SealReadiness, SealRequest } from "./bindings";

/**
 * The assessment that is open, with its catalog; on first start the example catalog is loaded.
 */
export function currentAssessment(): Promise<AssessmentView> {
  return call<AssessmentView>("current_assessment");
}

/**
 * Saves the answer to one criterion (status and notes), with its history entry. Returns whether
 * anything changed.
 */
export function saveAnswer(assessment: AssessmentId, criterion: CriterionId, answer: AnswerInput): Promise<boolean> {
  return call<boolean>("save_answer", { assessment, criterion, answer });
}

/**
 * Who changed the answer to a criterion, newest first.
 */
export function answerHistory(assessment: AssessmentId, criterion: CriterionId): Promise<HistoryEntry[]> {
  return call<HistoryEntry[]>("answer_history", { assessment, criterion });
}

/**
 * The overview of an assessment: the same numbers as the export and the command line.
 */
export function overview(assessment: AssessmentId): Promise<Overview> {
  return call<Overview>("overview", { assessment });
}

/**
 * Opens the native file dialog (from Rust, so the page never handles paths) and returns the dry
 * run of the chosen workbook; `None` when the user cancelled.
 */
export function chooseImportFile(): Promise<ImportPlan | null> {
  return call<ImportPlan | null>("choose_import_file");
}

/**
 * Reads the chosen workbook again with the user's choice of sheet, header row and columns.
 */
export function reviseImport(corrections: ImportCorrections): Promise<ImportPlan> {
  return call<ImportPlan>("revise_import", { corrections });
}

/**
 * When the chosen workbook is a newer version of the open round's catalog: what changed.
 */
export function importCatalogChanges(assessment: AssessmentId): Promise<CatalogChanges | null> {
  return call<CatalogChanges | null>("import_catalog_changes", { assessment });
}

/**
 * What confirming the latest dry run will do for the open round `assessment`, with the
 * catalog's name and version as the user has them in the wizard and the choice to move the
 * round: which round receives the criteria and answers (a new one with its proposed name), and
 * what the file brings.
 */
export function importDestination(assessment: AssessmentId, catalog: CatalogIdentity, moveRound: boolean): Promise<ImportDestination> {
  return call<ImportDestination>("import_destination", { assessment, catalog, moveRound });
}

/**
 * Imports the latest dry run in one transaction for the open round `assessment`, with the
 * catalog's name and version as the user confirmed them in the wizard (an empty one is
 * refused); a corrected mapping is remembered. With `move_round`, that round moves to the
 * imported catalog version (answers carried over). `new_round` names the round the import
 * makes, when it makes one (`None`: the proposed name).
 * Async, so it runs off the main thread: a backup and a large import must not freeze the window.
 */
export function confirmImport(assessment: AssessmentId, catalog: CatalogIdentity, moveRound: boolean, newRound: string | null): Promise<ImportOutcome> {
  return call<ImportOutcome>("confirm_import", { assessment, catalog, moveRound, newRound });
}

/**
 * The automatic backups of the database, newest first; also when it could not be opened.
 */
export function listBackups(): Promise<BackupInfo[]> {
  return call<BackupInfo[]>("list_backups");
}

/**
 * Why today's automatic backup failed, if it did: the window shows it before the user tries
 * an import (which refuses to run without a backup).
 */
export function backupProblem(): Promise<ErrorReport | null> {
  return call<ErrorReport | null>("backup_problem");
}

/**
 * Puts a backup back (chosen by name from `list_backups`; the current file is moved aside, never
 * deleted) and opens the restored database. Async, so the copying runs off the main thread.
 */
export function restoreBackup(name: string): Promise<AssessmentView> {
  return call<AssessmentView>("restore_backup", { name });
}

/**
 * Every organisation with its rounds, and the open round.
 */
export function rounds(): Promise<Rounds> {
  return call<Rounds>("rounds");
}

/**
 * Creates an organisation with a first round (on the catalog of the open round `catalog_of`)
 * and opens that round.
 */
export function createOrganisation(name: string, catalogOf: AssessmentId): Promise<AssessmentView> {
  return call<AssessmentView>("create_organisation", { name, catalogOf });
}

/**
 * Renames an organisation.
 */
export function renameOrganisation(organisation: OrganisationId, name: string): Promise<void> {
  return call<void>("rename_organisation", { organisation, name });
}

/**
 * Opens another round; it stays open after a restart.
 */
export function openRound(assessment: AssessmentId): Promise<AssessmentView> {
  return call<AssessmentView>("open_round", { assessment });
}

/**
 * Creates a round (optionally carrying another round's answers over) and opens it.
 */
export function createRound(round: NewRound): Promise<AssessmentView> {
  return call<AssessmentView>("create_round", { round });
}

/**
 * Renames a round and sets its reference date (peildatum); refused for a sealed round.
 */
export function editRound(assessment: AssessmentId, edit: RoundEdit): Promise<AssessmentView> {
  return call<AssessmentView>("edit_round", { assessment, edit });
}

/**
 * Seals a round: read-only from now on, with a fingerprint of its contents.
 */
export function sealRound(assessment: AssessmentId, request: SealRequest): Promise<Seal> {
  return call<Seal>("seal_round", { assessment, request });
}

/**
 * Reopens a sealed round; recorded in the round's log.
 */
export function unsealRound(assessment: AssessmentId): Promise<void> {
  return call<void>("unseal_round", { assessment });
}

/**
 * For a sealed round: whether its data still match the fingerprint.
 */
export function checkSeal(assessment: AssessmentId): Promise<SealCheck | null> {
  return call<SealCheck | null>("check_seal", { assessment });
}

/**
 * What happened to a round (created, sealed, reopened, moved), newest first.
 */
export function roundEvents(assessment: AssessmentId): Promise<RoundEvent[]> {
  return call<RoundEvent[]>("round_events", { assessment });
}

/**
 * Compares two rounds of the same organisation.
 */
export function compareRounds(from: AssessmentId, to: AssessmentId): Promise<Comparison> {
  return call<Comparison>("compare_rounds", { from, to });
}

/**
 * The improvement plan of a round, with overdue items judged on today's date.
 */
export function improvementPlan(assessment: AssessmentId): Promise<ImprovementPlan> {
  return call<ImprovementPlan>("improvement_plan", { assessment });
}

/**
 * Asks where to save (native dialog, proposed name from organisation and round), writes the
 * workbook atomically and returns the path written; `None` when the user cancelled.
 */
export function exportWorkbook(assessment: AssessmentId, compareWith: AssessmentId | null): Promise<string | null> {
  return call<string | null>("export_workbook", { assessment, compareWith });
}

/**
 * Afdrukken: makes the report as a PDF in a folder of its own under the system's temporary
 * folder and opens it in the system's PDF viewer, so printing goes through the same document on
 * every OS. Returns the path of the PDF.
 */
export function printReport(assessment: AssessmentId, choice: ReportChoice): Promise<string> {
  return call<string>("print_report", { assessment, choice });
}

/**
 * Opslaan als PDF… / Opslaan als Word…: asks where (native dialog, proposed name from
 * organisation, document and round), writes the report atomically and returns the path;
 * `None` when the user cancelled.
 */
export function saveReport(assessment: AssessmentId, choice: ReportChoice, format: ReportFormat): Promise<string | null> {
  return call<string | null>("save_report", { assessment, choice, format });
}

/**
 * The round that report would compare with by default: the organisation's previous round.
 */
export function previousRound(assessment: AssessmentId): Promise<AssessmentId | null> {
  return call<AssessmentId | null>("previous_round", { assessment });
}

/**
 * What is still incomplete in a round, shown before it is sealed.
 */
export function sealReadiness(assessment: AssessmentId): Promise<SealReadiness> {
  return call<SealReadiness>("seal_readiness", { assessment });
}

/**
 * Who works with the app (the first-start screen asks when `user_name` is empty).
 */
export function profile(assessment: AssessmentId): Promise<Profile> {
  return call<Profile>("profile", { assessment });
}

/**
 * Saves the user's name and the organisation's name; returns the round as it is now.
 */
export function saveProfile(assessment: AssessmentId, edit: ProfileEdit): Promise<AssessmentView> {
  return call<AssessmentView>("save_profile", { assessment, edit });
}

/**
 * The page's answer when the window is being closed: `close` once every edit is saved, or
 * `false` to keep the window open because a save failed (see closing.rs).
 */
export function finishClose(close: boolean): Promise<void> {
  return call<void>("finish_close", { close });
}
