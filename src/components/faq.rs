//! The questions the report raises, answered in our words: an accordion of
//! native `<details>` with a filter box. The open answer lives in the URL.
//! An embed of one answer shows it alone ([`AnswerAlone`]).

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::dataset::FaqItem;

use super::figure::RichText;
use super::page_section::PageSection;
use super::share::ShareButton;
use crate::model::search::matches;
use crate::state::{use_explorer, Section, ViewState};

struct Entry {
    id: String,
    question: String,
    answer: String,
    /// The question and the answer with figures filled in, for the filter.
    plain_question: String,
    plain: String,
}

/// The FAQ accordion; nothing when the report has no questions.
#[component]
pub fn FaqSection() -> impl IntoView {
    let ex = use_explorer();
    let report = ex.report();
    if report.faq.is_empty() {
        return None;
    }
    let entries: Arc<Vec<Entry>> = Arc::new(
        report
            .faq
            .iter()
            .map(|q| Entry {
                id: q.id.clone(),
                question: q.question.clone(),
                plain_question: report.plain_text(&q.question),
                answer: q.answer.clone(),
                plain: report.plain_text(&q.answer),
            })
            .collect(),
    );
    let filter = RwSignal::new(String::new());
    let visible = move |e: &Entry| {
        filter.with(|f| matches(f, &[&e.plain_question, &e.plain])) || ex.faq_open(&e.id)
    };
    let total = entries.len();
    let count = {
        let entries = entries.clone();
        Memo::new(move |_| entries.iter().filter(|e| visible(e)).count())
    };
    let items = (0..entries.len())
        .map(|i| {
            let all = entries.clone();
            let e = &entries[i];
            let id = StoredValue::new(e.id.clone());
            view! {
                <details
                    class="faq__item"
                    id=format!("faq-{}", e.id)
                    open=move || id.with_value(|id| ex.faq_open(id))
                    hidden=move || !visible(&all[i])
                    on:toggle=move |ev| {
                        let el = event_target::<web_sys::HtmlDetailsElement>(&ev);
                        id.with_value(|id| ex.toggle_faq(id, el.open()));
                    }
                >
                    <summary class="faq__question"><RichText text=e.question.clone()/></summary>
                    <div class="faq__answer">
                        <p><RichText text=e.answer.clone()/></p>
                        <ShareButton
                            what="this answer"
                            view=Signal::derive(move || ViewState { faq: Some(id.get_value()), card: None, section: None, ..ex.view.get() })
                        />
                    </div>
                </details>
            }
        })
        .collect_view();
    Some(view! {
        <PageSection section=Section::Faq>
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
                {move || match count.get() {
                    n if n == total => format!("{total} questions"),
                    0 => "No question matches; try fewer words.".to_string(),
                    n => format!("{n} of {total} questions match"),
                }}
            </p>
            <div class="faq">{items}</div>
        </PageSection>
    })
}

/// One answer on its own (the embed of an answer): its question as a heading
/// and the answer. (The embed's own "Copy link" is this answer's.)
#[component]
pub fn AnswerAlone(item: FaqItem) -> impl IntoView {
    view! {
        <article class="faq__item faq__item--alone" id=format!("faq-{}", item.id)>
            <h2 class="faq__question"><RichText text=item.question/></h2>
            <div class="faq__answer">
                <p><RichText text=item.answer/></p>
            </div>
        </article>
    }
}
