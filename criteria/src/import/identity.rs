//! The catalog's name and version: what the workbook says about itself, before what we make up.
//!
//! In order of trust: the metadata sheet of our own export (or a CISO Assistant library's
//! metadata, see `library`); a title block (short text cells above the header row, or on a cover
//! sheet that was passed over, such as "Criteria borging AVG" and "versie 2.1"); the document
//! properties (xlsx `docProps/core.xml`, ods `meta.xml`: the title, and the version when the file
//! states one); only then the file name and today's date. Name and version are looked for each on
//! their own: a title block may name the set while only the properties say which version it is.
//!
//! Conservative on purpose: a wrong name is worse than the file name, because a re-import of the
//! same set is matched to the stored catalog by name. So a title is short, is no sentence, and
//! contains a word that names a set of criteria; only on the criteria sheet itself, read alone,
//! is the first short text above the header taken without such a word. The user sees where the
//! name and version came from in the dry run and can correct both before confirming.

use std::borrow::Cow;
use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::Event;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use zip::ZipArchive;

use super::cells::{Row, Value, column_letter};
use super::container::Kind;
use super::detect::normalise;
use crate::workbook_format::EXPORT_TITLE_PREFIX;
use crate::{Error, Result};

/// Where the catalog's name or version in a plan came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum IdentitySource {
    /// The metadata sheet of a workbook exported by AVG-borging.
    OwnExport,
    /// The metadata of a CISO Assistant library.
    Library,
    /// A title above the header row, or on a cover sheet.
    TitleBlock,
    /// The document properties (title, version) of the file.
    DocumentProperties,
    /// The file name (no name found in the file).
    FileName,
    /// Today's date (no version found in the file).
    Today,
    /// Given by the user when confirming.
    Given,
}

/// Where the name and version of a plan's catalog came from, for the dry run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CatalogOrigin {
    /// Where the name came from.
    pub name: IdentitySource,
    /// Where the version came from.
    pub version: IdentitySource,
    /// Dutch, one sentence: where both came from, with the sheet and cell of a title.
    pub text: String,
}

/// The catalog's name and version as the user confirms them (corrected or not).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct CatalogIdentity {
    /// The name, e.g. "Criteria borging AVG".
    pub name: String,
    /// The version, e.g. "2.1".
    pub version: String,
}

/// The longest name or version a user may give: a name is a title, not a text.
const MAX_GIVEN_CHARS: usize = 200;

impl CatalogIdentity {
    /// The name and version trimmed, or a Dutch refusal when one is empty or far too long.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for an empty name or version, or one over 200 characters.
    pub fn checked(&self) -> Result<CatalogIdentity> {
        let name = self.name.trim();
        let version = self.version.trim();
        let refuse = |reason: &str| {
            Err(Error::InvalidInput {
                reason: reason.to_owned(),
            })
        };
        if name.is_empty() {
            return refuse(
                "De naam van de criteriaset is leeg. Vul een naam in, bijvoorbeeld \u{201c}Criteria borging AVG\u{201d}.",
            );
        }
        if version.is_empty() {
            return refuse(
                "De versie van de criteriaset is leeg. Vul een versie in, bijvoorbeeld \u{201c}2.1\u{201d} of het jaar.",
            );
        }
        if name.chars().count() > MAX_GIVEN_CHARS || version.chars().count() > MAX_GIVEN_CHARS {
            return refuse(
                "De naam of versie van de criteriaset is langer dan 200 tekens. Kies een korte naam en versie.",
            );
        }
        Ok(CatalogIdentity {
            name: name.to_owned(),
            version: version.to_owned(),
        })
    }
}

/// A name or version found somewhere, with the Dutch phrase that says where ("uit …").
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    pub(crate) value: String,
    pub(crate) source: IdentitySource,
    pub(crate) from: String,
    /// The sheet and cell ("A1") of a title.
    cell: Option<(String, String)>,
}

