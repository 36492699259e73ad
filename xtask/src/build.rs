//! Builds the web app into `web/pkg`: wasm-pack (no downloads), then wasm-opt -Oz for release;
//! then the site as hosts serve it (assets.rs): hashed wasm names, the page, compressed copies.

use std::path::{Path, PathBuf};

use crate::assets::{self, Effort};
use crate::cmd::Cmd;
use crate::setup::{self, Tools};
use crate::{Options, root};

/// The generated bundle: `web/pkg/scope_web.js` and `web/pkg/scope_web_bg.<hash>.wasm`.
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
    build(&tools, profile)?;
    if profile == Profile::Release {
        crate::shares::print_with_change(&tools)?;
    }
    Ok(())
}

pub fn pkg_dir() -> PathBuf {
    root().join("web/pkg")
}

/// The reader's module (crates/scope-scan-web), loaded by the app only when a user reads an API
/// document or starts from CCXT: `web/pkg-scan/scope_scan.<hash>.js` and
/// `scope_scan_bg.<hash>.wasm`.
pub const SCAN_OUT_NAME: &str = "scope_scan";

pub fn scan_pkg_dir() -> PathBuf {
    root().join("web/pkg-scan")
}

pub fn build(tools: &Tools, profile: Profile) -> Result<(), String> {
    let root = root();
    bundle(tools, "crates/scope-web", &pkg_dir(), OUT_NAME, profile)?;
    bundle(
        tools,
        "crates/scope-scan-web",
        &scan_pkg_dir(),
        SCAN_OUT_NAME,
        profile,
    )?;
    // The reader's loader gets a hashed name too, and the app's snippet imports that name: an
    // app never loads a reader of another build (a kept copy offline, a tab open across a
    // deploy).
    let web = root.join("web");
    let plain = snippets(&web.join("pkg/snippets"), "pkg/snippets");
    let importers: Vec<PathBuf> = plain.iter().map(|f| web.join(f)).collect();
    assets::fingerprint_loader(&scan_pkg_dir(), SCAN_OUT_NAME, &importers)?;
    // And the snippets themselves, named by the app's loader: kept offline as one set with it.
    assets::fingerprint_snippets(&web, &pkg_dir().join(format!("{OUT_NAME}.js")), &plain)?;
    copy_example_cases(&root)?;
    write_app_page(&web, &prerender(tools)?)?;
    let effort = match profile {
        Profile::Release => Effort::Best,
        Profile::Dev => Effort::Quick,
    };
    let n = assets::precompress(&web, &["docs-example"], effort)?;
    println!("build: brotli and gzip copies of {n} changed files");
    Ok(())
}

/// `web/index.html` from the page's shell (`web/shell.html`): the wasm preloaded by its hashed
/// name, and the first view in `#app`. It is inert (nothing in it answers before the wasm
/// does); `boot.js` hides it from a returning visitor, whose stored work it does not show.
fn write_app_page(web: &Path, first_view: &str) -> Result<(), String> {
    let hashed = assets::hashed_wasm(&web.join("pkg"), OUT_NAME)?;
    assets::write_page(
        &web.join("shell.html"),
        &web.join("index.html"),
        &[
            (format!("pkg/{OUT_NAME}_bg.wasm"), format!("pkg/{hashed}")),
            (
                "<!-- first view -->".into(),
                format!("<div class=\"prerendered\" inert>{first_view}</div>"),
            ),
            (MODULE_PRELOAD.into(), module_preloads(web)),
        ],
    )
}

const MODULE_PRELOAD: &str = "<link rel=\"modulepreload\" href=\"pkg/scope_web.js\">";

/// The app's module and wasm-bindgen's snippets it imports (the reader's loader), preloaded
/// together: otherwise the snippet is asked for only once the module has arrived, one round
/// trip more before the wasm can start.
fn module_preloads(web: &Path) -> String {
    let mut links = vec![MODULE_PRELOAD.to_string()];
    for snippet in snippets(&web.join("pkg/snippets"), "pkg/snippets") {
        links.push(format!("<link rel=\"modulepreload\" href=\"{snippet}\">"));
    }
    links.join("\n  ")
}

