//! `connector-scope`: the Connector Scope rules on the command line.
//!
//! It reads a case file and prints; every rule and number comes from scope-core.

use std::io::Read;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use scope_core::{Case, report};
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
    /// Print the case file's JSON Schema.
    Schema,
}

#[derive(clap::Args)]
struct Input {
    /// The case file; `-` or nothing reads standard input.
    file: Option<PathBuf>,
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Markdown,
}

/// Bad input (unreadable, invalid or incomplete case file) exits with 2, like bad usage.
const EXIT_BAD_INPUT: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
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
        Command::Maturity(input) => {
            let case = read_case(&input)?;
            let r = scope_core::rank(&case);
            output(input.format, &r, || report::maturity_markdown(&case, &r))
        }
        Command::Estimate(input) => {
            let case = read_case(&input)?;
            let r = scope_core::estimate(&case).map_err(|e| e.to_string())?;
            output(input.format, &r, || report::estimate_markdown(&case, &r))
        }
        Command::Plan(input) => {
            let case = read_case(&input)?;
            let plan = scope_core::plan(&case);
            output(input.format, &plan, || report::plan_markdown(&case, &plan))
        }
    }
}

fn read_case(input: &Input) -> Result<Case, String> {
    let (name, text) = match input.file.as_deref() {
        None => ("standard input".to_string(), read_stdin()?),
        Some(p) if p.as_os_str() == "-" => ("standard input".to_string(), read_stdin()?),
        Some(p) => (
            p.display().to_string(),
            std::fs::read_to_string(p).map_err(|e| format!("cannot read {}: {e}", p.display()))?,
        ),
    };
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
    format: Format,
    value: &T,
    markdown: impl FnOnce() -> String,
) -> Result<String, String> {
    match format {
        Format::Json => serde_json::to_string_pretty(value)
            .map(|s| s + "\n")
            .map_err(|e| format!("cannot write JSON: {e}")),
        Format::Markdown => Ok(markdown()),
    }
}
