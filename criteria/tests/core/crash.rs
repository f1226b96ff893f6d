//! Promise 1 of issue 6: a process killed with SIGKILL at a random moment — while answers are
//! saved, in the middle of an import, in the middle of a schema migration — leaves a database
//! that passes `PRAGMA integrity_check`, holds everything that was acknowledged, and whose
//! history matches its data.
//!
//! Each test re-runs this binary as a child (see `support`), kills it after a random delay and
//! then inspects the file directly with rusqlite. The delays and the child's writes come from a
//! seeded generator; the seed is printed (`CRASH_SEED=…`) and replays a failing run. The CI run
//! does 25 rounds of each; `CRASH_ROUNDS=500` runs more.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::thread::sleep;
use std::time::{Duration, Instant};

use criteria::import::{ImportOptions, analyse};
use criteria::{
    AnswerInput, ChangeContext, DatabaseLock, LOCK_WAIT, Opener, SCHEMA_VERSION, Status, Store,
};
use rusqlite::OptionalExtension;
use time::OffsetDateTime;
use time::macros::datetime;

use crate::support::{
    self, Rng, Running, assert_history_matches, assert_intact, child_command, env, env_u64,
    has_table, raw, report, user_version,
};

const NOW: OffsetDateTime = datetime!(2026-11-28 10:00 UTC);

fn ctx() -> ChangeContext {
    ChangeContext {
        at: NOW,
        by: "fg".into(),
    }
}

// ---------------------------------------------------------------------------------------------
// Saving answers

/// One save as the app makes it: the whole answer (the detail pane) or a status by its key.
#[derive(Debug, Clone)]
enum Op {
    Save {
        idx: usize,
        answer: AnswerInput,
    },
    Status {
        idx: usize,
        status: Status,
        note: Option<String>,
    },
}

/// The `k`-th save of a child, drawn from its generator; `n` criteria to choose from. Parent and
/// child draw the same sequence from the same seed.
fn next_op(rng: &mut Rng, n: usize, k: u64) -> Op {
    let idx = rng.below(n as u64) as usize;
    let statuses = [Status::Implemented, Status::Partial, Status::Open];
    match rng.below(10) {
        0 => Op::Save {
            idx,
            answer: AnswerInput::default(),
        },
        1..=3 => Op::Status {
            idx,
            status: statuses[rng.below(3) as usize],
            note: rng.chance(50).then(|| format!("notitie {k}")),
        },
        _ => {
            // Now and then a long text, so that one commit spans many pages.
            let len = if rng.chance(15) {
                2_000 + rng.below(12_000) as usize
            } else {
                rng.below(40) as usize
            };
            let status = match rng.below(5) {
                0 => None,
                1 => Some(Status::NotApplicable),
                i => Some(statuses[i as usize - 2]),
            };
            Op::Save {
                idx,
                answer: AnswerInput {
                    status,
                    justification: format!("onderbouwing {k} {}", rng.text(len)),
                    owner: if rng.chance(50) {
                        rng.text(8)
                    } else {
                        String::new()
                    },
                    action: if rng.chance(30) {
                        rng.text(20)
                    } else {
                        String::new()
                    },
                    deadline: rng.chance(30).then(|| "2027-03-31".to_owned()),
                    evidence: if rng.chance(20) {
                        rng.text(30)
                    } else {
                        String::new()
                    },
                },
            }
        }
    }
}

/// What the store does with `op` (see `Store::save_answer` and `Store::set_status`); returns
/// whether the answer changed (and so a history row was written).
fn apply(state: &mut BTreeMap<usize, AnswerInput>, op: &Op) -> bool {
    let (idx, new) = match op {
        Op::Save { idx, answer } => (*idx, answer.clone()),
        Op::Status { idx, status, note } => {
            let mut answer = state.get(idx).cloned().unwrap_or_default();
            answer.status = Some(*status);
            if let Some(note) = note {
                answer.justification.clone_from(note);
            }
            (*idx, answer)
        }
    };
    if state.get(&idx).cloned().unwrap_or_default() == new {
        return false;
    }
    if new.is_empty() {
        state.remove(&idx);
    } else {
        state.insert(idx, new);
    }
    true
}

