//! End-to-end tests of the import on workbooks made in code, so a reader sees every layout.

use std::io::{Cursor, Read, Write};

use rust_xlsxwriter::{ExcelDateTime, Format, Formula, Workbook, Worksheet};
use time::macros::date;
use zip::write::SimpleFileOptions;

use super::*;
use crate::Status;
use crate::workbook_format::{CRITERIA_SHEET, OVERVIEW_SHEET, row_key};

// ---------------------------------------------------------------------------------------------
// Fixture helpers

fn options() -> ImportOptions {
    ImportOptions::new(date!(2026 - 11 - 28))
}

fn plan(bytes: &[u8]) -> ImportPlan {
    plan_with(bytes, &options())
}

fn plan_with(bytes: &[u8], options: &ImportOptions) -> ImportPlan {
    analyse_bytes("Criteria gemeente.xlsx", bytes, options).expect("the file is analysed")
}

fn refusal(bytes: &[u8]) -> String {
    match analyse_bytes("bestand.xlsx", bytes, &options()) {
        Err(crate::Error::FileRefused { reason }) => reason,
        Err(other) => panic!("expected FileRefused, got {other:?}"),
        Ok(plan) => panic!("expected a refusal, got a plan for sheet {}", plan.sheet),
    }
}

/// Writes `rows` as text from row `first_row` (0-based); an empty string leaves the cell empty.
fn write_rows(ws: &mut Worksheet, first_row: u32, rows: &[&[&str]]) {
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            if !text.is_empty() {
                ws.write_string(first_row + r as u32, c as u16, *text)
                    .unwrap();
            }
        }
    }
}

fn xlsx(build: impl FnOnce(&mut Workbook)) -> Vec<u8> {
    let mut wb = Workbook::new();
    build(&mut wb);
    wb.save_to_buffer().unwrap()
}

/// One sheet named "Blad1" with `rows` from A1.
fn simple(rows: &[&[&str]]) -> Vec<u8> {
    xlsx(|wb| {
        let ws = wb.add_worksheet();
        ws.set_name("Blad1").unwrap();
        write_rows(ws, 0, rows);
    })
}

fn codes(plan: &ImportPlan) -> Vec<&str> {
    plan.catalog.criteria().map(|c| c.code.as_str()).collect()
}

fn theme_names(plan: &ImportPlan) -> Vec<&str> {
    plan.catalog
        .themes
        .iter()
        .map(|t| t.name.as_str())
        .collect()
}

fn status_of(plan: &ImportPlan, code: &str) -> Option<Status> {
    plan.catalog
        .criteria()
        .find(|c| c.code == code)
        .and_then(|c| c.answer.as_ref())
        .and_then(|a| a.status)
}

fn findings(plan: &ImportPlan, severity: Severity) -> Vec<&Finding> {
    plan.findings
        .iter()
        .filter(|f| f.severity == severity)
        .collect()
}

/// Replaces (or adds) parts of a zip, keeping the others as they are.
fn rezip(original: &[u8], replace: &[(&str, &[u8])]) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(original)).unwrap();
    let mut out = Vec::new();
    {
        let mut zip = zip::ZipWriter::new(Cursor::new(&mut out));
        for i in 0..archive.len() {
            let mut part = archive.by_index(i).unwrap();
            let name = part.name().unwrap().into_owned();
            let mut data = Vec::new();
            part.read_to_end(&mut data).unwrap();
            zip.start_file(name.as_str(), SimpleFileOptions::default())
                .unwrap();
            match replace.iter().find(|(n, _)| *n == name) {
                Some((_, new)) => zip.write_all(new).unwrap(),
                None => zip.write_all(&data).unwrap(),
            }
        }
        zip.finish().unwrap();
    }
    out
}

/// A minimal .ods: mimetype (stored, first), content.xml and the manifest.
pub(crate) fn ods_bytes(content: &str) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut zip = zip::ZipWriter::new(Cursor::new(&mut out));
        let stored =
            SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        zip.start_file("mimetype", stored).unwrap();
        zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
            .unwrap();
        zip.start_file("content.xml", SimpleFileOptions::default())
            .unwrap();
        zip.write_all(content.as_bytes()).unwrap();
        zip.start_file("META-INF/manifest.xml", SimpleFileOptions::default())
            .unwrap();
        zip.write_all(
            br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#,
        )
        .unwrap();
        zip.finish().unwrap();
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Layouts

#[test]
fn a_title_block_above_the_header_is_skipped() {
    let bytes = xlsx(|wb| {
        let ws = wb.add_worksheet();
        ws.set_name("Criteria").unwrap();
        write_rows(
            ws,
            0,
            &[
                &["Criteria borging AVG"],
                &["Gemeente Voorbeeld — peildatum 1 januari 2026"],
                &[],
                &[
                    "Nr.",
                    "Thema",
                    "Criterium",
                    "Toelichting",
                    "AVG-artikel",
                    "Status",
                ],
                &[
                    "1.1",
                    "Governance",
                    "Er is een FG aangesteld.",
                    "Zie art. 37",
                    "37",
                    "Ja",
                ],
                &[
                    "1.2",
                    "Governance",
                    "De FG rapporteert aan de top.",
                    "",
                    "38 lid 3",
                    "",
                ],
            ],
        );
    });
    let plan = plan(&bytes);
    assert_eq!(plan.sheet, "Criteria");
    assert_eq!(plan.header_row, 4);
    assert_eq!(
        plan.headers,
        [
            "Nr.",
            "Thema",
            "Criterium",
            "Toelichting",
            "AVG-artikel",
            "Status"
        ]
    );
    assert!(plan.mapping_certain);
    assert_eq!(plan.mapping_source, MappingSource::Detected);
    assert_eq!(
        plan.header_signature,
        "nr|thema|criterium|toelichting|avg artikel|status"
    );
    assert_eq!(codes(&plan), ["1.1", "1.2"]);
    let first = plan.catalog.criteria().next().unwrap();
    assert_eq!(first.text, "Er is een FG aangesteld.");
    assert_eq!(first.explanation, "Zie art. 37");
    assert_eq!(first.legal_basis, "37");
    assert_eq!(first.row, 5);
    assert_eq!(status_of(&plan, "1.1"), Some(Status::Implemented));
    assert_eq!(status_of(&plan, "1.2"), None);
    // The title names the set; it states no version, so the version is today's date.
    assert_eq!(plan.catalog.name, "Criteria borging AVG");
    assert_eq!(plan.catalog.version, "2026-11-28");
    assert_eq!(plan.catalog_origin.name, IdentitySource::TitleBlock);
    assert_eq!(plan.catalog_origin.version, IdentitySource::Today);
    assert_eq!(plan.rows_read, 2);
    assert_eq!(plan.preview.len(), 2);
    assert_eq!(plan.preview[0][0], "1.1");
    assert!(plan.findings.is_empty(), "{:?}", plan.findings);
    assert_eq!(plan.blocking(), 0);
}

#[test]
fn merged_theme_rows_group_the_criteria_and_criteria_before_them_go_to_algemeen() {
    let bytes = xlsx(|wb| {
        let ws = wb.add_worksheet();
        write_rows(ws, 0, &[&["Nr", "Criterium", "Status", "Opmerking"]]);
        write_rows(ws, 1, &[&["0.1", "Een criterium zonder thema", "", ""]]);
        ws.merge_range(2, 0, 2, 3, "1. Governance", &Format::new().set_bold())
            .unwrap();
        write_rows(
            ws,
            3,
            &[
                &["1.1", "Er is een FG.", "Ja", ""],
                &["1.2", "Er is beleid.", "Deels", "In concept"],
            ],
        );
        ws.merge_range(5, 0, 5, 3, "2. Rechten van betrokkenen", &Format::new())
            .unwrap();
        write_rows(
            ws,
            6,
            &[&["2.1", "Inzageverzoeken worden tijdig behandeld.", "Nee", ""]],
        );
    });
    let plan = plan(&bytes);
    assert_eq!(
        theme_names(&plan),
        ["Algemeen", "1. Governance", "2. Rechten van betrokkenen"]
    );
    assert_eq!(codes(&plan), ["0.1", "1.1", "1.2", "2.1"]);
    assert_eq!(status_of(&plan, "1.2"), Some(Status::Partial));
    let partial = plan.catalog.criteria().find(|c| c.code == "1.2").unwrap();
    assert_eq!(partial.answer.as_ref().unwrap().justification, "In concept");
    assert!(plan.findings.is_empty(), "{:?}", plan.findings);
}

