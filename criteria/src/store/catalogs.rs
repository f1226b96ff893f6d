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
    conn.execute(
        "INSERT INTO catalog (name, version, is_example, created_at) VALUES (?1, ?2, 1, ?3)",
        params![
            EXAMPLE_CATALOG_NAME,
            EXAMPLE_CATALOG_VERSION,
            super::timestamp(now)
        ],
    )?;
    let catalog = CatalogId(conn.last_insert_rowid());
    let mut insert_theme =
        conn.prepare("INSERT INTO theme (catalog_id, position, name) VALUES (?1, ?2, ?3)")?;
    let mut insert_criterion = conn.prepare(
        "INSERT INTO criterion (catalog_id, theme_id, position, code, text, explanation, legal_basis)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (theme_position, theme) in EXAMPLE_THEMES.iter().enumerate() {
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
        }
    }
    Ok(catalog)
}
