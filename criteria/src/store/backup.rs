//! Automatic backups (reservekopieën) of the database file, and putting one back.
//!
//! A backup is a full copy made with SQLite's online backup API (consistent even while the app
//! runs), checked with `PRAGMA integrity_check` before it counts, in the folder `reservekopieen`
//! next to the database. They are taken before every import, catalog upgrade and migration, and on
//! the first start of a day; the newest [`KEEP`] are kept. Restoring never deletes anything: the
//! current file is moved aside first.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};
use serde::Serialize;
use time::OffsetDateTime;
use ts_rs::TS;

use super::Store;
use crate::error::{Error, Result};

/// How many backups are kept; older ones are removed after a new one was checked.
pub const KEEP: usize = 20;

/// Folder of the backups, next to the database file.
const FOLDER: &str = "reservekopieen";
const PREFIX: &str = "avg-borging-";
const SUFFIX: &str = ".sqlite3";

/// Why a backup was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BackupReason {
    /// Before an import.
    Import,
    /// Before moving a round to a new catalog version.
    Upgrade,
    /// Before the database was brought to a newer schema.
    Migration,
    /// The first start of the day.
    Daily,
}

impl BackupReason {
    fn as_str(self) -> &'static str {
        match self {
            BackupReason::Import => "import",
            BackupReason::Upgrade => "overstap",
            BackupReason::Migration => "migratie",
            BackupReason::Daily => "dagelijks",
        }
    }

    fn parse(text: &str) -> Option<BackupReason> {
        [
            BackupReason::Import,
            BackupReason::Upgrade,
            BackupReason::Migration,
            BackupReason::Daily,
        ]
        .into_iter()
        .find(|r| r.as_str() == text)
    }
}

/// One backup file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BackupInfo {
    /// Its file name; the only way to refer to it (never a path from the page).
    pub name: String,
    /// When it was taken, `YYYY-MM-DDTHH:MM:SSZ`.
    pub taken_at: String,
    /// Why.
    pub reason: BackupReason,
    /// Size in bytes.
    #[ts(type = "number")]
    pub bytes: u64,
}

/// The backup folder of the database at `db`.
pub fn backup_folder(db: &Path) -> PathBuf {
    db.parent().unwrap_or(Path::new(".")).join(FOLDER)
}

fn stamp(at: OffsetDateTime) -> String {
    let at = at.to_offset(time::UtcOffset::UTC);
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        at.year(),
        u8::from(at.month()),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

/// Reads `avg-borging-YYYYMMDDTHHMMSSZ-reason[-n].sqlite3`; anything else is not ours.
fn parse_name(name: &str) -> Option<(String, BackupReason)> {
    let rest = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    let (stamp, reason) = rest.split_once('-')?;
    let reason = reason.split('-').next()?;
    let b = stamp.as_bytes();
    if b.len() != 16 || b[8] != b'T' || b[15] != b'Z' {
        return None;
    }
    if !stamp[..8]
        .bytes()
        .chain(stamp[9..15].bytes())
        .all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let taken_at = format!(
        "{}-{}-{}T{}:{}:{}Z",
        &stamp[0..4],
        &stamp[4..6],
        &stamp[6..8],
        &stamp[9..11],
        &stamp[11..13],
        &stamp[13..15]
    );
    Some((taken_at, BackupReason::parse(reason)?))
}

fn backup_error(what: &str, err: impl std::fmt::Display) -> Error {
    Error::Backup {
        reason: format!("{what} ({err})"),
    }
}

/// The backups of the database at `db`, newest first.
pub fn list_backups(db: &Path) -> Result<Vec<BackupInfo>> {
    let folder = backup_folder(db);
    let entries = match std::fs::read_dir(&folder) {
        Ok(entries) => entries,
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(err) => {
            return Err(backup_error(
                "de map met reservekopieën kon niet worden gelezen",
                err,
            ));
        }
    };
    let mut out = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some((taken_at, reason)) = parse_name(&name) else {
            continue;
        };
        let Ok(meta) = entry.metadata() else { continue };
        if meta.is_file() {
            out.push(BackupInfo {
                name,
                taken_at,
                reason,
                bytes: meta.len(),
            });
        }
    }
    out.sort_by(|a, b| b.name.cmp(&a.name));
    Ok(out)
}

/// `PRAGMA integrity_check` of the file at `path`, opened read-only.
fn check_file(path: &Path) -> Result<()> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|err| backup_error("de reservekopie kon niet worden geopend", err))?;
    let result: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .map_err(|_| Error::NotADatabase)?;
    if result != "ok" {
        return Err(Error::Backup {
            reason: "de reservekopie is beschadigd (de controle van SQLite keurde haar af)".into(),
        });
    }
    Ok(())
}

