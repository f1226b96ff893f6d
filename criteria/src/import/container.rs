//! What kind of file this is, decided by its content (never by its name), and the checks on a
//! zip-based workbook before any parser sees it.
//!
//! calamine reads a sheet part only up to `</sheetData>`, so the zip CRC of that part is never
//! verified, and it trusts each part's declared size. So every part is first read to its end here:
//! with the declared size and compression ratio checked against the limits, a byte cap, and the
//! CRC checked by the `zip` crate at the end of each part.

use std::io::{Cursor, Read};

use zip::ZipArchive;
use zip::result::ZipError;

use super::limits::{Limits, RATIO_FLOOR_BYTES, megabytes, refused};
use crate::Result;

/// The kinds of workbook that are read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Office Open XML: .xlsx, .xlsm (and templates).
    Xlsx,
    /// OpenDocument spreadsheet: .ods.
    Ods,
    /// The binary Excel 97–2003 format: .xls.
    Xls,
}

const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const EMPTY_ZIP_MAGIC: &[u8] = b"PK\x05\x06";
const CFB_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
const ODS_MIMETYPE: &str = "application/vnd.oasis.opendocument.spreadsheet";

pub(crate) const NOT_A_WORKBOOK: &str = "Het bestand is geen Excel- of OpenDocument-werkmap.";
pub(crate) const PASSWORD: &str = "Het bestand is beveiligd met een wachtwoord; sla het zonder wachtwoord op en probeer het opnieuw.";
pub(crate) const DAMAGED: &str = "Het bestand is beschadigd of onvolledig; het kon niet worden gelezen. Open het in Excel of LibreOffice, sla het opnieuw op en probeer het nog eens.";
const BAD_CRC: &str = "Het bestand is beschadigd (controlegetal klopt niet). Gebruik een onbeschadigde kopie, of open het in Excel of LibreOffice, sla het opnieuw op en probeer het nog eens.";

/// Decides the kind of `bytes` and, for zip-based files, checks every part. Refuses a file that
/// is empty, too large, not a workbook, damaged or protected.
pub(crate) fn inspect(bytes: &[u8], limits: &Limits) -> Result<Kind> {
    if bytes.is_empty() {
        return Err(refused(
            "Het bestand is leeg (0 bytes). Kies het bestand opnieuw; is het gedownload, download het dan nog eens.",
        ));
    }
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > limits.max_file_bytes {
        return Err(too_large(limits));
    }
    if bytes.starts_with(ZIP_MAGIC) || bytes.starts_with(EMPTY_ZIP_MAGIC) {
        return inspect_zip(bytes, limits);
    }
    if bytes.starts_with(CFB_MAGIC) {
        return inspect_compound(bytes, limits);
    }
    if looks_like_text(bytes) {
        return Err(refused(format!(
            "{NOT_A_WORKBOOK} Het lijkt een tekst- of CSV-bestand; open het in Excel of LibreOffice, sla het op als Excel-werkmap (.xlsx) en probeer het opnieuw."
        )));
    }
    Err(refused(NOT_A_WORKBOOK))
}

pub(crate) fn too_large(limits: &Limits) -> crate::Error {
    refused(format!(
        "Het bestand is groter dan {}. Een werkmap met criteria is veel kleiner; controleer of u het juiste bestand koos.",
        megabytes(limits.max_file_bytes)
    ))
}

/// Text files (CSV, TSV, HTML saved as .xls) start with printable UTF-8 and no NUL bytes.
fn looks_like_text(bytes: &[u8]) -> bool {
    let head = bytes.get(..512).unwrap_or(bytes);
    let valid = match std::str::from_utf8(head) {
        Ok(_) => true,
        // A multi-byte character cut off at the end of the sample is fine.
        Err(err) => err.error_len().is_none(),
    };
    valid && !head.contains(&0)
}

