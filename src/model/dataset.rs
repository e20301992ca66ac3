//! The dataset file format (`data/*.json`), exactly as written on disk.
//! Unknown fields are refused so that a typo names itself. `Report::from_json`
//! turns this into a validated [`super::Report`].

use serde::Deserialize;
use serde_json::Number;

use super::basis::Basis;
use super::comparison::{Better, Verdict};

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawReport {
    /// The JSON Schema this file follows (`data/dataset.schema.json`), for
    /// editors; not read otherwise.
    #[serde(rename = "$schema", default)]
    pub schema: Option<String>,
    /// Format version; this code reads version 1.
    pub format: u32,
    pub company: Company,
    /// The story of the report in two or three sentences, shown first, above
    /// the cards. Its figures are references (`{id}`), so each number shows
    /// its tag and its source. Optional: without it the page starts with the
    /// cards.
    #[serde(default)]
    pub lede: Option<String>,
    /// The reporting period, e.g. "Q1 2026".
    pub period: String,
    /// Date of the release (`YYYY-MM-DD`).
    pub released: String,
    /// Date the market data is as of.
    pub as_of: String,
    pub sources: Vec<Source>,
    pub figures: Vec<RawFigure>,
    #[serde(default)]
    pub comparisons: Vec<RawComparison>,
    #[serde(default)]
    pub reconciliation: Option<RawReconciliation>,
    pub cards: Vec<Card>,
    #[serde(default)]
    pub guidance: Vec<GuidanceItem>,
    #[serde(default)]
    pub stock: Option<Stock>,
    #[serde(default)]
    pub deals: Vec<Deal>,
    #[serde(default)]
    pub analysts: Option<Analysts>,
    #[serde(default)]
    pub watch: Option<Watch>,
    #[serde(default)]
    pub faq: Vec<FaqItem>,
    /// Terms a general reader may not know; texts mark them as `[[words]]`.
    #[serde(default)]
    pub glossary: Vec<Term>,
}

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct Company {
    pub name: String,
    pub ticker: String,
    /// One line on what the company does, in our words.
    pub about: String,
}

/// A source document the figures are drawn from.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Short name used by figures, e.g. "earnings-article-2026-06".
    pub id: String,
    /// What the page calls it when citing, e.g. "Earnings article".
    pub name: String,
    /// The document's own title.
    pub title: String,
    /// What kind of document it is, in a few words.
    pub kind: String,
    /// Its date (`YYYY-MM`, `YYYY-MM-DD` or `YYYY-MM-DDTHH:MMZ`).
    pub date: String,
}

/// Where in which source a figure or fact is found.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    pub doc: String,
    #[serde(rename = "where")]
    pub location: String,
}

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawFigure {
    pub id: String,
    pub label: String,
    pub period: String,
    pub basis: Basis,
    #[serde(default)]
    pub value: Option<RawValue>,
    #[serde(default)]
    pub derived: Option<RawDerivation>,
    #[serde(default)]
    pub qualifier: Option<RawQualifier>,
    /// A change (growth, move): positive values get a `+`.
    #[serde(default)]
    pub change: bool,
    #[serde(default)]
    pub source: Option<SourceRef>,
    #[serde(default)]
    pub note: Option<String>,
}

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Deserialize, Debug, Clone, Copy)]
#[serde(rename_all = "snake_case")]
pub enum RawQualifier {
    About,
    MoreThan,
}

/// A value as written: `{"usd_m": 193.4}`, `{"count": {"amount": 750, "unit": "MW"}}`,
/// `{"range": [{"percent": 36}, {"percent": 38}]}`, `"not_reported"`.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Deserialize, Debug, Clone)]
#[serde(rename_all = "snake_case")]
pub enum RawValue {
    Usd(Number),
    UsdM(Number),
    UsdB(Number),
    UsdPerShare(Number),
    Percent(Number),
    Points(Number),
    Count { amount: Number, unit: String },
    Text(String),
    Range(Box<RawValue>, Box<RawValue>),
    NotReported,
}

