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
