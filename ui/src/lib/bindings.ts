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

export type IsoDate = string;

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
 * Reference date (peildatum), if set.
 */
reference_date: IsoDate | null, 
/**
 * The organisation assessed.
 */
organisation: string, 
/**
 * Its id.
 */
organisation_id: OrganisationId, 
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
catalog_is_example: boolean, 
/**
 * When, by whom and with which fingerprint the round was sealed; `None` while it is open.
 */
seal: Seal | null, };

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
answer: AnswerInput | null, 
/**
 * Where the answer was taken over from (e.g. the round "2025", or an earlier catalog
 * version) while nobody has confirmed or changed it yet.
 */
carried_from: string | null, };

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
 * Whether that round had no answers before this import (a new round, the empty example
 * round, or a round made without answers): its answers were read in, not changed.
 */
fresh_round: boolean, 
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
skipped: number, 
/**
 * When the round was moved to this new catalog version: the review list (reworded
 * criteria with carried answers to check, new criteria, removed criteria).
 */
catalog_changes: CatalogChanges | null, };

export type AnswerCounts = { 
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
 * Rows with notes (owner, action, …) but no status.
 */
notes_only: number, };

export type DestinationKind = "existing" | "replaces_example" | "moved" | "new_round";

export type ImportDestination = { 
/**
 * What happens to the round.
 */
kind: DestinationKind, 
/**
 * The existing round; `None` when a new round is made.
 */
round: AssessmentId | null, 
/**
 * Its name, or the name the new round gets (proposed, or as the user gave it).
 */
round_name: string, 
/**
 * The organisation of the round.
 */
organisation: string, 
/**
 * Whether that organisation is made too (a database without any).
 */
new_organisation: boolean, 
/**
 * Whether the existing round is sealed: confirming is then refused until it is reopened.
 */
sealed: boolean, 
/**
 * Whether the criteria are stored as a new criteria set (or a new version of one).
 */
new_catalog: boolean, 
/**
 * The criteria set's name as it will be stored.
 */
catalog_name: string, 
/**
 * Its version as it will be stored (a suffix is added when that version exists with other
 * criteria).
 */
catalog_version: string, 
/**
 * Criteria in the file.
 */
criteria: number, 
/**
 * Themes in the file.
 */
themes: number, 
/**
 * The file's answers per status.
 */
answers: AnswerCounts, };

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
 * The code of the criterion read from that row ("2.4"), when the row holds exactly one.
 */
criterion: string | null, 
/**
 * The header of that column ("Status"), when the sheet's header names it (and no other
 * column has the same header).
 */
column_title: string | null, 
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
 * Name, e.g. "Criteria borging AVG": what the file states (our export's metadata, a title,
 * the document properties), else the file name; see `ImportPlan::catalog_origin`.
 */
name: string, 
/**
 * Version, e.g. "2024": what the file states, else the import date.
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
 * Where the catalog's name and version came from; the user may correct both on confirming.
 */
catalog_origin: CatalogOrigin, 
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

export type IdentitySource = "own_export" | "library" | "title_block" | "document_properties" | "file_name" | "today" | "given";

export type CatalogOrigin = { 
/**
 * Where the name came from.
 */
name: IdentitySource, 
/**
 * Where the version came from.
 */
version: IdentitySource, 
/**
 * Dutch, one sentence: where both came from, with the sheet and cell of a title.
 */
text: string, };

export type CatalogIdentity = { 
/**
 * The name, e.g. "Criteria borging AVG".
 */
name: string, 
/**
 * The version, e.g. "2.1".
 */
version: string, };

export type Seal = { 
/**
 * The date of establishment.
 */
sealed_on: IsoDate, 
/**
 * Who established it, e.g. "College van B&W" or the FG's name.
 */
sealed_by: string, 
/**
 * Hex SHA-256 of the round's contents at sealing (see `fingerprint`).
 */
fingerprint: string, };

