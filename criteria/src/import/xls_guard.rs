//! A pre-scan of an .xls file's Workbook stream that bounds what calamine would allocate for it.
//!
//! calamine's xls reader (0.38, src/xls.rs `parse_workbook`) reads every sheet when the file is
//! opened, and three things in it are sized by the file's author rather than by its length:
//! - each `Dimensions` record makes it `reserve(rows × columns)` cells, from two numbers in the
//!   record (and a reversed range wraps around to about four billion rows);
//! - each sheet becomes a dense `Range::from_sparse`, sized by the span between its outermost
//!   cells (a cell in A1 and one in IV65536 is 16 million cells), twice: values and formulas;
//! - every `LabelSst` cell clones its shared string, so one long string used by many cells
//!   multiplies.
//!
//! So this scan walks the same records the same way (same record framing, `Continue` records,
//! `BoundSheet8` offsets, nested substreams) and adds up those sizes, refusing the file when
//! they exceed the budget. Text sizes are generous upper bounds (six bytes of UTF-8 per character,
//! because a compressed character is widened and then decoded with the file's code page).
//!
//! What this cannot cover: calamine reads the compound file with its own reader, this scan with
//! the `cfb` crate; for a well-formed file both give the same stream. The xls reader has also had
//! panics on malformed records; those are caught (see `cells::guarded`) and become a refusal.

use std::collections::VecDeque;
use std::io::{Cursor, Read};

use super::container::{DAMAGED, NOT_A_WORKBOOK, PASSWORD};
use super::limits::{Budget, Limits, refused};
use crate::Result;

const BOF: u16 = 0x0809;
const EOF: u16 = 0x000A;
const CONTINUE: u16 = 0x003C;
const BOUND_SHEET: u16 = 0x0085;
const SST: u16 = 0x00FC;
const DIMENSIONS: u16 = 0x0200;
const NUMBER: u16 = 0x0203;
const LABEL: u16 = 0x0204;
const RSTRING: u16 = 0x00D6;
const BOOL_ERR: u16 = 0x0205;
const STRING: u16 = 0x0207;
const RK: u16 = 0x027E;
const LABEL_SST: u16 = 0x00FD;
const MUL_RK: u16 = 0x00BD;
const FORMULA: u16 = 0x0006;
/// The workbook is encrypted: every record after it has encrypted data.
const FILEPASS: u16 = 0x002F;

/// UTF-8 bytes per stored character, at most (see the module comment).
const BYTES_PER_CHAR: u64 = 6;
/// A formula record's text as calamine prints it, per byte of the record: a 5-byte name token
/// can print a 255-character defined name.
const FORMULA_TEXT_PER_BYTE: u64 = 160;

/// Checks that opening `bytes` (a compound file) with calamine's xls reader stays within
/// `budget`, and takes the estimate from it.
pub(crate) fn check(bytes: &[u8], limits: &Limits, budget: &mut Budget) -> Result<()> {
    let stream = std::panic::catch_unwind(|| workbook_stream(bytes, limits))
        .unwrap_or_else(|_| Err(refused(DAMAGED)))?;
    let strings = globals(&stream)?;
    let mut total = Estimate::default();
    for pos in &strings.sheets {
        let sheet = stream.get(*pos..).ok_or_else(|| refused(DAMAGED))?;
        let estimate = scan_sheet(sheet, &strings.sst)?;
        total.cells = total.cells.saturating_add(estimate.cells);
        total.text = total.text.saturating_add(estimate.text);
        // Refuse as soon as one sheet is too much.
        budget.check_more(total.cells, total.text)?;
    }
    budget.take(total.cells, total.text)
}

/// The Workbook (or, in old files, Book) stream, as calamine looks for them.
fn workbook_stream(bytes: &[u8], limits: &Limits) -> Result<Vec<u8>> {
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes)).map_err(|_| refused(DAMAGED))?;
    let name = ["/Workbook", "/Book"]
        .into_iter()
        .find(|n| file.is_stream(n))
        .ok_or_else(|| refused(NOT_A_WORKBOOK))?;
    let stream = file.open_stream(name).map_err(|_| refused(DAMAGED))?;
    let mut out = Vec::new();
    // A stream cannot be longer than the file; the cap makes sure of it.
    stream
        .take(limits.max_file_bytes)
        .read_to_end(&mut out)
        .map_err(|_| refused(DAMAGED))?;
    Ok(out)
}

