//! Identifiers and states shared by the whole model.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
        pub struct $name(#[ts(type = "number")] pub i64);

        impl rusqlite::ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
                self.0.to_sql()
            }
        }

        impl rusqlite::types::FromSql for $name {
            fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
                i64::column_result(value).map($name)
            }
        }
    };
}

id_type!(
    /// A criteria set (Criteriaset), one name and version.
    CatalogId
);
id_type!(
    /// A theme (Thema) within one catalog.
    ThemeId
);
id_type!(
    /// One criterion (Criterium) of one catalog version.
    CriterionId
);
id_type!(
    /// A municipality or other body that is assessed (Organisatie).
    OrganisationId
);
id_type!(
    /// One scoring round (Beoordeling) of one organisation against one catalog version.
    AssessmentId
);

/// The status of one criterion in one assessment. "Not assessed" is the absence of a status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Geïmplementeerd.
    Implemented,
    /// Gedeeltelijk geïmplementeerd.
    Partial,
    /// Vraagt aandacht.
    Open,
    /// Niet van toepassing (needs a justification).
    NotApplicable,
}

impl Status {
    /// Every status, in the order the UI and the overview show them.
    pub const ALL: [Status; 4] = [
        Status::Implemented,
        Status::Partial,
        Status::Open,
        Status::NotApplicable,
    ];

    /// The stable name stored in the database and sent over IPC.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Implemented => "implemented",
            Status::Partial => "partial",
            Status::Open => "open",
            Status::NotApplicable => "not_applicable",
        }
    }

    /// The Dutch label a user sees where a criterion has no status yet.
    pub const UNANSWERED_LABEL: &'static str = "Niet beoordeeld";

    /// The Dutch label a user sees.
    pub fn label(self) -> &'static str {
        match self {
            Status::Implemented => "Geïmplementeerd",
            Status::Partial => "Gedeeltelijk geïmplementeerd",
            Status::Open => "Vraagt aandacht",
            Status::NotApplicable => "Niet van toepassing",
        }
    }

    /// Parses the stored name; `None` for anything else.
    pub fn from_stored(value: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.as_str() == value)
    }
}

impl rusqlite::ToSql for Status {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        Ok(self.as_str().into())
    }
}

impl rusqlite::types::FromSql for Status {
    fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        let text = value.as_str()?;
        Status::from_stored(text).ok_or_else(|| {
            rusqlite::types::FromSqlError::Other(format!("unknown status {text:?}").into())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_names_round_trip_and_labels_are_dutch() {
        for status in Status::ALL {
            assert_eq!(Status::from_stored(status.as_str()), Some(status));
        }
        assert_eq!(Status::from_stored("Implemented"), None);
        assert_eq!(Status::Open.label(), "Vraagt aandacht");
    }
}

/// The full content of an answer as the user edits it. Saving replaces the previous content.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct AnswerInput {
    /// `None` = not assessed (notes may still be kept).
    pub status: Option<Status>,
    /// Why this status (onderbouwing).
    pub justification: String,
    /// Who is responsible (eigenaar).
    pub owner: String,
    /// What will be done (actie).
    pub action: String,
    /// When, `YYYY-MM-DD`.
    pub deadline: Option<String>,
    /// Where the evidence is (bewijs).
    pub evidence: String,
}

impl AnswerInput {
    /// True when nothing at all is filled in: the same as no answer.
    pub fn is_empty(&self) -> bool {
        self.status.is_none()
            && self.justification.is_empty()
            && self.owner.is_empty()
            && self.action.is_empty()
            && self.deadline.is_none()
            && self.evidence.is_empty()
    }
}

/// Who made a change and when; the clock is passed in, never read here.
#[derive(Debug, Clone)]
pub struct ChangeContext {
    /// The moment of the change.
    pub at: time::OffsetDateTime,
    /// Who made it (the operating-system user, or a name given on the command line).
    pub by: String,
}

/// How and when a round was sealed (vastgesteld).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Seal {
    /// The date of establishment.
    pub sealed_on: Date,
    /// Who established it, e.g. "College van B&W" or the FG's name.
    pub sealed_by: String,
    /// Hex SHA-256 of the round's contents at sealing (see `fingerprint`).
    pub fingerprint: String,
}

impl Seal {
    /// Reads `sealed_at, sealed_by, fingerprint` from column `first` on; `None` when open.
    pub(crate) fn from_row(
        row: &rusqlite::Row<'_>,
        first: usize,
    ) -> rusqlite::Result<Option<Seal>> {
        let on: Option<Date> = row.get(first)?;
        Ok(match on {
            Some(sealed_on) => Some(Seal {
                sealed_on,
                sealed_by: row.get(first + 1)?,
                fingerprint: row.get::<_, Option<String>>(first + 2)?.unwrap_or_default(),
            }),
            None => None,
        })
    }
}

/// A calendar date that exists, written `YYYY-MM-DD` in the file, on the wire and in exports.
/// Reading one from the user or a stored row checks it; a `String` could hold anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, TS)]
// `IsoDate` in TypeScript: `Date` there is the built-in date object.
#[ts(rename = "IsoDate", type = "string")]
pub struct Date(time::Date);

impl Date {
    /// Reads a date typed as `YYYY-MM-DD` (surrounding spaces ignored).
    ///
    /// # Errors
    /// [`crate::Error::InvalidInput`] with a Dutch reason when the text is not such a date or
    /// the date does not exist (2026-02-30).
    pub fn parse(text: &str) -> crate::Result<Date> {
        let format = time::macros::format_description!("[year]-[month]-[day]");
        time::Date::parse(text.trim(), format)
            .map(Date)
            .map_err(|_| crate::Error::InvalidInput {
                reason: format!(
                    "De datum \u{201c}{}\u{201d} bestaat niet of is niet geschreven als JJJJ-MM-DD (bijvoorbeeld 2026-12-31).",
                    text.trim()
                ),
            })
    }

    /// The date as the `time` crate knows it.
    pub fn get(self) -> time::Date {
        self.0
    }
}

impl From<time::Date> for Date {
    fn from(date: time::Date) -> Date {
        Date(date)
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // `time` writes a Date as YYYY-MM-DD.
        write!(f, "{}", self.0)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse(&text).map_err(serde::de::Error::custom)
    }
}

impl rusqlite::ToSql for Date {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        Ok(self.to_string().into())
    }
}

impl rusqlite::types::FromSql for Date {
    fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        let text = value.as_str()?;
        Date::parse(text).map_err(|_| {
            rusqlite::types::FromSqlError::Other(format!("not a date: {text:?}").into())
        })
    }
}

#[cfg(test)]
mod date_tests {
    use super::Date;

    #[test]
    fn a_date_is_checked_and_written_as_yyyy_mm_dd() {
        let date = Date::parse(" 2026-12-31 ").unwrap();
        assert_eq!(date.to_string(), "2026-12-31");
        assert_eq!(serde_json::to_string(&date).unwrap(), "\"2026-12-31\"");
        assert_eq!(
            serde_json::from_str::<Date>("\"2027-01-05\"")
                .unwrap()
                .to_string(),
            "2027-01-05"
        );
        for wrong in ["2026-02-30", "31-12-2026", "morgen", ""] {
            let err = Date::parse(wrong).unwrap_err();
            assert_eq!(err.code(), "invalid_input", "{wrong}");
            assert!(err.to_string().contains("JJJJ-MM-DD"));
            assert!(serde_json::from_str::<Date>(&format!("\"{wrong}\"")).is_err());
        }
    }
}
