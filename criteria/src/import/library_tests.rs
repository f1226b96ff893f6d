//! CISO Assistant libraries made in code, shaped like the published ones (BIO2, the GDPR
//! checklist, a risk matrix), so a reader sees what is read from where.

use rust_xlsxwriter::{Workbook, Worksheet};
use time::macros::date;

use super::*;

fn options() -> ImportOptions {
    ImportOptions::new(date!(2026 - 11 - 28))
}

fn plan(bytes: &[u8]) -> ImportPlan {
    analyse_bytes("bibliotheek.xlsx", bytes, &options()).expect("the file is analysed")
}

/// Writes `rows` from A1; an empty string leaves the cell empty.
fn write_rows(ws: &mut Worksheet, rows: &[&[&str]]) {
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            if !text.is_empty() {
                ws.write_string(r as u32, c as u16, *text).unwrap();
            }
        }
    }
}

/// A workbook with one sheet per `(name, rows)`, in order.
fn workbook(sheets: &[(&str, &[&[&str]])]) -> Vec<u8> {
    let mut wb = Workbook::new();
    for (name, rows) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(*name).unwrap();
        write_rows(ws, rows);
    }
    wb.save_to_buffer().unwrap()
}

fn theme_names(plan: &ImportPlan) -> Vec<&str> {
    plan.catalog
        .themes
        .iter()
        .map(|t| t.name.as_str())
        .collect()
}

fn codes(plan: &ImportPlan) -> Vec<&str> {
    plan.catalog.criteria().map(|c| c.code.as_str()).collect()
}

fn criterion<'p>(plan: &'p ImportPlan, code: &str) -> &'p crate::CriterionDraft {
    plan.catalog
        .criteria()
        .find(|c| c.code == code)
        .unwrap_or_else(|| panic!("criterion {code}"))
}

fn messages(plan: &ImportPlan, severity: Severity) -> Vec<String> {
    plan.findings
        .iter()
        .filter(|f| f.severity == severity)
        .map(|f| format!("{}: {}", f.sheet, f.message))
        .collect()
}

/// Like BIO2: flat (all depth 1, every row assessable), English `description` and Dutch
/// `description[nl]`, implementation groups in a block of their own.
fn flat_library() -> Vec<u8> {
    workbook(&[
        (
            "library_meta",
            &[
                &["type", "library"],
                &["urn", "urn:intuitem:risk:library:bio2"],
                &["version", "2"],
                &["locale", "en"],
                &["ref_id", "bio2"],
                &[
                    "name[nl]",
                    "Baseline Informatiebeveiliging Overheid 2 (BIO2)",
                ],
            ],
        ),
        (
            "req_meta",
            &[
                &["type", "framework"],
                &["urn", "urn:intuitem:risk:framework:bio2"],
                &["ref_id", "bio2"],
                &[
                    "name",
                    "Baseline Information Security for Government 2 (BIO2)",
                ],
                &["implementation_groups_definition", "ig"],
                &[
                    "name[nl]",
                    "Baseline Informatiebeveiliging Overheid 2 (BIO2)",
                ],
            ],
        ),
        (
            "req_content",
            &[
                &[
                    "assessable",
                    "depth",
                    "ref_id",
                    "implementation_groups",
                    "description[nl]",
                    "description",
                ],
                &[
                    "x",
                    "1",
                    "5.01.01",
                    "basishygiëne",
                    "Het informatiebeveiligingsbeleid is vastgesteld.",
                    "The information security policy has been adopted.",
                ],
                &[
                    "x",
                    "1",
                    "5.01.02",
                    "basishygiëne",
                    "Het beleid wordt jaarlijks beoordeeld.",
                    "The policy is reviewed every year.",
                ],
                &[
                    "x",
                    "1",
                    "5.02.01",
                    "overheidsrisico",
                    "",
                    "A CISO has been appointed.",
                ],
            ],
        ),
        (
            "ig_meta",
            &[&["type", "implementation_groups"], &["name", "ig"]],
        ),
        (
            "ig_content",
            &[
                &["ref_id", "name", "name[nl]"],
                &["basishygiëne", "Baseline hygiene", "Basishygiëne"],
            ],
        ),
    ])
}

