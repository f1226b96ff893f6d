//! Export of an assessment to a fresh workbook: see DESIGN.md section 5.
//!
//! [`workbook_bytes`] builds the whole `.xlsx` in memory from an [`AssessmentView`]; the layout
//! (sheet names, columns, status labels, metadata keys) is the one in
//! [`crate::workbook_format`], which the importer reads back. [`write_workbook`] puts it on disk
//! atomically, so a failed export never damages the previous file.
//!
//! Nothing in here reads the clock: the export time comes in through [`ExportParams`], which
//! makes the same input give byte-identical output.

pub(crate) mod atomic;
mod criteria_sheet;
mod file_name;
mod metadata;
mod overview_sheet;
mod table_sheet;
mod text;

#[cfg(test)]
mod tests;

pub use file_name::{report_file_name, suggested_file_name};

use std::path::Path;

use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};

use crate::comparison::Comparison;
use crate::error::{Error, Result};
use crate::improvement_plan::ImprovementPlan;
use crate::overview::Overview;
use crate::view::AssessmentView;

/// What to export.
#[derive(Debug, Clone, Copy)]
pub struct ExportParams<'a> {
    /// The assessment with its catalog and answers, as the screens show it.
    pub view: &'a AssessmentView,
    /// The moment of export. Passed in rather than read, so that tests and golden files are
    /// reproducible; it is written to the metadata sheet and the document properties.
    pub exported_at: time::OffsetDateTime,
    /// The program and version that writes the file, e.g. "AVG-borging 0.1.0".
    pub program: &'a str,
}

/// Builds the workbook in memory: the sheets "Criteria", "Overzicht", "Verbeterplan" and
/// (hidden) "Metadata", and the document properties.
///
/// Fails with [`Error::Workbook`] when a text does not fit in a cell (Excel's limit is 32,767
/// characters; nothing is cut off silently) or the writer fails otherwise.
pub fn workbook_bytes(params: &ExportParams<'_>) -> Result<Vec<u8>> {
    workbook_bytes_with_comparison(params, None)
}

/// [`workbook_bytes`], with a sheet "Vergelijking" after the overview when `comparison` is given.
pub fn workbook_bytes_with_comparison(
    params: &ExportParams<'_>,
    comparison: Option<&Comparison>,
) -> Result<Vec<u8>> {
    let view = params.view;
    let overview = Overview::of(view);
    let mut workbook = Workbook::new();

    // The properties carry the creation time; without them rust_xlsxwriter would use the clock
    // and two exports of the same data would differ.
    workbook.set_properties(&metadata::properties(params)?);

    // Order matters: the first sheet is the one Excel opens on, and a hidden sheet cannot be
    // the active one.
    criteria_sheet::add(&mut workbook, view)?;
    overview_sheet::add(&mut workbook, view, &overview)?;
    if let Some(comparison) = comparison {
        table_sheet::add_comparison(&mut workbook, view, comparison)?;
    }
    let plan = ImprovementPlan::of(view, params.exported_at.date());
    table_sheet::add_improvement_plan(&mut workbook, view, &plan)?;
    metadata::add_sheet(&mut workbook, params)?;

    workbook.save_to_buffer().map_err(workbook_error)
}

/// Builds the workbook and writes it atomically to `target`: into a temporary file in the same
/// folder, flushed to disk, then renamed over `target`. On any failure the temporary file is
/// removed and an existing `target` is left byte-for-byte unchanged.
///
/// Fails with [`Error::Workbook`] when the workbook cannot be built (nothing is written then)
/// and with [`Error::WriteFile`] when the file cannot be written: `target` is a folder, the
/// folder does not exist, the disk is full, writing is not permitted, or an existing `target`
/// is read-only.
pub fn write_workbook(params: &ExportParams<'_>, target: &Path) -> Result<()> {
    write_workbook_with_comparison(params, None, target)
}

/// [`write_workbook`], with a sheet "Vergelijking" when `comparison` is given.
pub fn write_workbook_with_comparison(
    params: &ExportParams<'_>,
    comparison: Option<&Comparison>,
    target: &Path,
) -> Result<()> {
    // Build first: a workbook that cannot be built must not even create a temporary file.
    let bytes = workbook_bytes_with_comparison(params, comparison)?;
    atomic::write_file(target, &bytes).map_err(|source| Error::WriteFile {
        path: target.to_path_buf(),
        source,
    })
}

/// Sets the printed page header (organisation left, assessment right) and footer (catalog
/// left, page X of Y right) of a sheet.
fn set_page_header_footer(sheet: &mut Worksheet, view: &AssessmentView) {
    // Each user part is capped so that the whole stays under Excel's 255 characters, beyond
    // which the header would be dropped altogether.
    const PART: usize = 100;
    let a = &view.assessment;
    let organisation = text::header_footer_text(&a.organisation, PART);
    let assessment = text::header_footer_text(&format!("Beoordeling {}", a.name), PART);
    let catalog = text::header_footer_text(
        &format!("{} (versie {})", a.catalog_name, a.catalog_version),
        PART,
    );
    sheet.set_header(format!("&L{organisation}&R{assessment}"));
    sheet.set_footer(format!("&L{catalog}&RPagina &P van &N"));
}

/// Maps a rust_xlsxwriter failure to the core's error. Its message is English and technical; it
/// ends up inside the Dutch sentence of [`Error::Workbook`] for support.
fn workbook_error(err: XlsxError) -> Error {
    Error::Workbook(err.to_string())
}
