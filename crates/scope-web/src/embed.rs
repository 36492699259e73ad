//! Embedding one tool (or the whole app) in any page: `mount(element, options)` renders into a
//! shadow root, so that the page's styles and the widget's do not touch each other, and returns
//! a handle to update or destroy it. `web/embed.js` mounts every `[data-connector-scope]` element.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use yew::AppHandle;

use crate::app::{App, AppProps};
use crate::tool::Tool;

/// The options, as a JS object: `{ tool, theme, compact, storage, case, stylesheet }`.
struct Options {
    tool: Option<Tool>,
    theme: String,
    compact: bool,
    storage: Option<String>,
    case: Option<String>,
    stylesheet: Option<String>,
}

fn text(options: &JsValue, key: &str) -> Option<String> {
    js_sys::Reflect::get(options, &key.into())
        .ok()
        .and_then(|v| v.as_string())
        .filter(|s| !s.is_empty())
}

/// The case option: JSON text, or an object (written as JSON, so that the case file's reader
/// checks it like any other).
fn case_text(options: &JsValue) -> Option<String> {
    let value = js_sys::Reflect::get(options, &"case".into()).ok()?;
    if value.is_object() {
        js_sys::JSON::stringify(&value)
            .ok()
            .and_then(|s| s.as_string())
    } else {
        value.as_string().filter(|s| !s.is_empty())
    }
}

impl Options {
    fn read(options: &JsValue) -> Result<Self, String> {
        let tool = match text(options, "tool").as_deref() {
            None | Some("app") => None,
            Some(id) => Some(
                Tool::ALL
                    .into_iter()
                    .find(|t| t.id() == id)
                    .ok_or_else(|| format!("tool: {id:?} is not a tool (maturity, estimate, candidates, agreement, process, proposal, cases or app)"))?,
            ),
        };
        let theme = text(options, "theme").unwrap_or_else(|| "auto".into());
        if !["auto", "light", "dark"].contains(&theme.as_str()) {
            return Err(format!("theme: {theme:?} is not light, dark or auto"));
        }
        let compact = js_sys::Reflect::get(options, &"compact".into())
            .ok()
            .is_some_and(|v| {
                v.as_bool() == Some(true) || v.as_string().is_some_and(|s| s != "false")
            });
        Ok(Options {
            tool,
            theme,
            compact,
            storage: text(options, "storage").filter(|s| s != "none"),
            case: case_text(options),
            stylesheet: text(options, "stylesheet"),
        })
    }

    fn props(&self) -> AppProps {
        let (initial_case, start_notice) =
            match self.case.as_deref().map(scope_core::Case::from_json) {
                Some(Ok(case)) => (Some(case), None),
                Some(Err(e)) => (
                    None,
                    Some(format!(
                        "The case given to this page could not be read: {e}"
                    )),
                ),
                None => (None, None),
            };
        AppProps {
            tool: self.tool,
            storage_key: self.storage.clone(),
            initial_case,
            compact: self.compact,
            share_links: false,
            start_notice,
        }
    }
}

/// A mounted tool: update its options, or take it off the page.
#[wasm_bindgen]
pub struct Widget {
    handle: Option<AppHandle<App>>,
    root: web_sys::Element,
    /// The options in force: an update changes only what it names.
    options: js_sys::Object,
}

/// Options given as an object (`{}` when none), or an error naming what was given instead.
fn options_object(options: &JsValue, call: &str) -> Result<js_sys::Object, JsError> {
    if options.is_undefined() || options.is_null() {
        Ok(js_sys::Object::new())
    } else {
        options.clone().dyn_into::<js_sys::Object>().map_err(|_| {
            JsError::new(&format!(
                "{call}: the options must be an object such as {{ tool: 'estimate' }}"
            ))
        })
    }
}

#[wasm_bindgen]
impl Widget {
    /// Applies new options (theme, compact, tool, case...) over the ones in force: what an update
    /// does not name stays. A new case opens as a new case of the widget's workspace.
    pub fn update(&mut self, options: JsValue) -> Result<(), JsError> {
        let Some(handle) = &mut self.handle else {
            return Err(JsError::new(
                "update: this widget was destroyed; mount the element again",
            ));
        };
        let given = options_object(&options, "update")?;
        let merged = js_sys::Object::assign(&js_sys::Object::new(), &self.options);
        js_sys::Object::assign(&merged, &given);
        let read = Options::read(&merged).map_err(|e| JsError::new(&e))?;
        let _ = self.root.set_attribute("data-theme", &read.theme);
        handle.update(read.props());
        self.options = merged;
        Ok(())
    }

    /// Removes the tool from the page; the widget can then no longer be updated.
    pub fn destroy(&mut self) -> Result<(), JsError> {
        let Some(handle) = self.handle.take() else {
            return Err(JsError::new("destroy: this widget was destroyed already"));
        };
        handle.destroy();
        self.root.remove();
        Ok(())
    }
}

/// Mounts a tool into `host` with `options`; its styles live in a shadow root.
#[wasm_bindgen]
pub fn mount(host: JsValue, options: JsValue) -> Result<Widget, JsError> {
    crate::install_panic_hook();
    let host: web_sys::Element = host.dyn_into().map_err(|given: JsValue| {
        let what = if given.is_null() {
            "null".to_string()
        } else if given.is_undefined() {
            "undefined".to_string()
        } else {
            given.js_typeof().as_string().unwrap_or_default()
        };
        JsError::new(&format!(
            "mount: the first argument must be an element of the page (got {what}; did the selector find nothing?)"
        ))
    })?;
    let given = options_object(&options, "mount")?;
    let options = Options::read(&given).map_err(|e| JsError::new(&e))?;
    let document = host
        .owner_document()
        .ok_or_else(|| JsError::new("the element is not in a document"))?;
    let shadow = match host.shadow_root() {
        Some(existing) => existing,
        None => host
            .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
            .map_err(|_| JsError::new("this element cannot hold a shadow root (use a div)"))?,
    };
    // Each mount gets a fresh root; an earlier one on the same element is replaced.
    while let Some(child) = shadow.first_child() {
        let _ = shadow.remove_child(&child);
    }
    if let Some(href) = &options.stylesheet {
        let link = document
            .create_element("link")
            .map_err(|_| JsError::new("cannot create the stylesheet link"))?;
        let _ = link.set_attribute("rel", "stylesheet");
        let _ = link.set_attribute("href", href);
        let _ = shadow.append_child(&link);
    }
    let root = document
        .create_element("div")
        .map_err(|_| JsError::new("cannot create the root"))?;
    root.set_class_name("cs-root embedded");
    let _ = root.set_attribute("data-theme", &options.theme);
    shadow
        .append_child(&root)
        .map_err(|_| JsError::new("cannot attach the root"))?;
    let element: web_sys::Element = root.clone().unchecked_into();
    let handle = yew::Renderer::<App>::with_root_and_props(element, options.props()).render();
    Ok(Widget {
        handle: Some(handle),
        root,
        options: given,
    })
}
