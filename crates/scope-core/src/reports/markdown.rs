//! The small Markdown the reports are written in, read back into blocks, so that the web app
//! can show a report as a page (text nodes only, never markup from a string).
//!
//! Headings (#, ##), paragraphs, "- " lists, pipe tables, and **strong** text; backslash escapes.

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Strong(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    Heading(u8, Vec<Inline>),
    Paragraph(Vec<Inline>),
    List(Vec<Vec<Inline>>),
    Table {
        header: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
    },
}

/// Splits text into inlines at `**`, honouring backslash escapes.
pub fn inlines(text: &str) -> Vec<Inline> {
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
                        Inline::Strong(t)
                    } else {
                        Inline::Text(t)
                    });
                }
                strong = !strong;
            }
            c => current.push(c),
        }
    }
    if !current.is_empty() {
        out.push(if strong {
            Inline::Strong(current)
        } else {
            Inline::Text(current)
        });
    }
    out
}

/// Cells of a table row, split at unescaped pipes.
fn cells(line: &str) -> Vec<Vec<Inline>> {
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

pub fn parse(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim_end();
        if line.trim().is_empty() {
            i += 1;
        } else if let Some(h) = line.strip_prefix("## ") {
            blocks.push(Block::Heading(2, inlines(h)));
            i += 1;
        } else if let Some(h) = line.strip_prefix("# ") {
            blocks.push(Block::Heading(1, inlines(h)));
            i += 1;
        } else if line.starts_with("- ") {
            let mut items = Vec::new();
            while i < lines.len() && lines[i].starts_with("- ") {
                items.push(inlines(&lines[i][2..]));
                i += 1;
            }
            blocks.push(Block::List(items));
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
            blocks.push(Block::Table { header, rows });
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
            blocks.push(Block::Paragraph(inlines(&para)));
        }
    }
    blocks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_reports_markdown() {
        let md = "# Title\n\nSome **bold** text\ncontinued.\n\n- one\n- two\n\n| a | b \\| c |\n| --- | ---: |\n| 1 | **2** |\n";
        let blocks = parse(md);
        assert_eq!(
            blocks[0],
            Block::Heading(1, vec![Inline::Text("Title".into())])
        );
        assert_eq!(
            blocks[1],
            Block::Paragraph(vec![
                Inline::Text("Some ".into()),
                Inline::Strong("bold".into()),
                Inline::Text(" text continued.".into())
            ])
        );
        assert_eq!(
            blocks[2],
            Block::List(vec![
                vec![Inline::Text("one".into())],
                vec![Inline::Text("two".into())]
            ])
        );
        match &blocks[3] {
            Block::Table { header, rows } => {
                assert_eq!(header[1], vec![Inline::Text("b | c".into())]);
                assert_eq!(rows[0][1], vec![Inline::Strong("2".into())]);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn lines_that_only_look_like_blocks_are_text() {
        // Each of these once made the parser loop without consuming the line.
        for text in ["#x", "###", "#", "-x\n#y", "a\n#b"] {
            let blocks = parse(text);
            assert!(
                !blocks.is_empty() && blocks.len() <= 2,
                "{text:?}: {blocks:?}"
            );
        }
    }

    #[test]
    fn the_proposal_parses_into_its_sections() {
        let case = crate::case::Case::from_json(include_str!(
            "../../../../tests/cases/mature-spot-cex.json"
        ))
        .unwrap();
        let blocks = parse(&crate::reports::proposal::proposal_markdown(&case));
        let headings: Vec<String> = blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading(2, text) => match text.as_slice() {
                    [Inline::Text(t)] => Some(t.clone()),
                    _ => None,
                },
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
}
