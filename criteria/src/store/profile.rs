//! Who works with the app: the user's name, asked on first start and changeable later. It signs
//! the history, the round log and the proposed "vastgesteld door"; without it the operating
//! system's user name is used, never "onbekend" when a name was given.

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Store;
use super::organisations::clean_name;
use crate::error::{Error, Result};
use crate::model::AssessmentId;

const USER_NAME_KEY: &str = "user_name";

/// The user as the window shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Profile {
    /// The name the user gave; `None` until they answered the first-start question.
    pub user_name: Option<String>,
    /// The name used when none was given: the operating system's user name.
    pub fallback_name: String,
    /// The organisation of the open round.
    pub organisation: String,
}

/// What the first-start screen and the settings save.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
pub struct ProfileEdit {
    /// The user's name.
    pub user_name: String,
    /// The name of the organisation of the open round.
    pub organisation: String,
}

fn stored_name(conn: &Connection) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT value FROM app_state WHERE key = ?1",
            [USER_NAME_KEY],
            |row| row.get::<_, String>(0),
        )
        .optional()?
        .filter(|name| !name.trim().is_empty()))
}

fn checked_user_name(name: &str) -> Result<String> {
    let user = name.trim();
    if user.is_empty() || user.chars().count() > 100 || user.chars().any(char::is_control) {
        return Err(Error::InvalidInput {
            reason: "Vul uw naam in (hoogstens 100 tekens, op één regel). Die naam staat bij uw wijzigingen in de geschiedenis.".to_owned(),
        });
    }
    Ok(user.to_owned())
}

fn store_name(conn: &Connection, user: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO app_state (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![USER_NAME_KEY, user],
    )?;
    Ok(())
}

impl Store {
    /// The user's name, if they gave one.
    pub fn user_name(&self) -> Result<Option<String>> {
        stored_name(&self.conn)
    }

    /// Who signs a change: the user's name, else `fallback` (the operating system's user).
    pub fn author(&self, fallback: &str) -> Result<String> {
        Ok(self.user_name()?.unwrap_or_else(|| fallback.to_owned()))
    }

    /// The profile of the window, with the organisation of `round`.
    pub fn profile(&self, round: AssessmentId, fallback: &str) -> Result<Profile> {
        let view = self.assessment_view(round)?;
        Ok(Profile {
            user_name: self.user_name()?,
            fallback_name: fallback.to_owned(),
            organisation: view.assessment.organisation,
        })
    }

    /// Saves the user's name (the command line and test set-ups; the window uses
    /// [`Store::save_profile`]).
    ///
    /// # Errors
    /// [`crate::Error::InvalidInput`] for an empty or too long name.
    pub fn set_user_name(&mut self, name: &str) -> Result<()> {
        let user = checked_user_name(name)?;
        self.write(|conn| store_name(conn, &user))
    }

    /// Saves the user's name and renames the organisation of `round`, in one transaction.
    ///
    /// # Errors
    /// [`crate::Error::InvalidInput`] for an empty or too long name, [`crate::Error::NameTaken`]
    /// when another organisation has that name.
    pub fn save_profile(&mut self, round: AssessmentId, edit: &ProfileEdit) -> Result<()> {
        let user = checked_user_name(&edit.user_name)?;
        let organisation = clean_name(&edit.organisation, "de organisatie")?;
        self.write(|conn| {
            let (_, organisation_id) = super::assessments::catalog_and_organisation(conn, round)?;
            super::organisations::rename(conn, organisation_id, &organisation)?;
            store_name(conn, &user)
        })
    }
}

#[cfg(test)]
mod tests {
    use time::macros::datetime;

    use super::*;
    use crate::ChangeContext;

    #[test]
    fn the_name_given_signs_changes_and_the_organisation_is_renamed() {
        let mut store = Store::open_in_memory().unwrap();
        let round = store
            .ensure_started(datetime!(2026-11-30 10:00 UTC))
            .unwrap();
        assert_eq!(store.author("jdevries").unwrap(), "jdevries");
        assert_eq!(store.profile(round, "jdevries").unwrap().user_name, None);

        let edit = ProfileEdit {
            user_name: "  Marie de Vries ".into(),
            organisation: "Gemeente Voorbeeldstad".into(),
        };
        store.save_profile(round, &edit).unwrap();
        assert_eq!(store.author("jdevries").unwrap(), "Marie de Vries");
        let profile = store.profile(round, "jdevries").unwrap();
        assert_eq!(profile.user_name.as_deref(), Some("Marie de Vries"));
        assert_eq!(profile.organisation, "Gemeente Voorbeeldstad");

        // The history is signed with the name.
        let view = store.assessment_view(round).unwrap();
        let criterion = view.themes[0].criteria[0].id;
        let ctx = ChangeContext {
            at: datetime!(2026-11-30 11:00 UTC),
            by: store.author("jdevries").unwrap(),
        };
        store
            .set_status(
                round,
                &view.themes[0].criteria[0].code,
                crate::Status::Open,
                None,
                &ctx,
            )
            .unwrap();
        let history = store.answer_history(round, criterion).unwrap();
        assert_eq!(history[0].changed_by, "Marie de Vries");

        let empty = ProfileEdit {
            user_name: " ".into(),
            organisation: "Gemeente Voorbeeldstad".into(),
        };
        assert!(matches!(
            store.save_profile(round, &empty),
            Err(Error::InvalidInput { .. })
        ));
    }
}
