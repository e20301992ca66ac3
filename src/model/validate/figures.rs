//! Figures and units: each figure's id, label, period, basis, value and
//! source; derived figures computed from the others (in any order, but not
//! in a circle), each with its formula.

use std::collections::{HashMap, HashSet};

use super::super::basis::Basis;
use super::super::dataset::{RawDerivation, RawFigure, RawQualifier, SourceRef};
use super::super::derive;
use super::super::figure::Figure;
use super::super::format::Sign;
use super::super::quantity::{Qualifier, Value};
use super::super::report::{fail, LoadError};
use super::fields::{non_empty, slug, to_value, unique};

/// Checks every figure and computes the derived ones (which may build on
/// each other, in any order, but not in a circle).
pub(super) fn resolve(
    raw: &[RawFigure],
    check_source: &dyn Fn(&str, &SourceRef) -> Result<(), LoadError>,
) -> Result<Vec<Figure>, LoadError> {
    let mut seen = HashSet::new();
    let mut out: Vec<Option<Figure>> = vec![None; raw.len()];
    for (i, f) in raw.iter().enumerate() {
        let at = format!("figures[{i}]");
        slug(&format!("{at}.id"), &f.id)?;
        unique(&mut seen, &format!("{at}.id"), &f.id)?;
        non_empty(&format!("{at}.label"), &f.label)?;
        non_empty(&format!("{at}.period"), &f.period)?;
        let derived = f.derived.is_some();
        if derived != (f.basis == Basis::Derived) {
            return fail(
                format!("{at}.basis"),
                format!(
                    "figure '{}': a figure is derived exactly when it has a 'derived' formula",
                    f.id
                ),
            );
        }
        match (&f.value, &f.source, derived) {
            (Some(_), _, true) => {
                return fail(
                    format!("{at}.value"),
                    format!("figure '{}' is derived; its value is computed", f.id),
                )
            }
            (None, _, false) => {
                return fail(
                    format!("{at}.value"),
                    format!("figure '{}' has no value", f.id),
                )
            }
            (_, None, false) => {
                return fail(
                    format!("{at}.source"),
                    format!("figure '{}' has no source", f.id),
                )
            }
            (_, Some(s), _) => check_source(&format!("{at}.source"), s)?,
            _ => {}
        }
        let qualifier = match f.qualifier {
            None => Qualifier::Exact,
            Some(RawQualifier::About) => Qualifier::About,
            Some(RawQualifier::MoreThan) => Qualifier::MoreThan,
        };
        let make = |value: Value, formula: Option<String>| Figure {
            id: f.id.clone(),
            label: f.label.clone(),
            period: f.period.clone(),
            basis: f.basis,
            value,
            qualifier,
            sign: if f.change || derived {
                Sign::Always
            } else {
                Sign::NegativeOnly
            },
            source: f.source.clone(),
            formula,
            note: f.note.clone(),
        };
        if let Some(v) = &f.value {
            out[i] = Some(make(to_value(&format!("{at}.value"), v)?, None));
        }
    }
    let ids: HashMap<&str, usize> = raw
        .iter()
        .enumerate()
        .map(|(i, f)| (f.id.as_str(), i))
        .collect();
    for (i, f) in raw.iter().enumerate() {
        if let Some(d) = &f.derived {
            for input in derive::inputs(d) {
                if !ids.contains_key(input) {
                    return fail(
                        format!("figures[{i}].derived"),
                        format!("names figure '{input}', which is not in figures"),
                    );
                }
            }
        }
    }
    // Resolve derived figures whose inputs are known, until none is left.
    loop {
        let mut progress = false;
        let mut pending = None;
        for (i, f) in raw.iter().enumerate() {
            let Some(d) = &f.derived else { continue };
            if out[i].is_some() {
                continue;
            }
            let inputs = derive::inputs(d);
            if inputs.iter().any(|id| out[ids[id]].is_none()) {
                pending = Some(i);
                continue;
            }
            let result = derive::compute(d, |id| out[ids[id]].as_ref().expect("resolved"))
                .map_err(|m| LoadError {
                    path: format!("figures[{i}].derived"),
                    message: m,
                })?;
            let figure = Figure {
                id: f.id.clone(),
                label: f.label.clone(),
                period: f.period.clone(),
                basis: Basis::Derived,
                value: result.value,
                qualifier: Qualifier::Exact,
                sign: Sign::Always,
                source: f.source.clone(),
                formula: Some(result.formula),
                note: f.note.clone(),
            };
            // A midpoint is a level, not a change.
            let figure = if matches!(d, RawDerivation::Midpoint(_)) {
                Figure {
                    sign: Sign::NegativeOnly,
                    ..figure
                }
            } else {
                figure
            };
            out[i] = Some(figure);
            progress = true;
        }
        match (progress, pending) {
            (_, None) => break,
            (false, Some(i)) => {
                return fail(
                    format!("figures[{i}].derived"),
                    format!(
                        "figure '{}' is derived from itself, through a circle",
                        raw[i].id
                    ),
                )
            }
            (true, Some(_)) => {}
        }
    }
    Ok(out
        .into_iter()
        .map(|f| f.expect("every figure resolved"))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use serde_json::json;

    #[test]
    fn derived_figures_must_say_so_and_cannot_go_in_circles() {
        let e = error_after(|d| d["figures"][0]["basis"] = json!("derived"));
        assert!(e.starts_with("figures[0].basis:"), "{e}");
        let e = error_after(|d| {
            let i = figure_index(d, "revenue-guide-fy-mid");
            d["figures"][i]["derived"] = json!({ "midpoint": "revenue-guide-fy-mid" });
        });
        assert!(e.contains("derived from itself"), "{e}");
    }
}
