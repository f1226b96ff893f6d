//! What the fault-injection tests share: re-running this test binary as a child process with a
//! role, reading the child's acknowledgements, a seeded random generator, and reading a database
//! file directly (not through the `Store` under test).
//!
//! A child is this same binary, filtered to the hidden test [`child_entry`]; the environment
//! variable [`ROLE_VAR`] says what it does. It reports on stdout with lines that start with
//! `@@`, each written only after what it reports has happened (for a save: after the commit
//! returned), so the parent knows what was acknowledged when it killed the child.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use criteria::{AnswerInput, Status};
use rusqlite::Connection;

/// Names the role of a child process; unset in a normal test run.
pub const ROLE_VAR: &str = "AVGB_TEST_CHILD";
/// How long a child may take to report that it is ready.
const READY_TIMEOUT: Duration = Duration::from_secs(60);
/// The prefix of a report line of a child.
const MARK: &str = "@@";

/// The entry point of every child process. Does nothing in a normal test run (it is ignored,
/// and even when ignored tests are run it returns at once without a role).
#[test]
#[ignore = "runs only as a child process of the fault-injection tests"]
fn child_entry() {
    let Ok(role) = std::env::var(ROLE_VAR) else {
        return;
    };
    match role.as_str() {
        "writer" => crate::crash::writer_child(),
        "command-line" => crate::crash::command_line_child(),
        "importer" => crate::crash::importer_child(),
        "migrator" => crate::crash::migrator_child(),
        "disk-full-db" => crate::disk_full::database_child(),
        "disk-full-export" => crate::disk_full::export_child(),
        "read-only-mount" => crate::disk_full::read_only_child(),
        "hostile" => crate::hostile::import_child(),
        other => panic!("unknown child role {other}"),
    }
}

/// Reports one fact to the parent (`@@KIND rest`); stdout is line-buffered, so it is on its way
/// when this returns.
pub fn report(kind: &str, rest: impl std::fmt::Display) {
    println!("{MARK}{kind} {rest}");
}

/// An environment variable the parent set for this child.
pub fn env(name: &str) -> String {
    std::env::var(name).unwrap_or_else(|_| panic!("the parent sets {name}"))
}

/// [`env`] as a number.
pub fn env_u64(name: &str) -> u64 {
    env(name)
        .parse()
        .unwrap_or_else(|_| panic!("{name} is a number"))
}

/// A command that runs this test binary as a child with `role`, behind `wrapper` (for example
/// `["prlimit", "--as=…"]`; empty for none).
pub fn child_command(role: &str, wrapper: &[&str]) -> Command {
    let exe = std::env::current_exe().expect("path of the test binary");
    let mut cmd = match wrapper.split_first() {
        Some((program, args)) => {
            let mut cmd = Command::new(program);
            cmd.args(args).arg(exe);
            cmd
        }
        None => Command::new(exe),
    };
    cmd.args([
        "support::child_entry",
        "--exact",
        "--ignored",
        "--nocapture",
        "--test-threads=1",
    ])
    .env(ROLE_VAR, role)
    // Keeps glibc from reserving 64 MiB of address space per thread arena, so that an
    // address-space limit measures what the code allocates.
    .env("MALLOC_ARENA_MAX", "1")
    .stdin(Stdio::null())
    .stdout(Stdio::piped())
    .stderr(Stdio::piped());
    cmd
}

/// A running child whose report lines are read as they arrive.
pub struct Running {
    child: Child,
    lines: Receiver<(String, String)>,
    seen: Vec<(String, String)>,
    reader: JoinHandle<()>,
    stderr: JoinHandle<String>,
}

/// How a child ended and everything it reported.
pub struct Finished {
    pub status: ExitStatus,
    pub reports: Vec<(String, String)>,
    pub stderr: String,
}

