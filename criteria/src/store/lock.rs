//! One writer at a time, across processes: the window and every command-line run.
//!
//! SQLite's own locks on Unix are POSIX record locks (`fcntl`). They belong to the *process*, and
//! closing *any* descriptor of the database file in that process drops them all ("How To Corrupt
//! An SQLite Database File", §2.2). GTK's file chooser opens and closes files to guess their type
//! inside the window's process, so merely showing the database's folder in the import dialog
//! dropped the window's locks; a command-line run then believed it was alone, checkpointed and
//! deleted the window's WAL, and the window went on writing into a deleted file.
//!
//! So the writer lock is a lock of our own on a sidecar file, taken with `File::lock` (`flock` on
//! Unix, `LockFileEx` on Windows). It belongs to the one open file description we keep, and no
//! stray `close()` of another descriptor can release it. Two sidecars:
//! - `<database>.lock`, the writer lock: held by the window for as long as it has the database
//!   open, and by a command-line run for its duration;
//! - `<database>.venster.lock`: held by the window only, so a command-line run can tell "the
//!   window is open" (refuse at once) from "another run is busy" (wait a moment).
//!
//! The sidecars are named after the database's canonical path (symlinks and `..` resolved), so
//! two spellings of one file share one lock.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::error::{Error, Result};

/// Who opens the database; decides what happens when someone else has it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opener {
    /// The window: holds the database for as long as it is open.
    Window,
    /// One command-line run (or a test, or a benchmark): refused while the window is open,
    /// waits a moment for another run to finish.
    CommandLine,
}

/// How long a command-line run waits for another run, or the window for a run, to finish.
pub const LOCK_WAIT: Duration = Duration::from_secs(30);

/// Poll interval while waiting; `File::lock` has no timeout of its own.
const POLL: Duration = Duration::from_millis(25);

/// The held lock(s); released when dropped.
#[derive(Debug)]
pub struct DatabaseLock {
    /// The writer lock's file, kept open: closing it is what releases the lock.
    _writer: File,
    /// The window's presence lock, for the window only.
    _window: Option<File>,
}

/// The sidecar files of the database at `db`: (writer lock, window lock).
pub fn lock_paths(db: &Path) -> (PathBuf, PathBuf) {
    let db = canonical(db);
    let mut writer = db.clone().into_os_string();
    writer.push(".lock");
    let mut window = db.into_os_string();
    window.push(".venster.lock");
    (PathBuf::from(writer), PathBuf::from(window))
}

/// The database path with symlinks and `..` resolved; for a file that does not exist yet its
/// folder is resolved and the name kept.
fn canonical(db: &Path) -> PathBuf {
    if let Ok(path) = std::fs::canonicalize(db) {
        return path;
    }
    let folder = db
        .parent()
        .filter(|f| !f.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    match (std::fs::canonicalize(folder), db.file_name()) {
        (Ok(folder), Some(name)) => folder.join(name),
        _ => db.to_owned(),
    }
}

fn open_sidecar(path: &Path) -> Result<File> {
    OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .map_err(|source| match source.kind() {
            // A folder nobody may write in: the database cannot be changed there either.
            std::io::ErrorKind::ReadOnlyFilesystem | std::io::ErrorKind::PermissionDenied => {
                Error::ReadOnly
            }
            _ => Error::LockFile {
                path: path.to_owned(),
                source,
            },
        })
}

/// Takes `file`'s exclusive lock, waiting up to `wait`. `Ok(false)` when it stayed taken.
fn lock_within(file: &File, path: &Path, wait: Duration) -> Result<bool> {
    let deadline = Instant::now() + wait;
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(true),
            Err(TryLockError::WouldBlock) if Instant::now() < deadline => std::thread::sleep(POLL),
            Err(TryLockError::WouldBlock) => return Ok(false),
            Err(TryLockError::Error(source)) => {
                return Err(Error::LockFile {
                    path: path.to_owned(),
                    source,
                });
            }
        }
    }
}

/// Whether the window lock in `file` is held (by a window). Looked at with a *shared* lock,
/// taken and released at once: command-line runs looking at the same moment do not see each
/// other as a window (an exclusive look did, and refused a run in one test in a few hundred).
fn window_holds(file: &File, path: &Path) -> Result<bool> {
    match file.try_lock_shared() {
        Ok(()) => {
            // Released at once so a starting window need not wait. A failure changes nothing:
            // every caller closes the file right after, which releases the lock as well. (Wine
            // reports ERROR_LOCK_VIOLATION for an unlock that did release the lock.)
            let _ = file.unlock();
            Ok(false)
        }
        Err(TryLockError::WouldBlock) => Ok(true),
        Err(TryLockError::Error(source)) => Err(Error::LockFile {
            path: path.to_owned(),
            source,
        }),
    }
}

/// How long a starting window waits for command-line runs that are just looking at its lock.
const WINDOW_LOOK: Duration = Duration::from_secs(2);

/// Whether a window of AVG-borging has the database at `db` open right now.
pub fn window_is_open(db: &Path) -> Result<bool> {
    let (_, window_path) = lock_paths(db);
    if !window_path.exists() {
        return Ok(false);
    }
    let file = open_sidecar(&window_path)?;
    window_holds(&file, &window_path)
}

