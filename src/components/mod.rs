//! The components of the page, one concern each. The pre-render renders them
//! all to static HTML (they read the report through
//! [`crate::state::use_explorer`]); the `#[island]`s among them, which read
//! only [`crate::state::use_shared`], also hydrate in the browser and are all
//! the wasm carries. None makes a browser call while rendering.

mod app;
mod badge;
mod basis_switch;
mod bridge;
mod chart;
mod embed_dialog;
mod faq;
mod figure;
mod full_report;
mod glossary;
mod index;
mod masthead;
mod metric_card;
mod page_section;
mod prior;
mod section_nav;
mod sections;
mod share;
mod sources;
mod term;
mod url_notice;

pub use app::App;
pub use index::{Listed, ReportIndex};
// The islands: the parts of the page that respond to the reader, and all the
// wasm carries of the components.
pub use basis_switch::BasisSwitch;
pub use embed_dialog::EmbedDialog;
pub use faq::FaqFilter;
pub use full_report::FullReportLink;
pub use section_nav::SectionNav;
pub use share::ShareButton;
pub use url_notice::UrlNotice;
