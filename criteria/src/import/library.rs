//! The Excel library format of CISO Assistant (the open-source GRC tool that publishes hundreds
//! of frameworks, among them the BIO2 and GDPR checklists), read as what it is.
//!
//! Such a workbook has a `library_meta` sheet (key/value rows: `type` = library, `name`,
//! `version`, `locale`, translations as `name[nl]`, …) and blocks of two sheets, `<x>_meta`
//! (key/value, `type` = framework, implementation_groups, risk_matrix, …) and `<x>_content` (a
//! header row, then one row per item). Only a `framework` block holds criteria. Its content
//! sheet is read as CISO Assistant reads it:
//! - a row with a non-empty `assessable` cell is a requirement, i.e. a criterion; other rows are
//!   headings, and a criterion's theme is the nearest heading above it at a lower `depth` (the
//!   framework's name when there is none, as in the flat BIO2);
//! - `ref_id` is the code. A criterion without one (a second paragraph of an article) gets the
//!   code above it with a sequence number ("8.1-1"): a per-theme number ("6.1") would clash
//!   with the file's own codes. In a framework without any `ref_id` the criteria are numbered
//!   per theme (1.1, 1.2, …);
//! - the text is `name` when the row has one, else `description`; with both, `description` is
//!   the explanation, followed by `annotation` and `typical_evidence` when present. A short name
//!   with a long description is how checklists write a requirement and its elaboration;
//! - a Dutch column (`name[nl]`) is preferred cell by cell, the file's own language otherwise;
//! - the catalog's name is the framework's (Dutch when present), its version the library's.
//!
//! Every other block (implementation groups, scores, risk matrices, …) is named in an info
//! finding. A library without a framework is refused, saying what it holds instead. A workbook
//! that merely has a sheet called `library_meta` but no blocks is left to the ordinary import.

use std::collections::{BTreeMap, HashMap};

use super::cells::{Book, Grid, Row, SheetInfo, Value, column_letter};
use super::limits::{Budget, refused};
use super::plan::{PREVIEW_ROWS, grid_limit_findings, preview_row};
use super::{
    ColumnMapping, Finding, IdentitySource, ImportOptions, ImportPlan, METADATA_ROWS,
    MappingSource, Severity, detect, identity, status_text,
};
use crate::{CatalogDraft, CriterionDraft, Result, ThemeDraft};

/// The sheet that makes a workbook a CISO Assistant library.
const LIBRARY_META: &str = "library_meta";
const META_SUFFIX: &str = "_meta";
const CONTENT_SUFFIX: &str = "_content";
/// The block type that holds requirements.
const FRAMEWORK: &str = "framework";

/// Key/value rows of a `_meta` sheet: keys in lower case (as CISO Assistant reads them),
/// values trimmed, empty values left out.
type Meta = BTreeMap<String, String>;

/// One `<x>_meta` + `<x>_content` pair.
struct Block {
    meta: Meta,
    content: String,
}

impl Block {
    fn kind(&self) -> &str {
        self.meta.get("type").map_or("", String::as_str)
    }
}

/// The value of `key` in Dutch (`key[nl]`) when present, else as written.
fn dutch_or_own<'m>(meta: &'m Meta, key: &str) -> Option<&'m str> {
    meta.get(&format!("{key}[nl]"))
        .or_else(|| meta.get(key))
        .map(String::as_str)
}

