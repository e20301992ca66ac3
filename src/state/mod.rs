//! View state: what the reader is looking at, kept in the URL first
//! ([`url`]), shared with components through one typed accessor
//! ([`context`]), and synced with the browser's history ([`history`]).

pub mod context;
pub mod embed;
pub mod frame;
pub mod history;
pub mod meta;
pub mod url;

pub use context::{provide_explorer, use_explorer, Explorer};
pub use url::{Problem, Section, Theme, ViewState};
