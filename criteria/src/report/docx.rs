//! The Word renderer: the same blocks as the PDF, with Word's own styles (heading 1 and 2 show
//! as Kop 1 and Kop 2 in a Dutch Word, caption as Bijschrift) and a table style, so the FG can
//! paste the chapter into the annual report and restyle it there. Header rows repeat on every
//! page and rows are not split; the page header and footer carry the same facts as the PDF's.

use std::io::{Cursor, Read, Write};

use docx_rs::{
    AlignmentType, BreakType, Docx, FieldCharType, Footer, Header, InstrNUMPAGES, InstrPAGE,
    InstrText, LineSpacing, PageMargin, Paragraph, Run, RunFonts, Shading, ShdType, Style,
    StyleType, Table as DocxTable, TableCell, TableCellMargins, TableRow, WidthType,
};

use super::{Bar, Block, Chart, Report, Table, Width};
use crate::error::{Error, Result};

/// A4 in twentieths of a point, and the width between the margins (2 cm each side).
const PAGE_WIDTH: u32 = 11_906;
const PAGE_HEIGHT: u32 = 16_838;
const MARGIN: i32 = 1_134;
const TEXT_WIDTH: usize = 9_638;
/// The overview screen's colours, in legend order.
const COLOURS: [&str; 5] = ["1F6F3F", "D99A1E", "A3262A", "9AA5B4", "E3E7ED"];
const RED: &str = "A3262A";
const GREY: &str = "555555";
const TABLE_STYLE: &str = "Rapporttabel";
/// Left and right cell margin, in twips (Word's default is 108).
const CELL_MARGIN: usize = 70;
/// The font: Word's default on Windows, and metric-compatible Carlito in LibreOffice.
const FONT: &str = "Calibri";

fn error(detail: impl std::fmt::Display) -> Error {
    Error::Report(detail.to_string())
}

fn styles(docx: Docx) -> Docx {
    let heading = |id: &str, name: &str, size: usize, level: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .bold()
            .size(size)
            .outline_lvl(level)
            .line_spacing(LineSpacing::new().before(280).after(100))
    };
    // docx-rs defines "Normal" itself; the document defaults set its size.
    docx.default_size(21)
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .based_on("Normal")
                .q_format(true)
                .bold()
                .size(40),
        )
        .add_style(
            Style::new("Subtitle", StyleType::Paragraph)
                .name("Subtitle")
                .based_on("Normal")
                .q_format(true)
                .size(25),
        )
        .add_style(heading("Heading1", "heading 1", 28, 0))
        .add_style(heading("Heading2", "heading 2", 23, 1))
        .add_style(
            Style::new("Caption", StyleType::Paragraph)
                .name("caption")
                .based_on("Normal")
                .q_format(true)
                .bold()
                .size(18)
                .line_spacing(LineSpacing::new().before(160).after(60)),
        )
        .add_style(
            Style::new("Toelichting", StyleType::Paragraph)
                .name("Toelichting")
                .based_on("Normal")
                .size(17)
                .color(GREY),
        )
        .add_style(
            Style::new("Vingerafdruk", StyleType::Paragraph)
                .name("Vingerafdruk")
                .based_on("Normal")
                .size(18)
                .fonts(RunFonts::new().ascii("Consolas").hi_ansi("Consolas")),
        )
        .add_style(
            Style::new("Tabeltekst", StyleType::Paragraph)
                .name("Tabeltekst")
                .based_on("Normal")
                .size(17)
                .line_spacing(LineSpacing::new().after(0)),
        )
        .add_style(
            Style::new(TABLE_STYLE, StyleType::Table)
                .name(TABLE_STYLE)
                .size(17),
        )
}

fn text(style: &str, text: &str) -> Paragraph {
    Paragraph::new()
        .style(style)
        .add_run(Run::new().add_text(text))
}

/// "Pagina X van Y" with Word's own page fields.
fn page_of_pages() -> Vec<Run> {
    let field = |instr: InstrText| {
        [
            Run::new().add_field_char(FieldCharType::Begin, true),
            Run::new().add_instr_text(instr),
            Run::new().add_field_char(FieldCharType::Separate, false),
            Run::new().add_text("1"),
            Run::new().add_field_char(FieldCharType::End, false),
        ]
    };
    let mut runs = vec![Run::new().add_text("Pagina ")];
    runs.extend(field(InstrText::PAGE(InstrPAGE::new())));
    runs.push(Run::new().add_text(" van "));
    runs.extend(field(InstrText::NUMPAGES(InstrNUMPAGES::new())));
    runs
}

