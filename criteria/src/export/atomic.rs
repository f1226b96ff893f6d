//! Replacing a file atomically: a failed export leaves the previous file as it was.
//!
//! The bytes go into a new temporary file in the target's own folder (a rename is only atomic
//! within one file system), are flushed to disk, and the temporary file is then renamed over the
//! target. Whatever fails, the temporary file is removed again.

use std::ffi::OsStr;
use std::fs::{self, File, OpenOptions, Permissions};
use std::io::{self, ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Numbers temporary files within this process, so that two exports at the same moment (two
/// windows, a test run) never pick the same name.
static NEXT_TEMP: AtomicU64 = AtomicU64::new(0);

/// How many names to try before giving up; only stale files of a crashed earlier run with the
/// same process id can take names, so a few tries are plenty.
const MAX_ATTEMPTS: u32 = 100;

/// Writes `bytes` to `target` atomically. Refuses a `target` that is a folder or a read-only
/// file before anything is created.
pub(crate) fn write_file(target: &Path, bytes: &[u8]) -> io::Result<()> {
    let name = target
        .file_name()
        .ok_or_else(|| io::Error::new(ErrorKind::InvalidInput, "geen bestandsnaam"))?;
    let folder = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let permissions = match fs::metadata(target) {
        // Checked here because a rename over a folder fails differently per platform, and
        // this way the user is told what is wrong.
        Ok(meta) if meta.is_dir() => return Err(ErrorKind::IsADirectory.into()),
        // A read-only file is someone's way of saying "do not change": Windows refuses to
        // replace it and a rename on Unix would not even notice, so refuse everywhere.
        Ok(meta) if meta.permissions().readonly() => return Err(ErrorKind::PermissionDenied.into()),
        Ok(meta) => Some(meta.permissions()),
        Err(err) if err.kind() == ErrorKind::NotFound => None,
        Err(err) => return Err(err),
    };
    replace_via_temp(folder, name, target, bytes, permissions)
}

/// Creates the temporary file, fills it and renames it over `target`; removes it on failure.
/// `permissions` are the existing target's, kept so that a private file stays private.
fn replace_via_temp(
    folder: &Path,
    name: &OsStr,
    target: &Path,
    bytes: &[u8],
    permissions: Option<Permissions>,
) -> io::Result<()> {
    let (temp_path, file) = create_temp(folder, name)?;
    let result = fill_and_rename(file, &temp_path, target, bytes, permissions);
    if result.is_err() {
        // Best effort: the original error is the one worth reporting.
        let _ = fs::remove_file(&temp_path);
    }
    result?;
    sync_folder(folder);
    Ok(())
}

/// Creates `.{name}.tmp-{pid}-{n}` in `folder`, never opening an existing file.
fn create_temp(folder: &Path, name: &OsStr) -> io::Result<(PathBuf, File)> {
    let pid = std::process::id();
    let stem = temp_stem(name);
    for _ in 0..MAX_ATTEMPTS {
        let n = NEXT_TEMP.fetch_add(1, Ordering::Relaxed);
        let path = folder.join(format!(".{stem}.tmp-{pid}-{n}"));
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(file) => return Ok((path, file)),
            Err(err) if err.kind() == ErrorKind::AlreadyExists => continue,
            Err(err) => return Err(err),
        }
    }
    Err(io::Error::new(
        ErrorKind::AlreadyExists,
        "geen vrije naam voor een tijdelijk bestand",
    ))
}

/// The target's name as used in the temporary name: lossy is fine there, and it is shortened
/// so that the temporary name stays within the usual 255-byte limit of a file name.
fn temp_stem(name: &OsStr) -> String {
    const MAX_BYTES: usize = 120;
    let mut stem = String::new();
    for ch in name.to_string_lossy().chars() {
        if stem.len() + ch.len_utf8() > MAX_BYTES {
            break;
        }
        stem.push(ch);
    }
    stem
}

fn fill_and_rename(
    mut file: File,
    temp_path: &Path,
    target: &Path,
    bytes: &[u8],
    permissions: Option<Permissions>,
) -> io::Result<()> {
    file.write_all(bytes)?;
    if let Some(permissions) = permissions {
        // Some file systems (FAT on a USB stick, some network shares) cannot set permissions;
        // the export itself matters more than keeping them.
        let _ = file.set_permissions(permissions);
    }
    // On disk before the rename: otherwise a power cut could leave the new name pointing at
    // an empty file, with the previous export already gone.
    file.sync_all()?;
    // Closed before the rename: Windows cannot rename a file that is still open.
    drop(file);
    fs::rename(temp_path, target)
}

/// Makes the rename itself durable. Best effort: the new file is in place either way, and not
/// every platform or file system can sync a folder.
fn sync_folder(folder: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = File::open(folder) {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = folder;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_in(folder: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(folder)
            .expect("read folder")
            .map(|entry| {
                entry
                    .expect("entry")
                    .file_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        names.sort();
        names
    }

    #[test]
    fn a_new_file_is_written_and_an_existing_one_replaced() {
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("export.xlsx");
        write_file(&target, b"first").expect("write new");
        assert_eq!(fs::read(&target).expect("read"), b"first");
        write_file(&target, b"second").expect("replace");
        assert_eq!(fs::read(&target).expect("read"), b"second");
        assert_eq!(names_in(dir.path()), ["export.xlsx"]);
    }

    #[test]
    fn a_failed_rename_removes_the_temporary_file() {
        // The check for a folder in `write_file` comes first; this is the path where the
        // target turns into a folder between that check and the rename.
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("export.xlsx");
        fs::create_dir(&target).expect("folder in the way");
        fs::write(target.join("inside.txt"), b"keep").expect("file inside");
        let err = replace_via_temp(dir.path(), OsStr::new("export.xlsx"), &target, b"new", None)
            .expect_err("rename over a folder fails");
        assert_ne!(err.kind(), ErrorKind::AlreadyExists);
        assert_eq!(names_in(dir.path()), ["export.xlsx"]);
        assert_eq!(fs::read(target.join("inside.txt")).expect("read"), b"keep");
    }

    #[test]
    fn temporary_names_are_unique_and_never_reuse_an_existing_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (first, _f1) = create_temp(dir.path(), OsStr::new("a.xlsx")).expect("first");
        let (second, _f2) = create_temp(dir.path(), OsStr::new("a.xlsx")).expect("second");
        assert_ne!(first, second);
        let first_name = first
            .file_name()
            .expect("name")
            .to_string_lossy()
            .into_owned();
        assert!(first_name.starts_with(".a.xlsx.tmp-"), "{first_name}");
    }

    #[test]
    fn very_long_names_give_a_short_enough_temporary_name() {
        let long = "é".repeat(120);
        let stem = temp_stem(OsStr::new(&long));
        assert!(stem.len() <= 120);
        assert!(long.starts_with(&stem));
    }

    #[cfg(unix)]
    #[test]
    fn a_replaced_file_keeps_its_permissions_and_a_read_only_one_is_refused() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().expect("temp dir");
        let target = dir.path().join("private.xlsx");
        fs::write(&target, b"old").expect("write");
        fs::set_permissions(&target, Permissions::from_mode(0o600)).expect("chmod");
        write_file(&target, b"new").expect("replace");
        let mode = fs::metadata(&target).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);

        fs::set_permissions(&target, Permissions::from_mode(0o400)).expect("chmod");
        let err = write_file(&target, b"newer").expect_err("read-only is refused");
        assert_eq!(err.kind(), ErrorKind::PermissionDenied);
        assert_eq!(fs::read(&target).expect("read"), b"new");
        assert_eq!(names_in(dir.path()), ["private.xlsx"]);
    }
}
