//! Reading cells from a workbook into a small sparse grid, within the limits.
//!
//! For .xlsx the sheet is streamed with calamine's `worksheet_cells_reader`: never
//! `worksheet_range`, which allocates the sheet's *declared* dimension (attacker-controlled) and
//! can abort the process. Cells beyond the row/column limits are skipped while streaming, and
//! every kept cell is charged to the [`Budget`].
//!
//! For .ods and .xls calamine builds each sheet as a dense range when the file is opened; the
//! guards in `ods_guard` and `xls_guard` bound that before it happens, and the ranges are then
//! walked like the stream.

use std::collections::BTreeSet;
use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};

use calamine::{Data, DataRef, ExcelDateTime, Ods, Reader, SheetType, SheetVisible, Xls, Xlsx};
use rust_xlsxwriter::utility::column_number_to_name;
use time::{Date, Month, PrimitiveDateTime, Time};

use super::container::{DAMAGED, Kind, PASSWORD};
use super::limits::{Budget, Limits, refused};
use crate::Result;

/// A cell value as read. Text is kept exactly as stored; trimming is the caller's choice.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Text(String),
    Int(i64),
    Number(f64),
    Bool(bool),
    /// A date cell (Excel serial with a date format, or an ODS date value).
    DateTime(PrimitiveDateTime),
    /// An error value such as `#N/A`.
    Error(String),
}

impl Value {
    /// The text a user sees in the cell (dates as `YYYY-MM-DD`).
    pub(crate) fn shown(&self) -> String {
        match self {
            Value::Text(s) | Value::Error(s) => s.clone(),
            Value::Int(i) => i.to_string(),
            Value::Number(f) => show_number(*f),
            Value::Bool(true) => "WAAR".to_owned(),
            Value::Bool(false) => "ONWAAR".to_owned(),
            Value::DateTime(dt) => show_datetime(*dt),
        }
    }

    /// True for text that is empty or only whitespace: such a cell counts as empty.
    pub(crate) fn is_blank(&self) -> bool {
        matches!(self, Value::Text(s) if s.trim().is_empty())
    }
}

fn show_number(f: f64) -> String {
    // 3.0 is shown as "3", like Excel does; Rust's shortest round-trip form otherwise ("1.1").
    if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        format!("{f}")
    }
}

pub(crate) fn show_datetime(dt: PrimitiveDateTime) -> String {
    let d = dt.date();
    let date = format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day());
    if dt.time() == Time::MIDNIGHT {
        date
    } else {
        format!("{date} {:02}:{:02}", dt.hour(), dt.minute())
    }
}

/// One non-empty cell.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Cell {
    /// 0-based column.
    pub(crate) col: u32,
    pub(crate) value: Value,
    /// The file stores a formula here; `value` is the result cached by whoever saved it.
    pub(crate) formula: bool,
}

/// One row with at least one non-empty cell, cells sorted by column.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Row {
    /// 0-based row.
    pub(crate) row: u32,
    pub(crate) cells: Vec<Cell>,
}

impl Row {
    pub(crate) fn get(&self, col: u32) -> Option<&Cell> {
        self.cells
            .binary_search_by_key(&col, |c| c.col)
            .ok()
            .and_then(|i| self.cells.get(i))
    }
}

/// The non-empty cells of (part of) a sheet, and what was left out because of the limits.
#[derive(Debug, Default)]
pub(crate) struct Grid {
    pub(crate) rows: Vec<Row>,
    /// Cells were found at or below row `max_rows` (0-based) and skipped.
    pub(crate) rows_cut: bool,
    /// Cells were found right of column `max_columns` and skipped.
    pub(crate) columns_cut: bool,
    /// Cells whose text was cut to `max_cell_chars`: (row, col), 0-based.
    pub(crate) cut_cells: Vec<(u32, u32)>,
}

/// A sheet as listed in the workbook.
#[derive(Debug, Clone)]
pub(crate) struct SheetInfo {
    pub(crate) name: String,
    pub(crate) visible: bool,
    /// A worksheet (not a chart or macro sheet).
    pub(crate) worksheet: bool,
}

/// An opened workbook.
pub(crate) enum Book<'a> {
    Xlsx(Box<Xlsx<Cursor<&'a [u8]>>>),
    Ods(Box<Ods<Cursor<&'a [u8]>>>),
    Xls(Box<Xls<Cursor<&'a [u8]>>>),
}

/// Runs third-party parsing code so that a panic in it becomes a refusal instead of reaching the
/// user. calamine's xls reader panics on some damaged files (index out of range in its record
/// readers; see the damaged-variants test).
fn guarded<T>(f: impl FnOnce() -> Result<T>) -> Result<T> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|_| Err(refused(DAMAGED)))
}

