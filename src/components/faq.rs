//! The questions the report raises, answered in our words: an accordion of
//! native `<details>` (static: they open without the wasm, and the page
//! records the open one in the URL, `state::history`) with a filter box, the
//! one island here. An embed of one answer shows it alone ([`AnswerAlone`]).

use leptos::prelude::*;

use crate::model::dataset::FaqItem;

use super::figure::RichText;
use super::page_section::PageSection;
use super::share::{share_for, Subject};
use crate::model::search::{self, matches_folded};
use crate::state::history::each;
use crate::state::{use_explorer, use_shared, Section};

/// The FAQ accordion; nothing when the report has no questions.
#[component]
pub fn FaqSection() -> impl IntoView {
    let ex = use_explorer();
    let report = ex.report();
    if report.faq.is_empty() {
        return None;
    }
    let open = ex.page().faq;
    let items = report
        .faq
        .iter()
        .map(|q| {
            view! {
                <details class="faq__item" id=format!("faq-{}", q.id) open=open.as_deref() == Some(q.id.as_str())>
                    <summary class="faq__question"><RichText text=q.question.clone() untagged=true/></summary>
                    <div class="faq__answer">
                        <p><RichText text=q.answer.clone()/></p>
                        {share_for(Subject::Answer(q.id.clone()))}
                    </div>
                </details>
            }
        })
        .collect_view();
    Some(view! {
        <PageSection section=Section::Faq>
            <FaqFilter/>
            <div class="faq">{items}</div>
        </PageSection>
    })
}

/// Shows the answers whose question or answer has every word typed (and the
/// open one), hides the others, and says how many match. Returns that count,
/// or `None` where the page has no answers to filter (outside a browser).
fn filter_answers(query: &str, open: Option<&str>, names: &[Vec<String>]) -> Option<usize> {
    let items = each::<web_sys::HtmlElement>(".faq > .faq__item");
    if items.is_empty() {
        return None;
    }
    // Lower case by the browser's Unicode tables, not the wasm's own.
    let lower = |text: &str| String::from(js_sys::JsString::from(text).to_lower_case());
    let text = |item: &web_sys::Element, selector: &str| {
        lower(
            &item
                .query_selector(selector)
                .ok()
                .flatten()
                .and_then(|e| e.text_content())
                .unwrap_or_default(),
        )
    };
    let query = lower(query);
    // No words typed: every answer shows, and no text needs reading.
    if search::words(&query).is_empty() {
        for item in &items {
            item.set_hidden(false);
        }
        return Some(items.len());
    }
    let names: Vec<Vec<String>> = names
        .iter()
        .map(|group| group.iter().map(|n| lower(n)).collect())
        .collect();
    let mut shown = 0;
    for item in items {
        let visible = matches_folded(
            &query,
            &[
                &text(&item, ".faq__question"),
                &text(&item, ".faq__answer > p"),
            ],
            &names,
        ) || item.id().strip_prefix("faq-") == open.filter(|o| !o.is_empty());
        item.set_hidden(!visible);
        shown += usize::from(visible);
    }
    Some(shown)
}

/// The filter box over the questions and the count of those that match.
#[island]
pub fn FaqFilter() -> impl IntoView {
    let shared = use_shared();
    let total = shared.catalogue().answers.len();
    let filter = RwSignal::new(String::new());
    let shown = RwSignal::new(total);
    // In the browser only (effects never run in the pre-render).
    Effect::new(move |_| {
        let query = filter.get();
        let count = shared
            .view
            .with(|v| filter_answers(&query, v.faq.as_deref(), &shared.catalogue().terms));
        shown.set(count.unwrap_or(total));
    });
    view! {
        <div class="field">
            <label class="field__label" for="faq-filter">"Filter the questions"</label>
            <input
                class="field__input"
                id="faq-filter"
                type="search"
                autocomplete="off"
                placeholder="for example: margin"
                prop:value=move || filter.get()
                on:input=move |ev| filter.set(event_target_value(&ev))
            />
        </div>
        <p class="faq__count" role="status">
            {move || match shown.get() {
                n if n == total => format!("{total} questions"),
                0 => "No question matches; try fewer words.".to_string(),
                n => format!("{n} of {total} questions match"),
            }}
        </p>
    }
}

/// One answer on its own (the embed of an answer): its question as a heading
/// and the answer. (The embed's own "Copy link" is this answer's.)
#[component]
pub fn AnswerAlone(item: FaqItem) -> impl IntoView {
    view! {
        <article class="faq__item faq__item--alone" id=format!("faq-{}", item.id)>
            <h2 class="faq__question"><RichText text=item.question untagged=true/></h2>
            <div class="faq__answer">
                <p><RichText text=item.answer/></p>
            </div>
        </article>
    }
}
