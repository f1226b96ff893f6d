//! The command-line contract, run against the real binary: exit codes, output, and the database.

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

use criteria::{ChangeContext, DatabaseLock, LOCK_WAIT, Opener, Status, Store};

fn avg_borging(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_avg-borging"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("AVG_BORGING_DB")
        .run()
}

/// Runs a program of the test and waits for it, or starts it. Under Wine a process start now
/// and then fails with ERROR_INTERNAL_ERROR (1359) while the machine is busy (seen once in six
/// CI runs, in a test that had passed the five times before): that is Wine's, not the program's,
/// so the start is tried again, at most three times. On Linux and for any other error: one try.
trait Run {
    fn run(&mut self) -> Output;
    fn start(&mut self) -> std::process::Child;
}

impl Run for Command {
    fn run(&mut self) -> Output {
        retried(|| self.output())
    }

    fn start(&mut self) -> std::process::Child {
        retried(|| self.spawn())
    }
}

fn retried<T>(mut start: impl FnMut() -> std::io::Result<T>) -> T {
    let mut tries = 1;
    loop {
        match start() {
            Ok(done) => return done,
            Err(err) if cfg!(windows) && err.raw_os_error() == Some(1359) && tries < 3 => {
                tries += 1;
                std::thread::sleep(Duration::from_millis(500));
            }
            Err(err) => panic!("the program could not be started: {err}"),
        }
    }
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A small criteria workbook with a title block, theme rows and prefilled statuses.
fn criteria_workbook(path: &Path) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Criteria").expect("name");
    let rows: &[&[&str]] = &[
        &["Criteria borging AVG"],
        &[],
        &["Nr", "Criterium", "AVG-artikel", "Status"],
        &["Governance"],
        &["1.1", "Er is een FG aangewezen", "art. 37", "Ja"],
        &[
            "1.2",
            "De FG rapporteert aan het college",
            "art. 38",
            "Deels",
        ],
        &["Register"],
        &["2.1", "Er is een verwerkingsregister", "art. 30", ""],
    ];
    for (r, cells) in rows.iter().enumerate() {
        for (c, text) in cells.iter().enumerate() {
            sheet.write_string(r as u32, c as u16, *text).expect("cell");
        }
    }
    book.save(path).expect("fixture");
}

#[test]
fn import_set_overview_and_export_follow_the_contract() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data.sqlite3");
    let file = dir.path().join("criteria.xlsx");
    criteria_workbook(&file);

    let dry = avg_borging(&db, &["import", file.to_str().unwrap(), "--dry-run"]);
    assert!(dry.status.success(), "{}", stderr(&dry));
    assert!(
        stdout(&dry).contains("3 criteria in 2 thema's"),
        "{}",
        stdout(&dry)
    );
    let after_dry = avg_borging(&db, &["overview", "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&after_dry.stdout).unwrap();
    assert_ne!(
        json["catalog"]["name"], "Criteria borging AVG",
        "a dry run imports nothing"
    );

    let import = avg_borging(&db, &["import", file.to_str().unwrap()]);
    assert!(import.status.success(), "{}", stderr(&import));

    let set = avg_borging(&db, &["set", "2.1", "aandacht", "--note", "=nog doen"]);
    assert!(set.status.success(), "{}", stderr(&set));

    let overview = avg_borging(&db, &["overview", "--json"]);
    assert!(overview.status.success());
    let json: serde_json::Value = serde_json::from_slice(&overview.stdout).unwrap();
    // Named by the title above the header, not by the file name.
    assert_eq!(json["catalog"]["name"], "Criteria borging AVG");
    assert_eq!(json["themes"][0]["theme"], "Governance");
    assert_eq!(json["themes"][0]["criteria"], 2);
    assert_eq!(json["themes"][0]["implemented"], 1);
    assert_eq!(json["themes"][0]["partial"], 1);
    assert_eq!(json["themes"][1]["open"], 1);
    assert_eq!(json["total"]["criteria"], 3);
    assert_eq!(json["total"]["unanswered"], 0);
    assert_eq!(json["total"]["not_applicable"], 0);

    let out = dir.path().join("export.xlsx");
    let export = avg_borging(&db, &["export", out.to_str().unwrap()]);
    assert!(export.status.success(), "{}", stderr(&export));
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let mut book: Xlsx<_> = open_workbook(&out).unwrap();
    let sheet = book.worksheet_range("Criteria").unwrap();
    let row = sheet
        .rows()
        .find(|r| r.first() == Some(&Data::String("2.1".into())))
        .expect("row 2.1");
    assert!(row.contains(&Data::String("Vraagt aandacht".into())));
    assert!(
        row.contains(&Data::String("=nog doen".into())),
        "the note stays text"
    );
}

#[test]
fn refusals_exit_with_2_and_a_dutch_reason() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data.sqlite3");
    let fake = dir.path().join("lijst.xlsx");
    std::fs::write(&fake, "Nr;Criterium\n1.1;Iets\n").unwrap();
    let refused = avg_borging(&db, &["import", fake.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stderr(&refused).contains("niet worden ingelezen"),
        "{}",
        stderr(&refused)
    );

    let unknown = avg_borging(&db, &["set", "1.1", "misschien"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("Onbekende status"));

    let na = avg_borging(&db, &["set", "1.1", "nvt"]);
    assert_eq!(na.status.code(), Some(2));
    assert!(stderr(&na).contains("onderbouwing"));

    // Not a refusal of the input but a failure to write: exit 1.
    let into_folder = avg_borging(&db, &["export", dir.path().to_str().unwrap()]);
    assert_eq!(into_folder.status.code(), Some(1));
    assert!(stderr(&into_folder).contains("niet worden opgeslagen"));
}

/// The console program `avg-borging-cli` (for Windows, where the window program has no console)
/// runs the same command line: same output, same exit codes; without a subcommand it refuses
/// instead of opening a window.
#[test]
fn the_console_program_keeps_the_same_contract() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data.sqlite3");
    let file = dir.path().join("criteria.xlsx");
    criteria_workbook(&file);
    let cli = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_avg-borging-cli"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .env_remove("AVG_BORGING_DB")
            .run()
    };

    let import = cli(&["import", file.to_str().unwrap()]);
    assert!(import.status.success(), "{}", stderr(&import));
    let overview = cli(&["overview", "--json"]);
    assert!(overview.status.success(), "{}", stderr(&overview));
    let json: serde_json::Value = serde_json::from_slice(&overview.stdout).unwrap();
    assert_eq!(json["catalog"]["name"], "Criteria borging AVG");
    let same = avg_borging(&db, &["overview", "--json"]);
    assert_eq!(same.stdout, overview.stdout, "both programs print the same");

    let unknown = cli(&["set", "1.1", "misschien"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).contains("Onbekende status"));

    let nothing = Command::new(env!("CARGO_BIN_EXE_avg-borging-cli")).run();
    assert_eq!(nothing.status.code(), Some(2));
    assert!(stderr(&nothing).contains("Geef een opdracht"));

    // Its help names the program the user typed, and offers no window.
    let help = Command::new(env!("CARGO_BIN_EXE_avg-borging-cli"))
        .arg("--help")
        .run();
    assert!(help.status.success());
    assert!(stdout(&help).contains("avg-borging-cli [OPTIES] overview [--json]"));
    assert!(!stdout(&help).contains("start het venster"));
}

