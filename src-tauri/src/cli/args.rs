//! What the command line accepts, as clap types. Every text a user can see is Dutch: the help of
//! the program as a whole is written out in [`USAGE`], the help of a subcommand is built by clap
//! from the Dutch texts below through [`SUBCOMMAND_HELP`]; clap's own (English) help flag and help
//! subcommand are replaced, and its error texts are never shown (see `mod.rs`).

use std::path::PathBuf;

use clap::{ArgAction, Args, Parser, Subcommand, ValueEnum};
use criteria::Status;
use time::Date;

/// The help of the program as a whole (`-h`, `--help`, `help`), and the usage after wrong usage.
pub(super) const USAGE: &str = "Gebruik:
  avg-borging                                   start het venster
  avg-borging [OPTIES] import BESTAND [--dry-run] [--sheet BLAD] [--header-row RIJ]
                                      [--column VELD=LETTER]...
                                      [--catalog-name NAAM] [--catalog-version VERSIE]
                                      [--new-round NAAM]
  avg-borging [OPTIES] set NUMMER STATUS [--note TEKST]
        STATUS: geimplementeerd | gedeeltelijk | aandacht | nvt
  avg-borging [OPTIES] export BESTAND
  avg-borging [OPTIES] report BESTAND.pdf|BESTAND.docx [--document overzicht|verantwoording]
                                      [--public] [--compare RONDE | --no-compare]
  avg-borging [OPTIES] overview [--json]
  avg-borging [OPTIES] rounds
  avg-borging [OPTIES] new-round NAAM [--from RONDE] [--date JJJJ-MM-DD]
  avg-borging [OPTIES] compare RONDE_A RONDE_B [--json]
  avg-borging [OPTIES] seal RONDE --by NAAM [--date JJJJ-MM-DD]
  avg-borging [OPTIES] edit-round RONDE [--name NAAM] [--date JJJJ-MM-DD | --no-date]

OPTIES (voor of na de opdracht):
  --db PAD              een ander gegevensbestand (ook: AVG_BORGING_DB)
  --organisation NAAM   de organisatie (anders: die van de laatst geopende ronde)
  --round NAAM          de ronde (anders: de laatst geopende, of de meest recente)

Zonder --db wordt het gegevensbestand van het venster gebruikt.
Uitleg bij één opdracht: avg-borging OPDRACHT --help";

/// The layout of a subcommand's help; clap fills in the Dutch texts of its arguments.
const SUBCOMMAND_HELP: &str = "{about}

Gebruik:
  {usage}

{all-args}";

const ARGUMENTS: &str = "Argumenten";
const OPTIONS: &str = "Opties";
const GENERAL: &str = "Algemene opties (voor of na de opdracht)";

/// The documents of `report`, by their Dutch names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum DocumentArg {
    /// Het overzicht: per thema, de grafiek en de aandachtspunten.
    Overzicht,
    /// De verantwoording voor het jaarverslag.
    Verantwoording,
}

impl From<DocumentArg> for criteria::report::DocumentKind {
    fn from(arg: DocumentArg) -> Self {
        match arg {
            DocumentArg::Overzicht => criteria::report::DocumentKind::Overview,
            DocumentArg::Verantwoording => criteria::report::DocumentKind::Accountability,
        }
    }
}

/// A parsed command line.
#[derive(Debug, PartialEq, Eq, Parser)]
#[command(
    name = "avg-borging",
    help_template = USAGE,
    disable_help_flag = true,
    disable_help_subcommand = true,
    disable_version_flag = true,
    subcommand_required = true,
    args_override_self = true,
    color = clap::ColorChoice::Never
)]
pub(super) struct Invocation {
    #[command(flatten)]
    pub(super) selection: Selection,
    #[command(subcommand)]
    pub(super) command: Command,
}

