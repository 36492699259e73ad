//! The built site as a host serves it: each wasm file named by its content's hash (so that a
//! browser may keep it for a year), the pages and loaders that name it, and a brotli and a gzip
//! copy beside every file a browser fetches (what `serve` and real hosts send).

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use sha2::Digest;

/// Hex digits of the content hash in a file name: `scope_web_bg.<16 hex>.wasm`.
const HASH_DIGITS: usize = 16;

/// The files a browser fetches, by extension: these get compressed copies.
const COMPRESSIBLE: [&str; 8] = ["html", "js", "mjs", "css", "wasm", "svg", "json", "txt"];

/// The encodings written beside each file, by extension, as `serve` negotiates them.
pub const ENCODINGS: [(&str, &str); 2] = [("br", "br"), ("gzip", "gz")];

/// Whether a file's name carries its content's hash (`name.<hash>.ext`): such a file never
/// changes, so it may be cached for good.
pub fn is_hashed(file_name: &str) -> bool {
    let mut parts = file_name.rsplit('.');
    let (Some(_ext), Some(hash), Some(_stem)) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    hash.len() == HASH_DIGITS && hash.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The first `digits` hex digits (even) of the bytes' SHA-256: file names' hashes, ETags.
pub fn sha256_hex(bytes: &[u8], digits: usize) -> String {
    sha2::Sha256::digest(bytes)
        .iter()
        .take(digits / 2)
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Renames wasm-bindgen's `dir/{name}_bg.wasm` to `{name}_bg.<hash>.wasm`, points the loader
/// `dir/{name}.js` at the new name, and removes the copies of earlier builds. The new name.
pub fn fingerprint(dir: &Path, name: &str) -> Result<String, String> {
    let plain = format!("{name}_bg.wasm");
    let hashed = rename_hashed(dir, &plain, &format!("{name}_bg."), ".wasm")?;
    let loader = dir.join(format!("{name}.js"));
    let js = std::fs::read_to_string(&loader).map_err(|e| format!("{}: {e}", loader.display()))?;
    // wasm-bindgen's loader names its wasm once, as the default of its init function.
    let quoted = format!("'{plain}'");
    if js.matches(&quoted).count() != 1 {
        return Err(format!(
            "{} does not name {plain} exactly once: wasm-bindgen's loader changed shape",
            loader.display()
        ));
    }
    std::fs::write(&loader, js.replace(&quoted, &format!("'{hashed}'")))
        .map_err(|e| format!("cannot write {}: {e}", loader.display()))?;
    Ok(hashed)
}

/// Renames a loader `dir/{name}.js` (its wasm already hashed) to `{name}.<hash>.js`, removes the
/// copies of earlier builds, and points the one reference to it among the `importers` at the new
/// name: an app and a module it loads later then always come from the same build. The new name.
pub fn fingerprint_loader(dir: &Path, name: &str, importers: &[PathBuf]) -> Result<String, String> {
    let hashed = rename_hashed(dir, &format!("{name}.js"), &format!("{name}."), ".js")?;
    let plain = format!("/{name}.js'");
    let mut found = 0;
    for file in importers {
        let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
        let n = text.matches(&plain).count();
        if n > 0 {
            found += n;
            write_atomically(
                file,
                text.replace(&plain, &format!("/{hashed}'")).as_bytes(),
            )?;
        }
    }
    if found != 1 {
        return Err(format!(
            "{found} imports of {name}.js where one was expected: the loader of {} changed shape",
            dir.display()
        ));
    }
    Ok(hashed)
}

/// Renames each of wasm-bindgen's snippets (`snippets`: `pkg/snippets/**/x.js`, relative to
/// `web`) to `x.<hash>.js`, removing earlier builds' copies, and points `loader`'s imports at the
/// new names: a kept app never pairs its loader with another build's snippets. The new paths.
pub fn fingerprint_snippets(
    web: &Path,
    loader: &Path,
    snippets: &[String],
) -> Result<Vec<String>, String> {
    let mut js =
        std::fs::read_to_string(loader).map_err(|e| format!("{}: {e}", loader.display()))?;
    let mut renamed = Vec::new();
    for plain in snippets.iter().filter(|s| !is_hashed(s)) {
        let path = web.join(plain);
        let (Some(dir), Some(file), Some(folder)) = (
            path.parent(),
            path.file_name().and_then(|f| f.to_str()),
            plain.rsplit_once('/').map(|(folder, _)| folder),
        ) else {
            continue;
        };
        let Some(stem) = file.strip_suffix(".js") else {
            continue;
        };
        let hashed = format!(
            "{folder}/{}",
            rename_hashed(dir, file, &format!("{stem}."), ".js")?
        );
        // Only the import specifiers: the same path is also the wasm's import module name, a key
        // of the imports object, which must stay as the wasm names it.
        let (from, to) = (
            format!("./{}", plain.strip_prefix("pkg/").unwrap_or(plain)),
            format!("./{}", hashed.strip_prefix("pkg/").unwrap_or(&hashed)),
        );
        let mut found = 0;
        for quote in ['\'', '"'] {
            let specifier = format!("from {quote}{from}{quote}");
            found += js.matches(&specifier).count();
            js = js.replace(&specifier, &format!("from {quote}{to}{quote}"));
        }
        if found == 0 {
            return Err(format!(
                "{} does not import {from}: wasm-bindgen's loader changed shape",
                loader.display()
            ));
        }
        renamed.push(hashed);
    }
    write_atomically(loader, js.as_bytes())?;
    Ok(renamed)
}

/// The hashed loader `{name}.<hash>.js` in `dir`: exactly one after a build.
pub fn hashed_loader(dir: &Path, name: &str) -> Result<String, String> {
    exactly_one(loader_copies(dir, name)?, &format!("{name}.<hash>.js"), dir)
}

/// The hashed wasm of `name` in `dir`: exactly one after a build.
pub fn hashed_wasm(dir: &Path, name: &str) -> Result<String, String> {
    exactly_one(
        hashed_copies(dir, name)?,
        &format!("{name}_bg.<hash>.wasm"),
        dir,
    )
}

/// The one file found, or what is wrong with the build (`what` is the pattern looked for).
fn exactly_one(found: Vec<String>, what: &str, dir: &Path) -> Result<String, String> {
    match found.as_slice() {
        [one] => Ok(one.clone()),
        [] => Err(format!("no {what} in {} (build first)", dir.display())),
        _ => Err(format!("several {what} in {}: rebuild", dir.display())),
    }
}

/// Renames `dir/{file}` to `{prefix}<hash of its content>{ext}`, removing the copies of earlier
/// builds (the same prefix and extension, another hash) with their compressed copies. The new
/// name.
fn rename_hashed(dir: &Path, file: &str, prefix: &str, ext: &str) -> Result<String, String> {
    let path = dir.join(file);
    let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let hashed = format!("{prefix}{}{ext}", sha256_hex(&bytes, HASH_DIGITS));
    for stale in hashed_files(dir, prefix, ext)? {
        if stale != hashed {
            remove_with_encodings(&dir.join(stale))?;
        }
    }
    std::fs::rename(&path, dir.join(&hashed))
        .map_err(|e| format!("cannot rename {}: {e}", path.display()))?;
    Ok(hashed)
}

fn hashed_copies(dir: &Path, name: &str) -> Result<Vec<String>, String> {
    hashed_files(dir, &format!("{name}_bg."), ".wasm")
}

fn loader_copies(dir: &Path, name: &str) -> Result<Vec<String>, String> {
    hashed_files(dir, &format!("{name}."), ".js")
}

/// The files of `dir` named `{prefix}<hash>{ext}`, sorted.
fn hashed_files(dir: &Path, prefix: &str, ext: &str) -> Result<Vec<String>, String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    let mut found: Vec<String> = entries
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|f| f.starts_with(prefix) && f.ends_with(ext) && is_hashed(f))
        .filter(|f| f.len() == prefix.len() + HASH_DIGITS + ext.len())
        .collect();
    found.sort();
    Ok(found)
}