#[test]
fn help_prints_the_usage_and_succeeds() {
    let out = Command::new(env!("CARGO_BIN_EXE_avg-borging"))
        .arg("--help")
        .run();
    assert!(out.status.success());
    assert!(stdout(&out).contains("overview [--json]"));
}

#[test]
fn each_subcommand_explains_itself_in_dutch() {
    for args in [
        vec!["set", "--help"],
        vec!["help", "set"],
        vec!["set", "-h"],
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_avg-borging"))
            .args(&args)
            .run();
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        let text = stdout(&out);
        assert!(
            text.contains("Gebruik:\n  avg-borging [OPTIES] set NUMMER STATUS [--note TEKST]")
                && text.contains("Argumenten:")
                && text.contains("--round <NAAM>"),
            "{args:?}: {text}"
        );
        assert!(
            !text.contains("Usage") && !text.contains("Options"),
            "{text}"
        );
    }
}

#[test]
fn the_options_may_follow_the_subcommand() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data.sqlite3");
    let set = Command::new(env!("CARGO_BIN_EXE_avg-borging"))
        .args(["set", "1.1", "aandacht", "--db"])
        .arg(&db)
        .env_remove("AVG_BORGING_DB")
        .run();
    assert!(set.status.success(), "{}", stderr(&set));
    assert!(db.exists(), "--db after the subcommand is used");
    for name in ["A", "B"] {
        let new = avg_borging(&db, &["new-round", name]);
        assert!(new.status.success(), "{}", stderr(&new));
    }
    let set = avg_borging(&db, &["set", "1.2", "aandacht", "--round", "A"]);
    assert!(set.status.success(), "{}", stderr(&set));
    let open = |args: &[&str]| {
        let out = avg_borging(&db, args);
        assert!(out.status.success(), "{}", stderr(&out));
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        json["total"]["open"].as_u64().unwrap()
    };
    assert_eq!(open(&["overview", "--json", "--round", "A"]), 1);
    assert_eq!(open(&["overview", "--json"]), 0, "B, the open round");
}

#[test]
fn wrong_values_are_refused_in_dutch_before_anything_is_done() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data.sqlite3");
    let date = avg_borging(&db, &["new-round", "2027", "--date", "2027-02-30"]);
    assert_eq!(date.status.code(), Some(2));
    assert!(
        stderr(&date).contains("De datum \u{201c}2027-02-30\u{201d} bestaat niet")
            && stderr(&date).contains("Gebruik:"),
        "{}",
        stderr(&date)
    );
    assert!(!db.exists(), "refused before the database was opened");
    for (args, reason) in [
        (vec!["set", "1.1", "klaar"], "Onbekende status \"klaar\""),
        (vec!["seal", "2026", "--by"], "Na --by hoort een waarde."),
        (vec!["overview", "--tabel"], "Onbekende optie --tabel."),
        (vec!["verwijder"], "Onbekende opdracht: verwijder."),
        (vec!["export"], "Geef ook op: BESTAND."),
    ] {
        let out = avg_borging(&db, &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&out).starts_with(reason),
            "{args:?}: {}",
            stderr(&out)
        );
    }
}

