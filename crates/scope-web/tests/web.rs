//! Mounts the app into a fresh element in a real browser and asserts on the DOM.
#![cfg(target_arch = "wasm32")]
// A failed lookup here is a failed test; unwrap says so with the line number.
#![allow(clippy::unwrap_used)]

use std::time::Duration;

use scope_web::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement, KeyboardEvent, KeyboardEventInit};

wasm_bindgen_test_configure!(run_in_browser);

fn fresh_root() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

/// Yew renders on the next turn of the event loop.
async fn rendered() {
    yew::platform::time::sleep(Duration::from_millis(0)).await;
}

fn tabs(root: &Element) -> Vec<HtmlElement> {
    let list = root.query_selector_all("[role=tab]").unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().dyn_into::<HtmlElement>().unwrap())
        .collect()
}

fn heading(root: &Element) -> String {
    root.query_selector("[role=tabpanel] h1")
        .unwrap()
        .expect("the panel has a heading")
        .text_content()
        .unwrap()
}

fn selected(root: &Element) -> Vec<String> {
    tabs(root)
        .iter()
        .filter(|t| t.get_attribute("aria-selected").as_deref() == Some("true"))
        .map(|t| t.text_content().unwrap())
        .collect()
}

#[wasm_bindgen_test]
async fn shell_lists_every_tool_and_opens_the_clicked_one() {
    let root = fresh_root();
    yew::Renderer::<App>::with_root(root.clone()).render();
    rendered().await;

    let labels: Vec<_> = tabs(&root)
        .iter()
        .map(|t| t.text_content().unwrap())
        .collect();
    assert_eq!(
        labels,
        ["Maturity", "Estimate", "Candidates", "Agreement", "Process"]
    );
    assert_eq!(selected(&root), ["Maturity"]);
    assert_eq!(heading(&root), "API maturity");

    tabs(&root)[2].click();
    rendered().await;
    assert_eq!(selected(&root), ["Candidates"]);
    assert_eq!(heading(&root), "Maintainer candidates");
    let panel = root.query_selector("[role=tabpanel]").unwrap().unwrap();
    assert_eq!(panel.id(), "panel-candidates");
    assert_eq!(
        panel.get_attribute("aria-labelledby").as_deref(),
        Some("tab-candidates")
    );
}

#[wasm_bindgen_test]
async fn arrow_keys_move_selection_and_focus() {
    let root = fresh_root();
    yew::Renderer::<App>::with_root(root.clone()).render();
    rendered().await;

    let press = |key: &str| {
        let init = KeyboardEventInit::new();
        init.set_key(key);
        init.set_bubbles(true);
        let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        let focused_tab = root
            .query_selector("[role=tab][tabindex='0']")
            .unwrap()
            .unwrap();
        focused_tab.dispatch_event(&event).unwrap();
    };

    press("ArrowLeft");
    rendered().await;
    assert_eq!(
        selected(&root),
        ["Process"],
        "ArrowLeft wraps to the last tool"
    );
    let active = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .unwrap();
    assert_eq!(active.id(), "tab-process", "focus follows the selection");

    press("Home");
    rendered().await;
    assert_eq!(selected(&root), ["Maturity"]);

    press("ArrowRight");
    rendered().await;
    assert_eq!(selected(&root), ["Estimate"]);
    // Only the selected tab is in the tab order.
    let in_order: Vec<_> = tabs(&root)
        .iter()
        .filter(|t| t.tab_index() == 0)
        .map(|t| t.id())
        .collect();
    assert_eq!(in_order, ["tab-estimate"]);
}

/// The browser computes the same figures as the native build, bit for bit: the golden files are
/// written and checked natively by scope-core's tests/cases.rs.
#[wasm_bindgen_test]
fn estimates_match_the_native_golden_figures() {
    let examples = [
        (
            include_str!("../../../tests/cases/mature-spot-cex.json"),
            include_str!("../../../tests/cases/golden/mature-spot-cex.json"),
        ),
        (
            include_str!("../../../tests/cases/young-perp-dex.json"),
            include_str!("../../../tests/cases/golden/young-perp-dex.json"),
        ),
        (
            include_str!("../../../tests/cases/modification-kucoin.json"),
            include_str!("../../../tests/cases/golden/modification-kucoin.json"),
        ),
        (
            include_str!("../../../tests/cases/blocked.json"),
            include_str!("../../../tests/cases/golden/blocked.json"),
        ),
    ];
    for (case, golden) in examples {
        let case = scope_core::Case::from_json(case).unwrap();
        assert_eq!(
            scope_core::fingerprint::fingerprint(&case).unwrap(),
            golden,
            "{}",
            case.exchange.name
        );
    }
}
