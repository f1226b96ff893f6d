//! The commands the window may call, declared once: build.rs registers every
//! `#[tauri::command]` here and the contract test generates the capability and the page's
//! functions from them; nothing else is reachable from the page.

use criteria::import::{CatalogIdentity, ImportCorrections, ImportPlan};
use criteria::report::{ReportChoice, ReportFormat};
use criteria::{
    AnswerInput, AssessmentId, AssessmentView, CatalogChanges, Comparison, CriterionId,
    HistoryEntry, ImportDestination, ImportOutcome, ImprovementPlan, NewRound, OrganisationId,
    Overview, RoundEvent, Rounds, Seal, SealCheck, SealRequest, export, flows,
};
use tauri_plugin_dialog::DialogExt;

use crate::error::AppError;

/// Written into every export's metadata.
const PROGRAM: &str = concat!("AVG-borging ", env!("CARGO_PKG_VERSION"));
use crate::state::{AppState, PendingImport};

/// The assessment that is open, with its catalog; on first start the example catalog is loaded.
#[tauri::command]
pub fn current_assessment(state: tauri::State<'_, AppState>) -> Result<AssessmentView, AppError> {
    let mut store = state.store()?;
    let view = store.open_current(crate::clock::now());
    // The start-up benchmark (scripts/bench.sh) starts the app without a WebDriver, which would
    // add its own session set-up, and reads when the page got its data.
    if std::env::var_os("AVG_BORGING_TRACE_START").is_some()
        && let Some(started) = crate::STARTED.get()
    {
        eprintln!(
            "start-trace: Beoordelen-gegevens aan de pagina geleverd na {} ms",
            started.elapsed().as_millis()
        );
    }
    Ok(view?)
}

/// Saves the answer to one criterion (status and notes), with its history entry. Returns whether
/// anything changed.
#[tauri::command]
pub fn save_answer(
    state: tauri::State<'_, AppState>,
    assessment: AssessmentId,
    criterion: CriterionId,
    answer: AnswerInput,
) -> Result<bool, AppError> {
    let mut store = state.store()?;
    let ctx = crate::data_path::change_context(&store);
    Ok(store.save_answer(assessment, criterion, &answer, &ctx)?)
}

/// Who changed the answer to a criterion, newest first.
#[tauri::command]
pub fn answer_history(
    state: tauri::State<'_, AppState>,
    assessment: AssessmentId,
    criterion: CriterionId,
) -> Result<Vec<HistoryEntry>, AppError> {
    let store = state.store()?;
    Ok(store.answer_history(assessment, criterion)?)
}

/// The overview of an assessment: the same numbers as the export and the command line.
#[tauri::command]
pub fn overview(
    state: tauri::State<'_, AppState>,
    assessment: AssessmentId,
) -> Result<Overview, AppError> {
    let store = state.store()?;
    Ok(store.overview(assessment)?)
}

fn dialog_failed(err: impl std::fmt::Display) -> AppError {
    AppError::DialogFailed(err.to_string())
}

/// Reads `path` as a dry run with the user's corrections and the remembered mappings.
fn analyse(
    state: &AppState,
    path: &std::path::Path,
    corrections: ImportCorrections,
) -> Result<ImportPlan, AppError> {
    let store = state.store()?;
    Ok(flows::dry_run(
        &store,
        path,
        corrections,
        crate::clock::now().date(),
    )?)
}

/// Opens the native file dialog (from Rust, so the page never handles paths) and returns the dry
/// run of the chosen workbook; `None` when the user cancelled.
#[tauri::command]
pub async fn choose_import_file<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: tauri::State<'_, AppState>,
) -> Result<Option<ImportPlan>, AppError> {
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
    // The dry run refuses the database's own files before it opens the path: reading the
    // database in this process would drop its locks (see criteria's store/own_files.rs).
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
) -> Result<ImportPlan, AppError> {
    let path = state
        .pending_import()
        .as_ref()
        .map(|p| p.path.clone())
        .ok_or(AppError::NoPendingImport)?;
    let plan = analyse(&state, &path, corrections)?;
    if let Some(pending) = state.pending_import().as_mut() {
        pending.plan = plan.clone();
    }
    Ok(plan)
}

