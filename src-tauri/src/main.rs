//! The AVG-borging desktop app: the only crate that knows Tauri. Commands are thin: they lock the
//! state, call one `criteria` function and map its error to `{ code, message }`.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod cli;
mod clock;
mod closing;
#[cfg(test)]
mod command_names;
mod commands;
#[cfg(test)]
mod contract;
mod data_path;
mod error;
#[cfg(test)]
mod hardening;
#[cfg(test)]
mod ipc_acl;
mod screen;
mod state;

use std::process::ExitCode;
use std::sync::OnceLock;
use std::time::Instant;

/// When `main` began: for the start-up benchmark (`AVG_BORGING_TRACE_START`, see commands.rs).
static STARTED: OnceLock<Instant> = OnceLock::new();

fn main() -> ExitCode {
    STARTED.get_or_init(Instant::now);
    lean_rendering();
    clock::init();
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|arg| arg.to_string_lossy().into_owned())
        .collect();
    if let Some(exit) = cli::run_if_requested(cli::Program::Window, &args) {
        return exit;
    }
    if let Err(missing) = webview_available() {
        return missing;
    }
    // A second start focuses the open window instead of opening the database twice. (Only here,
    // not in `app`: in tests a running copy of the app would make the test process exit.)
    let builder =
        tauri::Builder::default().plugin(tauri_plugin_single_instance::init(|app, _args, _cwd| {
            use tauri::Manager;
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.unminimize();
                let _ = window.set_focus();
            }
        }));
    let builder = builder.setup(|app| {
        use tauri::Manager;
        if let Some(window) = app.get_webview_window("main") {
            lean_webview(&window);
            screen::fit_to_screen(&window);
        }
        Ok(())
    });
    let state = state::AppState::open(data_path::database_path());
    let result = app(builder, state).run(tauri::generate_context!());
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!(
                "AVG-borging kon het venster niet openen. Controleer of er een grafische omgeving is en start het programma opnieuw. Technische details: {err}"
            );
            ExitCode::FAILURE
        }
    }
}

/// What the window needs and Windows may lack: the WebView2 runtime. It comes with Windows 10
/// and 11 but can be missing on a managed or stripped image; Tauri would then show an English
/// dialog and panic. Checked before anything of the window is built.
#[cfg(windows)]
const WEBVIEW2_MISSING: &str = "AVG-borging kan zijn venster niet openen: de Microsoft Edge WebView2 Runtime ontbreekt op deze computer. \
WebView2 hoort bij Windows 10 en 11 en wordt meestal automatisch bijgewerkt, maar kan op een beheerde werkplek uitgeschakeld zijn. \
Vraag uw IT-afdeling de \"Microsoft Edge WebView2 Runtime\" (Evergreen) te installeren, of installeer die zelf via \
https://developer.microsoft.com/microsoft-edge/webview2/ en start AVG-borging daarna opnieuw. \
De opdrachtregel (avg-borging-cli.exe) werkt ook zonder WebView2.";

/// `Err(exit code)` when the webview runtime is missing, after telling the user in Dutch: in a
/// message box (the window program has no console) and on stderr.
#[cfg(windows)]
fn webview_available() -> Result<(), ExitCode> {
    if tauri::webview_version().is_ok() {
        return Ok(());
    }
    eprintln!("{WEBVIEW2_MISSING}");
    rfd::MessageDialog::new()
        .set_level(rfd::MessageLevel::Error)
        .set_title("AVG-borging kan niet starten")
        .set_description(WEBVIEW2_MISSING)
        .set_buttons(rfd::MessageButtons::Ok)
        .show();
    Err(ExitCode::FAILURE)
}

/// On Linux WebKitGTK is a package dependency: without it the program does not start at all.
#[cfg(not(windows))]
fn webview_available() -> Result<(), ExitCode> {
    Ok(())
}

/// WebKitGTK renders our one local page without GPU compositing unless the user chose otherwise:
/// the compositing buffers cost about 100 MB per web process (under Xvfb 208 → 114 MB PSS, see
/// docs/benchmarks.md) and a list of criteria gains nothing from them. It must be an environment
/// variable read when WebKit starts; changing the policy on a running webview reloads the web
/// process.
#[cfg(target_os = "linux")]
#[allow(unsafe_code)]
fn lean_rendering() {
    const VARIABLE: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";
    if std::env::var_os(VARIABLE).is_none() {
        // SAFETY: called first thing in `main`, before any other thread exists, so no thread can
        // read the environment while it is written.
        unsafe { std::env::set_var(VARIABLE, "1") };
    }
}

#[cfg(not(target_os = "linux"))]
fn lean_rendering() {}

/// WebKitGTK set up for one local page rather than for browsing: the smallest cache model.
#[cfg(target_os = "linux")]
fn lean_webview(window: &tauri::WebviewWindow) {
    let _ = window.with_webview(|webview| {
        use webkit2gtk::{CacheModel, WebContextExt, WebViewExt};
        let view = webview.inner();
        if let Some(context) = view.context() {
            context.set_cache_model(CacheModel::DocumentViewer);
        }
    });
}

#[cfg(not(target_os = "linux"))]
fn lean_webview(_window: &tauri::WebviewWindow) {}

/// The app on any runtime: the dialog plugin, the state and the commands. The window uses the
/// real runtime; the IPC tests (`ipc_acl.rs`) Tauri's mock runtime with the same capabilities.
fn app<R: tauri::Runtime>(builder: tauri::Builder<R>, state: state::AppState) -> tauri::Builder<R> {
    builder
        // Used from Rust only (native open/save dialogs); the page gets no dialog permission.
        .plugin(tauri_plugin_dialog::init())
        // Used from Rust only: Afdrukken opens the report PDF in the system's PDF viewer.
        .plugin(tauri_plugin_opener::init())
        .manage(state)
        .manage(closing::Closing::default())
        // Closing waits until the page has saved what is being typed.
        .on_window_event(closing::on_window_event)
        // Every `#[tauri::command]` in commands.rs, listed by build.rs.
        .invoke_handler(include!(concat!(env!("OUT_DIR"), "/handler.rs")))
}
