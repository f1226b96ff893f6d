//! Writing user text into cells so that it stays exactly that text.
//!
//! Every string that came from a user or an imported catalog goes through [`write_text`]. It
//! never becomes a formula (OWASP ASVS V1.2.10), it is refused with a clear message when it does
//! not fit in a cell, and it re-imports byte for byte. Header and footer texts go through
//! [`header_footer_text`].

use rust_xlsxwriter::{ColNum, ExcelDateTime, Format, RowNum, Worksheet};

use crate::error::{Error, Result};

/// Excel's limit on the length of a cell's text, in UTF-16 code units (which is what Excel and
/// rust_xlsxwriter count).
pub(super) const MAX_CELL_TEXT: usize = 32_767;

/// The characters that make a spreadsheet treat the start of a cell as a formula or command
/// (OWASP ASVS 5.0, V1.2.10). A value starting with one of them gets a quote prefix, so Excel
/// keeps it text even when a colleague edits the cell and presses Enter.
const FORMULA_TRIGGERS: [char; 7] = ['=', '+', '-', '@', '\t', '\r', '\0'];

/// A cell format in two variants: as it is, and with a quote prefix for text that a spreadsheet
/// could take for a formula.
#[derive(Debug, Clone)]
pub(super) struct TextFormat {
    plain: Format,
    quoted: Format,
}

impl TextFormat {
    /// Both variants of `base`.
    pub(super) fn new(base: Format) -> TextFormat {
        TextFormat {
            quoted: base.clone().set_quote_prefix(),
            plain: base,
        }
    }

    /// The format without a quote prefix (for blanks and fixed labels).
    pub(super) fn plain(&self) -> &Format {
        &self.plain
    }
}

/// Whether `text` needs a quote prefix to stay text when edited in a spreadsheet.
pub(super) fn needs_quote_prefix(text: &str) -> bool {
    text.starts_with(FORMULA_TRIGGERS)
}

/// Writes user text as a string cell, never as a formula. An empty text writes no cell at all:
/// the column's format (where the sheet sets one) styles what is typed there later, and a
/// formatted blank per empty cell made a large export write twice the cells (issue 7).
/// `what` names the text for the error message (e.g. `de kolom "Onderbouwing" bij
/// criterium 3.2`); it is only called when the text is refused.
pub(super) fn write_text(
    sheet: &mut Worksheet,
    row: RowNum,
    col: ColNum,
    text: &str,
    format: &TextFormat,
    what: impl FnOnce() -> String,
) -> Result<()> {
    if text.is_empty() {
        return Ok(());
    }
    let units = text.encode_utf16().count();
    if units > MAX_CELL_TEXT {
        // Cutting the text would silently lose part of someone's justification or evidence;
        // refusing lets the user shorten it where they can see what goes.
        return Err(Error::Workbook(format!(
            "{} is {} tekens lang en Excel staat in één cel hoogstens {} tekens toe; maak die tekst korter en exporteer opnieuw",
            what(),
            dutch_count(units),
            dutch_count(MAX_CELL_TEXT)
        )));
    }
    let format = if needs_quote_prefix(text) {
        &format.quoted
    } else {
        &format.plain
    };
    let written = if looks_like_rich_string_xml(text) {
        // rust_xlsxwriter keeps rich strings in the shared-string table as their raw XML and,
        // when it writes that table, copies every entry that starts with `<r>` and ends with
        // `</r>` unescaped. A plain user string of that shape would be injected into the XML
        // (a corrupt file, or different text). As a one-run rich string it is escaped properly
        // and reads back as the same text.
        let escaped = protect_escape_sequences(text);
        sheet.write_rich_string_with_format(row, col, &[(&Format::new(), &escaped)], format)
    } else {
        sheet.write_string_with_format(row, col, text, format)
    };
    written.map(|_| ()).map_err(super::workbook_error)
}

/// Height of one line of the default 11-point text, in points.
const LINE_HEIGHT: f64 = 15.0;
/// Excel's largest row height, in points.
const MAX_ROW_HEIGHT: f64 = 409.0;

