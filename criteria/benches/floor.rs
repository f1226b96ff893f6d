//! Our import and export next to the floor (a bare calamine read, a bare rust_xlsxwriter write of
//! the same cells), and the latency of one durable answer change.
//!
//! Run: `cargo bench -p criteria --bench floor` (release build). Prints medians and ratios.
//! `FLOOR_QUICK=1` runs each case once (the smoke run in the tests). `FLOOR_PROFILE=import` or
//! `=export` only repeats ours at 50,000 rows, for `perf record` (see docs/benchmarks.md).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use criteria::export::{ExportParams, workbook_bytes};
use criteria::import::{ImportOptions, analyse};
use criteria::{ChangeContext, Status, Store};
use time::OffsetDateTime;

/// A fixed moment: the benchmarks measure work, not the clock.
const BENCH_MOMENT: OffsetDateTime = time::macros::datetime!(2026-11-30 10:00 UTC);

fn main() {
    let quick = std::env::var_os("FLOOR_QUICK").is_some();
    let dir = std::env::temp_dir().join(format!("avg-borging-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("bench folder");
    if let Ok(case) = std::env::var("FLOOR_PROFILE") {
        profile(&dir, &case);
        let _ = std::fs::remove_dir_all(&dir);
        return;
    }
    println!("machine: {}", machine());
    println!(
        "{:<28} {:>12} {:>12} {:>8}",
        "case", "ours (ms)", "floor (ms)", "ratio"
    );
    // First: the first report of the process includes parsing the embedded fonts.
    report_times(&dir, quick);
    if std::env::var("FLOOR_ONLY").as_deref() == Ok("report") {
        let _ = std::fs::remove_dir_all(&dir);
        return;
    }
    example_round_trip(&dir, if quick { 1 } else { 30 });
    for rows in [300usize, 50_000] {
        let path = dir.join(format!("criteria-{rows}.xlsx"));
        write_fixture(&path, rows);
        let runs = if quick {
            1
        } else if rows > 1000 {
            5
        } else {
            30
        };

        let floor = median(runs, || bare_calamine_read(&path));
        let mut run = 0;
        let ours = median(runs, || {
            // A fresh database file each run: the import includes its durable commit.
            run += 1;
            let db = dir.join(format!("import-{rows}-{run}.sqlite3"));
            assert_eq!(import_into(&path, &db), rows);
        });
        report(&format!("import {rows} rows"), ours, floor);
        // A second floor for the whole import: the bare read plus a bare SQLite write of the
        // same rows (one table, one transaction, durable commit), without any of our checks.
        let cells = cells_of_file(&path);
        let mut run = 0;
        let sqlite = median(runs, || {
            run += 1;
            bare_sqlite_write(&dir.join(format!("bare-{rows}-{run}.sqlite3")), &cells);
        });
        report("  vs read + bare SQLite", ours, floor + sqlite);
        let read_only = median(runs, || {
            let options = ImportOptions::new(BENCH_MOMENT.date());
            analyse(&path, &options).expect("import analyses");
        });
        report("  of which read+detect", read_only, floor);

        let view = imported_view(&path);
        let params = export_params(&view);
        // The floor writes exactly the cells of our export (read back from it): every sheet,
        // text, numbers and formulas with their cached results, without formats, widths,
        // validation, chart, print setup or properties.
        let sheets = cells_of_export(&workbook_bytes(&params).expect("export"));
        let floor = median(runs, || bare_xlsxwriter_write(&sheets));
        let ours = median(runs, || {
            workbook_bytes(&params).expect("export");
        });
        report(&format!("export {rows} rows"), ours, floor);

        let overview = median(runs, || {
            let o = criteria::Overview::of(&view);
            assert_eq!(o.total.criteria as usize, rows);
        });
        let mut later = view.clone();
        for (i, c) in later
            .themes
            .iter_mut()
            .flat_map(|t| t.criteria.iter_mut())
            .enumerate()
        {
            if i % 7 == 0 {
                c.answer = Some(criteria::AnswerInput {
                    status: Some(Status::Implemented),
                    ..Default::default()
                });
            }
        }
        let comparison = median(runs, || {
            let c = criteria::Comparison::of(&view, &later);
            assert!(!c.changes.is_empty());
        });
        println!(
            "{:<28} {:>12.2}\n{:<28} {:>12.2}",
            format!("overview {rows} criteria"),
            overview.as_secs_f64() * 1e3,
            format!("comparison {rows} criteria"),
            comparison.as_secs_f64() * 1e3
        );
    }
    answer_latency(&dir, if quick { 20 } else { 1000 });
    let _ = std::fs::remove_dir_all(&dir);
}

/// Ours alone, ten times at 50,000 rows, so that a profiler sees little else.
fn profile(dir: &Path, case: &str) {
    let path = dir.join("profile.xlsx");
    write_fixture(&path, 50_000);
    let view = imported_view(&path);
    for run in 0..10 {
        match case {
            "import" => {
                import_into(&path, &dir.join(format!("p-{run}.sqlite3")));
            }
            "export" => {
                workbook_bytes(&export_params(&view)).expect("export");
            }
            other => panic!("FLOOR_PROFILE is import or export, not {other}"),
        }
    }
}

/// Our import of the workbook at `path` into a new database file `db`, with its durable
/// commit; returns the number of criteria.
fn import_into(path: &Path, db: &Path) -> usize {
    let mut store = Store::open(db).expect("store");
    let options = ImportOptions::new(BENCH_MOMENT.date());
    let plan = analyse(path, &options).expect("import analyses");
    store
        .import_catalog(
            store
                .current_assessment()
                .expect("the current round is read"),
            &plan.catalog,
            &ctx(),
        )
        .expect("import stores");
    plan.catalog.criteria().count()
}

/// The workbook at `path` imported into an in-memory store, as the screens show it.
fn imported_view(path: &Path) -> criteria::AssessmentView {
    let mut store = Store::open_in_memory().expect("store");
    let options = ImportOptions::new(BENCH_MOMENT.date());
    let plan = analyse(path, &options).expect("import");
    store
        .import_catalog(
            store
                .current_assessment()
                .expect("the current round is read"),
            &plan.catalog,
            &ctx(),
        )
        .expect("store");
    store.open_current(BENCH_MOMENT).expect("view")
}

fn export_params(view: &criteria::AssessmentView) -> ExportParams<'_> {
    ExportParams {
        view,
        exported_at: BENCH_MOMENT,
        program: "bench",
    }
}

/// The example catalog's own workbook (an export of the example round with some answers): our
/// import of it next to the bare read.
fn example_round_trip(dir: &Path, runs: usize) {
    let mut store = Store::open_in_memory().expect("store");
    store.ensure_started(BENCH_MOMENT).expect("example");
    for code in ["1.1", "1.2", "2.1", "3.1"] {
        store
            .set_status(
                store.current_round().expect("a round"),
                code,
                Status::Partial,
                Some("loopt"),
                &ctx(),
            )
            .expect("answer");
    }
    let view = store.open_current(BENCH_MOMENT).expect("view");
    let bytes = workbook_bytes(&export_params(&view)).expect("export");
    let path = dir.join("voorbeeld.xlsx");
    std::fs::write(&path, bytes).expect("example workbook");
    let floor = median(runs, || bare_calamine_read(&path));
    let mut run = 0;
    let ours = median(runs, || {
        run += 1;
        import_into(&path, &dir.join(format!("example-{run}.sqlite3")));
    });
    report("import example (68)", ours, floor);
}

fn ctx() -> ChangeContext {
    ChangeContext {
        at: BENCH_MOMENT,
        by: "bench".into(),
    }
}

fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|s| s.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    format!("{cpu}, {cores} cores")
}

fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs.max(1))
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

fn report(case: &str, ours: Duration, floor: Duration) {
    println!(
        "{case:<28} {:>12.2} {:>12.2} {:>8.2}",
        ours.as_secs_f64() * 1e3,
        floor.as_secs_f64() * 1e3,
        ours.as_secs_f64() / floor.as_secs_f64()
    );
}

/// A plain criteria sheet: a title row, a header row, theme rows every 20 criteria.
fn write_fixture(path: &Path, rows: usize) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Criteria").expect("name");
    sheet
        .write_string(0, 0, "Criteria borging AVG — benchmark")
        .expect("title");
    for (col, header) in ["Nr", "Thema", "Criterium", "Toelichting", "Bron", "Status"]
        .iter()
        .enumerate()
    {
        sheet.write_string(2, col as u16, *header).expect("header");
    }
    let statuses = ["Geïmplementeerd", "Gedeeltelijk", "Nee", "N.v.t.", ""];
    for i in 0..rows {
        let row = 3 + i as u32;
        let theme = i / 20 + 1;
        let cells = [
            format!("{theme}.{}", i % 20 + 1),
            format!("Thema {theme}"),
            format!("De gemeente borgt maatregel {i} aantoonbaar in haar processen."),
            format!("Toelichting bij criterium {i}: waarom en welk bewijs."),
            format!("AVG art. {}", 5 + i % 40),
            statuses[i % statuses.len()].to_owned(),
        ];
        for (col, text) in cells.iter().enumerate() {
            sheet.write_string(row, col as u16, text).expect("cell");
        }
    }
    book.save(path).expect("fixture saved");
}

