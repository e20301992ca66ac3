//! Keeps the page, the browser's address bar and history in step with the
//! view state: each change the reader makes becomes a history entry,
//! back/forward restore the view, the document title follows, and so does
//! the pre-rendered page (its basis, the open card and answer). Opening a
//! card or an answer, static `<details>`, changes the view. Browser work only
//! happens in effects and handlers, which never run when rendering natively.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::catalogue::Catalogue;
use super::context::Shared;
use super::url::{resolve, ViewState};

/// The element id a view should scroll to, if any.
fn anchor_of(view: &ViewState) -> Option<String> {
    if let Some(c) = &view.card {
        return Some(format!("card-{c}"));
    }
    if let Some(f) = &view.faq {
        return Some(format!("faq-{f}"));
    }
    view.section.map(|s| s.as_str().to_string())
}

/// The app's base path as the page states it (`<html data-base="/earnings/">`,
/// written by the pre-render), else `/`.
pub fn base_path() -> String {
    root()
        .and_then(|root| root.get_attribute("data-base"))
        .filter(|b| b.starts_with('/') && b.ends_with('/') && !b.starts_with("//"))
        .unwrap_or_else(|| "/".into())
}

/// The app's base URL: the origin and [`base_path`].
pub fn base_url() -> String {
    let origin = web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default();
    format!("{origin}{}", base_path())
}

/// The elements of the page that match `selector` and are of type `T`.
pub fn each<T: JsCast>(selector: &str) -> Vec<T> {
    let Some(list) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector_all(selector).ok())
    else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<T>().ok())
        .collect()
}

fn root() -> Option<web_sys::Element> {
    web_sys::window()?.document()?.document_element()
}

/// The view this page was pre-rendered for, the app's base path and the
/// report's catalogue, as the pre-render wrote them on
/// `<html data-view data-base>` and `<meta name="ee-catalogue">`; `None` on a page it did not
/// write.
pub fn this_page() -> Option<(String, String, Catalogue)> {
    let root = root()?;
    let view = root.get_attribute("data-view")?;
    let catalogue = root
        .owner_document()?
        .query_selector("meta[name=ee-catalogue]")
        .ok()??
        .get_attribute("content")?;
    let catalogue = Catalogue::decode(&catalogue);
    Some((view, base_path(), catalogue))
}

/// The embed loader the build published, as the page names it
/// (`<html data-loader data-loader-integrity>`); the stable `embed.js`
/// without one. A report of a site of many names it from the site's root,
/// one folder up (`../embed.<hash>.js`); any other path is refused.
pub fn published_loader() -> super::embed::Loader {
    let attr = |name: &str| root().and_then(|r| r.get_attribute(name));
    let plain = |file: &str| {
        !file
            .strip_prefix("../")
            .unwrap_or(file)
            .contains(['/', ':', '"'])
    };
    match attr("data-loader") {
        Some(file) if plain(&file) => super::embed::Loader {
            file,
            integrity: attr("data-loader-integrity"),
        },
        _ => super::embed::Loader::default(),
    }
}

/// Marks the page as run by the app (`<html class="js">`): the controls that
/// need it show, and the basis switch becomes a radio group.
pub fn mark_running() {
    if let Some(root) = root() {
        root.set_class_name("js");
    }
}

/// The absolute address of a view, e.g. for a share link.
pub fn page_url(view: &ViewState) -> String {
    resolve(&base_url(), &view.to_href())
}

/// The current address relative to the app's base, as [`ViewState::from_url`] reads it.
pub fn current_url() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let base = base_url();
    let base = &base[..base.rfind('/').map_or(0, |i| i + 1)];
    href.strip_prefix(base).unwrap_or(&href).to_string()
}

fn element(id: &str) -> Option<web_sys::Element> {
    web_sys::window()?.document()?.get_element_by_id(id)
}

/// Scrolls the element with this id into view and moves focus to it. A
/// section whose content starts closed (Sources, Glossary) opens: a link
/// that leads to it asks for it.
pub fn scroll_to(id: &str) {
    reveal(id, None);
}

/// [`scroll_to`] at once, without the page's smooth scrolling: where a link
/// leads is shown as the page opens, and a glide that the page's start-up
/// could interrupt would leave the reader short of it.
fn jump_to(id: &str) {
    reveal(id, Some(web_sys::ScrollBehavior::Instant));
}

/// Opens, scrolls to (with `behavior`, else the page's) and focuses the
/// element with this id.
fn reveal(id: &str, behavior: Option<web_sys::ScrollBehavior>) {
    let Some(el) = element(id) else {
        return;
    };
    unfold(id);
    match behavior {
        Some(b) => {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_behavior(b);
            el.scroll_into_view_with_scroll_into_view_options(&options);
        }
        None => el.scroll_into_view(),
    }
    focus(id);
}

/// Opens the fold of the section with this id (its content that starts
/// closed), if it has one.
fn unfold(id: &str) {
    for fold in each::<web_sys::HtmlDetailsElement>(&format!("[id='{id}'] > details.fold")) {
        fold.set_open(true);
    }
}

/// Moves focus to the element with this id without scrolling: a card or an
/// answer on its summary, a section on itself.
pub fn focus(id: &str) {
    let Some(el) = element(id) else {
        return;
    };
    let target = el.query_selector("summary").ok().flatten().unwrap_or(el);
    if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(target) {
        // Focus without a second scroll, so keyboard users land where they look.
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = el.focus_with_options(&options);
    }
}

