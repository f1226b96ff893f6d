//! `avg-borging-cli`: the same command line as `avg-borging OPDRACHT …`, as a console program.
//! On Windows the window program is a GUI-subsystem exe, which gets no console: its output would
//! vanish and a script could not wait for it. This binary shares the command-line code (same
//! options, output and exit codes: 0 done, 2 refused, 1 other failure) and never opens a window.

// The modules are the window program's own files; the parts only the window uses (e.g. `today`
// for the plan screen) are unused here, which is expected rather than dead code.
#[allow(dead_code)]
mod cli;
#[allow(dead_code)]
mod clock;
#[allow(dead_code)]
mod data_path;

use std::process::ExitCode;

fn main() -> ExitCode {
    clock::init();
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|arg| arg.to_string_lossy().into_owned())
        .collect();
    cli::run_if_requested(cli::Program::Console, &args).unwrap_or_else(|| {
        // Without a subcommand the window program opens its window; this one has none to open.
        eprintln!(
            "Geef een opdracht, bijvoorbeeld: avg-borging-cli overview. Alle opdrachten: avg-borging-cli help"
        );
        ExitCode::from(2)
    })
}