/// The rows of the fixture as text, for the bare SQLite floor.
fn cells_of_file(path: &Path) -> Vec<Vec<String>> {
    use calamine::{Reader, Xlsx, open_workbook};
    let mut book: Xlsx<_> = open_workbook(path).expect("open");
    let range = book.worksheet_range("Criteria").expect("sheet");
    range
        .rows()
        .skip(3)
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect()
}

/// Every row into one plain table of a new database file in one transaction (WAL,
/// synchronous=FULL, as ours), and for rows with a status a second row, as our answers have.
fn bare_sqlite_write(db: &Path, rows: &[Vec<String>]) {
    let mut conn = rusqlite::Connection::open(db).expect("db");
    conn.pragma_update(None, "journal_mode", "wal")
        .expect("wal");
    conn.pragma_update(None, "synchronous", "FULL")
        .expect("sync");
    conn.execute_batch(
        "CREATE TABLE c (code TEXT, theme TEXT, text TEXT, explanation TEXT, basis TEXT);
         CREATE TABLE a (code TEXT, status TEXT);",
    )
    .expect("schema");
    let tx = conn.transaction().expect("tx");
    {
        let mut c = tx
            .prepare("INSERT INTO c VALUES (?1, ?2, ?3, ?4, ?5)")
            .expect("stmt");
        let mut a = tx.prepare("INSERT INTO a VALUES (?1, ?2)").expect("stmt");
        for row in rows {
            let get = |i: usize| row.get(i).map(String::as_str).unwrap_or("");
            c.execute([get(0), get(1), get(2), get(3), get(4)])
                .expect("row");
            if !get(5).is_empty() {
                a.execute([get(0), get(5)]).expect("answer");
            }
        }
    }
    tx.commit().expect("commit");
}

fn bare_calamine_read(path: &Path) {
    use calamine::{DataType, Xlsx, open_workbook};
    let mut book: Xlsx<_> = open_workbook(path).expect("open");
    let mut cells = book.worksheet_cells_reader("Criteria").expect("sheet");
    let mut n = 0usize;
    while let Some(cell) = cells.next_cell().expect("cell") {
        n += usize::from(!cell.get_value().is_empty());
    }
    assert!(n > 0);
}

/// One cell of an exported workbook as read back by calamine.
enum Cell {
    Text(String),
    Number(f64),
    Bool(bool),
    /// A formula and its cached result (written by ours, so the floor writes it too).
    Formula(String, String),
}

/// A sheet's name and its non-empty cells (row, column, content).
type SheetCells = (String, Vec<(u32, u16, Cell)>);

/// Every non-empty cell of every sheet of `bytes`, by sheet, with absolute positions.
fn cells_of_export(bytes: &[u8]) -> Vec<SheetCells> {
    use calamine::{Data, Reader, Xlsx};
    use std::collections::HashMap;
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).expect("read back");
    let names = book.sheet_names();
    names
        .into_iter()
        .map(|name| {
            let values = book.worksheet_range(&name).expect("values");
            let formulas = book.worksheet_formula(&name).expect("formulas");
            let mut by_position: HashMap<(u32, u32), String> = HashMap::new();
            let (fr, fc) = formulas.start().unwrap_or((0, 0));
            for (r, c, f) in formulas.used_cells() {
                if !f.is_empty() {
                    by_position.insert((fr + r as u32, fc + c as u32), f.clone());
                }
            }
            let (vr, vc) = values.start().unwrap_or((0, 0));
            let mut cells = Vec::new();
            for (r, c, value) in values.used_cells() {
                let at = (vr + r as u32, vc + c as u32);
                let cell = match (by_position.remove(&at), value) {
                    (Some(f), v) => Cell::Formula(f, v.to_string()),
                    (None, Data::String(s)) => Cell::Text(s.clone()),
                    (None, Data::Float(x)) => Cell::Number(*x),
                    (None, Data::Int(x)) => Cell::Number(*x as f64),
                    (None, Data::Bool(b)) => Cell::Bool(*b),
                    (None, other) => Cell::Text(other.to_string()),
                };
                cells.push((at.0, at.1 as u16, cell));
            }
            for ((r, c), f) in by_position {
                cells.push((r, c as u16, Cell::Formula(f, String::new())));
            }
            (name, cells)
        })
        .collect()
}

