// Generated from the Rust types in criteria/ by `UPDATE_BINDINGS=1 cargo test -p criteria bindings`.
// Do not edit by hand: the tests fail when this file differs from the Rust types.

export type ErrorReport = { 
/**
 * Stable code, see [`Error::code`].
 */
code: string, 
/**
 * Dutch message for the user.
 */
message: string, };

export type Status = "implemented" | "partial" | "open" | "not_applicable";

export type CatalogId = number;

export type ThemeId = number;

export type CriterionId = number;

export type OrganisationId = number;

export type AssessmentId = number;

export type AssessmentSummary = { 
/**
 * Its id.
 */
id: AssessmentId, 
/**
 * Name of the round, e.g. "2026".
 */
name: string, 
/**
 * Reference date (peildatum), `YYYY-MM-DD`, if set.
 */
reference_date: string | null, 
/**
 * The organisation assessed.
 */
organisation: string, 
/**
 * The catalog's name.
 */
catalog_name: string, 
/**
 * The catalog's version.
 */
catalog_version: string, 
/**
 * Whether the catalog is the app's own example rather than an imported one.
 */
catalog_is_example: boolean, };

export type CriterionView = { 
/**
 * Its id.
 */
id: CriterionId, 
/**
 * Stable code, e.g. "3.2".
 */
code: string, 
/**
 * The norm itself.
 */
text: string, 
/**
 * Explanation of the norm.
 */
explanation: string, 
/**
 * Legal basis, e.g. "AVG art. 30".
 */
legal_basis: string, 
/**
 * The answer given in this assessment; `None` when not assessed yet.
 */
answer: AnswerInput | null, };

export type ThemeView = { 
/**
 * Its id.
 */
id: ThemeId, 
/**
 * The theme's title.
 */
name: string, 
/**
 * The criteria of the theme, in order.
 */
criteria: Array<CriterionView>, };

export type AssessmentView = { 
/**
 * Which assessment this is.
 */
assessment: AssessmentSummary, 
/**
 * The catalog's themes in catalog order, each with its criteria in order.
 */
themes: Array<ThemeView>, };

export type AnswerInput = { 
/**
 * `None` = not assessed (notes may still be kept).
 */
status: Status | null, 
/**
 * Why this status (onderbouwing).
 */
justification: string, 
/**
 * Who is responsible (eigenaar).
 */
owner: string, 
/**
 * What will be done (actie).
 */
action: string, 
/**
 * When, `YYYY-MM-DD`.
 */
deadline: string | null, 
/**
 * Where the evidence is (bewijs).
 */
evidence: string, };

export type HistoryEntry = { 
/**
 * RFC 3339 moment of the change.
 */
changed_at: string, 
/**
 * Who changed it.
 */
changed_by: string, 
/**
 * The answer before; `None` when there was none.
 */
old: AnswerInput | null, 
/**
 * The answer after; `None` when it was cleared.
 */
new: AnswerInput | null, };

export type Counts = { 
/**
 * Number of criteria.
 */
criteria: number, 
/**
 * Geïmplementeerd.
 */
implemented: number, 
/**
 * Gedeeltelijk geïmplementeerd.
 */
partial: number, 
/**
 * Vraagt aandacht.
 */
open: number, 
/**
 * Niet van toepassing.
 */
not_applicable: number, 
/**
 * Niet beoordeeld.
 */
unanswered: number, };

export type ThemeCounts = { 
/**
 * The theme's title.
 */
theme: string, 
/**
 * Number of criteria.
 */
criteria: number, 
/**
 * Geïmplementeerd.
 */
implemented: number, 
/**
 * Gedeeltelijk geïmplementeerd.
 */
partial: number, 
/**
 * Vraagt aandacht.
 */
open: number, 
/**
 * Niet van toepassing.
 */
not_applicable: number, 
/**
 * Niet beoordeeld.
 */
unanswered: number, };

export type CatalogRef = { 
/**
 * Name of the catalog.
 */
name: string, 
/**
 * Its version.
 */
version: string, };

export type Overview = { 
/**
 * Which catalog.
 */
catalog: CatalogRef, 
/**
 * One line per theme.
 */
themes: Array<ThemeCounts>, 
/**
 * All themes together.
 */
total: Counts, };

