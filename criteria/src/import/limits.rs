//! Bounds on what an untrusted workbook may make us read and keep in memory.
//!
//! A workbook is a zip of XML (or a binary compound file) that its author controls completely: the
//! declared sheet size, the compression ratio and the number of times one shared string is used
//! are all free. Every limit here is checked before the bytes reach a parser, or while cells are
//! streamed, so a hostile file is refused with a message instead of exhausting memory.

use crate::Error;

/// Limits on an imported file. The defaults are far above any real criteria workbook (a few
/// hundred rows) and far below what would hurt a laptop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Largest file accepted, in bytes.
    pub max_file_bytes: u64,
    /// Largest total uncompressed size of all parts of a zip-based workbook, in bytes.
    pub max_uncompressed_bytes: u64,
    /// Highest compression ratio (uncompressed / compressed) of one part larger than 1 MiB.
    pub max_ratio: u64,
    /// Most parts (zip entries) in a workbook.
    pub max_entries: usize,
    /// Rows read per sheet; rows below are ignored and reported.
    pub max_rows: u32,
    /// Columns read per sheet; columns to the right are ignored and reported.
    pub max_columns: u32,
    /// Characters kept per cell; longer text is cut and reported.
    pub max_cell_chars: usize,
    /// Cells held in memory at once over the whole import (for .ods and .xls also the cells the
    /// reader itself builds).
    pub max_cells: u64,
    /// Bytes of cell text held in memory over the whole import. One shared string can be used by
    /// every cell of a sheet, so the text read can be far larger than the file.
    pub max_text_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 50_000_000,
            max_uncompressed_bytes: 500_000_000,
            max_ratio: 200,
            max_entries: 10_000,
            max_rows: 1_048_576,
            max_columns: 200,
            // Excel's own maximum for one cell.
            max_cell_chars: 32_767,
            max_cells: 5_000_000,
            max_text_bytes: 256 * 1024 * 1024,
        }
    }
}

/// Parts smaller than this are not checked for their compression ratio: a small XML part of
/// repeated markup legitimately compresses very well, and cannot hurt.
pub(crate) const RATIO_FLOOR_BYTES: u64 = 1024 * 1024;

/// A refusal with a complete Dutch sentence for the user.
pub(crate) fn refused(reason: impl Into<String>) -> Error {
    Error::FileRefused {
        reason: reason.into(),
    }
}

/// "50 MB" for a limit in bytes (decimal megabytes, as file managers show them).
pub(crate) fn megabytes(bytes: u64) -> String {
    let mb = bytes / 1_000_000;
    if mb >= 1 {
        format!("{mb} MB")
    } else {
        format!("{bytes} bytes")
    }
}

/// What the import holds in memory so far, checked against [`Limits::max_cells`] and
/// [`Limits::max_text_bytes`]. One budget covers the whole analysis of one file.
#[derive(Debug)]
pub(crate) struct Budget {
    cells: u64,
    text: u64,
    max_cells: u64,
    max_text: u64,
}

impl Budget {
    pub(crate) fn new(limits: &Limits) -> Self {
        Budget {
            cells: 0,
            text: 0,
            max_cells: limits.max_cells,
            max_text: limits.max_text_bytes,
        }
    }

    /// Accounts for `cells` more cells holding `text` more bytes of text.
    pub(crate) fn take(&mut self, cells: u64, text: u64) -> crate::Result<()> {
        self.cells = self.cells.saturating_add(cells);
        self.text = self.text.saturating_add(text);
        self.check()
    }

    /// Whether `cells` and `text` more would still fit, without taking them.
    pub(crate) fn check_more(&self, cells: u64, text: u64) -> crate::Result<()> {
        Budget {
            cells: self.cells.saturating_add(cells),
            text: self.text.saturating_add(text),
            ..*self
        }
        .check()
    }

    fn check(&self) -> crate::Result<()> {
        if self.cells > self.max_cells {
            return Err(too_much_data(format!(
                "meer dan {} gevulde cellen",
                thousands(self.max_cells)
            )));
        }
        if self.text > self.max_text {
            return Err(too_much_data(format!(
                "meer dan {} tekst",
                megabytes(self.max_text)
            )));
        }
        Ok(())
    }
}

fn too_much_data(what: String) -> Error {
    refused(format!(
        "Het bestand bevat te veel gegevens om veilig in te lezen ({what}). Verwijder overbodige bladen of rijen en probeer het opnieuw."
    ))
}

/// 5000000 → "5.000.000", the Dutch way.
pub(crate) fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_budget_refuses_once_cells_or_text_run_out() {
        let limits = Limits {
            max_cells: 10,
            max_text_bytes: 100,
            ..Limits::default()
        };
        let mut budget = Budget::new(&limits);
        budget.take(10, 100).unwrap();
        assert!(budget.check_more(1, 0).is_err());
        let err = budget.take(0, 1).unwrap_err();
        assert!(err.to_string().contains("te veel gegevens"), "{err}");
    }

    #[test]
    fn numbers_are_written_the_dutch_way() {
        assert_eq!(thousands(5_000_000), "5.000.000");
        assert_eq!(thousands(999), "999");
        assert_eq!(megabytes(50_000_000), "50 MB");
    }
}
