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

/// A fresh element in a page with nothing saved: each test starts as a first visit.
fn fresh_root() -> Element {
    let window = web_sys::window().unwrap();
    if let Ok(Some(storage)) = window.local_storage() {
        storage.clear().unwrap();
    }
    let document = window.document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

/// Yew renders on a later turn of the event loop; a few turns let nested updates settle.
async fn rendered() {
    for _ in 0..4 {
        yew::platform::time::sleep(Duration::from_millis(0)).await;
    }
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
    let root = mount_app();
    rendered().await;

    let labels: Vec<_> = tabs(&root)
        .iter()
        .map(|t| t.text_content().unwrap())
        .collect();
    assert_eq!(
        labels,
        [
            "Maturity",
            "Estimate",
            "Candidates",
            "Agreement",
            "Process",
            "Proposal",
            "Cases"
        ]
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
    let root = mount_app();
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
        ["Cases"],
        "ArrowLeft wraps to the last tool"
    );
    let active = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .active_element()
        .unwrap();
    assert_eq!(active.id(), "tab-cases", "focus follows the selection");

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
            scope_core::estimate::fingerprint::fingerprint(&case).unwrap(),
            golden,
            "{}",
            case.exchange.name
        );
    }
}

/// Share links are one format whoever deflates: a link made natively by miniz_oxide (as every
/// link was before the browser deflated them) opens through the browser's DecompressionStream,
/// and a link the browser deflates opens natively.
#[wasm_bindgen_test]
async fn share_links_open_whoever_deflated_them() {
    use scope_core::formats::share;
    use scope_core::workbench::WorkbenchAction;
    use scope_web::deflate;

    let case =
        scope_core::Case::from_json(include_str!("../../../tests/cases/blocked.json")).unwrap();
    let old = include_str!("fixtures/blocked.link").trim();
    match scope_web::state::open_link(old).await {
        WorkbenchAction::Add(cases, notice) => {
            assert_eq!(cases, vec![case.clone()]);
            assert!(notice.contains("Opened the shared case"), "{notice}");
        }
        other => panic!("{other:?}"),
    }
    let deflated = deflate::deflate(&share::payload(&case)).await.unwrap();
    let data = share::link_data(&deflated);
    assert_eq!(share::decode(&data).unwrap(), case);

    // Cut short, and a small link that expands past the limit: said, never read.
    let cut = &old[..old.len() / 2];
    assert!(
        matches!(scope_web::state::open_link(cut).await, WorkbenchAction::Notice(Some(n)) if n.contains("damaged"))
    );
    let bomb = deflate::deflate(&vec![b' '; share::MAX_DECODED + 1])
        .await
        .unwrap();
    assert_eq!(
        deflate::inflate(&bomb, share::MAX_DECODED).await,
        Err(deflate::Failure::TooLarge)
    );
}

/// The whole app in a fresh element, saving under a key of its own: the apps of earlier tests
/// stay mounted, and apps sharing a key merge each other's saves (as two tabs do).
fn mount_app() -> Element {
    use std::sync::atomic::{AtomicU32, Ordering};
    static MOUNTS: AtomicU32 = AtomicU32::new(0);
    let root = fresh_root();
    let props = scope_web::app::AppProps {
        storage_key: Some(format!("test-{}", MOUNTS.fetch_add(1, Ordering::Relaxed))),
        ..Default::default()
    };
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    root
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} not found"))
}

fn text(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap()
}

/// Picks `value` in a select, as a user would, and lets yew render.
async fn choose(root: &Element, selector: &str, value: &str) {
    let select: web_sys::HtmlSelectElement = find(root, selector).dyn_into().unwrap();
    select.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    select
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).unwrap())
        .unwrap();
    rendered().await;
}

/// Types `value` into a text input.
async fn type_into(root: &Element, selector: &str, value: &str) {
    let input: web_sys::HtmlInputElement = find(root, selector).dyn_into().unwrap();
    input.set_value(value);
    let init = web_sys::InputEventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&web_sys::InputEvent::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    rendered().await;
}

async fn open(root: &Element, tool: &str) {
    find(root, &format!("#tab-{tool}"))
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
    rendered().await;
}

