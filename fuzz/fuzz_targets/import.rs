//! Fuzz target: any bytes through the import's dry run (`criteria::import::analyse_bytes`).
//!
//! A crash is what would reach a user: a panic that escapes `analyse_bytes`, an abort, a hang
//! (libFuzzer's `-timeout`) or memory beyond libFuzzer's `-rss_limit_mb` / `-malloc_limit_mb`.
//! A panic inside calamine that the import itself catches and turns into a refusal is handled
//! behaviour, so libfuzzer-sys's abort-on-any-panic hook is replaced by a quiet one.

#![no_main]

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;

use criteria::import::{ImportOptions, analyse_bytes};
use libfuzzer_sys::fuzz_target;

static QUIET_PANICS: Once = Once::new();

fuzz_target!(|data: &[u8]| {
    QUIET_PANICS.call_once(|| std::panic::set_hook(Box::new(|_| {})));
    let options = ImportOptions::default();
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        analyse_bytes("fuzz.xlsx", data, &options)
    }));
    match outcome {
        Ok(Ok(_plan)) => {}
        // Every refusal is a complete Dutch sentence.
        Ok(Err(err)) => {
            if !err
                .to_string()
                .starts_with("Dit bestand kan niet worden ingelezen")
            {
                eprintln!("not a refusal: {err:?}");
                std::process::abort();
            }
        }
        Err(panic) => {
            let message = panic
                .downcast_ref::<String>()
                .map(String::as_str)
                .or_else(|| panic.downcast_ref::<&str>().copied())
                .unwrap_or("(no message)");
            eprintln!("panic escaped analyse_bytes: {message}");
            std::process::abort();
        }
    }
});
