//! The flows the window and the command line both perform, one function each, so both do the
//! same checks in the same order: exporting a round to a file, reading a picked workbook as a dry
//! run, confirming it (with or without moving the round to a new catalog version), and creating a
//! round or an organisation and showing it. The top layer of the core: it uses the store, the
//! import and the export, and nothing uses it but the shell.

use std::path::Path;

use time::{Date, OffsetDateTime};

use crate::error::{Error, Result};
use crate::import::{CatalogIdentity, ImportCorrections, ImportOptions, ImportPlan};
use crate::model::{AssessmentId, ChangeContext};
use crate::{AssessmentView, FileUse, ImportDestination, ImportOutcome, NewRound, Store};

/// An export of one round to a file the user picked.
#[derive(Debug, Clone, Copy)]
pub struct ExportRequest<'a> {
    /// The round to export.
    pub round: AssessmentId,
    /// An earlier round of the same organisation, for a sheet Vergelijking.
    pub compare_with: Option<AssessmentId>,
    /// The file to write (replaced atomically when it exists).
    pub target: &'a Path,
    /// The moment written into the file's metadata.
    pub exported_at: OffsetDateTime,
    /// The program and version written into the file's metadata.
    pub program: &'a str,
}

/// Exports a round: refuses a target that is one of the store's own files before anything is
/// written, then writes the workbook atomically.
///
/// # Errors
/// [`Error::OwnFile`] for the database, its journal or lock files or a backup; the errors of
/// reading the round; [`Error::WriteFile`] or [`Error::Workbook`] when writing fails (a previous
/// file is then unchanged).
pub fn export_round(store: &Store, request: &ExportRequest<'_>) -> Result<()> {
    store.refuse_own_file(request.target, FileUse::Export)?;
    let view = store.assessment_view(request.round)?;
    let comparison = request
        .compare_with
        .map(|earlier| store.compare(earlier, request.round))
        .transpose()?;
    let params = crate::export::ExportParams {
        view: &view,
        exported_at: request.exported_at,
        program: request.program,
    };
    crate::export::write_workbook_with_comparison(&params, comparison.as_ref(), request.target)
}

/// Reads a picked workbook as a dry run, with the user's corrections and the column mappings
/// confirmed earlier. The store's own files are refused before the file is opened.
///
/// # Errors
/// [`Error::OwnFile`], and every refusal of the import (see `import::analyse`).
pub fn dry_run(
    store: &Store,
    file: &Path,
    corrections: ImportCorrections,
    today: Date,
) -> Result<ImportPlan> {
    store.refuse_own_file(file, FileUse::Import)?;
    let options = ImportOptions {
        sheet: corrections.sheet,
        header_row: corrections.header_row,
        mapping: corrections.mapping,
        remembered: store.remembered_mappings()?,
        ..ImportOptions::new(today)
    };
    crate::import::analyse(file, &options)
}

/// The plan with the catalog's name and version as the user confirmed them (`None`: as found),
/// copied only when there is a correction.
fn corrected<'a>(
    plan: &'a ImportPlan,
    identity: Option<&CatalogIdentity>,
) -> Result<std::borrow::Cow<'a, ImportPlan>> {
    Ok(match identity {
        Some(identity) => {
            let mut corrected = plan.clone();
            corrected.set_catalog_identity(identity)?;
            std::borrow::Cow::Owned(corrected)
        }
        None => std::borrow::Cow::Borrowed(plan),
    })
}

/// What confirming a dry run will do, said before the user confirms: which round receives the
/// criteria and answers (the open `round`, or a new round of its organisation with the name
/// proposed or `new_round`), and how many criteria, themes and answers the file brings. The
/// same arguments as [`confirm_import`]; nothing is written.
///
/// # Errors
/// Those of [`confirm_import`] that can be known before confirming: an empty catalog name or
/// version, a new round's name that is empty or taken, or given where no new round is made.
pub fn import_destination(
    store: &Store,
    round: Option<AssessmentId>,
    plan: &ImportPlan,
    identity: Option<&CatalogIdentity>,
    move_round: bool,
    new_round: Option<&str>,
    now: OffsetDateTime,
) -> Result<ImportDestination> {
    let plan = corrected(plan, identity)?;
    store.import_destination(round, &plan, new_round, move_round, now)
}

