//! Import of criteria workbooks (.xlsx, .xlsm, .ods, .xls): see DESIGN.md section 4.
//!
//! [`analyse`] turns an untrusted file into an [`ImportPlan`]: a dry run that says which sheet,
//! header row and columns were used, shows a preview, holds the catalog as it would be imported,
//! and lists every finding (sheet, row, column, what is wrong and what was done). Nothing is
//! written; `Store::apply_import` writes a plan the user confirmed.
//!
//! The steps, one module each:
//! - `container`: what the file is (by content) and, for zip-based files, every part checked
//!   (sizes, ratio, CRC) before a parser sees it; `ods_guard` and `xls_guard` bound what calamine
//!   would allocate for the formats it reads whole;
//! - `cells`: cells streamed into a small sparse grid within the [`Limits`];
//! - `library`: a CISO Assistant library (`library_meta` and `_meta`/`_content` sheets) read as
//!   a framework, before any header is guessed;
//! - `detect`: the criteria sheet, the header row and the column mapping by synonyms;
//! - `content`: columns the headers do not name, recognised by what they hold (a bounded
//!   sample), and codes written at the start of the criterion text;
//! - `status_text`: statuses and dates as people type them;
//! - `plan`: rows to themes, criteria and answers, with findings.
//!
//! Sheets with the chosen sheet's header (at any of their top rows) are read with it as one
//! catalog, each sheet a theme unless it names its own; the row limit and the budget hold for
//! them together. A sheet the user chooses is read alone.

mod cells;
mod container;
mod content;
mod detect;
mod identity;
mod library;
mod limits;
mod ods_guard;
mod plan;
mod status_text;
mod xls_guard;

#[cfg(test)]
mod library_tests;
#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use cells::{column_index, column_letter};
pub use detect::Field;
pub use identity::{CatalogIdentity, CatalogOrigin, IdentitySource};
pub use limits::Limits;

use cells::{Book, SheetInfo};
use container::Kind;
use detect::{HEADER_SCAN_ROWS, HeaderGuess};
use identity::{Found, Stated};
use limits::{Budget, refused};
use plan::{DEFAULT_THEME, Layout, Part};

use crate::workbook_format::{CRITERIA_COLUMNS, FORMAT_VERSION, METADATA_SHEET, meta};
use crate::{CatalogDraft, Result};

/// Which column of the criteria sheet holds which field: 0-based column indexes, `None` when the
/// sheet has no such column.
#[derive(Debug, Clone, Serialize, Deserialize, TS, PartialEq, Eq, Default)]
pub struct ColumnMapping {
    /// Criterion code ("1.2").
    pub code: Option<u32>,
    /// Theme name (when themes are a column rather than title rows).
    pub theme: Option<u32>,
    /// The criterion text (the norm). Without it nothing can be imported.
    pub text: Option<u32>,
    /// Explanation.
    pub explanation: Option<u32>,
    /// Legal basis (AVG articles).
    pub legal_basis: Option<u32>,
    /// Status.
    pub status: Option<u32>,
    /// Justification of the status.
    pub justification: Option<u32>,
    /// Owner.
    pub owner: Option<u32>,
    /// Improvement action.
    pub action: Option<u32>,
    /// Deadline of the action.
    pub deadline: Option<u32>,
    /// Where the evidence is.
    pub evidence: Option<u32>,
    /// The hidden row key of our own export.
    pub key: Option<u32>,
}

impl ColumnMapping {
    /// The column of `field`, if mapped.
    pub fn get(&self, field: Field) -> Option<u32> {
        match field {
            Field::Code => self.code,
            Field::Theme => self.theme,
            Field::Text => self.text,
            Field::Explanation => self.explanation,
            Field::LegalBasis => self.legal_basis,
            Field::Status => self.status,
            Field::Justification => self.justification,
            Field::Owner => self.owner,
            Field::Action => self.action,
            Field::Deadline => self.deadline,
            Field::Evidence => self.evidence,
            Field::Key => self.key,
        }
    }

    /// Maps `field` to column `col` (0-based), or leaves it unmapped.
    pub fn set(&mut self, field: Field, col: Option<u32>) {
        let slot = match field {
            Field::Code => &mut self.code,
            Field::Theme => &mut self.theme,
            Field::Text => &mut self.text,
            Field::Explanation => &mut self.explanation,
            Field::LegalBasis => &mut self.legal_basis,
            Field::Status => &mut self.status,
            Field::Justification => &mut self.justification,
            Field::Owner => &mut self.owner,
            Field::Action => &mut self.action,
            Field::Deadline => &mut self.deadline,
            Field::Evidence => &mut self.evidence,
            Field::Key => &mut self.key,
        };
        *slot = col;
    }