/// When the chosen workbook is a newer version of the open round's catalog: what changed.
#[tauri::command]
pub fn import_catalog_changes(
    state: tauri::State<'_, AppState>,
    assessment: AssessmentId,
) -> Result<Option<CatalogChanges>, AppError> {
    let pending = state.pending_import();
    let plan = &pending.as_ref().ok_or(AppError::NoPendingImport)?.plan;
    Ok(state.store()?.catalog_changes(assessment, plan)?)
}

/// What confirming the latest dry run will do for the open round `assessment`, with the
/// catalog's name and version as the user has them in the wizard and the choice to move the
/// round: which round receives the criteria and answers (a new one with its proposed name), and
/// what the file brings.
#[tauri::command]
pub fn import_destination(
    state: tauri::State<'_, AppState>,
    assessment: AssessmentId,
    catalog: CatalogIdentity,
    move_round: bool,
) -> Result<ImportDestination, AppError> {
    let pending = state.pending_import();
    let plan = &pending.as_ref().ok_or(AppError::NoPendingImport)?.plan;
    Ok(flows::import_destination(
        &*state.store()?,
        Some(assessment),
        plan,
        Some(&catalog),
        move_round,
        None,
        crate::clock::now(),
    )?)
}

/// Imports the latest dry run in one transaction for the open round `assessment`, with the
/// catalog's name and version as the user confirmed them in the wizard (an empty one is
/// refused); a corrected mapping is remembered. With `move_round`, that round moves to the
/// imported catalog version (answers carried over). `new_round` names the round the import
/// makes, when it makes one (`None`: the proposed name).
/// Async, so it runs off the main thread: a backup and a large import must not freeze the window.
#[tauri::command]
pub async fn confirm_import(
    state: tauri::State<'_, AppState>,
    assessment: AssessmentId,
    catalog: CatalogIdentity,
    move_round: bool,
    new_round: Option<String>,
) -> Result<ImportOutcome, AppError> {
    let mut pending = state.pending_import();
    let plan = &pending.as_ref().ok_or(AppError::NoPendingImport)?.plan;
    let mut store = state.store()?;
    let ctx = crate::data_path::change_context(&store);
    let outcome = flows::confirm_import(
        &mut store,
        Some(assessment),
        plan,
        Some(&catalog),
        move_round,
        new_round.as_deref(),
        &ctx,
    )?;
    *pending = None;
    Ok(outcome)
}

/// The automatic backups of the database, newest first; also when it could not be opened.
#[tauri::command]
pub fn list_backups(
    state: tauri::State<'_, AppState>,
) -> Result<Vec<criteria::BackupInfo>, AppError> {
    state.backups()
}

/// Why today's automatic backup failed, if it did: the window shows it before the user tries
/// an import (which refuses to run without a backup).
#[tauri::command]
pub fn backup_problem(state: tauri::State<'_, AppState>) -> Option<criteria::ErrorReport> {
    state.backup_problem()
}

/// Puts a backup back (chosen by name from `list_backups`; the current file is moved aside, never
/// deleted) and opens the restored database. Async, so the copying runs off the main thread.
#[tauri::command]
pub async fn restore_backup(
    state: tauri::State<'_, AppState>,
    name: String,
) -> Result<AssessmentView, AppError> {
    state.restore_backup(&name)?;
    Ok(state.store()?.open_current(crate::clock::now())?)
}

/// Every organisation with its rounds, and the open round.
#[tauri::command]
pub fn rounds(state: tauri::State<'_, AppState>) -> Result<Rounds, AppError> {
    Ok(state.store()?.rounds()?)
}

/// Creates an organisation with a first round (on the catalog of the open round `catalog_of`)
/// and opens that round.
#[tauri::command]
pub fn create_organisation(
    state: tauri::State<'_, AppState>,
    name: String,
    catalog_of: AssessmentId,
) -> Result<AssessmentView, AppError> {
    let mut store = state.store()?;
    let ctx = crate::data_path::change_context(&store);
    Ok(flows::create_organisation(
        &mut store,
        &name,
        Some(catalog_of),
        &ctx,
    )?)
}

/// Renames an organisation.
#[tauri::command]
pub fn rename_organisation(
    state: tauri::State<'_, AppState>,
    organisation: OrganisationId,
    name: String,
) -> Result<(), AppError> {
    Ok(state.store()?.rename_organisation(organisation, &name)?)
}

