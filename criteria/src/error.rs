//! The one error type of the core. Every message is Dutch, says what happened and what to do next,
//! and is safe to show to a user as it is. The UI switches on [`Error::code`], never on the text.

use std::path::PathBuf;

use serde::Serialize;
use ts_rs::TS;

/// Result with the core's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in the core.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The folder or file of the database could not be opened or created.
    #[error(
        "Het gegevensbestand {} kon niet worden geopend. Controleer of de map bestaat en of u er mag schrijven.",
        path.display()
    )]
    Open {
        /// The database file that was asked for.
        path: PathBuf,
        /// What the operating system or SQLite reported.
        #[source]
        source: rusqlite::Error,
    },

    /// The file exists but is not an SQLite database, or it is damaged. It was left as it is.
    #[error(
        "Dit bestand is geen gegevensbestand van AVG-borging, of het is beschadigd. Het bestand is niet gewijzigd. Zet een reservekopie terug (AVG-borging maakt die automatisch, in de map reservekopieen naast het gegevensbestand) of neem contact op met uw beheerder."
    )]
    NotADatabase,

    /// The database was written by a newer version of the app; this version refuses to touch it.
    #[error(
        "Dit gegevensbestand is gemaakt met een nieuwere versie van AVG-borging (schemaversie {found}; deze versie kent tot en met {supported}). Het bestand is niet gewijzigd. Installeer de nieuwste versie van AVG-borging om het te openen."
    )]
    NewerSchema {
        /// The schema version found in the file.
        found: i64,
        /// The newest schema version this build knows.
        supported: i64,
    },

    /// Another window or process holds the database and did not let go in time.
    #[error(
        "De gegevens zijn op dit moment in gebruik door een ander venster of programma van AVG-borging. Sluit dat andere venster of wacht even, en probeer het opnieuw."
    )]
    Busy,

    /// A window of AVG-borging has the database open: a command-line run that would write, or a
    /// second window, is refused at once. Nothing was changed.
    #[error(
        "De gegevens zijn in gebruik: het venster van AVG-borging heeft de gegevens open; sluit het of gebruik het venster. Er is niets gewijzigd."
    )]
    WindowOpen,

    /// The lock file next to the database (which makes sure only one program writes at a time)
    /// could not be created or locked. Nothing was changed.
    #[error(
        "AVG-borging kon het gegevensbestand niet voor zich alleen openen: het hulpbestand {} kon niet worden gemaakt of vergrendeld ({}). Er is niets gewijzigd. Controleer of u in die map mag schrijven, of neem contact op met uw beheerder.",
        path.display(), io_reason(source)
    )]
    LockFile {
        /// The lock file.
        path: PathBuf,
        /// What the operating system reported.
        #[source]
        source: std::io::Error,
    },

    /// A file the user picked is one of AVG-borging's own files (the database, its journal,
    /// its lock files or a backup). It was not opened. `reason` is a complete Dutch sentence.
    #[error("{reason} Er is niets gewijzigd.")]
    OwnFile {
        /// What the user picked and what to do instead, in Dutch.
        reason: String,
    },

    /// The disk is full: the change was not saved, earlier data is intact.
    #[error(
        "De schijf is vol. De laatste wijziging is niet opgeslagen; eerdere gegevens zijn onveranderd. Maak ruimte vrij en probeer het opnieuw."
    )]
    DiskFull,

    /// The database file cannot be written: it lies on a read-only disk or share, or the
    /// operating system refuses to open it for writing. Nothing was changed.
    #[error(
        "AVG-borging mag het gegevensbestand niet wijzigen: het staat op een schijf of in een map die alleen gelezen kan worden. Er is niets gewijzigd. Zet het bestand op een plek waar u mag schrijven (bijvoorbeeld uw eigen map), of neem contact op met uw beheerder."
    )]
    ReadOnly,

    /// Writing to the disk failed for another reason than a full disk: the file grew beyond
    /// what the disk or a quota allows, or the disk went away. Earlier data is intact.
    #[error(
        "De gegevens konden niet naar de schijf worden geschreven: de schijf is vol, het bestand is te groot voor deze schijf of de schijf is niet meer bereikbaar. De laatste wijziging is niet opgeslagen; eerdere gegevens zijn onveranderd. Maak ruimte vrij of controleer de schijf en probeer het opnieuw."
    )]
    WriteFailed,

    /// A record that the caller referred to does not exist (any more).
    #[error("{what} is niet gevonden. Mogelijk is het intussen verwijderd.")]
    NotFound {
        /// What was looked for, in Dutch, e.g. "De beoordeling".
        what: &'static str,
    },

    /// Niet van toepassing was chosen without saying why.
    #[error(
        "Bij \"Niet van toepassing\" hoort een onderbouwing: leg kort uit waarom dit criterium niet geldt. Er is niets gewijzigd."
    )]
    JustificationRequired,

    /// A workbook was refused before anything was imported: too large, not a workbook, damaged,
    /// protected, or without a recognisable criteria sheet. `reason` is a complete Dutch sentence.
    #[error("Dit bestand kan niet worden ingelezen: {reason} Er is niets geïmporteerd.")]
    FileRefused {
        /// What is wrong and what the user can do, in Dutch.
        reason: String,
    },

    /// An import dry run found problems that must be solved first (see its findings).
    #[error(
        "De import is niet uitgevoerd: de proefimport vond blokkerende problemen (aantal: {count}). Los ze op in het bestand of pas de kolomindeling aan en probeer het opnieuw."
    )]
    ImportBlocked {
        /// How many blocking findings there were.
        count: usize,
    },

    /// Writing a file (an export) failed; a previous file with that name is unchanged.
    #[error(
        "Het bestand {} kon niet worden opgeslagen: {}. Een eerder bestand met die naam is niet gewijzigd. Kies een andere map of maak ruimte vrij en probeer het opnieuw.",
        path.display(), io_reason(source)
    )]
    WriteFile {
        /// The file that was to be written.
        path: PathBuf,
        /// What the operating system reported.
        #[source]
        source: std::io::Error,
    },

    /// The workbook writer failed while building the file; nothing was saved.
    #[error(
        "Het Excel-bestand kon niet worden samengesteld ({0}). Er is niets opgeslagen. Probeer het opnieuw; blijft dit gebeuren, neem dan contact op met uw beheerder."
    )]
    Workbook(String),

    /// The report could not be laid out or written as PDF or Word; nothing was saved. A bug,
    /// never the user's data: every text reaches the layout as data.
    #[error(
        "Het rapport kon niet worden opgemaakt ({0}). Er is niets opgeslagen. Probeer het opnieuw; blijft dit gebeuren, neem dan contact op met uw beheerder."
    )]
    Report(String),

    /// The round is sealed (vastgesteld) and therefore read-only.
    #[error(
        "De beoordeling \u{201c}{round}\u{201d} is vastgesteld en kan niet meer worden gewijzigd. Er is niets gewijzigd. Moet er toch iets veranderen, heropen de beoordeling dan onder Rondes (dat wordt vastgelegd), of begin een nieuwe ronde."
    )]
    Sealed {
        /// Name of the sealed round.
        round: String,
    },

    /// A name that must be unique (an organisation, a round of one organisation) is taken.
    #[error(
        "De naam \u{201c}{name}\u{201d} is al in gebruik. Kies een andere naam; er is niets gewijzigd."
    )]
    NameTaken {
        /// The name that was asked for.
        name: String,
    },

    /// Input from the user that cannot be used as it is (an empty name, a date that does not
    /// exist, two rounds of different organisations). `reason` is a complete Dutch sentence.
    #[error("{reason} Er is niets gewijzigd.")]
    InvalidInput {
        /// What is wrong and what to do, in Dutch.
        reason: String,
    },

    /// A backup (reservekopie) could not be made, checked or put back. Nothing was changed.
    #[error(
        "Er kon geen reservekopie worden gemaakt of teruggezet: {reason}. Er is niets gewijzigd. Maak ruimte vrij op de schijf of controleer of u in de map van AVG-borging mag schrijven, en probeer het opnieuw."
    )]
    Backup {
        /// What went wrong, in Dutch.
        reason: String,
    },

    /// The database file (or the folder it is in) could not be opened, for another reason than
    /// a read-only location: the folder is gone, or the file is not a regular file.
    #[error(
        "Het gegevensbestand kon niet worden geopend: de map bestaat niet (meer) of het bestand is geen gewoon bestand. Er is niets gewijzigd. Controleer waar het gegevensbestand staat, of zet een reservekopie terug."
    )]
    CannotOpen,

    /// Something stored by AVG-borging itself (an answer's history, a remembered column mapping,
    /// a round's log) could not be written or read back as expected. Nothing was changed.
    #[error(
        "AVG-borging kon {what} niet lezen of opslaan; er is niets gewijzigd. Neem contact op met uw beheerder en noem deze melding: {detail}"
    )]
    StoredData {
        /// What, in Dutch, e.g. "de geschiedenis van een antwoord".
        what: &'static str,
        /// What failed, for the administrator.
        detail: String,
    },

    /// Any other SQLite failure. The transaction was rolled back, so nothing was half-written.
    #[error(
        "Er ging iets mis bij het lezen of opslaan van de gegevens; er is niets half opgeslagen. Probeer het opnieuw. Blijft dit gebeuren, neem dan contact op met uw beheerder en noem deze melding: {0}"
    )]
    Database(#[source] rusqlite::Error),
}

