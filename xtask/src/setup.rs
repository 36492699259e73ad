//! Installs what the build and the tests need and skips what is present.
//!
//! Each check is cheap (a `--version` or a file test), so every command runs them all.

use std::env;
use std::path::{Path, PathBuf};

use crate::cmd::Cmd;
use crate::{Options, root};

const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// wasm-pack pinned for reproducible builds; any installed wasm-pack is accepted.
const WASM_PACK_VERSION: &str = "0.13.1";

/// Where the tools live once installed.
pub struct Tools {
    /// `$CARGO_HOME/bin`, where `cargo install` puts binaries; prepended to PATH for children.
    pub cargo_bin: PathBuf,
    pub wasm_opt: PathBuf,
}

impl Tools {
    /// PATH with cargo's bin folder first, so wasm-pack finds the wasm-bindgen we installed.
    pub fn path_env(&self) -> std::ffi::OsString {
        let mut dirs = vec![self.cargo_bin.clone()];
        if let Some(path) = env::var_os("PATH") {
            dirs.extend(env::split_paths(&path));
        }
        env::join_paths(dirs).unwrap_or_default()
    }

    /// wasm-pack, with release builds optimized for size: a download is paid on every visit,
    /// native builds keep opt-level 3 (Cargo.toml; BENCHMARKS.md has both). Source paths in
    /// panic locations are made relative (the checkout's and the crate registry's), so the
    /// bundle is the same bytes wherever it is built, and its size budget a fair test.
    pub fn wasm_pack(&self, dir: &Path) -> Cmd {
        let registry = self.cargo_bin.with_file_name("registry").join("src");
        // The encoded form, so that a path with spaces stays one flag; the user's RUSTFLAGS kept.
        let mut flags: Vec<String> = env::var("RUSTFLAGS")
            .unwrap_or_default()
            .split_whitespace()
            .map(str::to_string)
            .collect();
        // With the rust-src component installed, std's own paths point into the toolchain too.
        let rust_src = Cmd::new("rustc", &root())
            .args(["--print", "sysroot"])
            .read()
            .map(|s| PathBuf::from(s).join("lib/rustlib/src/rust"));
        let remaps = [
            (Some(root()), "."),
            (Some(registry), "/crates"),
            (rust_src, "/rustc"),
        ];
        for (from, to) in remaps.into_iter().filter_map(|(f, t)| Some((f?, t))) {
            flags.push(format!("--remap-path-prefix={}={to}", from.display()));
        }
        Cmd::new(self.bin("wasm-pack"), dir)
            .env("PATH", self.path_env())
            .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "z")
            .env("CARGO_ENCODED_RUSTFLAGS", flags.join("\u{1f}"))
    }

    pub fn bin(&self, name: &str) -> PathBuf {
        let local = self.cargo_bin.join(name);
        if local.exists() {
            local
        } else {
            PathBuf::from(name)
        }
    }
}

pub fn run(args: &[String]) -> Result<(), String> {
    let opts = Options::parse(args, &["--browser"], &[])?;
    ensure_build_tools()?;
    if opts.has("--browser") {
        ensure_browser()?;
    }
    Ok(())
}

/// The wasm target, wasm-pack, the matching wasm-bindgen CLI and the npm packages.
pub fn ensure_build_tools() -> Result<Tools, String> {
    let root = root();
    let cargo_bin = cargo_home().join("bin");
    ensure_wasm_target(&root)?;
    let tools = Tools {
        wasm_opt: root.join("node_modules/.bin/wasm-opt"),
        cargo_bin,
    };
    ensure_wasm_pack(&tools, &root)?;
    ensure_wasm_bindgen(&tools, &root)?;
    ensure_npm_packages(&root)?;
    Ok(tools)
}

fn cargo_home() -> PathBuf {
    env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"))
}

fn ensure_wasm_target(root: &Path) -> Result<(), String> {
    let installed = Cmd::new("rustup", root)
        .args(["target", "list", "--installed"])
        .read()
        .ok_or("rustup is needed to add the wasm32 target: install Rust with rustup")?;
    if installed.lines().any(|l| l.trim() == WASM_TARGET) {
        return Ok(());
    }
    println!("setup: adding the {WASM_TARGET} target");
    Cmd::new("rustup", root)
        .args(["target", "add", WASM_TARGET])
        .run()
}

fn ensure_wasm_pack(tools: &Tools, root: &Path) -> Result<(), String> {
    if Cmd::new(tools.bin("wasm-pack"), root)
        .arg("--version")
        .read()
        .is_some()
    {
        return Ok(());
    }
    println!("setup: installing wasm-pack {WASM_PACK_VERSION} (about 2 minutes, once)");
    Cmd::new("cargo", root)
        .args(["install", "wasm-pack", "--version"])
        .arg(format!("={WASM_PACK_VERSION}"))
        .run()
}

/// The wasm-bindgen CLI must be exactly the version of the wasm-bindgen crate in Cargo.lock:
/// the generated JS glue and the wasm's custom section must agree.
fn ensure_wasm_bindgen(tools: &Tools, root: &Path) -> Result<(), String> {
    let wanted = locked_version(root, "wasm-bindgen")?;
    let have = Cmd::new(tools.bin("wasm-bindgen"), root)
        .arg("--version")
        .read();
    // `wasm-bindgen --version` prints "wasm-bindgen 0.2.130" (possibly with a build hash after).
    if have
        .as_deref()
        .and_then(|v| v.split_whitespace().nth(1))
        .is_some_and(|v| v == wanted)
    {
        return Ok(());
    }
    match have {
        Some(other) => {
            println!("setup: {other} does not match Cargo.lock's {wanted}; reinstalling")
        }
        None => println!("setup: installing wasm-bindgen-cli {wanted} (about 4 minutes, once)"),
    }
    // Not --locked: the CLI's own lock file does not build with current toolchains.
    Cmd::new("cargo", root)
        .args(["install", "--force", "wasm-bindgen-cli", "--version"])
        .arg(format!("={wanted}"))
        .run()
}

