//! The reports' Markdown, read back: written from typed blocks, it must read as those blocks
//! again, whatever the text (a name with `|`, `**`, `# `, `<b>` or a line break in it). The
//! reader below is a test oracle for the small Markdown the writer uses (headings, paragraphs,
//! "- " lists, pipe tables, **strong**, backslash escapes); the app itself never reads Markdown.

#![allow(clippy::unwrap_used)]

use proptest::prelude::*;
use scope_core::Case;
use scope_core::reports::{Block, Document, Inline, Table, Text};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadInline {
    Text(String),
    Strong(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadBlock {
    Heading(u8, Vec<ReadInline>),
    Paragraph(Vec<ReadInline>),
    List(Vec<Vec<ReadInline>>),
    Table {
        header: Vec<Vec<ReadInline>>,
        rows: Vec<Vec<Vec<ReadInline>>>,
    },
}

/// Splits text into inlines at `**`, honouring backslash escapes.
pub fn inlines(text: &str) -> Vec<ReadInline> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut strong = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                if let Some(next) = chars.next() {
                    current.push(next);
                }
            }
            '*' if chars.peek() == Some(&'*') => {
                chars.next();
                if !current.is_empty() {
                    let t = std::mem::take(&mut current);
                    out.push(if strong {
                        ReadInline::Strong(t)
                    } else {
                        ReadInline::Text(t)
                    });
                }
                strong = !strong;
            }
            c => current.push(c),
        }
    }
    if !current.is_empty() {
        out.push(if strong {
            ReadInline::Strong(current)
        } else {
            ReadInline::Text(current)
        });
    }
    out
}

/// Cells of a table row, split at unescaped pipes.
fn cells(line: &str) -> Vec<Vec<ReadInline>> {
    let inner = line.trim().trim_start_matches('|');
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    let mut out = Vec::new();
    let mut cell = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                cell.push('\\');
                if let Some(n) = chars.next() {
                    cell.push(n);
                }
            }
            '|' => out.push(inlines(std::mem::take(&mut cell).trim())),
            c => cell.push(c),
        }
    }
    out.push(inlines(cell.trim()));
    out
}

fn is_rule(line: &str) -> bool {
    let t = line.trim();
    t.starts_with('|') && t.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

pub fn parse(text: &str) -> Vec<ReadBlock> {
    let mut blocks = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim_end();
        if line.trim().is_empty() {
            i += 1;
        } else if let Some(h) = line.strip_prefix("## ") {
            blocks.push(ReadBlock::Heading(2, inlines(h)));
            i += 1;
        } else if let Some(h) = line.strip_prefix("# ") {
            blocks.push(ReadBlock::Heading(1, inlines(h)));
            i += 1;
        } else if line.starts_with("- ") {
            let mut items = Vec::new();
            while i < lines.len() && lines[i].starts_with("- ") {
                items.push(inlines(&lines[i][2..]));
                i += 1;
            }
            blocks.push(ReadBlock::List(items));
        } else if line.trim_start().starts_with('|') {
            let header = cells(line);
            i += 1;
            if i < lines.len() && is_rule(lines[i]) {
                i += 1;
            }
            let mut rows = Vec::new();
            while i < lines.len() && lines[i].trim_start().starts_with('|') {
                rows.push(cells(lines[i]));
                i += 1;
            }
            blocks.push(ReadBlock::Table { header, rows });
        } else {
            // The first line is always this paragraph's (a "#x" line is text, not a heading), so
            // every pass consumes at least one line.
            let mut para = String::new();
            while i < lines.len() {
                let l = lines[i].trim_end();
                let starts_block = l.trim().is_empty()
                    || l.starts_with("# ")
                    || l.starts_with("## ")
                    || l.starts_with("- ")
                    || l.trim_start().starts_with('|');
                if !para.is_empty() && starts_block {
                    break;
                }
                if !para.is_empty() {
                    para.push(' ');
                }
                para.push_str(l.trim());
                i += 1;
            }
            blocks.push(ReadBlock::Paragraph(inlines(&para)));
        }
    }
    blocks
}

/// What the oracle should read for a written block: runs merged as the reader merges them, code
/// read as its text between backticks.
fn expected(doc: &Document) -> Vec<ReadBlock> {
    fn runs(t: &Text) -> Vec<ReadInline> {
        let mut out: Vec<ReadInline> = Vec::new();
        for part in &t.0 {
            let (text, strong) = match part {
                Inline::Text(t) => (t.clone(), false),
                Inline::Strong(t) => (t.clone(), true),
                Inline::Code(t) => (format!("`{t}`"), false),
            };
            // The writer turns line breaks and other controls into spaces.
            let text: String = text
                .chars()
                .map(|c| {
                    if c.is_control() || c == '\u{2028}' || c == '\u{2029}' {
                        ' '
                    } else {
                        c
                    }
                })
                .collect();
            if text.is_empty() {
                continue;
            }
            match (out.last_mut(), strong) {
                (Some(ReadInline::Text(prev)), false) => prev.push_str(&text),
                (Some(ReadInline::Strong(prev)), true) => prev.push_str(&text),
                _ => out.push(if strong {
                    ReadInline::Strong(text)
                } else {
                    ReadInline::Text(text)
                }),
            }
        }
        out
    }
    doc.blocks
        .iter()
        .map(|b| match b {
            Block::Heading(l, t) => ReadBlock::Heading(*l, runs(t)),
            Block::Paragraph(t) => ReadBlock::Paragraph(runs(t)),
            Block::List(items) => ReadBlock::List(items.iter().map(runs).collect()),
            Block::Table(t) => ReadBlock::Table {
                header: t.header.iter().map(runs).collect(),
                rows: t
                    .rows
                    .iter()
                    .map(|r| r.iter().map(runs).collect())
                    .collect(),
            },
        })
        .collect()
}

