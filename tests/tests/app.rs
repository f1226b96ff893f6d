//! End-to-end journeys through the real app: real WebKit, real database, under Xvfb.
//! Run with `make e2e`, which builds the app and starts a virtual display.

mod support;

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
    let first_row = app
        .wait_for("button.row[data-code='1.1']", START_TIMEOUT)
        .await;
    first_row.click().await.unwrap(); // opens the detail pane; Escape brings focus back
    app.wait_for("#detail-kop", ACTION_TIMEOUT).await;
    app.press("\u{e00c}").await; // Escape
    app.wait_for_texts("#detail-kop", |t| t.is_empty()).await;

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
    let row = app
        .wait_for("button.row[data-code='2.1']", START_TIMEOUT)
        .await;
    row.click().await.unwrap();
    app.press("\u{e00c}").await; // Escape back to the list
    app.wait_for_texts("#detail-kop", |t| t.is_empty()).await;
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
