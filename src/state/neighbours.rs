//! Where a report stands in a site of many (`EE_REPORTS`): the site's index
//! and the company's quarters before and after it, for the pre-render. A
//! site of one report has none.

use std::sync::Arc;

use super::url::{resolve, ViewState};
use crate::model::Report;

/// The company's other reports in the site, and the site's index.
#[derive(Clone, Debug)]
pub struct Neighbours {
    /// The site's base path, where its index is, e.g. `/`.
    pub site: String,
    /// The company's previous report: its id and the report, whose cards
    /// this report's cards are set beside (`model::season::prior`).
    pub previous: Option<(String, Arc<Report>)>,
    /// The company's next report: its id and name.
    pub next: Option<(String, String)>,
}

impl Neighbours {
    /// The link to a view of another report of the site.
    pub fn link(&self, id: &str, view: &ViewState) -> String {
        resolve(&format!("{}{id}/", self.site), &view.to_href())
    }
}
