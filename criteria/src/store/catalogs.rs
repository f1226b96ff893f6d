//! The `catalog`, `theme` and `criterion` tables.

use rusqlite::{Connection, OptionalExtension, params};
use time::OffsetDateTime;

use crate::error::Result;
use crate::example::{EXAMPLE_CATALOG_NAME, EXAMPLE_CATALOG_VERSION, EXAMPLE_THEMES};
use crate::model::{CatalogId, ThemeId};

/// The oldest catalog in the store, if any.
pub(super) fn first(conn: &Connection) -> Result<Option<CatalogId>> {
    Ok(conn
        .query_row("SELECT id FROM catalog ORDER BY id LIMIT 1", [], |row| {
            row.get(0)
        })
        .optional()?)
}

/// Inserts the example catalog that ships with the app. The caller holds the transaction.
pub(super) fn insert_example(conn: &Connection, now: OffsetDateTime) -> Result<CatalogId> {
    let draft = crate::CatalogDraft {
        name: EXAMPLE_CATALOG_NAME.to_owned(),
        version: EXAMPLE_CATALOG_VERSION.to_owned(),
        themes: EXAMPLE_THEMES
            .iter()
            .map(|theme| crate::ThemeDraft {
                name: theme.name.to_owned(),
                criteria: theme
                    .criteria
                    .iter()
                    .map(|c| crate::CriterionDraft {
                        code: c.code.to_owned(),
                        text: c.text.to_owned(),
                        explanation: c.explanation.to_owned(),
                        legal_basis: c.legal_basis.to_owned(),
                        ..Default::default()
                    })
                    .collect(),
            })
            .collect(),
    };
    Ok(insert(conn, &draft, &draft.version, true, now)?.0)
}

/// The catalog with this name and version, if stored.
pub(super) fn find(conn: &Connection, name: &str, version: &str) -> Result<Option<CatalogId>> {
    Ok(conn
        .query_row(
            "SELECT id FROM catalog WHERE name = ?1 AND version = ?2",
            params![name, version],
            |row| row.get(0),
        )
        .optional()?)
}

/// Whether a catalog is the app's own example.
pub(super) fn is_example(conn: &Connection, catalog: CatalogId) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT is_example FROM catalog WHERE id = ?1",
        [catalog],
        |row| row.get(0),
    )?)
}

/// A catalog's criterion ids by code.
pub(super) type CriteriaByCode = std::collections::HashMap<String, crate::CriterionId>;

/// The criteria of a catalog by code.
pub(super) fn criteria_by_code(conn: &Connection, catalog: CatalogId) -> Result<CriteriaByCode> {
    let mut stmt = conn.prepare("SELECT code, id FROM criterion WHERE catalog_id = ?1")?;
    let rows = stmt.query_map([catalog], |row| Ok((row.get(0)?, row.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Inserts a catalog with its themes and criteria (answers in the draft are not touched here)
/// and returns it with the new criterion ids by code. The caller holds the transaction.
pub(super) fn insert(
    conn: &Connection,
    draft: &crate::CatalogDraft,
    version: &str,
    is_example: bool,
    now: OffsetDateTime,
) -> Result<(CatalogId, CriteriaByCode)> {
    conn.execute(
        "INSERT INTO catalog (name, version, is_example, created_at) VALUES (?1, ?2, ?3, ?4)",
        params![draft.name, version, is_example, super::timestamp(now)],
    )?;
    let catalog = CatalogId(conn.last_insert_rowid());
    let mut insert_theme =
        conn.prepare("INSERT INTO theme (catalog_id, position, name) VALUES (?1, ?2, ?3)")?;
    let mut insert_criterion = conn.prepare(
        "INSERT INTO criterion (catalog_id, theme_id, position, code, text, explanation, legal_basis)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    let mut ids = CriteriaByCode::with_capacity(draft.criteria().count());
    for (theme_position, theme) in draft.themes.iter().enumerate() {
        insert_theme.execute(params![catalog, theme_position as i64, theme.name])?;
        let theme_id = ThemeId(conn.last_insert_rowid());
        for (position, criterion) in theme.criteria.iter().enumerate() {
            insert_criterion.execute(params![
                catalog,
                theme_id,
                position as i64,
                criterion.code,
                criterion.text,
                criterion.explanation,
                criterion.legal_basis,
            ])?;
            ids.insert(
                criterion.code.clone(),
                crate::CriterionId(conn.last_insert_rowid()),
            );
        }
    }
    Ok((catalog, ids))
}
