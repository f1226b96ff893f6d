//! Integration tests of the core through its public API only: store → export → import.
//! (One integration test binary; unit tests live next to the code.)
//!
//! The reliability tests of issue 6 are submodules: `crash` (kills at random moments),
//! `disk_full` (no space, read-only targets), `hostile` (broken and hostile workbooks in bounded
//! memory), `injection` (formula-like text) and `fuzz_seeds` (the fuzz corpus replayed). They
//! share `support`, which re-runs this binary as a child process.

#[path = "core/crash.rs"]
mod crash;
#[path = "core/disk_full.rs"]
mod disk_full;
#[path = "core/fuzz_seeds.rs"]
mod fuzz_seeds;
#[path = "core/hostile.rs"]
mod hostile;
#[path = "core/injection.rs"]
mod injection;
#[path = "core/support.rs"]
mod support;

use criteria::export::{ExportParams, workbook_bytes};
use criteria::import::{ImportOptions, ImportPlan, analyse_bytes};
use criteria::{AnswerInput, AssessmentView, ChangeContext, Overview, Status, Store};
use proptest::prelude::*;
use time::OffsetDateTime;
use time::macros::datetime;

const NOW: OffsetDateTime = datetime!(2026-11-28 10:00 UTC);

fn ctx() -> ChangeContext {
    ChangeContext {
        at: NOW,
        by: "fg".into(),
    }
}

/// Exports the current round of `store` and reads the file back as a dry run.
fn export_and_reimport(store: &mut Store) -> (AssessmentView, ImportPlan) {
    let view = store.open_current(NOW).expect("current round");
    let bytes = workbook_bytes(&ExportParams {
        view: &view,
        exported_at: NOW,
        program: "test",
    })
    .expect("export");
    let plan =
        analyse_bytes("export.xlsx", &bytes, &ImportOptions::new(NOW.date())).expect("re-import");
    (view, plan)
}

#[test]
fn an_exported_round_re_imports_with_the_same_statuses_and_overview() {
    let mut store = Store::open_in_memory().unwrap();
    store.ensure_started(NOW).unwrap();
    for (code, status) in [
        ("1.1", Status::Implemented),
        ("1.2", Status::Partial),
        ("2.1", Status::Open),
        ("3.1", Status::Implemented),
    ] {
        store
            .set_status(
                store.current_round().expect("a round"),
                code,
                status,
                Some("zie beleid"),
                &ctx(),
            )
            .unwrap();
    }
    store
        .set_status(
            store.current_round().expect("a round"),
            "4.1",
            Status::NotApplicable,
            Some("geen eigen taak"),
            &ctx(),
        )
        .unwrap();
    let (view, plan) = export_and_reimport(&mut store);
    assert!(plan.own_export, "our own export is recognised");
    assert_eq!(plan.blocking(), 0, "{:?}", plan.findings);
    assert_eq!(plan.catalog.name, view.assessment.catalog_name);
    assert_eq!(plan.catalog.version, view.assessment.catalog_version);

    // Importing it into a fresh store gives the same overview.
    let mut other = Store::open_in_memory().unwrap();
    let outcome = other
        .import_catalog(
            other
                .current_assessment()
                .expect("the current round is read"),
            &plan.catalog,
            &ctx(),
        )
        .unwrap();
    assert_eq!(outcome.answers_changed, 5);
    assert_eq!(
        other.overview(outcome.assessment).unwrap().total,
        Overview::of(&view).total
    );
    // Importing it back into the same store changes nothing.
    let again = store
        .import_catalog(
            store
                .current_assessment()
                .expect("the current round is read"),
            &plan.catalog,
            &ctx(),
        )
        .unwrap();
    assert!(!again.new_catalog);
    assert_eq!(again.answers_changed, 0);
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        // Anything Unicode, including control characters.
        any::<String>(),
        // Text that a spreadsheet could take for a formula.
        "[=+\\-@\t\r][ -~]{0,20}",
        // Leading and trailing spaces, line breaks, accents, emoji.
        "[ \\n]{0,2}[a-zé€🙂 ]{0,30}[ \\n]{0,2}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn any_unicode_note_survives_store_export_import(
        justification in text(),
        owner in text(),
        action in text(),
        evidence in text(),
    ) {
        let mut store = Store::open_in_memory().unwrap();
        let round = store.ensure_started(NOW).unwrap();
        let criterion = store.assessment_view(round).unwrap().themes[0].criteria[0].id;
        let answer = AnswerInput {
            status: Some(Status::Partial),
            justification,
            owner,
            action,
            deadline: Some("2027-03-31".into()),
            evidence,
        };
        store.save_answer(round, criterion, &answer, &ctx()).unwrap();
        let (_, plan) = export_and_reimport(&mut store);
        let first = plan.catalog.criteria().next().unwrap();
        prop_assert_eq!(first.answer.as_ref(), Some(&answer));
    }
}

