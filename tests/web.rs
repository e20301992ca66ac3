//! Component tests in headless Chromium: the page renders client-side with
//! its islands (as they hydrate in the app, with their real handlers and
//! effects), then starts as the page's script starts it (`state::start`);
//! the basis switch, a card, the FAQ filter, the share buttons and the notice
//! behave in a real DOM and keep the URL in step. Hydration from the
//! pre-rendered page itself is the end-to-end tests' part, and so is what
//! the styles show (they are not loaded here).
#![cfg(target_arch = "wasm32")]

use std::cell::Cell;
use std::rc::Rc;
use std::sync::Arc;

use earnings_explorer::model::Report;
use earnings_explorer::state::{start, Shared};
use earnings_explorer::App;
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// The page of the bundled report at `url` (relative to the origin).
fn mount(url: &str) -> (HtmlElement, Owner) {
    mount_report(url, earnings_explorer::bundled::report())
}

/// The page for `report` at `url`, started as the page's script starts it.
fn mount_report(url: &str, report: Report) -> (HtmlElement, Owner) {
    let window = web_sys::window().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("/{url}")))
        .unwrap();
    let doc = document();
    let root: HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&root).unwrap();
    // The root of every island (and the executor their effects run on).
    leptos::mount::hydrate_islands();
    let owner = Owner::new();
    owner.with(|| {
        let found = Rc::new(Cell::new(None::<Shared>));
        let (report, path, put) = (
            Arc::new(report),
            url.split(['?', '#']).next().unwrap_or_default().to_string(),
            found.clone(),
        );
        mount_to(root.clone(), move || {
            let page = view! { <App report=report url=path/> };
            put.set(use_context::<Shared>());
            page
        })
        .forget();
        let shared = found.get().expect("App provides the islands' state");
        // What the pre-render writes on <html>: the basis the page shows.
        let basis = shared.view.get_untracked().basis;
        doc.document_element()
            .unwrap()
            .set_attribute("data-basis", basis.as_str())
            .unwrap();
        start::run(shared);
    });
    (root, owner)
}

/// Removes a page and stops what it started.
fn unmount((root, owner): (HtmlElement, Owner)) {
    owner.cleanup();
    root.remove();
}

/// The fictional second report, read with the model's own validation.
fn acme() -> Report {
    Report::from_json(include_str!("fixtures/acme-q3-2025.json")).expect("the fixture is valid")
}

/// Lets effects and queued DOM events (such as `toggle`) run.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 80)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

fn find(root: &HtmlElement, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
        .unchecked_into()
}

/// The address relative to the app's base.
fn search() -> String {
    earnings_explorer::state::history::current_url()
}

fn text(el: &HtmlElement) -> String {
    el.text_content().unwrap_or_default()
}