    fn max_column(&self) -> Option<u32> {
        Field::ALL.iter().filter_map(|f| self.get(*f)).max()
    }
}

/// Where the column mapping of a plan came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MappingSource {
    /// Found from the headers.
    Detected,
    /// Saved earlier for files with the same headers.
    Remembered,
    /// Given by the user for this import.
    Given,
}

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The import cannot be confirmed until this is solved.
    Blocking,
    /// Something was not taken over as it stood (left empty or skipped).
    Warning,
    /// Worth knowing; nothing was lost.
    Info,
}

/// One thing the dry run noticed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Finding {
    /// The sheet it is about.
    pub sheet: String,
    /// 1-based row, when it is about a row.
    pub row: Option<u32>,
    /// Column letter ("F"), when it is about a column.
    pub column: Option<String>,
    /// The code of the criterion read from that row ("2.4"), when the row holds exactly one.
    pub criterion: Option<String>,
    /// The header of that column ("Status"), when the sheet's header names it (and no other
    /// column has the same header).
    pub column_title: Option<String>,
    /// How serious it is.
    pub severity: Severity,
    /// Dutch: what is wrong and what was done.
    pub message: String,
}

/// What the user corrected in the import wizard; `None` = keep what was detected.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportCorrections {
    /// The sheet to read.
    pub sheet: Option<String>,
    /// The 1-based header row.
    pub header_row: Option<u32>,
    /// The column mapping.
    pub mapping: Option<ColumnMapping>,
}

/// How to read a file: the user's corrections, the remembered mappings, the clock and limits.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The user's choice of sheet; else detected.
    pub sheet: Option<String>,
    /// The user's choice of header row (1-based); else detected.
    pub header_row: Option<u32>,
    /// The user's column mapping; else remembered or detected.
    pub mapping: Option<ColumnMapping>,
    /// Mappings confirmed earlier, by header signature.
    pub remembered: BTreeMap<String, ColumnMapping>,
    /// Today: the catalog version of a file that does not name one.
    pub today: time::Date,
    /// Bounds on what the file may make us read.
    pub limits: Limits,
}

impl ImportOptions {
    /// Options with nothing chosen yet and the default limits.
    pub fn new(today: time::Date) -> Self {
        ImportOptions {
            sheet: None,
            header_row: None,
            mapping: None,
            remembered: BTreeMap::new(),
            today,
            limits: Limits::default(),
        }
    }
}

impl Default for ImportOptions {
    /// For `ImportOptions { today, ..Default::default() }`: the clock is never read here, so
    /// `today` is 1970-01-01 until the caller sets it (a visibly wrong catalog version otherwise).
    fn default() -> Self {
        ImportOptions::new(time::macros::date!(1970 - 01 - 01))
    }
}

/// The result of a dry run: what would be imported, and everything noticed on the way.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ImportPlan {
    /// The file's name (without folder).
    pub file_name: String,
    /// The sheet the criteria were read from.
    pub sheet: String,
    /// All sheets in the file, for the user's choice.
    pub sheets: Vec<String>,
    /// 1-based header row; data starts below it.
    pub header_row: u32,
    /// Header texts from column A on.
    pub headers: Vec<String>,
    /// Normalised headers joined with `|`: the key to remember a confirmed mapping under.
    pub header_signature: String,
    /// The column mapping used.
    pub mapping: ColumnMapping,
    /// Where it came from.
    pub mapping_source: MappingSource,
    /// False when the user should confirm or correct the mapping.
    pub mapping_certain: bool,
    /// The first data rows (at most 10) as shown text.
    pub preview: Vec<Vec<String>>,
    /// The catalog as it would be imported.
    pub catalog: CatalogDraft,
    /// Where the catalog's name and version came from; the user may correct both on confirming.
    pub catalog_origin: CatalogOrigin,
    /// Everything noticed, in sheet order.
    pub findings: Vec<Finding>,
    /// The file is an export of AVG-borging (its metadata sheet was found).
    pub own_export: bool,
    /// Non-empty rows below the header.
    pub rows_read: u32,
}

