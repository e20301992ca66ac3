//! The Embed dialog, an island: the two snippets that embed the current view
//! in an article (loader form and plain iframe), each with a copy button.

use leptos::prelude::*;

use super::share::copy_text;
use crate::state::embed::{choices, snippets, Choice, Snippets, FIXED_HEIGHT};
use crate::state::history::{page_url, published_loader};
use crate::state::{use_shared, ViewState};

/// One snippet with its label and copy button.
#[component]
fn Snippet(
    /// The element id of its textarea.
    id: &'static str,
    #[prop(into)] label: String,
    #[prop(into)] hint: String,
    #[prop(into)] code: Signal<String>,
) -> impl IntoView {
    let copied = RwSignal::new(false);
    let copy = move |_| {
        let text = code.get_untracked();
        leptos::task::spawn_local(async move {
            let ok = copy_text(&text).await;
            copied.set(ok);
            if !ok {
                // Fallback: select the snippet for the reader to copy.
                if let Some(el) = document().get_element_by_id(id) {
                    if let Ok(area) =
                        wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlTextAreaElement>(el)
                    {
                        let _ = area.focus();
                        area.select();
                    }
                }
            }
        });
    };
    view! {
        <div class="dialog__snippet">
            <label class="field__label" for=id>{label}</label>
            <p class="dialog__hint">{hint}</p>
            <textarea id=id readonly prop:value=move || code.get()>{move || code.get()}</textarea>
            <div class="share">
                <button type="button" class="button" on:click=copy>"Copy code"</button>
                <span class="share__status" role="status">{move || copied.get().then_some("Copied")}</span>
            </div>
        </div>
    }
}

/// The "Embed" button and its dialog: what to embed (the open card or
/// answer alone, or its section), then the two snippets for it.
#[island]
pub fn EmbedDialog() -> impl IntoView {
    let shared = use_shared();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let offered = RwSignal::new(Vec::<Choice>::new());
    let chosen = RwSignal::new(0usize);
    let code = RwSignal::new(Snippets {
        loader: String::new(),
        iframe: String::new(),
    });
    // Snippets are written in event handlers only: they need the page's address.
    let fill = move |i: usize| {
        chosen.set(i);
        let Some(view) = offered.with_untracked(|c| c.get(i).map(|c| c.view.clone())) else {
            return;
        };
        let title = view.shared().title(&shared.catalogue());
        let base = page_url(&ViewState::default());
        code.set(snippets(&base, &view, &title, &published_loader()));
    };
    let open = move |_| {
        offered.set(
            shared
                .view
                .with_untracked(|v| choices(&shared.catalogue(), v)),
        );
        fill(0);
        if let Some(d) = dialog.get() {
            let _ = d.show_modal();
        }
    };
    let close = move |_| {
        if let Some(d) = dialog.get() {
            d.close();
        }
    };
    // Two places for the choices (the card or answer, and the section), so
    // the dialog only fills them in: no list is built in the browser.
    let options = (0..2)
        .map(|i| {
            view! {
                <label class="dialog__choice" hidden=move || offered.with(|c| c.len() <= i)>
                    <input
                        type="radio"
                        name="embed-what"
                        prop:checked=move || chosen.get() == i
                        on:change=move |_| fill(i)
                    />
                    " " {move || offered.with(|c| c.get(i).map(|c| c.label.clone()).unwrap_or_default())}
                </label>
            }
        })
        .collect_view();
    view! {
        <button type="button" class="button" on:click=open>"Embed"</button>
        <dialog class="dialog" node_ref=dialog aria-labelledby="embed-title">
            <h2 class="dialog__title" id="embed-title">"Embed in an article"</h2>
            <p>"Paste one of these into an article. The embed follows the page's light or dark theme and works from 280 px wide."</p>
            <fieldset class="dialog__choices">
                <legend class="field__label">"What to embed"</legend>
                {options}
            </fieldset>
            <Snippet
                id="embed-loader"
                label="Self-sizing (recommended)"
                hint="A link that the loader script turns into an embed that grows and shrinks with its content. Without scripts, readers still get the link."
                code=Signal::derive(move || code.with(|c| c.loader.clone()))
            />
            <Snippet
                id="embed-iframe"
                label="Plain iframe"
                hint=format!("For pages that allow no scripts. Its height is fixed at {FIXED_HEIGHT} px, and it scrolls inside.")
                code=Signal::derive(move || code.with(|c| c.iframe.clone()))
            />
            <div class="dialog__actions">
                <button type="button" class="button" on:click=close>"Close"</button>
            </div>
        </dialog>
    }
}
