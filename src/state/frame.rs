//! The browser side of presentation and embedding: applies the theme and
//! background, and inside an iframe reports the content height to the host
//! and takes theme messages from it (format in [`super::embed`]). Until the
//! host names itself with a theme message, sizes go to any window and carry
//! no view; after that, only to the host's origin. Shown by WordPress (which
//! adds `#?secret=…` to the address), it also sends WordPress's height
//! message with that secret, and again when WordPress says `ready`.
//! Effects only.

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

fn post(to: &web_sys::Window, json: &str, target_origin: &str) {
    if let Ok(message) = js_sys::JSON::parse(json) {
        let _ = to.post_message(&message, target_origin);
    }
}

fn content_height(root: &web_sys::Element) -> u32 {
    root.get_bounding_client_rect().height().ceil() as u32
}

/// Reports the content height: to any window, without the reader's view,
/// until the host has named itself; then to the host's origin only, with it.
/// To WordPress, with the secret it gave.
fn report(
    to: &web_sys::Window,
    height: u32,
    view: &ViewState,
    host: Option<&str>,
    secret: Option<&str>,
) {
    match host {
        Some(origin) => post(to, &embed::size_message(height, Some(view)), origin),
        None => post(to, &embed::size_message(height, None), "*"),
    }
    // The height alone, which any page may know.
    post(to, &embed::amp_size_message(height), "*");
    if let Some(secret) = secret {
        post(to, &embed::wordpress_height_message(height, secret), "*");
    }
}

/// Starts applying the theme and, when embedded, talking to the host page;
/// `secret` is WordPress's, read from the address the page was opened at.
pub fn connect(view: RwSignal<ViewState>, secret: Option<String>) {
    // The host may set the theme at run time; that wins over the link's.
    let host_theme = RwSignal::new(None::<Theme>);
    // The host's origin, once a theme message from it has named it.
    let host_origin = RwSignal::new(None::<String>);

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

        // (The effect runs once; its closures below own their copies.)
        let secret = secret.clone();

        // Report the content height whenever it changes, growing or shrinking.
        let measured = root.clone();
        let to = parent.clone();
        let last = std::cell::Cell::new(0u32);
        let secret_here = secret.clone();
        let on_resize = Closure::<dyn Fn()>::new(move || {
            let height = content_height(&measured);
            if height != last.replace(height) {
                let v = view.get_untracked();
                let host = host_origin.get_untracked();
                report(&to, height, &v, host.as_deref(), secret_here.as_deref());
            }
        });
        if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            observer.observe(&root);
        }
        // The first size goes now. A host that hides the frame until it
        // speaks (WordPress clips it) stops the frame's rendering, and with it
        // the observer; layout is still measured on demand.
        let _ = on_resize
            .as_ref()
            .unchecked_ref::<js_sys::Function>()
            .call0(&JsValue::NULL);
        // The observer lives as long as the page.
        on_resize.forget();

        // For WordPress's link messages, below.
        let (link_target, link_secret) = (parent.clone(), secret.clone());

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
                let data = ev.data();
                let field = |name: &str| js_sys::Reflect::get(&data, &JsValue::from_str(name)).ok();
                // WordPress is ready: it gets the height again.
                if let Some(ours) = secret.as_deref() {
                    let said = |name: &str| field(name).and_then(|v| v.as_string());
                    if embed::is_wordpress_ready(
                        said("message").as_deref(),
                        said("secret").as_deref(),
                        ours,
                    ) {
                        let v = view.get_untracked();
                        let host = host_origin.get_untracked();
                        report(
                            &parent,
                            content_height(&root),
                            &v,
                            host.as_deref(),
                            Some(ours),
                        );
                        return;
                    }
                }
                let (kind, version, theme) = (
                    field("type").and_then(|v| v.as_string()),
                    field("version").and_then(|v| v.as_f64()),
                    field("theme").and_then(|v| v.as_string()),
                );
                if let Some(theme) =
                    embed::theme_from_message(kind.as_deref(), version, theme.as_deref())
                {
                    host_theme.set(Some(theme));
                    let origin = ev.origin();
                    if let Some(origin) = embed::host_origin(&origin) {
                        let first = host_origin.get_untracked().is_none();
                        host_origin.set(Some(origin.to_owned()));
                        // Named at last: tell the host the size and the view now.
                        if first {
                            let v = view.get_untracked();
                            report(
                                &parent,
                                content_height(&root),
                                &v,
                                Some(origin),
                                secret.as_deref(),
                            );
                        }
                    }
                }
            });
        if let Some(w) = web_sys::window() {
            let _ =
                w.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
        }
        on_message.forget();

        // In WordPress's sandbox a link can neither open a window nor leave
        // the frame: WordPress takes the host page there when asked.
        if let (Some(secret), Some(document)) =
            (link_secret, web_sys::window().and_then(|w| w.document()))
        {
            let to = link_target;
            let on_click =
                Closure::<dyn Fn(web_sys::MouseEvent)>::new(move |ev: web_sys::MouseEvent| {
                    let link = ev
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                        .and_then(|el| el.closest("a[href]").ok().flatten())
                        .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
                    if let Some(link) = link {
                        ev.prevent_default();
                        post(
                            &to,
                            &embed::wordpress_link_message(&link.href(), &secret),
                            "*",
                        );
                    }
                });
            let _ = document
                .add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
            on_click.forget();
        }
        true
    });
}
