//! The app's start, memory and filtering, measured in the real webview: start to an interactive
//! Beoordelen screen, memory of the app with its WebKit processes, and filtering 1,000 criteria
//! per keystroke. This is a benchmark, not a timed test: it asserts only that the screens did
//! what they should, and prints the figures. `scripts/bench.sh` runs it on the release build
//! with `BENCH_STARTS=10` and writes them to `BENCH_OUT`; in `make test` it is a smoke run.

use criteria::{CatalogDraft, ChangeContext, CriterionDraft, Store, ThemeDraft};

use crate::support::{App, START_TIMEOUT, descends_from};

/// Criteria for start-up and memory (the size of a real catalog, as issue 7 asks).
const START_CRITERIA: usize = 300;
/// Criteria for filtering.
const CRITERIA: usize = 1_000;

/// A catalog of `count` criteria in themes of 20, as the app stores an imported workbook.
fn catalog_of(dir: &std::path::Path, count: usize) {
    let mut store = Store::open(&App::db_path_in(dir)).expect("database");
    let draft = CatalogDraft {
        name: "Benchmark borging AVG".into(),
        version: "1".into(),
        themes: (0..count / 20)
            .map(|t| ThemeDraft {
                name: format!("Thema {}", t + 1),
                criteria: (0..20)
                    .map(|c| {
                        let i = t * 20 + c;
                        CriterionDraft {
                            code: format!("{}.{}", t + 1, c + 1),
                            text: format!(
                                "De gemeente borgt maatregel {i} aantoonbaar in haar processen."
                            ),
                            explanation: format!("Toelichting bij criterium {i}."),
                            legal_basis: format!("AVG art. {}", 5 + i % 40),
                            row: i as u32 + 2,
                            ..CriterionDraft::default()
                        }
                    })
                    .collect(),
            })
            .collect(),
    };
    let ctx = ChangeContext {
        at: time::macros::datetime!(2026-11-30 10:00 UTC),
        by: "bench".into(),
    };
    store
        .import_catalog(
            store
                .current_assessment()
                .expect("the current round is read"),
            &draft,
            &ctx,
        )
        .expect("import");
}

/// Milliseconds since the epoch at which process `pid` started.
fn process_start_ms(pid: u32) -> f64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("stat");
    let ticks: f64 = stat
        .rsplit_once(')')
        .and_then(|(_, rest)| rest.split_whitespace().nth(19))
        .and_then(|t| t.parse().ok())
        .expect("starttime");
    let boot: f64 = std::fs::read_to_string("/proc/stat")
        .expect("/proc/stat")
        .lines()
        .find_map(|l| l.strip_prefix("btime "))
        .and_then(|t| t.trim().parse().ok())
        .expect("btime");
    // Linux reports starttime in clock ticks of 1/100 s (USER_HZ) on every usual platform.
    (boot + ticks / 100.0) * 1000.0
}

