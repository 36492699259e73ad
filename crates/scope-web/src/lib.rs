//! scope-web: the Connector Scope browser app.
//!
//! It renders and dispatches; every figure it shows comes from scope-core. The host page (or a
//! docs page embedding a tool) loads the generated module and calls [`mount`] on an element.

pub mod app;
pub mod components;
pub mod state;
pub mod tool;

use wasm_bindgen::prelude::wasm_bindgen;

pub use app::App;

/// Renders the app into `root`, replacing whatever the host page put there (a loading note).
#[wasm_bindgen]
pub fn mount(root: web_sys::Element) {
    console_error_panic_hook::set_once();
    yew::Renderer::<App>::with_root(root).render();
}