/// Child: opens the file, starts the first round if needed, and saves answers until it is
/// killed, acknowledging each save after it returned.
pub fn writer_child() {
    let db = PathBuf::from(env("AVGB_DB"));
    let mut rng = Rng::new(env_u64("AVGB_SEED"));
    // As the window: its lock for as long as it runs, and now and then what GTK's file chooser
    // does in its process (open and close the database's files, which drops SQLite's POSIX
    // locks of the whole process).
    let as_window = std::env::var_os("AVGB_WINDOW").is_some();
    let lock = as_window
        .then(|| DatabaseLock::acquire(&db, Opener::Window, LOCK_WAIT).expect("the window's lock"));
    let mut store = match &lock {
        Some(lock) => Store::open_held(&db, lock),
        None => Store::open(&db),
    }
    .expect("open the database");
    let assessment = store.ensure_started(NOW).expect("first round");
    let view = store.assessment_view(assessment).expect("view");
    let mut criteria: Vec<_> = view
        .themes
        .iter()
        .flat_map(|t| &t.criteria)
        .map(|c| (c.id, c.code.clone()))
        .collect();
    criteria.sort();
    report("READY", criteria.len());
    for k in 0..1_000_000 {
        match next_op(&mut rng, criteria.len(), k) {
            Op::Save { idx, answer } => store
                .save_answer(assessment, criteria[idx].0, &answer, &ctx())
                .map(|_| ()),
            Op::Status { idx, status, note } => store
                .set_status(
                    store.current_round().expect("a round"),
                    &criteria[idx].1,
                    status,
                    note.as_deref(),
                    &ctx(),
                )
                .map(|_| ()),
        }
        .expect("save");
        report("ACK", k);
        if as_window && k % 5 == 0 {
            for suffix in ["", "-wal", "-shm"] {
                let mut path = db.clone().into_os_string();
                path.push(suffix);
                drop(std::fs::File::open(path));
            }
        }
    }
}

/// Child: one command-line run while the window (the writer child) is open, as
/// `avg-borging` does it: the writer lock is refused, so it reads through a read-only store.
pub fn command_line_child() {
    let db = PathBuf::from(env("AVGB_DB"));
    match Store::open(&db) {
        Err(err) if err.code() == "window_open" => {
            let store = Store::open_read_only(&db).expect("read-only open");
            let round = store.current_assessment().expect("read").expect("a round");
            let view = store.assessment_view(round).expect("view");
            let answered = view
                .themes
                .iter()
                .flat_map(|t| &t.criteria)
                .filter(|c| c.answer.is_some())
                .count();
            report("READ", answered);
        }
        Err(err) => report("FAILED", err),
        Ok(_) => report("LOCKED", "the writer lock while the window is open"),
    }
}

/// What the parent knows of the database between rounds.
#[derive(Default)]
struct Known {
    /// Answers by criterion index (criteria sorted by id).
    answers: BTreeMap<usize, AnswerInput>,
    history_rows: usize,
}

#[test]
fn answers_survive_a_kill_at_any_moment_and_the_history_matches() {
    kill_writer_rounds(false);
}

/// Issue 13: the writer is the window (its lock held, stray closes of the database's files in
/// its process), and command-line runs race it until it is killed. Each run must be refused the
/// writer lock and read through a read-only store; no acknowledged save may be lost.
#[test]
fn a_command_line_racing_the_window_loses_no_acknowledged_save() {
    kill_writer_rounds(true);
}

