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
    /// Serialised as `YYYY-MM-DD`, as the text it replaced.
    reference_date: Option<crate::Date>,
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
pub(crate) fn of(view: &AssessmentView, sealed_at: &str, sealed_by: &str) -> crate::Result<String> {
    let a = &view.assessment;
    let canonical = Canonical {
        format: FORMAT,
        organisation: &a.organisation,
        round: &a.name,
        reference_date: a.reference_date,
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
    let text = serde_json::to_vec(&canonical).map_err(|err| crate::Error::StoredData {
        what: "de vingerafdruk van de ronde",
        detail: err.to_string(),
    })?;
    let digest = Sha256::digest(&text);
    Ok(digest.iter().map(|b| format!("{b:02x}")).collect())
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
        let first = of(&v, "2026-11-28T10:00:00Z", "fg").unwrap();
        assert_eq!(first.len(), 64);
        assert_eq!(first, of(&v, "2026-11-28T10:00:00Z", "fg").unwrap());
        assert_ne!(
            first,
            of(&v, "2026-11-28T10:00:00Z", "iemand anders").unwrap()
        );
        let mut changed = v.clone();
        changed.themes[3].criteria[1].answer = Some(crate::AnswerInput {
            evidence: "map X".into(),
            ..Default::default()
        });
        assert_ne!(first, of(&changed, "2026-11-28T10:00:00Z", "fg").unwrap());
    }

    /// A small round made of fixed data only (not the example catalog, whose wording may be
    /// improved): two themes, a reference date, two answers with quotes, an accent and a line
    /// break, and one criterion left unanswered.
    fn fixed_round() -> (Store, crate::AssessmentId) {
        let ctx = crate::ChangeContext {
            at: datetime!(2026-11-28 10:00 UTC),
            by: "fg".into(),
        };
        let criterion = |code: &str, text: &str| crate::CriterionDraft {
            code: code.into(),
            text: text.into(),
            ..Default::default()
        };
        let draft = crate::CatalogDraft {
            name: "Criteria borging AVG".into(),
            version: "2024".into(),
            themes: vec![
                crate::ThemeDraft {
                    name: "Governance".into(),
                    criteria: vec![
                        criterion(
                            "1.1",
                            "Er is een functionaris gegevensbescherming aangesteld.",
                        ),
                        criterion("1.2", "Er is een actueel privacybeleid."),
                    ],
                },
                crate::ThemeDraft {
                    name: "Rechten van betrokkenen".into(),
                    criteria: vec![criterion(
                        "2.1",
                        "Inzageverzoeken worden binnen een maand beantwoord.",
                    )],
                },
            ],
        };
        let mut store = Store::open_in_memory().expect("in-memory store");
        let imported = store
            .import_catalog(
                store
                    .current_assessment()
                    .expect("the current round is read"),
                &draft,
                &ctx,
            )
            .expect("import the catalog");
        let organisation = store
            .assessment_view(imported.assessment)
            .expect("view")
            .assessment
            .organisation_id;
        store
            .rename_organisation(organisation, "Gemeente Voorbeeld")
            .expect("rename the organisation");
        let round = store
            .create_round(
                &crate::NewRound {
                    organisation,
                    name: "Jaarronde 2026".into(),
                    reference_date: Some("2026-10-01".into()),
                    carry_from: None,
                },
                &ctx,
            )
            .expect("create the round");
        let ids: Vec<_> = store
            .assessment_view(round)
            .expect("view")
            .themes
            .iter()
            .flat_map(|t| t.criteria.iter().map(|c| c.id))
            .collect();
        let answers = [
            crate::AnswerInput {
                status: Some(Status::Implemented),
                justification: "Benoemd bij besluit van 3 maart; \"zie\" het register.".into(),
                owner: "Secretaris".into(),
                ..Default::default()
            },
            crate::AnswerInput {
                status: Some(Status::Partial),
                justification: "Concept ligt bij het college.\nNog niet vastgesteld.".into(),
                owner: "CISO".into(),
                action: "Beleid laten vaststellen".into(),
                deadline: Some("2027-03-31".into()),
                evidence: "Intranet > Beleid > Privacybeleid (concept, versie 0.9, geüpload)"
                    .into(),
            },
        ];
        for (id, answer) in ids.iter().zip(&answers) {
            store
                .save_answer(round, *id, answer, &ctx)
                .expect("save an answer");
        }
        (store, round)
    }

    /// The canonical form of a seal must never change for the same `FORMAT`: every sealed round
    /// keeps the fingerprint it got, and after a change a round whose data are untouched would
    /// no longer verify. So this pins the fingerprint of a fixed round, and the text it is the
    /// hash of. If it fails, the change altered the canonical text (field names or order,
    /// escaping, the order of criteria): undo it, or add a new format and keep checking older
    /// seals with this one. Never paste in a new hash.
    #[test]
    fn the_seal_of_a_fixed_round_has_a_fixed_fingerprint() {
        const CANONICAL: &str = concat!(
            r#"{"format":"avg-borging-vaststelling-1","organisation":"Gemeente Voorbeeld","#,
            r#""round":"Jaarronde 2026","reference_date":"2026-10-01","#,
            r#""catalog":"Criteria borging AVG","catalog_version":"2024","#,
            r#""sealed_at":"2026-12-01","sealed_by":"College van B&W","criteria":["#,
            r#"{"theme":"Governance","code":"1.1","#,
            r#""text":"Er is een functionaris gegevensbescherming aangesteld.","#,
            r#""status":"implemented","#,
            r#""justification":"Benoemd bij besluit van 3 maart; \"zie\" het register.","#,
            r#""owner":"Secretaris","action":"","deadline":null,"evidence":""},"#,
            r#"{"theme":"Governance","code":"1.2","text":"Er is een actueel privacybeleid.","#,
            r#""status":"partial","#,
            r#""justification":"Concept ligt bij het college.\nNog niet vastgesteld.","#,
            r#""owner":"CISO","action":"Beleid laten vaststellen","deadline":"2027-03-31","#,
            r#""evidence":"Intranet > Beleid > Privacybeleid (concept, versie 0.9, geüpload)"},"#,
            r#"{"theme":"Rechten van betrokkenen","code":"2.1","#,
            r#""text":"Inzageverzoeken worden binnen een maand beantwoord.","#,
            r#""status":null,"justification":"","owner":"","action":"","deadline":null,"#,
            r#""evidence":""}]}"#,
        );
        const GOLDEN: &str = "0d9dfb3084ce33ebb029d5c3cc5f93347c10f78a968f65cc3cecff754d604480";
        let hex: String = Sha256::digest(CANONICAL.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(hex, GOLDEN, "the golden hash is that of the canonical text");

        let (mut store, round) = fixed_round();
        let seal = store
            .seal_round(
                round,
                &crate::SealRequest {
                    sealed_by: "College van B&W".into(),
                    sealed_on: Some("2026-12-01".into()),
                },
                &crate::ChangeContext {
                    at: datetime!(2026-12-01 14:00 UTC),
                    by: "fg".into(),
                },
            )
            .unwrap();
        assert_eq!(seal.fingerprint, GOLDEN);
        let check = store.check_seal(round).unwrap().unwrap();
        assert!(check.matches, "{check:?}");
    }

    #[test]
    fn grouping_keeps_every_character() {
        let g = grouped("0123456789abcdef01");
        assert_eq!(g, "01234567 89abcdef 01");
        assert_eq!(g.replace(' ', ""), "0123456789abcdef01");
    }
}