fn header_footer(docx: Docx, report: &Report) -> Docx {
    let m = &report.meta;
    let mut line = format!("{} · {} · ronde {}", m.title, m.organisation, m.round);
    if let Some(date) = &m.reference_date {
        line.push_str(&format!(" · peildatum {date}"));
    }
    let mut header = Header::new().add_paragraph(
        Paragraph::new()
            .style("Toelichting")
            .add_run(Run::new().add_text(line))
            .add_run(Run::new().add_break(BreakType::TextWrapping))
            .add_run(Run::new().add_text(&m.catalog)),
    );
    if m.draft {
        header = header.add_paragraph(
            Paragraph::new().style("Toelichting").add_run(
                Run::new()
                    .bold()
                    .color(RED)
                    .add_text("CONCEPT — nog niet vastgesteld"),
            ),
        );
    }
    let mut facts = Paragraph::new()
        .style("Toelichting")
        .add_run(Run::new().add_text(format!(
            "Afgedrukt op {}{} · ",
            m.printed_on,
            if m.draft { " · CONCEPT" } else { "" }
        )));
    for run in page_of_pages() {
        facts = facts.add_run(run);
    }
    let mut footer = Footer::new().add_paragraph(facts);
    if let Some(fingerprint) = &m.fingerprint {
        footer = footer.add_paragraph(text(
            "Toelichting",
            &format!("Vingerafdruk (SHA-256): {fingerprint}"),
        ));
    }
    docx.header(header).footer(footer)
}

fn title_block(mut docx: Docx, report: &Report) -> Docx {
    let m = &report.meta;
    docx = docx
        .add_paragraph(text("Title", &m.title))
        .add_paragraph(text(
            "Subtitle",
            &format!("{} — ronde {}", m.organisation, m.round),
        ));
    let mut facts = vec![("Criteriaset", m.catalog.clone())];
    if let Some(date) = &m.reference_date {
        facts.push(("Peildatum", date.clone()));
    }
    facts.push(("Status", m.status.clone()));
    facts.push(("Afgedrukt op", m.printed_on.clone()));
    if m.public {
        facts.push(("Versie", "Openbaar (zonder namen van personen)".to_owned()));
    }
    for (label, value) in facts {
        docx = docx.add_paragraph(
            Paragraph::new()
                .add_run(Run::new().bold().add_text(format!("{label}: ")))
                .add_run(Run::new().add_text(value)),
        );
    }
    docx
}

/// Column widths: numbers and codes as wide as their longest word (an estimate of the
/// characters' width at 8.5 pt), text columns sharing the rest.
fn widths(table: &Table) -> Vec<usize> {
    // Calibri 8.5 pt bold averages about 87 twips a character; the padding is the cell margins
    // (2 × CELL_MARGIN) and a little room.
    const PER_CHAR: usize = 92;
    const PADDING: usize = 2 * CELL_MARGIN + 60;
    let fixed: Vec<Option<usize>> = table
        .columns
        .iter()
        .enumerate()
        .map(|(i, column)| match column.width {
            Width::Text(_) => None,
            Width::Number | Width::Narrow => {
                let longest = std::iter::once(column.title.as_str())
                    .chain(table.rows.iter().map(|r| r.cells[i].as_str()))
                    .flat_map(str::split_whitespace)
                    .map(|w| w.chars().count())
                    .max()
                    .unwrap_or(1);
                Some(longest * PER_CHAR + PADDING)
            }
        })
        .collect();
    let used: usize = fixed.iter().flatten().sum();
    let shares: usize = table
        .columns
        .iter()
        .map(|c| match c.width {
            Width::Text(share) => usize::from(share),
            _ => 0,
        })
        .sum();
    let rest = TEXT_WIDTH.saturating_sub(used).max(shares * 600);
    table
        .columns
        .iter()
        .zip(fixed)
        .map(|(c, fixed)| match (c.width, fixed) {
            (Width::Text(share), _) => rest * usize::from(share) / shares.max(1),
            (_, Some(w)) => w,
            _ => 0,
        })
        .collect()
}

fn cell(content: &str, width: usize, bold: bool, right: bool) -> TableCell {
    let run = if bold {
        Run::new().bold().add_text(content)
    } else {
        Run::new().add_text(content)
    };
    let mut paragraph = Paragraph::new().style("Tabeltekst").add_run(run);
    if right {
        paragraph = paragraph.align(AlignmentType::Right);
    }
    TableCell::new()
        .width(width, WidthType::Dxa)
        .add_paragraph(paragraph)
}

