//! Journeys of the yearly cycle (issue 5): organisations, rounds carried over, sealing,
//! comparison, the improvement plan, history, and moving a round to a new catalog version.
//! Where a journey needs earlier data, it is made in code with the core's own API.

use criteria::{AnswerInput, ChangeContext, NewRound, Status, Store};
use fantoccini::Locator;
use time::macros::datetime;

use crate::support::{self, ACTION_TIMEOUT, App, START_TIMEOUT};

fn ctx() -> ChangeContext {
    ChangeContext {
        at: datetime!(2026-11-28 10:00 UTC),
        by: "fg-test".into(),
    }
}

/// A folder with a database holding the example round "2026" with the given statuses.
fn seeded(statuses: &[(&str, Status)]) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut store = Store::open(&App::db_path_in(dir.path())).expect("database");
    store.ensure_started(ctx().at).expect("first round");
    for (code, status) in statuses {
        store
            .set_status(
                store.current_round().expect("a round"),
                code,
                *status,
                Some("vastgelegd in 2026"),
                &ctx(),
            )
            .expect("status");
    }
    (dir, store)
}

/// Clicks the button labelled `text` as soon as it is shown (screens load their data first).
async fn click_button(app: &App, text: &str) {
    app.client
        .wait()
        .at_most(ACTION_TIMEOUT)
        .for_element(Locator::XPath(&format!(
            "//button[normalize-space(.)='{text}']"
        )))
        .await
        .unwrap_or_else(|err| panic!("button {text:?} not found: {err}"))
        .click()
        .await
        .expect("button clicked");
}