#[test]
fn a_theme_column_groups_criteria_and_an_empty_theme_cell_keeps_the_theme_above() {
    let bytes = simple(&[
        &["Domein", "ID", "Maatregel", "Stand van zaken"],
        &["Governance", "G1", "Er is een FG.", "Geïmplementeerd"],
        &["", "G2", "Er is beleid.", "gedeeltelijk"],
        &["Beveiliging", "B1", "Er is een ISMS.", "n.v.t."],
        &["Governance", "G3", "Er is een jaarverslag.", ""],
    ]);
    let plan = plan(&bytes);
    assert_eq!(theme_names(&plan), ["Governance", "Beveiliging"]);
    assert_eq!(codes(&plan), ["G1", "G2", "G3", "B1"]);
    assert_eq!(plan.mapping.theme, Some(0));
    assert!(plan.mapping_certain);
    assert_eq!(status_of(&plan, "B1"), Some(Status::NotApplicable));
    // Niet van toepassing without a justification is taken over, and reported.
    let warnings = findings(&plan, Severity::Warning);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].row, Some(4));
}

#[test]
fn english_headers_are_understood() {
    let bytes = simple(&[
        &[
            "Ref",
            "Topic",
            "Requirement",
            "Guidance",
            "Article",
            "State",
            "Comments",
            "Owner",
            "Action",
            "Due date",
            "Evidence",
        ],
        &[
            "A.1",
            "Governance",
            "A DPO is appointed.",
            "",
            "Art. 37",
            "Implemented",
            "Since 2020",
            "CISO",
            "",
            "",
            "Decision 2020-1",
        ],
        &[
            "A.2",
            "Governance",
            "Records are kept.",
            "",
            "Art. 30",
            "partial",
            "",
            "FG",
            "Complete records",
            "2026-06-30",
            "",
        ],
    ]);
    let plan = plan(&bytes);
    let m = &plan.mapping;
    assert_eq!(
        (
            m.code,
            m.theme,
            m.text,
            m.explanation,
            m.legal_basis,
            m.status
        ),
        (Some(0), Some(1), Some(2), Some(3), Some(4), Some(5))
    );
    assert_eq!(
        (m.justification, m.owner, m.action, m.deadline, m.evidence),
        (Some(6), Some(7), Some(8), Some(9), Some(10))
    );
    let second = plan.catalog.criteria().nth(1).unwrap();
    let answer = second.answer.as_ref().unwrap();
    assert_eq!(answer.status, Some(Status::Partial));
    assert_eq!(answer.action, "Complete records");
    assert_eq!(answer.deadline.as_deref(), Some("2026-06-30"));
    assert_eq!(answer.owner, "FG");
}

#[test]
fn statuses_in_mixed_spellings_are_read_and_an_unknown_one_is_reported_not_guessed() {
    let bytes = xlsx(|wb| {
        let ws = wb.add_worksheet();
        ws.set_name("Criteria").unwrap();
        write_rows(
            ws,
            0,
            &[
                &["Nr", "Criterium", "Status"],
                &["1", "Een", "GEÏMPLEMENTEERD"],
                &["2", "Twee", "geimplementeerd"],
                &["3", "Drie", "Gedeeltelijk (geïmplementeerd)"],
                &["4", "Vier", "Vraagt nog aandacht"],
                &["5", "Vijf", "N.v.t."],
                &["6", "Zes", "Misschien"],
                &["7", "Zeven", "Oranje"],
            ],
        );
        ws.write_string(8, 0, "8").unwrap();
        ws.write_string(8, 1, "Acht").unwrap();
        ws.write_number(8, 2, 3.0).unwrap();
    });
    let plan = plan(&bytes);
    let expected = [
        ("1", Some(Status::Implemented)),
        ("2", Some(Status::Implemented)),
        ("3", Some(Status::Partial)),
        ("4", Some(Status::Open)),
        ("5", Some(Status::NotApplicable)),
        ("6", None),
        ("7", Some(Status::Partial)),
        ("8", None),
    ];
    for (code, status) in expected {
        assert_eq!(status_of(&plan, code), status, "criterion {code}");
    }
    // (Row 6's N.v.t. has no justification column to go with it; that is reported too.)
    let about_status: Vec<_> = plan
        .findings
        .iter()
        .filter(|f| f.column.as_deref() == Some("C") && f.row != Some(6))
        .collect();
    assert_eq!(about_status.len(), 2, "{:?}", plan.findings);
    assert_eq!(about_status[0].row, Some(7));
    assert_eq!(about_status[0].sheet, "Criteria");
    assert_eq!(about_status[0].severity, Severity::Warning);
    assert!(about_status[0].message.contains("Misschien"));
    assert_eq!(about_status[1].row, Some(9));
    assert!(about_status[1].message.contains("getal"));
    // The criterion itself is still imported, without a status.
    assert_eq!(plan.catalog.criteria().count(), 8);
}

#[test]
fn empty_rows_are_skipped_silently() {
    let bytes = xlsx(|wb| {
        let ws = wb.add_worksheet();
        write_rows(ws, 0, &[&["Nr", "Criterium"], &["1.1", "Een"]]);
        // Row 3 is empty, row 4 has only spaces, row 5 only a formatted blank cell.
        ws.write_string(3, 1, "   ").unwrap();
        ws.write_blank(4, 0, &Format::new().set_bold()).unwrap();
        write_rows(ws, 6, &[&["1.2", "Twee"]]);
    });
    let plan = plan(&bytes);
    assert_eq!(codes(&plan), ["1.1", "1.2"]);
    assert!(plan.findings.is_empty(), "{:?}", plan.findings);
    assert_eq!(plan.rows_read, 2);
}

#[test]
fn a_hidden_sheet_and_a_cover_sheet_before_the_criteria_are_passed_over() {
    let bytes = xlsx(|wb| {
        let cover = wb.add_worksheet();
        cover.set_name("Voorblad").unwrap();
        write_rows(
            cover,
            0,
            &[
                &["Criteria borging AVG"],
                &["Dit werkblad bevat per thema de criteria en de norm."],
                &["Nr", "Criterium"],
            ],
        );
        let hidden = wb.add_worksheet();
        hidden.set_name("Lijsten").unwrap();
        hidden.set_hidden(true);
        write_rows(
            hidden,
            0,
            &[
                &["Nr", "Thema", "Criterium", "Status"],
                &["x", "y", "z", "Ja"],
            ],
        );
        let criteria = wb.add_worksheet();
        criteria.set_name("Normenkader 2024").unwrap();
        write_rows(
            criteria,
            0,
            &[
                &["Nr", "Thema", "Criterium", "Status"],
                &["1.1", "Governance", "Er is een FG.", ""],
            ],
        );
    });
    let plan = plan(&bytes);
    assert_eq!(plan.sheet, "Normenkader 2024");
    assert_eq!(plan.sheets, ["Voorblad", "Lijsten", "Normenkader 2024"]);
    assert_eq!(codes(&plan), ["1.1"]);
}

#[test]
fn a_duplicate_code_blocks_the_import() {
    let bytes = simple(&[
        &["Nr", "Criterium"],
        &["1.1", "Een"],
        &["1.2", "Twee"],
        &["1.1", "Nog een keer een"],
    ]);
    let plan = plan(&bytes);
    assert_eq!(plan.blocking(), 1);
    let blocking = findings(&plan, Severity::Blocking);
    assert_eq!(blocking[0].row, Some(4));
    assert_eq!(blocking[0].column.as_deref(), Some("A"));
    assert!(blocking[0].message.contains("1.1"));
    assert!(blocking[0].message.contains("rij 2"));
    assert_eq!(codes(&plan), ["1.1", "1.2"], "the draft keeps codes unique");
}

