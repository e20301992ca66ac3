//! The browser side of presentation and embedding: applies the theme and
//! background, and inside an iframe reports the content height to the host
//! and takes theme messages from it (format in [`super::embed`]). Effects only.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::embed;
use super::url::{Theme, ViewState};

/// The window of the page embedding this one, if any.
fn parent_window() -> Option<web_sys::Window> {
    let window = web_sys::window()?;
    let parent = window.parent().ok().flatten()?;
    (!js_sys::Object::is(&parent, &window)).then_some(parent)
}

fn post(to: &web_sys::Window, json: &str) {
    if let Ok(message) = js_sys::JSON::parse(json) {
        // Sizes and view names only: nothing here is private to the host or the reader.
        let _ = to.post_message(&message, "*");
    }
}

/// Starts applying the theme and, when embedded, talking to the host page.
pub fn connect(view: RwSignal<ViewState>) {
    // The host may set the theme at run time; that wins over the link's.
    let host_theme = RwSignal::new(None::<Theme>);

    Effect::new(move |_| {
        let (theme, transparent) = view.with(|v| (v.theme, v.transparent));
        let theme = host_theme.get().unwrap_or(theme);
        let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        else {
            return;
        };
        let _ = match theme {
            Theme::Auto => root.remove_attribute("data-theme"),
            t => root.set_attribute("data-theme", t.as_str()),
        };
        let _ = if transparent {
            root.set_attribute("data-bg", "transparent")
        } else {
            root.remove_attribute("data-bg")
        };
    });

    Effect::new(move |started: Option<bool>| {
        if started.is_some() || !view.with_untracked(|v| v.embed) {
            return true;
        }
        let Some(parent) = parent_window() else {
            return true;
        };
        let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        else {
            return true;
        };

        // Report the content height whenever it changes, growing or shrinking.
        let measured = root.clone();
        let to = parent.clone();
        let last = std::cell::Cell::new(0u32);
        let on_resize = Closure::<dyn Fn()>::new(move || {
            let height = measured.get_bounding_client_rect().height().ceil() as u32;
            if height != last.replace(height) {
                let v = view.get_untracked();
                post(&to, &embed::size_message(height, &v));
                post(&to, &embed::amp_size_message(height));
            }
        });
        if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            observer.observe(&root);
        }
        // The observer lives as long as the page.
        on_resize.forget();

        // Theme messages, from the embedding window only.
        let on_message =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                let from_parent = ev
                    .source()
                    .map(|s| js_sys::Object::is(&s, &JsValue::from(parent.clone())))
                    .unwrap_or(false);
                if !from_parent {
                    return;
                }
                let text = js_sys::JSON::stringify(&ev.data())
                    .ok()
                    .and_then(|s| s.as_string())
                    .unwrap_or_default();
                if let Some(theme) = embed::theme_from_message(&text) {
                    host_theme.set(Some(theme));
                }
            });
        if let Some(w) = web_sys::window() {
            let _ =
                w.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
        }
        on_message.forget();
        true
    });
}