impl ImportPlan {
    /// The number of blocking findings; the import can be confirmed only when it is 0.
    pub fn blocking(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Blocking)
            .count()
    }

    /// Names and versions the catalog as the user confirms it. A name or version that differs
    /// from what was found becomes [`IdentitySource::Given`].
    ///
    /// # Errors
    /// [`crate::Error::InvalidInput`] for an empty (or far too long) name or version, and for a
    /// change to our own export's name or version: that file goes back into the catalog it came
    /// from, found by exactly that name and version.
    pub fn set_catalog_identity(&mut self, identity: &CatalogIdentity) -> Result<()> {
        let identity = identity.checked()?;
        let name_changed = identity.name != self.catalog.name.trim();
        let version_changed = identity.version != self.catalog.version.trim();
        if self.own_export && (name_changed || version_changed) {
            return Err(crate::Error::InvalidInput {
                reason: "Dit bestand is een export van AVG-borging: het hoort bij de criteriaset die erin staat, dus naam en versie kunnen hier niet worden gewijzigd. Importeer het zonder ze aan te passen.".into(),
            });
        }
        let found = |value: &str, source: IdentitySource| Found::new(value.to_owned(), source);
        let name = if name_changed {
            self.catalog.name.clone_from(&identity.name);
            found(&identity.name, IdentitySource::Given)
        } else {
            found(&self.catalog.name, self.catalog_origin.name)
        };
        let version = if version_changed {
            self.catalog.version.clone_from(&identity.version);
            found(&identity.version, IdentitySource::Given)
        } else {
            found(&self.catalog.version, self.catalog_origin.version)
        };
        if name_changed || version_changed {
            self.catalog_origin = identity::origin(&name, &version);
        }
        Ok(())
    }
}

/// Analyses the workbook at `path` (a dry run; nothing is written).
pub fn analyse(path: &Path, options: &ImportOptions) -> Result<ImportPlan> {
    let unreadable = || {
        refused(
            "Het bestand kon niet worden geopend: het bestaat niet (meer) of u mag het niet lezen. Kies het bestand opnieuw.",
        )
    };
    let metadata = std::fs::metadata(path).map_err(|_| unreadable())?;
    if !metadata.is_file() {
        return Err(unreadable());
    }
    let max = options.limits.max_file_bytes;
    if metadata.len() > max {
        return Err(container::too_large(&options.limits));
    }
    let file = std::fs::File::open(path).map_err(|_| unreadable())?;
    let mut bytes = Vec::with_capacity(usize::try_from(metadata.len()).unwrap_or(0));
    // The file may grow between the check and the read: read one byte past the limit at most.
    file.take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|_| unreadable())?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    analyse_bytes(&name, &bytes, options)
}