/// Opens another round; it stays open after a restart.
#[tauri::command]
pub fn open_round(
    state: tauri::State<'_, AppState>,
    assessment: AssessmentId,
) -> Result<AssessmentView, AppError> {
    Ok(state.store()?.open_round(assessment)?)
}

/// Creates a round (optionally carrying another round's answers over) and opens it.
#[tauri::command]
pub fn create_round(
    state: tauri::State<'_, AppState>,
    round: NewRound,
) -> Result<AssessmentView, AppError> {
    let mut store = state.store()?;
    let ctx = crate::data_path::change_context(&store);
    Ok(flows::create_round(&mut store, &round, &ctx)?)
}

/// Renames a round and sets its reference date (peildatum); refused for a sealed round.
#[tauri::command]
pub fn edit_round(
    state: tauri::State<'_, AppState>,
    assessment: AssessmentId,
    edit: criteria::RoundEdit,
) -> Result<AssessmentView, AppError> {
    let mut store = state.store()?;
    let ctx = crate::data_path::change_context(&store);
    Ok(flows::edit_round(&mut store, assessment, &edit, &ctx)?)
}

/// Seals a round: read-only from now on, with a fingerprint of its contents.
#[tauri::command]
pub fn seal_round(
    state: tauri::State<'_, AppState>,
    assessment: AssessmentId,
    request: SealRequest,
) -> Result<Seal, AppError> {
    let mut store = state.store()?;
    let ctx = crate::data_path::change_context(&store);
    Ok(store.seal_round(assessment, &request, &ctx)?)
}

/// Reopens a sealed round; recorded in the round's log.
#[tauri::command]
pub fn unseal_round(
    state: tauri::State<'_, AppState>,
    assessment: AssessmentId,
) -> Result<(), AppError> {
    let mut store = state.store()?;
    let ctx = crate::data_path::change_context(&store);
    Ok(store.unseal_round(assessment, &ctx)?)
}

/// For a sealed round: whether its data still match the fingerprint.
#[tauri::command]
pub fn check_seal(
    state: tauri::State<'_, AppState>,
    assessment: AssessmentId,
) -> Result<Option<SealCheck>, AppError> {
    Ok(state.store()?.check_seal(assessment)?)
}

/// What happened to a round (created, sealed, reopened, moved), newest first.
#[tauri::command]
pub fn round_events(
    state: tauri::State<'_, AppState>,
    assessment: AssessmentId,
) -> Result<Vec<RoundEvent>, AppError> {
    Ok(state.store()?.round_events(assessment)?)
}

/// Compares two rounds of the same organisation.
#[tauri::command]
pub fn compare_rounds(
    state: tauri::State<'_, AppState>,
    from: AssessmentId,
    to: AssessmentId,
) -> Result<Comparison, AppError> {
    Ok(state.store()?.compare(from, to)?)
}

/// The improvement plan of a round, with overdue items judged on today's date.
#[tauri::command]
pub fn improvement_plan(
    state: tauri::State<'_, AppState>,
    assessment: AssessmentId,
) -> Result<ImprovementPlan, AppError> {
    Ok(state
        .store()?
        .improvement_plan(assessment, crate::data_path::today())?)
}

/// Asks where to save (native dialog, proposed name from organisation and round), writes the
/// workbook atomically and returns the path written; `None` when the user cancelled.
#[tauri::command]
pub async fn export_workbook<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: tauri::State<'_, AppState>,
    assessment: AssessmentId,
    compare_with: Option<AssessmentId>,
) -> Result<Option<String>, AppError> {
    // The proposed file name comes from the round; the dialog runs without the store locked.
    let view = state.store()?.assessment_view(assessment)?;
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
    flows::export_round(
        &*state.store()?,
        &flows::ExportRequest {
            round: assessment,
            compare_with,
            target: &path,
            exported_at: crate::clock::now(),
            program: PROGRAM,
        },
    )?;
    Ok(Some(path.display().to_string()))
}

