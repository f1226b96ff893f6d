//! What the report says: the blocks of both documents, built from the round. The only place
//! where the report's content is decided; the renderers draw these blocks as they are.

use super::dutch::{self, criteria, long_date, percent, short_date_text};
use super::{
    Bar, Block, Chart, Column, DocumentKind, Report, ReportInput, ReportMeta, Row, Table, Width,
};
use crate::comparison::{Comparison, Direction};
use crate::improvement_plan::ImprovementPlan;
use crate::model::Status;
use crate::overview::{Counts, Overview};
use crate::view::AssessmentView;

/// A status as a table cell: short enough for a narrow column.
fn status_cell(status: Option<Status>) -> &'static str {
    match status {
        Some(Status::Implemented) => "Geïmplementeerd",
        Some(Status::Partial) => "Gedeeltelijk",
        Some(Status::Open) => "Vraagt aandacht",
        Some(Status::NotApplicable) => "N.v.t.",
        None => Status::UNANSWERED_LABEL,
    }
}

const PERCENT_NOTE: &str = "Percentages zijn van de criteria die van toepassing zijn; niet beoordeelde criteria tellen mee in die basis, zodat een onvolledige beoordeling nooit beter lijkt dan zij is.";

const PUBLIC_NOTE: &str = "Dit is de openbare versie: namen van eigenaren en van wie de ronde vaststelde zijn weggelaten. Controleer vrije teksten (acties, onderbouwingen) zelf op namen voordat u het document openbaar maakt.";

/// Numbers tables and figures as they appear.
#[derive(Default)]
struct Numbering {
    tables: u32,
    figures: u32,
}

impl Numbering {
    fn table(&mut self, title: &str) -> String {
        self.tables += 1;
        format!("Tabel {}. {title}", self.tables)
    }

    fn figure(&mut self, title: &str) -> String {
        self.figures += 1;
        format!("Figuur {}. {title}", self.figures)
    }
}

pub(super) fn build(input: &ReportInput<'_>) -> Report {
    let view = input.view;
    let a = &view.assessment;
    let overview = Overview::of(view);
    let mut blocks = Vec::new();
    let mut numbers = Numbering::default();
    if input.public {
        blocks.push(Block::Note {
            text: PUBLIC_NOTE.to_owned(),
        });
    }
    match input.document {
        DocumentKind::Overview => {
            blocks.push(heading(1, "Per thema"));
            overview_blocks(&mut blocks, &mut numbers, &overview);
            blocks.push(heading(1, "Aandachtspunten"));
            plan_blocks(&mut blocks, &mut numbers, input, true);
            if a.seal.is_some() {
                blocks.push(heading(1, "Vaststelling"));
                seal_blocks(&mut blocks, input);
            }
        }
        DocumentKind::Accountability => {
            blocks.push(heading(1, "1. Samenvatting"));
            summary_blocks(&mut blocks, input, &overview);
            blocks.push(heading(1, "2. Overzicht per thema"));
            overview_blocks(&mut blocks, &mut numbers, &overview);
            let comparison = input.earlier.map(|earlier| Comparison::of(earlier, view));
            match &comparison {
                Some(c) => {
                    blocks.push(heading(
                        1,
                        &format!("3. Vergelijking met ronde {}", c.from.name),
                    ));
                    comparison_blocks(&mut blocks, &mut numbers, c);
                }
                None => {
                    blocks.push(heading(1, "3. Vergelijking met de vorige ronde"));
                    blocks.push(paragraph(&format!(
                        "Deze verantwoording bevat geen vergelijking: er is geen eerdere ronde van {} gekozen of beschikbaar.",
                        a.organisation
                    )));
                }
            }
            blocks.push(heading(1, "4. Verbeterplan"));
            plan_blocks(&mut blocks, &mut numbers, input, false);
            blocks.push(heading(1, "5. Niet van toepassing"));
            not_applicable_blocks(&mut blocks, &mut numbers, view);
            blocks.push(heading(1, "6. Niet beoordeeld"));
            unanswered_blocks(&mut blocks, &mut numbers, view);
            blocks.push(heading(1, "7. Vaststelling"));
            seal_blocks(&mut blocks, input);
        }
    }
    Report {
        meta: ReportMeta {
            title: input.document.title().to_owned(),
            organisation: a.organisation.clone(),
            round: a.name.clone(),
            reference_date: a.reference_date.map(|d| long_date(d.get())),
            catalog: format!("{}, versie {}", a.catalog_name, a.catalog_version),
            printed_on: long_date(input.printed_on),
            printed_date: input.printed_on.into(),
            status: match &a.seal {
                None => "Concept, nog niet vastgesteld".to_owned(),
                Some(seal) if input.public => {
                    format!("Vastgesteld op {}", long_date(seal.sealed_on.get()))
                }
                Some(seal) => format!(
                    "Vastgesteld op {} door {}",
                    long_date(seal.sealed_on.get()),
                    seal.sealed_by
                ),
            },
            draft: a.seal.is_none(),
            fingerprint: a
                .seal
                .as_ref()
                .map(|s| crate::fingerprint::grouped(&s.fingerprint)),
            author: a.organisation.clone(),
            public: input.public,
        },
        blocks,
    }
}

