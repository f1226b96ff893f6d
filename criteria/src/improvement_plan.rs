//! The improvement plan (Verbeterplan): every criterion of a round that is partial or open, with
//! its owner, action and deadline. Overdue items are those whose deadline is before `today`,
//! which the caller passes in (the clock is never read here).

use serde::Serialize;
use time::Date;
use ts_rs::TS;

use crate::model::{CriterionId, Status};
use crate::view::AssessmentView;

/// One line of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PlanItem {
    /// The criterion.
    pub criterion: CriterionId,
    /// Its code.
    pub code: String,
    /// Its theme.
    pub theme: String,
    /// The norm.
    pub text: String,
    /// Gedeeltelijk or aandacht.
    pub status: Status,
    /// Who is responsible; empty when nobody is named yet.
    pub owner: String,
    /// What will be done.
    pub action: String,
    /// When, `YYYY-MM-DD`.
    pub deadline: Option<String>,
    /// The deadline is before today.
    pub overdue: bool,
}

/// The plan of one round, in catalog order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImprovementPlan {
    /// The organisation.
    pub organisation: String,
    /// The round.
    pub round: String,
    /// The day "overdue" was judged on, `YYYY-MM-DD`.
    pub today: String,
    /// The partial and open criteria.
    pub items: Vec<PlanItem>,
}

fn parse_date(text: &str) -> Option<Date> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(text.trim(), format).ok()
}

impl ImprovementPlan {
    /// The plan of `view` as seen on `today`.
    pub fn of(view: &AssessmentView, today: Date) -> ImprovementPlan {
        let items = view
            .themes
            .iter()
            .flat_map(|t| t.criteria.iter().map(move |c| (t, c)))
            .filter_map(|(t, c)| {
                let answer = c.answer.as_ref()?;
                let status = answer.status?;
                if !matches!(status, Status::Partial | Status::Open) {
                    return None;
                }
                let overdue = answer
                    .deadline
                    .as_deref()
                    .and_then(parse_date)
                    .is_some_and(|d| d < today);
                Some(PlanItem {
                    criterion: c.id,
                    code: c.code.clone(),
                    theme: t.name.clone(),
                    text: c.text.clone(),
                    status,
                    owner: answer.owner.clone(),
                    action: answer.action.clone(),
                    deadline: answer.deadline.clone(),
                    overdue,
                })
            })
            .collect();
        ImprovementPlan {
            organisation: view.assessment.organisation.clone(),
            round: view.assessment.name.clone(),
            today: today.to_string(),
            items,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{AnswerInput, ChangeContext, Store};
    use time::macros::{date, datetime};

    #[test]
    fn only_partial_and_open_criteria_are_in_the_plan_and_past_deadlines_are_overdue() {
        let mut store = Store::open_in_memory().unwrap();
        let ctx = ChangeContext {
            at: datetime!(2026-11-28 10:00 UTC),
            by: "fg".into(),
        };
        let round = store.ensure_started(ctx.at).unwrap();
        let view = store.assessment_view(round).unwrap();
        let ids: Vec<_> = view.themes[0].criteria.iter().map(|c| c.id).collect();
        let answers = [
            (Status::Implemented, None),
            (Status::Partial, Some("2026-11-27")),
            (Status::Open, Some("2026-11-28")),
            (Status::NotApplicable, None),
        ];
        for (id, (status, deadline)) in ids.iter().zip(answers) {
            let answer = AnswerInput {
                status: Some(status),
                justification: "reden".into(),
                owner: "CISO".into(),
                deadline: deadline.map(str::to_owned),
                ..AnswerInput::default()
            };
            store.save_answer(round, *id, &answer, &ctx).unwrap();
        }
        let plan = ImprovementPlan::of(
            &store.assessment_view(round).unwrap(),
            date!(2026 - 11 - 28),
        );
        assert_eq!(plan.items.len(), 2);
        assert_eq!(plan.items[0].status, Status::Partial);
        assert!(plan.items[0].overdue, "yesterday's deadline is overdue");
        assert!(
            !plan.items[1].overdue,
            "today's deadline is not overdue yet"
        );
        assert_eq!(plan.today, "2026-11-28");
    }
}
