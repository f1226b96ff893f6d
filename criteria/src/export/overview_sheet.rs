//! The sheet "Overzicht": per theme and in total the counts and percentages, as live formulas
//! over the criteria sheet with the numbers of [`Overview::of`] as their cached results, and a
//! stacked bar chart below the table.
//!
//! Live, so that the overview follows when a colleague changes statuses in Excel; cached, so
//! that previewers, PDF converters and a re-import (which never evaluate) see the right numbers.

use rust_xlsxwriter::utility::{column_number_to_name, quote_sheet_name};
use rust_xlsxwriter::{
    Chart, ChartAxisCrossing, ChartFormat, ChartLegendPosition, ChartSolidFill, ChartType, ColNum,
    Color, Format, FormatAlign, FormatBorder, Formula, RowNum, Workbook, Worksheet,
};

use crate::error::Result;
use crate::model::Status;
use crate::overview::{Counts, Overview};
use crate::view::AssessmentView;
use crate::workbook_format::{CRITERIA_SHEET, OVERVIEW_SHEET};

use super::criteria_sheet::{self, HEADER_FILL, PAPER_A4, status_label};
use super::text::{TextFormat, estimated_lines, row_height, write_date_or_text, write_text};
use super::{set_page_header_footer, workbook_error};

/// Row of the column titles of the table; the themes follow directly below it.
pub(super) const TABLE_HEADER_ROW: RowNum = 6;

/// Column titles of the table, in column order.
pub(super) const TABLE_COLUMNS: [&str; 11] = [
    "Thema",
    "Aantal criteria",
    "Geïmplementeerd",
    "Gedeeltelijk",
    "Vraagt aandacht",
    "Niet van toepassing",
    "Niet beoordeeld",
    "% geïmplementeerd",
    "% gedeeltelijk",
    "% vraagt aandacht",
    "% niet beoordeeld",
];

const THEME_COL: ColNum = 0;
const CRITERIA_COL: ColNum = 1;
/// The count columns of the statuses, in `Status::ALL` order.
const STATUS_COLS: [ColNum; 4] = [2, 3, 4, 5];
const NOT_APPLICABLE_COL: ColNum = 5;
const UNANSWERED_COL: ColNum = 6;
/// Each percentage column, the count column it is the percentage of, and that count.
type CountOf = fn(&Counts) -> u32;
const PERCENT_COLS: [(ColNum, ColNum, CountOf); 4] = [
    (7, STATUS_COLS[0], |c| c.implemented),
    (8, STATUS_COLS[1], |c| c.partial),
    (9, STATUS_COLS[2], |c| c.open),
    (10, UNANSWERED_COL, |c| c.unanswered),
];

/// Column widths in characters: wide enough for the bold word "geïmplementeerd" in a title, so
/// that it is not broken in two.
const WIDTHS: [f64; TABLE_COLUMNS.len()] = [
    30.0, 10.0, 16.0, 13.0, 13.0, 13.0, 13.0, 16.0, 13.0, 13.0, 13.0,
];

/// Chart colours per count column (the four statuses, then niet beoordeeld): green, amber, red,
/// grey, and a pale grey so that unanswered criteria remain visible as a gap to fill.
const SERIES_COLOURS: [(ColNum, u32); 5] = [
    (STATUS_COLS[0], 0x2E7D32),
    (STATUS_COLS[1], 0xF9A825),
    (STATUS_COLS[2], 0xC62828),
    (STATUS_COLS[3], 0x9E9E9E),
    (UNANSWERED_COL, 0xD9D9D9),
];