fn heading(level: u8, text: &str) -> Block {
    Block::Heading {
        level,
        text: text.to_owned(),
    }
}

fn paragraph(text: &str) -> Block {
    Block::Paragraph {
        text: text.to_owned(),
    }
}

fn column(title: &str, width: Width) -> Column {
    Column {
        title: title.to_owned(),
        width,
    }
}

fn row(cells: Vec<String>) -> Row {
    Row {
        cells,
        total: false,
    }
}

fn count_cells(name: &str, c: &Counts) -> Vec<String> {
    vec![
        name.to_owned(),
        c.criteria.to_string(),
        c.implemented.to_string(),
        c.partial.to_string(),
        c.open.to_string(),
        c.not_applicable.to_string(),
        c.unanswered.to_string(),
        percent(c, c.implemented),
    ]
}

fn overview_blocks(blocks: &mut Vec<Block>, numbers: &mut Numbering, overview: &Overview) {
    blocks.push(Block::Note {
        text: PERCENT_NOTE.to_owned(),
    });
    let mut rows: Vec<Row> = overview
        .themes
        .iter()
        .map(|t| row(count_cells(&t.theme, &t.counts)))
        .collect();
    rows.push(Row {
        cells: count_cells("Totaal", &overview.total),
        total: true,
    });
    blocks.push(Block::Table(Table {
        caption: numbers.table("Aantal criteria per status, per thema en in totaal"),
        columns: vec![
            column("Thema", Width::Text(1)),
            column("Criteria", Width::Number),
            column("Geïmplementeerd", Width::Number),
            column("Gedeeltelijk", Width::Number),
            column("Vraagt aandacht", Width::Number),
            column("N.v.t.", Width::Number),
            column("Niet beoordeeld", Width::Number),
            column("% geïmpl.", Width::Number),
        ],
        rows,
    }));
    blocks.push(Block::Chart(Chart {
        caption: numbers.figure("Verdeling per thema"),
        description: format!(
            "Staafdiagram: per thema het aandeel criteria per status. In totaal is {} van de criteria die van toepassing zijn geïmplementeerd.",
            percent(&overview.total, overview.total.implemented)
        ),
        legend: vec![
            "Geïmplementeerd".to_owned(),
            "Gedeeltelijk".to_owned(),
            "Vraagt aandacht".to_owned(),
            "Niet van toepassing".to_owned(),
            "Niet beoordeeld".to_owned(),
        ],
        bars: overview
            .themes
            .iter()
            .map(|t| Bar {
                label: t.theme.clone(),
                parts: [
                    t.counts.implemented,
                    t.counts.partial,
                    t.counts.open,
                    t.counts.not_applicable,
                    t.counts.unanswered,
                ],
                total: t.counts.criteria,
                implemented: percent(&t.counts, t.counts.implemented),
            })
            .collect(),
    }));
}

