// The one door from the page to Rust: `call` invokes a command and turns a failure into an
// ApiError { code, message }. The functions per command are generated into commands.ts.
import { invoke } from "@tauri-apps/api/core";
import type { ErrorReport } from "./bindings";

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
    const report = thrown as ErrorReport;
    // The core's message fits a terminal too; in the window the way out is to look again.
    if (report.code === "not_found") {
      return new ApiError({
        code: report.code,
        message: `${report.message} Kies het scherm opnieuw om de actuele gegevens te zien.`,
      });
    }
    return new ApiError(report);
  }
  return new ApiError(UNEXPECTED);
}

/** Invokes `command` (only commands.ts does, with the names from the Rust side). */
export async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (thrown) {
    throw toApiError(thrown);
  }
}