impl DatabaseLock {
    /// Takes the lock(s) for `opener`, waiting up to `wait` for a command-line run to finish.
    /// A command-line run is refused at once while the window is open ([`Error::WindowOpen`]);
    /// a second window likewise; a lock still taken after `wait` is [`Error::Busy`].
    pub fn acquire(db: &Path, opener: Opener, wait: Duration) -> Result<DatabaseLock> {
        let (writer_path, window_path) = lock_paths(db);
        let window_file = open_sidecar(&window_path)?;
        let window = match opener {
            Opener::Window => {
                // Exclusive, for as long as the window runs; a moment's wait for runs that are
                // looking at it (shared) right now. Still taken: another window has it.
                if !lock_within(&window_file, &window_path, WINDOW_LOOK)? {
                    return Err(Error::WindowOpen);
                }
                Some(window_file)
            }
            Opener::CommandLine => {
                if window_holds(&window_file, &window_path)? {
                    return Err(Error::WindowOpen);
                }
                // Not kept while waiting: a window that starts meanwhile waits for this run.
                drop(window_file);
                None
            }
        };
        let writer = open_sidecar(&writer_path)?;
        if !lock_within(&writer, &writer_path, wait)? {
            return Err(if opener == Opener::CommandLine && window_is_open(db)? {
                Error::WindowOpen
            } else {
                Error::Busy
            });
        }
        Ok(DatabaseLock {
            _writer: writer,
            _window: window,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_writer_waits_and_a_window_refuses_the_command_line() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("gegevens.sqlite3");

        let run = DatabaseLock::acquire(&db, Opener::CommandLine, LOCK_WAIT).unwrap();
        assert!(!window_is_open(&db).unwrap());
        let started = Instant::now();
        let err = DatabaseLock::acquire(&db, Opener::CommandLine, Duration::from_millis(200))
            .unwrap_err();
        assert_eq!(err.code(), "busy");
        assert!(started.elapsed() >= Duration::from_millis(200), "it waited");
        drop(run);

        let window = DatabaseLock::acquire(&db, Opener::Window, LOCK_WAIT).unwrap();
        assert!(window_is_open(&db).unwrap());
        let started = Instant::now();
        let err = DatabaseLock::acquire(&db, Opener::CommandLine, LOCK_WAIT).unwrap_err();
        assert_eq!(err.code(), "window_open");
        assert!(started.elapsed() < LOCK_WAIT / 2, "refused at once");
        assert!(
            err.to_string()
                .contains("het venster van AVG-borging heeft de gegevens open"),
            "{err}"
        );
        let err = DatabaseLock::acquire(&db, Opener::Window, LOCK_WAIT).unwrap_err();
        assert_eq!(err.code(), "window_open", "a second window");
        drop(window);
        DatabaseLock::acquire(&db, Opener::CommandLine, LOCK_WAIT).unwrap();
    }

    #[test]
    fn runs_looking_at_the_window_lock_at_the_same_moment_do_not_see_a_window() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("gegevens.sqlite3");
        let (_, window_path) = lock_paths(&db);
        // A run in the middle of its look (shared) at the window lock…
        let looking = open_sidecar(&window_path).unwrap();
        looking.try_lock_shared().unwrap();
        // …is not a window to another run, which goes on to the writer lock.
        assert!(!window_is_open(&db).unwrap());
        let run = DatabaseLock::acquire(&db, Opener::CommandLine, LOCK_WAIT).unwrap();
        drop(run);
        // A window starting meanwhile waits for the look to end.
        let release = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(300));
            drop(looking);
        });
        let window = DatabaseLock::acquire(&db, Opener::Window, LOCK_WAIT).unwrap();
        release.join().unwrap();
        assert!(window_is_open(&db).unwrap());
        drop(window);
    }

    #[test]
    fn a_stray_close_of_another_descriptor_keeps_the_lock() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("gegevens.sqlite3");
        std::fs::write(&db, b"").unwrap();
        let window = DatabaseLock::acquire(&db, Opener::Window, LOCK_WAIT).unwrap();
        // What GTK's file chooser does in our process: open and close the files.
        let (writer_path, window_path) = lock_paths(&db);
        for path in [&db, &writer_path, &window_path] {
            drop(File::open(path).unwrap());
        }
        let err = DatabaseLock::acquire(&db, Opener::CommandLine, Duration::ZERO).unwrap_err();
        assert_eq!(err.code(), "window_open");
        drop(window);
    }

    #[cfg(unix)]
    #[test]
    fn another_spelling_of_the_path_shares_the_lock() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("gegevens.sqlite3");
        std::fs::write(&db, b"").unwrap();
        let link = dir.path().join("koppeling.sqlite3");
        std::os::unix::fs::symlink(&db, &link).unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        let dotted = dir.path().join("sub").join("..").join("gegevens.sqlite3");
        let _window = DatabaseLock::acquire(&db, Opener::Window, LOCK_WAIT).unwrap();
        for other in [&link, &dotted] {
            let err =
                DatabaseLock::acquire(other, Opener::CommandLine, Duration::ZERO).unwrap_err();
            assert_eq!(err.code(), "window_open", "{}", other.display());
        }
    }
}
