//! `cargo xtask data ccxt`: regenerates scope-core's CCXT capability table from the pinned ccxt
//! npm package. Not part of `cargo xtask test`: the committed table is what the tests and the
//! app read, so a CCXT release changes nothing until someone regenerates and reviews the diff.

use crate::cmd::Cmd;
use crate::root;

/// The ccxt release the committed table was made from. Change it, run `cargo xtask data ccxt`,
/// and review the table's diff.
pub const CCXT_VERSION: &str = "4.5.84";

pub fn run(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        Some("ccxt") => ccxt(),
        _ => Err("usage: cargo xtask data ccxt".into()),
    }
}

fn ccxt() -> Result<(), String> {
    let root = root();
    let dir = root.join("target/ccxt").join(CCXT_VERSION);
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    if !dir.join("node_modules/ccxt/package.json").exists() {
        println!(
            "data: installing ccxt {CCXT_VERSION} into {}",
            dir.display()
        );
        // --ignore-scripts: the table needs ccxt's JavaScript only, not its optional native
        // websocket helpers.
        Cmd::new("npm", &dir)
            .args([
                "install",
                "--no-save",
                "--no-audit",
                "--no-fund",
                "--ignore-scripts",
            ])
            .args(["--prefix", "."])
            .arg(format!("ccxt@{CCXT_VERSION}"))
            .run()?;
    }
    let data = root.join("crates/scope-core/data");
    Cmd::new("node", &root)
        .arg(root.join("xtask/data/ccxt.cjs"))
        .arg(&dir)
        .arg(data.join("connectors.csv"))
        .arg(data.join("ccxt_exchanges.csv"))
        .run()?;
    let version = data.join("ccxt_version.txt");
    std::fs::write(&version, format!("{CCXT_VERSION}\n"))
        .map_err(|e| format!("{}: {e}", version.display()))
}
