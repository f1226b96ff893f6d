//! Tests of the whole export: build a workbook from a view made in code, read it back with
//! calamine (as the importer will) and look inside the zip where calamine cannot.

use std::fs;
use std::io::{Cursor, Read};
use std::path::Path;

use calamine::{Data, Range, Reader, SheetVisible, Xlsx};
use time::macros::{date, datetime};

use super::*;
use crate::model::AnswerInput;
use crate::model::{AssessmentId, CriterionId, Status, ThemeId};
use crate::overview::Counts;
use crate::view::{AssessmentSummary, CriterionView, ThemeView};
use crate::workbook_format::{
    CRITERIA_COLUMNS, CRITERIA_SHEET, FORMAT_VERSION, KEY_COLUMN, METADATA_SHEET, OVERVIEW_SHEET,
    STATUS_LABELS, meta, row_key,
};

// ---------------------------------------------------------------------------------------------
// Fixture

const PROGRAM: &str = "AVG-borging 0.1.0";

fn exported_at() -> time::OffsetDateTime {
    datetime!(2026-03-15 14:30:00 +01:00)
}

fn answer(status: Option<Status>, justification: &str) -> AnswerInput {
    AnswerInput {
        status,
        justification: justification.to_owned(),
        owner: String::new(),
        action: String::new(),
        deadline: None,
        evidence: String::new(),
    }
}

fn criterion(id: i64, code: &str, answer: Option<AnswerInput>) -> CriterionView {
    CriterionView {
        id: CriterionId(id),
        code: code.to_owned(),
        text: format!("Norm {code}: de organisatie legt dit vast."),
        explanation: format!("Toelichting bij {code}."),
        legal_basis: "AVG art. 30".to_owned(),
        answer,
        carried_from: None,
    }
}

fn theme(id: i64, name: &str, criteria: Vec<CriterionView>) -> ThemeView {
    ThemeView {
        id: ThemeId(id),
        name: name.to_owned(),
        criteria,
    }
}

/// Four themes: a mixed one, one with n.v.t. and notes without a status, one where everything
/// is n.v.t. (nothing in scope; its name has COUNTIFS wildcards) and one without criteria.
fn fixture() -> AssessmentView {
    let mut full = answer(Some(Status::Implemented), "Register is actueel.");
    full.owner = "FG".to_owned();
    full.action = "Jaarlijks herzien".to_owned();
    full.deadline = Some("2026-06-30".to_owned());
    full.evidence = "Intranet > Privacy > Register".to_owned();
    let mut partial = answer(Some(Status::Partial), "Deels.");
    partial.deadline = Some("z.s.m.".to_owned());
    let notes_only = answer(None, "Nog uitzoeken.");

    AssessmentView {
        assessment: AssessmentSummary {
            id: AssessmentId(1),
            name: "2026".to_owned(),
            reference_date: Some(crate::Date::parse("2026-01-01").unwrap()),
            organisation: "Gemeente Voorbeeld & Co".to_owned(),
            organisation_id: crate::OrganisationId(1),
            catalog_name: "Criteria borging AVG".to_owned(),
            catalog_version: "2024".to_owned(),
            catalog_is_example: true,
            seal: None,
        },
        themes: vec![
            theme(
                1,
                "Governance",
                vec![
                    criterion(1, "1.1", Some(full)),
                    criterion(2, "1.2", Some(partial)),
                    criterion(3, "1.10", None),
                ],
            ),
            theme(
                2,
                "Verwerkingsregister",
                vec![
                    criterion(4, "2.1", Some(answer(Some(Status::Open), ""))),
                    criterion(
                        5,
                        "2.2",
                        Some(answer(Some(Status::NotApplicable), "Geen camera's.")),
                    ),
                    criterion(6, "2.3", Some(notes_only)),
                ],
            ),
            theme(
                3,
                "Beveiliging* (art. 32)?",
                vec![
                    criterion(
                        7,
                        "3.1",
                        Some(answer(Some(Status::NotApplicable), "Uitbesteed.")),
                    ),
                    criterion(
                        8,
                        "3.2",
                        Some(answer(Some(Status::NotApplicable), "Uitbesteed.")),
                    ),
                ],
            ),
            theme(4, "Leeg thema", vec![]),
        ],
    }
}

