//! Embedding one tool (or the whole app) in any page: `mount(element, options)` renders into a
//! shadow root, so that the page's styles and the widget's do not touch each other, and returns
//! a handle to update or destroy it. `web/embed.js` mounts every `[data-connector-scope]` element.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use yew::AppHandle;

use crate::app::{App, AppProps};
use crate::tool::Tool;

/// The options, as a JS object: `{ tool, theme, compact, storage, case, stylesheet, shareBase }`.
struct Options {
    tool: Option<Tool>,
    theme: String,
    compact: bool,
    storage: Option<String>,
    case: Option<String>,
    stylesheet: Option<String>,
    share_base: Option<String>,
}

#[wasm_bindgen]
extern "C" {
    /// `Object.assign`, with what the source's getters or proxy throw returned as an error
    /// (js-sys's binding would unwind through the widget and leave it borrowed for good).
    #[wasm_bindgen(catch, js_namespace = Object, js_name = assign)]
    fn try_assign(target: &js_sys::Object, source: &JsValue) -> Result<js_sys::Object, JsValue>;
}

/// A text option: absent, or a string; anything else is named as the error.
fn text(options: &JsValue, key: &str) -> Result<Option<String>, String> {
    let value = js_sys::Reflect::get(options, &key.into()).unwrap_or(JsValue::UNDEFINED);
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    match value.as_string() {
        Some(s) => Ok(Some(s).filter(|s| !s.is_empty())),
        None => Err(format!(
            "{key}: must be a string (got {})",
            value.js_typeof().as_string().unwrap_or_default()
        )),
    }
}

/// The case option: JSON text, or an object (written as JSON, so that the case file's reader
/// checks it like any other).
fn case_text(options: &JsValue) -> Result<Option<String>, String> {
    let value = js_sys::Reflect::get(options, &"case".into()).unwrap_or(JsValue::UNDEFINED);
    if value.is_undefined() || value.is_null() {
        Ok(None)
    } else if value.is_object() {
        js_sys::JSON::stringify(&value)
            .ok()
            .and_then(|s| s.as_string())
            .map(Some)
            .ok_or_else(|| {
                "case: this object cannot be written as JSON (a cycle, or a BigInt)".into()
            })
    } else {
        text(options, "case")
    }
}

impl Options {
    fn read(options: &JsValue) -> Result<Self, String> {
        let tool = match text(options, "tool")?.as_deref() {
            Some("app") => None,
            None => None,
            Some(id) => Some(
                Tool::ALL
                    .into_iter()
                    .find(|t| t.id() == id)
                    .ok_or_else(|| format!("tool: {id:?} is not a tool (maturity, estimate, candidates, agreement, process, proposal, cases or app)"))?,
            ),
        };
        let theme = text(options, "theme")?.unwrap_or_else(|| "auto".into());
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
            storage: text(options, "storage")?.filter(|s| s != "none"),
            case: case_text(options)?,
            stylesheet: text(options, "stylesheet")?,
            share_base: text(options, "shareBase")?,
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
            case_generation: 0,
            share_base: self.share_base.clone(),
        }
    }
}

/// A mounted tool: update its options, or take it off the page.
#[wasm_bindgen]
pub struct Widget {
    handle: Option<AppHandle<App>>,
    host: web_sys::Element,
    root: web_sys::Element,
    /// The options in force: an update changes only what it names.
    options: js_sys::Object,
    /// How many cases `update` has given.
    cases: u32,
}

/// Options given as a plain object (`{}` when none), or an error naming what was given instead.
fn options_object(options: &JsValue, call: &str) -> Result<js_sys::Object, JsError> {
    if options.is_undefined() || options.is_null() {
        return Ok(js_sys::Object::new());
    }
    let plain = options.is_object() && !options.is_function() && !js_sys::Array::is_array(options);
    match options.clone().dyn_into::<js_sys::Object>() {
        Ok(object) if plain => Ok(object),
        _ => Err(JsError::new(&format!(
            "{call}: the options must be an object such as {{ tool: 'estimate' }}"
        ))),
    }
}

/// `given` over `current`, as a new object; a getter or proxy that throws is the error.
fn merged(current: &js_sys::Object, given: &js_sys::Object) -> Result<js_sys::Object, JsError> {
    let out = js_sys::Object::new();
    try_assign(&out, current)
        .and_then(|_| try_assign(&out, given))
        .map_err(|e| {
            let why = js_sys::Reflect::get(&e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .or_else(|| e.as_string())
                .unwrap_or_else(|| "an exception".into());
            JsError::new(&format!("the options could not be read: {why}"))
        })
}

#[wasm_bindgen]
impl Widget {
    /// Applies new options (theme, compact, tool, case...) over the ones in force: what an update
    /// does not name stays. A new case opens as a new case of the widget's workspace; a case that
    /// cannot be read is the error, and nothing changes.
    pub fn update(&mut self, options: JsValue) -> Result<(), JsError> {
        if self.handle.is_none() {
            return Err(JsError::new(
                "update: this widget was destroyed; mount the element again",
            ));
        }
        let given = options_object(&options, "update")?;
        let merged = merged(&self.options, &given)?;
        let read = Options::read(&merged).map_err(|e| JsError::new(&e))?;
        let gives_case = js_sys::Reflect::has(&given, &"case".into()).unwrap_or(false);
        let mut props = read.props();
        if gives_case {
            if let Some(e) = props.start_notice.take() {
                return Err(JsError::new(&e));
            }
            self.cases += 1;
        }
        props.case_generation = self.cases;
        let before = Options::read(&self.options).ok();
        let _ = self.root.set_attribute("data-theme", &read.theme);
        // Another storage key is another workspace: the app starts again from what it holds.
        if before.is_some_and(|b| b.storage != read.storage) {
            if let Some(handle) = self.handle.take() {
                handle.destroy();
            }
            self.root.set_inner_html("");
            // The new app starts from the cases given so far: the next update's count must not
            // look like a case given anew.
            self.handle = Some(render(&self.root, props));
        } else if let Some(handle) = &mut self.handle {
            handle.update(props);
        }
        self.options = merged;
        Ok(())
    }

    /// Removes the tool from the page: the element shows its own content again and can be
    /// mounted anew; this widget can no longer be updated.
    pub fn destroy(&mut self) -> Result<(), JsError> {
        let Some(handle) = self.handle.take() else {
            return Err(JsError::new("destroy: this widget was destroyed already"));
        };
        handle.destroy();
        if let Some(shadow) = self.host.shadow_root() {
            shadow.set_inner_html("<slot></slot>");
        }
        let _ = js_sys::Reflect::delete_property(
            self.host.unchecked_ref::<js_sys::Object>(),
            &"connectorScope".into(),
        );
        Ok(())
    }
}

fn render(root: &web_sys::Element, props: AppProps) -> AppHandle<App> {
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render()
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
    let given = merged(&js_sys::Object::new(), &options_object(&options, "mount")?)?;
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
    shadow.set_inner_html("");
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
    let handle = render(&root, options.props());
    Ok(Widget {
        handle: Some(handle),
        host,
        root,
        options: given,
        cases: 0,
    })
}