export type RoundSummary = { 
/**
 * Its id.
 */
id: AssessmentId, 
/**
 * Its name, e.g. "2026".
 */
name: string, 
/**
 * Reference date (peildatum), `YYYY-MM-DD`, if set.
 */
reference_date: IsoDate | null, 
/**
 * Catalog name.
 */
catalog_name: string, 
/**
 * Catalog version.
 */
catalog_version: string, 
/**
 * Set when the round is sealed.
 */
seal: Seal | null, 
/**
 * Answers carried over from another round that nobody confirmed or changed yet.
 */
unconfirmed: number, };

export type OrganisationRounds = { 
/**
 * Its id.
 */
id: OrganisationId, 
/**
 * Its name.
 */
name: string, 
/**
 * Its rounds, most recent first.
 */
rounds: Array<RoundSummary>, };

export type Rounds = { 
/**
 * The open round.
 */
current: AssessmentId | null, 
/**
 * Organisations by name.
 */
organisations: Array<OrganisationRounds>, };

export type NewRound = { 
/**
 * The organisation it belongs to.
 */
organisation: OrganisationId, 
/**
 * Its name, e.g. "2026".
 */
name: string, 
/**
 * Reference date, `YYYY-MM-DD`, or `None`.
 */
reference_date: string | null, 
/**
 * A round of the same organisation whose answers, owners and actions are carried over.
 */
carry_from: AssessmentId | null, };

export type RoundEdit = { 
/**
 * Its name, e.g. "2026".
 */
name: string, 
/**
 * Reference date (peildatum), `YYYY-MM-DD`; `None` or empty removes it.
 */
reference_date: string | null, };

export type SealRequest = { 
/**
 * Who established it.
 */
sealed_by: string, 
/**
 * The date, `YYYY-MM-DD`; `None` = today.
 */
sealed_on: string | null, };

export type RoundEventKind = "created" | "sealed" | "unsealed" | "catalog_upgraded" | "imported" | "edited";

export type RoundEvent = { 
/**
 * RFC 3339 moment.
 */
at: string, 
/**
 * Who.
 */
by: string, 
/**
 * What.
 */
kind: RoundEventKind, 
/**
 * Dutch detail, e.g. the fingerprint or what was carried over.
 */
detail: string, };

export type SealCheck = { 
/**
 * The seal as recorded.
 */
seal: Seal, 
/**
 * The fingerprint of the data as it is now.
 */
computed: string, 
/**
 * Whether both are the same.
 */
matches: boolean, };

export type RoundRef = { 
/**
 * Its id.
 */
id: AssessmentId, 
/**
 * Its name, e.g. "2025".
 */
name: string, 
/**
 * Its reference date, if set.
 */
reference_date: IsoDate | null, };

export type ThemeComparison = { 
/**
 * The theme's title.
 */
theme: string, 
/**
 * Counts in the earlier round (zero when the theme did not exist then).
 */
from: Counts, 
/**
 * Counts in the later round.
 */
to: Counts, };

export type Direction = "better" | "worse" | "other";

export type StatusChange = { 
/**
 * Its code.
 */
code: string, 
/**
 * Its theme in the later round (or the earlier one when it was removed).
 */
theme: string, 
/**
 * The norm's text (later round, or earlier when removed).
 */
text: string, 
/**
 * Status in the earlier round; `None` = niet beoordeeld or not in that catalog.
 */
from: Status | null, 
/**
 * Status in the later round.
 */
to: Status | null, 
/**
 * Better, worse or otherwise.
 */
direction: Direction, };

export type Comparison = { 
/**
 * The organisation of both rounds.
 */
organisation: string, 
/**
 * The earlier round.
 */
from: RoundRef, 
/**
 * The later round.
 */
to: RoundRef, 
/**
 * Themes of the later round in its order, then themes only the earlier round had.
 */
themes: Array<ThemeComparison>, 
/**
 * All themes together, earlier round.
 */
total_from: Counts, 
/**
 * All themes together, later round.
 */
total_to: Counts, 
/**
 * Criteria whose status changed, in the later round's order.
 */
changes: Array<StatusChange>, };

