//! The SQLite store: one file per user, opened once, migrated on open.
//!
//! Durability settings: WAL with `synchronous=FULL` (no acknowledged change is lost on power loss),
//! foreign keys on, every write in one `BEGIN IMMEDIATE` transaction. A file written by a newer
//! version of the app is refused before anything is written to it.

mod answers;
mod assessments;
mod backup;
mod catalogs;
mod events;
#[cfg(test)]
mod fixtures;
mod import;
mod lock;
mod migrations;
mod organisations;
mod own_files;
mod profile;
mod rounds;
mod sealing;

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use time::OffsetDateTime;

use crate::error::{Error, Result};

pub use crate::model::{AnswerInput, ChangeContext, Seal};
pub use answers::HistoryEntry;
pub use backup::{
    BackupInfo, BackupReason, KEEP as BACKUPS_KEPT, backup_folder, list_backups, restore_backup,
};
pub use events::{RoundEvent, RoundEventKind};
pub use import::{DestinationKind, ImportDestination, ImportOutcome};
pub use lock::{DatabaseLock, LOCK_WAIT, Opener, lock_paths, window_is_open};
pub use own_files::FileUse;
pub use profile::{Profile, ProfileEdit};
pub use rounds::{NewRound, OrganisationRounds, RoundEdit, RoundSummary, Rounds};
pub use sealing::{SealCheck, SealRequest};

/// The schema version this build writes and understands.
pub const SCHEMA_VERSION: i64 = migrations::MIGRATIONS.len() as i64;

/// How long a write waits for another process holding the database before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// An open database of AVG-borging.
pub struct Store {
    /// Declared before the lock: fields drop in order, so the connection (and its checkpoint on
    /// close) is gone before the lock is released.
    conn: Connection,
    /// The database file; `None` in memory.
    path: Option<std::path::PathBuf>,
    /// The writer lock when this store took it itself (see [`Store::open`]).
    _lock: Option<DatabaseLock>,
}

impl Store {
    /// Opens (or creates) the database file at `path` for one command-line run (or a test):
    /// takes the writer lock first (refused at once while the window has the file open, waits
    /// up to [`LOCK_WAIT`] for another run), then brings the schema up to date. The lock is
    /// released when the store is dropped.
    pub fn open(path: &Path) -> Result<Store> {
        let lock = DatabaseLock::acquire(path, Opener::CommandLine, LOCK_WAIT)?;
        let mut store = Store::open_held(path, &lock)?;
        store._lock = Some(lock);
        Ok(store)
    }