/// Proportional set size in MB of `pid` and all its descendants (the WebKit processes).
fn memory_mb(pid: u32) -> f64 {
    let mut kb = 0u64;
    for entry in std::fs::read_dir("/proc").expect("/proc").flatten() {
        let Some(p) = entry
            .file_name()
            .to_str()
            .and_then(|n| n.parse::<u32>().ok())
        else {
            continue;
        };
        if !descends_from(p, pid) {
            continue;
        }
        let rollup = std::fs::read_to_string(entry.path().join("smaps_rollup")).unwrap_or_default();
        kb += rollup
            .lines()
            .find_map(|l| l.strip_prefix("Pss:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
            .unwrap_or(0);
    }
    kb as f64 / 1024.0
}

/// Starts the app directly (no WebDriver, which adds its own session set-up) and returns the
/// milliseconds from `main` to the moment the Beoordelen data reached the page, as the app itself
/// reports with `AVG_BORGING_TRACE_START`. The app and its WebKit processes are stopped after.
fn driverless_start_ms(dir: &std::path::Path) -> f64 {
    use std::io::BufRead;
    let mut command = std::process::Command::new(crate::support::app_binary());
    command
        .env("AVG_BORGING_DB", App::db_path_in(dir))
        .env("AVG_BORGING_TRACE_START", "1")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped());
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let mut child = command.spawn().expect("the app starts");
    let stderr = child.stderr.take().expect("stderr");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stderr)
            .lines()
            .map_while(Result::ok)
        {
            if let Some(rest) = line.strip_prefix("start-trace: ") {
                let ms = rest
                    .split_whitespace()
                    .find_map(|w| w.parse::<f64>().ok())
                    .unwrap_or(f64::NAN);
                let _ = tx.send(ms);
            }
        }
    });
    let ms = rx
        .recv_timeout(START_TIMEOUT)
        .expect("the app reports its start");
    let group = format!("-{}", child.id());
    let _ = std::process::Command::new("kill")
        .args(["-KILL", "--", &group])
        .status();
    let _ = child.wait();
    ms
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// Types `word` into the search field one character at a time; per keystroke the time from the
/// input event until the filtered list is laid out, and the number of rows left.
const TYPE_AND_MEASURE: &str = r#"
const done = arguments[arguments.length - 1];
const word = arguments[0];
const input = document.querySelector('input[type=search]');
const list = document.querySelector('.criteria-list');
(async () => {
  const out = [];
  for (let i = 0; i <= word.length; i++) {
    const t0 = performance.now();
    input.value = word.slice(0, i === word.length ? 0 : i + 1);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    for (let k = 0; k < 4; k++) await Promise.resolve();
    void list.offsetHeight; // style and layout of the new list
    out.push([performance.now() - t0, document.querySelectorAll('li.criterion:not([hidden])').length]);
  }
  done(out);
})();
"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_criteria_open_and_filter_measured_and_printed() {
    let starts: usize = std::env::var("BENCH_STARTS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1)
        .max(1);
    let dir = tempfile::tempdir().expect("temp dir");
    catalog_of(dir.path(), START_CRITERIA);

    // Without a WebDriver first: no other copy of the app may be running (single instance).
    let mut direct_ms: Vec<f64> = (0..starts)
        .map(|_| driverless_start_ms(dir.path()))
        .collect();

    let mut start_ms = Vec::new();
    let mut page_ms = Vec::new();
    let mut memory = Vec::new();
    let mut dir = Some(dir);
    for _ in 0..starts {
        let app = App::start_in(dir.take().expect("folder")).await;
        app.wait_for("button.row[data-code='15.20']", START_TIMEOUT)
            .await;
        let rows = app.texts("li.criterion .code").await.len();
        assert_eq!(rows, START_CRITERIA, "all criteria are on the screen");
        let pid = app.app_pid().expect("the app's process");
        let times = app
            .client
            .execute(
                "const m = performance.getEntriesByName('beoordelen-klaar')[0];
                 return m ? [performance.timeOrigin, m.startTime] : null;",
                vec![],
            )
            .await
            .expect("mark");
        let (origin, in_page): (f64, f64) =
            serde_json::from_value(times).expect("the app marks when Beoordelen is ready");
        start_ms.push(origin + in_page - process_start_ms(pid));
        page_ms.push(in_page);
        // Settled: give WebKit a moment after the first paint, as a user would see it.
        tokio::time::sleep(std::time::Duration::from_secs(2)).await; // memory settles, not a wait for the UI
        memory.push(memory_mb(pid));
        dir = Some(app.stop().await);
    }

    drop(dir);
    let dir = tempfile::tempdir().expect("temp dir");
    catalog_of(dir.path(), CRITERIA);
    let app = App::start_in(dir).await;
    app.wait_for("button.row[data-code='50.20']", START_TIMEOUT)
        .await;
    assert_eq!(app.texts("li.criterion .code").await.len(), CRITERIA);
    let word = "maatregel 99";
    let result = app
        .client
        .execute_async(TYPE_AND_MEASURE, vec![word.into()])
        .await
        .expect("typing runs in the page");
    let steps: Vec<(f64, u64)> = serde_json::from_value(result).expect("measurements");
    println!("keystrokes (ms, rows shown): {steps:?}");
    assert_eq!(steps.len(), word.len() + 1);
    // "maatregel 99" matches maatregel 99, 199, …, 899 and 990–999; clearing shows all again.
    assert_eq!(steps[word.len() - 1].1, 19, "{steps:?}");
    assert_eq!(steps[word.len()].1 as usize, CRITERIA, "{steps:?}");
    let mut per_key: Vec<f64> = steps.iter().map(|s| s.0).collect();
    let worst = per_key.iter().copied().fold(0.0, f64::max);
    let typical = median(&mut per_key);
    app.stop().await;

    let report = serde_json::json!({
        "app": crate::support::app_binary(),
        "starts": starts,
        "start_to_interactive_with_webdriver_ms_median": median(&mut start_ms),
        "start_to_interactive_ms_all": start_ms,
        "start_to_data_without_webdriver_ms_median": median(&mut direct_ms),
        "start_to_data_without_webdriver_ms_all": direct_ms,
        "page_load_to_interactive_ms_median": median(&mut page_ms),
        "start_criteria": START_CRITERIA,
        "memory_pss_mb_median": median(&mut memory),
        "filter_keystroke_ms_median": typical,
        "filter_keystroke_ms_worst": worst,
        "filter_criteria": CRITERIA,
    });
    println!("BENCH {report}");
    if let Some(out) = std::env::var_os("BENCH_OUT") {
        std::fs::write(out, serde_json::to_vec_pretty(&report).expect("json")).expect("written");
    }
}