/// Analyses a workbook held in memory; `file_name` names it in the plan (and the catalog when the
/// file does not name one).
pub fn analyse_bytes(file_name: &str, bytes: &[u8], options: &ImportOptions) -> Result<ImportPlan> {
    let limits = &options.limits;
    let kind = container::inspect(bytes, limits)?;
    // What calamine itself builds for .ods and .xls is bounded on its own budget; what we keep is
    // bounded on the second.
    let mut reader_budget = Budget::new(limits);
    match kind {
        Kind::Xlsx => {}
        Kind::Ods => ods_guard::check(bytes, &mut reader_budget)?,
        Kind::Xls => xls_guard::check(bytes, limits, &mut reader_budget)?,
    }
    let mut budget = Budget::new(limits);
    let mut book = Book::open(kind, bytes)?;
    let sheets = book.sheets();
    if let Some(mut plan) = library::read(&mut book, &sheets, file_name, options, &mut budget)? {
        // A library is read from its one content sheet.
        let places: Vec<(&str, u32, &str)> = plan
            .catalog
            .criteria()
            .map(|c| (plan.sheet.as_str(), c.row, c.code.as_str()))
            .collect();
        name_places(
            &mut plan.findings,
            &places,
            &[plan.sheet.as_str()],
            &plan.headers,
        );
        return Ok(plan);
    }
    let metadata = read_metadata(&mut book, &sheets, limits, &mut budget)?;
    let own_export = metadata
        .as_ref()
        .is_some_and(|m| m.contains_key(meta::FORMAT_VERSION));

    let (sheet, detected_row) = choose_sheet(&mut book, &sheets, options, &mut budget)?;
    let grid = book.read(&sheet, limits.max_rows, limits, &mut budget)?;

    let header_row0 = options
        .header_row
        .map(|r| r.saturating_sub(1))
        .or(detected_row)
        .or(grid.rows.first().map(|r| r.row))
        .unwrap_or(0);
    let header = grid.rows.iter().find(|r| r.row == header_row0);
    let headers = detect::header_texts(header);
    let header_signature = detect::header_signature(&headers);

    // Headers first; what they leave open is looked for in the first data rows.
    let sample = content::Sample::of(&grid.rows, header_row0);
    let mut content_findings = Vec::new();
    let (mapping, mapping_source, mapping_certain) = if let Some(given) = &options.mapping {
        (given.clone(), MappingSource::Given, true)
    } else if let Some(remembered) = options.remembered.get(&header_signature) {
        (remembered.clone(), MappingSource::Remembered, true)
    } else {
        let (mut mapping, _, certain) = match header {
            Some(row) => detect::mapping_for(row),
            None => (ColumnMapping::default(), 0, false),
        };
        let exact_export = own_export && headers.iter().map(String::as_str).eq(CRITERIA_COLUMNS);
        // A column chosen by its content is a guess the user should see and confirm.
        let by_content = !exact_export
            && content::complete(
                &mut mapping,
                &sample,
                &sheet,
                &headers,
                &mut content_findings,
            );
        (
            mapping,
            MappingSource::Detected,
            (certain || exact_export) && !by_content,
        )
    };
    content_findings.extend(content::unused_statuses(
        &mapping, &sample, &sheet, &headers,
    ));
    let codes_in_text = !own_export && content::codes_in_text(&mapping, &sample);
    if codes_in_text && let Some(col) = mapping.text {
        content_findings.push(content::codes_in_text_finding(&sheet, col, &headers));
    }

    let width = headers
        .len()
        .max(mapping.max_column().map_or(0, |c| c as usize + 1))
        .min(limits.max_columns as usize);
    // Sheets with the same header as the chosen one are one catalog, unless the user chose
    // this sheet. Our own export has one criteria sheet; its other sheets are reports.
    let others = if options.sheet.is_none() && !own_export && mapping.text.is_some() {
        let first = Chosen {
            name: &sheet,
            headers: &headers,
            signature: &header_signature,
        };
        same_layout_sheets(&mut book, &sheets, &first, limits, &mut budget)?
    } else {
        Vec::new()
    };
    let mut sheet_findings = Vec::new();
    let extra = read_others(
        &mut book,
        &others,
        rows_used(&grid, limits),
        limits,
        &mut budget,
        &mut sheet_findings,
    )?;
    let several = !extra.is_empty();
    let first = Layout {
        sheet: &sheet,
        header_row: header_row0,
        mapping: &mapping,
        own_export,
        width,
        codes_in_text,
        // Each sheet is a theme unless a theme column or theme rows in it say otherwise.
        default_theme: if several { &sheet } else { DEFAULT_THEME },
    };
    let mut parts: Vec<Part<'_>> = extra
        .iter()
        .map(|(name, row, grid)| Part {
            grid,
            layout: Layout {
                sheet: name,
                header_row: *row,
                default_theme: name,
                ..first
            },
        })
        .collect();
    parts.insert(
        0,
        Part {
            grid: &grid,
            layout: first,
        },
    );
    let built = plan::build(&parts, limits);
    if several {
        sheet_findings.extend(taken_findings(&parts, &built.per_sheet, &others));
    }

    let mut findings = metadata_findings(metadata.as_ref());
    findings.extend(content_findings);
    // Without a second sheet read these are only the sheets the row limit left out.
    findings.extend(sheet_findings);
    findings.extend(built.findings);
    let read_sheets: Vec<&str> = parts.iter().map(|p| p.layout.sheet).collect();
    let places: Vec<(&str, u32, &str)> = built
        .places
        .iter()
        .filter_map(|(part, row, code)| Some((*read_sheets.get(*part)?, *row, code.as_str())))
        .collect();
    // The sheets read share the chosen sheet's header signature, so its headers.
    name_places(&mut findings, &places, &read_sheets, &headers);

    // The name and version the workbook states: our export's metadata, a title above the
    // header (of the criteria sheet, then of a cover sheet before it), the document properties.
    let above = grid.rows.partition_point(|r| r.row < header_row0);
    let title = identity::title_block(&sheet, grid.rows.get(..above).unwrap_or_default());
    let mut stated = own_export_identity(metadata.as_ref()).or(title.titled);
    for cover in cover_sheets(&sheets, &sheet, &extra) {
        if stated.name.is_some() && stated.version.is_some() {
            break;
        }
        let top = book.read(cover, HEADER_SCAN_ROWS, limits, &mut budget)?;
        stated = stated.or(identity::title_block(cover, &top.rows).titled);
    }
    if !several {
        stated = stated.or(title.plain);
    }
    let stated = stated.or(identity::document_properties(kind, bytes));
    let (name, version, catalog_origin) =
        stated.finish(file_name, &status_text::iso(options.today));
    if built.themes.iter().all(|t| t.criteria.is_empty())
        && !findings.iter().any(|f| f.severity == Severity::Blocking)
    {
        // Importing nothing would replace a round with an empty catalog: never useful.
        findings.push(Finding {
            sheet: sheet.clone(),
            row: None,
            column: None,
            criterion: None,
            column_title: None,
            severity: Severity::Blocking,
            message: "Er zijn geen criteria gevonden: geen enkele rij heeft een nummer en een criteriumtekst. Controleer de kopregel en de kolomindeling.".into(),
        });
    }
    Ok(ImportPlan {
        file_name: file_name.to_owned(),
        sheet,
        sheets: sheets.into_iter().map(|s| s.name).collect(),
        header_row: header_row0.saturating_add(1),
        headers,
        header_signature,
        mapping,
        mapping_source,
        mapping_certain,
        preview: built.preview,
        catalog: CatalogDraft {
            name,
            version,
            themes: built.themes,
        },
        catalog_origin,
        findings,
        own_export,
        rows_read: built.rows_read,
    })
}

