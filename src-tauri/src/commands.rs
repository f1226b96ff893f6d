//! The commands the window may call. Each is declared in `build.rs` and allowed in
//! `capabilities/main-window.json`; nothing else is reachable from the page.

use criteria::{AssessmentView, ErrorReport};
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
