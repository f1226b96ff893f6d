//! What changed between the catalog version a round uses and a newer version being imported:
//! criteria added, removed and reworded. Criteria are matched by code first, then the rest by
//! text similarity, so a renumbered criterion is still recognised. Nothing is carried over
//! silently: every reworded, added and removed criterion is listed for review.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use ts_rs::TS;

use crate::catalog::CatalogDraft;
use crate::model::{CriterionId, Status};
use crate::view::AssessmentView;

/// Texts at least this similar (0–100) are taken to be the same criterion reworded.
const SAME_CRITERION: u8 = 50;

/// A criterion of one version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CriterionRef {
    /// Its code.
    pub code: String,
    /// Its theme.
    pub theme: String,
    /// Its text.
    pub text: String,
}

/// A criterion the new version no longer has, with the status it had in the round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RemovedCriterion {
    /// The criterion in the old version.
    pub criterion: CriterionRef,
    /// Its status in the round; the answer is not carried over.
    pub status: Option<Status>,
}

/// A criterion whose text (or code) changed: old and new side by side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RewordedCriterion {
    /// In the version in use.
    pub old: CriterionRef,
    /// In the new version.
    pub new: CriterionRef,
    /// How similar the texts are, 0–100.
    pub similarity: u8,
    /// The status in the round, carried over to be checked.
    pub status: Option<Status>,
}

/// The differences between two catalog versions, as a review list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CatalogChanges {
    /// The catalog in use, e.g. "Criteria borging AVG, versie 2024".
    pub from_catalog: String,
    /// The new catalog, named the same way.
    pub to_catalog: String,
    /// Criteria with the same code and text.
    pub unchanged: u32,
    /// Reworded or renumbered criteria.
    pub reworded: Vec<RewordedCriterion>,
    /// New criteria: no answer yet.
    pub added: Vec<CriterionRef>,
    /// Criteria that are gone, with their status in the round.
    pub removed: Vec<RemovedCriterion>,
}

impl CatalogChanges {
    /// True when the two versions hold the same criteria.
    pub fn is_empty(&self) -> bool {
        self.reworded.is_empty() && self.added.is_empty() && self.removed.is_empty()
    }
}

/// How an old criterion continues in the new version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Continuation {
    /// The criterion in the round's catalog.
    pub old: CriterionId,
    /// Its code in the new catalog.
    pub new_code: String,
    /// Reworded or renumbered: the carried answer must be checked.
    pub review: bool,
}

/// Lower-case words of at least two letters or digits.
fn words(text: &str) -> BTreeSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_lowercase)
        .collect()
}

/// Dice similarity of the word sets, 0–100.
fn similarity(a: &str, b: &str) -> u8 {
    let (a, b) = (words(a), words(b));
    if a.is_empty() && b.is_empty() {
        return 100;
    }
    let common = a.intersection(&b).count();
    let score = 200 * common / (a.len() + b.len());
    u8::try_from(score).unwrap_or(100)
}

