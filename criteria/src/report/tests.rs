//! The report rendered and read back as a reader would: the PDF through poppler's `pdftotext`
//! and `pdfinfo` (Debian's poppler-utils, installed by scripts/install-deps.sh), the Word file
//! through its XML.

use std::io::Read;
use std::path::Path;
use std::process::Command;

use time::macros::{date, datetime};

use super::*;
use crate::{
    AnswerInput, CatalogDraft, ChangeContext, CriterionDraft, SealRequest, Status, Store,
    ThemeDraft,
};

const THEMES: [&str; 3] = [
    "Verwerkingsregister en privacyverklaring",
    "Rechten van betrokkenen",
    "Beveiliging en datalekken",
];

fn ctx() -> ChangeContext {
    ChangeContext {
        at: datetime!(2026-11-30 10:00 UTC),
        by: "Marie de Vries".into(),
    }
}

/// A round of `per_theme` criteria in each of three themes, answered in a fixed pattern:
/// implemented, partial (owner "Jan Jansen", a deadline unique to the row), open, n.v.t. with a
/// justification, unanswered.
fn round(per_theme: usize) -> (Store, crate::AssessmentId) {
    let mut store = Store::open_in_memory().unwrap();
    let mut n = 0;
    let draft = CatalogDraft {
        name: "Criteria borging AVG".into(),
        version: "2.1".into(),
        themes: THEMES
            .iter()
            .enumerate()
            .map(|(t, name)| ThemeDraft {
                name: (*name).into(),
                criteria: (0..per_theme)
                    .map(|i| {
                        n += 1;
                        let deadline = date!(2027 - 01 - 01) + time::Duration::days(n);
                        let answer = match i % 5 {
                            0 => Some(Status::Implemented),
                            1 => Some(Status::Partial),
                            2 => Some(Status::Open),
                            3 => Some(Status::NotApplicable),
                            _ => None,
                        }
                        .map(|status| AnswerInput {
                            status: Some(status),
                            justification: if status == Status::NotApplicable {
                                format!("Geen eigen verwerking voor onderdeel {n}")
                            } else {
                                String::new()
                            },
                            owner: "Jan Jansen".into(),
                            action: format!("Werkinstructie {n} opstellen en vaststellen"),
                            deadline: Some(deadline.to_string()),
                            ..AnswerInput::default()
                        });
                        CriterionDraft {
                            code: format!("{}.{}", t + 1, i + 1),
                            text: format!(
                                "De gemeente legt voor criterium {n} vast wie verantwoordelijk is en hoe dat wordt gecontroleerd."
                            ),
                            answer,
                            row: u32::try_from(n).unwrap(),
                            ..CriterionDraft::default()
                        }
                    })
                    .collect(),
            })
            .collect(),
    };
    let outcome = store.import_catalog(None, &draft, &ctx()).unwrap();
    (store, outcome.assessment)
}

fn seal(store: &mut Store, round: crate::AssessmentId) {
    let request = SealRequest {
        sealed_by: "College van B&W".into(),
        sealed_on: Some("2026-12-15".into()),
    };
    store.seal_round(round, &request, &ctx()).unwrap();
}

fn report(
    store: &Store,
    round: crate::AssessmentId,
    document: DocumentKind,
    public: bool,
) -> Report {
    let view = store.assessment_view(round).unwrap();
    Report::of(&ReportInput {
        view: &view,
        earlier: None,
        document,
        public,
        printed_on: date!(2026 - 12 - 01),
    })
}

