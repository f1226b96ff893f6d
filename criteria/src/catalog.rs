//! A catalog as read from a workbook, before it is stored: what an import produces and
//! `Store::apply_import` writes in one transaction.

use serde::Serialize;
use ts_rs::TS;

use crate::model::{AnswerInput, Status};

/// A catalog read from a file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct CatalogDraft {
    /// Name, e.g. "Criteria borging AVG": what the file states (our export's metadata, a title,
    /// the document properties), else the file name; see `ImportPlan::catalog_origin`.
    pub name: String,
    /// Version, e.g. "2024": what the file states, else the import date.
    pub version: String,
    /// Themes in file order; criteria without a theme go into a theme named "Algemeen".
    pub themes: Vec<ThemeDraft>,
}

/// A theme read from a file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct ThemeDraft {
    /// The theme's title.
    pub name: String,
    /// Its criteria in file order.
    pub criteria: Vec<CriterionDraft>,
}

/// One criterion read from a file, with the answer filled in there, if any.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct CriterionDraft {
    /// Stable code ("3.2"); unique within the draft.
    pub code: String,
    /// The norm.
    pub text: String,
    /// Explanation.
    pub explanation: String,
    /// Legal basis (AVG articles).
    pub legal_basis: String,
    /// The answer in the file; `None` when the row had no status and no notes.
    pub answer: Option<AnswerInput>,
    /// 1-based row in the sheet, for findings.
    pub row: u32,
}

/// How many answers a file brings, per status: what the dry run says before confirming.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
pub struct AnswerCounts {
    /// Geïmplementeerd.
    pub implemented: u32,
    /// Gedeeltelijk geïmplementeerd.
    pub partial: u32,
    /// Vraagt aandacht.
    pub open: u32,
    /// Niet van toepassing.
    pub not_applicable: u32,
    /// Rows with notes (owner, action, …) but no status.
    pub notes_only: u32,
}

impl AnswerCounts {
    /// All answers together.
    pub fn total(&self) -> u32 {
        self.implemented
            .saturating_add(self.partial)
            .saturating_add(self.open)
            .saturating_add(self.not_applicable)
            .saturating_add(self.notes_only)
    }
}

impl CatalogDraft {
    /// All criteria in order.
    pub fn criteria(&self) -> impl Iterator<Item = &CriterionDraft> {
        self.themes.iter().flat_map(|t| t.criteria.iter())
    }

    /// The answers in the file, counted per status.
    pub fn answer_counts(&self) -> AnswerCounts {
        let mut counts = AnswerCounts::default();
        for answer in self.criteria().filter_map(|c| c.answer.as_ref()) {
            let slot = match answer.status {
                Some(Status::Implemented) => &mut counts.implemented,
                Some(Status::Partial) => &mut counts.partial,
                Some(Status::Open) => &mut counts.open,
                Some(Status::NotApplicable) => &mut counts.not_applicable,
                None if answer.is_empty() => continue,
                None => &mut counts.notes_only,
            };
            *slot = slot.saturating_add(1);
        }
        counts
    }
}