#[test]
fn the_database_can_be_chosen_with_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("elders.sqlite3");
    let out = Command::new(env!("CARGO_BIN_EXE_avg-borging"))
        .args(["overview", "--json"])
        .env("AVG_BORGING_DB", &db)
        .run();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        db.exists(),
        "the database was created where AVG_BORGING_DB points"
    );
}

#[test]
fn rounds_are_created_compared_and_sealed_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data.sqlite3");
    for (code, status) in [("1.1", "gedeeltelijk"), ("1.2", "geimplementeerd")] {
        let set = avg_borging(&db, &["--round", "2026", "set", code, status]);
        assert!(set.status.success(), "{}", stderr(&set));
    }
    let new = avg_borging(
        &db,
        &[
            "new-round",
            "2027",
            "--from",
            "2026",
            "--date",
            "2027-01-01",
        ],
    );
    assert!(new.status.success(), "{}", stderr(&new));
    assert!(
        stdout(&new).contains("antwoorden overgenomen"),
        "{}",
        stdout(&new)
    );
    // Without --round, the new (open) round is meant.
    let set = avg_borging(&db, &["set", "1.1", "geimplementeerd"]);
    assert!(set.status.success(), "{}", stderr(&set));
    let set = avg_borging(&db, &["set", "1.2", "aandacht"]);
    assert!(set.status.success(), "{}", stderr(&set));

    // Naming a round on the command line does not change the round the window opens.
    let workbook = dir.path().join("criteria.xlsx");
    criteria_workbook(&workbook);
    for args in [
        vec!["--round", "2026", "set", "1.1", "gedeeltelijk"],
        vec![
            "--round",
            "2026",
            "import",
            workbook.to_str().unwrap(),
            "--dry-run",
        ],
        vec!["--round", "2026", "overview"],
    ] {
        let out = avg_borging(&db, &args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    }
    let listed = avg_borging(&db, &["rounds"]);
    let open: Vec<String> = stdout(&listed)
        .lines()
        .filter(|l| l.trim_start().starts_with('*'))
        .map(str::to_owned)
        .collect();
    assert!(
        open.len() == 1 && open[0].contains("2027"),
        "still 2027: {open:?}"
    );

    let listed = avg_borging(&db, &["rounds"]);
    assert!(listed.status.success());
    let text = stdout(&listed);
    assert!(text.contains("Mijn organisatie"), "{text}");
    assert!(
        text.contains("2027") && text.contains("2027-01-01"),
        "{text}"
    );

    let compared = avg_borging(&db, &["compare", "2026", "2027", "--json"]);
    assert!(compared.status.success(), "{}", stderr(&compared));
    let json: serde_json::Value = serde_json::from_str(&stdout(&compared)).unwrap();
    let changes: Vec<(String, String, String)> = json["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["code"].as_str().unwrap().to_owned(),
                c["from"].as_str().unwrap_or("").to_owned(),
                c["to"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect();
    assert_eq!(
        changes,
        [
            ("1.1".into(), "partial".into(), "implemented".into()),
            ("1.2".into(), "implemented".into(), "open".into())
        ]
    );
    assert_eq!(json["themes"][0]["from"]["implemented"], 1);
    assert_eq!(json["themes"][0]["to"]["implemented"], 1);

    let sealed = avg_borging(&db, &["seal", "2026", "--by", "College van B&W"]);
    assert!(sealed.status.success(), "{}", stderr(&sealed));
    let fingerprint = stdout(&sealed).trim().to_owned();
    assert_eq!(fingerprint.len(), 64, "{fingerprint}");
    assert!(fingerprint.chars().all(|c| c.is_ascii_hexdigit()));

    let refused = avg_borging(&db, &["--round", "2026", "set", "1.1", "aandacht"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stderr(&refused).contains("vastgesteld"),
        "{}",
        stderr(&refused)
    );
    // The open round 2027 is still editable.
    let set = avg_borging(&db, &["set", "1.3", "aandacht"]);
    assert!(set.status.success(), "{}", stderr(&set));

    // Importing our own export of the sealed round back into it is refused too.
    let export = dir.path().join("2026.xlsx");
    let exported = avg_borging(
        &db,
        &["--round", "2026", "export", export.to_str().unwrap()],
    );
    assert!(exported.status.success(), "{}", stderr(&exported));
    let import = avg_borging(
        &db,
        &["--round", "2026", "import", export.to_str().unwrap()],
    );
    assert_eq!(import.status.code(), Some(2), "{}", stdout(&import));
    assert!(
        stderr(&import).contains("vastgesteld"),
        "{}",
        stderr(&import)
    );

    let unknown = avg_borging(&db, &["--organisation", "Gemeente Nergens", "overview"]);
    assert_eq!(unknown.status.code(), Some(2));
}

#[test]
fn an_export_over_the_database_itself_is_refused_and_the_data_kept() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data.sqlite3");
    let set = avg_borging(&db, &["set", "1.1", "geimplementeerd"]);
    assert!(set.status.success(), "{}", stderr(&set));
    let refused = avg_borging(&db, &["export", db.to_str().unwrap()]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stderr(&refused).contains("niet overschrijven"),
        "{}",
        stderr(&refused)
    );
    let overview = avg_borging(&db, &["overview", "--json"]);
    assert!(
        overview.status.success(),
        "the database still opens: {}",
        stderr(&overview)
    );
    let json: serde_json::Value = serde_json::from_str(&stdout(&overview)).unwrap();
    assert_eq!(json["total"]["implemented"], 1);
}

#[test]
fn the_command_line_waits_for_another_run_and_is_refused_while_the_window_is_open() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data.sqlite3");
    let first = avg_borging(&db, &["set", "1.1", "gedeeltelijk"]);
    assert!(first.status.success(), "{}", stderr(&first));

    // Another command-line run (here: this test) holds the writer lock for a while.
    let run = DatabaseLock::acquire(&db, Opener::CommandLine, LOCK_WAIT).unwrap();
    let release = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(1500));
        drop(run);
    });
    let started = Instant::now();
    let waited = avg_borging(&db, &["set", "1.2", "aandacht"]);
    release.join().unwrap();
    assert!(waited.status.success(), "{}", stderr(&waited));
    assert!(
        started.elapsed() >= Duration::from_millis(1400),
        "it waited"
    );

    // The window is open: a write is refused at once with the reason, exit 1, nothing changed;
    // a read still works.
    let window = DatabaseLock::acquire(&db, Opener::Window, LOCK_WAIT).unwrap();
    let early = avg_borging(&db, &["overview"]);
    // SQLite's Unix VFS cannot read a WAL file read-only before any connection made its -shm:
    // refused with the reason. Windows' VFS then builds the index in private memory and reads
    // the file as last committed, which is safe there (its locks are per handle, so issue 13's
    // dropped locks cannot happen).
    #[cfg(unix)]
    {
        assert_eq!(
            early.status.code(),
            Some(1),
            "the window has not opened the file yet"
        );
        assert!(stderr(&early).contains("het venster van AVG-borging"));
    }
    #[cfg(not(unix))]
    assert!(early.status.success(), "{}", stderr(&early));
    let store = Store::open_held(&db, &window).unwrap();
    let _ = store.current_assessment().unwrap();
    let started = Instant::now();
    let refused = avg_borging(&db, &["set", "1.3", "aandacht"]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "refused at once"
    );
    assert!(
        stderr(&refused).contains(
            "het venster van AVG-borging heeft de gegevens open; sluit het of gebruik het venster"
        ),
        "{}",
        stderr(&refused)
    );
    let overview = avg_borging(&db, &["overview", "--json"]);
    assert!(overview.status.success(), "{}", stderr(&overview));
    drop(store);
    drop(window);
    let json: serde_json::Value = serde_json::from_str(&stdout(&overview)).unwrap();
    assert_eq!(json["total"]["partial"], 1);
    assert_eq!(json["total"]["open"], 1, "1.2 saved, 1.3 not");
}

