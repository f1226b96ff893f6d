//! Guards the security defaults: fails when the CSP, the capabilities, the plugins or the command
//! list drift from what ARCHITECTURE.md promises.

use std::collections::BTreeSet;

const CONFIG: &str = include_str!("../tauri.conf.json");
const CAPABILITY: &str = include_str!("../capabilities/main-window.json");
const COMMANDS: &str = include_str!("commands.rs");
const MAIN: &str = include_str!("main.rs");
const MANIFEST: &str = include_str!("../Cargo.toml");

use crate::contract::EXTRA_PERMISSIONS;

/// The plugins the app uses, both only from Rust.
const PLUGINS: &[&str] = &[
    "tauri-plugin-dialog",
    "tauri-plugin-opener",
    "tauri-plugin-single-instance",
];

/// The app's commands: the `#[tauri::command]` functions (build.rs declares and registers these).
fn declared_commands() -> BTreeSet<String> {
    crate::command_names::command_names(COMMANDS)
        .into_iter()
        .collect()
}

#[test]
fn the_csp_is_strict_and_names_no_remote_origin() {
    let config: serde_json::Value = serde_json::from_str(CONFIG).unwrap();
    assert_eq!(config["app"]["withGlobalTauri"], false);
    let csp = config["app"]["security"]["csp"]
        .as_object()
        .expect("a CSP is set");
    for directive in [
        "default-src",
        "script-src",
        "style-src",
        "object-src",
        "base-uri",
    ] {
        assert!(csp.contains_key(directive), "CSP lacks {directive}");
    }
    assert_eq!(csp["script-src"], "'self'");
    assert_eq!(csp["object-src"], "'none'");
    for (directive, value) in csp {
        let value = value.as_str().unwrap_or_default();
        for source in value.split_whitespace() {
            let allowed = matches!(source, "'self'" | "'none'" | "data:" | "ipc:")
                || (directive == "connect-src" && source == "http://ipc.localhost");
            assert!(allowed, "CSP {directive} allows {source}");
        }
    }
    assert!(config["build"].get("devUrl").is_none(), "no dev server URL");
}

#[test]
fn the_capability_grants_only_the_apps_own_commands() {
    let capability: serde_json::Value = serde_json::from_str(CAPABILITY).unwrap();
    assert!(capability.get("remote").is_none(), "no remote URLs");
    assert_eq!(capability["windows"], serde_json::json!(["main"]));
    let granted: BTreeSet<String> = capability["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().expect("plain permission names").to_owned())
        .collect();
    let mut expected: BTreeSet<String> = declared_commands()
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    expected.extend(EXTRA_PERMISSIONS.iter().map(|p| (*p).to_owned()));
    assert_eq!(granted, expected);
}

#[test]
fn only_the_plugins_the_app_uses_are_linked_and_registered() {
    let linked: BTreeSet<&str> = MANIFEST
        .lines()
        .filter_map(|line| line.split(['.', ' ', '=']).next())
        .filter(|name| name.starts_with("tauri-plugin-"))
        .collect();
    assert_eq!(linked, PLUGINS.iter().copied().collect());
    for plugin in PLUGINS {
        let module = plugin.replace('-', "_");
        assert!(
            MAIN.contains(&format!(".plugin({module}::init(")),
            "{plugin} is linked but not registered"
        );
    }
}