export type PlanItem = { 
/**
 * The criterion.
 */
criterion: CriterionId, 
/**
 * Its code.
 */
code: string, 
/**
 * Its theme.
 */
theme: string, 
/**
 * The norm.
 */
text: string, 
/**
 * Gedeeltelijk or aandacht.
 */
status: Status, 
/**
 * Who is responsible; empty when nobody is named yet.
 */
owner: string, 
/**
 * What will be done.
 */
action: string, 
/**
 * When, `YYYY-MM-DD`.
 */
deadline: string | null, 
/**
 * The deadline is before today.
 */
overdue: boolean, };

export type ImprovementPlan = { 
/**
 * The organisation.
 */
organisation: string, 
/**
 * The round.
 */
round: string, 
/**
 * The day "overdue" was judged on, `YYYY-MM-DD`.
 */
today: string, 
/**
 * The partial and open criteria.
 */
items: Array<PlanItem>, };

export type CriterionRef = { 
/**
 * Its code.
 */
code: string, 
/**
 * Its theme.
 */
theme: string, 
/**
 * Its text.
 */
text: string, };

export type RemovedCriterion = { 
/**
 * The criterion in the old version.
 */
criterion: CriterionRef, 
/**
 * Its status in the round; the answer is not carried over.
 */
status: Status | null, };

export type RewordedCriterion = { 
/**
 * In the version in use.
 */
old: CriterionRef, 
/**
 * In the new version.
 */
new: CriterionRef, 
/**
 * How similar the texts are, 0–100.
 */
similarity: number, 
/**
 * The status in the round, carried over to be checked.
 */
status: Status | null, };

export type CatalogChanges = { 
/**
 * The catalog in use, e.g. "Criteria borging AVG, versie 2024".
 */
from_catalog: string, 
/**
 * The new catalog, named the same way.
 */
to_catalog: string, 
/**
 * Criteria with the same code and text.
 */
unchanged: number, 
/**
 * Reworded or renumbered criteria.
 */
reworded: Array<RewordedCriterion>, 
/**
 * New criteria: no answer yet.
 */
added: Array<CriterionRef>, 
/**
 * Criteria that are gone, with their status in the round.
 */
removed: Array<RemovedCriterion>, };

export type BackupReason = "import" | "upgrade" | "migration" | "daily";

export type BackupInfo = { 
/**
 * Its file name; the only way to refer to it (never a path from the page).
 */
name: string, 
/**
 * When it was taken, `YYYY-MM-DDTHH:MM:SSZ`.
 */
taken_at: string, 
/**
 * Why.
 */
reason: BackupReason, 
/**
 * Size in bytes.
 */
bytes: number, };

export type Profile = { 
/**
 * The name the user gave; `None` until they answered the first-start question.
 */
user_name: string | null, 
/**
 * The name used when none was given: the operating system's user name.
 */
fallback_name: string, 
/**
 * The organisation of the open round.
 */
organisation: string, };

export type SealReadiness = { 
/**
 * Criteria without a status.
 */
unanswered: Array<CriterionRef>, 
/**
 * Criteria marked niet van toepassing without a justification.
 */
unjustified: Array<CriterionRef>, 
/**
 * Answers carried over from another round (or catalog version), not confirmed or changed.
 */
unconfirmed: Array<CriterionRef>, };

export type ProfileEdit = { 
/**
 * The user's name.
 */
user_name: string, 
/**
 * The name of the organisation of the open round.
 */
organisation: string, };

export type DocumentKind = "overview" | "accountability";

export type ReportFormat = "pdf" | "docx";

export type ReportChoice = { 
/**
 * Overzicht or Verantwoording.
 */
document: DocumentKind, 
/**
 * The public variant (Woo): no names of owners or people.
 */
public: boolean, 
/**
 * An earlier round of the same organisation to compare with (Verantwoording only).
 */
compare_with: AssessmentId | null, };

/** Dutch labels, in the order the app shows statuses; `unanswered` is no status yet. */
export const STATUS_LABELS: Record<Status | "unanswered", string> = {
  implemented: "Geïmplementeerd",
  partial: "Gedeeltelijk geïmplementeerd",
  open: "Vraagt aandacht",
  not_applicable: "Niet van toepassing",
  unanswered: "Niet beoordeeld",
};