/// Makes the pre-rendered page show `view`: its basis (`<html data-basis>`,
/// which the styles follow) and which card and answer are open.
fn show(view: &ViewState) {
    let Some(root) = root() else {
        return;
    };
    let _ = root.set_attribute("data-basis", view.basis.as_str());
    let open = |selector: &str, prefix: &str, id: Option<&str>| {
        for details in each::<web_sys::HtmlDetailsElement>(selector) {
            let holder = details.closest("[id]").ok().flatten();
            let this = holder.map(|h| h.id());
            let wanted = this.as_deref().and_then(|i| i.strip_prefix(prefix)) == id;
            if details.open() != wanted {
                details.set_open(wanted);
            }
        }
    };
    open("article.card > details", "card-", view.card.as_deref());
    open("details.faq__item", "faq-", view.faq.as_deref());
}

/// Records the reader's opening or closing of a card or an answer (a
/// `toggle` event of its `<details>`) in the view.
fn on_toggle(shared: Shared, event: web_sys::Event) {
    let Some(details) = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
    else {
        return;
    };
    let Some(holder) = details.closest("[id]").ok().flatten() else {
        return;
    };
    let id = holder.id();
    if let Some(card) = id.strip_prefix("card-") {
        shared.toggle_card(card, details.open());
    } else if let Some(answer) = id.strip_prefix("faq-") {
        shared.toggle_faq(answer, details.open());
    }
}

/// Shows the view a reader arrived at once the page is read: opens what it
/// names and scrolls to it, unless the reader has already scrolled the
/// pre-rendered page (their position wins; a section in the fragment was
/// scrolled to by the browser, and only takes focus). An embed never
/// scrolls: that could move the host page too.
fn arrive_at(view: &ViewState) {
    show(view);
    if view.embed {
        return;
    }
    let scrolled = web_sys::window()
        .and_then(|w| w.scroll_y().ok())
        .unwrap_or(0.0)
        > 0.0;
    if !scrolled {
        if let Some(id) = anchor_of(view) {
            jump_to(&id);
        }
    } else if let Some(s) = view.section {
        // The browser scrolled to the section; its closed content opens.
        unfold(s.as_str());
        focus(s.as_str());
    }
}

/// Runs `then` once the whole page has been read (at once if it has).
fn when_read(then: impl FnOnce() + 'static) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let state = js_sys::Reflect::get(&doc, &JsValue::from_str("readyState")).ok();
    if state.and_then(|s| s.as_string()).as_deref() != Some("loading") {
        then();
        return;
    }
    let options = web_sys::AddEventListenerOptions::new();
    options.set_once(true);
    let _ = doc.add_event_listener_with_callback_and_add_event_listener_options(
        "DOMContentLoaded",
        Closure::once_into_js(then).unchecked_ref(),
        &options,
    );
}

/// Starts syncing the view with the page, and with the location and history
/// of the window.
pub fn sync_with_location(shared: Shared) {
    let view = shared.view;
    Effect::new(move |previous: Option<ViewState>| {
        let current = view.get();
        let Some(window) = web_sys::window() else {
            return current;
        };
        let url = page_url(&current);
        if window.location().href().ok().as_deref() != Some(url.as_str()) {
            if let Ok(history) = window.history() {
                // The first sync only tidies the address (e.g. drops a bad
                // value); later changes are steps the reader can go back to,
                // except in an embed, which must not fill the host's history.
                let _ = if previous.is_none() || current.embed {
                    history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
                } else {
                    history.push_state_with_url(&JsValue::NULL, "", Some(&url))
                };
            }
        }
        if let Some(doc) = window.document() {
            doc.set_title(&current.title(&shared.catalogue()));
        }
        show(&current);
        match &previous {
            // On arrival the page may still be being read (the app starts
            // early): what it opens or scrolls to may not be there yet.
            None => {
                let arrived = current.clone();
                when_read(move || arrive_at(&arrived));
            }
            // A section the reader moved to.
            Some(p) if p.section != current.section && !current.embed => {
                if let Some(s) = current.section {
                    scroll_to(s.as_str());
                }
            }
            _ => {}
        }
        current
    });

    listen("popstate", false, move |_| {
        let (state, _) = ViewState::from_url(&current_url(), &shared.catalogue());
        view.set(state);
    });
    // `toggle` does not bubble: it is caught on its way down.
    listen("toggle", true, move |e| on_toggle(shared, e));
}

/// Listens to `event` on the window (in the capture phase when `capture`)
/// for as long as the current reactive owner lives.
fn listen(event: &'static str, capture: bool, handler: impl Fn(web_sys::Event) + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let handler = Closure::<dyn Fn(web_sys::Event)>::new(handler).into_js_value();
    let _ =
        window.add_event_listener_with_callback_and_bool(event, handler.unchecked_ref(), capture);
    // Browser values stay on this thread; the wrapper only carries them.
    let held = send_wrapper::SendWrapper::new((window, handler));
    on_cleanup(move || {
        let (window, handler) = &*held;
        let _ = window.remove_event_listener_with_callback_and_bool(
            event,
            handler.unchecked_ref(),
            capture,
        );
    });
}
