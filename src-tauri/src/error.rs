//! The shell's one error type: the core's errors, plus what only the window can run into. It
//! crosses IPC as `{ code, message }` (the shape of `criteria::ErrorReport`), so the page switches
//! on the code and shows the Dutch message as it is.

use criteria::ErrorReport;
use serde::Serialize;

/// Everything a command can fail with.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// An error of the core, with its own code and Dutch message.
    #[error(transparent)]
    Core(#[from] criteria::Error),

    /// The data could not be opened when the window started (a newer or damaged file, another
    /// window), or a backup is being put back; the report says why and what to do.
    #[error("{}", .0.message)]
    Unavailable(ErrorReport),

    /// The native file dialog could not be shown or returned no usable path.
    #[error(
        "Het venster om een bestand te kiezen kon niet worden gebruikt. Probeer het opnieuw. ({0})"
    )]
    DialogFailed(String),

    /// The import wizard went on without a chosen file.
    #[error("Er is geen bestand gekozen om te importeren. Kies eerst een bestand.")]
    NoPendingImport,

    /// The window refused to close after everything was saved.
    #[error(
        "Het venster kon niet worden gesloten. Uw gegevens zijn opgeslagen; sluit het programma opnieuw. ({0})"
    )]
    CloseFailed(String),

    /// The report PDF was made but no program could open it (no PDF viewer installed).
    #[error(
        "Het rapport is gemaakt, maar er is geen programma gevonden dat PDF-bestanden opent. Het staat in {0}; open het daar, of kies Opslaan als PDF… en open het bestand zelf."
    )]
    ViewerMissing(String),
}

impl AppError {
    /// The stable code the page switches on.
    pub fn code(&self) -> &str {
        match self {
            AppError::Core(err) => err.code(),
            AppError::Unavailable(report) => &report.code,
            AppError::DialogFailed(_) => "dialog_failed",
            AppError::NoPendingImport => "no_pending_import",
            AppError::CloseFailed(_) => "close_failed",
            AppError::ViewerMissing(_) => "viewer_missing",
        }
    }

    /// The `{ code, message }` form.
    pub fn report(&self) -> ErrorReport {
        ErrorReport {
            code: self.code().to_owned(),
            message: self.to_string(),
        }
    }
}

impl Serialize for AppError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.report().serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_cross_the_boundary_as_code_and_dutch_message() {
        let core = AppError::from(criteria::Error::WindowOpen);
        let json = serde_json::to_value(&core).unwrap();
        assert_eq!(json["code"], "window_open");
        assert!(json["message"].as_str().unwrap().contains("het venster"));
        let json = serde_json::to_value(AppError::NoPendingImport).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "code": "no_pending_import",
                "message": "Er is geen bestand gekozen om te importeren. Kies eerst een bestand."
            })
        );
    }
}
