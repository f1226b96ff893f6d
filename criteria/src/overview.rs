//! The overview (Overzicht): per theme and in total, the number of criteria and the count per
//! status. Percentages are of the criteria in scope (all minus niet van toepassing); "niet
//! beoordeeld" is its own column so an unfinished assessment never looks better than it is.

use serde::Serialize;
use ts_rs::TS;

use crate::model::Status;
use crate::view::AssessmentView;

/// Counts of one theme or of the whole catalog.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, TS)]
pub struct Counts {
    /// Number of criteria.
    pub criteria: u32,
    /// Geïmplementeerd.
    pub implemented: u32,
    /// Gedeeltelijk geïmplementeerd.
    pub partial: u32,
    /// Vraagt aandacht.
    pub open: u32,
    /// Niet van toepassing.
    pub not_applicable: u32,
    /// Niet beoordeeld.
    pub unanswered: u32,
}

impl Counts {
    fn add(&mut self, status: Option<Status>) {
        self.criteria += 1;
        match status {
            Some(Status::Implemented) => self.implemented += 1,
            Some(Status::Partial) => self.partial += 1,
            Some(Status::Open) => self.open += 1,
            Some(Status::NotApplicable) => self.not_applicable += 1,
            None => self.unanswered += 1,
        }
    }

    /// The criteria that count for percentages: all minus niet van toepassing.
    pub fn in_scope(&self) -> u32 {
        self.criteria - self.not_applicable
    }

    /// `count` as a percentage of the criteria in scope; `None` when nothing is in scope.
    pub fn percent(&self, count: u32) -> Option<f64> {
        let scope = self.in_scope();
        (scope > 0).then(|| f64::from(count) * 100.0 / f64::from(scope))
    }
}

/// One theme's line of the overview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ThemeCounts {
    /// The theme's title.
    pub theme: String,
    /// Its counts.
    #[serde(flatten)]
    #[ts(flatten)]
    pub counts: Counts,
}

/// The catalog an overview is about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CatalogRef {
    /// Name of the catalog.
    pub name: String,
    /// Its version.
    pub version: String,
}

/// The whole overview, themes in catalog order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Overview {
    /// Which catalog.
    pub catalog: CatalogRef,
    /// One line per theme.
    pub themes: Vec<ThemeCounts>,
    /// All themes together.
    pub total: Counts,
}

impl Overview {
    /// Computes the overview of what a screen shows; the export and the command line use the
    /// same function, so their numbers are the same by construction.
    pub fn of(view: &AssessmentView) -> Overview {
        let mut total = Counts::default();
        let themes = view
            .themes
            .iter()
            .map(|theme| {
                let mut counts = Counts::default();
                for criterion in &theme.criteria {
                    let status = criterion.answer.as_ref().and_then(|a| a.status);
                    counts.add(status);
                    total.add(status);
                }
                ThemeCounts {
                    theme: theme.name.clone(),
                    counts,
                }
            })
            .collect();
        Overview {
            catalog: CatalogRef {
                name: view.assessment.catalog_name.clone(),
                version: view.assessment.catalog_version.clone(),
            },
            themes,
            total,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_leave_out_not_applicable_and_keep_unanswered_visible() {
        let mut counts = Counts::default();
        for status in [
            Some(Status::Implemented),
            Some(Status::Implemented),
            Some(Status::Partial),
            Some(Status::NotApplicable),
            None,
        ] {
            counts.add(status);
        }
        assert_eq!(counts.in_scope(), 4);
        assert_eq!(counts.percent(counts.implemented), Some(50.0));
        assert_eq!(counts.percent(counts.unanswered), Some(25.0));
        let all_na = Counts {
            criteria: 2,
            not_applicable: 2,
            ..Counts::default()
        };
        assert_eq!(all_na.percent(0), None);
    }
}