/// The files of the database that exist, by identity (device, inode).
#[cfg(unix)]
fn database_files(db: &Path) -> Vec<(String, (u64, u64))> {
    use std::os::unix::fs::MetadataExt;
    ["", "-wal", "-shm"]
        .iter()
        .filter_map(|suffix| {
            let path = format!("{}{suffix}", db.display());
            let meta = std::fs::metadata(&path).ok()?;
            Some((path, (meta.dev(), meta.ino())))
        })
        .collect()
}

/// Files in `dir` this process holds open that have been deleted meanwhile.
#[cfg(unix)]
fn deleted_open_files(dir: &Path) -> Vec<String> {
    let dir = dir.display().to_string();
    std::fs::read_dir("/proc/self/fd")
        .expect("this process's descriptors")
        .flatten()
        .filter_map(|fd| std::fs::read_link(fd.path()).ok())
        .map(|target| target.display().to_string())
        .filter(|target| target.starts_with(&dir) && target.ends_with(" (deleted)"))
        .collect()
}

// The two tests of POSIX lock semantics are ignored elsewhere; these keep them compiling, so
// they are listed (as ignored, by name) in a Windows run instead of silently missing.
#[cfg(not(unix))]
fn database_files(_db: &Path) -> Vec<(String, (u64, u64))> {
    unreachable!("only the Unix-only tests use it")
}

#[cfg(not(unix))]
fn deleted_open_files(_dir: &Path) -> Vec<String> {
    unreachable!("only the Unix-only tests use it")
}

/// What GTK's file chooser does inside the window's process when it lists the database's folder
/// (or the user picks the database in the import dialog): open and close the files. Closing any
/// descriptor drops every POSIX lock the process holds on that file, SQLite's included.
fn stray_open_and_close(db: &Path) {
    for (path, _) in database_files(db) {
        drop(std::fs::File::open(&path).expect("the file opens"));
    }
}

fn ctx() -> ChangeContext {
    ChangeContext {
        at: time::macros::datetime!(2026-11-30 10:00 UTC),
        by: "fg".into(),
    }
}

fn statuses(store: &Store) -> Vec<(String, Option<Status>)> {
    let round = store.current_assessment().expect("read").expect("a round");
    store
        .assessment_view(round)
        .expect("the round's view")
        .themes
        .iter()
        .flat_map(|t| &t.criteria)
        .map(|c| (c.code.clone(), c.answer.as_ref().and_then(|a| a.status)))
        .collect()
}