/// Text as a report may hold it: the characters Markdown gives a meaning to, and line breaks.
fn hostile_text() -> impl Strategy<Value = String> {
    proptest::string::string_regex(r"[a-z0-9 .:/@#|*_`<>\[\]!&~\\\-]{1,24}")
        .unwrap()
        .prop_map(|s| s.trim().to_string())
        .prop_filter("a run with words", |s| !s.is_empty())
}

fn case(name: &str) -> Case {
    let path = format!(
        "{}/../../tests/cases/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    Case::from_json(&std::fs::read_to_string(path).unwrap()).unwrap()
}

proptest! {
    /// Any text in a heading, a paragraph, a list and a table cell reads back as that text.
    #[test]
    fn any_text_reads_back_as_itself(
        title in hostile_text(),
        strong in hostile_text(),
        plain in hostile_text(),
        item in hostile_text(),
        cell in hostile_text(),
    ) {
        let mut d = Document::default();
        d.heading(1, title.as_str());
        d.paragraph(Text::strong(strong.as_str()).then(format!(" {plain}")));
        d.list([item.as_str(), plain.as_str()]);
        let mut t = Table::new(&[("a", false), ("b", true)]);
        t.row([cell.as_str(), item.as_str()]);
        d.table(t);
        prop_assert_eq!(parse(&d.to_markdown()), expected(&d));
    }
}

#[test]
fn every_report_of_every_example_reads_back_as_its_blocks() {
    for name in [
        "mature-spot-cex",
        "young-perp-dex",
        "modification-kucoin",
        "blocked",
        "largest-case",
    ] {
        let case = case(name);
        let mut docs = vec![scope_core::reports::proposal::proposal(&case)];
        docs.push(scope_core::reports::maturity::document(
            &case,
            &scope_core::rank(&case),
        ));
        docs.push(scope_core::reports::plan::document(
            &case,
            &scope_core::plan(&case),
        ));
        if let Ok(e) = scope_core::estimate(&case) {
            docs.push(scope_core::reports::estimate::document(&case, &e));
        }
        if let Ok(ev) = scope_core::evaluate::evaluate(&case) {
            docs.push(scope_core::reports::evaluation::document(&case, &ev));
            docs.push(scope_core::reports::proposal::announcement(&case, &ev));
        }
        if let Some(spec) = &case.agreement {
            let a = scope_core::agreement::project(spec, &case.estimate.currency);
            docs.push(scope_core::reports::agreement::document(&case, &a));
        }
        for d in docs {
            assert_eq!(parse(&d.to_markdown()), expected(&d), "{name}");
        }
    }
}

#[test]
fn the_proposal_has_its_sections() {
    let d = scope_core::reports::proposal::proposal(&case("mature-spot-cex"));
    let headings: Vec<String> = d
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading(2, text) => Some(text.plain()),
            _ => None,
        })
        .collect();
    assert_eq!(
        headings,
        [
            "Summary",
            "Stages and timeline",
            "API maturity",
            "Effort, duration and cost",
            // The mature example's 90-day guarantee is at risk (15% of simulated projects).
            "Constraints",
            "Maintainer",
            "Agreement and compensation",
            "Next step"
        ]
    );
}

#[test]
fn the_oracle_reads_the_small_markdown() {
    let md = "# Title\n\nSome **bold** text\ncontinued.\n\n- one\n- two\n\n| a | b \\| c |\n| --- | ---: |\n| 1 | **2** |\n";
    let blocks = parse(md);
    assert_eq!(
        blocks[0],
        ReadBlock::Heading(1, vec![ReadInline::Text("Title".into())])
    );
    assert_eq!(
        blocks[1],
        ReadBlock::Paragraph(vec![
            ReadInline::Text("Some ".into()),
            ReadInline::Strong("bold".into()),
            ReadInline::Text(" text continued.".into())
        ])
    );
    match &blocks[3] {
        ReadBlock::Table { header, rows } => {
            assert_eq!(header[1], vec![ReadInline::Text("b | c".into())]);
            assert_eq!(rows[0][1], vec![ReadInline::Strong("2".into())]);
        }
        other => panic!("{other:?}"),
    }
}
