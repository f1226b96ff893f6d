//! The commands the window may call. Each is declared in `build.rs` and allowed in
//! `capabilities/main-window.json`; nothing else is reachable from the page.

use criteria::import::{self, ImportCorrections, ImportOptions, ImportPlan};
use criteria::{
    AnswerInput, AssessmentId, AssessmentView, CriterionId, ErrorReport, HistoryEntry,
    ImportOutcome, Overview, export,
};
use tauri_plugin_dialog::DialogExt;
use time::OffsetDateTime;

use crate::state::{AppState, PendingImport};

/// The assessment that is open, with its catalog; on first start the example catalog is loaded.
#[tauri::command]
pub fn current_assessment(
    state: tauri::State<'_, AppState>,
) -> Result<AssessmentView, ErrorReport> {
    let mut store = state.store()?;
    store
        .open_current(OffsetDateTime::now_utc())
        .map_err(|err| err.report())
}

/// Saves the answer to one criterion (status and notes), with its history entry. Returns whether
/// anything changed.
#[tauri::command]
pub fn save_answer(
    state: tauri::State<'_, AppState>,
    assessment: AssessmentId,
    criterion: CriterionId,
    answer: AnswerInput,
) -> Result<bool, ErrorReport> {
    let mut store = state.store()?;
    store
        .save_answer(
            assessment,
            criterion,
            &answer,
            &crate::data_path::change_context(),
        )
        .map_err(|err| err.report())
}

/// Who changed the answer to a criterion, newest first.
#[tauri::command]
pub fn answer_history(
    state: tauri::State<'_, AppState>,
    assessment: AssessmentId,
    criterion: CriterionId,
) -> Result<Vec<HistoryEntry>, ErrorReport> {
    let store = state.store()?;
    store
        .answer_history(assessment, criterion)
        .map_err(|err| err.report())
}

/// The overview of an assessment: the same numbers as the export and the command line.
#[tauri::command]
pub fn overview(
    state: tauri::State<'_, AppState>,
    assessment: AssessmentId,
) -> Result<Overview, ErrorReport> {
    let store = state.store()?;
    store.overview(assessment).map_err(|err| err.report())
}

fn dialog_failed(err: impl std::fmt::Display) -> ErrorReport {
    ErrorReport {
        code: "dialog_failed".into(),
        message: format!(
            "Het venster om een bestand te kiezen kon niet worden gebruikt. Probeer het opnieuw. ({err})"
        ),
    }
}

fn no_pending_import() -> ErrorReport {
    ErrorReport {
        code: "no_pending_import".into(),
        message: "Er is geen bestand gekozen om te importeren. Kies eerst een bestand.".into(),
    }
}

/// Reads `path` as a dry run with the user's corrections and the remembered mappings.
fn analyse(
    state: &AppState,
    path: &std::path::Path,
    corrections: ImportCorrections,
) -> Result<ImportPlan, ErrorReport> {
    let remembered = state
        .store()?
        .remembered_mappings()
        .map_err(|e| e.report())?;
    let options = ImportOptions {
        sheet: corrections.sheet,
        header_row: corrections.header_row,
        mapping: corrections.mapping,
        remembered,
        ..ImportOptions::new(OffsetDateTime::now_utc().date())
    };
    import::analyse(path, &options).map_err(|err| err.report())
}

/// Opens the native file dialog (from Rust, so the page never handles paths) and returns the dry
/// run of the chosen workbook; `None` when the user cancelled.
#[tauri::command]
pub async fn choose_import_file(
    app: tauri::AppHandle,
    state: tauri::State<'_, AppState>,
) -> Result<Option<ImportPlan>, ErrorReport> {
    let picked = app
        .dialog()
        .file()
        .set_title("Criteria-werkmap kiezen")
        .add_filter(
            "Werkmappen (Excel, OpenDocument)",
            &["xlsx", "xlsm", "ods", "xls"],
        )
        .blocking_pick_file();
    let Some(picked) = picked else {
        return Ok(None);
    };
    let path = picked.into_path().map_err(dialog_failed)?;
    let plan = analyse(&state, &path, ImportCorrections::default())?;
    *state.pending_import() = Some(PendingImport {
        path,
        plan: plan.clone(),
    });
    Ok(Some(plan))
}

/// Reads the chosen workbook again with the user's choice of sheet, header row and columns.
#[tauri::command]
pub async fn revise_import(
    state: tauri::State<'_, AppState>,
    corrections: ImportCorrections,
) -> Result<ImportPlan, ErrorReport> {
    let path = state
        .pending_import()
        .as_ref()
        .map(|p| p.path.clone())
        .ok_or_else(no_pending_import)?;
    let plan = analyse(&state, &path, corrections)?;
    if let Some(pending) = state.pending_import().as_mut() {
        pending.plan = plan.clone();
    }
    Ok(plan)
}

/// Imports the latest dry run in one transaction; a corrected mapping is remembered.
#[tauri::command]
pub fn confirm_import(state: tauri::State<'_, AppState>) -> Result<ImportOutcome, ErrorReport> {
    let mut pending = state.pending_import();
    let plan = &pending.as_ref().ok_or_else(no_pending_import)?.plan;
    let outcome = state
        .store()?
        .apply_import(plan, &crate::data_path::change_context())
        .map_err(|err| err.report())?;
    *pending = None;
    Ok(outcome)
}

/// Asks where to save (native dialog, proposed name from organisation and round), writes the
/// workbook atomically and returns the path written; `None` when the user cancelled.
#[tauri::command]
pub async fn export_workbook(
    app: tauri::AppHandle,
    state: tauri::State<'_, AppState>,
    assessment: AssessmentId,
) -> Result<Option<String>, ErrorReport> {
    let view = state
        .store()?
        .assessment_view(assessment)
        .map_err(|err| err.report())?;
    let picked = app
        .dialog()
        .file()
        .set_title("Beoordeling exporteren")
        .set_file_name(export::suggested_file_name(&view))
        .add_filter("Excel-werkmap", &["xlsx"])
        .blocking_save_file();
    let Some(picked) = picked else {
        return Ok(None);
    };
    let mut path = picked.into_path().map_err(dialog_failed)?;
    if path.extension().is_none() {
        path.set_extension("xlsx");
    }
    let params = export::ExportParams {
        view: &view,
        exported_at: OffsetDateTime::now_utc(),
        program: concat!("AVG-borging ", env!("CARGO_PKG_VERSION")),
    };
    export::write_workbook(&params, &path).map_err(|err| err.report())?;
    Ok(Some(path.display().to_string()))
}