/// Issue 13's reproduction on the real binary: the window's store is open, a stray close drops
/// its POSIX locks, and the command line runs. Writes are refused; reads (overview, export, dry
/// run, rounds) open read-only and never checkpoint, so the window's WAL is never deleted or
/// rewritten; every write the store acknowledged is there after a fresh open.
#[test]
#[cfg_attr(
    not(unix),
    ignore = "Unix only: POSIX locks dropped by a stray close (issue 13), device/inode, /proc"
)]
fn a_stray_close_in_the_windows_process_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("app.db");
    let workbook = dir.path().join("criteria.xlsx");
    criteria_workbook(&workbook);
    let export = dir.path().join("export.xlsx");
    let rounds = env_count("LOCK_ROUNDS", 10);

    let lock = DatabaseLock::acquire(&db, Opener::Window, LOCK_WAIT).unwrap();
    let mut store = Store::open_held(&db, &lock).unwrap();
    store.ensure_started(ctx().at).unwrap();
    let codes: Vec<String> = statuses(&store).into_iter().map(|(code, _)| code).collect();
    store
        .set_status(
            store.current_round().expect("a round"),
            &codes[0],
            Status::Implemented,
            None,
            &ctx(),
        )
        .unwrap();
    let files_before = database_files(&db);
    assert_eq!(files_before.len(), 3, "database, -wal and -shm exist");

    for round in 0..rounds {
        stray_open_and_close(&db);
        let set = avg_borging(&db, &["set", &codes[1], "gedeeltelijk"]);
        assert_eq!(
            set.status.code(),
            Some(1),
            "round {round}: {}",
            stderr(&set)
        );
        assert!(
            stderr(&set).contains("het venster van AVG-borging"),
            "{}",
            stderr(&set)
        );

        // The store writes after the stray close, and the readers see it.
        let code = &codes[2 + round % (codes.len() - 2)];
        let status = [Status::Open, Status::Partial, Status::Implemented][round % 3];
        store
            .set_status(
                store.current_round().expect("a round"),
                code,
                status,
                None,
                &ctx(),
            )
            .unwrap();
        let overview = avg_borging(&db, &["overview", "--json"]);
        assert!(overview.status.success(), "{}", stderr(&overview));
        let json: serde_json::Value = serde_json::from_str(&stdout(&overview)).unwrap();
        let answered = statuses(&store).iter().filter(|(_, s)| s.is_some()).count();
        let total = &json["total"];
        let seen = ["implemented", "partial", "open", "not_applicable"]
            .iter()
            .map(|k| total[*k].as_u64().unwrap())
            .sum::<u64>();
        assert_eq!(
            seen, answered as u64,
            "round {round}: the reader sees the store's writes"
        );
        for args in [
            vec!["export", export.to_str().unwrap()],
            vec!["rounds"],
            vec!["import", workbook.to_str().unwrap(), "--dry-run"],
        ] {
            let out = avg_borging(&db, &args);
            assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        }
        assert_eq!(
            database_files(&db),
            files_before,
            "round {round}: no file replaced"
        );
        assert_eq!(
            deleted_open_files(dir.path()),
            Vec::<String>::new(),
            "round {round}"
        );
    }
    let mut expected = statuses(&store);
    // A write through the store after the last reader, as the FG's next keystroke.
    store
        .set_status(
            store.current_round().expect("a round"),
            &codes[1],
            Status::Open,
            Some("na de opdrachtregel"),
            &ctx(),
        )
        .unwrap();
    expected[1].1 = Some(Status::Open);
    drop(store);
    drop(lock);
    let fresh = Store::open(&db).unwrap();
    assert_eq!(
        statuses(&fresh),
        expected,
        "a fresh open sees every acknowledged write"
    );
}