/// Confirms a dry run for `round` (the round the user has open; `None` on a database without
/// one), with the catalog's name and version as the user confirmed them (`None`: as found).
/// With `move_round`, that round moves to the imported catalog version, its answers carried
/// over; otherwise the import lands as [`Store::apply_import`] describes, a new round named
/// `new_round` when given (else after the year).
///
/// # Errors
/// [`Error::InvalidInput`] when asked to move a round without naming one, for a name or
/// version that is empty (see [`ImportPlan::set_catalog_identity`]), or for a new round's name
/// when moving; the refusals of the import (blocking findings, a sealed round, a new round's
/// name that is empty or taken, no backup possible).
pub fn confirm_import(
    store: &mut Store,
    round: Option<AssessmentId>,
    plan: &ImportPlan,
    identity: Option<&CatalogIdentity>,
    move_round: bool,
    new_round: Option<&str>,
    ctx: &ChangeContext,
) -> Result<ImportOutcome> {
    // Checked before anything is written.
    let plan = corrected(plan, identity)?;
    if !move_round {
        return store.apply_import_into(round, &plan, new_round, ctx);
    }
    let round = round.ok_or_else(|| Error::InvalidInput {
        reason: "Er is geen ronde om naar de nieuwe versie over te zetten. Open eerst de ronde onder Rondes.".into(),
    })?;
    if new_round.is_some() {
        return Err(Error::InvalidInput {
            reason: "De ronde wordt overgezet naar de nieuwe versie; er wordt geen nieuwe ronde gemaakt. Geef geen naam voor een nieuwe ronde op.".into(),
        });
    }
    store.apply_import_upgrading(round, &plan, ctx)
}

/// Creates a round (optionally carrying another round's answers over) and returns it as the
/// window shows it.
///
/// # Errors
/// The refusals of [`Store::create_round`] (a name in use, a date that does not exist).
pub fn create_round(
    store: &mut Store,
    new: &NewRound,
    ctx: &ChangeContext,
) -> Result<AssessmentView> {
    let round = store.create_round(new, ctx)?;
    store.assessment_view(round)
}

/// Renames a round and sets its reference date, and returns it as the window shows it.
///
/// # Errors
/// The refusals of [`Store::edit_round`] (a sealed round, a name in use, a date that does not
/// exist).
pub fn edit_round(
    store: &mut Store,
    round: AssessmentId,
    edit: &crate::RoundEdit,
    ctx: &ChangeContext,
) -> Result<AssessmentView> {
    store.edit_round(round, edit, ctx)?;
    store.assessment_view(round)
}

/// Creates an organisation with a first round on the catalog of `catalog_of` and returns that
/// round as the window shows it.
///
/// # Errors
/// The refusals of [`Store::create_organisation`] (an empty or used name).
pub fn create_organisation(
    store: &mut Store,
    name: &str,
    catalog_of: Option<AssessmentId>,
    ctx: &ChangeContext,
) -> Result<AssessmentView> {
    let round = store.create_organisation(name, catalog_of, ctx)?;
    store.assessment_view(round)
}

#[cfg(test)]
mod tests {
    use time::macros::{date, datetime};

    use super::*;

    fn ctx() -> ChangeContext {
        ChangeContext {
            at: datetime!(2026-11-30 10:00 UTC),
            by: "fg".into(),
        }
    }

    #[test]
    fn an_export_over_the_database_is_refused_before_anything_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("avg-borging.sqlite3");
        let mut store = Store::open(&db).unwrap();
        let round = store.ensure_started(ctx().at).unwrap();
        let before = std::fs::read(&db).unwrap();
        let request = ExportRequest {
            round,
            compare_with: None,
            target: &db,
            exported_at: ctx().at,
            program: "test",
        };
        let err = export_round(&store, &request).unwrap_err();
        assert_eq!(err.code(), "own_file");
        assert_eq!(std::fs::read(&db).unwrap(), before);