#[allow(
    clippy::unwrap_used,
    reason = "the body of the two tests above: a failed step fails the test"
)]
fn kill_writer_rounds(racing: bool) {
    let seed = support::seed("CRASH_SEED");
    let rounds = support::count("CRASH_ROUNDS", 25);
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("gegevens.sqlite3");
    let mut rng = Rng::new(seed);
    let mut known = Known::default();
    let (mut acknowledged, mut in_flight_landed, mut runs_read) = (0, 0, 0);
    for round in 0..rounds {
        let child_seed = rng.next_u64();
        let mut cmd = child_command("writer", &[]);
        cmd.env("AVGB_DB", &db)
            .env("AVGB_SEED", child_seed.to_string());
        if racing {
            cmd.env("AVGB_WINDOW", "1");
        }
        let mut child = Running::spawn(cmd);
        if racing {
            child.expect("READY");
            let until = Instant::now() + Duration::from_millis(rng.below(250));
            loop {
                let mut run = child_command("command-line", &[]);
                run.env("AVGB_DB", &db);
                let done = support::run(run);
                assert!(
                    done.last("READ").is_some(),
                    "round {round}: the run was not refused and read: {:?} {}",
                    done.reports,
                    done.stderr
                );
                runs_read += 1;
                if Instant::now() >= until {
                    break;
                }
            }
        } else if rng.chance(20) {
            // Killed while opening the file or starting the first round.
            sleep(Duration::from_millis(rng.below(80)));
        } else {
            child.expect("READY");
            sleep(Duration::from_millis(rng.below(250)));
        }
        let done = child.kill();
        // Killed by us (SIGKILL), not by a fault of its own (a SIGBUS from a -shm truncated
        // under it by another process, for example).
        #[cfg(unix)]
        let killed = std::os::unix::process::ExitStatusExt::signal(&done.status) == Some(9);
        // Windows has no signals: `Child::kill` is TerminateProcess with exit code 1, and a
        // crash would end with an exception code (0xC000…) instead.
        #[cfg(not(unix))]
        let killed = done.status.code() == Some(1);
        assert!(
            killed,
            "the child was killed by the test, it did not finish or crash: {:?} {}",
            done.status, done.stderr
        );
        let acked = done.all("ACK").len();
        acknowledged += acked;
        let what = format!("round {round} (CRASH_SEED={seed}), {acked} saves acknowledged");

        let conn = raw(&db);
        assert_intact(&conn, &what);
        let assessment: Option<i64> = if has_table(&conn, "assessment") {
            conn.query_row("SELECT id FROM assessment", [], |r| r.get(0))
                .optional()
                .unwrap()
        } else {
            None
        };
        let Some(assessment) = assessment else {
            // Killed before the first round was committed: nothing can have been saved.
            assert_eq!(acked, 0, "{what}");
            assert!(!has_table(&conn, "answer") || support::answers(&conn, 0).is_empty());
            continue;
        };
        let ids: Vec<i64> = conn
            .prepare(
                "SELECT c.id FROM criterion c JOIN assessment a ON a.catalog_id = c.catalog_id
                 WHERE a.id = ?1 ORDER BY c.id",
            )
            .unwrap()
            .query_map([assessment], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let stored: BTreeMap<usize, AnswerInput> = support::answers(&conn, assessment)
            .into_iter()
            .map(|(id, a)| {
                (
                    ids.binary_search(&id).expect("answer to a known criterion"),
                    a,
                )
            })
            .collect();
        let history_rows = support::history(&conn, assessment).len();

        // The database holds the saves up to the last acknowledged one, and perhaps the one
        // that was being committed when the kill came; nothing else.
        let mut replay = Rng::new(child_seed);
        let mut state = known.answers.clone();
        let mut changes = 0;
        for k in 0..acked as u64 {
            changes += usize::from(apply(&mut state, &next_op(&mut replay, ids.len(), k)));
        }
        let acked_state = (state.clone(), known.history_rows + changes);
        let in_flight = next_op(&mut replay, ids.len(), acked as u64);
        let landed_change = usize::from(apply(&mut state, &in_flight));
        let with_in_flight = (state, known.history_rows + changes + landed_change);
        let actual = (stored, history_rows);
        if actual == with_in_flight && actual != acked_state {
            in_flight_landed += 1;
        } else {
            assert!(
                actual == acked_state,
                "{what}: the stored answers are not the acknowledged ones"
            );
        }
        assert_history_matches(&conn, assessment, &what);
        known = Known {
            answers: actual.0,
            history_rows: actual.1,
        };
    }
    println!(
        "{rounds} kills survived: {acknowledged} acknowledged saves all present, \
         {in_flight_landed} unacknowledged in-flight saves had landed whole{}",
        if racing {
            format!(
                "; {runs_read} command-line runs raced the window, all refused the lock and read"
            )
        } else {
            String::new()
        }
    );
}

// ---------------------------------------------------------------------------------------------
// An import

/// A criteria workbook with `rows` criteria, each with a status and a justification.
fn large_workbook(rows: u32) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (col, header) in ["Nr", "Thema", "Criterium", "Status", "Onderbouwing"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, col as u16, *header).expect("header");
    }
    for i in 1..=rows {
        let cells = [
            format!("{}.{}", i / 100 + 1, i % 100),
            format!("Thema {}", i / 100 + 1),
            format!("Criterium {i}: er is een verwerkingsregister bijgewerkt"),
            ["Ja", "Deels", "Nee", ""][i as usize % 4].to_owned(),
            format!("Onderbouwing van criterium {i}"),
        ];
        for (col, text) in cells.iter().enumerate() {
            sheet.write_string(i, col as u16, text).expect("cell");
        }
    }
    book.save_to_buffer().expect("workbook")
}