/// The app's first view as HTML: scope-web built for Node with yew's server renderer (the
/// `prerender` feature; a dev build, as only its output ships), run once.
fn prerender(tools: &Tools) -> Result<String, String> {
    let root = root();
    let out = root.join("target/prerender");
    tools
        .wasm_pack(&root)
        .args([
            "build",
            "crates/scope-web",
            "--dev",
            "--target",
            "nodejs",
            "--no-typescript",
            "--no-pack",
            "--mode",
            "no-install",
            "--out-name",
            "scope_prerender",
            "--out-dir",
        ])
        .arg(&out)
        .args(["--", "--features", "prerender"])
        .run()?;
    let html = Cmd::new("node", &root)
        .arg(root.join("xtask/prerender.cjs"))
        .arg(out.join("scope_prerender.js"))
        .output()?;
    if !html.contains("data-app=\"connector-scope\"") {
        return Err(format!(
            "the first view did not render: {}",
            html.chars().take(200).collect::<String>()
        ));
    }
    Ok(html)
}

/// An empty yew app built exactly as the app is, in target/bench/baseline: the start-up
/// baseline of `cargo xtask bench browser`.
pub fn baseline(tools: &Tools) -> Result<PathBuf, String> {
    let root = root();
    let site = root.join("target/bench/baseline");
    bundle(
        tools,
        "bench/baseline-app",
        &site.join("pkg"),
        "baseline_app",
        Profile::Release,
    )?;
    copy_tree(&root.join("bench/baseline-app/web"), &site, &|_| true)?;
    let hashed = assets::hashed_wasm(&site.join("pkg"), "baseline_app")?;
    assets::write_page(
        &root.join("bench/baseline-app/web/index.html"),
        &site.join("index.html"),
        &[(
            "pkg/baseline_app_bg.wasm".to_string(),
            format!("pkg/{hashed}"),
        )],
    )?;
    // Served the same way as the app: compressed as a host ships it.
    assets::precompress(&site, &[], Effort::Best)?;
    Ok(site)
}

/// wasm-pack (no downloads) for the browser, then wasm-opt -Oz for release.
fn bundle(
    tools: &Tools,
    crate_dir: &str,
    out_dir: &Path,
    out_name: &str,
    profile: Profile,
) -> Result<(), String> {
    let root = root();
    tools
        .wasm_pack(&root)
        .args([
            "build",
            crate_dir,
            "--target",
            "web",
            "--no-typescript",
            "--no-pack",
        ])
        .args(["--mode", "no-install", "--out-name", out_name, "--out-dir"])
        .arg(out_dir)
        .arg(match profile {
            Profile::Release => "--release",
            Profile::Dev => "--dev",
        })
        .run()?;
    let wasm = out_dir.join(format!("{out_name}_bg.wasm"));
    if profile == Profile::Release {
        optimize(tools, &wasm)?;
    }
    let hashed = out_dir.join(assets::fingerprint(out_dir, out_name)?);
    println!("build: {} ({})", hashed.display(), size_of(&hashed));
    Ok(())
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
    // wasm-pack writes a `.gitignore` of `*` beside its output: npm would leave the wasm out of
    // the tarball for it.
    let ignore = out.join("wasm/.gitignore");
    if ignore.exists() {
        std::fs::remove_file(&ignore)
            .map_err(|e| format!("cannot remove {}: {e}", ignore.display()))?;
    }
    for file in [
        "index.js",
        "index.mjs",
        "index.d.ts",
        "index.d.mts",
        "package.json",
    ] {
        std::fs::copy(root.join("npm").join(file), out.join(file))
            .map_err(|e| format!("cannot copy npm/{file}: {e}"))?;
    }
    Ok(out)
}