impl Found {
    pub(crate) fn new(value: String, source: IdentitySource) -> Self {
        let from = match source {
            IdentitySource::OwnExport => "uit de gegevens van de export van AVG-borging",
            IdentitySource::Library => "uit de gegevens van de bibliotheek",
            IdentitySource::TitleBlock => "uit de titel van het werkblad",
            IdentitySource::DocumentProperties => "uit de documenteigenschappen",
            IdentitySource::FileName => "uit de bestandsnaam",
            IdentitySource::Today => "uit de datum van vandaag",
            IdentitySource::Given => "door u opgegeven",
        };
        Found {
            value,
            source,
            from: from.to_owned(),
            cell: None,
        }
    }

    fn in_cell(value: String, sheet: &str, row: u32, col: u32) -> Self {
        let cell = format!("{}{}", column_letter(col), row.saturating_add(1));
        Found {
            from: format!(
                "uit de titel van het werkblad (blad \u{201c}{sheet}\u{201d}, cel {cell})"
            ),
            cell: Some((sheet.to_owned(), cell)),
            ..Found::new(value, IdentitySource::TitleBlock)
        }
    }
}

/// The name and version a source states; either may be missing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Stated {
    pub(crate) name: Option<Found>,
    pub(crate) version: Option<Found>,
}

impl Stated {
    /// Fills what is still missing from `other`. A version is only taken from a source whose own
    /// name (if it states one) is the name already found: another set's version is no version.
    pub(crate) fn or(mut self, other: Stated) -> Stated {
        let same_set = match (&self.name, &other.name) {
            (Some(mine), Some(theirs)) => {
                normalise(&mine.value) == normalise(&theirs.value)
                    || theirs.source == IdentitySource::FileName
            }
            _ => true,
        };
        if self.version.is_none() && same_set {
            self.version = other.version;
        }
        if self.name.is_none() {
            self.name = other.name;
        }
        self
    }

    /// The name and version, the file name's stem and today's date for what is still missing,
    /// and the sentence that says where they came from.
    pub(crate) fn finish(self, file_name: &str, today: &str) -> (String, String, CatalogOrigin) {
        let name = self.name.unwrap_or_else(|| {
            let stem = std::path::Path::new(file_name)
                .file_stem()
                .map(|s| s.to_string_lossy().trim().to_owned())
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| "Ge\u{ef}mporteerde criteria".to_owned());
            Found::new(stem, IdentitySource::FileName)
        });
        let version = self
            .version
            .unwrap_or_else(|| Found::new(today.to_owned(), IdentitySource::Today));
        let origin = origin(&name, &version);
        (name.value, version.value, origin)
    }
}

/// The sentence of the dry run that says where the name and version came from.
pub(crate) fn origin(name: &Found, version: &Found) -> CatalogOrigin {
    use IdentitySource::{FileName, Given, Today};
    let text = match (name.source, version.source) {
        (Given, Given) => "Naam en versie zijn door u opgegeven.".to_owned(),
        (Given, Today) => {
            "De naam is door u opgegeven; de versie is de datum van vandaag.".to_owned()
        }
        (Given, _) => format!(
            "De naam is door u opgegeven; de versie komt {}.",
            version.from
        ),
        (_, Given) => format!(
            "De naam komt {}; de versie is door u opgegeven.",
            name.from
        ),
        (FileName, Today) => "Naam en versie komen uit de bestandsnaam en de datum van vandaag: het bestand noemt ze zelf niet.".to_owned(),
        _ if name.from == version.from => format!("Naam en versie komen {}.", name.from),
        _ if let (Some((sheet, a)), Some((other, b))) = (&name.cell, &version.cell)
            && sheet == other =>
        {
            format!(
                "Naam en versie komen uit de titel van het werkblad (blad \u{201c}{sheet}\u{201d}, cellen {a} en {b})."
            )
        }
        (_, Today) => format!(
            "De naam komt {}; het bestand noemt geen versie, dus de versie is de datum van vandaag.",
            name.from
        ),
        _ => format!("De naam komt {}, de versie {}.", name.from, version.from),
    };
    CatalogOrigin {
        name: name.source,
        version: version.source,
        text,
    }
}

// ---------------------------------------------------------------------------------------------
// Title blocks

