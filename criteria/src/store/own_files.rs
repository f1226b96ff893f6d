//! The store's own files, and refusing them when a user picks one in a dialog.
//!
//! Opening the database file through a second descriptor in the window's process, even only to
//! read it as a workbook, drops SQLite's POSIX locks of the whole process (see `lock.rs`). So a
//! picked path is compared with the database, its `-wal`/`-shm`/`-journal`, the lock files and
//! the backup folder *before* anything opens it. The comparison is by file identity (device and
//! inode on Unix, from `stat`, which opens nothing), so symlinks, hard links, `..` and other
//! spellings are caught; a name is only compared for a file that does not exist yet.

use std::path::{Path, PathBuf};

use super::Store;
use crate::error::{Error, Result};

/// What the user wants to do with a picked file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileUse {
    /// Read it as a workbook (Importeren).
    Import,
    /// Write an export to it (Exporteren).
    Export,
}

/// The identity of an existing file or folder.
#[cfg(unix)]
fn identity(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    // `metadata` is `stat`: it follows symlinks and opens nothing.
    std::fs::metadata(path).ok().map(|m| (m.dev(), m.ino()))
}

/// The identity of an existing file or folder. (File ids are not stable in std on Windows; the
/// resolved path, case-folded as NTFS compares names, stands in. Windows has no POSIX locks to
/// lose, so this check is about not overwriting, not about locks.)
#[cfg(not(unix))]
fn identity(path: &Path) -> Option<String> {
    std::fs::canonicalize(path)
        .ok()
        .map(|p| p.to_string_lossy().to_lowercase())
}

/// Every file of the store at `db` (existing or not), and its backup folder.
fn own_files(db: &Path) -> (Vec<PathBuf>, PathBuf) {
    let with = |suffix: &str| {
        let mut name = db.as_os_str().to_owned();
        name.push(suffix);
        PathBuf::from(name)
    };
    let (writer_lock, window_lock) = super::lock_paths(db);
    let files = vec![
        db.to_owned(),
        with("-wal"),
        with("-shm"),
        with("-journal"),
        writer_lock,
        window_lock,
    ];
    (files, super::backup_folder(db))
}

fn folder_of(path: &Path) -> &Path {
    path.parent()
        .filter(|f| !f.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Whether `target` is (or, once written, would be) one of the files of the store at `db`.
pub(crate) fn is_own_file(db: &Path, target: &Path) -> bool {
    let (files, backups) = own_files(db);
    let backups_id = identity(&backups);
    let in_backups = |folder: &Path| backups_id.is_some() && identity(folder) == backups_id;
    if let Some(id) = identity(target)
        && (files.iter().any(|f| identity(f).as_ref() == Some(&id))
            || Some(&id) == backups_id.as_ref())
    {
        return true;
    }
    // Also for a file not there yet (an export target): its folder decides, and in the
    // database's folder a name that starts with the database's name (its journal or lock file
    // to be, or a file moved aside by a restore).
    let folder = folder_of(target);
    if in_backups(folder) {
        return true;
    }
    let same_folder = identity(folder).is_some() && identity(folder) == identity(folder_of(db));
    let name = |p: &Path| {
        p.file_name()
            .map(|n| n.to_string_lossy().to_lowercase())
            .unwrap_or_default()
    };
    same_folder && !name(target).is_empty() && name(target).starts_with(&name(db))
}

impl Store {
    /// Refuses a path the user picked for `usage` when it is one of the store's own files (the
    /// database, its journal or lock files, a backup); call it before anything opens the path.
    pub fn refuse_own_file(&self, target: &Path, usage: FileUse) -> Result<()> {
        let Some(db) = &self.path else {
            return Ok(());
        };
        if !is_own_file(db, target) {
            return Ok(());
        }
        let reason = match usage {
            FileUse::Import => {
                "U koos een bestand van AVG-borging zelf (het gegevensbestand, een hulpbestand ervan of een reservekopie). Dat is geen werkmap met criteria en wordt niet geopend. Kies de Excel- of OpenDocument-werkmap met de criteria."
            }
            FileUse::Export => {
                "Hier staan de gegevens van AVG-borging zelf; een export mag die niet overschrijven. Kies een andere naam of map, bijvoorbeeld uw map Documenten."
            }
        };
        Err(Error::OwnFile {
            reason: reason.into(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_database_and_its_files_are_refused_under_any_spelling() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("avg-borging.sqlite3");
        let store = Store::open(&db).unwrap();
        store
            .backup(
                super::super::BackupReason::Import,
                time::macros::datetime!(2026-11-30 10:00 UTC),
            )
            .unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        let mut refused = vec![
            db.clone(),
            dir.path().join("avg-borging.sqlite3-wal"),
            dir.path().join("avg-borging.sqlite3.lock"),
            dir.path().join("avg-borging.sqlite3.venster.lock"),
            dir.path()
                .join("sub")
                .join("..")
                .join("avg-borging.sqlite3"),
            // Not there yet, but it would be the journal.
            dir.path().join("avg-borging.sqlite3-journal"),
            super::super::backup_folder(&db).join("nieuw.xlsx"),
        ];
        for backup in store.backups().unwrap() {
            refused.push(super::super::backup_folder(&db).join(backup.name));
        }
        #[cfg(unix)]
        {
            let link = dir.path().join("werkmap.xlsx");
            std::os::unix::fs::symlink(&db, &link).unwrap();
            let hard = dir.path().join("sub").join("criteria.xlsx");
            std::fs::hard_link(&db, &hard).unwrap();
            refused.extend([link, hard]);
        }
        for path in &refused {
            for usage in [FileUse::Import, FileUse::Export] {
                let err = store.refuse_own_file(path, usage).unwrap_err();
                assert_eq!(err.code(), "own_file", "{}", path.display());
            }
        }
        let err = store.refuse_own_file(&db, FileUse::Import).unwrap_err();
        assert!(err.to_string().contains("wordt niet geopend"), "{err}");

        for fine in [
            dir.path().join("beoordeling 2026.xlsx"),
            dir.path().join("sub").join("avg-borging.sqlite3.xlsx"),
        ] {
            store.refuse_own_file(&fine, FileUse::Export).unwrap();
            store.refuse_own_file(&fine, FileUse::Import).unwrap();
        }
    }
}