/// A record with its `Continue` records, framed exactly like calamine's `RecordIter`.
struct Record<'a> {
    typ: u16,
    data: &'a [u8],
    cont: VecDeque<&'a [u8]>,
}

struct Records<'a> {
    stream: &'a [u8],
}

fn u16_at(data: &[u8], at: usize) -> Option<u16> {
    let b = data.get(at..at.checked_add(2)?)?;
    Some(u16::from_le_bytes([*b.first()?, *b.get(1)?]))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    let b = data.get(at..at.checked_add(4)?)?;
    Some(u32::from_le_bytes([
        *b.first()?,
        *b.get(1)?,
        *b.get(2)?,
        *b.get(3)?,
    ]))
}

impl<'a> Iterator for Records<'a> {
    type Item = Result<Record<'a>>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.stream.is_empty() {
            return None;
        }
        Some(self.frame())
    }
}

impl<'a> Records<'a> {
    fn frame(&mut self) -> Result<Record<'a>> {
        let damaged = || refused(DAMAGED);
        let typ = u16_at(self.stream, 0).ok_or_else(damaged)?;
        let len = usize::from(u16_at(self.stream, 2).ok_or_else(damaged)?);
        let data = self.stream.get(4..4 + len).ok_or_else(damaged)?;
        let mut next = self.stream.get(4 + len..).unwrap_or_default();
        let mut cont = VecDeque::new();
        if next.len() > 4 && u16_at(next, 0) == Some(CONTINUE) {
            while next.len() > 4 && u16_at(next, 0) == Some(CONTINUE) {
                let len = usize::from(u16_at(next, 2).ok_or_else(damaged)?);
                cont.push_back(next.get(4..4 + len).ok_or_else(damaged)?);
                next = next.get(4 + len..).unwrap_or_default();
            }
        }
        self.stream = next;
        Ok(Record { typ, data, cont })
    }
}

impl Record<'_> {
    fn continue_record(&mut self) -> bool {
        match self.cont.pop_front() {
            Some(next) => {
                self.data = next;
                true
            }
            None => false,
        }
    }

    fn advance(&mut self, n: usize) -> Result<()> {
        self.data = self.data.get(n..).ok_or_else(|| refused(DAMAGED))?;
        Ok(())
    }

    /// calamine's `Record::skip`.
    fn skip(&mut self, mut len: usize) -> Result<()> {
        while len > 0 {
            if self.data.is_empty() && !self.continue_record() {
                return Err(refused(DAMAGED));
            }
            let l = len.min(self.data.len());
            self.advance(l)?;
            len -= l;
        }
        Ok(())
    }

    fn all_bytes(&self) -> u64 {
        let cont: usize = self.cont.iter().map(|c| c.len()).sum();
        (self.data.len() + cont) as u64
    }
}

/// What the workbook globals say: where the sheets start, and the size of each shared string.
struct Globals {
    sheets: Vec<usize>,
    sst: Vec<u64>,
}

fn globals(stream: &[u8]) -> Result<Globals> {
    let mut out = Globals {
        sheets: Vec::new(),
        sst: Vec::new(),
    };
    for record in (Records { stream }) {
        let record = record?;
        match record.typ {
            BOUND_SHEET => {
                let pos = u32_at(record.data, 0).ok_or_else(|| refused(DAMAGED))?;
                out.sheets
                    .push(usize::try_from(pos).map_err(|_| refused(DAMAGED))?);
            }
            SST => out.sst = sst_sizes(record)?,
            // Before the encrypted records make no sense (and look like far too much data).
            FILEPASS => return Err(refused(PASSWORD)),
            EOF => break,
            _ => {}
        }
    }
    Ok(out)
}

