//! Issue 13: nothing the FG types is lost. The import dialog listing the database's folder (which
//! drops SQLite's locks of the window's process), the command line run meanwhile, and every way
//! of leaving a field within moments of typing in it, each followed by a restart.

use std::path::Path;
use std::time::{Duration, Instant};

use criteria::{AnswerInput, Store};
use fantoccini::Locator;

use crate::support::{self, ACTION_TIMEOUT, App, Dialog, START_TIMEOUT};

const IMPORT_DIALOG: &str = "Criteria-werkmap kiezen";

/// The answers of the open round by criterion code, read from the file after the app is gone.
fn stored_answers(db: &Path) -> Vec<(String, AnswerInput)> {
    let store = Store::open(db).expect("the database opens");
    let round = store
        .current_assessment()
        .expect("the round is read")
        .expect("a round");
    store
        .assessment_view(round)
        .expect("the round's view")
        .themes
        .iter()
        .flat_map(|t| &t.criteria)
        .filter_map(|c| Some((c.code.clone(), c.answer.clone()?)))
        .collect()
}

/// The app's POSIX (SQLite) locks on the file with inode `inode`, from /proc/locks.
fn posix_locks_on(pid: u32, inode: u64) -> usize {
    std::fs::read_to_string("/proc/locks")
        .unwrap_or_default()
        .lines()
        .filter(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            fields.get(1) == Some(&"POSIX")
                && fields.get(4) == Some(&pid.to_string().as_str())
                && fields
                    .get(5)
                    .and_then(|f| f.rsplit(':').next())
                    .and_then(|i| i.parse::<u64>().ok())
                    == Some(inode)
        })
        .count()
}

/// Presses Escape in the open native dialog `title` until it is gone.
fn cancel_dialog(title: &str) {
    let deadline = Instant::now() + ACTION_TIMEOUT;
    loop {
        let found = std::process::Command::new("xdotool")
            .args(["search", "--onlyvisible", "--name", title])
            .output()
            .expect("xdotool");
        let ids = String::from_utf8_lossy(&found.stdout).into_owned();
        let Some(id) = ids.split_whitespace().last() else {
            return;
        };
        assert!(
            Instant::now() < deadline,
            "the dialog {title:?} stayed open"
        );
        let _ = std::process::Command::new("xdotool")
            .args(["key", "--window", id, "Escape"])
            .status();
        std::thread::sleep(Duration::from_millis(200)); // polling for the window to close
    }
}

