//! What the store's unit tests start from: one moment and author, and a store with its first
//! round (the example catalog).

use time::macros::datetime;

use super::Store;
use crate::model::{AssessmentId, ChangeContext};

/// The moment and author of every change a test makes.
pub(super) fn ctx() -> ChangeContext {
    ChangeContext {
        at: datetime!(2026-11-28 10:00 UTC),
        by: "fg".into(),
    }
}

/// An in-memory store with its first round on the example catalog.
pub(super) fn started() -> (Store, AssessmentId) {
    let mut store = Store::open_in_memory().expect("an in-memory store");
    let round = store.ensure_started(ctx().at).expect("the first round");
    (store, round)
}
