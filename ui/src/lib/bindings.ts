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

export type AnswerView = { 
/**
 * `None` when only notes were filled in: still "niet beoordeeld".
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
answer: AnswerView | null, };

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
answers_changed: number, };