#[test]
fn a_flat_library_is_one_theme_named_after_the_framework_in_dutch() {
    let plan = plan(&flat_library());
    assert_eq!(plan.sheet, "req_content");
    assert_eq!(
        plan.catalog.name,
        "Baseline Informatiebeveiliging Overheid 2 (BIO2)"
    );
    assert_eq!(plan.catalog.version, "2");
    assert_eq!(
        theme_names(&plan),
        ["Baseline Informatiebeveiliging Overheid 2 (BIO2)"]
    );
    assert_eq!(codes(&plan), ["5.01.01", "5.01.02", "5.02.01"]);
    let first = criterion(&plan, "5.01.01");
    assert_eq!(
        first.text,
        "Het informatiebeveiligingsbeleid is vastgesteld."
    );
    assert_eq!(first.explanation, "");
    assert_eq!(first.row, 2);
    // No Dutch text in that row: the English one, and the dry run says so.
    assert_eq!(
        criterion(&plan, "5.02.01").text,
        "A CISO has been appointed."
    );
    let info = messages(&plan, Severity::Info);
    assert!(
        info.iter()
            .any(|m| m.starts_with("req_content: De Nederlandse teksten")
                && m.contains("In 1 cel ontbrak")),
        "{info:?}"
    );
    assert!(
        info.iter()
            .any(|m| m.starts_with("ig_content: ") && m.contains("implementatiegroepen")),
        "{info:?}"
    );
    assert_eq!(plan.blocking(), 0, "{:?}", plan.findings);
    assert!(messages(&plan, Severity::Warning).is_empty());
    assert_eq!(plan.mapping.code, Some(2));
    assert_eq!(plan.mapping.text, Some(4));
    assert_eq!(plan.rows_read, 3);
    assert!(
        info.iter()
            .any(|m| m.contains("geen kopjes boven de eisen")),
        "{info:?}"
    );
}

#[test]
fn a_framework_without_codes_is_numbered_per_theme() {
    let bytes = workbook(&[
        (
            "library_meta",
            &[&["type", "library"], &["name", "Checklist"]],
        ),
        ("fw_meta", &[&["type", "framework"], &["name", "Checklist"]]),
        (
            "fw_content",
            &[
                &["assessable", "depth", "name"],
                &["", "1", "Rechtmatigheid"],
                &["x", "2", "Er is een grondslag."],
                &["x", "2", "Er is een register."],
                &["", "1", "Beveiliging"],
                &["x", "2", "Er is versleuteling."],
            ],
        ),
    ]);
    let plan = plan(&bytes);
    assert_eq!(theme_names(&plan), ["Rechtmatigheid", "Beveiliging"]);
    assert_eq!(codes(&plan), ["1.1", "1.2", "2.1"]);
    assert_eq!(criterion(&plan, "2.1").text, "Er is versleuteling.");
    assert_eq!(plan.catalog.version, "2026-11-28", "no version: today");
    assert_eq!(plan.blocking(), 0, "{:?}", plan.findings);
}

/// Like the GDPR checklist: headings at depth 1, requirements at depth 2 with a name and a
/// description, Dutch names, one requirement without a `ref_id`.
fn library_with_headings() -> Vec<u8> {
    workbook(&[
        (
            "library_meta",
            &[
                &["type", "library"],
                &["version", "3"],
                &["locale", "en"],
                &["name", "GDPR checklist library"],
            ],
        ),
        (
            "checklist_meta",
            &[
                &["type", "framework"],
                &["ref_id", "GDPR-checklist"],
                &["name", "GDPR checklist for data controllers"],
                &[
                    "name[nl]",
                    "AVG-checklist voor verwerkingsverantwoordelijken",
                ],
            ],
        ),
        (
            "checklist_content",
            &[
                &[
                    "assessable",
                    "depth",
                    "ref_id",
                    "name",
                    "description",
                    "annotation",
                    "name[nl]",
                    "name[fr]",
                ],
                &[
                    "",
                    "1",
                    "A",
                    "Lawful basis",
                    "",
                    "",
                    "Rechtmatigheid",
                    "Base légale",
                ],
                &[
                    "x",
                    "2",
                    "A.1",
                    "Conduct an information audit",
                    "Know what data you hold.",
                    "Art. 30",
                    "Voer een informatie-audit uit",
                    "Effectuez un audit",
                ],
                &[
                    "x",
                    "2",
                    "A.2",
                    "Have a legal justification",
                    "",
                    "",
                    "Zorg voor een grondslag",
                    "",
                ],
                // A requirement below a requirement keeps the heading above both.
                &["x", "3", "A.2.a", "Record the consent", "", "", "", ""],
                &["", "1", "B", "Data security", "", "", "", "Sécurité"],
                &[
                    "x",
                    "2",
                    "B.1",
                    "",
                    "Encrypt personal data where possible.",
                    "",
                    "",
                    "",
                ],
                &[
                    "x",
                    "2",
                    "",
                    "Train your staff",
                    "",
                    "",
                    "Train uw medewerkers",
                    "",
                ],
            ],
        ),
    ])
}