fn table(docx: Docx, t: &Table) -> Docx {
    let widths = widths(t);
    let right: Vec<bool> = t
        .columns
        .iter()
        .map(|c| matches!(c.width, Width::Number))
        .collect();
    let header = TableRow::new(
        t.columns
            .iter()
            .enumerate()
            .map(|(i, c)| {
                cell(&c.title, widths[i], true, right[i])
                    .shading(Shading::new().shd_type(ShdType::Clear).fill("EEEEEE"))
            })
            .collect(),
    )
    .cant_split();
    let mut rows = vec![header];
    for r in &t.rows {
        rows.push(
            TableRow::new(
                r.cells
                    .iter()
                    .enumerate()
                    .map(|(i, text)| cell(text, widths[i], r.total, right[i]))
                    .collect(),
            )
            .cant_split(),
        );
    }
    docx.add_paragraph(
        Paragraph::new()
            .style("Caption")
            .keep_next(true)
            .add_run(Run::new().add_text(&t.caption)),
    )
    .add_table(
        DocxTable::new(rows)
            .style(TABLE_STYLE)
            .margins(TableCellMargins::new().margin(30, CELL_MARGIN, 30, CELL_MARGIN))
            .set_grid(widths.clone())
            .width(TEXT_WIDTH, WidthType::Dxa),
    )
}

/// The chart as a table: per theme its name, a bar of shaded cells as wide as each status's
/// share, and the percentage implemented. Word draws it without an image, and it stays editable.
fn chart(mut docx: Docx, c: &Chart) -> Docx {
    const LABEL: usize = 3_400;
    const BAR: usize = 5_200;
    const PERCENT: usize = TEXT_WIDTH - LABEL - BAR;
    let bar = |b: &Bar| {
        let mut parts: Vec<(usize, &str)> = b
            .parts
            .iter()
            .zip(COLOURS)
            .filter(|(n, _)| **n > 0)
            .map(|(n, colour)| (BAR * *n as usize / b.total.max(1) as usize, colour))
            .filter(|(w, _)| *w > 0)
            .collect();
        if parts.is_empty() {
            parts.push((BAR, "FFFFFF"));
        }
        let widths: Vec<usize> = parts.iter().map(|(w, _)| *w).collect();
        DocxTable::without_borders(vec![TableRow::new(
            parts
                .iter()
                .map(|(w, colour)| {
                    TableCell::new()
                        .width(*w, WidthType::Dxa)
                        .shading(Shading::new().shd_type(ShdType::Clear).fill(*colour))
                        .add_paragraph(Paragraph::new().style("Tabeltekst"))
                })
                .collect(),
        )])
        .set_grid(widths)
        .width(BAR, WidthType::Dxa)
    };
    docx = docx.add_paragraph(
        Paragraph::new()
            .style("Caption")
            .keep_next(true)
            .add_run(Run::new().add_text(&c.caption)),
    );
    let rows = c
        .bars
        .iter()
        .map(|b| {
            TableRow::new(vec![
                cell(&b.label, LABEL, false, false),
                TableCell::new()
                    .width(BAR, WidthType::Dxa)
                    .add_table(bar(b)),
                cell(&b.implemented, PERCENT, false, true),
            ])
            .cant_split()
        })
        .collect();
    docx = docx.add_table(
        DocxTable::without_borders(rows)
            .set_grid(vec![LABEL, BAR, PERCENT])
            .width(TEXT_WIDTH, WidthType::Dxa),
    );
    let mut legend = Paragraph::new().style("Toelichting");
    for (label, colour) in c.legend.iter().zip(COLOURS) {
        legend = legend
            .add_run(Run::new().color(colour).add_text("\u{25A0} "))
            .add_run(Run::new().add_text(format!("{label}   ")));
    }
    docx.add_paragraph(legend).add_paragraph(text(
        "Toelichting",
        &format!(
            "{} Rechts: het percentage geïmplementeerd van de criteria die van toepassing zijn.",
            c.description
        ),
    ))
}

