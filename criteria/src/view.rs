//! Read models: what a screen shows, loaded in one pass.

use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::model::{AnswerInput, Seal};
use crate::model::{AssessmentId, CriterionId, OrganisationId, ThemeId};

/// One assessment with its catalog's themes and criteria, and the answers given so far.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AssessmentView {
    /// Which assessment this is.
    pub assessment: AssessmentSummary,
    /// The catalog's themes in catalog order, each with its criteria in order.
    pub themes: Vec<ThemeView>,
}

/// The heading facts of an assessment.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AssessmentSummary {
    /// Its id.
    pub id: AssessmentId,
    /// Name of the round, e.g. "2026".
    pub name: String,
    /// Reference date (peildatum), if set.
    pub reference_date: Option<crate::Date>,
    /// The organisation assessed.
    pub organisation: String,
    /// Its id.
    pub organisation_id: OrganisationId,
    /// The catalog's name.
    pub catalog_name: String,
    /// The catalog's version.
    pub catalog_version: String,
    /// Whether the catalog is the app's own example rather than an imported one.
    pub catalog_is_example: bool,
    /// When, by whom and with which fingerprint the round was sealed; `None` while it is open.
    pub seal: Option<Seal>,
}

/// A theme with its criteria.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ThemeView {
    /// Its id.
    pub id: ThemeId,
    /// The theme's title.
    pub name: String,
    /// The criteria of the theme, in order.
    pub criteria: Vec<CriterionView>,
}

/// A criterion with the answer of the assessment, if any.
#[derive(Debug, Clone, Serialize, TS)]
pub struct CriterionView {
    /// Its id.
    pub id: CriterionId,
    /// Stable code, e.g. "3.2".
    pub code: String,
    /// The norm itself.
    pub text: String,
    /// Explanation of the norm.
    pub explanation: String,
    /// Legal basis, e.g. "AVG art. 30".
    pub legal_basis: String,
    /// The answer given in this assessment; `None` when not assessed yet.
    pub answer: Option<AnswerInput>,
    /// Where the answer was taken over from (e.g. the round "2025", or an earlier catalog
    /// version) while nobody has confirmed or changed it yet.
    pub carried_from: Option<String>,
}

pub(crate) fn load(conn: &Connection, id: AssessmentId) -> Result<AssessmentView> {
    let assessment = conn
        .query_row(
            "SELECT a.id, a.name, a.reference_date, o.name, o.id, c.name, c.version, c.is_example,
                    a.sealed_at, a.sealed_by, a.fingerprint
             FROM assessment a
             JOIN organisation o ON o.id = a.organisation_id
             JOIN catalog c ON c.id = a.catalog_id
             WHERE a.id = ?1",
            [id],
            |row| {
                Ok(AssessmentSummary {
                    id: row.get(0)?,
                    name: row.get(1)?,
                    reference_date: row.get(2)?,
                    organisation: row.get(3)?,
                    organisation_id: row.get(4)?,
                    catalog_name: row.get(5)?,
                    catalog_version: row.get(6)?,
                    catalog_is_example: row.get(7)?,
                    seal: Seal::from_row(row, 8)?,
                })
            },
        )
        .optional()?
        .ok_or(Error::NotFound {
            what: "De beoordeling",
        })?;

    let mut themes: Vec<ThemeView> = Vec::new();
    let mut stmt = conn.prepare(
        "SELECT t.id, t.name, c.id, c.code, c.text, c.explanation, c.legal_basis,
                an.criterion_id IS NOT NULL, an.status, an.justification, an.owner, an.action,
                an.deadline, an.evidence, an.carried_from
         FROM assessment a
         JOIN theme t ON t.catalog_id = a.catalog_id
         LEFT JOIN criterion c ON c.theme_id = t.id
         LEFT JOIN answer an ON an.assessment_id = a.id AND an.criterion_id = c.id
         WHERE a.id = ?1
         ORDER BY t.position, c.position",
    )?;
    let mut rows = stmt.query([id])?;
    while let Some(row) = rows.next()? {
        let theme_id: ThemeId = row.get(0)?;
        if themes.last().map(|t| t.id) != Some(theme_id) {
            themes.push(ThemeView {
                id: theme_id,
                name: row.get(1)?,
                criteria: Vec::new(),
            });
        }
        let Some(criterion_id) = row.get::<_, Option<CriterionId>>(2)? else {
            continue; // a theme without criteria
        };
        let answer = if row.get::<_, bool>(7)? {
            Some(AnswerInput::from_row(row, 8)?)
        } else {
            None
        };
        if let Some(theme) = themes.last_mut() {
            theme.criteria.push(CriterionView {
                id: criterion_id,
                code: row.get(3)?,
                text: row.get(4)?,
                explanation: row.get(5)?,
                legal_basis: row.get(6)?,
                answer,
                carried_from: row.get(14)?,
            });
        }
    }
    Ok(AssessmentView { assessment, themes })
}
