//! The document title of a view.

use super::{Catalogue, ViewState};
use crate::model::Accounting;

impl ViewState {
    /// The document title for this view, e.g. "Net loss, non-GAAP — Cerebras Systems Q1 2026".
    pub fn title(&self, catalogue: &Catalogue) -> String {
        let name = &catalogue.name;
        if let Some(card) = self.card.as_deref().and_then(|id| catalogue.card(id)) {
            return if card.follows_basis {
                format!("{}, {} — {name}", card.title, self.basis.label())
            } else {
                format!("{} — {name}", card.title)
            };
        }
        if let Some(q) = self.faq.as_deref().and_then(|id| catalogue.answer(id)) {
            return format!("{} — {name}", q.question);
        }
        let basis = match self.basis {
            Accounting::Gaap => String::new(),
            b => format!(" ({})", b.label()),
        };
        match self.section {
            Some(s) => format!("{} — {name}{basis}", s.label()),
            None => format!("{name}{basis} — Earnings Explorer"),
        }
    }
}
