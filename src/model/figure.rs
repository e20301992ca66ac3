//! One figure of a report, resolved and ready to show.

use super::basis::Basis;
use super::dataset::SourceRef;
use super::format::{self, Sign};
use super::quantity::{Qualifier, Value};

/// One figure, ready to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Figure {
    pub id: String,
    pub label: String,
    pub period: String,
    pub basis: Basis,
    pub value: Value,
    pub qualifier: Qualifier,
    pub sign: Sign,
    /// Where it comes from (every figure but a derived one has one).
    pub source: Option<SourceRef>,
    /// How it was computed (derived figures only).
    pub formula: Option<String>,
    pub note: Option<String>,
}

impl Figure {
    /// The value as the page shows it: `$193.4M`, `~94%`, `not reported`.
    pub fn display(&self) -> String {
        format::value(&self.value, self.qualifier, self.sign)
    }

    /// The value without its sign, for words that give the direction
    /// (`{id:abs}` in a text): `$14.0M`, `9 to 11 pts`.
    pub fn display_magnitude(&self) -> String {
        format::magnitude_of(&self.value, self.qualifier)
    }

    pub fn is_reported(&self) -> bool {
        self.value != Value::NotReported
    }
}
