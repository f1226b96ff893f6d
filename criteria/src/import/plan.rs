//! From the rows below the header to themes, criteria and answers, with a finding for everything
//! that was not taken over as it stood. Nothing is guessed: what is not understood is reported
//! with its sheet, row and column, and left empty.

use std::collections::{BTreeMap, HashMap};

use super::cells::{Cell, Grid, Row, Value, column_letter};
use super::content::split_code;
use super::detect::Field;
use super::limits::{Limits, thousands};
use super::status_text::{iso, parse_date_text, parse_status};
use super::{ColumnMapping, Finding, Severity};
use crate::workbook_format::ROW_KEY_PREFIX;
use crate::{AnswerInput, CriterionDraft, Status, ThemeDraft};

/// Theme of criteria that come before any theme row or theme value.
pub(crate) const DEFAULT_THEME: &str = "Algemeen";

/// Rows shown in the preview.
pub(crate) const PREVIEW_ROWS: usize = 10;

/// Where the criteria are in the sheet and how to read them.
pub(crate) struct Layout<'a> {
    pub(crate) sheet: &'a str,
    /// 0-based header row; data starts below it.
    pub(crate) header_row: u32,
    pub(crate) mapping: &'a ColumnMapping,
    /// Our own export: text is taken byte for byte (not trimmed), so a round trip is lossless.
    pub(crate) own_export: bool,
    /// Columns in the preview.
    pub(crate) width: usize,
    /// The sheet has no code column and the criterion texts start with their code: split it off.
    pub(crate) codes_in_text: bool,
    /// Theme of criteria before any theme row or theme value: [`DEFAULT_THEME`], or the sheet's
    /// name when several sheets are read as one catalog (each sheet then is a theme).
    pub(crate) default_theme: &'a str,
}

/// What the rows gave.
#[derive(Debug, Default)]
pub(crate) struct Built {
    pub(crate) themes: Vec<ThemeDraft>,
    pub(crate) findings: Vec<Finding>,
    pub(crate) preview: Vec<Vec<String>>,
    pub(crate) rows_read: u32,
    /// Criteria taken over per sheet, in the order the sheets were given.
    pub(crate) per_sheet: Vec<u32>,
    /// Each criterion row read (also one whose code was refused as a duplicate): the index of
    /// its sheet, its 1-based row and its code. Findings name the criterion by it.
    pub(crate) places: Vec<(usize, u32, String)>,
}

/// One sheet to read: its cells and how to read them.
pub(crate) struct Part<'a> {
    pub(crate) grid: &'a Grid,
    pub(crate) layout: Layout<'a>,
}

fn finding(
    layout: &Layout<'_>,
    severity: Severity,
    row: Option<u32>,
    col: Option<u32>,
    message: String,
) -> Finding {
    Finding {
        sheet: layout.sheet.to_owned(),
        row: row.map(|r| r.saturating_add(1)),
        column: col.map(column_letter),
        criterion: None,
        column_title: None,
        severity,
        message,
    }
}

struct Builder<'a> {
    layout: &'a Layout<'a>,
    findings: Vec<Finding>,
}