/// A title is at most this long; a criterion or an instruction is longer.
const MAX_TITLE_CHARS: usize = 100;
/// …and has at most this many words.
const MAX_TITLE_WORDS: usize = 12;
/// A version is short ("2.1", "2024", "januari 2024").
const MAX_VERSION_CHARS: usize = 30;

/// Words that make a short text the title of a set of criteria (normalised).
const TITLE_WORDS: [&str; 9] = [
    "criteria",
    "borging",
    "avg",
    "gdpr",
    "normenkader",
    "toetsingskader",
    "beoordelingskader",
    "checklist",
    "privacy",
];

/// What a title block states: rows above the header of the criteria sheet, or the top rows of a
/// cover sheet.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct TitleBlock {
    /// The first short text with a title word, and the first version stated anywhere.
    pub(crate) titled: Stated,
    /// The first short text without such a word (and a version in it): a name only for the
    /// criteria sheet read alone; on several sheets it names one sheet, not the set.
    pub(crate) plain: Stated,
}

pub(crate) fn title_block(sheet: &str, rows: &[Row]) -> TitleBlock {
    let mut block = TitleBlock::default();
    for row in rows {
        for (i, cell) in row.cells.iter().enumerate() {
            let Value::Text(raw) = &cell.value else {
                continue;
            };
            let text = one_line(raw);
            if text.is_empty() {
                continue;
            }
            let at = |value: String| Found::in_cell(value, sheet, row.row, cell.col);
            let version = &mut block.titled.version;
            // "Versie" | "2.1" in two cells of a row.
            if is_version_label(&text) {
                if version.is_none()
                    && let Some(next) = row.cells.get(i + 1)
                    && let Some(value) = version_value(next)
                {
                    *version = Some(Found::in_cell(value, sheet, row.row, next.col));
                }
                continue;
            }
            if let Some(value) = version_only(&text) {
                version.get_or_insert_with(|| at(value));
                continue;
            }
            if !title_like(&text) {
                continue;
            }
            let (title, stated) = split_version(&text);
            if title.is_empty() {
                continue;
            }
            if block.titled.name.is_none() && has_title_word(&title) {
                if let Some(v) = stated {
                    version.get_or_insert_with(|| at(v));
                }
                block.titled.name = Some(at(title));
            } else if block.plain.name.is_none() && plain_title(&title) {
                block.plain = Stated {
                    name: Some(at(title)),
                    version: stated.map(at),
                };
            }
        }
    }
    block
}

/// Line breaks and runs of spaces as one space, trimmed: a title may be wrapped in its cell.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Short, no sentence, with a letter: could be a title.
fn title_like(text: &str) -> bool {
    text.chars().count() <= MAX_TITLE_CHARS
        && text.split(' ').count() <= MAX_TITLE_WORDS
        && !text.ends_with(['.', '?', '!', ':'])
        && text.chars().any(char::is_alphabetic)
}

fn has_title_word(text: &str) -> bool {
    normalise(text).split(' ').any(|w| TITLE_WORDS.contains(&w))
}

/// The first short text above the header as a name: not a label with a value ("Gemeente:
/// Voorbeeld") and not a date.
fn plain_title(text: &str) -> bool {
    !text.contains(':') && text.chars().filter(|c| c.is_alphabetic()).count() >= 3
}

fn is_version_label(text: &str) -> bool {
    let norm = normalise(text);
    matches!(
        norm.as_str(),
        "versie" | "version" | "versienummer" | "versie nr"
    )
}

/// The version in the cell right of a "Versie" label: text or a number, short, with a digit.
fn version_value(cell: &super::cells::Cell) -> Option<String> {
    let text = match &cell.value {
        Value::Text(s) => one_line(s),
        Value::Error(_) | Value::Bool(_) => return None,
        other => other.shown(),
    };
    plausible_version(&text)
}

fn plausible_version(text: &str) -> Option<String> {
    let text = text.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '.'));
    (!text.is_empty()
        && text.chars().count() <= MAX_VERSION_CHARS
        && text.chars().any(|c| c.is_ascii_digit()))
    .then(|| text.to_owned())
}

