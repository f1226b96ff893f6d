//! The yearly cycle's rounds: listing them per organisation, creating one (new or carried over
//! from another), opening one, finding one by name for the command line, and comparing rounds or
//! planning improvements on one. Each write is one transaction.

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use time::Date;
use ts_rs::TS;

use super::events::{RoundEventKind, log_event};
use super::organisations::{clean_name, organisation_by_name};
use super::{Store, answers, assessments};
use crate::error::{Error, Result};
use crate::model::{AssessmentId, OrganisationId, Seal};
use crate::{ChangeContext, Comparison, ImprovementPlan};

/// One round in the list of rounds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RoundSummary {
    /// Its id.
    pub id: AssessmentId,
    /// Its name, e.g. "2026".
    pub name: String,
    /// Reference date (peildatum), `YYYY-MM-DD`, if set.
    pub reference_date: Option<crate::Date>,
    /// Catalog name.
    pub catalog_name: String,
    /// Catalog version.
    pub catalog_version: String,
    /// Set when the round is sealed.
    pub seal: Option<Seal>,
    /// Answers carried over from another round that nobody confirmed or changed yet.
    pub unconfirmed: u32,
}

/// An organisation with its rounds, most recent first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct OrganisationRounds {
    /// Its id.
    pub id: OrganisationId,
    /// Its name.
    pub name: String,
    /// Its rounds, most recent first.
    pub rounds: Vec<RoundSummary>,
}

/// Every organisation and round, and which round is open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Rounds {
    /// The open round.
    pub current: Option<AssessmentId>,
    /// Organisations by name.
    pub organisations: Vec<OrganisationRounds>,
}

/// A round to create.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
pub struct NewRound {
    /// The organisation it belongs to.
    pub organisation: OrganisationId,
    /// Its name, e.g. "2026".
    pub name: String,
    /// Reference date, `YYYY-MM-DD`, or `None`.
    pub reference_date: Option<String>,
    /// A round of the same organisation whose answers, owners and actions are carried over.
    pub carry_from: Option<AssessmentId>,
}

/// A new name and reference date for an existing round.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
pub struct RoundEdit {
    /// Its name, e.g. "2026".
    pub name: String,
    /// Reference date (peildatum), `YYYY-MM-DD`; `None` or empty removes it.
    pub reference_date: Option<String>,
}

/// Refuses a round name the organisation already uses for another round.
pub(super) fn ensure_round_name_free(
    conn: &Connection,
    organisation: OrganisationId,
    name: &str,
    except: Option<AssessmentId>,
) -> Result<()> {
    let taken: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM assessment
                        WHERE organisation_id = ?1 AND name = ?2 AND id IS NOT ?3)",
        params![organisation, name, except],
        |r| r.get(0),
    )?;
    if taken {
        return Err(Error::NameTaken {
            name: name.to_owned(),
        });
    }
    Ok(())
}

/// A `YYYY-MM-DD` date that exists; a Dutch reason otherwise. (What the user types stays text
/// on the wire, so a wrong date gets this message instead of a failed IPC call.)
pub(crate) fn clean_date(text: &str) -> Result<crate::Date> {
    crate::Date::parse(text)
}

fn round_name(conn: &Connection, id: AssessmentId) -> Result<String> {
    conn.query_row("SELECT name FROM assessment WHERE id = ?1", [id], |r| {
        r.get(0)
    })
    .optional()?
    .ok_or(Error::NotFound {
        what: "De beoordeling",
    })
}

/// The most recent round of an organisation.
fn latest_round(conn: &Connection, organisation: OrganisationId) -> Result<Option<AssessmentId>> {
    Ok(conn
        .query_row(
            "SELECT id FROM assessment WHERE organisation_id = ?1
             ORDER BY COALESCE(reference_date, substr(created_at, 1, 10)) DESC, id DESC LIMIT 1",
            [organisation],
            |r| r.get(0),
        )
        .optional()?)
}

