//! The sheet "Criteria": a header row and one row per criterion in catalog order, with the
//! answer of the assessment and a hidden key so a re-import finds the row again.

use rust_xlsxwriter::{
    ColNum, Color, DataValidation, Format, FormatAlign, FormatBorder, IgnoreError, RowNum, Workbook,
};

use crate::error::Result;
use crate::model::Status;
use crate::view::AssessmentView;
use crate::workbook_format::{
    CRITERIA_COLUMNS, CRITERIA_SHEET, KEY_COLUMN, STATUS_LABELS, row_key,
};

use super::text::{TextFormat, estimated_lines, row_height, write_date_or_text, write_text};
use super::{set_page_header_footer, workbook_error};

// Column positions in `CRITERIA_COLUMNS`, named so the code reads as the layout. A test checks
// them against the column titles.
const CODE: ColNum = 0;
pub(super) const THEME: ColNum = 1;
const TEXT: ColNum = 2;
const EXPLANATION: ColNum = 3;
const LEGAL_BASIS: ColNum = 4;
pub(super) const STATUS: ColNum = 5;
const JUSTIFICATION: ColNum = 6;
const OWNER: ColNum = 7;
const ACTION: ColNum = 8;
const DEADLINE: ColNum = 9;
const EVIDENCE: ColNum = 10;
const KEY: ColNum = KEY_COLUMN as ColNum;

/// Column widths in characters, in column order: wide for the long texts, narrow for codes and
/// dates. Printing scales the whole row to one page width, so every extra character here makes
/// the print smaller.
const WIDTHS: [f64; CRITERIA_COLUMNS.len()] = [
    9.0, 18.0, 40.0, 35.0, 16.0, 20.0, 35.0, 18.0, 25.0, 12.0, 25.0, 14.0,
];

/// Paper size code of A4 in the spreadsheet's page setup.
pub(super) const PAPER_A4: u8 = 9;

/// Light blue behind column titles.
pub(super) const HEADER_FILL: u32 = 0xD9E2F3;

/// The label written for `status`: `STATUS_LABELS` is in `Status::ALL` order.
pub(super) fn status_label(status: Status) -> &'static str {
    Status::ALL
        .into_iter()
        .zip(STATUS_LABELS)
        .find_map(|(s, label)| (s == status).then_some(label))
        .unwrap_or_default()
}

/// The formats of a table sheet: column titles, wrapped text and dates. Top-aligned so that a
/// row with one long text still reads from its first line.
pub(super) fn cell_formats() -> (Format, TextFormat, Format) {
    let header = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Top)
        .set_background_color(Color::RGB(HEADER_FILL))
        .set_border(FormatBorder::Thin);
    let text = TextFormat::new(Format::new().set_text_wrap().set_align(FormatAlign::Top));
    let date = Format::new()
        .set_num_format("dd-mm-yyyy")
        .set_align(FormatAlign::Top)
        .set_align(FormatAlign::Left);
    (header, text, date)
}

/// The number of criteria rows below the header.
pub(super) fn criteria_rows(view: &AssessmentView) -> usize {
    view.themes.iter().map(|theme| theme.criteria.len()).sum()
}