/// The version of `package` recorded in the workspace's Cargo.lock.
pub fn locked_version(root: &Path, package: &str) -> Result<String, String> {
    let lock = root.join("Cargo.lock");
    let text = std::fs::read_to_string(&lock)
        .map_err(|e| format!("cannot read {}: {e}", lock.display()))?;
    let name_line = format!("name = \"{package}\"");
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        if line.trim() == name_line
            && let Some(version) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = \""))
                .and_then(|v| v.strip_suffix('"'))
        {
            return Ok(version.to_string());
        }
    }
    Err(format!("{package} is not in {}", lock.display()))
}

/// binaryen (wasm-opt), playwright-core and axe-core from package-lock.json; `npm ci` when missing or stale.
fn ensure_npm_packages(root: &Path) -> Result<(), String> {
    let marker = root.join("node_modules/.package-lock.json");
    let wanted = [
        root.join("node_modules/.bin/wasm-opt"),
        root.join("node_modules/playwright-core/package.json"),
        root.join("node_modules/axe-core/axe.min.js"),
        root.join("node_modules/typescript/bin/tsc"),
    ];
    let stale = match (modified(&marker), modified(&root.join("package-lock.json"))) {
        (Some(installed), Some(locked)) => locked > installed,
        _ => true,
    };
    if !stale && wanted.iter().all(|p| p.exists()) {
        return Ok(());
    }
    if Cmd::new("npm", root).arg("--version").read().is_none() {
        return Err(
            "npm is needed (for binaryen's wasm-opt, playwright-core, axe-core and typescript): \
                    install Node.js 18 or newer"
                .into(),
        );
    }
    println!("setup: installing npm packages (binaryen, playwright-core, axe-core, typescript)");
    Cmd::new("npm", root)
        .args(["ci", "--no-audit", "--no-fund"])
        .run()
}

fn modified(path: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// The browser and its driver for the tests, from Debian's packages when missing, with
/// poppler's pdftotext to read the PDFs the browser prints.
pub struct Browser {
    pub chromium: PathBuf,
    pub chromedriver: PathBuf,
    pub pdftotext: PathBuf,
}

pub fn ensure_browser() -> Result<Browser, String> {
    let root = root();
    if let Some(found) = find_browser() {
        return Ok(found);
    }
    println!("setup: installing Chromium and ChromeDriver from Debian's packages");
    let is_root = Cmd::new("id", &root).arg("-u").read().as_deref() == Some("0");
    let apt = |args: &[&str]| -> Result<(), String> {
        let cmd = if is_root {
            Cmd::new("apt-get", &root)
        } else {
            Cmd::new("sudo", &root).arg("-n").arg("apt-get")
        };
        cmd.env("DEBIAN_FRONTEND", "noninteractive")
            .args(args)
            .run()
    };
    apt(&["update", "-q"])
        .and_then(|()| apt(&["install", "-y", "-q", "chromium", "chromium-driver", "poppler-utils"]))
        .map_err(|e| {
            format!(
                "{e}\nInstall Chromium, ChromeDriver and pdftotext yourself (Debian: apt-get install \
                 chromium chromium-driver poppler-utils), or point CHROME_BIN and CHROMEDRIVER at them."
            )
        })?;
    find_browser().ok_or_else(|| {
        "chromium, chromedriver or pdftotext still not found after installing".into()
    })
}

fn find_browser() -> Option<Browser> {
    let chromium = env_or_path(
        "CHROME_BIN",
        &["chromium", "chromium-browser", "google-chrome"],
    )?;
    let chromedriver = env_or_path("CHROMEDRIVER", &["chromedriver"])?;
    let pdftotext = env_or_path("PDFTOTEXT", &["pdftotext"])?;
    Some(Browser {
        chromium,
        chromedriver,
        pdftotext,
    })
}

fn env_or_path(var: &str, names: &[&str]) -> Option<PathBuf> {
    if let Some(p) = env::var_os(var).map(PathBuf::from).filter(|p| p.is_file()) {
        return Some(p);
    }
    let path = env::var_os("PATH")?;
    env::split_paths(&path)
        .flat_map(|dir| names.iter().map(move |n| dir.join(n)))
        .find(|p| p.is_file())
}

/// MkDocs Material in a project virtualenv (.venv), for the docs-site example.
pub fn ensure_mkdocs() -> Result<PathBuf, String> {
    const MATERIAL: &str = "mkdocs-material==9.8.2";
    let root = root();
    let mkdocs = root.join(".venv/bin/mkdocs");
    if Cmd::new(&mkdocs, &root).arg("--version").read().is_some() {
        return Ok(mkdocs);
    }
    println!("setup: installing {MATERIAL} into .venv (once)");
    Cmd::new("python3", &root)
        .args(["-m", "venv", ".venv"])
        .run()?;
    Cmd::new(root.join(".venv/bin/pip"), &root)
        .args(["install", "--quiet", MATERIAL])
        .run()?;
    Ok(mkdocs)
}
