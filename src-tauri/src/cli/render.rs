//! The text the command line prints: tables and reports in Dutch, for people (scripts use
//! `--json`). Pure functions of the core's values, so they are tested without a database.

use criteria::import::{IdentitySource, ImportPlan, Severity, column_letter};
use criteria::{Comparison, Overview, Rounds, Status};

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

/// Implemented per theme in both rounds, then every answer that changed.
pub(super) fn comparison_table(comparison: &Comparison) -> String {
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

/// What the analysis of a workbook found: the sheet, every finding with its place, and which
/// column became which field.
pub(super) fn import_report(plan: &ImportPlan) -> String {
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
        out.push_str(&format!("  {level}: {place}: {}\n", finding.message));
    }
    out.push_str(&format!("Kolommen: {}\n", describe_mapping(plan)));
    out
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
    use super::column_letter;

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
