//! The yearly cycle: organisations, assessment rounds (new, carried over, switched), sealing
//! (vaststellen) and the log of what happened to a round. Each write is one transaction.

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use time::Date;
use ts_rs::TS;

use super::{Store, answers, assessments};
use crate::error::{Error, Result};
use crate::model::{AssessmentId, OrganisationId, Seal};
use crate::{ChangeContext, Comparison, ImprovementPlan};

/// Longest name of an organisation or round.
const MAX_NAME: usize = 120;

/// One round in the list of rounds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RoundSummary {
    /// Its id.
    pub id: AssessmentId,
    /// Its name, e.g. "2026".
    pub name: String,
    /// Reference date (peildatum), `YYYY-MM-DD`, if set.
    pub reference_date: Option<String>,
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

/// Who established a round and on which date.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
pub struct SealRequest {
    /// Who established it.
    pub sealed_by: String,
    /// The date, `YYYY-MM-DD`; `None` = today.
    pub sealed_on: Option<String>,
}

/// What happened to a round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RoundEventKind {
    /// Created (possibly carried over from another round).
    Created,
    /// Sealed.
    Sealed,
    /// Reopened after sealing.
    Unsealed,
    /// Moved to a new catalog version.
    CatalogUpgraded,
}

impl RoundEventKind {
    fn as_str(self) -> &'static str {
        match self {
            RoundEventKind::Created => "created",
            RoundEventKind::Sealed => "sealed",
            RoundEventKind::Unsealed => "unsealed",
            RoundEventKind::CatalogUpgraded => "catalog_upgraded",
        }
    }

    fn from_stored(text: &str) -> Result<RoundEventKind> {
        match text {
            "created" => Ok(RoundEventKind::Created),
            "sealed" => Ok(RoundEventKind::Sealed),
            "unsealed" => Ok(RoundEventKind::Unsealed),
            "catalog_upgraded" => Ok(RoundEventKind::CatalogUpgraded),
            // The schema's CHECK allows no other kind; a file edited by hand could still have one.
            other => Err(Error::StoredData {
                what: "het logboek van een ronde",
                detail: format!("onbekende gebeurtenis {other:?}"),
            }),
        }
    }
}

/// One line of a round's log, newest first when listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RoundEvent {
    /// RFC 3339 moment.
    pub at: String,
    /// Who.
    pub by: String,
    /// What.
    pub kind: RoundEventKind,
    /// Dutch detail, e.g. the fingerprint or what was carried over.
    pub detail: String,
}

/// Whether a sealed round still matches its fingerprint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SealCheck {
    /// The seal as recorded.
    pub seal: Seal,
    /// The fingerprint of the data as it is now.
    pub computed: String,
    /// Whether both are the same.
    pub matches: bool,
}

/// A trimmed, non-empty name of reasonable length, or a Dutch reason why not.
fn clean_name(text: &str, what: &str) -> Result<String> {
    let name = text.trim();
    if name.is_empty() {
        return Err(Error::InvalidInput {
            reason: format!("Geef {what} een naam."),
        });
    }
    if name.chars().count() > MAX_NAME || name.chars().any(char::is_control) {
        return Err(Error::InvalidInput {
            reason: format!(
                "De naam van {what} mag hoogstens {MAX_NAME} tekens lang zijn en geen regeleinden of tabs bevatten."
            ),
        });
    }
    Ok(name.to_owned())
}

/// A `YYYY-MM-DD` date that exists, normalised; a Dutch reason otherwise.
pub(crate) fn clean_date(text: &str) -> Result<String> {
    let format = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(text.trim(), format)
        .map(|d| d.to_string())
        .map_err(|_| Error::InvalidInput {
            reason: format!(
                "De datum \u{201c}{}\u{201d} bestaat niet of is niet geschreven als JJJJ-MM-DD (bijvoorbeeld 2026-12-31).",
                text.trim()
            ),
        })
}