/// A cell that holds only a version: "versie 2.1", "Versie: 2.1", "(versie 2024)", "v2.1".
fn version_only(text: &str) -> Option<String> {
    let inner = text
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'))
        .unwrap_or(text)
        .trim();
    let (title, version) = split_version(inner);
    if title.is_empty() { version } else { None }
}

/// Splits a stated version off a title: "Criteria borging AVG versie 2.1" → ("Criteria borging
/// AVG", "2.1"); also "(versie 2024)", "Versie: 2.1" and "v2.1". A title without a version
/// marker followed by something version-like is returned whole.
fn split_version(text: &str) -> (String, Option<String>) {
    // ASCII lowercase keeps byte offsets, so positions found in it hold in `text`.
    let lower = text.to_ascii_lowercase();
    let boundary_before = |at: usize| {
        lower[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    };
    // The first "versie" or "version" as a word, else "v2.1": a v at a word start directly
    // followed by a digit.
    let word_marker = ["versie", "version"]
        .iter()
        .filter_map(|word| {
            lower.match_indices(word).find_map(|(at, _)| {
                let after = at + word.len();
                let next = lower[after..].chars().next();
                (boundary_before(at) && next.is_none_or(|c| !c.is_alphabetic()))
                    .then_some((at, after))
            })
        })
        .min();
    let marker = word_marker.or_else(|| {
        lower.match_indices('v').find_map(|(at, _)| {
            let next = lower[at + 1..].chars().next();
            (boundary_before(at) && next.is_some_and(|c| c.is_ascii_digit()))
                .then_some((at, at + 1))
        })
    });
    let Some((start, after)) = marker else {
        return (text.to_owned(), None);
    };
    let rest = text[after..].trim_start_matches(|c: char| c.is_whitespace() || c == ':');
    let end = rest.find([')', ',', ';', '|']).unwrap_or(rest.len());
    let Some(version) = plausible_version(&rest[..end]) else {
        return (text.to_owned(), None);
    };
    let title = text[..start]
        .trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, '-' | '\u{2013}' | '\u{2014}' | ',' | ':' | '(')
        })
        .to_owned();
    (title, Some(version))
}

// ---------------------------------------------------------------------------------------------
// Document properties

/// The largest properties part read; real ones are a few hundred bytes.
const MAX_PROPERTIES_BYTES: u64 = 64 * 1024;

/// The title (and version, when stated) in the document properties of an xlsx or ods file. The
/// zip was checked by `container::inspect` (sizes, ratios, CRCs) before; anything odd here simply
/// means no properties.
pub(crate) fn document_properties(kind: Kind, bytes: &[u8]) -> Stated {
    let part = match kind {
        Kind::Xlsx => "docProps/core.xml",
        Kind::Ods => "meta.xml",
        // calamine does not expose the summary information of an .xls; not worth a parser.
        Kind::Xls => return Stated::default(),
    };
    let Some(xml) = read_part(bytes, part) else {
        return Stated::default();
    };
    let (title, version) = properties(&xml);
    let found = |value: String| Found::new(value, IdentitySource::DocumentProperties);
    let mut stated = Stated::default();
    // Our export's title names the round ("AVG-borging: Gemeente – beoordeling 2026"), not the
    // set; it is found only when the metadata sheet was lost.
    if let Some(title) = title.filter(|t| !t.trim_start().starts_with(EXPORT_TITLE_PREFIX.trim())) {
        let title = one_line(&title);
        let (name, in_title) = split_version(&title);
        if title_like(&name) && name.chars().filter(|c| c.is_alphabetic()).count() >= 3 {
            stated.name = Some(found(name));
        }
        stated.version = in_title.map(found);
    }
    if stated.version.is_none() {
        stated.version = version
            .and_then(|v| plausible_version(&one_line(&v)))
            .map(found);
    }
    stated
}

fn read_part(bytes: &[u8], name: &str) -> Option<String> {
    let mut zip = ZipArchive::new(Cursor::new(bytes)).ok()?;
    let part = zip.by_name(name).ok()?;
    if part.size() > MAX_PROPERTIES_BYTES {
        return None;
    }
    let mut out = Vec::new();
    part.take(MAX_PROPERTIES_BYTES).read_to_end(&mut out).ok()?;
    String::from_utf8(out).ok()
}

