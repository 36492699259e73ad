//! A report as typed blocks: headings, paragraphs, lists and tables of text runs. The reports
//! are built once as a `Document`; the CLI and the exports write it as Markdown, and the web app
//! renders the same blocks as elements (text nodes only). Every run of text goes through one
//! escaper (`support::escape::Md`) on its way to Markdown, so no text, the user's or the app's,
//! can become structure.

use std::fmt::Write;

use crate::support::escape::Md;

/// A run of text and how it is set.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Strong(String),
    /// An identifier of the case format (`exchange_funded`), set as code.
    Code(String),
}

/// Text made of runs: `Text::from("Path: ").code("exchange_funded")`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text(pub Vec<Inline>);

impl Text {
    pub fn strong(text: impl Into<String>) -> Text {
        Text(vec![Inline::Strong(text.into())])
    }

    /// This text, then `more` as plain text.
    pub fn then(mut self, more: impl Into<String>) -> Text {
        self.0.push(Inline::Text(more.into()));
        self
    }

    pub fn then_strong(mut self, more: impl Into<String>) -> Text {
        self.0.push(Inline::Strong(more.into()));
        self
    }

    pub fn code(mut self, id: impl Into<String>) -> Text {
        self.0.push(Inline::Code(id.into()));
        self
    }

    /// The words without their setting, as a screen reader or a test reads them.
    pub fn plain(&self) -> String {
        self.0
            .iter()
            .map(|i| match i {
                Inline::Text(t) | Inline::Strong(t) | Inline::Code(t) => t.as_str(),
            })
            .collect()
    }
}

impl From<&str> for Text {
    fn from(text: &str) -> Text {
        Text(vec![Inline::Text(text.into())])
    }
}

impl From<String> for Text {
    fn from(text: String) -> Text {
        Text(vec![Inline::Text(text)])
    }
}

/// A table: its columns (a heading, and whether figures align right) and its rows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Table {
    pub header: Vec<Text>,
    pub numeric: Vec<bool>,
    pub rows: Vec<Vec<Text>>,
}

impl Table {
    /// Columns as `("score", true)`: a numeric column aligns right.
    pub fn new(columns: &[(&str, bool)]) -> Table {
        Table {
            header: columns.iter().map(|(h, _)| Text::from(*h)).collect(),
            numeric: columns.iter().map(|(_, n)| *n).collect(),
            rows: Vec::new(),
        }
    }

    pub fn row<T: Into<Text>>(&mut self, cells: impl IntoIterator<Item = T>) {
        self.rows.push(cells.into_iter().map(Into::into).collect());
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Block {
    /// Level 1 is the document's title, 2 its sections.
    Heading(u8, Text),
    Paragraph(Text),
    List(Vec<Text>),
    Table(Table),
}

/// A report: its blocks in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    pub blocks: Vec<Block>,
}

impl Document {
    pub fn heading(&mut self, level: u8, text: impl Into<Text>) {
        self.blocks.push(Block::Heading(level, text.into()));
    }

    pub fn paragraph(&mut self, text: impl Into<Text>) {
        self.blocks.push(Block::Paragraph(text.into()));
    }

    /// A list; nothing when there are no items.
    pub fn list<T: Into<Text>>(&mut self, items: impl IntoIterator<Item = T>) {
        let items: Vec<Text> = items.into_iter().map(Into::into).collect();
        if !items.is_empty() {
            self.blocks.push(Block::List(items));
        }
    }

    pub fn table(&mut self, table: Table) {
        self.blocks.push(Block::Table(table));
    }

    /// The document as CommonMark with GitHub's tables.
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        for (i, block) in self.blocks.iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            match block {
                Block::Heading(level, text) => {
                    for _ in 0..*level {
                        out.push('#');
                    }
                    out.push(' ');
                    line_start(&mut out, text);
                    out.push('\n');
                }
                Block::Paragraph(text) => {
                    line_start(&mut out, text);
                    out.push('\n');
                }
                Block::List(items) => {
                    for item in items {
                        out.push_str("- ");
                        line_start(&mut out, item);
                        out.push('\n');
                    }
                }
                Block::Table(t) => {
                    row(&mut out, &t.header);
                    out.push('|');
                    for numeric in &t.numeric {
                        out.push_str(if *numeric { " ---: |" } else { " --- |" });
                    }
                    out.push('\n');
                    for r in &t.rows {
                        row(&mut out, r);
                    }
                }
            }
        }
        out
    }
}

fn row(out: &mut String, cells: &[Text]) {
    out.push('|');
    for cell in cells {
        out.push(' ');
        inline(out, cell);
        out.push_str(" |");
    }
    out.push('\n');
}

/// Text that starts a line: what would open a list (`- `, `+ `, `1. `, `1) `) or indented code
/// (leading spaces) there is text too.
fn line_start(out: &mut String, text: &Text) {
    let mut written = String::new();
    inline(&mut written, text);
    let written = written.trim_start();
    let digits = written.bytes().take_while(u8::is_ascii_digit).count();
    if written.starts_with(['-', '+']) {
        out.push('\\');
    } else if (1..=9).contains(&digits) && written[digits..].starts_with(['.', ')']) {
        out.push_str(&written[..digits]);
        out.push('\\');
        out.push_str(&written[digits..]);
        return;
    }
    out.push_str(written);
}

fn inline(out: &mut String, text: &Text) {
    for part in &text.0 {
        let _ = match part {
            Inline::Text(t) => write!(out, "{}", Md(t)),
            // `** Ana **` is not strong in CommonMark: the spaces go outside.
            Inline::Strong(t) if t.trim().is_empty() => write!(out, "{}", Md(t)),
            Inline::Strong(t) => {
                let inner = t.trim();
                let before = &t[..t.len() - t.trim_start().len()];
                let after = &t[t.trim_end().len()..];
                write!(out, "{}**{}**{}", Md(before), Md(inner), Md(after))
            }
            // The format's ids are lower case letters, digits and underscores: no backtick to
            // end the span early, and a code span shows them as they are.
            Inline::Code(t) if t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') => {
                write!(out, "`{t}`")
            }
            Inline::Code(t) => write!(out, "{}", Md(t)),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A name that starts a list item or a paragraph stays text there: it once opened a nested
    /// list (`- Bob`, `1. Ana`), indented code, or left `**  Ana  **` unbolded.
    #[test]
    fn what_starts_a_line_stays_text() {
        let mut d = Document::default();
        d.list([
            "- Bob by Q",
            "+ x",
            "1. Ana",
            "12) x",
            "    code name",
            "2024 in numbers",
        ]);
        d.paragraph("3. third");
        d.paragraph(Text::from("The Foundation has selected ").then_strong("  Ana Ribeiro  "));
        assert_eq!(
            d.to_markdown(),
            "- \\- Bob by Q\n- \\+ x\n- 1\\. Ana\n- 12\\) x\n- code name\n- 2024 in numbers\n\n\
             3\\. third\n\nThe Foundation has selected   **Ana Ribeiro**  \n"
        );
    }
}