/// Child: analyses the workbook, then confirms the import until it is killed (or done).
pub fn importer_child() {
    let db = PathBuf::from(env("AVGB_DB"));
    let workbook = PathBuf::from(env("AVGB_WORKBOOK"));
    let mut store = Store::open(&db).expect("open the database");
    let plan = analyse(&workbook, &ImportOptions::new(NOW.date())).expect("dry run");
    assert_eq!(plan.blocking(), 0, "{:?}", plan.findings);
    report("ANALYSED", plan.catalog.criteria().count());
    let started = Instant::now();
    let outcome = store
        .apply_import(
            store
                .current_assessment()
                .expect("the current round is read"),
            &plan,
            &ctx(),
        )
        .expect("import");
    report(
        "IMPORTED",
        format!(
            "{} {}",
            started.elapsed().as_millis(),
            outcome.answers_changed
        ),
    );
}

/// A database in use: the example round with a few answers.
fn database_in_use(path: &Path) {
    let mut store = Store::open(path).expect("open");
    store.ensure_started(NOW).expect("first round");
    for (code, status) in [("1.1", Status::Implemented), ("2.1", Status::Open)] {
        store
            .set_status(
                store.current_round().expect("a round"),
                code,
                status,
                Some("zie beleid"),
                &ctx(),
            )
            .expect("answer");
    }
}

#[test]
fn an_import_killed_halfway_leaves_the_database_as_before_or_as_after() {
    const ROWS: u32 = 3_000;
    let seed = support::seed("CRASH_SEED");
    let rounds = support::count("CRASH_ROUNDS", 25);
    let dir = tempfile::tempdir().unwrap();
    let workbook = dir.path().join("Criteria borging AVG.xlsx");
    std::fs::write(&workbook, large_workbook(ROWS)).unwrap();
    let base = dir.path().join("basis.sqlite3");
    database_in_use(&base);
    let before = support::dump(&raw(&base));

    let run_on_copy = |round: usize| {
        let db = dir.path().join(format!("ronde-{round}.sqlite3"));
        std::fs::copy(&base, &db).unwrap();
        let mut cmd = child_command("importer", &[]);
        cmd.env("AVGB_DB", &db).env("AVGB_WORKBOOK", &workbook);
        (db, Running::spawn(cmd))
    };

    // Round 0 runs to the end: the state after, and how long the import takes.
    let (db, child) = run_on_copy(0);
    let done = child.finish();
    done.expect_success("import without a kill");
    let imported = done.last("IMPORTED").expect("imported");
    let (millis, changed) = imported.split_once(' ').unwrap();
    let millis: u64 = millis.parse().unwrap();
    assert_eq!(changed, ROWS.to_string(), "answers imported");
    let after = support::dump(&raw(&db));
    assert_ne!(before, after);

    let mut rng = Rng::new(seed);
    let (mut as_before, mut as_after) = (0, 0);
    for round in 1..=rounds {
        let (db, mut child) = run_on_copy(round);
        child.expect("ANALYSED");
        // Within the time the import takes, and a little after.
        sleep(Duration::from_millis(rng.below(millis * 5 / 4 + 5)));
        let done = child.kill();
        let what = format!("kill {round} (CRASH_SEED={seed})");
        let conn = raw(&db);
        assert_intact(&conn, &what);
        let state = support::dump(&conn);
        if state == after {
            as_after += 1;
        } else {
            assert!(
                state == before,
                "{what}: neither the state before nor after"
            );
            assert!(
                done.last("IMPORTED").is_none(),
                "{what}: an acknowledged import is missing"
            );
            as_before += 1;
        }
        let assessment: i64 = conn
            .query_row("SELECT max(id) FROM assessment", [], |r| r.get(0))
            .unwrap();
        assert_history_matches(&conn, assessment, &what);
        drop(conn);
        std::fs::remove_file(&db).unwrap();
    }
    println!(
        "{rounds} kills during an import of {ROWS} criteria ({millis} ms): \
         {as_before} left the state before, {as_after} the state after, none anything else"
    );
}

