//! TEMPORARY stub while the example catalog is being written.
use crate::example::{ExampleCriterion, ExampleTheme};

pub(crate) const THEMES: &[ExampleTheme] = &[ExampleTheme {
    name: "Governance en de functionaris gegevensbescherming",
    criteria: &[ExampleCriterion {
        code: "1.1",
        text: "De gemeente heeft een FG aangewezen.",
        explanation: "Stub.",
        legal_basis: "AVG art. 37",
    }],
}];
