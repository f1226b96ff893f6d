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

/// Longest stem in UTF-8 bytes: ext4 and most others allow 255 bytes per name, and a stem of 100
/// characters outside ASCII can take 400.
const MAX_STEM_BYTES: usize = 200;

/// E.g. `Gemeente Voorbeeldstad - beoordeling AVG 2026.xlsx`.
pub fn suggested_file_name(view: &AssessmentView) -> String {
    let raw = format!(
        "{} - beoordeling AVG {}",
        view.assessment.organisation, view.assessment.name
    );
    safe_file_name(&raw, "beoordeling AVG", "xlsx")
}

/// E.g. `Gemeente Voorbeeldstad - Verantwoording borging AVG 2026.pdf`.
pub fn report_file_name(
    view: &AssessmentView,
    document: crate::report::DocumentKind,
    format: crate::report::ReportFormat,
) -> String {
    let raw = format!(
        "{} - {} {}",
        view.assessment.organisation,
        document.title(),
        view.assessment.name
    );
    let extension = match format {
        crate::report::ReportFormat::Pdf => "pdf",
        crate::report::ReportFormat::Docx => "docx",
    };
    safe_file_name(&raw, document.title(), extension)
}

/// `raw` made safe as a file name on every OS, with `extension`; `fallback` when nothing is left.
fn safe_file_name(raw: &str, fallback: &str, extension: &str) -> String {
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
    let mut bytes = 0;
    stem = stem
        .chars()
        .take(MAX_STEM)
        .take_while(|c| {
            bytes += c.len_utf8();
            bytes <= MAX_STEM_BYTES
        })
        .collect();
    // Windows drops trailing dots and spaces; a leading dot hides the file on Linux.
    let stem = stem.trim_matches(|c: char| c == '.' || c == ' ');
    if stem.is_empty() {
        return format!("{fallback}.{extension}");
    }
    // Windows reserves CON, NUL, … as the part before the first dot, whatever follows.
    let device = stem.split('.').next().unwrap_or_default().trim_end();
    if RESERVED.contains(&device.to_ascii_uppercase().as_str()) {
        return format!("_{stem}.{extension}");
    }
    format!("{stem}.{extension}")
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

    #[test]
    fn hostile_organisation_names_give_harmless_file_names() {
        assert_eq!(
            suggested_file_name(&view("../../x", "2026")),
            "-..-x - beoordeling AVG 2026.xlsx"
        );
        assert_eq!(
            suggested_file_name(&view("con.x", "2026")),
            "_con.x - beoordeling AVG 2026.xlsx",
            "a Windows device name before the first dot"
        );
        assert_eq!(
            suggested_file_name(&view("Gemeente...", "2026...")),
            "Gemeente... - beoordeling AVG 2026.xlsx"
        );
        let emoji = suggested_file_name(&view(&"🏛".repeat(300), "2026"));
        assert!(emoji.len() <= 255, "{} bytes", emoji.len());
        for name in [
            "../../x",
            "CON",
            "nul",
            "a/b\\c",
            "x\u{0}y",
            "  .verborgen",
            "é".repeat(300).as_str(),
        ] {
            let file = suggested_file_name(&view(name, "2026"));
            assert!(file.ends_with(".xlsx"), "{file}");
            assert!(file.len() <= 255, "{file}");
            assert!(!file.starts_with('.') && !file.starts_with(' '), "{file}");
            assert!(
                !file.contains(FORBIDDEN) && !file.chars().any(char::is_control),
                "{file}"
            );
            assert!(
                std::path::Path::new(&file).components().count() == 1,
                "{file}"
            );
        }
    }
}