async fn fill(app: &App, css: &str, text: &str) {
    let field = app.wait_for(css, ACTION_TIMEOUT).await;
    field.clear().await.expect("field cleared");
    // Select what is left (a proposed value the page filled in) and type over it, as a person
    // does: Ctrl+A, then the text.
    field
        .send_keys("\u{E009}a\u{E009}")
        .await
        .expect("select all");
    field.send_keys(text).await.expect("typed");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_second_organisation_is_created_renamed_and_switched_to() {
    let app = App::start().await;
    app.wait_for("button.row[data-code='1.1']", START_TIMEOUT)
        .await;
    app.show_screen("Rondes").await;
    fill(&app, "#organisatie-naam", "Gemeente Oost").await;
    click_button(&app, "Organisatie toevoegen").await;
    app.wait_for_texts(".success", |t| {
        t.iter().any(|s| s.contains("Gemeente Oost is toegevoegd"))
    })
    .await;
    app.wait_for_texts("[data-testid=context]", |t| {
        t.iter()
            .any(|s| s.starts_with("Gemeente Oost · beoordeling 2026"))
    })
    .await;
    let organisations = app
        .wait_for_texts(".organisation-block h3", |t| t.len() == 2)
        .await;
    assert_eq!(organisations, ["Gemeente Oost", "Mijn organisatie"]);

    // A name in use is refused with a Dutch message; nothing changes.
    fill(&app, "#organisatie-naam", "gemeente oost").await;
    click_button(&app, "Organisatie toevoegen").await;
    let refused = app.wait_for_texts(".error", |t| !t.is_empty()).await;
    assert!(refused[0].contains("al in gebruik"), "{refused:?}");

    fill(&app, "#organisatie-hernoemen", "Gemeente Oosterhout").await;
    click_button(&app, "Naam wijzigen").await;
    app.wait_for_texts("[data-testid=context]", |t| {
        t.iter().any(|s| s.starts_with("Gemeente Oosterhout"))
    })
    .await;
    app.screenshot("rondes-organisaties").await;

    // Back to the first organisation; the choice survives a restart.
    app.client
        .wait()
        .at_most(ACTION_TIMEOUT)
        .for_element(Locator::XPath(
            "//div[@data-organisation='Mijn organisatie']//button[starts-with(normalize-space(.), 'Openen')]",
        ))
        .await
        .expect("open button")
        .click()
        .await
        .expect("clicked");
    app.wait_for_texts("[data-testid=context]", |t| {
        t.iter().any(|s| s.starts_with("Mijn organisatie"))
    })
    .await;
    let dir = app.stop().await;
    let app = App::start_in(dir).await;
    app.wait_for_texts("[data-testid=context]", |t| {
        t.iter()
            .any(|s| s.starts_with("Mijn organisatie · beoordeling 2026"))
    })
    .await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_round_from_last_year_carries_answers_until_confirmed_with_history() {
    let (dir, store) = seeded(&[("1.1", Status::Implemented), ("1.2", Status::Partial)]);
    drop(store);
    let app = App::start_in(dir).await;
    app.wait_for("button.row[data-code='1.1']", START_TIMEOUT)
        .await;
    app.show_screen("Rondes").await;
    let name = app.wait_for("#ronde-naam", ACTION_TIMEOUT).await;
    app.wait_for_texts("#ronde-overnemen option:checked", |t| t == ["Ronde 2026"])
        .await;
    assert_eq!(
        name.prop("value").await.unwrap().unwrap_or_default(),
        "2027",
        "the next year is proposed"
    );
    click_button(&app, "Ronde aanmaken").await;
    app.wait_for_texts("[data-testid=context]", |t| {
        t.iter().any(|s| s.contains("beoordeling 2027"))
    })
    .await;

    app.show_screen("Beoordelen").await;
    let marks = app
        .wait_for_texts("li.criterion .carried", |t| t.len() == 2)
        .await;
    assert!(
        marks.iter().all(|m| m == "overgenomen uit 2026"),
        "{marks:?}"
    );
    assert_eq!(app.status_of("1.1").await, "Geïmplementeerd");
    app.screenshot("nieuwe-ronde-overgenomen").await;

    // The sidebar counts them apart from what was assessed in this round.
    let sidebar = app.texts("nav .carried-count").await;
    assert_eq!(sidebar, ["2 overgenomen, nog te bevestigen"]);
    assert_eq!(
        app.texts("nav .progress[data-theme]").await.first(),
        Some(&"0 van 5 beoordeeld".to_owned())
    );

    // The status filter finds the carried answers still to confirm. b confirms 1.1 unchanged and
    // it leaves the list, the keyboard going on at 1.2; changing 1.2 also clears its mark.
    app.client
        .find(Locator::XPath("//label[contains(., 'Status')]/select"))
        .await
        .expect("the status filter")
        .select_by_label("Overgenomen, nog te bevestigen")
        .await
        .expect("the carried choice");
    app.wait_for_texts("li.criterion:not([hidden]) .code", |t| t == ["1.1", "1.2"])
        .await;
    app.screenshot("filter-overgenomen").await;
    app.focus_row("1.1").await;
    app.press("b").await;
    app.wait_for_texts("li.criterion:not([hidden]) .code", |t| t == ["1.2"])
        .await;
    app.wait_for_focus("button.row[data-code='1.2']").await;
    app.press("3").await;
    app.wait_for_texts("li.criterion .carried", |t| t.is_empty())
        .await;
    app.wait_for_texts("nav .progress[data-theme]", |t| {
        t.first().map(String::as_str) == Some("2 van 5 beoordeeld")
    })
    .await;
    assert!(app.texts("nav .carried-count").await.is_empty());
    app.client
        .find(Locator::XPath("//label[contains(., 'Status')]/select"))
        .await
        .expect("the status filter")
        .select_by_label("Alle statussen")
        .await
        .expect("all statuses");
    assert_eq!(app.status_of("1.2").await, "Vraagt aandacht");

    // The detail pane's history says who did what: carried over, then changed.
    app.open_row("1.2").await;
    let history = app.wait_for_texts(".history li", |t| t.len() >= 2).await;
    assert!(
        history[0].contains("Gedeeltelijk geïmplementeerd → Vraagt aandacht"),
        "{history:?}"
    );
    assert!(
        history[1].contains("Niet beoordeeld → Gedeeltelijk geïmplementeerd"),
        "the carried-over answer: {history:?}"
    );
    app.screenshot("geschiedenis").await;
    app.press("\u{e00c}").await;
    app.open_row("1.1").await;
    app.wait_for_texts(".history li", |t| {
        t.first()
            .is_some_and(|h| h.contains("Overgenomen antwoord bevestigd"))
    })
    .await;
    let dir = app.stop().await;

    // Last year's round is untouched.
    let store = Store::open(&App::db_path_in(dir.path())).expect("database");
    let rounds = store.rounds().expect("rounds");
    let last_year = rounds.organisations[0]
        .rounds
        .iter()
        .find(|r| r.name == "2026")
        .expect("2026")
        .id;
    let view = store.assessment_view(last_year).expect("2026");
    let status = |code: &str| {
        view.themes
            .iter()
            .flat_map(|t| &t.criteria)
            .find(|c| c.code == code)
            .and_then(|c| c.answer.as_ref()?.status)
    };
    assert_eq!(status("1.2"), Some(Status::Partial));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_sealed_round_shows_its_fingerprint_refuses_edits_and_can_be_reopened() {
    let (dir, store) = seeded(&[("1.1", Status::Implemented)]);
    drop(store);
    let app = App::start_in(dir).await;
    app.wait_for("button.row[data-code='1.1']", START_TIMEOUT)
        .await;
    app.show_screen("Rondes").await;
    // "Vastgesteld door" proposes the user's name (the test set-up gives one).
    let proposed = app
        .wait_for_values("#vastgesteld-door", |v| !v.is_empty())
        .await;
    assert_eq!(proposed, support::TEST_USER);
    fill(&app, "#vastgesteld-door", "College van B&W").await;
    click_button(&app, "Vaststellen…").await;
    // Before the formal act: what is incomplete, and who seals on which date.
    let incomplete = app
        .wait_for_texts("[data-testid=onvolledig] li", |t| !t.is_empty())
        .await;
    assert!(
        incomplete[0].contains("criteria zijn niet beoordeeld: 1.2, 1.3"),
        "{incomplete:?}"
    );
    let confirm = app
        .texts("[data-testid=vaststellen-bevestigen]")
        .await
        .join(" ");
    assert!(
        confirm.contains("Vastgesteld door College van B&W op"),
        "{confirm}"
    );
    app.screenshot("vaststellen-bevestigen").await;
    click_button(&app, "Definitief vaststellen").await;
    let fingerprint = app
        .wait_for_texts("[data-testid=vingerafdruk]", |t| !t.is_empty())
        .await
        .remove(0);
    let hex: String = fingerprint.split_whitespace().collect();
    assert_eq!(hex.len(), 64, "{fingerprint}");
    assert!(hex.chars().all(|c| c.is_ascii_hexdigit()));
    app.wait_for_texts(".seal .success", |t| {
        t.iter().any(|s| s.contains("komen overeen"))
    })
    .await;
    app.screenshot("vastgesteld").await;

    // Beoordelen is read-only: a status key is refused with a message, nothing changes.
    app.show_screen("Beoordelen").await;
    let banner = app
        .wait_for_texts("[data-testid=vastgesteld]", |t| !t.is_empty())
        .await;
    assert!(banner[0].contains(&hex), "{banner:?}");
    app.focus_row("1.2").await;
    app.press("1").await;
    let refused = app
        .wait_for_texts(".content .error", |t| !t.is_empty())
        .await;
    assert!(refused[0].contains("vastgesteld"), "{refused:?}");
    assert_eq!(app.status_of("1.2").await, "Niet beoordeeld");
    // No editing keys are offered, and the details are shown read-only: disabled fields, no
    // calendar, no confirm button.
    let keys = app.texts("#toetsen").await;
    assert!(
        keys[0].starts_with("Alleen lezen") && !keys[0].contains("Geïmplementeerd"),
        "{keys:?}"
    );
    app.open_row("1.1").await;
    for field in [
        "#veld-onderbouwing",
        "#veld-eigenaar",
        "#veld-actie",
        "#veld-deadline",
        "#veld-bewijs",
    ] {
        let disabled = app
            .wait_for(field, ACTION_TIMEOUT)
            .await
            .prop("disabled")
            .await
            .unwrap();
        assert_eq!(
            disabled.as_deref(),
            Some("true"),
            "{field} is not read-only"
        );
    }
    assert!(app.texts(".calendar-button").await.is_empty());
    app.screenshot("vastgesteld-details").await;
    app.press("\u{e00c}").await; // Escape
    app.wait_for_texts("#detail-kop", |t| t.is_empty()).await;

    // The overview carries the fingerprint, on screen and in print.
    app.show_screen("Overzicht").await;
    let line = app
        .wait_for_texts("[data-testid=overzicht-vingerafdruk]", |t| !t.is_empty())
        .await;
    assert!(line[0].contains(&hex), "{line:?}");
    let printed = app.texts(".print-header").await;
    assert!(printed.iter().all(String::is_empty), "hidden on screen");
    let header: String = app
        .client
        .execute(
            "return document.querySelector('.print-header').textContent;",
            vec![],
        )
        .await
        .unwrap()
        .as_str()
        .unwrap_or_default()
        .to_owned();
    assert!(header.contains(&hex), "the printed header: {header}");

    // Reopening is possible and recorded. (Wait until the screen has checked the seal: the
    // result appears above the button and would move it under the pointer.)
    app.show_screen("Rondes").await;
    app.wait_for_texts(".seal .success", |t| {
        t.iter().any(|s| s.contains("komen overeen"))
    })
    .await;
    click_button(&app, "Heropenen…").await;
    click_button(&app, "Ja, heropenen").await;
    let log = app
        .wait_for_texts("[data-testid=logboek] li", |t| {
            t.first().is_some_and(|l| l.contains("heropend"))
        })
        .await;
    // The log shows the fingerprint in groups, as the screen does.
    let unspaced: String = log[0].split_whitespace().collect();
    assert!(
        unspaced.contains(&hex),
        "the log keeps the old seal: {log:?}"
    );
    app.show_screen("Beoordelen").await;
    app.focus_row("1.2").await;
    app.press("1").await;
    app.wait_for_texts("button.row[data-code='1.2'] .status", |t| {
        t == ["Geïmplementeerd"]
    })
    .await;
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_rounds_are_compared_per_theme_and_per_criterion_and_exported() {
    use calamine::{Data, Reader, Xlsx, open_workbook};

    let (dir, mut store) = seeded(&[
        ("1.1", Status::Partial),
        ("1.2", Status::Implemented),
        ("1.3", Status::Open),
    ]);
    let last_year = store.current_assessment().unwrap().unwrap();
    let organisation = store
        .assessment_view(last_year)
        .unwrap()
        .assessment
        .organisation_id;
    store
        .create_round(
            &NewRound {
                organisation,
                name: "2027".into(),
                reference_date: Some("2027-01-01".into()),
                carry_from: Some(last_year),
            },
            &ctx(),
        )
        .unwrap();
    store
        .set_status(
            store.current_round().expect("a round"),
            "1.1",
            Status::Implemented,
            None,
            &ctx(),
        )
        .unwrap();
    store
        .set_status(
            store.current_round().expect("a round"),
            "1.2",
            Status::Open,
            None,
            &ctx(),
        )
        .unwrap();
    drop(store);

    let app = App::start_in(dir).await;
    app.wait_for("button.row[data-code='1.1']", START_TIMEOUT)
        .await;
    app.show_screen("Vergelijken").await;
    let changes = app
        .wait_for_texts("[data-testid=wijzigingen] tbody tr", |t| t.len() == 2)
        .await;
    assert!(changes[0].starts_with("1.1"), "{changes:?}");
    assert!(changes[0].ends_with("beter"), "{changes:?}");
    assert!(changes[1].starts_with("1.2"), "{changes:?}");
    assert!(changes[1].ends_with("slechter"), "{changes:?}");
    let first_theme = app
        .texts("[data-testid=vergelijking] tbody tr:first-child td")
        .await;
    // Theme 1 has 5 criteria: 1 of 5 implemented in both rounds; open: 1.3 before, 1.2 and the
    // carried-over 1.3 now.
    assert_eq!(first_theme, ["1 (20%)", "1 (20%)", "0", "1", "2"]);
    app.screenshot("vergelijken").await;

    click_button(&app, "Exporteren met vergelijking…").await;
    let target = app.dir.path().join("vergelijking.xlsx");
    support::answer_file_dialog(support::Dialog::Save, "Beoordeling exporteren", &target);
    app.wait_for_texts(".success", |t| !t.is_empty()).await;
    let mut book: Xlsx<_> = open_workbook(&target).unwrap();
    let sheet = book.worksheet_range("Vergelijking").unwrap();
    let rows: Vec<Vec<String>> = sheet
        .rows()
        .map(|r| r.iter().map(Data::to_string).collect())
        .collect();
    let change = |code: &str| {
        rows.iter()
            .find(|r| r.first().map(String::as_str) == Some(code))
            .cloned()
            .unwrap_or_default()
    };
    assert_eq!(
        change("1.1")[2..5],
        ["Gedeeltelijk geïmplementeerd", "Geïmplementeerd", "beter"]
    );
    assert_eq!(
        change("1.2")[2..5],
        ["Geïmplementeerd", "Vraagt aandacht", "slechter"]
    );
    app.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_improvement_plan_sorts_flags_overdue_items_and_is_exported() {
    use calamine::{Data, Reader, Xlsx, open_workbook};

    let (dir, mut store) = seeded(&[]);
    let round = store.current_assessment().unwrap().unwrap();
    let criteria: Vec<_> = store.assessment_view(round).unwrap().themes[0]
        .criteria
        .iter()
        .map(|c| c.id)
        .collect();
    let plan = [
        (
            Status::Open,
            "Archivaris",
            "2020-01-31",
            "Selectielijst vaststellen",
        ),
        (Status::Partial, "CISO", "2099-12-31", "Logging uitbreiden"),
        (Status::Implemented, "FG", "2020-01-01", ""),
    ];
    for (id, (status, owner, deadline, action)) in criteria.iter().zip(plan) {
        let answer = AnswerInput {
            status: Some(status),
            owner: owner.into(),
            action: action.into(),
            deadline: Some(deadline.into()),
            ..AnswerInput::default()
        };
        store.save_answer(round, *id, &answer, &ctx()).unwrap();
    }
    drop(store);

    let app = App::start_in(dir).await;
    app.wait_for("button.row[data-code='1.1']", START_TIMEOUT)
        .await;
    app.show_screen("Verbeterplan").await;
    let rows = app
        .wait_for_texts("[data-testid=verbeterplan] tbody tr", |t| t.len() == 2)
        .await;
    assert!(
        rows[0].starts_with("1.1"),
        "earliest deadline first: {rows:?}"
    );
    assert!(rows[0].contains("verlopen"), "{rows:?}");
    assert!(!rows[1].contains("verlopen"), "{rows:?}");
    assert_eq!(app.texts("tr.overdue").await.len(), 1);
    let summary = app.texts("[data-testid=plan-samenvatting]").await;
    assert_eq!(summary, ["2 punten, waarvan 1 met een verlopen deadline."]);

    click_button(&app, "Eigenaar").await;
    let by_owner = app
        .wait_for_texts("[data-testid=verbeterplan] tbody tr td:nth-child(4)", |t| {
            t == ["Archivaris", "CISO"]
        })
        .await;
    assert_eq!(by_owner.len(), 2);
    app.screenshot("verbeterplan").await;

    click_button(&app, "Exporteren naar Excel…").await;
    let target = app.dir.path().join("plan.xlsx");
    support::answer_file_dialog(support::Dialog::Save, "Beoordeling exporteren", &target);
    app.wait_for_texts(".success", |t| !t.is_empty()).await;
    let mut book: Xlsx<_> = open_workbook(&target).unwrap();
    let sheet = book.worksheet_range("Verbeterplan").unwrap();
    let rows: Vec<Vec<String>> = sheet
        .rows()
        .map(|r| r.iter().map(Data::to_string).collect())
        .filter(|r: &Vec<String>| r.first().is_some_and(|c| c.starts_with("1.")))
        .collect();
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[0][4], "Archivaris");
    assert_eq!(rows[0][5], "Selectielijst vaststellen");
    assert_eq!(rows[0][7], "ja", "overdue");
    assert_eq!(rows[1][7], "", "not overdue");
    app.stop().await;
}

/// A criteria workbook of one catalog version, as VNG publishes it (no answers).
fn catalog_workbook(path: &std::path::Path, version: &str, criteria: &[(&str, &str)]) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Criteria").expect("fixture");
    sheet
        .write_string(0, 0, format!("Criteria borging AVG {version}"))
        .expect("fixture");
    for (col, header) in ["Nr.", "Thema", "Criterium", "Status"].iter().enumerate() {
        sheet.write_string(2, col as u16, *header).expect("fixture");
    }
    for (i, (code, text)) in criteria.iter().enumerate() {
        let row = 3 + i as u32;
        sheet.write_string(row, 0, *code).expect("fixture");
        sheet.write_string(row, 1, "Governance").expect("fixture");
        sheet.write_string(row, 2, *text).expect("fixture");
    }
    book.save(path).expect("fixture");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_round_moves_to_a_new_catalog_version_with_a_review_list() {
    let dir = tempfile::tempdir().expect("temp dir");
    let old_file = dir.path().join("criteria-2024.xlsx");
    catalog_workbook(
        &old_file,
        "2024",
        &[
            (
                "1.1",
                "Er is een functionaris gegevensbescherming aangesteld",
            ),
            ("1.2", "De organisatie heeft een register van verwerkingen"),
            ("1.3", "Datalekken worden binnen 72 uur gemeld bij de AP"),
        ],
    );
    {
        let mut store = Store::open(&App::db_path_in(dir.path())).expect("database");
        let plan = criteria::import::analyse(
            &old_file,
            &criteria::import::ImportOptions::new(ctx().at.date()),
        )
        .expect("dry run");
        store
            .apply_import(
                store
                    .current_assessment()
                    .expect("the current round is read"),
                &plan,
                &ctx(),
            )
            .expect("import");
        for (code, status) in [
            ("1.1", Status::Implemented),
            ("1.2", Status::Partial),
            ("1.3", Status::Open),
        ] {
            store
                .set_status(
                    store.current_round().expect("a round"),
                    code,
                    status,
                    None,
                    &ctx(),
                )
                .expect("status");
        }
    }
    let new_file = dir.path().join("criteria-2025.xlsx");
    catalog_workbook(
        &new_file,
        "2025",
        &[
            (
                "1.1",
                "Er is een functionaris gegevensbescherming aangesteld",
            ),
            (
                "1.2",
                "De organisatie houdt een actueel register van verwerkingen bij",
            ),
            (
                "1.4",
                "Met elke verwerker is een verwerkersovereenkomst gesloten",
            ),
        ],
    );

    let app = App::start_in(dir).await;
    app.wait_for("button.row[data-code='1.1']", START_TIMEOUT)
        .await;
    app.show_screen("Importeren").await;
    app.wait_for("main.import button.primary", ACTION_TIMEOUT)
        .await
        .click()
        .await
        .unwrap();
    support::answer_file_dialog(support::Dialog::Open, "Criteria-werkmap kiezen", &new_file);
    let side_by_side = app
        .wait_for_texts(".side-by-side tbody tr", |t| t.len() == 1)
        .await;
    assert!(
        side_by_side[0].contains("heeft een register")
            && side_by_side[0].contains("houdt een actueel register"),
        "old and new text side by side: {side_by_side:?}"
    );
    let section = app.texts("[data-testid=versieverschillen]").await.join(" ");
    assert!(
        section.contains("1 ongewijzigd · 1 gewijzigd · 1 nieuw · 1 vervallen"),
        "{section}"
    );
    assert!(
        section.contains("Nieuw: 1.4") && section.contains("Vervallen: 1.3"),
        "{section}"
    );
    app.client
        .execute(
            "document.querySelector('[data-testid=versieverschillen]').scrollIntoView(); return true;",
            vec![],
        )
        .await
        .unwrap();
    app.screenshot("nieuwe-versie-verschillen").await;

    click_button(&app, "Importeren bevestigen").await;
    let review = app
        .wait_for_texts("[data-testid=controlelijst] li", |t| t.len() == 3)
        .await;
    assert!(
        review[0].starts_with("1.2") && review[0].contains("Gedeeltelijk"),
        "{review:?}"
    );
    assert!(review[1].starts_with("1.4"), "{review:?}");
    assert!(
        review[2].starts_with("1.3") && review[2].contains("Vraagt aandacht"),
        "{review:?}"
    );
    app.screenshot("nieuwe-versie-controlelijst").await;

    app.show_screen("Beoordelen").await;
    app.wait_for_texts("li.criterion .code", |t| t == ["1.1", "1.2", "1.4"])
        .await;
    assert_eq!(app.status_of("1.1").await, "Geïmplementeerd");
    assert_eq!(app.status_of("1.2").await, "Gedeeltelijk geïmplementeerd");
    assert_eq!(app.status_of("1.4").await, "Niet beoordeeld");
    let marks = app.texts("li.criterion .carried").await;
    assert_eq!(
        marks.len(),
        1,
        "only the reworded criterion needs review: {marks:?}"
    );
    assert!(marks[0].contains("versie"), "{marks:?}");
    let context = app.texts("[data-testid=context]").await;
    assert!(
        context[0].contains("beoordeling 2026"),
        "the same round moved: {context:?}"
    );
    app.stop().await;
}

fn pdf_text(path: &std::path::Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .arg("-layout")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed by scripts/install-deps.sh test");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_report_is_saved_as_pdf_and_word_from_the_overview() {
    let (dir, store) = seeded(&[("1.1", Status::Implemented), ("1.2", Status::Open)]);
    drop(store);
    let app = App::start_in(dir).await;
    app.wait_for("button.row[data-code='1.1']", START_TIMEOUT)
        .await;
    app.show_screen("Overzicht").await;
    // The Verantwoording, public: no names; the round has no earlier round to compare with.
    app.client
        .wait()
        .at_most(ACTION_TIMEOUT)
        .for_element(Locator::Css("[data-testid=rapport-document]"))
        .await
        .expect("the report panel")
        .select_by_value("accountability")
        .await
        .expect("choose the document");
    app.client
        .find(Locator::Css("[data-testid=rapport-openbaar]"))
        .await
        .expect("public")
        .click()
        .await
        .expect("tick public");
    app.screenshot("rapport-keuze").await;
    click_button(&app, "Opslaan als PDF…").await;
    let target = app.dir.path().join("verantwoording.pdf");
    support::answer_file_dialog(support::Dialog::Save, "Rapport opslaan als PDF", &target);
    app.wait_for_texts("[data-testid=rapport-klaar]", |t| !t.is_empty())
        .await;
    let text = pdf_text(&target);
    assert!(text.contains("Verantwoording borging AVG"), "{text}");
    assert!(text.contains("openbare versie"), "{text}");
    assert!(text.contains("CONCEPT"), "{text}");
    assert!(text.contains("Pagina 1 van"), "{text}");

    click_button(&app, "Opslaan als Word…").await;
    // A name typed without extension gets .docx.
    let word = app.dir.path().join("hoofdstuk");
    support::answer_file_dialog(
        support::Dialog::Save,
        "Rapport opslaan als Word-document",
        &word,
    );
    app.wait_for_texts("[data-testid=rapport-klaar]", |t| {
        t.iter().any(|s| s.contains("hoofdstuk.docx"))
    })
    .await;
    let bytes = std::fs::read(app.dir.path().join("hoofdstuk.docx")).expect("the Word file");
    assert!(bytes.starts_with(b"PK"));
    app.screenshot("rapport-opgeslagen").await;
    app.stop().await;
}
