//! `cargo xtask bench [core|browser]`: the measurements behind BENCHMARKS.md.

use crate::build::{self, Profile};
use crate::cmd::Cmd;
use crate::serve::{self, Site};
use crate::{Options, root, setup};

pub fn run(args: &[String]) -> Result<(), String> {
    let opts = Options::parse(args, &[], &[])?;
    let all = opts.positional().is_empty();
    let wants = |what: &str| all || opts.positional().iter().any(|p| p == what);
    let root = root();
    if wants("core") {
        Cmd::new(env!("CARGO"), &root)
            .args(["bench", "-p", "scope-core"])
            .run()?;
    }
    if wants("browser") {
        let tools = setup::ensure_build_tools()?;
        let browser = setup::ensure_browser()?;
        build::build(&tools, Profile::Release)?;
        let (addr, _server) = serve::start(Site::new(root.join("web"))?, 0)?;
        Cmd::new("node", &root)
            .arg("tests/bench/input-latency.mjs")
            .env("SCOPE_URL", format!("http://{addr}/"))
            .env("CHROME_BIN", &browser.chromium)
            .run()?;
    }
    Ok(())
}
