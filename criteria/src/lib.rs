//! The core of AVG-borging: everything except the window.
//!
//! The catalog and assessment model, the SQLite [`Store`], the example catalog and (in later
//! modules) Excel import/export and the overview. This crate knows nothing about Tauri: the desktop
//! shell and the command line in `src-tauri` call into it, and every function here can be tested
//! with an in-memory store.

mod catalog;
mod catalog_changes;
mod comparison;
mod error;
mod example;
pub mod export;
pub mod fingerprint;
pub mod flows;
pub mod import;
mod improvement_plan;
mod model;
mod overview;
pub mod report;
mod seal_readiness;
mod store;
mod view;
pub mod workbook_format;

#[cfg(test)]
mod bindings;

pub use catalog::{AnswerCounts, CatalogDraft, CriterionDraft, ThemeDraft};
pub use catalog_changes::{CatalogChanges, CriterionRef, RemovedCriterion, RewordedCriterion};
pub use comparison::{Comparison, Direction, RoundRef, StatusChange, ThemeComparison};
pub use error::{Error, ErrorReport, Result, io_reason};
pub use example::EXAMPLE_CATALOG_NAME;
pub use improvement_plan::{ImprovementPlan, PlanItem};
pub use model::{AssessmentId, CatalogId, CriterionId, Date, OrganisationId, Status, ThemeId};
pub use overview::{CatalogRef, Counts, Overview, ThemeCounts};
pub use seal_readiness::SealReadiness;
pub use store::{
    AnswerInput, ChangeContext, DestinationKind, HistoryEntry, ImportDestination, ImportOutcome,
    NewRound, OrganisationRounds, Profile, ProfileEdit, RoundEdit, RoundEvent, RoundEventKind,
    RoundSummary, Rounds, SCHEMA_VERSION, Seal, SealCheck, SealRequest, Store,
};
pub use store::{
    BACKUPS_KEPT, BackupInfo, BackupReason, DatabaseLock, FileUse, LOCK_WAIT, Opener,
    backup_folder, list_backups, lock_paths, restore_backup, window_is_open,
};
pub use view::{AssessmentSummary, AssessmentView, CriterionView, ThemeView};