/// Reads the workbook as a CISO Assistant library. `Ok(None)` when it is not one, or when the
/// user corrected the sheet, header row or mapping in the wizard: then they read it their way.
///
/// # Errors
/// A refusal when the library holds no framework, and the refusals of reading cells.
pub(crate) fn read(
    book: &mut Book<'_>,
    sheets: &[SheetInfo],
    file_name: &str,
    options: &ImportOptions,
    budget: &mut Budget,
) -> Result<Option<ImportPlan>> {
    if options.sheet.is_some() || options.header_row.is_some() || options.mapping.is_some() {
        return Ok(None);
    }
    let worksheet = |name: &str| sheets.iter().any(|s| s.worksheet && s.name == name);
    if !worksheet(LIBRARY_META) {
        return Ok(None);
    }
    let prefixes: Vec<&str> = sheets
        .iter()
        .filter(|s| s.worksheet && s.name != LIBRARY_META)
        .filter_map(|s| s.name.strip_suffix(META_SUFFIX))
        .filter(|prefix| worksheet(&format!("{prefix}{CONTENT_SUFFIX}")))
        .collect();
    if prefixes.is_empty() {
        return Ok(None);
    }
    let limits = &options.limits;
    let library = read_meta(book, LIBRARY_META, limits, budget)?;
    if !library
        .get("type")
        .is_some_and(|t| t.eq_ignore_ascii_case("library"))
    {
        return Ok(None);
    }
    let mut blocks = Vec::with_capacity(prefixes.len());
    for prefix in prefixes {
        blocks.push(Block {
            meta: read_meta(book, &format!("{prefix}{META_SUFFIX}"), limits, budget)?,
            content: format!("{prefix}{CONTENT_SUFFIX}"),
        });
    }
    let Some(framework) = blocks
        .iter()
        .position(|b| b.kind().eq_ignore_ascii_case(FRAMEWORK))
    else {
        return Err(refused(not_a_framework(&library, &blocks, file_name)));
    };
    let framework = blocks.swap_remove(framework);
    let grid = book.read(&framework.content, limits.max_rows, limits, budget)?;

    let from_library = |value: Option<&String>| {
        value.map(|v| identity::Found::new(v.clone(), IdentitySource::Library))
    };
    let stated = identity::Stated {
        name: from_library(
            [
                framework.meta.get("name[nl]"),
                library.get("name[nl]"),
                framework.meta.get("name"),
                library.get("name"),
                framework.meta.get("ref_id"),
                library.get("ref_id"),
            ]
            .into_iter()
            .flatten()
            .next(),
        ),
        version: from_library(
            library
                .get("version")
                .or_else(|| framework.meta.get("version")),
        ),
    };
    let (name, version, catalog_origin) =
        stated.finish(file_name, &status_text::iso(options.today));

    let mut reader = Reader {
        sheet: &framework.content,
        findings: Vec::new(),
        fallbacks: 0,
    };
    reader.add(
        Severity::Info,
        None,
        None,
        format!(
            "Dit bestand is een bibliotheek van CISO Assistant. Het normenkader \u{201c}{name}\u{201d} is gelezen: rijen met een markering in de kolom assessable zijn criteria, de andere rijen kopjes die een thema vormen."
        ),
    );
    reader
        .findings
        .extend(grid_limit_findings(&framework.content, &grid, limits));
    let read = read_content(&mut reader, &grid, &name, limits.max_columns);
    let header = grid.rows.first();
    let headers = detect::header_texts(header);

    reader.language(&read.columns, library.get("locale"));
    for block in &blocks {
        let (severity, message) = if block.kind().eq_ignore_ascii_case(FRAMEWORK) {
            (
                Severity::Warning,
                format!(
                    "Dit bestand bevat nog een normenkader (\u{201c}{}\u{201d}); alleen \u{201c}{name}\u{201d} is ingelezen. Importeer het andere normenkader uit een eigen bestand.",
                    dutch_or_own(&block.meta, "name").unwrap_or(&block.content)
                ),
            )
        } else {
            (
                Severity::Info,
                format!(
                    "Dit blad bevat {} uit de bibliotheek, geen criteria; het is niet ingelezen.",
                    what(block.kind())
                ),
            )
        };
        reader.findings.push(Finding {
            sheet: block.content.clone(),
            row: None,
            column: None,
            criterion: None,
            column_title: None,
            severity,
            message,
        });
    }
    if read.themes.iter().all(|t| t.criteria.is_empty())
        && !reader
            .findings
            .iter()
            .any(|f| f.severity == Severity::Blocking)
    {
        reader.add(
            Severity::Blocking,
            None,
            read.columns.assessable,
            format!(
                "In het normenkader \u{201c}{name}\u{201d} is geen enkele rij met tekst als eis gemarkeerd (kolom assessable), dus er zijn geen criteria. Controleer of u het juiste bestand koos."
            ),
        );
    }

    Ok(Some(ImportPlan {
        file_name: file_name.to_owned(),
        sheet: framework.content.clone(),
        sheets: sheets.iter().map(|s| s.name.clone()).collect(),
        header_row: header.map_or(1, |r| r.row.saturating_add(1)),
        header_signature: detect::header_signature(&headers),
        headers,
        mapping: read.mapping,
        mapping_source: MappingSource::Detected,
        mapping_certain: true,
        preview: read.preview,
        catalog: CatalogDraft {
            name,
            version,
            themes: read.themes,
        },
        catalog_origin,
        findings: reader.findings,
        own_export: false,
        rows_read: read.rows_read,
    }))
}

