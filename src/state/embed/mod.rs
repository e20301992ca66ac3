//! Embedding: the messages an embedded explorer exchanges with the page
//! around it, and the snippets a journalist pastes into an article. Pure.
//!
//! Message format, version 1 (all messages are plain objects):
//! - to the host, whenever the content height changes:
//!   `{"type": "earnings-explorer:size", "version": 1, "height": 812}` to any window (`*`)
//!   until the host has named itself; after that, to the host's origin only, with the view:
//!   `{"type": "earnings-explorer:size", "version": 1, "height": 812, "view": "card/revenue/"}`
//! - to AMP hosts, at the same time: `{"sentinel": "amp", "type": "embed-size", "height": 812}`
//! - from the host, to set the theme at run time and to name itself (its origin is where sizes
//!   then go): `{"type": "earnings-explorer:theme", "version": 1, "theme": "dark"}`
//!   (`light`, `dark` or `auto`)
//!
//! Messages carry sizes and view names only, never data from the host; the
//! view only to a host that has named itself.
//!
//! One concern a file: [`message`] the messages' format; [`offer`] what an
//! embed shows and what the Embed dialog offers; [`snippet`] the code a
//! journalist pastes.

pub mod message;
pub mod offer;
pub mod snippet;

pub use message::*;
pub use offer::*;
pub use snippet::*;

/// The view of an embed the tests use: the net loss card, non-GAAP, dark.
#[cfg(test)]
fn example_view() -> super::url::ViewState {
    use super::url::{Theme, ViewState};
    ViewState {
        basis: crate::model::Accounting::NonGaap,
        card: Some("net-loss".into()),
        embed: true,
        theme: Theme::Dark,
        ..Default::default()
    }
}
