//! The `organisation` and `assessment` tables, and which assessment is open.

use rusqlite::{Connection, OptionalExtension, params};
use time::OffsetDateTime;

use crate::error::Result;
use crate::model::{AssessmentId, CatalogId, OrganisationId};

/// Name of the organisation a new user starts with; they can rename it.
pub(super) const FIRST_ORGANISATION: &str = "Mijn organisatie";

const CURRENT_ASSESSMENT_KEY: &str = "current_assessment";

/// The assessment that was open last, if it still exists.
pub(super) fn current(conn: &Connection) -> Result<Option<AssessmentId>> {
    Ok(conn
        .query_row(
            "SELECT a.id FROM app_state s JOIN assessment a ON a.id = CAST(s.value AS INTEGER)
             WHERE s.key = ?1",
            [CURRENT_ASSESSMENT_KEY],
            |row| row.get(0),
        )
        .optional()?)
}

/// Remembers which assessment is open, for the next start.
pub(super) fn set_current(conn: &Connection, id: AssessmentId) -> Result<()> {
    conn.execute(
        "INSERT INTO app_state (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![CURRENT_ASSESSMENT_KEY, id.0.to_string()],
    )?;
    Ok(())
}

/// The oldest organisation, if there is one.
pub(super) fn first_organisation(conn: &Connection) -> Result<Option<OrganisationId>> {
    Ok(conn
        .query_row(
            "SELECT id FROM organisation ORDER BY id LIMIT 1",
            [],
            |row| row.get(0),
        )
        .optional()?)
}

/// An organisation's name.
pub(super) fn organisation_name(conn: &Connection, id: OrganisationId) -> Result<String> {
    conn.query_row("SELECT name FROM organisation WHERE id = ?1", [id], |row| {
        row.get(0)
    })
    .optional()?
    .ok_or(crate::Error::NotFound {
        what: "De organisatie",
    })
}

/// The oldest organisation, or a new one with a neutral name when there is none.
pub(super) fn first_or_create_organisation(
    conn: &Connection,
    now: OffsetDateTime,
) -> Result<OrganisationId> {
    if let Some(id) = first_organisation(conn)? {
        return Ok(id);
    }
    conn.execute(
        "INSERT INTO organisation (name, created_at) VALUES (?1, ?2)",
        params![FIRST_ORGANISATION, super::timestamp(now)],
    )?;
    Ok(OrganisationId(conn.last_insert_rowid()))
}

/// Creates an assessment round of `organisation` against `catalog`.
pub(super) fn create(
    conn: &Connection,
    organisation: OrganisationId,
    catalog: CatalogId,
    name: &str,
    now: OffsetDateTime,
) -> Result<AssessmentId> {
    conn.execute(
        "INSERT INTO assessment (organisation_id, catalog_id, name, created_at)
         VALUES (?1, ?2, ?3, ?4)",
        params![organisation, catalog, name, super::timestamp(now)],
    )?;
    Ok(AssessmentId(conn.last_insert_rowid()))
}

/// The catalog and organisation of an assessment.
pub(super) fn catalog_and_organisation(
    conn: &Connection,
    id: AssessmentId,
) -> Result<(CatalogId, OrganisationId)> {
    conn.query_row(
        "SELECT catalog_id, organisation_id FROM assessment WHERE id = ?1",
        [id],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )
    .optional()?
    .ok_or(crate::Error::NotFound {
        what: "De beoordeling",
    })
}

/// Whether any answer (or history of one) exists in the assessment.
pub(super) fn has_answers(conn: &Connection, id: AssessmentId) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM answer WHERE assessment_id = ?1)
             OR EXISTS (SELECT 1 FROM answer_history WHERE assessment_id = ?1)",
        [id],
        |row| row.get(0),
    )?)
}

/// Points a still-empty assessment at another catalog.
pub(super) fn set_catalog(conn: &Connection, id: AssessmentId, catalog: CatalogId) -> Result<()> {
    conn.execute(
        "UPDATE assessment SET catalog_id = ?2 WHERE id = ?1",
        params![id, catalog],
    )?;
    Ok(())
}

/// `base`, or `base (2)`, `base (3)`, … : the first name not yet used by the organisation.
pub(super) fn free_name(
    conn: &Connection,
    organisation: OrganisationId,
    base: &str,
) -> Result<String> {
    let mut stmt = conn.prepare(
        "SELECT EXISTS (SELECT 1 FROM assessment WHERE organisation_id = ?1 AND name = ?2)",
    )?;
    let mut candidate = base.to_owned();
    let mut n = 2;
    while stmt.query_row(params![organisation, candidate], |row| {
        row.get::<_, bool>(0)
    })? {
        candidate = format!("{base} ({n})");
        n += 1;
    }
    Ok(candidate)
}