#[wasm_bindgen_test]
async fn maturity_updates_as_answers_change() {
    let root = mount_app();
    rendered().await;
    // A new case: nothing answered, everything counted as partial.
    let before: f64 = text(&root, "[data-testid=score]").parse().unwrap();
    choose(&root, "#cs-api-ws_order_book", "documented_with_examples").await;
    let after: f64 = text(&root, "[data-testid=score]").parse().unwrap();
    assert!(after > before, "{before} -> {after}");

    choose(&root, "#cs-api-rest_create_order", "not_available").await;
    assert_eq!(text(&root, "[data-testid=rank]"), "Blocked");
    assert!(text(&root, ".blockers").contains("Create order"));

    // Perpetual items appear only for a perpetual connector.
    assert!(
        root.query_selector("#cs-api-perp_positions")
            .unwrap()
            .is_none()
    );
    let perpetual: HtmlElement = find(&root, "#cs-market-perpetual").dyn_into().unwrap();
    perpetual.click();
    rendered().await;
    assert!(
        root.query_selector("#cs-api-perp_positions")
            .unwrap()
            .is_some()
    );
}

#[wasm_bindgen_test]
async fn estimate_keeps_the_last_valid_figures_and_names_the_field() {
    let root = mount_app();
    rendered().await;
    open(&root, "estimate").await;
    let cost = text(&root, "[data-testid=cost] td");
    type_into(&root, "#cs-estimate-hourly_rate", "7o").await;
    assert!(text(&root, "#cs-estimate-hourly_rate-error").contains("is not an amount"));
    assert_eq!(
        text(&root, "[data-testid=cost] td"),
        cost,
        "the last valid figures stay"
    );
    assert!(root.query_selector(".stale").unwrap().is_some());

    type_into(&root, "#cs-estimate-hourly_rate", "150").await;
    assert!(
        root.query_selector("#cs-estimate-hourly_rate-error")
            .unwrap()
            .is_none()
    );
    assert_ne!(text(&root, "[data-testid=cost] td"), cost);

    type_into(&root, "#cs-estimate-availability_hours_per_week", "500").await;
    assert!(
        text(&root, "#cs-estimate-availability_hours_per_week-error").contains("between 1 and 80")
    );
    // The charts and the task table are drawn.
    assert!(
        root.query_selector(".chart svg rect.bar")
            .unwrap()
            .is_some()
    );
    assert!(
        root.query_selector("tr[data-task=order_book_data_source]")
            .unwrap()
            .is_some()
    );
}

#[wasm_bindgen_test]
async fn process_follows_the_path_and_the_statuses() {
    let root = mount_app();
    rendered().await;
    open(&root, "process").await;
    assert_eq!(
        text(&root, "tr[data-stage=maintainer_assignment] .badge"),
        "required"
    );
    let maintained: HtmlElement = find(&root, "#cs-path-exchange_maintained")
        .dyn_into()
        .unwrap();
    maintained.click();
    rendered().await;
    assert_eq!(
        text(&root, "tr[data-stage=maintainer_assignment] .badge"),
        "skipped"
    );
    assert!(
        text(&root, "tr[data-stage=maintainer_assignment] .reason")
            .contains("no developer-maintainer assignment")
    );

    assert_eq!(text(&root, "[data-testid=next-stage]"), "Initial call");
    choose(&root, "#cs-stage-initial_call", "done").await;
    assert_eq!(text(&root, "[data-testid=next-stage]"), "Scoping");
}

#[wasm_bindgen_test]
async fn an_example_loads_with_the_cli_figures() {
    let root = mount_app();
    rendered().await;
    choose(&root, "#cs-start", "Mature spot CEX").await;
    // tests/cases/golden/mature-spot-cex.json: score 92.5, cost P50 12316.50.
    assert_eq!(text(&root, "[data-testid=score]"), "92.5");
    open(&root, "estimate").await;
    assert_eq!(text(&root, "[data-testid=cost] td"), "12,316.50");
}

fn ranking(root: &Element) -> Vec<String> {
    let list = root
        .query_selector_all(".ranking .candidate .name")
        .unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().text_content().unwrap())
        .collect()
}

