//! Promise 3 of issue 6: hostile and broken workbooks, made in code, each get a clear Dutch
//! refusal or a correct import — never a panic or an abort, never silently altered data — within
//! bounded memory.
//!
//! The memory bound is enforced, not only measured: every case runs in a child process (this
//! binary again, see `support`) under an address-space limit (`prlimit --as`). An allocation the
//! limit does not allow aborts the child, and the test fails. The child reports its peak resident
//! memory (VmHWM), printed per case.
//!
//! The zip bombs and the million-row sheet are deflate streams written here bit by bit (fixed
//! Huffman codes), so that a gigabyte of XML costs milliseconds to make and has a correct CRC.

use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::io::{Cursor, Read};
use std::path::{Path, PathBuf};

use criteria::export::{ExportParams, workbook_bytes};
use criteria::import::{ImportOptions, analyse};
use criteria::{AnswerInput, ChangeContext, Status, Store};
use time::OffsetDateTime;
use time::macros::datetime;

use crate::support::{self, Rng, child_command, env, report};

const NOW: OffsetDateTime = datetime!(2026-11-28 10:00 UTC);

/// The address-space limit of an import child: the test binary with its threads and the
/// largest file the import accepts (50 MB) fit easily; a gigabyte sheet or a dense range of a
/// whole sheet does not.
const ADDRESS_SPACE: &str = "1610612736";

// ---------------------------------------------------------------------------------------------
// Deflate, by hand

/// Writes bits least significant first, as deflate wants them.
#[derive(Default)]
struct Bits {
    out: Vec<u8>,
    acc: u64,
    n: u32,
}

impl Bits {
    fn put(&mut self, value: u64, count: u32) {
        self.acc |= value << self.n;
        self.n += count;
        while self.n >= 8 {
            self.out.push(self.acc as u8);
            self.acc >>= 8;
            self.n -= 8;
        }
    }

    /// A Huffman code, most significant bit first.
    fn code(&mut self, code: u32, len: u32) {
        let reversed = (0..len).fold(0u64, |r, i| r | u64::from((code >> i) & 1) << (len - 1 - i));
        self.put(reversed, len);
    }
}

const LEN_BASE: [u32; 29] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258,
];
const LEN_EXTRA: [u32; 29] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
const DIST_BASE: [u32; 30] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DIST_EXTRA: [u32; 30] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
];

/// One deflate block with the fixed Huffman codes, and the CRC and size of what it inflates to.
struct Deflate {
    bits: Bits,
    crc: crc32fast::Hasher,
    size: u64,
}

impl Deflate {
    fn new() -> Deflate {
        let mut bits = Bits::default();
        bits.put(1, 1); // the last block
        bits.put(1, 2); // fixed Huffman codes
        Deflate {
            bits,
            crc: crc32fast::Hasher::new(),
            size: 0,
        }
    }

    fn symbol(&mut self, symbol: u32) {
        match symbol {
            0..=143 => self.bits.code(0x30 + symbol, 8),
            144..=255 => self.bits.code(0x190 + symbol - 144, 9),
            256..=279 => self.bits.code(symbol - 256, 7),
            _ => self.bits.code(0xC0 + symbol - 280, 8),
        }
    }

    fn copy(&mut self, len: u32, dist: u32) {
        let l = LEN_BASE.iter().rposition(|&b| b <= len).expect("length");
        self.symbol(257 + l as u32);
        self.bits.put(u64::from(len - LEN_BASE[l]), LEN_EXTRA[l]);
        let d = DIST_BASE
            .iter()
            .rposition(|&b| b <= dist)
            .expect("distance");
        self.bits.code(d as u32, 5);
        self.bits.put(u64::from(dist - DIST_BASE[d]), DIST_EXTRA[d]);
    }

    fn literals(&mut self, data: &[u8]) {
        for &b in data {
            self.symbol(u32::from(b));
        }
        self.crc.update(data);
        self.size += data.len() as u64;
    }

    /// `data`, which equals what was written `dist` bytes back, as back-references.
    fn repeat(&mut self, dist: u32, data: &[u8]) {
        let mut left = data.len() as u32;
        while left >= 3 {
            let len = left.min(258);
            self.copy(len, dist);
            left -= len;
        }
        for &b in &data[data.len() - left as usize..] {
            self.symbol(u32::from(b));
        }
        self.crc.update(data);
        self.size += data.len() as u64;
    }

