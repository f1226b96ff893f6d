//! The example catalog that ships with the app, so a new user can start at once.
//!
//! We do not ship VNG's "Criteria borging AVG" (its licence is unclear): these criteria are our
//! own, written from the AVG articles and the Dutch context, and labelled as an example.

mod data;

pub(crate) use data::THEMES as EXAMPLE_THEMES;

/// Name of the example catalog as the user sees it.
pub const EXAMPLE_CATALOG_NAME: &str = "Voorbeeldset borging AVG (geen VNG-tekst)";

/// Version of the example catalog; bump it when its content changes.
pub(crate) const EXAMPLE_CATALOG_VERSION: &str = "2026.1";

/// One theme of the example catalog.
pub(crate) struct ExampleTheme {
    pub name: &'static str,
    pub criteria: &'static [ExampleCriterion],
}

/// One criterion of the example catalog.
pub(crate) struct ExampleCriterion {
    pub code: &'static str,
    pub text: &'static str,
    pub explanation: &'static str,
    pub legal_basis: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn example_catalog_is_complete_enough_to_start_with() {
        assert!(EXAMPLE_THEMES.len() >= 10, "at least 10 themes");
        let criteria: Vec<_> = EXAMPLE_THEMES.iter().flat_map(|t| t.criteria).collect();
        assert!(criteria.len() >= 40, "at least 40 criteria");
        let mut codes = HashSet::new();
        for c in &criteria {
            assert!(codes.insert(c.code), "duplicate code {}", c.code);
            assert!(!c.text.trim().is_empty(), "{} has no text", c.code);
            assert!(
                !c.explanation.trim().is_empty(),
                "{} has no explanation",
                c.code
            );
            assert!(
                c.legal_basis.contains("art."),
                "{} has no article reference",
                c.code
            );
        }
        for theme in EXAMPLE_THEMES {
            assert!(!theme.criteria.is_empty(), "{} is empty", theme.name);
        }
    }
}
