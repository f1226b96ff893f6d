//! Generates the TypeScript types of everything that crosses the IPC boundary, and fails when the
//! committed file `ui/src/lib/bindings.ts` is stale. Run with `UPDATE_BINDINGS=1` to rewrite it.

use std::path::PathBuf;

use ts_rs::{Config, TS};

use crate::*;

fn generate() -> String {
    let cfg = Config::new().with_large_int("number");
    let decls = [
        ErrorReport::decl(&cfg),
        Status::decl(&cfg),
        Date::decl(&cfg),
        CatalogId::decl(&cfg),
        ThemeId::decl(&cfg),
        CriterionId::decl(&cfg),
        OrganisationId::decl(&cfg),
        AssessmentId::decl(&cfg),
        AssessmentSummary::decl(&cfg),
        CriterionView::decl(&cfg),
        ThemeView::decl(&cfg),
        AssessmentView::decl(&cfg),
        AnswerInput::decl(&cfg),
        HistoryEntry::decl(&cfg),
        Counts::decl(&cfg),
        ThemeCounts::decl(&cfg),
        CatalogRef::decl(&cfg),
        Overview::decl(&cfg),
        ImportOutcome::decl(&cfg),
        AnswerCounts::decl(&cfg),
        DestinationKind::decl(&cfg),
        ImportDestination::decl(&cfg),
        import::ColumnMapping::decl(&cfg),
        import::MappingSource::decl(&cfg),
        import::Severity::decl(&cfg),
        import::Finding::decl(&cfg),
        CatalogDraft::decl(&cfg),
        ThemeDraft::decl(&cfg),
        CriterionDraft::decl(&cfg),
        import::ImportPlan::decl(&cfg),
        import::ImportCorrections::decl(&cfg),
        import::IdentitySource::decl(&cfg),
        import::CatalogOrigin::decl(&cfg),
        import::CatalogIdentity::decl(&cfg),
        Seal::decl(&cfg),
        RoundSummary::decl(&cfg),
        OrganisationRounds::decl(&cfg),
        Rounds::decl(&cfg),
        NewRound::decl(&cfg),
        RoundEdit::decl(&cfg),
        SealRequest::decl(&cfg),
        RoundEventKind::decl(&cfg),
        RoundEvent::decl(&cfg),
        SealCheck::decl(&cfg),
        RoundRef::decl(&cfg),
        ThemeComparison::decl(&cfg),
        Direction::decl(&cfg),
        StatusChange::decl(&cfg),
        Comparison::decl(&cfg),
        PlanItem::decl(&cfg),
        ImprovementPlan::decl(&cfg),
        CriterionRef::decl(&cfg),
        RemovedCriterion::decl(&cfg),
        RewordedCriterion::decl(&cfg),
        CatalogChanges::decl(&cfg),
        BackupReason::decl(&cfg),
        BackupInfo::decl(&cfg),
        Profile::decl(&cfg),
        SealReadiness::decl(&cfg),
        ProfileEdit::decl(&cfg),
        report::DocumentKind::decl(&cfg),
        report::ReportFormat::decl(&cfg),
        report::ReportChoice::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust types in criteria/ by `UPDATE_BINDINGS=1 cargo test -p criteria bindings`.\n// Do not edit by hand: the tests fail when this file differs from the Rust types.\n",
    );
    for decl in decls {
        out.push_str("\nexport ");
        out.push_str(decl.trim_end());
        out.push('\n');
    }
    out.push_str(&status_labels());
    out
}

/// The Dutch label of each status, and of none (`unanswered`), in the order the app shows them:
/// the page takes them from here, so they are spelled in one place (`Status::label`).
fn status_labels() -> String {
    let mut out = String::from(
        "\n/** Dutch labels, in the order the app shows statuses; `unanswered` is no status yet. */\nexport const STATUS_LABELS: Record<Status | \"unanswered\", string> = {\n",
    );
    let labels = Status::ALL
        .into_iter()
        .map(|status| (status.as_str(), status.label()))
        .chain([("unanswered", Status::UNANSWERED_LABEL)]);
    for (key, label) in labels {
        let label = serde_json::to_string(label).expect("a string serialises");
        out.push_str(&format!("  {key}: {label},\n"));
    }
    out.push_str("};\n");
    out
}

#[test]
fn typescript_bindings_are_up_to_date() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../ui/src/lib/bindings.ts");
    let expected = generate();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &expected).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == expected,
        "ui/src/lib/bindings.ts is stale: run `UPDATE_BINDINGS=1 cargo test -p criteria bindings` and commit it"
    );
}