#[wasm_bindgen_test]
async fn candidates_rank_live_and_the_selection_feeds_the_estimate() {
    let root = mount_app();
    rendered().await;
    open(&root, "candidates").await;
    assert!(text(&root, "[data-testid=ranking-empty]").contains("add at least one candidate"));
    choose(&root, "#cs-start", "Mature spot CEX").await;
    open(&root, "candidates").await;
    assert_eq!(
        ranking(&root),
        ["Ana Ribeiro", "Tomasz Nowak", "Kenji Mori", "Lea Fischer"]
    );
    assert_eq!(
        text(
            &root,
            "[data-candidate='Ana Ribeiro'] [data-testid=candidate-score]"
        ),
        "0.851"
    );
    assert!(
        text(&root, "[data-candidate='Lea Fischer']")
            .contains("dominated by Ana Ribeiro, Tomasz Nowak")
    );

    // A value that is not a number is named, and the ranking stays.
    type_into(
        &root,
        "tr[data-row='0'] input[aria-label='Cost of Ana Ribeiro']",
        "a lot",
    )
    .await;
    assert!(text(&root, "tr[data-row='0']").contains("\"a lot\" is not a number"));
    assert_eq!(ranking(&root)[0], "Ana Ribeiro");
    // A much dearer Ana loses first place.
    type_into(
        &root,
        "tr[data-row='0'] input[aria-label='Cost of Ana Ribeiro']",
        "400",
    )
    .await;
    assert_eq!(ranking(&root)[0], "Tomasz Nowak");

    // AHP weights show their consistency.
    choose(&root, "#cs-weight-mode", "ahp").await;
    assert!(text(&root, "[data-testid=cr]").starts_with("Consistency ratio 0.000"));
    choose(&root, "#cs-ahp-0-1", "0").await;
    // Seniority 9 times experience while both equal everything else cannot all hold.
    assert!(!text(&root, "[data-testid=cr]").starts_with("Consistency ratio 0.000"));

    // Selecting Tomasz makes his rate and availability the estimate's.
    let select: HtmlElement = find(&root, "[data-candidate='Tomasz Nowak'] button")
        .dyn_into()
        .unwrap();
    select.click();
    rendered().await;
    open(&root, "estimate").await;
    let rate: web_sys::HtmlInputElement =
        find(&root, "#cs-estimate-hourly_rate").dyn_into().unwrap();
    assert_eq!(rate.value(), "60");
}

#[wasm_bindgen_test]
async fn agreement_projects_and_validates() {
    let root = mount_app();
    rendered().await;
    open(&root, "agreement").await;
    let variable: HtmlElement = find(&root, "#cs-agreement-kind-variable")
        .dyn_into()
        .unwrap();
    variable.click();
    rendered().await;
    // The starting point: 1,000,000 a month x 0.1% x 30% = 300.00 a month, 3,600.00 a year.
    assert_eq!(
        text(&root, "[data-testid=agreement-total] td"),
        "USD 3,600.00"
    );
    assert_eq!(
        text(&root, "[data-testid=agreement-developer] td"),
        "USD 720.00"
    );
    type_into(&root, "#cs-agreement-share_pct", "130").await;
    assert!(text(&root, "#cs-agreement-share_pct-error").contains("between 0 and 100"));
    assert_eq!(
        text(&root, "[data-testid=agreement-total] td"),
        "USD 3,600.00"
    );
    type_into(&root, "#cs-agreement-share_pct", "45").await;
    assert_eq!(
        text(&root, "[data-testid=agreement-total] td"),
        "USD 5,400.00"
    );
    assert!(text(&root, "[data-testid=placement]").starts_with("45% is above 13"));
}

#[wasm_bindgen_test]
fn a_crash_says_so_as_text_with_a_way_back() {
    scope_web::show_crash("<b>index out of bounds</b>");
    let document = web_sys::window().unwrap().document().unwrap();
    let banner = document
        .query_selector(".crash[role=alert]")
        .unwrap()
        .unwrap();
    assert!(
        banner
            .text_content()
            .unwrap()
            .contains("<b>index out of bounds</b>"),
        "the message is text, not markup"
    );
    assert!(banner.query_selector("b").unwrap().is_none());
    assert!(banner.query_selector("a[href]").unwrap().is_some());
    banner.remove();
}
