//! The headless command line: `avg-borging [--db PATH] SUBCOMMAND …`. Same binary as the window,
//! same database; no window (and no GTK) is started when a subcommand is given.
//!
//! Exit codes: 0 done; 2 refused (a file that cannot be imported, a blocked dry run, a sealed or
//! unknown criterion, wrong usage) with the reason on stderr; 1 any other failure.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use criteria::{Error, Overview, Status, Store};
use time::OffsetDateTime;

const USAGE: &str = "Gebruik:
  avg-borging                                   start het venster
  avg-borging [--db PAD] import BESTAND [--dry-run]
  avg-borging [--db PAD] set NUMMER STATUS [--note TEKST]
        STATUS: geimplementeerd | gedeeltelijk | aandacht | nvt
  avg-borging [--db PAD] export BESTAND
  avg-borging [--db PAD] overview [--json]

Zonder --db wordt het gegevensbestand van het venster gebruikt; AVG_BORGING_DB wijst een ander aan.";

/// What the command line was asked to do.
#[derive(Debug, PartialEq, Eq)]
enum Command {
    Import {
        file: PathBuf,
        dry_run: bool,
    },
    Set {
        code: String,
        status: Status,
        note: Option<String>,
    },
    Export {
        file: PathBuf,
    },
    Overview {
        json: bool,
    },
}

/// A parsed command line.
#[derive(Debug, PartialEq, Eq)]
struct Invocation {
    db: Option<PathBuf>,
    command: Command,
}

/// Why the command line could not be understood.
#[derive(Debug, PartialEq, Eq)]
struct Usage(String);

/// Runs the command line when `args` (without the program name) hold a subcommand; `None` means
/// "start the window".
pub fn run_if_requested(args: &[String]) -> Option<ExitCode> {
    if args.is_empty() {
        return None;
    }
    if matches!(args, [one] if one == "-h" || one == "--help" || one == "help") {
        println!("{USAGE}");
        return Some(ExitCode::SUCCESS);
    }
    Some(match parse(args) {
        Ok(invocation) => execute(invocation),
        Err(Usage(problem)) => {
            eprintln!("{problem}\n\n{USAGE}");
            ExitCode::from(2)
        }
    })
}

fn parse(args: &[String]) -> Result<Invocation, Usage> {
    let mut db = None;
    let mut rest = args.iter();
    let subcommand = loop {
        match rest.next().map(String::as_str) {
            Some("--db") => {
                let path = rest.next().ok_or_else(|| {
                    Usage("Na --db hoort het pad van een gegevensbestand.".into())
                })?;
                db = Some(PathBuf::from(path));
            }
            Some(other) => break other.to_owned(),
            None => return Err(Usage("Geef een opdracht op.".into())),
        }
    };
    let rest: Vec<&str> = rest.map(String::as_str).collect();
    let command = match (subcommand.as_str(), rest.as_slice()) {
        ("import", [file]) => Command::Import {
            file: file.into(),
            dry_run: false,
        },
        ("import", [file, "--dry-run"] | ["--dry-run", file]) => Command::Import {
            file: file.into(),
            dry_run: true,
        },
        ("set", [code, status, tail @ ..]) => {
            let status = parse_status(status)?;
            let note = match tail {
                [] => None,
                ["--note", note] => Some((*note).to_owned()),
                _ => return Err(Usage("Na de status mag alleen --note TEKST volgen.".into())),
            };
            Command::Set {
                code: (*code).to_owned(),
                status,
                note,
            }
        }
        ("export", [file]) => Command::Export { file: file.into() },
        ("overview", []) => Command::Overview { json: false },
        ("overview", ["--json"]) => Command::Overview { json: true },
        ("import" | "set" | "export" | "overview", _) => {
            return Err(Usage(format!(
                "De opdracht {subcommand} heeft andere argumenten nodig."
            )));
        }
        _ => return Err(Usage(format!("Onbekende opdracht: {subcommand}."))),
    };
    Ok(Invocation { db, command })
}

