//! The round's log: what happened to a round (created, sealed, reopened, moved to a new catalog
//! version). Append-only; each line is written in the transaction of the change it records.

use rusqlite::{Connection, params};
use serde::Serialize;
use ts_rs::TS;

use super::Store;
use crate::ChangeContext;
use crate::error::{Error, Result};
use crate::model::AssessmentId;

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
    /// Answers (and possibly its catalog) imported from a workbook.
    Imported,
    /// Renamed, or its reference date changed.
    Edited,
}

impl RoundEventKind {
    fn as_str(self) -> &'static str {
        match self {
            RoundEventKind::Created => "created",
            RoundEventKind::Sealed => "sealed",
            RoundEventKind::Unsealed => "unsealed",
            RoundEventKind::CatalogUpgraded => "catalog_upgraded",
            RoundEventKind::Imported => "imported",
            RoundEventKind::Edited => "edited",
        }
    }

    fn from_stored(text: &str) -> Result<RoundEventKind> {
        match text {
            "created" => Ok(RoundEventKind::Created),
            "sealed" => Ok(RoundEventKind::Sealed),
            "unsealed" => Ok(RoundEventKind::Unsealed),
            "catalog_upgraded" => Ok(RoundEventKind::CatalogUpgraded),
            "imported" => Ok(RoundEventKind::Imported),
            "edited" => Ok(RoundEventKind::Edited),
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

/// Appends one line to the round's log, in the caller's transaction.
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

impl Store {
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
}
