//! `connector-scope`: the Connector Scope rules on the command line.
//!
//! It reads a case file and prints; every rule and number comes from scope-core.

use clap::Parser;

/// Scope, estimate and staff a Hummingbot exchange connector from a case file.
#[derive(Parser)]
#[command(name = "connector-scope", version, about, long_about = None)]
struct Cli {}

fn main() {
    let Cli {} = Cli::parse();
}