fn same_text(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

/// Compares the round's catalog (`old`, with its answers) with the `new` draft.
pub(crate) fn between(
    old: &AssessmentView,
    new: &CatalogDraft,
) -> (CatalogChanges, Vec<Continuation>) {
    struct Old {
        id: CriterionId,
        r: CriterionRef,
        status: Option<Status>,
    }
    let olds: Vec<Old> = old
        .themes
        .iter()
        .flat_map(|t| {
            t.criteria.iter().map(|c| Old {
                id: c.id,
                r: CriterionRef {
                    code: c.code.clone(),
                    theme: t.name.clone(),
                    text: c.text.clone(),
                },
                status: c.answer.as_ref().and_then(|a| a.status),
            })
        })
        .collect();
    let news: Vec<CriterionRef> = new
        .themes
        .iter()
        .flat_map(|t| {
            t.criteria.iter().map(|c| CriterionRef {
                code: c.code.clone(),
                theme: t.name.clone(),
                text: c.text.clone(),
            })
        })
        .collect();
    let new_by_code: BTreeMap<&str, usize> = news
        .iter()
        .enumerate()
        .map(|(i, n)| (n.code.as_str(), i))
        .collect();

    let mut changes = CatalogChanges {
        from_catalog: format!(
            "{}, versie {}",
            old.assessment.catalog_name, old.assessment.catalog_version
        ),
        to_catalog: format!("{}, versie {}", new.name, new.version),
        unchanged: 0,
        reworded: Vec::new(),
        added: Vec::new(),
        removed: Vec::new(),
    };
    let mut continuations = Vec::new();
    let mut new_taken = vec![false; news.len()];
    let mut old_left = Vec::new();

    for (i, o) in olds.iter().enumerate() {
        match new_by_code.get(o.r.code.as_str()) {
            Some(&j) => {
                new_taken[j] = true;
                let n = &news[j];
                let review = !same_text(&o.r.text, &n.text);
                if review {
                    changes.reworded.push(RewordedCriterion {
                        old: o.r.clone(),
                        new: n.clone(),
                        similarity: similarity(&o.r.text, &n.text),
                        status: o.status,
                    });
                } else {
                    changes.unchanged += 1;
                }
                continuations.push(Continuation {
                    old: o.id,
                    new_code: n.code.clone(),
                    review,
                });
            }
            None => old_left.push(i),
        }
    }

    // The rest by text: the most similar pairs first.
    let mut pairs: Vec<(u8, usize, usize)> = Vec::new();
    for &i in &old_left {
        for (j, n) in news.iter().enumerate() {
            if !new_taken[j] {
                let score = similarity(&olds[i].r.text, &n.text);
                if score >= SAME_CRITERION {
                    pairs.push((score, i, j));
                }
            }
        }
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut old_taken = BTreeSet::new();
    for (score, i, j) in pairs {
        if new_taken[j] || old_taken.contains(&i) {
            continue;
        }
        new_taken[j] = true;
        old_taken.insert(i);
        let o = &olds[i];
        changes.reworded.push(RewordedCriterion {
            old: o.r.clone(),
            new: news[j].clone(),
            similarity: score,
            status: o.status,
        });
        continuations.push(Continuation {
            old: o.id,
            new_code: news[j].code.clone(),
            review: true,
        });
    }
    for &i in &old_left {
        if !old_taken.contains(&i) {
            changes.removed.push(RemovedCriterion {
                criterion: olds[i].r.clone(),
                status: olds[i].status,
            });
        }
    }
    for (j, n) in news.iter().enumerate() {
        if !new_taken[j] {
            changes.added.push(n.clone());
        }
    }
    (changes, continuations)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{CriterionDraft, ThemeDraft};

    /// A catalog draft with one theme of `(code, text)` criteria.
    fn draft(version: &str, criteria: &[(&str, &str)]) -> CatalogDraft {
        CatalogDraft {
            name: "Criteria borging AVG".into(),
            version: version.into(),
            themes: vec![ThemeDraft {
                name: "Governance".into(),
                criteria: criteria
                    .iter()
                    .map(|(code, text)| CriterionDraft {
                        code: (*code).into(),
                        text: (*text).into(),
                        answer: Some(crate::AnswerInput {
                            status: Some(Status::Partial),
                            ..Default::default()
                        }),
                        ..Default::default()
                    })
                    .collect(),
            }],
        }
    }

    /// A round on `catalog` with every criterion answered "partial", as the screens see it.
    fn round_on(catalog: &CatalogDraft) -> AssessmentView {
        let mut store = crate::Store::open_in_memory().expect("in-memory store");
        let ctx = crate::ChangeContext {
            at: time::macros::datetime!(2026-01-05 09:00 UTC),
            by: "fg".into(),
        };
        let imported = store
            .import_catalog(
                store
                    .current_assessment()
                    .expect("the current round is read"),
                catalog,
                &ctx,
            )
            .expect("import");
        store.assessment_view(imported.assessment).expect("view")
    }

    #[test]
    fn renumbered_criteria_continue_by_their_text_and_an_unrelated_one_does_not() {
        let old = round_on(&draft(
            "2024",
            &[
                (
                    "1.1",
                    "Er is een functionaris gegevensbescherming aangesteld.",
                ),
                ("1.2", "De organisatie heeft een register van verwerkingen."),
                (
                    "1.3",
                    "Datalekken worden binnen 72 uur gemeld bij de toezichthouder.",
                ),
            ],
        ));
        // Every code changed: 1.1 keeps its text (extra spaces aside), 1.2 is reworded, and
        // 1.3 is replaced by a criterion about something else that shares a few words with it.
        let new = draft(
            "2025",
            &[
                (
                    "2.1",
                    "Verzoeken van betrokkenen worden binnen een maand beantwoord.",
                ),
                (
                    "2.2",
                    "De organisatie houdt een actueel register van verwerkingen bij.",
                ),
                (
                    "2.3",
                    "Er is een  functionaris gegevensbescherming aangesteld.",
                ),
            ],
        );
        let (changes, continuations) = between(&old, &new);
        let id = |code: &str| {
            old.themes[0]
                .criteria
                .iter()
                .find(|c| c.code == code)
                .expect("old criterion")
                .id
        };
        let mut found: Vec<_> = continuations
            .iter()
            .map(|c| (c.old, c.new_code.as_str(), c.review))
            .collect();
        found.sort();
        let mut expected = vec![(id("1.1"), "2.3", true), (id("1.2"), "2.2", true)];
        expected.sort();
        assert_eq!(
            found, expected,
            "renumbered criteria continue, to be reviewed"
        );

        let pairs: Vec<_> = changes
            .reworded
            .iter()
            .map(|r| (r.old.code.as_str(), r.new.code.as_str(), r.status))
            .collect();
        assert_eq!(
            pairs,
            [
                ("1.1", "2.3", Some(Status::Partial)),
                ("1.2", "2.2", Some(Status::Partial)),
            ],
            "most similar first, each with the status to check"
        );
        assert_eq!(changes.reworded[0].similarity, 100);
        assert!(changes.reworded[1].similarity >= SAME_CRITERION);
        assert_eq!(changes.unchanged, 0);
        let removed: Vec<_> = changes
            .removed
            .iter()
            .map(|r| (r.criterion.code.as_str(), r.status))
            .collect();
        assert_eq!(removed, [("1.3", Some(Status::Partial))]);
        let added: Vec<_> = changes.added.iter().map(|a| a.code.as_str()).collect();
        assert_eq!(added, ["2.1"]);
    }

    #[test]
    fn similarity_is_about_shared_words() {
        assert_eq!(similarity("Er is een register", "Er is een register"), 100);
        assert!(
            similarity(
                "De organisatie heeft een register van verwerkingen",
                "De organisatie houdt een actueel register van verwerkingen bij"
            ) >= 50
        );
        assert!(similarity("Er is een FG aangesteld", "Datalekken worden gemeld") < 20);
    }
}
