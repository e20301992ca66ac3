//! Share controls: copy the link to exactly one view, with a visible
//! confirmation, a selectable fallback when the clipboard is refused, and the
//! native share sheet where the browser has one.

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use crate::state::history::page_url;
use crate::state::{use_explorer, ViewState};

/// Copies `text` to the clipboard; false when the browser refuses.
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let clipboard = window.navigator().clipboard();
    JsFuture::from(clipboard.write_text(text)).await.is_ok()
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
#[component]
pub fn ShareButton(
    /// What is shared, for the accessible name: "this card", "this view".
    #[prop(into)]
    what: String,
    /// The view the link opens.
    #[prop(into)]
    view: Signal<ViewState>,
) -> impl IntoView {
    let ex = use_explorer();
    let status = RwSignal::new(Status::Idle);
    let native = RwSignal::new(false);
    Effect::new(move |_| native.set(can_share()));
    let fallback = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if matches!(status.get(), Status::Refused(_)) {
            if let Some(input) = fallback.get() {
                let _ = input.focus();
                input.select();
            }
        }
    });
    let link = move || page_url(&view.get_untracked().shared());
    let copy = move |_| {
        let url = link();
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
        let url = link();
        let title = view.with_untracked(|v| v.shared().title(&ex.report()));
        if let Some(nav) = web_sys::window().map(|w| w.navigator()) {
            let data = web_sys::ShareData::new();
            data.set_title(&title);
            data.set_url(&url);
            // The reader may cancel the sheet; nothing to report then.
            let _ = nav.share_with_data(&data);
        }
    };
    let copy_label = format!("Copy link to {what}");
    let share_label = format!("Share {what}");
    view! {
        <div class="share">
            <button type="button" class="button" aria-label=copy_label on:click=copy>
                "Copy link"
            </button>
            {move || native.get().then(|| view! {
                <button type="button" class="button" aria-label=share_label.clone() on:click=share>"Share…"</button>
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
