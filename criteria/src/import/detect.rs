//! Finding the header row and the meaning of each column by Dutch and English synonyms, case and
//! accent insensitive.
//!
//! A header cell matches a field when its normalised text equals a synonym (strong), or, for
//! short headers, contains a synonym as whole words (weak: "Nr. criterium", "AVG-artikel(en)").
//! A row's score is the number of fields it names; the best row in the first
//! [`HEADER_SCAN_ROWS`] rows is the header, so a title block above it is skipped.

use unicode_normalization::UnicodeNormalization;

use super::ColumnMapping;
use super::cells::{Row, Value};

/// Rows scanned for the header, so a title block of any usual height is skipped.
pub(crate) const HEADER_SCAN_ROWS: u32 = 30;

/// Headers longer than this many words are sentences (a title, an instruction), not headers.
const MAX_HEADER_WORDS: usize = 6;

/// A column's meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Field {
    Code,
    Theme,
    Text,
    Explanation,
    LegalBasis,
    Status,
    Justification,
    Owner,
    Action,
    Deadline,
    Evidence,
    Key,
}

impl Field {
    /// Every field, in the order of the mapping form.
    pub const ALL: [Field; 12] = [
        Field::Code,
        Field::Theme,
        Field::Text,
        Field::Explanation,
        Field::LegalBasis,
        Field::Status,
        Field::Justification,
        Field::Owner,
        Field::Action,
        Field::Deadline,
        Field::Evidence,
        Field::Key,
    ];

    /// The field's Dutch label, as in the window's mapping form and in findings.
    pub fn label(self) -> &'static str {
        match self {
            Field::Code => "Nummer",
            Field::Theme => "Thema",
            Field::Text => "Criterium",
            Field::Explanation => "Toelichting",
            Field::LegalBasis => "AVG-artikel / grondslag",
            Field::Status => "Status",
            Field::Justification => "Onderbouwing",
            Field::Owner => "Eigenaar",
            Field::Action => "Actie",
            Field::Deadline => "Deadline",
            Field::Evidence => "Bewijs",
            Field::Key => "Sleutel",
        }
    }

    /// The one-word Dutch name a user types for the field (`--column status=D`); the hidden
    /// row key of our own export has none.
    pub fn short_name(self) -> Option<&'static str> {
        Some(match self {
            Field::LegalBasis => "grondslag",
            Field::Key => return None,
            Field::Code => "nummer",
            Field::Theme => "thema",
            Field::Text => "criterium",
            Field::Explanation => "toelichting",
            Field::Status => "status",
            Field::Justification => "onderbouwing",
            Field::Owner => "eigenaar",
            Field::Action => "actie",
            Field::Deadline => "deadline",
            Field::Evidence => "bewijs",
        })
    }

    /// The field a user named by its [`Field::short_name`] (any case).
    pub fn named(name: &str) -> Option<Field> {
        let name = name.trim().to_lowercase();
        Field::ALL
            .into_iter()
            .find(|f| f.short_name() == Some(name.as_str()))
    }

    /// Synonyms, already normalised (see [`normalise`]).
    fn synonyms(self) -> &'static [&'static str] {
        match self {
            Field::Code => &[
                "nr",
                "nummer",
                "id",
                "code",
                "ref",
                "no",
                "number",
                "criteriumnummer",
                "volgnummer",
            ],
            Field::Theme => &[
                "thema",
                "themas",
                "onderwerp",
                "categorie",
                "domein",
                "hoofdstuk",
                "theme",
                "topic",
                "category",
                "chapter",
            ],
            Field::Text => &[
                "criterium",
                "norm",
                "eis",
                "maatregel",
                "vereiste",
                "criterion",
                "requirement",
                "control",
                "normenkader",
                "criteria",
                "normen",
                "eisen",
                "maatregelen",
                "vereisten",
                "omschrijving criterium",
                "beschrijving criterium",
            ],
            Field::Explanation => &[
                "toelichting",
                "uitleg",
                "omschrijving",
                "explanation",
                "guidance",
                "description",
                "toelichting criterium",
                "toelichting op criterium",
            ],
            Field::LegalBasis => &[
                "bron",
                "artikel",
                "artikelen",
                "avg artikel",
                "avg artikelen",
                "grondslag",
                "wetsartikel",
                "legal basis",
                "article",
                "reference",
                "avg",
                "gdpr article",
            ],
            Field::Status => &[
                "status",
                "stand van zaken",
                "score",
                "implementatie",
                "state",
                "implementatiestatus",
            ],
            Field::Justification => &[
                "onderbouwing",
                "opmerking",
                "opmerkingen",
                "toelichting status",
                "toelichting bij status",
                "toelichting op status",
                "toelichting stand van zaken",
                "motivering",
                "justification",
                "comment",
                "comments",
                "notes",
                "note",
            ],
            Field::Owner => &["eigenaar", "verantwoordelijke", "owner", "verantwoordelijk"],
            Field::Action => &[
                "actie",
                "acties",
                "verbeteractie",
                "verbeteracties",
                "action",
                "actions",
            ],
            Field::Deadline => &[
                "deadline",
                "datum gereed",
                "streefdatum",
                "due date",
                "gereed",
                "einddatum",
            ],
            Field::Evidence => &[
                "bewijs",
                "evidence",
                "vindplaats",
                "bewijsstuk",
                "bewijslast",
            ],
            Field::Key => &["sleutel", "key"],
        }
    }
}