fn summary_blocks(blocks: &mut Vec<Block>, input: &ReportInput<'_>, overview: &Overview) {
    let a = &input.view.assessment;
    let when = a
        .reference_date
        .map(|d| format!(" met peildatum {}", long_date(d.get())))
        .unwrap_or_default();
    let state = match &a.seal {
        Some(seal) => format!(
            "De ronde is vastgesteld op {}.",
            long_date(seal.sealed_on.get())
        ),
        None => "De ronde is nog niet vastgesteld: dit is een concept en de cijfers kunnen nog veranderen.".to_owned(),
    };
    blocks.push(paragraph(&format!(
        "{} heeft in ronde {}{} de {} van de {} ({}, versie {}) beoordeeld. {} {}",
        a.organisation,
        a.name,
        when,
        criteria(overview.total.criteria),
        if overview.themes.len() == 1 {
            "1 thema".to_owned()
        } else {
            format!("{} thema's", overview.themes.len())
        },
        a.catalog_name,
        a.catalog_version,
        dutch::summary(&overview.total),
        state
    )));
    for t in &overview.themes {
        blocks.push(Block::Lead {
            lead: t.theme.clone(),
            text: dutch::summary(&t.counts),
        });
    }
}

fn comparison_blocks(blocks: &mut Vec<Block>, numbers: &mut Numbering, c: &Comparison) {
    let before = dutch::implemented_share(&c.total_from);
    let after = dutch::implemented_share(&c.total_to);
    let better = count(c, Direction::Better);
    blocks.push(paragraph(&format!(
        "In ronde {} was {} van de criteria die van toepassing waren geïmplementeerd, in ronde {} is dat {} ({} procentpunt). {} {} verbeterd en {} verslechterd.",
        c.from.name,
        percent(&c.total_from, c.total_from.implemented),
        c.to.name,
        percent(&c.total_to, c.total_to.implemented),
        dutch::points(before, after),
        criteria(better),
        if better == 1 { "is" } else { "zijn" },
        count(c, Direction::Worse),
    )));
    let from_title = format!("% geïmpl. {}", c.from.name);
    let to_title = format!("% geïmpl. {}", c.to.name);
    let mut rows: Vec<Row> = c
        .themes
        .iter()
        .map(|t| {
            row(vec![
                t.theme.clone(),
                percent(&t.from, t.from.implemented),
                percent(&t.to, t.to.implemented),
                dutch::points(
                    dutch::implemented_share(&t.from),
                    dutch::implemented_share(&t.to),
                ),
            ])
        })
        .collect();
    rows.push(Row {
        cells: vec![
            "Totaal".to_owned(),
            percent(&c.total_from, c.total_from.implemented),
            percent(&c.total_to, c.total_to.implemented),
            dutch::points(before, after),
        ],
        total: true,
    });
    blocks.push(Block::Table(Table {
        caption: numbers.table(&format!(
            "Geïmplementeerd per thema, ronde {} en ronde {}",
            c.from.name, c.to.name
        )),
        columns: vec![
            column("Thema", Width::Text(1)),
            column(&from_title, Width::Number),
            column(&to_title, Width::Number),
            column("Verschil (procentpunt)", Width::Number),
        ],
        rows,
    }));
    for (direction, title, none) in [
        (
            Direction::Better,
            "Verbeterd",
            "Geen criterium is verbeterd.",
        ),
        (
            Direction::Worse,
            "Verslechterd",
            "Geen criterium is verslechterd.",
        ),
    ] {
        blocks.push(heading(2, title));
        let rows: Vec<Row> = c
            .changes
            .iter()
            .filter(|s| s.direction == direction)
            .map(|s| {
                row(vec![
                    s.code.clone(),
                    s.text.clone(),
                    status_cell(s.from).to_owned(),
                    status_cell(s.to).to_owned(),
                ])
            })
            .collect();
        if rows.is_empty() {
            blocks.push(paragraph(none));
            continue;
        }
        blocks.push(Block::Table(Table {
            caption: numbers.table(&format!("{title} sinds ronde {}", c.from.name)),
            columns: vec![
                column("Code", Width::Narrow),
                column("Criterium", Width::Text(1)),
                column(&format!("Ronde {}", c.from.name), Width::Narrow),
                column(&format!("Ronde {}", c.to.name), Width::Narrow),
            ],
            rows,
        }));
    }
}

