//! The `answer` table and its append-only `answer_history`.

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::model::{AnswerInput, AssessmentId, ChangeContext, CriterionId, Status};

/// Niet van toepassing needs a justification when a user sets it. (An import keeps what the file
/// says and reports the missing justification instead.)
pub(crate) fn check_justification(answer: &AnswerInput) -> Result<()> {
    if answer.status == Some(Status::NotApplicable) && answer.justification.trim().is_empty() {
        return Err(Error::JustificationRequired);
    }
    Ok(())
}

pub(crate) fn load(
    conn: &Connection,
    assessment: AssessmentId,
    criterion: CriterionId,
) -> Result<Option<AnswerInput>> {
    Ok(conn
        .prepare_cached(
            "SELECT status, justification, owner, action, deadline, evidence FROM answer
             WHERE assessment_id = ?1 AND criterion_id = ?2",
        )?
        .query_row(params![assessment, criterion], |row| {
            AnswerInput::from_row(row, 0)
        })
        .optional()?)
}

impl AnswerInput {
    /// Reads the six answer columns `status, justification, owner, action, deadline, evidence`
    /// starting at column `first` of a query row.
    pub(crate) fn from_row(row: &rusqlite::Row<'_>, first: usize) -> rusqlite::Result<Self> {
        Ok(AnswerInput {
            status: row.get(first)?,
            justification: row.get(first + 1)?,
            owner: row.get(first + 2)?,
            action: row.get(first + 3)?,
            deadline: row.get(first + 4)?,
            evidence: row.get(first + 5)?,
        })
    }
}

/// Writes `new` as the answer and records old → new in the history. The caller holds the
/// transaction, so the answer and its history row commit together. Returns false (and writes
/// nothing) when the answer did not change.
pub(crate) fn save(
    conn: &Connection,
    assessment: AssessmentId,
    criterion: CriterionId,
    new: &AnswerInput,
    ctx: &ChangeContext,
) -> Result<bool> {
    // Cached statements: one import saves thousands of answers through here.
    let belongs: bool = conn
        .prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM assessment a JOIN criterion c ON c.catalog_id = a.catalog_id
             WHERE a.id = ?1 AND c.id = ?2)",
        )?
        .query_row(params![assessment, criterion], |row| row.get(0))?;
    if !belongs {
        return Err(Error::NotFound {
            what: "Het criterium in deze beoordeling",
        });
    }
    let (old, carried) = load_with_origin(conn, assessment, criterion)?;
    let old_effective = old.clone().unwrap_or_default();
    // Saving an answer that was carried over, even unchanged, confirms it.
    if &old_effective == new && carried.is_none() {
        return Ok(false);
    }
    write_change(conn, assessment, criterion, old.as_ref(), new, None, ctx)?;
    Ok(true)
}

/// The stored answer and, when it was carried over and not yet confirmed, where from.
fn load_with_origin(
    conn: &Connection,
    assessment: AssessmentId,
    criterion: CriterionId,
) -> Result<(Option<AnswerInput>, Option<String>)> {
    Ok(conn
        .prepare_cached(
            "SELECT status, justification, owner, action, deadline, evidence, carried_from
             FROM answer WHERE assessment_id = ?1 AND criterion_id = ?2",
        )?
        .query_row(params![assessment, criterion], |row| {
            Ok((Some(AnswerInput::from_row(row, 0)?), row.get(6)?))
        })
        .optional()?
        .unwrap_or((None, None)))
}

/// Writes `answer` as carried over from `origin` (e.g. the round "2025") into a criterion that
/// has no answer yet, with its history entry; it stays marked until confirmed or changed.
pub(crate) fn carry_over(
    conn: &Connection,
    assessment: AssessmentId,
    criterion: CriterionId,
    answer: &AnswerInput,
    origin: &str,
    ctx: &ChangeContext,
) -> Result<bool> {
    if answer.is_empty() {
        return Ok(false);
    }
    write_change(conn, assessment, criterion, None, answer, Some(origin), ctx)?;
    Ok(true)
}

/// Writes the first answer to a criterion of a catalog that was inserted in this transaction:
/// there is no earlier answer to load or compare (the import's fast path). Returns whether
/// anything was written.
pub(crate) fn save_first(
    conn: &Connection,
    assessment: AssessmentId,
    criterion: CriterionId,
    new: &AnswerInput,
    ctx: &ChangeContext,
) -> Result<bool> {
    if new.is_empty() {
        return Ok(false);
    }
    write_change(conn, assessment, criterion, None, new, None, ctx)?;
    Ok(true)
}