#[test]
fn a_corrected_column_mapping_is_remembered_for_the_next_file_with_the_same_headers() {
    // Headers no synonym knows: the user maps them by hand once.
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (col, header) in ["Volgnr", "Hoofdstuk", "Wat moet er", "Hoe staan we ervoor"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, col as u16, *header).unwrap();
    }
    for (row, cells) in [
        ["A", "Beleid", "Er is een privacybeleid", "ja"],
        ["B", "Beleid", "Het beleid is gepubliceerd", "deels"],
    ]
    .iter()
    .enumerate()
    {
        for (col, text) in cells.iter().enumerate() {
            sheet
                .write_string(row as u32 + 1, col as u16, *text)
                .unwrap();
        }
    }
    let bytes = book.save_to_buffer().unwrap();

    let mut store = Store::open_in_memory().unwrap();
    let mapping = criteria::import::ColumnMapping {
        code: Some(0),
        theme: Some(1),
        text: Some(2),
        status: Some(3),
        ..Default::default()
    };
    let corrected = ImportOptions {
        mapping: Some(mapping.clone()),
        ..ImportOptions::new(NOW.date())
    };
    let plan = analyse_bytes("eigen.xlsx", &bytes, &corrected).unwrap();
    assert_eq!(plan.catalog.criteria().count(), 2);
    store
        .apply_import(
            store
                .current_assessment()
                .expect("the current round is read"),
            &plan,
            &ctx(),
        )
        .unwrap();

    let next = ImportOptions {
        remembered: store.remembered_mappings().unwrap(),
        ..ImportOptions::new(NOW.date())
    };
    let plan = analyse_bytes("eigen-2027.xlsx", &bytes, &next).unwrap();
    assert_eq!(plan.mapping, mapping);
    assert_eq!(
        plan.mapping_source,
        criteria::import::MappingSource::Remembered
    );
    let statuses: Vec<_> = plan
        .catalog
        .criteria()
        .map(|c| c.answer.as_ref().and_then(|a| a.status))
        .collect();
    assert_eq!(statuses, [Some(Status::Implemented), Some(Status::Partial)]);
}

