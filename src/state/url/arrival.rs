//! What a page does with the address it was opened at.

use super::{Catalogue, Focus, Problem, ViewState};

/// The path part of an address, without a final `index.html` or a leading `./`.
fn path_part(address: &str) -> &str {
    let path = address.split(['?', '#']).next().unwrap_or_default();
    let path = path.strip_prefix("./").unwrap_or(path);
    path.strip_suffix("index.html").unwrap_or(path)
}

/// What the page does with the address it was opened at, once its own view
/// (the one it was pre-rendered for) is hydrated. See [`arrive`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Arrival {
    /// Show this view on the page, with these problems in a notice.
    Show(ViewState, Vec<Problem>),
    /// Load the pre-rendered page at this link (relative to the app's base):
    /// an older link named a view whose layout differs from this page's.
    Load(String),
}

/// Decides what a page pre-rendered for `page` shows when opened at
/// `address` (relative to the app's base). The page always hydrates `page`
/// first; this is what happens next:
/// - a valid address on its own page, or one that differs only in what the
///   same layout can show (basis, card, answer, section), is shown here;
/// - a valid address whose page has another layout (embed or not) and that is
///   not already that page's path loads it, once: the loaded address is the
///   canonical path, so it cannot ask to load again;
/// - anything else (an unknown, malformed or mixed-case part, or a host that
///   served another page for a valid path) keeps this page's view, takes the
///   address's theme, background and section, and says what was wrong.
pub fn arrive(page: &ViewState, address: &str, catalogue: &Catalogue) -> Arrival {
    let (wanted, mut problems) = ViewState::from_url(address, catalogue);
    if problems.is_empty() {
        if wanted.path() == page.path() || (!wanted.embed && !page.embed) {
            return Arrival::Show(wanted, problems);
        }
        if path_part(address) != wanted.path() {
            return Arrival::Load(wanted.to_href());
        }
        problems.push(Problem::new("page"));
    }
    let in_section = matches!(page.focus(), Some(Focus::Section(_)));
    let view = ViewState {
        faq: if page.card.is_some() || in_section {
            wanted.faq.clone()
        } else {
            page.faq.clone()
        },
        section: if page.embed {
            page.section
        } else {
            wanted.section
        },
        theme: wanted.theme,
        transparent: wanted.transparent,
        ..page.pre_rendered()
    };
    Arrival::Show(view, problems)
}