/// The answer row and its history row for a change from `old` to `new`.
pub(super) fn write_change(
    conn: &Connection,
    assessment: AssessmentId,
    criterion: CriterionId,
    old: Option<&AnswerInput>,
    new: &AnswerInput,
    carried_from: Option<&str>,
    ctx: &ChangeContext,
) -> Result<()> {
    let at = super::timestamp(ctx.at);
    if new.is_empty() {
        conn.prepare_cached("DELETE FROM answer WHERE assessment_id = ?1 AND criterion_id = ?2")?
            .execute(params![assessment, criterion])?;
    } else {
        conn.prepare_cached(
            "INSERT INTO answer (assessment_id, criterion_id, status, justification, owner, action,
                                 deadline, evidence, updated_at, updated_by, carried_from)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
             ON CONFLICT (assessment_id, criterion_id) DO UPDATE SET
                status = excluded.status, justification = excluded.justification,
                owner = excluded.owner, action = excluded.action, deadline = excluded.deadline,
                evidence = excluded.evidence, updated_at = excluded.updated_at,
                updated_by = excluded.updated_by, carried_from = excluded.carried_from",
        )?
        .execute(params![
            assessment,
            criterion,
            new.status,
            new.justification,
            new.owner,
            new.action,
            new.deadline,
            new.evidence,
            at,
            ctx.by,
            carried_from,
        ])?;
    }
    let to_json = |a: &AnswerInput| -> Result<String> {
        serde_json::to_string(&StoredAnswer::from(a)).map_err(|err| Error::StoredData {
            what: "de geschiedenis van een antwoord",
            detail: err.to_string(),
        })
    };
    let old_json = old.map(to_json).transpose()?;
    let new_json = (!new.is_empty()).then(|| to_json(new)).transpose()?;
    conn.prepare_cached(
        "INSERT INTO answer_history (assessment_id, criterion_id, changed_at, changed_by,
                                     old_answer, new_answer)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        assessment, criterion, at, ctx.by, old_json, new_json,
    ])?;
    Ok(())
}

/// One side of a history row as it is stored: a record of its own, so that a change to the wire
/// type `AnswerInput` can never change the stored history. This shape is format 1; a later shape
/// adds `"v": 2` and rows without `v` stay readable as format 1.
#[derive(Debug, Serialize, Deserialize)]
struct StoredAnswer {
    #[serde(default = "format_1", skip_serializing_if = "is_format_1")]
    v: u32,
    /// The stored name of the status (`Status::as_str`), or null.
    status: Option<String>,
    justification: String,
    owner: String,
    action: String,
    deadline: Option<String>,
    evidence: String,
}

fn format_1() -> u32 {
    1
}

fn is_format_1(v: &u32) -> bool {
    *v == 1
}

impl From<&AnswerInput> for StoredAnswer {
    fn from(answer: &AnswerInput) -> StoredAnswer {
        StoredAnswer {
            v: 1,
            status: answer.status.map(|s| s.as_str().to_owned()),
            justification: answer.justification.clone(),
            owner: answer.owner.clone(),
            action: answer.action.clone(),
            deadline: answer.deadline.clone(),
            evidence: answer.evidence.clone(),
        }
    }
}

impl StoredAnswer {
    fn into_answer(self) -> Result<AnswerInput> {
        if self.v != 1 {
            return Err(Error::StoredData {
                what: "de geschiedenis van een antwoord",
                detail: format!("onbekend formaat {}", self.v),
            });
        }
        let status = self
            .status
            .map(|text| {
                Status::from_stored(&text).ok_or_else(|| Error::StoredData {
                    what: "de geschiedenis van een antwoord",
                    detail: format!("onbekende status {text:?}"),
                })
            })
            .transpose()?;
        Ok(AnswerInput {
            status,
            justification: self.justification,
            owner: self.owner,
            action: self.action,
            deadline: self.deadline,
            evidence: self.evidence,
        })
    }
}

/// One entry of an answer's history, newest first when listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct HistoryEntry {
    /// RFC 3339 moment of the change.
    pub changed_at: String,
    /// Who changed it.
    pub changed_by: String,
    /// The answer before; `None` when there was none.
    pub old: Option<AnswerInput>,
    /// The answer after; `None` when it was cleared.
    pub new: Option<AnswerInput>,
}

