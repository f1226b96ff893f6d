//! End-to-end journeys through the real app: real WebKit, real database, under Xvfb.
//! Run with `make e2e`, which builds the app and starts a virtual display.

mod support;

#[path = "journeys/year_cycle.rs"]
mod year_cycle;

#[path = "journeys/performance.rs"]
mod performance;

#[path = "journeys/no_loss.rs"]
mod no_loss;

#[path = "journeys/dates.rs"]
mod dates;

use support::{ACTION_TIMEOUT, App, START_TIMEOUT};

const WINDOW_TITLE: &str = "AVG-borging — zelfevaluatie borging AVG";
const FIRST_THEME: &str = "Governance en de functionaris gegevensbescherming";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn first_start_shows_the_example_catalog_and_keeps_it_after_a_restart() {
    let app = App::start().await;
    app.wait_for("section.theme h2", START_TIMEOUT).await;

    assert_eq!(app.client.title().await.unwrap(), WINDOW_TITLE);
    let headings = app.texts("section.theme h2").await;
    assert_eq!(headings.first().map(String::as_str), Some(FIRST_THEME));
    assert!(headings.len() >= 10, "at least 10 themes, saw {headings:?}");

    let criteria = app.texts("li.criterion .code").await;
    assert!(
        criteria.len() >= 40,
        "at least 40 criteria, saw {}",
        criteria.len()
    );
    assert_eq!(criteria.first().map(String::as_str), Some("1.1"));

    let notice = app.wait_for(".notice", ACTION_TIMEOUT).await;
    assert!(
        notice
            .text()
            .await
            .unwrap()
            .contains("niet de tekst van de VNG")
    );

    let progress = app.texts("nav .progress").await;
    assert_eq!(
        progress.len(),
        headings.len(),
        "one progress line per theme"
    );
    assert!(
        progress.iter().all(|p| p.starts_with("0 van ")),
        "nothing assessed yet: {progress:?}"
    );
    let statuses = app.texts("li.criterion .status").await;
    assert!(statuses.iter().all(|s| s == "Niet beoordeeld"));
    app.screenshot("beoordelen").await;

    // The catalog was stored, not only shown: a restart on the same file shows the same round.
    let context = app.texts("[data-testid=context]").await;
    let dir = app.stop().await;
    assert!(
        App::db_path_in(dir.path()).exists(),
        "the database file was created"
    );
    let app = App::start_in(dir).await;
    app.wait_for("section.theme h2", START_TIMEOUT).await;
    assert_eq!(app.texts("[data-testid=context]").await, context);
    assert_eq!(app.texts("li.criterion .code").await, criteria);
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_database_from_a_newer_version_is_refused_with_a_dutch_message_and_left_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let db = App::db_path_in(dir.path());
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.execute_batch("CREATE TABLE later (x); PRAGMA user_version = 999;")
            .unwrap();
    }
    let before = std::fs::read(&db).unwrap();

    let app = App::start_in(dir).await;
    let alert = app.wait_for("[role=alert]", START_TIMEOUT).await;
    let message = alert.text().await.unwrap();
    assert!(
        message.contains("nieuwere versie van AVG-borging"),
        "message was: {message}"
    );
    assert!(
        app.texts("section.theme").await.is_empty(),
        "no catalog shown"
    );
    app.screenshot("nieuwere-versie").await;
    let _dir = app.stop().await; // keeps the folder until the check below
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "the file was not touched"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn scoring_with_the_keyboard_updates_the_progress_and_survives_a_restart() {
    let app = App::start().await;
    app.focus_row("1.1").await;

    // 1.1 implemented, down, 1.2 partial, down, 1.3 open, down, 1.4 implemented, down, 1.5 partial.
    for keys in ["1", "j", "2", "\u{e015}", "3", "j", "1", "j", "2"] {
        app.press(keys).await;
    }
    app.wait_for_texts("nav .progress[data-theme]", |t| {
        t.first().map(String::as_str) == Some("5 van 5 beoordeeld")
    })
    .await;
    assert_eq!(app.status_of("1.1").await, "Geïmplementeerd");
    assert_eq!(app.status_of("1.2").await, "Gedeeltelijk geïmplementeerd");
    assert_eq!(app.status_of("1.3").await, "Vraagt aandacht");
    assert_eq!(app.status_of("1.5").await, "Gedeeltelijk geïmplementeerd");

    // Ctrl+Z takes the last change back; 0 clears a status.
    app.press("\u{e009}z\u{e000}").await; // Control down, z, release all
    app.wait_for_texts("button.row[data-code='1.5'] .status", |t| {
        t == ["Niet beoordeeld"]
    })
    .await;
    app.press("k").await;
    app.press("0").await;
    app.wait_for_texts("button.row[data-code='1.4'] .status", |t| {
        t == ["Niet beoordeeld"]
    })
    .await;
    app.wait_for_texts("nav .progress[data-theme]", |t| {
        t.first().map(String::as_str) == Some("3 van 5 beoordeeld")
    })
    .await;
    app.screenshot("beoordelen-gescoord").await;

    // The Overzicht shows the same numbers: 68 criteria, 1 implemented, 1 partial, 1 open.
    app.show_screen("Overzicht").await;
    let total = app
        .wait_for_texts("tr[data-testid=total] td", |t| !t.is_empty())
        .await;
    assert_eq!(total[..6], ["68", "1", "1", "1", "0", "65"], "{total:?}");
    app.screenshot("overzicht").await;
    app.client
        .execute(
            "document.querySelector('.chart').scrollIntoView(); return true;",
            vec![],
        )
        .await
        .unwrap();
    app.screenshot("overzicht-grafiek").await;

    let dir = app.stop().await;
    let app = App::start_in(dir).await;
    app.wait_for("button.row[data-code='1.1']", START_TIMEOUT)
        .await;
    assert_eq!(app.status_of("1.1").await, "Geïmplementeerd");
    assert_eq!(app.status_of("1.2").await, "Gedeeltelijk geïmplementeerd");
    assert_eq!(app.status_of("1.3").await, "Vraagt aandacht");
    assert_eq!(app.status_of("1.4").await, "Niet beoordeeld");
    assert_eq!(app.status_of("1.5").await, "Niet beoordeeld");
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn not_applicable_asks_for_a_justification_before_it_is_saved() {
    let app = App::start().await;
    app.focus_row("2.1").await;
    app.press("4").await;
    let hint = app.wait_for(".hint", ACTION_TIMEOUT).await;
    assert!(hint.text().await.unwrap().contains("onderbouwing"));
    assert_eq!(
        app.status_of("2.1").await,
        "Niet beoordeeld",
        "not saved yet"
    );

    app.press("Wij verwerken hier geen persoonsgegevens.").await;
    app.press("\u{e004}").await; // Tab: leaving the field saves
    app.wait_for_texts("button.row[data-code='2.1'] .status", |t| {
        t == ["Niet van toepassing"]
    })
    .await;
    let history = app.wait_for_texts(".history li", |t| !t.is_empty()).await;
    assert!(
        history[0].contains("Niet beoordeeld → Niet van toepassing"),
        "{history:?}"
    );
    app.screenshot("detail-nvt").await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exporting_writes_a_workbook_with_the_statuses_and_numbers_on_screen() {
    use calamine::{Data, Reader, Xlsx, open_workbook};

    let app = App::start().await;
    app.focus_row("1.1").await;
    for keys in ["1", "j", "2", "j", "3"] {
        app.press(keys).await;
    }
    app.wait_for_texts("button.row[data-code='1.3'] .status", |t| {
        t == ["Vraagt aandacht"]
    })
    .await;

    // The numbers the Overzicht screen shows.
    app.show_screen("Overzicht").await;
    let total = app
        .wait_for_texts("tr[data-testid=total] td", |t| !t.is_empty())
        .await;
    assert_eq!(
        &total[..3],
        ["68", "1", "1"],
        "criteria, implemented, partial"
    );

    app.show_screen("Exporteren").await;
    app.wait_for("button.primary", ACTION_TIMEOUT)
        .await
        .click()
        .await
        .unwrap();
    let target = app.dir.path().join("export-2026.xlsx");
    support::answer_file_dialog(support::Dialog::Save, "Beoordeling exporteren", &target);
    let saved = app.wait_for_texts(".success", |t| !t.is_empty()).await;
    assert!(saved[0].contains("export-2026.xlsx"), "{saved:?}");
    app.screenshot("exporteren").await;

    let mut book: Xlsx<_> = open_workbook(&target).unwrap();
    let criteria = book.worksheet_range("Criteria").unwrap();
    let status_of = |code: &str| {
        criteria
            .rows()
            .find(|r| r.first() == Some(&Data::String(code.into())))
            .and_then(|r| r.get(5).cloned())
    };
    assert_eq!(
        status_of("1.1"),
        Some(Data::String("Geïmplementeerd".into()))
    );
    assert_eq!(
        status_of("1.2"),
        Some(Data::String("Gedeeltelijk geïmplementeerd".into()))
    );
    assert_eq!(
        status_of("1.3"),
        Some(Data::String("Vraagt aandacht".into()))
    );
    // The overview sheet's cached totals equal the screen's.
    let overview = book.worksheet_range("Overzicht").unwrap();
    let total_row = overview
        .rows()
        .find(|r| r.first() == Some(&Data::String("Totaal".into())))
        .expect("a total row");
    let numbers: Vec<String> = total_row[1..4]
        .iter()
        .map(|cell| match cell {
            Data::Float(f) => format!("{f}"),
            Data::Int(i) => i.to_string(),
            other => other.to_string(),
        })
        .collect();
    assert_eq!(numbers, ["68", "1", "1"]);
    app.stop().await;
}

/// A messy criteria workbook as municipalities have them: a cover sheet, a title block, merged
/// theme rows, statuses in mixed spellings, and a status column whose header no synonym knows.
fn messy_workbook(path: &std::path::Path) {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let cover = book.add_worksheet();
    cover.set_name("Voorblad").expect("fixture");
    cover
        .write_string(0, 0, "Zelfevaluatie borging AVG — Gemeente Voorbeeldstad")
        .expect("fixture");
    let sheet = book.add_worksheet();
    sheet.set_name("Criteria 2026").expect("fixture");
    sheet
        .write_string(0, 0, "Criteria borging AVG")
        .expect("fixture");
    sheet
        .write_string(1, 0, "Versie 2024 — concept")
        .expect("fixture");
    for (col, header) in [
        "Nr.",
        "Criterium",
        "AVG-artikel",
        "Hoe staat het ervoor",
        "Opmerking",
    ]
    .iter()
    .enumerate()
    {
        sheet.write_string(3, col as u16, *header).expect("fixture");
    }
    let bold = Format::new().set_bold();
    sheet
        .merge_range(4, 0, 4, 4, "1. Governance", &bold)
        .expect("fixture");
    let rows: &[[&str; 5]] = &[
        [
            "1.1",
            "Er is een FG aangewezen",
            "art. 37",
            "Ja",
            "Besluit 2019",
        ],
        [
            "1.2",
            "De FG rapporteert aan het college",
            "art. 38",
            "deels",
            "",
        ],
    ];
    for (i, cells) in rows.iter().enumerate() {
        for (col, text) in cells.iter().enumerate() {
            sheet
                .write_string(5 + i as u32, col as u16, *text)
                .expect("fixture");
        }
    }
    sheet
        .merge_range(7, 0, 7, 4, "2. Register", &bold)
        .expect("fixture");
    let rows: &[[&str; 5]] = &[
        [
            "2.1",
            "Er is een verwerkingsregister",
            "art. 30",
            "Geïmplementeerd",
            "",
        ],
        [
            "2.2",
            "Het register is actueel",
            "art. 30",
            "misschien",
            "navragen",
        ],
    ];
    for (i, cells) in rows.iter().enumerate() {
        for (col, text) in cells.iter().enumerate() {
            sheet
                .write_string(8 + i as u32, col as u16, *text)
                .expect("fixture");
        }
    }
    book.save(path).expect("fixture");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn importing_a_messy_workbook_through_the_wizard_with_a_mapping_correction() {
    use fantoccini::Locator;

    let app = App::start().await;
    app.wait_for("button.row[data-code='1.1']", START_TIMEOUT)
        .await;
    let file = app.dir.path().join("criteria-voorbeeldstad.xlsx");
    messy_workbook(&file);

    app.show_screen("Importeren").await;
    app.wait_for("main.import button.primary", ACTION_TIMEOUT)
        .await
        .click()
        .await
        .unwrap();
    support::answer_file_dialog(support::Dialog::Open, "Criteria-werkmap kiezen", &file);
    let summary = app
        .wait_for_texts("[data-testid=summary]", |t| !t.is_empty())
        .await;
    assert!(
        summary[0].starts_with("4 criteria in 2 thema's"),
        "{summary:?}"
    );

    // The status column was not recognised: map it by hand and read the file again.
    let status = app
        .wait_for("select[data-field=status]", ACTION_TIMEOUT)
        .await;
    assert_eq!(
        status.prop("value").await.unwrap().unwrap_or_default(),
        "",
        "not detected"
    );
    status
        .select_by_label("D: Hoe staat het ervoor")
        .await
        .unwrap();
    app.client
        .find(Locator::XPath(
            "//button[starts-with(., 'Opnieuw inlezen')]",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    // The dry run now reports the status it cannot read, with its place, before anything is saved.
    let findings = app
        .wait_for_texts(".findings li", |t| {
            t.iter().any(|f| f.contains("misschien"))
        })
        .await;
    let unknown = findings.iter().find(|f| f.contains("misschien")).unwrap();
    assert!(unknown.contains("Criteria 2026!D10"), "{unknown}");
    app.screenshot("importeren-proef").await;

    app.client
        .find(Locator::XPath("//button[.='Importeren bevestigen']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let done = app.wait_for_texts(".success", |t| !t.is_empty()).await;
    assert!(done[0].contains("4 criteria"), "{done:?}");

    app.show_screen("Beoordelen").await;
    app.wait_for_texts("section.theme h2", |t| {
        t == ["1. Governance", "2. Register"]
    })
    .await;
    assert_eq!(app.status_of("1.1").await, "Geïmplementeerd");
    assert_eq!(app.status_of("1.2").await, "Gedeeltelijk geïmplementeerd");
    assert_eq!(app.status_of("2.1").await, "Geïmplementeerd");
    assert_eq!(app.status_of("2.2").await, "Niet beoordeeld");
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn importing_into_a_named_round_says_where_the_answers_go_before_confirming() {
    use fantoccini::Locator;

    let app = App::start().await;
    // The open round has an answer, so other criteria cannot simply replace its example set.
    app.focus_row("1.1").await;
    app.press("1").await;
    app.wait_for_texts("button.row[data-code='1.1'] .status", |t| {
        t == ["Geïmplementeerd"]
    })
    .await;
    let file = app.dir.path().join("criteria-voorbeeldstad.xlsx");
    messy_workbook(&file);

    app.show_screen("Importeren").await;
    app.wait_for("main.import button.primary", ACTION_TIMEOUT)
        .await
        .click()
        .await
        .unwrap();
    support::answer_file_dialog(support::Dialog::Open, "Criteria-werkmap kiezen", &file);
    app.wait_for("select[data-field=status]", ACTION_TIMEOUT)
        .await
        .select_by_label("D: Hoe staat het ervoor")
        .await
        .unwrap();
    app.client
        .find(Locator::XPath(
            "//button[starts-with(., 'Opnieuw inlezen')]",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();

    // Before anything is saved: a new round, with a proposed name the user can change, and what
    // the file brings.
    let sentence = app
        .wait_for_texts("[data-testid=bestemming-zin]", |t| {
            t.iter().any(|s| s.contains("nieuwe ronde"))
        })
        .await;
    assert!(
        sentence[0].contains("Er wordt een nieuwe ronde gemaakt voor Mijn organisatie"),
        "{sentence:?}"
    );
    let counts = app
        .wait_for_texts("[data-testid=bestemming-aantallen]", |t| {
            t.iter().any(|s| s.contains("geïmplementeerd"))
        })
        .await;
    assert!(
        counts[0].contains("4 criteria in 2 thema's mee")
            && counts[0].contains("2 geïmplementeerd, 1 gedeeltelijk"),
        "{counts:?}"
    );
    let name = app
        .wait_for("input[data-field=new-round-name]", ACTION_TIMEOUT)
        .await;
    let proposed = name.prop("value").await.unwrap().unwrap_or_default();
    assert!(
        proposed.ends_with(" (2)"),
        "the year is taken: {proposed:?}"
    );
    // A finding names the criterion and the column as well as the cell.
    let findings = app
        .wait_for_texts(".findings li", |t| {
            t.iter().any(|f| f.contains("misschien"))
        })
        .await;
    let unknown = findings.iter().find(|f| f.contains("misschien")).unwrap();
    assert!(
        unknown.contains("2.2, kolom Hoe staat het ervoor (Criteria 2026!D10)"),
        "{unknown}"
    );

    name.clear().await.unwrap();
    name.send_keys("Nulmeting AVG").await.unwrap();
    app.screenshot("importeren-bestemming").await;
    app.client
        .find(Locator::XPath("//button[.='Importeren bevestigen']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let done = app.wait_for_texts(".success", |t| !t.is_empty()).await;
    assert!(
        done[0].contains("Geïmporteerd in beoordeling Nulmeting AVG")
            && done[0].contains("antwoorden ingelezen"),
        "{done:?}"
    );

    app.show_screen("Rondes").await;
    app.wait_for_texts("main.rounds .rounds-table", |t| {
        t.iter().any(|s| s.contains("Nulmeting AVG"))
    })
    .await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_screen_has_no_serious_accessibility_violations() {
    let app = App::start().await;
    app.wait_for("button.row[data-code='1.1']", START_TIMEOUT)
        .await;
    let mut report = Vec::new();
    report.extend(app.accessibility_violations().await);

    app.open_row("1.1").await; // the detail pane
    report.extend(app.accessibility_violations().await);

    for (screen, ready) in [
        ("Overzicht", "tr[data-testid=total]"),
        ("Verbeterplan", "main.plan p"),
        ("Vergelijken", "main.compare p"),
        ("Rondes", "main.rounds .rounds-table"),
        ("Importeren", "main.import button.primary"),
        ("Exporteren", "main.export button.primary"),
    ] {
        app.show_screen(screen).await;
        app.wait_for(ready, ACTION_TIMEOUT).await;
        report.extend(
            app.accessibility_violations()
                .await
                .into_iter()
                .map(|v| format!("{screen}: {v}")),
        );
    }
    assert!(
        report.is_empty(),
        "serious or critical violations: {report:#?}"
    );
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_screens_fit_at_1024_by_768_and_at_200_percent_zoom() {
    let app = App::start().await;
    app.wait_for("button.row[data-code='1.1']", START_TIMEOUT)
        .await;
    app.client.set_window_size(1024, 768).await.unwrap();
    let overflow =
        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;";
    for zoom in ["1", "2"] {
        if zoom == "2" {
            // Ctrl + '=' five times: the webview's own zoom, 1.0 → 2.0, as a user would.
            app.show_screen_by_script("Beoordelen").await;
            app.click_row("1.1").await;
            for _ in 0..5 {
                app.press("\u{e009}=\u{e000}").await;
            }
            let deadline = std::time::Instant::now() + ACTION_TIMEOUT;
            loop {
                let width = app
                    .client
                    .execute("return window.innerWidth;", vec![])
                    .await
                    .unwrap();
                if width.as_i64().is_some_and(|w| w <= 520) {
                    break; // about 512 CSS pixels: the zoom took effect
                }
                assert!(
                    std::time::Instant::now() < deadline,
                    "the zoom did not reach 200%: the page is {width} CSS pixels wide"
                );
                tokio::time::sleep(std::time::Duration::from_millis(50)).await; // polling
            }
        }
        for screen in [
            "Beoordelen",
            "Overzicht",
            "Verbeterplan",
            "Vergelijken",
            "Rondes",
            "Importeren",
            "Exporteren",
        ] {
            app.show_screen_by_script(screen).await;
            app.wait_for("main h1", ACTION_TIMEOUT).await;
            let extra = app.client.execute(overflow, vec![]).await.unwrap();
            app.screenshot(&format!("{screen}-1024-zoom-{zoom}")).await;
            if extra.as_i64().unwrap_or(i64::MAX) > 0 {
                let culprits = app
                    .client
                    .execute(
                        "return [...document.querySelectorAll('body *')] \
                           .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1) \
                           .slice(0, 8).map(e => e.tagName + '.' + e.className);",
                        vec![],
                    )
                    .await
                    .unwrap();
                panic!("{screen} at zoom {zoom} scrolls sideways by {extra}px: {culprits}");
            }
        }
    }
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_start_hands_over_to_the_open_window() {
    assert!(
        std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some(),
        "single instance works through the D-Bus session bus: run with `make e2e` (dbus-run-session)"
    );
    let app = App::start().await;
    app.focus_row("1.1").await;

    let mut second = std::process::Command::new(support::app_binary())
        .env("AVG_BORGING_DB", App::db_path_in(app.dir.path()))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + START_TIMEOUT;
    let status = loop {
        if let Some(status) = second.try_wait().unwrap() {
            break status;
        }
        if std::time::Instant::now() > deadline {
            let _ = second.kill();
            panic!("the second start opened a second window instead of handing over");
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await; // polling for the exit
    };
    assert!(status.success(), "the second start exits cleanly: {status}");

    // The first window still works and saves.
    app.press("1").await;
    app.wait_for_texts("button.row[data-code='1.1'] .status", |t| {
        t == ["Geïmplementeerd"]
    })
    .await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_damaged_database_is_refused_and_a_backup_can_be_put_back() {
    use criteria::{BackupReason, ChangeContext, Status, Store};

    let dir = tempfile::tempdir().unwrap();
    let db = App::db_path_in(dir.path());
    let now = std::time::SystemTime::now();
    let at = time::OffsetDateTime::from(now);
    {
        let mut store = Store::open(&db).unwrap();
        store.ensure_started(at).unwrap();
        let ctx = ChangeContext {
            at,
            by: "fg".into(),
        };
        store
            .set_status(
                store.current_round().expect("a round"),
                "1.1",
                Status::Implemented,
                None,
                &ctx,
            )
            .unwrap();
        store.backup(BackupReason::Daily, at).unwrap();
    }
    // The file is damaged: every page after the first overwritten.
    let mut bytes = std::fs::read(&db).unwrap();
    for b in bytes.iter_mut().skip(4096) {
        *b = 0x5a;
    }
    let _ = std::fs::remove_file(db.with_file_name("avg-borging.sqlite3-wal"));
    let _ = std::fs::remove_file(db.with_file_name("avg-borging.sqlite3-shm"));
    std::fs::write(&db, &bytes).unwrap();

    let app = App::start_in(dir).await;
    let alert = app.wait_for("[role=alert]", START_TIMEOUT).await;
    assert!(
        alert.text().await.unwrap().contains("beschadigd"),
        "the message says what happened"
    );
    let offered = app
        .wait_for_texts("[data-testid=reservekopieen] li", |t| t.len() == 1)
        .await;
    assert!(
        offered[0].contains("dagelijkse reservekopie"),
        "{offered:?}"
    );
    app.screenshot("reservekopie-aanbieden").await;
    assert_eq!(
        std::fs::read(App::db_path_in(app.dir.path())).unwrap(),
        bytes,
        "nothing was repaired or recreated before the user chose"
    );

    app.client
        .find(fantoccini::Locator::XPath(
            "//button[starts-with(normalize-space(.), 'Terugzetten')]",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    app.wait_for("button.row[data-code='1.1']", ACTION_TIMEOUT)
        .await;
    assert_eq!(app.status_of("1.1").await, "Geïmplementeerd");
    let kept: Vec<_> = std::fs::read_dir(app.dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("voor-herstel"))
        .collect();
    assert_eq!(kept.len(), 1, "the damaged file is kept aside: {kept:?}");
    assert_eq!(std::fs::read(app.dir.path().join(&kept[0])).unwrap(), bytes);
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_details_fit_beside_or_over_the_list_and_the_tabs_stay_in_view() {
    let app = App::start().await;
    app.wait_for("button.row[data-code='1.1']", START_TIMEOUT)
        .await;
    for (width, height, code) in [(1024, 768, "1.3"), (1280, 800, "1.4")] {
        app.client.set_window_size(width, height).await.unwrap();
        // A click selects the row and keeps the keyboard on it: 1 sets its status at once, and
        // no details open.
        app.focus_row(code).await;
        app.press("1").await;
        app.wait_for_texts(&format!("button.row[data-code='{code}'] .status"), |t| {
            t == ["Geïmplementeerd"]
        })
        .await;
        assert!(
            app.texts("#detail-kop").await.is_empty(),
            "{width}x{height}: a click opened the details"
        );
        // Enter opens them.
        app.press("\u{e007}").await; // Enter
        app.wait_for_texts("#detail-kop", |t| t == [format!("Criterium {code}")])
            .await;
        // The status keys work in the details too (the focus is on its heading).
        app.press("2").await;
        app.wait_for_texts(&format!("button.row[data-code='{code}'] .status"), |t| {
            t == ["Gedeeltelijk geïmplementeerd"]
        })
        .await;
        // Scrolled down the list, the tabs are still on screen and the details beside them.
        app.client
            .execute("window.scrollBy(0, 1500); return true;", vec![])
            .await
            .unwrap();
        let measured = app
            .client
            .execute(
                "const rect = (css) => document.querySelector(css).getBoundingClientRect();
                 const tabs = rect('nav.screens');
                 const detail = rect('aside.detail');
                 const text = rect(\"button.row[data-code='1.1'] .text\");
                 return [tabs.top, tabs.bottom, detail.top, detail.right - window.innerWidth,
                         text.width];",
                vec![],
            )
            .await
            .unwrap();
        let [
            tabs_top,
            tabs_bottom,
            detail_top,
            detail_overhang,
            text_width,
        ] = serde_json::from_value::<[f64; 5]>(measured).unwrap();
        assert!(
            (0.0..200.0).contains(&tabs_top),
            "{width}x{height}: the tabs left the screen (top {tabs_top})"
        );
        assert!(
            detail_top >= tabs_bottom - 1.0 && detail_overhang <= 1.0,
            "{width}x{height}: the details are not on screen below the tabs (tabs {tabs_top}..{tabs_bottom}, details from {detail_top}, {detail_overhang} px beyond the right edge)"
        );
        assert!(
            text_width > 250.0,
            "{width}x{height}: the criterion text is squeezed to {text_width}px"
        );
        app.screenshot(&format!("details-open-{width}x{height}"))
            .await;
        app.press("\u{e00c}").await; // Escape
        app.wait_for_texts("#detail-kop", |t| t.is_empty()).await;
    }
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_workbook_nothing_is_recognised_in_opens_the_mapping_form_instead_of_a_dead_end() {
    use fantoccini::Locator;
    use rust_xlsxwriter::Workbook;

    let app = App::start().await;
    app.wait_for("button.row[data-code='1.1']", START_TIMEOUT)
        .await;
    // Headers no synonym knows and texts too short to be taken for criteria by their content.
    let file = app.dir.path().join("eigen-lijst.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Lijst").unwrap();
    let rows: &[[&str; 3]] = &[
        ["Kenmerk", "Omschrijving", "Beoordeling"],
        ["K1", "Register", "Ja"],
        ["K2", "Beleid", "Deels"],
        ["K3", "Datalekken", "Nee"],
    ];
    for (r, cells) in rows.iter().enumerate() {
        for (c, text) in cells.iter().enumerate() {
            sheet.write_string(r as u32, c as u16, *text).unwrap();
        }
    }
    book.save(&file).unwrap();

    app.show_screen("Importeren").await;
    app.wait_for("main.import button.primary", ACTION_TIMEOUT)
        .await
        .click()
        .await
        .unwrap();
    support::answer_file_dialog(support::Dialog::Open, "Criteria-werkmap kiezen", &file);
    // Not refused: the dry run with the sheet and the mapping form, and why it cannot go on yet.
    let findings = app
        .wait_for_texts(".findings li", |t| {
            t.iter()
                .any(|f| f.contains("geen kolom met de tekst van het criterium"))
        })
        .await;
    assert!(!findings.is_empty());
    app.screenshot("importeren-niets-herkend").await;
    app.wait_for("select[data-field=text]", ACTION_TIMEOUT)
        .await
        .select_by_label("B: Omschrijving")
        .await
        .unwrap();
    app.client
        .find(Locator::XPath(
            "//button[starts-with(., 'Opnieuw inlezen')]",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    app.wait_for_texts("[data-testid=summary]", |t| {
        t.first().is_some_and(|s| s.starts_with("3 criteria"))
    })
    .await;
    app.client
        .find(Locator::XPath("//button[.='Importeren bevestigen']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let done = app.wait_for_texts(".success", |t| !t.is_empty()).await;
    assert!(done[0].contains("3 criteria"), "{done:?}");
    app.show_screen("Beoordelen").await;
    app.wait_for("button.row[data-code='K1']", ACTION_TIMEOUT)
        .await;
    assert_eq!(app.status_of("K1").await, "Geïmplementeerd");
    assert_eq!(app.status_of("K2").await, "Gedeeltelijk geïmplementeerd");
    assert_eq!(app.status_of("K3").await, "Vraagt aandacht");
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_first_start_asks_who_works_and_the_name_signs_the_history() {
    let app = App::start_unnamed_in(tempfile::tempdir().expect("temp dir")).await;
    let screen = app
        .wait_for_texts("[data-testid=profiel] h1", |t| !t.is_empty())
        .await;
    assert_eq!(screen, ["Welkom bij AVG-borging"]);
    app.screenshot("eerste-start").await;
    // Saving without a name is refused in Dutch; nothing is lost.
    let name = app.wait_for("#profiel-naam", ACTION_TIMEOUT).await;
    name.send_keys("Marie de Vries").await.expect("typed");
    let organisation = app.wait_for("#profiel-organisatie", ACTION_TIMEOUT).await;
    organisation
        .send_keys("Gemeente Voorbeeldstad")
        .await
        .expect("typed");
    app.client
        .find(fantoccini::Locator::XPath(
            "//button[normalize-space(.)='Opslaan en beginnen']",
        ))
        .await
        .expect("the save button")
        .click()
        .await
        .expect("click");
    app.wait_for("li.criterion", START_TIMEOUT).await;
    let context = app.texts("[data-testid=context]").await;
    assert!(
        context[0].starts_with("Gemeente Voorbeeldstad"),
        "{context:?}"
    );
    assert_eq!(
        app.texts("[data-testid=wie] span:first-child").await,
        ["Marie de Vries"]
    );
    app.screenshot("eerste-start-opgeslagen").await;

    // The name signs what is changed; it is asked only once.
    app.focus_row("1.1").await;
    app.press("1").await;
    app.wait_for_texts(
        "li.criterion[data-code='1.1'] .status, button.row[data-code='1.1'] .status",
        |t| t.iter().any(|s| s == "Geïmplementeerd"),
    )
    .await;
    let dir = app.stop().await;
    let store = criteria::Store::open(&App::db_path_in(dir.path())).expect("database");
    let round = store.current_round().expect("a round");
    let view = store.assessment_view(round).expect("view");
    let criterion = view.themes[0].criteria[0].id;
    let history = store.answer_history(round, criterion).expect("history");
    assert_eq!(history[0].changed_by, "Marie de Vries");
    drop(store);
    // Started again on the same file (without the test set-up's name): no question this time.
    let app = App::start_unnamed_in(dir).await;
    app.wait_for("li.criterion", START_TIMEOUT).await;
    assert!(app.texts("[data-testid=profiel]").await.is_empty());
    assert_eq!(
        app.texts("[data-testid=wie] span:first-child").await,
        ["Marie de Vries"]
    );
    app.stop().await;
}