/// The UTF-8 size bound of every string in the shared string table, walking it like calamine's
/// `parse_sst` / `read_rich_extended_string` / `read_dbcs`.
fn sst_sizes(mut r: Record<'_>) -> Result<Vec<u64>> {
    let damaged = || refused(DAMAGED);
    r.advance(8)?;
    let mut sizes = Vec::new();
    while !r.data.is_empty() || r.continue_record() {
        if r.data.is_empty() {
            sizes.push(0);
            continue;
        }
        let cch = usize::from(u16_at(r.data, 0).ok_or_else(damaged)?);
        let flags = *r.data.get(2).ok_or_else(damaged)?;
        r.advance(3)?;
        let mut high_byte = flags & 0x1 != 0;
        let mut runs = 0usize;
        let mut ext = 0usize;
        if flags & 0x8 != 0 {
            runs = usize::from(u16_at(r.data, 0).ok_or_else(damaged)?);
            r.advance(2)?;
        }
        if flags & 0x4 != 0 {
            let raw = u32_at(r.data, 0).ok_or_else(damaged)?;
            ext = usize::try_from(raw).map_err(|_| damaged())?;
            r.advance(4)?;
        }
        let mut left = cch;
        while left > 0 {
            let (chars, bytes) = if high_byte {
                let l = (r.data.len() / 2).min(left);
                (l, 2 * l)
            } else {
                let l = r.data.len().min(left);
                (l, l)
            };
            r.advance(bytes)?;
            left -= chars;
            if left > 0 {
                if !r.continue_record() {
                    return Err(damaged());
                }
                high_byte = *r.data.first().ok_or_else(damaged)? & 0x1 != 0;
                r.advance(1)?;
            }
        }
        sizes.push(cch as u64 * BYTES_PER_CHAR);
        r.skip(runs.saturating_mul(4))?;
        r.skip(ext)?;
    }
    Ok(sizes)
}

#[derive(Default)]
struct Estimate {
    cells: u64,
    text: u64,
}

/// The bounding box of the cells of one kind in a sheet.
#[derive(Default)]
struct Span {
    rows: Option<(u32, u32)>,
    cols: Option<(u32, u32)>,
    count: u64,
}

impl Span {
    fn add(&mut self, row: u32, col: u32) {
        let widen = |range: Option<(u32, u32)>, v: u32| match range {
            Some((lo, hi)) => Some((lo.min(v), hi.max(v))),
            None => Some((v, v)),
        };
        self.rows = widen(self.rows, row);
        self.cols = widen(self.cols, col);
        self.count = self.count.saturating_add(1);
    }

    /// Cells of the dense range `Range::from_sparse` builds.
    fn dense(&self) -> u64 {
        match (self.rows, self.cols) {
            (Some((r0, r1)), Some((c0, c1))) => {
                u64::from(r1 - r0 + 1).saturating_mul(u64::from(c1 - c0 + 1))
            }
            _ => 0,
        }
    }
}

/// One sheet substream from its `BoundSheet8` offset, like calamine's sheet loop.
fn scan_sheet(sheet: &[u8], sst: &[u64]) -> Result<Estimate> {
    let damaged = || refused(DAMAGED);
    let mut values = Span::default();
    let mut formulas = Span::default();
    let mut reserved: u64 = 0;
    let mut text: u64 = 0;
    let mut formula_pos = (0u32, 0u32);
    let mut seen_bof = false;
    let mut depth = 0usize;
    let position = |data: &[u8]| -> Result<(u32, u32)> {
        Ok((
            u32::from(u16_at(data, 0).ok_or_else(damaged)?),
            u32::from(u16_at(data, 2).ok_or_else(damaged)?),
        ))
    };
    for record in (Records { stream: sheet }) {
        let record = record?;
        if depth > 0 {
            match record.typ {
                BOF => depth += 1,
                EOF => depth -= 1,
                _ => {}
            }
            continue;
        }
        match record.typ {
            BOF if seen_bof => depth += 1,
            BOF => seen_bof = true,
            DIMENSIONS => reserved = reserved.max(dimension_cells(record.data)?),
            NUMBER | BOOL_ERR | RK => {
                let (r, c) = position(record.data)?;
                values.add(r, c);
            }
            LABEL | RSTRING => {
                let (r, c) = position(record.data)?;
                values.add(r, c);
                text = text.saturating_add(record.all_bytes().saturating_mul(BYTES_PER_CHAR));
            }
            LABEL_SST => {
                let (r, c) = position(record.data)?;
                let index = u32_at(record.data, 6).ok_or_else(damaged)?;
                if let Some(size) = usize::try_from(index).ok().and_then(|i| sst.get(i)) {
                    values.add(r, c);
                    text = text.saturating_add(*size);
                }
            }
            STRING => {
                values.add(formula_pos.0, formula_pos.1);
                text = text.saturating_add(record.all_bytes().saturating_mul(BYTES_PER_CHAR));
            }
            MUL_RK => {
                let (r, first) = position(record.data)?;
                let cells = record.data.len().saturating_sub(6) / 6;
                for i in 0..cells {
                    values.add(r, first.saturating_add(i as u32));
                }
            }
            FORMULA => {
                formula_pos = position(record.data)?;
                values.add(formula_pos.0, formula_pos.1);
                formulas.add(formula_pos.0, formula_pos.1);
                text = text.saturating_add(
                    (record.data.len() as u64).saturating_mul(FORMULA_TEXT_PER_BYTE),
                );
            }
            EOF => break,
            _ => {}
        }
    }
    let cells = reserved
        .saturating_add(values.count)
        .saturating_add(formulas.count)
        .saturating_add(values.dense())
        .saturating_add(formulas.dense());
    Ok(Estimate { cells, text })
}

