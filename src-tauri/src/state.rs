//! What the window shares between commands: the open store, or why it could not be opened.

use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard};

use criteria::import::ImportPlan;
use criteria::{DatabaseLock, ErrorReport, LOCK_WAIT, Opener, Store};

use crate::error::AppError;

fn unavailable(report: &ErrorReport) -> AppError {
    AppError::Unavailable(report.clone())
}

/// A workbook the user picked in the native dialog, with its latest dry run. The path stays here:
/// the page only ever sees the file name.
pub struct PendingImport {
    /// Where the file is.
    pub path: PathBuf,
    /// The latest dry run of it.
    pub plan: ImportPlan,
}

/// The app's state. Opening may fail (a newer or damaged file, another window); the window then
/// shows the reason and the backups that can be put back, instead of crashing, and nothing is
/// written to the file.
pub struct AppState {
    /// Where the database is, when a data folder could be found.
    path: Result<PathBuf, ErrorReport>,
    /// Declared before `lock`: the store closes before the lock is released.
    store: Mutex<Result<Store, ErrorReport>>,
    /// The window's writer lock, held for as long as the window runs (also while a backup is
    /// put back), so no command-line run can write meanwhile.
    lock: Result<DatabaseLock, ErrorReport>,
    /// Why today's automatic backup failed, for the window to show.
    backup_problem: Mutex<Option<ErrorReport>>,
    /// The import in progress in the Importeren wizard, if any.
    pub pending_import: Mutex<Option<PendingImport>>,
}

fn no_data_folder(err: &std::io::Error) -> ErrorReport {
    ErrorReport {
        code: "no_data_folder".into(),
        message: format!(
            "AVG-borging kon geen map voor zijn gegevens maken. Controleer of u in uw gebruikersmap mag schrijven, of wijs met AVG_BORGING_DB een ander bestand aan. ({err})"
        ),
    }
}

/// Opens the store under the window's lock and takes the day's first backup. A failed backup
/// does not stop the work of the day; its reason is returned for the window to show (the next
/// import refuses to run without a backup).
fn open_store(
    path: &std::path::Path,
    lock: &DatabaseLock,
) -> (Result<Store, ErrorReport>, Option<ErrorReport>) {
    let store = match Store::open_held(path, lock) {
        Ok(store) => store,
        Err(err) => return (Err(err.report()), None),
    };
    let problem = store
        .daily_backup(crate::clock::now())
        .err()
        .map(|err| {
            let why = match &err {
                criteria::Error::Backup { reason } => format!(": {reason}"),
                _ => String::new(),
            };
            ErrorReport {
                code: "daily_backup_failed".into(),
                message: format!(
                    "De automatische reservekopie van vandaag is niet gelukt{why}. Uw gegevens zijn niet gewijzigd en u kunt gewoon verder werken. Importeren kan pas weer als er een reservekopie gemaakt kan worden: controleer of er ruimte is op de schijf en of u in de map van AVG-borging mag schrijven."
                ),
            }
        });
    (Ok(store), problem)
}

impl AppState {
    /// Takes the window's lock on the database at `path` (creating its folder when needed) and
    /// opens it.
    pub fn open(path: std::io::Result<PathBuf>) -> AppState {
        let path = path.map_err(|err| no_data_folder(&err));
        let lock = path.clone().and_then(|path| {
            DatabaseLock::acquire(&path, Opener::Window, LOCK_WAIT).map_err(|err| err.report())
        });
        let (store, problem) = match (&path, &lock) {
            (Ok(path), Ok(lock)) => open_store(path, lock),
            (Err(report), _) | (_, Err(report)) => (Err(report.clone()), None),
        };
        AppState {
            path,
            store: Mutex::new(store),
            lock,
            backup_problem: Mutex::new(problem),
            pending_import: Mutex::new(None),
        }
    }

    /// Why today's automatic backup failed, if it did.
    pub fn backup_problem(&self) -> Option<ErrorReport> {
        self.backup_problem
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .clone()
    }

    /// Locks the pending import of the wizard.
    pub fn pending_import(&self) -> MutexGuard<'_, Option<PendingImport>> {
        // A panic mid-command leaves at worst a stale dry run, which the user can redo.
        self.pending_import
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn slot(&self) -> MutexGuard<'_, Result<Store, ErrorReport>> {
        // A poisoned lock means an earlier command panicked mid-way; SQLite rolled its
        // transaction back, so the store itself is still consistent and safe to use.
        self.store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Locks the store for one command.
    pub fn store(&self) -> Result<StoreGuard<'_>, AppError> {
        let guard = self.slot();
        if let Err(report) = &*guard {
            return Err(AppError::Unavailable(report.clone()));
        }
        Ok(StoreGuard(guard))
    }

    /// The backups of the database, newest first (also when it could not be opened).
    pub fn backups(&self) -> Result<Vec<criteria::BackupInfo>, AppError> {
        let path = self.path.as_ref().map_err(unavailable)?;
        if self.lock.is_err() {
            // Another window has the file: putting a backup back is its business, not ours.
            return Ok(Vec::new());
        }
        Ok(criteria::list_backups(path)?)
    }

    /// Closes the database, puts backup `name` back (the current file is moved aside, never
    /// deleted) and opens it again; the window's lock is held throughout.
    pub fn restore_backup(&self, name: &str) -> Result<(), AppError> {
        let path = self.path.as_ref().map_err(unavailable)?;
        let lock = self.lock.as_ref().map_err(unavailable)?;
        let mut slot = self.slot();
        // Close the file first: SQLite must not hold it while it is replaced.
        *slot = Err(ErrorReport {
            code: "restoring".into(),
            message: "Er wordt een reservekopie teruggezet. Wacht even.".into(),
        });
        let restored = criteria::restore_backup(path, name, crate::clock::now());
        let (store, problem) = open_store(path, lock);
        *slot = store;
        *self
            .backup_problem
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = problem;
        restored?;
        Ok(())
    }
}

/// The locked, open store.
pub struct StoreGuard<'a>(MutexGuard<'a, Result<Store, ErrorReport>>);

impl std::ops::Deref for StoreGuard<'_> {
    type Target = Store;
    fn deref(&self) -> &Store {
        match &*self.0 {
            Ok(store) => store,
            // `AppState::store` only hands out a guard over an open store.
            Err(_) => unreachable!("StoreGuard over a store that is not open"),
        }
    }
}

impl std::ops::DerefMut for StoreGuard<'_> {
    fn deref_mut(&mut self) -> &mut Store {
        match &mut *self.0 {
            Ok(store) => store,
            Err(_) => unreachable!("StoreGuard over a store that is not open"),
        }
    }
}
