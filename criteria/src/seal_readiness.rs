//! What is still incomplete before a round is sealed (vaststellen): criteria not assessed,
//! "niet van toepassing" without a justification, and answers carried over from another round
//! that nobody confirmed. Shown before the formal act, never blocking it: the FG may seal an
//! incomplete round knowingly, and the report lists what is missing.

use serde::Serialize;
use ts_rs::TS;

use crate::catalog_changes::CriterionRef;
use crate::model::Status;
use crate::view::AssessmentView;

/// The incomplete parts of a round, each in catalog order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SealReadiness {
    /// Criteria without a status.
    pub unanswered: Vec<CriterionRef>,
    /// Criteria marked niet van toepassing without a justification.
    pub unjustified: Vec<CriterionRef>,
    /// Answers carried over from another round (or catalog version), not confirmed or changed.
    pub unconfirmed: Vec<CriterionRef>,
}

impl SealReadiness {
    /// The incomplete parts of `view`.
    pub fn of(view: &AssessmentView) -> SealReadiness {
        let mut readiness = SealReadiness {
            unanswered: Vec::new(),
            unjustified: Vec::new(),
            unconfirmed: Vec::new(),
        };
        for theme in &view.themes {
            for criterion in &theme.criteria {
                let reference = || CriterionRef {
                    code: criterion.code.clone(),
                    theme: theme.name.clone(),
                    text: criterion.text.clone(),
                };
                let answer = criterion.answer.as_ref();
                match answer.and_then(|a| a.status) {
                    None => readiness.unanswered.push(reference()),
                    Some(Status::NotApplicable)
                        if answer.is_some_and(|a| a.justification.trim().is_empty()) =>
                    {
                        readiness.unjustified.push(reference());
                    }
                    Some(_) => {}
                }
                if criterion.carried_from.is_some() {
                    readiness.unconfirmed.push(reference());
                }
            }
        }
        readiness
    }

    /// Nothing is incomplete.
    pub fn is_complete(&self) -> bool {
        self.unanswered.is_empty() && self.unjustified.is_empty() && self.unconfirmed.is_empty()
    }

    /// One Dutch line per incomplete part ("3 criteria zijn niet beoordeeld: 1.1, 1.2, 2.4."),
    /// for the command line; the window lists them itself.
    pub fn lines(&self) -> Vec<String> {
        let line = |list: &[CriterionRef], one: &str, many: &str| {
            if list.is_empty() {
                return None;
            }
            let codes: Vec<&str> = list.iter().take(10).map(|c| c.code.as_str()).collect();
            let more = if list.len() > 10 {
                format!(" en nog {}", list.len() - 10)
            } else {
                String::new()
            };
            let what = if list.len() == 1 {
                format!("1 {one}")
            } else {
                format!("{} {many}", list.len())
            };
            Some(format!("{what}: {}{more}.", codes.join(", ")))
        };
        [
            line(
                &self.unanswered,
                "criterium is niet beoordeeld",
                "criteria zijn niet beoordeeld",
            ),
            line(
                &self.unjustified,
                "criterium is niet van toepassing zonder onderbouwing",
                "criteria zijn niet van toepassing zonder onderbouwing",
            ),
            line(
                &self.unconfirmed,
                "overgenomen antwoord is nog niet bevestigd",
                "overgenomen antwoorden zijn nog niet bevestigd",
            ),
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;
    use crate::{AnswerInput, ChangeContext, NewRound, Store};

    #[test]
    fn unanswered_unjustified_and_unconfirmed_criteria_are_listed() {
        let mut store = Store::open_in_memory().unwrap();
        let ctx = ChangeContext {
            at: datetime!(2026-11-30 10:00 UTC),
            by: "fg".into(),
        };
        let first = store.ensure_started(ctx.at).unwrap();
        let view = store.assessment_view(first).unwrap();
        let total = view.themes.iter().map(|t| t.criteria.len()).sum::<usize>();
        let codes: Vec<String> = view.themes[0]
            .criteria
            .iter()
            .map(|c| c.code.clone())
            .collect();
        store
            .set_status(first, &codes[0], Status::Implemented, None, &ctx)
            .unwrap();
        store
            .set_status(
                first,
                &codes[1],
                Status::NotApplicable,
                Some("geen verwerking"),
                &ctx,
            )
            .unwrap();
        let readiness = SealReadiness::of(&store.assessment_view(first).unwrap());
        assert_eq!(readiness.unanswered.len(), total - 2);
        assert!(readiness.unjustified.is_empty());
        assert!(readiness.unconfirmed.is_empty());
        assert!(!readiness.is_complete());
        assert!(
            readiness.lines()[0]
                .starts_with(&format!("{} criteria zijn niet beoordeeld: ", total - 2))
        );
        assert!(readiness.lines()[0].contains(" en nog "));

        // A new round carries both answers over: they are unconfirmed until confirmed.
        let organisation = store
            .assessment_view(first)
            .unwrap()
            .assessment
            .organisation_id;
        let next = store
            .create_round(
                &NewRound {
                    organisation,
                    name: "2027".into(),
                    reference_date: None,
                    carry_from: Some(first),
                },
                &ctx,
            )
            .unwrap();
        let readiness = SealReadiness::of(&store.assessment_view(next).unwrap());
        let unconfirmed: Vec<&str> = readiness
            .unconfirmed
            .iter()
            .map(|c| c.code.as_str())
            .collect();
        assert_eq!(unconfirmed, [codes[0].as_str(), codes[1].as_str()]);
        let view = store.assessment_view(next).unwrap();
        let criterion = &view.themes[0].criteria[1];
        let answer = AnswerInput {
            justification: String::new(),
            ..criterion.answer.clone().unwrap()
        };
        // Saving n.v.t. without a justification is refused, so an unjustified one only comes
        // from an import; here the list stays empty.
        assert!(
            store
                .save_answer(next, criterion.id, &answer, &ctx)
                .is_err()
        );
    }
}