fn remove_with_encodings(path: &Path) -> Result<(), String> {
    for (_, ext) in ENCODINGS {
        let _ = std::fs::remove_file(with_suffix(path, ext));
    }
    std::fs::remove_file(path).map_err(|e| format!("cannot remove {}: {e}", path.display()))
}

/// `path` with `.ext` added to its name (`a.wasm` -> `a.wasm.br`).
pub fn with_suffix(path: &Path, ext: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(".");
    name.push(ext);
    PathBuf::from(name)
}

/// Writes `out` from the page `template`, with each `(plain, hashed)` name replaced: the page
/// preloads the wasm by the name it has now. Every plain name must be in the template.
pub fn write_page(template: &Path, out: &Path, names: &[(String, String)]) -> Result<(), String> {
    let mut html =
        std::fs::read_to_string(template).map_err(|e| format!("{}: {e}", template.display()))?;
    for (plain, hashed) in names {
        if !html.contains(plain.as_str()) {
            return Err(format!("{} does not name {plain}", template.display()));
        }
        html = html.replace(plain.as_str(), hashed);
    }
    std::fs::write(out, html).map_err(|e| format!("cannot write {}: {e}", out.display()))
}

/// How hard to compress: a release build is compressed as a host would ship it; a dev build
/// quickly, so that the edit-reload loop stays short.
#[derive(Clone, Copy)]
pub enum Effort {
    Best,
    Quick,
}