impl<'a> Book<'a> {
    /// Opens `bytes`, already inspected (and for .ods/.xls guarded) as `kind`.
    pub(crate) fn open(kind: Kind, bytes: &'a [u8]) -> Result<Self> {
        guarded(|| {
            let cursor = Cursor::new(bytes);
            Ok(match kind {
                Kind::Xlsx => Book::Xlsx(Box::new(Xlsx::new(cursor).map_err(|err| match err {
                    calamine::XlsxError::Password => refused(PASSWORD),
                    _ => refused(DAMAGED),
                })?)),
                Kind::Ods => Book::Ods(Box::new(Ods::new(cursor).map_err(|err| match err {
                    calamine::OdsError::Password => refused(PASSWORD),
                    _ => refused(DAMAGED),
                })?)),
                Kind::Xls => Book::Xls(Box::new(Xls::new(cursor).map_err(|err| match err {
                    calamine::XlsError::Password => refused(PASSWORD),
                    _ => refused(DAMAGED),
                })?)),
            })
        })
    }

    /// The sheets in workbook order.
    pub(crate) fn sheets(&self) -> Vec<SheetInfo> {
        let meta = match self {
            Book::Xlsx(b) => b.sheets_metadata(),
            Book::Ods(b) => b.sheets_metadata(),
            Book::Xls(b) => b.sheets_metadata(),
        };
        meta.iter()
            .map(|s| SheetInfo {
                name: s.name.clone(),
                visible: s.visible == SheetVisible::Visible,
                worksheet: s.typ == SheetType::WorkSheet,
            })
            .collect()
    }

    /// Reads the cells of sheet `name` in rows `0..row_limit` (and within the limits).
    pub(crate) fn read(
        &mut self,
        name: &str,
        row_limit: u32,
        limits: &Limits,
        budget: &mut Budget,
    ) -> Result<Grid> {
        let mut grid = GridBuilder::new(row_limit, limits);
        guarded(|| match self {
            Book::Xlsx(book) => read_xlsx(book, name, &mut grid, budget),
            Book::Ods(book) => {
                let values = book.worksheet_range(name).map_err(|_| refused(DAMAGED))?;
                let formulas = book.worksheet_formula(name).map_err(|_| refused(DAMAGED))?;
                read_range(&values, &formulas, &mut grid, budget)
            }
            Book::Xls(book) => {
                let values = book.worksheet_range(name).map_err(|_| refused(DAMAGED))?;
                let formulas = book.worksheet_formula(name).map_err(|_| refused(DAMAGED))?;
                read_range(&values, &formulas, &mut grid, budget)
            }
        })?;
        Ok(grid.finish())
    }
}

fn read_xlsx(
    book: &mut Xlsx<Cursor<&[u8]>>,
    name: &str,
    grid: &mut GridBuilder,
    budget: &mut Budget,
) -> Result<()> {
    let mut reader = book
        .worksheet_cells_reader(name)
        .map_err(|_| refused(DAMAGED))?;
    // The declared dimension is deliberately ignored.
    while let Some(record) = reader
        .next_cell_with_formula_metadata()
        .map_err(|_| refused(DAMAGED))?
    {
        let (row, col) = record.pos;
        if col >= grid.max_columns {
            grid.columns_cut = true;
            continue;
        }
        if row >= grid.row_limit {
            if grid.row_limit < grid.max_rows {
                // Only the first rows were asked for; rows are stored in order, so stop.
                break;
            }
            grid.rows_cut = true;
            continue;
        }
        let value = match record.value {
            DataRef::Empty => continue,
            DataRef::SharedString(s) => {
                // Shared strings are borrowed: cut before copying, so one huge string used by
                // many cells costs only what is kept.
                Value::Text(grid.cut_text(row, col, s).to_owned())
            }
            other => from_data_ref(other),
        };
        grid.push(row, col, value, record.formula.is_some(), budget)?;
    }
    Ok(())
}

fn read_range(
    values: &calamine::Range<Data>,
    formulas: &calamine::Range<String>,
    grid: &mut GridBuilder,
    budget: &mut Budget,
) -> Result<()> {
    let with_formula: BTreeSet<(u32, u32)> = match formulas.start() {
        Some((r0, c0)) => formulas
            .used_cells()
            .filter(|(_, _, f)| !f.is_empty())
            .map(|(r, c, _)| (r0.saturating_add(r as u32), c0.saturating_add(c as u32)))
            .collect(),
        None => BTreeSet::new(),
    };
    let Some((r0, c0)) = values.start() else {
        return Ok(());
    };
    for (r, c, data) in values.used_cells() {
        let (row, col) = (r0.saturating_add(r as u32), c0.saturating_add(c as u32));
        if col >= grid.max_columns {
            grid.columns_cut = true;
            continue;
        }
        if row >= grid.row_limit {
            grid.rows_cut |= row >= grid.max_rows;
            continue;
        }
        let value = match data {
            Data::Empty => continue,
            Data::String(s) => Value::Text(grid.cut_text(row, col, s).to_owned()),
            Data::Int(i) => Value::Int(*i),
            Data::Float(f) => Value::Number(*f),
            Data::Bool(b) => Value::Bool(*b),
            Data::DateTime(dt) => excel_datetime(*dt),
            Data::DateTimeIso(s) => {
                iso_datetime(s).map_or_else(|| Value::Text(s.clone()), Value::DateTime)
            }
            Data::DurationIso(s) => Value::Text(s.clone()),
            Data::Error(e) => Value::Error(e.to_string()),
        };
        let formula = with_formula.contains(&(row, col));
        grid.push(row, col, value, formula, budget)?;
    }
    Ok(())
}

