//! A pre-scan of an .ods file's `content.xml` that bounds what calamine would build from it.
//!
//! calamine's ODS reader (0.38, src/ods.rs) parses *every* sheet when the file is opened, into
//! dense ranges: a cell with `table:number-columns-repeated` is cloned that many times (up to
//! 16,384), a row with `table:number-rows-repeated` is expanded that many times when the range is
//! built (up to 100 million cells), `<text:s text:c="N"/>` pushes N spaces, and the formulas get a
//! second range of the same shape. A few hundred bytes of XML can ask for gigabytes. On top of
//! that its table and annotation loops do not stop at the end of the document, so an unclosed
//! `<table:table>` or `<office:annotation>` makes it loop forever.
//!
//! So this scan mirrors those loops (same element names, same caps) and adds up an upper bound of
//! the cells and text calamine would allocate, and refuses the file when that exceeds the budget or
//! when an element those loops wait for is never closed. The bound is deliberately generous
//! (a cell's text is bounded by the bytes of its XML plus its `text:c` spaces).

use std::io::{BufRead, BufReader, Cursor};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::QName;
use zip::ZipArchive;

use super::container::DAMAGED;
use super::limits::{Budget, refused};
use crate::Result;

/// calamine's caps (src/ods.rs `MAX_ROWS`, `MAX_COLUMNS`).
const ODS_MAX_ROWS: u64 = 1_048_576;
const ODS_MAX_COLUMNS: u64 = 16_384;

const TABLE: QName<'static> = QName("table:table");
const ROW: QName<'static> = QName("table:table-row");
const CELL: QName<'static> = QName("table:table-cell");
const COVERED: QName<'static> = QName("table:covered-table-cell");
const ANNOTATION: QName<'static> = QName("office:annotation");
const SPACES: QName<'static> = QName("text:s");

/// Attributes that make calamine keep a cell (a value, a value type or a formula).
const VALUE_ATTRS: [&str; 8] = [
    "office:value",
    "office:string-value",
    "office:date-value",
    "office:time-value",
    "office:boolean-value",
    "office:value-type",
    "calcext:value-type",
    "table:formula",
];

/// Checks that opening `bytes` (an inspected .ods) with calamine stays within `budget`, and takes
/// the estimate from it.
pub(crate) fn check(bytes: &[u8], budget: &mut Budget) -> Result<()> {
    let mut zip = ZipArchive::new(Cursor::new(bytes)).map_err(|_| refused(DAMAGED))?;
    let Ok(part) = zip.by_name("content.xml") else {
        // calamine refuses it itself.
        return Ok(());
    };
    let mut reader = Reader::from_reader(BufReader::new(part));
    let config = reader.config_mut();
    // The same settings as calamine, so both see the same events.
    config.check_end_names = false;
    config.trim_text(false);
    config.check_comments = false;
    config.expand_empty_elements = true;

    let mut scan = Scan::default();
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|_| refused(DAMAGED))?;
        let at = reader.buffer_position();
        match event {
            Event::Start(e) if e.name() == TABLE => scan_table(&mut reader, &mut scan, budget)?,
            Event::Start(e) if e.name() == ANNOTATION => scan.last_annotation_start = at,
            Event::End(e) if e.name() == ANNOTATION => scan.last_annotation_end = at,
            Event::Eof => break,
            _ => {}
        }
    }
    if scan.last_annotation_start > scan.last_annotation_end {
        return Err(refused(DAMAGED));
    }
    Ok(())
}

/// Where the last `office:annotation` opened and closed: calamine waits for a close after each
/// open, to the end of the document.
#[derive(Default)]
struct Scan {
    last_annotation_start: u64,
    last_annotation_end: u64,
}