/// The key/value rows of a `_meta` sheet.
fn read_meta(
    book: &mut Book<'_>,
    sheet: &str,
    limits: &super::Limits,
    budget: &mut Budget,
) -> Result<Meta> {
    let grid = book.read(sheet, METADATA_ROWS, limits, budget)?;
    let mut out = Meta::new();
    for row in &grid.rows {
        let key = row.get(0).map(|c| c.value.shown().trim().to_lowercase());
        let value = row.get(1).map(|c| c.value.shown().trim().to_owned());
        if let (Some(key), Some(value)) = (key, value)
            && !key.is_empty()
            && !value.is_empty()
        {
            out.entry(key).or_insert(value);
        }
    }
    Ok(out)
}

/// The refusal for a library without a framework: what it holds instead.
fn not_a_framework(library: &Meta, blocks: &[Block], file_name: &str) -> String {
    let mut kinds: Vec<String> = Vec::new();
    for block in blocks {
        let kind = what(block.kind());
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    let holds = match kinds.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [first @ .., last] => format!("{} en {last}", first.join(", ")),
    };
    let name = dutch_or_own(library, "name")
        .or_else(|| library.get("ref_id").map(String::as_str))
        .unwrap_or(file_name);
    format!(
        "Dit bestand is een bibliotheek van CISO Assistant (\u{201c}{name}\u{201d}) met {holds}, maar zonder normenkader. AVG-borging leest uit zo\u{2019}n bibliotheek alleen een normenkader met eisen. Kies het bestand van een normenkader, zoals de BIO2 of een AVG-checklist."
    )
}

/// A block type as a Dutch reader knows it.
fn what(kind: &str) -> String {
    match kind.to_ascii_lowercase().as_str() {
        "framework" => "een normenkader".to_owned(),
        "risk_matrix" => "een risicomatrix".to_owned(),
        "threats" => "een lijst met dreigingen".to_owned(),
        "reference_controls" => "een lijst met maatregelen".to_owned(),
        "requirement_mapping_set" => "een koppeling tussen twee normenkaders".to_owned(),
        "implementation_groups" => "implementatiegroepen".to_owned(),
        "scores" => "een scoreschaal".to_owned(),
        "answers" => "antwoordmogelijkheden voor vragen".to_owned(),
        "metric_definitions" => "definities van meetwaarden".to_owned(),
        "ttp_catalog" | "tactics" | "techniques" => "aanvalstechnieken".to_owned(),
        "urn_prefix" => "technische verwijzingen (URN-voorvoegsels)".to_owned(),
        "" => "onderdelen zonder soort".to_owned(),
        other => format!("onderdelen van het soort \u{201c}{other}\u{201d}"),
    }
}

/// A field that can be translated: the column as written and the Dutch one.
#[derive(Debug, Default, Clone, Copy)]
struct Translated {
    own: Option<u32>,
    dutch: Option<u32>,
}

/// The columns of a framework's content sheet that are used.
#[derive(Debug, Default)]
struct Columns {
    assessable: Option<u32>,
    depth: Option<u32>,
    ref_id: Option<u32>,
    name: Translated,
    description: Translated,
    annotation: Translated,
    typical_evidence: Translated,
}