export type ImportOutcome = { 
/**
 * The catalog the criteria are in now.
 */
catalog: CatalogId, 
/**
 * Whether that catalog was new (otherwise an identical one was stored already).
 */
new_catalog: boolean, 
/**
 * The catalog's version as stored (a suffix is added when the same name and version was
 * stored before with other criteria).
 */
catalog_version: string, 
/**
 * The round the answers went into; it is the current round now.
 */
assessment: AssessmentId, 
/**
 * Its name.
 */
assessment_name: string, 
/**
 * Whether that round was created by this import.
 */
new_assessment: boolean, 
/**
 * Number of criteria in the file.
 */
criteria: number, 
/**
 * Number of answers that changed.
 */
answers_changed: number, 
/**
 * Rows of the file whose code the stored catalog does not have (only when a re-imported
 * export is matched to the catalog it came from); their answers were not imported.
 */
skipped: number, };

export type ColumnMapping = { 
/**
 * Criterion code ("1.2").
 */
code: number | null, 
/**
 * Theme name (when themes are a column rather than title rows).
 */
theme: number | null, 
/**
 * The criterion text (the norm). Without it nothing can be imported.
 */
text: number | null, 
/**
 * Explanation.
 */
explanation: number | null, 
/**
 * Legal basis (AVG articles).
 */
legal_basis: number | null, 
/**
 * Status.
 */
status: number | null, 
/**
 * Justification of the status.
 */
justification: number | null, 
/**
 * Owner.
 */
owner: number | null, 
/**
 * Improvement action.
 */
action: number | null, 
/**
 * Deadline of the action.
 */
deadline: number | null, 
/**
 * Where the evidence is.
 */
evidence: number | null, 
/**
 * The hidden row key of our own export.
 */
key: number | null, };

export type MappingSource = "detected" | "remembered" | "given";

export type Severity = "blocking" | "warning" | "info";

export type Finding = { 
/**
 * The sheet it is about.
 */
sheet: string, 
/**
 * 1-based row, when it is about a row.
 */
row: number | null, 
/**
 * Column letter ("F"), when it is about a column.
 */
column: string | null, 
/**
 * How serious it is.
 */
severity: Severity, 
/**
 * Dutch: what is wrong and what was done.
 */
message: string, };

export type CatalogDraft = { 
/**
 * Name, e.g. "Criteria borging AVG" (from our export's metadata, or the file name).
 */
name: string, 
/**
 * Version, e.g. "2024" (from our export's metadata, or the import date).
 */
version: string, 
/**
 * Themes in file order; criteria without a theme go into a theme named "Algemeen".
 */
themes: Array<ThemeDraft>, };

export type ThemeDraft = { 
/**
 * The theme's title.
 */
name: string, 
/**
 * Its criteria in file order.
 */
criteria: Array<CriterionDraft>, };

export type CriterionDraft = { 
/**
 * Stable code ("3.2"); unique within the draft.
 */
code: string, 
/**
 * The norm.
 */
text: string, 
/**
 * Explanation.
 */
explanation: string, 
/**
 * Legal basis (AVG articles).
 */
legal_basis: string, 
/**
 * The answer in the file; `None` when the row had no status and no notes.
 */
answer: AnswerInput | null, 
/**
 * 1-based row in the sheet, for findings.
 */
row: number, };

export type ImportPlan = { 
/**
 * The file's name (without folder).
 */
file_name: string, 
/**
 * The sheet the criteria were read from.
 */
sheet: string, 
/**
 * All sheets in the file, for the user's choice.
 */
sheets: Array<string>, 
/**
 * 1-based header row; data starts below it.
 */
header_row: number, 
/**
 * Header texts from column A on.
 */
headers: Array<string>, 
/**
 * Normalised headers joined with `|`: the key to remember a confirmed mapping under.
 */
header_signature: string, 
/**
 * The column mapping used.
 */
mapping: ColumnMapping, 
/**
 * Where it came from.
 */
mapping_source: MappingSource, 
/**
 * False when the user should confirm or correct the mapping.
 */
mapping_certain: boolean, 
/**
 * The first data rows (at most 10) as shown text.
 */
preview: Array<Array<string>>, 
/**
 * The catalog as it would be imported.
 */
catalog: CatalogDraft, 
/**
 * Everything noticed, in sheet order.
 */
findings: Array<Finding>, 
/**
 * The file is an export of AVG-borging (its metadata sheet was found).
 */
own_export: boolean, 
/**
 * Non-empty rows below the header.
 */
rows_read: number, };

export type ImportCorrections = { 
/**
 * The sheet to read.
 */
sheet: string | null, 
/**
 * The 1-based header row.
 */
header_row: number | null, 
/**
 * The column mapping.
 */
mapping: ColumnMapping | null, };
