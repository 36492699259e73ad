//! `connector-scope`: the Connector Scope rules on the command line.
//!
//! It reads a case file and prints; every rule and number comes from scope-core.

use std::io::Read;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use scope_core::reports::{self, proposal};
use scope_core::{Case, agreement, evaluate};
use serde::Serialize;

/// Scope, estimate and staff a Hummingbot exchange connector from a case file.
#[derive(Parser)]
#[command(name = "connector-scope", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// The exchange's API-maturity score, rank, blockers and findings.
    Maturity(Input),
    /// Effort, calendar days, cost and constraints (needs estimate.hourly_rate).
    Estimate(Input),
    /// The engagement path's stages: which apply, why, and how long.
    Plan(Input),
    /// Rank the maintainer candidates (weighted sum or TOPSIS), with sensitivity.
    Evaluate(Input),
    /// The fee share month by month: the maintainer's part and the Foundation's.
    Agreement(Input),
    /// The proposal to the exchange, as one Markdown document.
    Proposal(Input),
    /// The public announcement of the maintainer selection, as Markdown.
    Announcement(Input),
    /// Re-estimate every connector build of the 2020-2024 record without itself, and score the
    /// ranges (the Markdown is CALIBRATION.md).
    Backtest {
        /// json (default) or markdown.
        #[arg(long, value_enum)]
        format: Option<DocumentFormat>,
    },
    /// Every problem of a case file at once, then what it lacks for each command; exits with
    /// 2 when the case itself has problems.
    Validate(Input),
    /// Print the case file's JSON Schema.
    Schema,
    /// Read an exchange's API documents (OpenAPI 3, Swagger 2, AsyncAPI 2 or 3; JSON or YAML)
    /// and propose questionnaire answers, each with its evidence.
    Scan {
        /// The documents: a REST one and a websocket one read together.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[command(flatten)]
        prefill: PrefillArgs,
    },
    /// Propose questionnaire answers from what CCXT implements for an exchange.
    Prefill {
        /// The exchange's CCXT id (binance, kucoin, okx...).
        #[arg(long, value_name = "ID")]
        ccxt: String,
        #[command(flatten)]
        prefill: PrefillArgs,
    },
}

#[derive(clap::Args, Clone)]
struct PrefillArgs {
    /// The connector's market: the perpetual items count for perpetual and both (default: the
    /// case's market with --into, else spot).
    #[arg(long, value_enum)]
    market: Option<MarketArg>,
    /// json (default) or markdown.
    #[arg(long, value_enum)]
    format: Option<DocumentFormat>,
    /// Write the proposed answers into this case file, keeping the case's own answers.
    #[arg(long, value_name = "CASE")]
    into: Option<PathBuf>,
    /// With --into: replace the case's own answers too.
    #[arg(long, requires = "into")]
    replace: bool,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum MarketArg {
    Spot,
    Perpetual,
    Both,
}

impl From<MarketArg> for scope_core::case::Market {
    fn from(m: MarketArg) -> Self {
        match m {
            MarketArg::Spot => Self::Spot,
            MarketArg::Perpetual => Self::Perpetual,
            MarketArg::Both => Self::Both,
        }
    }
}

#[derive(clap::Args)]
struct Input {
    /// The case file; `-` or nothing reads standard input.
    file: Option<PathBuf>,
    /// json (default; markdown for proposal and announcement), markdown, or csv (evaluate and
    /// agreement).
    #[arg(long, value_enum)]
    format: Option<Format>,
}

/// The backtest's formats: a report, no table to export as CSV.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum DocumentFormat {
    Json,
    Markdown,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Json,
    Markdown,
    Csv,
}

/// Bad input (unreadable, invalid or incomplete case file) exits with 2, like bad usage.
const EXIT_BAD_INPUT: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(text) => {
            // A reader that stops early (`| head`) closes the pipe: that ends the output, it is
            // not an error to panic over.
            let mut out = std::io::stdout().lock();
            match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    eprintln!("connector-scope: cannot write the output: {e}");
                    ExitCode::FAILURE
                }
                _ => ExitCode::SUCCESS,
            }
        }
        Err(message) => {
            eprintln!("connector-scope: {message}");
            ExitCode::from(EXIT_BAD_INPUT)
        }
    }
}

