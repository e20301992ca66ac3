//! A part of an address that could not be used, and what the notice says
//! of it (never the link's own text).

/// A part of an address that could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// Which part: `path`, `card`, `faq`, `basis`, `section`, `embed`,
    /// `theme`, `bg`, `compact` (a compact form of what has none), or `page` (the page for a valid view did not load).
    pub param: &'static str,
}

impl Problem {
    pub(super) fn new(param: &'static str) -> Problem {
        Problem { param }
    }

    /// A one-line explanation for the reader. It never repeats text from the
    /// link: a link is free text, and a notice is no place to echo it.
    pub fn message(&self) -> &'static str {
        match self.param {
            "path" => {
                "This link's address is not one this report has, so the nearest view is shown."
            }
            "card" => "This link named a card this report does not have, so none is open.",
            "faq" => "This link named a question this report does not have, so none is open.",
            "basis" => "This link named a basis this report does not have, so GAAP is shown.",
            "section" => "This link named a section this report does not have.",
            "embed" => {
                "This link's embed setting was not understood, so the page is shown as usual."
            }
            "compact" => "What this link embeds has no compact form, so it is shown in full.",
            "theme" => "This link's theme was not understood, so the theme follows your system.",
            "page" => {
                "The page for this view could not be loaded here, so the nearest view is shown."
            }
            _ => "This link's background setting was not understood, so the usual one is used.",
        }
    }
}
