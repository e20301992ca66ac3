//! The Embed dialog, an island: what to embed, in which form, theme and
//! background, a live preview, and the two snippets that embed it in an
//! article (loader form and plain iframe), each with a copy button.

use leptos::prelude::*;

use super::share::copy_text;
use crate::state::embed::{choices, embed_of, snippets, Snippets, FIXED_HEIGHT};
use crate::state::history::{page_url, published_loader};
use crate::state::url::{Focus, Theme};
use crate::state::{use_shared, Catalogue, Section, ViewState};

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

/// The key of what an embed is about, as the dialog's list writes it:
/// `card/<id>`, `faq/<id>` or `section/<name>`.
fn key(focus: &Focus) -> String {
    match focus {
        Focus::Card(id) => format!("card/{id}"),
        Focus::Answer(id) => format!("faq/{id}"),
        Focus::Section(s) => format!("section/{}", s.as_str()),
    }
}

/// What a key of the dialog's list names, if the report has it.
fn focus_of(key: &str, catalogue: &Catalogue) -> Option<Focus> {
    let (kind, id) = key.split_once('/')?;
    match kind {
        "card" => catalogue.card(id).map(|c| Focus::Card(c.id.clone())),
        "faq" => catalogue.answer(id).map(|q| Focus::Answer(q.id.clone())),
        "section" => Section::parse(id)
            .filter(|s| catalogue.has(*s))
            .map(Focus::Section),
        _ => None,
    }
}

/// A radio button of the dialog.
#[component]
fn Choice(
    /// The group's name.
    name: &'static str,
    #[prop(into)] label: String,
    #[prop(into)] checked: Signal<bool>,
    #[prop(into, optional)] disabled: Signal<bool>,
    /// What choosing it changes.
    pick: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <label class="dialog__choice">
            <input
                type="radio"
                name=name
                prop:checked=move || checked.get()
                prop:disabled=move || disabled.get()
                on:change=move |_| pick()
            />
            " " {label}
        </label>
    }
}

/// The "Embed" button and its dialog: what to embed (any card, answer or
/// section; the view on screen first, or what a card's *Embed* asked for),
/// its form, theme and background, a live preview, and the two snippets.
#[island]
pub fn EmbedDialog() -> impl IntoView {
    let shared = use_shared();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    // The embed being written.
    let chosen = RwSignal::new(ViewState {
        embed: true,
        section: Some(Section::Metrics),
        ..ViewState::default()
    });
    let open = RwSignal::new(false);
    let code = RwSignal::new(Snippets {
        loader: String::new(),
        iframe: String::new(),
    });
    // The snippets need the page's address: written in an effect, which
    // runs in the browser only.
    Effect::new(move |_| {
        let view = chosen.get();
        let title = view.shared().title(&shared.catalogue());
        let base = page_url(&ViewState::default());
        code.set(snippets(&base, &view, &title, &published_loader()));
    });
    let show = move |view: ViewState| {
        chosen.set(view);
        open.set(true);
        if let Some(d) = dialog.get() {
            let _ = d.show_modal();
        }
    };
    Effect::new(move |_| {
        if let Some(view) = shared.embed_request.get() {
            shared.embed_request.set(None);
            show(view);
        }
    });
    let open_here = move |_| {
        let first = shared.view.with_untracked(|v| {
            choices(&shared.catalogue(), v)
                .into_iter()
                .next()
                .map(|c| c.view)
        });
        show(first.unwrap_or_default());
    };
    let close = move |_| {
        if let Some(d) = dialog.get() {
            d.close();
        }
    };
    let pick_subject = move |ev: leptos::ev::Event| {
        let catalogue = shared.catalogue();
        let Some(focus) = focus_of(&event_target_value(&ev), &catalogue) else {
            return;
        };
        chosen.update(|v| {
            let from = ViewState {
                theme: v.theme,
                transparent: v.transparent,
                ..shared.view.get_untracked()
            };
            let mut next = embed_of(&catalogue, &focus, &from);
            next.compact = v.compact && next.compacts();
            *v = next;
        });
    };
    // The list is built when the dialog opens: the page's HTML stays
    // lighter, and its titles are said once, where the reader reads them.
    let options = move || {
        open.get().then(|| {
            let catalogue = shared.catalogue();
            let option = |focus: Focus, label: String| {
                let value = key(&focus);
                let selected = move || chosen.with(|v| v.focus().as_ref() == Some(&focus));
                view! { <option value=value prop:selected=selected>{label}</option> }
            };
            let cards = catalogue
                .cards
                .iter()
                .map(|c| option(Focus::Card(c.id.clone()), c.title.clone()))
                .collect_view();
            let answers = catalogue
                .answers
                .iter()
                .map(|q| option(Focus::Answer(q.id.clone()), q.question.clone()))
                .collect_view();
            let sections = catalogue
                .sections
                .iter()
                .map(|s| option(Focus::Section(*s), s.label().to_string()))
                .collect_view();
            view! {
                <optgroup label="A card">{cards}</optgroup>
                <optgroup label="An answer">{answers}</optgroup>
                <optgroup label="A whole section">{sections}</optgroup>
            }
        })
    };
    let is = move |f: fn(&ViewState) -> bool| Signal::derive(move || chosen.with(f));
    let set = move |f: fn(&mut ViewState)| move || chosen.update(f);
    let preview = move || {
        open.get()
            .then(|| view! { <iframe class="dialog__preview-frame" title="Preview of the embed" src=move || page_url(&chosen.get())></iframe> })
    };
    view! {
        <button type="button" class="button" on:click=open_here>"Embed"</button>
        <dialog class="dialog" node_ref=dialog aria-labelledby="embed-title" on:close=move |_| open.set(false)>
            <h2 class="dialog__title" id="embed-title">"Embed in an article"</h2>
            <p>"Choose what to embed and how, then paste one of the snippets into an article. It works from 280 px wide."</p>
            <div class="dialog__field">
                <label class="field__label" for="embed-what">"What to embed"</label>
                <select id="embed-what" class="field__input" on:change=pick_subject>{options}</select>
            </div>
            <fieldset class="dialog__choices">
                <legend class="field__label">"Form"</legend>
                <Choice name="embed-form" label="Full" checked=is(|v| !v.compact) pick=set(|v| v.compact = false)/>
                <Choice name="embed-form" label="Compact: the figures only, with a link to the rest" checked=is(|v| v.compact) disabled=is(|v| !v.compacts()) pick=set(|v| v.compact = true)/>
            </fieldset>
            <fieldset class="dialog__choices">
                <legend class="field__label">"Theme"</legend>
                <Choice name="embed-theme" label="The article's (light or dark)" checked=is(|v| v.theme == Theme::Auto) pick=set(|v| v.theme = Theme::Auto)/>
                <Choice name="embed-theme" label="Light" checked=is(|v| v.theme == Theme::Light) pick=set(|v| v.theme = Theme::Light)/>
                <Choice name="embed-theme" label="Dark" checked=is(|v| v.theme == Theme::Dark) pick=set(|v| v.theme = Theme::Dark)/>
            </fieldset>
            <label class="dialog__choice">
                <input type="checkbox" prop:checked=move || chosen.with(|v| v.transparent) on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    chosen.update(|v| v.transparent = on);
                }/>
                " Transparent background: the article's colour shows through"
            </label>
            <div class="dialog__preview">
                <p class="field__label">"Preview"</p>
                {preview}
            </div>
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
