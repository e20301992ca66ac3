//! The components of the page, one concern each. They read the report and the
//! view through [`crate::state::use_explorer`] and make no browser call while
//! rendering, so they render natively too.

mod app;
mod badge;
mod basis_switch;
mod bridge;
mod chart;
mod embed_dialog;
mod faq;
mod figure;
mod glossary;
mod masthead;
mod metric_card;
mod page_section;
mod section_nav;
mod sections;
mod share;
mod sources;
mod url_notice;

pub use app::App;