#[test]
fn a_re_imported_export_updates_the_same_round_even_after_colleagues_sorted_and_cleared_rows() {
    let mut store = Store::open_in_memory().unwrap();
    let round = store.ensure_started(NOW).unwrap();
    store
        .set_status(
            store.current_round().expect("a round"),
            "1.1",
            Status::Implemented,
            None,
            &ctx(),
        )
        .unwrap();
    store
        .set_status(
            store.current_round().expect("a round"),
            "1.2",
            Status::Open,
            None,
            &ctx(),
        )
        .unwrap();
    let (_, mut plan) = export_and_reimport(&mut store);
    assert!(plan.own_export);

    // In Excel: rows sorted the other way round, 1.1 cleared, 1.2 set to partial.
    plan.catalog.themes.reverse();
    for theme in &mut plan.catalog.themes {
        theme.criteria.reverse();
        for criterion in &mut theme.criteria {
            match criterion.code.as_str() {
                "1.1" => criterion.answer = None,
                "1.2" => {
                    if let Some(answer) = criterion.answer.as_mut() {
                        answer.status = Some(Status::Partial);
                    }
                }
                _ => {}
            }
        }
    }
    let outcome = store
        .apply_import(
            store
                .current_assessment()
                .expect("the current round is read"),
            &plan,
            &ctx(),
        )
        .unwrap();
    assert_eq!(outcome.assessment, round, "the same round, no copy");
    assert!(!outcome.new_catalog && !outcome.new_assessment);
    assert_eq!(outcome.answers_changed, 2);
    let view = store.assessment_view(round).unwrap();
    let status = |code: &str| {
        view.themes
            .iter()
            .flat_map(|t| &t.criteria)
            .find(|c| c.code == code)
            .and_then(|c| c.answer.as_ref())
            .and_then(|a| a.status)
    };
    assert_eq!(status("1.1"), None, "cleared in the workbook");
    assert_eq!(status("1.2"), Some(Status::Partial));
}

/// A plain criteria workbook as another organisation would make it.
fn plain_workbook(rows: &[[&str; 3]]) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (col, header) in ["Nr", "Criterium", "Status"].iter().enumerate() {
        sheet.write_string(0, col as u16, *header).expect("header");
    }
    for (r, cells) in rows.iter().enumerate() {
        for (c, text) in cells.iter().enumerate() {
            sheet
                .write_string(r as u32 + 1, c as u16, *text)
                .expect("cell");
        }
    }
    book.save_to_buffer().expect("workbook")
}

#[test]
fn the_same_workbook_imported_on_another_day_updates_the_same_round() {
    let mut store = Store::open_in_memory().unwrap();
    let bytes = plain_workbook(&[["1.1", "Er is een FG", "Ja"], ["1.2", "Er is beleid", ""]]);
    let monday = analyse_bytes("vng.xlsx", &bytes, &ImportOptions::new(NOW.date())).unwrap();
    let first = store
        .apply_import(
            store
                .current_assessment()
                .expect("the current round is read"),
            &monday,
            &ctx(),
        )
        .unwrap();

    let bytes = plain_workbook(&[
        ["1.1", "Er is een FG", "Ja"],
        ["1.2", "Er is beleid", "Deels"],
    ]);
    let later = NOW.date().next_day().unwrap();
    let tuesday = analyse_bytes("vng.xlsx", &bytes, &ImportOptions::new(later)).unwrap();
    let second = store
        .apply_import(
            store
                .current_assessment()
                .expect("the current round is read"),
            &tuesday,
            &ctx(),
        )
        .unwrap();
    assert_eq!(second.catalog, first.catalog);
    assert_eq!(second.assessment, first.assessment);
    assert_eq!(second.answers_changed, 1);
}

#[test]
fn a_workbook_without_any_criterion_cannot_be_imported() {
    let mut store = Store::open_in_memory().unwrap();
    let round = store.ensure_started(NOW).unwrap();
    let bytes = plain_workbook(&[["", "Alleen tekst, geen nummer", "Ja"]]);
    let plan = analyse_bytes("leeg.xlsx", &bytes, &ImportOptions::new(NOW.date())).unwrap();
    assert_eq!(plan.blocking(), 1, "{:?}", plan.findings);
    let err = store
        .apply_import(
            store
                .current_assessment()
                .expect("the current round is read"),
            &plan,
            &ctx(),
        )
        .unwrap_err();
    assert_eq!(err.code(), "import_blocked");
    assert_eq!(store.current_assessment().unwrap(), Some(round));
    assert!(
        store
            .assessment_view(round)
            .unwrap()
            .assessment
            .catalog_is_example
    );
}