fn count(c: &Comparison, direction: Direction) -> u32 {
    let n = c
        .changes
        .iter()
        .filter(|s| s.direction == direction)
        .count();
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// The verbeterplan (the Overzicht calls it Aandachtspunten).
fn plan_blocks(
    blocks: &mut Vec<Block>,
    numbers: &mut Numbering,
    input: &ReportInput<'_>,
    overview: bool,
) {
    let plan = ImprovementPlan::of(input.view, input.printed_on);
    if plan.items.is_empty() {
        blocks.push(paragraph(
            "Er zijn geen criteria die gedeeltelijk geïmplementeerd zijn of aandacht vragen.",
        ));
        return;
    }
    let overdue = plan.items.iter().filter(|i| i.overdue).count();
    let without_owner = plan
        .items
        .iter()
        .filter(|i| i.owner.trim().is_empty())
        .count();
    let without_deadline = plan.items.iter().filter(|i| i.deadline.is_none()).count();
    let mut facts = Vec::new();
    if overdue > 0 {
        facts.push(format!(
            "{overdue} met een verstreken deadline (vóór {})",
            long_date(input.printed_on)
        ));
    }
    if without_owner > 0 && !input.public {
        facts.push(format!("{without_owner} zonder eigenaar"));
    }
    if without_deadline > 0 {
        facts.push(format!("{without_deadline} zonder deadline"));
    }
    let n = u32::try_from(plan.items.len()).unwrap_or(u32::MAX);
    let mut text = format!(
        "{} {} gedeeltelijk geïmplementeerd of {} aandacht",
        criteria(n),
        if n == 1 { "is" } else { "zijn" },
        if n == 1 { "vraagt" } else { "vragen" },
    );
    if facts.is_empty() {
        text.push('.');
    } else {
        text.push_str(&format!("; daarvan {}.", dutch::list(&facts)));
    }
    blocks.push(paragraph(&text));

    let mut columns = vec![
        column("Code", Width::Narrow),
        column("Criterium", Width::Text(3)),
        column("Status", Width::Narrow),
    ];
    if !input.public {
        columns.push(column("Eigenaar", Width::Text(1)));
    }
    columns.push(column("Actie", Width::Text(2)));
    columns.push(column("Deadline", Width::Narrow));
    let rows = plan
        .items
        .iter()
        .map(|item| {
            let mut cells = vec![
                item.code.clone(),
                item.text.clone(),
                status_cell(Some(item.status)).to_owned(),
            ];
            if !input.public {
                cells.push(item.owner.clone());
            }
            cells.push(item.action.clone());
            let deadline = item
                .deadline
                .as_deref()
                .map(short_date_text)
                .unwrap_or_default();
            cells.push(if item.overdue {
                format!("{deadline} (verstreken)")
            } else {
                deadline
            });
            row(cells)
        })
        .collect();
    blocks.push(Block::Table(Table {
        caption: numbers.table(if overview {
            "Aandachtspunten: eigenaar, actie en deadline"
        } else {
            "Verbeterplan: criteria die gedeeltelijk geïmplementeerd zijn of aandacht vragen"
        }),
        columns,
        rows,
    }));
}

fn not_applicable_blocks(blocks: &mut Vec<Block>, numbers: &mut Numbering, view: &AssessmentView) {
    let rows: Vec<Row> = view
        .themes
        .iter()
        .flat_map(|t| &t.criteria)
        .filter_map(|c| {
            let answer = c.answer.as_ref()?;
            (answer.status == Some(Status::NotApplicable)).then(|| {
                let justification = if answer.justification.trim().is_empty() {
                    "(geen onderbouwing vastgelegd)".to_owned()
                } else {
                    answer.justification.clone()
                };
                row(vec![c.code.clone(), c.text.clone(), justification])
            })
        })
        .collect();
    if rows.is_empty() {
        blocks.push(paragraph(
            "Geen criterium is als niet van toepassing aangemerkt.",
        ));
        return;
    }
    blocks.push(paragraph(&format!(
        "{} {} als niet van toepassing aangemerkt, met deze onderbouwing.",
        criteria(u32::try_from(rows.len()).unwrap_or(u32::MAX)),
        if rows.len() == 1 { "is" } else { "zijn" }
    )));
    blocks.push(Block::Table(Table {
        caption: numbers.table("Criteria die niet van toepassing zijn, met onderbouwing"),
        columns: vec![
            column("Code", Width::Narrow),
            column("Criterium", Width::Text(1)),
            column("Onderbouwing", Width::Text(1)),
        ],
        rows,
    }));
}

fn unanswered_blocks(blocks: &mut Vec<Block>, numbers: &mut Numbering, view: &AssessmentView) {
    let rows: Vec<Row> = view
        .themes
        .iter()
        .flat_map(|t| t.criteria.iter().map(move |c| (t, c)))
        .filter(|(_, c)| c.answer.as_ref().and_then(|a| a.status).is_none())
        .map(|(t, c)| row(vec![c.code.clone(), t.name.clone(), c.text.clone()]))
        .collect();
    if rows.is_empty() {
        blocks.push(paragraph("Alle criteria zijn beoordeeld."));
        return;
    }
    blocks.push(paragraph(&format!(
        "{} {} nog niet beoordeeld. Zij tellen in de percentages mee als niet geïmplementeerd.",
        criteria(u32::try_from(rows.len()).unwrap_or(u32::MAX)),
        if rows.len() == 1 { "is" } else { "zijn" }
    )));
    blocks.push(Block::Table(Table {
        caption: numbers.table("Criteria die nog niet beoordeeld zijn"),
        columns: vec![
            column("Code", Width::Narrow),
            column("Thema", Width::Text(1)),
            column("Criterium", Width::Text(2)),
        ],
        rows,
    }));
}

fn seal_blocks(blocks: &mut Vec<Block>, input: &ReportInput<'_>) {
    let a = &input.view.assessment;
    let Some(seal) = &a.seal else {
        blocks.push(paragraph(
            "Deze ronde is nog niet vastgesteld. Dit document is daarom een concept: op elke pagina staat CONCEPT, en de cijfers kunnen nog veranderen. Na de vaststelling in AVG-borging (Rondes, Vaststellen) draagt het document de datum van vaststelling en een vingerafdruk.",
        ));
        return;
    };
    let by = if input.public {
        String::new()
    } else {
        format!(" door {}", seal.sealed_by)
    };
    blocks.push(paragraph(&format!(
        "Ronde {} is vastgesteld op {}{by}. Sindsdien kan zij niet meer worden gewijzigd. De vingerafdruk (SHA-256) van de vastgestelde gegevens is:",
        a.name,
        long_date(seal.sealed_on.get())
    )));
    blocks.push(Block::Fingerprint {
        text: crate::fingerprint::grouped(&seal.fingerprint),
    });
    blocks.push(paragraph(&format!(
        "Zo controleert u dat dit document bij de vastgestelde gegevens hoort: open AVG-borging, kies Rondes en daar ronde {}. Onder Vaststellen staat de vingerafdruk en of de gegevens er nog mee overeenkomen; die moet gelijk zijn aan de vingerafdruk hierboven. Ook het Excel-bestand dat AVG-borging van deze ronde maakt, vermeldt dezelfde vingerafdruk.",
        a.name
    )));
}