/// Copies the open database `conn` into a new, checked backup file next to `db`.
pub(super) fn take(
    conn: &Connection,
    db: &Path,
    reason: BackupReason,
    now: OffsetDateTime,
) -> Result<BackupInfo> {
    let folder = backup_folder(db);
    std::fs::create_dir_all(&folder)
        .map_err(|err| backup_error("de map voor reservekopieën kon niet worden gemaakt", err))?;
    let base = format!("{PREFIX}{}-{}", stamp(now), reason.as_str());
    let mut name = format!("{base}{SUFFIX}");
    let mut n = 2;
    while folder.join(&name).exists() {
        name = format!("{base}-{n}{SUFFIX}");
        n += 1;
    }
    let target = folder.join(&name);
    let partial = folder.join(format!("{name}.deel"));
    let result = (|| {
        let mut out = Connection::open(&partial)
            .map_err(|err| backup_error("de reservekopie kon niet worden aangemaakt", err))?;
        rusqlite::backup::Backup::new(conn, &mut out)
            .and_then(|b| b.run_to_completion(256, Duration::ZERO, None))
            .map_err(|err| backup_error("het kopiëren naar de reservekopie mislukte", err))?;
        // A backup is a plain rollback-journal file: one file, nothing beside it.
        out.pragma_update(None, "journal_mode", "DELETE")
            .map_err(|err| backup_error("de reservekopie kon niet worden afgerond", err))?;
        drop(out);
        sync_file(&partial)
            .map_err(|err| backup_error("de reservekopie kon niet worden weggeschreven", err))?;
        check_file(&partial)?;
        std::fs::rename(&partial, &target)
            .map_err(|err| backup_error("de reservekopie kon geen naam krijgen", err))
    })();
    if let Err(err) = result {
        let _ = std::fs::remove_file(&partial);
        return Err(err);
    }
    rotate(db)?;
    let bytes = std::fs::metadata(&target).map(|m| m.len()).unwrap_or(0);
    Ok(BackupInfo {
        taken_at: parse_name(&name).map(|(at, _)| at).unwrap_or_default(),
        name,
        reason,
        bytes,
    })
}

/// Removes all but the newest [`KEEP`] backups.
fn rotate(db: &Path) -> Result<()> {
    let folder = backup_folder(db);
    for old in list_backups(db)?.into_iter().skip(KEEP) {
        let _ = std::fs::remove_file(folder.join(old.name));
    }
    Ok(())
}

/// Puts backup `name` back as the database at `db`. The current file (and its WAL) is moved
/// aside to `<db>.voor-herstel-<moment>` first, never deleted; returns where it went. The backup
/// is checked before anything is moved. The database must not be open.
pub fn restore_backup(db: &Path, name: &str, now: OffsetDateTime) -> Result<Option<PathBuf>> {
    let known = list_backups(db)?;
    if !known.iter().any(|b| b.name == name) {
        return Err(Error::NotFound {
            what: "Deze reservekopie",
        });
    }
    let source = backup_folder(db).join(name);
    check_file(&source)?;
    let file_name = db
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "avg-borging.sqlite3".into());
    let aside = db.with_file_name(format!("{file_name}.voor-herstel-{}", stamp(now)));
    let moved = if db.exists() {
        std::fs::rename(db, &aside).map_err(|err| {
            backup_error(
                "het huidige gegevensbestand kon niet opzij worden gezet",
                err,
            )
        })?;
        for suffix in ["-wal", "-shm"] {
            let side = db.with_file_name(format!("{file_name}{suffix}"));
            if side.exists() {
                let _ = std::fs::rename(
                    &side,
                    aside.with_file_name(format!(
                        "{}{suffix}",
                        aside
                            .file_name()
                            .map(|n| n.to_string_lossy().into_owned())
                            .unwrap_or_default()
                    )),
                );
            }
        }
        Some(aside)
    } else {
        None
    };
    let partial = db.with_file_name(format!("{file_name}.herstel"));
    let copied = std::fs::copy(&source, &partial)
        .and_then(|_| sync_file(&partial))
        .and_then(|()| std::fs::rename(&partial, db));
    if let Err(err) = copied {
        let _ = std::fs::remove_file(&partial);
        if let Some(aside) = &moved {
            let _ = std::fs::rename(aside, db);
        }
        return Err(backup_error(
            "de reservekopie kon niet worden teruggezet",
            err,
        ));
    }
    Ok(moved)
}

impl Store {
    /// Takes a checked backup now; `None` for a database in memory.
    pub fn backup(&self, reason: BackupReason, now: OffsetDateTime) -> Result<Option<BackupInfo>> {
        match &self.path {
            Some(path) => take(&self.conn, path, reason, now).map(Some),
            None => Ok(None),
        }
    }