impl Columns {
    /// From the header row. Headers are compared in lower case, as CISO Assistant does;
    /// translations are `key[lang]`, of which only Dutch is used. The first column wins.
    fn of(header: &Row) -> Self {
        let mut out = Columns::default();
        for cell in &header.cells {
            let Value::Text(text) = &cell.value else {
                continue;
            };
            let key = text.trim().to_lowercase();
            let (base, lang) = match key.strip_suffix(']').and_then(|k| k.split_once('[')) {
                Some((base, lang)) => (base.trim(), Some(lang.trim())),
                None => (key.as_str(), None),
            };
            let dutch = match lang {
                None => false,
                Some(lang)
                    if lang == "nl" || lang.starts_with("nl-") || lang.starts_with("nl_") =>
                {
                    true
                }
                Some(_) => continue,
            };
            let translated = |t: &mut Translated| {
                let slot = if dutch { &mut t.dutch } else { &mut t.own };
                slot.get_or_insert(cell.col);
            };
            match base {
                "assessable" if !dutch => {
                    out.assessable.get_or_insert(cell.col);
                }
                "depth" if !dutch => {
                    out.depth.get_or_insert(cell.col);
                }
                "ref_id" if !dutch => {
                    out.ref_id.get_or_insert(cell.col);
                }
                "name" => translated(&mut out.name),
                "description" => translated(&mut out.description),
                "annotation" => translated(&mut out.annotation),
                "typical_evidence" => translated(&mut out.typical_evidence),
                _ => {}
            }
        }
        out
    }

    fn any_dutch(&self) -> bool {
        [
            self.name,
            self.description,
            self.annotation,
            self.typical_evidence,
        ]
        .iter()
        .any(|t| t.dutch.is_some())
    }
}

/// Collects findings on the framework's content sheet.
struct Reader<'a> {
    sheet: &'a str,
    findings: Vec<Finding>,
    /// Cells where a Dutch column was empty and the text as written was taken.
    fallbacks: u32,
}

impl Reader<'_> {
    /// `row` and `col` 0-based.
    fn add(&mut self, severity: Severity, row: Option<u32>, col: Option<u32>, message: String) {
        self.findings.push(Finding {
            sheet: self.sheet.to_owned(),
            row: row.map(|r| r.saturating_add(1)),
            column: col.map(column_letter),
            criterion: None,
            column_title: None,
            severity,
            message,
        });
    }

    /// The trimmed text of a cell, with its column; `None` when empty. An error value is
    /// reported and not used.
    fn text(&mut self, row: &Row, col: Option<u32>) -> Option<(String, u32)> {
        let cell = row.get(col?)?;
        if let Value::Error(e) = &cell.value {
            let message = format!(
                "De cel bevat de foutwaarde {e} (een formule die niet kon worden berekend) en is niet gebruikt."
            );
            self.add(Severity::Warning, Some(row.row), Some(cell.col), message);
            return None;
        }
        let text = cell.value.shown().trim().to_owned();
        (!text.is_empty()).then_some((text, cell.col))
    }

    /// The Dutch text when there is one, else the text as written.
    fn pick(&mut self, row: &Row, field: Translated) -> Option<(String, u32)> {
        if let Some(dutch) = self.text(row, field.dutch) {
            return Some(dutch);
        }
        let own = self.text(row, field.own);
        if own.is_some() && field.dutch.is_some() {
            self.fallbacks = self.fallbacks.saturating_add(1);
        }
        own
    }

    /// The row's depth; 1 without a depth column. A missing or odd value is reported.
    fn depth(&mut self, row: &Row, col: Option<u32>) -> u32 {
        let Some(col) = col else {
            return 1;
        };
        let parsed = match row.get(col).map(|c| &c.value) {
            Some(Value::Int(i)) => u32::try_from(*i).ok(),
            Some(Value::Number(f)) if f.fract() == 0.0 && (1.0..1e6).contains(f) => Some(*f as u32),
            Some(Value::Text(s)) => s.trim().parse().ok(),
            _ => None,
        };
        match parsed {
            Some(depth) if depth >= 1 => depth,
            _ => {
                self.add(
                    Severity::Warning,
                    Some(row.row),
                    Some(col),
                    "De diepte (kolom depth) ontbreekt of is geen geheel getal vanaf 1; de rij is gelezen als diepte 1.".to_owned(),
                );
                1
            }
        }
    }

    /// Which language the texts were taken in.
    fn language(&mut self, columns: &Columns, locale: Option<&String>) {
        let message = if columns.any_dutch() {
            let mut message =
                "De Nederlandse teksten uit het bestand (kolommen met [nl]) zijn gebruikt."
                    .to_owned();
            match self.fallbacks {
                0 => {}
                1 => message.push_str(
                    " In 1 cel ontbrak de Nederlandse tekst; daar is de oorspronkelijke tekst genomen.",
                ),
                n => message.push_str(&format!(
                    " In {n} cellen ontbrak de Nederlandse tekst; daar is de oorspronkelijke tekst genomen."
                )),
            }
            message
        } else {
            match locale.map(|l| l.to_ascii_lowercase()) {
                Some(l) if l == "nl" || l.starts_with("nl-") || l.starts_with("nl_") => return,
                Some(l) => format!(
                    "Dit normenkader heeft geen Nederlandse vertaling; de teksten zijn overgenomen in de taal van het bestand ({l})."
                ),
                None => "Dit normenkader heeft geen Nederlandse vertaling; de teksten zijn overgenomen zoals ze in het bestand staan.".to_owned(),
            }
        };
        self.add(Severity::Info, None, None, message);
    }
}