/// Afdrukken: makes the report as a PDF in a folder of its own under the system's temporary
/// folder and opens it in the system's PDF viewer, so printing goes through the same document on
/// every OS. Returns the path of the PDF.
#[tauri::command]
pub async fn print_report<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: tauri::State<'_, AppState>,
    assessment: AssessmentId,
    choice: ReportChoice,
) -> Result<String, AppError> {
    use tauri_plugin_opener::OpenerExt;
    let folder = std::env::temp_dir().join("avg-borging-afdrukken");
    std::fs::create_dir_all(&folder).map_err(|source| criteria::Error::WriteFile {
        path: folder.clone(),
        source,
    })?;
    let path = {
        let store = state.store()?;
        let view = store.assessment_view(assessment)?;
        let name = export::report_file_name(&view, choice.document, ReportFormat::Pdf);
        let path = folder.join(name);
        flows::write_report(&store, &report_request(assessment, choice), &path)?;
        path
    };
    let shown = path.display().to_string();
    app.opener()
        .open_path(shown.clone(), None::<&str>)
        .map_err(|_| AppError::ViewerMissing(shown.clone()))?;
    Ok(shown)
}

/// Opslaan als PDF… / Opslaan als Word…: asks where (native dialog, proposed name from
/// organisation, document and round), writes the report atomically and returns the path;
/// `None` when the user cancelled.
#[tauri::command]
pub async fn save_report<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: tauri::State<'_, AppState>,
    assessment: AssessmentId,
    choice: ReportChoice,
    format: ReportFormat,
) -> Result<Option<String>, AppError> {
    let view = state.store()?.assessment_view(assessment)?;
    let (filter, extension) = match format {
        ReportFormat::Pdf => ("PDF-document", "pdf"),
        ReportFormat::Docx => ("Word-document", "docx"),
    };
    let picked = app
        .dialog()
        .file()
        .set_title(match format {
            ReportFormat::Pdf => "Rapport opslaan als PDF",
            ReportFormat::Docx => "Rapport opslaan als Word-document",
        })
        .set_file_name(export::report_file_name(&view, choice.document, format))
        .add_filter(filter, &[extension])
        .blocking_save_file();
    let Some(picked) = picked else {
        return Ok(None);
    };
    let mut path = picked.into_path().map_err(dialog_failed)?;
    if ReportFormat::of_file_name(&path) != Some(format) {
        // A name typed without (or with another) extension gets the chosen format's.
        let mut name = path.file_name().unwrap_or_default().to_os_string();
        name.push(format!(".{extension}"));
        path.set_file_name(name);
    }
    flows::write_report(&*state.store()?, &report_request(assessment, choice), &path)?;
    Ok(Some(path.display().to_string()))
}

/// The round that report would compare with by default: the organisation's previous round.
#[tauri::command]
pub fn previous_round(
    state: tauri::State<'_, AppState>,
    assessment: AssessmentId,
) -> Result<Option<AssessmentId>, AppError> {
    Ok(state.store()?.previous_round(assessment)?)
}

fn report_request(round: AssessmentId, choice: ReportChoice) -> flows::ReportRequest {
    flows::ReportRequest {
        round,
        choice,
        printed_on: crate::clock::now().date(),
    }
}

/// What is still incomplete in a round, shown before it is sealed.
#[tauri::command]
pub fn seal_readiness(
    state: tauri::State<'_, AppState>,
    assessment: AssessmentId,
) -> Result<criteria::SealReadiness, AppError> {
    let view = state.store()?.assessment_view(assessment)?;
    Ok(criteria::SealReadiness::of(&view))
}

/// Who works with the app (the first-start screen asks when `user_name` is empty).
#[tauri::command]
pub fn profile(
    state: tauri::State<'_, AppState>,
    assessment: AssessmentId,
) -> Result<criteria::Profile, AppError> {
    Ok(state
        .store()?
        .profile(assessment, &crate::data_path::os_user())?)
}

/// Saves the user's name and the organisation's name; returns the round as it is now.
#[tauri::command]
pub fn save_profile(
    state: tauri::State<'_, AppState>,
    assessment: AssessmentId,
    edit: criteria::ProfileEdit,
) -> Result<AssessmentView, AppError> {
    let mut store = state.store()?;
    store.save_profile(assessment, &edit)?;
    Ok(store.assessment_view(assessment)?)
}

/// The page's answer when the window is being closed: `close` once every edit is saved, or
/// `false` to keep the window open because a save failed (see closing.rs).
#[tauri::command]
pub fn finish_close<R: tauri::Runtime>(
    window: tauri::WebviewWindow<R>,
    closing: tauri::State<'_, crate::closing::Closing>,
    close: bool,
) -> Result<(), AppError> {
    crate::closing::finish(&window, &closing, close)
}
