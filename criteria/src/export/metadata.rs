//! The hidden sheet "Metadata" and the document properties: what a re-import (and a person
//! looking at File > Properties) needs to know about where the workbook came from.

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};
use time::format_description::well_known::Rfc3339;

use crate::error::{Error, Result};
use crate::workbook_format::{EXPORT_TITLE_PREFIX, FORMAT_VERSION, METADATA_SHEET, meta};

use super::text::{TextFormat, write_text};
use super::{ExportParams, workbook_error};

/// The document properties. The creation time is the export time, so that the same input
/// gives the same bytes.
pub(super) fn properties(params: &ExportParams<'_>) -> Result<DocProperties> {
    let a = &params.view.assessment;
    Ok(DocProperties::new()
        .set_title(format!(
            "{EXPORT_TITLE_PREFIX}{} – beoordeling {}",
            a.organisation, a.name
        ))
        .set_subject(format!("{} (versie {})", a.catalog_name, a.catalog_version))
        .set_author(a.organisation.as_str())
        .set_company(a.organisation.as_str())
        .set_keywords("AVG, privacy, borging")
        .set_comment(format!("Geëxporteerd met {}", params.program))
        .set_creation_datetime(&creation_time(params.exported_at)?))
}

/// `at` in UTC as an Excel date-time, which is what the properties hold.
fn creation_time(at: time::OffsetDateTime) -> Result<ExcelDateTime> {
    let utc = at.to_offset(time::UtcOffset::UTC);
    let year = u16::try_from(utc.year()).map_err(|_| out_of_range(at))?;
    ExcelDateTime::from_ymd(year, u8::from(utc.month()), utc.day())
        .and_then(|date| date.and_hms(u16::from(utc.hour()), utc.minute(), utc.second()))
        .map_err(|_| out_of_range(at))
}

fn out_of_range(at: time::OffsetDateTime) -> Error {
    Error::Workbook(format!(
        "het exportmoment {at} ligt buiten de jaren 1900 tot en met 9999 die Excel kent; controleer de klok van deze computer"
    ))
}

/// Adds the hidden metadata sheet: keys in column A, values in column B.
pub(super) fn add_sheet(workbook: &mut Workbook, params: &ExportParams<'_>) -> Result<()> {
    let a = &params.view.assessment;
    let exported_at = params
        .exported_at
        .format(&Rfc3339)
        .map_err(|_| out_of_range(params.exported_at))?;

    let sheet = workbook.add_worksheet();
    sheet.set_name(METADATA_SHEET).map_err(workbook_error)?;
    // Hidden, not "very hidden": a curious or suspicious user can still unhide it and see
    // exactly what the file says about itself.
    sheet.set_hidden(true);

    let key_format = Format::new().set_bold();
    let value_format = TextFormat::new(Format::new());

    sheet
        .write_string_with_format(0, 0, meta::FORMAT_VERSION, &key_format)
        .map_err(workbook_error)?;
    // A number, so that a re-import can compare it with its own version.
    sheet
        .write_number(0, 1, FORMAT_VERSION)
        .map_err(workbook_error)?;

    let reference_date = a.reference_date.map(|d| d.to_string()).unwrap_or_default();
    let seal = a.seal.as_ref();
    let sealed_on = seal.map(|s| s.sealed_on.to_string()).unwrap_or_default();
    let rows: [(&str, &str); 10] = [
        (meta::CATALOG, &a.catalog_name),
        (meta::CATALOG_VERSION, &a.catalog_version),
        (meta::ORGANISATION, &a.organisation),
        (meta::ASSESSMENT, &a.name),
        // Text, exactly as stored: this sheet is for machines.
        (meta::REFERENCE_DATE, &reference_date),
        (meta::EXPORTED_AT, &exported_at),
        (meta::PROGRAM, params.program),
        (meta::SEALED_AT, &sealed_on),
        (meta::SEALED_BY, seal.map_or("", |s| &s.sealed_by)),
        (meta::FINGERPRINT, seal.map_or("", |s| &s.fingerprint)),
    ];
    for (row, (key, value)) in (1..).zip(rows) {
        sheet
            .write_string_with_format(row, 0, key, &key_format)
            .map_err(workbook_error)?;
        write_text(sheet, row, 1, value, &value_format, || {
            format!("de metadata \"{key}\"")
        })?;
    }
    sheet.set_column_width(0, 22).map_err(workbook_error)?;
    sheet.set_column_width(1, 60).map_err(workbook_error)?;
    Ok(())
}