/// "1 eis heeft", "3 eisen hebben": a count with the words that agree with it.
fn count_of(n: u32, one: &str, more: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {more}")
    }
}

/// A requirement row has a non-empty `assessable` cell; "0", "false" and "nee" (and their
/// kin) are read as not assessable, since a spreadsheet user may type them to mean "no".
fn assessable(row: &Row, col: Option<u32>) -> bool {
    let Some(cell) = col.and_then(|c| row.get(c)) else {
        return false;
    };
    match &cell.value {
        Value::Bool(b) => *b,
        Value::Int(i) => *i != 0,
        Value::Number(f) => *f != 0.0,
        Value::Text(s) => !matches!(
            s.trim().to_lowercase().as_str(),
            "" | "0" | "false" | "onwaar" | "no" | "nee"
        ),
        Value::DateTime(_) => true,
        Value::Error(_) => false,
    }
}

/// A heading's theme name: its code and title ("5.1 Beleid"), spaces and line breaks
/// collapsed since a theme is shown on one line.
fn heading_title(code: &str, title: Option<String>) -> Option<String> {
    let title = match title {
        Some(t) if !code.is_empty() && !t.starts_with(code) => format!("{code} {t}"),
        Some(t) => t,
        None if !code.is_empty() => code.to_owned(),
        None => return None,
    };
    Some(title.split_whitespace().collect::<Vec<_>>().join(" "))
}

/// What the content sheet gave.
struct Content {
    columns: Columns,
    themes: Vec<ThemeDraft>,
    mapping: ColumnMapping,
    preview: Vec<Vec<String>>,
    rows_read: u32,
}

/// One criterion on its way into the draft.
struct Pending {
    theme: String,
    criterion: CriterionDraft,
    /// The file gave no code; it was made from the code above.
    generated: bool,
}