/// `npm pack` of the built package: the tarball a project installs, in `target/npm`.
pub fn npm_tarball(package: &Path) -> Result<PathBuf, String> {
    let dest = package
        .parent()
        .map(Path::to_path_buf)
        .ok_or("the npm package has no parent folder")?;
    let name = Cmd::new("npm", package)
        .args(["pack", "--silent", "--pack-destination"])
        .arg(&dest)
        .output()?;
    let name = name.lines().last().unwrap_or_default().trim().to_string();
    let tarball = dest.join(&name);
    if name.is_empty() || !tarball.exists() {
        return Err(format!("npm pack wrote no tarball ({name:?})"));
    }
    Ok(tarball)
}

/// The files a host copies as they are, from `web/` after a build: the app's page and its loader,
/// the service worker, the embed loader, the styles (each with its compressed copies); then the
/// bundles' folders and the example cases, whole.
const DIST_FILES: [&str; 7] = [
    "index.html",
    "boot.js",
    "app.js",
    "sw.js",
    "embed.js",
    "styles.css",
    "favicon.svg",
];
const DIST_FOLDERS: [&str; 3] = ["pkg", "pkg-scan", "cases"];

const DIST_README: &str = "\
Connector Scope, ready to host: copy this folder as it is (its name may change).

- index.html is the whole app; embed.js puts one tool in any page:
    <div data-connector-scope=\"estimate\" data-compact></div>
    <script type=\"module\" src=\"/connector-scope/embed.js\"></script>
  Use an absolute path (or a full URL) to embed.js: under directory URLs such as MkDocs's,
  a relative one changes meaning from page to page.
- Serve .js as JavaScript (text/javascript), .wasm as application/wasm, .css as text/css.
- Each file has its brotli (.br) and gzip (.gz) copy beside it: let the server send them
  (nginx: brotli_static on; gzip_static on; gzip_vary on) with Content-Encoding and
  Vary: Accept-Encoding.
- Do not edit a file here by hand: its .br and .gz copies would still hold the old content.
  Rebuild with `cargo xtask dist`.
- Files named with a hash (*.<hash>.wasm, *.<hash>.js: 16 hex digits) never change: cache them for a year
  (Cache-Control: public, max-age=31536000, immutable). Everything else: Cache-Control: no-cache,
  so that a new version is picked up on the next visit.
- The page's Content-Security-Policy must allow the folder's scripts and WebAssembly:
    script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; connect-src 'self'
  (the tools make no request beyond their own files). Without 'wasm-unsafe-eval', or with
  pkg/ missing, each element says so in a sentence.
- cases/ holds example case files for data-case-url.
- Nothing here is ignored by version control: commit the folder as it is.
";

/// `target/dist/connector-scope/`: a built bundle as one folder to host, with a README for hosts,
/// and beside it the npm tarball. What `cargo xtask dist` makes (after a release build).
pub fn dist_folder() -> Result<PathBuf, String> {
    let root = root();
    let out = root.join("target/dist/connector-scope");
    if out.exists() {
        std::fs::remove_dir_all(&out)
            .map_err(|e| format!("cannot clear {}: {e}", out.display()))?;
    }
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    for file in DIST_FILES {
        let from = root.join("web").join(file);
        let copies = [
            from.clone(),
            assets::with_suffix(&from, "br"),
            assets::with_suffix(&from, "gz"),
        ];
        for from in copies {
            let to = out.join(from.file_name().ok_or("a file without a name")?);
            std::fs::copy(&from, &to)
                .map_err(|e| format!("cannot copy {} (build first): {e}", from.display()))?;
        }
    }
    // The bundles (wasm-bindgen's snippets included: the scanner's loader) and the cases.
    for folder in DIST_FOLDERS {
        // wasm-pack's .gitignore would hide the bundle from a host that commits the folder.
        copy_tree(
            &root.join("web").join(folder),
            &out.join(folder),
            &|p: &Path| p.file_name().is_none_or(|n| n != ".gitignore"),
        )?;
    }
    std::fs::write(out.join("README.txt"), DIST_README)
        .map_err(|e| format!("cannot write the README: {e}"))?;
    Ok(out)
}

