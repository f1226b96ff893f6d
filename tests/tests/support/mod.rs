//! Starts the real built app under tauri-driver + WebKitWebDriver and connects a WebDriver client.
//!
//! Every test gets its own temporary database (through `AVG_BORGING_DB`), its own driver ports and
//! its own process group, so tests never share state. Waits are conditions with a deadline, never
//! fixed sleeps.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator, elements::Element};
use hyper_util::client::legacy::connect::HttpConnector;

/// How long the app may take to start and show a screen (a cold debug build under Xvfb).
pub const START_TIMEOUT: Duration = Duration::from_secs(60);
/// How long a screen may take to react to an action.
pub const ACTION_TIMEOUT: Duration = Duration::from_secs(15);

/// The name the test set-up gives the user, so the first-start screen does not stand in front
/// of every journey (the first-start journey starts with [`App::start_unnamed`]).
pub const TEST_USER: &str = "Fenna Goossens";

/// The running app and the WebDriver session that drives it.
pub struct App {
    pub client: Client,
    driver: Child,
    /// Folder of this test's database and logs.
    pub dir: tempfile::TempDir,
    /// The database file the app uses.
    pub db: PathBuf,
}

fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ sits in the workspace")
        .to_owned()
}

/// The parent of process `pid`, from `/proc/PID/stat`.
pub fn parent_of(pid: u32) -> Option<u32> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The command name may contain spaces and parentheses: fields start after the last ')'.
    stat.rsplit_once(')')?
        .1
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

/// Whether `pid` is `ancestor` or one of its descendants.
pub fn descends_from(mut pid: u32, ancestor: u32) -> bool {
    for _ in 0..64 {
        if pid == ancestor {
            return true;
        }
        match parent_of(pid) {
            Some(parent) if parent > 1 => pid = parent,
            _ => return false,
        }
    }
    false
}

