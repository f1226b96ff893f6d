//! Comparing two rounds of one organisation (Vergelijking): per theme the counts of both rounds,
//! and the criteria whose status changed. Criteria are matched by code, themes by name, so two
//! rounds on different catalog versions can still be compared.

use std::collections::BTreeMap;

use serde::Serialize;
use ts_rs::TS;

use crate::model::{AssessmentId, Status};
use crate::overview::{Counts, Overview};
use crate::view::AssessmentView;

/// One round as named in a comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RoundRef {
    /// Its id.
    pub id: AssessmentId,
    /// Its name, e.g. "2025".
    pub name: String,
    /// Its reference date, if set.
    pub reference_date: Option<crate::Date>,
}

/// One theme in both rounds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ThemeComparison {
    /// The theme's title.
    pub theme: String,
    /// Counts in the earlier round (zero when the theme did not exist then).
    pub from: Counts,
    /// Counts in the later round.
    pub to: Counts,
}

/// Which way a status moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Closer to geïmplementeerd.
    Better,
    /// Further from geïmplementeerd.
    Worse,
    /// Not better or worse: to or from niet van toepassing or niet beoordeeld.
    Other,
}

/// A criterion whose status differs between the rounds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StatusChange {
    /// Its code.
    pub code: String,
    /// Its theme in the later round (or the earlier one when it was removed).
    pub theme: String,
    /// The norm's text (later round, or earlier when removed).
    pub text: String,
    /// Status in the earlier round; `None` = niet beoordeeld or not in that catalog.
    pub from: Option<Status>,
    /// Status in the later round.
    pub to: Option<Status>,
    /// Better, worse or otherwise.
    pub direction: Direction,
}

/// The comparison of two rounds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Comparison {
    /// The organisation of both rounds.
    pub organisation: String,
    /// The earlier round.
    pub from: RoundRef,
    /// The later round.
    pub to: RoundRef,
    /// Themes of the later round in its order, then themes only the earlier round had.
    pub themes: Vec<ThemeComparison>,
    /// All themes together, earlier round.
    pub total_from: Counts,
    /// All themes together, later round.
    pub total_to: Counts,
    /// Criteria whose status changed, in the later round's order.
    pub changes: Vec<StatusChange>,
}

fn rank(status: Option<Status>) -> Option<u8> {
    match status? {
        Status::Open => Some(0),
        Status::Partial => Some(1),
        Status::Implemented => Some(2),
        Status::NotApplicable => None,
    }
}

fn direction(from: Option<Status>, to: Option<Status>) -> Direction {
    match (rank(from), rank(to)) {
        (Some(a), Some(b)) if b > a => Direction::Better,
        (Some(a), Some(b)) if b < a => Direction::Worse,
        _ => Direction::Other,
    }
}

fn round_ref(view: &AssessmentView) -> RoundRef {
    RoundRef {
        id: view.assessment.id,
        name: view.assessment.name.clone(),
        reference_date: view.assessment.reference_date,
    }
}

impl Comparison {
    /// Compares round `from` (the earlier) with round `to`.
    pub fn of(from: &AssessmentView, to: &AssessmentView) -> Comparison {
        let before = Overview::of(from);
        let after = Overview::of(to);
        let mut themes: Vec<ThemeComparison> = after
            .themes
            .iter()
            .map(|t| ThemeComparison {
                theme: t.theme.clone(),
                from: before
                    .themes
                    .iter()
                    .find(|b| b.theme == t.theme)
                    .map(|b| b.counts)
                    .unwrap_or_default(),
                to: t.counts,
            })
            .collect();
        for b in &before.themes {
            if !after.themes.iter().any(|t| t.theme == b.theme) {
                themes.push(ThemeComparison {
                    theme: b.theme.clone(),
                    from: b.counts,
                    to: Counts::default(),
                });
            }
        }

        let mut earlier: BTreeMap<&str, (&str, &str, Option<Status>)> = BTreeMap::new();
        for t in &from.themes {
            for c in &t.criteria {
                let status = c.answer.as_ref().and_then(|a| a.status);
                earlier.insert(&c.code, (&t.name, &c.text, status));
            }
        }
        let mut changes = Vec::new();
        for t in &to.themes {
            for c in &t.criteria {
                let now = c.answer.as_ref().and_then(|a| a.status);
                let then = earlier.remove(c.code.as_str()).and_then(|(_, _, s)| s);
                if then != now {
                    changes.push(StatusChange {
                        code: c.code.clone(),
                        theme: t.name.clone(),
                        text: c.text.clone(),
                        from: then,
                        to: now,
                        direction: direction(then, now),
                    });
                }
            }
        }
        // Criteria the later catalog no longer has, in the earlier round's order.
        for t in &from.themes {
            for c in &t.criteria {
                if let Some((_, _, Some(then))) = earlier.get(c.code.as_str()) {
                    changes.push(StatusChange {
                        code: c.code.clone(),
                        theme: t.name.clone(),
                        text: c.text.clone(),
                        from: Some(*then),
                        to: None,
                        direction: Direction::Other,
                    });
                }
            }
        }
        Comparison {
            organisation: to.assessment.organisation.clone(),
            from: round_ref(from),
            to: round_ref(to),
            themes,
            total_from: before.total,
            total_to: after.total,
            changes,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn better_and_worse_follow_the_order_open_partial_implemented() {
        use Status::*;
        assert_eq!(direction(Some(Open), Some(Partial)), Direction::Better);
        assert_eq!(
            direction(Some(Partial), Some(Implemented)),
            Direction::Better
        );
        assert_eq!(direction(Some(Implemented), Some(Open)), Direction::Worse);
        assert_eq!(direction(None, Some(Implemented)), Direction::Other);
        assert_eq!(direction(Some(Open), Some(NotApplicable)), Direction::Other);
    }
}
