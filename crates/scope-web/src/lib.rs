//! scope-web: the Connector Scope browser app.
//!
//! It renders and dispatches; every figure it shows comes from scope-core. The host page (or a
//! docs page embedding a tool) loads the generated module and calls [`mount`] on an element.

pub mod app;
pub mod components;
pub mod deflate;
pub mod files;
pub mod hooks;
pub mod scanner;
pub mod state;
pub mod storage;
pub mod tool;

pub mod embed;

use wasm_bindgen::prelude::wasm_bindgen;

pub use app::{App, AppProps};
pub use embed::{Widget, mount};

fn install_panic_hook() {
    // Through yew: its renderer installs its own hook (the console only) over any hook set with
    // std::panic::set_hook, and the page then never said that the app had stopped.
    yew::set_custom_panic_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_crash(&info.to_string());
    }));
}

/// Renders the whole app into `root` (the app's own page), replacing its loading note.
#[wasm_bindgen(js_name = mountApp)]
pub fn mount_app(root: web_sys::Element) {
    install_panic_hook();
    root.set_class_name("cs-root");
    yew::Renderer::<App>::with_root(root).render();
}

/// The app's first view as a first-time visitor sees it (the first tool, a new case, nothing
/// stored), as HTML: the build puts it in the page, so that it shows while the wasm downloads.
/// The wasm's first render replaces it (yew clears the root it mounts into).
#[cfg(feature = "prerender")]
#[wasm_bindgen]
pub fn prerender() -> js_sys::Promise {
    let props = AppProps {
        storage_key: None,
        share_links: false,
        ..AppProps::default()
    };
    js_sys::futures::future_to_promise(async move {
        let html = yew::LocalServerRenderer::<App>::with_props(props)
            .hydratable(false)
            .render()
            .await;
        Ok(html.into())
    })
}

/// After a panic the app cannot go on: say so in the page, as text, with a way back.
pub fn show_crash(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    let build = || -> Option<web_sys::Element> {
        let banner = document.create_element("div").ok()?;
        banner.set_class_name("crash");
        banner.set_attribute("role", "alert").ok()?;
        let text = document.create_element("p").ok()?;
        text.set_text_content(Some(&format!(
            "Connector Scope hit an internal error and stopped ({message}). Nothing was sent anywhere. Reload to start again."
        )));
        let reload = document.create_element("a").ok()?;
        let here = document
            .location()
            .and_then(|l| l.href().ok())
            .unwrap_or_default();
        reload.set_attribute("href", &here).ok()?;
        reload.set_text_content(Some("Reload Connector Scope"));
        banner.append_child(&text).ok()?;
        banner.append_child(&reload).ok()?;
        Some(banner)
    };
    if let Some(banner) = build() {
        // First in the page, so that it is seen and read first.
        let _ = body.insert_before(&banner, body.first_child().as_ref());
    }
}