#[test]
fn a_missing_code_is_reported_and_codes_are_generated_only_without_a_code_column() {
    let with_column = simple(&[&["Nr", "Criterium"], &["1.1", "Een"], &["", "Twee"]]);
    let plan1 = plan(&with_column);
    assert_eq!(codes(&plan1), ["1.1"]);
    let warnings = findings(&plan1, Severity::Warning);
    assert_eq!(warnings.len(), 1);
    assert_eq!(
        (warnings[0].row, warnings[0].column.as_deref()),
        (Some(3), Some("A"))
    );

    let without = simple(&[
        &["Criterium", "Status"],
        &["Een", "Ja"],
        &["Governance", ""],
        &["Twee", ""],
    ]);
    let plan2 = plan(&without);
    // Without a code column there is nothing left of the criterion column for a theme title.
    assert_eq!(codes(&plan2), ["1.1", "1.2", "1.3"]);
    assert!(
        !plan2.mapping_certain,
        "criterion text alone is not certain"
    );
    let infos = findings(&plan2, Severity::Info);
    assert_eq!(infos.len(), 1);
    assert!(infos[0].message.contains("genummerd"));
}

#[test]
fn a_remembered_mapping_is_used_for_the_same_headers() {
    // "Omschrijving" would be detected as the explanation; the user said it is the criterion.
    let bytes = simple(&[
        &["Kenmerk", "Omschrijving", "Beoordeling"],
        &["K1", "Er is een register.", "Ja"],
    ]);
    // Nothing names a criterion column: the plan says so (blocking) and offers the sheet with
    // its best guess, so the mapping form is reachable; the mapping the user then gives is
    // remembered under the header signature.
    let offered = plan_with(&bytes, &options());
    assert_eq!(offered.sheet, "Blad1");
    assert_eq!(offered.mapping.text, None);
    assert!(offered.findings.iter().any(|f| {
        f.severity == Severity::Blocking
            && f.message
                .contains("geen kolom met de tekst van het criterium")
    }));
    let mut picked = options();
    picked.sheet = Some("Blad1".into());
    let detected = plan_with(&bytes, &picked);
    assert_eq!(detected.mapping.text, None);
    assert!(!detected.mapping_certain);
    assert_eq!(detected.blocking(), 1, "no criterion column");

    let mapping = ColumnMapping {
        code: Some(0),
        text: Some(1),
        status: Some(2),
        ..ColumnMapping::default()
    };
    let mut options = options();
    options
        .remembered
        .insert(detected.header_signature.clone(), mapping.clone());
    let plan = plan_with(&bytes, &options);
    assert_eq!(plan.mapping_source, MappingSource::Remembered);
    assert!(plan.mapping_certain);
    assert_eq!(plan.mapping, mapping);
    assert_eq!(codes(&plan), ["K1"]);
    assert_eq!(status_of(&plan, "K1"), Some(Status::Implemented));
    assert_eq!(plan.blocking(), 0);
}

#[test]
fn a_given_mapping_overrides_detection_and_memory() {
    let bytes = simple(&[
        &["Nr", "Criterium", "Toelichting"],
        &["1", "Tekst in B", "Tekst in C"],
    ]);
    let detected = plan(&bytes);
    let mut options = options();
    options.remembered.insert(
        detected.header_signature.clone(),
        ColumnMapping {
            code: Some(0),
            text: Some(1),
            ..ColumnMapping::default()
        },
    );
    options.mapping = Some(ColumnMapping {
        code: Some(0),
        text: Some(2),
        explanation: Some(1),
        ..ColumnMapping::default()
    });
    let plan = plan_with(&bytes, &options);
    assert_eq!(plan.mapping_source, MappingSource::Given);
    let c = plan.catalog.criteria().next().unwrap();
    assert_eq!(
        (c.text.as_str(), c.explanation.as_str()),
        ("Tekst in C", "Tekst in B")
    );
}

#[test]
fn a_chosen_sheet_and_header_row_are_used() {
    let bytes = xlsx(|wb| {
        let a = wb.add_worksheet();
        a.set_name("A").unwrap();
        write_rows(a, 0, &[&["Nr", "Criterium"], &["1", "In A"]]);
        let b = wb.add_worksheet();
        b.set_name("B").unwrap();
        write_rows(b, 0, &[&["Lijst"], &["Nr", "Criterium"], &["1", "In B"]]);
    });
    let mut options = options();
    options.sheet = Some("B".into());
    options.header_row = Some(2);
    let plan = plan_with(&bytes, &options);
    assert_eq!(plan.sheet, "B");
    assert_eq!(plan.header_row, 2);
    assert_eq!(plan.catalog.criteria().next().unwrap().text, "In B");

    options.sheet = Some("C".into());
    assert!(matches!(
        analyse_bytes("x.xlsx", &bytes, &options),
        Err(crate::Error::FileRefused { .. })
    ));
}

#[test]
fn deadlines_from_date_cells_and_text_and_formulas_are_reported() {
    let bytes = xlsx(|wb| {
        let ws = wb.add_worksheet();
        write_rows(ws, 0, &[&["Nr", "Criterium", "Status", "Deadline"]]);
        write_rows(
            ws,
            1,
            &[
                &["1", "Een", "Nee"],
                &["2", "Twee", "Nee", "01-07-2026"],
                &["3", "Drie", "Nee", "Q3"],
            ],
        );
        let date_format = Format::new().set_num_format("dd-mm-yyyy");
        ws.write_datetime_with_format(
            1,
            3,
            ExcelDateTime::from_ymd(2026, 3, 31).unwrap(),
            &date_format,
        )
        .unwrap();
        ws.write_formula(3, 2, Formula::new("=\"Ja\"").set_result("Ja"))
            .unwrap();
    });
    let plan = plan(&bytes);
    let deadline = |code: &str| {
        plan.catalog
            .criteria()
            .find(|c| c.code == code)
            .and_then(|c| c.answer.as_ref())
            .and_then(|a| a.deadline.clone())
    };
    assert_eq!(deadline("1").as_deref(), Some("2026-03-31"));
    assert_eq!(deadline("2").as_deref(), Some("2026-07-01"));
    assert_eq!(deadline("3"), None);
    let warning = findings(&plan, Severity::Warning);
    assert_eq!(warning.len(), 1);
    assert_eq!(
        (warning[0].row, warning[0].column.as_deref()),
        (Some(4), Some("D"))
    );
    // The cached result of the formula is used, and that is said.
    assert_eq!(status_of(&plan, "3"), Some(Status::Implemented));
    let info = findings(&plan, Severity::Info);
    assert_eq!(info.len(), 1);
    assert_eq!(
        (info[0].row, info[0].column.as_deref()),
        (Some(4), Some("C"))
    );
    assert!(info[0].message.contains("formule"));
}

#[test]
fn an_ods_file_is_read_like_an_xlsx() {
    let content = r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Criteria"><table:table-row><table:table-cell office:value-type="string"><text:p>Nr</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Criterium</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Status</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Streefdatum</text:p></table:table-cell><table:table-cell table:number-columns-repeated="1020"/></table:table-row><table:table-row><table:table-cell table:number-columns-spanned="3" table:number-rows-spanned="1" office:value-type="string"><text:p>1. Governance</text:p></table:table-cell><table:covered-table-cell table:number-columns-repeated="2"/><table:table-cell table:number-columns-repeated="1021"/></table:table-row><table:table-row><table:table-cell office:value-type="string"><text:p>1.1</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Er is een FG<text:s text:c="2"/>aangesteld.</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Geïmplementeerd</text:p></table:table-cell><table:table-cell office:value-type="date" office:date-value="2026-03-01"><text:p>01-03-26</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell office:value-type="float" office:value="2"><text:p>2</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Tweede regel</text:p><text:p>over twee alinea's</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>nvt</text:p></table:table-cell></table:table-row><table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#;
    let plan = plan(&ods_bytes(content));
    assert_eq!(plan.sheet, "Criteria");
    assert_eq!(codes(&plan), ["1.1", "2"]);
    assert_eq!(theme_names(&plan), ["1. Governance"]);
    let first = plan.catalog.criteria().next().unwrap();
    assert_eq!(first.text, "Er is een FG  aangesteld.");
    assert_eq!(
        first.answer.as_ref().unwrap().deadline.as_deref(),
        Some("2026-03-01")
    );
    assert_eq!(status_of(&plan, "2"), Some(Status::NotApplicable));
    assert_eq!(
        plan.catalog.criteria().nth(1).unwrap().text,
        "Tweede regel\nover twee alinea's"
    );
}

