//! The file name the save dialog proposes: organisation and round, safe on every OS.

use crate::view::AssessmentView;

/// Characters Windows, macOS or Linux refuse in a file name, or that confuse shells and mail.
const FORBIDDEN: &[char] = &['<', '>', ':', '"', '/', '\\', '|', '?', '*'];

/// Names Windows reserves whatever the extension.
const RESERVED: &[&str] = &[
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
    "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// Longest stem we propose, in characters (well below every file system's limit).
const MAX_STEM: usize = 100;

/// E.g. `Gemeente Voorbeeldstad - beoordeling AVG 2026.xlsx`.
pub fn suggested_file_name(view: &AssessmentView) -> String {
    let raw = format!(
        "{} - beoordeling AVG {}",
        view.assessment.organisation, view.assessment.name
    );
    let mut stem: String = raw
        .chars()
        .map(|c| {
            if c.is_control() {
                ' '
            } else if FORBIDDEN.contains(&c) {
                '-'
            } else {
                c
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    stem = stem.chars().take(MAX_STEM).collect();
    // Windows drops trailing dots and spaces; a leading dot hides the file on Linux.
    let stem = stem.trim_matches(|c: char| c == '.' || c == ' ');
    let stem = if stem.is_empty() || RESERVED.contains(&stem.to_ascii_uppercase().as_str()) {
        "beoordeling AVG"
    } else {
        stem
    };
    format!("{stem}.xlsx")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::AssessmentId;
    use crate::view::AssessmentSummary;

    fn view(organisation: &str, name: &str) -> AssessmentView {
        AssessmentView {
            assessment: AssessmentSummary {
                id: AssessmentId(1),
                name: name.into(),
                reference_date: None,
                organisation: organisation.into(),
                organisation_id: crate::OrganisationId(1),
                catalog_name: "x".into(),
                catalog_version: "1".into(),
                catalog_is_example: false,
                seal: None,
            },
            themes: Vec::new(),
        }
    }

    #[test]
    fn the_proposed_name_is_safe_on_every_os() {
        assert_eq!(
            suggested_file_name(&view("Gemeente Voorbeeldstad", "2026")),
            "Gemeente Voorbeeldstad - beoordeling AVG 2026.xlsx"
        );
        assert_eq!(
            suggested_file_name(&view("Werk/Inkomen: \"Noord\"?", "2026\n")),
            "Werk-Inkomen- -Noord-- - beoordeling AVG 2026.xlsx"
        );
        let long = suggested_file_name(&view(&"a".repeat(300), "2026"));
        assert_eq!(long.chars().count(), MAX_STEM + ".xlsx".len());
        assert_eq!(
            suggested_file_name(&view("...", "")),
            "- beoordeling AVG.xlsx"
        );
        assert_eq!(suggested_file_name(&view("", "")), "- beoordeling AVG.xlsx");
    }
}