/// The options that hold for every subcommand: which database, organisation and round.
#[derive(Debug, PartialEq, Eq, Args)]
pub(super) struct Selection {
    /// Een ander gegevensbestand (ook: AVG_BORGING_DB); anders dat van het venster.
    #[arg(long, global = true, value_name = "PAD", help_heading = GENERAL)]
    pub(super) db: Option<PathBuf>,
    /// De organisatie (anders: die van de laatst geopende ronde).
    #[arg(long, global = true, value_name = "NAAM", help_heading = GENERAL)]
    pub(super) organisation: Option<String>,
    /// De ronde (anders: de laatst geopende, of de meest recente).
    #[arg(long, global = true, value_name = "NAAM", help_heading = GENERAL)]
    pub(super) round: Option<String>,
    /// Toont deze uitleg.
    #[arg(short, long, global = true, action = ArgAction::Help, help_heading = GENERAL)]
    help: Option<bool>,
}

/// What the command line was asked to do.
#[derive(Debug, PartialEq, Eq, Subcommand)]
pub(super) enum Command {
    /// Leest een Excel-bestand met criteria in en toont het verslag van de controle.
    #[command(
        help_template = SUBCOMMAND_HELP,
        override_usage = "avg-borging [OPTIES] import BESTAND [--dry-run] [--sheet BLAD] [--header-row RIJ] [--column VELD=LETTER]... [--catalog-name NAAM] [--catalog-version VERSIE] [--new-round NAAM]"
    )]
    Import {
        /// Het Excel-bestand (.xlsx).
        #[arg(value_name = "BESTAND", help_heading = ARGUMENTS)]
        file: PathBuf,
        /// Alleen controleren; er wordt niets opgeslagen.
        #[arg(long, help_heading = OPTIONS)]
        dry_run: bool,
        /// Het blad met de criteria (anders: het blad dat gevonden wordt).
        #[arg(long, value_name = "BLAD", help_heading = OPTIONS)]
        sheet: Option<String>,
        /// De rij met de kolomkoppen, 1 voor de eerste rij (anders: gevonden).
        #[arg(long, value_name = "RIJ", value_parser = header_row, help_heading = OPTIONS)]
        header_row: Option<u32>,
        /// Wijst een kolom aan, bijvoorbeeld status=D; VELD=- laat het veld leeg. Velden: nummer,
        /// thema, criterium, toelichting, grondslag, status, onderbouwing, eigenaar, actie,
        /// deadline, bewijs. Mag vaker; wordt onthouden voor bestanden met dezelfde koppen.
        #[arg(long = "column", value_name = "VELD=LETTER", value_parser = column_choice, help_heading = OPTIONS)]
        columns: Vec<ColumnChoice>,
        /// De naam van de criteriaset (anders: uit het bestand, of de bestandsnaam).
        #[arg(long, value_name = "NAAM", allow_hyphen_values = true, help_heading = OPTIONS)]
        catalog_name: Option<String>,
        /// De versie van de criteriaset (anders: uit het bestand, of de datum van vandaag).
        #[arg(long, value_name = "VERSIE", allow_hyphen_values = true, help_heading = OPTIONS)]
        catalog_version: Option<String>,
        /// De naam van de nieuwe ronde, als de import er een maakt (anders: het jaartal, zoals
        /// voorgesteld in het verslag van de controle).
        #[arg(long, value_name = "NAAM", allow_hyphen_values = true, help_heading = OPTIONS)]
        new_round: Option<String>,
    },
    /// Legt de status van één criterium vast in de ronde.
    #[command(
        help_template = SUBCOMMAND_HELP,
        override_usage = "avg-borging [OPTIES] set NUMMER STATUS [--note TEKST]"
    )]
    Set {
        /// Het nummer van het criterium, bijvoorbeeld 1.1.
        #[arg(value_name = "NUMMER", help_heading = ARGUMENTS)]
        code: String,
        /// geimplementeerd, gedeeltelijk, aandacht of nvt (bij nvt hoort --note).
        #[arg(value_name = "STATUS", hide_possible_values = true, help_heading = ARGUMENTS)]
        status: StatusArg,
        /// De onderbouwing.
        #[arg(long, value_name = "TEKST", allow_hyphen_values = true, help_heading = OPTIONS)]
        note: Option<String>,
    },
    /// Slaat de ronde op als Excel-bestand.
    #[command(
        help_template = SUBCOMMAND_HELP,
        override_usage = "avg-borging [OPTIES] export BESTAND"
    )]
    Export {
        /// Het nieuwe Excel-bestand (.xlsx).
        #[arg(value_name = "BESTAND", help_heading = ARGUMENTS)]
        file: PathBuf,
    },
    /// Maakt het rapport van de ronde als PDF (om af te drukken of te archiveren) of als
    /// Word-bestand (om verder te bewerken); de bestandsnaam kiest de soort.
    #[command(
        help_template = SUBCOMMAND_HELP,
        override_usage = "avg-borging [OPTIES] report BESTAND.pdf|BESTAND.docx [--document overzicht|verantwoording] [--public] [--compare RONDE | --no-compare]"
    )]
    Report {
        /// Het nieuwe bestand: .pdf of .docx.
        #[arg(value_name = "BESTAND", help_heading = ARGUMENTS)]
        file: PathBuf,
        /// Welk document: het overzicht (standaard) of de verantwoording voor het jaarverslag.
        #[arg(long, value_enum, default_value = "overzicht", value_name = "DOCUMENT", help_heading = OPTIONS)]
        document: DocumentArg,
        /// De openbare versie (Woo): zonder namen van eigenaren en van wie vaststelde.
        #[arg(long, help_heading = OPTIONS)]
        public: bool,
        /// Vergelijkt met deze ronde (anders: de vorige ronde van de organisatie).
        #[arg(long, value_name = "RONDE", conflicts_with = "no_compare", help_heading = OPTIONS)]
        compare: Option<String>,
        /// Zonder vergelijking met een eerdere ronde.
        #[arg(long, help_heading = OPTIONS)]
        no_compare: bool,
    },
    /// Toont per thema hoeveel criteria welke status hebben.
    #[command(
        help_template = SUBCOMMAND_HELP,
        override_usage = "avg-borging [OPTIES] overview [--json]"
    )]
    Overview {
        /// Als JSON, voor scripts.
        #[arg(long, help_heading = OPTIONS)]
        json: bool,
    },
    /// Toont de organisaties en hun rondes; * is de ronde die het venster opent.
    #[command(
        help_template = SUBCOMMAND_HELP,
        override_usage = "avg-borging [OPTIES] rounds"
    )]
    Rounds,
    /// Begint een nieuwe ronde van de organisatie en opent die.
    #[command(
        help_template = SUBCOMMAND_HELP,
        override_usage = "avg-borging [OPTIES] new-round NAAM [--from RONDE] [--date JJJJ-MM-DD]"
    )]
    NewRound {
        /// De naam van de nieuwe ronde, bijvoorbeeld 2027.
        #[arg(value_name = "NAAM", help_heading = ARGUMENTS)]
        name: String,
        /// Neemt de antwoorden van deze ronde over (te bevestigen of te wijzigen).
        #[arg(long, value_name = "RONDE", help_heading = OPTIONS)]
        from: Option<String>,
        /// De peildatum.
        #[arg(long, value_name = "JJJJ-MM-DD", value_parser = date, help_heading = OPTIONS)]
        date: Option<Date>,
    },
    /// Vergelijkt twee rondes van de organisatie: per thema en per gewijzigd antwoord.
    #[command(
        help_template = SUBCOMMAND_HELP,
        override_usage = "avg-borging [OPTIES] compare RONDE_A RONDE_B [--json]"
    )]
    Compare {
        /// De eerdere ronde.
        #[arg(value_name = "RONDE_A", help_heading = ARGUMENTS)]
        from: String,
        /// De latere ronde.
        #[arg(value_name = "RONDE_B", help_heading = ARGUMENTS)]
        to: String,
        /// Als JSON, voor scripts.
        #[arg(long, help_heading = OPTIONS)]
        json: bool,
    },
    /// Stelt een ronde vast (daarna alleen-lezen) en toont de vingerafdruk (SHA-256).
    #[command(
        help_template = SUBCOMMAND_HELP,
        override_usage = "avg-borging [OPTIES] seal RONDE --by NAAM [--date JJJJ-MM-DD]"
    )]
    Seal {
        /// De ronde die wordt vastgesteld.
        // Its own id: the global `--round` is called "round" too, and clap would mix them up.
        #[arg(id = "sealed_round", value_name = "RONDE", help_heading = ARGUMENTS)]
        round: String,
        /// Wie de ronde vaststelt, bijvoorbeeld het college.
        #[arg(long, value_name = "NAAM", required = true, help_heading = OPTIONS)]
        by: String,
        /// De datum van vaststelling (anders: vandaag).
        #[arg(long, value_name = "JJJJ-MM-DD", value_parser = date, help_heading = OPTIONS)]
        date: Option<Date>,
    },
    /// Wijzigt de naam of de peildatum van een ronde (niet van een vastgestelde ronde).
    #[command(
        help_template = SUBCOMMAND_HELP,
        override_usage = "avg-borging [OPTIES] edit-round RONDE [--name NAAM] [--date JJJJ-MM-DD | --no-date]"
    )]
    EditRound {
        /// De ronde die wordt gewijzigd.
        // Its own id: the global `--round` is called "round" too.
        #[arg(id = "edited_round", value_name = "RONDE", help_heading = ARGUMENTS)]
        round: String,
        /// De nieuwe naam.
        #[arg(long, value_name = "NAAM", help_heading = OPTIONS)]
        name: Option<String>,
        /// De nieuwe peildatum.
        #[arg(long, value_name = "JJJJ-MM-DD", value_parser = date, conflicts_with = "no_date", help_heading = OPTIONS)]
        date: Option<Date>,
        /// Haalt de peildatum weg.
        #[arg(long, help_heading = OPTIONS)]
        no_date: bool,
    },
}