/// Refuses a name another organisation has (ignoring case: "Gemeente Oost" and "gemeente oost"
/// would be the same municipality).
fn ensure_organisation_name_free(
    conn: &Connection,
    name: &str,
    except: Option<OrganisationId>,
) -> Result<()> {
    let taken: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM organisation WHERE name = ?1 COLLATE NOCASE
                        AND id IS NOT ?2)",
        params![name, except],
        |r| r.get(0),
    )?;
    if taken {
        return Err(Error::NameTaken {
            name: name.to_owned(),
        });
    }
    Ok(())
}

pub(super) fn log_event(
    conn: &Connection,
    id: AssessmentId,
    kind: RoundEventKind,
    detail: &str,
    ctx: &ChangeContext,
) -> Result<()> {
    conn.execute(
        "INSERT INTO assessment_event (assessment_id, at, by, kind, detail)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![id, super::timestamp(ctx.at), ctx.by, kind.as_str(), detail],
    )?;
    Ok(())
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

/// Refuses any change to a sealed round.
pub(crate) fn ensure_open(conn: &Connection, id: AssessmentId) -> Result<()> {
    let (name, sealed): (String, Option<String>) = conn
        .query_row(
            "SELECT name, sealed_at FROM assessment WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or(Error::NotFound {
            what: "De beoordeling",
        })?;
    match sealed {
        Some(_) => Err(Error::Sealed { round: name }),
        None => Ok(()),
    }
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

fn organisation_by_name(conn: &Connection, name: &str) -> Result<OrganisationId> {
    conn.query_row(
        "SELECT id FROM organisation WHERE name = ?1 COLLATE NOCASE",
        [name.trim()],
        |r| r.get(0),
    )
    .optional()?
    .ok_or(Error::NotFound {
        what: "De organisatie met deze naam",
    })
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

    /// Creates an organisation with a first round (named after the year, on the catalog of
    /// `catalog_of`, the round the user has open) and opens that round.
    pub fn create_organisation(
        &mut self,
        name: &str,
        catalog_of: Option<AssessmentId>,
        ctx: &ChangeContext,
    ) -> Result<AssessmentId> {
        let name = clean_name(name, "de organisatie")?;
        self.write(|conn| {
            let catalog = match catalog_of {
                Some(current) => assessments::catalog_and_organisation(conn, current)?.0,
                None => match super::catalogs::first(conn)? {
                    Some(catalog) => catalog,
                    None => super::catalogs::insert_example(conn, ctx.at)?,
                },
            };
            ensure_organisation_name_free(conn, &name, None)?;
            conn.execute(
                "INSERT INTO organisation (name, created_at) VALUES (?1, ?2)",
                params![name, super::timestamp(ctx.at)],
            )?;
            let organisation = OrganisationId(conn.last_insert_rowid());
            let round = assessments::create(
                conn,
                organisation,
                catalog,
                &ctx.at.year().to_string(),
                ctx.at,
            )?;
            log_event(conn, round, RoundEventKind::Created, "", ctx)?;
            assessments::set_current(conn, round)?;
            Ok(round)
        })
    }

    /// Renames an organisation.
    pub fn rename_organisation(&mut self, id: OrganisationId, name: &str) -> Result<()> {
        let name = clean_name(name, "de organisatie")?;
        self.write(|conn| {
            ensure_organisation_name_free(conn, &name, Some(id))?;
            let changed = conn.execute(
                "UPDATE organisation SET name = ?2 WHERE id = ?1",
                params![id, name],
            )?;
            if changed == 0 {
                return Err(Error::NotFound {
                    what: "De organisatie",
                });
            }
            Ok(())
        })
    }

    /// Opens another round: it becomes the current one, also after a restart.
    pub fn open_round(&mut self, id: AssessmentId) -> Result<crate::AssessmentView> {
        self.write(|conn| {
            round_name(conn, id)?;
            assessments::set_current(conn, id)
        })?;
        self.assessment_view(id)
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
            let taken: bool = conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM assessment WHERE organisation_id = ?1 AND name = ?2)",
                params![new.organisation, name],
                |r| r.get(0),
            )?;
            if taken {
                return Err(Error::NameTaken { name: name.clone() });
            }
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

    /// Seals (vaststellen) a round: it becomes read-only and gets a fingerprint of its contents.
    pub fn seal_round(
        &mut self,
        id: AssessmentId,
        request: &SealRequest,
        ctx: &ChangeContext,
    ) -> Result<Seal> {
        let sealed_by = clean_name(&request.sealed_by, "wie de beoordeling vaststelt")
            .map_err(|_| Error::InvalidInput {
                reason: "Vul in wie de beoordeling vaststelt (bijvoorbeeld \u{201c}College van B&W\u{201d} of uw naam).".into(),
            })?;
        let sealed_on = match request
            .sealed_on
            .as_deref()
            .filter(|d| !d.trim().is_empty())
        {
            Some(date) => clean_date(date)?,
            None => ctx.at.date().to_string(),
        };
        self.write(|conn| {
            ensure_open(conn, id)?;
            let view = crate::view::load(conn, id)?;
            let fingerprint = crate::fingerprint::of(&view, &sealed_on, &sealed_by)?;
            conn.execute(
                "UPDATE assessment SET sealed_at = ?2, sealed_by = ?3, fingerprint = ?4 WHERE id = ?1",
                params![id, sealed_on, sealed_by, fingerprint],
            )?;
            log_event(
                conn,
                id,
                RoundEventKind::Sealed,
                &format!("Vastgesteld op {sealed_on} door {sealed_by}. Vingerafdruk {fingerprint}."),
                ctx,
            )?;
            Ok(Seal {
                sealed_on,
                sealed_by,
                fingerprint,
            })
        })
    }

    /// Reopens a sealed round; the earlier seal stays in the round's log.
    pub fn unseal_round(&mut self, id: AssessmentId, ctx: &ChangeContext) -> Result<()> {
        self.write(|conn| {
            let seal = conn
                .query_row(
                    "SELECT sealed_at, sealed_by, fingerprint FROM assessment WHERE id = ?1",
                    [id],
                    |r| Seal::from_row(r, 0),
                )
                .optional()?
                .ok_or(Error::NotFound {
                    what: "De beoordeling",
                })?;
            let Some(seal) = seal else {
                return Ok(());
            };
            conn.execute(
                "UPDATE assessment SET sealed_at = NULL, sealed_by = NULL, fingerprint = NULL WHERE id = ?1",
                [id],
            )?;
            log_event(
                conn,
                id,
                RoundEventKind::Unsealed,
                &format!(
                    "Heropend. Was vastgesteld op {} door {}, vingerafdruk {}.",
                    seal.sealed_on, seal.sealed_by, seal.fingerprint
                ),
                ctx,
            )
        })
    }

    /// For a sealed round: the seal and whether the data still match its fingerprint.
    pub fn check_seal(&self, id: AssessmentId) -> Result<Option<SealCheck>> {
        let view = self.assessment_view(id)?;
        view.assessment
            .seal
            .clone()
            .map(|seal| {
                let computed = crate::fingerprint::of(&view, &seal.sealed_on, &seal.sealed_by)?;
                Ok(SealCheck {
                    matches: computed == seal.fingerprint,
                    seal,
                    computed,
                })
            })
            .transpose()
    }

    /// What happened to a round, newest first.
    pub fn round_events(&self, id: AssessmentId) -> Result<Vec<RoundEvent>> {
        let mut stmt = self.conn.prepare(
            "SELECT at, by, kind, detail FROM assessment_event WHERE assessment_id = ?1 ORDER BY id DESC",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        let mut events = Vec::new();
        for row in rows {
            let (at, by, kind, detail) = row?;
            events.push(RoundEvent {
                at,
                by,
                kind: RoundEventKind::from_stored(&kind)?,
                detail,
            });
        }
        Ok(events)
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
    use time::macros::{date, datetime};

    use super::*;
    use crate::{AnswerInput, CatalogDraft, CriterionDraft, Direction, Status, ThemeDraft};

    fn ctx() -> ChangeContext {
        ChangeContext {
            at: datetime!(2026-11-28 10:00 UTC),
            by: "fg".into(),
        }
    }

    fn started() -> (Store, AssessmentId) {
        let mut store = Store::open_in_memory().unwrap();
        let round = store.ensure_started(ctx().at).unwrap();
        (store, round)
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
    fn a_second_organisation_gets_its_own_first_round_and_names_stay_unique() {
        let (mut store, first) = started();
        let second = store
            .create_organisation(
                "Gemeente Oost",
                store
                    .current_assessment()
                    .expect("the current round is read"),
                &ctx(),
            )
            .unwrap();
        assert_ne!(second, first);
        assert_eq!(store.current_assessment().unwrap(), Some(second));
        let view = store.assessment_view(second).unwrap();
        assert_eq!(view.assessment.organisation, "Gemeente Oost");
        assert_eq!(view.assessment.name, "2026");
        let err = store
            .create_organisation(
                " gemeente oost ",
                store
                    .current_assessment()
                    .expect("the current round is read"),
                &ctx(),
            )
            .unwrap_err();
        assert_eq!(err.code(), "name_taken");
        assert_eq!(
            store
                .create_organisation(
                    "  ",
                    store
                        .current_assessment()
                        .expect("the current round is read"),
                    &ctx()
                )
                .unwrap_err()
                .code(),
            "invalid_input"
        );
        let organisation = view.assessment.organisation_id;
        store
            .rename_organisation(organisation, "Gemeente Oosterhout")
            .unwrap();
        let rounds = store.rounds().unwrap();
        let names: Vec<_> = rounds
            .organisations
            .iter()
            .map(|o| o.name.as_str())
            .collect();
        assert_eq!(names, ["Gemeente Oosterhout", "Mijn organisatie"]);
        assert_eq!(rounds.current, Some(second));
        store.open_round(first).unwrap();
        assert_eq!(store.current_assessment().unwrap(), Some(first));
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
            view.assessment.reference_date.as_deref(),
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
    fn a_sealed_round_is_read_only_until_reopened_and_its_fingerprint_verifies() {
        let (mut store, round) = started();
        store
            .set_status(
                store.current_round().expect("a round"),
                "1.1",
                Status::Implemented,
                None,
                &ctx(),
            )
            .unwrap();
        let request = SealRequest {
            sealed_by: "College van B&W".into(),
            sealed_on: Some("2026-12-01".into()),
        };
        let seal = store.seal_round(round, &request, &ctx()).unwrap();
        assert_eq!(seal.fingerprint.len(), 64);
        assert_eq!(seal.sealed_on, "2026-12-01");
        let check = store.check_seal(round).unwrap().unwrap();
        assert!(check.matches);

        let err = store
            .set_status(
                store.current_round().expect("a round"),
                "1.1",
                Status::Open,
                None,
                &ctx(),
            )
            .unwrap_err();
        assert_eq!(err.code(), "sealed");
        assert!(err.to_string().contains("vastgesteld"));
        let criterion = store.assessment_view(round).unwrap().themes[0].criteria[1].id;
        let err = store
            .save_answer(round, criterion, &AnswerInput::default(), &ctx())
            .unwrap_err();
        assert_eq!(err.code(), "sealed");
        // Even a direct write is stopped by the database itself.
        assert!(store.conn.execute("DELETE FROM answer", []).is_err());
        assert_eq!(
            store
                .seal_round(round, &request, &ctx())
                .unwrap_err()
                .code(),
            "sealed"
        );

        store.unseal_round(round, &ctx()).unwrap();
        assert!(store.check_seal(round).unwrap().is_none());
        store
            .set_status(
                store.current_round().expect("a round"),
                "1.1",
                Status::Open,
                None,
                &ctx(),
            )
            .unwrap();
        let events = store.round_events(round).unwrap();
        assert_eq!(events[0].kind, RoundEventKind::Unsealed);
        assert!(events[0].detail.contains(&seal.fingerprint));
        assert_eq!(events[1].kind, RoundEventKind::Sealed);
        // Sealing again now gives another fingerprint, because the data changed.
        let again = store.seal_round(round, &request, &ctx()).unwrap();
        assert_ne!(again.fingerprint, seal.fingerprint);
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

    fn version(version: &str, criteria: &[(&str, &str)]) -> CatalogDraft {
        CatalogDraft {
            name: "Criteria borging AVG".into(),
            version: version.into(),
            themes: vec![ThemeDraft {
                name: "Governance".into(),
                criteria: criteria
                    .iter()
                    .enumerate()
                    .map(|(i, (code, text))| CriterionDraft {
                        code: (*code).into(),
                        text: (*text).into(),
                        row: i as u32 + 2,
                        ..CriterionDraft::default()
                    })
                    .collect(),
            }],
        }
    }

    #[test]
    fn moving_a_round_to_a_new_catalog_version_carries_matched_answers_and_lists_the_rest() {
        let mut store = Store::open_in_memory().unwrap();
        let old = version(
            "2024",
            &[
                (
                    "1.1",
                    "Er is een functionaris gegevensbescherming aangesteld",
                ),
                ("1.2", "De organisatie heeft een register van verwerkingen"),
                ("1.3", "Datalekken worden binnen 72 uur gemeld"),
            ],
        );
        let outcome = store
            .import_catalog(
                store
                    .current_assessment()
                    .expect("the current round is read"),
                &old,
                &ctx(),
            )
            .unwrap();
        let round = outcome.assessment;
        for (code, status) in [
            ("1.1", Status::Implemented),
            ("1.2", Status::Partial),
            ("1.3", Status::Open),
        ] {
            store
                .set_status(
                    store.current_round().expect("a round"),
                    code,
                    status,
                    None,
                    &ctx(),
                )
                .unwrap();
        }
        let new = version(
            "2025",
            &[
                (
                    "1.1",
                    "Er is een functionaris gegevensbescherming aangesteld",
                ),
                (
                    "1.2",
                    "De organisatie houdt een actueel register van verwerkingen bij",
                ),
                ("1.4", "Er is een verwerkersovereenkomst met elke verwerker"),
            ],
        );
        let plan = crate::import::ImportPlan {
            file_name: "criteria 2025.xlsx".into(),
            sheet: "Criteria".into(),
            sheets: vec!["Criteria".into()],
            header_row: 1,
            headers: Vec::new(),
            header_signature: String::new(),
            mapping: crate::import::ColumnMapping::default(),
            mapping_source: crate::import::MappingSource::Detected,
            mapping_certain: true,
            preview: Vec::new(),
            catalog: new.clone(),
            findings: Vec::new(),
            own_export: false,
            rows_read: 3,
        };
        let changes = store
            .catalog_changes(store.current_round().expect("a round"), &plan)
            .unwrap()
            .expect("a newer version");
        assert_eq!(changes.unchanged, 1);
        assert_eq!(changes.reworded.len(), 1);
        assert_eq!(changes.reworded[0].old.code, "1.2");
        assert_eq!(changes.added[0].code, "1.4");
        assert_eq!(changes.removed[0].criterion.code, "1.3");
        assert_eq!(changes.removed[0].status, Some(Status::Open));

        let outcome = store
            .apply_import_upgrading(store.current_round().expect("a round"), &plan, &ctx())
            .unwrap();
        assert_eq!(outcome.assessment, round, "the round itself moved");
        assert_eq!(outcome.catalog_changes.as_ref(), Some(&changes));
        let view = store.assessment_view(round).unwrap();
        assert_eq!(view.assessment.catalog_version, "2025");
        let by_code = |code: &str| {
            view.themes[0]
                .criteria
                .iter()
                .find(|c| c.code == code)
                .cloned()
                .unwrap()
        };
        assert_eq!(
            by_code("1.1").answer.unwrap().status,
            Some(Status::Implemented)
        );
        assert_eq!(
            by_code("1.1").carried_from,
            None,
            "unchanged: nothing to review"
        );
        assert_eq!(by_code("1.2").answer.unwrap().status, Some(Status::Partial));
        assert_eq!(by_code("1.2").carried_from.as_deref(), Some("versie 2024"));
        assert!(by_code("1.4").answer.is_none());
        // The history of 1.2 still shows what happened on the old version.
        let history = store.answer_history(round, by_code("1.2").id).unwrap();
        assert!(history.len() >= 3);
        assert_eq!(
            store.round_events(round).unwrap()[0].kind,
            RoundEventKind::CatalogUpgraded
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
