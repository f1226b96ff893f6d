//! The seed corpus of the import fuzz target (`fuzz/`, run by `scripts/fuzz.sh`), made in code:
//! real exports of the store, a plain criteria workbook, an .ods, and a few refusals. This test
//! replays every seed, and every input the fuzzer ever found that crashed (kept in
//! `fuzz/regressions/import/`), through `analyse_bytes` in CI: each must give a plan or a Dutch
//! refusal. With `FUZZ_SEEDS_DIR` set it also writes the seeds there (the script does that).

use std::io::{Cursor, Write};
use std::path::{Path, PathBuf};

use criteria::export::{ExportParams, workbook_bytes};
use criteria::import::{ImportOptions, analyse_bytes};
use criteria::{AnswerInput, ChangeContext, Status, Store};
use time::OffsetDateTime;
use time::macros::datetime;

const NOW: OffsetDateTime = datetime!(2026-11-28 10:00 UTC);

/// An export of the example round with every kind of answer, some of them formula-like.
fn real_export(answers: usize) -> Vec<u8> {
    let mut store = Store::open_in_memory().expect("store");
    let round = store.ensure_started(NOW).expect("round");
    let view = store.assessment_view(round).expect("view");
    let ctx = ChangeContext {
        at: NOW,
        by: "fg".into(),
    };
    let statuses = [
        Some(Status::Implemented),
        Some(Status::Partial),
        Some(Status::Open),
        Some(Status::NotApplicable),
        None,
    ];
    for (i, criterion) in view
        .themes
        .iter()
        .flat_map(|t| &t.criteria)
        .take(answers)
        .enumerate()
    {
        let answer = AnswerInput {
            status: statuses[i % statuses.len()],
            justification: [
                "zie beleid",
                "=1+1",
                "@SUM(A1)",
                "\tTab",
                "Geïmplementeerd 🙂",
            ][i % 5]
                .to_owned(),
            owner: "CISO".into(),
            action: if i % 2 == 0 { "-5" } else { "" }.into(),
            deadline: (i % 3 == 0).then(|| "2027-03-31".to_owned()),
            evidence: "Intranet > Beleid".into(),
        };
        store
            .save_answer(round, criterion.id, &answer, &ctx)
            .expect("answer");
    }
    let view = store.assessment_view(round).expect("view");
    workbook_bytes(&ExportParams {
        view: &view,
        exported_at: NOW,
        program: "AVG-borging fuzz seed",
    })
    .expect("export")
}

/// A criteria workbook as another organisation would make it, with a title block.
fn plain_workbook() -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet
        .write_string(0, 0, "Criteria borging AVG")
        .expect("title");
    let rows = [
        ["Nr", "Thema", "Criterium", "Status", "Toelichting"],
        ["1.1", "Governance", "Er is een FG aangesteld.", "Ja", ""],
        ["1.2", "Governance", "Er is beleid.", "Deels", "in concept"],
        [
            "2.1",
            "Rechten",
            "Inzageverzoeken binnen een maand.",
            "Nee",
            "",
        ],
        ["2.2", "Rechten", "Register bijgewerkt.", "N.v.t.", "geen"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            sheet
                .write_string(r as u32 + 2, c as u16, *text)
                .expect("cell");
        }
    }
    sheet
        .write_number(7, 0, 3.1)
        .and_then(|s| s.write_string(7, 2, "Een genummerde regel"))
        .expect("number");
    book.save_to_buffer().expect("workbook")
}