/// Roughly how many lines `text` takes when wrapped in a column `width` characters wide.
///
/// Rows get an explicit height from this because not every reader sizes rows of wrapped text
/// itself: LibreOffice (and the PDF converters built on it) keep one line and print long texts
/// over the next row.
pub(super) fn estimated_lines(text: &str, width: f64) -> u32 {
    // Column widths are measured in "0" digits; an average letter of proportional text is
    // narrower, and wrapping at word boundaries gives some of that back.
    let per_line = (width * 1.1).max(1.0);
    text.split('\n')
        .map(|paragraph| {
            (paragraph.chars().count() as f64 / per_line)
                .ceil()
                .max(1.0) as u32
        })
        .sum()
}

/// The height in points of a row of `lines` lines of text.
pub(super) fn row_height(lines: u32) -> f64 {
    (f64::from(lines) * LINE_HEIGHT).min(MAX_ROW_HEIGHT)
}

/// Writes a `YYYY-MM-DD` text (a deadline, a reference date) as a real Excel date, so that it
/// sorts and filters as a date, with `date_format`; anything else is written as text with
/// [`write_text`], so that nothing the user typed is lost.
pub(super) fn write_date_or_text(
    sheet: &mut Worksheet,
    row: RowNum,
    col: ColNum,
    text: &str,
    date_format: &Format,
    text_format: &TextFormat,
    what: impl FnOnce() -> String,
) -> Result<()> {
    match excel_date(text) {
        Some(date) => sheet
            .write_date_with_format(row, col, &date, date_format)
            .map(|_| ())
            .map_err(super::workbook_error),
        None => write_text(sheet, row, col, text, text_format, what),
    }
}

/// The Excel date of a `YYYY-MM-DD` text, if it is a real calendar date Excel can show exactly.
fn excel_date(text: &str) -> Option<ExcelDateTime> {
    let bytes = text.as_bytes();
    let shape = bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                *b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if !shape {
        return None;
    }
    let year: u16 = text[0..4].parse().ok()?;
    let month: u8 = text[5..7].parse().ok()?;
    let day: u8 = text[8..10].parse().ok()?;
    // Excel counts 1900 as a leap year, so its serial numbers before March 1900 are off by one
    // in most readers; such a "deadline" is a typo anyway and stays text.
    if year < 1900 || (year == 1900 && month < 3) {
        return None;
    }
    // `time` checks the calendar (month lengths, leap years); rust_xlsxwriter the year range.
    time::Date::from_calendar_date(i32::from(year), time::Month::try_from(month).ok()?, day)
        .ok()?;
    ExcelDateTime::from_ymd(year, month, day).ok()
}

/// `n` with a full stop between thousands, as Dutch writes numbers.
fn dutch_count(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(digit);
    }
    out
}

/// Whether rust_xlsxwriter would take `text` for the XML of a rich string (see [`write_text`]).
fn looks_like_rich_string_xml(text: &str) -> bool {
    text.starts_with("<r>") && text.ends_with("</r>")
}

/// Spreadsheet XML writes control characters as `_xHHHH_`, so literal text of that shape must
/// have its underscore escaped (`_x005F_`) to survive a round trip. rust_xlsxwriter does this for
/// plain strings but not inside rich-string runs, so the rich-string path does it here.
fn protect_escape_sequences(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(pos) = rest.find("_x") {
        out.push_str(&rest[..pos]);
        let candidate = &rest[pos..];
        let is_escape = candidate.len() >= 7
            && candidate.as_bytes()[2..6].iter().all(u8::is_ascii_hexdigit)
            && candidate.as_bytes()[6] == b'_';
        if is_escape {
            out.push_str("_x005F");
        }
        out.push_str("_x");
        rest = &candidate[2..];
    }
    out.push_str(rest);
    out
}