/// Adds the criteria sheet to `workbook`.
pub(super) fn add(workbook: &mut Workbook, view: &AssessmentView) -> Result<()> {
    let sheet = workbook.add_worksheet();
    sheet.set_name(CRITERIA_SHEET).map_err(workbook_error)?;

    let (header, text, date) = cell_formats();

    for (col, title) in (0..).zip(CRITERIA_COLUMNS) {
        sheet
            .write_string_with_format(0, col, title, &header)
            .map_err(workbook_error)?;
    }

    let mut row: RowNum = 0;
    for theme in &view.themes {
        for criterion in &theme.criteria {
            row += 1;
            let answer = criterion.answer.as_ref();
            let describe = |col: ColNum| {
                move || {
                    format!(
                        "de kolom \"{}\" bij criterium {}",
                        CRITERIA_COLUMNS[usize::from(col)],
                        for_message(&criterion.code)
                    )
                }
            };
            let key = row_key(&criterion.code);
            let texts: [(ColNum, &str); 10] = [
                (CODE, &criterion.code),
                (THEME, &theme.name),
                (TEXT, &criterion.text),
                (EXPLANATION, &criterion.explanation),
                (LEGAL_BASIS, &criterion.legal_basis),
                (JUSTIFICATION, answer.map_or("", |a| &a.justification)),
                (OWNER, answer.map_or("", |a| &a.owner)),
                (ACTION, answer.map_or("", |a| &a.action)),
                (EVIDENCE, answer.map_or("", |a| &a.evidence)),
                (KEY, &key),
            ];
            let mut lines = 1;
            for (col, value) in texts {
                write_text(sheet, row, col, value, &text, describe(col))?;
                if col != KEY {
                    lines = lines.max(estimated_lines(value, WIDTHS[usize::from(col)]));
                }
            }

            // The label is one of ours, so it is written as it is; an empty cell is "niet
            // beoordeeld", which is also what the drop-down allows.
            if let Some(label) = answer.and_then(|a| a.status).map(status_label) {
                sheet
                    .write_string_with_format(row, STATUS, label, text.plain())
                    .map_err(workbook_error)?;
                lines = lines.max(estimated_lines(label, WIDTHS[usize::from(STATUS)]));
            }

            if let Some(deadline) = answer.and_then(|a| a.deadline.as_deref()) {
                write_date_or_text(
                    sheet,
                    row,
                    DEADLINE,
                    deadline,
                    &date,
                    &text,
                    describe(DEADLINE),
                )?;
                lines = lines.max(estimated_lines(deadline, WIDTHS[usize::from(DEADLINE)]));
            }
            // One-line rows keep the default height, which Excel adjusts by itself.
            if lines > 1 {
                sheet
                    .set_row_height(row, row_height(lines))
                    .map_err(workbook_error)?;
            }
        }
    }
    let last_row = row;

    // The filter includes the hidden key column: sorting through the filter sorts exactly the
    // filter's columns, and a key left behind would point at another criterion's row.
    sheet
        .autofilter(0, 0, last_row, KEY)
        .map_err(workbook_error)?;
    if last_row > 0 {
        let statuses = DataValidation::new()
            .allow_list_strings(&STATUS_LABELS)
            .and_then(|v| v.set_error_title("Onbekende status"))
            .and_then(|v| {
                v.set_error_message(
                    "Kies een van de vier statussen uit de lijst, of maak de cel leeg als het criterium nog niet is beoordeeld.",
                )
            })
            .map_err(workbook_error)?;
        sheet
            .add_data_validation(1, STATUS, last_row, STATUS, &statuses)
            .map_err(workbook_error)?;
        // Codes like "3.2" are text on purpose (3.10 is not 3.1); without this Excel flags
        // every one of them with a green triangle.
        sheet
            .ignore_error_range(1, 0, last_row, KEY, IgnoreError::NumberStoredAsText)
            .map_err(workbook_error)?;
    }

    for (col, width) in (0..).zip(WIDTHS) {
        sheet.set_column_width(col, width).map_err(workbook_error)?;
    }
    // Empty answer cells are not written (see `write_text`); the column format makes what the
    // officer types there later wrap and align like the rest.
    for col in [STATUS, JUSTIFICATION, OWNER, ACTION, EVIDENCE] {
        sheet
            .set_column_format(col, text.plain())
            .map_err(workbook_error)?;
    }
    sheet
        .set_column_format(DEADLINE, &date)
        .map_err(workbook_error)?;
    sheet.set_column_hidden(KEY).map_err(workbook_error)?;
    // Header row and code column stay in view while scrolling through long texts.
    sheet.set_freeze_panes(1, 1).map_err(workbook_error)?;

    sheet
        .set_landscape()
        .set_paper_size(PAPER_A4)
        .set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, 0).map_err(workbook_error)?;
    // The print area stops before the hidden key column: printed, a hidden column at the edge
    // left faint marks in LibreOffice (issue 16).
    sheet
        .set_print_area(0, 0, last_row, KEY - 1)
        .map_err(workbook_error)?;
    set_page_header_footer(sheet, view);
    Ok(())
}

/// A criterion code as it appears in a message: a code is short in every real catalog, but an
/// imported file may hold anything.
fn for_message(code: &str) -> String {
    const MAX: usize = 40;
    if code.chars().count() <= MAX {
        code.to_owned()
    } else {
        let short: String = code.chars().take(MAX).collect();
        format!("{short}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_columns_match_the_shared_layout() {
        let named = [
            (CODE, "Nummer"),
            (THEME, "Thema"),
            (TEXT, "Criterium"),
            (EXPLANATION, "Toelichting"),
            (LEGAL_BASIS, "AVG-artikel"),
            (STATUS, "Status"),
            (JUSTIFICATION, "Onderbouwing"),
            (OWNER, "Eigenaar"),
            (ACTION, "Actie"),
            (DEADLINE, "Deadline"),
            (EVIDENCE, "Bewijs"),
            (KEY, "Sleutel"),
        ];
        for (col, title) in named {
            assert_eq!(CRITERIA_COLUMNS[usize::from(col)], title);
        }
    }

    #[test]
    fn status_labels_follow_the_order_of_all_statuses() {
        for (status, label) in Status::ALL.into_iter().zip(STATUS_LABELS) {
            assert_eq!(status_label(status), label);
            assert_eq!(status.label(), label);
        }
    }
}