fn from_data_ref(data: DataRef<'_>) -> Value {
    match data {
        DataRef::String(s) => Value::Text(s),
        DataRef::SharedString(s) => Value::Text(s.to_owned()),
        DataRef::Int(i) => Value::Int(i),
        DataRef::Float(f) => Value::Number(f),
        DataRef::Bool(b) => Value::Bool(b),
        DataRef::DateTime(dt) => excel_datetime(dt),
        DataRef::DateTimeIso(s) => iso_datetime(&s).map_or(Value::Text(s), Value::DateTime),
        DataRef::DurationIso(s) => Value::Text(s),
        DataRef::Error(e) => Value::Error(e.to_string()),
        DataRef::Empty => Value::Text(String::new()),
    }
}

fn excel_datetime(dt: ExcelDateTime) -> Value {
    if !dt.is_datetime() {
        return Value::Number(dt.as_f64());
    }
    let (y, mo, d, h, mi, s, _) = dt.to_ymd_hms_milli();
    let date = Month::try_from(mo)
        .ok()
        .and_then(|m| Date::from_calendar_date(i32::from(y), m, d).ok());
    let time = Time::from_hms(h, mi, s).ok();
    match (date, time) {
        (Some(date), Some(time)) => Value::DateTime(PrimitiveDateTime::new(date, time)),
        // Excel's non-existent 1900-02-29 and out-of-range serials.
        _ => Value::Number(dt.as_f64()),
    }
}

/// An ODS date value: `2026-03-01` or `2026-03-01T14:30:00`.
fn iso_datetime(s: &str) -> Option<PrimitiveDateTime> {
    let date = s.get(..10)?;
    let date = super::status_text::iso_date(date)?;
    let time = match s.get(10..) {
        None | Some("") => Time::MIDNIGHT,
        Some(rest) => {
            let rest = rest.strip_prefix('T')?;
            let h = rest.get(0..2)?.parse().ok()?;
            let m = rest.get(3..5)?.parse().ok()?;
            Time::from_hms(h, m, 0).ok()?
        }
    };
    Some(PrimitiveDateTime::new(date, time))
}

/// Collects cells within the limits and charges them to the budget.
struct GridBuilder {
    cells: Vec<(u32, Cell)>,
    row_limit: u32,
    max_rows: u32,
    max_columns: u32,
    max_cell_chars: usize,
    rows_cut: bool,
    columns_cut: bool,
    cut_cells: Vec<(u32, u32)>,
}

impl GridBuilder {
    fn new(row_limit: u32, limits: &Limits) -> Self {
        GridBuilder {
            cells: Vec::new(),
            row_limit: row_limit.min(limits.max_rows),
            max_rows: limits.max_rows,
            max_columns: limits.max_columns,
            max_cell_chars: limits.max_cell_chars,
            rows_cut: false,
            columns_cut: false,
            cut_cells: Vec::new(),
        }
    }

    /// `s`, cut to the cell limit (noting the cell when it was cut).
    fn cut_text<'s>(&mut self, row: u32, col: u32, s: &'s str) -> &'s str {
        if s.len() <= self.max_cell_chars {
            return s;
        }
        match s.char_indices().nth(self.max_cell_chars) {
            Some((at, _)) => {
                self.cut_cells.push((row, col));
                s.get(..at).unwrap_or(s)
            }
            None => s,
        }
    }

    fn push(
        &mut self,
        row: u32,
        col: u32,
        value: Value,
        formula: bool,
        budget: &mut Budget,
    ) -> Result<()> {
        if col >= self.max_columns {
            self.columns_cut = true;
            return Ok(());
        }
        let value = match value {
            Value::Text(s) if s.is_empty() => return Ok(()),
            Value::Text(s) => {
                let cut = self.cut_text(row, col, &s);
                if cut.len() == s.len() {
                    Value::Text(s)
                } else {
                    Value::Text(cut.to_owned())
                }
            }
            other => other,
        };
        let text = match &value {
            Value::Text(s) | Value::Error(s) => s.len() as u64,
            _ => 0,
        };
        budget.take(1, text)?;
        self.cells.push((
            row,
            Cell {
                col,
                value,
                formula,
            },
        ));
        Ok(())
    }

    fn finish(self) -> Grid {
        let mut cells = self.cells;
        // Files need not store cells in order; a later cell at the same place wins.
        cells.sort_by_key(|(row, cell)| (*row, cell.col));
        let mut rows: Vec<Row> = Vec::new();
        for (row, cell) in cells {
            match rows.last_mut() {
                Some(last) if last.row == row => match last.cells.last_mut() {
                    Some(prev) if prev.col == cell.col => *prev = cell,
                    _ => last.cells.push(cell),
                },
                _ => rows.push(Row {
                    row,
                    cells: vec![cell],
                }),
            }
        }
        Grid {
            rows,
            rows_cut: self.rows_cut,
            columns_cut: self.columns_cut,
            cut_cells: self.cut_cells,
        }
    }
}