/// The text of the first `title` and `version` elements (any prefix: `dc:title`, `cp:version`).
fn properties(xml: &str) -> (Option<String>, Option<String>) {
    let mut reader = Reader::from_str(xml);
    let mut title = None;
    let mut version = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                let slot = match e.local_name().as_ref() {
                    "title" if title.is_none() => &mut title,
                    "version" if version.is_none() => &mut version,
                    _ => continue,
                };
                let Ok(text) = reader.read_text(e.name()) else {
                    break;
                };
                let raw: &str = text.as_ref();
                *slot = Some(
                    quick_xml::escape::unescape(raw)
                        .unwrap_or(Cow::Borrowed(raw))
                        .into_owned(),
                );
            }
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
    (title, version)
}

#[cfg(test)]
mod tests {
    use rust_xlsxwriter::{DocProperties, Workbook, Worksheet};
    use time::macros::date;

    use super::super::{ImportOptions, ImportPlan, analyse_bytes};
    use super::*;

    const HEADER: [&str; 3] = ["Nr.", "Criterium", "Status"];
    const ROW: [&str; 3] = ["1.1", "Er is een functionaris gegevensbescherming.", "Ja"];

    fn write_rows(ws: &mut Worksheet, first_row: u32, rows: &[&[&str]]) {
        for (r, row) in rows.iter().enumerate() {
            for (c, text) in row.iter().enumerate() {
                if !text.is_empty() {
                    ws.write_string(first_row + r as u32, c as u16, *text)
                        .unwrap();
                }
            }
        }
    }

    /// A sheet "Criteria" with `title` rows, then the header and one criterion.
    fn titled(title: &[&[&str]], build: impl FnOnce(&mut Workbook)) -> Vec<u8> {
        let mut wb = Workbook::new();
        build(&mut wb);
        let ws = wb.add_worksheet();
        ws.set_name("Criteria").unwrap();
        write_rows(ws, 0, title);
        let at = title.len() as u32;
        write_rows(ws, at, &[&HEADER, &ROW]);
        wb.save_to_buffer().unwrap()
    }

    fn read(bytes: &[u8]) -> ImportPlan {
        analyse_bytes(
            "vng-stijl.xlsx",
            bytes,
            &ImportOptions::new(date!(2026 - 11 - 30)),
        )
        .expect("the file is analysed")
    }

    fn identity(plan: &ImportPlan) -> (&str, &str) {
        (&plan.catalog.name, &plan.catalog.version)
    }

    #[test]
    fn a_title_and_a_version_in_two_cells_above_the_header_name_the_catalog() {
        let plan = read(&titled(
            &[&["Criteria borging AVG"], &["Versie: 2.1"], &[]],
            |_| {},
        ));
        assert_eq!(identity(&plan), ("Criteria borging AVG", "2.1"));
        assert_eq!(plan.catalog_origin.name, IdentitySource::TitleBlock);
        assert_eq!(plan.catalog_origin.version, IdentitySource::TitleBlock);
        let text = &plan.catalog_origin.text;
        assert!(text.contains("uit de titel van het werkblad"), "{text}");
        assert_eq!(
            text,
            "Naam en versie komen uit de titel van het werkblad (blad \u{201c}Criteria\u{201d}, cellen A1 en A2)."
        );
        assert_eq!(plan.header_row, 4, "the title is no header");

        // A "Versie" label with the number in the next cell.
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        ws.set_name("Criteria").unwrap();
        write_rows(ws, 0, &[&["Normenkader AVG"], &["Versie"]]);
        ws.write_number(1, 1, 2024).unwrap();
        write_rows(ws, 3, &[&HEADER, &ROW]);
        let plan = read(&wb.save_to_buffer().unwrap());
        assert_eq!(identity(&plan), ("Normenkader AVG", "2024"));
        assert!(plan.catalog_origin.text.contains("cellen A1 en B2"));
    }

