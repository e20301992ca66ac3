//! The one context of the app: the report and the view state, reached by
//! components through [`use_explorer`] only.

use std::sync::Arc;

use leptos::prelude::*;

use super::url::{Section, ViewState};
use crate::model::{Accounting, Report};

/// The report being explored and the reader's current view of it.
#[derive(Clone, Copy)]
pub struct Explorer {
    report: StoredValue<Arc<Report>>,
    /// The app's base path, e.g. `/` or `/earnings/`: links are absolute
    /// paths, so pages need no `<base>` element (the CSP has `base-uri 'none'`).
    base: StoredValue<String>,
    /// The whole view; prefer the narrower accessors below in components.
    pub view: RwSignal<ViewState>,
    basis: Memo<Accounting>,
}

impl Explorer {
    /// The report (it never changes while the page lives).
    pub fn report(&self) -> Arc<Report> {
        self.report.get_value()
    }

    /// The page-wide accounting basis (reactive).
    pub fn basis(&self) -> Accounting {
        self.basis.get()
    }

    pub fn set_basis(&self, basis: Accounting) {
        self.view.update(|v| v.basis = basis);
    }

    /// Whether the card with this id is open (reactive).
    pub fn card_open(&self, id: &str) -> bool {
        self.view.with(|v| v.card.as_deref() == Some(id))
    }

    /// Records that the reader opened or closed a card; one card is open at a time.
    pub fn toggle_card(&self, id: &str, open: bool) {
        self.view.update(|v| toggle(&mut v.card, id, open));
    }

    /// Whether the FAQ answer with this id is open (reactive).
    pub fn faq_open(&self, id: &str) -> bool {
        self.view.with(|v| v.faq.as_deref() == Some(id))
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

    /// The link to a file the build published beside the pages.
    pub fn file_link(&self, file: &str) -> String {
        self.base.with_value(|base| super::url::resolve(base, file))
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

/// Provides the explorer to every component below the caller; `base` is the
/// app's base path (ending in `/`).
pub fn provide_explorer(report: Arc<Report>, initial: ViewState, base: String) -> Explorer {
    let view = RwSignal::new(initial);
    let basis = Memo::new(move |_| view.with(|v| v.basis));
    let explorer = Explorer {
        report: StoredValue::new(report),
        base: StoredValue::new(base),
        view,
        basis,
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
    fn explorer_state_changes_natively_without_a_browser() {
        let owner = Owner::new();
        owner.with(|| {
            let report = Arc::new(crate::bundled::report());
            let ex = provide_explorer(report, ViewState::default(), "/e/".into());
            ex.set_basis(Accounting::NonGaap);
            ex.toggle_card("net-loss", true);
            assert!(ex.card_open("net-loss"));
            assert_eq!(ex.view.get_untracked().to_href(), "non-gaap/card/net-loss/");
            assert_eq!(ex.href_for(Section::Faq), "/e/non-gaap/card/net-loss/#faq");
            assert_eq!(ex.link(&ViewState::default()), "/e/");
        });
    }
}
