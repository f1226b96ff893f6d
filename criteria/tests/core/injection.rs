//! Promise 4 of issue 6: user text starting with `=`, `+`, `-`, `@`, tab, CR or NUL is exported
//! as text (no formula element holds it) and re-imports byte-identical.
//!
//! The export's own unit tests (`criteria/src/export/tests.rs`) check the sheet XML and read the
//! cells back with calamine. What they leave out, and this test adds: the whole way through the
//! public API — the store, the export, the app's own import (`analyse_bytes`) and a confirmed
//! import into another store — for every answer field and for the catalog's own texts (theme,
//! criterion, explanation, legal basis), with every sheet of the workbook inspected.

use std::io::{Cursor, Read};

use criteria::export::{ExportParams, workbook_bytes};
use criteria::import::{ImportOptions, analyse_bytes};
use criteria::{
    AnswerInput, CatalogDraft, ChangeContext, CriterionDraft, Status, Store, ThemeDraft,
};
use time::OffsetDateTime;
use time::macros::datetime;

const NOW: OffsetDateTime = datetime!(2026-11-28 10:00 UTC);

/// Starts of text that a spreadsheet could take for a formula (OWASP ASVS 5.0, V1.2.10).
const DANGEROUS: [&str; 7] = ["=", "+", "-", "@", "\t", "\r", "\0"];

fn ctx() -> ChangeContext {
    ChangeContext {
        at: NOW,
        by: "fg".into(),
    }
}

/// A formula-like text that names where it is, so that a leak is easy to trace.
fn payload(prefix: &str, field: &str) -> String {
    format!("{prefix}HYPERLINK(\"http://x.invalid/{field}\";\"klik\")+1")
}

/// Every worksheet part of a workbook, by name.
fn sheets(bytes: &[u8]) -> Vec<(String, String)> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("zip");
    let mut out = Vec::new();
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).expect("part");
        let name = part.name().expect("name").into_owned();
        if name.starts_with("xl/worksheets/") && name.ends_with(".xml") {
            let mut xml = String::new();
            part.read_to_string(&mut xml).expect("xml");
            out.push((name, xml));
        }
    }
    out
}

/// The text of every `<f>` element in a sheet.
fn formulas(xml: &str) -> Vec<&str> {
    xml.match_indices("<f")
        .map(|(at, _)| &xml[at + 2..])
        // `<f>` or `<f …>`, not `<formula1>` or `<footer>`.
        .filter(|rest| rest.starts_with('>') || rest.starts_with(' '))
        .filter_map(|rest| rest.split_once('>'))
        .map(|(_, rest)| rest.split("</f>").next().unwrap_or_default())
        .collect()
}

#[test]
fn formula_like_text_in_every_field_is_exported_as_text_and_comes_back_byte_identical() {
    for prefix in DANGEROUS {
        let draft = CatalogDraft {
            name: payload(prefix, "catalogus"),
            version: "2026".into(),
            themes: vec![ThemeDraft {
                name: payload(prefix, "thema"),
                criteria: vec![CriterionDraft {
                    code: "1.1".into(),
                    text: payload(prefix, "criterium"),
                    explanation: payload(prefix, "toelichting"),
                    legal_basis: payload(prefix, "artikel"),
                    answer: None,
                    row: 2,
                }],
            }],
        };
        let answer = AnswerInput {
            status: Some(Status::Partial),
            justification: payload(prefix, "onderbouwing"),
            owner: payload(prefix, "eigenaar"),
            action: payload(prefix, "actie"),
            deadline: None,
            evidence: payload(prefix, "bewijs"),
        };
        let mut store = Store::open_in_memory().unwrap();
        let outcome = store
            .import_catalog(
                store
                    .current_assessment()
                    .expect("the current round is read"),
                &draft,
                &ctx(),
            )
            .unwrap();
        let view = store.assessment_view(outcome.assessment).unwrap();
        let criterion = view.themes[0].criteria[0].id;
        store
            .save_answer(outcome.assessment, criterion, &answer, &ctx())
            .unwrap();
        let view = store.assessment_view(outcome.assessment).unwrap();
        let bytes = workbook_bytes(&ExportParams {
            view: &view,
            exported_at: NOW,
            program: "test",
        })
        .unwrap();

        // No formula anywhere holds user text: every payload names a .invalid host.
        let parts = sheets(&bytes);
        assert!(parts.len() >= 2, "{prefix:?}: sheets {parts:?}");
        for (name, xml) in &parts {
            for formula in formulas(xml) {
                assert!(
                    !formula.contains("invalid"),
                    "{prefix:?}: user text became a formula in {name}: {formula}"
                );
            }
        }

        // The app's own import reads back exactly what was stored.
        let plan = analyse_bytes("export.xlsx", &bytes, &ImportOptions::new(NOW.date())).unwrap();
        assert!(plan.own_export, "{prefix:?}");
        assert_eq!(plan.blocking(), 0, "{prefix:?}: {:?}", plan.findings);
        assert_eq!(plan.catalog.name, draft.name, "{prefix:?}");
        let theme = &plan.catalog.themes[0];
        assert_eq!(theme.name, draft.themes[0].name, "{prefix:?}");
        let read = &theme.criteria[0];
        let written = &draft.themes[0].criteria[0];
        assert_eq!(
            (&read.text, &read.explanation, &read.legal_basis),
            (&written.text, &written.explanation, &written.legal_basis),
            "{prefix:?}"
        );
        assert_eq!(read.answer.as_ref(), Some(&answer), "{prefix:?}");

        // Re-imported into the same store it is the same catalog and round (the names match
        // exactly, a leading tab included), and nothing changes.
        let again = store
            .apply_import(
                store
                    .current_assessment()
                    .expect("the current round is read"),
                &plan,
                &ctx(),
            )
            .unwrap();
        assert!(!again.new_catalog, "{prefix:?}: matched to its catalog");
        assert_eq!(again.assessment, outcome.assessment, "{prefix:?}");
        assert_eq!(again.answers_changed, 0, "{prefix:?}");

        // And a confirmed import into another store keeps it byte for byte.
        let mut other = Store::open_in_memory().unwrap();
        let imported = other
            .apply_import(
                other
                    .current_assessment()
                    .expect("the current round is read"),
                &plan,
                &ctx(),
            )
            .unwrap();
        let stored = other.assessment_view(imported.assessment).unwrap();
        assert_eq!(stored.themes[0].name, draft.themes[0].name, "{prefix:?}");
        assert_eq!(
            stored.themes[0].criteria[0].answer.as_ref(),
            Some(&answer),
            "{prefix:?}"
        );
    }
}