/// Names the criterion and the column of each finding where that is unambiguous: the code of
/// the one criterion read from the finding's row of that sheet (`places`: sheet, 1-based row,
/// code), and the header of its column on a sheet read with `headers` (`read`), when no other
/// column has the same header.
fn name_places(
    findings: &mut [Finding],
    places: &[(&str, u32, &str)],
    read: &[&str],
    headers: &[String],
) {
    // (sheet, row) → the code, or `None` when two criteria claim the row.
    let mut by_row: std::collections::HashMap<(&str, u32), Option<&str>> =
        std::collections::HashMap::with_capacity(places.len());
    for &(sheet, row, code) in places {
        by_row
            .entry((sheet, row))
            .and_modify(|seen| {
                if *seen != Some(code) {
                    *seen = None;
                }
            })
            .or_insert(Some(code));
    }
    let normalised = |h: &str| h.trim().to_lowercase();
    for finding in findings {
        if let Some(row) = finding.row
            && let Some(Some(code)) = by_row.get(&(finding.sheet.as_str(), row))
        {
            finding.criterion = Some((*code).to_owned());
        }
        if !read.contains(&finding.sheet.as_str()) {
            continue;
        }
        let title = finding
            .column
            .as_deref()
            .and_then(column_index)
            .and_then(|col| headers.get(col as usize))
            .map(|h| h.trim())
            .filter(|h| !h.is_empty());
        if let Some(title) = title
            && headers
                .iter()
                .filter(|h| normalised(h) == normalised(title))
                .count()
                == 1
        {
            finding.column_title = Some(title.to_owned());
        }
    }
}

