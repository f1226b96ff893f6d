//! The names of the app's commands, read from `commands.rs`: every `#[tauri::command]` function
//! there. `build.rs` uses it for the app manifest (ACL) and the handler list, the contract test for
//! the capability and the page's typed functions, so the list of commands exists once: in the
//! code of the commands themselves.

/// The names of the `#[tauri::command]` functions in `source`, in order.
pub fn command_names(source: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut lines = source.lines();
    while let Some(line) = lines.next() {
        if line.trim() != "#[tauri::command]" {
            continue;
        }
        for next in lines.by_ref() {
            let text = next.trim_start();
            let rest = text
                .strip_prefix("pub async fn ")
                .or_else(|| text.strip_prefix("pub fn "));
            if let Some(rest) = rest {
                names.push(
                    rest.chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect(),
                );
                break;
            }
        }
    }
    names
}
