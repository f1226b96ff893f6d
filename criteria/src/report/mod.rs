//! The report: a round as a document for the annual report, printed or pasted into Word.
//!
//! Content is decided once, in [`Report::of`]: a document model of headings, paragraphs, tables
//! and a chart, built from the round (and the round to compare with). Two renderers turn that
//! model into files: [`pdf`] lays it out with Typst (A4, PDF/A-2, tagged, fonts embedded) and
//! [`docx`] writes the same blocks with Word's named styles. Neither renderer decides what is in
//! the document, so the PDF and the Word file always say the same.

mod content;
mod docx;
mod dutch;
mod pdf;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::view::AssessmentView;

pub use dutch::{long_date, short_date};

/// Which document to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// *Overzicht*: the table per theme, the chart and the aandachtspunten.
    Overview,
    /// *Verantwoording borging AVG*: the annual-report chapter (summary, overview, comparison,
    /// verbeterplan, n.v.t., unanswered criteria, the seal).
    Accountability,
}

impl DocumentKind {
    /// The document's title.
    pub fn title(self) -> &'static str {
        match self {
            DocumentKind::Overview => "Overzicht borging AVG",
            DocumentKind::Accountability => "Verantwoording borging AVG",
        }
    }
}

/// Which file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReportFormat {
    /// A print-ready PDF (PDF/A-2, tagged).
    Pdf,
    /// An editable Word document.
    Docx,
}

impl ReportFormat {
    /// The format a file name asks for, by its extension; `None` for anything else.
    pub fn of_file_name(name: &std::path::Path) -> Option<ReportFormat> {
        let extension = name.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "pdf" => Some(ReportFormat::Pdf),
            "docx" => Some(ReportFormat::Docx),
            _ => None,
        }
    }
}

/// What the user chose: the document, the variant and the round to compare with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReportChoice {
    /// Overzicht or Verantwoording.
    pub document: DocumentKind,
    /// The public variant (Woo): no names of owners or people.
    pub public: bool,
    /// An earlier round of the same organisation to compare with (Verantwoording only).
    pub compare_with: Option<crate::AssessmentId>,
}

/// Everything a report is made from. The print date is passed in: the core never reads a clock.
#[derive(Debug, Clone, Copy)]
pub struct ReportInput<'a> {
    /// The round reported on.
    pub view: &'a AssessmentView,
    /// The round compared with, if any.
    pub earlier: Option<&'a AssessmentView>,
    /// Document and variant.
    pub document: DocumentKind,
    /// The public variant.
    pub public: bool,
    /// The day the report is made ("afgedrukt op").
    pub printed_on: time::Date,
}

/// The document model both renderers draw.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The facts of every page's header and footer, and of the file's metadata.
    pub meta: ReportMeta,
    /// The content, in reading order.
    pub blocks: Vec<Block>,
}

/// The facts shown around the content and stored in the file's metadata.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportMeta {
    /// The document title, e.g. "Verantwoording borging AVG".
    pub title: String,
    /// The organisation.
    pub organisation: String,
    /// The round, e.g. "2026".
    pub round: String,
    /// The peildatum in prose ("31 december 2026"), if set.
    pub reference_date: Option<String>,
    /// The catalog: "Criteria borging AVG, versie 2.1".
    pub catalog: String,
    /// The print date in prose.
    pub printed_on: String,
    /// The print date, for the file's metadata.
    pub printed_date: crate::Date,
    /// "Concept, nog niet vastgesteld" or "Vastgesteld op 15 december 2026 door …".
    pub status: String,
    /// Unsealed: a draft, marked "CONCEPT" on every page.
    pub draft: bool,
    /// The sealed round's fingerprint, in groups of four.
    pub fingerprint: Option<String>,
    /// The author in the file's metadata: the organisation (a person's name is never needed).
    pub author: String,
    /// The public variant.
    pub public: bool,
}

/// One block of content.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Block {
    /// A heading; level 1 is a chapter (Kop 1), level 2 a section (Kop 2).
    Heading {
        /// 1 or 2.
        level: u8,
        /// Its text.
        text: String,
    },
    /// A paragraph of running text.
    Paragraph {
        /// Its text.
        text: String,
    },
    /// A paragraph that starts with a few words in bold (a theme's summary).
    Lead {
        /// The bold start.
        lead: String,
        /// The rest.
        text: String,
    },
    /// A smaller, quieter paragraph (how percentages are counted, what the public variant omits).
    Note {
        /// Its text.
        text: String,
    },
    /// A table with a caption.
    Table(Table),
    /// Per theme a bar of the shares per status.
    Chart(Chart),
    /// A fingerprint, set in a monospaced font.
    Fingerprint {
        /// The hex digits in groups of four.
        text: String,
    },
}

/// A table: its header is repeated on every page and no row is split over two pages.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    /// The caption ("Tabel 1. …").
    pub caption: String,
    /// The columns.
    pub columns: Vec<Column>,
    /// The rows, each with one cell per column.
    pub rows: Vec<Row>,
}

/// A table column.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Column {
    /// Its header.
    pub title: String,
    /// How it is sized.
    pub width: Width,
}

/// How a column is sized: numbers and codes as wide as their longest word, text sharing the rest.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "kind", content = "share", rename_all = "snake_case")]
pub enum Width {
    /// As wide as the longest word of the header or a cell, right-aligned (numbers).
    Number,
    /// As wide as the longest word, left-aligned (codes, statuses, dates).
    Narrow,
    /// A share of the remaining width.
    Text(u8),
}

/// A table row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// One text per column.
    pub cells: Vec<String>,
    /// The total row, set in bold.
    pub total: bool,
}

/// A bar chart: per theme the share of each status.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Chart {
    /// The caption ("Figuur 1. …").
    pub caption: String,
    /// A sentence saying what the chart shows, for screen readers and as alt text.
    pub description: String,
    /// The statuses in bar order, with their legend label.
    pub legend: Vec<String>,
    /// One bar per theme.
    pub bars: Vec<Bar>,
}

/// One bar of the chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bar {
    /// The theme.
    pub label: String,
    /// Counts in legend order: implemented, partial, open, n.v.t., unanswered.
    pub parts: [u32; 5],
    /// All criteria of the theme.
    pub total: u32,
    /// "67%" implemented of the criteria in scope.
    pub implemented: String,
}

impl Report {
    /// The document model of `input`.
    pub fn of(input: &ReportInput<'_>) -> Report {
        content::build(input)
    }

    /// The report as the bytes of a file in `format`.
    ///
    /// # Errors
    /// [`crate::Error::Report`] when the layout engine or the Word writer fails (a bug, never
    /// the user's data: every text reaches the template as data, not as markup).
    pub fn render(&self, format: ReportFormat) -> Result<Vec<u8>> {
        match format {
            ReportFormat::Pdf => pdf::render(self),
            ReportFormat::Docx => docx::render(self),
        }
    }
}

#[cfg(test)]
mod tests;