// ---------------------------------------------------------------------------------------------
// Our own export

/// A workbook in the layout AVG-borging exports (see `workbook_format`), written here by hand so
/// this test does not depend on the exporter.
fn own_export(rows: &[[&str; 12]], format_version: &str) -> Vec<u8> {
    xlsx(|wb| {
        let ws = wb.add_worksheet();
        ws.set_name(CRITERIA_SHEET).unwrap();
        let header: Vec<&str> = CRITERIA_COLUMNS.to_vec();
        write_rows(ws, 0, &[header.as_slice()]);
        let as_rows: Vec<&[&str]> = rows.iter().map(|r| r.as_slice()).collect();
        write_rows(ws, 1, &as_rows);
        ws.set_column_hidden(11).unwrap();

        let overview = wb.add_worksheet();
        overview.set_name(OVERVIEW_SHEET).unwrap();
        write_rows(
            overview,
            0,
            &[&["Thema", "Aantal criteria", "Geïmplementeerd", "%"]],
        );
        overview
            .write_formula(
                1,
                1,
                Formula::new("=COUNTA(Criteria!A:A)-1").set_result("2"),
            )
            .unwrap();

        let meta_ws = wb.add_worksheet();
        meta_ws.set_name(METADATA_SHEET).unwrap();
        meta_ws.set_hidden(true);
        write_rows(
            meta_ws,
            0,
            &[
                &[meta::FORMAT_VERSION, format_version],
                &[meta::CATALOG, "Criteria borging AVG"],
                &[meta::CATALOG_VERSION, "2024"],
                &[meta::ORGANISATION, "Gemeente Voorbeeld"],
            ],
        );
    })
}

#[test]
fn our_own_export_is_recognised_and_its_text_survives_byte_for_byte() {
    let tricky = [
        "=SOM(A1:A3)",
        "+31 6 1234 5678",
        "-5 punten",
        "@iedereen",
        "\tbegint met een tab",
        "  spaties eromheen  ",
        "regel 1\nregel 2\r\nregel 3",
        "_x0041_ is geen A",
        "emoji 🎉, ß, Ω, 漢字, \u{200b}zero width",
        "'aanhalingsteken",
    ];
    let mut rows = Vec::new();
    let codes_in: Vec<String> = (1..=tricky.len()).map(|i| format!("1.{i}")).collect();
    let keys: Vec<String> = codes_in.iter().map(|c| row_key(c)).collect();
    for (i, text) in tricky.iter().enumerate() {
        rows.push([
            codes_in[i].as_str(),
            "1. Governance",
            text,
            text,
            "art. 5",
            "Vraagt aandacht",
            text,
            "FG",
            "",
            "",
            "",
            keys[i].as_str(),
        ]);
    }
    let plan = plan(&own_export(&rows, "1"));
    assert!(plan.own_export);
    assert!(plan.mapping_certain);
    assert_eq!(plan.sheet, CRITERIA_SHEET);
    assert_eq!(plan.catalog.name, "Criteria borging AVG");
    assert_eq!(plan.catalog.version, "2024");
    assert_eq!(plan.mapping.key, Some(11));
    assert!(plan.findings.is_empty(), "{:?}", plan.findings);
    for (criterion, text) in plan.catalog.criteria().zip(tricky) {
        assert_eq!(criterion.text, text);
        assert_eq!(criterion.explanation, text);
        let answer = criterion.answer.as_ref().unwrap();
        assert_eq!(answer.justification, text);
        assert_eq!(answer.status, Some(Status::Open));
    }
}

#[test]
fn in_our_export_the_key_wins_over_an_edited_visible_code() {
    let rows = [
        // Sorted by a colleague, and 1.1's visible number edited to 1.9.
        [
            "1.2",
            "Governance",
            "Twee",
            "",
            "",
            "Ja",
            "",
            "",
            "",
            "",
            "",
            "avgb1:1.2",
        ],
        [
            "1.9",
            "Governance",
            "Een",
            "",
            "",
            "Nee",
            "",
            "",
            "",
            "",
            "",
            "avgb1:1.1",
        ],
        // A row a colleague inserted: no key yet.
        [
            "1.3",
            "Governance",
            "Drie",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
            "",
        ],
    ];
    let plan = plan(&own_export(&rows, "1"));
    assert_eq!(codes(&plan), ["1.2", "1.1", "1.3"]);
    assert_eq!(status_of(&plan, "1.1"), Some(Status::Open));
    let warnings = findings(&plan, Severity::Warning);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(
        (warnings[0].row, warnings[0].column.as_deref()),
        (Some(3), Some("A"))
    );
    assert!(warnings[0].message.contains("1.9"));
}

#[test]
fn an_export_from_a_newer_format_blocks() {
    let rows = [[
        "1.1",
        "G",
        "Een",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "",
        "avgb1:1.1",
    ]];
    let plan = plan(&own_export(&rows, "99"));
    assert_eq!(plan.blocking(), 1);
    assert_eq!(plan.findings[0].sheet, METADATA_SHEET);
}

// ---------------------------------------------------------------------------------------------
// Refused and hostile files

#[test]
fn files_that_cannot_be_read_are_refused_with_a_dutch_sentence() {
    assert!(refusal(b"").contains("leeg"));
    assert!(
        refusal(b"just some bytes \x00\x01\x02").contains("geen Excel- of OpenDocument-werkmap")
    );
    let csv = refusal("Nr;Criterium;Status\n1.1;Er is een FG;Ja\n".as_bytes());
    assert!(csv.contains("CSV"), "{csv}");

    let good = simple(&[&["Nr", "Criterium"], &["1", "Een"]]);
    let truncated = &good[..good.len() / 2];
    assert!(refusal(truncated).contains("beschadigd"));

    // A sheet without criteria is not refused but offered for the mapping form, blocked.
    let no_criteria = simple(&[&["Naam", "Adres"], &["Jan", "Dorpsstraat 1"]]);
    let offered = plan_with(&no_criteria, &options());
    assert!(offered.blocking() > 0);
    assert!(offered.catalog.criteria().next().is_none());
}

#[test]
fn a_sheet_declaring_a_huge_size_or_ratio_is_refused_before_inflating() {
    let good = simple(&[&["Nr", "Criterium"], &["1", "Een"]]);
    // 8 MiB of the same byte inflates about 1000 times.
    let mut bomb = b"<worksheet><sheetData>".to_vec();
    bomb.extend(std::iter::repeat_n(b' ', 8 * 1024 * 1024));
    bomb.extend(b"</sheetData></worksheet>");
    let bytes = rezip(&good, &[("xl/worksheets/sheet1.xml", &bomb)]);
    assert!(refusal(&bytes).contains("ingepakt"));

    let mut options = options();
    options.limits.max_uncompressed_bytes = 100_000;
    let err = analyse_bytes("x.xlsx", &good, &options).map(|_| ());
    let mut small_bomb = b"<worksheet><sheetData>".to_vec();
    small_bomb.extend(std::iter::repeat_n(b'x', 200_000));
    let bytes = rezip(&good, &[("xl/worksheets/sheet1.xml", &small_bomb)]);
    assert!(err.is_ok(), "the normal file is within the limit");
    assert!(matches!(
        analyse_bytes("x.xlsx", &bytes, &options),
        Err(crate::Error::FileRefused { reason }) if reason.contains("uitgepakt groter")
    ));
}

/// Peak memory of this process (Linux), to show a hostile file was not expanded.
fn peak_rss_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

