//! Component tests in headless Chromium: the basis switch, a card and the FAQ
//! behave in a real DOM and keep the URL in step.
#![cfg(target_arch = "wasm32")]

use earnings_explorer::App;
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Mounts the app in a fresh container, at `url` relative to the origin.
fn mount(url: &str) -> HtmlElement {
    mount_report(url, None)
}

/// Mounts the app for `report` (the bundled one when `None`) at `url`.
fn mount_report(url: &str, report: Option<earnings_explorer::model::Report>) -> HtmlElement {
    let window = web_sys::window().unwrap();
    window
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("/{url}")))
        .unwrap();
    let doc = document();
    let root: HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&root).unwrap();
    let report = std::sync::Arc::new(report.unwrap_or_else(earnings_explorer::bundled::report));
    let url = url.to_string();
    mount_to(root.clone(), move || view! { <App report=report url=url/> }).forget();
    root
}

/// The fictional second report, compiled in for this test by `build.rs`.
fn acme() -> earnings_explorer::model::Report {
    include!(concat!(env!("OUT_DIR"), "/fixture_report.rs"))
}

/// Lets effects and queued DOM events (such as `toggle`) run.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30)
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

#[wasm_bindgen_test]
async fn the_basis_switch_changes_cards_shows_the_bridge_and_the_url() {
    let root = mount("");
    settle().await;
    let net_loss = find(&root, "#card-net-loss .card__value");
    assert!(text(&net_loss).contains("−$14.0M"), "{}", text(&net_loss));
    let slot = find(&root, ".bridge-slot");
    assert!(slot.hidden(), "the bridge waits, hidden, on the GAAP basis");

    find(&root, "input[value=non-gaap]").click();
    settle().await;
    assert!(text(&net_loss).contains("−$2.5M"), "{}", text(&net_loss));
    assert!(!slot.hidden());
    assert!(text(&find(&root, ".bridge")).contains("stock-based compensation"));
    assert_eq!(search(), "non-gaap/");
    assert!(find(&root, "input[value=non-gaap]")
        .unchecked_into::<HtmlInputElement>()
        .checked());

    find(&root, "input[value=gaap]").click();
    settle().await;
    assert!(text(&net_loss).contains("−$14.0M"));
    assert!(slot.hidden());
    assert_eq!(search(), "");
    root.remove();
}

#[wasm_bindgen_test]
async fn opening_a_card_records_it_and_closes_the_other() {
    let root = mount("card/eps/");
    settle().await;
    let eps: web_sys::HtmlDetailsElement = find(&root, "#card-eps details").unchecked_into();
    assert!(eps.open(), "the card named in the URL starts open");

    find(&root, "#card-revenue summary").click();
    settle().await;
    let revenue: web_sys::HtmlDetailsElement =
        find(&root, "#card-revenue details").unchecked_into();
    assert!(revenue.open());
    assert!(!eps.open(), "one card is open at a time");
    assert_eq!(search(), "card/revenue/");
    assert!(text(&find(&root, "#card-revenue")).contains("Revenue a year earlier"));

    find(&root, "#card-revenue summary").click();
    settle().await;
    assert!(!revenue.open());
    assert_eq!(search(), "");
    root.remove();
}

#[wasm_bindgen_test]
async fn the_faq_filter_narrows_the_questions_and_an_answer_opens() {
    let root = mount("");
    settle().await;
    let input: HtmlInputElement = find(&root, "#faq-filter").unchecked_into();
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
    assert_eq!(text(&find(&root, ".faq__count")), "1 of 9 questions match");

    find(&root, "#faq-wafer-scale summary").click();
    settle().await;
    assert_eq!(search(), "faq/wafer-scale/");
    assert_eq!(
        web_sys::window().unwrap().document().unwrap().title(),
        "What is a wafer-scale chip? — Cerebras Systems Q1 2026"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn a_bad_link_falls_back_and_says_so() {
    let root = mount("?card=%3Cb%3Enope&basis=ifrs");
    settle().await;
    let notice = text(&find(&root, ".notice__list"));
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
    root.remove();
}

#[wasm_bindgen_test]
async fn a_second_report_switches_to_its_non_gaap_eps_and_its_two_step_bridge() {
    let root = mount_report("card/eps/", Some(acme()));
    settle().await;
    let eps = find(&root, "#card-eps .card__value");
    assert!(text(&eps).contains("$0.41"), "{}", text(&eps));
    find(&root, "input[value=non-gaap]").click();
    settle().await;
    assert!(text(&eps).contains("$0.58"), "{}", text(&eps));
    assert!(text(&find(&root, "#card-eps summary")).contains("Beat"));
    let bridge = text(&find(&root, ".bridge"));
    assert!(
        bridge.contains("Share-based pay")
            && bridge.contains("Amortisation of acquired intangibles"),
        "{bridge}"
    );
    assert!(text(&find(&root, "#card-net-income .card__value")).contains("$22.4M"));
    assert_eq!(search(), "non-gaap/card/eps/");
    root.remove();
}