/// The cells calamine reserves for a `Dimensions` record, with its (wrapping) arithmetic.
fn dimension_cells(data: &[u8]) -> Result<u64> {
    let damaged = || refused(DAMAGED);
    let (first_row, last_row, mut first_col, last_col) = match data.len() {
        10 => (
            u32::from(u16_at(data, 0).ok_or_else(damaged)?),
            u32::from(u16_at(data, 2).ok_or_else(damaged)?),
            u32::from(u16_at(data, 4).ok_or_else(damaged)?),
            u32::from(u16_at(data, 6).ok_or_else(damaged)?),
        ),
        14 | 16 => (
            u32_at(data, 0).ok_or_else(damaged)?,
            u32_at(data, 4).ok_or_else(damaged)?,
            u32::from(u16_at(data, 8).ok_or_else(damaged)?),
            u32::from(u16_at(data, 10).ok_or_else(damaged)?),
        ),
        _ => return Err(damaged()),
    };
    if 0xFF < first_col || last_col < first_col {
        first_col = 0;
    }
    if last_row == 0 || last_col == 0 {
        return Ok(1);
    }
    let rows = (last_row - 1).wrapping_sub(first_row).wrapping_add(1);
    let cols = (last_col - 1).wrapping_sub(first_col).wrapping_add(1);
    Ok(u64::from(rows).saturating_mul(u64::from(cols)))
}

#[cfg(test)]
pub(crate) mod tests {
    use std::io::Write;

    use super::*;

    fn record(typ: u16, data: &[u8]) -> Vec<u8> {
        let mut out = typ.to_le_bytes().to_vec();
        out.extend((data.len() as u16).to_le_bytes());
        out.extend(data);
        out
    }

    fn bof(dt: u16) -> Vec<u8> {
        let mut data = 0x0600u16.to_le_bytes().to_vec();
        data.extend(dt.to_le_bytes());
        data.extend([0u8; 12]);
        record(BOF, &data)
    }

    /// A BIFF8 workbook with one sheet "Blad1": `strings` in the shared string table, and
    /// `cells` as (row, col, string index), with the given `Dimensions` (first row, last row + 1,
    /// first col, last col + 1).
    pub(crate) fn xls(
        strings: &[&str],
        cells: &[(u16, u16, u32)],
        dims: (u32, u32, u16, u16),
    ) -> Vec<u8> {
        let mut sst = Vec::new();
        sst.extend((cells.len() as u32).to_le_bytes());
        sst.extend((strings.len() as u32).to_le_bytes());
        for s in strings {
            let utf16: Vec<u16> = s.encode_utf16().collect();
            sst.extend((utf16.len() as u16).to_le_bytes());
            sst.push(0x01);
            for unit in utf16 {
                sst.extend(unit.to_le_bytes());
            }
        }
        let name = "Blad1";
        let mut bound = vec![0u8; 4];
        bound.extend([0u8, 0u8, name.len() as u8, 0u8]);
        bound.extend(name.as_bytes());

        let mut globals = bof(0x0005);
        globals.extend(record(SST, &sst));
        let bound_at = globals.len();
        globals.extend(record(BOUND_SHEET, &bound));
        globals.extend(record(EOF, &[]));
        let sheet_pos = globals.len() as u32;
        // Patch the sheet offset into BoundSheet8's lbPlyPos.
        globals[bound_at + 4..bound_at + 8].copy_from_slice(&sheet_pos.to_le_bytes());

        let mut sheet = bof(0x0010);
        let mut d = dims.0.to_le_bytes().to_vec();
        d.extend(dims.1.to_le_bytes());
        d.extend(dims.2.to_le_bytes());
        d.extend(dims.3.to_le_bytes());
        d.extend([0u8, 0u8]);
        sheet.extend(record(DIMENSIONS, &d));
        for (row, col, isst) in cells {
            let mut data = row.to_le_bytes().to_vec();
            data.extend(col.to_le_bytes());
            data.extend(0u16.to_le_bytes());
            data.extend(isst.to_le_bytes());
            sheet.extend(record(LABEL_SST, &data));
        }
        sheet.extend(record(EOF, &[]));
        globals.extend(sheet);
        compound(&globals)
    }

