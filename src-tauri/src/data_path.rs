//! Where the data lives and who writes it. The window and the command line use the same file.

use std::path::PathBuf;

/// The app's identifier, as in `tauri.conf.json`; names the data folder.
const IDENTIFIER: &str = "nl.avg-borging.desktop";

/// File name of the database in the data folder.
const DATABASE_FILE: &str = "avg-borging.sqlite3";

/// `AVG_BORGING_DB` when set; otherwise the database in the user's *local* data folder (on Windows
/// the roaming profile is often redirected to a network share, where SQLite's WAL does not work).
/// Creates the folder when it does not exist yet.
pub fn database_path() -> std::io::Result<PathBuf> {
    let path = match std::env::var_os("AVG_BORGING_DB") {
        Some(path) if !path.is_empty() => PathBuf::from(path),
        _ => dirs::data_local_dir()
            .ok_or_else(|| std::io::Error::other("geen lokale gegevensmap gevonden"))?
            .join(IDENTIFIER)
            .join(DATABASE_FILE),
    };
    if let Some(folder) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(folder)?;
    }
    Ok(path)
}

/// The operating system's user name: who signs a change when the user gave no name.
pub fn os_user() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|var| std::env::var(var).ok().filter(|v| !v.trim().is_empty()))
        .unwrap_or_else(|| "onbekend".to_owned())
}

/// Who makes a change and when, for the history and the round log: the name the user gave
/// (first-start screen), else the operating system's user; now.
pub fn change_context(store: &criteria::Store) -> criteria::ChangeContext {
    let fallback = os_user();
    criteria::ChangeContext {
        at: crate::clock::now(),
        // Reading one app_state row does not fail in practice; if it does, the change is
        // still signed, by the OS user.
        by: store.author(&fallback).unwrap_or(fallback),
    }
}

/// Today's date on this computer, for "overdue" in the plan.
pub fn today() -> time::Date {
    crate::clock::now().date()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identifier_matches_the_tauri_config() {
        let config: serde_json::Value =
            serde_json::from_str(include_str!("../tauri.conf.json")).unwrap();
        assert_eq!(config["identifier"], IDENTIFIER);
    }
}
