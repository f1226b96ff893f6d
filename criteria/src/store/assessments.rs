//! The `organisation` and `assessment` tables, and which assessment is open.

use rusqlite::{Connection, OptionalExtension, params};
use time::OffsetDateTime;

use crate::error::Result;
use crate::model::{AssessmentId, CatalogId, OrganisationId};

/// Name of the organisation a new user starts with; they can rename it.
const FIRST_ORGANISATION: &str = "Mijn organisatie";

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

/// The oldest organisation, or a new one with a neutral name when there is none.
pub(super) fn first_or_create_organisation(
    conn: &Connection,
    now: OffsetDateTime,
) -> Result<OrganisationId> {
    let existing = conn
        .query_row(
            "SELECT id FROM organisation ORDER BY id LIMIT 1",
            [],
            |row| row.get(0),
        )
        .optional()?;
    if let Some(id) = existing {
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
