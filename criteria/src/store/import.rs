//! Writing a confirmed import: the catalog, the round it belongs to, and the answers, in one
//! transaction. See the command-line contract in issue 3: the current round afterwards is the one
//! on the imported catalog; a still-empty round on the example catalog is simply re-pointed, and a
//! round with answers on another catalog is never changed.

use std::collections::BTreeMap;

use rusqlite::{Connection, params};
use serde::{Serialize, de::DeserializeOwned};
use time::OffsetDateTime;
use ts_rs::TS;

use super::{answers, assessments, catalogs};
use crate::error::{Error, Result};
use crate::model::{AssessmentId, CatalogId, OrganisationId};
use crate::{AnswerCounts, CatalogDraft, ChangeContext};

/// What a confirmed import did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportOutcome {
    /// The catalog the criteria are in now.
    pub catalog: CatalogId,
    /// Whether that catalog was new (otherwise an identical one was stored already).
    pub new_catalog: bool,
    /// The catalog's version as stored (a suffix is added when the same name and version was
    /// stored before with other criteria).
    pub catalog_version: String,
    /// The round the answers went into; it is the current round now.
    pub assessment: AssessmentId,
    /// Its name.
    pub assessment_name: String,
    /// Whether that round was created by this import.
    pub new_assessment: bool,
    /// Whether that round had no answers before this import (a new round, the empty example
    /// round, or a round made without answers): its answers were read in, not changed.
    pub fresh_round: bool,
    /// Number of criteria in the file.
    pub criteria: u32,
    /// Number of answers that changed.
    pub answers_changed: u32,
    /// Rows of the file whose code the stored catalog does not have (only when a re-imported
    /// export is matched to the catalog it came from); their answers were not imported.
    pub skipped: u32,
    /// When the round was moved to this new catalog version: the review list (reworded
    /// criteria with carried answers to check, new criteria, removed criteria).
    pub catalog_changes: Option<crate::CatalogChanges>,
}

impl ImportOutcome {
    /// "43 antwoorden ingelezen" into a round that had no answers yet, "1 antwoord gewijzigd"
    /// where answers replaced earlier ones. (The window words it the same in `importing.ts`.)
    pub fn answers_phrase(&self) -> String {
        let n = self.answers_changed;
        let noun = if n == 1 { "antwoord" } else { "antwoorden" };
        let fresh = self.fresh_round;
        format!(
            "{n} {noun} {}",
            if fresh { "ingelezen" } else { "gewijzigd" }
        )
    }
}

/// How the rows of a file relate to the catalog they are imported into.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Source {
    /// Our own export: matched to its catalog by name, version and row keys; a row without status
    /// or notes means the answer was cleared in the workbook.
    OwnExport,
    /// Any other workbook: the catalog is what the file says.
    Workbook,
}

/// Imports `draft` into the store; a new round is named `new_round` (checked), else after the
/// year. The caller holds the transaction.
pub(super) fn apply(
    conn: &Connection,
    draft: &CatalogDraft,
    source: Source,
    round: Option<AssessmentId>,
    new_round: Option<&str>,
    ctx: &ChangeContext,
) -> Result<ImportOutcome> {
    let (catalog, inserted, catalog_version) = find_or_insert_catalog(conn, draft, source, ctx.at)?;
    let new_catalog = inserted.is_some();
    let (assessment, new_assessment) = target_assessment(conn, catalog, round, new_round, ctx.at)?;
    if !new_assessment {
        super::sealing::ensure_open(conn, assessment)?;
    }
    let fresh_round = new_assessment || !assessments::has_answers(conn, assessment)?;
    assessments::set_current(conn, assessment)?;

    let by_code = criteria_ids(conn, catalog, inserted)?;
    let mut answers_changed = 0;
    let mut skipped = 0;
    let empty = crate::AnswerInput::default();
    for criterion in draft.criteria() {
        let Some(id) = by_code.get(&criterion.code) else {
            skipped += 1;
            continue;
        };
        let answer = match (&criterion.answer, source) {
            (Some(answer), _) => answer,
            // In our own export an empty row is an answer someone cleared.
            (None, Source::OwnExport) => &empty,
            (None, Source::Workbook) => continue,
        };
        let changed = if new_catalog {
            answers::save_first(conn, assessment, *id, answer, ctx)?
        } else {
            answers::save(conn, assessment, *id, answer, ctx)?
        };
        if changed {
            answers_changed += 1;
        }
    }
    let assessment_name = conn.query_row(
        "SELECT name FROM assessment WHERE id = ?1",
        [assessment],
        |row| row.get(0),
    )?;
    Ok(ImportOutcome {
        catalog,
        new_catalog,
        catalog_version,
        assessment,
        assessment_name,
        new_assessment,
        fresh_round,
        criteria: u32::try_from(draft.criteria().count()).unwrap_or(u32::MAX),
        answers_changed,
        skipped,
        catalog_changes: None,
    })
}

