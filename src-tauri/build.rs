//! Declares the app's commands in the app manifest, so Tauri ACL-checks them and each one needs an
//! explicit `allow-…` permission in a capability file, and writes the handler list. Both come from
//! the `#[tauri::command]` functions in `src/commands.rs`: the commands are declared once.

#[path = "src/command_names.rs"]
mod command_names;

fn main() {
    println!("cargo::rerun-if-changed=src/commands.rs");
    let source = match std::fs::read_to_string("src/commands.rs") {
        Ok(source) => source,
        Err(err) => {
            println!("cargo::error=src/commands.rs could not be read: {err}");
            return;
        }
    };
    let names = command_names::command_names(&source);
    let handler = format!(
        "tauri::generate_handler![{}]",
        names
            .iter()
            .map(|name| format!("crate::commands::{name}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let out = std::path::PathBuf::from(std::env::var("OUT_DIR").unwrap_or_default());
    if let Err(err) = std::fs::write(out.join("handler.rs"), handler) {
        println!("cargo::error=the handler list could not be written: {err}");
        return;
    }
    // The manifest wants 'static names; a build script runs once, so leaking them is fine.
    let names: &'static [&'static str] =
        Vec::leak(names.into_iter().map(|name| &*String::leak(name)).collect());
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(names));
    if let Err(err) = tauri_build::try_build(attributes) {
        println!("cargo::error=tauri-build failed: {err:#}");
    }
}
