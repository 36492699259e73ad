//! Each crate's share of the app's wasm, by function name (twiggy on the release build with its
//! names kept through wasm-bindgen and the same wasm-opt). `cargo xtask build` prints it with the
//! change since the last build, so that growth shows where it happens; `cargo xtask bench size`
//! writes it into BENCHMARKS.md.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use crate::build;
use crate::cmd::Cmd;
use crate::root;
use crate::setup::Tools;

/// Every part's bytes, largest first.
pub fn measure(tools: &Tools) -> Result<Vec<(String, u64)>, String> {
    let root = root();
    let twiggy = tools.bin("twiggy");
    if Cmd::new(&twiggy, &root).arg("--version").read().is_none() {
        Cmd::new("cargo", &root)
            .args(["install", "twiggy", "--version", "=0.8.0"])
            .run()?;
    }
    // The cargo output of the build above still has its names section; keep it through
    // wasm-bindgen and wasm-opt (same -Oz) so twiggy can name every function.
    let raw = root.join("target/wasm32-unknown-unknown/release/scope_web.wasm");
    let dir = root.join("target/bench/names");
    Cmd::new(tools.bin("wasm-bindgen"), &root)
        .args([
            "--target",
            "web",
            "--no-typescript",
            "--keep-debug",
            "--out-dir",
        ])
        .arg(&dir)
        .arg(&raw)
        .run()?;
    let named = dir.join("scope_web_bg.wasm");
    let optimized = dir.join("named.wasm");
    build::wasm_opt(tools, &named, &optimized, &["--debuginfo"])?;
    let csv = Cmd::new(&twiggy, &root)
        .args(["top", "-n", "1000000", "-f", "csv"])
        .arg(&optimized)
        .read()
        .ok_or("twiggy failed")?;
    let mut shares: BTreeMap<String, u64> = BTreeMap::new();
    for line in csv.lines().skip(1) {
        // Name,ShallowSize,ShallowSizePercent,RetainedSize,RetainedSizePercent; names may
        // contain commas, so the numbers are read from the right.
        let mut fields = line.rsplitn(5, ',');
        let (Some(_), Some(_), Some(_), Some(size), Some(name)) = (
            fields.next(),
            fields.next(),
            fields.next(),
            fields.next(),
            fields.next(),
        ) else {
            continue;
        };
        let Ok(size) = size.parse::<u64>() else {
            continue;
        };
        // A name with a comma or a quote is quoted, its quotes doubled.
        let name = name
            .strip_prefix('"')
            .and_then(|n| n.strip_suffix('"'))
            .map_or_else(|| name.to_string(), |n| n.replace("\"\"", "\""));
        if name.contains("subsection") || name.contains("custom section") {
            continue; // the names themselves, which the served bundle does not carry
        }
        *shares.entry(owner(&name)).or_default() += size;
    }
    let mut rows: Vec<_> = shares.into_iter().collect();
    rows.sort_by_key(|r| std::cmp::Reverse(r.1));
    Ok(rows)
}

/// The parts' shares with what each gained or lost since the last time this ran, kept in
/// target/bench/shares.tsv.
pub fn print_with_change(tools: &Tools) -> Result<(), String> {
    let rows = measure(tools)?;
    let path = root().join("target/bench/shares.tsv");
    let before: BTreeMap<String, u64> = std::fs::read_to_string(&path)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| {
            let (name, size) = l.split_once('\t')?;
            Some((name.to_string(), size.parse().ok()?))
        })
        .collect();
    let total: u64 = rows.iter().map(|r| r.1).sum();
    let mut out = format!(
        "build: the wasm by part ({total} bytes before gzip; change since the last build):\n"
    );
    let mut saved = String::new();
    for (name, size) in &rows {
        let _ = writeln!(saved, "{name}\t{size}");
    }
    for (name, size) in rows.iter().take(12) {
        let change = match before.get(name) {
            Some(old) if old == size => String::new(),
            Some(old) => format!(" ({:+})", *size as i64 - *old as i64),
            None if before.is_empty() => String::new(),
            None => " (new)".into(),
        };
        let _ = writeln!(
            out,
            "  {name:<40} {size:>8} {:>5.1}%{change}",
            100.0 * *size as f64 / total as f64
        );
    }
    print!("{out}");
    std::fs::write(&path, saved).map_err(|e| format!("{}: {e}", path.display()))
}

/// Who a function belongs to: the first crate its name mentions; yew's component views (the
/// app's html! code, monomorphized inside yew) and data segments are their own rows.
fn owner(name: &str) -> String {
    if name.starts_with("data segment") {
        return "data (strings, tables)".into();
    }
    if name.contains("CompStateInner") && name.contains("::view") {
        return "the app's views (yew html!)".into();
    }
    // "core[c5930c85a12de822]::fmt::write", "<alloc::vec::Vec<T> as ...>::f", "dlmalloc::...".
    let trimmed = name.trim_start_matches(['<', '&', '*', ' ', '(']);
    let krate = trimmed
        .split_once("::")
        .map(|(k, _)| k.split('[').next().unwrap_or(k));
    match krate {
        Some(k) if !k.is_empty() && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') => {
            k.to_string()
        }
        _ => "other (wasm-bindgen glue, intrinsics)".into(),
    }
}