/// Imports `draft` as a new version of `round`'s catalog and moves that round to it (see
/// `Store::apply_import_upgrading`). The caller holds the transaction.
pub(super) fn apply_upgrading(
    conn: &Connection,
    draft: &CatalogDraft,
    round: AssessmentId,
    ctx: &ChangeContext,
) -> Result<ImportOutcome> {
    super::sealing::ensure_open(conn, round)?;
    let fresh_round = !assessments::has_answers(conn, round)?;
    let old = crate::view::load(conn, round)?;
    let (catalog, inserted, catalog_version) =
        find_or_insert_catalog(conn, draft, Source::Workbook, ctx.at)?;
    let new_catalog = inserted.is_some();
    let (old_catalog, _) = assessments::catalog_and_organisation(conn, round)?;
    if catalog == old_catalog {
        // The same criteria: nothing to move, an ordinary import.
        return apply(conn, draft, Source::Workbook, Some(round), None, ctx);
    }
    let (changes, continuations) = crate::catalog_changes::between(&old, draft);
    let by_code = criteria_ids(conn, catalog, inserted)?;
    let origin = format!("versie {}", old.assessment.catalog_version);

    // First clear every answer on the old version (recorded in the history), then point the
    // round at the new version and write the carried answers there.
    let mut moved = Vec::new();
    for criterion in old.themes.iter().flat_map(|t| &t.criteria) {
        let Some(answer) = &criterion.answer else {
            continue;
        };
        answers::write_change(
            conn,
            round,
            criterion.id,
            Some(answer),
            &crate::AnswerInput::default(),
            None,
            ctx,
        )?;
        let continuation = continuations.iter().find(|c| c.old == criterion.id);
        if let Some(next) = continuation.and_then(|c| by_code.get(&c.new_code).map(|id| (c, id))) {
            let (continuation, new_id) = next;
            let marker = if continuation.review {
                Some(origin.clone())
            } else {
                criterion.carried_from.clone()
            };
            moved.push((*new_id, answer.clone(), marker));
        }
    }
    assessments::set_catalog(conn, round, catalog)?;
    for (id, answer, marker) in &moved {
        answers::write_change(conn, round, *id, None, answer, marker.as_deref(), ctx)?;
    }
    let mut answers_changed = 0;
    for criterion in draft.criteria() {
        if let (Some(answer), Some(id)) = (&criterion.answer, by_code.get(&criterion.code))
            && answers::save(conn, round, *id, answer, ctx)?
        {
            answers_changed += 1;
        }
    }
    super::events::log_event(
        conn,
        round,
        super::events::RoundEventKind::CatalogUpgraded,
        &format!(
            "Overgezet van versie {} naar versie {catalog_version}: {} antwoorden overgenomen, {} gewijzigde criteria te controleren, {} nieuwe en {} vervallen criteria.",
            old.assessment.catalog_version,
            moved.len(),
            changes.reworded.len(),
            changes.added.len(),
            changes.removed.len()
        ),
        ctx,
    )?;
    Ok(ImportOutcome {
        catalog,
        new_catalog,
        catalog_version,
        assessment: round,
        assessment_name: old.assessment.name.clone(),
        new_assessment: false,
        fresh_round,
        criteria: u32::try_from(draft.criteria().count()).unwrap_or(u32::MAX),
        answers_changed,
        skipped: 0,
        catalog_changes: Some(changes),
    })
}

/// The catalog a draft goes into, decided without writing: a stored one, or a new one with this
/// version. [`find_or_insert_catalog`] and the dry run's [`destination`] both use it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum CatalogChoice {
    Stored { id: CatalogId, version: String },
    New { version: String },
}

impl CatalogChoice {
    fn stored(&self) -> Option<CatalogId> {
        match self {
            CatalogChoice::Stored { id, .. } => Some(*id),
            CatalogChoice::New { .. } => None,
        }
    }

    fn version(&self) -> &str {
        match self {
            CatalogChoice::Stored { version, .. } | CatalogChoice::New { version } => version,
        }
    }
}