    /// Opens (or creates) the database file at `path` while the caller holds its writer lock
    /// `lock` (the window keeps it across a restore of a backup). The schema is brought up to
    /// date.
    pub fn open_held(path: &Path, lock: &DatabaseLock) -> Result<Store> {
        // The lock is the proof that nobody else writes; it is not used otherwise.
        let _ = lock;
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|source| Error::Open {
            path: path.to_owned(),
            source,
        })?;
        Store::setup(conn, Some(path))
    }

    /// Opens the database at `path` only to read, without any lock, while the window has it
    /// open: for the command line's overview, rounds, compare, export and dry run. The
    /// connection is read-only and never checkpoints on close, so it cannot delete, truncate or
    /// rewrite the window's WAL (measured in `src-tauri/tests/cli.rs`, see
    /// docs/reliability.md). Refused when the file is not at this build's schema version.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
            | OpenFlags::SQLITE_OPEN_URI
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        // `readonly_shm`: the -shm is opened read-only too. A read-only connection otherwise
        // opens it read-write and, finding no other connection's lock on it (the window's POSIX
        // locks may have been dropped by a stray close), truncates and rebuilds it under the
        // window, whose mapping of it then faults (SIGBUS, seen in the crash harness).
        let conn = Connection::open_with_flags(read_only_uri(path), flags).map_err(|source| {
            Error::Open {
                path: path.to_owned(),
                source,
            }
        })?;
        conn.set_db_config(
            rusqlite::config::DbConfig::SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE,
            true,
        )?;
        conn.busy_timeout(BUSY_TIMEOUT)?;
        let found: i64 = conn
            .query_row("PRAGMA user_version", [], |row| row.get(0))
            .map_err(|err| match Error::from(err) {
                // No -shm to read yet: the window holds the lock but has not opened the file.
                Error::ReadOnly | Error::CannotOpen => Error::WindowOpen,
                other => other,
            })?;
        if found > SCHEMA_VERSION {
            return Err(Error::NewerSchema {
                found,
                supported: SCHEMA_VERSION,
            });
        }
        if found < SCHEMA_VERSION {
            // Only the window (which holds the lock) may migrate it; it does so when it opens.
            return Err(Error::WindowOpen);
        }
        Ok(Store {
            conn,
            path: Some(path.to_owned()),
            _lock: None,
        })
    }

    /// A private database in memory, for tests and dry runs.
    pub fn open_in_memory() -> Result<Store> {
        Store::setup(Connection::open_in_memory()?, None)
    }

    fn setup(conn: Connection, path: Option<&Path>) -> Result<Store> {
        let on_disk = path.is_some();
        conn.busy_timeout(BUSY_TIMEOUT)?;
        // Reading the version first also proves the file is a database at all, before any write.
        let found: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
        if found > SCHEMA_VERSION {
            return Err(Error::NewerSchema {
                found,
                supported: SCHEMA_VERSION,
            });
        }
        if on_disk && found > 0 {
            // A damaged file is refused as it is, never repaired or recreated.
            let check: String = conn.query_row("PRAGMA quick_check", [], |row| row.get(0))?;
            if check != "ok" {
                return Err(Error::NotADatabase);
            }
        }
        conn.pragma_update(None, "foreign_keys", true)?;
        if on_disk {
            let mode: String =
                conn.pragma_update_and_check(None, "journal_mode", "wal", |row| row.get(0))?;
            if !mode.eq_ignore_ascii_case("wal") {
                return Err(Error::Database(rusqlite::Error::InvalidQuery));
            }
        }
        conn.pragma_update(None, "synchronous", "FULL")?;
        // A page cache of up to 32 MB instead of 2 MB: a large import no longer spills pages to
        // the WAL halfway through its transaction. Pages are only held once read or written, so a
        // usual database of 300 criteria (well under 1 MB) costs no more memory than before.
        conn.pragma_update(None, "cache_size", -32_768)?;
        let mut store = Store {
            conn,
            path: path.map(Path::to_path_buf),
            _lock: None,
        };
        if found > 0 && found < SCHEMA_VERSION {
            store.backup(BackupReason::Migration, migration_moment())?;
        }
        store.migrate()?;
        Ok(store)
    }

    /// Applies the migrations this file has not seen yet, each in its own transaction.
    fn migrate(&mut self) -> Result<()> {
        loop {
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)?;
            // Read again inside the lock: another process may have migrated meanwhile.
            let version: i64 = tx.query_row("PRAGMA user_version", [], |row| row.get(0))?;
            if version > SCHEMA_VERSION {
                return Err(Error::NewerSchema {
                    found: version,
                    supported: SCHEMA_VERSION,
                });
            }
            let Some(sql) = usize::try_from(version)
                .ok()
                .and_then(|v| migrations::MIGRATIONS.get(v))
            else {
                return Ok(());
            };
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", version + 1)?;
            tx.commit()?;
        }
    }

    /// The schema version of the open file.
    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA user_version", [], |row| row.get(0))?)
    }

    /// Makes sure a new user can start at once: loads the example catalog, a first organisation
    /// and a first assessment when the database has none, and returns the assessment to open.
    pub fn ensure_started(&mut self, now: OffsetDateTime) -> Result<crate::AssessmentId> {
        // Read first: a started database needs no write (and a read-only store allows none).
        if let Some(current) = assessments::current(&self.conn)? {
            return Ok(current);
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        if let Some(current) = assessments::current(&tx)? {
            return Ok(current);
        }
        let catalog = match catalogs::first(&tx)? {
            Some(catalog) => catalog,
            None => catalogs::insert_example(&tx, now)?,
        };
        let organisation = assessments::first_or_create_organisation(&tx, now)?;
        let name = now.year().to_string();
        let assessment = assessments::create(&tx, organisation, catalog, &name, now)?;
        assessments::set_current(&tx, assessment)?;
        tx.commit()?;
        Ok(assessment)
    }

    /// The assessment to open on start (see [`Store::ensure_started`]) with everything the
    /// Beoordelen screen shows.
    pub fn open_current(&mut self, now: OffsetDateTime) -> Result<crate::AssessmentView> {
        let id = self.ensure_started(now)?;
        self.assessment_view(id)
    }

    /// The overview (counts per theme and in total) of one assessment.
    pub fn overview(&self, id: crate::AssessmentId) -> Result<crate::Overview> {
        Ok(crate::Overview::of(&self.assessment_view(id)?))
    }

    /// Everything the Beoordelen screen shows for one assessment.
    pub fn assessment_view(&self, id: crate::AssessmentId) -> Result<crate::AssessmentView> {
        crate::view::load(&self.conn, id)
    }
}

