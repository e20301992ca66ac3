//! Comparisons and the reconciliation: a comparison's verdict and
//! difference computed from its parts (and a stated one checked against
//! them), the bridge from GAAP to non-GAAP adding up to the cent.

use std::collections::HashSet;

use super::super::comparison::compare;
use super::super::dataset::{RawComparison, RawReconciliation};
use super::super::format::{self, Sign};
use super::super::quantity::Value;
use super::super::report::{fail, Comparison, LoadError, Reconciliation};
use super::fields::{single, slug, to_value, unique};
use super::texts::Known;

/// Every comparison, computed.
pub(super) fn comparisons(
    raw: &[RawComparison],
    known: &Known,
) -> Result<Vec<Comparison>, LoadError> {
    let mut comparisons = Vec::new();
    let mut ids = HashSet::new();
    for (i, c) in raw.iter().enumerate() {
        let at = format!("comparisons[{i}]");
        slug(&format!("{at}.id"), &c.id)?;
        unique(&mut ids, &format!("{at}.id"), &c.id)?;
        let actual = single(
            &format!("{at}.actual"),
            known.figure(&format!("{at}.actual"), &c.actual)?,
        )?;
        let expected = single(
            &format!("{at}.expected"),
            known.figure(&format!("{at}.expected"), &c.expected)?,
        )?;
        let Some(outcome) = compare(actual, expected, c.better) else {
            return fail(
                at,
                format!(
                    "cannot compare '{}' with '{}' (units differ, the expectation is zero, or the numbers are too large)",
                    c.actual, c.expected
                ),
            );
        };
        if let Some(stated) = &c.stated {
            known.source(&format!("{at}.stated.source"), &stated.source)?;
            if stated.verdict != outcome.verdict {
                return fail(
                    format!("{at}.stated.verdict"),
                    format!(
                        "says '{}', but {} against {} is '{}': the comparison contradicts its parts",
                        stated.verdict.label(),
                        format::quantity(actual, Sign::NegativeOnly),
                        format::quantity(expected, Sign::NegativeOnly),
                        outcome.verdict.label()
                    ),
                );
            }
            if let Some(d) = &stated.difference {
                let at_d = format!("{at}.stated.difference");
                let Value::One(d) = to_value(&at_d, d)? else {
                    return fail(at_d, "must be a single number");
                };
                // The parts' difference, in the stated unit, at the stated precision.
                let computed = outcome
                    .difference
                    .base_amount()
                    .and_then(|base| d.with_base_amount(base.abs()))
                    .and_then(|q| q.amount.round_to(d.amount.decimals()));
                let same = d.unit.same_kind(&outcome.difference.unit) && computed == Some(d.amount);
                if !same {
                    return fail(
                        at_d,
                        format!(
                            "says {}, but the parts differ by {}: the comparison contradicts its parts",
                            format::quantity(&d, Sign::NegativeOnly),
                            format::quantity(&outcome.difference, Sign::NegativeOnly)
                        ),
                    );
                }
            }
        }
        comparisons.push(Comparison {
            id: c.id.clone(),
            actual: c.actual.clone(),
            expected: c.expected.clone(),
            outcome,
        });
    }
    Ok(comparisons)
}

/// The reconciliation, if any: it must add up.
pub(super) fn reconciliation(
    raw: Option<&RawReconciliation>,
    known: &Known,
) -> Result<Option<Reconciliation>, LoadError> {
    let reconciliation = match raw {
        None => None,
        Some(r) => {
            let at = "reconciliation";
            let from = single(
                &format!("{at}.from"),
                known.figure(&format!("{at}.from"), &r.from)?,
            )?;
            let to = single(
                &format!("{at}.to"),
                known.figure(&format!("{at}.to"), &r.to)?,
            )?;
            let mut sum = from.clone();
            for (i, a) in r.adjustments.iter().enumerate() {
                let at_a = format!("{at}.adjustments[{i}].figure");
                let q = single(&at_a, known.figure(&at_a, &a.figure)?)?;
                if !q.unit.same_kind(&from.unit) {
                    return fail(
                        at_a,
                        format!(
                            "is in {}, the bridge in {}",
                            q.unit.name(),
                            from.unit.name()
                        ),
                    );
                }
                let Some(next) = sum.plus(q) else {
                    return fail(at_a, "makes the bridge too large to compute");
                };
                sum = next;
            }
            if !to.unit.same_kind(&sum.unit) || sum.base_amount() != to.base_amount() {
                return fail(
                    at,
                    format!(
                        "does not add up: {} plus the adjustments is {}, not {}",
                        format::quantity(from, Sign::NegativeOnly),
                        format::quantity(&sum, Sign::NegativeOnly),
                        format::quantity(to, Sign::NegativeOnly)
                    ),
                );
            }
            known.text(&format!("{at}.about"), &r.about)?;
            Some(Reconciliation {
                from: r.from.clone(),
                adjustments: r.adjustments.iter().map(|a| a.figure.clone()).collect(),
                to: r.to.clone(),
                about: r.about.clone(),
            })
        }
    };

    Ok(reconciliation)
}

#[cfg(test)]
mod tests {
    use super::super::testing::*;
    use serde_json::json;

    #[test]
    fn a_reconciliation_that_does_not_add_up_is_refused() {
        let e = error_after(|d| {
            let i = figure_index(d, "sbc");
            d["figures"][i]["value"] = json!({ "usd_m": 11.4 });
        });
        assert!(e.starts_with("reconciliation: does not add up"), "{e}");
        assert!(e.contains("−$2.6M") && e.contains("−$2.5M"), "{e}");
    }

    #[test]
    fn a_comparison_that_contradicts_its_parts_is_refused() {
        let e = error_after(|d| d["comparisons"][0]["stated"]["verdict"] = json!("miss"));
        assert!(e.starts_with("comparisons[0].stated.verdict:"), "{e}");
        assert!(e.contains("contradicts its parts"), "{e}");

        let e =
            error_after(|d| d["comparisons"][0]["stated"]["difference"] = json!({ "usd_m": 13.6 }));
        assert!(e.starts_with("comparisons[0].stated.difference:"), "{e}");
    }
}