/// The sheet with the criteria and its 0-based header row, if one was recognised.
///
/// A header row whose signature has a remembered mapping wins; otherwise the ranking is: a real
/// header (criterion text and one more field), not a cover or overview sheet by name, visible,
/// most fields named; the first sheet wins a tie.
fn choose_sheet(
    book: &mut Book<'_>,
    sheets: &[SheetInfo],
    options: &ImportOptions,
    budget: &mut Budget,
) -> Result<(String, Option<u32>)> {
    let limits = &options.limits;
    if let Some(name) = &options.sheet {
        if !sheets.iter().any(|s| s.name == *name) {
            return Err(refused(format!(
                "Het blad \u{201c}{name}\u{201d} staat niet in dit bestand. Kies een van de bladen die worden getoond."
            )));
        }
        let top = book.read(name, HEADER_SCAN_ROWS, limits, budget)?;
        let row =
            remembered_row(&top.rows, options).or(detect::best_header(&top.rows).map(|g| g.row));
        return Ok((name.clone(), row));
    }

    let mut best: Option<(SheetRank, &SheetInfo, u32)> = None;
    // Sheets whose header names no criterion column, with the row that would be their header.
    let mut unrecognised: Vec<(&SheetInfo, u32, content::Sample)> = Vec::new();
    for sheet in sheets.iter().filter(|s| s.worksheet) {
        let top = book.read(&sheet.name, HEADER_SCAN_ROWS, limits, budget)?;
        let (remembered, row, score) = match remembered_row(&top.rows, options) {
            Some(row) => (true, row, 0),
            None => match detect::best_header(&top.rows) {
                Some(HeaderGuess {
                    row,
                    score,
                    mapping,
                }) if mapping.text.is_some() => (false, row, score),
                guess => {
                    // Without a header any synonym knows, the first row is taken as the header.
                    let row = guess.map(|g| g.row).or(top.rows.first().map(|r| r.row));
                    if let Some(row) = row {
                        unrecognised.push((sheet, row, content::Sample::of(&top.rows, row)));
                    }
                    continue;
                }
            },
        };
        let rank = (
            remembered,
            remembered || score >= 2,
            !detect::is_side_sheet(&sheet.name),
            sheet.visible,
            score,
        );
        if best.as_ref().is_none_or(|(r, ..)| rank > *r) {
            best = Some((rank, sheet, row));
        }
    }
    if let Some((_, sheet, row)) = best {
        return Ok((sheet.name.clone(), Some(row)));
    }
    // No header names a criterion column: a sheet whose rows plainly are criteria (a code and a
    // long text each) is read by content rather than refused.
    // Reversed, so the first sheet wins a tie.
    let by_content = unrecognised
        .iter()
        .rev()
        .filter(|(_, _, sample)| sample.holds_criteria())
        .max_by_key(|(sheet, ..)| (!detect::is_side_sheet(&sheet.name), sheet.visible));
    if let Some((sheet, row, _)) = by_content {
        return Ok((sheet.name.clone(), Some(*row)));
    }
    if options.mapping.is_some()
        && let Some(sheet) = sheets.iter().find(|s| s.worksheet && s.visible)
    {
        return Ok((sheet.name.clone(), None));
    }
    // Nothing recognised: never a dead end. The first sheet with rows (not a cover sheet,
    // visible first) is offered with its best header guess; the dry run then says that the
    // criterion column is missing and the user picks the sheet and columns in the mapping form.
    let guess = unrecognised
        .iter()
        .rev()
        .max_by_key(|(sheet, ..)| (!detect::is_side_sheet(&sheet.name), sheet.visible));
    if let Some((sheet, row, _)) = guess {
        return Ok((sheet.name.clone(), Some(*row)));
    }
    Err(refused(
        "Er is geen blad met criteria gevonden: geen enkel blad heeft bovenaan een kopregel met een kolom voor het criterium (zoals \u{201c}Criterium\u{201d}, \u{201c}Norm\u{201d} of \u{201c}Eis\u{201d}). Controleer of u het juiste bestand koos.",
    ))
}

/// The sheet the criteria are read from, and its header.
struct Chosen<'a> {
    name: &'a str,
    headers: &'a [String],
    signature: &'a str,
}