/// How a derived figure is computed from others.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Deserialize, Debug, Clone)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum RawDerivation {
    /// `to ÷ from − 1`, in percent.
    Change { from: String, to: String },
    /// `of − minus`; two percentages give percentage points.
    Difference { of: String, minus: String },
    /// The middle of a range.
    Midpoint(String),
}

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawComparison {
    pub id: String,
    pub actual: String,
    pub expected: String,
    #[serde(default)]
    pub better: Better,
    /// What the source says of it, checked against the parts.
    #[serde(default)]
    pub stated: Option<Stated>,
}

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct Stated {
    pub verdict: Verdict,
    #[serde(default)]
    pub difference: Option<RawValue>,
    pub source: SourceRef,
}

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
pub struct RawReconciliation {
    /// The GAAP figure the bridge starts from.
    pub from: String,
    pub adjustments: Vec<Adjustment>,
    /// The non-GAAP figure it must arrive at.
    pub to: String,
    pub about: String,
}

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct Adjustment {
    pub figure: String,
}

/// A headline metric card.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct Card {
    pub id: String,
    pub title: String,
    /// The value shown on the GAAP basis (or on both, when `non_gaap` is absent).
    pub value: CardValue,
    /// The value shown instead on the non-GAAP basis.
    #[serde(default)]
    pub non_gaap: Option<CardValue>,
    /// What the metric means and how it compares (a text with `{figure}` references).
    pub about: String,
    /// Further figures listed in the card's detail.
    #[serde(default)]
    pub details: Vec<String>,
    #[serde(default)]
    pub chart: Option<Chart>,
}

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct CardValue {
    pub figure: String,
    #[serde(default)]
    pub comparison: Option<String>,
}

/// A small chart inside a card.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Deserialize, Debug, Clone)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Chart {
    /// Horizontal bars, one per figure (same unit).
    Bars(Vec<String>),
    /// A level moving to another level or range (e.g. margin 47% → 36–38%).
    Shift { from: String, to: String },
}

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct GuidanceItem {
    pub figure: String,
    #[serde(default)]
    pub context: Vec<String>,
    pub about: String,
}

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct Stock {
    pub timeline: Vec<StockEvent>,
    #[serde(default)]
    pub facts: Vec<String>,
    /// A market index's move on the day of the report (a figure id), drawn
    /// beside the share price as context.
    #[serde(default)]
    pub index: Option<String>,
    pub about: String,
}

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct StockEvent {
    pub date: String,
    pub event: String,
    /// The share price at this point, plotted on the timeline.
    #[serde(default)]
    pub price: Option<String>,
    #[serde(default)]
    pub figures: Vec<String>,
}

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct Deal {
    pub id: String,
    pub partner: String,
    pub structure: String,
    pub figures: Vec<String>,
    pub about: String,
    pub source: SourceRef,
}

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct Analysts {
    /// The price the upside of each target is measured from.
    pub reference: String,
    pub targets: Vec<Target>,
    pub about: String,
}

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub firm: String,
    pub rating: String,
    pub target: String,
}

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct Watch {
    pub next_report: NextReport,
    pub questions: Vec<String>,
    #[serde(default)]
    pub drivers: Vec<Point>,
    #[serde(default)]
    pub signals: Vec<Point>,
}

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct NextReport {
    pub date: String,
    pub label: String,
    pub source: SourceRef,
}

/// A titled point in our words, with where its substance comes from.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct Point {
    pub title: String,
    pub text: String,
    pub source: SourceRef,
}

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Deserialize, Debug, Clone)]
#[serde(deny_unknown_fields)]
pub struct FaqItem {
    pub id: String,
    pub question: String,
    pub answer: String,
}

/// A glossary term: what texts mark as `[[words]]` (the term or an alias,
/// in any case) or `[[words|id]]`, and its definition in our words.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Deserialize, Debug, Clone, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// Used in links (`#term-<id>`) and in `[[words|id]]`.
    pub id: String,
    /// The term as a heading, e.g. "GAAP".
    pub term: String,
    /// The spelled-out form of an abbreviation, e.g. "generally accepted
    /// accounting principles".
    #[serde(default)]
    pub expansion: Option<String>,
    /// Other spellings texts use, e.g. "adjusted" for non-GAAP.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// One to three sentences in our words (may name figures as `{id}`).
    pub definition: String,
    /// A figure of the report the term relates to, shown with it.
    #[serde(default)]
    pub figure: Option<String>,
}
