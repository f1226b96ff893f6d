//! The text the command line prints: tables and reports in Dutch, for people (scripts use
//! `--json`). Pure functions of the core's values, so they are tested without a database.

use criteria::import::{Finding, IdentitySource, ImportPlan, Severity, column_letter};
use criteria::{
    AnswerCounts, Comparison, DestinationKind, ImportDestination, Overview, Rounds, Status,
};

/// The organisations and their rounds; `*` marks the round the window opens.
pub(super) fn rounds_table(rounds: &Rounds) -> String {
    let mut out = String::new();
    for organisation in &rounds.organisations {
        out.push_str(&format!("{}\n", organisation.name));
        for round in &organisation.rounds {
            let open = if rounds.current == Some(round.id) {
                "*"
            } else {
                " "
            };
            let date = round
                .reference_date
                .map_or_else(|| "-".to_owned(), |d| d.to_string());
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

/// The theme column's heading.
const THEME_HEADING: &str = "Thema";

/// The widest a theme column gets; a longer name ends in "…" rather than pushing the counts off
/// a normal terminal.
const THEME_COLUMN_MAX: usize = 70;

/// The width of the theme column: the longest name (and the heading), at most
/// [`THEME_COLUMN_MAX`].
fn theme_width<'a>(names: impl Iterator<Item = &'a str>) -> usize {
    names
        .map(|name| name.chars().count())
        .chain([THEME_HEADING.len(), "Totaal".len()])
        .max()
        .unwrap_or(0)
        .min(THEME_COLUMN_MAX)
}

/// A theme's name in a column of `width` characters: whole when it fits, else cut with "…".
fn fit(name: &str, width: usize) -> String {
    if name.chars().count() <= width {
        name.to_owned()
    } else {
        let cut: String = name.chars().take(width.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// Implemented per theme in both rounds, then every answer that changed.
pub(super) fn comparison_table(comparison: &Comparison) -> String {
    let width = theme_width(comparison.themes.iter().map(|t| t.theme.as_str()));
    let mut out = format!(
        "{}: ronde {} vergeleken met ronde {}\n{:<width$} {:>18} {:>18}\n",
        comparison.organisation,
        comparison.to.name,
        comparison.from.name,
        THEME_HEADING,
        format!("geïmpl. {}", comparison.from.name),
        format!("geïmpl. {}", comparison.to.name),
    );
    for theme in &comparison.themes {
        let name = fit(&theme.theme, width);
        out.push_str(&format!(
            "{name:<width$} {:>18} {:>18}\n",
            format!("{}/{}", theme.from.implemented, theme.from.in_scope()),
            format!("{}/{}", theme.to.implemented, theme.to.in_scope())
        ));
    }
    let label = |s: Option<Status>| s.map_or(Status::UNANSWERED_LABEL, Status::label);
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

/// The counts per status, per theme and in total.
pub(super) fn overview_table(overview: &Overview) -> String {
    let width = theme_width(overview.themes.iter().map(|t| t.theme.as_str()));
    let mut out = format!(
        "{} (versie {})\n{:<width$} {:>8} {:>8} {:>8} {:>8} {:>8} {:>12}\n",
        overview.catalog.name,
        overview.catalog.version,
        THEME_HEADING,
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
        let name = fit(name, width);
        out.push_str(&format!(
            "{name:<width$} {:>8} {:>8} {:>8} {:>8} {:>8} {:>12}\n",
            c.criteria, c.implemented, c.partial, c.open, c.not_applicable, c.unanswered
        ));
    }
    out
}

/// What the analysis of a workbook found: the sheet, every finding with its place, which
/// column became which field, and (when known) where the criteria and answers will go.
pub(super) fn import_report(plan: &ImportPlan, destination: Option<&ImportDestination>) -> String {
    let mut out = format!(
        "Blad {:?}, kopregel {}, {} criteria in {} thema's.\n",
        plan.sheet,
        plan.header_row,
        plan.catalog.criteria().count(),
        plan.catalog.themes.len()
    );
    out.push_str(&format!(
        "Criteriaset {:?}, versie {:?}. {}\n",
        plan.catalog.name, plan.catalog.version, plan.catalog_origin.text
    ));
    let given = IdentitySource::Given;
    if !plan.own_export && plan.catalog_origin.name != given && plan.catalog_origin.version != given
    {
        out.push_str("  Anders? Geef ze op met --catalog-name NAAM en --catalog-version VERSIE.\n");
    }
    for finding in &plan.findings {
        let place = finding_place(finding);
        let level = match finding.severity {
            Severity::Blocking => "BLOKKEREND",
            Severity::Warning => "waarschuwing",
            Severity::Info => "info",
        };
        out.push_str(&format!("  {level}: {place}: {}\n", finding.message));
    }
    out.push_str(&format!("Kolommen: {}\n", describe_mapping(plan)));
    if let Some(destination) = destination {
        out.push_str(&destination_text(destination));
    }
    out
}

/// Where a finding is, as a user reads it: "2.4, kolom Status (Criteria!F12)", or only the cell
/// ("Criteria!F12", "Criteria rij 12", "Criteria") when the criterion and column are not known.
/// (The window words it the same in `importing.ts`.)
pub(super) fn finding_place(finding: &Finding) -> String {
    let cell = match (&finding.row, &finding.column) {
        (Some(row), Some(column)) => format!("{}!{column}{row}", finding.sheet),
        (Some(row), None) => format!("{} rij {row}", finding.sheet),
        _ => finding.sheet.clone(),
    };
    let named: Vec<String> = [
        finding.criterion.clone(),
        finding.column_title.as_ref().map(|t| format!("kolom {t}")),
    ]
    .into_iter()
    .flatten()
    .collect();
    if named.is_empty() {
        cell
    } else {
        format!("{} ({cell})", named.join(", "))
    }
}

/// Where a confirmed import puts the criteria and answers, and what the file brings.
pub(super) fn destination_text(d: &ImportDestination) -> String {
    let organisation = if d.new_organisation {
        format!("de nieuwe organisatie {}", d.organisation)
    } else {
        d.organisation.clone()
    };
    let mut out = match d.kind {
        DestinationKind::Existing => format!(
            "Bestemming: de bestaande ronde {:?} van {organisation}.\n",
            d.round_name
        ),
        DestinationKind::ReplacesExample => format!(
            "Bestemming: ronde {:?} van {organisation}; die heeft nog geen antwoorden en krijgt deze criteria in plaats van de voorbeeldcriteria.\n",
            d.round_name
        ),
        DestinationKind::Moved => format!(
            "Bestemming: ronde {:?} van {organisation} wordt overgezet naar deze versie van de criteriaset; de antwoorden gaan mee.\n",
            d.round_name
        ),
        DestinationKind::NewRound => format!(
            "Bestemming: een nieuwe ronde {:?} van {organisation}. Een andere naam? Geef die op met --new-round NAAM.\n",
            d.round_name
        ),
    };
    if d.sealed {
        out.push_str("  Deze ronde is vastgesteld: heropen hem eerst in het venster (Rondes), anders wordt de import geweigerd.\n");
    }
    out.push_str(&format!(
        "Het bestand brengt {} in {} mee, en {}.\n",
        count(d.criteria, "criterium", "criteria"),
        count(d.themes, "thema", "thema's"),
        answers_text(&d.answers)
    ));
    out
}

/// "43 antwoorden (20 geïmplementeerd, 3 n.v.t., 2 alleen notities zonder status)".
pub(super) fn answers_text(a: &AnswerCounts) -> String {
    let total = a.total();
    if total == 0 {
        return "geen antwoorden".to_owned();
    }
    let parts: Vec<String> = [
        (a.implemented, "geïmplementeerd"),
        (a.partial, "gedeeltelijk"),
        (a.open, "vraagt aandacht"),
        (a.not_applicable, "n.v.t."),
        (a.notes_only, "alleen notities zonder status"),
    ]
    .iter()
    .filter(|(n, _)| *n > 0)
    .map(|(n, label)| format!("{n} {label}"))
    .collect();
    format!(
        "{} ({})",
        count(total, "antwoord", "antwoorden"),
        parts.join(", ")
    )
}

fn count(n: u32, one: &str, more: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { more })
}

/// Which column became which field, e.g. "Nummer = A (Nr.), Criterium = B (Criterium), …".
fn describe_mapping(plan: &ImportPlan) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn theme_names_are_whole_or_end_in_an_ellipsis() {
        let long = "Governance en de functionaris gegevensbescherming";
        let width = theme_width([long, "Rechten"].into_iter());
        assert_eq!(width, long.chars().count());
        assert_eq!(fit(long, width), long);
        assert_eq!(theme_width(["Kort"].into_iter()), "Totaal".len());
        let endless = "Beveiliging ".repeat(10);
        let width = theme_width([endless.as_str()].into_iter());
        assert_eq!(width, THEME_COLUMN_MAX);
        let shown = fit(&endless, width);
        assert!(shown.starts_with("Beveiliging Beveiliging"), "{shown}");
        assert!(shown.ends_with('…'), "{shown}");
        assert!(shown.chars().count() <= THEME_COLUMN_MAX);
    }

    #[test]
    fn a_finding_names_its_criterion_and_column_before_the_cell() {
        let mut finding = Finding {
            sheet: "Criteria".into(),
            row: Some(12),
            column: Some("F".into()),
            criterion: Some("2.4".into()),
            column_title: Some("Status".into()),
            severity: Severity::Warning,
            message: String::new(),
        };
        assert_eq!(finding_place(&finding), "2.4, kolom Status (Criteria!F12)");
        finding.column_title = None;
        assert_eq!(finding_place(&finding), "2.4 (Criteria!F12)");
        finding.criterion = None;
        assert_eq!(finding_place(&finding), "Criteria!F12");
    }

    #[test]
    fn answers_are_counted_per_status() {
        let counts = AnswerCounts {
            implemented: 20,
            partial: 0,
            open: 1,
            not_applicable: 3,
            notes_only: 2,
        };
        assert_eq!(
            answers_text(&counts),
            "26 antwoorden (20 geïmplementeerd, 1 vraagt aandacht, 3 n.v.t., 2 alleen notities zonder status)"
        );
        assert_eq!(answers_text(&AnswerCounts::default()), "geen antwoorden");
    }

    #[test]
    fn columns_are_lettered_as_in_excel() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(27), "AB");
        assert_eq!(column_letter(701), "ZZ");
        assert_eq!(column_letter(702), "AAA");
    }
}
