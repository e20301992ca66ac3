//! The parts of the page and of its presentation that a link can name.

use crate::model::Report;

/// A part of the page a link can jump to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Section {
    Metrics,
    Guidance,
    Stock,
    Deals,
    Analysts,
    Watch,
    Faq,
    Sources,
    Glossary,
}

impl Section {
    pub const ALL: [Section; 9] = [
        Section::Metrics,
        Section::Guidance,
        Section::Stock,
        Section::Deals,
        Section::Analysts,
        Section::Watch,
        Section::Faq,
        Section::Sources,
        Section::Glossary,
    ];

    /// The URL value and the element id.
    pub fn as_str(self) -> &'static str {
        match self {
            Section::Metrics => "metrics",
            Section::Guidance => "guidance",
            Section::Stock => "stock",
            Section::Deals => "deals",
            Section::Analysts => "analysts",
            Section::Watch => "watch",
            Section::Faq => "faq",
            Section::Glossary => "glossary",
            Section::Sources => "sources",
        }
    }

    /// The heading a reader sees.
    pub fn label(self) -> &'static str {
        match self {
            Section::Metrics => "Headline figures",
            Section::Guidance => "Guidance",
            Section::Stock => "Stock reaction",
            Section::Deals => "Partner deals",
            Section::Analysts => "Analyst targets",
            Section::Watch => "What to watch",
            Section::Faq => "Questions",
            Section::Glossary => "Glossary",
            Section::Sources => "Sources",
        }
    }

    pub fn parse(text: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// Whether the report has anything to show in this section.
    pub fn present_in(self, report: &Report) -> bool {
        match self {
            Section::Metrics | Section::Sources => true,
            Section::Guidance => !report.guidance.is_empty(),
            Section::Stock => report.stock.is_some(),
            Section::Deals => !report.deals.is_empty(),
            Section::Analysts => report.analysts.is_some(),
            Section::Watch => report.watch.is_some(),
            Section::Faq => !report.faq.is_empty(),
            Section::Glossary => !report.glossary.is_empty(),
        }
    }
}

/// The colour theme: following the system (or the embedding page), or fixed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn parse(text: &str) -> Option<Theme> {
        match text.to_ascii_lowercase().as_str() {
            "auto" | "system" => Some(Theme::Auto),
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }
}