/// The basis the page shows (`<html data-basis>`, which the styles follow).
fn basis_shown() -> String {
    document()
        .document_element()
        .unwrap()
        .get_attribute("data-basis")
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_basis_switch_changes_the_basis_shown_and_the_url() {
    let page = mount("");
    let root = &page.0;
    settle().await;
    assert_eq!(basis_shown(), "gaap");
    let forms = text(&find(root, "#card-net-loss summary"));
    assert!(
        forms.contains("−$14.0M") && forms.contains("−$2.5M"),
        "both forms are in the page: {forms}"
    );
    assert_eq!(
        find(root, ".bridge-slot")
            .dataset()
            .get("forBasis")
            .as_deref(),
        Some("non-gaap")
    );

    find(root, "input[value=non-gaap]").click();
    settle().await;
    assert_eq!(basis_shown(), "non-gaap");
    assert_eq!(search(), "non-gaap/");
    assert!(find(root, "input[value=non-gaap]")
        .unchecked_into::<HtmlInputElement>()
        .checked());
    assert_eq!(
        document().title(),
        "Cerebras Systems Q1 2026 (Non-GAAP) — Earnings Explorer"
    );
    assert!(find(root, ".switch__link[aria-current]")
        .text_content()
        .unwrap()
        .contains("Non-GAAP"));

    find(root, "input[value=gaap]").click();
    settle().await;
    assert_eq!(basis_shown(), "gaap");
    assert_eq!(search(), "");
    unmount(page);
}

#[wasm_bindgen_test]
async fn opening_a_card_records_it_and_closes_the_other() {
    let page = mount("card/eps/");
    let root = &page.0;
    settle().await;
    let eps: web_sys::HtmlDetailsElement = find(root, "#card-eps details").unchecked_into();
    assert!(eps.open(), "the card named in the URL starts open");

    find(root, "#card-revenue summary").click();
    settle().await;
    let revenue: web_sys::HtmlDetailsElement = find(root, "#card-revenue details").unchecked_into();
    assert!(revenue.open());
    assert!(!eps.open(), "one card is open at a time");
    assert_eq!(search(), "card/revenue/");
    assert!(text(&find(root, "#card-revenue")).contains("Revenue a year earlier"));

    find(root, "#card-revenue summary").click();
    settle().await;
    assert!(!revenue.open());
    assert_eq!(search(), "");
    unmount(page);
}

#[wasm_bindgen_test]
async fn back_restores_the_view_the_page_and_its_switch() {
    let page = mount("");
    let root = &page.0;
    settle().await;
    find(root, "input[value=non-gaap]").click();
    settle().await;
    find(root, "#card-net-loss summary").click();
    settle().await;
    assert_eq!(search(), "non-gaap/card/net-loss/");
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .back()
        .unwrap();
    settle().await;
    settle().await;
    assert_eq!(search(), "non-gaap/");
    let loss: web_sys::HtmlDetailsElement = find(root, "#card-net-loss details").unchecked_into();
    assert!(!loss.open(), "the card closes again");
    assert_eq!(basis_shown(), "non-gaap");
    unmount(page);
}

#[wasm_bindgen_test]
async fn the_faq_filter_narrows_the_questions_and_an_answer_opens() {
    let page = mount("");
    let root = &page.0;
    settle().await;
    assert_eq!(text(&find(root, ".faq__count")), "9 questions");
    let input: HtmlInputElement = find(root, "#faq-filter").unchecked_into();
    input.set_value("silicon wafer");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    settle().await;
    let visible: Vec<String> = {
        let items = root.query_selector_all(".faq__item").unwrap();
        (0..items.length())
            .map(|i| items.item(i).unwrap().unchecked_into::<HtmlElement>())
            .filter(|el| !el.hidden())
            .map(|el| text(&find(&el, "summary")))
            .collect()
    };
    assert_eq!(visible, ["What is a wafer-scale chip?"]);
    assert_eq!(text(&find(root, ".faq__count")), "1 of 9 questions match");

    find(root, "#faq-wafer-scale summary").click();
    settle().await;
    assert_eq!(search(), "faq/wafer-scale/");
    assert_eq!(
        document().title(),
        "What is a wafer-scale chip? — Cerebras Systems Q1 2026"
    );
    unmount(page);
}

#[wasm_bindgen_test]
async fn a_share_button_knows_what_it_shares_from_its_place() {
    let page = mount("");
    let root = &page.0;
    settle().await;
    let label = |selector: &str| {
        find(root, selector)
            .get_attribute("aria-label")
            .unwrap_or_default()
    };
    assert_eq!(label(".toolbar .share button"), "Copy link to this view");
    assert_eq!(
        label("#card-eps .share button"),
        "Copy link to the Earnings per share card"
    );
    assert_eq!(
        label("#faq-wafer-scale .share button"),
        "Copy link to this answer"
    );
    unmount(page);
}

#[wasm_bindgen_test]
async fn a_bad_link_falls_back_and_says_so() {
    let page = mount("?card=%3Cb%3Enope&basis=ifrs");
    let root = &page.0;
    settle().await;
    let notice = text(&find(root, ".notice__list"));
    assert!(
        notice.contains("named a card this report does not have"),
        "{notice}"
    );
    assert!(
        !notice.contains("nope"),
        "the link's text is never repeated: {notice}"
    );
    assert!(
        root.query_selector("b").unwrap().is_none(),
        "URL text is never markup"
    );
    assert_eq!(search(), "", "the address is tidied to the view shown");
    unmount(page);
}

#[wasm_bindgen_test]
async fn a_second_report_switches_to_its_non_gaap_eps_and_its_two_step_bridge() {
    let page = mount_report("card/eps/", acme());
    let root = &page.0;
    settle().await;
    let eps = text(&find(root, "#card-eps summary"));
    assert!(eps.contains("$0.41") && eps.contains("$0.58"), "{eps}");
    find(root, "input[value=non-gaap]").click();
    settle().await;
    assert_eq!(basis_shown(), "non-gaap");
    let bridge = text(&find(root, ".bridge"));
    assert!(
        bridge.contains("Share-based pay")
            && bridge.contains("Amortisation of acquired intangibles"),
        "{bridge}"
    );
    assert_eq!(search(), "non-gaap/card/eps/");
    assert_eq!(
        document().title(),
        "Earnings per share, Non-GAAP — Acme Robotics Q3 2025"
    );
    unmount(page);
}
