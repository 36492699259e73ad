//! scope-core: every rule and every number of the Hummingbot connector process.
//!
//! Pure: no I/O, no clock, no OS entropy, nothing of the web. The browser app (scope-web) and the
//! command line (scope-cli) both call this crate, so the same case file gives the same figures
//! everywhere.
