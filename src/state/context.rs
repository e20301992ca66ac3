//! The two contexts of the app.
//!
//! - [`Shared`], what the islands share: the reader's view, the report's
//!   [`Catalogue`], the app's base and the problems found in the address. It
//!   is all the wasm knows of the report; in the browser `main` builds it
//!   from the page (`<html data-view data-base>`, `<meta name="ee-catalogue">`).
//! - [`Explorer`], for the pre-render only: the whole report besides, which
//!   the static components render from.

use std::sync::Arc;

use leptos::prelude::*;

use super::catalogue::Catalogue;
use super::neighbours::Neighbours;
use super::url::{Problem, Section, ViewState};
use crate::model::{Accounting, Report};

/// What the islands share (see the module's doc).
#[derive(Clone, Copy)]
pub struct Shared {
    /// The whole view; prefer the narrower accessors below.
    pub view: RwSignal<ViewState>,
    catalogue: StoredValue<Arc<Catalogue>>,
    /// The app's base path, e.g. `/` or `/earnings/`: links are absolute
    /// paths, so pages need no `<base>` element (the CSP has `base-uri 'none'`).
    base: StoredValue<String>,
    /// What the address asked for that the page could not show.
    pub problems: RwSignal<Vec<Problem>>,
    /// An embed a control asked the Embed dialog to open with (a card's
    /// *Embed* button); the dialog takes it and clears it.
    pub embed_request: RwSignal<Option<ViewState>>,
}

impl Shared {
    /// The report's ids and titles.
    pub fn catalogue(&self) -> Arc<Catalogue> {
        self.catalogue.get_value()
    }

    /// The page-wide accounting basis (reactive).
    pub fn basis(&self) -> Accounting {
        self.view.with(|v| v.basis)
    }

    pub fn set_basis(&self, basis: Accounting) {
        self.view.update(|v| v.basis = basis);
    }

    /// Records that the reader opened or closed a card; one card is open at a time.
    pub fn toggle_card(&self, id: &str, open: bool) {
        self.view.update(|v| toggle(&mut v.card, id, open));
    }

    /// Records that the reader opened or closed an answer; one is open at a time.
    pub fn toggle_faq(&self, id: &str, open: bool) {
        self.view.update(|v| toggle(&mut v.faq, id, open));
    }

    /// Moves to a section.
    pub fn go_to(&self, section: Section) {
        self.view.update(|v| v.section = Some(section));
    }

    /// The link to a view, as an absolute path from the app's base.
    pub fn link(&self, view: &ViewState) -> String {
        self.base
            .with_value(|base| super::url::resolve(base, &view.to_href()))
    }

    /// The link to the current view with a different section (reactive).
    pub fn href_for(&self, section: Section) -> String {
        self.view.with(|v| {
            self.link(&ViewState {
                section: Some(section),
                ..v.clone()
            })
        })
    }
}

/// Opening sets the id; closing clears it only if it is the open one, so the
/// close event of a card that lost its place to another changes nothing.
fn toggle(slot: &mut Option<String>, id: &str, open: bool) {
    if open {
        if slot.as_deref() != Some(id) {
            *slot = Some(id.to_string());
        }
    } else if slot.as_deref() == Some(id) {
        *slot = None;
    }
}

/// Provides [`Shared`] to every island below the caller; `base` is the
/// app's base path (ending in `/`).
pub fn provide_shared(catalogue: Arc<Catalogue>, initial: ViewState, base: String) -> Shared {
    let shared = Shared {
        view: RwSignal::new(initial),
        catalogue: StoredValue::new(catalogue),
        base: StoredValue::new(base),
        problems: RwSignal::new(Vec::new()),
        embed_request: RwSignal::new(None),
    };
    provide_context(shared);
    shared
}

/// The state the islands share.
///
/// # Panics
/// Where nothing provides it: an island outside `App` (pre-render) or before
/// `main` has read the page (browser) is a bug.
pub fn use_shared() -> Shared {
    use_context::<Shared>().expect("use_shared() is called under App or after main()")
}

/// The report being pre-rendered, and the view of the page being written.
#[derive(Clone, Copy)]
pub struct Explorer {
    report: StoredValue<Arc<Report>>,
    /// The company's other reports, in a site of many.
    neighbours: StoredValue<Option<Arc<Neighbours>>>,
    /// What the islands share, as the page starts.
    pub shared: Shared,
}

impl Explorer {
    /// The report (it never changes while the page lives).
    pub fn report(&self) -> Arc<Report> {
        self.report.get_value()
    }

    /// The company's other reports, in a site of many (`EE_REPORTS`).
    pub fn neighbours(&self) -> Option<Arc<Neighbours>> {
        self.neighbours.get_value()
    }

    /// The view this page is written for (not reactive: a static component
    /// renders it once; what changes with the reader is an island's).
    pub fn page(&self) -> ViewState {
        self.shared.view.get_untracked()
    }

    /// The page's basis.
    pub fn basis(&self) -> Accounting {
        self.page().basis
    }

    /// The link to a view, as an absolute path from the app's base.
    pub fn link(&self, view: &ViewState) -> String {
        self.shared.link(view)
    }

    /// The link to a file the build published beside the pages.
    pub fn file_link(&self, file: &str) -> String {
        self.shared
            .base
            .with_value(|base| super::url::resolve(base, file))
    }
}

/// Provides the explorer (and [`Shared`]) to every component below the
/// caller; `catalogue` is the report's (`Catalogue::of`).
pub fn provide_explorer(
    report: Arc<Report>,
    neighbours: Option<Arc<Neighbours>>,
    catalogue: Arc<Catalogue>,
    initial: ViewState,
    base: String,
) -> Explorer {
    let explorer = Explorer {
        report: StoredValue::new(report),
        neighbours: StoredValue::new(neighbours),
        shared: provide_shared(catalogue, initial, base),
    };
    provide_context(explorer);
    explorer
}

/// The explorer of the enclosing app.
///
/// # Panics
/// Outside of `App`, which provides it; a component used elsewhere is a bug.
pub fn use_explorer() -> Explorer {
    use_context::<Explorer>().expect("use_explorer() is called inside <App/>, which provides it")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toggling_keeps_one_open_and_ignores_stale_closes() {
        let mut slot = None;
        toggle(&mut slot, "a", true);
        toggle(&mut slot, "b", true);
        assert_eq!(slot.as_deref(), Some("b"));
        // "a" closes because "b" took its place: that must not close "b".
        toggle(&mut slot, "a", false);
        assert_eq!(slot.as_deref(), Some("b"));
        toggle(&mut slot, "b", false);
        assert_eq!(slot, None);
    }

    #[test]
    fn shared_state_changes_natively_without_a_browser() {
        let owner = Owner::new();
        owner.with(|| {
            let report = Arc::new(crate::bundled::report());
            let catalogue = Arc::new(Catalogue::of(&report));
            let ex = provide_explorer(report, None, catalogue, ViewState::default(), "/e/".into());
            let shared = use_shared();
            shared.set_basis(Accounting::NonGaap);
            shared.toggle_card("net-loss", true);
            assert_eq!(
                shared.view.get_untracked().to_href(),
                "non-gaap/card/net-loss/"
            );
            assert_eq!(
                shared.href_for(Section::Faq),
                "/e/non-gaap/card/net-loss/#faq"
            );
            assert_eq!(ex.link(&ViewState::default()), "/e/");
            assert_eq!(ex.file_link("a.csv"), "/e/a.csv");
        });
    }
}
