//! The fingerprint of a sealed round: a SHA-256 over a canonical text of everything the round
//! says (organisation, round, reference date, catalog, every criterion with its answer, and who
//! sealed it when). It is shown on screen, printed on the overview and written into the export,
//! so anyone can later check that a printed report matches the sealed data.
//!
//! The canonical text is JSON with a fixed field order and criteria in catalog order. Never change
//! it for an existing `FORMAT`: sealed rounds would no longer verify. Add a new format instead.

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::model::Status;
use crate::view::AssessmentView;

/// Name of the canonical form; part of the hashed text.
const FORMAT: &str = "avg-borging-vaststelling-1";

#[derive(Serialize)]
struct Canonical<'a> {
    format: &'static str,
    organisation: &'a str,
    round: &'a str,
    reference_date: Option<&'a str>,
    catalog: &'a str,
    catalog_version: &'a str,
    sealed_at: &'a str,
    sealed_by: &'a str,
    criteria: Vec<CanonicalCriterion<'a>>,
}

#[derive(Serialize)]
struct CanonicalCriterion<'a> {
    theme: &'a str,
    code: &'a str,
    text: &'a str,
    status: Option<Status>,
    justification: &'a str,
    owner: &'a str,
    action: &'a str,
    deadline: Option<&'a str>,
    evidence: &'a str,
}

/// The hex SHA-256 fingerprint of `view` as sealed at `sealed_at` by `sealed_by`.
pub(crate) fn of(view: &AssessmentView, sealed_at: &str, sealed_by: &str) -> String {
    let a = &view.assessment;
    let canonical = Canonical {
        format: FORMAT,
        organisation: &a.organisation,
        round: &a.name,
        reference_date: a.reference_date.as_deref(),
        catalog: &a.catalog_name,
        catalog_version: &a.catalog_version,
        sealed_at,
        sealed_by,
        criteria: view
            .themes
            .iter()
            .flat_map(|t| {
                t.criteria.iter().map(move |c| {
                    let answer = c.answer.as_ref();
                    CanonicalCriterion {
                        theme: &t.name,
                        code: &c.code,
                        text: &c.text,
                        status: answer.and_then(|a| a.status),
                        justification: answer.map_or("", |a| &a.justification),
                        owner: answer.map_or("", |a| &a.owner),
                        action: answer.map_or("", |a| &a.action),
                        deadline: answer.and_then(|a| a.deadline.as_deref()),
                        evidence: answer.map_or("", |a| &a.evidence),
                    }
                })
            })
            .collect(),
    };
    // Serialising plain strings and options cannot fail; an empty text would still hash.
    let text = serde_json::to_vec(&canonical).unwrap_or_default();
    let digest = Sha256::digest(&text);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Groups a hex fingerprint in blocks of 8 for reading aloud and printing.
pub fn grouped(hex: &str) -> String {
    hex.as_bytes()
        .chunks(8)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Store;
    use time::macros::datetime;

    fn view() -> AssessmentView {
        let mut store = Store::open_in_memory().unwrap();
        let id = store
            .ensure_started(datetime!(2026-11-28 10:00 UTC))
            .unwrap();
        store.assessment_view(id).unwrap()
    }

    #[test]
    fn the_fingerprint_is_stable_and_changes_with_any_answer_text() {
        let v = view();
        let first = of(&v, "2026-11-28T10:00:00Z", "fg");
        assert_eq!(first.len(), 64);
        assert_eq!(first, of(&v, "2026-11-28T10:00:00Z", "fg"));
        assert_ne!(first, of(&v, "2026-11-28T10:00:00Z", "iemand anders"));
        let mut changed = v.clone();
        changed.themes[3].criteria[1].answer = Some(crate::AnswerInput {
            evidence: "map X".into(),
            ..Default::default()
        });
        assert_ne!(first, of(&changed, "2026-11-28T10:00:00Z", "fg"));
    }

    #[test]
    fn grouping_keeps_every_character() {
        let g = grouped("0123456789abcdef01");
        assert_eq!(g, "01234567 89abcdef 01");
        assert_eq!(g.replace(' ', ""), "0123456789abcdef01");
    }
}
