//! Share controls, an island: copy the link to exactly one view, with a
//! visible confirmation, a selectable fallback when the clipboard is refused,
//! the native share sheet where the browser has one, and for a card or an
//! answer of the page, *Embed*, which opens the Embed dialog on it.
//!
//! What a button shares depends on where it sits: on a card, that card; under
//! an answer, that answer; elsewhere, the view on screen. The pre-render says
//! so through [`share_for`]; in the browser the island finds it from its place
//! in the page, so it needs no props (and the wasm no JSON parser).

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::state::embed::embed_of;
use crate::state::history::page_url;
use crate::state::url::Focus;
use crate::state::{use_shared, Catalogue, ViewState};

/// What a share button shares.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Subject {
    /// The view on screen.
    #[default]
    View,
    /// The card with this id, open.
    Card(String),
    /// The answer with this id, open.
    Answer(String),
}

impl Subject {
    /// The subject of a button at `el`: the card or answer it sits in.
    fn of_element(el: &web_sys::Element) -> Subject {
        let id = |selector: &str, prefix: &str| {
            el.closest(selector)
                .ok()
                .flatten()
                .and_then(|e| e.id().strip_prefix(prefix).map(str::to_string))
        };
        if let Some(card) = id("article.card", "card-") {
            Subject::Card(card)
        } else if let Some(answer) = id(".faq__item", "faq-") {
            Subject::Answer(answer)
        } else {
            Subject::View
        }
    }

    /// The view the link opens, from the view on screen.
    fn view(&self, on_screen: &ViewState) -> ViewState {
        let clean = ViewState {
            card: None,
            faq: None,
            section: None,
            ..on_screen.clone()
        };
        match self {
            Subject::View => on_screen.shared(),
            Subject::Card(id) => ViewState {
                card: Some(id.clone()),
                ..clean
            }
            .shared(),
            Subject::Answer(id) => ViewState {
                faq: Some(id.clone()),
                ..clean
            }
            .shared(),
        }
    }

    /// For the buttons' accessible names: "the Revenue card", "this answer".
    fn what(&self, catalogue: &Catalogue) -> String {
        match self {
            Subject::View => "this view".into(),
            Subject::Card(id) => catalogue
                .card(id)
                .map_or_else(|| "this card".into(), |c| format!("the {} card", c.title)),
            Subject::Answer(_) => "this answer".into(),
        }
    }
}

/// The share button for `subject`, as the pre-render writes it: the island
/// reads its subject from a context of its own, which lives as long as it.
pub fn share_for(subject: Subject) -> impl IntoView {
    let owner = Owner::new();
    let button = owner.with(|| {
        provide_context(subject);
        view! { <ShareButton/> }
    });
    leptos::tachys::reactive_graph::OwnedView::new_with_owner(button, owner)
}

/// Copies `text` to the clipboard; false when the browser refuses.
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    if !clipboard_allowed(&window) {
        return false;
    }
    let clipboard = window.navigator().clipboard();
    JsFuture::from(clipboard.write_text(text)).await.is_ok()
}