#[test]
fn a_declared_dimension_of_the_whole_sheet_with_two_far_cells_is_not_allocated() {
    let good = simple(&[&["Nr", "Criterium"], &["1", "Een"]]);
    let sheet = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Nr</t></is></c><c r="B1" t="inlineStr"><is><t>Criterium</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>1.1</t></is></c><c r="B2" t="inlineStr"><is><t>Een</t></is></c></row><row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>ver weg</t></is></c></row></sheetData></worksheet>"#;
    let bytes = rezip(&good, &[("xl/worksheets/sheet1.xml", sheet.as_bytes())]);
    let plan = plan(&bytes);
    assert_eq!(codes(&plan), ["1.1"]);
    // The far cell is right of the columns read: reported, not allocated.
    let warnings = findings(&plan, Severity::Warning);
    assert!(
        warnings.iter().any(|f| f.message.contains("kolommen")),
        "{warnings:?}"
    );
    if let Some(peak) = peak_rss_bytes() {
        // A dense range of that dimension would be 17 billion cells (over 500 GB).
        assert!(peak < 2 * 1024 * 1024 * 1024, "peak memory {peak} bytes");
    }
}

#[test]
fn rows_beyond_the_row_limit_are_reported() {
    let bytes = simple(&[
        &["Nr", "Criterium"],
        &["1", "Een"],
        &["2", "Twee"],
        &["3", "Drie"],
    ]);
    let mut options = options();
    options.limits.max_rows = 3;
    let plan = plan_with(&bytes, &options);
    assert_eq!(codes(&plan), ["1", "2"]);
    assert!(
        findings(&plan, Severity::Warning)[0]
            .message
            .contains("rijen")
    );
}

#[test]
fn no_panic_on_damaged_variants_of_good_files() {
    let xlsx = simple(&[
        &["Nr", "Thema", "Criterium", "Status"],
        &["1.1", "Governance", "Er is een FG.", "Ja"],
    ]);
    let xls = super::xls_guard::tests::xls(
        &["Nr", "Criterium", "1.1", "Een"],
        &[(0, 0, 0), (0, 1, 1), (1, 0, 2), (1, 1, 3)],
        (0, 2, 0, 2),
    );
    let ods = ods_bytes(
        r#"<office:document-content><office:body><office:spreadsheet><table:table table:name="A"><table:table-row><table:table-cell office:value-type="string"><text:p>Nr</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Criterium</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell office:value-type="string"><text:p>1</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Een</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#,
    );
    assert_eq!(codes(&plan(&ods)), ["1"]);
    // Cut at many places, and flip bytes at many places: every result is a plan or a refusal.
    for good in [xlsx, xls, ods] {
        for cut in (0..good.len()).step_by(97) {
            let _ = analyse_bytes("x", &good[..cut], &options());
        }
        for at in (0..good.len()).step_by(13) {
            let mut bad = good.clone();
            bad[at] ^= 0x5a;
            let _ = analyse_bytes("x", &bad, &options());
        }
    }
}

#[test]
fn a_workbook_of_100_000_rows_imports_correctly() {
    const ROWS: u32 = 100_000;
    let bytes = xlsx(|wb| {
        let ws = wb.add_worksheet();
        write_rows(ws, 0, &[&["Nr", "Thema", "Criterium", "Status"]]);
        for i in 1..=ROWS {
            ws.write_string(i, 0, format!("{}.{}", i / 1000 + 1, i % 1000))
                .unwrap();
            ws.write_string(i, 1, format!("Thema {}", i / 1000 + 1))
                .unwrap();
            ws.write_string(i, 2, format!("Criterium nummer {i}"))
                .unwrap();
            ws.write_string(i, 3, if i % 2 == 0 { "Ja" } else { "Nee" })
                .unwrap();
        }
    });
    let plan = plan(&bytes);
    assert_eq!(plan.catalog.criteria().count(), ROWS as usize);
    assert_eq!(plan.catalog.themes.len(), 101);
    assert_eq!(plan.rows_read, ROWS);
    assert_eq!(plan.preview.len(), 10);
    assert!(
        plan.findings.is_empty(),
        "{:?}",
        &plan.findings[..3.min(plan.findings.len())]
    );
    let last = plan.catalog.criteria().last().unwrap();
    assert_eq!(last.text, "Criterium nummer 100000");
    assert_eq!(last.row, ROWS + 1);
}

#[test]
fn analyse_reads_a_file_from_disk_and_refuses_a_missing_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("Criteria borging AVG 2024.xlsx");
    std::fs::write(&path, simple(&[&["Nr", "Criterium"], &["1", "Een"]])).unwrap();
    let plan = analyse(&path, &options()).unwrap();
    assert_eq!(plan.file_name, "Criteria borging AVG 2024.xlsx");
    assert_eq!(plan.catalog.name, "Criteria borging AVG 2024");

    let missing = analyse(&dir.path().join("weg.xlsx"), &options());
    assert!(matches!(missing, Err(crate::Error::FileRefused { .. })));
    let mut small = options();
    small.limits.max_file_bytes = 100;
    let too_big = analyse(&path, &small);
    assert!(
        matches!(too_big, Err(crate::Error::FileRefused { reason }) if reason.contains("groter dan"))
    );
}

#[test]
fn an_xls_file_is_read_and_a_hostile_one_refused() {
    use super::xls_guard::tests::xls;
    let bytes = xls(
        &["Nr", "Criterium", "Status", "1.1", "Er is een FG.", "Ja"],
        &[
            (0, 0, 0),
            (0, 1, 1),
            (0, 2, 2),
            (1, 0, 3),
            (1, 1, 4),
            (1, 2, 5),
        ],
        (0, 2, 0, 3),
    );
    let plan = plan(&bytes);
    assert_eq!(plan.sheet, "Blad1");
    assert_eq!(codes(&plan), ["1.1"]);
    assert_eq!(status_of(&plan, "1.1"), Some(Status::Implemented));

    let hostile = xls(&["Nr"], &[(0, 0, 0)], (0, 65_536, 0, 256));
    assert!(refusal(&hostile).contains("te veel gegevens"));
}

#[test]
fn a_password_protected_xlsx_is_refused_with_that_reason() {
    // Excel stores an encrypted workbook as a compound file with an EncryptedPackage stream.
    let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
    file.create_stream("/EncryptionInfo")
        .unwrap()
        .write_all(&[4, 0, 4, 0, 0x40, 0, 0, 0])
        .unwrap();
    file.create_stream("/EncryptedPackage")
        .unwrap()
        .write_all(&[0u8; 5000])
        .unwrap();
    file.flush().unwrap();
    let bytes = file.into_inner().into_inner();
    assert!(refusal(&bytes).contains("wachtwoord"));
}

#[test]
fn a_password_protected_workbook_gets_the_same_message_in_every_format() {
    // .ods: the manifest lists encryption data; the encrypted content reads as rubbish.
    let mut ods = Vec::new();
    {
        let mut zip = zip::ZipWriter::new(Cursor::new(&mut ods));
        let stored =
            SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
        zip.start_file("mimetype", stored).unwrap();
        zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
            .unwrap();
        zip.start_file("content.xml", stored).unwrap();
        zip.write_all(&[0xA5u8; 3000]).unwrap();
        zip.start_file("META-INF/manifest.xml", SimpleFileOptions::default())
            .unwrap();
        zip.write_all(
            br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml" manifest:size="9000"><manifest:encryption-data manifest:checksum-type="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k" manifest:checksum="AAAA"><manifest:algorithm manifest:algorithm-name="http://www.w3.org/2001/04/xmlenc#aes256-cbc" manifest:initialisation-vector="AAAA"/></manifest:encryption-data></manifest:file-entry></manifest:manifest>"#,
        )
        .unwrap();
        zip.finish().unwrap();
    }
    assert_eq!(refusal(&ods), super::container::PASSWORD, ".ods");
    // .xls: a FilePass record right after the BOF.
    let xls = super::xls_guard::tests::xls_protected();
    assert_eq!(refusal(&xls), super::container::PASSWORD, ".xls");
}

// ---------------------------------------------------------------------------------------------
// Columns recognised by their content

fn messages(plan: &ImportPlan, severity: Severity) -> Vec<(Option<&str>, &str)> {
    findings(plan, severity)
        .into_iter()
        .map(|f| (f.column.as_deref(), f.message.as_str()))
        .collect()
}