/// A compound file is either a .xls or an encrypted .xlsx (Excel stores a password protected
/// workbook as a compound file with an `EncryptedPackage` stream).
///
/// It is opened with the `cfb` crate, which refuses sector chains that loop or share sectors, and
/// every stream is read to its end once. calamine's own compound-file reader (behind its .xls
/// reader, and its xlsx reader's password check) follows a looping chain until memory runs out:
/// a 20 kB file took it past 2 GB (found by fuzzing). So it only ever sees a file that passed here.
fn inspect_compound(bytes: &[u8], limits: &Limits) -> Result<Kind> {
    let walk = || -> std::io::Result<bool> {
        let mut file = cfb::CompoundFile::open(Cursor::new(bytes))?;
        let streams: Vec<_> = file
            .walk()
            .filter(|entry| entry.is_stream())
            .map(|entry| entry.path().to_owned())
            .collect();
        let mut encrypted = false;
        // Entries may share a chain: the total read is bounded, not only each stream.
        let mut budget = limits.max_uncompressed_bytes;
        for path in streams {
            encrypted |= path == std::path::Path::new("/EncryptedPackage");
            let stream = file.open_stream(&path)?;
            let read = std::io::copy(&mut stream.take(budget), &mut std::io::sink())?;
            budget = budget.saturating_sub(read);
            if budget == 0 {
                return Err(std::io::ErrorKind::FileTooLarge.into());
            }
        }
        Ok(encrypted)
    };
    match std::panic::catch_unwind(walk) {
        Ok(Ok(true)) => Err(refused(PASSWORD)),
        Ok(Ok(false)) => Ok(Kind::Xls),
        Ok(Err(err)) if err.kind() == std::io::ErrorKind::FileTooLarge => {
            Err(too_large_unpacked(limits))
        }
        Ok(Err(_)) | Err(_) => Err(refused(DAMAGED)),
    }
}

fn inspect_zip(bytes: &[u8], limits: &Limits) -> Result<Kind> {
    let mut zip = ZipArchive::new(Cursor::new(bytes)).map_err(|_| refused(DAMAGED))?;
    if zip.len() > limits.max_entries {
        return Err(refused(format!(
            "Het bestand bestaat uit meer dan {} onderdelen; zo ziet een werkmap er niet uit. Controleer of u het juiste bestand koos.",
            limits.max_entries
        )));
    }

    // First the declared sizes of all parts, before inflating anything.
    let mut total: u64 = 0;
    let mut sizes = Vec::with_capacity(zip.len());
    for i in 0..zip.len() {
        let part = zip.by_index_raw(i).map_err(zip_error)?;
        if part.encrypted() {
            return Err(refused(PASSWORD));
        }
        let size = part.size();
        total = total.saturating_add(size);
        if total > limits.max_uncompressed_bytes {
            return Err(too_large_unpacked(limits));
        }
        if size > RATIO_FLOOR_BYTES && size / part.compressed_size().max(1) > limits.max_ratio {
            return Err(refused(format!(
                "Het bestand is verdacht sterk ingepakt (meer dan {} keer); uitgepakt zou het te groot worden. Het is niet geopend.",
                limits.max_ratio
            )));
        }
        sizes.push(size);
    }

    // An OpenDocument file saved with a password: its parts are encrypted, which reading them
    // would report as damage. The manifest, not encrypted itself, says so.
    if let Some(i) = zip.index_for_name("META-INF/manifest.xml") {
        let mut manifest = Vec::new();
        zip.by_index(i)
            .map_err(zip_error)?
            .take(limits.max_uncompressed_bytes)
            .read_to_end(&mut manifest)
            .map_err(io_error)?;
        if String::from_utf8_lossy(&manifest).contains("encryption-data") {
            return Err(refused(PASSWORD));
        }
    }

    // Then every part read to its end: the zip crate checks the CRC when a part ends, and a part
    // that inflates to more than it declared is refused.
    let mut content_types = Vec::new();
    let mut mimetype = Vec::new();
    for (i, declared) in sizes.into_iter().enumerate() {
        let part = zip.by_index(i).map_err(zip_error)?;
        let name = part.name().map(|n| n.into_owned()).unwrap_or_default();
        let keep = match name.as_str() {
            "[Content_Types].xml" => Some(&mut content_types),
            "mimetype" => Some(&mut mimetype),
            _ => None,
        };
        let mut capped = part.take(declared.saturating_add(1));
        let read = match keep {
            // Small parts that decide the kind; their size is bounded by the checks above.
            Some(buf) => capped.read_to_end(buf).map(|n| n as u64),
            None => std::io::copy(&mut capped, &mut std::io::sink()),
        }
        .map_err(io_error)?;
        if read > declared {
            return Err(refused(format!(
                "{DAMAGED} (Een onderdeel is groter dan het bestand zelf opgeeft.)"
            )));
        }
    }

    if mimetype.starts_with(ODS_MIMETYPE.as_bytes()) {
        return Ok(Kind::Ods);
    }
    let types = String::from_utf8_lossy(&content_types);
    if types.contains("spreadsheetml.sheet.main")
        || types.contains("spreadsheetml.template.main")
        || types.contains("ms-excel.sheet.macroEnabled.main")
        || types.contains("ms-excel.template.macroEnabled.main")
    {
        return Ok(Kind::Xlsx);
    }
    if types.contains("ms-excel.sheet.binary.macroEnabled.main") {
        return Err(refused(
            "Het bestand is een binaire Excel-werkmap (.xlsb). Open het in Excel, sla het op als Excel-werkmap (.xlsx) en probeer het opnieuw.",
        ));
    }
    Err(refused(NOT_A_WORKBOOK))
}

