//! Sealing (vaststellen) a round, reopening it, and checking a seal against the data: a sealed
//! round refuses every change until it is reopened. Each write is one transaction.

use rusqlite::{Connection, OptionalExtension, params};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Store;
use super::events::{RoundEventKind, log_event};
use super::organisations::clean_name;
use super::rounds::clean_date;
use crate::ChangeContext;
use crate::error::{Error, Result};
use crate::model::{AssessmentId, Seal};

/// Who established a round and on which date.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
pub struct SealRequest {
    /// Who established it.
    pub sealed_by: String,
    /// The date, `YYYY-MM-DD`; `None` = today.
    pub sealed_on: Option<String>,
}

/// Whether a sealed round still matches its fingerprint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SealCheck {
    /// The seal as recorded.
    pub seal: Seal,
    /// The fingerprint of the data as it is now.
    pub computed: String,
    /// Whether both are the same.
    pub matches: bool,
}

/// Refuses any change to a sealed round.
pub(crate) fn ensure_open(conn: &Connection, id: AssessmentId) -> Result<()> {
    let (name, sealed): (String, Option<String>) = conn
        .query_row(
            "SELECT name, sealed_at FROM assessment WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or(Error::NotFound {
            what: "De beoordeling",
        })?;
    match sealed {
        Some(_) => Err(Error::Sealed { round: name }),
        None => Ok(()),
    }
}

impl Store {
    /// Seals (vaststellen) a round: it becomes read-only and gets a fingerprint of its contents.
    pub fn seal_round(
        &mut self,
        id: AssessmentId,
        request: &SealRequest,
        ctx: &ChangeContext,
    ) -> Result<Seal> {
        let sealed_by = clean_name(&request.sealed_by, "wie de beoordeling vaststelt")
            .map_err(|_| Error::InvalidInput {
                reason: "Vul in wie de beoordeling vaststelt (bijvoorbeeld \u{201c}College van B&W\u{201d} of uw naam).".into(),
            })?;
        let sealed_on = match request
            .sealed_on
            .as_deref()
            .filter(|d| !d.trim().is_empty())
        {
            Some(date) => clean_date(date)?,
            None => ctx.at.date().into(),
        };
        self.write(|conn| {
            ensure_open(conn, id)?;
            let view = crate::view::load(conn, id)?;
            let fingerprint = crate::fingerprint::of(&view, &sealed_on.to_string(), &sealed_by)?;
            conn.execute(
                "UPDATE assessment SET sealed_at = ?2, sealed_by = ?3, fingerprint = ?4 WHERE id = ?1",
                params![id, sealed_on, sealed_by, fingerprint],
            )?;
            log_event(
                conn,
                id,
                RoundEventKind::Sealed,
                &format!(
                    "Vastgesteld op {} door {sealed_by}. Vingerafdruk {}.",
                    crate::report::long_date(sealed_on.get()),
                    crate::fingerprint::grouped(&fingerprint)
                ),
                ctx,
            )?;
            Ok(Seal {
                sealed_on,
                sealed_by,
                fingerprint,
            })
        })
    }

    /// Reopens a sealed round; the earlier seal stays in the round's log.
    pub fn unseal_round(&mut self, id: AssessmentId, ctx: &ChangeContext) -> Result<()> {
        self.write(|conn| {
            let seal = conn
                .query_row(
                    "SELECT sealed_at, sealed_by, fingerprint FROM assessment WHERE id = ?1",
                    [id],
                    |r| Seal::from_row(r, 0),
                )
                .optional()?
                .ok_or(Error::NotFound {
                    what: "De beoordeling",
                })?;
            let Some(seal) = seal else {
                return Ok(());
            };
            conn.execute(
                "UPDATE assessment SET sealed_at = NULL, sealed_by = NULL, fingerprint = NULL WHERE id = ?1",
                [id],
            )?;
            log_event(
                conn,
                id,
                RoundEventKind::Unsealed,
                &format!(
                    "Heropend. Was vastgesteld op {} door {}, vingerafdruk {}.",
                    crate::report::long_date(seal.sealed_on.get()),
                    seal.sealed_by,
                    crate::fingerprint::grouped(&seal.fingerprint)
                ),
                ctx,
            )
        })
    }

    /// For a sealed round: the seal and whether the data still match its fingerprint.
    pub fn check_seal(&self, id: AssessmentId) -> Result<Option<SealCheck>> {
        let view = self.assessment_view(id)?;
        view.assessment
            .seal
            .clone()
            .map(|seal| {
                let computed =
                    crate::fingerprint::of(&view, &seal.sealed_on.to_string(), &seal.sealed_by)?;
                Ok(SealCheck {
                    matches: computed == seal.fingerprint,
                    seal,
                    computed,
                })
            })
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{AnswerInput, Status};

    use super::super::fixtures::{ctx, started};

    #[test]
    fn a_sealed_round_is_read_only_until_reopened_and_its_fingerprint_verifies() {
        let (mut store, round) = started();
        store
            .set_status(
                store.current_round().expect("a round"),
                "1.1",
                Status::Implemented,
                None,
                &ctx(),
            )
            .unwrap();
        let request = SealRequest {
            sealed_by: "College van B&W".into(),
            sealed_on: Some("2026-12-01".into()),
        };
        let seal = store.seal_round(round, &request, &ctx()).unwrap();
        assert_eq!(seal.fingerprint.len(), 64);
        assert_eq!(seal.sealed_on.to_string(), "2026-12-01");
        let check = store.check_seal(round).unwrap().unwrap();
        assert!(check.matches);

        let err = store
            .set_status(
                store.current_round().expect("a round"),
                "1.1",
                Status::Open,
                None,
                &ctx(),
            )
            .unwrap_err();
        assert_eq!(err.code(), "sealed");
        assert!(err.to_string().contains("vastgesteld"));
        let criterion = store.assessment_view(round).unwrap().themes[0].criteria[1].id;
        let err = store
            .save_answer(round, criterion, &AnswerInput::default(), &ctx())
            .unwrap_err();
        assert_eq!(err.code(), "sealed");
        // Even a direct write is stopped by the database itself.
        assert!(store.conn.execute("DELETE FROM answer", []).is_err());
        assert_eq!(
            store
                .seal_round(round, &request, &ctx())
                .unwrap_err()
                .code(),
            "sealed"
        );

        store.unseal_round(round, &ctx()).unwrap();
        assert!(store.check_seal(round).unwrap().is_none());
        store
            .set_status(
                store.current_round().expect("a round"),
                "1.1",
                Status::Open,
                None,
                &ctx(),
            )
            .unwrap();
        let events = store.round_events(round).unwrap();
        assert_eq!(events[0].kind, RoundEventKind::Unsealed);
        assert!(
            events[0]
                .detail
                .contains(&crate::fingerprint::grouped(&seal.fingerprint))
        );
        assert_eq!(events[1].kind, RoundEventKind::Sealed);
        // Sealing again now gives another fingerprint, because the data changed.
        let again = store.seal_round(round, &request, &ctx()).unwrap();
        assert_ne!(again.fingerprint, seal.fingerprint);
    }
}