#[test]
fn a_status_column_no_header_names_is_recognised_by_its_values() {
    let bytes = simple(&[
        &["Ref", "Eis", "Uitleg", "Stand"],
        &[
            "1.1",
            "Er is een functionaris gegevensbescherming aangesteld.",
            "Zie art. 37",
            "ja",
        ],
        &[
            "1.2",
            "Het verwerkingsregister is volledig en actueel.",
            "",
            "deels",
        ],
        &["1.3", "Datalekken worden binnen 72 uur gemeld.", "", "nee"],
        &[
            "1.4",
            "Er is een privacyverklaring op de website.",
            "",
            "Ja",
        ],
    ]);
    let plan = plan(&bytes);
    assert_eq!(codes(&plan), ["1.1", "1.2", "1.3", "1.4"]);
    assert_eq!(theme_names(&plan), ["Algemeen"]);
    assert_eq!(status_of(&plan, "1.1"), Some(Status::Implemented));
    assert_eq!(status_of(&plan, "1.2"), Some(Status::Partial));
    assert_eq!(status_of(&plan, "1.3"), Some(Status::Open));
    assert_eq!(status_of(&plan, "1.4"), Some(Status::Implemented));
    assert_eq!(plan.mapping.status, Some(3));
    assert_eq!(plan.mapping.explanation, Some(2));
    assert!(
        !plan.mapping_certain,
        "a column chosen by content is checked by the user"
    );
    assert_eq!(
        messages(&plan, Severity::Info),
        [(
            Some("D"),
            "Kolom D (\u{201c}Stand\u{201d}) is aan de inhoud herkend als Status (ja/deels/nee); de kopregel noemt die kolom niet zo. Controleer de kolomindeling."
        )]
    );
    assert_eq!(plan.findings.len(), 1, "{:?}", plan.findings);
}

#[test]
fn a_column_of_statuses_that_is_not_read_as_the_status_is_reported() {
    // Two columns of statuses: the header names one, the other is left behind and said so.
    let bytes = simple(&[
        &["Nr", "Criterium", "Status", "Akkoord FG"],
        &["1.1", "Er is een FG.", "Geïmplementeerd", "ja"],
        &["1.2", "Er is beleid.", "Gedeeltelijk", "nee"],
        &["1.3", "Er is een register.", "", "ja"],
    ]);
    let plan1 = plan(&bytes);
    assert_eq!(codes(&plan1), ["1.1", "1.2", "1.3"]);
    assert_eq!(status_of(&plan1, "1.1"), Some(Status::Implemented));
    assert_eq!(status_of(&plan1, "1.2"), Some(Status::Partial));
    assert_eq!(status_of(&plan1, "1.3"), None);
    assert!(
        plan1.mapping_certain,
        "the headers named every column that is read"
    );
    assert_eq!(
        messages(&plan1, Severity::Warning),
        [(
            Some("D"),
            "Kolom D (\u{201c}Akkoord FG\u{201d}) bevat waarden die op statussen lijken (ja/nee), maar de status wordt uit kolom C (\u{201c}Status\u{201d}) gelezen, dus deze waarden worden niet als status overgenomen. Kies bij de kolomindeling de juiste statuskolom als dat niet klopt."
        )]
    );
    assert_eq!(plan1.findings.len(), 1, "{:?}", plan1.findings);

    // Two unnamed columns of statuses: the fuller one is read, the other reported.
    let bytes = simple(&[
        &["Ref", "Eis", "Stand 2024", "Stand 2025"],
        &["A1", "Er is een FG.", "nee", "ja"],
        &["A2", "Er is beleid.", "", "deels"],
    ]);
    let plan2 = plan(&bytes);
    assert_eq!(plan2.mapping.status, Some(3));
    assert_eq!(status_of(&plan2, "A1"), Some(Status::Implemented));
    assert_eq!(status_of(&plan2, "A2"), Some(Status::Partial));
    let warnings = messages(&plan2, Severity::Warning);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert_eq!(warnings[0].0, Some("C"));
    assert!(warnings[0].1.contains("(nee)"), "{}", warnings[0].1);
    assert!(warnings[0].1.contains("kolom D"), "{}", warnings[0].1);

    // A mapping given by the user without a status column: the statuses are not silently lost.
    let mut given = options();
    given.mapping = Some(ColumnMapping {
        code: Some(0),
        text: Some(1),
        justification: Some(3),
        ..ColumnMapping::default()
    });
    let plan3 = plan_with(&bytes, &given);
    assert_eq!(status_of(&plan3, "A1"), None);
    let warnings = messages(&plan3, Severity::Warning);
    assert_eq!(
        warnings.iter().map(|w| w.0).collect::<Vec<_>>(),
        [Some("C"), Some("D")]
    );
    assert!(
        warnings[1]
            .1
            .contains("er is geen kolom als Status gekoppeld")
    );
    assert!(warnings[1].1.contains("gelezen als Onderbouwing"));
}

#[test]
fn a_sheet_whose_headers_no_synonym_knows_is_read_by_its_content() {
    let bytes = xlsx(|wb| {
        let cover = wb.add_worksheet();
        cover.set_name("Info").unwrap();
        write_rows(cover, 0, &[&["Versie", "2.0"], &["Bron", "NIST CSF"]]);
        let ws = wb.add_worksheet();
        ws.set_name("Framework").unwrap();
        write_rows(
            ws,
            0,
            &[
                &["ref_id", "description[nl]", "foo"],
                &[
                    "GV.OC-01",
                    "De missie van de organisatie is bekend en stuurt het risicobeheer.",
                    "IG1",
                ],
                &[
                    "GV.OC-02",
                    "Interne en externe belanghebbenden en hun verwachtingen zijn bekend.",
                    "IG2",
                ],
                &[
                    "GV.RM-01",
                    "Doelen voor risicobeheer zijn vastgesteld en door de leiding bevestigd.",
                    "IG1",
                ],
            ],
        );
    });
    let plan = plan(&bytes);
    assert_eq!(plan.sheet, "Framework");
    assert_eq!(plan.header_row, 1);
    assert_eq!(codes(&plan), ["GV.OC-01", "GV.OC-02", "GV.RM-01"]);
    assert_eq!(theme_names(&plan), ["Algemeen"]);
    let first = plan.catalog.criteria().next().unwrap();
    assert_eq!(
        first.text,
        "De missie van de organisatie is bekend en stuurt het risicobeheer."
    );
    assert_eq!(first.explanation, "");
    assert_eq!(
        plan.catalog
            .criteria()
            .filter(|c| c.answer.is_some())
            .count(),
        0
    );
    assert_eq!(
        (
            plan.mapping.code,
            plan.mapping.text,
            plan.mapping.explanation
        ),
        (Some(0), Some(1), None)
    );
    assert!(!plan.mapping_certain);
    assert_eq!(
        messages(&plan, Severity::Info),
        [(
            Some("B"),
            "Kolom B (\u{201c}description[nl]\u{201d}) is aan de inhoud herkend als Criterium (de langste teksten); de kopregel noemt die kolom niet zo. Controleer de kolomindeling."
        )]
    );
    assert_eq!(plan.findings.len(), 1, "{:?}", plan.findings);
    assert_eq!(plan.blocking(), 0);
}