/// Runs a poppler tool on `pdf`; a missing tool fails the test (CI installs it).
fn poppler(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rapport.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new(tool)
        .args(args)
        .arg(&path)
        .arg("-")
        .output()
        .unwrap_or_else(|e| panic!("{tool} (poppler-utils) is needed: {e}"));
    assert!(
        out.status.success(),
        "{tool}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn pdf_pages(pdf: &[u8]) -> Vec<String> {
    let text = poppler("pdftotext", &["-layout"], pdf);
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_owned).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

fn pdf_info(pdf: &[u8], meta: bool) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("rapport.pdf");
    std::fs::write(&path, pdf).unwrap();
    let mut command = Command::new("pdfinfo");
    if meta {
        command.arg("-meta");
    }
    let out = command
        .arg(&path)
        .output()
        .expect("pdfinfo (poppler-utils) is needed");
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

fn docx_part(docx: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// The visible text of a Word document, paragraph by paragraph.
fn docx_text(docx: &[u8]) -> String {
    let xml = docx_part(docx, "word/document.xml");
    let mut text = String::new();
    for piece in xml.split("<w:t").skip(1) {
        let Some(start) = piece.find('>') else {
            continue;
        };
        let Some(end) = piece.find("</w:t>") else {
            continue;
        };
        text.push_str(&piece[start + 1..end]);
        text.push(' ');
    }
    text.replace("&amp;", "&")
}

#[test]
#[cfg_attr(
    not(unix),
    ignore = "reads the PDF back with poppler-utils (pdftotext, pdfinfo), Linux programs"
)]
fn an_unsealed_round_is_a_draft_on_every_page_with_page_numbers_and_every_theme() {
    let (store, id) = round(40);
    let pdf = report(&store, id, DocumentKind::Accountability, false)
        .render(ReportFormat::Pdf)
        .unwrap();
    let pages = pdf_pages(&pdf);
    assert!(
        pages.len() >= 3,
        "120 criteria take several pages: {}",
        pages.len()
    );
    let n = pages.len();
    for (i, page) in pages.iter().enumerate() {
        assert!(
            page.contains(&format!("Pagina {} van {n}", i + 1)),
            "page {} has no page number:\n{page}",
            i + 1
        );
        assert!(
            page.contains("CONCEPT"),
            "page {} is not marked as a draft",
            i + 1
        );
    }
    let all = pages.join("\n");
    for theme in THEMES {
        assert!(all.contains(theme), "{theme} missing");
    }
    // Totals: 120 criteria, 24 of each status, 96 in scope, 24/96 = 25% implemented.
    let total = all
        .lines()
        .find(|l| l.trim_start().starts_with("Totaal") && l.contains("120"))
        .unwrap_or_else(|| panic!("no total row:\n{all}"));
    let numbers: Vec<&str> = total.split_whitespace().skip(1).collect();
    assert_eq!(numbers, ["120", "24", "24", "24", "24", "24", "25%"]);
    assert!(
        all.contains("Geen eigen verwerking voor onderdeel 4"),
        "n.v.t. justification"
    );
    assert!(all.contains("Criteria borging AVG, versie 2.1"));
    assert!(!all.contains("Vingerafdruk (SHA-256)"));
}

#[test]
#[cfg_attr(
    not(unix),
    ignore = "reads the PDF back with poppler-utils (pdftotext, pdfinfo), Linux programs"
)]
fn a_sealed_round_carries_its_fingerprint_and_no_draft_mark() {
    let (mut store, id) = round(5);
    seal(&mut store, id);
    let view = store.assessment_view(id).unwrap();
    let fingerprint = crate::fingerprint::grouped(&view.assessment.seal.unwrap().fingerprint);
    for document in [DocumentKind::Overview, DocumentKind::Accountability] {
        let pdf = report(&store, id, document, false)
            .render(ReportFormat::Pdf)
            .unwrap();
        let pages = pdf_pages(&pdf);
        for page in &pages {
            assert!(
                !page.contains("CONCEPT"),
                "{document:?}: a sealed round is no draft"
            );
            // The footer carries the fingerprint on every page.
            assert!(
                page.contains(&fingerprint[..19]),
                "{document:?}: no fingerprint:\n{page}"
            );
        }
        let all = pages.join("\n");
        assert!(
            all.contains("15 december 2026"),
            "{document:?}: the seal date"
        );
    }
    let text = pdf_pages(
        &report(&store, id, DocumentKind::Accountability, false)
            .render(ReportFormat::Pdf)
            .unwrap(),
    )
    .join("\n");
    assert!(text.contains("door College van B&W"));
    assert!(
        text.contains(&fingerprint),
        "the whole fingerprint in the seal block"
    );
}