    #[test]
    fn a_title_with_its_version_in_one_cell_is_split() {
        for (title, name, version) in [
            (
                "Criteria borging AVG versie 2.1",
                "Criteria borging AVG",
                "2.1",
            ),
            (
                "Criteria borging AVG (versie 2024)",
                "Criteria borging AVG",
                "2024",
            ),
            ("Criteria borging AVG v2.1", "Criteria borging AVG", "2.1"),
            (
                "Criteria borging AVG \u{2013} Versie: 3.0",
                "Criteria borging AVG",
                "3.0",
            ),
        ] {
            let plan = read(&titled(&[&[title]], |_| {}));
            assert_eq!(identity(&plan), (name, version), "{title}");
            assert_eq!(
                plan.catalog_origin.text,
                "Naam en versie komen uit de titel van het werkblad (blad \u{201c}Criteria\u{201d}, cel A1).",
            );
        }
        // A title wrapped over two lines in its cell.
        let plan = read(&titled(&[&["Criteria borging AVG\nversie 2.1"]], |_| {}));
        assert_eq!(identity(&plan), ("Criteria borging AVG", "2.1"));
    }

    #[test]
    fn a_cover_sheet_passed_over_names_the_catalog() {
        let plan = read(&titled(&[], |wb| {
            let cover = wb.add_worksheet();
            cover.set_name("Voorblad").unwrap();
            write_rows(
                cover,
                0,
                &[
                    &["Vereniging van Nederlandse Gemeenten"],
                    &["Criteria borging AVG"],
                    &["(versie 2024)"],
                ],
            );
        }));
        assert_eq!(plan.sheet, "Criteria");
        assert_eq!(identity(&plan), ("Criteria borging AVG", "2024"));
        assert!(plan.catalog_origin.text.contains("Voorblad"));
    }

    #[test]
    fn the_document_properties_name_the_catalog_when_the_sheets_do_not() {
        let bytes = titled(&[], |wb| {
            wb.set_properties(
                &DocProperties::new().set_title("Toetsingskader AVG &amp; co versie 2025"),
            );
        });
        let plan = read(&bytes);
        assert_eq!(identity(&plan), ("Toetsingskader AVG &amp; co", "2025"));
        assert_eq!(plan.catalog_origin.name, IdentitySource::DocumentProperties);
        assert_eq!(
            plan.catalog_origin.text,
            "Naam en versie komen uit de documenteigenschappen."
        );

        // A title without a version: the version is today's date.
        let bytes = titled(&[], |wb| {
            wb.set_properties(&DocProperties::new().set_title("Criteria borging AVG"));
        });
        let plan = read(&bytes);
        assert_eq!(identity(&plan), ("Criteria borging AVG", "2026-11-30"));
        assert_eq!(plan.catalog_origin.version, IdentitySource::Today);

        // The title of our own export names a round, not a set.
        let bytes = titled(&[], |wb| {
            wb.set_properties(
                &DocProperties::new()
                    .set_title("AVG-borging: Gemeente Oost \u{2013} beoordeling 2026"),
            );
        });
        assert_eq!(plan_name(&bytes), "vng-stijl");
    }

    fn plan_name(bytes: &[u8]) -> String {
        read(bytes).catalog.name
    }

    #[test]
    fn the_properties_of_an_opendocument_file_are_read_with_their_entities() {
        let meta = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
<office:meta><meta:generator>LibreOffice</meta:generator><dc:title>Criteria borging AVG &amp; BIO</dc:title></office:meta>
</office:document-meta>"#;
        assert_eq!(
            properties(meta),
            (Some("Criteria borging AVG & BIO".to_owned()), None)
        );
        let core = r#"<cp:coreProperties xmlns:cp="x" xmlns:dc="y"><dc:title>Normenkader</dc:title><cp:version>1.4</cp:version></cp:coreProperties>"#;
        assert_eq!(
            properties(core),
            (Some("Normenkader".to_owned()), Some("1.4".to_owned()))
        );
    }

    #[test]
    fn without_a_title_the_file_name_and_today_name_the_catalog() {
        let plan = read(&titled(&[], |_| {}));
        assert_eq!(identity(&plan), ("vng-stijl", "2026-11-30"));
        assert_eq!(plan.catalog_origin.name, IdentitySource::FileName);
        assert_eq!(plan.catalog_origin.version, IdentitySource::Today);
        assert!(
            plan.catalog_origin
                .text
                .contains("uit de bestandsnaam en de datum van vandaag"),
            "{}",
            plan.catalog_origin.text
        );
    }