/// `cargo xtask dist`: the release bundle as one folder to host, and the npm tarball.
pub fn dist(args: &[String]) -> Result<(), String> {
    Options::parse(args, &[], &[])?;
    let tools = setup::ensure_build_tools()?;
    build(&tools, Profile::Release)?;
    let folder = dist_folder()?;
    let tarball = npm_tarball(&npm_package(&tools)?)?;
    let name = tarball.file_name().ok_or("the tarball has no name")?;
    let shipped = folder.with_file_name(name);
    std::fs::copy(&tarball, &shipped)
        .map_err(|e| format!("cannot copy {}: {e}", tarball.display()))?;
    println!(
        "dist: {} (copy it as it is) and {}",
        folder.display(),
        shipped.display()
    );
    Ok(())
}

/// The docs-site example (web/docs-example, MkDocs Material) built into target/docs-site, with the
/// dist folder copied under connector-scope/ as a docs site hosts it.
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
    copy_tree(&dist_folder()?, &out.join("connector-scope"), &|_| true)?;
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

/// wasm-opt -Oz from npm's binaryen: Debian's is too old for the features rustc emits by
/// default, which the flags below name. `--zero-filled-memory`: the module's own memory starts
/// zeroed, so zero bytes need not be stored in data segments.
pub fn wasm_opt(tools: &Tools, input: &Path, output: &Path, extra: &[&str]) -> Result<(), String> {
    Cmd::new(&tools.wasm_opt, &root())
        .arg(input)
        .arg("-o")
        .arg(output)
        .args([
            "-Oz",
            // Repeats the passes while they still shrink the module: about 0.6% smaller.
            "--converge",
            // Inline a function that has one caller only when it is tiny. binaryen's default
            // inlines any such function, whatever its size: rarely run code (deflate for share
            // links, the stored-workspace reader) ended up inside the app's start-up function,
            // which the browser compiles whole on first call, and the merged code compressed
            // worse: 6% smaller gzipped (339,369 to 317,117 bytes on 2026-11-25).
            "--one-caller-inline-max-function-size=10",
            "--zero-filled-memory",
            // The toolchain's name and version and the feature list: 260 bytes no browser reads.
            "--strip-producers",
            "--strip-target-features",
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
            "--enable-sign-ext",
            "--enable-reference-types",
            "--enable-multivalue",
            "--enable-mutable-globals",
        ])
        .args(extra)
        .run()
}