// ---------------------------------------------------------------------------------------------
// A schema migration

/// The schema as version 1 of the app wrote it (migration 1, which never changes once shipped).
/// The test checks that this copy still migrates to exactly the schema of a new file.
const SCHEMA_V1: &str = r#"

    CREATE TABLE catalog (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL,
        version     TEXT NOT NULL,
        is_example  INTEGER NOT NULL DEFAULT 0 CHECK (is_example IN (0, 1)),
        created_at  TEXT NOT NULL,
        UNIQUE (name, version)
    ) STRICT;

    CREATE TABLE theme (
        id          INTEGER PRIMARY KEY,
        catalog_id  INTEGER NOT NULL REFERENCES catalog(id) ON DELETE CASCADE,
        position    INTEGER NOT NULL,
        name        TEXT NOT NULL,
        UNIQUE (catalog_id, position)
    ) STRICT;

    CREATE TABLE criterion (
        id           INTEGER PRIMARY KEY,
        catalog_id   INTEGER NOT NULL REFERENCES catalog(id) ON DELETE CASCADE,
        theme_id     INTEGER NOT NULL REFERENCES theme(id) ON DELETE CASCADE,
        position     INTEGER NOT NULL,
        code         TEXT NOT NULL,
        text         TEXT NOT NULL,
        explanation  TEXT NOT NULL DEFAULT '',
        legal_basis  TEXT NOT NULL DEFAULT '',
        UNIQUE (catalog_id, code),
        UNIQUE (theme_id, position)
    ) STRICT;

    CREATE TABLE organisation (
        id          INTEGER PRIMARY KEY,
        name        TEXT NOT NULL UNIQUE,
        created_at  TEXT NOT NULL
    ) STRICT;

    CREATE TABLE assessment (
        id              INTEGER PRIMARY KEY,
        organisation_id INTEGER NOT NULL REFERENCES organisation(id),
        catalog_id      INTEGER NOT NULL REFERENCES catalog(id),
        name            TEXT NOT NULL,
        reference_date  TEXT,
        created_at      TEXT NOT NULL,
        UNIQUE (organisation_id, name)
    ) STRICT;

    CREATE TABLE answer (
        assessment_id  INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
        criterion_id   INTEGER NOT NULL REFERENCES criterion(id),
        status         TEXT CHECK (status IN ('implemented', 'partial', 'open', 'not_applicable')),
        justification  TEXT NOT NULL DEFAULT '',
        owner          TEXT NOT NULL DEFAULT '',
        action         TEXT NOT NULL DEFAULT '',
        deadline       TEXT,
        evidence       TEXT NOT NULL DEFAULT '',
        updated_at     TEXT NOT NULL,
        updated_by     TEXT NOT NULL,
        PRIMARY KEY (assessment_id, criterion_id)
    ) STRICT;

    -- Append-only: one row per change of an answer, old and new as JSON, written in the same
    -- transaction as the change itself.
    CREATE TABLE answer_history (
        id             INTEGER PRIMARY KEY,
        assessment_id  INTEGER NOT NULL REFERENCES assessment(id) ON DELETE CASCADE,
        criterion_id   INTEGER NOT NULL REFERENCES criterion(id),
        changed_at     TEXT NOT NULL,
        changed_by     TEXT NOT NULL,
        old_answer     TEXT,
        new_answer     TEXT
    ) STRICT;
    CREATE INDEX answer_history_by_criterion ON answer_history (assessment_id, criterion_id);

    CREATE TRIGGER answer_history_is_append_only_update BEFORE UPDATE ON answer_history
    BEGIN SELECT RAISE(ABORT, 'answer_history is append-only'); END;
    CREATE TRIGGER answer_history_is_append_only_delete BEFORE DELETE ON answer_history
    WHEN EXISTS (SELECT 1 FROM assessment WHERE id = OLD.assessment_id)
    BEGIN SELECT RAISE(ABORT, 'answer_history is append-only'); END;

    -- Column mappings the user confirmed, by the normalised headers of the file, so the next
    -- file with the same headers is read the same way.
    CREATE TABLE column_mapping (
        header_signature  TEXT PRIMARY KEY,
        mapping           TEXT NOT NULL,
        saved_at          TEXT NOT NULL
    ) STRICT;

    -- Small key/value settings of the app itself, such as the assessment that is open.
    CREATE TABLE app_state (
        key    TEXT PRIMARY KEY,
        value  TEXT NOT NULL
    ) STRICT;
    "#;

