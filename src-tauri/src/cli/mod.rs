//! The headless command line: `avg-borging [OPTIES] OPDRACHT …`. Same binary as the window,
//! same database; no window (and no GTK) is started when a subcommand is given.
//!
//! `args.rs` says what is accepted (clap), `render.rs` how results are printed as text; here the
//! command line is read and run. Exit codes: 0 done (also the help); 2 refused (wrong usage, a
//! file that cannot be imported, a blocked dry run, a sealed or unknown criterion: every
//! [`Error::is_refusal`]) with the reason on stderr; 1 any other failure.

mod args;
mod render;

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use clap::Parser;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use criteria::{AssessmentId, Error, NewRound, Overview, SealRequest, Status, Store};

use args::{Command, Invocation, Selection, USAGE};

/// Why the command line was not run.
#[derive(Debug, PartialEq, Eq)]
enum Usage {
    /// Help was asked for: printed on stdout, exit 0.
    Help(String),
    /// Wrong usage: the Dutch reason, printed with the usage on stderr, exit 2.
    Wrong(String),
}

/// Which program runs the command line: the help names the one the user typed.
// Each of the two binaries constructs one of the variants.
#[allow(dead_code)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Program {
    /// `avg-borging`: without a subcommand it opens the window.
    Window,
    /// `avg-borging-cli`: the console program for Windows; it has no window to open.
    Console,
}

impl Program {
    /// The help as this program says it: `avg-borging-cli …` for the console program, without
    /// the line about starting the window. (The texts are written once, for `avg-borging`.)
    fn speak(self, text: &str) -> String {
        match self {
            Program::Window => text.to_owned(),
            Program::Console => text
                .lines()
                .filter(|line| !line.ends_with("start het venster"))
                .map(|line| {
                    let named = line
                        .replace("avg-borging [OPTIES]", "avg-borging-cli [OPTIES]")
                        .replace("avg-borging OPDRACHT", "avg-borging-cli OPDRACHT");
                    // The continuation lines of USAGE stay under the options they continue.
                    if line.starts_with("      ") && line.trim_start().starts_with('[') {
                        format!("    {named}")
                    } else {
                        named
                    }
                })
                .collect::<Vec<_>>()
                .join("\n"),
        }
    }
}

/// Set when standard output could not be written (other than a reader that stopped early).
static OUTPUT_LOST: AtomicBool = AtomicBool::new(false);

/// Writes to standard output. A reader that stops early (`avg-borging overview | head`) is not a
/// failure: the rest is dropped and the command still finishes (an import still commits). Any
/// other failure (a full disk under `> bestand`) is said once and makes the exit code 1;
/// `println!` would panic in both cases.
fn emit(text: std::fmt::Arguments<'_>) {
    let mut out = std::io::stdout().lock();
    match out.write_fmt(text).and_then(|()| out.flush()) {
        Err(err)
            if err.kind() != std::io::ErrorKind::BrokenPipe
                && !OUTPUT_LOST.swap(true, Ordering::Relaxed) =>
        {
            eprintln!(
                "De uitvoer kon niet worden geschreven: {}. De opdracht zelf is wel uitgevoerd.",
                criteria::io_reason(&err)
            );
        }
        _ => {}
    }
}

/// `print!` through [`emit`].
macro_rules! out {
    ($($arg:tt)*) => { emit(format_args!($($arg)*)) };
}

/// `println!` through [`emit`].
macro_rules! outln {
    ($($arg:tt)*) => { emit(format_args!("{}\n", format_args!($($arg)*))) };
}

/// Runs the command line when `args` (without the program name) hold a subcommand; `None` means
/// "start the window".
pub fn run_if_requested(program: Program, args: &[String]) -> Option<ExitCode> {
    if args.is_empty() {
        return None;
    }
    let exit = answer(program, args);
    Some(if OUTPUT_LOST.load(Ordering::Relaxed) {
        ExitCode::from(1)
    } else {
        exit
    })
}

fn answer(program: Program, args: &[String]) -> ExitCode {
    match parse(args) {
        Ok(invocation) => execute(invocation),
        Err(Usage::Help(text)) => {
            outln!("{}", program.speak(&text));
            ExitCode::SUCCESS
        }
        Err(Usage::Wrong(problem)) => {
            eprintln!("{problem}\n\n{}", program.speak(USAGE));
            ExitCode::from(2)
        }
    }
}

