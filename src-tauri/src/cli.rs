//! The headless command line: `avg-borging [--db PATH] SUBCOMMAND …`. Same binary as the window,
//! same database; no window (and no GTK) is started when a subcommand is given.
//!
//! Exit codes: 0 done; 2 refused (a file that cannot be imported, a blocked dry run, a sealed or
//! unknown criterion, wrong usage) with the reason on stderr; 1 any other failure.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use criteria::{
    AssessmentId, Comparison, Error, NewRound, Overview, Rounds, SealRequest, Status, Store,
};

const USAGE: &str = "Gebruik:
  avg-borging                                   start het venster
  avg-borging [OPTIES] import BESTAND [--dry-run]
  avg-borging [OPTIES] set NUMMER STATUS [--note TEKST]
        STATUS: geimplementeerd | gedeeltelijk | aandacht | nvt
  avg-borging [OPTIES] export BESTAND
  avg-borging [OPTIES] overview [--json]
  avg-borging [OPTIES] rounds
  avg-borging [OPTIES] new-round NAAM [--from RONDE] [--date JJJJ-MM-DD]
  avg-borging [OPTIES] compare RONDE_A RONDE_B [--json]
  avg-borging [OPTIES] seal RONDE --by NAAM [--date JJJJ-MM-DD]

OPTIES (voor de opdracht):
  --db PAD              een ander gegevensbestand (ook: AVG_BORGING_DB)
  --organisation NAAM   de organisatie (anders: die van de laatst geopende ronde)
  --round NAAM          de ronde (anders: de laatst geopende, of de meest recente)

Zonder --db wordt het gegevensbestand van het venster gebruikt.";

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
    Rounds,
    NewRound {
        name: String,
        from: Option<String>,
        date: Option<String>,
    },
    Compare {
        from: String,
        to: String,
        json: bool,
    },
    Seal {
        round: String,
        by: String,
        date: Option<String>,
    },
}

impl Command {
    /// Whether the command changes the database (and so needs the writer lock).
    fn writes(&self) -> bool {
        match self {
            Command::Import { dry_run, .. } => !dry_run,
            Command::Set { .. } | Command::NewRound { .. } | Command::Seal { .. } => true,
            Command::Export { .. }
            | Command::Overview { .. }
            | Command::Rounds
            | Command::Compare { .. } => false,
        }
    }
}

/// A parsed command line.
#[derive(Debug, PartialEq, Eq)]
struct Invocation {
    db: Option<PathBuf>,
    organisation: Option<String>,
    round: Option<String>,
    command: Command,
}

/// `--name VALUE` pairs as given.
type Options<'a> = Vec<(String, &'a str)>;

/// Splits `--name VALUE` options (in any order) from the positional arguments.
fn options<'a>(args: &[&'a str], known: &[&str]) -> Result<(Vec<&'a str>, Options<'a>), Usage> {
    let mut positional = Vec::new();
    let mut found = Vec::new();
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        if arg.starts_with("--") {
            if !known.contains(arg) {
                return Err(Usage(format!("Onbekende optie {arg}.")));
            }
            let value = rest
                .next()
                .ok_or_else(|| Usage(format!("Na {arg} hoort een waarde.")))?;
            found.push(((*arg).to_owned(), *value));
        } else {
            positional.push(*arg);
        }
    }
    Ok((positional, found))
}

