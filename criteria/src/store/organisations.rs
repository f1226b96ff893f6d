//! Organisations: creating one with its first round, renaming it, finding it by name, and the
//! checks on names (of organisations and rounds alike). Each write is one transaction.

use rusqlite::{Connection, OptionalExtension, params};

use super::events::{RoundEventKind, log_event};
use super::{Store, assessments};
use crate::ChangeContext;
use crate::error::{Error, Result};
use crate::model::{AssessmentId, OrganisationId};

/// Longest name of an organisation or round.
const MAX_NAME: usize = 120;

/// A trimmed, non-empty name of reasonable length, or a Dutch reason why not.
pub(super) fn clean_name(text: &str, what: &str) -> Result<String> {
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

/// The organisation with this name, ignoring case as [`ensure_organisation_name_free`] does.
pub(super) fn organisation_by_name(conn: &Connection, name: &str) -> Result<OrganisationId> {
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

/// Renames organisation `id` to the checked `name`, refusing a name another one has.
pub(super) fn rename(conn: &Connection, id: OrganisationId, name: &str) -> Result<()> {
    ensure_organisation_name_free(conn, name, Some(id))?;
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
}

impl Store {
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
        self.write(|conn| rename(conn, id, &name))
    }
}

#[cfg(test)]
mod tests {

    use super::super::fixtures::{ctx, started};

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
}