/// Our own export goes back into the catalog it came from (same name and version), whatever
/// colleagues sorted, inserted or reworded. Another workbook reuses a stored catalog of the same
/// name with exactly the same criteria (in any order, any version: the version of such a file is
/// only the import date); otherwise it becomes a new catalog version.
fn choose_catalog(
    conn: &Connection,
    draft: &CatalogDraft,
    source: Source,
) -> Result<CatalogChoice> {
    if source == Source::OwnExport
        && let Some(existing) = catalogs::find(conn, &draft.name, &draft.version)?
    {
        return Ok(CatalogChoice::Stored {
            id: existing,
            version: draft.version.clone(),
        });
    }
    let mut stmt =
        conn.prepare("SELECT id, version FROM catalog WHERE name = ?1 ORDER BY id DESC")?;
    let same_name = stmt
        .query_map([&draft.name], |row| {
            Ok((row.get::<_, CatalogId>(0)?, row.get::<_, String>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    // Only built when there is something to compare with: for a first import of 50,000 rows
    // this copy of every text was 4% of the time (issue 7).
    if !same_name.is_empty() {
        let wanted = criteria_of_draft(draft);
        for (existing, version) in &same_name {
            if stored_criteria(conn, *existing)? == wanted {
                return Ok(CatalogChoice::Stored {
                    id: *existing,
                    version: version.clone(),
                });
            }
        }
    }
    let mut version = draft.version.clone();
    let mut n = 2;
    while same_name.iter().any(|(_, v)| *v == version) {
        version = format!("{} ({n})", draft.version);
        n += 1;
    }
    Ok(CatalogChoice::New { version })
}

/// The catalog the rows go into ([`choose_catalog`], inserted when new), the ids of its criteria
/// by code when it was inserted now (an existing catalog's are looked up by the caller), and its
/// stored version.
fn find_or_insert_catalog(
    conn: &Connection,
    draft: &CatalogDraft,
    source: Source,
    now: OffsetDateTime,
) -> Result<(CatalogId, Option<catalogs::CriteriaByCode>, String)> {
    match choose_catalog(conn, draft, source)? {
        CatalogChoice::Stored { id, version } => Ok((id, None, version)),
        CatalogChoice::New { version } => {
            let (id, ids) = catalogs::insert(conn, draft, &version, false, now)?;
            Ok((id, Some(ids), version))
        }
    }
}

/// The criterion ids of `catalog` by code: those `find_or_insert_catalog` got from inserting it,
/// or else looked up.
fn criteria_ids(
    conn: &Connection,
    catalog: CatalogId,
    inserted: Option<catalogs::CriteriaByCode>,
) -> Result<catalogs::CriteriaByCode> {
    match inserted {
        Some(ids) => Ok(ids),
        None => catalogs::criteria_by_code(conn, catalog),
    }
}

/// Code → (theme, text, explanation, legal basis): a catalog's content regardless of row order.
type Content = std::collections::BTreeMap<String, (String, String, String, String)>;

fn criteria_of_draft(draft: &CatalogDraft) -> Content {
    draft
        .themes
        .iter()
        .flat_map(|t| {
            t.criteria.iter().map(|c| {
                (
                    c.code.clone(),
                    (
                        t.name.clone(),
                        c.text.clone(),
                        c.explanation.clone(),
                        c.legal_basis.clone(),
                    ),
                )
            })
        })
        .collect()
}

fn stored_criteria(conn: &Connection, catalog: CatalogId) -> Result<Content> {
    let mut stmt = conn.prepare(
        "SELECT c.code, t.name, c.text, c.explanation, c.legal_basis
         FROM criterion c JOIN theme t ON t.id = c.theme_id WHERE c.catalog_id = ?1",
    )?;
    let rows = stmt.query_map(params![catalog], |row| {
        Ok((
            row.get::<_, String>(0)?,
            (row.get(1)?, row.get(2)?, row.get(3)?, row.get(4)?),
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The round that receives an import, decided without writing.
#[derive(Debug, Clone, PartialEq, Eq)]
enum RoundChoice {
    /// The open round: it is on the imported catalog.
    Same(AssessmentId),
    /// The open round, still empty on the example catalog: it is pointed at the imported one.
    Example(AssessmentId),
    /// A new round of this organisation (`None`: the database has none; one is made), with
    /// the name proposed for it.
    New {
        organisation: Option<OrganisationId>,
        proposed: String,
    },
}

/// Which round receives an import into `catalog` (`None`: a catalog that is not stored yet) for
/// `round`, the one the user has open: that round when it is on the catalog or is an empty
/// round on the example catalog, otherwise a new round of its organisation named after the year
/// ("2026", or "2026 (2)" when taken).
fn choose_round(
    conn: &Connection,
    catalog: Option<CatalogId>,
    round: Option<AssessmentId>,
    now: OffsetDateTime,
) -> Result<RoundChoice> {
    let year = now.year().to_string();
    let Some(current) = round else {
        let organisation = assessments::first_organisation(conn)?;
        let proposed = match organisation {
            Some(organisation) => assessments::free_name(conn, organisation, &year)?,
            None => year,
        };
        return Ok(RoundChoice::New {
            organisation,
            proposed,
        });
    };
    let (current_catalog, organisation) = assessments::catalog_and_organisation(conn, current)?;
    if catalog == Some(current_catalog) {
        return Ok(RoundChoice::Same(current));
    }
    if catalogs::is_example(conn, current_catalog)? && !assessments::has_answers(conn, current)? {
        return Ok(RoundChoice::Example(current));
    }
    Ok(RoundChoice::New {
        organisation: Some(organisation),
        proposed: assessments::free_name(conn, organisation, &year)?,
    })
}

/// The name of the new round: the user's (`given`, checked like every round name) or the one
/// proposed. A name given when no new round is made is refused rather than ignored.
fn new_round_name(conn: &Connection, choice: &RoundChoice, given: Option<&str>) -> Result<String> {
    match (choice, given) {
        (RoundChoice::New { proposed, .. }, None) => Ok(proposed.clone()),
        (RoundChoice::New { organisation, .. }, Some(given)) => {
            let name = super::organisations::clean_name(given, "de nieuwe ronde")?;
            if let Some(organisation) = organisation {
                super::rounds::ensure_round_name_free(conn, *organisation, &name, None)?;
            }
            Ok(name)
        }
        (RoundChoice::Same(round) | RoundChoice::Example(round), Some(_)) => {
            Err(no_new_round(conn, *round))
        }
        (RoundChoice::Same(round) | RoundChoice::Example(round), None) => round_name(conn, *round),
    }
}

/// The refusal of a new round's name when the import goes into an existing round.
fn no_new_round(conn: &Connection, round: AssessmentId) -> Error {
    match round_name(conn, round) {
        Ok(name) => Error::InvalidInput {
            reason: format!(
                "De antwoorden gaan naar de bestaande ronde {name}; er wordt geen nieuwe ronde gemaakt. Geef geen naam voor een nieuwe ronde op."
            ),
        },
        Err(err) => err,
    }
}

fn round_name(conn: &Connection, round: AssessmentId) -> Result<String> {
    Ok(conn.query_row(
        "SELECT name FROM assessment WHERE id = ?1",
        [round],
        |row| row.get(0),
    )?)
}

/// The round that receives the import ([`choose_round`], created or re-pointed now), and
/// whether it was created for it.
fn target_assessment(
    conn: &Connection,
    catalog: CatalogId,
    round: Option<AssessmentId>,
    new_round: Option<&str>,
    now: OffsetDateTime,
) -> Result<(AssessmentId, bool)> {
    let choice = choose_round(conn, Some(catalog), round, now)?;
    let name = new_round_name(conn, &choice, new_round)?;
    match choice {
        RoundChoice::Same(current) => Ok((current, false)),
        RoundChoice::Example(current) => {
            assessments::set_catalog(conn, current, catalog)?;
            Ok((current, false))
        }
        RoundChoice::New { organisation, .. } => {
            let organisation = match organisation {
                Some(organisation) => organisation,
                None => assessments::first_or_create_organisation(conn, now)?,
            };
            Ok((
                assessments::create(conn, organisation, catalog, &name, now)?,
                true,
            ))
        }
    }
}

/// Where a confirmed import would put its criteria and answers: the dry run says it before the
/// user confirms, and the new round's name can be changed there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportDestination {
    /// What happens to the round.
    pub kind: DestinationKind,
    /// The existing round; `None` when a new round is made.
    pub round: Option<AssessmentId>,
    /// Its name, or the name the new round gets (proposed, or as the user gave it).
    pub round_name: String,
    /// The organisation of the round.
    pub organisation: String,
    /// Whether that organisation is made too (a database without any).
    pub new_organisation: bool,
    /// Whether the existing round is sealed: confirming is then refused until it is reopened.
    pub sealed: bool,
    /// Whether the criteria are stored as a new criteria set (or a new version of one).
    pub new_catalog: bool,
    /// The criteria set's name as it will be stored.
    pub catalog_name: String,
    /// Its version as it will be stored (a suffix is added when that version exists with other
    /// criteria).
    pub catalog_version: String,
    /// Criteria in the file.
    pub criteria: u32,
    /// Themes in the file.
    pub themes: u32,
    /// The file's answers per status.
    pub answers: AnswerCounts,
}

/// What a confirmed import does with the round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DestinationKind {
    /// Into the round the user has open, which is on these criteria.
    Existing,
    /// Into the round the user has open, still empty on the example criteria: they are replaced.
    ReplacesExample,
    /// The open round moves to this new version of its criteria set, its answers carried over.
    Moved,
    /// Into a new round of the organisation.
    NewRound,
}

/// Where an import of `draft` for `round` would go ([`choose_catalog`] and [`choose_round`],
/// the rules [`apply`] and [`apply_upgrading`] follow), without writing anything.
/// `moving`: the user chose to move `round` to this new catalog version.
pub(super) fn destination(
    conn: &Connection,
    draft: &CatalogDraft,
    source: Source,
    round: Option<AssessmentId>,
    new_round: Option<&str>,
    moving: bool,
    now: OffsetDateTime,
) -> Result<ImportDestination> {
    // Moving a round reads the file as a workbook, as `apply_upgrading` does.
    let source = if moving { Source::Workbook } else { source };
    let catalog = choose_catalog(conn, draft, source)?;
    let moved = match (moving, round) {
        (true, Some(round)) => {
            let (old, _) = assessments::catalog_and_organisation(conn, round)?;
            (catalog.stored() != Some(old)).then_some(round)
        }
        _ => None,
    };
    let (kind, round, round_name, organisation) = if let Some(round) = moved {
        if new_round.is_some() {
            return Err(no_new_round(conn, round));
        }
        let organisation = assessments::catalog_and_organisation(conn, round)?.1;
        (
            DestinationKind::Moved,
            Some(round),
            round_name(conn, round)?,
            Some(organisation),
        )
    } else {
        let choice = choose_round(conn, catalog.stored(), round, now)?;
        let name = new_round_name(conn, &choice, new_round)?;
        match choice {
            RoundChoice::Same(round) | RoundChoice::Example(round) => (
                if matches!(choice, RoundChoice::Same(_)) {
                    DestinationKind::Existing
                } else {
                    DestinationKind::ReplacesExample
                },
                Some(round),
                name,
                Some(assessments::catalog_and_organisation(conn, round)?.1),
            ),
            RoundChoice::New { organisation, .. } => {
                (DestinationKind::NewRound, None, name, organisation)
            }
        }
    };
    let organisation_name = match organisation {
        Some(id) => assessments::organisation_name(conn, id)?,
        None => assessments::FIRST_ORGANISATION.to_owned(),
    };
    let sealed = match round {
        Some(round) if kind != DestinationKind::NewRound => conn.query_row(
            "SELECT sealed_at IS NOT NULL FROM assessment WHERE id = ?1",
            [round],
            |row| row.get(0),
        )?,
        _ => false,
    };
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    Ok(ImportDestination {
        kind,
        round: if kind == DestinationKind::NewRound {
            None
        } else {
            round
        },
        round_name,
        organisation: organisation_name,
        new_organisation: organisation.is_none(),
        sealed,
        new_catalog: catalog.stored().is_none(),
        catalog_name: draft.name.clone(),
        catalog_version: catalog.version().to_owned(),
        criteria: count(draft.criteria().count()),
        themes: count(draft.themes.len()),
        answers: draft.answer_counts(),
    })
}

/// The column mappings the user confirmed earlier, by header signature.
pub(super) fn remembered_mappings<T: DeserializeOwned>(
    conn: &Connection,
) -> Result<BTreeMap<String, T>> {
    let mut stmt = conn.prepare("SELECT header_signature, mapping FROM column_mapping")?;
    let rows = stmt.query_map([], |row| {
        Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
    })?;
    let mut out = BTreeMap::new();
    for row in rows {
        let (signature, json) = row?;
        // A mapping an older version wrote in another shape is simply not reused.
        if let Ok(mapping) = serde_json::from_str(&json) {
            out.insert(signature, mapping);
        }
    }
    Ok(out)
}

/// Saves a confirmed mapping for files with the same headers.
pub(super) fn remember_mapping<T: Serialize>(
    conn: &Connection,
    signature: &str,
    mapping: &T,
    now: OffsetDateTime,
) -> Result<()> {
    let json = serde_json::to_string(mapping).map_err(|err| crate::Error::StoredData {
        what: "de kolomindeling",
        detail: err.to_string(),
    })?;
    conn.execute(
        "INSERT INTO column_mapping (header_signature, mapping, saved_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (header_signature) DO UPDATE SET mapping = excluded.mapping,
                                                      saved_at = excluded.saved_at",
        params![signature, json, super::timestamp(now)],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use crate::{
        AnswerInput, CatalogDraft, ChangeContext, CriterionDraft, DestinationKind, RoundEventKind,
        Status, Store, ThemeDraft,
    };

    fn ctx() -> ChangeContext {
        ChangeContext {
            at: datetime!(2026-11-28 10:00 UTC),
            by: "fg".into(),
        }
    }

    fn draft(statuses: &[(&str, Option<Status>)]) -> CatalogDraft {
        CatalogDraft {
            name: "Criteria borging AVG".into(),
            version: "2024".into(),
            themes: vec![ThemeDraft {
                name: "Governance".into(),
                criteria: statuses
                    .iter()
                    .enumerate()
                    .map(|(i, (code, status))| CriterionDraft {
                        code: (*code).into(),
                        text: format!("Norm {code}"),
                        answer: status.map(|s| AnswerInput {
                            status: Some(s),
                            ..AnswerInput::default()
                        }),
                        row: i as u32 + 2,
                        ..CriterionDraft::default()
                    })
                    .collect(),
            }],
        }
    }

    #[test]
    fn an_import_replaces_the_empty_example_round_and_becomes_current() {
        let mut store = Store::open_in_memory().unwrap();
        let example_round = store.ensure_started(ctx().at).unwrap();
        let outcome = store
            .import_catalog(
                store
                    .current_assessment()
                    .expect("the current round is read"),
                &draft(&[("1.1", Some(Status::Implemented)), ("1.2", None)]),
                &ctx(),
            )
            .unwrap();
        assert_eq!(
            outcome.assessment, example_round,
            "the empty round is reused"
        );
        assert!(outcome.new_catalog);
        assert_eq!(outcome.answers_changed, 1);
        let view = store.open_current(ctx().at).unwrap();
        assert_eq!(view.assessment.catalog_name, "Criteria borging AVG");
        assert_eq!(view.themes[0].criteria.len(), 2);
    }

    #[test]
    fn a_round_with_answers_on_another_catalog_is_never_changed_by_an_import() {
        let mut store = Store::open_in_memory().unwrap();
        let example_round = store.ensure_started(ctx().at).unwrap();
        store
            .set_status(
                store.current_round().expect("a round"),
                "1.1",
                Status::Partial,
                Some("loopt"),
                &ctx(),
            )
            .unwrap();
        let before = store.assessment_view(example_round).unwrap();
        let outcome = store
            .import_catalog(
                store
                    .current_assessment()
                    .expect("the current round is read"),
                &draft(&[("1.1", Some(Status::Open))]),
                &ctx(),
            )
            .unwrap();
        assert_ne!(outcome.assessment, example_round);
        assert!(outcome.new_assessment);
        assert_eq!(outcome.assessment_name, "2026 (2)");
        let after = store.assessment_view(example_round).unwrap();
        assert_eq!(
            serde_json::to_string(&before).unwrap(),
            serde_json::to_string(&after).unwrap()
        );
        assert_eq!(
            store.current_assessment().unwrap(),
            Some(outcome.assessment)
        );
    }

    #[test]
    fn re_importing_the_same_catalog_reuses_it_and_records_history_only_for_changes() {
        let mut store = Store::open_in_memory().unwrap();
        let first = store
            .import_catalog(
                store
                    .current_assessment()
                    .expect("the current round is read"),
                &draft(&[("1.1", Some(Status::Open))]),
                &ctx(),
            )
            .unwrap();
        let again = store
            .import_catalog(
                store
                    .current_assessment()
                    .expect("the current round is read"),
                &draft(&[("1.1", Some(Status::Open))]),
                &ctx(),
            )
            .unwrap();
        assert!(!again.new_catalog);
        assert_eq!(again.catalog, first.catalog);
        assert_eq!(again.assessment, first.assessment);
        assert_eq!(again.answers_changed, 0);
        let changed = store
            .import_catalog(
                store
                    .current_assessment()
                    .expect("the current round is read"),
                &draft(&[("1.1", Some(Status::Implemented))]),
                &ctx(),
            )
            .unwrap();
        assert_eq!(changed.answers_changed, 1);
        let view = store.assessment_view(first.assessment).unwrap();
        let criterion = view.themes[0].criteria[0].id;
        let history = store.answer_history(first.assessment, criterion).unwrap();
        assert_eq!(history.len(), 2, "open, then implemented");
        assert_eq!(
            history[0].new.as_ref().unwrap().status,
            Some(Status::Implemented)
        );
        assert_eq!(history[0].old.as_ref().unwrap().status, Some(Status::Open));
    }

    #[test]
    fn a_catalog_with_the_same_name_and_version_but_other_criteria_gets_its_own_version() {
        let mut store = Store::open_in_memory().unwrap();
        let first = store
            .import_catalog(
                store
                    .current_assessment()
                    .expect("the current round is read"),
                &draft(&[("1.1", None)]),
                &ctx(),
            )
            .unwrap();
        let other = store
            .import_catalog(
                store
                    .current_assessment()
                    .expect("the current round is read"),
                &draft(&[("1.1", None), ("1.2", None)]),
                &ctx(),
            )
            .unwrap();
        assert_ne!(other.catalog, first.catalog);
        assert_eq!(other.catalog_version, "2024 (2)");
    }

    fn plan_of(catalog: CatalogDraft) -> crate::import::ImportPlan {
        crate::import::ImportPlan {
            file_name: "criteria.xlsx".into(),
            sheet: "Criteria".into(),
            sheets: vec!["Criteria".into()],
            header_row: 1,
            headers: Vec::new(),
            header_signature: String::new(),
            mapping: crate::import::ColumnMapping::default(),
            mapping_source: crate::import::MappingSource::Detected,
            mapping_certain: true,
            preview: Vec::new(),
            catalog,
            catalog_origin: crate::import::CatalogOrigin {
                name: crate::import::IdentitySource::TitleBlock,
                version: crate::import::IdentitySource::TitleBlock,
                text: String::new(),
            },
            findings: Vec::new(),
            own_export: false,
            rows_read: 0,
        }
    }

    /// Predicts the destination, confirms, and checks the import went exactly there.
    fn predicted_then_applied(
        store: &mut Store,
        round: Option<crate::AssessmentId>,
        plan: &crate::import::ImportPlan,
        new_round: Option<&str>,
    ) -> (crate::ImportDestination, crate::ImportOutcome) {
        let predicted = store
            .import_destination(round, plan, new_round, false, ctx().at)
            .unwrap();
        let outcome = store
            .apply_import_into(round, plan, new_round, &ctx())
            .unwrap();
        let view = store.assessment_view(outcome.assessment).unwrap();
        assert_eq!(predicted.round_name, outcome.assessment_name);
        assert_eq!(predicted.organisation, view.assessment.organisation);
        assert_eq!(
            predicted.kind == DestinationKind::NewRound,
            outcome.new_assessment
        );
        if !outcome.new_assessment {
            assert_eq!(predicted.round, Some(outcome.assessment));
        }
        assert_eq!(predicted.new_catalog, outcome.new_catalog);
        assert_eq!(predicted.catalog_version, outcome.catalog_version);
        assert_eq!(predicted.criteria, outcome.criteria);
        (predicted, outcome)
    }

    #[test]
    fn the_dry_run_predicts_the_round_the_import_goes_into() {
        // An empty database: a new organisation with a round named after the year.
        let mut store = Store::open_in_memory().unwrap();
        let first = plan_of(draft(&[("1.1", Some(Status::Open)), ("1.2", None)]));
        let (predicted, outcome) = predicted_then_applied(&mut store, None, &first, None);
        assert_eq!(predicted.kind, DestinationKind::NewRound);
        assert!(predicted.new_organisation);
        assert_eq!(predicted.round_name, "2026");
        assert_eq!(predicted.organisation, "Mijn organisatie");
        assert_eq!(predicted.answers.open, 1);
        assert_eq!(predicted.answers.total(), 1);
        assert!(outcome.fresh_round);
        assert_eq!(outcome.answers_phrase(), "1 antwoord ingelezen");
        let round = outcome.assessment;

        // The same criteria again: into the open round.
        let again = plan_of(draft(&[("1.1", Some(Status::Implemented)), ("1.2", None)]));
        let (predicted, outcome) = predicted_then_applied(&mut store, Some(round), &again, None);
        assert_eq!(predicted.kind, DestinationKind::Existing);
        assert_eq!(predicted.round, Some(round));
        assert!(!predicted.new_catalog);
        assert!(!outcome.fresh_round);
        assert_eq!(outcome.answers_phrase(), "1 antwoord gewijzigd");

        // Other criteria: a new round of the organisation, "2026 (2)" since 2026 is taken.
        let other = plan_of(draft(&[("9.1", Some(Status::Partial))]));
        let (predicted, outcome) = predicted_then_applied(&mut store, Some(round), &other, None);
        assert_eq!(predicted.kind, DestinationKind::NewRound);
        assert_eq!(predicted.round, None);
        assert!(!predicted.new_organisation);
        assert_eq!(predicted.round_name, "2026 (2)");
        assert!(predicted.new_catalog);
        assert_ne!(outcome.assessment, round);
    }

    #[test]
    fn the_dry_run_predicts_the_empty_example_round_and_a_named_new_round() {
        let mut store = Store::open_in_memory().unwrap();
        let example = store.ensure_started(ctx().at).unwrap();
        let plan = plan_of(draft(&[("1.1", Some(Status::Implemented))]));
        let (predicted, outcome) = predicted_then_applied(&mut store, Some(example), &plan, None);
        assert_eq!(predicted.kind, DestinationKind::ReplacesExample);
        assert_eq!(outcome.assessment, example);
        assert!(outcome.fresh_round);

        // A round made without answers on the same criteria: its answers are read in.
        let empty = store
            .create_round(
                &crate::NewRound {
                    organisation: store
                        .assessment_view(example)
                        .unwrap()
                        .assessment
                        .organisation_id,
                    name: "2027".into(),
                    reference_date: None,
                    carry_from: None,
                },
                &ctx(),
            )
            .unwrap();
        let (predicted, outcome) = predicted_then_applied(&mut store, Some(empty), &plan, None);
        assert_eq!(predicted.kind, DestinationKind::Existing);
        assert_eq!(outcome.answers_phrase(), "1 antwoord ingelezen");

        // Other criteria into a round the user names; names are checked as every round name.
        let other = plan_of(draft(&[("7.1", None), ("7.2", None)]));
        for (name, code) in [("  ", "invalid_input"), ("2027", "name_taken")] {
            let err = store
                .import_destination(Some(empty), &other, Some(name), false, ctx().at)
                .unwrap_err();
            assert_eq!(err.code(), code, "{name:?}");
            let err = store
                .apply_import_into(Some(empty), &other, Some(name), &ctx())
                .unwrap_err();
            assert_eq!(err.code(), code, "{name:?}");
        }
        let rounds_before = store.rounds().unwrap();
        let err = store
            .apply_import_into(Some(empty), &plan, Some("Nieuw"), &ctx())
            .unwrap_err();
        assert_eq!(err.code(), "invalid_input", "no new round is made");
        assert_eq!(store.rounds().unwrap(), rounds_before, "nothing written");
        let (predicted, outcome) =
            predicted_then_applied(&mut store, Some(empty), &other, Some(" Nulmeting 2026 "));
        assert_eq!(predicted.round_name, "Nulmeting 2026");
        assert!(outcome.new_assessment);
        assert_eq!(predicted.themes, 1);
        assert_eq!(predicted.answers.total(), 0);
    }

    #[test]
    fn remembered_mappings_round_trip() {
        let mut store = Store::open_in_memory().unwrap();
        store
            .remember_mapping("nr|criterium", &vec![1u32, 2], ctx().at)
            .unwrap();
        let map: std::collections::BTreeMap<String, Vec<u32>> =
            store.remembered_mappings().unwrap();
        assert_eq!(map.get("nr|criterium"), Some(&vec![1, 2]));
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
            catalog_origin: crate::import::CatalogOrigin {
                name: crate::import::IdentitySource::TitleBlock,
                version: crate::import::IdentitySource::TitleBlock,
                text: String::new(),
            },
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

        let predicted = store
            .import_destination(Some(round), &plan, None, true, ctx().at)
            .unwrap();
        assert_eq!(predicted.kind, crate::DestinationKind::Moved);
        assert_eq!(predicted.round, Some(round));
        assert!(predicted.new_catalog);
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
        // Newest first: the import that moved the round, then the move itself.
        let kinds: Vec<RoundEventKind> = store
            .round_events(round)
            .unwrap()
            .iter()
            .map(|e| e.kind)
            .collect();
        assert_eq!(
            kinds[..2],
            [RoundEventKind::Imported, RoundEventKind::CatalogUpgraded]
        );
    }
}