#[test]
fn codes_written_at_the_start_of_the_text_are_split_off() {
    let nist = simple(&[
        &["Requirement", "Status"],
        &["GV.OC-01.1: The organisation knows its mission.", "ja"],
        &["GV.OC-01.2: Stakeholders are known.", "deels"],
        &["GV.RM-02.1 - Risk appetite is set.", ""],
    ]);
    let plan1 = plan(&nist);
    assert_eq!(codes(&plan1), ["GV.OC-01.1", "GV.OC-01.2", "GV.RM-02.1"]);
    assert_eq!(theme_names(&plan1), ["Algemeen"]);
    let texts: Vec<&str> = plan1.catalog.criteria().map(|c| c.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "The organisation knows its mission.",
            "Stakeholders are known.",
            "Risk appetite is set."
        ]
    );
    assert_eq!(status_of(&plan1, "GV.OC-01.1"), Some(Status::Implemented));
    assert_eq!(status_of(&plan1, "GV.OC-01.2"), Some(Status::Partial));
    assert_eq!(status_of(&plan1, "GV.RM-02.1"), None);
    assert_eq!(
        messages(&plan1, Severity::Info),
        [(
            Some("A"),
            "Het blad heeft geen kolom met nummers, maar de teksten in kolom A (\u{201c}Requirement\u{201d}) beginnen met een nummer. Dat nummer is als nummer van het criterium overgenomen en uit de tekst gehaald."
        )]
    );
    assert_eq!(plan1.findings.len(), 1, "{:?}", plan1.findings);

    let bio = simple(&[
        &["Thema", "Maatregel"],
        &[
            "Organisatie",
            "5.01.01 Verantwoordelijkheden voor informatiebeveiliging zijn belegd.",
        ],
        &["", "5.01.02 Het beleid wordt jaarlijks herzien."],
        &[
            "Mensen",
            "6.03.01 Medewerkers volgen een bewustwordingstraining.",
        ],
    ]);
    let plan2 = plan(&bio);
    assert_eq!(codes(&plan2), ["5.01.01", "5.01.02", "6.03.01"]);
    assert_eq!(theme_names(&plan2), ["Organisatie", "Mensen"]);
    assert_eq!(
        plan2.catalog.criteria().nth(1).unwrap().text,
        "Het beleid wordt jaarlijks herzien."
    );
    let infos = messages(&plan2, Severity::Info);
    assert_eq!(infos.len(), 1, "{infos:?}");
    assert!(infos[0].1.contains("beginnen met een nummer"));
    assert_eq!(plan2.findings.len(), 1, "{:?}", plan2.findings);
}

#[test]
fn a_text_that_only_sometimes_starts_with_a_number_keeps_it() {
    let bytes = simple(&[
        &["Criterium", "Status"],
        &["2 medewerkers hebben de privacytraining gevolgd.", "ja"],
        &["Er is een verwerkingsregister.", "nee"],
        &["1.5 fte is beschikbaar voor de FG.", "deels"],
        &["Het privacybeleid is vastgesteld.", ""],
    ]);
    let plan = plan(&bytes);
    assert_eq!(codes(&plan), ["1.1", "1.2", "1.3", "1.4"]);
    assert_eq!(theme_names(&plan), ["Algemeen"]);
    let texts: Vec<&str> = plan.catalog.criteria().map(|c| c.text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "2 medewerkers hebben de privacytraining gevolgd.",
            "Er is een verwerkingsregister.",
            "1.5 fte is beschikbaar voor de FG.",
            "Het privacybeleid is vastgesteld."
        ]
    );
    assert_eq!(status_of(&plan, "1.1"), Some(Status::Implemented));
    assert_eq!(status_of(&plan, "1.2"), Some(Status::Open));
    assert_eq!(status_of(&plan, "1.3"), Some(Status::Partial));
    assert_eq!(status_of(&plan, "1.4"), None);
    let infos = messages(&plan, Severity::Info);
    assert_eq!(infos.len(), 1, "{infos:?}");
    assert!(infos[0].1.contains("genummerd"));
    assert_eq!(plan.findings.len(), 1, "{:?}", plan.findings);
}

// ---------------------------------------------------------------------------------------------
// Several sheets with the same header

/// One sheet per function, as a self-assessment workbook keeps them: a title on row 1, the header
/// `Nr | Eis | Status` on row 2.
fn function_sheets(wb: &mut Workbook, sheets: &[(&str, &[&[&str]])]) {
    for (name, rows) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(*name).unwrap();
        write_rows(ws, 0, &[&[&format!("Zelfevaluatie \u{2014} {name}")]]);
        write_rows(ws, 1, &[&["Nr", "Eis", "Status"]]);
        write_rows(ws, 2, rows);
    }
}

fn three_functions() -> Vec<u8> {
    xlsx(|wb| {
        function_sheets(
            wb,
            &[
                (
                    "Identificeren",
                    &[
                        &["ID.1", "Er is een register van verwerkingen.", "Ja"],
                        &["ID.2", "Risico's zijn beoordeeld.", "Deels"],
                    ],
                ),
                (
                    "Beschermen",
                    &[
                        &["PR.1", "Toegang is beperkt tot wie het nodig heeft.", "Nee"],
                        &["PR.2", "Gegevens worden versleuteld bewaard.", ""],
                        &["PR.3", "Medewerkers zijn getraind.", "Ja"],
                    ],
                ),
                (
                    "Detecteren",
                    &[&["DE.1", "Datalekken worden gesignaleerd.", "Gedeeltelijk"]],
                ),
            ],
        );
    })
}

fn info_texts(plan: &ImportPlan) -> Vec<(&str, &str)> {
    findings(plan, Severity::Info)
        .into_iter()
        .map(|f| (f.sheet.as_str(), f.message.as_str()))
        .collect()
}

#[test]
fn sheets_with_the_same_header_are_one_catalog_with_a_theme_per_sheet() {
    let plan = plan(&three_functions());
    assert_eq!(plan.sheet, "Identificeren");
    assert_eq!(plan.header_row, 2);
    assert_eq!(plan.headers, ["Nr", "Eis", "Status"]);
    assert_eq!(
        theme_names(&plan),
        ["Identificeren", "Beschermen", "Detecteren"]
    );
    assert_eq!(
        codes(&plan),
        ["ID.1", "ID.2", "PR.1", "PR.2", "PR.3", "DE.1"]
    );
    assert_eq!(status_of(&plan, "ID.1"), Some(Status::Implemented));
    assert_eq!(status_of(&plan, "ID.2"), Some(Status::Partial));
    assert_eq!(status_of(&plan, "PR.1"), Some(Status::Open));
    assert_eq!(status_of(&plan, "PR.2"), None);
    assert_eq!(status_of(&plan, "PR.3"), Some(Status::Implemented));
    assert_eq!(status_of(&plan, "DE.1"), Some(Status::Partial));
    let pr3 = plan.catalog.criteria().find(|c| c.code == "PR.3").unwrap();
    assert_eq!(pr3.text, "Medewerkers zijn getraind.");
    assert_eq!(pr3.row, 5, "the row on its own sheet");
    assert_eq!(plan.rows_read, 6);
    // The preview is the first sheet's.
    assert_eq!(plan.preview.len(), 2);
    assert_eq!(plan.preview[0][0], "ID.1");
    assert_eq!(
        info_texts(&plan),
        [
            (
                "Identificeren",
                "Blad \u{201c}Identificeren\u{201d} is meegenomen (2 criteria). Bladen met dezelfde kolommen zijn samen ingelezen als één catalogus, elk blad als thema tenzij het blad zelf thema\u{2019}s noemt; kies een blad om alleen dat blad in te lezen."
            ),
            (
                "Beschermen",
                "Blad \u{201c}Beschermen\u{201d} is meegenomen (3 criteria)."
            ),
            (
                "Detecteren",
                "Blad \u{201c}Detecteren\u{201d} is meegenomen (1 criterium)."
            ),
        ]
    );
    assert_eq!(plan.findings.len(), 3, "{:?}", plan.findings);
    assert_eq!(plan.blocking(), 0);
}

