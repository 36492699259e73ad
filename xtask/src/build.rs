//! Builds the web app into `web/pkg`: wasm-pack (no downloads), then wasm-opt -Oz for release.

use std::path::{Path, PathBuf};

use crate::cmd::Cmd;
use crate::setup::{self, Tools};
use crate::{Options, root};

/// The generated bundle: `web/pkg/scope_web.js` and `web/pkg/scope_web_bg.wasm`.
pub const OUT_NAME: &str = "scope_web";

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    Release,
    Dev,
}

pub fn run(args: &[String]) -> Result<(), String> {
    let opts = Options::parse(args, &["--dev"], &[])?;
    let tools = setup::ensure_build_tools()?;
    let profile = if opts.has("--dev") {
        Profile::Dev
    } else {
        Profile::Release
    };
    build(&tools, profile)
}

pub fn pkg_dir() -> PathBuf {
    root().join("web/pkg")
}

pub fn build(tools: &Tools, profile: Profile) -> Result<(), String> {
    let root = root();
    let out_dir = pkg_dir();
    tools
        .wasm_pack(&root)
        .args([
            "build",
            "crates/scope-web",
            "--target",
            "web",
            "--no-typescript",
            "--no-pack",
        ])
        .args(["--mode", "no-install", "--out-name", OUT_NAME, "--out-dir"])
        .arg(&out_dir)
        .arg(match profile {
            Profile::Release => "--release",
            Profile::Dev => "--dev",
        })
        .run()?;
    let wasm = out_dir.join(format!("{OUT_NAME}_bg.wasm"));
    if profile == Profile::Release {
        optimize(tools, &wasm)?;
    }
    println!("build: {} ({})", wasm.display(), size_of(&wasm));
    copy_example_cases(&root)
}

/// The npm package `connector-scope-core` in `target/npm/connector-scope-core`: scope-core
/// compiled for Node by wasm-pack (crates/scope-wasm), with the JS wrapper and types from npm/.
pub fn npm_package(tools: &Tools) -> Result<PathBuf, String> {
    let root = root();
    let out = root.join("target/npm/connector-scope-core");
    tools
        .wasm_pack(&root)
        .args([
            "build",
            "crates/scope-wasm",
            "--target",
            "nodejs",
            "--no-typescript",
            "--no-pack",
        ])
        .args([
            "--mode",
            "no-install",
            "--release",
            "--out-name",
            "scope_wasm",
            "--out-dir",
        ])
        .arg(out.join("wasm"))
        .run()?;
    for file in ["index.js", "index.d.ts", "package.json"] {
        std::fs::copy(root.join("npm").join(file), out.join(file))
            .map_err(|e| format!("cannot copy npm/{file}: {e}"))?;
    }
    Ok(out)
}

/// The docs-site example (web/docs-example, MkDocs Material) built into target/docs-site, with the
/// app's bundle copied under connector-scope/ as a docs site would host it.
pub fn docs_site(mkdocs: &Path) -> Result<PathBuf, String> {
    let root = root();
    let out = root.join("target/docs-site");
    Cmd::new(mkdocs, &root)
        .args([
            "build",
            "--quiet",
            "--clean",
            "-f",
            "web/docs-example/mkdocs.yml",
            "-d",
        ])
        .arg(&out)
        .run()?;
    copy_tree(
        &root.join("web"),
        &out.join("connector-scope"),
        &|p: &Path| {
            // The bundle only: not the app's own page, nor the docs example's sources.
            !p.ends_with("docs-example") && !p.ends_with("index.html")
        },
    )?;
    Ok(out)
}

fn copy_tree(from: &Path, to: &Path, keep: &dyn Fn(&Path) -> bool) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    let entries =
        std::fs::read_dir(from).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if !keep(&path) {
            continue;
        }
        let target = to.join(entry.file_name());
        if path.is_dir() {
            copy_tree(&path, &target, keep)?;
        } else {
            std::fs::copy(&path, &target)
                .map_err(|e| format!("cannot copy {}: {e}", path.display()))?;
        }
    }
    Ok(())
}

/// The example cases, served next to the app for pages that load a case by URL (the embed
/// example); generated, like web/pkg, so there is one copy in the repository.
fn copy_example_cases(root: &Path) -> Result<(), String> {
    let from = root.join("tests/cases");
    let to = root.join("web/cases");
    std::fs::create_dir_all(&to).map_err(|e| format!("cannot create {}: {e}", to.display()))?;
    let entries =
        std::fs::read_dir(&from).map_err(|e| format!("cannot read {}: {e}", from.display()))?;
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "json")
            && let Some(name) = path.file_name()
        {
            std::fs::copy(&path, to.join(name))
                .map_err(|e| format!("cannot copy {}: {e}", path.display()))?;
        }
    }
    Ok(())
}

/// wasm-opt from npm's binaryen: Debian's is too old for the features rustc emits by default,
/// which the flags below name.
fn optimize(tools: &Tools, wasm: &Path) -> Result<(), String> {
    let before = size_of(wasm);
    let tmp = wasm.with_extension("opt.wasm");
    Cmd::new(&tools.wasm_opt, &root())
        .arg(wasm)
        .arg("-o")
        .arg(&tmp)
        .args([
            "-Oz",
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
            "--enable-sign-ext",
            "--enable-reference-types",
            "--enable-multivalue",
            "--enable-mutable-globals",
        ])
        .run()?;
    std::fs::rename(&tmp, wasm).map_err(|e| format!("cannot replace {}: {e}", wasm.display()))?;
    println!("build: wasm-opt -Oz {before} -> {}", size_of(wasm));
    Ok(())
}

fn size_of(path: &Path) -> String {
    match std::fs::metadata(path) {
        Ok(m) => format!("{:.1} KiB", m.len() as f64 / 1024.0),
        Err(_) => "missing".into(),
    }
}