/// A small .ods with a header and two criteria.
pub fn ods() -> Vec<u8> {
    let content = r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Criteria"><table:table-row><table:table-cell office:value-type="string"><text:p>Nr</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Criterium</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Status</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell office:value-type="string"><text:p>1.1</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Er is een FG.</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Ja</text:p></table:table-cell></table:table-row><table:table-row><table:table-cell office:value-type="float" office:value="2"><text:p>2</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Er is beleid.</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>Deels</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"#;
    let mut out = Vec::new();
    {
        let mut zip = zip::ZipWriter::new(Cursor::new(&mut out));
        let stored = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        zip.start_file("mimetype", stored).expect("mimetype");
        zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
            .expect("mimetype");
        zip.start_file("content.xml", zip::write::SimpleFileOptions::default())
            .expect("content");
        zip.write_all(content.as_bytes()).expect("content");
        zip.start_file(
            "META-INF/manifest.xml",
            zip::write::SimpleFileOptions::default(),
        )
        .expect("manifest");
        zip.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#)
            .expect("manifest");
        zip.finish().expect("zip");
    }
    out
}

/// A password-protected workbook as Excel stores it: a compound file with an
/// `EncryptedPackage` stream.
pub fn encrypted() -> Vec<u8> {
    let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).expect("cfb");
    file.create_stream("/EncryptionInfo")
        .and_then(|mut s| s.write_all(&[4, 0, 4, 0, 0x40, 0, 0, 0]))
        .expect("info");
    file.create_stream("/EncryptedPackage")
        .and_then(|mut s| s.write_all(&[0u8; 5000]))
        .expect("package");
    file.flush().expect("flush");
    file.into_inner().into_inner()
}

/// The seeds, by file name.
pub fn seeds() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("export-klein.xlsx", real_export(5)),
        ("export-vol.xlsx", real_export(usize::MAX)),
        ("eigen-werkmap.xlsx", plain_workbook()),
        ("criteria.ods", ods()),
        ("wachtwoord.xlsx", encrypted()),
        (
            "csv-als-xlsx.xlsx",
            "Nr;Criterium;Status\n1.1;Er is een FG;Ja\n"
                .as_bytes()
                .to_vec(),
        ),
    ]
}

fn repo_dir(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(relative)
}

/// A plan, or a refusal in Dutch; never another error and never a panic.
fn assert_plan_or_refusal(name: &str, bytes: &[u8]) {
    match analyse_bytes(name, bytes, &ImportOptions::new(NOW.date())) {
        Ok(_) => {}
        Err(err) => assert!(
            err.to_string()
                .starts_with("Dit bestand kan niet worden ingelezen:"),
            "{name}: {err:?}"
        ),
    }
}

#[test]
fn the_fuzz_seeds_and_every_input_that_ever_crashed_the_fuzzer_are_handled() {
    let seeds = seeds();
    if let Ok(dir) = std::env::var("FUZZ_SEEDS_DIR") {
        std::fs::create_dir_all(&dir).unwrap();
        for (name, bytes) in &seeds {
            std::fs::write(Path::new(&dir).join(name), bytes).unwrap();
        }
    }
    for (name, bytes) in &seeds {
        assert_plan_or_refusal(name, bytes);
    }
    let own = analyse_bytes("export.xlsx", &seeds[1].1, &ImportOptions::new(NOW.date())).unwrap();
    assert!(own.own_export && own.blocking() == 0, "{:?}", own.findings);
    let ods = analyse_bytes("criteria.ods", &seeds[3].1, &ImportOptions::new(NOW.date())).unwrap();
    assert_eq!(ods.catalog.criteria().count(), 2);

    let regressions = repo_dir("fuzz/regressions/import");
    let mut replayed = 0;
    let entries = std::fs::read_dir(&regressions)
        .unwrap_or_else(|err| panic!("cannot read {}: {err}", regressions.display()));
    for entry in entries {
        let path = entry.unwrap().path();
        if path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        assert_plan_or_refusal(&path.display().to_string(), &bytes);
        replayed += 1;
    }
    // A moved or emptied folder would otherwise make this test pass without replaying anything.
    assert!(
        replayed > 0,
        "no fuzzer finding was replayed: {} holds no input",
        regressions.display()
    );
    println!(
        "{} seeds and {replayed} fuzzer findings replayed",
        seeds.len()
    );
}