    /// Takes the daily backup unless one of any kind was taken today (UTC) already.
    pub fn daily_backup(&self, now: OffsetDateTime) -> Result<Option<BackupInfo>> {
        let Some(path) = &self.path else {
            return Ok(None);
        };
        let today = stamp(now)[..8].to_owned();
        let done = list_backups(path)?
            .iter()
            .any(|b| b.name[PREFIX.len()..].starts_with(&today));
        if done {
            return Ok(None);
        }
        self.backup(BackupReason::Daily, now)
    }

    /// The backups of this database, newest first (none for a database in memory).
    pub fn backups(&self) -> Result<Vec<BackupInfo>> {
        match &self.path {
            Some(path) => list_backups(path),
            None => Ok(Vec::new()),
        }
    }
}

/// Flushes a written file to disk. Opened for writing: on Windows `FlushFileBuffers` needs write
/// access, and a read-only handle failed every backup there (`ERROR_ACCESS_DENIED`, issue 17).
fn sync_file(path: &Path) -> std::io::Result<()> {
    std::fs::OpenOptions::new()
        .write(true)
        .open(path)?
        .sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{ChangeContext, Status};
    use time::macros::datetime;

    fn ctx(at: OffsetDateTime) -> ChangeContext {
        ChangeContext {
            at,
            by: "fg".into(),
        }
    }

    #[test]
    fn a_backup_is_a_checked_copy_that_can_be_put_back() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("avg-borging.sqlite3");
        let at = datetime!(2026-11-28 10:00 UTC);
        let mut store = Store::open(&db).unwrap();
        store.ensure_started(at).unwrap();
        store
            .set_status(
                store.current_round().expect("a round"),
                "1.1",
                Status::Implemented,
                None,
                &ctx(at),
            )
            .unwrap();
        let backup = store.daily_backup(at).unwrap().expect("first of the day");
        assert_eq!(backup.reason, BackupReason::Daily);
        assert_eq!(backup.taken_at, "2026-11-28T10:00:00Z");
        assert!(store.daily_backup(at).unwrap().is_none(), "once a day");

        // A later change, then the file is damaged beyond use.
        store
            .set_status(
                store.current_round().expect("a round"),
                "1.2",
                Status::Open,
                None,
                &ctx(at),
            )
            .unwrap();
        drop(store);
        std::fs::write(&db, b"kapot".repeat(1000)).unwrap();
        assert!(Store::open(&db).is_err());

        let aside = restore_backup(&db, &backup.name, at)
            .unwrap()
            .expect("moved aside");
        assert_eq!(
            std::fs::read(&aside).unwrap(),
            b"kapot".repeat(1000),
            "nothing deleted"
        );
        let store = Store::open(&db).unwrap();
        let round = store.current_assessment().unwrap().unwrap();
        let view = store.assessment_view(round).unwrap();
        let c = &view.themes[0].criteria;
        assert_eq!(
            c[0].answer.as_ref().unwrap().status,
            Some(Status::Implemented)
        );
        assert!(
            c[1].answer.is_none(),
            "the backup is from before that change"
        );
    }

    #[test]
    fn only_the_newest_backups_are_kept_and_unknown_names_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("avg-borging.sqlite3");
        let store = Store::open(&db).unwrap();
        let start = datetime!(2026-11-01 08:00 UTC);
        for day in 0..(KEEP as i64 + 3) {
            store
                .backup(BackupReason::Import, start + time::Duration::days(day))
                .unwrap();
        }
        let list = store.backups().unwrap();
        assert_eq!(list.len(), KEEP);
        assert!(list[0].taken_at > list[KEEP - 1].taken_at, "newest first");
        std::fs::write(backup_folder(&db).join("notities.txt"), "x").unwrap();
        assert_eq!(
            store.backups().unwrap().len(),
            KEEP,
            "other files are ignored"
        );
        drop(store);
        let err = restore_backup(&db, "../avg-borging.sqlite3", start).unwrap_err();
        assert_eq!(err.code(), "not_found");
        let err = restore_backup(&db, "notities.txt", start).unwrap_err();
        assert_eq!(err.code(), "not_found");
    }

    #[test]
    fn a_damaged_backup_is_not_put_back_and_the_database_stays() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("avg-borging.sqlite3");
        let at = datetime!(2026-11-28 10:00 UTC);
        let store = Store::open(&db).unwrap();
        let backup = store.backup(BackupReason::Import, at).unwrap().unwrap();
        drop(store);
        std::fs::write(backup_folder(&db).join(&backup.name), b"geen database").unwrap();
        let before = std::fs::read(&db).unwrap();
        assert!(restore_backup(&db, &backup.name, at).is_err());
        assert_eq!(std::fs::read(&db).unwrap(), before);
    }
}
