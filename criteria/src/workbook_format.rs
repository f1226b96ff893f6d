//! The layout of the workbook AVG-borging exports, shared by the exporter (which writes it) and
//! the importer (which recognises it on re-import). Change both sides together, and bump
//! [`FORMAT_VERSION`] when an older app could misread the new layout.

/// Version of the export layout, written in the metadata sheet.
pub const FORMAT_VERSION: u32 = 1;

/// The sheet with one row per criterion.
pub const CRITERIA_SHEET: &str = "Criteria";
/// The sheet with the overview per theme (live formulas with cached results).
pub const OVERVIEW_SHEET: &str = "Overzicht";
/// The sheet with the partial and open criteria and their owners, actions and deadlines.
pub const IMPROVEMENT_PLAN_SHEET: &str = "Verbeterplan";
/// The sheet comparing the round with an earlier one (only when asked for).
pub const COMPARISON_SHEET: &str = "Vergelijking";
/// The hidden sheet with key/value metadata.
pub const METADATA_SHEET: &str = "Metadata";

/// The start of the title in the document properties of an export. It names the round, not the
/// set of criteria, so the import never takes it for the catalog's name.
pub const EXPORT_TITLE_PREFIX: &str = "AVG-borging: ";

/// Columns of the criteria sheet, in order. The last one is hidden and holds the row key.
pub const CRITERIA_COLUMNS: [&str; 12] = [
    "Nummer",
    "Thema",
    "Criterium",
    "Toelichting",
    "AVG-artikel",
    "Status",
    "Onderbouwing",
    "Eigenaar",
    "Actie",
    "Deadline",
    "Bewijs",
    "Sleutel",
];

/// Index of the hidden key column in [`CRITERIA_COLUMNS`].
pub const KEY_COLUMN: usize = 11;

/// Prefix of a row key; the rest is the criterion's code as stored. A re-import matches rows by
/// this key, so users may sort, insert and delete rows, and even edit the visible code.
pub const ROW_KEY_PREFIX: &str = "avgb1:";

/// The status labels written in the status column and offered in its drop-down, in
/// `Status::ALL` order.
pub const STATUS_LABELS: [&str; 4] = [
    "Geïmplementeerd",
    "Gedeeltelijk geïmplementeerd",
    "Vraagt aandacht",
    "Niet van toepassing",
];

/// Keys of the metadata sheet (column A), values in column B.
pub mod meta {
    /// [`super::FORMAT_VERSION`].
    pub const FORMAT_VERSION: &str = "formaatversie";
    /// Catalog name.
    pub const CATALOG: &str = "criteriaset";
    /// Catalog version.
    pub const CATALOG_VERSION: &str = "versie criteriaset";
    /// Organisation name.
    pub const ORGANISATION: &str = "organisatie";
    /// Assessment (round) name.
    pub const ASSESSMENT: &str = "beoordeling";
    /// Reference date, `YYYY-MM-DD` or empty.
    pub const REFERENCE_DATE: &str = "peildatum";
    /// Moment of export, RFC 3339.
    pub const EXPORTED_AT: &str = "geëxporteerd op";
    /// Program and version that wrote the file.
    pub const PROGRAM: &str = "programma";
    /// When the round was sealed (vastgesteld), RFC 3339, or empty.
    pub const SEALED_AT: &str = "vastgesteld op";
    /// Who sealed the round, or empty.
    pub const SEALED_BY: &str = "vastgesteld door";
    /// SHA-256 fingerprint of the sealed round (hex), or empty.
    pub const FINGERPRINT: &str = "vingerafdruk (SHA-256)";
}

/// The row key of a criterion code.
pub fn row_key(code: &str) -> String {
    format!("{ROW_KEY_PREFIX}{code}")
}