/// A status as written on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(super) enum StatusArg {
    #[value(name = "geimplementeerd")]
    Implemented,
    #[value(name = "gedeeltelijk")]
    Partial,
    #[value(name = "aandacht")]
    Open,
    #[value(name = "nvt")]
    NotApplicable,
}

impl From<StatusArg> for Status {
    fn from(status: StatusArg) -> Self {
        match status {
            StatusArg::Implemented => Status::Implemented,
            StatusArg::Partial => Status::Partial,
            StatusArg::Open => Status::Open,
            StatusArg::NotApplicable => Status::NotApplicable,
        }
    }
}

/// A `YYYY-MM-DD` date that exists; the Dutch reason otherwise (the core words it the same way).
/// One `--column VELD=LETTER`: the field and its column (0-based), or `None` to leave it empty.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct ColumnChoice {
    pub(super) field: criteria::import::Field,
    pub(super) column: Option<u32>,
}

/// A header row number, counted from 1 as in Excel.
fn header_row(text: &str) -> Result<u32, String> {
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|row| *row >= 1)
        .ok_or_else(|| {
            format!(
                "De kopregel is een rijnummer vanaf 1, zoals links in Excel (niet \u{201c}{}\u{201d}).",
                text.trim()
            )
        })
}

/// Reads `VELD=LETTER` (`status=D`, `criterium=AB`, `toelichting=-`).
fn column_choice(text: &str) -> Result<ColumnChoice, String> {
    use criteria::import::Field;
    let names: Vec<&str> = Field::ALL.iter().filter_map(|f| f.short_name()).collect();
    let names = names.join(", ");
    let Some((name, letters)) = text.split_once('=') else {
        return Err(format!(
            "Schrijf een kolom als VELD=LETTER, bijvoorbeeld status=D (niet \u{201c}{text}\u{201d})."
        ));
    };
    let field = Field::named(name).ok_or_else(|| {
        format!(
            "Onbekend veld \u{201c}{}\u{201d}: kies uit {names}.",
            name.trim().to_lowercase()
        )
    })?;
    let letters = letters.trim();
    if letters == "-" {
        return Ok(ColumnChoice {
            field,
            column: None,
        });
    }
    let column = criteria::import::column_index(letters).ok_or_else(|| {
        format!(
            "\u{201c}{letters}\u{201d} is geen kolomletter; schrijf bijvoorbeeld D of AB, of - om het veld leeg te laten."
        )
    })?;
    Ok(ColumnChoice {
        field,
        column: Some(column),
    })
}

fn date(text: &str) -> Result<Date, String> {
    // The core's check and its Dutch reason (without its "nothing changed": nothing ran yet).
    criteria::Date::parse(text)
        .map(criteria::Date::get)
        .map_err(|err| match err {
            criteria::Error::InvalidInput { reason } => reason,
            other => other.to_string(),
        })
}
