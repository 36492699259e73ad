//! `cargo xtask test`: every layer in order, stopping at the first failure with a summary.

use std::time::{Duration, Instant};

use crate::build::{self, Profile};
use crate::cmd::Cmd;
use crate::serve::{self, Site};
use crate::{Options, root, setup};

const LAYERS: [&str; 6] = ["fmt", "clippy", "unit", "wasm", "npm", "e2e"];

pub fn run(args: &[String]) -> Result<(), String> {
    let opts = Options::parse(args, &[], &[])?;
    let chosen: Vec<&str> = if opts.positional().is_empty() {
        LAYERS.to_vec()
    } else {
        for layer in opts.positional() {
            if !LAYERS.contains(&layer.as_str()) {
                return Err(format!(
                    "unknown test layer {layer:?}; choose from {}",
                    LAYERS.join(", ")
                ));
            }
        }
        LAYERS
            .into_iter()
            .filter(|l| opts.positional().iter().any(|p| p == l))
            .collect()
    };

    let started = Instant::now();
    let mut done: Vec<(String, Duration)> = Vec::new();
    for layer in &chosen {
        for step in steps(layer)? {
            println!("\n==> [{layer}] {}", step.name);
            let t = Instant::now();
            if let Err(e) = (step.run)() {
                summary(&done, started);
                println!(
                    "FAILED  {:<44} {:>6.1}s",
                    step.name,
                    t.elapsed().as_secs_f64()
                );
                println!("steps: {} passed, 1 failed", done.len());
                return Err(format!(
                    "{e}\nrerun this layer alone with `cargo xtask test {layer}`"
                ));
            }
            done.push((step.name, t.elapsed()));
        }
    }
    summary(&done, started);
    println!("steps: {} passed, 0 failed", done.len());
    Ok(())
}

fn summary(done: &[(String, Duration)], started: Instant) {
    println!("\n==> summary ({:.0}s)", started.elapsed().as_secs_f64());
    for (name, took) in done {
        println!("ok      {name:<44} {:>6.1}s", took.as_secs_f64());
    }
}

struct Step {
    name: String,
    run: Box<dyn FnOnce() -> Result<(), String>>,
}

fn step(name: &str, run: impl FnOnce() -> Result<(), String> + 'static) -> Step {
    Step {
        name: name.to_string(),
        run: Box::new(run),
    }
}

fn cargo(args: &[&str]) -> Cmd {
    Cmd::new(env!("CARGO"), &root()).args(args)
}

fn steps(layer: &str) -> Result<Vec<Step>, String> {
    Ok(match layer {
        "fmt" => vec![step("cargo fmt --check", || {
            cargo(&["fmt", "--all", "--check"]).run()
        })],
        "clippy" => vec![
            step("clippy (native)", || {
                cargo(&[
                    "clippy",
                    "--workspace",
                    "--all-targets",
                    "--",
                    "-D",
                    "warnings",
                ])
                .run()
            }),
            step("clippy (scope-web and scope-scan-web, wasm32)", || {
                setup::ensure_build_tools()?;
                cargo(&[
                    "clippy",
                    "-p",
                    "scope-web",
                    "-p",
                    "scope-scan-web",
                    "--all-targets",
                    // The first view's server renderer too (only the build's Node run uses it).
                    "--features",
                    "scope-web/prerender",
                ])
                .args(["--target", "wasm32-unknown-unknown", "--", "-D", "warnings"])
                .run()
            }),
        ],
        "unit" => vec![step("cargo test --workspace", || {
            cargo(&["test", "--workspace"]).run()
        })],
        "wasm" => vec![step("wasm-pack test --headless --chrome", || {
            let tools = setup::ensure_build_tools()?;
            let browser = setup::ensure_browser()?;
            tools
                .wasm_pack(&root())
                .args(["test", "--headless", "--chrome", "--mode", "no-install"])
                .arg("--chromedriver")
                .arg(&browser.chromedriver)
                .arg("crates/scope-web")
                .run()
        })],
        "npm" => vec![step(
            "npm package in Node (connector-scope-core)",
            npm_package,
        )],
        "e2e" => vec![step("end-to-end (release build, Chromium)", end_to_end)],
        other => return Err(format!("unknown layer {other}")),
    })
}

/// Builds the npm package and checks it against the command line in Node.
fn npm_package() -> Result<(), String> {
    let root = root();
    let tools = setup::ensure_build_tools()?;
    let package = build::npm_package(&tools)?;
    let tarball = build::npm_tarball(&package)?;
    cargo(&["build", "--quiet", "-p", "scope-cli"]).run()?;
    Cmd::new("node", &root)
        .arg("--test")
        .arg(root.join("tests/npm/core.test.mjs"))
        .arg(root.join("tests/npm/install.test.mjs"))
        .env("SCOPE_NPM_PACKAGE", &package)
        .env("SCOPE_NPM_TARBALL", &tarball)
        .env("TSC", root.join("node_modules/typescript/bin/tsc"))
        .env(
            "CONNECTOR_SCOPE_BIN",
            root.join("target/debug/connector-scope"),
        )
        .env("CASES_DIR", root.join("tests/cases"))
        .run()
}

/// Builds the release bundle, serves it with the real server, and runs tests/e2e in Chromium.
fn end_to_end() -> Result<(), String> {
    let root = root();
    let tools = setup::ensure_build_tools()?;
    let browser = setup::ensure_browser()?;
    build::build(&tools, Profile::Release)?;
    // Sizes are deterministic, so a budget on them is a test (times are not: BENCHMARKS.md).
    build::check_size()?;
    // The browser's figures are compared with the command line's for the same case files.
    cargo(&["build", "--quiet", "-p", "scope-cli"]).run()?;
    let cli = root.join("target/debug/connector-scope");
    let (addr, _server) = serve::start(Site::new(root.join("web"))?, 0)?;
    // The docs-site example, served under the same strict policy (plus its own inline scripts'
    // hashes) on a second server.
    let docs = build::docs_site(&setup::ensure_mkdocs()?)?;
    let (docs_addr, _docs_server) = serve::start(Site::with_inline_script_hashes(docs)?, 0)?;
    let dir = root.join("tests/e2e");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map_err(|e| format!("cannot read {}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".test.mjs"))
        // E2E_ONLY=layout runs the files whose names contain "layout" (a developer's shortcut).
        .filter(|p| {
            std::env::var("E2E_ONLY").map_or(true, |only| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().contains(&only))
            })
        })
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("no *.test.mjs in {}", dir.display()));
    }
    Cmd::new("node", &root)
        .arg("--test")
        .args(&files)
        .env("SCOPE_URL", format!("http://{addr}/"))
        .env("DOCS_URL", format!("http://{docs_addr}/"))
        .env("CHROME_BIN", &browser.chromium)
        .env("PDFTOTEXT", &browser.pdftotext)
        .env("E2E_ARTIFACTS", dir.join("artifacts"))
        .env("CONNECTOR_SCOPE_BIN", cli)
        .env("CASES_DIR", root.join("tests/cases"))
        .run()
}
