//! The layers of scope-core, read from its own sources.
//!
//! Every top-level module is a folder whose `mod.rs` opens with what it holds and one line
//! `//! May import: a, b.` naming the other top-level modules its code (tests aside) may use. This
//! test fails when a module imports one it does not name, when the named rules make a circle, when
//! a module file sits outside a folder, or when a file has more than `MAX_CODE_LINES` lines of code.

#![allow(clippy::unwrap_used, clippy::disallowed_types)] // a test, not in the bundle

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// Lines of code (not blank, not comment, not tests) a file may hold before it is split.
const MAX_CODE_LINES: usize = 400;

/// What the lexer leaves of a file: code only, strings blanked, comments and test modules gone.
fn code_of(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'/' && b.get(i + 1) == Some(&b'/') {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
        } else if c == b'/' && b.get(i + 1) == Some(&b'*') {
            let mut depth = 0;
            while i < b.len() {
                if b[i..].starts_with(b"/*") {
                    depth += 1;
                    i += 2;
                } else if b[i..].starts_with(b"*/") {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    if b[i] == b'\n' {
                        out.push(b'\n');
                    }
                    i += 1;
                }
            }
        } else if c == b'r' && matches!(b.get(i + 1), Some(b'"' | b'#')) && !ident_byte(b, i) {
            // A raw string: r"..." or r#"..."#.
            let mut j = i + 1;
            while b.get(j) == Some(&b'#') {
                j += 1;
            }
            if b.get(j) != Some(&b'"') {
                out.push(c);
                i += 1;
                continue;
            }
            let hashes = j - i - 1;
            let mut close = vec![b'"'];
            close.extend(std::iter::repeat_n(b'#', hashes));
            i = j + 1;
            while i < b.len() && !b[i..].starts_with(&close) {
                if b[i] == b'\n' {
                    out.push(b'\n');
                }
                i += 1;
            }
            i += close.len();
            out.extend_from_slice(b"\"\"");
        } else if c == b'"' {
            i += 1;
            while i < b.len() && b[i] != b'"' {
                if b[i] == b'\\' {
                    i += 1;
                }
                if b.get(i) == Some(&b'\n') {
                    out.push(b'\n');
                }
                i += 1;
            }
            i += 1;
            out.extend_from_slice(b"\"\"");
        } else if c == b'\'' {
            // A char literal ('x', '\n', '\u{2028}', '"'), or a lifetime ('a), left as it is.
            if b.get(i + 1) == Some(&b'\\') {
                i += 2;
                while i < b.len() && b[i] != b'\'' {
                    i += 1;
                }
                i += 1;
                out.extend_from_slice(b"' '");
            } else if let Some(len) = text[i + 1..].chars().next().map(char::len_utf8)
                && b.get(i + 1 + len) == Some(&b'\'')
            {
                i += len + 2;
                out.extend_from_slice(b"' '");
            } else {
                out.push(c);
                i += 1;
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    let code = String::from_utf8(out).expect("the lexer keeps whole characters");
    without_tests(&code)
}

fn ident_byte(b: &[u8], i: usize) -> bool {
    i > 0 && (b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_')
}

/// The code without its `#[cfg(test)]` items (brace-matched: strings are blank by now).
fn without_tests(code: &str) -> String {
    let mut rest = code;
    let mut out = String::new();
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let item = &rest[at..];
        let end = match (item.find('{'), item.find(';')) {
            (Some(open), semi) if semi.is_none_or(|s| open < s) => {
                let mut depth = 0;
                let mut end = item.len();
                for (k, ch) in item.char_indices().skip(open) {
                    match ch {
                        '{' => depth += 1,
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                end = k + 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                end
            }
            (_, Some(semi)) => semi + 1,
            _ => item.len(),
        };
        // Keep the line count of what follows the tests honest: drop only the item.
        rest = &item[end..];
    }
    out.push_str(rest);
    out
}

/// The top-level modules that `code` names with `crate::`.
fn imports(code: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let before = &code[..code.len() - rest.len() + at];
        rest = &rest[at + "crate::".len()..];
        if before.ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '$') {
            continue; // `scope_crate::`, `$crate::` in a macro
        }
        if let Some(group) = rest.strip_prefix('{') {
            let mut depth = 0;
            let mut item_start = true;
            for (k, ch) in group.char_indices() {
                match ch {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => item_start = true,
                    c if item_start && (c.is_alphanumeric() || c == '_') => {
                        found.push(ident(&group[k..]));
                        item_start = false;
                    }
                    _ => {}
                }
            }
        } else {
            found.push(ident(rest));
        }
    }
    found
}

fn ident(s: &str) -> String {
    s.chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

struct Module {
    /// `May import:` of its `mod.rs`.
    may: Vec<String>,
    /// What its code imports, each with the file that does.
    does: Vec<(String, PathBuf)>,
}

fn rs_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rs_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn modules(problems: &mut Vec<String>) -> BTreeMap<String, Module> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut modules = BTreeMap::new();
    for entry in fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        if !path.is_dir() {
            if name != "lib" {
                problems.push(format!("{name}.rs is a module file outside a folder"));
            }
            continue;
        }
        let head = fs::read_to_string(path.join("mod.rs")).unwrap_or_default();
        let header: Vec<&str> = head.lines().take_while(|l| l.starts_with("//!")).collect();
        // The rule is among the opening lines, where a reader looks first.
        let may = header
            .iter()
            .take(3)
            .find_map(|l| l.strip_prefix("//! May import: "))
            .map(|list| {
                let list = list.trim_end_matches('.');
                if list == "nothing of this crate" {
                    Vec::new()
                } else {
                    list.split(", ").map(str::to_string).collect()
                }
            });
        let Some(may) = may else {
            problems.push(format!(
                "{name}/mod.rs does not open with what it holds and a `//! May import: ...` line"
            ));
            continue;
        };
        if header.len() < 2 {
            problems.push(format!("{name}/mod.rs does not say what it holds"));
        }
        let mut files = Vec::new();
        rs_files(&path, &mut files);
        files.sort();
        let mut does = Vec::new();
        for file in files {
            let code = code_of(&fs::read_to_string(&file).unwrap());
            let lines = code.lines().filter(|l| !l.trim().is_empty()).count();
            let short = file.strip_prefix(&src).unwrap().display().to_string();
            if lines > MAX_CODE_LINES {
                problems.push(format!(
                    "{short} has {lines} lines of code (more than {MAX_CODE_LINES}): split it"
                ));
            }
            if file.ends_with(format!("{name}/mod.rs")) && code.contains("super::") {
                problems.push(format!("{short} names the crate root as super::"));
            }
            for import in imports(&code) {
                if import != name {
                    does.push((import, file.strip_prefix(&src).unwrap().to_path_buf()));
                }
            }
        }
        modules.insert(name, Module { may, does });
    }
    modules
}

#[test]
fn each_module_imports_only_what_it_may() {
    let mut problems = Vec::new();
    let modules = modules(&mut problems);
    // The crate root's re-exports (`crate::Case`) would hide an import: modules name the module.
    let root_items = [
        "Case",
        "CaseError",
        "FieldError",
        "estimate",
        "rank",
        "plan",
    ];
    for (name, m) in &modules {
        for (import, file) in &m.does {
            if !modules.contains_key(import) {
                if root_items.contains(&import.as_str()) {
                    problems.push(format!(
                        "{} uses the root's crate::{import}: name its module",
                        file.display()
                    ));
                }
                continue;
            }
            if !m.may.contains(import) {
                problems.push(format!(
                    "{} imports {import}, which {name}/mod.rs does not list",
                    file.display()
                ));
            }
        }
        for allowed in &m.may {
            if !modules.contains_key(allowed) {
                problems.push(format!(
                    "{name}/mod.rs may import {allowed}: no such module"
                ));
            }
        }
    }
    assert!(problems.is_empty(), "\n{}\n", problems.join("\n"));
}

#[test]
fn the_layers_have_no_circle() {
    let mut ignored = Vec::new();
    let modules = modules(&mut ignored);
    // Depth-first search over the `May import` rules: any back edge is a circle.
    fn visit<'a>(
        name: &'a str,
        modules: &'a BTreeMap<String, Module>,
        path: &mut Vec<&'a str>,
        done: &mut Vec<&'a str>,
    ) -> Option<String> {
        if let Some(at) = path.iter().position(|p| *p == name) {
            let mut circle = path[at..].to_vec();
            circle.push(name);
            return Some(circle.join(" -> "));
        }
        if done.contains(&name) {
            return None;
        }
        path.push(name);
        for next in modules.get(name).map(|m| m.may.as_slice()).unwrap_or(&[]) {
            if let Some(circle) = visit(next, modules, path, done) {
                return Some(circle);
            }
        }
        path.pop();
        done.push(name);
        None
    }
    let mut done = Vec::new();
    for name in modules.keys() {
        let circle = visit(name, &modules, &mut Vec::new(), &mut done);
        assert!(
            circle.is_none(),
            "the layers' rules make a circle: {}",
            circle.unwrap()
        );
    }
}

