//! Recognising columns by what they hold, for headers no synonym knows: a status column by its
//! status spellings, a code column by short, mostly unique code-shaped values, the criterion by
//! the longest sentences, a theme by repeated short values. Also codes written at the start of
//! the criterion text ("5.01.01 Verantwoordelijkheden …").
//!
//! Only a bounded sample of data rows is looked at ([`SAMPLE_ROWS`]), from the rows already
//! read: the sheet is never read again for this. Every choice made here is reported, so the
//! user can check it.

use std::collections::{BTreeMap, HashSet};

use super::cells::{Row, Value, column_letter};
use super::detect::{Field, fold};
use super::status_text::parse_status;
use super::{ColumnMapping, Finding, Severity};

/// Data rows looked at: enough to judge a column, few enough to cost nothing next to the read.
/// (200 rows cost 0.85 ms on a 300-row sheet, +60% on reading and detecting it; 60 rows judge a
/// column as well.)
pub(crate) const SAMPLE_ROWS: usize = 60;

/// Status spellings named in a finding, so the message stays a line.
const SHOWN_SPELLINGS: usize = 5;

/// What the sampled cells of one column hold.
#[derive(Debug, Default)]
pub(crate) struct Profile {
    /// Non-blank cells.
    filled: u32,
    /// Text cells.
    texts: u32,
    /// Cells whose text is a known status spelling.
    statuses: u32,
    /// The distinct status spellings as written (lower case), in order of first appearance.
    spellings: Vec<String>,
    /// Code-shaped values, and how many of them are distinct.
    codes: u32,
    distinct_codes: HashSet<String>,
    /// Distinct values (folded), for the theme.
    distinct: HashSet<String>,
    /// The first values, for a finding.
    examples: Vec<String>,
    /// Characters and words over all text cells.
    chars: u64,
    words: u64,
    /// Texts that start with a code ("GV.OC-01.1: …"), and how many distinct codes those are.
    prefixed: u32,
    distinct_prefixes: HashSet<String>,
    /// Values longer than [`LONG`] bytes, counted as distinct without folding them.
    distinct_long: usize,
}

/// Longer than this (in bytes), a value is neither a status nor a theme name.
const LONG: usize = 80;

impl Profile {
    fn add(&mut self, value: &Value) {
        if value.is_blank() {
            return;
        }
        self.filled += 1;
        let shown = value.shown();
        let shown = shown.trim();
        if self.examples.len() < 2 && !self.examples.iter().any(|e| e == shown) {
            self.examples.push(shown.to_owned());
        }
        // Folding (NFD) a long text costs; only short values can be a repeated theme, so a long
        // one is simply counted as different.
        if shown.len() <= LONG {
            self.distinct.insert(fold(shown));
        } else {
            self.distinct_long += 1;
        }
        let text = match value {
            Value::Text(text) => Some(text.trim()),
            Value::Int(_) | Value::Number(_) => None,
            _ => return,
        };
        if code_shaped(shown) {
            self.codes += 1;
            self.distinct_codes.insert(shown.to_owned());
        }
        let Some(text) = text else {
            return;
        };
        self.texts += 1;
        self.chars += text.chars().count() as u64;
        self.words += text.split_whitespace().count() as u64;
        // A status is a word or two; a sentence is not parsed as one.
        if text.len() <= LONG
            && let Ok(Some(_)) = parse_status(text)
        {
            self.statuses += 1;
            let spelling = text.to_lowercase();
            if !self.spellings.contains(&spelling) {
                self.spellings.push(spelling);
            }
        }
        if let Some((code, _)) = split_code(text) {
            self.prefixed += 1;
            self.distinct_prefixes.insert(code.to_owned());
        }
    }

    fn average_chars(&self) -> u64 {
        self.chars / u64::from(self.texts.max(1))
    }

    fn average_words(&self) -> u64 {
        self.words / u64::from(self.texts.max(1))
    }

    /// At least four in five filled cells are status spellings.
    pub(crate) fn status_like(&self) -> bool {
        self.statuses > 0 && most(self.statuses, self.filled)
    }

