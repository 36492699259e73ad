//! A static file server for `web/` on 127.0.0.1, with the headers the app is meant to run under,
//! serving as real hosts do: the brotli or gzip copy the browser accepts (assets.rs writes them
//! at build), hashed files cached for a year, everything else revalidated by its ETag.

use std::net::SocketAddr;
use std::path::{Component, Path, PathBuf};

use crate::assets;
use crate::build::{self, Profile};
use crate::http::{self, Reply, Request};
use crate::{Options, root, setup};

/// The policy the app must run under: no inline script, no eval except wasm compilation,
/// no inline styles, nothing fetched from anywhere but the app's own origin.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; \
     manifest-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

const DEFAULT_PORT: u16 = 8080;

pub fn run(args: &[String]) -> Result<(), String> {
    let opts = Options::parse(args, &["--dev", "--no-build"], &["--port"])?;
    let port = match opts.value("--port") {
        Some(p) => p
            .parse::<u16>()
            .map_err(|_| format!("--port: {p:?} is not a port number (0-65535)"))?,
        None => DEFAULT_PORT,
    };
    if !opts.has("--no-build") {
        let tools = setup::ensure_build_tools()?;
        let profile = if opts.has("--dev") {
            Profile::Dev
        } else {
            Profile::Release
        };
        build::build(&tools, profile)?;
    }
    let site = Site::new(root().join("web"))?;
    let (addr, handle) = start(site, port)?;
    println!("serving Connector Scope at http://{addr}/  (Ctrl-C to stop)");
    handle
        .join()
        .map_err(|_| "the server thread stopped unexpectedly".to_string())
}

/// Binds 127.0.0.1:`port` (0 picks a free port) and serves on a background thread.
pub fn start(site: Site, port: u16) -> Result<(SocketAddr, std::thread::JoinHandle<()>), String> {
    http::listen(port, move |request| site.answer(request))
}

pub struct Site {
    root: PathBuf,
    csp: String,
}

impl Site {
    /// A site that runs under the app's policy, plus the hashes of the inline scripts a
    /// generated site (MkDocs) carries, so that they run and nothing else inline does.
    pub fn with_inline_script_hashes(root: PathBuf) -> Result<Self, String> {
        let mut site = Self::new(root)?;
        let mut hashes = std::collections::BTreeSet::new();
        collect_inline_script_hashes(&site.root, &mut hashes);
        let extra: Vec<String> = hashes
            .into_iter()
            .map(|h| format!("'sha256-{h}'"))
            .collect();
        site.csp = CONTENT_SECURITY_POLICY.replacen(
            "script-src 'self' 'wasm-unsafe-eval'",
            &format!("script-src 'self' 'wasm-unsafe-eval' {}", extra.join(" ")),
            1,
        );
        Ok(site)
    }

    pub fn new(root: PathBuf) -> Result<Self, String> {
        let root = root
            .canonicalize()
            .map_err(|e| format!("cannot serve {}: {e}", root.display()))?;
        if !root.join("pkg").exists() {
            eprintln!(
                "serve: warning: {}/pkg is missing; run `cargo xtask build`",
                root.display()
            );
        }
        Ok(Self {
            root,
            csp: CONTENT_SECURITY_POLICY.to_string(),
        })
    }

    fn answer(&self, request: &Request) -> Reply {
        self.file_response(
            &request.target,
            request.header("accept-encoding").unwrap_or(""),
            request.header("if-none-match"),
        )
    }