    /// `count` copies of `byte`: about 13 bits per 258 bytes.
    fn run(&mut self, byte: u8, count: u64) {
        self.symbol(u32::from(byte));
        let mut left = count - 1;
        while left >= 258 {
            self.copy(258, 1);
            left -= 258;
        }
        for _ in 0..left {
            self.symbol(u32::from(byte));
        }
        // The CRC of a long run, by combining the CRC of one mebibyte.
        const CHUNK: u64 = 1 << 20;
        let mut chunk = crc32fast::Hasher::new();
        chunk.update(&vec![byte; CHUNK as usize]);
        for _ in 0..count / CHUNK {
            self.crc.combine(&chunk);
        }
        self.crc.update(&vec![byte; (count % CHUNK) as usize]);
        self.size += count;
    }

    /// The compressed bytes, the CRC and the size inflated.
    fn finish(mut self) -> (Vec<u8>, u32, u64) {
        self.symbol(256);
        let mut bits = self.bits;
        if bits.n > 0 {
            bits.out.push(bits.acc as u8);
        }
        (bits.out, self.crc.finalize(), self.size)
    }
}

// ---------------------------------------------------------------------------------------------
// Zip, by hand (so that a part can say what it likes about its size)

struct Part {
    name: String,
    deflated: bool,
    data: Vec<u8>,
    crc: u32,
    declared_size: u32,
}

impl Part {
    fn stored(name: &str, data: Vec<u8>) -> Part {
        let mut crc = crc32fast::Hasher::new();
        crc.update(&data);
        Part {
            name: name.to_owned(),
            deflated: false,
            crc: crc.finalize(),
            declared_size: data.len() as u32,
            data,
        }
    }

    fn deflated(name: &str, deflate: Deflate) -> Part {
        let (data, crc, size) = deflate.finish();
        Part {
            name: name.to_owned(),
            deflated: true,
            data,
            crc,
            declared_size: u32::try_from(size).expect("under 4 GiB"),
        }
    }
}

fn zip(parts: &[Part]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    let le16 = |v: &mut Vec<u8>, x: u16| v.extend_from_slice(&x.to_le_bytes());
    let le32 = |v: &mut Vec<u8>, x: u32| v.extend_from_slice(&x.to_le_bytes());
    for part in parts {
        let offset = out.len() as u32;
        let method = if part.deflated { 8 } else { 0 };
        for (buf, central_entry) in [(&mut out, false), (&mut central, true)] {
            le32(
                buf,
                if central_entry {
                    0x0201_4b50
                } else {
                    0x0403_4b50
                },
            );
            if central_entry {
                le16(buf, 20);
            }
            le16(buf, 20);
            le16(buf, 0);
            le16(buf, method);
            le16(buf, 0);
            le16(buf, 0x21);
            le32(buf, part.crc);
            le32(buf, part.data.len() as u32);
            le32(buf, part.declared_size);
            le16(buf, part.name.len() as u16);
            le16(buf, 0);
            if central_entry {
                le16(buf, 0);
                le16(buf, 0);
                le16(buf, 0);
                le32(buf, 0);
                le32(buf, offset);
            }
            buf.extend_from_slice(part.name.as_bytes());
        }
        out.extend_from_slice(&part.data);
    }
    let (cd_offset, cd_size) = (out.len() as u32, central.len() as u32);
    out.extend_from_slice(&central);
    le32(&mut out, 0x0605_4b50);
    le16(&mut out, 0);
    le16(&mut out, 0);
    le16(&mut out, parts.len() as u16);
    le16(&mut out, parts.len() as u16);
    le32(&mut out, cd_size);
    le32(&mut out, cd_offset);
    le16(&mut out, 0);
    out
}

/// A real one-sheet workbook with its sheet part replaced by `sheet`.
fn workbook_with_sheet(sheet: Part) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet().write_string(0, 0, "Nr").expect("cell");
    let bytes = book.save_to_buffer().expect("workbook");
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("zip");
    let mut parts = Vec::new();
    for i in 0..archive.len() {
        let mut part = archive.by_index(i).expect("part");
        let name = part.name().expect("name").into_owned();
        if name == "xl/worksheets/sheet1.xml" {
            continue;
        }
        let mut data = Vec::new();
        part.read_to_end(&mut data).expect("inflate");
        parts.push(Part::stored(&name, data));
    }
    parts.push(sheet);
    zip(&parts)
}

const SHEET_START: &[u8] = br#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row><c t="inlineStr"><is><t>Nr</t></is></c><c t="inlineStr"><is><t>Criterium</t></is></c></row>"#;
const SHEET_END: &[u8] = b"</sheetData></worksheet>";

