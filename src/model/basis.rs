//! The basis of a figure: on what footing it is reported, and the page-wide
//! accounting basis a reader chooses.

use serde::Deserialize;

/// On what footing a figure stands. Every figure on the page shows it.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// Reported under GAAP.
    Gaap,
    /// The company's own non-GAAP (adjusted) measure.
    NonGaap,
    /// Analysts' consensus expectation.
    Consensus,
    /// The company's guidance for a future period.
    Guidance,
    /// Market data: prices, moves, short interest.
    Market,
    /// An individual analyst's rating or target.
    Analyst,
    /// A company disclosure outside the financial statements (deal terms).
    Disclosure,
    /// Computed here from other figures; shows its formula.
    Derived,
    /// As the source reports it, without saying whether it is GAAP or
    /// non-GAAP: never guessed.
    AsReported,
}

impl Basis {
    /// The short tag shown beside a number.
    pub fn tag(self) -> &'static str {
        match self {
            Basis::Gaap => "GAAP",
            Basis::NonGaap => "Non-GAAP",
            Basis::Consensus => "Consensus",
            Basis::Guidance => "Guidance",
            Basis::Market => "Market",
            Basis::Analyst => "Analyst",
            Basis::Disclosure => "Company",
            Basis::Derived => "Derived",
            Basis::AsReported => "As reported",
        }
    }

    /// What the tag means, for its tooltip and screen readers.
    pub fn meaning(self) -> &'static str {
        match self {
            Basis::Gaap => "reported under GAAP",
            Basis::NonGaap => "the company's non-GAAP (adjusted) measure",
            Basis::Consensus => "analysts' consensus expectation",
            Basis::Guidance => "company guidance for a future period",
            Basis::Market => "market data",
            Basis::Analyst => "an analyst's rating or target",
            Basis::Disclosure => "a company disclosure outside the financial statements",
            Basis::Derived => "computed here from the figures it names",
            Basis::AsReported => "as reported; the source does not state the basis",
        }
    }

    /// Its name in the dataset format (`as_reported`), as the downloads write it.
    pub fn key(self) -> &'static str {
        match self {
            Basis::Gaap => "gaap",
            Basis::NonGaap => "non_gaap",
            Basis::Consensus => "consensus",
            Basis::Guidance => "guidance",
            Basis::Market => "market",
            Basis::Analyst => "analyst",
            Basis::Disclosure => "disclosure",
            Basis::Derived => "derived",
            Basis::AsReported => "as_reported",
        }
    }

    /// The CSS modifier for its tag.
    pub fn slug(self) -> &'static str {
        match self {
            Basis::Gaap => "gaap",
            Basis::NonGaap => "non-gaap",
            Basis::Consensus => "consensus",
            Basis::Guidance => "guidance",
            Basis::Market => "market",
            Basis::Analyst => "analyst",
            Basis::Disclosure => "company",
            Basis::Derived => "derived",
            Basis::AsReported => "as-reported",
        }
    }
}

/// The page-wide accounting basis the reader has chosen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Accounting {
    #[default]
    Gaap,
    NonGaap,
}

impl Accounting {
    pub const ALL: [Accounting; 2] = [Accounting::Gaap, Accounting::NonGaap];

    /// The URL value.
    pub fn as_str(self) -> &'static str {
        match self {
            Accounting::Gaap => "gaap",
            Accounting::NonGaap => "non-gaap",
        }
    }

    /// The label a reader sees.
    pub fn label(self) -> &'static str {
        match self {
            Accounting::Gaap => "GAAP",
            Accounting::NonGaap => "Non-GAAP",
        }
    }

    /// Reads a URL value; older and looser spellings are accepted.
    pub fn parse(text: &str) -> Option<Self> {
        let key: String = text
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        match key.as_str() {
            "gaap" => Some(Accounting::Gaap),
            "nongaap" | "adjusted" => Some(Accounting::NonGaap),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accounting_reads_its_own_and_looser_spellings() {
        for a in Accounting::ALL {
            assert_eq!(Accounting::parse(a.as_str()), Some(a));
        }
        assert_eq!(Accounting::parse("NON_GAAP"), Some(Accounting::NonGaap));
        assert_eq!(Accounting::parse("nongaap"), Some(Accounting::NonGaap));
        assert_eq!(Accounting::parse("ifrs"), None);
        assert_eq!(Accounting::parse(""), None);
    }
}