impl Error {
    /// A stable, machine-readable code for the UI and scripts.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Open { .. } => "open_failed",
            Error::NotADatabase => "not_a_database",
            Error::NewerSchema { .. } => "newer_schema",
            Error::Busy => "busy",
            Error::WindowOpen => "window_open",
            Error::LockFile { .. } => "lock_failed",
            Error::OwnFile { .. } => "own_file",
            Error::DiskFull => "disk_full",
            Error::ReadOnly => "read_only",
            Error::WriteFailed => "io_failed",
            Error::NotFound { .. } => "not_found",
            Error::JustificationRequired => "justification_required",
            Error::FileRefused { .. } => "file_refused",
            Error::ImportBlocked { .. } => "import_blocked",
            Error::WriteFile { .. } => "write_failed",
            Error::Workbook(_) => "workbook",
            Error::Report(_) => "report",
            Error::Sealed { .. } => "sealed",
            Error::NameTaken { .. } => "name_taken",
            Error::InvalidInput { .. } => "invalid_input",
            Error::Backup { .. } => "backup_failed",
            Error::CannotOpen => "cannot_open",
            Error::StoredData { .. } => "stored_data",
            Error::Database(_) => "database",
        }
    }

    /// Whether the input was refused: the user can fix it (another file, another name, a
    /// justification, a round that is not sealed) and nothing was changed. The command line
    /// exits 2 for these and 1 for the rest, which are failures of the machine, the disk or the
    /// data (a window holding the database and a busy lock included: waiting or closing the
    /// window helps, not other input). Every variant is listed, so a new one forces a decision.
    pub fn is_refusal(&self) -> bool {
        match self {
            Error::OwnFile { .. }
            | Error::NotFound { .. }
            | Error::JustificationRequired
            | Error::FileRefused { .. }
            | Error::ImportBlocked { .. }
            | Error::Sealed { .. }
            | Error::NameTaken { .. }
            | Error::InvalidInput { .. } => true,
            Error::Open { .. }
            | Error::NotADatabase
            | Error::NewerSchema { .. }
            | Error::Busy
            | Error::WindowOpen
            | Error::LockFile { .. }
            | Error::DiskFull
            | Error::ReadOnly
            | Error::WriteFailed
            | Error::WriteFile { .. }
            | Error::Workbook(_)
            | Error::Report(_)
            | Error::Backup { .. }
            | Error::CannotOpen
            | Error::StoredData { .. }
            | Error::Database(_) => false,
        }
    }

    /// The `{ code, message }` form that crosses the IPC boundary and the command line.
    pub fn report(&self) -> ErrorReport {
        ErrorReport {
            code: self.code().to_owned(),
            message: self.to_string(),
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(err: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode;
        match err.sqlite_error_code() {
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Error::Busy,
            Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt) => Error::NotADatabase,
            Some(ErrorCode::DiskFull) => Error::DiskFull,
            Some(ErrorCode::ReadOnly) => Error::ReadOnly,
            Some(ErrorCode::CannotOpen) => Error::CannotOpen,
            Some(ErrorCode::SystemIoFailure) => Error::WriteFailed,
            _ => Error::Database(err),
        }
    }
}