/// A sheet whose only data cell holds `count` letters in one text node.
fn one_huge_text(count: u64, declared: Option<u32>) -> Vec<u8> {
    let mut sheet = Deflate::new();
    sheet.literals(SHEET_START);
    sheet.literals(br#"<row><c t="inlineStr"><is><t>1</t></is></c><c t="inlineStr"><is><t>"#);
    sheet.run(b'x', count);
    sheet.literals(b"</t></is></c></row>");
    sheet.literals(SHEET_END);
    let mut part = Part::deflated("xl/worksheets/sheet1.xml", sheet);
    if let Some(size) = declared {
        part.declared_size = size;
    }
    workbook_with_sheet(part)
}

/// `rows` criteria "1000001", "1000002", … below the header: each row is a copy of the one
/// above except for its number.
fn many_rows(rows: u32) -> Vec<u8> {
    let mut sheet = Deflate::new();
    sheet.literals(SHEET_START);
    let (head, tail): (&[u8], &[u8]) = (
        b"<row><c><v>",
        br#"</v></c><c t="inlineStr"><is><t>Criterium</t></is></c></row>"#,
    );
    let row_len = (head.len() + 7 + tail.len()) as u32;
    for i in 0..rows {
        let number = format!("{}", 1_000_000 + i + 1);
        if i == 0 {
            sheet.literals(head);
            sheet.literals(number.as_bytes());
            sheet.literals(tail);
        } else {
            sheet.repeat(row_len, head);
            sheet.literals(number.as_bytes());
            sheet.repeat(row_len, tail);
        }
    }
    sheet.literals(SHEET_END);
    workbook_with_sheet(Part::deflated("xl/worksheets/sheet1.xml", sheet))
}

/// A sheet with one cell nested `depth` elements deep in unknown markup.
fn deeply_nested(depth: u64) -> Vec<u8> {
    let mut sheet = Deflate::new();
    sheet.literals(SHEET_START);
    sheet.literals(br#"<row><c t="inlineStr"><is><t>1</t></is></c><c t="inlineStr"><is>"#);
    sheet.literals(b"<x><x><x>");
    sheet.repeat(3, &b"<x>".repeat(depth as usize - 3));
    sheet.literals(b"</x></x></x>");
    sheet.repeat(4, &b"</x>".repeat(depth as usize - 3));
    sheet.literals(b"<t>Genest</t></is></c></row>");
    sheet.literals(SHEET_END);
    workbook_with_sheet(Part::deflated("xl/worksheets/sheet1.xml", sheet))
}

/// A criteria sheet with its cells as rust_xlsxwriter writes them, and `extra` added.
fn xlsx(extra: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (row, cells) in [["Nr", "Criterium"], ["1.1", "Er is een FG."]]
        .iter()
        .enumerate()
    {
        for (col, text) in cells.iter().enumerate() {
            sheet
                .write_string(row as u32, col as u16, *text)
                .expect("cell");
        }
    }
    extra(sheet);
    book.save_to_buffer().expect("workbook")
}

/// A compound file whose directory chain loops back on itself.
fn looping_compound_file() -> Vec<u8> {
    let mut bytes = crate::fuzz_seeds::encrypted();
    let u32_at = |b: &[u8], at: usize| u32::from_le_bytes(b[at..at + 4].try_into().expect("4"));
    let dir_start = u32_at(&bytes, 0x30);
    let fat_sector = u32_at(&bytes, 0x4C) as usize;
    let sector = 1usize << u16::from_le_bytes([bytes[0x1E], bytes[0x1F]]);
    let entry = (fat_sector + 1) * sector + dir_start as usize * 4;
    bytes[entry..entry + 4].copy_from_slice(&dir_start.to_le_bytes());
    bytes
}

/// An export of the store: the file that users re-import most, and the base of the damaged
/// variants.
fn real_export() -> Vec<u8> {
    let mut store = Store::open_in_memory().expect("store");
    let round = store.ensure_started(NOW).expect("round");
    let ctx = ChangeContext {
        at: NOW,
        by: "fg".into(),
    };
    let view = store.assessment_view(round).expect("view");
    for (i, criterion) in view.themes.iter().flat_map(|t| &t.criteria).enumerate() {
        let answer = AnswerInput {
            status: Some([Status::Implemented, Status::Partial, Status::Open][i % 3]),
            justification: format!("Onderbouwing {i}"),
            ..AnswerInput::default()
        };
        store
            .save_answer(round, criterion.id, &answer, &ctx)
            .expect("answer");
    }
    let view = store.assessment_view(round).expect("view");
    workbook_bytes(&ExportParams {
        view: &view,
        exported_at: NOW,
        program: "test",
    })
    .expect("export")
}

// ---------------------------------------------------------------------------------------------
// The child and the table

/// Child: analyses every file named in the file `AVGB_FILES` (one a line) and reports the
/// outcome of each, then its peak memory.
pub fn import_child() {
    let list = std::fs::read_to_string(env("AVGB_FILES")).expect("list of files");
    for path in list.lines() {
        let outcome = match analyse(Path::new(path), &ImportOptions::new(NOW.date())) {
            Ok(plan) => {
                let mut hash = DefaultHasher::new();
                // The themes, criteria and answers (the catalog's name may come from the file name).
                serde_json::to_string(&plan.catalog.themes)
                    .expect("json")
                    .hash(&mut hash);
                format!(
                    "ok {} {:x} {}",
                    plan.catalog.criteria().count(),
                    hash.finish(),
                    plan.findings.len()
                )
            }
            Err(err) => format!("{} {}", err.code(), err.to_string().replace('\n', " ")),
        };
        report("OUTCOME", outcome);
    }
    report("PEAK", support::peak_rss_kib());
}

/// What a case must give.
#[derive(Debug, Clone, Copy)]
enum Expect {
    /// A refusal whose message contains this.
    Refused(&'static str),
    /// A plan with this many criteria.
    Imports(usize),
    /// A refusal, or a plan identical to the undamaged file's (hash).
    RefusedOrSame(u64),
}

/// Runs the files in a child under the address-space limit; returns the outcome lines and the
/// peak resident memory in KiB.
fn run_child(files: &[PathBuf]) -> (Vec<String>, u64) {
    let list = files
        .iter()
        .map(|f| f.display().to_string())
        .collect::<Vec<_>>()
        .join("\n");
    let list_file = files[0].with_extension("lijst");
    std::fs::write(&list_file, list).expect("list of files");
    let mut cmd = child_command("hostile", &["prlimit", &format!("--as={ADDRESS_SPACE}")]);
    cmd.env("AVGB_FILES", &list_file);
    let done = support::run(cmd);
    done.expect_success(&format!(
        "the import of {} file(s), the first {:?}, within {ADDRESS_SPACE} bytes of address space",
        files.len(),
        files[0]
    ));
    let outcomes = done.all("OUTCOME").iter().map(|s| s.to_string()).collect();
    let peak = done.last("PEAK").and_then(|p| p.parse().ok()).unwrap_or(0);
    (outcomes, peak)
}

fn check(name: &str, outcome: &str, expect: Expect) {
    let refusal = outcome
        .strip_prefix("file_refused ")
        .filter(|m| m.starts_with("Dit bestand kan niet worden ingelezen: "));
    match expect {
        Expect::Refused(needle) => assert!(
            refusal.is_some_and(|m| m.contains(needle)),
            "{name}: expected a refusal about {needle:?}, got {outcome}"
        ),
        Expect::Imports(count) => assert!(
            outcome.starts_with(&format!("ok {count} ")),
            "{name}: expected {count} criteria, got {outcome}"
        ),
        Expect::RefusedOrSame(hash) => assert!(
            refusal.is_some() || outcome.split(' ').nth(2) == Some(&format!("{hash:x}")),
            "{name}: neither refused nor the same data: {outcome}"
        ),
    }
}

#[test]
#[cfg_attr(not(unix), ignore = "Unix only: prlimit --as")]
fn hostile_and_huge_workbooks_are_refused_or_imported_within_bounded_memory() {
    let million = support::count("HOSTILE_ROWS", 1_000_000) as u32;
    // 64 MB in CI; HOSTILE_TEXT_MB=400 shows what a text node just within the limits costs.
    let text_mb = support::count("HOSTILE_TEXT_MB", 64) as u64;
    let cases: Vec<(&str, Vec<u8>, Expect)> = vec![
        ("leeg bestand", Vec::new(), Expect::Refused("leeg")),
        (
            "geen werkmap",
            (0..5000u32).map(|i| (i * 7919 % 251) as u8).collect(),
            Expect::Refused("geen Excel- of OpenDocument-werkmap"),
        ),
        (
            "CSV als .xlsx",
            b"Nr;Criterium;Status\n1.1;Er is een FG;Ja\n".repeat(100),
            Expect::Refused("CSV"),
        ),
        (
            "wachtwoord",
            crate::fuzz_seeds::encrypted(),
            Expect::Refused("wachtwoord"),
        ),
        (
            "compound file met een lus",
            looping_compound_file(),
            Expect::Refused("beschadigd"),
        ),
        (
            "zip-bom: 1 GiB in één tekst, eerlijk opgegeven",
            one_huge_text(1 << 30, None),
            Expect::Refused("uitgepakt groter"),
        ),
        (
            "zip-bom: 1 GiB, opgegeven als 1000 bytes",
            one_huge_text(1 << 30, Some(1000)),
            Expect::Refused("beschadigd"),
        ),
        (
            "enorme tekst in één cel, binnen de grenzen ingepakt",
            one_huge_text(text_mb * 1_000_000, None),
            Expect::Imports(1),
        ),
        (
            "cellen ver uit elkaar (A1 en XFD1048576)",
            xlsx(|sheet| {
                sheet
                    .write_string(1_048_575, 16_383, "ver weg")
                    .expect("far cell");
            }),
            Expect::Imports(1),
        ),
        (
            "16.384 kolommen",
            xlsx(|sheet| {
                for col in 2..16_384u16 {
                    sheet.write_number(1, col, f64::from(col)).expect("cell");
                }
            }),
            Expect::Imports(1),
        ),
        (
            "diep genest (1 miljoen niveaus)",
            deeply_nested(1_000_000),
            Expect::Imports(1),
        ),
        (
            "een miljoen rijen",
            many_rows(million),
            Expect::Imports(million as usize),
        ),
    ];
    let dir = tempfile::tempdir().unwrap();
    println!("case | file size | outcome | peak resident memory (limit 1536 MiB of address space)");
    for (i, (name, bytes, expect)) in cases.iter().enumerate() {
        let path = dir.path().join(format!("geval-{i}.xlsx"));
        std::fs::write(&path, bytes).unwrap();
        let (outcomes, peak) = run_child(std::slice::from_ref(&path));
        let outcome = outcomes.first().expect("an outcome");
        println!(
            "{name} | {} bytes | {} | {} MiB",
            bytes.len(),
            outcome.chars().take(140).collect::<String>(),
            peak / 1024
        );
        check(name, outcome, *expect);
        std::fs::remove_file(&path).unwrap();
    }
}

#[test]
#[cfg_attr(not(unix), ignore = "Unix only: prlimit --as")]
fn every_truncation_and_flipped_byte_of_an_export_is_refused_or_reads_the_same() {
    let seed = support::seed("HOSTILE_SEED");
    let stride = support::count("HOSTILE_STRIDE", 7);
    let mut rng = Rng::new(seed);
    let dir = tempfile::tempdir().unwrap();
    let mut files = Vec::new();
    let mut expects = Vec::new();
    for (base_name, good) in [("export", real_export()), ("ods", crate::fuzz_seeds::ods())] {
        let original = {
            let path = dir.path().join(format!("{base_name}-heel"));
            std::fs::write(&path, &good).unwrap();
            let (outcomes, _) = run_child(&[path]);
            let outcome = &outcomes[0];
            assert!(outcome.starts_with("ok "), "{base_name}: {outcome}");
            u64::from_str_radix(outcome.split(' ').nth(2).unwrap(), 16).unwrap()
        };
        let offset = rng.below(stride as u64) as usize;
        for cut in (offset..good.len()).step_by(stride * 3) {
            let path = dir.path().join(format!("{base_name}-kort-{cut}"));
            std::fs::write(&path, &good[..cut]).unwrap();
            files.push(path);
            expects.push(Expect::RefusedOrSame(original));
        }
        for at in (offset..good.len()).step_by(stride) {
            let mut bad = good.clone();
            bad[at] ^= 1 + rng.below(255) as u8;
            let path = dir.path().join(format!("{base_name}-byte-{at}"));
            std::fs::write(&path, &bad).unwrap();
            files.push(path);
            expects.push(Expect::RefusedOrSame(original));
        }
    }
    let (outcomes, peak) = run_child(&files);
    assert_eq!(outcomes.len(), files.len());
    let mut refused = 0;
    for ((file, outcome), expect) in files.iter().zip(&outcomes).zip(&expects) {
        check(&file.display().to_string(), outcome, *expect);
        refused += usize::from(!outcome.starts_with("ok "));
    }
    println!(
        "{} damaged files (HOSTILE_SEED={seed}): {refused} refused with a Dutch message, {} read \
         exactly as the undamaged file; peak memory {} MiB",
        files.len(),
        files.len() - refused,
        peak / 1024
    );
}