/// The moment in the name of the backup taken before a migration. The core's one clock read: the
/// backup's file name is not data of the user, and opening a file should not need a clock.
#[allow(
    clippy::disallowed_methods,
    reason = "only a backup file's name; see the comment above"
)]
fn migration_moment() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}

/// `file:` URI of `path` for a read-only open that never writes the -shm either.
fn read_only_uri(path: &Path) -> String {
    let text = path.to_string_lossy();
    let mut uri = String::from("file:");
    if text.as_bytes().get(1) == Some(&b':') {
        // "C:\\…": SQLite expects "file:/C:/…".
        uri.push('/');
    }
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                uri.push(char::from(byte));
            }
            // Windows paths: drive letter and separators as a URI expects them.
            b'\\' => uri.push('/'),
            b':' => uri.push(':'),
            other => uri.push_str(&format!("%{other:02X}")),
        }
    }
    uri.push_str("?mode=ro&readonly_shm=1");
    uri
}

impl Store {
    fn write<T>(&mut self, f: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let out = f(&tx)?;
        tx.commit()?;
        Ok(out)
    }

    /// Saves the answer to one criterion (replacing the previous content) with its history
    /// entry, in one transaction. Returns whether anything changed.
    pub fn save_answer(
        &mut self,
        assessment: crate::AssessmentId,
        criterion: crate::CriterionId,
        answer: &AnswerInput,
        ctx: &ChangeContext,
    ) -> Result<bool> {
        answers::check_justification(answer)?;
        self.write(|conn| {
            sealing::ensure_open(conn, assessment)?;
            answers::save(conn, assessment, criterion, answer, ctx)
        })
    }

    /// Sets the status of the criterion with `code` in round `assessment`; `note`, when given,
    /// becomes its justification. Other fields of the answer are kept.
    pub fn set_status(
        &mut self,
        assessment: crate::AssessmentId,
        code: &str,
        status: crate::Status,
        note: Option<&str>,
        ctx: &ChangeContext,
    ) -> Result<bool> {
        self.write(|conn| {
            sealing::ensure_open(conn, assessment)?;
            let (catalog, _) = assessments::catalog_and_organisation(conn, assessment)?;
            let criterion =
                *catalogs::criteria_by_code(conn, catalog)?
                    .get(code)
                    .ok_or(Error::NotFound {
                        what: "Het criterium met dit nummer",
                    })?;
            let mut answer = answers::load(conn, assessment, criterion)?.unwrap_or_default();
            answer.status = Some(status);
            if let Some(note) = note {
                note.clone_into(&mut answer.justification);
            }
            answers::check_justification(&answer)?;
            answers::save(conn, assessment, criterion, &answer, ctx)
        })
    }