impl Builder<'_> {
    fn add(&mut self, severity: Severity, row: Option<u32>, col: Option<u32>, message: String) {
        self.findings
            .push(finding(self.layout, severity, row, col, message));
    }

    fn col(&self, field: Field) -> Option<u32> {
        self.layout.mapping.get(field)
    }

    /// The cell of `field` in `row`, if that column is mapped and the cell is not blank.
    fn cell<'r>(&self, row: &'r Row, field: Field) -> Option<&'r Cell> {
        self.col(field)
            .and_then(|col| row.get(col))
            .filter(|c| !c.value.is_blank())
    }

    /// Like [`Self::cell`], but in our own export a cell of only spaces is kept: it is what the
    /// user typed in AVG-borging.
    fn text_cell<'r>(&self, row: &'r Row, field: Field) -> Option<&'r Cell> {
        if self.layout.own_export {
            self.col(field).and_then(|col| row.get(col))
        } else {
            self.cell(row, field)
        }
    }

    /// A text field: trimmed (except in our own export), numbers and dates as shown, error values
    /// reported and left empty.
    fn text(&mut self, row: &Row, field: Field) -> String {
        let Some(cell) = self.text_cell(row, field) else {
            return String::new();
        };
        match &cell.value {
            Value::Text(s) if self.layout.own_export => s.clone(),
            Value::Text(s) => s.trim().to_owned(),
            Value::Error(e) => {
                let message = format!(
                    "De cel bevat de foutwaarde {e} (een formule die niet kon worden berekend); het veld is leeg gelaten."
                );
                self.add(Severity::Warning, Some(row.row), Some(cell.col), message);
                String::new()
            }
            other => other.shown(),
        }
    }

    /// A code or key: always trimmed.
    fn code_text(&self, row: &Row, field: Field) -> String {
        self.cell(row, field)
            .map(|c| c.value.shown().trim().to_owned())
            .unwrap_or_default()
    }

    fn status(&mut self, row: &Row) -> Option<Status> {
        let cell = self.cell(row, Field::Status)?;
        let (col, r) = (cell.col, row.row);
        let problem = match &cell.value {
            Value::Text(s) => match parse_status(s) {
                Ok(status) => return status,
                Err(()) => format!(
                    "De status \u{201c}{}\u{201d} is niet herkend en is leeg gelaten. Gebruik Geïmplementeerd, Gedeeltelijk geïmplementeerd, Vraagt aandacht of Niet van toepassing.",
                    s.trim()
                ),
            },
            Value::Int(_) | Value::Number(_) => format!(
                "In de statuskolom staat een getal ({}); een getal wordt niet als status gelezen. De status is leeg gelaten.",
                cell.value.shown()
            ),
            other => format!(
                "In de statuskolom staat \u{201c}{}\u{201d}; dat is geen status. De status is leeg gelaten.",
                other.shown()
            ),
        };
        self.add(Severity::Warning, Some(r), Some(col), problem);
        None
    }

    fn deadline(&mut self, row: &Row) -> Option<String> {
        let cell = self.cell(row, Field::Deadline)?;
        let (col, r) = (cell.col, row.row);
        let problem = match &cell.value {
            Value::DateTime(dt) => return Some(iso(dt.date())),
            Value::Text(s) => match parse_date_text(s) {
                Some(date) => return Some(date),
                None => format!(
                    "De deadline \u{201c}{}\u{201d} is geen datum (gebruik dd-mm-jjjj); de deadline is leeg gelaten.",
                    s.trim()
                ),
            },
            other => format!(
                "De deadline \u{201c}{}\u{201d} is geen datum; de deadline is leeg gelaten.",
                other.shown()
            ),
        };
        self.add(Severity::Warning, Some(r), Some(col), problem);
        None
    }

    /// A row with one text cell, left of the criterion column (often merged across the row):
    /// a theme title such as "1. Governance". A lone code in the code column is not a title.
    fn theme_title<'r>(&self, non_empty: &[&'r Cell]) -> Option<&'r str> {
        let [cell] = non_empty else {
            return None;
        };
        let Value::Text(text) = &cell.value else {
            return None;
        };
        let text_col = self.col(Field::Text)?;
        let in_theme_col = self.col(Field::Theme) == Some(cell.col);
        if cell.col == text_col || (cell.col > text_col && !in_theme_col) {
            return None;
        }
        if self.col(Field::Code) == Some(cell.col) && looks_like_code(text) {
            return None;
        }
        Some(text.trim())
    }
}