    #[test]
    fn a_long_criterion_text_above_the_header_is_no_title() {
        let long = "De organisatie heeft een register van verwerkingsactiviteiten zoals bedoeld in artikel 30 AVG en houdt dit actueel";
        let sentence = "Criteria borging AVG worden jaarlijks bijgewerkt.";
        let label = "Gemeente: Voorbeeld";
        let plan = read(&titled(&[&[long], &[sentence], &[label]], |_| {}));
        assert_eq!(identity(&plan), ("vng-stijl", "2026-11-30"));

        // Without a title word the first short text above the header is the name.
        let plan = read(&titled(&[&[long], &["Zelfevaluatie privacy 2026"]], |_| {}));
        assert_eq!(plan.catalog.name, "Zelfevaluatie privacy 2026");
        let plan = read(&titled(
            &[&[long], &["Zelfevaluatie gemeente Oost"]],
            |_| {},
        ));
        assert_eq!(plan.catalog.name, "Zelfevaluatie gemeente Oost");
    }

    #[test]
    fn a_correction_is_checked_and_marked_as_given() {
        let mut plan = read(&titled(&[&["Criteria borging AVG versie 2.1"]], |_| {}));
        let given = |name: &str, version: &str| CatalogIdentity {
            name: name.into(),
            version: version.into(),
        };
        for (name, version, says) in [
            ("  ", "2.1", "naam van de criteriaset is leeg"),
            (
                "Criteria borging AVG",
                "",
                "versie van de criteriaset is leeg",
            ),
        ] {
            let err = plan
                .set_catalog_identity(&given(name, version))
                .unwrap_err();
            assert_eq!(err.code(), "invalid_input");
            assert!(err.to_string().contains(says), "{err}");
        }
        assert_eq!(
            identity(&plan),
            ("Criteria borging AVG", "2.1"),
            "unchanged"
        );

        // The same name and version: nothing given.
        plan.set_catalog_identity(&given("Criteria borging AVG", " 2.1 "))
            .unwrap();
        assert_eq!(plan.catalog_origin.name, IdentitySource::TitleBlock);

        plan.set_catalog_identity(&given("Criteria borging AVG", "2.2"))
            .unwrap();
        assert_eq!(identity(&plan), ("Criteria borging AVG", "2.2"));
        assert_eq!(plan.catalog_origin.name, IdentitySource::TitleBlock);
        assert_eq!(plan.catalog_origin.version, IdentitySource::Given);
        assert!(
            plan.catalog_origin
                .text
                .ends_with("de versie is door u opgegeven."),
            "{}",
            plan.catalog_origin.text
        );
    }

    #[test]
    fn our_own_export_keeps_its_name_and_version() {
        let mut plan = read(&titled(&[], |_| {}));
        plan.own_export = true;
        let err = plan
            .set_catalog_identity(&CatalogIdentity {
                name: "Iets anders".into(),
                version: "1".into(),
            })
            .unwrap_err();
        assert!(err.to_string().contains("export van AVG-borging"), "{err}");
    }

    #[test]
    fn version_markers_are_found_only_as_words() {
        assert_eq!(
            split_version("Criteria borging AVG"),
            ("Criteria borging AVG".to_owned(), None)
        );
        // "versies" and "AVG2" are no version markers; a marker without a number is none.
        assert_eq!(split_version("Alle versies").1, None);
        assert_eq!(split_version("Criteria AVG2 overzicht").1, None);
        assert_eq!(split_version("Criteria versie onbekend").1, None);
        assert_eq!(version_only("versie 2.1"), Some("2.1".to_owned()));
        assert_eq!(version_only("(versie 2024)"), Some("2024".to_owned()));
        assert_eq!(version_only("V2.1"), Some("2.1".to_owned()));
        assert_eq!(
            version_only("Versie: januari 2024"),
            Some("januari 2024".to_owned())
        );
        assert_eq!(version_only("Criteria versie 2"), None);
    }
}