#[test]
#[cfg_attr(
    not(unix),
    ignore = "reads the PDF back with poppler-utils (pdftotext, pdfinfo), Linux programs"
)]
fn the_pdf_is_a4_archival_and_tagged_with_dutch_metadata() {
    let (store, id) = round(3);
    let pdf = report(&store, id, DocumentKind::Overview, false)
        .render(ReportFormat::Pdf)
        .unwrap();
    let info = pdf_info(&pdf, false);
    assert!(info.contains("595.276 x 841.89 pts (A4)"), "{info}");
    assert!(info.contains("Tagged:          yes"), "{info}");
    assert!(
        info.contains("Title:           Overzicht borging AVG — Mijn organisatie, ronde"),
        "{info}"
    );
    let meta = pdf_info(&pdf, true);
    assert!(meta.contains("<pdfaid:part>2</pdfaid:part>"), "{meta}");
    assert!(
        meta.contains("<pdfaid:conformance>A</pdfaid:conformance>"),
        "{meta}"
    );
    assert!(meta.contains("<pdfuaid:part>1</pdfuaid:part>"), "{meta}");
    assert!(
        meta.contains("<dc:language><rdf:Bag><rdf:li>nl-NL</rdf:li>"),
        "{meta}"
    );
}

#[test]
#[cfg_attr(
    not(unix),
    ignore = "reads the PDF back with poppler-utils (pdftotext, pdfinfo), Linux programs"
)]
fn no_row_of_the_plan_is_split_over_two_pages() {
    let (store, id) = round(100);
    let pdf = report(&store, id, DocumentKind::Overview, false)
        .render(ReportFormat::Pdf)
        .unwrap();
    let pages = pdf_pages(&pdf);
    assert!(pages.len() >= 5, "{} pages", pages.len());
    let view = store.assessment_view(id).unwrap();
    let mut checked = 0;
    for criterion in view.themes.iter().flat_map(|t| &t.criteria) {
        let Some(answer) = &criterion.answer else {
            continue;
        };
        if answer.status != Some(Status::Partial) && answer.status != Some(Status::Open) {
            continue;
        }
        let deadline = dutch::short_date_text(answer.deadline.as_deref().unwrap());
        let code_page = pages.iter().position(|p| {
            p.lines()
                .any(|l| l.split_whitespace().next() == Some(criterion.code.as_str()))
        });
        let deadline_page = pages.iter().position(|p| p.contains(&deadline));
        assert!(code_page.is_some(), "{} not printed", criterion.code);
        assert_eq!(
            code_page, deadline_page,
            "row {} split over two pages",
            criterion.code
        );
        checked += 1;
    }
    assert_eq!(checked, 120);
    // The header row is repeated: every page with plan rows starts its table with "Code".
    for page in pages.iter().skip(1) {
        if page.contains("Jan Jansen") {
            assert!(page.contains("Code") && page.contains("Eigenaar"), "{page}");
        }
    }
}