/// The 0-based column of Excel letters (`A` → 0, `AB` → 27), case-insensitive; `None` for
/// anything else or beyond Excel's last column (XFD).
pub fn column_index(letters: &str) -> Option<u32> {
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let mut index: u32 = 0;
    for c in letters.chars() {
        let c = c.to_ascii_uppercase();
        if !c.is_ascii_uppercase() {
            return None;
        }
        index = index * 26 + (u32::from(c) - u32::from('A') + 1);
    }
    (index <= 16_384).then(|| index - 1)
}

/// "A" for 0, "Z" for 25, "AA" for 26: the column letters a user sees, for the import's findings
/// and the command line's report alike.
pub fn column_letter(col: u32) -> String {
    match u16::try_from(col) {
        // rust_xlsxwriter adds 1 to the column before lettering it, so u16::MAX itself is out.
        Ok(col) if col < u16::MAX => column_number_to_name(col),
        // Past its range (no spreadsheet has such a column, a mapping given by hand may name
        // one): the letters of the columns before it, then its own last letter.
        _ => {
            let last = u16::try_from(col % 26).expect("a remainder of 26 fits");
            column_letter(col / 26 - 1) + &column_number_to_name(last)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_read_back_as_their_index() {
        for index in [0, 3, 25, 26, 27, 701, 702, 16_383] {
            assert_eq!(column_index(&column_letter(index)), Some(index));
        }
        assert_eq!(column_index("ab"), Some(27));
        for wrong in ["", "D4", "XFE", "ABCD", "É"] {
            assert_eq!(column_index(wrong), None, "{wrong}");
        }
    }

    #[test]
    fn column_letters_match_excel() {
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(25), "Z");
        assert_eq!(column_letter(26), "AA");
        assert_eq!(column_letter(16_383), "XFD");
        assert_eq!(column_letter(65_534), "CRXO");
        assert_eq!(column_letter(65_535), "CRXP");
        assert_eq!(column_letter(u32::MAX), "MWLQKWV");
    }

    #[test]
    fn values_are_shown_as_a_user_sees_them() {
        assert_eq!(Value::Number(3.0).shown(), "3");
        assert_eq!(Value::Number(1.1).shown(), "1.1");
        assert_eq!(Value::Int(12).shown(), "12");
        let dt = iso_datetime("2026-03-01").unwrap();
        assert_eq!(Value::DateTime(dt).shown(), "2026-03-01");
        let dt = iso_datetime("2026-03-01T14:30:00").unwrap();
        assert_eq!(Value::DateTime(dt).shown(), "2026-03-01 14:30");
        assert_eq!(iso_datetime("2026-02-30"), None);
    }

    #[test]
    fn the_grid_keeps_the_last_cell_at_a_place_and_cuts_long_text() {
        let limits = Limits {
            max_cell_chars: 3,
            max_columns: 2,
            ..Limits::default()
        };
        let mut budget = Budget::new(&limits);
        let mut b = GridBuilder::new(10, &limits);
        b.push(1, 0, Value::Text("eerst".into()), false, &mut budget)
            .unwrap();
        b.push(0, 1, Value::Text("ëëëë".into()), false, &mut budget)
            .unwrap();
        b.push(1, 0, Value::Text("dan".into()), false, &mut budget)
            .unwrap();
        b.push(1, 5, Value::Text("ver".into()), false, &mut budget)
            .unwrap();
        let grid = b.finish();
        assert_eq!(grid.rows.len(), 2);
        assert_eq!(grid.rows[0].cells[0].value, Value::Text("ëëë".into()));
        assert_eq!(grid.rows[1].cells[0].value, Value::Text("dan".into()));
        assert!(grid.columns_cut);
        assert_eq!(grid.cut_cells, vec![(1, 0), (0, 1)]);
    }
}
