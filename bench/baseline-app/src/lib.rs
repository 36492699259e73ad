//! The smallest yew app that renders something: what Connector Scope's start-up is compared with
//! (`cargo xtask bench browser`). Built with the same profile, wasm-opt settings and server.

use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[function_component]
fn Empty() -> Html {
    html! { <p>{ "ready" }</p> }
}

#[wasm_bindgen(js_name = mountApp)]
pub fn mount_app(root: web_sys::Element) {
    yew::Renderer::<Empty>::with_root(root).render();
}