    /// Who changed the answer to a criterion, and how; newest first.
    pub fn answer_history(
        &self,
        assessment: crate::AssessmentId,
        criterion: crate::CriterionId,
    ) -> Result<Vec<HistoryEntry>> {
        answers::history(&self.conn, assessment, criterion)
    }

    /// The round the window opens on start (its preference, kept in the file), if there is one
    /// (no example is loaded). Writes never read it: they take their round as an argument.
    pub fn current_assessment(&self) -> Result<Option<crate::AssessmentId>> {
        assessments::current(&self.conn)
    }

    /// [`Store::current_assessment`], as an error when there is none yet.
    pub fn current_round(&self) -> Result<crate::AssessmentId> {
        self.current_assessment()?.ok_or(Error::NotFound {
            what: "Een beoordeling",
        })
    }

    /// Writes a confirmed import in one transaction (see `ImportOutcome`).
    /// `round` is the round the user has open (see [`Store::apply_import`]).
    pub fn import_catalog(
        &mut self,
        round: Option<crate::AssessmentId>,
        draft: &crate::CatalogDraft,
        ctx: &ChangeContext,
    ) -> Result<ImportOutcome> {
        self.write(|conn| import::apply(conn, draft, import::Source::Workbook, round, None, ctx))
    }

    /// Confirms a dry run: refuses it when it has blocking findings, otherwise imports its catalog
    /// and answers and, when the user corrected the column mapping, remembers that mapping for
    /// files with the same headers. All in one transaction.
    ///
    /// `round` is the round the user has open (the window's, or the command line's `--round`);
    /// `None` only on a database without any round. The answers go into it when it is on the
    /// imported catalog (or is an empty round on the example catalog), otherwise into a new round
    /// of its organisation. The round the answers went into is the one the window opens next.
    pub fn apply_import(
        &mut self,
        round: Option<crate::AssessmentId>,
        plan: &crate::import::ImportPlan,
        ctx: &ChangeContext,
    ) -> Result<ImportOutcome> {
        self.apply_import_into(round, plan, None, ctx)
    }

    /// [`Store::apply_import`], with the name of the new round when one is made (`None`: named
    /// after the year, as [`Store::import_destination`] proposed).
    ///
    /// # Errors
    /// Besides those of [`Store::apply_import`]: [`Error::InvalidInput`] for an empty name or a
    /// name given when the answers go into an existing round, [`Error::NameTaken`] for a name
    /// the organisation already uses. Nothing is written then.
    pub fn apply_import_into(
        &mut self,
        round: Option<crate::AssessmentId>,
        plan: &crate::import::ImportPlan,
        new_round: Option<&str>,
        ctx: &ChangeContext,
    ) -> Result<ImportOutcome> {
        let source = source_of(plan);
        self.confirm(plan, BackupReason::Import, ctx, |conn| {
            import::apply(conn, &plan.catalog, source, round, new_round, ctx)
        })
    }

    /// Where [`Store::apply_import_into`] (or, with `moving`, [`Store::apply_import_upgrading`])
    /// would put the plan's criteria and answers for `round`, by the same rules and without
    /// writing: the existing round, or a new round with its proposed name (or `new_round`,
    /// checked as on confirming), and what the file brings.
    ///
    /// # Errors
    /// Those of checking `new_round` (see [`Store::apply_import_into`]); reading the store.
    pub fn import_destination(
        &self,
        round: Option<crate::AssessmentId>,
        plan: &crate::import::ImportPlan,
        new_round: Option<&str>,
        moving: bool,
        now: OffsetDateTime,
    ) -> Result<ImportDestination> {
        import::destination(
            &self.conn,
            &plan.catalog,
            source_of(plan),
            round,
            new_round,
            moving,
            now,
        )
    }

