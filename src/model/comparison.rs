//! A reported figure against what was expected of it (consensus): beat, miss
//! or in line, with the absolute and relative difference.

use serde::Deserialize;

use super::decimal::Decimal;
use super::quantity::{Quantity, Unit};

/// Which direction counts as better.
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Deserialize, Clone, Copy, Debug, Default, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Better {
    #[default]
    Higher,
    Lower,
}

#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[derive(Deserialize, Clone, Copy, Debug, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Beat,
    Miss,
    InLine,
}

impl Verdict {
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Beat => "Beat",
            Verdict::Miss => "Miss",
            Verdict::InLine => "In line",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            Verdict::Beat => "beat",
            Verdict::Miss => "miss",
            Verdict::InLine => "in-line",
        }
    }
}

/// The outcome of comparing an actual figure with an expected one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub verdict: Verdict,
    /// `actual − expected`, in the actual's unit.
    pub difference: Quantity,
    /// The difference relative to the size of the expectation, in percent (one decimal).
    pub relative: Quantity,
}

/// Compares `actual` with `expected`; `None` when their units differ in kind
/// or the expectation is zero.
pub fn compare(actual: &Quantity, expected: &Quantity, better: Better) -> Option<Outcome> {
    let difference = actual.minus(expected)?;
    let base = expected.to_f64_base();
    if base == 0.0 {
        return None;
    }
    let relative = difference.to_f64_base() / base.abs() * 100.0;
    let relative = Quantity::new(Decimal::from_f64(relative, 1)?, Unit::Percent);
    let signed = if better == Better::Higher {
        difference.amount
    } else {
        -difference.amount
    };
    let verdict = if signed.is_zero() {
        Verdict::InLine
    } else if signed.is_negative() {
        Verdict::Miss
    } else {
        Verdict::Beat
    };
    Some(Outcome {
        verdict,
        difference,
        relative,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::quantity::MoneyScale;

    fn q(s: &str, unit: Unit) -> Quantity {
        Quantity::new(Decimal::parse(s).unwrap(), unit)
    }

    #[test]
    fn revenue_beat() {
        let m = Unit::Usd(MoneyScale::Millions);
        let o = compare(
            &q("193.4", m.clone()),
            &q("180.8", m.clone()),
            Better::Higher,
        )
        .unwrap();
        assert_eq!(o.verdict, Verdict::Beat);
        assert_eq!(o.difference, q("12.6", m));
        assert_eq!(o.relative, q("7.0", Unit::Percent));
    }

    #[test]
    fn a_deeper_loss_per_share_is_a_miss() {
        let o = compare(
            &q("-0.22", Unit::UsdPerShare),
            &q("-0.16", Unit::UsdPerShare),
            Better::Higher,
        )
        .unwrap();
        assert_eq!(o.verdict, Verdict::Miss);
        assert_eq!(o.difference, q("-0.06", Unit::UsdPerShare));
        assert_eq!(o.relative, q("-37.5", Unit::Percent));
    }

    #[test]
    fn lower_is_better_flips_the_verdict_and_equal_is_in_line() {
        let a = q("5", Unit::Percent);
        let b = q("6", Unit::Percent);
        assert_eq!(
            compare(&a, &b, Better::Lower).unwrap().verdict,
            Verdict::Beat
        );
        assert_eq!(
            compare(&a, &a, Better::Higher).unwrap().verdict,
            Verdict::InLine
        );
    }

    #[test]
    fn refuses_mismatched_units_and_zero_expectations() {
        assert!(compare(
            &q("1", Unit::Percent),
            &q("1", Unit::UsdPerShare),
            Better::Higher
        )
        .is_none());
        assert!(compare(
            &q("1", Unit::Percent),
            &q("0", Unit::Percent),
            Better::Higher
        )
        .is_none());
    }
}