/// Reads the framework's content sheet: the first row is the header.
fn read_content(
    reader: &mut Reader<'_>,
    grid: &Grid,
    framework: &str,
    max_columns: u32,
) -> Content {
    let Some(header) = grid.rows.first() else {
        return Content {
            columns: Columns::default(),
            themes: Vec::new(),
            mapping: ColumnMapping::default(),
            preview: Vec::new(),
            rows_read: 0,
        };
    };
    let columns = Columns::of(header);
    let width = header
        .cells
        .last()
        .map_or(0, |c| c.col as usize + 1)
        .min(max_columns as usize);
    let mut preview = Vec::new();
    let mut rows_read: u32 = 0;
    // Open headings, depth strictly increasing: the nearest heading above a row at a lower depth
    // is the last one here with a lower depth.
    let mut headings: Vec<(u32, String)> = Vec::new();
    let mut pending: Vec<Pending> = Vec::new();
    // Column → criteria whose text (or explanation) came from it, for the mapping shown.
    let mut text_from: BTreeMap<u32, u32> = BTreeMap::new();
    let mut explanation_from: BTreeMap<u32, u32> = BTreeMap::new();
    let mut formulas: (u32, Option<(u32, u32)>) = (0, None);
    // The last code in the file and the criteria without a code since.
    let mut code_above: Option<(String, u32)> = None;
    let mut without_heading: u32 = 0;

    for row in grid.rows.iter().skip(1) {
        if row.cells.iter().all(|c| c.value.is_blank()) {
            continue;
        }
        rows_read = rows_read.saturating_add(1);
        if preview.len() < PREVIEW_ROWS {
            preview.push(preview_row(row, width));
        }
        for cell in row.cells.iter().filter(|c| c.formula) {
            formulas.0 = formulas.0.saturating_add(1);
            formulas.1.get_or_insert((row.row, cell.col));
        }
        let depth = reader.depth(row, columns.depth);
        let mut code = reader
            .text(row, columns.ref_id)
            .map(|(t, _)| t)
            .unwrap_or_default();
        if !code.is_empty() {
            code_above = Some((code.clone(), 0));
        }
        let name = reader.pick(row, columns.name);
        let description = reader.pick(row, columns.description);

        if !assessable(row, columns.assessable) {
            let title = name.or(description).map(|(t, _)| t);
            if let Some(title) = heading_title(&code, title) {
                while headings.last().is_some_and(|(d, _)| *d >= depth) {
                    headings.pop();
                }
                headings.push((depth, title));
            }
            continue;
        }

        let (text, main, text_col) = match (name, description) {
            (Some((name, col)), Some(description)) => (name, Some(description), col),
            (Some((text, col)), None) | (None, Some((text, col))) => (text, None, col),
            (None, None) => {
                let label = if code.is_empty() {
                    String::new()
                } else {
                    format!(" (nummer {code})")
                };
                reader.add(
                    Severity::Warning,
                    Some(row.row),
                    columns.name.own.or(columns.description.own),
                    format!(
                        "Deze eis{label} heeft geen naam en geen beschrijving en is overgeslagen."
                    ),
                );
                continue;
            }
        };
        *text_from.entry(text_col).or_default() += 1;
        if let Some((_, col)) = &main {
            *explanation_from.entry(*col).or_default() += 1;
        }
        let annotation = reader.pick(row, columns.annotation);
        let evidence = reader
            .pick(row, columns.typical_evidence)
            .map(|(t, col)| (format!("Gebruikelijk bewijs: {t}"), col));
        let explanation = [main, annotation, evidence]
            .into_iter()
            .flatten()
            .map(|(t, _)| t)
            .collect::<Vec<_>>()
            .join("\n\n");
        let theme = match headings.iter().rev().find(|(d, _)| *d < depth) {
            Some((_, title)) => title.clone(),
            None => {
                without_heading = without_heading.saturating_add(1);
                framework.to_owned()
            }
        };
        let generated = code.is_empty();
        if let Some((above, since)) = code_above.as_mut().filter(|_| generated) {
            *since = since.saturating_add(1);
            code = format!("{above}-{since}");
        }
        pending.push(Pending {
            generated,
            theme,
            criterion: CriterionDraft {
                code,
                text,
                explanation,
                legal_basis: String::new(),
                answer: None,
                row: row.row.saturating_add(1),
            },
        });
    }

    if without_heading > 0 {
        let message = if pending.len() == without_heading as usize {
            format!(
                "Dit normenkader heeft geen kopjes boven de eisen; alle criteria staan in één thema met de naam van het normenkader (\u{201c}{framework}\u{201d})."
            )
        } else {
            format!(
                "{} niet onder een kopje. Het thema daarvoor is \u{201c}{framework}\u{201d}, de naam van het normenkader.",
                count_of(without_heading, "eis staat", "eisen staan")
            )
        };
        reader.add(Severity::Info, None, None, message);
    }
    if let (count, Some((row, col))) = formulas {
        reader.add(
            Severity::Info,
            Some(row),
            Some(col),
            format!(
                "Dit blad bevat {} met een formule (de eerste hier). Van elke formule is de uitkomst overgenomen die bij het laatste opslaan is bewaard; ze zijn niet opnieuw berekend.",
                count_of(count, "cel", "cellen")
            ),
        );
    }
    let most = |counts: &BTreeMap<u32, u32>| {
        counts
            .iter()
            .max_by_key(|(col, n)| (**n, std::cmp::Reverse(**col)))
            .map(|(col, _)| *col)
    };
    let mapping = ColumnMapping {
        code: columns.ref_id,
        text: most(&text_from),
        explanation: most(&explanation_from),
        ..ColumnMapping::default()
    };
    let themes = assemble(reader, pending, columns.ref_id);
    Content {
        columns,
        themes,
        mapping,
        preview,
        rows_read,
    }
}