    /// What every confirmed dry run does: refuse it when it has blocking findings, take a
    /// backup, then in one transaction remember a corrected column mapping and run `apply`.
    fn confirm(
        &mut self,
        plan: &crate::import::ImportPlan,
        reason: BackupReason,
        ctx: &ChangeContext,
        apply: impl FnOnce(&Connection) -> Result<ImportOutcome>,
    ) -> Result<ImportOutcome> {
        let blocking = plan.blocking();
        if blocking > 0 {
            return Err(Error::ImportBlocked { count: blocking });
        }
        self.backup(reason, ctx.at)?;
        self.write(|conn| {
            if plan.mapping_source == crate::import::MappingSource::Given {
                import::remember_mapping(conn, &plan.header_signature, &plan.mapping, ctx.at)?;
            }
            let outcome = apply(conn)?;
            // The round's log says what came in, and from which file.
            let detail = format!(
                "{}: {} criteria, {}.",
                plan.file_name,
                outcome.criteria,
                outcome.answers_phrase()
            );
            events::log_event(
                conn,
                outcome.assessment,
                events::RoundEventKind::Imported,
                &detail,
                ctx,
            )?;
            Ok(outcome)
        })
    }

    /// When `draft` looks like another version of the catalog of `round` (same name, or at
    /// least half of its codes), what changed against the version in use; `None` otherwise.
    pub fn catalog_changes(
        &self,
        round: crate::AssessmentId,
        plan: &crate::import::ImportPlan,
    ) -> Result<Option<crate::CatalogChanges>> {
        let view = self.assessment_view(round)?;
        if plan.own_export || view.assessment.catalog_is_example {
            return Ok(None);
        }
        let (changes, continuations) = crate::catalog_changes::between(&view, &plan.catalog);
        let old_count = view.themes.iter().map(|t| t.criteria.len()).sum::<usize>();
        let same_name = view.assessment.catalog_name == plan.catalog.name;
        if changes.is_empty() || !(same_name || continuations.len() * 2 >= old_count.max(1)) {
            return Ok(None);
        }
        Ok(Some(changes))
    }

    /// Confirms a dry run of a newer catalog version and moves `round` to it: answers of
    /// unchanged criteria are carried over as they are, answers of reworded criteria are carried
    /// over marked for review, answers of removed criteria stay only in the history. The file's
    /// own answers are then applied. All in one transaction; the outcome holds the review list.
    pub fn apply_import_upgrading(
        &mut self,
        round: crate::AssessmentId,
        plan: &crate::import::ImportPlan,
        ctx: &ChangeContext,
    ) -> Result<ImportOutcome> {
        self.confirm(plan, BackupReason::Upgrade, ctx, |conn| {
            import::apply_upgrading(conn, &plan.catalog, round, ctx)
        })
    }

    /// Column mappings confirmed earlier, by header signature.
    pub fn remembered_mappings<T: serde::de::DeserializeOwned>(
        &self,
    ) -> Result<std::collections::BTreeMap<String, T>> {
        import::remembered_mappings(&self.conn)
    }

    /// Remembers a confirmed column mapping for files with the same headers.
    pub fn remember_mapping<T: serde::Serialize>(
        &mut self,
        signature: &str,
        mapping: &T,
        now: OffsetDateTime,
    ) -> Result<()> {
        self.write(|conn| import::remember_mapping(conn, signature, mapping, now))
    }
}

/// How a plan's rows relate to the catalog they go into.
fn source_of(plan: &crate::import::ImportPlan) -> import::Source {
    if plan.own_export {
        import::Source::OwnExport
    } else {
        import::Source::Workbook
    }
}

