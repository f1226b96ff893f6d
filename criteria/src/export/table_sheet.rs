//! The sheets "Verbeterplan" and "Vergelijking": plain tables of text (and dates), one header
//! row, frozen and filterable, printed A4 landscape one page wide. They are reports: a re-import
//! skips them (see `import::detect::is_side_sheet`).

use rust_xlsxwriter::{Format, FormatAlign, RowNum, Workbook};

use crate::comparison::{Comparison, Direction};
use crate::error::Result;
use crate::improvement_plan::ImprovementPlan;
use crate::model::Status;
use crate::view::AssessmentView;
use crate::workbook_format::{COMPARISON_SHEET, IMPROVEMENT_PLAN_SHEET};

use super::criteria_sheet::{PAPER_A4, cell_formats, status_label};
use super::text::{TextFormat, estimated_lines, row_height, write_date_or_text, write_text};
use super::{set_page_header_footer, workbook_error};

/// One cell of a table row.
enum Cell<'a> {
    Text(&'a str),
    Owned(String),
    /// A `YYYY-MM-DD` text written as a date when it is one.
    Date(&'a str),
    Number(u32),
}

struct Table<'a> {
    name: &'a str,
    title: String,
    columns: &'a [(&'a str, f64)],
    rows: Vec<Vec<Cell<'a>>>,
}

fn add_table(workbook: &mut Workbook, view: &AssessmentView, table: Table<'_>) -> Result<()> {
    let sheet = workbook.add_worksheet();
    sheet.set_name(table.name).map_err(workbook_error)?;
    let title_format = Format::new().set_bold().set_font_size(14);
    let (header, text, date) = cell_formats();
    let number = Format::new().set_align(FormatAlign::Top);

    write_text(
        sheet,
        0,
        0,
        &table.title,
        &TextFormat::new(title_format),
        || format!("de titel van het blad {}", table.name),
    )?;
    const HEADER_ROW: RowNum = 2;
    for (col, (title, width)) in (0..).zip(table.columns) {
        sheet
            .write_string_with_format(HEADER_ROW, col, *title, &header)
            .map_err(workbook_error)?;
        sheet
            .set_column_width(col, *width)
            .map_err(workbook_error)?;
        // Empty cells are not written (see `write_text`): what is typed there later wraps.
        sheet
            .set_column_format(col, text.plain())
            .map_err(workbook_error)?;
    }
    let mut row = HEADER_ROW;
    for cells in &table.rows {
        row += 1;
        let mut lines = 1;
        for (col, cell) in (0..).zip(cells) {
            let width = table.columns[usize::from(col)].1;
            let what = || format!("een cel van het blad {}", table.name);
            match cell {
                Cell::Text(value) => {
                    write_text(sheet, row, col, value, &text, what)?;
                    lines = lines.max(estimated_lines(value, width));
                }
                Cell::Owned(value) => {
                    write_text(sheet, row, col, value, &text, what)?;
                    lines = lines.max(estimated_lines(value, width));
                }
                Cell::Date(value) => {
                    write_date_or_text(sheet, row, col, value, &date, &text, what)?;
                }
                Cell::Number(value) => {
                    sheet
                        .write_number_with_format(row, col, *value, &number)
                        .map_err(workbook_error)?;
                }
            }
        }
        if lines > 1 {
            sheet
                .set_row_height(row, row_height(lines))
                .map_err(workbook_error)?;
        }
    }
    let last_col = u16::try_from(table.columns.len().saturating_sub(1)).unwrap_or(0);
    sheet
        .autofilter(HEADER_ROW, 0, row.max(HEADER_ROW), last_col)
        .map_err(workbook_error)?;
    sheet
        .set_freeze_panes(HEADER_ROW + 1, 0)
        .map_err(workbook_error)?;
    sheet.set_landscape();
    sheet.set_paper_size(PAPER_A4);
    sheet.set_print_fit_to_pages(1, 0);
    sheet
        .set_repeat_rows(HEADER_ROW, HEADER_ROW)
        .map_err(workbook_error)?;
    set_page_header_footer(sheet, view);
    Ok(())
}