/// Writes `x.br` and `x.gz` beside every file `x` under `dir` (but in `skip`'s folders) that a
/// browser fetches, unless they are already newer than it; removes compressed copies whose file
/// is gone. How many files were compressed.
pub fn precompress(dir: &Path, skip: &[&str], effort: Effort) -> Result<usize, String> {
    let mut files = Vec::new();
    walk(dir, dir, skip, &mut files)?;
    let mut written = 0;
    for path in files {
        let name = path.to_string_lossy();
        if let Some(original) = ENCODINGS
            .iter()
            .find_map(|(_, ext)| name.strip_suffix(&format!(".{ext}")))
        {
            if !Path::new(original).exists() {
                let _ = std::fs::remove_file(&path);
            }
            continue;
        }
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !COMPRESSIBLE.contains(&ext) {
            continue;
        }
        let (br, gz) = (with_suffix(&path, "br"), with_suffix(&path, "gz"));
        if is_fresh(&br, &path) && is_fresh(&gz, &path) {
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        // A build rewrites files it did not change: when the copies still hold these bytes,
        // they are marked fresh, not made again (brotli 11 takes seconds on the wasm).
        if br.exists() && same_content(&gz, &bytes) {
            touch(&br)?;
            touch(&gz)?;
            continue;
        }
        write_atomically(&br, &brotli(&bytes, effort)?)?;
        write_atomically(&gz, &gzip(&bytes, effort)?)?;
        written += 1;
    }
    Ok(written)
}

fn walk(root: &Path, dir: &Path, skip: &[&str], out: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            let relative = path.strip_prefix(root).unwrap_or(&path);
            if !skip.iter().any(|s| relative == Path::new(s)) {
                walk(root, &path, skip, out)?;
            }
        } else {
            out.push(path);
        }
    }
    Ok(())
}