#[test]
fn the_reader_of_imports_sees_through_strings_comments_and_tests() {
    let code = code_of(
        r##"
use crate::case::Case; // crate::workbench in a comment
use crate::{support::number, estimate::{self, stats}};
/* crate::reports /* nested */ crate::reports */
const S: &str = "crate::formats";
const R: &str = r#"crate::formats "quoted" "#;
const C: char = '"';
fn f<'a>(x: &'a str) -> char { '\'' }
#[cfg(test)]
mod tests {
    use crate::workbench::session;
    fn g() { let s = format!("{}", 1); }
}
use crate::maturity;
"##,
    );
    assert_eq!(
        imports(&code),
        ["case", "support", "estimate", "maturity"],
        "{code}"
    );
}

/// ARCHITECTURE.md's table of the layers says what each `mod.rs` says, no more, no less.
#[test]
fn the_architecture_map_lists_the_layers_as_they_are() {
    let mut ignored = Vec::new();
    let modules = modules(&mut ignored);
    let map =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ARCHITECTURE.md"))
            .unwrap();
    let mut listed = BTreeMap::new();
    for row in map.lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = row.trim_matches('|').split(" | ").map(str::trim).collect();
        let Some(name) = cells[0]
            .strip_prefix('`')
            .and_then(|c| c.strip_suffix("/`"))
        else {
            continue;
        };
        let may: Vec<String> = match *cells.last().unwrap() {
            "nothing" => Vec::new(),
            list => list.split(", ").map(str::to_string).collect(),
        };
        listed.insert(name.to_string(), may);
    }
    let actual: BTreeMap<String, Vec<String>> = modules
        .iter()
        .map(|(n, m)| (n.clone(), m.may.clone()))
        .collect();
    assert_eq!(
        listed, actual,
        "ARCHITECTURE.md's table of layers is not the code's"
    );
}