fn params(view: &AssessmentView) -> ExportParams<'_> {
    ExportParams {
        view,
        exported_at: exported_at(),
        program: PROGRAM,
    }
}

fn export(view: &AssessmentView) -> Vec<u8> {
    workbook_bytes(&params(view)).expect("export builds")
}

/// Sets `text` in every field of the first criterion that a user can type into, and in its
/// theme name, code and catalog texts (an imported catalog is user text too).
fn with_text_everywhere(text: &str) -> AssessmentView {
    let mut view = fixture();
    let theme = &mut view.themes[0];
    theme.name = text.to_owned();
    let c = &mut theme.criteria[0];
    c.code = text.to_owned();
    c.text = text.to_owned();
    c.explanation = text.to_owned();
    c.legal_basis = text.to_owned();
    let a = c.answer.as_mut().expect("fixture has an answer");
    a.justification = text.to_owned();
    a.owner = text.to_owned();
    a.action = text.to_owned();
    a.deadline = Some(text.to_owned());
    a.evidence = text.to_owned();
    view
}

// ---------------------------------------------------------------------------------------------
// Reading back

fn open(bytes: &[u8]) -> Xlsx<Cursor<Vec<u8>>> {
    Xlsx::new(Cursor::new(bytes.to_vec())).expect("calamine opens the export")
}

fn sheet(bytes: &[u8], name: &str) -> Range<Data> {
    open(bytes).worksheet_range(name).expect("sheet exists")
}

fn value(range: &Range<Data>, row: u32, col: u32) -> Data {
    range.get_value((row, col)).cloned().unwrap_or(Data::Empty)
}

/// A cell that must be text (or empty, read as "").
fn text(range: &Range<Data>, row: u32, col: u32) -> String {
    match value(range, row, col) {
        Data::String(s) => s,
        Data::Empty => String::new(),
        other => panic!("cell ({row}, {col}) is not text: {other:?}"),
    }
}

fn number(range: &Range<Data>, row: u32, col: u32) -> f64 {
    match value(range, row, col) {
        Data::Float(f) => f,
        Data::Int(i) => i as f64,
        other => panic!("cell ({row}, {col}) is not a number: {other:?}"),
    }
}

/// One file inside the xlsx zip.
fn zip_entry(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("xlsx is a zip");
    let mut entry = archive.by_name(name).expect("zip entry exists");
    let mut xml = String::new();
    entry.read_to_string(&mut xml).expect("zip entry is UTF-8");
    xml
}

/// The Excel serial number of a date (days since 1899-12-30, valid from March 1900).
fn serial(date: time::Date) -> f64 {
    (date - date!(1899 - 12 - 30)).whole_days() as f64
}

fn col(index: usize) -> u32 {
    u32::try_from(index).expect("small index")
}

// ---------------------------------------------------------------------------------------------
// Criteria sheet

#[test]
fn every_criterion_reads_back_with_its_answer_and_key_in_catalog_order() {
    let view = fixture();
    let bytes = export(&view);
    let range = sheet(&bytes, CRITERIA_SHEET);

    for (i, title) in CRITERIA_COLUMNS.iter().enumerate() {
        assert_eq!(text(&range, 0, col(i)), *title);
    }
    let mut row = 0;
    for theme in &view.themes {
        for c in &theme.criteria {
            row += 1;
            let a = c.answer.as_ref();
            let label = a.and_then(|a| a.status).map_or("", |s| {
                STATUS_LABELS[Status::ALL.iter().position(|x| *x == s).expect("in ALL")]
            });
            let expected = [
                (0, c.code.as_str()),
                (1, theme.name.as_str()),
                (2, c.text.as_str()),
                (3, c.explanation.as_str()),
                (4, c.legal_basis.as_str()),
                (5, label),
                (6, a.map_or("", |a| a.justification.as_str())),
                (7, a.map_or("", |a| a.owner.as_str())),
                (8, a.map_or("", |a| a.action.as_str())),
                (10, a.map_or("", |a| a.evidence.as_str())),
            ];
            for (column, want) in expected {
                assert_eq!(
                    text(&range, row, column),
                    want,
                    "row {row}, column {column}"
                );
            }
            assert_eq!(text(&range, row, col(KEY_COLUMN)), row_key(&c.code));
        }
    }
    assert_eq!(
        range.end(),
        Some((row, col(KEY_COLUMN))),
        "no rows or columns beyond"
    );
    // Codes stay text: "1.10" is not 1.1.
    assert_eq!(text(&range, 3, 0), "1.10");
}

