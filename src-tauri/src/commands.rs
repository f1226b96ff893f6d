//! The commands the window may call. Each is declared in `build.rs` and allowed in
//! `capabilities/main-window.json`; nothing else is reachable from the page.

use criteria::{
    AnswerInput, AssessmentId, AssessmentView, ChangeContext, CriterionId, ErrorReport,
    HistoryEntry, Overview,
};
use time::OffsetDateTime;

use crate::state::AppState;

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
        .save_answer(assessment, criterion, &answer, &change_context())
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

fn change_context() -> ChangeContext {
    ChangeContext {
        at: OffsetDateTime::now_utc(),
        by: crate::data_path::user_name(),
    }
}