fn optimize(tools: &Tools, wasm: &Path) -> Result<(), String> {
    let before = size_of(wasm);
    let tmp = wasm.with_extension("opt.wasm");
    wasm_opt(tools, wasm, &tmp, &[])?;
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

/// What `cargo xtask test` allows, gzip -9: a ratchet (issue #21 withdrew issue #9's 200 KB
/// target). Lower it as the bundle shrinks; raise it only with the measured reason recorded in
/// BENCHMARKS.md (which has every step and its figures).
pub const SIZE_CEILING: u64 = 357_000;

/// One file of a page's transfer: its path under web/, its size, its size under gzip -9, and
/// under brotli 11 (what `serve` sends).
pub struct Transfer {
    pub file: String,
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

/// The files the app's page loads (`app`), or a docs page embedding one tool (`embed`).
/// What a page fetches. `Reader`: the reader's module, fetched only when a user reads an API
/// document or starts from CCXT.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Page {
    App,
    Embed,
    Reader,
}

pub fn transfer(page: Page) -> Result<Vec<Transfer>, String> {
    let web = root().join("web");
    let app_wasm = format!("pkg/{}", assets::hashed_wasm(&web.join("pkg"), OUT_NAME)?);
    let mut files: Vec<String> = match page {
        Page::Embed => vec!["embed.js", "styles.css", "pkg/scope_web.js"],
        Page::App => vec![
            "index.html",
            "boot.js",
            "app.js",
            "sw.js",
            "styles.css",
            "favicon.svg",
            "pkg/scope_web.js",
        ],
        Page::Reader => vec![],
    }
    .into_iter()
    .map(str::to_string)
    .collect();
    if page == Page::Reader {
        let loader = assets::hashed_loader(&web.join("pkg-scan"), SCAN_OUT_NAME)?;
        files.push(format!("pkg-scan/{loader}"));
    }
    files.push(match page {
        Page::Reader => format!(
            "pkg-scan/{}",
            assets::hashed_wasm(&web.join("pkg-scan"), SCAN_OUT_NAME)?
        ),
        _ => app_wasm,
    });
    if page != Page::Reader {
        // wasm-bindgen's snippets (the reader's loader), imported by the app's module at start.
        files.extend(snippets(&web.join("pkg/snippets"), "pkg/snippets"));
    }
    files
        .iter()
        .map(|file| {
            let path = web.join(file);
            let raw = std::fs::metadata(&path)
                .map_err(|e| format!("{}: {e} (build first)", path.display()))?
                .len();
            let out = std::process::Command::new("gzip")
                .args(["-9", "-c"])
                .arg(&path)
                .output()
                .map_err(|e| format!("cannot run gzip: {e}"))?;
            let brotli = match std::fs::read(assets::with_suffix(&path, "br")) {
                Ok(br) => br.len(),
                Err(_) => {
                    assets::brotli(&std::fs::read(&path).unwrap_or_default(), Effort::Best)?.len()
                }
            } as u64;
            Ok(Transfer {
                file: file.clone(),
                raw,
                gzip: out.stdout.len() as u64,
                brotli,
            })
        })
        .collect()
}

/// The files under `dir`, named from `prefix`, in a stable order.
fn snippets(dir: &Path, prefix: &str) -> Vec<String> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    let mut entries: Vec<_> = entries.filter_map(Result::ok).collect();
    entries.sort_by_key(|e| e.file_name());
    for e in entries {
        let name = format!("{prefix}/{}", e.file_name().to_string_lossy());
        if e.path().is_dir() {
            out.extend(snippets(&e.path(), &name));
        } else if name.ends_with(".js") {
            // Not the compressed copies beside them.
            out.push(name);
        }
    }
    out
}

/// Code the bundle must not carry, found by name in cargo's wasm (before wasm-opt drops the
/// names): clippy cannot see a float formatted with `{}`, `{:?}` or `{:.N}`, or read with
/// `str::parse`, but the linked code shows it.
const BANNED_CODE: [(&str, &str); 2] = [
    (
        "flt2dec",
        "std's float formatting (an f64 written with {}, {:?} or {:.N}): write it with support::number::Fixed or Shortest",
    ),
    (
        "dec2flt",
        "std's float parsing (str::parse::<f64>): read it with support::number::parse_number",
    ),
];

/// Fails when the app's wasm links code that BANNED_CODE names.
fn check_banned_code() -> Result<(), String> {
    let path = root().join("target/wasm32-unknown-unknown/release/scope_web.wasm");
    let wasm = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    for (name, why) in BANNED_CODE {
        if wasm.windows(name.len()).any(|w| w == name.as_bytes()) {
            return Err(format!("the bundle links {why}"));
        }
    }
    Ok(())
}

/// Fails when the app's page would transfer more than SIZE_CEILING bytes gzipped, or links code
/// the size rules ban.
pub fn check_size() -> Result<(), String> {
    check_banned_code()?;
    let total: u64 = transfer(Page::App)?.iter().map(|t| t.gzip).sum();
    println!("size: the app transfers {total} bytes gzipped (ceiling {SIZE_CEILING})");
    if total > SIZE_CEILING {
        return Err(format!(
            "the bundle grew to {total} bytes gzipped, over the ceiling of {SIZE_CEILING} \
             (xtask/src/build.rs): find what grew with `cargo xtask bench size`"
        ));
    }
    Ok(())
}