/// Formats a moment the way the store keeps it (RFC 3339, UTC).
pub(crate) fn timestamp(at: OffsetDateTime) -> String {
    at.to_offset(time::UtcOffset::UTC)
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_else(|_| at.unix_timestamp().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_read_only_uri_escapes_what_a_uri_would_read_differently() {
        assert_eq!(
            read_only_uri(Path::new("/home/fg/map #1/gegevens?.sqlite3")),
            "file:/home/fg/map%20%231/gegevens%3F.sqlite3?mode=ro&readonly_shm=1"
        );
        assert_eq!(
            read_only_uri(Path::new(r"C:\Users\fg\avg-borging.sqlite3")),
            "file:/C:/Users/fg/avg-borging.sqlite3?mode=ro&readonly_shm=1"
        );
    }
    use time::macros::datetime;

    #[test]
    fn migrations_apply_to_an_empty_database_and_are_idempotent() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("data.sqlite3");
        let store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        drop(store);
        let store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        let mode: String = store
            .conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
    }

    #[test]
    fn a_database_from_a_newer_version_is_refused_and_left_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("newer.sqlite3");
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 999;")
                .unwrap();
        }
        let before = std::fs::read(&path).unwrap();
        let err = Store::open(&path).err().unwrap();
        assert!(matches!(err, Error::NewerSchema { found: 999, .. }));
        assert!(err.to_string().contains("nieuwere versie"));
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }

    #[test]
    fn a_file_that_is_not_a_database_is_refused_and_left_unchanged() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.sqlite3");
        let content = b"Dit is een tekstbestand, geen database.\n".repeat(200);
        std::fs::write(&path, &content).unwrap();
        let err = Store::open(&path).err().unwrap();
        assert_eq!(err.code(), "not_a_database");
        assert_eq!(std::fs::read(&path).unwrap(), content);
    }

    #[test]
    fn an_older_database_is_backed_up_before_it_is_migrated() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("oud.sqlite3");
        {
            let conn = Connection::open(&path).unwrap();
            conn.execute_batch(migrations::MIGRATIONS[0]).unwrap();
            conn.execute_batch(
                "INSERT INTO organisation (name, created_at) VALUES ('Gemeente Oud', '2025-01-01T00:00:00Z');
                 PRAGMA user_version = 1;",
            )
            .unwrap();
        }
        let store = Store::open(&path).unwrap();
        assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
        let backups = store.backups().unwrap();
        assert_eq!(backups.len(), 1);
        assert_eq!(backups[0].reason, BackupReason::Migration);
        let copy = Connection::open(backup_folder(&path).join(&backups[0].name)).unwrap();
        let version: i64 = copy
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(
            version, 1,
            "the backup is of the database before the migration"
        );
        let name: String = copy
            .query_row("SELECT name FROM organisation", [], |r| r.get(0))
            .unwrap();
        assert_eq!(name, "Gemeente Oud");
        drop(store);
        let again = Store::open(&path).unwrap();
        assert_eq!(
            again.backups().unwrap().len(),
            1,
            "no backup when nothing migrates"
        );
    }

    #[test]
    fn a_damaged_database_is_refused_and_left_as_it_is() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kapot.sqlite3");
        {
            let mut store = Store::open(&path).unwrap();
            store
                .ensure_started(datetime!(2026-11-28 10:00 UTC))
                .unwrap();
            store
                .conn
                .execute_batch("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode = DELETE;")
                .unwrap();
        }
        let mut bytes = std::fs::read(&path).unwrap();
        assert!(bytes.len() > 8192);
        // Scribble over the pages after the first one (the schema page stays readable).
        for b in &mut bytes[4096..] {
            *b = 0x5a;
        }
        std::fs::write(&path, &bytes).unwrap();
        let err = Store::open(&path).err().expect("refused");
        assert_eq!(err.code(), "not_a_database");
        assert!(err.to_string().contains("reservekopie"));
        assert_eq!(
            std::fs::read(&path).unwrap(),
            bytes,
            "not repaired, not recreated"
        );
    }

    #[test]
    fn first_start_loads_the_example_and_a_second_start_reuses_it() {
        let mut store = Store::open_in_memory().unwrap();
        let now = datetime!(2026-11-28 10:00 UTC);
        let first = store.ensure_started(now).unwrap();
        let again = store.ensure_started(now).unwrap();
        assert_eq!(first, again);
        let view = store.assessment_view(first).unwrap();
        assert_eq!(view.assessment.name, "2026");
        assert!(view.assessment.catalog_is_example);
        let catalogs: i64 = store
            .conn
            .query_row("SELECT count(*) FROM catalog", [], |r| r.get(0))
            .unwrap();
        assert_eq!(catalogs, 1);
    }
}
