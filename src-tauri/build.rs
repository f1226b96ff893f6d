//! Declares the app's own commands in the app manifest, so Tauri ACL-checks them and each one
//! needs an explicit `allow-…` permission in a capability file.

/// Every command the window may call; keep in step with `generate_handler!` in `src/main.rs`.
const COMMANDS: &[&str] = &[
    "current_assessment",
    "save_answer",
    "answer_history",
    "overview",
    "choose_import_file",
    "revise_import",
    "confirm_import",
    "export_workbook",
    "import_catalog_changes",
    "rounds",
    "create_organisation",
    "rename_organisation",
    "open_round",
    "create_round",
    "seal_round",
    "unseal_round",
    "check_seal",
    "round_events",
    "compare_rounds",
    "improvement_plan",
    "list_backups",
    "restore_backup",
    "backup_problem",
    "finish_close",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(err) = tauri_build::try_build(attributes) {
        println!("cargo::error=tauri-build failed: {err:#}");
    }
}