/// Lower case without accents: decomposed (NFD), then the combining marks dropped, the same as
/// the page's search does (`ui/src/lib/scoring.ts`), so every accented letter folds, and so does
/// text that arrives already decomposed (as macOS writes it).
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.nfd() {
        match ch {
            // The block of combining diacritical marks, as the page drops it.
            '\u{300}'..='\u{36f}' => {}
            // Non-breaking spaces from web pages and Word.
            '\u{a0}' | '\u{202f}' => out.push(' '),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// Folded, apostrophes dropped ("thema's" → "themas"), other punctuation as spaces, spaces
/// collapsed: "AVG-artikel(en)" → "avg artikel en", "Nr." → "nr".
pub(crate) fn normalise(text: &str) -> String {
    let folded = fold(text);
    let mut out = String::with_capacity(folded.len());
    for ch in folded.chars() {
        if ch == '\'' || ch == '’' || ch == '`' {
            continue;
        }
        out.push(if ch.is_alphanumeric() { ch } else { ' ' });
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How well a header names a field: (strong, words of the synonym). Higher is better.
type Strength = (bool, usize);

/// Words that make a header a count or a total (an overview sheet), not a criteria column.
const OVERVIEW_WORDS: [&str; 4] = ["aantal", "totaal", "percentage", "count"];

/// The field a header names, and how strongly. On a tie between fields the synonym found first
/// in the header wins ("Nr. criterium" is a number column).
pub(crate) fn classify(header: &str) -> Option<(Field, Strength)> {
    let norm = normalise(header);
    if norm.is_empty() {
        return None;
    }
    let words: Vec<&str> = norm.split(' ').collect();
    if words.len() > MAX_HEADER_WORDS || words.iter().any(|w| OVERVIEW_WORDS.contains(w)) {
        return None;
    }
    // (strength, -position of the match) per candidate.
    let mut best: Option<(Field, Strength, usize)> = None;
    for field in Field::ALL {
        for &syn in field.synonyms() {
            let syn_words: Vec<&str> = syn.split(' ').collect();
            let found = if norm == syn {
                Some(((true, syn_words.len()), 0))
            } else {
                words
                    .windows(syn_words.len())
                    .position(|w| w == syn_words.as_slice())
                    .map(|at| ((false, syn_words.len()), at))
            };
            let Some((strength, at)) = found else {
                continue;
            };
            let better = match best {
                None => true,
                Some((_, s, a)) => strength > s || (strength == s && at < a),
            };
            if better {
                best = Some((field, strength, at));
            }
        }
    }
    best.map(|(field, strength, _)| (field, strength))
}

/// The header row found in a sheet and the mapping it implies.
#[derive(Debug, Clone)]
pub(crate) struct HeaderGuess {
    /// 0-based row.
    pub(crate) row: u32,
    /// Number of fields named.
    pub(crate) score: usize,
    pub(crate) mapping: ColumnMapping,
}

/// The mapping a header row implies, the number of fields named, and whether it is certain:
/// criterion text and (code or theme) each named by exactly one best column. When two columns
/// name the same field the stronger (else the first) wins, and that field counts as ambiguous.
pub(crate) fn mapping_for(row: &Row) -> (ColumnMapping, usize, bool) {
    let mut best: Vec<(Field, u32, Strength, bool)> = Vec::new();
    for cell in &row.cells {
        let Value::Text(text) = &cell.value else {
            continue;
        };
        let Some((field, strength)) = classify(text) else {
            continue;
        };
        match best.iter_mut().find(|(f, ..)| *f == field) {
            Some(entry) => {
                if strength > entry.2 {
                    *entry = (field, cell.col, strength, false);
                } else if strength == entry.2 {
                    entry.3 = true;
                }
            }
            None => best.push((field, cell.col, strength, false)),
        }
    }
    let mut mapping = ColumnMapping::default();
    for (field, col, ..) in &best {
        mapping.set(*field, Some(*col));
    }
    let unique = |field: Field| {
        best.iter()
            .any(|(f, .., ambiguous)| *f == field && !ambiguous)
    };
    let certain = unique(Field::Text) && (unique(Field::Code) || unique(Field::Theme));
    (mapping, best.len(), certain)
}

/// The best header row among the first rows of a sheet: most fields named, first on a tie.
pub(crate) fn best_header(rows: &[Row]) -> Option<HeaderGuess> {
    let mut best: Option<HeaderGuess> = None;
    for row in rows.iter().filter(|r| r.row < HEADER_SCAN_ROWS) {
        let (mapping, score, _) = mapping_for(row);
        if score == 0 {
            continue;
        }
        if best.as_ref().is_none_or(|b| score > b.score) {
            best = Some(HeaderGuess {
                row: row.row,
                score,
                mapping,
            });
        }
    }
    best
}

/// Header texts from column A to the last non-empty header cell, empty between.
pub(crate) fn header_texts(row: Option<&Row>) -> Vec<String> {
    let Some(row) = row else {
        return Vec::new();
    };
    let width = row.cells.last().map_or(0, |c| c.col as usize + 1);
    let mut out = vec![String::new(); width];
    for cell in &row.cells {
        if let Some(slot) = out.get_mut(cell.col as usize) {
            *slot = cell.value.shown().trim().to_owned();
        }
    }
    out
}

/// The key under which a confirmed mapping is remembered: normalised headers joined with `|`.
pub(crate) fn header_signature(headers: &[String]) -> String {
    headers
        .iter()
        .map(|h| normalise(h))
        .collect::<Vec<_>>()
        .join("|")
}

/// Sheet names that are a cover, overview or instruction rather than the criteria.
pub(crate) fn is_side_sheet(name: &str) -> bool {
    const SIDE: [&str; 20] = [
        "overzicht",
        "verbeterplan",
        "vergelijking",
        "actiepunten",
        "geschiedenis",
        "samenvatting",
        "resultaten",
        "resultaat",
        "dashboard",
        "grafiek",
        "grafieken",
        "voorblad",
        "leeswijzer",
        "instructie",
        "instructies",
        "metadata",
        "cover",
        "summary",
        "overview",
        "readme",
    ];
    let norm = normalise(name);
    SIDE.iter()
        .any(|s| norm == *s || norm.split(' ').any(|w| w == *s))
}

#[cfg(test)]
mod tests {
    use super::super::cells::Cell;
    use super::*;

    fn row(n: u32, texts: &[&str]) -> Row {
        Row {
            row: n,
            cells: texts
                .iter()
                .enumerate()
                .filter(|(_, t)| !t.is_empty())
                .map(|(i, t)| Cell {
                    col: i as u32,
                    value: Value::Text((*t).to_owned()),
                    formula: false,
                })
                .collect(),
        }
    }

    #[test]
    fn headers_are_matched_case_and_accent_insensitively() {
        let cases = [
            ("Nr.", Field::Code),
            ("NUMMER", Field::Code),
            ("Thema's", Field::Theme),
            ("Domein", Field::Theme),
            ("Criterium", Field::Text),
            ("Maatregel", Field::Text),
            ("Requirement", Field::Text),
            ("Toelichting", Field::Explanation),
            ("AVG-artikel(en)", Field::LegalBasis),
            ("Wetsartikel", Field::LegalBasis),
            ("Legal basis", Field::LegalBasis),
            ("Stand van zaken", Field::Status),
            ("Toelichting status", Field::Justification),
            ("Opmerkingen", Field::Justification),
            ("Verantwoordelijke", Field::Owner),
            ("Verbeteractie", Field::Action),
            ("Datum gereed", Field::Deadline),
            ("Due date", Field::Deadline),
            ("Vindplaats", Field::Evidence),
            ("Sleutel", Field::Key),
            ("Nr. criterium", Field::Code),
            ("CATEGORIE", Field::Theme),
            ("Ëis", Field::Text),
        ];
        for (header, field) in cases {
            assert_eq!(classify(header).map(|c| c.0), Some(field), "{header}");
        }
        assert_eq!(classify("Aantal criteria"), None);
        assert_eq!(
            classify("Dit werkblad bevat de criteria en de norm per thema"),
            None
        );
        assert_eq!(classify(""), None);
    }

    #[test]
    fn every_accent_folds_also_in_decomposed_text() {
        // Letters the hand-written table had no entry for.
        assert_eq!(fold("ŸSEL Čapek Šárka"), "ysel capek sarka");
        // "é" written as "e" and a combining accent, as macOS writes file names and text.
        assert_eq!(fold("Crite\u{301}rium"), "criterium");
        assert_eq!(classify("Crite\u{301}rium").map(|c| c.0), Some(Field::Text));
        assert_eq!(
            normalise("Thema\u{2019}s\u{a0}(ge\u{308}e\u{308}rfd)"),
            "themas geerfd"
        );
    }

    #[test]
    fn the_header_row_is_found_below_a_title_block() {
        let rows = vec![
            row(0, &["Criteria borging AVG"]),
            row(1, &["Gemeente Voorbeeld, versie 2024"]),
            row(3, &["Nr", "Thema", "Criterium", "Status"]),
            row(4, &["1.1", "Governance", "Er is een FG", "Ja"]),
        ];
        let guess = best_header(&rows).unwrap();
        assert_eq!(guess.row, 3);
        assert_eq!(guess.score, 4);
        assert_eq!(guess.mapping.code, Some(0));
        assert_eq!(guess.mapping.text, Some(2));
        assert_eq!(guess.mapping.status, Some(3));
    }

    #[test]
    fn two_columns_for_the_criterion_make_the_mapping_uncertain() {
        let (mapping, _, certain) = mapping_for(&row(0, &["Nr", "Norm", "Eis"]));
        assert_eq!(mapping.text, Some(1));
        assert!(!certain);
        let (_, _, certain) = mapping_for(&row(0, &["Criterium", "Status"]));
        assert!(!certain, "no code or theme column");
    }

    #[test]
    fn synonyms_are_written_normalised() {
        for field in Field::ALL {
            for syn in field.synonyms() {
                assert_eq!(normalise(syn), *syn, "{field:?}");
            }
        }
    }

    #[test]
    fn the_signature_ignores_case_and_accents() {
        let a = header_signature(&["Nr.".into(), "Criterium".into(), "".into()]);
        let b = header_signature(&["nr".into(), "CRITÉRIUM".into(), "".into()]);
        assert_eq!(a, b);
        assert_eq!(a, "nr|criterium|");
    }

    #[test]
    fn overview_and_cover_sheets_are_recognised_by_name() {
        assert!(is_side_sheet("Overzicht"));
        assert!(is_side_sheet("Verbeterplan"));
        assert!(is_side_sheet("Vergelijking"));
        assert!(is_side_sheet("Voorblad"));
        assert!(!is_side_sheet("Criteria"));
        assert!(!is_side_sheet("Blad1"));
    }
}

#[cfg(test)]
mod synonym_tests {
    use super::*;

    #[test]
    fn plural_and_described_criterion_headers_name_the_criterion() {
        for header in [
            "Criteria",
            "Normen",
            "Eisen",
            "Maatregelen",
            "Omschrijving criterium",
        ] {
            assert_eq!(
                classify(header).map(|(field, _)| field),
                Some(Field::Text),
                "{header}"
            );
        }
        assert_eq!(
            classify("Omschrijving").map(|(field, _)| field),
            Some(Field::Explanation)
        );
        assert_eq!(
            classify("Nr. criterium").map(|(field, _)| field),
            Some(Field::Code)
        );
    }
}
