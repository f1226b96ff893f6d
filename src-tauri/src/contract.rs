//! The page's side of the commands, generated from their Rust signatures in `commands.rs`:
//! `ui/src/lib/commands.ts` (one typed function per command; the page never spells a command
//! name) and the capability that allows exactly these commands. The test fails when either file
//! is stale; `make bindings` (`UPDATE_BINDINGS=1`) rewrites them.

use std::fmt::Write as _;
use std::path::PathBuf;

const COMMANDS: &str = include_str!("commands.rs");

/// Permissions beyond the app's own commands, each with the reason it is needed.
pub const EXTRA_PERMISSIONS: &[&str] = &[
    // Tauri's Ctrl +/- zoom hotkeys (users who need larger text).
    "core:webview:allow-set-webview-zoom",
];

/// Arguments Tauri fills in itself; the page does not send them.
const INJECTED: &[&str] = &["State", "AppHandle", "WebviewWindow", "Window"];

/// A Rust type of the wire as TypeScript, collecting the generated types it names.
fn ts_type(ty: &syn::Type, names: &mut std::collections::BTreeSet<String>) -> String {
    match ty {
        syn::Type::Tuple(tuple) if tuple.elems.is_empty() => "void".into(),
        syn::Type::Reference(reference) => ts_type(&reference.elem, names),
        syn::Type::Path(path) => {
            let Some(last) = path.path.segments.last() else {
                return "unknown".into();
            };
            let args: Vec<&syn::Type> = match &last.arguments {
                syn::PathArguments::AngleBracketed(generic) => generic
                    .args
                    .iter()
                    .filter_map(|arg| match arg {
                        syn::GenericArgument::Type(ty) => Some(ty),
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            };
            let ident = last.ident.to_string();
            match (ident.as_str(), args.as_slice()) {
                ("String" | "str" | "PathBuf", _) => "string".into(),
                ("bool", _) => "boolean".into(),
                // criteria's Date is `IsoDate` in bindings.ts (`Date` is the built-in object).
                ("Date", []) => {
                    names.insert("IsoDate".into());
                    "IsoDate".into()
                }
                ("i32" | "i64" | "u8" | "u16" | "u32" | "u64" | "usize" | "f64", _) => {
                    "number".into()
                }
                ("Option", [inner]) => format!("{} | null", ts_type(inner, names)),
                ("Vec", [inner]) => {
                    let inner = ts_type(inner, names);
                    if inner.contains(' ') {
                        format!("({inner})[]")
                    } else {
                        format!("{inner}[]")
                    }
                }
                // A command's Result: errors are thrown as ApiError by `call`.
                ("Result", [ok, ..]) => ts_type(ok, names),
                _ => {
                    names.insert(ident.clone());
                    ident
                }
            }
        }
        _ => "unknown".into(),
    }
}

fn camel(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

fn docs(attrs: &[syn::Attribute]) -> Vec<String> {
    attrs
        .iter()
        .filter_map(|attr| match &attr.meta {
            syn::Meta::NameValue(nv) if nv.path.is_ident("doc") => match &nv.value {
                syn::Expr::Lit(syn::ExprLit {
                    lit: syn::Lit::Str(text),
                    ..
                }) => Some(text.value().trim().to_owned()),
                _ => None,
            },
            _ => None,
        })
        .collect()
}

fn is_injected(ty: &syn::Type) -> bool {
    match ty {
        syn::Type::Path(path) => path
            .path
            .segments
            .last()
            .is_some_and(|last| INJECTED.contains(&last.ident.to_string().as_str())),
        _ => false,
    }
}

/// `commands.ts`: one function per `#[tauri::command]`, in the order of `commands.rs`.
pub fn commands_ts() -> String {
    let file = syn::parse_file(COMMANDS).expect("commands.rs parses");
    let mut names = std::collections::BTreeSet::new();
    let mut body = String::new();
    for item in &file.items {
        let syn::Item::Fn(function) = item else {
            continue;
        };
        let is_command = function.attrs.iter().any(|attr| {
            let path = attr.path();
            path.segments.len() == 2
                && path.segments[0].ident == "tauri"
                && path.segments[1].ident == "command"
        });
        if !is_command {
            continue;
        }
        let name = function.sig.ident.to_string();
        let mut params = Vec::new();
        let mut keys = Vec::new();
        for input in &function.sig.inputs {
            let syn::FnArg::Typed(arg) = input else {
                continue;
            };
            if is_injected(&arg.ty) {
                continue;
            }
            let syn::Pat::Ident(ident) = &*arg.pat else {
                continue;
            };
            let key = camel(&ident.ident.to_string());
            params.push(format!("{key}: {}", ts_type(&arg.ty, &mut names)));
            keys.push(key);
        }
        let result = match &function.sig.output {
            syn::ReturnType::Default => "void".to_owned(),
            syn::ReturnType::Type(_, ty) => ts_type(ty, &mut names),
        };
        let doc = docs(&function.attrs);
        body.push('\n');
        if !doc.is_empty() {
            body.push_str("/**\n");
            for line in &doc {
                if line.is_empty() {
                    body.push_str(" *\n");
                } else {
                    let _ = writeln!(body, " * {line}");
                }
            }
            body.push_str(" */\n");
        }
        let args = if keys.is_empty() {
            String::new()
        } else {
            format!(", {{ {} }}", keys.join(", "))
        };
        let _ = writeln!(
            body,
            "export function {}({}): Promise<{result}> {{\n  return call<{result}>(\"{name}\"{args});\n}}",
            camel(&name),
            params.join(", ")
        );
    }
    let mut out = String::from(
        "// Generated from src-tauri/src/commands.rs by `make bindings`: do not edit by hand.\n\
         // One function per command; errors are thrown as ApiError (see ipc.ts).\n\
         import { call } from \"./ipc\";\n",
    );
    if !names.is_empty() {
        let _ = writeln!(
            out,
            "import type {{ {} }} from \"./bindings\";",
            names.into_iter().collect::<Vec<_>>().join(", ")
        );
    }
    out.push_str(&body);
    out
}

/// The capability of the main window: the app's own commands plus [`EXTRA_PERMISSIONS`].
pub fn capability_json() -> String {
    let mut permissions: Vec<String> = crate::command_names::command_names(COMMANDS)
        .iter()
        .map(|name| format!("allow-{}", name.replace('_', "-")))
        .collect();
    permissions.extend(EXTRA_PERMISSIONS.iter().map(|p| (*p).to_owned()));
    let capability = serde_json::json!({
        "identifier": "main-window",
        "description": "The main window may call only the app's own commands, plus setting its own zoom level (Ctrl + / Ctrl - for users who need larger text). Generated from src/commands.rs by `make bindings`.",
        "windows": ["main"],
        "permissions": permissions,
    });
    let mut text = serde_json::to_string_pretty(&capability).expect("JSON");
    text.push('\n');
    text
}

fn check_or_update(path: PathBuf, expected: &str) {
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, expected).expect("write the generated file");
        return;
    }
    let found = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        found == expected,
        "{} is stale: run `make bindings` and commit the result",
        path.display()
    );
}

#[test]
fn the_pages_command_functions_and_the_capability_are_up_to_date() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    check_or_update(root.join("../ui/src/lib/commands.ts"), &commands_ts());
    check_or_update(
        root.join("capabilities/main-window.json"),
        &capability_json(),
    );
}

#[test]
fn every_command_has_a_typed_function_for_the_page() {
    let ts = commands_ts();
    for name in crate::command_names::command_names(COMMANDS) {
        assert!(
            ts.contains(&format!("(\"{name}\"")),
            "{name} has no function in commands.ts"
        );
    }
    // Arguments are sent under the names Tauri expects (camelCase), the injected ones not.
    assert!(
        ts.contains("export function saveAnswer(assessment: AssessmentId, criterion: CriterionId, answer: AnswerInput): Promise<boolean>"),
        "{ts}"
    );
    assert!(ts.contains("return call<void>(\"finish_close\", { close });"));
    assert!(
        !ts.contains("state"),
        "no injected argument leaks into the page"
    );
}
