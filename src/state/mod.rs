//! View state: what the reader is looking at, kept in the URL first
//! ([`url`]), shared with the islands through one context ([`context`]),
//! and, in the browser, synced with the page and its history ([`history`],
//! [`frame`]). What the wasm knows of the report is its [`catalogue`].

pub mod catalogue;
pub mod context;
pub mod embed;
pub mod frame;
pub mod history;
pub mod meta;
pub mod neighbours;
pub mod section;
pub mod start;
pub mod url;

pub use catalogue::Catalogue;
pub use context::{provide_explorer, provide_shared, use_explorer, use_shared, Explorer, Shared};
pub use neighbours::Neighbours;
pub use url::{Problem, Section, Theme, ViewState};