fn run(command: Command) -> Result<String, String> {
    match command {
        Command::Schema => Ok(scope_core::case::json_schema()),
        Command::Scan { files, prefill } => {
            // A file that cannot be read as text is named and left out; the others still count.
            let mut texts = Vec::new();
            for f in &files {
                match read_document(f) {
                    Ok(doc) => texts.push(doc),
                    Err(why) => eprintln!("connector-scope: {why}"),
                }
            }
            prefill_into(&prefill, |market| {
                let docs: Vec<scope_scan::Document<'_>> = texts
                    .iter()
                    .map(|(name, text)| scope_scan::Document { name, text })
                    .collect();
                let p = scope_scan::scan(&docs, market);
                for d in &p.documents {
                    if let Some(problem) = &d.problem {
                        eprintln!("connector-scope: {}: {problem}", d.name);
                    }
                }
                if p.documents.iter().all(|d| d.format.is_empty()) || docs.is_empty() {
                    return Err("no document could be read as an API description".into());
                }
                Ok(p)
            })
        }
        Command::Prefill { ccxt, prefill } => {
            // Its id or name, as the web app's search takes it; a near miss is suggested.
            let exchange = scope_core::prefill::ccxt::pick(&ccxt)?;
            // Without a case or --market, the exchange's own market (a perpetual-only one's
            // perpetual items count).
            let args = PrefillArgs {
                market: prefill.market.or(match (&prefill.into, exchange.market()) {
                    (None, scope_core::case::Market::Perpetual) => Some(MarketArg::Perpetual),
                    _ => None,
                }),
                ..prefill
            };
            prefill_into(&args, |market| Ok(exchange.prefill(market)))
        }
        Command::Validate(input) => {
            let text = read_text(&input)?;
            let checks = scope_core::validate::needs::check(&text);
            let invalid = checks.iter().any(|c| c.needed_by.is_empty());
            let out = match input.format {
                None | Some(Format::Json) => {
                    serde_json::to_string_pretty(&checks).map_err(|e| e.to_string())? + "\n"
                }
                Some(Format::Markdown) => checks
                    .iter()
                    .map(|c| match c.needed_by {
                        [] => format!("- {}: {}\n", c.path, c.message),
                        by => format!(
                            "- {}: {} (needed by {})\n",
                            c.path,
                            c.message,
                            by.join(", ")
                        ),
                    })
                    .collect(),
                Some(Format::Csv) => return Err("validate prints JSON or Markdown".into()),
            };
            if invalid {
                // The list on standard error, as every other command's problems are.
                return Err(format!("the case has problems:\n{}", out.trim_end()));
            }
            Ok(out)
        }
        Command::Backtest { format } => {
            let r = scope_core::backtest::backtest();
            Ok(match format.unwrap_or(DocumentFormat::Json) {
                DocumentFormat::Json => scope_core::backtest::json(&r) + "\n",
                DocumentFormat::Markdown => scope_core::backtest::markdown(&r) + "\n",
            })
        }
        Command::Maturity(input) => {
            let case = read_case(&input)?;
            let r = scope_core::rank(&case);
            output(
                input.format,
                &r,
                || reports::maturity::document(&case, &r).to_markdown(),
                None,
            )
        }
        Command::Estimate(input) => {
            let case = read_case(&input)?;
            let r = scope_core::estimate(&case).map_err(|e| e.to_string())?;
            output(
                input.format,
                &r,
                || reports::estimate::document(&case, &r).to_markdown(),
                None,
            )
        }
        Command::Plan(input) => {
            let case = read_case(&input)?;
            let plan = scope_core::plan(&case);
            output(
                input.format,
                &plan,
                || reports::plan::document(&case, &plan).to_markdown(),
                None,
            )
        }
        Command::Evaluate(input) => {
            let case = read_case(&input)?;
            let r = evaluate::evaluate(&case).map_err(|e| e.to_string())?;
            let csv = reports::evaluation::csv(&r);
            output(
                input.format,
                &r,
                || reports::evaluation::document(&case, &r).to_markdown(),
                Some(csv),
            )
        }
        Command::Agreement(input) => {
            let case = read_case(&input)?;
            let spec = case
                .agreement
                .as_ref()
                .ok_or_else(|| scope_core::case::Need::AGREEMENT.error().to_string())?;
            let r = agreement::project(spec, &case.estimate.currency);
            let csv = reports::agreement::csv(&r);
            output(
                input.format,
                &r,
                || reports::agreement::document(&case, &r).to_markdown(),
                Some(csv),
            )
        }
        Command::Proposal(input) => {
            let case = read_case(&input)?;
            document(input.format, proposal::proposal(&case).to_markdown())
        }
        Command::Announcement(input) => {
            let case = read_case(&input)?;
            let r = evaluate::evaluate(&case).map_err(|e| e.to_string())?;
            document(
                input.format,
                proposal::announcement(&case, &r).to_markdown(),
            )
        }
    }
}

