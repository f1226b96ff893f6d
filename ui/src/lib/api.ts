// The only place where the UI talks to Rust. Every command is a typed function here; errors
// arrive as `{ code, message }` and are rethrown as ApiError, never parsed from strings.
import { invoke } from "@tauri-apps/api/core";
import type {
  AnswerInput,
  AssessmentId,
  AssessmentView,
  CriterionId,
  ErrorReport,
  HistoryEntry,
  ImportCorrections,
  ImportOutcome,
  ImportPlan,
  Overview,
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

/** Imports the latest dry run. */
export function confirmImport(): Promise<ImportOutcome> {
  return call<ImportOutcome>("confirm_import");
}

/** Asks where to save and writes the workbook; resolves to the path written (null: cancelled). */
export function exportWorkbook(assessment: AssessmentId): Promise<string | null> {
  return call<string | null>("export_workbook", { assessment });
}