/// Groups criteria into themes (file order), numbers those without a `ref_id` per theme, and
/// blocks a code used twice, as the ordinary import does.
fn assemble(
    reader: &mut Reader<'_>,
    pending: Vec<Pending>,
    code_col: Option<u32>,
) -> Vec<ThemeDraft> {
    let mut themes: Vec<ThemeDraft> = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::new();
    let generated = pending.iter().filter(|p| p.generated).count() as u32;
    for item in pending {
        let index = *by_name.entry(item.theme.clone()).or_insert_with(|| {
            themes.push(ThemeDraft {
                name: item.theme.clone(),
                criteria: Vec::new(),
            });
            themes.len() - 1
        });
        if let Some(theme) = themes.get_mut(index) {
            theme.criteria.push(item.criterion);
        }
    }

    // Only when no code came before them: in a framework without codes, all of them.
    let mut per_theme = 0u32;
    for (ti, theme) in themes.iter_mut().enumerate() {
        for (ci, criterion) in theme.criteria.iter_mut().enumerate() {
            if criterion.code.is_empty() {
                criterion.code = format!("{}.{}", ti + 1, ci + 1);
                per_theme += 1;
            }
        }
    }
    let from_above = generated.saturating_sub(per_theme);
    if per_theme > 0 {
        reader.add(
            Severity::Info,
            None,
            code_col,
            format!(
                "{} geen nummer (kolom ref_id); per thema genummerd (1.1, 1.2, 2.1, \u{2026}).",
                count_of(per_theme, "eis heeft", "eisen hebben")
            ),
        );
    }
    if from_above > 0 {
        reader.add(
            Severity::Info,
            None,
            code_col,
            format!(
                "{} geen nummer (kolom ref_id); het nummer van de rij erboven is gebruikt met een volgnummer (zoals 8.1-1).",
                count_of(from_above, "eis heeft", "eisen hebben")
            ),
        );
    }

    let mut first_row: HashMap<String, u32> = HashMap::new();
    for theme in &mut themes {
        let mut kept = Vec::with_capacity(theme.criteria.len());
        for criterion in std::mem::take(&mut theme.criteria) {
            match first_row.get(&criterion.code) {
                Some(first) => {
                    let message = format!(
                        "Het nummer \u{201c}{}\u{201d} komt vaker voor (ook in rij {first}). Geef elke eis een eigen nummer en importeer opnieuw.",
                        criterion.code
                    );
                    reader.add(
                        Severity::Blocking,
                        Some(criterion.row.saturating_sub(1)),
                        code_col,
                        message,
                    );
                }
                None => {
                    first_row.insert(criterion.code.clone(), criterion.row);
                    kept.push(criterion);
                }
            }
        }
        theme.criteria = kept;
    }
    themes.retain(|t| !t.criteria.is_empty());
    themes
}