/// The control for the test above: without the lock, a plain read-write connection in another
/// process after the stray close is the last connection as far as SQLite can tell, so it
/// checkpoints and deletes the window's WAL. This is what a read-only open avoids.
#[test]
#[cfg_attr(
    not(unix),
    ignore = "Unix only: POSIX locks dropped by a stray close (issue 13), /proc"
)]
fn without_the_lock_another_process_deletes_the_windows_wal() {
    if let Some(db) = std::env::var_os("AVG_PLAIN_CONNECTION") {
        // The child: what any SQLite client (or an older avg-borging) does.
        let conn = rusqlite::Connection::open(db).unwrap();
        let _: i64 = conn
            .query_row("SELECT count(*) FROM answer", [], |r| r.get(0))
            .unwrap();
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("app.db");
    let lock = DatabaseLock::acquire(&db, Opener::Window, LOCK_WAIT).unwrap();
    let mut store = Store::open_held(&db, &lock).unwrap();
    store.ensure_started(ctx().at).unwrap();
    let wal = dir.path().join("app.db-wal");
    let plain_connection = |expect_deleted: bool| {
        let out = Command::new(std::env::current_exe().unwrap())
            .args([
                "--exact",
                "without_the_lock_another_process_deletes_the_windows_wal",
            ])
            .env("AVG_PLAIN_CONNECTION", &db)
            .run();
        assert!(out.status.success(), "{}", stderr(&out));
        assert_eq!(!wal.exists(), expect_deleted);
    };
    // With the store's POSIX locks in place the other connection leaves the WAL alone...
    plain_connection(false);
    // ...after the stray close it deletes it under the open store.
    stray_open_and_close(&db);
    plain_connection(true);
    assert!(
        !deleted_open_files(dir.path()).is_empty(),
        "the store now writes into a deleted file"
    );
}

fn env_count(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

#[test]
fn concurrent_writers_lose_no_update() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data.sqlite3");
    let init = avg_borging(&db, &["overview"]);
    assert!(init.status.success(), "{}", stderr(&init));
    // Eight processes at once, each setting its own criterion.
    let codes = ["1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3"];
    let children: Vec<_> = codes
        .iter()
        .map(|code| {
            Command::new(env!("CARGO_BIN_EXE_avg-borging"))
                .arg("--db")
                .arg(&db)
                .args(["set", code, "geimplementeerd"])
                .env_remove("AVG_BORGING_DB")
                .stdout(std::process::Stdio::piped())
                .stderr(std::process::Stdio::piped())
                .start()
        })
        .collect();
    for (code, child) in codes.iter().zip(children) {
        let out = child.wait_with_output().expect("runs");
        assert!(out.status.success(), "{code}: {}", stderr(&out));
    }
    let overview = avg_borging(&db, &["overview", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&overview)).unwrap();
    assert_eq!(json["total"]["implemented"], codes.len());
}

/// A sheet whose headers no synonym list knows, with a title block above them.
fn unknown_headers_workbook(path: &Path) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Eisen").expect("name");
    let rows: &[&[&str]] = &[
        &["Zelfevaluatie 2026"],
        &[],
        &["Ref", "Eis", "Stand"],
        &["A1", "Er is een register van verwerkingen", "ja"],
        &["A2", "Er is een privacybeleid vastgesteld", "deels"],
        &["A3", "Datalekken worden binnen 72 uur gemeld", "nee"],
    ];
    for (r, cells) in rows.iter().enumerate() {
        for (c, text) in cells.iter().enumerate() {
            sheet.write_string(r as u32, c as u16, *text).expect("cell");
        }
    }
    book.save(path).expect("fixture");
}

#[test]
fn columns_named_on_the_command_line_are_used_and_remembered() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data.sqlite3");
    let workbook = dir.path().join("eisen.xlsx");
    unknown_headers_workbook(&workbook);
    let file = workbook.to_str().unwrap();
    let chosen = avg_borging(
        &db,
        &[
            "import",
            file,
            "--sheet",
            "Eisen",
            "--header-row",
            "3",
            "--column",
            "nummer=A",
            "--column",
            "criterium=B",
            "--column",
            "status=C",
        ],
    );
    assert!(
        chosen.status.success(),
        "{}{}",
        stdout(&chosen),
        stderr(&chosen)
    );
    let overview = avg_borging(&db, &["overview", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&overview)).unwrap();
    let total = &json["total"];
    assert_eq!(
        (
            total["implemented"].as_u64(),
            total["partial"].as_u64(),
            total["open"].as_u64()
        ),
        (Some(1), Some(1), Some(1)),
        "ja, deels and nee taken over: {json}"
    );
    // The same layout next time: the columns given are remembered.
    let again = avg_borging(&db, &["import", file, "--dry-run"]);
    assert!(
        again.status.success(),
        "{}{}",
        stdout(&again),
        stderr(&again)
    );
    assert!(stdout(&again).contains("3 criteria"), "{}", stdout(&again));
}

#[test]
fn the_catalog_name_and_version_given_on_the_command_line_are_stored() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data.sqlite3");
    let workbook = dir.path().join("criteria.xlsx");
    criteria_workbook(&workbook);
    let file = workbook.to_str().unwrap();

    // The dry run says what it found, and where.
    let dry = avg_borging(&db, &["import", file, "--dry-run"]);
    assert!(dry.status.success(), "{}", stderr(&dry));
    assert!(
        stdout(&dry).contains("Criteriaset \"Criteria borging AVG\"")
            && stdout(&dry).contains("uit de titel van het werkblad"),
        "{}",
        stdout(&dry)
    );

    // An empty correction is refused before anything is stored.
    let empty = avg_borging(&db, &["import", file, "--catalog-version", " "]);
    assert_eq!(empty.status.code(), Some(2), "{}", stdout(&empty));
    assert!(
        stderr(&empty).contains("De versie van de criteriaset is leeg"),
        "{}",
        stderr(&empty)
    );

    let named = avg_borging(
        &db,
        &[
            "import",
            file,
            "--catalog-name",
            "Criteria borging AVG (VNG)",
            "--catalog-version",
            "2.1",
        ],
    );
    assert!(
        named.status.success(),
        "{}{}",
        stdout(&named),
        stderr(&named)
    );
    assert!(
        stdout(&named).contains("Naam en versie zijn door u opgegeven."),
        "{}",
        stdout(&named)
    );
    let rounds = stdout(&avg_borging(&db, &["rounds"]));
    assert!(
        rounds.contains("Criteria borging AVG (VNG)") && rounds.contains("2.1"),
        "{rounds}"
    );
    let overview = avg_borging(&db, &["overview", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&overview)).unwrap();
    assert_eq!(json["catalog"]["name"], "Criteria borging AVG (VNG)");
    assert_eq!(json["catalog"]["version"], "2.1");
}