fn list(conn: &Connection) -> Result<Rounds> {
    let current = assessments::current(conn)?;
    let mut organisations: Vec<OrganisationRounds> = conn
        .prepare("SELECT id, name FROM organisation ORDER BY name COLLATE NOCASE, id")?
        .query_map([], |r| {
            Ok(OrganisationRounds {
                id: r.get(0)?,
                name: r.get(1)?,
                rounds: Vec::new(),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut stmt = conn.prepare(
        "SELECT a.id, a.name, a.reference_date, c.name, c.version,
                a.sealed_at, a.sealed_by, a.fingerprint,
                (SELECT count(*) FROM answer an
                 WHERE an.assessment_id = a.id AND an.carried_from IS NOT NULL)
         FROM assessment a JOIN catalog c ON c.id = a.catalog_id
         WHERE a.organisation_id = ?1
         ORDER BY COALESCE(a.reference_date, substr(a.created_at, 1, 10)) DESC, a.id DESC",
    )?;
    for organisation in &mut organisations {
        organisation.rounds = stmt
            .query_map([organisation.id], |r| {
                Ok(RoundSummary {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    reference_date: r.get(2)?,
                    catalog_name: r.get(3)?,
                    catalog_version: r.get(4)?,
                    seal: Seal::from_row(r, 5)?,
                    unconfirmed: r.get(8)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
    }
    Ok(Rounds {
        current,
        organisations,
    })
}

impl Store {
    /// Every organisation with its rounds, and the open round.
    pub fn rounds(&self) -> Result<Rounds> {
        list(&self.conn)
    }

    /// Opens another round: it becomes the current one, also after a restart.
    pub fn open_round(&mut self, id: AssessmentId) -> Result<crate::AssessmentView> {
        self.write(|conn| {
            round_name(conn, id)?;
            assessments::set_current(conn, id)
        })?;
        self.assessment_view(id)
    }

    /// Renames round `round` and sets its reference date. A sealed round is refused: its name
    /// and date are part of its fingerprint.
    pub fn edit_round(
        &mut self,
        round: AssessmentId,
        edit: &RoundEdit,
        ctx: &ChangeContext,
    ) -> Result<()> {
        let name = clean_name(&edit.name, "de ronde")?;
        let reference_date = edit
            .reference_date
            .as_deref()
            .filter(|d| !d.trim().is_empty())
            .map(clean_date)
            .transpose()?;
        self.write(|conn| {
            super::sealing::ensure_open(conn, round)?;
            let (_, organisation) = assessments::catalog_and_organisation(conn, round)?;
            ensure_round_name_free(conn, organisation, &name, Some(round))?;
            let (old_name, old_date): (String, Option<crate::Date>) = conn.query_row(
                "SELECT name, reference_date FROM assessment WHERE id = ?1",
                [round],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            conn.execute(
                "UPDATE assessment SET name = ?2, reference_date = ?3 WHERE id = ?1",
                params![round, name, reference_date],
            )?;
            let shown =
                // The log is read by people: dates as the tables show them (30-11-2026).
                |d: Option<crate::Date>| {
                    d.map_or_else(|| "geen".to_owned(), |d| crate::report::short_date(d.get()))
                };
            let mut changes = Vec::new();
            if old_name != name {
                changes.push(format!("naam {old_name} \u{2192} {name}"));
            }
            if old_date != reference_date {
                changes.push(format!(
                    "peildatum {} \u{2192} {}",
                    shown(old_date),
                    shown(reference_date)
                ));
            }
            if !changes.is_empty() {
                log_event(
                    conn,
                    round,
                    RoundEventKind::Edited,
                    &changes.join("; "),
                    ctx,
                )?;
            }
            Ok(())
        })
    }

    /// Creates a round and opens it. With `carry_from`, the answers, owners, actions and
    /// deadlines of that round are copied, marked "overgenomen uit …" until confirmed or changed.
    pub fn create_round(&mut self, new: &NewRound, ctx: &ChangeContext) -> Result<AssessmentId> {
        let name = clean_name(&new.name, "de ronde")?;
        let reference_date = new
            .reference_date
            .as_deref()
            .filter(|d| !d.trim().is_empty())
            .map(clean_date)
            .transpose()?;
        self.write(|conn| {
            ensure_round_name_free(conn, new.organisation, &name, None)?;
            let catalog = match new.carry_from {
                Some(from) => {
                    let (catalog, organisation) = assessments::catalog_and_organisation(conn, from)?;
                    if organisation != new.organisation {
                        return Err(Error::InvalidInput {
                            reason: "Antwoorden kunnen alleen worden overgenomen uit een ronde van dezelfde organisatie.".into(),
                        });
                    }
                    catalog
                }
                None => {
                    let source = match latest_round(conn, new.organisation)? {
                        Some(round) => round,
                        None => assessments::current(conn)?.ok_or(Error::NotFound {
                            what: "Een criteriaset voor de nieuwe ronde",
                        })?,
                    };
                    assessments::catalog_and_organisation(conn, source)?.0
                }
            };
            let round = assessments::create(conn, new.organisation, catalog, &name, ctx.at)?;
            conn.execute(
                "UPDATE assessment SET reference_date = ?2 WHERE id = ?1",
                params![round, reference_date],
            )?;
            let mut detail = String::new();
            if let Some(from) = new.carry_from {
                let origin = round_name(conn, from)?;
                let source = crate::view::load(conn, from)?;
                let mut carried = 0;
                for criterion in source.themes.iter().flat_map(|t| &t.criteria) {
                    if let Some(answer) = &criterion.answer
                        && answers::carry_over(conn, round, criterion.id, answer, &origin, ctx)?
                    {
                        carried += 1;
                    }
                }
                detail = format!("{carried} antwoorden overgenomen uit ronde {origin}.");
            }
            log_event(conn, round, RoundEventKind::Created, &detail, ctx)?;
            assessments::set_current(conn, round)?;
            Ok(round)
        })
    }

    /// Compares two rounds of the same organisation: `from` is the earlier one.
    pub fn compare(&self, from: AssessmentId, to: AssessmentId) -> Result<Comparison> {
        let a = self.assessment_view(from)?;
        let b = self.assessment_view(to)?;
        if a.assessment.organisation_id != b.assessment.organisation_id {
            return Err(Error::InvalidInput {
                reason: "Alleen rondes van dezelfde organisatie kunnen worden vergeleken.".into(),
            });
        }
        Ok(Comparison::of(&a, &b))
    }

    /// The improvement plan of a round as seen on `today`.
    /// The round of the same organisation just before `id`, by peildatum (creation date when
    /// unset), as the rounds list orders them; `None` for the first round. The report compares
    /// with it unless the user chooses otherwise.
    pub fn previous_round(&self, id: AssessmentId) -> Result<Option<AssessmentId>> {
        let rounds = self.rounds()?;
        for organisation in &rounds.organisations {
            if let Some(at) = organisation.rounds.iter().position(|r| r.id == id) {
                return Ok(organisation.rounds.get(at + 1).map(|r| r.id));
            }
        }
        Err(Error::NotFound {
            what: "De beoordeling",
        })
    }

    pub fn improvement_plan(&self, id: AssessmentId, today: Date) -> Result<ImprovementPlan> {
        Ok(ImprovementPlan::of(&self.assessment_view(id)?, today))
    }

    /// The round meant by the command line's `--organisation` and `--round`: without them the
    /// open round; with only an organisation its most recent round; with only a round name, that
    /// round of the open round's organisation.
    pub fn find_round(
        &self,
        organisation: Option<&str>,
        round: Option<&str>,
    ) -> Result<Option<AssessmentId>> {
        let conn = &self.conn;
        let organisation = match organisation {
            Some(name) => Some(organisation_by_name(conn, name)?),
            None => match assessments::current(conn)? {
                Some(current) => Some(assessments::catalog_and_organisation(conn, current)?.1),
                None => None,
            },
        };
        let Some(organisation) = organisation else {
            return Ok(None);
        };
        match round {
            None if assessments::current(conn)?
                .map(|c| assessments::catalog_and_organisation(conn, c))
                .transpose()?
                .is_some_and(|(_, o)| o == organisation) =>
            {
                assessments::current(conn)
            }
            None => latest_round(conn, organisation),
            Some(name) => conn
                .query_row(
                    "SELECT id FROM assessment WHERE organisation_id = ?1 AND name = ?2",
                    params![organisation, name.trim()],
                    |r| r.get(0),
                )
                .optional()?
                .ok_or(Error::NotFound {
                    what: "De ronde met deze naam",
                })
                .map(Some),
        }
    }
}

#[cfg(test)]
mod tests {
    use time::macros::date;

    use super::*;
    use crate::{Direction, SealRequest, Status};

    use super::super::fixtures::{ctx, started};

    #[test]
    fn a_round_is_renamed_and_dated_unless_the_name_is_taken_or_it_is_sealed() {
        let mut store = Store::open_in_memory().unwrap();
        let round = store.ensure_started(ctx().at).unwrap();
        let edit = |name: &str, date: Option<&str>| RoundEdit {
            name: name.into(),
            reference_date: date.map(str::to_owned),
        };
        store
            .edit_round(round, &edit(" 2026 (concept) ", Some("2026-12-31")), &ctx())
            .unwrap();
        let view = store.assessment_view(round).unwrap();
        assert_eq!(view.assessment.name, "2026 (concept)");
        assert_eq!(
            view.assessment.reference_date.map(|d| d.to_string()),
            Some("2026-12-31".into())
        );
        store
            .edit_round(round, &edit("2026", None), &ctx())
            .unwrap();
        assert_eq!(
            store
                .assessment_view(round)
                .unwrap()
                .assessment
                .reference_date,
            None
        );

        let organisation = store
            .assessment_view(round)
            .unwrap()
            .assessment
            .organisation_id;
        store
            .create_round(
                &NewRound {
                    organisation,
                    name: "2027".into(),
                    reference_date: None,
                    carry_from: None,
                },
                &ctx(),
            )
            .unwrap();
        let err = store
            .edit_round(round, &edit("2027", None), &ctx())
            .unwrap_err();
        assert_eq!(err.code(), "name_taken");
        let err = store
            .edit_round(round, &edit("2026", Some("2026-02-30")), &ctx())
            .unwrap_err();
        assert_eq!(err.code(), "invalid_input");

        store
            .seal_round(
                round,
                &SealRequest {
                    sealed_by: "College".into(),
                    sealed_on: None,
                },
                &ctx(),
            )
            .unwrap();
        let err = store
            .edit_round(round, &edit("2026 b", None), &ctx())
            .unwrap_err();
        assert_eq!(err.code(), "sealed");
        assert_eq!(
            store.assessment_view(round).unwrap().assessment.name,
            "2026"
        );
        // The log says what changed (newest first); the refused changes are not in it.
        let edits: Vec<String> = store
            .round_events(round)
            .unwrap()
            .into_iter()
            .filter(|e| e.kind == crate::RoundEventKind::Edited)
            .map(|e| e.detail)
            .collect();
        assert_eq!(
            edits,
            [
                "naam 2026 (concept) \u{2192} 2026; peildatum 31-12-2026 \u{2192} geen",
                "naam 2026 \u{2192} 2026 (concept); peildatum geen \u{2192} 31-12-2026",
            ]
        );
    }

    fn status_of(store: &Store, round: AssessmentId, code: &str) -> Option<Status> {
        let view = store.assessment_view(round).unwrap();
        view.themes
            .iter()
            .flat_map(|t| &t.criteria)
            .find(|c| c.code == code)
            .and_then(|c| c.answer.as_ref()?.status)
    }

    #[test]
    fn a_new_round_carries_answers_over_marked_until_confirmed_or_changed() {
        let (mut store, last_year) = started();
        store
            .set_status(
                store.current_round().expect("a round"),
                "1.1",
                Status::Partial,
                Some("loopt"),
                &ctx(),
            )
            .unwrap();
        store
            .set_status(
                store.current_round().expect("a round"),
                "1.2",
                Status::Open,
                None,
                &ctx(),
            )
            .unwrap();
        let organisation = store
            .assessment_view(last_year)
            .unwrap()
            .assessment
            .organisation_id;
        let new = NewRound {
            organisation,
            name: "2027".into(),
            reference_date: Some("2027-01-01".into()),
            carry_from: Some(last_year),
        };
        let round = store.create_round(&new, &ctx()).unwrap();
        assert_eq!(
            store.create_round(&new, &ctx()).unwrap_err().code(),
            "name_taken"
        );
        let view = store.assessment_view(round).unwrap();
        assert_eq!(
            view.assessment
                .reference_date
                .map(|d| d.to_string())
                .as_deref(),
            Some("2027-01-01")
        );
        let c11 = &view.themes[0].criteria[0];
        assert_eq!(c11.answer.as_ref().unwrap().justification, "loopt");
        assert_eq!(c11.carried_from.as_deref(), Some("2026"));
        let summary = &store.rounds().unwrap().organisations[0].rounds[0];
        assert_eq!((summary.name.as_str(), summary.unconfirmed), ("2027", 2));

        // Confirming (saving unchanged) and changing both clear the mark.
        let same = c11.answer.clone().unwrap();
        assert!(store.save_answer(round, c11.id, &same, &ctx()).unwrap());
        store
            .set_status(
                store.current_round().expect("a round"),
                "1.2",
                Status::Implemented,
                None,
                &ctx(),
            )
            .unwrap();
        let view = store.assessment_view(round).unwrap();
        assert!(
            view.themes[0]
                .criteria
                .iter()
                .all(|c| c.carried_from.is_none())
        );
        // Last year's round is untouched.
        assert_eq!(status_of(&store, last_year, "1.2"), Some(Status::Open));

        let bad = NewRound {
            name: "2028".into(),
            reference_date: Some("2028-02-30".into()),
            ..new
        };
        assert_eq!(
            store.create_round(&bad, &ctx()).unwrap_err().code(),
            "invalid_input"
        );
    }

    #[test]
    fn the_comparison_counts_both_rounds_and_lists_changes_with_their_direction() {
        let (mut store, last_year) = started();
        store
            .set_status(
                store.current_round().expect("a round"),
                "1.1",
                Status::Partial,
                None,
                &ctx(),
            )
            .unwrap();
        store
            .set_status(
                store.current_round().expect("a round"),
                "1.2",
                Status::Implemented,
                None,
                &ctx(),
            )
            .unwrap();
        let organisation = store
            .assessment_view(last_year)
            .unwrap()
            .assessment
            .organisation_id;
        let this_year = store
            .create_round(
                &NewRound {
                    organisation,
                    name: "2027".into(),
                    reference_date: None,
                    carry_from: Some(last_year),
                },
                &ctx(),
            )
            .unwrap();
        store
            .set_status(
                store.current_round().expect("a round"),
                "1.1",
                Status::Implemented,
                None,
                &ctx(),
            )
            .unwrap();
        store
            .set_status(
                store.current_round().expect("a round"),
                "1.2",
                Status::Open,
                None,
                &ctx(),
            )
            .unwrap();
        let comparison = store.compare(last_year, this_year).unwrap();
        assert_eq!(comparison.themes[0].from.implemented, 1);
        assert_eq!(comparison.themes[0].to.implemented, 1);
        assert_eq!(comparison.themes[0].from.partial, 1);
        assert_eq!(comparison.themes[0].to.open, 1);
        let changes: Vec<_> = comparison
            .changes
            .iter()
            .map(|c| (c.code.as_str(), c.direction))
            .collect();
        assert_eq!(
            changes,
            [("1.1", Direction::Better), ("1.2", Direction::Worse)]
        );

        let other = store
            .create_organisation(
                "Gemeente West",
                store
                    .current_assessment()
                    .expect("the current round is read"),
                &ctx(),
            )
            .unwrap();
        assert_eq!(
            store.compare(last_year, other).unwrap_err().code(),
            "invalid_input"
        );
    }

    #[test]
    fn the_command_line_finds_rounds_by_organisation_and_name() {
        let (mut store, first) = started();
        assert_eq!(store.find_round(None, None).unwrap(), Some(first));
        assert_eq!(store.find_round(None, Some("2026")).unwrap(), Some(first));
        assert_eq!(
            store.find_round(None, Some("1999")).unwrap_err().code(),
            "not_found"
        );
        let other = store
            .create_organisation(
                "Gemeente Oost",
                store
                    .current_assessment()
                    .expect("the current round is read"),
                &ctx(),
            )
            .unwrap();
        store.open_round(first).unwrap();
        assert_eq!(
            store.find_round(Some("gemeente oost"), None).unwrap(),
            Some(other)
        );
        assert_eq!(
            store.find_round(Some("Onbekend"), None).unwrap_err().code(),
            "not_found"
        );
        let plan = store
            .improvement_plan(first, date!(2026 - 11 - 28))
            .unwrap();
        assert!(plan.items.is_empty());
    }
}