    /// Mostly code-shaped, mostly unique, and filled in most rows.
    fn code_like(&self, rows: u32) -> bool {
        self.codes > 0
            && most(self.codes, self.filled)
            && nearly_all(self.distinct_codes.len() as u32, self.codes)
            && self.filled * 2 >= rows
            && !self.status_like()
    }

    /// Sentences: long on average, several words, in at least half the rows.
    fn long_text(&self, rows: u32) -> bool {
        self.texts > 0
            && self.average_chars() >= 25
            && self.average_words() >= 4
            && self.texts * 2 >= rows
            && !self.status_like()
    }

    /// Short text values that repeat (or stand only where a group starts, as merged cells do).
    fn theme_like(&self, rows: u32) -> bool {
        rows >= 4
            && self.texts > 0
            && most(self.texts, self.filled)
            && (self.distinct.len() + self.distinct_long) * 2 <= rows as usize
            && self.average_chars() <= 40
            && !self.status_like()
            && self.codes * 2 < self.filled
    }

    /// Most texts start with a code, and those codes are nearly all different.
    fn codes_in_text(&self) -> bool {
        self.prefixed >= 2
            && most(self.prefixed, self.texts)
            && nearly_all(self.distinct_prefixes.len() as u32, self.prefixed)
    }

    /// "ja/deels/nee".
    pub(crate) fn spellings(&self) -> String {
        let shown: Vec<&str> = self
            .spellings
            .iter()
            .take(SHOWN_SPELLINGS)
            .map(String::as_str)
            .collect();
        let more = if self.spellings.len() > SHOWN_SPELLINGS {
            "/\u{2026}"
        } else {
            ""
        };
        format!("{}{more}", shown.join("/"))
    }
}

/// At least four in five.
fn most(part: u32, whole: u32) -> bool {
    whole > 0 && part * 5 >= whole * 4
}

/// At least nine in ten.
fn nearly_all(part: u32, whole: u32) -> bool {
    whole > 0 && part * 10 >= whole * 9
}

/// The sampled data rows of a sheet, column by column.
#[derive(Debug, Default)]
pub(crate) struct Sample {
    /// Data rows looked at: rows below the header with at least two filled cells (a row with one
    /// cell is a theme title or a stray note).
    pub(crate) rows: u32,
    pub(crate) columns: BTreeMap<u32, Profile>,
}

impl Sample {
    /// The first [`SAMPLE_ROWS`] data rows below `header_row` (0-based).
    pub(crate) fn of(rows: &[Row], header_row: u32) -> Sample {
        let mut sample = Sample::default();
        let data = rows
            .iter()
            .filter(|r| r.row > header_row)
            .filter(|r| r.cells.iter().filter(|c| !c.value.is_blank()).count() >= 2)
            .take(SAMPLE_ROWS);
        for row in data {
            sample.rows += 1;
            for cell in &row.cells {
                sample.columns.entry(cell.col).or_default().add(&cell.value);
            }
        }
        sample
    }

    /// The column with the longest sentences among `allowed`.
    fn longest_text(&self, allowed: impl Fn(u32) -> bool) -> Option<u32> {
        self.columns
            .iter()
            .filter(|(col, p)| allowed(**col) && p.long_text(self.rows))
            .max_by_key(|(col, p)| (p.average_chars(), std::cmp::Reverse(**col)))
            .map(|(col, _)| *col)
    }

    /// Whether the sheet plainly holds criteria: at least two data rows, long sentences, and a
    /// code for each (in a column of their own or at the start of the text).
    pub(crate) fn holds_criteria(&self) -> bool {
        if self.rows < 2 {
            return false;
        }
        let Some(text) = self.longest_text(|_| true) else {
            return false;
        };
        let in_text = self.columns.get(&text).is_some_and(Profile::codes_in_text);
        in_text
            || self
                .columns
                .iter()
                .any(|(col, p)| *col != text && p.code_like(self.rows))
    }
}

/// A code as people number criteria: "1.2", "A.5.1", "GV.OC-01", "5.01.01", "K1".
fn code_shaped(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && t.chars().count() <= 20
        && t.chars().any(|c| c.is_ascii_digit())
        && t.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_'))
        && !t.ends_with(['.', '-', '_'])
}