        let target = dir.path().join("Beoordeling 2026.xlsx");
        export_round(
            &store,
            &ExportRequest {
                target: &target,
                ..request
            },
        )
        .unwrap();
        assert!(target.exists());
        // The export itself reads back as a dry run; the database does not.
        let plan = dry_run(
            &store,
            &target,
            ImportCorrections::default(),
            date!(2026 - 11 - 30),
        )
        .unwrap();
        assert!(plan.own_export);
        let err = dry_run(
            &store,
            &db,
            ImportCorrections::default(),
            date!(2026 - 11 - 30),
        )
        .unwrap_err();
        assert_eq!(err.code(), "own_file");
    }

    #[test]
    fn moving_a_round_needs_a_round() {
        let mut store = Store::open_in_memory().unwrap();
        let dir = tempfile::tempdir().unwrap();
        let round = store.ensure_started(ctx().at).unwrap();
        let target = dir.path().join("export.xlsx");
        export_round(
            &store,
            &ExportRequest {
                round,
                compare_with: None,
                target: &target,
                exported_at: ctx().at,
                program: "test",
            },
        )
        .unwrap();
        let plan = dry_run(
            &store,
            &target,
            ImportCorrections::default(),
            date!(2026 - 11 - 30),
        )
        .unwrap();
        let err = confirm_import(&mut store, None, &plan, None, true, None, &ctx()).unwrap_err();
        assert_eq!(err.code(), "invalid_input");
    }

    #[test]
    fn a_new_organisation_is_shown_with_its_first_round() {
        let mut store = Store::open_in_memory().unwrap();
        let first = store.ensure_started(ctx().at).unwrap();
        let view = create_organisation(&mut store, "Gemeente Oost", Some(first), &ctx()).unwrap();
        assert_eq!(view.assessment.organisation, "Gemeente Oost");
        assert_eq!(view.assessment.name, "2026");
    }
}

/// A report of one round, to a file the user picked.
#[derive(Debug, Clone, Copy)]
pub struct ReportRequest {
    /// The round reported on.
    pub round: AssessmentId,
    /// Document, variant and the round to compare with.
    pub choice: crate::report::ReportChoice,
    /// The print date ("afgedrukt op"), from the caller's clock.
    pub printed_on: Date,
}

/// The report as the bytes of a file in `format`: the round (and the one to compare with, which
/// must be another round of the same organisation) as a document model, then rendered.
///
/// # Errors
/// [`Error::InvalidInput`] for a comparison with the round itself or with another
/// organisation's round; the errors of reading the rounds; [`Error::Report`] when rendering fails.
pub fn report_bytes(
    store: &Store,
    request: &ReportRequest,
    format: crate::report::ReportFormat,
) -> Result<Vec<u8>> {
    let view = store.assessment_view(request.round)?;
    let earlier = match request.choice.compare_with {
        None => None,
        Some(id) if id == request.round => {
            return Err(Error::InvalidInput {
                reason: "Een ronde kan niet met zichzelf worden vergeleken. Kies een eerdere ronde of geen vergelijking.".to_owned(),
            });
        }
        Some(id) => {
            let earlier = store.assessment_view(id)?;
            if earlier.assessment.organisation_id != view.assessment.organisation_id {
                return Err(Error::InvalidInput {
                    reason: format!(
                        "Ronde {} hoort bij een andere organisatie ({}). Vergelijk alleen rondes van {}.",
                        earlier.assessment.name,
                        earlier.assessment.organisation,
                        view.assessment.organisation
                    ),
                });
            }
            Some(earlier)
        }
    };
    let report = crate::report::Report::of(&crate::report::ReportInput {
        view: &view,
        earlier: earlier.as_ref(),
        document: request.choice.document,
        public: request.choice.public,
        printed_on: request.printed_on,
    });
    report.render(format)
}

/// Writes a report to `target`: the format follows the file name (.pdf or .docx); the store's
/// own files are refused before anything is made; the file is replaced atomically.
///
/// # Errors
/// [`Error::InvalidInput`] for another extension, [`Error::OwnFile`], the errors of
/// [`report_bytes`], and [`Error::WriteFile`] (a previous file is then unchanged).
pub fn write_report(store: &Store, request: &ReportRequest, target: &Path) -> Result<()> {
    let format = crate::report::ReportFormat::of_file_name(target).ok_or_else(|| {
        Error::InvalidInput {
            reason: format!(
                "{} is geen PDF- of Word-bestand. Kies een naam die eindigt op .pdf (om af te drukken of te archiveren) of .docx (om in Word verder te bewerken).",
                target.display()
            ),
        }
    })?;
    store.refuse_own_file(target, FileUse::Export)?;
    let bytes = report_bytes(store, request, format)?;
    crate::export::atomic::write_file(target, &bytes).map_err(|source| Error::WriteFile {
        path: target.to_path_buf(),
        source,
    })
}