impl Finished {
    /// The reports of one kind, in order.
    pub fn all(&self, kind: &str) -> Vec<&str> {
        self.reports
            .iter()
            .filter(|(k, _)| k == kind)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// The last report of one kind.
    pub fn last(&self, kind: &str) -> Option<&str> {
        self.all(kind).last().copied()
    }

    /// Fails with the child's output when it did not exit successfully.
    pub fn expect_success(&self, what: &str) {
        assert!(
            self.status.success(),
            "{what}: child ended with {}; stderr:\n{}\nlast reports: {:?}",
            self.status,
            self.stderr,
            &self.reports[self.reports.len().saturating_sub(10)..]
        );
    }
}

impl Running {
    pub fn spawn(mut cmd: Command) -> Running {
        // Under Wine a process start now and then fails with ERROR_INTERNAL_ERROR (1359) on a
        // busy machine (Wine's, not the code's; see src-tauri/tests/cli.rs): tried again.
        let mut tries = 1;
        let mut child = loop {
            match cmd.spawn() {
                Err(err) if cfg!(windows) && err.raw_os_error() == Some(1359) && tries < 3 => {
                    tries += 1;
                    std::thread::sleep(std::time::Duration::from_millis(500));
                }
                started => break started.expect("start the child process"),
            }
        };
        let stdout = child.stdout.take().expect("piped stdout");
        let stderr = child.stderr.take().expect("piped stderr");
        let (tx, lines) = channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                // The first report shares its line with libtest's "test … " (no newline there).
                if let Some(rest) = line.find(MARK).map(|at| &line[at + MARK.len()..]) {
                    let (kind, value) = rest.split_once(' ').unwrap_or((rest, ""));
                    if tx.send((kind.to_owned(), value.to_owned())).is_err() {
                        break;
                    }
                }
            }
        });
        let stderr = std::thread::spawn(move || {
            let mut text = String::new();
            let _ = std::io::Read::read_to_string(&mut BufReader::new(stderr), &mut text);
            text
        });
        Running {
            child,
            lines,
            seen: Vec::new(),
            reader,
            stderr,
        }
    }

    /// Waits (at most `timeout`) for a report of `kind`; earlier reports are kept.
    pub fn wait_for(&mut self, kind: &str, timeout: Duration) -> Option<String> {
        let deadline = Instant::now() + timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok((k, v)) => {
                    self.seen.push((k.clone(), v.clone()));
                    if k == kind {
                        return Some(v);
                    }
                }
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return None,
            }
        }
    }

    /// [`Running::wait_for`], failing with what the child wrote when the report does not come.
    pub fn expect(&mut self, kind: &str) -> String {
        match self.wait_for(kind, READY_TIMEOUT) {
            Some(value) => value,
            None => {
                let _ = self.child.kill();
                let status = self.child.wait().expect("wait for the child");
                let stderr = std::mem::replace(&mut self.stderr, std::thread::spawn(String::new));
                let last = &self.seen[self.seen.len().saturating_sub(10)..];
                panic!(
                    "the child did not report {kind} (it ended with {status}); stderr:\n{}\nlast reports: {last:?}",
                    stderr.join().unwrap_or_default(),
                );
            }
        }
    }

    /// Kills the child with SIGKILL (no chance to clean up) and collects what it reported.
    pub fn kill(mut self) -> Finished {
        // It may have ended already; the kill is then a no-op.
        let _ = self.child.kill();
        self.finish()
    }

    /// Waits for the child to end by itself and collects what it reported.
    pub fn finish(mut self) -> Finished {
        let status = self.child.wait().expect("wait for the child");
        self.reader.join().expect("reader thread");
        self.seen.extend(self.lines.try_iter());
        Finished {
            status,
            reports: self.seen,
            stderr: self.stderr.join().expect("stderr thread"),
        }
    }
}

/// Runs a child to its end.
pub fn run(cmd: Command) -> Finished {
    Running::spawn(cmd).finish()
}

/// SplitMix64: small, fast and good enough to pick test inputs reproducibly.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// True in `percent` out of 100 cases.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// `len` characters from a mix of letters, digits, accents and emoji, so that the text
    /// neither compresses well nor stays ASCII.
    pub fn text(&mut self, len: usize) -> String {
        const CHARS: &[char] = &[
            'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q',
            'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', '0', '1', '2', '3', '4', '5', '6', '7',
            '8', '9', ' ', 'é', 'ë', 'ï', '€', '🙂', '\n', '=', '\'', '"',
        ];
        (0..len)
            .map(|_| CHARS[self.below(CHARS.len() as u64) as usize])
            .collect()
    }
}

/// The seed of a randomised test: `var` when set (to replay a failure), else from the clock.
/// Printed, so that a failure can be replayed.
pub fn seed(var: &str) -> u64 {
    let seed = std::env::var(var)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(1, |d| d.as_nanos() as u64)
        });
    println!("{var}={seed} (set it to replay this run)");
    seed
}

/// A test that this machine cannot run (no permission to mount, a tool missing). Outside CI it
/// prints `SKIPPED:` with `reason` and gives `None`, so the test passes without covering
/// anything; in CI (`CI` set and not empty) it fails with `reason` instead, because there a
/// skipped fault-injection test would look like a passed one.
pub fn skip<T>(reason: impl std::fmt::Display) -> Option<T> {
    let in_ci = std::env::var_os("CI").is_some_and(|value| !value.is_empty());
    assert!(
        !in_ci,
        "cannot run here, and CI must run it (unset CI to skip): {reason}"
    );
    println!("SKIPPED: {reason}");
    None
}

/// A count from the environment, or `default` (the short CI version).
pub fn count(var: &str, default: usize) -> usize {
    std::env::var(var)
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(default)
}

/// Peak resident memory of this process in KiB (Linux `VmHWM`), 0 when unknown.
pub fn peak_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
            line.split_whitespace().nth(1)?.parse().ok()
        })
        .unwrap_or(0)
}