fn mtime(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

/// Whether the compressed `copy` may stand for `file`: it exists and is not older than it (a
/// file edited after its copies were made is sent, and compressed again, as it is now).
pub fn is_fresh(copy: &Path, file: &Path) -> bool {
    let modified = mtime(file);
    modified.is_some() && mtime(copy) >= modified
}

fn same_content(gz: &Path, bytes: &[u8]) -> bool {
    use std::io::Read as _;
    let Ok(file) = std::fs::File::open(gz) else {
        return false;
    };
    let mut decoded = Vec::with_capacity(bytes.len());
    flate2::read::GzDecoder::new(file)
        .read_to_end(&mut decoded)
        .is_ok()
        && decoded == bytes
}

fn touch(path: &Path) -> Result<(), String> {
    std::fs::File::options()
        .write(true)
        .open(path)
        .and_then(|f| f.set_modified(SystemTime::now()))
        .map_err(|e| format!("cannot touch {}: {e}", path.display()))
}

/// Writes beside, then renames: a server never sends half a file.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let tmp = with_suffix(path, "tmp");
    std::fs::write(&tmp, bytes).map_err(|e| format!("cannot write {}: {e}", tmp.display()))?;
    std::fs::rename(&tmp, path).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

pub fn brotli(bytes: &[u8], effort: Effort) -> Result<Vec<u8>, String> {
    let quality = match effort {
        Effort::Best => 11,
        Effort::Quick => 4,
    };
    let mut out = Vec::with_capacity(bytes.len() / 3);
    {
        // 4 KiB buffer; a 16 MiB window (lgwin 24), brotli's largest standard one.
        let mut w = brotli::CompressorWriter::new(&mut out, 4096, quality, 24);
        w.write_all(bytes).map_err(|e| format!("brotli: {e}"))?;
    }
    Ok(out)
}

pub fn gzip(bytes: &[u8], effort: Effort) -> Result<Vec<u8>, String> {
    let level = match effort {
        Effort::Best => flate2::Compression::best(),
        Effort::Quick => flate2::Compression::fast(),
    };
    let mut w = flate2::write::GzEncoder::new(Vec::with_capacity(bytes.len() / 3), level);
    w.write_all(bytes).map_err(|e| format!("gzip: {e}"))?;
    w.finish().map_err(|e| format!("gzip: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names() {
        assert!(is_hashed("scope_web_bg.0123456789abcdef.wasm"));
        assert!(!is_hashed("scope_web_bg.wasm"));
        assert!(!is_hashed("scope_web.js"));
        assert!(!is_hashed("a.0123456789abcdeg.wasm"));
        assert!(!is_hashed("0123456789abcdef.wasm"));
        assert!(!is_hashed("a.0123456789abcde.wasm"));
    }

    #[test]
    fn a_hashed_loader_is_what_its_importer_names() {
        let dir = std::env::temp_dir().join(format!("xtask-loader-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("snippet")).unwrap();
        let importer = dir.join("snippet/glue.js");
        let stale = dir.join("reader.0123456789abcdef.js");
        std::fs::write(&stale, "old").unwrap();
        std::fs::write(dir.join("reader.js"), "export const v = 2;").unwrap();
        std::fs::write(&importer, "import('../reader.js');").unwrap();
        let hashed = fingerprint_loader(&dir, "reader", std::slice::from_ref(&importer)).unwrap();
        assert!(is_hashed(&hashed), "{hashed}");
        assert_eq!(hashed_loader(&dir, "reader").unwrap(), hashed);
        assert!(!dir.join("reader.js").exists() && !stale.exists());
        assert_eq!(
            std::fs::read_to_string(&importer).unwrap(),
            format!("import('../{hashed}');")
        );
        // An importer that no longer names the loader is a build error, not a silent skew.
        std::fs::write(dir.join("reader.js"), "export const v = 3;").unwrap();
        std::fs::write(&importer, "import('../other.js');").unwrap();
        assert!(fingerprint_loader(&dir, "reader", &[importer]).is_err());
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn hashed_snippets_are_imported_by_their_names_and_linked_by_the_wasm_s() {
        let web = std::env::temp_dir().join(format!("xtask-snippets-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&web);
        std::fs::create_dir_all(web.join("pkg/snippets/c-1/js")).unwrap();
        std::fs::write(
            web.join("pkg/snippets/c-1/js/glue.js"),
            "export const a = 1;",
        )
        .unwrap();
        let loader = web.join("pkg/app.js");
        let plain = "./snippets/c-1/js/glue.js";
        std::fs::write(
            &loader,
            format!("import {{ a }} from '{plain}';\nimport * as i1 from \"{plain}\"\nconst imports = {{ \"{plain}\": i1 }};"),
        )
        .unwrap();
        let hashed =
            fingerprint_snippets(&web, &loader, &["pkg/snippets/c-1/js/glue.js".into()]).unwrap();
        let [one] = hashed.as_slice() else {
            panic!("{hashed:?}")
        };
        assert!(web.join(one).exists() && !web.join("pkg/snippets/c-1/js/glue.js").exists());
        let to = format!("./{}", one.strip_prefix("pkg/").unwrap());
        assert_eq!(
            std::fs::read_to_string(&loader).unwrap(),
            format!(
                "import {{ a }} from '{to}';\nimport * as i1 from \"{to}\"\nconst imports = {{ \"{plain}\": i1 }};"
            )
        );
        let _ = std::fs::remove_dir_all(&web);
    }

    #[test]
    fn compressed_copies_decode_to_the_file() {
        use std::io::Read as _;
        let text = "Connector Scope ".repeat(500);
        for effort in [Effort::Best, Effort::Quick] {
            let br = brotli(text.as_bytes(), effort).unwrap();
            let mut back = String::new();
            brotli::Decompressor::new(br.as_slice(), 4096)
                .read_to_string(&mut back)
                .unwrap();
            assert_eq!(back, text);
            let gz = gzip(text.as_bytes(), effort).unwrap();
            let mut back = String::new();
            flate2::read::GzDecoder::new(gz.as_slice())
                .read_to_string(&mut back)
                .unwrap();
            assert_eq!(back, text);
            assert!(br.len() < text.len() / 10 && gz.len() < text.len() / 10);
        }
    }
}