/// The app binary built with the front end embedded (`make app`).
pub fn app_binary() -> PathBuf {
    if let Some(path) = std::env::var_os("AVG_BORGING_APP") {
        return PathBuf::from(path);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target"));
    let target = if target.is_absolute() {
        target
    } else {
        workspace_root().join(target)
    };
    target.join("debug").join("avg-borging")
}

fn tauri_driver() -> PathBuf {
    if let Some(path) = std::env::var_os("TAURI_DRIVER") {
        return PathBuf::from(path);
    }
    let in_cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .map(|home| home.join("bin").join("tauri-driver"));
    match in_cargo_home {
        Some(path) if path.exists() => path,
        _ => PathBuf::from("tauri-driver"),
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free local port")
        .port()
}

fn wait_for_port(port: u16, driver: &mut Child, log: &Path) {
    let deadline = Instant::now() + START_TIMEOUT;
    while Instant::now() < deadline {
        if TcpStream::connect(("127.0.0.1", port)).is_ok() {
            return;
        }
        if let Ok(Some(status)) = driver.try_wait() {
            panic!(
                "tauri-driver exited ({status}) before listening:\n{}",
                std::fs::read_to_string(log).unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(50)); // polling interval, not a wait for the app
    }
    panic!("tauri-driver did not listen on port {port} within {START_TIMEOUT:?}");
}

impl App {
    /// Starts the app on a new, empty database.
    pub async fn start() -> App {
        let dir = tempfile::tempdir().expect("temp dir");
        App::start_in(dir).await
    }

    /// Starts the app on the database `avg-borging.sqlite3` in `dir` (created when missing),
    /// with the user's name given ([`TEST_USER`]) when the database can be opened.
    pub async fn start_in(dir: tempfile::TempDir) -> App {
        let db = App::db_path_in(dir.path());
        App::start_with(dir, &db, false).await
    }

    /// Starts the app on `avg-borging.sqlite3` in `dir` as it is, without giving a user name:
    /// the first start of a new user (an empty `dir`), or a later one.
    pub async fn start_unnamed_in(dir: tempfile::TempDir) -> App {
        let db = App::db_path_in(dir.path());
        App::launch(dir, &db, false).await
    }

    /// [`App::launch`] with the user's name given ([`TEST_USER`]) when the database can be
    /// opened, so the first-start screen does not stand in front of the test.
    pub async fn start_with(dir: tempfile::TempDir, db: &Path, in_folder: bool) -> App {
        // A damaged or newer database is left exactly as the test made it.
        if let Ok(mut store) = criteria::Store::open(db) {
            store
                .set_user_name(TEST_USER)
                .expect("the test user's name");
        }
        App::launch(dir, db, in_folder).await
    }

    /// Starts the app on the database `db`, keeping `dir` for the test; with `in_folder`, with
    /// `dir` as its working directory too (as for a user who started the app from the folder
    /// with the data).
    async fn launch(dir: tempfile::TempDir, db: &Path, in_folder: bool) -> App {
        assert!(
            std::env::var_os("DISPLAY").is_some(),
            "the end-to-end tests need a display: run them with `make e2e` (it uses xvfb-run)"
        );
        let app = app_binary();
        assert!(
            app.exists(),
            "the app binary {} is missing: build it with `make app` first",
            app.display()
        );
        let port = free_port();
        let native_port = free_port();
        let log_path = dir.path().join("tauri-driver.log");
        let log = std::fs::File::create(&log_path).expect("driver log");
        let mut command = Command::new(tauri_driver());
        if in_folder {
            command.current_dir(dir.path());
        }
        command
            .args(["--port", &port.to_string()])
            .args(["--native-port", &native_port.to_string()])
            .env("AVG_BORGING_DB", db)
            .stdin(Stdio::null())
            .stdout(log.try_clone().expect("log handle"))
            .stderr(log);
        // Its own process group, so stopping it also stops WebKitWebDriver and the app.
        std::os::unix::process::CommandExt::process_group(&mut command, 0);
        let mut driver = command
            .spawn()
            .expect("tauri-driver runs (installed by `make deps`)");
        // tauri-driver accepts connections before its WebKitWebDriver listens: wait for both.
        wait_for_port(port, &mut driver, &log_path);
        wait_for_port(native_port, &mut driver, &log_path);

        let mut capabilities = serde_json::Map::new();
        capabilities.insert("browserName".into(), "wry".into());
        capabilities.insert(
            "tauri:options".into(),
            serde_json::json!({ "application": app }),
        );
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .unwrap_or_else(|err| {
                panic!(
                    "no WebDriver session with the app: {err}\n{}",
                    std::fs::read_to_string(&log_path).unwrap_or_default()
                )
            });
        App {
            client,
            driver,
            dir,
            db: db.to_owned(),
        }
    }

    /// The process id of the app (a descendant of the driver started for this test).
    pub fn app_pid(&self) -> Option<u32> {
        let binary = std::fs::canonicalize(app_binary()).ok()?;
        let driver = self.driver.id();
        std::fs::read_dir("/proc")
            .ok()?
            .flatten()
            .find_map(|entry| {
                let pid: u32 = entry.file_name().to_str()?.parse().ok()?;
                let exe = std::fs::read_link(entry.path().join("exe")).ok()?;
                (exe == binary && descends_from(pid, driver)).then_some(pid)
            })
    }

    /// The database file a test's app uses.
    pub fn db_path_in(dir: &Path) -> PathBuf {
        dir.join("avg-borging.sqlite3")
    }

    /// Waits until an element matching `css` is shown.
    pub async fn wait_for(&self, css: &str, timeout: Duration) -> Element {
        self.client
            .wait()
            .at_most(timeout)
            .for_element(Locator::Css(css))
            .await
            .unwrap_or_else(|err| panic!("{css} did not appear within {timeout:?}: {err}"))
    }

    /// The visible texts of all elements matching `css`. When the page re-renders between
    /// finding the elements and reading them (a stale element), they are found again.
    pub async fn texts(&self, css: &str) -> Vec<String> {
        'again: for _ in 0..20 {
            let mut texts = Vec::new();
            for element in self.client.find_all(Locator::Css(css)).await.expect("find") {
                match element.text().await {
                    Ok(text) => texts.push(text),
                    Err(fantoccini::error::CmdError::Standard(err))
                        if err.error == fantoccini::error::ErrorStatus::StaleElementReference =>
                    {
                        tokio::time::sleep(Duration::from_millis(20)).await; // next render
                        continue 'again;
                    }
                    Err(err) => panic!("text of {css}: {err}"),
                }
            }
            return texts;
        }
        panic!("{css} kept being replaced while it was read");
    }

    /// Waits until the value of the field `css` satisfies `check`, and returns it.
    pub async fn wait_for_values(&self, css: &str, check: impl Fn(&str) -> bool) -> String {
        let deadline = Instant::now() + ACTION_TIMEOUT;
        loop {
            let field = self.wait_for(css, ACTION_TIMEOUT).await;
            let value = field
                .prop("value")
                .await
                .expect("value")
                .unwrap_or_default();
            if check(&value) {
                return value;
            }
            assert!(Instant::now() < deadline, "{css} kept the value {value:?}");
            tokio::time::sleep(Duration::from_millis(50)).await; // next render
        }
    }

    /// Saves a screenshot under `target/e2e-screenshots/NAME.png` for a person to look at.
    pub async fn screenshot(&self, name: &str) {
        // The app renders without GPU compositing (main.rs, `lean_rendering`). WebKit then takes
        // a WebDriver screenshot only after the page next paints, and a page where nothing
        // changes (the error screens) never paints again: restyle an invisible pixel for a second.
        self.client
            .execute(
                "const dot = document.createElement('div');
                 dot.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;pointer-events:none';
                 document.body.append(dot);
                 const until = performance.now() + 1000;
                 const tick = (now) => {
                   dot.style.opacity = dot.style.opacity === '0.01' ? '0.02' : '0.01';
                   if (now < until) requestAnimationFrame(tick); else dot.remove();
                 };
                 requestAnimationFrame(tick);",
                vec![],
            )
            .await
            .expect("repaint before the screenshot");
        let png = self.client.screenshot().await.expect("screenshot");
        let folder = workspace_root().join("target").join("e2e-screenshots");
        std::fs::create_dir_all(&folder).expect("screenshot folder");
        std::fs::write(folder.join(format!("{name}.png")), png).expect("write screenshot");
    }

    /// Ends the session (which closes the app) and stops the driver; returns the test's folder.
    pub async fn stop(mut self) -> tempfile::TempDir {
        let _ = self.client.clone().close().await;
        self.kill_driver();
        // The app lets go of the database only when its process is gone: wait for its lock, so
        // the next step (a restart, the command line, a look at the file) does not find it open.
        let deadline = Instant::now() + ACTION_TIMEOUT;
        while criteria::window_is_open(&self.db).unwrap_or(false) {
            assert!(
                Instant::now() < deadline,
                "the app still held the database {ACTION_TIMEOUT:?} after it was stopped"
            );
            tokio::time::sleep(Duration::from_millis(50)).await; // polling for the exit
        }
        let dir = tempfile::tempdir().expect("temp dir");
        std::mem::replace(&mut self.dir, dir)
    }

    fn kill_driver(&mut self) {
        let group = format!("-{}", self.driver.id());
        let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline && matches!(self.driver.try_wait(), Ok(None)) {
            std::thread::sleep(Duration::from_millis(20)); // polling for the exit
        }
        // Whatever is left of the group (WebKitWebDriver, the app) goes too.
        let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        let _ = self.driver.wait();
    }
}

impl Drop for App {
    fn drop(&mut self) {
        // A failed test skips `stop`: still leave no processes behind.
        if matches!(self.driver.try_wait(), Ok(None)) {
            self.kill_driver();
        }
    }
}

impl App {
    /// Presses `keys` (WebDriver key codes allowed) on the element that has the focus.
    pub async fn press(&self, keys: &str) {
        let focused = self
            .client
            .active_element()
            .await
            .expect("an element has the focus");
        focused.send_keys(keys).await.expect("keys sent");
    }

    /// Waits until `check` holds for the texts of `css`, or fails with what was seen last.
    pub async fn wait_for_texts(
        &self,
        css: &str,
        check: impl Fn(&[String]) -> bool,
    ) -> Vec<String> {
        let deadline = Instant::now() + ACTION_TIMEOUT;
        loop {
            let texts = self.texts(css).await;
            if check(&texts) {
                return texts;
            }
            if Instant::now() > deadline {
                panic!("{css} never reached the expected state; last seen: {texts:?}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await; // polling interval
        }
    }

    /// The status shown on the row of criterion `code`.
    pub async fn status_of(&self, code: &str) -> String {
        self.client
            .find(Locator::Css(&format!(
                "button.row[data-code='{code}'] .status"
            )))
            .await
            .expect("row exists")
            .text()
            .await
            .expect("status text")
    }
}

/// Which native dialog a test answers.
#[derive(Clone, Copy)]
pub enum Dialog {
    /// An open dialog: Ctrl+L opens its location field.
    Open,
    /// A save dialog: its name field has the focus; Ctrl+A selects the proposed name.
    Save,
}

/// Waits for the native GTK file dialog `title` and shows `folder` in it, as a person who types
/// the folder in its location field; the dialog stays open.
pub fn open_folder_in_dialog(title: &str, folder: &str) {
    let window = wait_for_dialog(title);
    let xdotool = |args: &[&str]| {
        let status = Command::new("xdotool")
            .args(args)
            .status()
            .expect("xdotool");
        assert!(status.success(), "xdotool {args:?} failed");
    };
    xdotool(&["windowfocus", "--sync", &window]);
    xdotool(&["key", "--clearmodifiers", "ctrl+l"]);
    xdotool(&["type", "--delay", "5", folder]);
    xdotool(&["key", "Return"]);
}

/// The X window id of the visible dialog `title`, once it is there.
fn wait_for_dialog(title: &str) -> String {
    let deadline = Instant::now() + ACTION_TIMEOUT;
    loop {
        let found = Command::new("xdotool")
            .args(["search", "--onlyvisible", "--name", title])
            .output()
            .expect("xdotool runs (installed by `make deps-test`)");
        let ids = String::from_utf8_lossy(&found.stdout);
        if let Some(id) = ids.split_whitespace().last() {
            return id.to_owned();
        }
        assert!(
            Instant::now() < deadline,
            "the dialog {title:?} did not open within {ACTION_TIMEOUT:?}"
        );
        std::thread::sleep(Duration::from_millis(100)); // polling for the window
    }
}

/// Answers a native GTK file dialog the way a person would: waits for the window with `title`,
/// focuses it, types `path` into its location or name field and presses Enter. (The page never
/// sees paths; only a real dialog can provide one.)
pub fn answer_file_dialog(kind: Dialog, title: &str, path: &Path) {
    let window = wait_for_dialog(title);
    let xdotool = |args: &[&str]| {
        let status = Command::new("xdotool")
            .args(args)
            .status()
            .expect("xdotool");
        assert!(status.success(), "xdotool {args:?} failed");
    };
    xdotool(&["windowfocus", "--sync", &window]);
    let select = match kind {
        Dialog::Open => "ctrl+l",
        Dialog::Save => "ctrl+a",
    };
    xdotool(&["key", "--clearmodifiers", select]);
    xdotool(&["type", "--delay", "5", &path.display().to_string()]);
    // GTK's location field completes names inline: End accepts the completion, so the field holds
    // exactly the typed path; then Enter confirms. The window must be gone afterwards.
    xdotool(&["key", "End"]);
    xdotool(&["key", "Return"]);
    let deadline = Instant::now() + ACTION_TIMEOUT;
    let mut pressed_again = false;
    loop {
        let still_open = Command::new("xdotool")
            .args(["search", "--onlyvisible", "--name", title])
            .output()
            .map(|out| !out.stdout.is_empty())
            .unwrap_or(false);
        if !still_open {
            return;
        }
        if Instant::now() > deadline {
            let _ = Command::new("import")
                .args(["-window", "root", "/tmp/dialog-stuck.png"])
                .status();
            panic!("the dialog {title:?} did not close (screenshot: /tmp/dialog-stuck.png)");
        }
        if !pressed_again && Instant::now() + ACTION_TIMEOUT - Duration::from_secs(2) > deadline {
            // A first Enter may only have accepted a completion in the location field.
            xdotool(&["key", "Return"]);
            pressed_again = true;
        }
        std::thread::sleep(Duration::from_millis(100)); // polling for the window to close
    }
}

impl App {
    /// Runs axe-core (from the UI's npm packages) inside the real page and returns the serious and
    /// critical violations as "rule: element" lines.
    pub async fn accessibility_violations(&self) -> Vec<String> {
        let axe =
            std::fs::read_to_string(workspace_root().join("ui/node_modules/axe-core/axe.min.js"))
                .expect("axe-core is installed with the UI's npm packages (make ui)");
        self.client
            .execute(&format!("{axe}\nreturn true;"), vec![])
            .await
            .expect("axe-core loads in the page");
        let result = self
            .client
            .execute_async(
                "const done = arguments[arguments.length - 1];
                 axe.run(document, { resultTypes: ['violations'] })
                   .then(r => done(r.violations
                     .filter(v => v.impact === 'serious' || v.impact === 'critical')
                     .flatMap(v => v.nodes.map(n => v.id + ': ' + n.target.join(' ')))))
                   .catch(e => done(['axe failed: ' + e]));",
                vec![],
            )
            .await
            .expect("axe-core runs");
        serde_json::from_value(result).expect("a list of violations")
    }
}

impl App {
    /// Puts the keyboard focus on the row of criterion `code` in the Beoordelen list, as a user
    /// does: a click selects the row and keeps the keyboard on it.
    pub async fn focus_row(&self, code: &str) {
        self.wait_for(&format!("button.row[data-code='{code}']"), START_TIMEOUT)
            .await;
        self.click_row(code).await;
        self.wait_for_focus(&format!("button.row[data-code='{code}']"))
            .await;
    }

    /// Opens the detail pane of criterion `code`: a click selects the row, Enter opens it.
    pub async fn open_row(&self, code: &str) {
        self.focus_row(code).await;
        self.press("\u{e007}").await; // Enter
        let heading = format!("Criterium {code}");
        self.wait_for_texts("#detail-kop", |t| t == [heading.as_str()])
            .await;
    }

    /// Waits until the element matching `css` has the keyboard focus.
    pub async fn wait_for_focus(&self, css: &str) {
        let deadline = Instant::now() + ACTION_TIMEOUT;
        loop {
            let focused = self
                .client
                .execute(
                    "return document.activeElement?.matches(arguments[0]) ?? false;",
                    vec![css.into()],
                )
                .await
                .expect("the page answers");
            if focused.as_bool() == Some(true) {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "{css} did not get the keyboard focus within {ACTION_TIMEOUT:?}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await; // polling interval
        }
    }

    /// Clicks the row of criterion `code` once it can be clicked. Themes off screen are not laid
    /// out until they scroll into view (`content-visibility: auto`), so right after the list
    /// appears or scrolls, WebKit may report the row as not yet interactable for a frame.
    pub async fn click_row(&self, code: &str) {
        let css = format!("button.row[data-code='{code}']");
        let deadline = Instant::now() + ACTION_TIMEOUT;
        loop {
            let row = self.wait_for(&css, ACTION_TIMEOUT).await;
            match row.click().await {
                Ok(()) => return,
                Err(err) if Instant::now() < deadline => {
                    let _ = err;
                    // Scroll it to the middle, as a user scrolls to a row before clicking it;
                    // WebDriver's own scrolling does not make WebKit lay out a skipped theme.
                    let _ = self
                        .client
                        .execute(
                            "document.querySelector(arguments[0])?.scrollIntoView({block: 'center'}); return true;",
                            vec![css.clone().into()],
                        )
                        .await;
                    tokio::time::sleep(Duration::from_millis(50)).await; // polling: next frame
                }
                Err(err) => panic!("the row {code} could not be clicked: {err}"),
            }
        }
    }

    /// Switches to a screen by clicking its tab, as a user would.
    pub async fn show_screen(&self, label: &str) {
        self.client
            .find(Locator::XPath(&format!(
                "//nav[@aria-label='Schermen']/button[.='{label}']"
            )))
            .await
            .expect("the screen's tab exists")
            .click()
            .await
            .expect("the tab can be clicked");
    }

    /// Switches to a screen with a script click: at 200% zoom WebDriver's pointer coordinates
    /// do not match the page, so a real click can miss.
    pub async fn show_screen_by_script(&self, label: &str) {
        self.client
            .execute(
                "[...document.querySelectorAll('nav.screens button')] \
                   .find(b => b.textContent.trim() === arguments[0]).click(); return true;",
                vec![label.into()],
            )
            .await
            .expect("the screen's tab exists");
    }
}

impl App {
    /// Closes the window as a user does with the window's close button: the window manager's
    /// close request (`WM_DELETE_WINDOW`), which the app may hold back to save first. Waits
    /// until the app has exited; the WebDriver session ends with it.
    pub async fn close_window(&self) {
        use x11rb::connection::Connection as _;
        use x11rb::protocol::xproto::{ClientMessageEvent, ConnectionExt as _, EventMask};

        let pid = self.app_pid().expect("the app runs");
        let found = Command::new("xdotool")
            .args(["search", "--onlyvisible", "--pid", &pid.to_string()])
            .output()
            .expect("xdotool runs");
        let windows: Vec<u32> = String::from_utf8_lossy(&found.stdout)
            .split_whitespace()
            .filter_map(|id| id.parse().ok())
            .collect();
        assert!(!windows.is_empty(), "the app's window is on screen");
        let (conn, _) = x11rb::connect(None).expect("the X display");
        let atom = |name: &[u8]| {
            conn.intern_atom(false, name)
                .expect("intern_atom")
                .reply()
                .expect("atom")
                .atom
        };
        let (protocols, delete) = (atom(b"WM_PROTOCOLS"), atom(b"WM_DELETE_WINDOW"));
        for window in windows {
            let event = ClientMessageEvent::new(32, window, protocols, [delete, 0, 0, 0, 0]);
            conn.send_event(false, window, EventMask::NO_EVENT, event)
                .expect("send the close request");
        }
        conn.flush().expect("flush");
        let deadline = Instant::now() + ACTION_TIMEOUT;
        while std::path::Path::new(&format!("/proc/{pid}")).exists() {
            assert!(
                Instant::now() < deadline,
                "the app did not exit within {ACTION_TIMEOUT:?} after the close request"
            );
            tokio::time::sleep(Duration::from_millis(50)).await; // polling for the exit
        }
    }

    /// Runs the command line of the same binary on this test's database.
    pub fn command_line(&self, args: &[&str]) -> std::process::Output {
        Command::new(app_binary())
            .arg("--db")
            .arg(&self.db)
            .args(args)
            .env_remove("AVG_BORGING_DB")
            .output()
            .expect("the command line runs")
    }
}