#[test]
fn a_cover_and_an_overview_sheet_next_to_the_criteria_sheets_are_passed_over() {
    let bytes = xlsx(|wb| {
        let cover = wb.add_worksheet();
        cover.set_name("Voorblad").unwrap();
        write_rows(
            cover,
            0,
            &[
                &["Criteria borging AVG"],
                &["Gemeente Voorbeeld, één blad per thema"],
            ],
        );
        for (name, rows) in [
            (
                "Governance",
                [
                    ["G1", "Er is een FG.", "Ja"],
                    ["G2", "Er is beleid.", "Nee"],
                ],
            ),
            (
                "Beveiliging",
                [
                    ["B1", "Er is een ISMS.", "Deels"],
                    ["B2", "Er zijn back-ups.", "Ja"],
                ],
            ),
        ] {
            let ws = wb.add_worksheet();
            ws.set_name(name).unwrap();
            write_rows(ws, 0, &[&["Nr", "Criterium", "Status"]]);
            for (r, row) in rows.iter().enumerate() {
                write_rows(ws, 1 + r as u32, &[row]);
            }
        }
        let overview = wb.add_worksheet();
        overview.set_name("Overzicht").unwrap();
        write_rows(
            overview,
            0,
            &[
                &["Thema", "Aantal criteria", "Percentage"],
                &["Governance", "2", "50%"],
            ],
        );
    });
    let plan = plan(&bytes);
    assert_eq!(plan.sheet, "Governance");
    assert_eq!(theme_names(&plan), ["Governance", "Beveiliging"]);
    assert_eq!(codes(&plan), ["G1", "G2", "B1", "B2"]);
    assert_eq!(status_of(&plan, "B1"), Some(Status::Partial));
    let infos = info_texts(&plan);
    assert_eq!(infos.len(), 4, "{infos:?}");
    assert!(
        infos[0]
            .1
            .starts_with("Blad \u{201c}Governance\u{201d} is meegenomen (2 criteria).")
    );
    assert_eq!(
        infos[1..],
        [
            (
                "Voorblad",
                "Blad \u{201c}Voorblad\u{201d} is overgeslagen: andere kolommen."
            ),
            (
                "Beveiliging",
                "Blad \u{201c}Beveiliging\u{201d} is meegenomen (2 criteria)."
            ),
            (
                "Overzicht",
                "Blad \u{201c}Overzicht\u{201d} is overgeslagen: andere kolommen."
            ),
        ]
    );
    assert_eq!(plan.blocking(), 0);
}

#[test]
fn a_theme_column_inside_the_sheets_keeps_its_themes() {
    let bytes = xlsx(|wb| {
        let one = wb.add_worksheet();
        one.set_name("Deel 1").unwrap();
        write_rows(
            one,
            0,
            &[
                &["Nr", "Thema", "Criterium", "Status"],
                &["1.1", "Governance", "Er is een FG.", "Ja"],
                &["2.1", "Beveiliging", "Er is een ISMS.", "Nee"],
            ],
        );
        let two = wb.add_worksheet();
        two.set_name("Deel 2").unwrap();
        write_rows(
            two,
            0,
            &[
                &["Overzicht van deel 2"],
                &["Nr", "Thema", "Criterium", "Status"],
                &["2.2", "Beveiliging", "Er zijn back-ups.", "Deels"],
                &["3.1", "Rechten", "Inzage wordt tijdig gegeven.", ""],
            ],
        );
    });
    let plan = plan(&bytes);
    // A theme named on both sheets is one theme.
    assert_eq!(theme_names(&plan), ["Governance", "Beveiliging", "Rechten"]);
    let beveiliging = &plan.catalog.themes[1];
    assert_eq!(
        beveiliging
            .criteria
            .iter()
            .map(|c| c.code.as_str())
            .collect::<Vec<_>>(),
        ["2.1", "2.2"]
    );
    assert_eq!(status_of(&plan, "2.2"), Some(Status::Partial));
    assert_eq!(
        info_texts(&plan)
            .iter()
            .map(|(sheet, _)| *sheet)
            .collect::<Vec<_>>(),
        ["Deel 1", "Deel 2"]
    );
}

#[test]
fn a_chosen_sheet_is_read_alone() {
    let mut options = options();
    options.sheet = Some("Beschermen".into());
    let plan = plan_with(&three_functions(), &options);
    assert_eq!(plan.sheet, "Beschermen");
    assert_eq!(codes(&plan), ["PR.1", "PR.2", "PR.3"]);
    assert_eq!(theme_names(&plan), ["Algemeen"]);
    assert!(plan.findings.is_empty(), "{:?}", plan.findings);
}

#[test]
fn a_code_on_two_sheets_blocks_the_import() {
    let bytes = xlsx(|wb| {
        function_sheets(
            wb,
            &[
                ("Identificeren", &[&["1.1", "Er is een register.", "Ja"]]),
                (
                    "Beschermen",
                    &[
                        &["1.2", "Toegang is beperkt.", "Nee"],
                        &["1.1", "Gegevens zijn versleuteld.", "Ja"],
                    ],
                ),
            ],
        );
    });
    let plan = plan(&bytes);
    assert_eq!(plan.blocking(), 1);
    let blocking = findings(&plan, Severity::Blocking);
    assert_eq!(blocking[0].sheet, "Beschermen");
    assert_eq!(blocking[0].row, Some(4));
    assert_eq!(blocking[0].column.as_deref(), Some("A"));
    assert_eq!(
        blocking[0].message,
        "Het nummer \u{201c}1.1\u{201d} komt vaker voor (ook op blad \u{201c}Identificeren\u{201d}, rij 3). Geef elk criterium een eigen nummer en importeer opnieuw."
    );
    assert_eq!(codes(&plan), ["1.1", "1.2"], "the draft keeps codes unique");
}

#[test]
fn the_row_limit_holds_for_all_sheets_together() {
    let bytes = xlsx(|wb| {
        function_sheets(
            wb,
            &[
                (
                    "Identificeren",
                    &[
                        &["ID.1", "Een", "Ja"],
                        &["ID.2", "Twee", "Ja"],
                        &["ID.3", "Drie", "Ja"],
                    ],
                ),
                (
                    "Beschermen",
                    &[&["PR.1", "Vier", "Ja"], &["PR.2", "Vijf", "Ja"]],
                ),
                ("Detecteren", &[&["DE.1", "Zes", "Ja"]]),
            ],
        );
    });
    let mut options = options();
    // The first sheet uses rows 1 to 5, so 3 rows are left: title, header and one criterion.
    options.limits.max_rows = 8;
    let plan = plan_with(&bytes, &options);
    assert_eq!(codes(&plan), ["ID.1", "ID.2", "ID.3", "PR.1"]);
    let warnings = findings(&plan, Severity::Warning);
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    assert_eq!(warnings[0].sheet, "Beschermen");
    assert_eq!(warnings[0].row, Some(4));
    assert_eq!(
        warnings[0].message,
        "Samen met de bladen ervoor heeft het bestand meer dan 8 rijen; de rijen vanaf deze rij zijn niet gelezen."
    );
    assert_eq!(warnings[1].sheet, "Detecteren");
    assert!(
        warnings[1].message.contains("niet gelezen"),
        "{}",
        warnings[1].message
    );
}

#[test]
fn findings_name_the_criterion_of_their_row_and_the_header_of_their_column() {
    let bytes = xlsx(|wb| {
        for (name, prefix) in [("Governance", "1"), ("Rechten", "2")] {
            let ws = wb.add_worksheet();
            ws.set_name(name).unwrap();
            write_rows(
                ws,
                0,
                &[
                    &["Nr", "Criterium", "Status", "Opmerking", "Opmerking"],
                    &[&format!("{prefix}.1"), "Een", "Geïmplementeerd", "", ""],
                    &[&format!("{prefix}.4"), "Vier", "Misschien", "x", "y"],
                ],
            );
        }
    });
    let plan = plan(&bytes);
    assert_eq!(codes(&plan), ["1.1", "1.4", "2.1", "2.4"]);
    let about_status: Vec<_> = plan
        .findings
        .iter()
        .filter(|f| f.message.contains("Misschien"))
        .map(|f| {
            (
                f.sheet.as_str(),
                f.row,
                f.criterion.as_deref(),
                f.column_title.as_deref(),
            )
        })
        .collect();
    // The same row on two sheets holds two criteria: each finding names its own.
    assert_eq!(
        about_status,
        [
            ("Governance", Some(3), Some("1.4"), Some("Status")),
            ("Rechten", Some(3), Some("2.4"), Some("Status")),
        ]
    );
    // A finding about a sheet as a whole names neither; two columns with one header are not
    // named by it.
    for finding in &plan.findings {
        if finding.row.is_none() {
            assert_eq!(finding.criterion, None, "{finding:?}");
        }
        if matches!(finding.column.as_deref(), Some("D" | "E")) {
            assert_eq!(finding.column_title, None, "{finding:?}");
        }
    }
}
