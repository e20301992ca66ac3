//! Figures computed from other figures. Each result carries its formula,
//! written with the input values, so a reader can check it.

use super::basis::Basis;
use super::dataset::RawDerivation;
use super::decimal::Decimal;
use super::figure::Figure;
use super::format::{self, Sign};
use super::quantity::{Qualifier, Quantity, Unit, Value};

/// A derived value and how it was computed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Derived {
    pub value: Value,
    pub formula: String,
}

impl Derived {
    /// The derived figure a page shows: tagged Derived, signed, with its
    /// formula and no source of its own.
    pub fn figure(self, id: String, label: String, period: String) -> Figure {
        Figure {
            id,
            label,
            period,
            basis: Basis::Derived,
            value: self.value,
            qualifier: Qualifier::Exact,
            sign: Sign::Always,
            source: None,
            formula: Some(self.formula),
            note: None,
        }
    }
}

fn shown(f: &Figure) -> String {
    format::value(
        &f.value,
        super::quantity::Qualifier::Exact,
        Sign::NegativeOnly,
    )
}

/// `to ÷ from − 1` in percent, to one decimal; `to` may be a range.
pub fn change(from: &Figure, to: &Figure) -> Result<Derived, String> {
    let Value::One(base) = &from.value else {
        return Err(format!(
            "'{}' must be a single number to measure a change from",
            from.id
        ));
    };
    if base.amount.is_zero() {
        return Err(format!(
            "'{}' is zero; a change from zero is undefined",
            from.id
        ));
    }
    let (lo, hi) = to
        .value
        .bounds()
        .ok_or_else(|| format!("'{}' must be a number", to.id))?;
    if !lo.unit.same_kind(&base.unit) {
        return Err(format!(
            "'{}' is in {} and '{}' in {}",
            to.id,
            lo.unit.name(),
            from.id,
            base.unit.name()
        ));
    }
    let pct = |q: &Quantity| -> Quantity {
        let r = (q.to_f64_base() / base.to_f64_base() - 1.0) * 100.0;
        Quantity::new(
            Decimal::from_f64(r, 1).unwrap_or(Decimal::int(0)),
            Unit::Percent,
        )
    };
    let value = if lo == hi {
        Value::One(pct(lo))
    } else {
        Value::Range(pct(lo), pct(hi))
    };
    Ok(Derived {
        value,
        formula: format!("({} ÷ {}) − 1", shown(to), shown(from)),
    })
}

/// `of − minus`; percentages give percentage points.
pub fn difference(of: &Figure, minus: &Figure) -> Result<Derived, String> {
    let Value::One(m) = &minus.value else {
        return Err(format!(
            "'{}' must be a single number to subtract",
            minus.id
        ));
    };
    let (lo, hi) = of
        .value
        .bounds()
        .ok_or_else(|| format!("'{}' must be a number", of.id))?;
    let sub = |q: &Quantity| -> Result<Quantity, String> {
        if !q.unit.same_kind(&m.unit) {
            return Err(format!(
                "'{}' ({}) and '{}' ({}) differ in unit",
                of.id,
                q.unit.name(),
                minus.id,
                m.unit.name()
            ));
        }
        let d = q
            .minus(m)
            .ok_or_else(|| format!("'{}' − '{}' is too large to compute", of.id, minus.id))?;
        Ok(if d.unit == Unit::Percent {
            Quantity::new(d.amount, Unit::Points)
        } else {
            d
        })
    };
    let value = if lo == hi {
        Value::One(sub(lo)?)
    } else {
        Value::Range(sub(lo)?, sub(hi)?)
    };
    Ok(Derived {
        value,
        formula: format!("{} − {}", shown(of), shown(minus)),
    })
}

/// The middle of a range.
pub fn midpoint(of: &Figure) -> Result<Derived, String> {
    let Value::Range(lo, hi) = &of.value else {
        return Err(format!("'{}' must be a range to take its midpoint", of.id));
    };
    let mid = of
        .value
        .central()
        .ok_or_else(|| format!("the midpoint of '{}' is too large to compute", of.id))?;
    Ok(Derived {
        value: Value::One(mid),
        formula: format!(
            "({} + {}) ÷ 2",
            format::quantity(lo, Sign::NegativeOnly),
            format::quantity(hi, Sign::NegativeOnly)
        ),
    })
}

/// The inputs a derivation names.
pub fn inputs(d: &RawDerivation) -> Vec<&str> {
    match d {
        RawDerivation::Change { from, to } => vec![from, to],
        RawDerivation::Difference { of, minus } => vec![of, minus],
        RawDerivation::Midpoint(of) => vec![of],
    }
}

/// Computes a derivation once its inputs are known.
pub fn compute<'a>(d: &RawDerivation, get: impl Fn(&str) -> &'a Figure) -> Result<Derived, String> {
    match d {
        RawDerivation::Change { from, to } => change(get(from), get(to)),
        RawDerivation::Difference { of, minus } => difference(get(of), get(minus)),
        RawDerivation::Midpoint(of) => midpoint(get(of)),
    }
}