/// Opens a database file with rusqlite directly, the way a recovery tool would: this also
/// replays or discards what a killed writer left in the WAL.
pub fn raw(path: &Path) -> Connection {
    Connection::open(path).expect("open the database file directly")
}

/// `PRAGMA integrity_check` and `PRAGMA foreign_key_check` both clean.
pub fn assert_intact(conn: &Connection, what: &str) {
    let integrity: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("integrity_check runs");
    assert_eq!(integrity, ["ok"], "{what}: integrity_check");
    let dangling: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .expect("foreign_key_check runs");
    assert_eq!(dangling, 0, "{what}: rows whose foreign key points nowhere");
}

/// The schema version (`PRAGMA user_version`).
pub fn user_version(conn: &Connection) -> i64 {
    conn.query_row("PRAGMA user_version", [], |r| r.get(0))
        .expect("user_version")
}

/// Whether a table exists.
pub fn has_table(conn: &Connection, name: &str) -> bool {
    conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?1",
        [name],
        |r| r.get::<_, i64>(0),
    )
    .expect("sqlite_master")
        > 0
}

/// The answers stored for one assessment, by criterion id.
pub fn answers(conn: &Connection, assessment: i64) -> BTreeMap<i64, AnswerInput> {
    let mut stmt = conn
        .prepare(
            "SELECT criterion_id, status, justification, owner, action, deadline, evidence
             FROM answer WHERE assessment_id = ?1",
        )
        .expect("answers query");
    stmt.query_map([assessment], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            AnswerInput {
                status: r.get::<_, Option<Status>>(1)?,
                justification: r.get(2)?,
                owner: r.get(3)?,
                action: r.get(4)?,
                deadline: r.get(5)?,
                evidence: r.get(6)?,
            },
        ))
    })
    .and_then(|rows| rows.collect())
    .expect("answers read")
}

/// One row of `answer_history`, its JSON parsed.
#[derive(Debug)]
pub struct HistoryRow {
    pub criterion: i64,
    pub old: Option<AnswerInput>,
    pub new: Option<AnswerInput>,
}

/// The history of one assessment, oldest first.
pub fn history(conn: &Connection, assessment: i64) -> Vec<HistoryRow> {
    let parse = |json: Option<String>| {
        json.map(|j| serde_json::from_str::<AnswerInput>(&j).expect("history JSON is an answer"))
    };
    let mut stmt = conn
        .prepare(
            "SELECT criterion_id, old_answer, new_answer FROM answer_history
             WHERE assessment_id = ?1 ORDER BY id",
        )
        .expect("history query");
    stmt.query_map([assessment], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, Option<String>>(1)?,
            r.get::<_, Option<String>>(2)?,
        ))
    })
    .and_then(|rows| rows.collect::<Result<Vec<_>, _>>())
    .expect("history read")
    .into_iter()
    .map(|(criterion, old, new)| HistoryRow {
        criterion,
        old: parse(old),
        new: parse(new),
    })
    .collect()
}

/// The history tells the same story as the data: per criterion each entry starts where the
/// previous one ended, and the last one ends at the stored answer (no row = cleared).
pub fn assert_history_matches(conn: &Connection, assessment: i64, what: &str) {
    let stored = answers(conn, assessment);
    let mut last: BTreeMap<i64, Option<AnswerInput>> = BTreeMap::new();
    for row in history(conn, assessment) {
        if let Some(previous) = last.get(&row.criterion) {
            assert_eq!(
                &row.old, previous,
                "{what}: history of criterion {} is not a chain",
                row.criterion
            );
        }
        last.insert(row.criterion, row.new);
    }
    for (criterion, answer) in &stored {
        assert_eq!(
            last.get(criterion),
            Some(&Some(answer.clone())),
            "{what}: the history of criterion {criterion} does not end at its stored answer"
        );
    }
    for (criterion, end) in &last {
        if end.is_none() {
            assert!(
                !stored.contains_key(criterion),
                "{what}: criterion {criterion} was cleared but has an answer"
            );
        }
    }
}

/// Every row of every table, as text: two databases with the same dump hold the same data.
pub fn dump(conn: &Connection) -> String {
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("table names");
    let mut out = String::new();
    for table in tables {
        out.push_str(&format!("## {table}\n"));
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM \"{table}\" ORDER BY rowid"))
            .or_else(|_| conn.prepare(&format!("SELECT * FROM \"{table}\" ORDER BY 1")))
            .expect("select table");
        let columns = stmt.column_count();
        let mut rows = stmt.query([]).expect("rows");
        while let Some(row) = rows.next().expect("row") {
            for i in 0..columns {
                let value: rusqlite::types::Value = row.get(i).expect("value");
                out.push_str(&format!("{value:?}\t"));
            }
            out.push('\n');
        }
    }
    out
}