/// What happens to a sheet other than the chosen one.
enum Other {
    /// Read too: its header (at this 0-based row) has the chosen sheet's signature.
    Take { name: String, header_row: u32 },
    /// Not read, and why (the end of a Dutch sentence).
    Pass { name: String, reason: &'static str },
}

/// Every sheet but the chosen one, in workbook order: taken when one of its top rows has the
/// chosen header's signature, else passed over with the reason.
fn same_layout_sheets(
    book: &mut Book<'_>,
    sheets: &[SheetInfo],
    chosen: &Chosen<'_>,
    limits: &Limits,
    budget: &mut Budget,
) -> Result<Vec<Other>> {
    // A header of one named cell could as well be a title row on another sheet.
    if chosen.headers.iter().filter(|h| !h.is_empty()).count() < 2 {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for sheet in sheets.iter().filter(|s| s.name != chosen.name) {
        let name = sheet.name.clone();
        if !sheet.worksheet {
            out.push(Other::Pass {
                name,
                reason: "het is geen werkblad met cellen",
            });
            continue;
        }
        let top = book.read(&sheet.name, HEADER_SCAN_ROWS, limits, budget)?;
        let header = top.rows.iter().find(|r| {
            r.row < HEADER_SCAN_ROWS
                && detect::header_signature(&detect::header_texts(Some(r))) == chosen.signature
        });
        out.push(match header {
            None if top.rows.is_empty() => Other::Pass {
                name,
                reason: "het blad is leeg",
            },
            None => Other::Pass {
                name,
                reason: "andere kolommen",
            },
            // Hidden sheets and overview sheets with the same columns are copies or lists more
            // often than criteria; the user can still choose one.
            Some(_) if !sheet.visible => Other::Pass {
                name,
                reason: "het blad is verborgen",
            },
            Some(_) if detect::is_side_sheet(&sheet.name) => Other::Pass {
                name,
                reason: "de naam wijst op een voorblad of overzicht",
            },
            Some(row) => Other::Take {
                name,
                header_row: row.row,
            },
        });
    }
    Ok(out)
}

/// The rows of the file's row limit a sheet's grid used up: to just below its last row, or all
/// of them when it was cut.
fn rows_used(grid: &cells::Grid, limits: &Limits) -> u32 {
    if grid.rows_cut {
        return limits.max_rows;
    }
    grid.rows.last().map_or(0, |r| r.row.saturating_add(1))
}

/// Reads the sheets to take, within what is left of the row limit: the limit holds for all
/// sheets together, as the budget does. A sheet cut or not read for it gets a warning.
fn read_others(
    book: &mut Book<'_>,
    others: &[Other],
    mut used: u32,
    limits: &Limits,
    budget: &mut Budget,
    findings: &mut Vec<Finding>,
) -> Result<Vec<(String, u32, cells::Grid)>> {
    let mut out = Vec::new();
    let limit_text = limits::thousands(u64::from(limits.max_rows));
    for other in others {
        let Other::Take { name, header_row } = other else {
            continue;
        };
        let left = limits.max_rows.saturating_sub(used);
        if left <= *header_row {
            findings.push(Finding {
                sheet: name.clone(),
                row: None,
                column: None,
                criterion: None,
                column_title: None,
                severity: Severity::Warning,
                message: format!(
                    "Blad \u{201c}{name}\u{201d} heeft dezelfde kolommen, maar is niet gelezen: de bladen ervoor hebben samen al {limit_text} rijen, de grens voor één bestand. Kies dit blad om alleen dat blad in te lezen."
                ),
            });
            used = limits.max_rows;
            continue;
        }
        let sheet_limits = Limits {
            max_rows: left,
            ..limits.clone()
        };
        let mut grid = book.read(name, left, &sheet_limits, budget)?;
        used = used.saturating_add(rows_used(&grid, &sheet_limits));
        if grid.rows_cut {
            // Said here rather than by the plan: the limit is the file's, not this sheet's.
            grid.rows_cut = false;
            findings.push(Finding {
                sheet: name.clone(),
                row: Some(left.saturating_add(1)),
                column: None,
                criterion: None,
                column_title: None,
                severity: Severity::Warning,
                message: format!(
                    "Samen met de bladen ervoor heeft het bestand meer dan {limit_text} rijen; de rijen vanaf deze rij zijn niet gelezen."
                ),
            });
        }
        out.push((name.clone(), *header_row, grid));
    }
    Ok(out)
}

/// Info findings for several sheets read as one catalog: each sheet taken with its number of
/// criteria and each sheet passed over with the reason, in workbook order (the chosen first).
fn taken_findings(parts: &[Part<'_>], per_sheet: &[u32], others: &[Other]) -> Vec<Finding> {
    let info = |sheet: &str, message: String| Finding {
        sheet: sheet.to_owned(),
        row: None,
        column: None,
        criterion: None,
        column_title: None,
        severity: Severity::Info,
        message,
    };
    let count = |sheet: &str| {
        let n = parts
            .iter()
            .zip(per_sheet)
            .find(|(p, _)| p.layout.sheet == sheet)
            .map_or(0, |(_, n)| *n);
        if n == 1 {
            "1 criterium".to_owned()
        } else {
            format!("{n} criteria")
        }
    };
    let mut out = Vec::new();
    if let Some(first) = parts.first() {
        let name = first.layout.sheet;
        out.push(info(
            name,
            format!(
                "Blad \u{201c}{name}\u{201d} is meegenomen ({}). Bladen met dezelfde kolommen zijn samen ingelezen als één catalogus, elk blad als thema tenzij het blad zelf thema\u{2019}s noemt; kies een blad om alleen dat blad in te lezen.",
                count(name)
            ),
        ));
    }
    for other in others {
        match other {
            // A sheet not read for the row limit has its warning already.
            Other::Take { name, .. } if parts.iter().any(|p| p.layout.sheet == name) => {
                out.push(info(
                    name,
                    format!(
                        "Blad \u{201c}{name}\u{201d} is meegenomen ({}).",
                        count(name)
                    ),
                ));
            }
            Other::Take { .. } => {}
            Other::Pass { name, reason } => out.push(info(
                name,
                format!("Blad \u{201c}{name}\u{201d} is overgeslagen: {reason}."),
            )),
        }
    }
    out
}

/// How likely a sheet holds the criteria, compared field by field: remembered headers, a real
/// header, not a side sheet by name, visible, fields named.
type SheetRank = (bool, bool, bool, bool, usize);

/// The first of the top rows whose header signature has a remembered mapping.
fn remembered_row(rows: &[cells::Row], options: &ImportOptions) -> Option<u32> {
    if options.remembered.is_empty() {
        return None;
    }
    rows.iter()
        .filter(|r| r.row < HEADER_SCAN_ROWS)
        .find(|r| {
            let signature = detect::header_signature(&detect::header_texts(Some(r)));
            options.remembered.contains_key(&signature)
        })
        .map(|r| r.row)
}

/// Rows read from a metadata sheet; it is small.
const METADATA_ROWS: u32 = 200;

/// The key/value rows of our export's metadata sheet, if the file has one.
fn read_metadata(
    book: &mut Book<'_>,
    sheets: &[SheetInfo],
    limits: &Limits,
    budget: &mut Budget,
) -> Result<Option<BTreeMap<String, String>>> {
    if !sheets.iter().any(|s| s.name == METADATA_SHEET) {
        return Ok(None);
    }
    let grid = book.read(METADATA_SHEET, METADATA_ROWS, limits, budget)?;
    let mut out = BTreeMap::new();
    for row in &grid.rows {
        let key = row.get(0).map(|c| c.value.shown().trim().to_owned());
        // Values exactly as written: a catalog name that starts with a tab (or ends with a
        // space) must match the stored catalog on re-import.
        let value = row.get(1).map(|c| c.value.shown());
        if let (Some(key), value) = (key, value) {
            out.insert(key, value.unwrap_or_default());
        }
    }
    Ok(out.contains_key(meta::FORMAT_VERSION).then_some(out))
}

fn metadata_findings(metadata: Option<&BTreeMap<String, String>>) -> Vec<Finding> {
    let Some(version) = metadata.and_then(|m| m.get(meta::FORMAT_VERSION)) else {
        return Vec::new();
    };
    match version.parse::<u32>() {
        Ok(v) if v <= FORMAT_VERSION => Vec::new(),
        _ => vec![Finding {
            sheet: METADATA_SHEET.to_owned(),
            row: None,
            column: None,
            criterion: None,
            column_title: None,
            severity: Severity::Blocking,
            message: format!(
                "Dit bestand is gemaakt met een nieuwere versie van AVG-borging (bestandsformaat {version}; deze versie kent tot en met {FORMAT_VERSION}). Installeer de nieuwste versie en importeer het daarmee."
            ),
        }],
    }
}

/// The catalog name and version our export's metadata states (kept exactly as written: a
/// re-import is matched to the stored catalog by them).
fn own_export_identity(metadata: Option<&BTreeMap<String, String>>) -> Stated {
    let found = |key: &str| {
        metadata
            .and_then(|m| m.get(key))
            .filter(|v| !v.is_empty())
            .map(|v| Found::new(v.clone(), IdentitySource::OwnExport))
    };
    Stated {
        name: found(meta::CATALOG),
        version: found(meta::CATALOG_VERSION),
    }
}

/// Visible worksheets before the criteria sheet that were not read as criteria: a cover sheet
/// there may hold the title of the set.
fn cover_sheets<'a>(
    sheets: &'a [SheetInfo],
    chosen: &str,
    read: &[(String, u32, cells::Grid)],
) -> impl Iterator<Item = &'a str> {
    sheets
        .iter()
        .take_while(move |s| s.name != chosen)
        .filter(|s| s.worksheet && s.visible && !read.iter().any(|(name, ..)| *name == s.name))
        .map(|s| s.name.as_str())
}