pub(crate) fn history(
    conn: &Connection,
    assessment: AssessmentId,
    criterion: CriterionId,
) -> Result<Vec<HistoryEntry>> {
    let mut stmt = conn.prepare(
        // By code, so the history survives a move of the round to a new catalog version.
        "SELECT h.changed_at, h.changed_by, h.old_answer, h.new_answer
         FROM answer_history h JOIN criterion c ON c.id = h.criterion_id
         WHERE h.assessment_id = ?1
           AND c.code = (SELECT code FROM criterion WHERE id = ?2)
         ORDER BY h.id DESC",
    )?;
    let rows = stmt.query_map(params![assessment, criterion], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, Option<String>>(2)?,
            row.get::<_, Option<String>>(3)?,
        ))
    })?;
    let parse = |text: Option<String>| -> Result<Option<AnswerInput>> {
        text.map(|text| {
            serde_json::from_str::<StoredAnswer>(&text)
                .map_err(|err| Error::StoredData {
                    what: "de geschiedenis van een antwoord",
                    detail: err.to_string(),
                })
                .and_then(StoredAnswer::into_answer)
        })
        .transpose()
    };
    let mut entries = Vec::new();
    for row in rows {
        let (changed_at, changed_by, old, new) = row?;
        entries.push(HistoryEntry {
            changed_at,
            changed_by,
            old: parse(old)?,
            new: parse(new)?,
        });
    }
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use crate::{AnswerInput, ChangeContext, Status, Store};

    #[test]
    fn every_change_is_kept_in_the_history_with_who_and_when() {
        let mut store = Store::open_in_memory().unwrap();
        let round = store
            .ensure_started(datetime!(2026-01-05 09:00 UTC))
            .unwrap();
        let criterion = store.assessment_view(round).unwrap().themes[0].criteria[0].id;
        let first = ChangeContext {
            at: datetime!(2026-01-05 09:00 UTC),
            by: "anna".into(),
        };
        let answer = AnswerInput {
            status: Some(Status::Partial),
            owner: "CISO".into(),
            ..AnswerInput::default()
        };
        assert!(
            store
                .save_answer(round, criterion, &answer, &first)
                .unwrap()
        );
        assert!(
            !store
                .save_answer(round, criterion, &answer, &first)
                .unwrap(),
            "saving the same content is not a change"
        );
        let second = ChangeContext {
            at: datetime!(2026-01-06 10:30 UTC),
            by: "bert".into(),
        };
        assert!(
            store
                .save_answer(round, criterion, &AnswerInput::default(), &second)
                .unwrap()
        );

        let history = store.answer_history(round, criterion).unwrap();
        assert_eq!(history.len(), 2);
        assert_eq!(history[0].changed_by, "bert");
        assert_eq!(history[0].changed_at, "2026-01-06T10:30:00Z");
        assert_eq!(history[0].old.as_ref(), Some(&answer));
        assert_eq!(history[0].new, None, "cleared");
        assert_eq!(history[1].changed_by, "anna");
        assert_eq!(history[1].old, None);
        let view = store.assessment_view(round).unwrap();
        assert!(view.themes[0].criteria[0].answer.is_none());
    }

    /// The history keeps every old and new answer as JSON text in the database, written by
    /// earlier versions too; a reader of today must understand those rows, so the stored form
    /// must not change (field names, their order, how statuses and an empty deadline are
    /// written). This pins it for a first answer, a change and a clearing.
    #[test]
    fn a_history_row_that_cannot_be_read_is_an_error_not_an_empty_entry() {
        let mut store = Store::open_in_memory().unwrap();
        let at = datetime!(2026-01-05 09:00 UTC);
        let round = store.ensure_started(at).unwrap();
        let criterion = store.assessment_view(round).unwrap().themes[0].criteria[0].id;
        let ctx = ChangeContext {
            at,
            by: "anna".into(),
        };
        let answer = AnswerInput {
            status: Some(Status::Open),
            ..AnswerInput::default()
        };
        store.save_answer(round, criterion, &answer, &ctx).unwrap();
        assert_eq!(
            store.answer_history(round, criterion).unwrap()[0].new,
            Some(answer)
        );
        // A later format, or a status this version does not know: said, not shown as "nothing".
        for stored in [
            r#"{"v":2,"status":"open","justification":"","owner":"","action":"","deadline":null,"evidence":""}"#,
            r#"{"status":"misschien","justification":"","owner":"","action":"","deadline":null,"evidence":""}"#,
        ] {
            // History rows cannot be rewritten (a trigger refuses it): add one as a later
            // version of the app would have.
            store
                .conn
                .execute(
                    "INSERT INTO answer_history (assessment_id, criterion_id, changed_at,
                                                 changed_by, old_answer, new_answer)
                     VALUES (?1, ?2, '2026-01-06T09:00:00Z', 'later', NULL, ?3)",
                    rusqlite::params![round, criterion, stored],
                )
                .unwrap();
            let err = store.answer_history(round, criterion).unwrap_err();
            assert_eq!(err.code(), "stored_data", "{stored}");
            assert!(err.to_string().contains("de geschiedenis van een antwoord"));
        }
    }

    #[test]
    fn the_stored_history_keeps_old_and_new_answers_in_a_fixed_json_form() {
        let mut store = Store::open_in_memory().unwrap();
        let at = datetime!(2026-01-05 09:00 UTC);
        let round = store.ensure_started(at).unwrap();
        let criterion = store.assessment_view(round).unwrap().themes[0].criteria[0].id;
        let ctx = ChangeContext {
            at,
            by: "anna".into(),
        };
        let first = AnswerInput {
            status: Some(Status::Partial),
            justification: "Concept \"privacybeleid\"\nligt bij het college.".into(),
            owner: "CISO".into(),
            ..AnswerInput::default()
        };
        let second = AnswerInput {
            status: Some(Status::NotApplicable),
            justification: "Geen eigen verwerkingen; één regeling".into(),
            owner: "CISO".into(),
            action: "Jaarlijks toetsen".into(),
            deadline: Some("2026-12-31".into()),
            evidence: "Intranet > Beleid".into(),
        };
        for answer in [&first, &second, &AnswerInput::default()] {
            assert!(store.save_answer(round, criterion, answer, &ctx).unwrap());
        }
        let rows: Vec<(Option<String>, Option<String>)> = store
            .conn
            .prepare(
                "SELECT old_answer, new_answer FROM answer_history
                 WHERE assessment_id = ?1 AND criterion_id = ?2 ORDER BY id",
            )
            .unwrap()
            .query_map(rusqlite::params![round, criterion], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let first_json = r#"{"status":"partial","justification":"Concept \"privacybeleid\"\nligt bij het college.","owner":"CISO","action":"","deadline":null,"evidence":""}"#;
        let second_json = r#"{"status":"not_applicable","justification":"Geen eigen verwerkingen; één regeling","owner":"CISO","action":"Jaarlijks toetsen","deadline":"2026-12-31","evidence":"Intranet > Beleid"}"#;
        assert_eq!(
            rows,
            [
                (None, Some(first_json.to_owned())),
                (Some(first_json.to_owned()), Some(second_json.to_owned())),
                (Some(second_json.to_owned()), None),
            ]
        );
    }

    #[test]
    fn not_applicable_without_a_justification_is_refused() {
        let mut store = Store::open_in_memory().unwrap();
        let at = datetime!(2026-01-05 09:00 UTC);
        store.ensure_started(at).unwrap();
        let ctx = ChangeContext {
            at,
            by: "anna".into(),
        };
        let err = store
            .set_status(
                store.current_round().expect("a round"),
                "1.1",
                Status::NotApplicable,
                None,
                &ctx,
            )
            .unwrap_err();
        assert_eq!(err.code(), "justification_required");
        assert!(
            store
                .set_status(
                    store.current_round().expect("a round"),
                    "1.1",
                    Status::NotApplicable,
                    Some("Geen eigen verwerkingen"),
                    &ctx
                )
                .unwrap()
        );
    }

    #[test]
    fn history_rows_cannot_be_rewritten() {
        let mut store = Store::open_in_memory().unwrap();
        let at = datetime!(2026-01-05 09:00 UTC);
        store.ensure_started(at).unwrap();
        let ctx = ChangeContext {
            at,
            by: "anna".into(),
        };
        store
            .set_status(
                store.current_round().expect("a round"),
                "1.1",
                Status::Open,
                None,
                &ctx,
            )
            .unwrap();
        let err = store
            .conn
            .execute("UPDATE answer_history SET changed_by = 'x'", [])
            .unwrap_err();
        assert!(err.to_string().contains("append-only"));
    }

    #[test]
    fn a_criterion_of_another_catalog_is_refused() {
        let mut store = Store::open_in_memory().unwrap();
        let at = datetime!(2026-01-05 09:00 UTC);
        let round = store.ensure_started(at).unwrap();
        let ctx = ChangeContext {
            at,
            by: "anna".into(),
        };
        let err = store
            .save_answer(
                round,
                crate::CriterionId(999_999),
                &AnswerInput::default(),
                &ctx,
            )
            .unwrap_err();
        assert_eq!(err.code(), "not_found");
    }
}