fn bare_xlsxwriter_write(sheets: &[SheetCells]) {
    let mut book = rust_xlsxwriter::Workbook::new();
    for (name, cells) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(name).expect("name");
        for (r, c, cell) in cells {
            match cell {
                Cell::Text(s) => sheet.write_string(*r, *c, s),
                Cell::Number(x) => sheet.write_number(*r, *c, *x),
                Cell::Bool(b) => sheet.write_boolean(*r, *c, *b),
                Cell::Formula(f, result) => sheet.write_formula(
                    *r,
                    *c,
                    rust_xlsxwriter::Formula::new(format!("={f}")).set_result(result),
                ),
            }
            .expect("cell");
        }
    }
    let bytes = book.save_to_buffer().expect("save");
    assert!(!bytes.is_empty());
}

/// Median and p99 of one status change committed to a database file (WAL, synchronous=FULL).
fn answer_latency(dir: &Path, changes: usize) {
    let path: PathBuf = dir.join("latency.sqlite3");
    let mut store = Store::open(&path).expect("store");
    store.ensure_started(BENCH_MOMENT).expect("start");
    let codes = ["1.1", "1.2", "2.1", "2.2"];
    let statuses = [Status::Implemented, Status::Partial, Status::Open];
    let mut times: Vec<Duration> = (0..changes)
        .map(|i| {
            let start = Instant::now();
            store
                .set_status(
                    store.current_round().expect("a round"),
                    codes[i % codes.len()],
                    statuses[i % statuses.len()],
                    None,
                    &ctx(),
                )
                .expect("change");
            start.elapsed()
        })
        .collect();
    times.sort();
    let at = |q: f64| times[((times.len() as f64 - 1.0) * q) as usize].as_secs_f64() * 1e3;
    println!(
        "answer change ({changes}x): median {:.3} ms, p99 {:.3} ms",
        at(0.5),
        at(0.99)
    );
}

/// The report (Verantwoording, the fullest document) of a 300- and a 5,000-criteria round, as
/// PDF and as Word, next to our Excel export of the same round. The very first PDF of the process
/// includes loading the fonts; it is reported on its own.
fn report_times(dir: &Path, quick: bool) {
    use criteria::report::{DocumentKind, Report, ReportFormat, ReportInput};
    for rows in [300usize, 5_000] {
        let path = dir.join(format!("report-{rows}.xlsx"));
        write_fixture(&path, rows);
        let mut view = imported_view(&path);
        let statuses = [
            Status::Implemented,
            Status::Partial,
            Status::Open,
            Status::NotApplicable,
        ];
        for (i, c) in view
            .themes
            .iter_mut()
            .flat_map(|t| t.criteria.iter_mut())
            .enumerate()
        {
            if i % 5 < 4 {
                c.answer = Some(criteria::AnswerInput {
                    status: Some(statuses[i % 5]),
                    owner: "Afdeling Informatievoorziening".into(),
                    action: "Werkinstructie opstellen en laten vaststellen".into(),
                    deadline: Some("2027-06-30".into()),
                    justification: "Geen eigen verwerking".into(),
                    ..Default::default()
                });
            }
        }
        let input = ReportInput {
            view: &view,
            earlier: None,
            document: DocumentKind::Accountability,
            public: false,
            printed_on: BENCH_MOMENT.date(),
        };
        let render = |format| {
            Report::of(&input).render(format).expect("report");
        };
        if rows == 300 {
            let start = Instant::now();
            render(ReportFormat::Pdf);
            println!(
                "{:<28} {:>12.2}",
                "report pdf 300, first (fonts)",
                start.elapsed().as_secs_f64() * 1e3
            );
        }
        let runs = if quick {
            1
        } else if rows > 1000 {
            3
        } else {
            10
        };
        let params = export_params(&view);
        let export = median(runs, || {
            workbook_bytes(&params).expect("export");
        });
        let pdf = median(runs, || render(ReportFormat::Pdf));
        report(&format!("report pdf {rows} vs export"), pdf, export);
        let docx = median(runs, || render(ReportFormat::Docx));
        report(&format!("report docx {rows} vs export"), docx, export);
    }
}