/// Adds the overview sheet to `workbook`. `overview` must be `Overview::of(view)`.
pub(super) fn add(
    workbook: &mut Workbook,
    view: &AssessmentView,
    overview: &Overview,
) -> Result<()> {
    let sheet = workbook.add_worksheet();
    sheet.set_name(OVERVIEW_SHEET).map_err(workbook_error)?;
    // rust_xlsxwriter replaces an empty cached result by this default (normally 0). Every
    // formula here sets its result, and the only empty one is a percentage with nothing in
    // scope, which must read back as empty, not as 0%.
    sheet.set_formula_result_default("");
    let formats = Formats::new();

    write_title(sheet, view, &formats)?;

    for (col, title) in (0..).zip(TABLE_COLUMNS) {
        sheet
            .write_string_with_format(TABLE_HEADER_ROW, col, title, &formats.header)
            .map_err(workbook_error)?;
    }
    // Titles like "Niet van toepassing" take two lines (see `estimated_lines` on why rows are
    // sized here).
    sheet
        .set_row_height(TABLE_HEADER_ROW, row_height(2))
        .map_err(workbook_error)?;

    let ranges = CriteriaRanges::of(view);
    let first_theme_row = TABLE_HEADER_ROW + 1;
    let mut row = first_theme_row;
    for theme in &overview.themes {
        write_text(sheet, row, THEME_COL, &theme.theme, &formats.theme, || {
            let start: String = theme.theme.chars().take(40).collect();
            format!("de naam van het thema \"{start}…\"")
        })?;
        let lines = estimated_lines(&theme.theme, WIDTHS[usize::from(THEME_COL)]);
        if lines > 1 {
            sheet
                .set_row_height(row, row_height(lines))
                .map_err(workbook_error)?;
        }
        let excel_row = row + 1;
        let theme_cell = format!("${}{excel_row}", column_number_to_name(THEME_COL));
        // SUMPRODUCT with `=` rather than COUNTIFS: COUNTIFS reads its criterion as a pattern,
        // so a theme name with `*`, `?` or `~`, or starting with `<`, `>` or `=`, would count the
        // wrong rows, and one over 255 characters would give #VALUE!. `=` compares exactly
        // (apart from letter case, as everywhere in Excel).
        let in_theme = format!("({}={theme_cell})", ranges.themes);
        write_count(
            sheet,
            row,
            CRITERIA_COL,
            &format!("SUMPRODUCT(--{in_theme})"),
            theme.counts.criteria,
            &formats.count,
        )?;
        for (status, col) in Status::ALL.into_iter().zip(STATUS_COLS) {
            let formula = format!(
                "SUMPRODUCT({in_theme}*({}={}))",
                ranges.statuses,
                string_literal(status_label(status))
            );
            let count = status_count(&theme.counts, status);
            write_count(sheet, row, col, &formula, count, &formats.count)?;
        }
        write_rest(sheet, row, &theme.counts, &formats.count, &formats.percent)?;
        row += 1;
    }

    // Total row.
    let total_row = row;
    sheet
        .write_string_with_format(total_row, THEME_COL, "Totaal", &formats.total_label)
        .map_err(workbook_error)?;
    let total = &overview.total;
    let total_counts = [
        (CRITERIA_COL, total.criteria),
        (STATUS_COLS[0], total.implemented),
        (STATUS_COLS[1], total.partial),
        (STATUS_COLS[2], total.open),
        (STATUS_COLS[3], total.not_applicable),
    ];
    for (col, count) in total_counts {
        let formula = if total_row > first_theme_row {
            let name = column_number_to_name(col);
            format!("SUM({name}{}:{name}{total_row})", first_theme_row + 1)
        } else {
            // A catalog without themes: nothing to add up.
            "0".to_owned()
        };
        write_count(sheet, total_row, col, &formula, count, &formats.total_count)?;
    }
    write_rest(
        sheet,
        total_row,
        total,
        &formats.total_count,
        &formats.total_percent,
    )?;

    for (col, width) in (0..).zip(WIDTHS) {
        sheet.set_column_width(col, width).map_err(workbook_error)?;
    }

    let mut last_printed_row = total_row;
    if !overview.themes.is_empty() {
        let chart_row = total_row + 2;
        let largest = overview.themes.iter().map(|t| t.counts.criteria).max();
        let (chart, rows) = status_chart(first_theme_row, total_row - 1, largest.unwrap_or(0));
        sheet
            .insert_chart(chart_row, 0, &chart)
            .map_err(workbook_error)?;
        last_printed_row = chart_row + rows;
    }

    // The print area is set explicitly so that it includes the chart, which is not a cell.
    sheet
        .set_print_area(
            0,
            0,
            last_printed_row,
            THEME_COL + TABLE_COLUMNS.len() as ColNum - 1,
        )
        .map_err(workbook_error)?;
    sheet
        .set_portrait()
        .set_paper_size(PAPER_A4)
        .set_print_fit_to_pages(1, 1);
    set_page_header_footer(sheet, view);
    Ok(())
}