/// User text for a page header or footer section: `&` starts a control code there, so it is
/// doubled; control characters become spaces; and the text is shortened (with an ellipsis) to at
/// most `max_units` UTF-16 units after escaping, because Excel drops a header or footer over
/// 255 units altogether. Shortening is acceptable here: the header is decoration, and the full
/// names are in the sheets.
pub(super) fn header_footer_text(text: &str, max_units: usize) -> String {
    let mut out = String::new();
    let mut units = 0;
    let mut chars = text.chars().peekable();
    while let Some(ch) = chars.next() {
        let piece: &str = match ch {
            '&' => "&&",
            c if c.is_control() => " ",
            _ => "",
        };
        let piece_units = if piece.is_empty() {
            ch.len_utf16()
        } else {
            piece.len()
        };
        // Keep room for the ellipsis unless this is the last character.
        let room = if chars.peek().is_some() {
            max_units.saturating_sub(1)
        } else {
            max_units
        };
        if units + piece_units > room {
            out.push('…');
            break;
        }
        if piece.is_empty() {
            out.push(ch);
        } else {
            out.push_str(piece);
        }
        units += piece_units;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_triggers_get_a_quote_prefix_and_ordinary_text_does_not() {
        for text in [
            "=1+1",
            "+31 6 123",
            "-5",
            "@SUM(A1)",
            "\tTab",
            "\rCR",
            "\0nul",
        ] {
            assert!(needs_quote_prefix(text), "{text:?}");
        }
        for text in ["", "Ja", " =1", "3.2", "art. 30 AVG", "€ 5"] {
            assert!(!needs_quote_prefix(text), "{text:?}");
        }
    }

    #[test]
    fn only_real_calendar_dates_become_dates() {
        assert!(excel_date("2026-03-31").is_some());
        assert!(excel_date("2028-02-29").is_some());
        for text in [
            "2026-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-3-31",
            "31-03-2026",
            "+026-03-31",
            "1899-12-31",
            "1900-02-28",
            "2026-03-31 ",
            "",
        ] {
            assert!(excel_date(text).is_none(), "{text:?}");
        }
    }

    #[test]
    fn line_estimates_count_wrapping_and_newlines() {
        assert_eq!(estimated_lines("", 10.0), 1);
        assert_eq!(estimated_lines("kort", 10.0), 1);
        assert_eq!(estimated_lines(&"x".repeat(23), 10.0), 3);
        assert_eq!(estimated_lines("a\nb\r\nc", 10.0), 3);
        assert_eq!(row_height(1), 15.0);
        assert_eq!(row_height(1000), 409.0);
    }

    #[test]
    fn counts_in_messages_are_written_the_dutch_way() {
        assert_eq!(dutch_count(0), "0");
        assert_eq!(dutch_count(999), "999");
        assert_eq!(dutch_count(32_767), "32.767");
        assert_eq!(dutch_count(1_234_567), "1.234.567");
    }

    #[test]
    fn literal_escape_sequences_are_protected_only_when_complete() {
        assert_eq!(protect_escape_sequences("a_x0041_b"), "a_x005F_x0041_b");
        assert_eq!(
            protect_escape_sequences("_x12_ _xZZZZ_ _x"),
            "_x12_ _xZZZZ_ _x"
        );
        assert_eq!(protect_escape_sequences("_x00é0_"), "_x00é0_");
        assert_eq!(protect_escape_sequences("geen"), "geen");
    }

    #[test]
    fn header_text_escapes_ampersands_and_fits_the_limit() {
        assert_eq!(header_footer_text("Jansen & Co", 100), "Jansen && Co");
        assert_eq!(header_footer_text("a\nb", 100), "a b");
        let long = "&".repeat(300);
        let short = header_footer_text(&long, 100);
        assert!(short.encode_utf16().count() <= 100);
        assert!(short.ends_with('…'));
        assert!(!short.trim_end_matches('…').replace("&&", "").contains('&'));
        assert_eq!(header_footer_text("abc", 3), "abc");
        assert_eq!(header_footer_text("abcd", 3), "ab…");
    }
}