/// Whether the frame may write to the clipboard, where the browser says
/// (Chromium's `document.featurePolicy`). A frame without the permission
/// (WordPress's sandbox drops `allow`) is then not asked, which would log
/// a policy violation as a console error; elsewhere the write is tried.
fn clipboard_allowed(window: &web_sys::Window) -> bool {
    let Some(document) = window.document() else {
        return false;
    };
    let policy = js_sys::Reflect::get(&document, &JsValue::from_str("featurePolicy"))
        .ok()
        .filter(|p| p.is_object());
    let Some(policy) = policy else {
        return true;
    };
    js_sys::Reflect::get(&policy, &JsValue::from_str("allowsFeature"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .and_then(|f| f.call1(&policy, &JsValue::from_str("clipboard-write")).ok())
        .is_none_or(|allowed| allowed.as_bool() != Some(false))
}

fn can_share() -> bool {
    web_sys::window()
        .map(|w| js_sys::Reflect::has(&w.navigator(), &"share".into()).unwrap_or(false))
        .unwrap_or(false)
}

#[derive(Clone, Debug, PartialEq)]
enum Status {
    Idle,
    Copied,
    /// The clipboard was refused: the link is shown selected instead.
    Refused(String),
}

/// "Copy link" for a view, plus "Share…" where there is a share sheet.
#[island]
pub fn ShareButton() -> impl IntoView {
    let shared = use_shared();
    let subject = RwSignal::new(use_context::<Subject>().unwrap_or_default());
    let root = NodeRef::<leptos::html::Div>::new();
    let status = RwSignal::new(Status::Idle);
    let native = RwSignal::new(false);
    Effect::new(move |_| {
        native.set(can_share());
        if let Some(el) = root.get() {
            subject.set(Subject::of_element(&el));
        }
    });
    let fallback = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if matches!(status.get(), Status::Refused(_)) {
            if let Some(input) = fallback.get() {
                let _ = input.focus();
                input.select();
            }
        }
    });
    let target = move || subject.with(|s| shared.view.with_untracked(|v| s.view(v)));
    let copy = move |_| {
        let url = page_url(&target());
        leptos::task::spawn_local(async move {
            let copied = copy_text(&url).await;
            status.set(if copied {
                Status::Copied
            } else {
                Status::Refused(url)
            });
            if copied {
                set_timeout(
                    move || {
                        status.update(|s| {
                            if *s == Status::Copied {
                                *s = Status::Idle
                            }
                        })
                    },
                    std::time::Duration::from_secs(4),
                );
            }
        });
    };
    let share = move |_| {
        let view = target();
        let title = view.title(&shared.catalogue());
        if let Some(nav) = web_sys::window().map(|w| w.navigator()) {
            let data = web_sys::ShareData::new();
            data.set_title(&title);
            data.set_url(&page_url(&view));
            // The reader may cancel the sheet; nothing to report then.
            let _ = nav.share_with_data(&data);
        }
    };
    let what = move || subject.with(|s| s.what(&shared.catalogue()));
    // A card or an answer of the page can be embedded: its button opens the
    // Embed dialog (in the toolbar) on it.
    let embeddable = move || {
        let focus = subject.with(|s| match s {
            Subject::View => None,
            Subject::Card(id) => Some(Focus::Card(id.clone())),
            Subject::Answer(id) => Some(Focus::Answer(id.clone())),
        });
        focus.filter(|_| !shared.view.with(|v| v.embed))
    };
    let embed = move |_| {
        if let Some(focus) = embeddable() {
            let view = shared
                .view
                .with_untracked(|v| embed_of(&shared.catalogue(), &focus, v));
            shared.embed_request.set(Some(view));
        }
    };
    view! {
        <div class="share" node_ref=root>
            <button type="button" class="button" aria-label=move || format!("Copy link to {}", what()) on:click=copy>
                "Copy link"
            </button>
            // Always written, so hydration changes nothing; the styles hide
            // it where it has nothing to offer (the toolbar's own share, an
            // embed).
            <button type="button" class="button share__embed" aria-label=move || format!("Embed {}", what()) on:click=embed>
                "Embed"
            </button>
            {move || native.get().then(|| view! {
                <button type="button" class="button" aria-label=move || format!("Share {}", what()) on:click=share>"Share…"</button>
            })}
            <span class="share__status" role="status">
                {move || (status.get() == Status::Copied).then_some("Link copied")}
            </span>
            {move || match status.get() {
                Status::Refused(url) => Some(view! {
                    <label class="share__fallback">
                        "The clipboard is not available here: copy this link (Ctrl+C or ⌘C)."
                        <input node_ref=fallback readonly value=url.clone() prop:value=url on:click=move |ev| {
                            event_target::<web_sys::HtmlInputElement>(&ev).select();
                        }/>
                    </label>
                }),
                _ => None,
            }}
        </div>
    }
}