/// The cell formats of the overview sheet.
struct Formats {
    title: Format,
    label: Format,
    value: TextFormat,
    date: Format,
    header: Format,
    theme: TextFormat,
    count: Format,
    percent: Format,
    total_label: Format,
    total_count: Format,
    total_percent: Format,
}

impl Formats {
    fn new() -> Formats {
        let cell = Format::new()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::VerticalCenter);
        let count = cell
            .clone()
            .set_num_format("0")
            .set_align(FormatAlign::Center);
        let percent = cell
            .clone()
            .set_num_format("0%")
            .set_align(FormatAlign::Center);
        Formats {
            title: Format::new().set_bold().set_font_size(14),
            label: Format::new().set_bold(),
            // Not wrapped: a long name may run on into the empty cells to its right.
            value: TextFormat::new(Format::new().set_align(FormatAlign::Left)),
            date: Format::new()
                .set_num_format("dd-mm-yyyy")
                .set_align(FormatAlign::Left),
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color(Color::RGB(HEADER_FILL))
                .set_border(FormatBorder::Thin),
            theme: TextFormat::new(cell.clone().set_text_wrap()),
            total_label: cell.clone().set_bold().set_border_top(FormatBorder::Double),
            total_count: count
                .clone()
                .set_bold()
                .set_border_top(FormatBorder::Double),
            total_percent: percent
                .clone()
                .set_bold()
                .set_border_top(FormatBorder::Double),
            count,
            percent,
        }
    }
}

/// Writes the title block: what the overview is about.
fn write_title(sheet: &mut Worksheet, view: &AssessmentView, formats: &Formats) -> Result<()> {
    let a = &view.assessment;
    sheet
        .write_string_with_format(0, 0, "Overzicht AVG-borging", &formats.title)
        .map_err(workbook_error)?;
    let catalog = format!("{} (versie {})", a.catalog_name, a.catalog_version);
    let lines: [(RowNum, &str, &str); 3] = [
        (1, "Organisatie", &a.organisation),
        (2, "Beoordeling", &a.name),
        (4, "Criteriaset", &catalog),
    ];
    for (row, label, value) in lines {
        sheet
            .write_string_with_format(row, 0, label, &formats.label)
            .map_err(workbook_error)?;
        write_text(sheet, row, 1, value, &formats.value, || {
            format!("de {} in het overzicht", label.to_lowercase())
        })?;
    }
    sheet
        .write_string_with_format(3, 0, "Peildatum", &formats.label)
        .map_err(workbook_error)?;
    if let Some(date) = &a.reference_date {
        write_date_or_text(
            sheet,
            3,
            1,
            &date.to_string(),
            &formats.date,
            &formats.value,
            || "de peildatum".to_owned(),
        )?;
    }
    Ok(())
}

/// The ranges of the theme and status columns of the criteria sheet, absolute, over exactly
/// the criteria rows (Excel widens them when a colleague inserts rows in between).
struct CriteriaRanges {
    themes: String,
    statuses: String,
}

impl CriteriaRanges {
    fn of(view: &AssessmentView) -> CriteriaRanges {
        // Rows 2..=n+1 in Excel's numbering; with no criteria, the single empty row 2 (a range
        // ending at row 1 would be the header).
        let last = criteria_sheet::criteria_rows(view).max(1) + 1;
        let sheet = quote_sheet_name(CRITERIA_SHEET);
        let range = |col: ColNum| {
            let name = column_number_to_name(col);
            format!("{sheet}!${name}$2:${name}${last}")
        };
        CriteriaRanges {
            themes: range(criteria_sheet::THEME),
            statuses: range(criteria_sheet::STATUS),
        }
    }
}