fn parse_status(text: &str) -> Result<Status, Usage> {
    match text {
        "geimplementeerd" => Ok(Status::Implemented),
        "gedeeltelijk" => Ok(Status::Partial),
        "aandacht" => Ok(Status::Open),
        "nvt" => Ok(Status::NotApplicable),
        _ => Err(Usage(format!(
            "Onbekende status {text:?}: kies geimplementeerd, gedeeltelijk, aandacht of nvt."
        ))),
    }
}

fn execute(invocation: Invocation) -> ExitCode {
    let path = match invocation.db {
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
    let outcome = Store::open(&path)
        .map_err(Failure::Core)
        .and_then(|mut store| run(&mut store, invocation.command));
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
            Failure::Core(err) => matches!(
                err.code(),
                "file_refused" | "import_blocked" | "justification_required" | "not_found"
            ),
        };
        ExitCode::from(if refused { 2 } else { 1 })
    }
}

impl From<Error> for Failure {
    fn from(err: Error) -> Self {
        Failure::Core(err)
    }
}

fn run(store: &mut Store, command: Command) -> Result<ExitCode, Failure> {
    match command {
        Command::Import { file, dry_run } => import(store, &file, dry_run),
        Command::Set { code, status, note } => {
            // On a new database the example round is where answers go, as in the window.
            store.ensure_started(OffsetDateTime::now_utc())?;
            let changed = store.set_status(
                &code,
                status,
                note.as_deref(),
                &crate::data_path::change_context(),
            )?;
            println!(
                "{code}: {}{}",
                status.label(),
                if changed { "" } else { " (was al zo)" }
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Export { file } => {
            let view = store.open_current(OffsetDateTime::now_utc())?;
            let params = criteria::export::ExportParams {
                view: &view,
                exported_at: OffsetDateTime::now_utc(),
                program: concat!("AVG-borging ", env!("CARGO_PKG_VERSION")),
            };
            criteria::export::write_workbook(&params, &file)?;
            println!("Opgeslagen: {}", file.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Overview { json } => {
            let overview = Overview::of(&store.open_current(OffsetDateTime::now_utc())?);
            if json {
                let text = serde_json::to_string_pretty(&overview)
                    .map_err(|err| Failure::Refused(err.to_string()))?;
                println!("{text}");
            } else {
                print!("{}", overview_table(&overview));
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn import(store: &mut Store, file: &Path, dry_run: bool) -> Result<ExitCode, Failure> {
    use criteria::import::{ImportOptions, Severity, analyse};
    let options = ImportOptions {
        remembered: store.remembered_mappings()?,
        ..ImportOptions::new(OffsetDateTime::now_utc().date())
    };
    let plan = analyse(file, &options)?;
    println!(
        "Blad {:?}, kopregel {}, {} criteria in {} thema's.",
        plan.sheet,
        plan.header_row,
        plan.catalog.criteria().count(),
        plan.catalog.themes.len()
    );
    for finding in &plan.findings {
        let place = match (&finding.row, &finding.column) {
            (Some(row), Some(column)) => format!("{}!{column}{row}", finding.sheet),
            (Some(row), None) => format!("{} rij {row}", finding.sheet),
            _ => finding.sheet.clone(),
        };
        let level = match finding.severity {
            Severity::Blocking => "BLOKKEREND",
            Severity::Warning => "waarschuwing",
            Severity::Info => "info",
        };
        println!("  {level}: {place}: {}", finding.message);
    }
    println!("Kolommen: {}", describe_mapping(&plan));
    if dry_run {
        let blocking = plan.blocking();
        if blocking > 0 {
            return Err(Failure::Core(Error::ImportBlocked { count: blocking }));
        }
        println!("Proefimport: geen blokkerende problemen. Er is niets opgeslagen.");
        return Ok(ExitCode::SUCCESS);
    }
    if !plan.mapping_certain {
        return Err(Failure::Refused(
            "De kolommen zijn niet met zekerheid herkend. Er is niets geïmporteerd. Importeer het bestand in het venster (Importeren), controleer daar de kolomindeling en bevestig; die indeling wordt onthouden voor de volgende keer."
                .into(),
        ));
    }
    let outcome = store.apply_import(&plan, &crate::data_path::change_context())?;
    println!(
        "Geïmporteerd in beoordeling {:?}: {} criteria, {} antwoorden gewijzigd{}.",
        outcome.assessment_name,
        outcome.criteria,
        outcome.answers_changed,
        if outcome.new_catalog {
            format!(", nieuwe criteriaset versie {}", outcome.catalog_version)
        } else {
            String::new()
        }
    );
    if outcome.skipped > 0 {
        println!(
            "  {} rijen hebben een nummer dat niet in de criteriaset staat; hun antwoorden zijn niet overgenomen.",
            outcome.skipped
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// Which column became which field, e.g. "Nummer = A (Nr.), Criterium = B (Criterium), …".
fn describe_mapping(plan: &criteria::import::ImportPlan) -> String {
    let m = &plan.mapping;
    let fields = [
        ("Nummer", m.code),
        ("Thema", m.theme),
        ("Criterium", m.text),
        ("Toelichting", m.explanation),
        ("Artikel", m.legal_basis),
        ("Status", m.status),
        ("Onderbouwing", m.justification),
        ("Eigenaar", m.owner),
        ("Actie", m.action),
        ("Deadline", m.deadline),
        ("Bewijs", m.evidence),
    ];
    let parts: Vec<String> = fields
        .iter()
        .filter_map(|(label, column)| {
            let column = (*column)?;
            let header = plan
                .headers
                .get(column as usize)
                .map(String::as_str)
                .unwrap_or("");
            Some(format!("{label} = {} ({header})", column_letter(column)))
        })
        .collect();
    if parts.is_empty() {
        "geen herkend".into()
    } else {
        parts.join(", ")
    }
}

/// 0 → A, 25 → Z, 26 → AA.
fn column_letter(index: u32) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    out.iter().rev().collect()
}

fn overview_table(overview: &Overview) -> String {
    let mut out = format!(
        "{} (versie {})\n{:<45} {:>8} {:>8} {:>8} {:>8} {:>8} {:>12}\n",
        overview.catalog.name,
        overview.catalog.version,
        "Thema",
        "Criteria",
        "Geïmpl.",
        "Gedeelt.",
        "Aandacht",
        "N.v.t.",
        "Niet beoord."
    );
    let rows = overview
        .themes
        .iter()
        .map(|t| (t.theme.as_str(), t.counts))
        .chain(std::iter::once(("Totaal", overview.total)));
    for (name, c) in rows {
        let name: String = name.chars().take(45).collect();
        out.push_str(&format!(
            "{name:<45} {:>8} {:>8} {:>8} {:>8} {:>8} {:>12}\n",
            c.criteria, c.implemented, c.partial, c.open, c.not_applicable, c.unanswered
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(line: &str) -> Vec<String> {
        line.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn the_documented_contract_parses() {
        assert_eq!(
            parse(&args("--db /tmp/x.sqlite3 import lijst.xlsx --dry-run")),
            Ok(Invocation {
                db: Some("/tmp/x.sqlite3".into()),
                command: Command::Import {
                    file: "lijst.xlsx".into(),
                    dry_run: true
                }
            })
        );
        assert_eq!(
            parse(&args("set 3.2 nvt --note geen")).map(|i| i.command),
            Ok(Command::Set {
                code: "3.2".into(),
                status: Status::NotApplicable,
                note: Some("geen".into())
            })
        );
        assert_eq!(
            parse(&args("overview --json")).map(|i| i.command),
            Ok(Command::Overview { json: true })
        );
        assert!(parse(&args("set 3.2 misschien")).is_err());
        assert!(parse(&args("export")).is_err());
        assert!(parse(&args("verwijder alles")).is_err());
    }
}