/// Proposes answers for the market asked (or the case's), writes them into the case with
/// --into, and prints the proposals.
fn prefill_into(
    args: &PrefillArgs,
    propose: impl FnOnce(scope_core::case::Market) -> Result<scope_core::prefill::Prefill, String>,
) -> Result<String, String> {
    let case = match &args.into {
        None => None,
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            Some(Case::from_json(&text).map_err(|e| format!("{}:\n{e}", path.display()))?)
        }
    };
    let market = args
        .market
        .map(Into::into)
        .or(case.as_ref().map(|c| c.connector.market))
        .unwrap_or(scope_core::case::Market::Spot);
    let p = propose(market)?;
    if let (Some(path), Some(mut case)) = (&args.into, case) {
        let n = p.apply(&mut case, args.replace);
        let shown = one_line(&path.display().to_string());
        if n == 0 {
            // Nothing to write: the file stays as it was, byte for byte.
            eprintln!("connector-scope: no answer to write into {shown}");
        } else {
            // The case must still pass every rule before it replaces the file; written beside it
            // and renamed over it, so that a failed write leaves the old file whole.
            let text = Case::from_json(&case.to_json())
                .map_err(|e| format!("the answers would make the case invalid:\n{e}"))?
                .to_json();
            let tmp = path.with_extension("connector-scope-tmp");
            std::fs::write(&tmp, text + "\n")
                .and_then(|()| std::fs::rename(&tmp, path))
                .map_err(|e| {
                    let _ = std::fs::remove_file(&tmp);
                    format!("cannot write {shown}: {e}")
                })?;
            eprintln!("connector-scope: {n} answers written into {shown}");
        }
    }
    Ok(match args.format.unwrap_or(DocumentFormat::Json) {
        DocumentFormat::Json => p.to_json() + "\n",
        DocumentFormat::Markdown => scope_core::reports::prefill::document(&p).to_markdown(),
    })
}

/// A path or name as a message quotes it: one line (a file name may hold line breaks and
/// terminal escapes).
fn one_line(text: &str) -> String {
    scope_core::support::escape::one_line(text, 300)
}

/// One API document: its name and its text. Its size is checked while it is read (so that
/// `/dev/zero` or a huge file is never loaded whole); UTF-8, or UTF-16 with its byte-order mark.
fn read_document(path: &std::path::Path) -> Result<(String, String), String> {
    let shown = one_line(&path.display().to_string());
    let (name, bytes) = if path.as_os_str() == "-" {
        (
            "standard input".to_string(),
            read_limited(std::io::stdin().lock(), &shown)?,
        )
    } else {
        let file = std::fs::File::open(path).map_err(|e| format!("cannot read {shown}: {e}"))?;
        let name = path
            .file_name()
            .unwrap_or(path.as_os_str())
            .to_string_lossy()
            .into_owned();
        (name, read_limited(file, &shown)?)
    };
    let text = match bytes.as_slice() {
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes),
        _ => String::from_utf8(bytes).ok(),
    };
    let text = text.ok_or_else(|| format!("{shown}: not text (UTF-8 or UTF-16)"))?;
    Ok((name, text))
}

fn read_limited(reader: impl Read, shown: &str) -> Result<Vec<u8>, String> {
    let limit = scope_core::prefill::MAX_DOCUMENT_BYTES as u64;
    let mut bytes = Vec::new();
    reader
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read {shown}: {e}"))?;
    if bytes.len() as u64 > limit {
        let why = scope_core::prefill::document_size_problem(limit + 1).unwrap_or_default();
        return Err(format!("{shown}: {why}"));
    }
    Ok(bytes)
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Option<String> {
    let units: Vec<u16> = bytes.chunks_exact(2).map(|c| unit([c[0], c[1]])).collect();
    String::from_utf16(&units).ok()
}

/// Documents are Markdown only.
fn document(format: Option<Format>, markdown: String) -> Result<String, String> {
    match format {
        None | Some(Format::Markdown) => Ok(markdown),
        Some(_) => Err("this command prints Markdown only (--format markdown)".into()),
    }
}

fn read_text(input: &Input) -> Result<String, String> {
    Ok(source(input)?.1)
}

fn source(input: &Input) -> Result<(String, String), String> {
    Ok(match input.file.as_deref() {
        None => ("standard input".to_string(), read_stdin()?),
        Some(p) if p.as_os_str() == "-" => ("standard input".to_string(), read_stdin()?),
        Some(p) => (
            p.display().to_string(),
            std::fs::read_to_string(p).map_err(|e| format!("cannot read {}: {e}", p.display()))?,
        ),
    })
}

fn read_case(input: &Input) -> Result<Case, String> {
    let (name, text) = source(input)?;
    Case::from_json(&text).map_err(|e| format!("{name}:\n{e}"))
}

fn read_stdin() -> Result<String, String> {
    let mut text = String::new();
    std::io::stdin()
        .read_to_string(&mut text)
        .map_err(|e| format!("cannot read standard input: {e}"))?;
    Ok(text)
}

fn output<T: Serialize>(
    format: Option<Format>,
    value: &T,
    markdown: impl FnOnce() -> String,
    csv: Option<String>,
) -> Result<String, String> {
    match format.unwrap_or(Format::Json) {
        Format::Json => serde_json::to_string_pretty(value)
            .map(|s| s + "\n")
            .map_err(|e| format!("cannot write JSON: {e}")),
        Format::Markdown => Ok(markdown()),
        Format::Csv => {
            csv.ok_or_else(|| "this command has no CSV form (use json or markdown)".into())
        }
    }
}