#[test]
#[cfg_attr(
    not(unix),
    ignore = "reads the PDF back with poppler-utils (pdftotext, pdfinfo), Linux programs"
)]
fn the_public_variant_names_nobody() {
    let (mut store, id) = round(5);
    seal(&mut store, id);
    for document in [DocumentKind::Overview, DocumentKind::Accountability] {
        let r = report(&store, id, document, true);
        let pdf = pdf_pages(&r.render(ReportFormat::Pdf).unwrap()).join("\n");
        let docx = docx_text(&r.render(ReportFormat::Docx).unwrap());
        for text in [&pdf, &docx] {
            assert!(
                !text.contains("Jan Jansen"),
                "{document:?}: an owner's name"
            );
            assert!(
                !text.contains("College van B&W"),
                "{document:?}: who sealed"
            );
            assert!(!text.contains("Marie de Vries"), "{document:?}: who edited");
            assert!(
                text.contains("openbare versie"),
                "{document:?}: says it is public"
            );
        }
        let private = report(&store, id, document, false)
            .render(ReportFormat::Docx)
            .unwrap();
        assert!(
            docx_text(&private).contains("Jan Jansen"),
            "the full variant names owners"
        );
    }
}

#[test]
fn the_word_file_has_the_same_numbers_and_uses_named_styles() {
    let (store, id) = round(40);
    let r = report(&store, id, DocumentKind::Accountability, false);
    let docx = r.render(ReportFormat::Docx).unwrap();
    let text = docx_text(&docx);
    for theme in THEMES {
        assert!(text.contains(theme));
    }
    assert!(text.contains("Totaal 120 24 24 24 24 24 25%"), "{text}");
    assert!(text.contains("CONCEPT"));
    let document = docx_part(&docx, "word/document.xml");
    let styles = docx_part(&docx, "word/styles.xml");
    for (id, name) in [("Heading1", "heading 1"), ("Caption", "caption")] {
        assert!(
            document.contains(&format!("w:val=\"{id}\"")),
            "{id} not used"
        );
        assert!(
            styles.contains(&format!("w:val=\"{name}\"")),
            "{name} not defined"
        );
    }
    assert!(document.contains("<w:tblHeader />"), "header rows repeat");
    assert!(document.contains("<w:cantSplit />"), "rows are not split");
    assert!(styles.contains("nl-NL"), "Dutch text");
    let core = docx_part(&docx, "docProps/core.xml");
    assert!(
        core.contains("<dc:title>Verantwoording borging AVG — Mijn organisatie, ronde"),
        "{core}"
    );
}

#[test]
#[cfg_attr(
    not(unix),
    ignore = "reads the PDF back with poppler-utils (pdftotext, pdfinfo), Linux programs"
)]
fn user_text_is_printed_as_text_never_as_layout_code() {
    let (mut store, id) = round(1);
    let view = store.assessment_view(id).unwrap();
    let criterion = view.themes[0].criteria[0].id;
    let tricky = "#set page(width: 1cm) *niet vet* $x$ <label> @ref \\ \"citaat\" `code`";
    let answer = AnswerInput {
        status: Some(Status::Partial),
        action: tricky.into(),
        ..AnswerInput::default()
    };
    store.save_answer(id, criterion, &answer, &ctx()).unwrap();
    let r = report(&store, id, DocumentKind::Overview, false);
    let pdf = r.render(ReportFormat::Pdf).unwrap();
    let text = pdf_pages(&pdf).join("\n");
    assert!(text.contains("#set page(width: 1cm)"), "{text}");
    assert!(text.contains("*niet vet*"));
    assert!(pdf_info(&pdf, false).contains("(A4)"));
    let docx = r.render(ReportFormat::Docx).unwrap();
    assert!(docx_text(&docx).contains("#set page(width: 1cm) *niet vet*"));
}

#[test]
fn a_file_name_chooses_the_format() {
    assert_eq!(
        ReportFormat::of_file_name(Path::new("a/Verslag.PDF")),
        Some(ReportFormat::Pdf)
    );
    assert_eq!(
        ReportFormat::of_file_name(Path::new("b.docx")),
        Some(ReportFormat::Docx)
    );
    assert_eq!(ReportFormat::of_file_name(Path::new("c.doc")), None);
    assert_eq!(ReportFormat::of_file_name(Path::new("geen-extensie")), None);
}