#[test]
fn a_round_is_renamed_and_dated_from_the_command_line_but_not_once_sealed() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data.sqlite3");
    let first = avg_borging(&db, &["rounds"]);
    assert!(first.status.success(), "{}", stderr(&first));
    let edit = avg_borging(
        &db,
        &[
            "edit-round",
            "2026",
            "--name",
            "2026 (concept)",
            "--date",
            "2026-12-31",
        ],
    );
    assert!(edit.status.success(), "{}", stderr(&edit));
    let listed = stdout(&avg_borging(&db, &["rounds"]));
    assert!(
        listed.contains("2026 (concept)") && listed.contains("2026-12-31"),
        "{listed}"
    );
    let undated = avg_borging(&db, &["edit-round", "2026 (concept)", "--no-date"]);
    assert!(undated.status.success(), "{}", stderr(&undated));
    assert!(
        stdout(&undated).contains("peildatum geen"),
        "{}",
        stdout(&undated)
    );
    let wrong = avg_borging(
        &db,
        &["edit-round", "2026 (concept)", "--date", "2026-02-30"],
    );
    assert_eq!(wrong.status.code(), Some(2));

    let seal = avg_borging(&db, &["seal", "2026 (concept)", "--by", "College"]);
    assert!(seal.status.success(), "{}", stderr(&seal));
    let refused = avg_borging(&db, &["edit-round", "2026 (concept)", "--name", "2026"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stderr(&refused).contains("vastgesteld"),
        "{}",
        stderr(&refused)
    );
}

fn pdf_text(path: &Path) -> String {
    let out = Command::new("pdftotext")
        .arg("-layout")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils, scripts/install-deps.sh test) is needed");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
