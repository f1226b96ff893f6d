//! Dates the Dutch way on every screen, whatever the OS locale: typed as 30-6-2027 or
//! 30/06/2027, shown as 30-06-2027, stored as 2027-06-30; a day that does not exist is refused
//! in Dutch without losing what was typed; the calendar is Dutch and works with the keyboard.

use criteria::Store;
use fantoccini::Locator;

use crate::support::{ACTION_TIMEOUT, App};

/// The text in the field `css`.
async fn value_of(app: &App, css: &str) -> String {
    app.wait_for(css, ACTION_TIMEOUT)
        .await
        .prop("value")
        .await
        .expect("the field's value")
        .unwrap_or_default()
}

/// Types `text` over what the field `css` holds, as a user who selects it all (Ctrl+A) first:
/// the field is never empty in between.
async fn retype(app: &App, css: &str, text: &str) {
    let field = app.wait_for(css, ACTION_TIMEOUT).await;
    field.click().await.expect("the field can be clicked");
    field
        .send_keys("\u{e009}a\u{e000}")
        .await
        .expect("all selected");
    field.send_keys(text).await.expect("typed");
}

async fn click_button(app: &App, text: &str) {
    app.client
        .find(Locator::XPath(&format!(
            "//button[normalize-space()='{text}']"
        )))
        .await
        .unwrap_or_else(|err| panic!("button {text:?}: {err}"))
        .click()
        .await
        .expect("click");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dates_are_typed_shown_and_picked_the_dutch_way() {
    let app = App::start().await;

    // The deadline, typed with single digits and dashes, is shown in full once the field is left.
    app.open_row("1.1").await;
    retype(&app, "#veld-deadline", "30-6-2027").await;
    app.press("\u{e004}").await; // Tab: leaving the field saves
    app.wait_for_texts("[data-testid=opslag]", |t| t == ["Opgeslagen"])
        .await;
    assert_eq!(value_of(&app, "#veld-deadline").await, "30-06-2027");

    // A day that does not exist: refused in Dutch, the typed text stays to be corrected.
    retype(&app, "#veld-deadline", "30-02-2027").await;
    app.press("\u{e004}").await;
    let refusal = app.wait_for_texts(".field-error", |t| !t.is_empty()).await;
    assert_eq!(
        refusal,
        ["30-02-2027 bestaat niet; typ een datum als 30-06-2027"]
    );
    assert_eq!(value_of(&app, "#veld-deadline").await, "30-02-2027");
    app.client
        .execute(
            "document.querySelector('.field-error').scrollIntoView({block: 'center'}); return true;",
            vec![],
        )
        .await
        .expect("scrolled to the refusal");
    app.screenshot("datum-bestaat-niet").await;

    // The calendar opens on the saved date, in Dutch, the week from Monday; the arrow keys move
    // through the days and Enter picks one.
    app.client
        .find(Locator::Css(".date-field .calendar-button"))
        .await
        .expect("the calendar button")
        .click()
        .await
        .expect("click");
    app.wait_for_texts(".calendar-head strong", |t| t == ["juni 2027"])
        .await;
    assert_eq!(
        app.texts(".calendar th").await,
        ["ma", "di", "wo", "do", "vr", "za", "zo"]
    );
    app.wait_for_focus("button.calendar-day[aria-label='30 juni 2027']")
        .await;
    app.press("\u{e014}").await; // ArrowRight: 1 July
    app.wait_for_texts(".calendar-head strong", |t| t == ["juli 2027"])
        .await;
    app.screenshot("kalender").await;
    app.press("\u{e007}").await; // Enter
    app.wait_for_texts(".calendar", |t| t.is_empty()).await;
    assert_eq!(value_of(&app, "#veld-deadline").await, "01-07-2027");
    assert!(
        app.texts(".field-error").await.is_empty(),
        "the refusal went"
    );

    // Esc closes the calendar, not the details.
    app.client
        .find(Locator::Css(".date-field .calendar-button"))
        .await
        .expect("the calendar button")
        .click()
        .await
        .expect("click");
    app.wait_for(".calendar", ACTION_TIMEOUT).await;
    app.press("\u{e00c}").await; // Escape
    app.wait_for_texts(".calendar", |t| t.is_empty()).await;
    assert_eq!(app.texts("#detail-kop").await, ["Criterium 1.1"]);
    app.press("\u{e00c}").await; // Escape: now the details close, after saving
    app.wait_for_texts("#detail-kop", |t| t.is_empty()).await;

    // A new round proposes the last day of the year it is named after, also when renamed;
    // typed with slashes, the peildatum is shown with dashes in the table.
    app.show_screen("Rondes").await;
    let proposed = value_of(&app, "#ronde-naam").await;
    assert_eq!(
        value_of(&app, "#ronde-peildatum").await,
        format!("31-12-{proposed}")
    );
    retype(&app, "#ronde-naam", "2030").await;
    assert_eq!(value_of(&app, "#ronde-peildatum").await, "31-12-2030");
    retype(&app, "#ronde-peildatum", "30/06/2030").await;
    click_button(&app, "Ronde aanmaken").await;
    app.wait_for_texts("tr[data-round='2030'] td.date", |t| t == ["30-06-2030"])
        .await;
    assert_eq!(
        value_of(&app, "#ronde-wijzigen-peildatum").await,
        "30-06-2030"
    );
    app.screenshot("rondes-datums").await;
    let dir = app.stop().await;

    // Stored as ISO dates.
    let store = Store::open(&App::db_path_in(dir.path())).expect("the database opens");
    let rounds = store.rounds().expect("rounds");
    let organisation = &rounds.organisations[0];
    let new_round = organisation
        .rounds
        .iter()
        .find(|r| r.name == "2030")
        .expect("round 2030");
    assert_eq!(
        new_round.reference_date.map(|d| d.to_string()).as_deref(),
        Some("2030-06-30")
    );
    let first = organisation
        .rounds
        .iter()
        .find(|r| r.name != "2030")
        .expect("the round made on first start");
    let view = store.assessment_view(first.id).expect("its view");
    let deadline = view
        .themes
        .iter()
        .flat_map(|t| &t.criteria)
        .find(|c| c.code == "1.1")
        .and_then(|c| c.answer.as_ref()?.deadline.clone());
    assert_eq!(deadline.as_deref(), Some("2027-07-01"));
}