#[test]
#[cfg_attr(
    not(unix),
    ignore = "reads the PDF back with poppler-utils (pdftotext, pdfinfo), Linux programs"
)]
fn the_comparison_gives_the_change_per_theme_and_the_criteria_that_moved() {
    let (mut store, earlier) = round(5);
    let organisation = store
        .assessment_view(earlier)
        .unwrap()
        .assessment
        .organisation_id;
    let new = crate::NewRound {
        organisation,
        name: "2027".into(),
        reference_date: Some("2027-12-31".into()),
        carry_from: Some(earlier),
    };
    let later = store.create_round(&new, &ctx()).unwrap();
    let view = store.assessment_view(later).unwrap();
    // 1.2 (partial) becomes implemented, 1.1 (implemented) becomes open.
    let theme = &view.themes[0];
    for (criterion, status) in [
        (&theme.criteria[1], Status::Implemented),
        (&theme.criteria[0], Status::Open),
    ] {
        let answer = AnswerInput {
            status: Some(status),
            ..criterion.answer.clone().unwrap()
        };
        store
            .save_answer(later, criterion.id, &answer, &ctx())
            .unwrap();
    }
    let earlier_view = store.assessment_view(earlier).unwrap();
    let view = store.assessment_view(later).unwrap();
    let r = Report::of(&ReportInput {
        view: &view,
        earlier: Some(&earlier_view),
        document: DocumentKind::Accountability,
        public: false,
        printed_on: date!(2026 - 12 - 01),
    });
    let pdf = pdf_pages(&r.render(ReportFormat::Pdf).unwrap()).join("\n");
    let earlier_name = &earlier_view.assessment.name;
    assert!(
        pdf.contains(&format!("3. Vergelijking met ronde {earlier_name}")),
        "{pdf}"
    );
    // Theme 1: 1 of 4 in scope implemented before (25%), still 1 of 4 after (1.2 up, 1.1 down).
    let line = pdf
        .lines()
        .find(|l| l.contains(THEMES[0]) && l.matches('%').count() == 2)
        .unwrap_or_else(|| panic!("no comparison row:\n{pdf}"));
    let last: Vec<&str> = line.split_whitespace().rev().take(3).collect();
    assert_eq!(last, ["0", "25%", "25%"], "{line}");
    assert!(pdf.contains("Verbeterd") && pdf.contains("Verslechterd"));
    let docx = r.render(ReportFormat::Docx).unwrap();
    let document = docx_part(&docx, "word/document.xml");
    assert!(
        document.contains("w:val=\"Heading2\""),
        "Verbeterd and Verslechterd are Kop 2"
    );
    let text = docx_text(&docx);
    assert!(
        text.contains("1.2") && text.contains("Gedeeltelijk Geïmplementeerd"),
        "{text}"
    );
    assert!(
        text.contains("Geïmplementeerd Vraagt aandacht"),
        "1.1 got worse"
    );
}

/// Writes both documents of a sealed and an unsealed round to `REPORT_SAMPLES` to look at.
#[test]
fn samples_to_look_at() {
    let Some(dir) = std::env::var_os("REPORT_SAMPLES") else {
        return;
    };
    let dir = std::path::PathBuf::from(dir);
    let (mut store, id) = round(30);
    for (state, sealed) in [("concept", false), ("vastgesteld", true)] {
        if sealed {
            seal(&mut store, id);
        }
        for (name, document) in [
            ("overzicht", DocumentKind::Overview),
            ("verantwoording", DocumentKind::Accountability),
        ] {
            let r = report(&store, id, document, false);
            std::fs::write(
                dir.join(format!("{name}-{state}.pdf")),
                r.render(ReportFormat::Pdf).unwrap(),
            )
            .unwrap();
            std::fs::write(
                dir.join(format!("{name}-{state}.docx")),
                r.render(ReportFormat::Docx).unwrap(),
            )
            .unwrap();
        }
    }
}