#[cfg_attr(
    not(unix),
    ignore = "reads the PDF back with poppler-utils (pdftotext), a Linux program"
)]
fn the_report_is_written_as_pdf_or_word_and_compares_with_the_previous_round() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data.sqlite3");
    for (round, code, status) in [("2026", "1.1", "aandacht"), ("2026", "1.2", "gedeeltelijk")] {
        let set = avg_borging(&db, &["--round", round, "set", code, status]);
        assert!(set.status.success(), "{}", stderr(&set));
    }
    let new = avg_borging(
        &db,
        &[
            "new-round",
            "2027",
            "--from",
            "2026",
            "--date",
            "2027-12-31",
        ],
    );
    assert!(new.status.success(), "{}", stderr(&new));
    let set = avg_borging(&db, &["set", "1.1", "geimplementeerd"]);
    assert!(set.status.success(), "{}", stderr(&set));

    // The accountability chapter of 2027 compares with 2026 by default.
    let pdf = dir.path().join("verantwoording.pdf");
    let out = avg_borging(
        &db,
        &[
            "report",
            pdf.to_str().unwrap(),
            "--document",
            "verantwoording",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Opgeslagen"), "{}", stdout(&out));
    let text = pdf_text(&pdf);
    assert!(text.contains("Verantwoording borging AVG"), "{text}");
    assert!(text.contains("3. Vergelijking met ronde 2026"), "{text}");
    assert!(text.contains("CONCEPT"), "an unsealed round is a draft");
    assert!(text.contains("Pagina 1 van"), "{text}");

    let no_compare = dir.path().join("zonder.pdf");
    let out = avg_borging(
        &db,
        &[
            "report",
            no_compare.to_str().unwrap(),
            "--document",
            "verantwoording",
            "--no-compare",
        ],
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!pdf_text(&no_compare).contains("Vergelijking met ronde 2026"));

    let docx = dir.path().join("overzicht.docx");
    let out = avg_borging(&db, &["report", docx.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let bytes = std::fs::read(&docx).unwrap();
    assert!(bytes.starts_with(b"PK"), "a Word file is a zip");

    // Refusals: another extension, a round of the same name missing, the database itself.
    for (args, reason) in [
        (vec!["report", "rapport.txt"], "geen PDF- of Word-bestand"),
        (vec!["report", "r.pdf", "--compare", "1999"], "1999"),
    ] {
        let out = avg_borging(&db, &args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(reason), "{args:?}: {}", stderr(&out));
    }
    // A database that happens to be called .pdf is never overwritten by a report.
    let odd = dir.path().join("gegevens.pdf");
    let set = avg_borging(&odd, &["set", "1.1", "aandacht"]);
    assert!(set.status.success(), "{}", stderr(&set));
    let before = std::fs::read(&odd).unwrap();
    let own = avg_borging(&odd, &["report", odd.to_str().unwrap()]);
    assert_eq!(own.status.code(), Some(2), "{}", stderr(&own));
    assert!(
        stderr(&own).contains("AVG-borging zelf"),
        "{}",
        stderr(&own)
    );
    assert_eq!(
        std::fs::read(&odd).unwrap(),
        before,
        "the database is untouched"
    );
}

/// Another criteria set: one sheet "Eisen", one answered criterion and one unknown status.
fn other_workbook(path: &Path) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Eisen").expect("name");
    let rows: &[&[&str]] = &[
        &["Nr", "Criterium", "Status", "Eigenaar"],
        &["9.1", "Er is een privacybeleid", "Geïmplementeerd", ""],
        &["9.2", "Het beleid is vastgesteld", "Misschien", "FG"],
    ];
    for (r, cells) in rows.iter().enumerate() {
        for (c, text) in cells.iter().enumerate() {
            sheet.write_string(r as u32, c as u16, *text).expect("cell");
        }
    }
    book.save(path).expect("fixture");
}

#[test]
fn the_import_says_where_it_goes_and_a_new_round_can_be_named() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data.sqlite3");
    let first = dir.path().join("criteria.xlsx");
    criteria_workbook(&first);
    let other = dir.path().join("eisen.xlsx");
    other_workbook(&other);
    let (first, other) = (first.to_str().unwrap(), other.to_str().unwrap());

    let import = avg_borging(&db, &["import", first]);
    assert!(import.status.success(), "{}", stderr(&import));
    let out = stdout(&import);
    assert!(out.contains("Bestemming: een nieuwe ronde"), "{out}");
    assert!(
        out.contains("Het bestand brengt 3 criteria in 2 thema's mee, en 2 antwoorden (1 geïmplementeerd, 1 gedeeltelijk)."),
        "{out}"
    );
    assert!(out.contains("2 antwoorden ingelezen"), "{out}");

    // Other criteria go into a new round: the dry run says so, with the name it proposes.
    let dry = avg_borging(&db, &["import", other, "--dry-run"]);
    assert!(dry.status.success(), "{}", stderr(&dry));
    let out = stdout(&dry);
    assert!(
        out.contains("Bestemming: een nieuwe ronde") && out.contains("--new-round NAAM"),
        "{out}"
    );
    // A finding names the criterion and the column as well as the cell.
    assert!(out.contains("9.2, kolom Status (Eisen!C3)"), "{out}");
    assert!(
        out.contains("mee, en 2 antwoorden (1 geïmplementeerd, 1 alleen notities zonder status)."),
        "{out}"
    );

    let named = avg_borging(&db, &["import", other, "--new-round", "Nulmeting"]);
    assert!(
        named.status.success(),
        "{}{}",
        stdout(&named),
        stderr(&named)
    );
    let out = stdout(&named);
    assert!(
        out.contains("Bestemming: een nieuwe ronde \"Nulmeting\" van Mijn organisatie."),
        "{out}"
    );
    assert!(
        out.contains("Geïmporteerd in beoordeling \"Nulmeting\""),
        "{out}"
    );
    assert!(out.contains("2 antwoorden ingelezen"), "{out}");
    assert!(stdout(&avg_borging(&db, &["rounds"])).contains("Nulmeting"));

    // Into the existing round again: a name for a new round is refused, nothing is imported.
    let again = avg_borging(
        &db,
        &["import", other, "--new-round", "Herhaling", "--dry-run"],
    );
    assert_eq!(again.status.code(), Some(2), "{}", stdout(&again));
    assert!(
        stderr(&again).contains("bestaande ronde Nulmeting"),
        "{}",
        stderr(&again)
    );
    // A name the organisation uses is refused as for every round.
    let taken = avg_borging(
        &db,
        &[
            "--round",
            "Nulmeting",
            "import",
            first,
            "--new-round",
            "Nulmeting",
        ],
    );
    assert_eq!(taken.status.code(), Some(2), "{}", stdout(&taken));
    assert!(
        stderr(&taken).contains("al in gebruik"),
        "{}",
        stderr(&taken)
    );
    assert!(!stdout(&avg_borging(&db, &["rounds"])).contains("Herhaling"));
}

/// `avg-borging overview | head -1`: the reader stops early. The command finishes quietly with
/// exit 0 (and an import still commits) instead of a Rust panic on the terminal.
#[test]
fn a_reader_that_stops_early_is_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data.sqlite3");
    let file = dir.path().join("criteria.xlsx");
    criteria_workbook(&file);
    let run = |args: &[&str]| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_avg-borging"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .env_remove("AVG_BORGING_DB")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .start();
        // Closed before the program has opened the database, so before it writes anything.
        drop(child.stdout.take());
        child.wait_with_output().unwrap()
    };

    let import = run(&["import", file.to_str().unwrap()]);
    assert_eq!(import.status.code(), Some(0), "{}", stderr(&import));
    assert!(!stderr(&import).contains("panicked"), "{}", stderr(&import));
    let overview = run(&["overview"]);
    assert_eq!(overview.status.code(), Some(0), "{}", stderr(&overview));
    assert!(stderr(&overview).is_empty(), "{}", stderr(&overview));
    // The import was done although nobody read its report.
    let rounds = avg_borging(&db, &["overview", "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&rounds.stdout).unwrap();
    assert_eq!(json["catalog"]["name"], "Criteria borging AVG");
}

/// Output to a full disk: the command is done, the lost output is said in Dutch, exit 1.
#[cfg(target_os = "linux")]
#[test]
fn output_to_a_full_disk_is_said_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("data.sqlite3");
    let file = dir.path().join("criteria.xlsx");
    criteria_workbook(&file);
    assert!(
        avg_borging(&db, &["import", file.to_str().unwrap()])
            .status
            .success()
    );
    let out = Command::new(env!("CARGO_BIN_EXE_avg-borging"))
        .arg("--db")
        .arg(&db)
        .arg("overview")
        .env_remove("AVG_BORGING_DB")
        .stdout(std::fs::File::create("/dev/full").unwrap())
        .run();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out).trim(),
        "De uitvoer kon niet worden geschreven: de schijf is vol of het bestand is te groot. De opdracht zelf is wel uitgevoerd."
    );
}