    fn file_response(
        &self,
        url: &str,
        accept_encoding: &str,
        if_none_match: Option<&str>,
    ) -> Reply {
        let Some(path) = self.resolve(url) else {
            return text_response(404, "not found");
        };
        // A folder asked for without its slash: its page's relative links would resolve
        // against the parent folder, so send the browser to the folder's own address.
        let (route, query) = url.split_once('?').map_or((url, ""), |(r, q)| (r, q));
        if path.ends_with("index.html") && !route.ends_with('/') && !route.ends_with("index.html") {
            let mut reply = text_response(301, "moved");
            let query = if query.is_empty() {
                String::new()
            } else {
                format!("?{query}")
            };
            reply.headers.push(("Location", format!("{route}/{query}")));
            return reply;
        }
        let (body_path, encoding) = representation(&path, accept_encoding);
        let Ok(body) = std::fs::read(&body_path) else {
            return text_response(404, "not found");
        };
        // Per representation: the brotli copy's tag is not the plain file's.
        let etag = format!("\"{}\"", assets::sha256_hex(&body, 24));
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let cache = if assets::is_hashed(name) {
            // The name changes with the content: keep it for good.
            "public, max-age=31536000, immutable"
        } else {
            // The page, the loaders, the styles: always ask, so that a new version shows on the
            // next visit (a 304 when nothing changed).
            "no-cache"
        };
        let mut extra: Vec<(&'static str, String)> =
            vec![("Cache-Control", cache.to_string()), ("ETag", etag.clone())];
        if compressible(&path) {
            extra.push(("Vary", "Accept-Encoding".into()));
        }
        if let Some(encoding) = encoding {
            extra.push(("Content-Encoding", encoding.into()));
        }
        let not_modified = if_none_match.is_some_and(|tags| {
            tags.split(',')
                .map(|t| t.trim().trim_start_matches("W/"))
                .any(|t| t == etag || t == "*")
        });
        let (status, body) = if not_modified {
            (304, Vec::new())
        } else {
            (200, body)
        };
        with_headers(status, body, content_type(&path), &self.csp, extra)
    }

    /// Maps a URL path onto a file under the root; never outside it.
    fn resolve(&self, url: &str) -> Option<PathBuf> {
        let path = url.split(['?', '#']).next().unwrap_or("");
        let decoded = percent_decode(path)?;
        let relative = Path::new(decoded.trim_start_matches('/'));
        if relative
            .components()
            .any(|c| !matches!(c, Component::Normal(_)))
        {
            return None;
        }
        let mut full = self.root.join(relative);
        if full.is_dir() {
            full = full.join("index.html");
        }
        let full = full.canonicalize().ok()?;
        (full.starts_with(&self.root) && full.is_file()).then_some(full)
    }
}

/// The file to send for `path` and its encoding: the brotli or gzip copy beside it when the
/// browser accepts it (RFC 9110's Accept-Encoding, q-values and `*` included) and the copy is
/// not older than the file; else the file itself.
fn representation(path: &Path, accept_encoding: &str) -> (PathBuf, Option<&'static str>) {
    if !compressible(path) {
        return (path.to_path_buf(), None);
    }
    for (encoding, ext) in assets::ENCODINGS {
        if accepts(accept_encoding, encoding) {
            let copy = assets::with_suffix(path, ext);
            if assets::is_fresh(&copy, path) {
                return (copy, Some(encoding));
            }
        }
    }
    (path.to_path_buf(), None)
}

/// Whether an Accept-Encoding value accepts `encoding`: named with a q-value above zero, or
/// covered by `*` when not named.
fn accepts(header: &str, encoding: &str) -> bool {
    let mut wildcard = None;
    for item in header.split(',') {
        let mut parts = item.split(';');
        let name = parts.next().unwrap_or("").trim();
        let q = parts
            .filter_map(|p| p.trim().strip_prefix("q=").or(p.trim().strip_prefix("Q=")))
            .find_map(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        if name.eq_ignore_ascii_case(encoding) {
            return q > 0.0;
        }
        if name == "*" {
            wildcard = Some(q > 0.0);
        }
    }
    wildcard.unwrap_or(false)
}

fn compressible(path: &Path) -> bool {
    !matches!(
        path.extension().and_then(|e| e.to_str()).unwrap_or(""),
        "png" | "ico" | "br" | "gz"
    )
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "json" => "application/json",
        "md" => "text/markdown; charset=utf-8",
        "png" => "image/png",
        "ico" => "image/x-icon",
        _ => "application/octet-stream",
    }
}

fn text_response(status: u16, body: &str) -> Reply {
    with_headers(
        status,
        body.as_bytes().to_vec(),
        "text/plain; charset=utf-8",
        CONTENT_SECURITY_POLICY,
        vec![("Cache-Control", "no-cache".into())],
    )
}

/// SHA-256 (base64) of every inline `<script>` body in the HTML files under `dir`.
fn collect_inline_script_hashes(dir: &Path, out: &mut std::collections::BTreeSet<String>) {
    use base64::Engine;
    use sha2::Digest;
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for path in entries.filter_map(|e| e.ok().map(|e| e.path())) {
        if path.is_dir() {
            collect_inline_script_hashes(&path, out);
        } else if path.extension().is_some_and(|e| e == "html")
            && let Ok(html) = std::fs::read_to_string(&path)
        {
            let mut rest = html.as_str();
            while let Some(start) = rest.find("<script") {
                let after = &rest[start..];
                let Some(open_end) = after.find('>') else {
                    break;
                };
                let tag = &after[..open_end];
                let body_start = &after[open_end + 1..];
                let Some(close) = body_start.find("</script>") else {
                    break;
                };
                let body = &body_start[..close];
                if !tag.contains("src=") && !body.is_empty() {
                    let digest = sha2::Sha256::digest(body.as_bytes());
                    out.insert(base64::engine::general_purpose::STANDARD.encode(digest));
                }
                rest = &body_start[close..];
            }
        }
    }
}

fn with_headers(
    status: u16,
    body: Vec<u8>,
    content_type: &str,
    csp: &str,
    extra: Vec<(&'static str, String)>,
) -> Reply {
    let mut headers = vec![
        ("Content-Type", content_type.to_string()),
        ("Content-Security-Policy", csp.to_string()),
        ("X-Content-Type-Options", "nosniff".into()),
        ("Referrer-Policy", "no-referrer".into()),
    ];
    headers.extend(extra);
    Reply {
        status,
        headers,
        body,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> (tempdir::Dir, Site) {
        let dir = tempdir::Dir::new();
        std::fs::create_dir_all(dir.0.join("pkg")).unwrap();
        std::fs::write(dir.0.join("index.html"), "<!doctype html>").unwrap();
        std::fs::write(dir.0.join("pkg/app.wasm"), [0u8, 97, 115, 109]).unwrap();
        let site = Site::new(dir.0.clone()).unwrap();
        (dir, site)
    }

    mod tempdir {
        pub struct Dir(pub std::path::PathBuf);
        impl Dir {
            pub fn new() -> Self {
                let n = std::time::SystemTime::now()
                    .duration_since(std::time::UNIX_EPOCH)
                    .unwrap()
                    .as_nanos();
                let p =
                    std::env::temp_dir().join(format!("xtask-serve-{}-{n}", std::process::id()));
                std::fs::create_dir_all(&p).unwrap();
                Self(p)
            }
        }
        impl Drop for Dir {
            fn drop(&mut self) {
                let _ = std::fs::remove_dir_all(&self.0);
            }
        }
    }

    #[test]
    fn resolves_files_and_index() {
        let (_dir, site) = site();
        assert!(site.resolve("/").unwrap().ends_with("index.html"));
        assert!(
            site.resolve("/pkg/app.wasm?v=1")
                .unwrap()
                .ends_with("pkg/app.wasm")
        );
        assert!(
            site.resolve("/pk%67/app.wasm")
                .unwrap()
                .ends_with("pkg/app.wasm")
        );
        assert!(site.resolve("/missing.js").is_none());
    }

    #[test]
    fn sends_a_folder_asked_without_its_slash_to_its_own_address() {
        let (dir, site) = site();
        std::fs::create_dir_all(dir.0.join("docs")).unwrap();
        std::fs::write(dir.0.join("docs/index.html"), "<!doctype html>").unwrap();
        let moved = site.file_response("/docs?x=1", "", None);
        assert_eq!(moved.status, 301);
        assert!(
            moved
                .headers
                .contains(&("Location", "/docs/?x=1".to_string()))
        );
        assert_eq!(site.file_response("/docs/", "", None).status, 200);
        assert_eq!(site.file_response("/", "", None).status, 200);
        assert_eq!(site.file_response("/docs/index.html", "", None).status, 200);
    }

    #[test]
    fn never_leaves_the_root() {
        let (_dir, site) = site();
        for url in [
            "/../Cargo.toml",
            "/pkg/../../x",
            "/%2e%2e/x",
            "//etc/passwd",
            "/%zz",
        ] {
            assert!(site.resolve(url).is_none(), "{url} resolved");
        }
    }

    #[test]
    fn reads_accept_encoding_as_rfc_9110_does() {
        assert!(accepts("gzip, deflate, br, zstd", "br"));
        assert!(accepts("gzip, deflate, br, zstd", "gzip"));
        assert!(!accepts("gzip", "br"));
        assert!(!accepts("", "gzip"));
        assert!(!accepts("br;q=0, gzip", "br"));
        assert!(accepts("br;q=0.5", "br"));
        assert!(accepts("*", "br"));
        assert!(!accepts("*;q=0", "gzip"));
        assert!(!accepts("gzip;q=0, *", "gzip"));
        assert!(accepts("BR", "br"));
        assert!(!accepts("identity", "gzip"));
    }

    #[test]
    fn sends_the_fresh_compressed_copy_it_may() {
        let (dir, _site) = site();
        let wasm = dir.0.join("pkg/app.wasm");
        let br = assets::with_suffix(&wasm, "br");
        assert_eq!(representation(&wasm, "br"), (wasm.clone(), None));
        std::fs::write(&br, b"compressed").unwrap();
        assert_eq!(representation(&wasm, "gzip, br"), (br.clone(), Some("br")));
        assert_eq!(representation(&wasm, "gzip"), (wasm.clone(), None));
        // A file edited after its copy was made is sent as it is, not as the stale copy.
        std::thread::sleep(std::time::Duration::from_millis(20));
        std::fs::write(&wasm, [0u8, 97, 115, 109, 1]).unwrap();
        assert_eq!(representation(&wasm, "br"), (wasm.clone(), None));
    }

    #[test]
    fn wasm_has_its_mime_type() {
        assert_eq!(content_type(Path::new("a/b_bg.wasm")), "application/wasm");
        assert_eq!(
            content_type(Path::new("index.html")),
            "text/html; charset=utf-8"
        );
    }
}
