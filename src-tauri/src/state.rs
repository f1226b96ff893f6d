//! What the window shares between commands: the open store, or why it could not be opened.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use criteria::import::ImportPlan;
use criteria::{ErrorReport, Store};

/// A workbook the user picked in the native dialog, with its latest dry run. The path stays here:
/// the page only ever sees the file name.
pub struct PendingImport {
    /// Where the file is.
    pub path: PathBuf,
    /// The latest dry run of it.
    pub plan: ImportPlan,
}

/// The app's state. Opening may fail (a newer or damaged file); the window then shows the reason
/// instead of crashing, and nothing is written to the file.
pub struct AppState {
    store: Result<Mutex<Store>, ErrorReport>,
    /// The import in progress in the Importeren wizard, if any.
    pub pending_import: Mutex<Option<PendingImport>>,
}

impl AppState {
    /// Opens the database at `path`, creating its folder when needed.
    pub fn open(path: std::io::Result<PathBuf>) -> AppState {
        let store = path
            .map_err(|err| ErrorReport {
                code: "no_data_folder".into(),
                message: format!(
                    "AVG-borging kon geen map voor zijn gegevens maken. Controleer of u in uw gebruikersmap mag schrijven, of wijs met AVG_BORGING_DB een ander bestand aan. ({err})"
                ),
            })
            .and_then(|path| Store::open(&path).map_err(|err| err.report()))
            .map(Mutex::new);
        AppState {
            store,
            pending_import: Mutex::new(None),
        }
    }

    /// Locks the pending import of the wizard.
    pub fn pending_import(&self) -> MutexGuard<'_, Option<PendingImport>> {
        // A panic mid-command leaves at worst a stale dry run, which the user can redo.
        self.pending_import
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Locks the store for one command.
    pub fn store(&self) -> Result<MutexGuard<'_, Store>, ErrorReport> {
        let mutex = self.store.as_ref().map_err(Clone::clone)?;
        // A poisoned lock means an earlier command panicked mid-way; SQLite rolled its
        // transaction back, so the store itself is still consistent and safe to use.
        Ok(mutex
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()))
    }
}