pub(super) fn render(report: &Report) -> Result<Vec<u8>> {
    let mut docx = styles(Docx::new())
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(PageMargin {
            top: 1_418,
            left: MARGIN,
            bottom: 1_418,
            right: MARGIN,
            header: 567,
            footer: 567,
            gutter: 0,
        })
        .default_fonts(
            RunFonts::new()
                .ascii(FONT)
                .hi_ansi(FONT)
                .cs(FONT)
                .east_asia(FONT),
        )
        .created_at(&format!("{}T00:00:00Z", report.meta.printed_date));
    docx = header_footer(docx, report);
    docx = title_block(docx, report);
    for block in &report.blocks {
        docx = match block {
            Block::Heading { level, text: t } => {
                docx.add_paragraph(text(if *level == 1 { "Heading1" } else { "Heading2" }, t))
            }
            Block::Paragraph { text: t } => docx.add_paragraph(text("Normal", t)),
            Block::Lead { lead, text: t } => docx.add_paragraph(
                Paragraph::new()
                    .add_run(Run::new().bold().add_text(format!("{lead}. ")))
                    .add_run(Run::new().add_text(t)),
            ),
            Block::Note { text: t } => docx.add_paragraph(text("Toelichting", t)),
            Block::Table(t) => table(docx, t),
            Block::Chart(c) => chart(docx, c),
            Block::Fingerprint { text: t } => docx.add_paragraph(text("Vingerafdruk", t)),
        };
    }
    let mut packed = Cursor::new(Vec::new());
    docx.build().pack(&mut packed).map_err(error)?;
    finish(&packed.into_inner(), report)
}

/// What docx-rs cannot say itself: table header rows that repeat on every page
/// (`w:tblHeader`), the document language, and the title and author in the file's properties.
fn finish(packed: &[u8], report: &Report) -> Result<Vec<u8>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(packed)).map_err(error)?;
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).map_err(error)?;
        let name = entry.name().map_err(error)?.into_owned();
        let mut bytes = Vec::new();
        entry.read_to_end(&mut bytes).map_err(error)?;
        let bytes = match name.as_str() {
            "word/document.xml" => {
                repeat_header_rows(&String::from_utf8_lossy(&bytes)).into_bytes()
            }
            "word/styles.xml" => dutch_language(&String::from_utf8_lossy(&bytes)).into_bytes(),
            "docProps/core.xml" => core_properties(report).into_bytes(),
            _ => bytes,
        };
        out.start_file(name, options).map_err(error)?;
        out.write_all(&bytes).map_err(error)?;
    }
    Ok(out.finish().map_err(error)?.into_inner())
}

/// Marks the first row of every top-level table as a header row that Word repeats on each page.
/// docx-rs writes each row's properties as `<w:trPr>`, the header row first.
fn repeat_header_rows(xml: &str) -> String {
    let mut result = String::with_capacity(xml.len() + 1024);
    let mut rest = xml;
    while let Some(start) = rest.find("<w:tbl>") {
        let (before, table) = rest.split_at(start);
        result.push_str(before);
        match table.find("<w:trPr>") {
            Some(at) => {
                let at = at + "<w:trPr>".len();
                result.push_str(&table[..at]);
                result.push_str("<w:tblHeader />");
                rest = &table[at..];
            }
            None => {
                result.push_str(table);
                rest = "";
            }
        }
    }
    result.push_str(rest);
    result
}

/// Sets Dutch as the language of the document's text (spelling check, hyphenation).
fn dutch_language(xml: &str) -> String {
    const LANG: &str = "<w:lang w:val=\"nl-NL\" w:eastAsia=\"nl-NL\" w:bidi=\"ar-SA\" />";
    if xml.contains("<w:rPrDefault><w:rPr />") {
        xml.replacen(
            "<w:rPrDefault><w:rPr />",
            &format!("<w:rPrDefault><w:rPr>{LANG}</w:rPr>"),
            1,
        )
    } else {
        xml.replacen(
            "<w:rPrDefault><w:rPr>",
            &format!("<w:rPrDefault><w:rPr>{LANG}"),
            1,
        )
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn core_properties(report: &Report) -> String {
    let m = &report.meta;
    let at = format!("{}T00:00:00Z", m.printed_date);
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{title}</dc:title><dc:subject>{subject}</dc:subject><dc:creator>{author}</dc:creator><cp:keywords>AVG, borging, privacy, zelfevaluatie</cp:keywords><dc:language>nl-NL</dc:language><dcterms:created xsi:type="dcterms:W3CDTF">{at}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{at}</dcterms:modified></cp:coreProperties>"#,
        title = escape(&format!(
            "{} — {}, ronde {}",
            m.title, m.organisation, m.round
        )),
        subject = escape(&m.catalog),
        author = escape(&m.author),
    )
}