#[test]
fn headings_become_themes_and_a_name_is_the_text_with_the_description_as_explanation() {
    let plan = plan(&library_with_headings());
    assert_eq!(
        plan.catalog.name,
        "AVG-checklist voor verwerkingsverantwoordelijken"
    );
    assert_eq!(plan.catalog.version, "3");
    assert_eq!(theme_names(&plan), ["A Rechtmatigheid", "B Data security"]);
    assert_eq!(codes(&plan), ["A.1", "A.2", "A.2.a", "B.1", "B.1-1"]);
    let audit = criterion(&plan, "A.1");
    assert_eq!(audit.text, "Voer een informatie-audit uit");
    assert_eq!(audit.explanation, "Know what data you hold.\n\nArt. 30");
    assert_eq!(
        criterion(&plan, "A.2.a").text,
        "Record the consent",
        "no Dutch name: the name as written"
    );
    assert_eq!(
        criterion(&plan, "B.1").text,
        "Encrypt personal data where possible.",
        "no name: the description is the text"
    );
    assert_eq!(criterion(&plan, "B.1-1").text, "Train uw medewerkers");
    let info = messages(&plan, Severity::Info);
    assert!(
        info.iter()
            .any(|m| m.contains("1 eis heeft geen nummer") && m.contains("erboven")),
        "{info:?}"
    );
    assert_eq!(plan.blocking(), 0, "{:?}", plan.findings);
}

#[test]
fn a_library_without_a_framework_is_refused_saying_what_it_is() {
    let bytes = workbook(&[
        (
            "library_meta",
            &[
                &["type", "library"],
                &["name", "5x5 risk matrix"],
                &["version", "4"],
            ],
        ),
        ("matrix_meta", &[&["type", "risk_matrix"], &["name", "5x5"]]),
        (
            "matrix_content",
            &[
                &["type", "id", "name", "description"],
                &["probability", "0", "rare", "Hardly ever"],
            ],
        ),
    ]);
    match analyse_bytes("matrix.xlsx", &bytes, &options()) {
        Err(crate::Error::FileRefused { reason }) => assert_eq!(
            reason,
            "Dit bestand is een bibliotheek van CISO Assistant (\u{201c}5x5 risk matrix\u{201d}) met een risicomatrix, maar zonder normenkader. AVG-borging leest uit zo\u{2019}n bibliotheek alleen een normenkader met eisen. Kies het bestand van een normenkader, zoals de BIO2 of een AVG-checklist."
        ),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn a_sheet_named_library_meta_alone_does_not_make_a_library() {
    let bytes = workbook(&[
        (
            "library_meta",
            &[&["type", "library"], &["name", "Onze criteria"]],
        ),
        (
            "Criteria",
            &[
                &["Nr", "Thema", "Criterium"],
                &["1.1", "Governance", "Er is een FG aangesteld."],
                &["1.2", "Governance", "Er is een verwerkingsregister."],
            ],
        ),
    ]);
    let plan = plan(&bytes);
    assert_eq!(plan.sheet, "Criteria");
    // Read as a cover sheet: the name it states is a title with a title word.
    assert_eq!(plan.catalog.name, "Onze criteria");
    assert_eq!(theme_names(&plan), ["Governance"]);
    assert_eq!(codes(&plan), ["1.1", "1.2"]);
    assert_eq!(
        criterion(&plan, "1.2").text,
        "Er is een verwerkingsregister."
    );
    assert!(
        !plan
            .findings
            .iter()
            .any(|f| f.message.contains("CISO Assistant")),
        "{:?}",
        plan.findings
    );
}

#[test]
fn the_row_limit_holds_for_a_library_and_says_what_was_left_out() {
    let options = ImportOptions {
        limits: Limits {
            max_rows: 3,
            ..Limits::default()
        },
        ..options()
    };
    let plan = analyse_bytes("bio2.xlsx", &flat_library(), &options).unwrap();
    assert_eq!(codes(&plan), ["5.01.01", "5.01.02"]);
    let warnings = messages(&plan, Severity::Warning);
    assert_eq!(
        warnings,
        ["req_content: Het blad heeft meer dan 3 rijen; de rijen daarna zijn niet gelezen."]
    );
}

#[test]
fn a_sheet_chosen_in_the_wizard_is_read_the_ordinary_way() {
    let options = ImportOptions {
        sheet: Some("ig_content".to_owned()),
        ..options()
    };
    let plan = analyse_bytes("bio2.xlsx", &flat_library(), &options).unwrap();
    assert_eq!(plan.sheet, "ig_content");
    assert!(
        !plan
            .findings
            .iter()
            .any(|f| f.message.contains("CISO Assistant")),
        "{:?}",
        plan.findings
    );
}
