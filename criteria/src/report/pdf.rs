//! The PDF renderer: Typst used as a library. A [`World`] of exactly two files (the template
//! compiled into the binary and the document model as JSON) and the fonts embedded from
//! `fonts/`, so the output never depends on the fonts of the user's system. Written as
//! PDF/A-2a (archival, tagged) and PDF/UA-1 (accessible).

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use super::Report;
use crate::error::{Error, Result};

const TEMPLATE: &str = include_str!("report.typ");

/// The fonts the template uses, embedded so the PDF never depends on the user's system: the
/// four files of `fonts/` (OFL and Bitstream Vera licences in `fonts/LICENSES.txt`), 1.3 MB,
/// instead of typst-assets' whole set (9.3 MB, mostly maths fonts a report never needs).
const FONT_FILES: [&[u8]; 4] = [
    include_bytes!("fonts/LibertinusSerif-Regular.otf"),
    include_bytes!("fonts/LibertinusSerif-Bold.otf"),
    include_bytes!("fonts/LibertinusSerif-Italic.otf"),
    include_bytes!("fonts/DejaVuSansMono.ttf"),
];

/// The fonts, parsed once per process: font loading is most of a small report's time.
static FONTS: LazyLock<(LazyHash<FontBook>, Vec<Font>)> = LazyLock::new(|| {
    let fonts: Vec<Font> = FONT_FILES
        .into_iter()
        .flat_map(|data| Font::iter(Bytes::new(data)))
        .collect();
    (LazyHash::new(FontBook::from_fonts(&fonts)), fonts)
});

static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

fn file_id(path: &str) -> Result<FileId> {
    let vpath = VirtualPath::new(path).map_err(|e| report_error(&format!("{e:?}")))?;
    Ok(FileId::new(RootedPath::new(VirtualRoot::Project, vpath)))
}

/// The world one report is compiled in.
struct ReportWorld {
    main: Source,
    data_id: FileId,
    data: Bytes,
    today: Datetime,
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.0
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else if id == self.main.id() {
            Ok(Bytes::from_string(self.main.clone()))
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.1.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}

fn report_error(detail: &str) -> Error {
    Error::Report(detail.to_owned())
}

fn diagnostics(errors: &[SourceDiagnostic]) -> Error {
    let detail = errors
        .iter()
        .map(|d| d.message.to_string())
        .collect::<Vec<_>>()
        .join("; ");
    report_error(&detail)
}

/// The print date as Typst's date (the document's creation date in the metadata).
fn typst_date(date: time::Date) -> Option<Datetime> {
    Datetime::from_ymd(date.year(), u8::from(date.month()), date.day())
}

/// Lays out `report` and writes it as a PDF.
pub(super) fn render(report: &Report) -> Result<Vec<u8>> {
    let data = serde_json::to_vec(report).map_err(|e| report_error(&e.to_string()))?;
    let today =
        typst_date(report.meta.printed_date.get()).ok_or_else(|| report_error("printed_on"))?;
    let world = ReportWorld {
        main: Source::new(file_id("/report.typ")?, TEMPLATE.to_owned()),
        data_id: file_id("/data.json")?,
        data: Bytes::new(data),
        today,
    };
    let document: PagedDocument = typst::compile(&world)
        .output
        .map_err(|errors| diagnostics(&errors))?;
    let standards = PdfStandards::new(&[PdfStandard::A_2a, PdfStandard::Ua_1])
        .map_err(|e| report_error(e.message()))?;
    let options = PdfOptions {
        // The same report of the same data gives the same document identifier.
        ident: Smart::Custom(format!(
            "avg-borging/{}/{}/{}",
            report.meta.organisation, report.meta.round, report.meta.title
        )),
        creator: Smart::Custom(Some(
            concat!("AVG-borging ", env!("CARGO_PKG_VERSION")).to_owned(),
        )),
        timestamp: Some(Timestamp::new_utc(today)),
        standards,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(&document, &options).map_err(|errors| diagnostics(&errors))
}