fn too_large_unpacked(limits: &Limits) -> crate::Error {
    refused(format!(
        "Het bestand is uitgepakt groter dan {}; zo groot is een werkmap met criteria niet. Het is niet geopend.",
        megabytes(limits.max_uncompressed_bytes)
    ))
}

fn zip_error(err: ZipError) -> crate::Error {
    match err {
        ZipError::UnsupportedArchive(msg) if msg.to_ascii_lowercase().contains("password") => {
            refused(PASSWORD)
        }
        ZipError::Io(io) => io_error(io),
        _ => refused(DAMAGED),
    }
}

fn io_error(err: std::io::Error) -> crate::Error {
    if err.to_string().contains("Invalid checksum") {
        refused(BAD_CRC)
    } else {
        refused(DAMAGED)
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use zip::write::SimpleFileOptions;

    use super::*;

    fn reason(result: Result<Kind>) -> String {
        match result {
            Err(crate::Error::FileRefused { reason }) => reason,
            other => panic!("expected a refusal, got {other:?}"),
        }
    }

    fn zip_with(parts: &[(&str, &[u8])]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut zip = zip::ZipWriter::new(Cursor::new(&mut out));
        for (name, data) in parts {
            zip.start_file(*name, SimpleFileOptions::default()).unwrap();
            zip.write_all(data).unwrap();
        }
        zip.finish().unwrap();
        out
    }

    #[test]
    fn empty_text_and_unknown_files_are_refused_with_a_reason() {
        let limits = Limits::default();
        assert!(reason(inspect(b"", &limits)).contains("leeg"));
        let csv = reason(inspect(b"Nr;Criterium;Status\n1.1;Norm;Ja\n", &limits));
        assert!(csv.contains("geen Excel- of OpenDocument-werkmap"), "{csv}");
        assert!(csv.contains("CSV"), "{csv}");
        assert_eq!(
            reason(inspect(&[0u8, 159, 146, 150, 0, 1], &limits)),
            NOT_A_WORKBOOK
        );
    }

    #[test]
    fn a_file_over_the_size_limit_is_refused_before_anything_is_parsed() {
        let limits = Limits {
            max_file_bytes: 10,
            ..Limits::default()
        };
        assert!(reason(inspect(b"PK\x03\x04 and much more", &limits)).contains("groter dan"));
    }

    #[test]
    fn a_zip_that_is_not_a_workbook_is_refused() {
        let docx = zip_with(&[("[Content_Types].xml", b"wordprocessingml.document.main")]);
        assert_eq!(reason(inspect(&docx, &Limits::default())), NOT_A_WORKBOOK);
    }

    #[test]
    fn a_part_with_a_high_ratio_or_a_huge_size_is_refused_before_it_is_inflated() {
        let zeros = vec![0u8; 3 * 1024 * 1024];
        let bomb = zip_with(&[("xl/worksheets/sheet1.xml", &zeros)]);
        assert!(reason(inspect(&bomb, &Limits::default())).contains("ingepakt"));
        let limits = Limits {
            max_uncompressed_bytes: 1024,
            ..Limits::default()
        };
        assert!(reason(inspect(&bomb, &limits)).contains("uitgepakt groter"));
    }

    /// Overwrites the declared uncompressed size of the first part in the central directory.
    fn declare_size(zip: &mut [u8], size: u32) {
        let at = zip
            .windows(4)
            .position(|w| w == b"PK\x01\x02")
            .expect("central directory");
        zip[at + 24..at + 28].copy_from_slice(&size.to_le_bytes());
    }

    #[test]
    fn a_part_that_lies_about_its_size_is_refused() {
        let sheet = b"<sheetData>".repeat(100);
        let base = zip_with(&[("xl/worksheets/sheet1.xml", &sheet)]);
        let mut huge = base.clone();
        declare_size(&mut huge, 0xFFFF_FFF0);
        assert!(reason(inspect(&huge, &Limits::default())).contains("uitgepakt groter"));
        let mut small = base;
        declare_size(&mut small, 10);
        assert_eq!(reason(inspect(&small, &Limits::default())), DAMAGED);
    }

    /// A compound file made by the `cfb` crate, with one stream.
    fn compound(stream: &str, data: &[u8]) -> Vec<u8> {
        let mut file = cfb::CompoundFile::create(Cursor::new(Vec::new())).unwrap();
        file.create_stream(stream).unwrap().write_all(data).unwrap();
        file.flush().unwrap();
        file.into_inner().into_inner()
    }

    #[test]
    fn a_compound_file_whose_directory_chain_loops_is_refused_without_following_it() {
        // Regression (fuzzing): calamine's compound-file reader, used by the password check,
        // followed this loop until it had allocated more than 2 GB.
        let mut bytes = compound("/Workbook", &[0u8; 64]);
        let u32_at = |b: &[u8], at: usize| u32::from_le_bytes(b[at..at + 4].try_into().unwrap());
        let dir_start = u32_at(&bytes, 0x30);
        let first_fat_sector = u32_at(&bytes, 0x4C);
        let sector_size = 1usize << u16::from_le_bytes([bytes[0x1E], bytes[0x1F]]);
        // The FAT entry of the directory's first sector points back at itself.
        let entry = (first_fat_sector as usize + 1) * sector_size + dir_start as usize * 4;
        bytes[entry..entry + 4].copy_from_slice(&dir_start.to_le_bytes());
        assert_eq!(reason(inspect(&bytes, &Limits::default())), DAMAGED);
    }

    #[test]
    fn a_compound_file_is_an_xls_unless_it_holds_an_encrypted_package() {
        let limits = Limits::default();
        assert_eq!(
            inspect(&compound("/Workbook", b"BIFF"), &limits).unwrap(),
            Kind::Xls
        );
        let encrypted = compound("/EncryptedPackage", &[0u8; 5000]);
        assert_eq!(reason(inspect(&encrypted, &limits)), PASSWORD);
        let small = Limits {
            max_uncompressed_bytes: 1000,
            ..Limits::default()
        };
        assert!(reason(inspect(&encrypted, &small)).contains("uitgepakt groter"));
    }

    #[test]
    fn a_flipped_byte_in_a_part_is_caught_by_the_crc() {
        let data = b"<sheetData><row><c><v>1</v></c></row></sheetData>".repeat(20);
        let mut stored = Vec::new();
        {
            let mut zip = zip::ZipWriter::new(Cursor::new(&mut stored));
            let opts =
                SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
            zip.start_file("[Content_Types].xml", opts).unwrap();
            zip.write_all(b"spreadsheetml.sheet.main").unwrap();
            zip.start_file("xl/worksheets/sheet1.xml", opts).unwrap();
            zip.write_all(&data).unwrap();
            zip.finish().unwrap();
        }
        let at = stored.windows(5).position(|w| w == b"<v>1<").unwrap();
        stored[at + 3] = b'7';
        assert_eq!(reason(inspect(&stored, &Limits::default())), BAD_CRC);
    }
}