const PLAN_COLUMNS: [(&str, f64); 8] = [
    ("Nummer", 9.0),
    ("Thema", 18.0),
    ("Criterium", 45.0),
    ("Status", 16.0),
    ("Eigenaar", 18.0),
    ("Actie", 35.0),
    ("Deadline", 12.0),
    ("Verlopen", 10.0),
];

/// Adds the sheet "Verbeterplan": the partial and open criteria with owner, action, deadline.
pub(super) fn add_improvement_plan(
    workbook: &mut Workbook,
    view: &AssessmentView,
    plan: &ImprovementPlan,
) -> Result<()> {
    let rows = plan
        .items
        .iter()
        .map(|item| {
            vec![
                Cell::Text(&item.code),
                Cell::Text(&item.theme),
                Cell::Text(&item.text),
                Cell::Text(status_label(item.status)),
                Cell::Text(&item.owner),
                Cell::Text(&item.action),
                Cell::Date(item.deadline.as_deref().unwrap_or("")),
                Cell::Text(if item.overdue { "ja" } else { "" }),
            ]
        })
        .collect();
    add_table(
        workbook,
        view,
        Table {
            name: IMPROVEMENT_PLAN_SHEET,
            title: format!(
                "Verbeterplan {} – beoordeling {} (stand {})",
                plan.organisation, plan.round, plan.today
            ),
            columns: &PLAN_COLUMNS,
            rows,
        },
    )
}

const COMPARISON_COLUMNS: [(&str, f64); 8] = [
    ("Nummer / thema", 30.0),
    ("Criterium", 45.0),
    ("Eerder", 20.0),
    ("Nu", 20.0),
    ("Verandering", 14.0),
    ("Geïmpl. eerder", 10.0),
    ("Geïmpl. nu", 10.0),
    ("Verschil %-punt", 12.0),
];

fn label(status: Option<Status>) -> &'static str {
    status.map_or(Status::UNANSWERED_LABEL, status_label)
}

fn percent(part: u32, counts: &crate::Counts) -> Option<f64> {
    counts.percent(part)
}

/// Adds the sheet "Vergelijking": per theme the implemented count and percentage of both rounds,
/// then every criterion whose status changed.
pub(super) fn add_comparison(
    workbook: &mut Workbook,
    view: &AssessmentView,
    comparison: &Comparison,
) -> Result<()> {
    let mut rows: Vec<Vec<Cell<'_>>> = Vec::new();
    let themes = comparison
        .themes
        .iter()
        .map(|t| (t.theme.as_str(), &t.from, &t.to))
        .chain(std::iter::once((
            "Totaal",
            &comparison.total_from,
            &comparison.total_to,
        )));
    for (name, from, to) in themes {
        let delta = match (percent(from.implemented, from), percent(to.implemented, to)) {
            (Some(a), Some(b)) => format!("{:+.0}", b - a),
            _ => String::new(),
        };
        rows.push(vec![
            Cell::Text(name),
            Cell::Text(""),
            Cell::Owned(format!(
                "{} van {} geïmplementeerd",
                from.implemented,
                from.in_scope()
            )),
            Cell::Owned(format!(
                "{} van {} geïmplementeerd",
                to.implemented,
                to.in_scope()
            )),
            Cell::Text(""),
            Cell::Number(from.implemented),
            Cell::Number(to.implemented),
            Cell::Owned(delta),
        ]);
    }
    rows.push(Vec::new());
    for change in &comparison.changes {
        rows.push(vec![
            Cell::Text(&change.code),
            Cell::Text(&change.text),
            Cell::Text(label(change.from)),
            Cell::Text(label(change.to)),
            Cell::Text(match change.direction {
                Direction::Better => "beter",
                Direction::Worse => "slechter",
                Direction::Other => "anders",
            }),
        ]);
    }
    add_table(
        workbook,
        view,
        Table {
            name: COMPARISON_SHEET,
            title: format!(
                "Vergelijking {}: ronde {} met ronde {} ({} criteria met een andere status)",
                comparison.organisation,
                comparison.to.name,
                comparison.from.name,
                comparison.changes.len()
            ),
            columns: &COMPARISON_COLUMNS,
            rows,
        },
    )
}