fn parse(args: &[String]) -> Result<Invocation, Usage> {
    let args: Vec<&str> = match args {
        // `help [OPDRACHT]` is `[OPDRACHT] --help` (clap's own help subcommand speaks English).
        [help, rest @ ..] if help == "help" && rest.len() <= 1 => {
            rest.iter().map(String::as_str).chain(["--help"]).collect()
        }
        _ => args.iter().map(String::as_str).collect(),
    };
    Invocation::try_parse_from(std::iter::once("avg-borging").chain(args)).map_err(|err| match err
        .kind()
    {
        ErrorKind::DisplayHelp => Usage::Help(err.render().to_string().trim_end().to_owned()),
        _ => Usage::Wrong(problem(&err)),
    })
}

/// clap's reason for refusing a command line, in Dutch (its own texts are English).
fn problem(err: &clap::Error) -> String {
    let text = |kind| match err.get(kind) {
        Some(ContextValue::String(text)) => Some(text.clone()),
        Some(other) => Some(other.to_string()),
        None => None,
    };
    let list = |kind| match err.get(kind) {
        Some(ContextValue::Strings(items)) => items.iter().map(|i| bare(i)).collect(),
        Some(other) => vec![bare(&other.to_string())],
        None => Vec::new(),
    };
    let suggestion = |kind| {
        text(kind)
            .map(|s| format!(" Bedoelt u {s}?"))
            .unwrap_or_default()
    };
    let arg = text(ContextKind::InvalidArg).unwrap_or_default();
    match err.kind() {
        ErrorKind::InvalidSubcommand => format!(
            "Onbekende opdracht: {}.{}",
            text(ContextKind::InvalidSubcommand).unwrap_or_default(),
            suggestion(ContextKind::SuggestedSubcommand)
        ),
        ErrorKind::MissingSubcommand => "Geef een opdracht op.".into(),
        ErrorKind::UnknownArgument if arg.starts_with('-') => format!(
            "Onbekende optie {arg}.{}",
            suggestion(ContextKind::SuggestedArg)
        ),
        ErrorKind::UnknownArgument => format!("Eén argument te veel: {arg:?}."),
        ErrorKind::InvalidValue => match text(ContextKind::InvalidValue).unwrap_or_default() {
            // `--note <TEKST>` given without its text.
            value if value.is_empty() => format!(
                "Na {} hoort een waarde.",
                arg.split_whitespace().next().unwrap_or_default()
            ),
            // "Onbekende status …" after the value's name (`<STATUS>`, `--x <STATUS>`).
            value => format!(
                "Onbekende {} {value:?}: kies {}.",
                bare(arg.split_whitespace().last().unwrap_or_default()).to_lowercase(),
                joined(&list(ContextKind::ValidValue), "of")
            ),
        },
        // The reason comes from our own value parsers (args.rs), already in Dutch.
        ErrorKind::ValueValidation => std::error::Error::source(err)
            .map(ToString::to_string)
            .unwrap_or_else(|| format!("Ongeldige waarde bij {}.", bare(&arg))),
        ErrorKind::MissingRequiredArgument => format!(
            "Geef ook op: {}.",
            joined(&list(ContextKind::InvalidArg), "en")
        ),
        ErrorKind::ArgumentConflict => {
            format!("{} gaat niet samen met de andere opties.", bare(&arg))
        }
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("Het aantal waarden bij {} klopt niet.", bare(&arg))
        }
        _ => "De opdracht is niet begrepen.".into(),
    }
}

/// An argument as the usage names it: `<STATUS>` is STATUS, `--by <NAAM>` is --by NAAM.
fn bare(arg: &str) -> String {
    arg.replace(['<', '>'], "")
}