fn option(found: &[(String, &str)], name: &str) -> Option<String> {
    found
        .iter()
        .rev()
        .find(|(n, _)| n == name)
        .map(|(_, v)| (*v).to_owned())
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
    let mut organisation = None;
    let mut round = None;
    let mut rest = args.iter();
    let subcommand = loop {
        match rest.next().map(String::as_str) {
            Some(flag @ ("--db" | "--organisation" | "--round")) => {
                let value = rest
                    .next()
                    .ok_or_else(|| Usage(format!("Na {flag} hoort een waarde.")))?;
                match flag {
                    "--db" => db = Some(PathBuf::from(value)),
                    "--organisation" => organisation = Some(value.clone()),
                    _ => round = Some(value.clone()),
                }
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
        ("rounds", []) => Command::Rounds,
        ("new-round", args) => {
            let (positional, found) = options(args, &["--from", "--date"])?;
            let [name] = positional.as_slice() else {
                return Err(Usage("Geef precies één naam voor de nieuwe ronde.".into()));
            };
            Command::NewRound {
                name: (*name).to_owned(),
                from: option(&found, "--from"),
                date: option(&found, "--date"),
            }
        }
        ("compare", args) => {
            let json = args.contains(&"--json");
            let args: Vec<&str> = args.iter().copied().filter(|a| *a != "--json").collect();
            let (positional, _) = options(&args, &[])?;
            let [from, to] = positional.as_slice() else {
                return Err(Usage("Geef twee rondes om te vergelijken.".into()));
            };
            Command::Compare {
                from: (*from).to_owned(),
                to: (*to).to_owned(),
                json,
            }
        }
        ("seal", args) => {
            let (positional, found) = options(args, &["--by", "--date"])?;
            let [round] = positional.as_slice() else {
                return Err(Usage("Geef de ronde die wordt vastgesteld.".into()));
            };
            let by = option(&found, "--by")
                .ok_or_else(|| Usage("Geef met --by NAAM aan wie de ronde vaststelt.".into()))?;
            Command::Seal {
                round: (*round).to_owned(),
                by,
                date: option(&found, "--date"),
            }
        }
        ("import" | "set" | "export" | "overview" | "rounds", _) => {
            return Err(Usage(format!(
                "De opdracht {subcommand} heeft andere argumenten nodig."
            )));
        }
        _ => return Err(Usage(format!("Onbekende opdracht: {subcommand}."))),
    };
    Ok(Invocation {
        db,
        organisation,
        round,
        command,
    })
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
    // Every run takes the writer lock (see criteria's store/lock.rs). While the window has the
    // file open, a run that only reads opens it read-only instead, which cannot touch the
    // window's WAL; a run that writes is refused with the reason.
    let writes = invocation.command.writes();
    let opened = match Store::open(&path) {
        Err(Error::WindowOpen) if !writes => Store::open_read_only(&path),
        other => other,
    };
    let outcome = opened.map_err(Failure::Core).and_then(|mut store| {
        let selection = Selection {
            organisation: invocation.organisation,
            round: invocation.round,
        };
        run(&mut store, &selection, invocation.command)
    });
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
                "file_refused"
                    | "import_blocked"
                    | "justification_required"
                    | "not_found"
                    | "sealed"
                    | "name_taken"
                    | "invalid_input"
                    | "own_file"
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

/// The `--organisation` and `--round` given before the subcommand.
struct Selection {
    organisation: Option<String>,
    round: Option<String>,
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
        store
            .find_round(self.organisation.as_deref(), Some(name))?
            .ok_or_else(|| Failure::Refused(format!("De ronde {name:?} is niet gevonden.")))
    }
}

fn run(store: &mut Store, selection: &Selection, command: Command) -> Result<ExitCode, Failure> {
    let ctx = crate::data_path::change_context();
    match command {
        Command::Import { file, dry_run } => {
            // The round meant; on a new database there is none yet and the import makes one.
            let round = if selection.organisation.is_some() || selection.round.is_some() {
                Some(selection.round(store)?)
            } else {
                store.current_assessment()?
            };
            import(store, &file, round, dry_run)
        }
        Command::Set { code, status, note } => {
            let round = selection.round(store)?;
            let changed = store.set_status(round, &code, status, note.as_deref(), &ctx)?;
            println!(
                "{code}: {}{}",
                status.label(),
                if changed { "" } else { " (was al zo)" }
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Export { file } => {
            let round = selection.round(store)?;
            store.refuse_own_file(&file, criteria::FileUse::Export)?;
            let view = store.assessment_view(round)?;
            let params = criteria::export::ExportParams {
                view: &view,
                exported_at: crate::clock::now(),
                program: concat!("AVG-borging ", env!("CARGO_PKG_VERSION")),
            };
            criteria::export::write_workbook(&params, &file)?;
            println!("Opgeslagen: {}", file.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Overview { json } => {
            let round = selection.round(store)?;
            let overview = Overview::of(&store.assessment_view(round)?);
            if json {
                print_json(&overview)?;
            } else {
                print!("{}", overview_table(&overview));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Rounds => {
            store.ensure_started(crate::clock::now())?;
            print!("{}", rounds_table(&store.rounds()?));
            Ok(ExitCode::SUCCESS)
        }
        Command::NewRound { name, from, date } => {
            let base = selection.round(store)?;
            let organisation = store.assessment_view(base)?.assessment.organisation_id;
            let carry_from = from
                .as_deref()
                .map(|from| selection.named(store, from))
                .transpose()?;
            let round = store.create_round(
                &NewRound {
                    organisation,
                    name,
                    reference_date: date,
                    carry_from,
                },
                &ctx,
            )?;
            let view = store.assessment_view(round)?;
            let carried = view
                .themes
                .iter()
                .flat_map(|t| &t.criteria)
                .filter(|c| c.carried_from.is_some())
                .count();
            println!(
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
                print!("{}", comparison_table(&comparison));
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Seal { round, by, date } => {
            let id = selection.named(store, &round)?;
            let seal = store.seal_round(
                id,
                &SealRequest {
                    sealed_by: by,
                    sealed_on: date,
                },
                &ctx,
            )?;
            println!("{}", seal.fingerprint);
            eprintln!(
                "Ronde {round:?} vastgesteld op {} door {}. Vingerafdruk (SHA-256): {}",
                seal.sealed_on,
                seal.sealed_by,
                criteria::fingerprint::grouped(&seal.fingerprint)
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn print_json(value: &impl serde::Serialize) -> Result<(), Failure> {
    let text =
        serde_json::to_string_pretty(value).map_err(|err| Failure::Refused(err.to_string()))?;
    println!("{text}");
    Ok(())
}

fn rounds_table(rounds: &Rounds) -> String {
    let mut out = String::new();
    for organisation in &rounds.organisations {
        out.push_str(&format!("{}\n", organisation.name));
        for round in &organisation.rounds {
            let open = if rounds.current == Some(round.id) {
                "*"
            } else {
                " "
            };
            let date = round.reference_date.as_deref().unwrap_or("-");
            let state = match &round.seal {
                Some(seal) => format!("vastgesteld op {} door {}", seal.sealed_on, seal.sealed_by),
                None => "open".to_owned(),
            };
            out.push_str(&format!(
                " {open} {:<20} peildatum {:<10}  {state}  ({} versie {})\n",
                round.name, date, round.catalog_name, round.catalog_version
            ));
        }
    }
    out
}

fn comparison_table(comparison: &Comparison) -> String {
    let mut out = format!(
        "{}: ronde {} vergeleken met ronde {}\n{:<45} {:>18} {:>18}\n",
        comparison.organisation,
        comparison.to.name,
        comparison.from.name,
        "Thema",
        format!("geïmpl. {}", comparison.from.name),
        format!("geïmpl. {}", comparison.to.name),
    );
    for theme in &comparison.themes {
        let name: String = theme.theme.chars().take(45).collect();
        out.push_str(&format!(
            "{name:<45} {:>18} {:>18}\n",
            format!("{}/{}", theme.from.implemented, theme.from.in_scope()),
            format!("{}/{}", theme.to.implemented, theme.to.in_scope())
        ));
    }
    let label = |s: Option<Status>| s.map_or("Niet beoordeeld", Status::label);
    for change in &comparison.changes {
        out.push_str(&format!(
            "  {}: {} -> {}\n",
            change.code,
            label(change.from),
            label(change.to)
        ));
    }
    out
}

fn import(
    store: &mut Store,
    file: &Path,
    round: Option<AssessmentId>,
    dry_run: bool,
) -> Result<ExitCode, Failure> {
    use criteria::import::{ImportOptions, Severity, analyse};
    let options = ImportOptions {
        remembered: store.remembered_mappings()?,
        ..ImportOptions::new(crate::clock::now().date())
    };
    store.refuse_own_file(file, criteria::FileUse::Import)?;
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
    let outcome = store.apply_import(round, &plan, &crate::data_path::change_context())?;
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
                organisation: None,
                round: None,
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
        let seal = parse(&args(
            "--organisation Oost --round 2026 seal 2025 --by College",
        ))
        .expect("seal parses");
        assert_eq!(seal.organisation.as_deref(), Some("Oost"));
        assert_eq!(seal.round.as_deref(), Some("2026"));
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
                date: Some("2027-01-01".into())
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
        assert!(parse(&args("seal 2025")).is_err(), "--by is required");
        assert!(parse(&args("compare 2025")).is_err());
    }
}