/// One `table:table`, up to its end as calamine's `read_table` finds it.
fn scan_table<R: BufRead>(
    reader: &mut Reader<R>,
    scan: &mut Scan,
    budget: &mut Budget,
) -> Result<()> {
    let mut buf = Vec::new();
    let mut rows_so_far: u64 = 0;
    // Cells pushed per XML row (calamine's first pass), text in them.
    let mut raw_cells: u64 = 0;
    let mut raw_text: u64 = 0;
    // Rows (with repeats) from the first to the last non-empty row, the widest row, and the text
    // that the dense range repeats.
    let mut rows_before_first: Option<u64> = None;
    let mut rows_to_last: u64 = 0;
    let mut width: u64 = 0;
    let mut dense_text: u64 = 0;
    loop {
        buf.clear();
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|_| refused(DAMAGED))?;
        match event {
            Event::Start(e) if e.name() == ROW => {
                let repeats = repeat_attr(&e, "table:number-rows-repeated")?;
                let repeats = repeats.min(ODS_MAX_ROWS.saturating_sub(rows_so_far));
                let row = scan_row(reader, scan)?;
                raw_cells = raw_cells.saturating_add(row.pushed);
                raw_text = raw_text.saturating_add(row.text);
                if row.non_empty {
                    rows_before_first.get_or_insert(rows_so_far);
                    rows_to_last = rows_so_far.saturating_add(repeats);
                    width = width.max(row.pushed);
                    dense_text = dense_text.saturating_add(row.text.saturating_mul(repeats));
                }
                rows_so_far = rows_so_far.saturating_add(repeats);
                // Check as we go, so a huge table is refused before the scan finishes it.
                budget.check_more(raw_cells, raw_text)?;
            }
            Event::Start(e) if e.name() == ANNOTATION => {
                scan.last_annotation_start = reader.buffer_position();
            }
            Event::End(e) if e.name() == ANNOTATION => {
                scan.last_annotation_end = reader.buffer_position();
            }
            Event::End(e) if e.name() == TABLE => break,
            // calamine would wait for `</table:table>` forever.
            Event::Eof => return Err(refused(DAMAGED)),
            _ => {}
        }
    }
    let dense_rows = rows_to_last.saturating_sub(rows_before_first.unwrap_or(0));
    let dense_cells = dense_rows.saturating_mul(width);
    // The values' raw cells and dense range; the formulas get the same shape again in strings
    // (24 bytes a cell against 32), which the limit's margin covers.
    let cells = raw_cells.saturating_add(dense_cells);
    let text = raw_text.saturating_add(dense_text);
    budget.take(cells, text)
}

struct RowScan {
    pushed: u64,
    text: u64,
    non_empty: bool,
}

/// One `table:table-row`, mirroring calamine's `read_row`: empty cells are pushed only when a
/// later cell in the row follows them.
fn scan_row<R: BufRead>(reader: &mut Reader<R>, scan: &mut Scan) -> Result<RowScan> {
    let mut buf = Vec::new();
    let mut row = RowScan {
        pushed: 0,
        text: 0,
        non_empty: false,
    };
    let mut pending_empty: u64 = 0;
    loop {
        buf.clear();
        let before = reader.buffer_position();
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|_| refused(DAMAGED))?;
        match event {
            Event::Start(e) if e.name() == CELL || e.name() == COVERED => {
                let repeats = repeat_attr(&e, "table:number-columns-repeated")?;
                let has_value = e
                    .attributes()
                    .with_checks(false)
                    .flatten()
                    .any(|a| VALUE_ATTRS.contains(&a.key.as_ref()));
                let name = e.name().as_ref().to_owned();
                let spaces = skip_cell(reader, &name, scan)?;
                let bytes = reader.buffer_position().saturating_sub(before);

                let flushed = pending_empty.min(ODS_MAX_COLUMNS.saturating_sub(row.pushed));
                row.pushed = row.pushed.saturating_add(flushed);
                let capped = repeats.min(ODS_MAX_COLUMNS.saturating_sub(row.pushed));
                if has_value {
                    row.pushed = row.pushed.saturating_add(capped);
                    row.non_empty = true;
                    let cell_text = bytes.saturating_add(spaces);
                    row.text = row.text.saturating_add(cell_text.saturating_mul(capped));
                    pending_empty = 0;
                } else {
                    pending_empty = capped;
                }
            }
            Event::End(e) if e.name() == ROW => return Ok(row),
            // calamine refuses anything else inside a row.
            _ => return Err(refused(DAMAGED)),
        }
    }
}