/// "1.2", "A3", "4": short, no spaces, with a digit.
fn looks_like_code(text: &str) -> bool {
    let t = text.trim();
    t.len() <= 20
        && t.chars().any(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_'))
}

/// One criterion on its way into the draft.
struct Pending {
    theme: String,
    criterion: CriterionDraft,
    /// The code came from the hidden key column (our export).
    from_key: bool,
    /// Index of the sheet (part) it was read from.
    part: usize,
}

/// What the rows of one sheet gave, before the sheets are put together.
struct SheetRows {
    pending: Vec<Pending>,
    findings: Vec<Finding>,
    preview: Vec<Vec<String>>,
    rows_read: u32,
}

/// Turns the rows below the header of each sheet into one set of themes and criteria: codes are
/// unique over all sheets, and criteria are numbered over all sheets when there is no code
/// column. The preview is the first sheet's.
pub(crate) fn build(parts: &[Part<'_>], limits: &Limits) -> Built {
    let mut findings = Vec::new();
    let mut pending = Vec::new();
    let mut preview = None;
    let mut rows_read: u32 = 0;
    for (index, part) in parts.iter().enumerate() {
        let rows = read_sheet(part.grid, &part.layout, limits, index);
        findings.extend(rows.findings);
        pending.extend(rows.pending);
        preview.get_or_insert(rows.preview);
        rows_read = rows_read.saturating_add(rows.rows_read);
    }
    let mut places = Vec::new();
    let (themes, per_sheet) = assemble(parts, &mut findings, &mut places, pending);
    Built {
        themes,
        findings,
        preview: preview.unwrap_or_default(),
        rows_read,
        per_sheet,
        places,
    }
}

/// Reads the rows of one sheet into criteria waiting to be grouped.
fn read_sheet(grid: &Grid, layout: &Layout<'_>, limits: &Limits, part: usize) -> SheetRows {
    let mut b = Builder {
        layout,
        findings: Vec::new(),
    };
    limit_findings(&mut b, grid, limits);
    // Every sheet has the same mapping: what is wrong with it is said once.
    if part == 0 {
        check_mapping(&mut b, limits);
    }

    let mut preview = Vec::new();
    let mut rows_read: u32 = 0;
    let mut pending: Vec<Pending> = Vec::new();
    let mut current_theme: Option<String> = None;
    // Column → (formula count, first row).
    let mut formulas: BTreeMap<u32, (u32, u32)> = BTreeMap::new();
    let mapped: Vec<u32> = Field::ALL.iter().filter_map(|f| b.col(*f)).collect();
    let has_text = b.col(Field::Text).is_some();

    for row in grid.rows.iter().filter(|r| r.row > layout.header_row) {
        let non_empty: Vec<&Cell> = row.cells.iter().filter(|c| !c.value.is_blank()).collect();
        if non_empty.is_empty() {
            continue;
        }
        rows_read = rows_read.saturating_add(1);
        if preview.len() < PREVIEW_ROWS {
            preview.push(preview_row(row, layout.width));
        }
        if !has_text {
            continue;
        }
        if let Some(title) = b.theme_title(&non_empty) {
            current_theme = Some(title.to_owned());
            continue;
        }
        for cell in non_empty
            .iter()
            .filter(|c| c.formula && mapped.contains(&c.col))
        {
            let entry = formulas.entry(cell.col).or_insert((0, row.row));
            entry.0 = entry.0.saturating_add(1);
        }
        if let Some(item) = criterion(&mut b, row, &mut current_theme, part) {
            pending.push(item);
        }
    }

    if !has_text {
        b.add(
            Severity::Blocking,
            Some(layout.header_row),
            None,
            "Er is geen kolom met de tekst van het criterium aangewezen. Kies bij de kolomindeling welke kolom het criterium bevat.".to_owned(),
        );
    }
    for (col, (count, first)) in formulas {
        let message = if count == 1 {
            "Deze cel bevat een formule. De uitkomst die bij het laatste opslaan is bewaard, is overgenomen; de formule is niet opnieuw berekend. Controleer de waarde.".to_owned()
        } else {
            format!(
                "Deze kolom bevat {count} formules (de eerste in deze rij). Van elke formule is de uitkomst overgenomen die bij het laatste opslaan is bewaard; ze zijn niet opnieuw berekend. Controleer deze waarden."
            )
        };
        b.add(Severity::Info, Some(first), Some(col), message);
    }

    SheetRows {
        pending,
        findings: b.findings,
        preview,
        rows_read,
    }
}

/// Reads one criterion row; `None` (with a finding) when it cannot be imported.
fn criterion(
    b: &mut Builder<'_>,
    row: &Row,
    current_theme: &mut Option<String>,
    part: usize,
) -> Option<Pending> {
    let text_col = b.col(Field::Text);
    let mut text = b.text(row, Field::Text);

    // A theme column sets the theme; an empty theme cell (often a vertically merged one) keeps
    // the theme of the rows above.
    let theme_cell = b.text(row, Field::Theme);
    if !theme_cell.trim().is_empty() {
        *current_theme = Some(theme_cell);
    }

    let (mut code, from_key) = code(b, row);
    if b.layout.codes_in_text
        && code.is_empty()
        && let Some((found, rest)) = split_code(&text)
    {
        (code, text) = (found.to_owned(), rest.to_owned());
    }
    if text.trim().is_empty() {
        let label = if code.is_empty() {
            String::new()
        } else {
            format!(" (nummer {code})")
        };
        b.add(
            Severity::Warning,
            Some(row.row),
            text_col,
            format!(
                "Deze rij{label} heeft geen tekst in de kolom van het criterium en is overgeslagen."
            ),
        );
        return None;
    }
    if code.is_empty() && b.col(Field::Code).is_some() {
        b.add(
            Severity::Warning,
            Some(row.row),
            b.col(Field::Code),
            "Dit criterium heeft geen nummer en is overgeslagen. Vul een nummer in en importeer opnieuw.".to_owned(),
        );
        return None;
    }

    let status = b.status(row);
    let answer = AnswerInput {
        status,
        justification: b.text(row, Field::Justification),
        owner: b.text(row, Field::Owner),
        action: b.text(row, Field::Action),
        deadline: b.deadline(row),
        evidence: b.text(row, Field::Evidence),
    };
    if status == Some(Status::NotApplicable) && answer.justification.trim().is_empty() {
        b.add(
            Severity::Warning,
            Some(row.row),
            b.col(Field::Justification).or(b.col(Field::Status)),
            "Bij \u{201c}Niet van toepassing\u{201d} ontbreekt een onderbouwing. De status is overgenomen; vul de onderbouwing later aan.".to_owned(),
        );
    }
    let theme = current_theme
        .clone()
        .unwrap_or_else(|| b.layout.default_theme.to_owned());
    Some(Pending {
        theme,
        criterion: CriterionDraft {
            code,
            explanation: b.text(row, Field::Explanation),
            legal_basis: b.text(row, Field::LegalBasis),
            text,
            answer: (!answer.is_empty()).then_some(answer),
            row: row.row.saturating_add(1),
        },
        from_key,
        part,
    })
}

/// The criterion's code: from the hidden key of our export when there is one (it survives sorting
/// and an edited visible number), else from the code column.
fn code(b: &mut Builder<'_>, row: &Row) -> (String, bool) {
    let visible = b.code_text(row, Field::Code);
    let key = b.code_text(row, Field::Key);
    if key.is_empty() {
        return (visible, false);
    }
    match key.strip_prefix(ROW_KEY_PREFIX).map(str::trim) {
        Some(from_key) if !from_key.is_empty() => {
            if !visible.is_empty() && visible != from_key {
                b.add(
                    Severity::Warning,
                    Some(row.row),
                    b.col(Field::Code),
                    format!(
                        "Het nummer is in het bestand veranderd van \u{201c}{from_key}\u{201d} in \u{201c}{visible}\u{201d}. De verborgen sleutel hoort bij {from_key}, dus het criterium is als {from_key} ingelezen. Een nummer wijzigt u in AVG-borging zelf."
                    ),
                );
            }
            (from_key.to_owned(), true)
        }
        _ => {
            b.add(
                Severity::Warning,
                Some(row.row),
                b.col(Field::Key),
                format!(
                    "De sleutel \u{201c}{key}\u{201d} is niet herkend; het nummer uit de nummerkolom is gebruikt."
                ),
            );
            (visible, false)
        }
    }
}

/// Groups criteria into themes (file order, a theme of the same name on several sheets is one
/// theme), numbers them when the sheet has no code column, and blocks duplicate codes over all
/// sheets. Returns the themes and the criteria kept per sheet.
fn assemble(
    parts: &[Part<'_>],
    findings: &mut Vec<Finding>,
    places: &mut Vec<(usize, u32, String)>,
    pending: Vec<Pending>,
) -> (Vec<ThemeDraft>, Vec<u32>) {
    let mut per_sheet = vec![0u32; parts.len()];
    let Some(first) = parts.first() else {
        return (Vec::new(), per_sheet);
    };
    // The sheets share one header signature, so one mapping.
    let mapping = first.layout.mapping;
    let mut themes: Vec<ThemeDraft> = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    // Per criterion: whether its code came from the key column, and its sheet.
    let mut origin: Vec<Vec<(bool, usize)>> = Vec::new();
    for item in pending {
        let index = *by_name.entry(item.theme.clone()).or_insert_with(|| {
            themes.push(ThemeDraft {
                name: item.theme.clone(),
                criteria: Vec::new(),
            });
            origin.push(Vec::new());
            themes.len() - 1
        });
        if let (Some(theme), Some(keys)) = (themes.get_mut(index), origin.get_mut(index)) {
            theme.criteria.push(item.criterion);
            keys.push((item.from_key, item.part));
        }
    }

    if mapping.code.is_none() {
        let mut generated = 0u32;
        for (ti, theme) in themes.iter_mut().enumerate() {
            for (ci, criterion) in theme.criteria.iter_mut().enumerate() {
                if criterion.code.is_empty() {
                    criterion.code = format!("{}.{}", ti + 1, ci + 1);
                    generated += 1;
                }
            }
        }
        if generated > 0 {
            findings.push(finding(
                &first.layout,
                Severity::Info,
                None,
                None,
                format!(
                    "Het blad heeft geen kolom met nummers. De {generated} criteria zijn per thema genummerd (1.1, 1.2, 2.1, \u{2026})."
                ),
            ));
        }
    }

    // The first row with a code keeps it; later rows with the same code are blocked, also when
    // they are on another sheet: a code names one criterion in the catalog.
    let mut first_row: HashMap<String, (usize, u32)> = HashMap::new();
    for (theme, keys) in themes.iter_mut().zip(&origin) {
        let mut kept = Vec::with_capacity(theme.criteria.len());
        for (criterion, &(key, part)) in std::mem::take(&mut theme.criteria).into_iter().zip(keys) {
            let layout = parts.get(part).map_or(&first.layout, |p| &p.layout);
            places.push((part, criterion.row, criterion.code.clone()));
            match first_row.get(&criterion.code) {
                Some(&(first_part, first)) => {
                    let col = if key { mapping.key } else { mapping.code };
                    let place = match parts.get(first_part) {
                        Some(p) if first_part != part => {
                            format!(
                                "ook op blad \u{201c}{}\u{201d}, rij {first}",
                                p.layout.sheet
                            )
                        }
                        _ => format!("ook in rij {first}"),
                    };
                    let message = format!(
                        "Het nummer \u{201c}{}\u{201d} komt vaker voor ({place}). Geef elk criterium een eigen nummer en importeer opnieuw.",
                        criterion.code
                    );
                    findings.push(finding(
                        layout,
                        Severity::Blocking,
                        Some(criterion.row.saturating_sub(1)),
                        col,
                        message,
                    ));
                }
                None => {
                    first_row.insert(criterion.code.clone(), (part, criterion.row));
                    if let Some(count) = per_sheet.get_mut(part) {
                        *count = count.saturating_add(1);
                    }
                    kept.push(criterion);
                }
            }
        }
        theme.criteria = kept;
    }
    themes.retain(|t| !t.criteria.is_empty());
    (themes, per_sheet)
}

pub(crate) fn preview_row(row: &Row, width: usize) -> Vec<String> {
    let mut out = vec![String::new(); width];
    for cell in &row.cells {
        if let Some(slot) = out.get_mut(cell.col as usize) {
            *slot = cell.value.shown();
        }
    }
    out
}

fn limit_findings(b: &mut Builder<'_>, grid: &Grid, limits: &Limits) {
    b.findings
        .extend(grid_limit_findings(b.layout.sheet, grid, limits));
}

/// What the limits left out of a sheet's grid: rows, columns and cut cells.
pub(crate) fn grid_limit_findings(sheet: &str, grid: &Grid, limits: &Limits) -> Vec<Finding> {
    let finding = |row: Option<u32>, col: Option<u32>, message: String| Finding {
        sheet: sheet.to_owned(),
        row: row.map(|r| r.saturating_add(1)),
        column: col.map(column_letter),
        criterion: None,
        column_title: None,
        severity: Severity::Warning,
        message,
    };
    let mut out = Vec::new();
    if grid.rows_cut {
        out.push(finding(
            Some(limits.max_rows.saturating_sub(1)),
            None,
            format!(
                "Het blad heeft meer dan {} rijen; de rijen daarna zijn niet gelezen.",
                thousands(u64::from(limits.max_rows))
            ),
        ));
    }
    if grid.columns_cut {
        out.push(finding(
            None,
            Some(limits.max_columns.saturating_sub(1)),
            format!(
                "Het blad heeft meer dan {} kolommen; de kolommen rechts van deze kolom zijn niet gelezen.",
                limits.max_columns
            ),
        ));
    }
    for (row, col) in &grid.cut_cells {
        out.push(finding(
            Some(*row),
            Some(*col),
            format!(
                "Deze cel bevat meer dan {} tekens; de tekst is ingekort tot {} tekens.",
                thousands(limits.max_cell_chars as u64),
                thousands(limits.max_cell_chars as u64)
            ),
        ));
    }
    out
}

/// A mapping given by the user (or remembered) may point one column at two fields, or past the
/// columns that are read.
fn check_mapping(b: &mut Builder<'_>, limits: &Limits) {
    let mut seen: BTreeMap<u32, Field> = BTreeMap::new();
    for field in Field::ALL {
        let Some(col) = b.col(field) else {
            continue;
        };
        if col >= limits.max_columns {
            b.add(
                Severity::Warning,
                None,
                Some(col),
                format!(
                    "Deze kolom ligt voorbij de {} kolommen die worden gelezen; het veld blijft leeg.",
                    limits.max_columns
                ),
            );
        }
        if seen.insert(col, field).is_some() {
            b.add(
                Severity::Warning,
                None,
                Some(col),
                "Deze kolom is aan meer dan één veld gekoppeld; controleer de kolomindeling."
                    .to_owned(),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_look_like_codes_and_titles_do_not() {
        assert!(looks_like_code("1.2"));
        assert!(looks_like_code("A3"));
        assert!(looks_like_code("12"));
        assert!(!looks_like_code("1. Governance"));
        assert!(!looks_like_code("Governance"));
    }
}