/// A database as version 1 of the app left it: one catalog, one round, answers and history.
fn version_1_database(path: &Path) {
    let conn = raw(path);
    conn.execute_batch(SCHEMA_V1).expect("schema 1");
    conn.execute_batch(
        "INSERT INTO catalog VALUES (1, 'Criteria borging AVG', '2024', 0, '2025-01-01T00:00:00Z');
         INSERT INTO theme VALUES (1, 1, 0, 'Governance');
         INSERT INTO organisation VALUES (1, 'Gemeente Voorbeeld', '2025-01-01T00:00:00Z');
         INSERT INTO assessment VALUES (1, 1, 1, '2025', NULL, '2025-01-01T00:00:00Z');
         INSERT INTO app_state VALUES ('current_assessment', '1');",
    )
    .expect("catalog");
    for i in 1..=400 {
        conn.execute(
            "INSERT INTO criterion (id, catalog_id, theme_id, position, code, text)
             VALUES (?1, 1, 1, ?1, ?2, ?3)",
            rusqlite::params![i, format!("1.{i}"), format!("Criterium {i}")],
        )
        .expect("criterion");
        let answer = AnswerInput {
            status: Some(Status::Partial),
            justification: format!("Onderbouwing {i}"),
            ..AnswerInput::default()
        };
        conn.execute(
            "INSERT INTO answer (assessment_id, criterion_id, status, justification, updated_at,
                                 updated_by)
             VALUES (1, ?1, 'partial', ?2, '2025-06-01T00:00:00Z', 'fg')",
            rusqlite::params![i, answer.justification],
        )
        .expect("answer");
        conn.execute(
            "INSERT INTO answer_history (assessment_id, criterion_id, changed_at, changed_by,
                                         old_answer, new_answer)
             VALUES (1, ?1, '2025-06-01T00:00:00Z', 'fg', NULL, ?2)",
            rusqlite::params![i, serde_json::to_string(&answer).expect("json")],
        )
        .expect("history");
    }
    conn.pragma_update(None, "user_version", 1)
        .expect("version");
}

/// The schema as text, to compare two files.
fn schema(conn: &rusqlite::Connection) -> Vec<(String, String, Option<String>)> {
    conn.prepare("SELECT type, name, sql FROM sqlite_master ORDER BY type, name")
        .and_then(|mut s| {
            s.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
                .collect()
        })
        .expect("schema")
}

/// Child: copies the old database again and again and opens (so migrates) each copy, until it
/// is killed. Most of its time goes into migrating, so most kills land in a migration.
pub fn migrator_child() {
    let fixture = PathBuf::from(env("AVGB_FIXTURE"));
    let dir = PathBuf::from(env("AVGB_DIR"));
    for i in 0..100_000 {
        let copy = dir.join(format!("kopie-{i}.sqlite3"));
        std::fs::copy(&fixture, &copy).expect("copy");
        report("COPIED", i);
        Store::open(&copy).expect("open and migrate");
        report("MIGRATED", i);
    }
}