/// Skips to the end of the cell named `name`; returns the spaces its `text:s` elements add.
fn skip_cell<R: BufRead>(reader: &mut Reader<R>, name: &str, scan: &mut Scan) -> Result<u64> {
    let mut buf = Vec::new();
    let mut depth = 0u32;
    let mut spaces: u64 = 0;
    loop {
        buf.clear();
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|_| refused(DAMAGED))?;
        match event {
            Event::Start(e) if e.name() == SPACES => {
                spaces = spaces.saturating_add(repeat_attr(&e, "text:c")?);
            }
            Event::Start(e) if e.name() == ANNOTATION => {
                scan.last_annotation_start = reader.buffer_position();
            }
            Event::End(e) if e.name() == ANNOTATION => {
                scan.last_annotation_end = reader.buffer_position();
            }
            Event::Start(e) if e.name().as_ref() == name => depth += 1,
            Event::End(e) if e.name().as_ref() == name => {
                if depth == 0 {
                    return Ok(spaces);
                }
                depth -= 1;
            }
            Event::Eof => return Err(refused(DAMAGED)),
            _ => {}
        }
    }
}

/// A repeat count (1 when absent). A count calamine cannot parse makes it refuse the file.
fn repeat_attr(e: &BytesStart<'_>, key: &str) -> Result<u64> {
    let Some(attr) = e
        .attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.as_ref() == key)
    else {
        return Ok(1);
    };
    let value = quick_xml::escape::unescape(&attr.value).map_err(|_| refused(DAMAGED))?;
    value.trim().parse::<u64>().map_err(|_| refused(DAMAGED))
}

#[cfg(test)]
mod tests {
    use super::super::limits::Limits;
    use super::*;

    pub(crate) fn ods_with(content: &str) -> Vec<u8> {
        super::super::tests::ods_bytes(content)
    }

    fn table(rows: &str) -> String {
        format!(
            r#"<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="Blad1">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
        )
    }

    fn check_with(content: &str, limits: &Limits) -> Result<()> {
        let mut budget = Budget::new(limits);
        check(&ods_with(content), &mut budget)
    }

    /// Fails unless `result` is the refusal of a file whose reason contains `part`: a panic, a
    /// database error or another refusal must not pass for the one the test is about.
    fn assert_refused(result: Result<()>, part: &str) {
        let err = result.expect_err("the file is refused");
        assert_eq!(err.code(), "file_refused", "{err}");
        assert!(
            err.to_string().contains(part),
            "expected {part:?} in: {err}"
        );
    }

    /// The reason given for a file that would need more cells than the budget allows.
    fn too_many_cells() -> String {
        let cells = super::super::limits::thousands(Limits::default().max_cells);
        format!("te veel gegevens om veilig in te lezen (meer dan {cells} gevulde cellen)")
    }

    /// The reason given for a file that would need more text than the budget allows.
    fn too_much_text() -> String {
        let text = super::super::limits::megabytes(Limits::default().max_text_bytes);
        format!("te veel gegevens om veilig in te lezen (meer dan {text} tekst)")
    }

    #[test]
    fn a_normal_sheet_with_libreoffice_padding_passes() {
        let content = table(
            r#"<table:table-row><table:table-cell office:value-type="string"><text:p>Nr</text:p></table:table-cell><table:table-cell table:number-columns-repeated="1023"/></table:table-row><table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#,
        );
        check_with(&content, &Limits::default()).unwrap();
    }

    #[test]
    fn repeated_rows_and_columns_that_would_fill_gigabytes_are_refused() {
        let content = table(
            r#"<table:table-row table:number-rows-repeated="100000"><table:table-cell table:number-columns-repeated="16384" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row>"#,
        );
        assert_refused(check_with(&content, &Limits::default()), &too_many_cells());
    }

    #[test]
    fn a_million_spaces_in_one_cell_are_counted() {
        let content = table(
            r#"<table:table-row><table:table-cell office:value-type="string"><text:p><text:s text:c="4000000000"/></text:p></table:table-cell></table:table-row>"#,
        );
        assert_refused(check_with(&content, &Limits::default()), &too_much_text());
    }

    #[test]
    fn an_unclosed_table_or_annotation_is_refused_instead_of_hanging_the_reader() {
        let unclosed_table = r#"<office:document-content><table:table table:name="A"><table:table-row><table:table-cell/></table:table-row>"#;
        assert_refused(check_with(unclosed_table, &Limits::default()), DAMAGED);
        let unclosed_note = table(
            r#"<table:table-row><table:table-cell office:value-type="string"><office:annotation><text:p>x</text:p></table:table-cell></table:table-row>"#,
        );
        assert_refused(check_with(&unclosed_note, &Limits::default()), DAMAGED);
    }
}