/// "a", "a of b", "a, b of c" (with `and` = "of").
fn joined(items: &[String], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

impl Command {
    /// Whether the command changes the database (and so needs the writer lock).
    fn writes(&self) -> bool {
        match self {
            Command::Import { dry_run, .. } => !dry_run,
            Command::Set { .. }
            | Command::NewRound { .. }
            | Command::Seal { .. }
            | Command::EditRound { .. } => true,
            Command::Export { .. }
            | Command::Report { .. }
            | Command::Overview { .. }
            | Command::Rounds
            | Command::Compare { .. } => false,
        }
    }
}

fn execute(invocation: Invocation) -> ExitCode {
    let path = match invocation.selection.db.clone() {
        Some(path) => path,
        None => match crate::data_path::database_path() {
            Ok(path) => path,
            Err(err) => {
                eprintln!(
                    "AVG-borging kon geen map voor zijn gegevens maken ({err}). Gebruik --db PAD."
                );
                return ExitCode::FAILURE;
            }
        },
    };
    // Every run takes the writer lock (see criteria's store/lock.rs). While the window has the
    // file open, a run that only reads opens it read-only instead, which cannot touch the
    // window's WAL; a run that writes is refused with the reason.
    let writes = invocation.command.writes();
    let opened = match Store::open(&path) {
        Err(Error::WindowOpen) if !writes => Store::open_read_only(&path),
        other => other,
    };
    let outcome = opened
        .map_err(Failure::Core)
        .and_then(|mut store| run(&mut store, &invocation.selection, invocation.command));
    match outcome {
        Ok(exit) => exit,
        Err(failure) => {
            eprintln!("{}", failure.message());
            failure.exit_code()
        }
    }
}

enum Failure {
    /// Refused with a complete Dutch message.
    Refused(String),
    /// An error of the core.
    Core(Error),
}

impl Failure {
    fn message(&self) -> String {
        match self {
            Failure::Refused(message) => message.clone(),
            Failure::Core(err) => err.to_string(),
        }
    }

    /// 2 when the input was refused (the user can fix it), 1 when something else failed.
    fn exit_code(&self) -> ExitCode {
        let refused = match self {
            Failure::Refused(_) => true,
            Failure::Core(err) => err.is_refusal(),
        };
        ExitCode::from(if refused { 2 } else { 1 })
    }
}

impl From<Error> for Failure {
    fn from(err: Error) -> Self {
        Failure::Core(err)
    }
}

impl Selection {
    /// The round meant: the one named, else the open one, else (on a new database) the
    /// example round, as in the window.
    fn round(&self, store: &mut Store) -> Result<AssessmentId, Failure> {
        if self.organisation.is_none() && self.round.is_none() {
            return Ok(store.ensure_started(crate::clock::now())?);
        }
        store.ensure_started(crate::clock::now())?;
        store
            .find_round(self.organisation.as_deref(), self.round.as_deref())?
            .ok_or_else(|| Failure::Refused("Er is nog geen ronde.".into()))
    }

    /// A round of the selected organisation by name.
    fn named(&self, store: &mut Store, name: &str) -> Result<AssessmentId, Failure> {
        store.ensure_started(crate::clock::now())?;
        let not_found = || Failure::Refused(format!("De ronde {name:?} is niet gevonden."));
        match store.find_round(self.organisation.as_deref(), Some(name)) {
            Ok(Some(id)) => Ok(id),
            // The terminal user typed the name: say which one was not found.
            Ok(None) | Err(criteria::Error::NotFound { .. }) => Err(not_found()),
            Err(err) => Err(err.into()),
        }
    }
}

fn run(store: &mut Store, selection: &Selection, command: Command) -> Result<ExitCode, Failure> {
    let ctx = crate::data_path::change_context(store);
    match command {
        Command::Import {
            file,
            dry_run,
            sheet,
            header_row,
            columns,
            catalog_name,
            catalog_version,
            new_round,
        } => {
            // The round meant; on a new database there is none yet and the import makes one.
            let round = if selection.organisation.is_some() || selection.round.is_some() {
                Some(selection.round(store)?)
            } else {
                store.current_assessment()?
            };
            let corrections = criteria::import::ImportCorrections {
                sheet,
                header_row,
                mapping: None,
            };
            let given = Given {
                name: catalog_name,
                version: catalog_version,
                new_round,
            };
            import(store, &file, round, corrections, &columns, &given, dry_run)
        }
        Command::Set { code, status, note } => {
            let round = selection.round(store)?;
            let status = Status::from(status);
            let changed = store.set_status(round, &code, status, note.as_deref(), &ctx)?;
            outln!(
                "{code}: {}{}",
                status.label(),
                if changed { "" } else { " (was al zo)" }
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Export { file } => {
            let round = selection.round(store)?;
            criteria::flows::export_round(
                store,
                &criteria::flows::ExportRequest {
                    round,
                    compare_with: None,
                    target: &file,
                    exported_at: crate::clock::now(),
                    program: concat!("AVG-borging ", env!("CARGO_PKG_VERSION")),
                },
            )?;
            outln!("Opgeslagen: {}", file.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Report {
            file,
            document,
            public,
            compare,
            no_compare,
        } => {
            let round = selection.round(store)?;
            let compare_with = match (compare, no_compare) {
                (_, true) => None,
                (Some(name), false) => Some(selection.named(store, &name)?),
                (None, false) => store.previous_round(round)?,
            };
            let request = criteria::flows::ReportRequest {
                round,
                choice: criteria::report::ReportChoice {
                    document: document.into(),
                    public,
                    compare_with,
                },
                printed_on: crate::clock::now().date(),
            };
            criteria::flows::write_report(store, &request, &file)?;
            outln!("Opgeslagen: {}", file.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Overview { json } => {
            let round = selection.round(store)?;
            let overview = Overview::of(&store.assessment_view(round)?);
            if json {
                print_json(&overview)?;
            } else {
                out!("{}", render::overview_table(&overview));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Rounds => {
            store.ensure_started(crate::clock::now())?;
            out!("{}", render::rounds_table(&store.rounds()?));
            Ok(ExitCode::SUCCESS)
        }
        Command::NewRound { name, from, date } => {
            let base = selection.round(store)?;
            let organisation = store.assessment_view(base)?.assessment.organisation_id;
            let carry_from = from
                .as_deref()
                .map(|from| selection.named(store, from))
                .transpose()?;
            let view = criteria::flows::create_round(
                store,
                &NewRound {
                    organisation,
                    name,
                    reference_date: date.map(|d| d.to_string()),
                    carry_from,
                },
                &ctx,
            )?;
            let carried = view
                .themes
                .iter()
                .flat_map(|t| &t.criteria)
                .filter(|c| c.carried_from.is_some())
                .count();
            outln!(
                "Ronde {:?} van {} aangemaakt en geopend{}.",
                view.assessment.name,
                view.assessment.organisation,
                if carried > 0 {
                    format!(" ({carried} antwoorden overgenomen; bevestig of wijzig ze)")
                } else {
                    String::new()
                }
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Compare { from, to, json } => {
            let from = selection.named(store, &from)?;
            let to = selection.named(store, &to)?;
            let comparison = store.compare(from, to)?;
            if json {
                print_json(&comparison)?;
            } else {
                out!("{}", render::comparison_table(&comparison));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Seal { round, by, date } => {
            let id = selection.named(store, &round)?;
            // The formal act is the user's: what is incomplete is said, not refused.
            let readiness = criteria::SealReadiness::of(&store.assessment_view(id)?);
            for line in readiness.lines() {
                eprintln!("Let op: {line}");
            }
            let seal = store.seal_round(
                id,
                &SealRequest {
                    sealed_by: by,
                    sealed_on: date.map(|d| d.to_string()),
                },
                &ctx,
            )?;
            outln!("{}", seal.fingerprint);
            eprintln!(
                "Ronde {round:?} vastgesteld op {} door {}. Vingerafdruk (SHA-256): {}",
                seal.sealed_on,
                seal.sealed_by,
                criteria::fingerprint::grouped(&seal.fingerprint)
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::EditRound {
            round,
            name,
            date,
            no_date,
        } => {
            let id = selection.named(store, &round)?;
            // What is not given stays as it is.
            let current = store.assessment_view(id)?.assessment;
            let reference_date = if no_date {
                None
            } else {
                date.map(|d| d.to_string())
                    .or(current.reference_date.map(|d| d.to_string()))
            };
            let view = criteria::flows::edit_round(
                store,
                id,
                &criteria::RoundEdit {
                    name: name.unwrap_or(current.name),
                    reference_date,
                },
                &ctx,
            )?;
            outln!(
                "Ronde {:?} van {}, peildatum {}.",
                view.assessment.name,
                view.assessment.organisation,
                view.assessment
                    .reference_date
                    .map_or_else(|| "geen".to_owned(), |d| d.to_string())
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn print_json(value: &impl serde::Serialize) -> Result<(), Failure> {
    let text =
        serde_json::to_string_pretty(value).map_err(|err| Failure::Refused(err.to_string()))?;
    outln!("{text}");
    Ok(())
}

/// What was given for an import: the catalog's name and version (`--catalog-name`,
/// `--catalog-version`) and the name of the new round (`--new-round`).
struct Given {
    name: Option<String>,
    version: Option<String>,
    new_round: Option<String>,
}

fn import(
    store: &mut Store,
    file: &Path,
    round: Option<AssessmentId>,
    mut corrections: criteria::import::ImportCorrections,
    columns: &[args::ColumnChoice],
    given: &Given,
    dry_run: bool,
) -> Result<ExitCode, Failure> {
    let today = crate::clock::now().date();
    let mut read = criteria::flows::dry_run(store, file, corrections.clone(), today);
    if !columns.is_empty() {
        // As in the window: the detected mapping with the user's changes, read again; when
        // nothing was recognised, only the columns given (with --sheet and --header-row). A
        // given mapping is remembered for files with the same headers once the import is done.
        let mut mapping = match &read {
            Ok(plan) => {
                corrections.sheet = Some(plan.sheet.clone());
                corrections.header_row = Some(plan.header_row);
                plan.mapping.clone()
            }
            Err(_) => criteria::import::ColumnMapping::default(),
        };
        for choice in columns {
            mapping.set(choice.field, choice.column);
        }
        corrections.mapping = Some(mapping);
        read = criteria::flows::dry_run(store, file, corrections, today);
    }
    let mut plan = read?;
    if given.name.is_some() || given.version.is_some() {
        // Applied before the report, so the dry run shows what would be stored.
        let identity = criteria::import::CatalogIdentity {
            name: given
                .name
                .clone()
                .unwrap_or_else(|| plan.catalog.name.clone()),
            version: given
                .version
                .clone()
                .unwrap_or_else(|| plan.catalog.version.clone()),
        };
        plan.set_catalog_identity(&identity)?;
    }
    // Where it goes, by the rules the import itself follows; a name for a new round is checked
    // now, so a dry run refuses it as the import would.
    let destination = criteria::flows::import_destination(
        store,
        round,
        &plan,
        None,
        false,
        given.new_round.as_deref(),
        crate::clock::now(),
    );
    match &destination {
        Ok(destination) => out!("{}", render::import_report(&plan, Some(destination))),
        Err(_) => out!("{}", render::import_report(&plan, None)),
    }
    destination?;
    if dry_run {
        let blocking = plan.blocking();
        if blocking > 0 {
            return Err(Failure::Core(Error::ImportBlocked { count: blocking }));
        }
        outln!("Proefimport: geen blokkerende problemen. Er is niets opgeslagen.");
        return Ok(ExitCode::SUCCESS);
    }
    if !plan.mapping_certain {
        return Err(Failure::Refused(
            "De kolommen zijn niet met zekerheid herkend. Er is niets geïmporteerd. Controleer de kolomindeling hierboven en wijs de kolommen aan met --column VELD=LETTER (bijvoorbeeld --column status=D), of importeer het bestand in het venster (Importeren); die indeling wordt onthouden voor de volgende keer."
                .into(),
        ));
    }
    let outcome = criteria::flows::confirm_import(
        store,
        round,
        &plan,
        None,
        false,
        given.new_round.as_deref(),
        &crate::data_path::change_context(store),
    )?;
    outln!(
        "Geïmporteerd in beoordeling {:?}: {} criteria, {}{}.",
        outcome.assessment_name,
        outcome.criteria,
        outcome.answers_phrase(),
        if outcome.new_catalog {
            format!(", nieuwe criteriaset versie {}", outcome.catalog_version)
        } else {
            String::new()
        }
    );
    if outcome.skipped > 0 {
        outln!(
            "  {} rijen hebben een nummer dat niet in de criteriaset staat; hun antwoorden zijn niet overgenomen.",
            outcome.skipped
        );
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use args::{Command, StatusArg};

    fn args(line: &str) -> Vec<String> {
        line.split_whitespace().map(str::to_owned).collect()
    }

    fn wrong(line: &str) -> String {
        match parse(&args(line)) {
            Err(Usage::Wrong(problem)) => problem,
            other => panic!("{line}: {other:?}"),
        }
    }

    fn help(line: &str) -> String {
        match parse(&args(line)) {
            Err(Usage::Help(text)) => text,
            other => panic!("{line}: {other:?}"),
        }
    }

    #[test]
    fn the_documented_contract_parses() {
        let import = parse(&args("--db /tmp/x.sqlite3 import lijst.xlsx --dry-run")).unwrap();
        assert_eq!(import.selection.db, Some("/tmp/x.sqlite3".into()));
        assert_eq!(import.selection.organisation, None);
        assert_eq!(
            import.command,
            Command::Import {
                file: "lijst.xlsx".into(),
                dry_run: true,
                sheet: None,
                header_row: None,
                columns: Vec::new(),
                catalog_name: None,
                catalog_version: None,
                new_round: None,
            }
        );
        let named = parse(
            &[
                "import",
                "lijst.xlsx",
                "--catalog-name",
                "Criteria borging AVG",
                "--catalog-version",
                "2.1",
            ]
            .map(str::to_owned),
        )
        .unwrap();
        let Command::Import {
            catalog_name,
            catalog_version,
            ..
        } = named.command
        else {
            panic!("an import");
        };
        assert_eq!(catalog_name.as_deref(), Some("Criteria borging AVG"));
        assert_eq!(catalog_version.as_deref(), Some("2.1"));
        let chosen = parse(&args(
            "import lijst.xlsx --sheet Eisen --header-row 3 --column status=D --column toelichting=-",
        ))
        .unwrap();
        let Command::Import {
            sheet,
            header_row,
            columns,
            ..
        } = chosen.command
        else {
            panic!("an import");
        };
        assert_eq!(sheet.as_deref(), Some("Eisen"));
        assert_eq!(header_row, Some(3));
        assert_eq!(
            columns,
            [
                args::ColumnChoice {
                    field: criteria::import::Field::Status,
                    column: Some(3)
                },
                args::ColumnChoice {
                    field: criteria::import::Field::Explanation,
                    column: None
                }
            ]
        );
        for (wrong, says) in [
            ("--column status", "VELD=LETTER"),
            ("--column kleur=D", "Onbekend veld"),
            ("--column status=D4", "geen kolomletter"),
            ("--header-row 0", "rijnummer vanaf 1"),
        ] {
            let Err(Usage::Wrong(problem)) = parse(&args(&format!("import lijst.xlsx {wrong}")))
            else {
                panic!("{wrong} is refused");
            };
            assert!(problem.contains(says), "{wrong}: {problem}");
        }
        assert_eq!(
            parse(&args("set 3.2 nvt --note geen")).map(|i| i.command),
            Ok(Command::Set {
                code: "3.2".into(),
                status: StatusArg::NotApplicable,
                note: Some("geen".into())
            })
        );
        assert_eq!(
            parse(&args("overview --json")).map(|i| i.command),
            Ok(Command::Overview { json: true })
        );
        let seal = parse(&args(
            "--organisation Oost --round 2026 seal 2025 --by College",
        ))
        .expect("seal parses");
        assert_eq!(seal.selection.organisation.as_deref(), Some("Oost"));
        assert_eq!(seal.selection.round.as_deref(), Some("2026"));
        assert_eq!(
            seal.command,
            Command::Seal {
                round: "2025".into(),
                by: "College".into(),
                date: None
            }
        );
        assert_eq!(
            parse(&args("new-round 2027 --from 2026 --date 2027-01-01")).map(|i| i.command),
            Ok(Command::NewRound {
                name: "2027".into(),
                from: Some("2026".into()),
                date: Some(time::macros::date!(2027 - 01 - 01))
            })
        );
        assert_eq!(
            parse(&args("compare 2025 2026 --json")).map(|i| i.command),
            Ok(Command::Compare {
                from: "2025".into(),
                to: "2026".into(),
                json: true
            })
        );
    }

    #[test]
    fn the_options_may_follow_the_subcommand() {
        let after = parse(&args(
            "overview --json --db x.sqlite3 --round 2026 --organisation Oost",
        ))
        .unwrap();
        assert_eq!(after.selection.db, Some("x.sqlite3".into()));
        assert_eq!(after.selection.round.as_deref(), Some("2026"));
        assert_eq!(after.selection.organisation.as_deref(), Some("Oost"));
        // Given twice, the last one counts.
        let twice = parse(&args(
            "--round 2025 set 1.1 nvt --note a --note b --round 2026",
        ))
        .unwrap();
        assert_eq!(twice.selection.round.as_deref(), Some("2026"));
        assert!(matches!(twice.command, Command::Set { note: Some(n), .. } if n == "b"));
    }

    #[test]
    fn wrong_usage_is_explained_in_dutch() {
        assert_eq!(
            wrong("set 3.2 misschien"),
            "Onbekende status \"misschien\": kies geimplementeerd, gedeeltelijk, aandacht of nvt."
        );
        assert_eq!(wrong("export"), "Geef ook op: BESTAND.");
        assert_eq!(wrong("compare 2025"), "Geef ook op: RONDE_B.");
        assert_eq!(wrong("seal 2025"), "Geef ook op: --by NAAM.");
        assert_eq!(wrong("set 1.1"), "Geef ook op: STATUS.");
        assert_eq!(wrong("set"), "Geef ook op: NUMMER en STATUS.");
        assert!(wrong("verwijder alles").starts_with("Onbekende opdracht: verwijder."));
        assert_eq!(
            wrong("overvieuw"),
            "Onbekende opdracht: overvieuw. Bedoelt u overview?"
        );
        assert!(wrong("overview --jsn").starts_with("Onbekende optie --jsn."));
        assert_eq!(
            wrong("export a.xlsx b.xlsx"),
            "Eén argument te veel: \"b.xlsx\"."
        );
        assert_eq!(wrong("set 1.1 nvt --note"), "Na --note hoort een waarde.");
        assert_eq!(wrong("--db x.sqlite3"), "Geef een opdracht op.");
        assert_eq!(
            wrong("new-round 2027 --date 2027-02-30"),
            "De datum \u{201c}2027-02-30\u{201d} bestaat niet of is niet geschreven als JJJJ-MM-DD (bijvoorbeeld 2026-12-31)."
        );
        assert!(wrong("seal 2026 --by College --date 1-1-2026").contains("JJJJ-MM-DD"));
    }

    #[test]
    fn help_is_dutch_for_the_program_and_each_subcommand() {
        for line in ["-h", "--help", "help", "--db x.sqlite3 --help"] {
            assert_eq!(help(line), USAGE, "{line}");
        }
        let set = help("set --help");
        assert_eq!(help("help set"), set);
        assert_eq!(help("set -h"), set);
        for dutch in [
            "Legt de status van één criterium vast",
            "Gebruik:\n  avg-borging [OPTIES] set NUMMER STATUS [--note TEKST]",
            "Argumenten:",
            "geimplementeerd, gedeeltelijk, aandacht of nvt",
            "--note <TEKST>",
            "--organisation <NAAM>",
            "Toont deze uitleg",
        ] {
            assert!(set.contains(dutch), "{dutch:?} in:\n{set}");
        }
        for name in [
            "import",
            "set",
            "export",
            "overview",
            "rounds",
            "new-round",
            "compare",
            "seal",
        ] {
            let text = help(&format!("{name} --help"));
            for english in [
                "Usage",
                "Options",
                "Arguments",
                "Print help",
                "possible values",
            ] {
                assert!(!text.contains(english), "{english:?} in:\n{text}");
            }
            assert!(
                USAGE.contains(&format!("avg-borging [OPTIES] {name}")),
                "{name}"
            );
        }
        assert!(wrong("help verwijder").starts_with("Onbekende opdracht: verwijder."));
    }

    #[test]
    fn the_console_program_names_itself_in_its_help() {
        let usage = Program::Console.speak(USAGE);
        assert!(!usage.contains("start het venster"), "{usage}");
        assert!(
            usage.contains("  avg-borging-cli [OPTIES] overview [--json]"),
            "{usage}"
        );
        assert!(usage.contains("avg-borging-cli OPDRACHT --help"), "{usage}");
        assert!(!usage.contains("avg-borging [OPTIES]"), "{usage}");
        // The continuation of `import` stays under its options.
        let column = |text: &str, needle: &str| {
            let line = text.lines().find(|l| l.contains(needle)).unwrap();
            line.find(needle).unwrap()
        };
        assert_eq!(column(USAGE, "[--dry-run]"), column(USAGE, "[--column"));
        assert_eq!(column(&usage, "[--dry-run]"), column(&usage, "[--column"));
        let set = Program::Console.speak(&help("set --help"));
        assert!(
            set.contains("avg-borging-cli [OPTIES] set NUMMER STATUS"),
            "{set}"
        );
        assert_eq!(Program::Window.speak(USAGE), USAGE);
    }
}