    /// An .xls saved with a password to open: `FilePass` (RC4) right after the BOF, and the
    /// data of every later record encrypted (here: a shared-string table that claims millions
    /// of strings).
    pub(crate) fn xls_protected() -> Vec<u8> {
        let mut globals = bof(0x0005);
        let mut filepass = 1u16.to_le_bytes().to_vec(); // RC4
        filepass.extend([0x5Au8; 52]);
        globals.extend(record(FILEPASS, &filepass));
        let mut sst = u32::MAX.to_le_bytes().to_vec();
        sst.extend(0x00FF_FFFFu32.to_le_bytes());
        sst.extend([0xA7u8; 200]);
        globals.extend(record(SST, &sst));
        globals.extend(record(EOF, &[]));
        compound(&globals)
    }

    fn compound(globals: &[u8]) -> Vec<u8> {
        // Version 3 (512-byte sectors), as Excel writes .xls files.
        let mut file =
            cfb::CompoundFile::create_with_version(cfb::Version::V3, Cursor::new(Vec::new()))
                .unwrap();
        {
            let mut stream = file.create_stream("/Workbook").unwrap();
            stream.write_all(globals).unwrap();
            // Keep the stream out of the mini stream, as Excel does.
            stream
                .write_all(&vec![0u8; 4096usize.saturating_sub(globals.len())])
                .unwrap();
        }
        file.flush().unwrap();
        file.into_inner().into_inner()
    }

    fn check_default(bytes: &[u8]) -> Result<()> {
        let limits = Limits::default();
        let mut budget = Budget::new(&limits);
        check(bytes, &limits, &mut budget)
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
    fn a_small_workbook_passes() {
        let bytes = xls(&["Nr", "Criterium"], &[(0, 0, 0), (0, 1, 1)], (0, 1, 0, 2));
        check_default(&bytes).unwrap();
    }

    #[test]
    fn a_dimension_record_asking_for_billions_of_cells_is_refused() {
        let bytes = xls(&["Nr"], &[(0, 0, 0)], (0, 1_000_000, 0, 256));
        assert_refused(check_default(&bytes), &too_many_cells());
        // A reversed range wraps around in calamine's arithmetic.
        let bytes = xls(&["Nr"], &[(0, 0, 0)], (100, 50, 0, 1));
        assert_refused(check_default(&bytes), &too_many_cells());
    }

    #[test]
    fn two_cells_far_apart_are_refused() {
        let bytes = xls(&["a", "b"], &[(0, 0, 0), (65_535, 255, 1)], (0, 1, 0, 1));
        assert_refused(check_default(&bytes), &too_many_cells());
    }

    #[test]
    fn one_long_shared_string_used_by_many_cells_is_refused() {
        let long = "x".repeat(30_000);
        let cells: Vec<(u16, u16, u32)> = (0..2_000).map(|r| (r, 0, 0)).collect();
        let bytes = xls(&[&long], &cells, (0, 2_000, 0, 1));
        assert_refused(check_default(&bytes), &too_much_text());
    }

    #[test]
    fn a_compound_file_without_a_workbook_stream_is_not_a_workbook() {
        let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
        file.create_stream("/WordDocument")
            .unwrap()
            .write_all(&[0u8; 5000])
            .unwrap();
        file.flush().unwrap();
        let bytes = file.into_inner().into_inner();
        match check_default(&bytes) {
            Err(crate::Error::FileRefused { reason }) => assert_eq!(reason, NOT_A_WORKBOOK),
            other => panic!("{other:?}"),
        }
    }
}
