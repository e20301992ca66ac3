//! Reading and checking a dataset file (for the build, the pre-render and
//! the tests; the app's wasm never runs this, its islands read the page):
//! every figure resolved to a value with its basis and source, derived
//! figures computed, comparisons and the reconciliation checked. A failure
//! names the field at fault, and [`locate`] finds its line and column.
//!
//! The rules, by subject, each with its tests:
//! - [`fields`]: ids, dates, numbers and written values, the header, sources;
//! - [`figures`]: figures and units, derived figures;
//! - [`texts`]: texts and the references in them, and the prose rules;
//! - [`comparisons`]: comparisons and the reconciliation;
//! - [`sections`]: cards, guidance, stock, deals, analysts, watch, FAQ;
//! - [`glossary`]: the terms and their names.

mod comparisons;
mod fields;
mod figures;
mod glossary;
mod locate;
mod sections;
mod texts;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod props;
#[cfg(test)]
mod testing;

pub use locate::locate;

use super::dataset::RawReport;
use super::report::{LoadError, Report};
use super::{export, glossary as marks};
use texts::{prose_problems, Known};

impl Report {
    /// Reads and validates a dataset file; the first problem stops it.
    pub fn from_json(json: &str) -> Result<Report, LoadError> {
        let mut report = Self::validate(parse(json)?)?;
        if let Some(problem) = prose_problems(&report).into_iter().next() {
            return Err(problem);
        }
        // Resolved once here, so the page draws what it is given.
        marks::keep_first_uses(&mut report);
        report.downloads = export::files(&report).into_iter().map(|(d, _)| d).collect();
        Ok(report)
    }

    /// Every problem of a dataset file at once, for an author: the file's
    /// structure and its checks stop at the first problem; then every text
    /// that breaks the prose rules is listed.
    pub fn problems(json: &str) -> Vec<LoadError> {
        match parse(json).and_then(Self::validate) {
            Err(e) => vec![e],
            Ok(report) => prose_problems(&report),
        }
    }

    /// The rules in order; the first problem stops them.
    fn validate(raw: RawReport) -> Result<Report, LoadError> {
        fields::header(&raw)?;
        let sources = fields::sources(&raw.sources)?;
        let figures = figures::resolve(&raw.figures, &|at, r| fields::source_ref(&sources, at, r))?;
        let known = Known::new(&sources, &figures);
        if let Some(lede) = &raw.lede {
            known.text("lede", lede)?;
        }
        let comparisons = comparisons::comparisons(&raw.comparisons, &known)?;
        let reconciliation = comparisons::reconciliation(raw.reconciliation.as_ref(), &known)?;
        sections::check(&raw, &known, &comparisons)?;
        glossary::check(&raw.glossary, &known)?;
        Ok(Report {
            company: raw.company,
            lede: raw.lede,
            period: raw.period,
            released: raw.released,
            as_of: raw.as_of,
            sources: raw.sources,
            figures,
            comparisons,
            reconciliation,
            cards: raw.cards,
            guidance: raw.guidance,
            stock: raw.stock,
            deals: raw.deals,
            analysts: raw.analysts,
            watch: raw.watch,
            faq: raw.faq,
            glossary: raw.glossary,
            downloads: Vec::new(),
        })
    }
}

/// Reads the file's structure, naming the field at fault.
fn parse(json: &str) -> Result<RawReport, LoadError> {
    let de = &mut serde_json::Deserializer::from_str(json);
    serde_path_to_error::deserialize(de).map_err(|e| LoadError {
        path: e.path().to_string().trim_start_matches('.').to_string(),
        message: e.inner().to_string(),
    })
}

/// The dataset format as a JSON Schema, generated from the very types that
/// read it (checked in as `data/dataset.schema.json`; a test keeps the two
/// in step), so an editor validates and completes a file as its author types.
#[cfg(not(target_arch = "wasm32"))]
pub fn json_schema() -> String {
    let mut schema = schemars::schema_for!(RawReport);
    schema.insert("title".into(), "Earnings Explorer dataset".into());
    serde_json::to_string_pretty(&schema).expect("a schema is JSON") + "\n"
}
