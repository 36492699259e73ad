//! The binary as a user runs it.

use std::process::Command;

fn connector_scope(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_connector-scope"))
        .args(args)
        .output()
        .expect("the binary runs")
}

#[test]
fn prints_its_version() {
    let out = connector_scope(&["--version"]);
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("connector-scope {}", env!("CARGO_PKG_VERSION"))
    );
}

#[test]
fn bad_usage_exits_2_and_says_why() {
    let out = connector_scope(&["--no-such-flag"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--no-such-flag"));
}