/// Writes niet beoordeeld and the percentages of one row, from the count cells of that row.
fn write_rest(
    sheet: &mut Worksheet,
    row: RowNum,
    counts: &Counts,
    count_format: &Format,
    percent_format: &Format,
) -> Result<()> {
    let excel_row = row + 1;
    let cell = |col: ColNum| format!("{}{excel_row}", column_number_to_name(col));

    // Everything without one of the four statuses is unanswered, including a status a
    // colleague typed that is not one of ours: the overview never looks better than it is.
    let mut unanswered = cell(CRITERIA_COL);
    for col in STATUS_COLS {
        unanswered.push('-');
        unanswered.push_str(&cell(col));
    }
    write_count(
        sheet,
        row,
        UNANSWERED_COL,
        &unanswered,
        counts.unanswered,
        count_format,
    )?;

    // Percentages are of the criteria in scope (all minus niet van toepassing), stored as
    // fractions for the `%` format; empty when nothing is in scope rather than a misleading 0%.
    let in_scope = format!("({}-{})", cell(CRITERIA_COL), cell(NOT_APPLICABLE_COL));
    for (col, of_col, count_of) in PERCENT_COLS {
        let formula = format!("IF({in_scope}=0,\"\",{}/{in_scope})", cell(of_col));
        let result = match counts.in_scope() {
            0 => String::new(),
            scope => (f64::from(count_of(counts)) / f64::from(scope)).to_string(),
        };
        let formula = Formula::new(formula).set_result(result);
        sheet
            .write_formula_with_format(row, col, formula, percent_format)
            .map_err(workbook_error)?;
    }
    Ok(())
}

/// Writes a count formula with its cached result.
fn write_count(
    sheet: &mut Worksheet,
    row: RowNum,
    col: ColNum,
    formula: &str,
    count: u32,
    format: &Format,
) -> Result<()> {
    let formula = Formula::new(formula).set_result(count.to_string());
    sheet
        .write_formula_with_format(row, col, formula, format)
        .map_err(workbook_error)?;
    Ok(())
}

/// The count of one status.
fn status_count(counts: &Counts, status: Status) -> u32 {
    match status {
        Status::Implemented => counts.implemented,
        Status::Partial => counts.partial,
        Status::Open => counts.open,
        Status::NotApplicable => counts.not_applicable,
    }
}

/// `text` as a string literal in a formula.
fn string_literal(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// A stacked bar chart of the count columns of the theme rows `first..=last`, and how many rows
/// it covers. `largest` is the largest number of criteria in a theme. Its titles and series
/// names are ours or cell references, never user text: chart titles starting with `=` would be
/// read as a reference.
fn status_chart(first: RowNum, last: RowNum, largest: u32) -> (Chart, RowNum) {
    const ROW_PIXELS: u32 = 20;
    let themes = last - first + 1;
    let height = (100 + 32 * themes).max(300);
    // About the width of the table's columns (in pixels as Excel converts character widths),
    // a little less so that the frame stays inside the printed area.
    let width: u32 = WIDTHS.iter().map(|w| (w * 7.0 + 5.0) as u32).sum::<u32>() - 20;

    let mut chart = Chart::new(ChartType::BarStacked);
    chart.title().set_name("Status per thema");
    for (col, colour) in SERIES_COLOURS {
        chart
            .add_series()
            .set_name((OVERVIEW_SHEET, TABLE_HEADER_ROW, col))
            .set_categories((OVERVIEW_SHEET, first, THEME_COL, last, THEME_COL))
            .set_values((OVERVIEW_SHEET, first, col, last, col))
            .set_format(
                ChartFormat::new()
                    .set_solid_fill(ChartSolidFill::new().set_color(Color::RGB(colour))),
            )
            .set_gap(60);
    }
    // rust_xlsxwriter names a bar chart's axes by position: y is the vertical category axis.
    // Reversed, the themes read top to bottom in table order; crossing at the last theme keeps
    // the count axis at the bottom.
    chart
        .y_axis()
        .set_reverse()
        .set_crossing(ChartAxisCrossing::Max);
    chart
        .x_axis()
        .set_name("Aantal criteria")
        .set_min(0)
        .set_major_unit(count_step(largest));
    chart.legend().set_position(ChartLegendPosition::Bottom);
    chart.set_alt_text("Staafdiagram: per thema het aantal criteria per status.");
    chart.set_width(width).set_height(height);
    (chart, height.div_ceil(ROW_PIXELS) + 1)
}

/// A step for the count axis: whole criteria, at most about ten gridlines.
fn count_step(largest: u32) -> u32 {
    [1, 2, 5, 10, 20, 50, 100, 200, 500]
        .into_iter()
        .find(|step| largest <= step * 10)
        .unwrap_or(1000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_count_axis_counts_whole_criteria_with_few_gridlines() {
        assert_eq!(count_step(0), 1);
        assert_eq!(count_step(10), 1);
        assert_eq!(count_step(11), 2);
        assert_eq!(count_step(45), 5);
        assert_eq!(count_step(120), 20);
        assert_eq!(count_step(100_000), 1000);
    }
}