async fn click_button(app: &App, text: &str) {
    app.client
        .find(Locator::XPath(&format!(
            "//button[normalize-space()='{text}']"
        )))
        .await
        .unwrap_or_else(|err| panic!("button {text:?}: {err}"))
        .click()
        .await
        .expect("click");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_import_dialog_in_the_databases_folder_and_the_command_line_lose_nothing() {
    use std::os::unix::fs::MetadataExt;

    // As in the report: `app.db` in the folder the app was started from. (For a name with a
    // known extension, such as the default `avg-borging.sqlite3`, GTK guesses the type from the
    // name and does not open the file; for `app.db` it reads it.)
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("app.db");
    let app = App::start_with(dir, &db, true).await;
    app.focus_row("1.1").await;
    app.press("1").await;
    app.wait_for_texts("button.row[data-code='1.1'] .status", |t| {
        t == ["Geïmplementeerd"]
    })
    .await;
    let pid = app.app_pid().expect("the app runs");
    let inode = std::fs::metadata(&db).unwrap().ino();
    assert!(posix_locks_on(pid, inode) > 0, "SQLite's lock is held");

    // The import dialog, shown the database's folder.
    app.show_screen("Importeren").await;
    click_button(&app, "Bestand kiezen…").await;
    let folder = format!("{}/", app.dir.path().display());
    support::open_folder_in_dialog(IMPORT_DIALOG, &folder);
    let deadline = Instant::now() + ACTION_TIMEOUT;
    while posix_locks_on(pid, inode) > 0 {
        assert!(
            Instant::now() < deadline,
            "the dialog never dropped SQLite's locks: the reproduction did not happen"
        );
        std::thread::sleep(Duration::from_millis(100)); // polling: GTK reads the folder
    }
    app.screenshot("dialoog-in-gegevensmap").await;
    cancel_dialog(IMPORT_DIALOG);

    // The command line: a write is refused with the reason; a read works.
    let set = app.command_line(&["set", "1.2", "gedeeltelijk"]);
    let message = String::from_utf8_lossy(&set.stderr);
    assert_eq!(set.status.code(), Some(1), "{message}");
    assert!(
        message.contains(
            "het venster van AVG-borging heeft de gegevens open; sluit het of gebruik het venster"
        ),
        "{message}"
    );
    let overview = app.command_line(&["overview", "--json"]);
    assert!(overview.status.success());
    let json: serde_json::Value = serde_json::from_slice(&overview.stdout).unwrap();
    assert_eq!(
        json["total"]["implemented"], 1,
        "the read sees the window's work"
    );

    // Picking the database itself to import is refused before anything opens it.
    click_button(&app, "Bestand kiezen…").await;
    support::answer_file_dialog(Dialog::Open, IMPORT_DIALOG, &db);
    let refusal = app
        .wait_for_texts(".error[role=alert]", |t| !t.is_empty())
        .await;
    assert!(refusal[0].contains("wordt niet geopend"), "{refusal:?}");
    app.screenshot("import-gegevensbestand-geweigerd").await;

    // Score after all that, then close the window as a user does.
    app.show_screen("Beoordelen").await;
    app.focus_row("1.3").await;
    app.press("3").await;
    app.wait_for_texts("button.row[data-code='1.3'] .status", |t| {
        t == ["Vraagt aandacht"]
    })
    .await;
    app.close_window().await;
    let dir = app.stop().await;

    let stored = stored_answers(&db);
    let statuses: Vec<(&str, Option<criteria::Status>)> = stored
        .iter()
        .map(|(code, a)| (code.as_str(), a.status))
        .collect();
    assert_eq!(
        statuses,
        [
            ("1.1", Some(criteria::Status::Implemented)),
            ("1.3", Some(criteria::Status::Open))
        ],
        "every change the window acknowledged, nothing of the refused command line"
    );
    let app = App::start_with(dir, &db, true).await;
    app.wait_for("button.row[data-code='1.3']", START_TIMEOUT)
        .await;
    assert_eq!(app.status_of("1.1").await, "Geïmplementeerd");
    assert_eq!(app.status_of("1.2").await, "Niet beoordeeld");
    assert_eq!(app.status_of("1.3").await, "Vraagt aandacht");
    app.stop().await;
}

/// Types `text` into the field `css` of the detail pane.
async fn type_into(app: &App, css: &str, text: &str) {
    let field = app.wait_for(css, ACTION_TIMEOUT).await;
    field.click().await.expect("the field can be clicked");
    field.send_keys(text).await.expect("typed");
}

async fn wait_for_detail(app: &App, code: &str) {
    let heading = format!("Criterium {code}");
    app.wait_for_texts("#detail-kop", |t| t == [heading.as_str()])
        .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_way_of_leaving_a_field_saves_what_was_typed() {
    let app = App::start().await;
    app.wait_for("button.row[data-code='1.1']", START_TIMEOUT)
        .await;

    // Esc right after a deadline typed the Dutch way (no change event yet).
    app.open_row("1.1").await;
    type_into(&app, "#veld-deadline", "31-12-2026").await;
    app.press("\u{e00c}").await; // Escape
    app.wait_for_texts("#detail-kop", |t| t.is_empty()).await;

    // An arrow key to the next criterion right after typing the owner.
    app.open_row("1.2").await;
    type_into(&app, "#veld-eigenaar", "Pijl Eigenaar").await;
    app.client
        .execute(
            "document.querySelector(\"button.row[data-code='1.2']\").focus(); return true;",
            vec![],
        )
        .await
        .unwrap();
    app.press("\u{e015}").await; // ArrowDown
    wait_for_detail(&app, "1.3").await;

    // A click on another row right after typing an action (the open details follow it).
    type_into(&app, "#veld-actie", "Klik actie").await;
    app.click_row("1.4").await;
    wait_for_detail(&app, "1.4").await;
    app.wait_for_texts("[data-testid=opgeslagen]", |t| {
        t.len() == 1 && t[0].starts_with("Opgeslagen: 1.3")
    })
    .await;

    // Typing and waiting: the pane itself says it was saved.
    type_into(&app, "#veld-eigenaar", "Wachten").await;
    app.wait_for_texts("[data-testid=opslag]", |t| t == ["Opgeslagen"])
        .await;
    app.screenshot("detail-opgeslagen").await;

    // Another tab right after typing the evidence.
    type_into(&app, "#veld-bewijs", "Tab bewijs").await;
    app.show_screen("Overzicht").await;
    app.wait_for("tr[data-testid=total]", ACTION_TIMEOUT).await;

    // An arrow key in the open details, outside a text field, right after typing: the details
    // go on to the next criterion (as the key hints say) and keep the keyboard, so Esc closes.
    app.show_screen("Beoordelen").await;
    app.open_row("2.1").await;
    type_into(&app, "#veld-eigenaar", "Pijl in details").await;
    app.client
        .execute(
            "document.getElementById('detail-kop').focus(); return true;",
            vec![],
        )
        .await
        .unwrap();
    app.press("\u{e015}").await; // ArrowDown
    wait_for_detail(&app, "2.2").await;
    app.wait_for_focus("#detail-kop").await;
    app.press("\u{e00c}").await; // Escape
    app.wait_for_texts("#detail-kop", |t| t.is_empty()).await;

    // Closing the window right after typing a justification.
    app.open_row("1.5").await;
    type_into(&app, "#veld-onderbouwing", "Sluiten onderbouwing").await;
    app.close_window().await;
    let dir = app.stop().await;

    let stored = stored_answers(&App::db_path_in(dir.path()));
    let field = |code: &str| {
        stored
            .iter()
            .find(|(c, _)| c == code)
            .map(|(_, a)| a.clone())
            .unwrap_or_else(|| panic!("{code} was not saved: {stored:?}"))
    };
    assert_eq!(field("1.1").deadline.as_deref(), Some("2026-12-31"), "Esc");
    assert_eq!(field("1.2").owner, "Pijl Eigenaar", "arrow key");
    assert_eq!(
        field("2.1").owner,
        "Pijl in details",
        "arrow key in the details"
    );
    assert_eq!(field("1.3").action, "Klik actie", "click on another row");
    assert_eq!(field("1.4").evidence, "Tab bewijs", "another tab");
    assert_eq!(
        field("1.5").justification,
        "Sluiten onderbouwing",
        "closing the window"
    );

    // The restarted app shows it, e.g. the deadline in the Verbeterplan's source: the detail.
    let app = App::start_in(dir).await;
    app.wait_for("button.row[data-code='1.1']", START_TIMEOUT)
        .await;
    app.open_row("1.1").await;
    let deadline = app
        .wait_for("#veld-deadline", ACTION_TIMEOUT)
        .await
        .prop("value")
        .await
        .unwrap();
    assert_eq!(
        deadline.as_deref(),
        Some("31-12-2026"),
        "shown the Dutch way"
    );
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_daily_backup_is_shown_before_an_import_is_tried() {
    // A file where the backup folder should be: the day's first backup cannot be made.
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("reservekopieen"), b"geen map").unwrap();
    let app = App::start_in(dir).await;
    let banner = app
        .wait_for("[data-testid=reservekopie-probleem]", START_TIMEOUT)
        .await;
    let text = banner.text().await.unwrap();
    assert!(
        text.contains("reservekopie van vandaag is niet gelukt")
            && text.contains("Importeren kan pas weer"),
        "{text}"
    );
    app.wait_for("button.row[data-code='1.1']", ACTION_TIMEOUT)
        .await;
    app.screenshot("reservekopie-mislukt").await;
    click_button(&app, "Begrepen").await;
    app.wait_for_texts("[data-testid=reservekopie-probleem]", |t| t.is_empty())
        .await;
    app.stop().await;
}
