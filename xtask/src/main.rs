//! `cargo xtask serve | build | dist | test | setup | bench | fuzz | data`: the project's own build tool.
//!
//! Every command installs what it needs and is missing (wasm32 target, wasm-pack, the
//! wasm-bindgen CLI of the exact Cargo.lock version, npm packages, Chromium for tests) and
//! skips what is already there, so a fresh machine needs nothing but Rust and Node.

mod assets;
mod bench;
mod build;
mod cmd;
mod data;
mod http;
mod serve;
mod setup;
mod shares;
mod test;

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command> [options]

commands:
  serve [--dev] [--port N] [--no-build]   build the app and serve web/ on 127.0.0.1 (default port 8080)
  build [--dev]                           build the app into web/pkg (release + wasm-opt unless --dev)
  dist                                    a release build as one folder to host (target/dist/connector-scope)
                                          and the npm tarball beside it
  test [LAYER ...]                        run every test layer, or only the named ones:
                                          fmt clippy unit wasm npm e2e (e2e checks the size)
  setup [--browser]                       install the toolchain pieces only (and Chromium with --browser)
  bench [core|browser|size]               criterion for scope-core; start-up and input latency in
                                          Chromium; bundle sizes. All three write BENCHMARKS.md
  fuzz [--cases N]                        hostile input through every computation (default 100000 cases)
  data ccxt                               regenerate scope-core's CCXT capability table from the pinned
                                          ccxt npm package (not part of test: the table is committed)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve::run(&args[1..]),
        Some("build") => build::run(&args[1..]),
        Some("dist") => build::dist(&args[1..]),
        Some("test") => test::run(&args[1..]),
        Some("setup") => setup::run(&args[1..]),
        Some("bench") => bench::run(&args[1..]),
        Some("fuzz") => fuzz(&args[1..]),
        Some("data") => data::run(&args[1..]),
        Some("-h" | "--help" | "help") => {
            print!("{USAGE}");
            Ok(())
        }
        _ => Err(format!("unknown or missing command\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The long run of scope-core's hostile-input properties (tests/hostile.rs).
fn fuzz(args: &[String]) -> Result<(), String> {
    let opts = Options::parse(args, &[], &["--cases"])?;
    let cases = opts.value("--cases").unwrap_or("100000");
    cases
        .parse::<u32>()
        .map_err(|_| format!("--cases: {cases:?} is not a whole number"))?;
    println!("fuzz: {cases} cases of each hostile-input property");
    cmd::Cmd::new(env!("CARGO"), &root())
        .args(["test", "--release", "-p", "scope-core", "--test", "hostile"])
        .env("PROPTEST_CASES", cases)
        .run()
}

/// The workspace root: xtask lives one folder below it. `cargo run` (and so `cargo xtask`) tells
/// the binary where its manifest is at run time; that comes first, because checkouts that share a
/// target directory share one `target/debug/xtask`, and the path compiled into it may be another
/// checkout's (or one since deleted).
pub fn root() -> PathBuf {
    let manifest = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")));
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}

/// Options shared by the commands: `--flag` switches and `--key value` pairs.
pub struct Options {
    flags: Vec<String>,
    rest: Vec<String>,
}

impl Options {
    pub fn parse(
        args: &[String],
        known_flags: &[&str],
        known_values: &[&str],
    ) -> Result<Self, String> {
        let mut flags = Vec::new();
        let mut rest = Vec::new();
        let mut it = args.iter();
        while let Some(arg) = it.next() {
            if matches!(arg.as_str(), "-h" | "--help") {
                // Asked for: the usage, and a clean exit.
                println!("{USAGE}");
                std::process::exit(0);
            }
            if known_flags.contains(&arg.as_str()) {
                flags.push(arg.clone());
            } else if known_values.contains(&arg.as_str()) {
                let value = it.next().ok_or_else(|| format!("{arg} needs a value"))?;
                flags.push(format!("{arg}={value}"));
            } else if let Some((key, _)) = arg.split_once('=')
                && known_values.contains(&key)
            {
                flags.push(arg.clone());
            } else if arg.starts_with('-') {
                return Err(format!("unknown option {arg}\n\n{USAGE}"));
            } else {
                rest.push(arg.clone());
            }
        }
        Ok(Self { flags, rest })
    }

    pub fn has(&self, flag: &str) -> bool {
        self.flags.iter().any(|f| f == flag)
    }

    pub fn value(&self, key: &str) -> Option<&str> {
        self.flags
            .iter()
            .find_map(|f| f.strip_prefix(key).and_then(|v| v.strip_prefix('=')))
    }

    pub fn positional(&self) -> &[String] {
        &self.rest
    }
}