/// A text that starts with a code and then the text: "GV.OC-01.1: The organisation …",
/// "5.01.01 Verantwoordelijkheden …", "A.5.1 – Beleid". A bare number followed by a space is a
/// sentence ("2 medewerkers hebben …"), not a code.
pub(crate) fn split_code(text: &str) -> Option<(&str, &str)> {
    let t = text.trim_start();
    let end = t
        .find(|c: char| !(c.is_alphanumeric() || matches!(c, '.' | '-' | '_')))
        .unwrap_or(t.len());
    let (token, after) = t.split_at(end);
    if !code_shaped(token) {
        return None;
    }
    let (rest, marked) = if let Some(rest) = after.strip_prefix(':') {
        (rest, true)
    } else {
        let spaced = after.trim_start();
        if spaced.len() == after.len() {
            return None;
        }
        match spaced.strip_prefix(['-', '\u{2013}']) {
            Some(rest) if rest.starts_with(char::is_whitespace) => (rest, true),
            Some(_) => return None,
            None => (spaced, false),
        }
    };
    if !marked && token.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let rest = rest.trim();
    rest.chars()
        .next()
        .is_some_and(char::is_alphabetic)
        .then_some((token, rest))
}

/// "kolom D (“Stand”)", or "kolom D" when the header cell is empty.
fn column_name(col: u32, headers: &[String]) -> String {
    match headers.get(col as usize).filter(|h| !h.is_empty()) {
        Some(header) => format!("kolom {} (\u{201c}{header}\u{201d})", column_letter(col)),
        None => format!("kolom {}", column_letter(col)),
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn finding(sheet: &str, col: u32, severity: Severity, message: String) -> Finding {
    Finding {
        sheet: sheet.to_owned(),
        row: None,
        column: Some(column_letter(col)),
        criterion: None,
        column_title: None,
        severity,
        message,
    }
}

fn field_of(mapping: &ColumnMapping, col: u32) -> Option<Field> {
    Field::ALL
        .into_iter()
        .find(|f| mapping.get(*f) == Some(col))
}

/// Fills the fields the headers did not name (criterion, code, status, theme) from columns the
/// headers left unclaimed; the criterion may also take the column the headers called the
/// explanation, since a sheet without a criterion cannot be imported at all. One info finding per
/// column chosen; `true` when anything was chosen.
pub(crate) fn complete(
    mapping: &mut ColumnMapping,
    sample: &Sample,
    sheet: &str,
    headers: &[String],
    findings: &mut Vec<Finding>,
) -> bool {
    let mut chosen = false;
    let rows = sample.rows;
    let mut choose = |mapping: &mut ColumnMapping, field: Field, col: u32, what: String| {
        mapping.set(field, Some(col));
        chosen = true;
        let message = format!(
            "{} is aan de inhoud herkend als {} ({what}); de kopregel noemt die kolom niet zo. Controleer de kolomindeling.",
            capitalised(&column_name(col, headers)),
            field.label()
        );
        findings.push(finding(sheet, col, Severity::Info, message));
    };

    if mapping.text.is_none() {
        let explanation = mapping.explanation;
        let free = |col: u32| {
            field_of(mapping, col).is_none_or(|f| f == Field::Explanation)
                && sample.columns.get(&col).is_some_and(|p| !p.code_like(rows))
        };
        if let Some(col) = sample.longest_text(free) {
            if explanation == Some(col) {
                mapping.explanation = None;
            }
            choose(mapping, Field::Text, col, "de langste teksten".to_owned());
        }
    }
    if mapping.code.is_none() && mapping.key.is_none() {
        let found = sample
            .columns
            .iter()
            .find(|(col, p)| field_of(mapping, **col).is_none() && p.code_like(rows));
        if let Some((col, p)) = found {
            let what = format!("korte, unieke nummers zoals {}", p.examples.join(", "));
            choose(mapping, Field::Code, *col, what);
        }
    }
    if mapping.status.is_none() {
        // With two such columns the one with the most statuses is read; the other is reported
        // by `unused_statuses`.
        let found = sample
            .columns
            .iter()
            .filter(|(col, p)| field_of(mapping, **col).is_none() && p.status_like())
            .max_by_key(|(col, p)| (p.statuses, std::cmp::Reverse(**col)));
        if let Some((col, p)) = found {
            choose(mapping, Field::Status, *col, p.spellings());
        }
    }
    if mapping.theme.is_none()
        && let Some(text) = mapping.text
    {
        // Themes stand left of the criterion; repeated short values to the right are more
        // often an owner or a department.
        let found = sample.columns.iter().find(|(col, p)| {
            **col < text && field_of(mapping, **col).is_none() && p.theme_like(rows)
        });
        if let Some((col, p)) = found {
            let what = format!("herhaalde korte waarden zoals {}", p.examples.join(", "));
            choose(mapping, Field::Theme, *col, what);
        }
    }
    chosen
}

/// A warning for every column that holds statuses but is not read as the status: the answers in
/// it would otherwise be left behind without a word.
pub(crate) fn unused_statuses(
    mapping: &ColumnMapping,
    sample: &Sample,
    sheet: &str,
    headers: &[String],
) -> Vec<Finding> {
    let mut out = Vec::new();
    for (col, profile) in &sample.columns {
        if mapping.status == Some(*col) || !profile.status_like() {
            continue;
        }
        let name = capitalised(&column_name(*col, headers));
        let read_as = match field_of(mapping, *col) {
            Some(field) => format!(" Ze wordt nu gelezen als {}.", field.label()),
            None => String::new(),
        };
        let status = match mapping.status {
            Some(status) => format!(
                "de status wordt uit {} gelezen, dus deze waarden worden niet als status overgenomen",
                column_name(status, headers)
            ),
            None => {
                "er is geen kolom als Status gekoppeld, dus deze waarden worden niet overgenomen"
                    .to_owned()
            }
        };
        let message = format!(
            "{name} bevat waarden die op statussen lijken ({}), maar {status}.{read_as} Kies bij de kolomindeling de juiste statuskolom als dat niet klopt.",
            profile.spellings()
        );
        out.push(finding(sheet, *col, Severity::Warning, message));
    }
    out
}

/// Whether codes are to be taken from the start of the criterion text: only without a code
/// column, and only when most texts start with one, so an ordinary sentence that starts with a
/// number keeps its number.
pub(crate) fn codes_in_text(mapping: &ColumnMapping, sample: &Sample) -> bool {
    mapping.code.is_none()
        && mapping.key.is_none()
        && mapping
            .text
            .and_then(|col| sample.columns.get(&col))
            .is_some_and(Profile::codes_in_text)
}

/// The info finding that says codes were taken from the text.
pub(crate) fn codes_in_text_finding(sheet: &str, col: u32, headers: &[String]) -> Finding {
    let message = format!(
        "Het blad heeft geen kolom met nummers, maar de teksten in {} beginnen met een nummer. Dat nummer is als nummer van het criterium overgenomen en uit de tekst gehaald.",
        column_name(col, headers)
    );
    finding(sheet, col, Severity::Info, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_at_the_start_of_a_text_are_split_off_and_sentences_are_not() {
        assert_eq!(
            split_code("GV.OC-01.1: The organisation knows its mission."),
            Some(("GV.OC-01.1", "The organisation knows its mission."))
        );
        assert_eq!(
            split_code("5.01.01 Verantwoordelijkheden zijn vastgelegd."),
            Some(("5.01.01", "Verantwoordelijkheden zijn vastgelegd."))
        );
        assert_eq!(
            split_code("A.5.1 \u{2013} Beleid"),
            Some(("A.5.1", "Beleid"))
        );
        assert_eq!(
            split_code("ID.AM-08 - Hardware"),
            Some(("ID.AM-08", "Hardware"))
        );
        assert_eq!(split_code("12: Er is een FG"), Some(("12", "Er is een FG")));
        for text in [
            "2 medewerkers hebben een training gevolgd.",
            "1. Governance",
            "Er is een FG.",
            "1.2",
            "1.2 3 dagen",
            "AVG: artikel 5",
        ] {
            assert_eq!(split_code(text), None, "{text}");
        }
    }

    #[test]
    fn code_shapes() {
        for code in ["1.2", "A.5.1", "GV.OC-01", "5.01.01", "K1", "12"] {
            assert!(code_shaped(code), "{code}");
        }
        for text in ["Governance", "1.", "Er is 1 FG", "", "ja"] {
            assert!(!code_shaped(text), "{text}");
        }
    }
}
