//! The page's IPC is checked by Tauri's access control with the app's real configuration and
//! capabilities, run on Tauri's mock runtime: the app's own commands answer, anything else (an
//! unknown command, a plugin command such as opening a dialog or reading a file) is refused, and
//! so is any call from a remote origin.

use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{INVOKE_KEY, get_ipc_response, mock_builder};
use tauri::webview::InvokeRequest;

use crate::state::AppState;

fn request(cmd: &str, url: &str) -> InvokeRequest {
    InvokeRequest {
        cmd: cmd.into(),
        callback: CallbackFn(0),
        error: CallbackFn(1),
        url: url.parse().expect("url"),
        body: InvokeBody::default(),
        headers: Default::default(),
        invoke_key: INVOKE_KEY.to_string(),
    }
}

/// The origin of the app's own page: WebView2 cannot serve a custom scheme as an origin, so on
/// Windows Tauri serves the page from `http://tauri.localhost` (`useHttpsScheme` is off);
/// elsewhere from `tauri://localhost`.
#[cfg(windows)]
const LOCAL: &str = "http://tauri.localhost";
#[cfg(not(windows))]
const LOCAL: &str = "tauri://localhost";

#[test]
fn only_the_apps_own_commands_are_reachable_from_the_page() {
    let dir = tempfile::tempdir().expect("temp dir");
    let state = AppState::open(Ok(dir.path().join("avg-borging.sqlite3")));
    let app = crate::app(mock_builder(), state)
        .build(tauri::generate_context!())
        .expect("the app builds on the mock runtime");
    let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
        .build()
        .expect("the main window");

    let view = get_ipc_response(&webview, request("current_assessment", LOCAL))
        .expect("an allowed command answers")
        .deserialize::<serde_json::Value>()
        .expect("json");
    assert_eq!(view["assessment"]["name"].as_str().map(str::len), Some(4));

    for refused in [
        "delete_everything",
        "plugin:dialog|open",
        "plugin:dialog|save",
        "plugin:fs|read_file",
        "plugin:shell|execute",
    ] {
        let answer = get_ipc_response(&webview, request(refused, LOCAL));
        let reason = answer.expect_err(refused).to_string();
        assert!(reason.contains("not allowed"), "{refused}: {reason}");
    }

    for remote in ["https://example.com", "http://localhost:1420"] {
        let answer = get_ipc_response(&webview, request("current_assessment", remote));
        let reason = answer.expect_err(remote).to_string();
        assert!(
            reason.contains("not allowed") && reason.contains("URL: local"),
            "a call from {remote} must be refused by the capability: {reason}"
        );
    }
}