#[test]
fn a_valid_deadline_is_a_real_date_and_anything_else_stays_text() {
    let bytes = export(&fixture());
    let range = sheet(&bytes, CRITERIA_SHEET);
    match value(&range, 1, 9) {
        Data::DateTime(d) => assert_eq!(d.as_f64(), serial(date!(2026 - 06 - 30))),
        other => panic!("deadline is not a date: {other:?}"),
    }
    assert_eq!(text(&range, 2, 9), "z.s.m.");
    assert_eq!(text(&range, 3, 9), "");
    assert!(
        zip_entry(&bytes, "xl/styles.xml").contains(r#"formatCode="dd-mm-yyyy""#),
        "dates are shown Dutch style"
    );
}

#[test]
fn the_criteria_sheet_is_set_up_for_filtering_editing_and_printing() {
    let bytes = export(&fixture());
    let xml = zip_entry(&bytes, "xl/worksheets/sheet1.xml");
    // Frozen header row and code column; filter over all columns including the hidden key.
    assert!(
        xml.contains(r#"<pane xSplit="1" ySplit="1" topLeftCell="B2""#),
        "{xml}"
    );
    assert!(xml.contains(r#"<autoFilter ref="A1:L9"/>"#), "{xml}");
    // The status drop-down over all criteria rows lists exactly the four labels.
    assert!(xml.contains(r#"sqref="F2:F9""#), "{xml}");
    let list = format!("<formula1>\"{}\"</formula1>", STATUS_LABELS.join(","));
    assert!(xml.contains(&list), "{xml}");
    // The key column is hidden.
    assert!(
        xml.contains(r#"<col min="12" max="12" width="14.7109375" hidden="1""#),
        "{xml}"
    );
    // A4 landscape, one page wide, header row on every page, header and footer with page X of Y.
    assert!(xml.contains(r#"paperSize="9""#) && xml.contains(r#"orientation="landscape""#));
    assert!(xml.contains(r#"fitToHeight="0""#) && xml.contains(r#"<pageSetUpPr fitToPage="1"/>"#));
    assert!(
        xml.contains(
            "<oddHeader>&amp;LGemeente Voorbeeld &amp;&amp; Co&amp;RBeoordeling 2026</oddHeader>"
        ),
        "{xml}"
    );
    assert!(
        xml.contains("Pagina &amp;P van &amp;N</oddFooter>"),
        "{xml}"
    );
    let workbook = zip_entry(&bytes, "xl/workbook.xml");
    assert!(
        workbook.contains(r#"<definedName name="_xlnm.Print_Titles" localSheetId="0">Criteria!$1:$1</definedName>"#),
        "{workbook}"
    );
    // The hidden key column (L) is outside the print area.
    assert!(
        workbook
            .contains(r#"<definedName name="_xlnm.Print_Area" localSheetId="0">Criteria!$A$1:$K$"#),
        "{workbook}"
    );
}

#[test]
fn empty_answer_cells_are_not_written_but_their_columns_wrap_what_is_typed_later() {
    let bytes = export(&fixture());
    let xml = zip_entry(&bytes, "xl/worksheets/sheet1.xml");
    // Row 4 is criterion 1.10 without an answer: no status, justification or deadline cell.
    for cell in ["F4", "G4", "J4"] {
        assert!(
            !xml.contains(&format!(r#"<c r="{cell}""#)),
            "{cell} written: {xml}"
        );
    }
    // The answer columns (F to K) carry a format, so a status or text typed there in Excel
    // wraps and aligns like the exported ones.
    for col in 6..=11 {
        let prefix = format!(r#"<col min="{col}" max="{col}" "#);
        let element = xml
            .split('<')
            .find(|e| format!("<{e}").starts_with(&prefix))
            .unwrap_or_else(|| panic!("no <col> for column {col}: {xml}"));
        assert!(
            element.contains("style="),
            "column {col} has no format: {element}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Overview sheet

#[test]
fn overview_cached_results_equal_the_overview_and_are_live_formulas() {
    let view = fixture();
    let expected = Overview::of(&view);
    let bytes = export(&view);
    let range = sheet(&bytes, OVERVIEW_SHEET);
    let formulas = open(&bytes)
        .worksheet_formula(OVERVIEW_SHEET)
        .expect("formulas readable");

    let header = overview_sheet::TABLE_HEADER_ROW;
    for (i, title) in overview_sheet::TABLE_COLUMNS.iter().enumerate() {
        assert_eq!(text(&range, header, col(i)), *title);
    }

    let mut lines: Vec<(String, Counts)> = expected
        .themes
        .iter()
        .map(|t| (t.theme.clone(), t.counts))
        .collect();
    lines.push(("Totaal".to_owned(), expected.total));
    assert_eq!(lines.len(), 5);

    for (row, (name, counts)) in (header + 1..).zip(&lines) {
        assert_eq!(&text(&range, row, 0), name);
        let counts_in_order = [
            counts.criteria,
            counts.implemented,
            counts.partial,
            counts.open,
            counts.not_applicable,
            counts.unanswered,
        ];
        for (column, want) in (1..).zip(counts_in_order) {
            assert_eq!(
                number(&range, row, column),
                f64::from(want),
                "{name}, column {column}"
            );
            let formula = formulas
                .get_value((row, column))
                .cloned()
                .unwrap_or_default();
            assert!(!formula.is_empty(), "{name}, column {column} is a formula");
        }
        let percents = [
            counts.implemented,
            counts.partial,
            counts.open,
            counts.unanswered,
        ];
        for (column, count) in (7..).zip(percents) {
            match counts.percent(count) {
                Some(pct) => {
                    let got = number(&range, row, column);
                    assert!(
                        (got * 100.0 - pct).abs() < 1e-9,
                        "{name}, column {column}: {got}"
                    );
                }
                // Nothing in scope: an empty result, not a misleading 0%.
                None => assert_eq!(text(&range, row, column), "", "{name}, column {column}"),
            }
        }
    }

    // The counts look at the criteria sheet, so they follow edits there.
    let first = header + 1;
    let count = formulas.get_value((first, 1)).cloned().unwrap_or_default();
    assert_eq!(count, "SUMPRODUCT(--(Criteria!$B$2:$B$9=$A8))");
    let implemented = formulas.get_value((first, 2)).cloned().unwrap_or_default();
    assert_eq!(
        implemented,
        "SUMPRODUCT((Criteria!$B$2:$B$9=$A8)*(Criteria!$F$2:$F$9=\"Geïmplementeerd\"))"
    );
    let total = formulas
        .get_value((first + 4, 1))
        .cloned()
        .unwrap_or_default();
    assert_eq!(total, "SUM(B8:B11)");
}

#[test]
fn overview_has_a_title_block_a_chart_and_fits_one_portrait_page() {
    let bytes = export(&fixture());
    let range = sheet(&bytes, OVERVIEW_SHEET);
    assert_eq!(text(&range, 0, 0), "Overzicht AVG-borging");
    assert_eq!(text(&range, 1, 1), "Gemeente Voorbeeld & Co");
    assert_eq!(text(&range, 2, 1), "2026");
    match value(&range, 3, 1) {
        Data::DateTime(d) => assert_eq!(d.as_f64(), serial(date!(2026 - 01 - 01))),
        other => panic!("reference date is not a date: {other:?}"),
    }
    assert_eq!(text(&range, 4, 1), "Criteria borging AVG (versie 2024)");

    let chart = zip_entry(&bytes, "xl/charts/chart1.xml");
    assert!(chart.contains("<c:barChart>") && chart.contains(r#"<c:grouping val="stacked"/>"#));
    assert_eq!(
        chart.matches("<c:ser>").count(),
        5,
        "four statuses and niet beoordeeld"
    );
    assert!(chart.contains("<c:f>Overzicht!$A$8:$A$11</c:f>"), "{chart}");

    let xml = zip_entry(&bytes, "xl/worksheets/sheet2.xml");
    assert!(xml.contains(r#"paperSize="9""#) && xml.contains(r#"orientation="portrait""#));
    assert!(xml.contains(r#"<pageSetUpPr fitToPage="1"/>"#));
    assert!(!xml.contains("fitToHeight=\"0\""), "one page high too");
}

#[test]
fn an_empty_catalog_still_exports() {
    let mut view = fixture();
    view.themes.clear();
    let bytes = export(&view);
    let range = sheet(&bytes, OVERVIEW_SHEET);
    let total = overview_sheet::TABLE_HEADER_ROW + 1;
    assert_eq!(text(&range, total, 0), "Totaal");
    assert_eq!(number(&range, total, 1), 0.0);
    assert_eq!(text(&range, total, 7), "");
    assert_eq!(
        sheet(&bytes, CRITERIA_SHEET).end(),
        Some((0, col(KEY_COLUMN)))
    );
}

// ---------------------------------------------------------------------------------------------
// Metadata and properties

#[test]
fn metadata_sheet_is_hidden_and_says_what_the_file_is() {
    let view = fixture();
    let bytes = export(&view);
    let mut workbook = open(&bytes);
    let sheets: Vec<(String, SheetVisible)> = workbook
        .sheets_metadata()
        .iter()
        .map(|s| (s.name.clone(), s.visible))
        .collect();
    assert_eq!(
        sheets,
        [
            (CRITERIA_SHEET.to_owned(), SheetVisible::Visible),
            (OVERVIEW_SHEET.to_owned(), SheetVisible::Visible),
            (
                crate::workbook_format::IMPROVEMENT_PLAN_SHEET.to_owned(),
                SheetVisible::Visible
            ),
            (METADATA_SHEET.to_owned(), SheetVisible::Hidden),
        ]
    );

    let range = workbook.worksheet_range(METADATA_SHEET).expect("metadata");
    assert_eq!(text(&range, 0, 0), meta::FORMAT_VERSION);
    assert_eq!(number(&range, 0, 1), f64::from(FORMAT_VERSION));
    let expected = [
        (meta::CATALOG, "Criteria borging AVG"),
        (meta::CATALOG_VERSION, "2024"),
        (meta::ORGANISATION, "Gemeente Voorbeeld & Co"),
        (meta::ASSESSMENT, "2026"),
        (meta::REFERENCE_DATE, "2026-01-01"),
        (meta::EXPORTED_AT, "2026-03-15T14:30:00+01:00"),
        (meta::PROGRAM, PROGRAM),
    ];
    for (row, (key, want)) in (1..).zip(expected) {
        assert_eq!(text(&range, row, 0), key);
        assert_eq!(text(&range, row, 1), want, "{key}");
    }

    let core = zip_entry(&bytes, "docProps/core.xml");
    assert!(
        core.contains("<dc:creator>Gemeente Voorbeeld &amp; Co</dc:creator>"),
        "{core}"
    );
    assert!(
        core.contains(">2026-03-15T13:30:00Z</dcterms:created>"),
        "{core}"
    );
    assert!(
        core.contains(
            "<dc:title>AVG-borging: Gemeente Voorbeeld &amp; Co – beoordeling 2026</dc:title>"
        ),
        "{core}"
    );
    let app = zip_entry(&bytes, "docProps/app.xml");
    assert!(
        app.contains("<Company>Gemeente Voorbeeld &amp; Co</Company>"),
        "{app}"
    );
}

#[test]
fn no_reference_date_gives_an_empty_value() {
    let mut view = fixture();
    view.assessment.reference_date = None;
    let bytes = export(&view);
    let range = sheet(&bytes, METADATA_SHEET);
    assert_eq!(text(&range, 5, 0), meta::REFERENCE_DATE);
    assert_eq!(text(&range, 5, 1), "");
}

#[test]
fn same_input_and_time_give_identical_bytes() {
    let view = fixture();
    assert_eq!(export(&view), export(&view));
    let later = ExportParams {
        exported_at: exported_at() + time::Duration::seconds(1),
        ..params(&view)
    };
    assert_ne!(export(&view), workbook_bytes(&later).expect("export"));
}

// ---------------------------------------------------------------------------------------------
// User text: never a formula, always the same text back

const FORMULA_LIKE: [&str; 8] = [
    "=1+1",
    "+31 6 123",
    "-5",
    "@SUM(A1)",
    "\tTab",
    "\rCR",
    "\0NUL",
    "=HYPERLINK(\"http://x\",\"klik\")",
];

#[test]
fn text_that_looks_like_a_formula_stays_text() {
    for danger in FORMULA_LIKE {
        let view = with_text_everywhere(danger);
        let bytes = export(&view);

        for sheet_file in ["sheet1.xml", "sheet3.xml"] {
            let xml = zip_entry(&bytes, &format!("xl/worksheets/{sheet_file}"));
            assert!(
                !xml.contains("<f>") && !xml.contains("<f "),
                "{danger:?} in {sheet_file}"
            );
        }
        assert!(
            zip_entry(&bytes, "xl/styles.xml").contains(r#"quotePrefix="1""#),
            "{danger:?} gets a quote prefix"
        );

        let range = sheet(&bytes, CRITERIA_SHEET);
        for column in [0, 1, 2, 3, 4, 6, 7, 8, 9, 10] {
            assert_eq!(
                text(&range, 1, column),
                danger,
                "{danger:?} in column {column}"
            );
        }
        assert_eq!(text(&range, 1, col(KEY_COLUMN)), row_key(danger));
        // The overview compares cells, so a theme named like a formula is counted as usual.
        let overview = sheet(&bytes, OVERVIEW_SHEET);
        assert_eq!(
            text(&overview, overview_sheet::TABLE_HEADER_ROW + 1, 0),
            danger
        );
    }
}

#[test]
fn formula_like_names_in_the_title_and_metadata_stay_text() {
    let mut view = fixture();
    view.assessment.organisation = "=cmd|' /C calc'!A0".to_owned();
    view.assessment.name = "+2026".to_owned();
    view.assessment.catalog_name = "-set".to_owned();
    let bytes = export(&view);
    for sheet_file in ["sheet1.xml", "sheet3.xml"] {
        let xml = zip_entry(&bytes, &format!("xl/worksheets/{sheet_file}"));
        assert!(!xml.contains("<f>"), "{sheet_file}");
    }
    // The overview's own formulas are only the counts: none holds user text.
    let overview = zip_entry(&bytes, "xl/worksheets/sheet2.xml");
    for formula in overview.split("<f>").skip(1) {
        let formula = formula.split("</f>").next().unwrap_or_default();
        assert!(
            formula.starts_with("SUM") || formula.starts_with("IF(") || formula.starts_with('B'),
            "{formula}"
        );
    }
    assert_eq!(
        text(&sheet(&bytes, OVERVIEW_SHEET), 1, 1),
        "=cmd|' /C calc'!A0"
    );
    let range = sheet(&bytes, METADATA_SHEET);
    assert_eq!(text(&range, 3, 1), "=cmd|' /C calc'!A0");
    assert_eq!(text(&range, 4, 1), "+2026");
}

#[test]
fn unicode_control_characters_and_markup_round_trip_exactly() {
    let long: String = "Lange onderbouwing met é, ü en ø. ".repeat(300);
    assert!(long.chars().count() > 10_000);
    let samples = [
        "Privacy 🔒 en 👩‍💼 eigenaar".to_owned(),
        "מדיניות פרטיות — سياسة الخصوصية".to_owned(),
        "Geïmplementeerd, coördinatie, café, Ærø, Straße".to_owned(),
        long,
        "  spaties voor en na  ".to_owned(),
        "regel 1\nregel 2\r\nregel 3\n".to_owned(),
        "nul\0een\u{1}tab\tunit\u{1F}vt\u{B}ff\u{C} en \u{FFFE}\u{FFFF}".to_owned(),
        "letterlijk _x0041_ en _x005F_ en _xZZZZ_".to_owned(),
        "<r><t>opmaak</t></r>".to_owned(),
        "<r>_x0041_ & <b>vet</b></r>".to_owned(),
        "<si>&amp;</si> ]]> \"quotes\" 'apostrof'".to_owned(),
    ];
    for sample in &samples {
        let view = with_text_everywhere(sample);
        let bytes = export(&view);
        let range = sheet(&bytes, CRITERIA_SHEET);
        for column in [0, 1, 2, 3, 4, 6, 7, 8, 9, 10] {
            assert_eq!(&text(&range, 1, column), sample, "column {column}");
        }
        let metadata = {
            let mut view = fixture();
            view.assessment.organisation = sample.clone();
            sheet(&export(&view), METADATA_SHEET)
        };
        assert_eq!(&text(&metadata, 3, 1), sample);
    }
}

#[test]
fn text_longer_than_a_cell_can_hold_is_refused_with_the_criterion_named() {
    let mut view = fixture();
    let answer = view.themes[1].criteria[0].answer.as_mut().expect("answer");
    answer.justification = "x".repeat(text::MAX_CELL_TEXT + 1);
    let err = workbook_bytes(&params(&view)).expect_err("too long");
    assert!(matches!(err, Error::Workbook(_)), "{err:?}");
    let message = err.to_string();
    assert!(
        message.contains("\"Onderbouwing\" bij criterium 2.1"),
        "{message}"
    );
    assert!(message.contains("32.768 tekens lang"), "{message}");
    assert!(message.contains("hoogstens 32.767 tekens"), "{message}");

    // Exactly at the limit is fine; Excel counts UTF-16 units, so one emoji counts as two.
    answer_mut(&mut view).justification = "x".repeat(text::MAX_CELL_TEXT);
    let bytes = export(&view);
    assert_eq!(
        text(&sheet(&bytes, CRITERIA_SHEET), 4, 6).len(),
        text::MAX_CELL_TEXT
    );
    answer_mut(&mut view).justification = "🔒".repeat(text::MAX_CELL_TEXT / 2 + 1);
    assert!(workbook_bytes(&params(&view)).is_err());
}

fn answer_mut(view: &mut AssessmentView) -> &mut AnswerInput {
    view.themes[1].criteria[0].answer.as_mut().expect("answer")
}

// ---------------------------------------------------------------------------------------------
// Writing the file

fn names_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(folder)
        .expect("read folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn write_workbook_writes_a_readable_file_and_replaces_an_existing_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("Beoordeling 2026.xlsx");
    fs::write(&target, b"previous export").expect("old file");
    let view = fixture();
    write_workbook(&params(&view), &target).expect("export written");
    let written = fs::read(&target).expect("read");
    assert_eq!(written, export(&view));
    assert_eq!(text(&sheet(&written, CRITERIA_SHEET), 1, 0), "1.1");
    assert_eq!(names_in(dir.path()), ["Beoordeling 2026.xlsx"]);
}

#[test]
fn a_folder_in_the_way_is_a_write_error_and_leaves_no_temporary_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("export.xlsx");
    fs::create_dir(&target).expect("folder");
    let err = write_workbook(&params(&fixture()), &target).expect_err("a folder");
    match &err {
        Error::WriteFile { path, source } => {
            assert_eq!(path, &target);
            assert_eq!(source.kind(), std::io::ErrorKind::IsADirectory);
        }
        other => panic!("expected WriteFile, got {other:?}"),
    }
    assert!(
        err.to_string().contains("er staat een map met die naam"),
        "{err}"
    );
    assert_eq!(names_in(dir.path()), ["export.xlsx"]);
    assert!(names_in(&target).is_empty());
}

#[test]
fn a_missing_folder_is_a_write_error_and_creates_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("bestaat-niet").join("export.xlsx");
    let err = write_workbook(&params(&fixture()), &target).expect_err("no folder");
    assert!(
        matches!(&err, Error::WriteFile { path, .. } if path == &target),
        "{err:?}"
    );
    assert!(err.to_string().contains("de map bestaat niet"), "{err}");
    assert!(names_in(dir.path()).is_empty());
}

#[test]
fn a_failed_export_leaves_the_previous_file_unchanged() {
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("export.xlsx");
    let view = fixture();
    write_workbook(&params(&view), &target).expect("first export");
    let before = fs::read(&target).expect("read");

    let mut broken = fixture();
    answer_mut(&mut broken).evidence = "x".repeat(text::MAX_CELL_TEXT + 1);
    let err = write_workbook(&params(&broken), &target).expect_err("too long");
    assert!(matches!(err, Error::Workbook(_)), "{err:?}");
    assert_eq!(fs::read(&target).expect("read"), before);
    assert_eq!(names_in(dir.path()), ["export.xlsx"]);

    // A path below a file (so its "folder" is not a folder) fails to write: nothing changes.
    let below_file = target.join("export.xlsx");
    let err = write_workbook(&params(&view), &below_file).expect_err("not a folder");
    assert!(matches!(err, Error::WriteFile { .. }), "{err:?}");
    assert_eq!(fs::read(&target).expect("read"), before);
    assert_eq!(names_in(dir.path()), ["export.xlsx"]);
}

// ---------------------------------------------------------------------------------------------
// The yearly cycle: seal, improvement plan, comparison

#[test]
fn a_sealed_round_carries_its_fingerprint_into_the_metadata() {
    let mut view = fixture();
    view.assessment.seal = Some(crate::Seal {
        sealed_on: crate::Date::parse("2026-12-01").unwrap(),
        sealed_by: "College van B&W".into(),
        fingerprint: "ab".repeat(32),
    });
    let range = sheet(&export(&view), METADATA_SHEET);
    let lookup = |key: &str| {
        (0..range.height() as u32)
            .find(|&r| text(&range, r, 0) == key)
            .map(|r| text(&range, r, 1))
    };
    assert_eq!(lookup(meta::FINGERPRINT), Some("ab".repeat(32)));
    assert_eq!(lookup(meta::SEALED_BY).as_deref(), Some("College van B&W"));
    assert_eq!(lookup(meta::SEALED_AT).as_deref(), Some("2026-12-01"));
    // An open round says so by leaving them empty.
    let range = sheet(&export(&fixture()), METADATA_SHEET);
    let open_fingerprint = (0..range.height() as u32)
        .find(|&r| text(&range, r, 0) == meta::FINGERPRINT)
        .map(|r| text(&range, r, 1));
    assert_eq!(open_fingerprint.as_deref(), Some(""));
}

#[test]
fn the_improvement_plan_sheet_lists_partial_and_open_criteria() {
    let bytes = export(&fixture());
    let range = sheet(&bytes, crate::workbook_format::IMPROVEMENT_PLAN_SHEET);
    let codes: Vec<String> = (3..range.height() as u32)
        .map(|r| text(&range, r, 0))
        .collect();
    // The fixture has one partial (1.2) and one open criterion (2.1).
    assert_eq!(codes, ["1.2", "2.1"]);
    assert_eq!(text(&range, 4, 3), "Vraagt aandacht");
    assert_eq!(text(&range, 3, 3), "Gedeeltelijk geïmplementeerd");
    assert!(text(&range, 0, 0).starts_with("Verbeterplan Gemeente Voorbeeld & Co"));
}

#[test]
fn a_comparison_sheet_is_added_only_when_asked_for() {
    let before = fixture();
    let mut after = fixture();
    after.themes[0].criteria[1]
        .answer
        .as_mut()
        .expect("1.2")
        .status = Some(Status::Implemented);
    let comparison = crate::Comparison::of(&before, &after);
    let bytes =
        workbook_bytes_with_comparison(&params(&after), Some(&comparison)).expect("export builds");
    let names: Vec<String> = open(&bytes).sheet_names().into_iter().collect();
    assert!(names.contains(&crate::workbook_format::COMPARISON_SHEET.to_owned()));
    let range = sheet(&bytes, crate::workbook_format::COMPARISON_SHEET);
    let row = (0..range.height() as u32)
        .find(|&r| text(&range, r, 0) == "1.2")
        .expect("the changed criterion");
    assert_eq!(text(&range, row, 2), "Gedeeltelijk geïmplementeerd");
    assert_eq!(text(&range, row, 3), "Geïmplementeerd");
    assert_eq!(text(&range, row, 4), "beter");
    let plain = open(&export(&after)).sheet_names();
    assert!(!plain.contains(&crate::workbook_format::COMPARISON_SHEET.to_owned()));
}
