//! Reading a status and a deadline as people type them in a spreadsheet. What is not recognised
//! is reported, never guessed.

use time::{Date, Month};

use super::detect::fold;
use crate::Status;

/// Spellings per status, after [`status_key`]. Our own export writes `Status::label`.
const SPELLINGS: [(Status, &[&str]); 4] = [
    (
        Status::Implemented,
        &[
            "geimplementeerd",
            "volledig geimplementeerd",
            "ja",
            "yes",
            "implemented",
            "fully implemented",
            "volledig",
            "groen",
            "green",
        ],
    ),
    (
        Status::Partial,
        &[
            "gedeeltelijk",
            "gedeeltelijk geimplementeerd",
            "deels",
            "deels geimplementeerd",
            "partial",
            "partially",
            "partially implemented",
            "oranje",
            "orange",
        ],
    ),
    (
        Status::Open,
        &[
            "nee",
            "open",
            "aandacht",
            "vraagt aandacht",
            "vraagt nog aandacht",
            "niet geimplementeerd",
            "no",
            "not implemented",
            "rood",
            "red",
        ],
    ),
    (
        Status::NotApplicable,
        &["nvt", "niet van toepassing", "na", "not applicable"],
    ),
];

/// Lower case without accents; dots, slashes and apostrophes dropped ("N.v.t." → "nvt",
/// "n/a" → "na"); brackets, dashes and underscores as spaces; spaces collapsed.
fn status_key(text: &str) -> String {
    let folded = fold(text);
    let mut out = String::with_capacity(folded.len());
    for ch in folded.chars() {
        match ch {
            '.' | '/' | '\'' | '’' => {}
            '(' | ')' | '-' | '_' | ',' | ';' | ':' => out.push(' '),
            c => out.push(c),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The status a text means; `Ok(None)` for empty text, `Err(())` when it is not recognised.
pub(crate) fn parse_status(text: &str) -> Result<Option<Status>, ()> {
    let key = status_key(text);
    if key.is_empty() {
        return Ok(None);
    }
    SPELLINGS
        .iter()
        .find(|(_, spellings)| spellings.contains(&key.as_str()))
        .map(|(status, _)| Some(*status))
        .ok_or(())
}

/// `YYYY-MM-DD` for a valid date.
pub(crate) fn iso(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

fn date(year: &str, month: &str, day: &str) -> Option<Date> {
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !(all_digits(year) && all_digits(month) && all_digits(day)) || year.len() != 4 {
        return None;
    }
    if month.len() > 2 || day.len() > 2 {
        return None;
    }
    let month = Month::try_from(month.parse::<u8>().ok()?).ok()?;
    Date::from_calendar_date(year.parse().ok()?, month, day.parse().ok()?).ok()
}

/// A strict `yyyy-mm-dd`.
pub(crate) fn iso_date(text: &str) -> Option<Date> {
    let mut parts = text.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || m.len() != 2 || d.len() != 2 {
        return None;
    }
    date(y, m, d)
}

/// A deadline typed as text: `yyyy-mm-dd`, or `dd-mm-yyyy` (also with `/` or `.`, and one-digit
/// day or month), as `YYYY-MM-DD`.
pub(crate) fn parse_date_text(text: &str) -> Option<String> {
    let text = text.trim();
    if let Some(d) = iso_date(text) {
        return Some(iso(d));
    }
    for sep in ['-', '/', '.'] {
        let parts: Vec<&str> = text.split(sep).collect();
        if let [d, m, y] = parts.as_slice()
            && let Some(found) = date(y, m, d)
        {
            return Some(iso(found));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_usual_spelling_is_recognised() {
        let cases = [
            ("Geïmplementeerd", Status::Implemented),
            ("geimplementeerd", Status::Implemented),
            ("JA", Status::Implemented),
            ("yes", Status::Implemented),
            ("Implemented", Status::Implemented),
            ("Volledig", Status::Implemented),
            ("groen", Status::Implemented),
            ("Gedeeltelijk", Status::Partial),
            ("Gedeeltelijk (geïmplementeerd)", Status::Partial),
            ("Gedeeltelijk geïmplementeerd", Status::Partial),
            ("deels", Status::Partial),
            ("Partial", Status::Partial),
            ("Oranje", Status::Partial),
            ("Nee", Status::Open),
            ("Open", Status::Open),
            ("Aandacht", Status::Open),
            ("Vraagt aandacht", Status::Open),
            ("Vraagt nog aandacht", Status::Open),
            ("Niet geïmplementeerd", Status::Open),
            ("no", Status::Open),
            ("ROOD", Status::Open),
            ("N.v.t.", Status::NotApplicable),
            ("nvt", Status::NotApplicable),
            ("n.v.t", Status::NotApplicable),
            ("Niet van toepassing", Status::NotApplicable),
            ("n/a", Status::NotApplicable),
            ("NA", Status::NotApplicable),
            ("  ja  ", Status::Implemented),
            // Decomposed, as macOS writes it: "i" and a combining diaeresis.
            ("Gei\u{308}mplementeerd", Status::Implemented),
        ];
        for (text, status) in cases {
            assert_eq!(parse_status(text), Ok(Some(status)), "{text}");
        }
        for status in Status::ALL {
            assert_eq!(parse_status(status.label()), Ok(Some(status)));
        }
    }

    #[test]
    fn empty_is_no_status_and_anything_else_is_not_guessed() {
        assert_eq!(parse_status(""), Ok(None));
        assert_eq!(parse_status("   "), Ok(None));
        for text in ["Misschien", "ja?", "1", "bijna", "nee, deels"] {
            assert_eq!(parse_status(text), Err(()), "{text}");
        }
    }

    #[test]
    fn dates_typed_as_text_are_read_strictly() {
        assert_eq!(parse_date_text("2026-03-01").as_deref(), Some("2026-03-01"));
        assert_eq!(parse_date_text("01-03-2026").as_deref(), Some("2026-03-01"));
        assert_eq!(parse_date_text("1-3-2026").as_deref(), Some("2026-03-01"));
        assert_eq!(parse_date_text("1/3/2026").as_deref(), Some("2026-03-01"));
        assert_eq!(parse_date_text("31.12.2026").as_deref(), Some("2026-12-31"));
        for text in [
            "31-02-2026",
            "2026-3-1",
            "Q3 2026",
            "03-01-26",
            "",
            "2026-03-01x",
        ] {
            assert_eq!(parse_date_text(text), None, "{text}");
        }
    }
}