#[test]
fn a_migration_killed_halfway_leaves_the_old_or_the_new_version_and_all_data() {
    let seed = support::seed("CRASH_SEED");
    let rounds = support::count("CRASH_ROUNDS", 25);
    let dir = tempfile::tempdir().unwrap();

    let fresh = dir.path().join("nieuw.sqlite3");
    drop(Store::open(&fresh).unwrap());
    let new_schema = schema(&raw(&fresh));
    // Version 0 is an empty file (the first start); version 1 one with a year of answers.
    let v0 = dir.path().join("v0.sqlite3");
    std::fs::write(&v0, b"").unwrap();
    let v1 = dir.path().join("v1.sqlite3");
    version_1_database(&v1);
    let v1_schema = schema(&raw(&v1));
    let v1_answers = support::answers(&raw(&v1), 1);
    assert_eq!(v1_answers.len(), 400);
    {
        let check = dir.path().join("v1-check.sqlite3");
        std::fs::copy(&v1, &check).unwrap();
        drop(Store::open(&check).unwrap());
        assert_eq!(
            schema(&raw(&check)),
            new_schema,
            "the copy of schema 1 in this test is what version 1 wrote"
        );
    }

    let mut rng = Rng::new(seed);
    let (mut at_old, mut at_new, mut migrated) = (0, 0, 0);
    for round in 0..rounds {
        let (fixture, old_version) = if round % 2 == 0 { (&v1, 1) } else { (&v0, 0) };
        let copies = dir.path().join(format!("ronde-{round}"));
        std::fs::create_dir(&copies).unwrap();
        let mut cmd = child_command("migrator", &[]);
        cmd.env("AVGB_FIXTURE", fixture).env("AVGB_DIR", &copies);
        let mut child = Running::spawn(cmd);
        child.expect("COPIED");
        sleep(Duration::from_millis(rng.below(300)));
        let done = child.kill();
        let acked = done.all("MIGRATED").len();
        let copied = done.all("COPIED").len();
        migrated += acked;
        // The acknowledged migrations before the last few were checked in earlier rounds' ways;
        // the interesting copies are the last acknowledged ones and the one in flight.
        for i in acked.saturating_sub(3)..copied {
            let what = format!("round {round}, copy {i} (CRASH_SEED={seed})");
            let path = copies.join(format!("kopie-{i}.sqlite3"));
            let conn = raw(&path);
            assert_intact(&conn, &what);
            let version = user_version(&conn);
            let current = schema(&conn);
            if version == SCHEMA_VERSION {
                assert_eq!(current, new_schema, "{what}: the new version, whole");
                if i == acked {
                    at_new += 1;
                }
            } else {
                assert!(i == acked, "{what}: an acknowledged migration is missing");
                assert!(
                    (old_version..SCHEMA_VERSION).contains(&version),
                    "{what}: version {version}"
                );
                if version == old_version {
                    let old_schema = if old_version == 1 {
                        v1_schema.clone()
                    } else {
                        Vec::new()
                    };
                    assert_eq!(current, old_schema, "{what}: the old version, untouched");
                }
                at_old += 1;
            }
            if old_version == 1 {
                assert_eq!(
                    support::answers(&conn, 1),
                    v1_answers,
                    "{what}: answers kept"
                );
                assert_history_matches(&conn, 1, &what);
            }
            drop(conn);
            // Whatever the kill left, the next start completes the migration.
            let store = Store::open(&path).unwrap();
            assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION, "{what}");
            drop(store);
            assert_eq!(schema(&raw(&path)), new_schema, "{what}: completed");
        }
        std::fs::remove_dir_all(&copies).unwrap();
    }
    println!(
        "{rounds} kills during migrations ({migrated} acknowledged migrations intact): \
         the file being migrated was at the old version {at_old} times and at the new one \
         {at_new} times, never in between"
    );
}