/// A Dutch description of an I/O failure, for messages (also the command line's own output).
pub fn io_reason(err: &std::io::Error) -> &'static str {
    use std::io::ErrorKind;
    match err.kind() {
        ErrorKind::StorageFull | ErrorKind::QuotaExceeded | ErrorKind::FileTooLarge => {
            "de schijf is vol of het bestand is te groot"
        }
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem => {
            "u mag in deze map niet schrijven"
        }
        ErrorKind::IsADirectory => "er staat een map met die naam",
        ErrorKind::NotFound | ErrorKind::NotADirectory => "de map bestaat niet",
        _ => "het besturingssysteem weigerde het schrijven",
    }
}

/// An error as the UI and the command line receive it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ErrorReport {
    /// Stable code, see [`Error::code`].
    pub code: String,
    /// Dutch message for the user.
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::Error;

    #[test]
    fn refusals_are_what_the_user_can_fix() {
        let refused = [
            Error::OwnFile { reason: "x".into() },
            Error::NotFound { what: "De ronde" },
            Error::JustificationRequired,
            Error::FileRefused { reason: "x".into() },
            Error::ImportBlocked { count: 1 },
            Error::Sealed {
                round: "2026".into(),
            },
            Error::NameTaken {
                name: "2026".into(),
            },
            Error::InvalidInput { reason: "x".into() },
        ];
        assert!(refused.iter().all(Error::is_refusal));
        let failed = [
            Error::NotADatabase,
            Error::NewerSchema {
                found: 9,
                supported: 8,
            },
            Error::Busy,
            Error::WindowOpen,
            Error::DiskFull,
            Error::ReadOnly,
            Error::WriteFailed,
            Error::Workbook("x".into()),
            Error::Report("x".into()),
            Error::Backup { reason: "x".into() },
            Error::Database(rusqlite::Error::InvalidQuery),
        ];
        assert!(!failed.iter().any(Error::is_refusal));
    }
}
