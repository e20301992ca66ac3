//! Quantities with their unit: money, per-share amounts, percentages,
//! percentage points and plain counts, and the values a figure can hold
//! (one quantity, a range such as guidance, a text, or "not reported").

use super::decimal::Decimal;

/// The scale a money amount was written in (`$193.4M` is written in millions).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MoneyScale {
    Units,
    Millions,
    Billions,
}

impl MoneyScale {
    fn power(self) -> u32 {
        match self {
            MoneyScale::Units => 0,
            MoneyScale::Millions => 6,
            MoneyScale::Billions => 9,
        }
    }

    pub fn suffix(self) -> &'static str {
        match self {
            MoneyScale::Units => "",
            MoneyScale::Millions => "M",
            MoneyScale::Billions => "B",
        }
    }
}

/// What a number counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unit {
    /// US dollars, written at a scale.
    Usd(MoneyScale),
    /// US dollars per share (EPS).
    UsdPerShare,
    /// A percentage (growth, margin, share of float).
    Percent,
    /// A difference between two percentages, in percentage points.
    Points,
    /// Anything else, named by the dataset ("MW", "tokens/s", "×", "months").
    Other(String),
}

impl Unit {
    /// Two units that can be added or compared (money at any scale is money).
    pub fn same_kind(&self, other: &Unit) -> bool {
        match (self, other) {
            (Unit::Usd(_), Unit::Usd(_)) => true,
            (a, b) => a == b,
        }
    }

    /// A short name used in messages.
    pub fn name(&self) -> String {
        match self {
            Unit::Usd(_) => "US dollars".into(),
            Unit::UsdPerShare => "US dollars per share".into(),
            Unit::Percent => "percent".into(),
            Unit::Points => "percentage points".into(),
            Unit::Other(u) => u.clone(),
        }
    }
}

/// A number with its unit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quantity {
    pub amount: Decimal,
    pub unit: Unit,
}

impl Quantity {
    pub fn new(amount: Decimal, unit: Unit) -> Self {
        Quantity { amount, unit }
    }

    /// The amount in the unit's base (dollars for money), for arithmetic
    /// across scales; `None` past what a `Decimal` holds.
    pub fn base_amount(&self) -> Option<Decimal> {
        match self.unit {
            Unit::Usd(scale) => self.amount.times_pow10(scale.power()),
            _ => Some(self.amount),
        }
    }

    /// Re-expresses a base amount in this quantity's unit and scale.
    pub fn with_base_amount(&self, base: Decimal) -> Option<Quantity> {
        let amount = match self.unit {
            Unit::Usd(scale) if scale.power() > 0 => {
                let decimals = self.amount.decimals().max(base.decimals());
                base.div_pow10(scale.power())?.round_to(decimals)?
            }
            _ => base,
        };
        Some(Quantity::new(amount, self.unit.clone()))
    }

    /// `self − other`, in self's unit, or `None` when the units differ in
    /// kind (check [`Unit::same_kind`] first to tell) or the numbers are past
    /// what a `Decimal` holds.
    pub fn minus(&self, other: &Quantity) -> Option<Quantity> {
        if !self.unit.same_kind(&other.unit) {
            return None;
        }
        let difference = self.base_amount()?.checked_sub(other.base_amount()?)?;
        self.with_base_amount(difference)
    }

    /// `self + other`, in self's unit (as [`Quantity::minus`]).
    pub fn plus(&self, other: &Quantity) -> Option<Quantity> {
        self.minus(&other.negated())
    }

    pub fn negated(&self) -> Quantity {
        Quantity::new(-self.amount, self.unit.clone())
    }

    pub fn to_f64_base(&self) -> f64 {
        match self.unit {
            Unit::Usd(scale) => self.amount.to_f64() * 10f64.powi(scale.power() as i32),
            _ => self.amount.to_f64(),
        }
    }
}

/// How exact a reported figure is, as its source words it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Qualifier {
    Exact,
    /// "approximately", "roughly": shown with a leading `~`.
    About,
    /// "more than": shown with a leading `>`.
    MoreThan,
}

/// What a figure holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    One(Quantity),
    /// A range with `low <= high` (guidance, a band of targets).
    Range(Quantity, Quantity),
    /// A fact that is not a number (a rating, a period).
    Text(String),
    /// The sources do not give this figure; it is never invented.
    NotReported,
}

impl Value {
    /// The low and high ends (equal for a single quantity).
    pub fn bounds(&self) -> Option<(&Quantity, &Quantity)> {
        match self {
            Value::One(q) => Some((q, q)),
            Value::Range(lo, hi) => Some((lo, hi)),
            _ => None,
        }
    }

    /// A single quantity, or the midpoint of a range (`None` past what a
    /// `Decimal` holds).
    pub fn central(&self) -> Option<Quantity> {
        match self {
            Value::One(q) => Some(q.clone()),
            Value::Range(lo, hi) => {
                let mid = lo.base_amount()?.midpoint(hi.base_amount()?)?;
                lo.with_base_amount(mid)
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn usd_m(s: &str) -> Quantity {
        Quantity::new(Decimal::parse(s).unwrap(), Unit::Usd(MoneyScale::Millions))
    }

    #[test]
    fn money_adds_across_scales_and_keeps_the_first_scale() {
        let billions = Quantity::new(
            Decimal::parse("3.3").unwrap(),
            Unit::Usd(MoneyScale::Billions),
        );
        let sum = usd_m("193.4").plus(&billions).unwrap();
        assert_eq!(sum, usd_m("3493.4"));
    }

    #[test]
    fn subtraction_refuses_different_kinds() {
        let pct = Quantity::new(Decimal::int(47), Unit::Percent);
        assert!(usd_m("1").minus(&pct).is_none());
    }

    #[test]
    fn midpoint_of_a_money_range() {
        let v = Value::Range(usd_m("855"), usd_m("865"));
        assert_eq!(v.central().unwrap(), usd_m("860"));
    }

    #[test]
    fn small_amounts_survive_the_round_trip_through_dollars() {
        assert_eq!(
            usd_m("-2.5").with_base_amount(usd_m("-2.5").base_amount().unwrap()),
            Some(usd_m("-2.5"))
        );
        assert_eq!(usd_m("0.05").minus(&usd_m("0.02")).unwrap(), usd_m("0.03"));
    }

    #[test]
    fn sums_past_what_a_decimal_holds_give_none() {
        let huge = Quantity::new(
            Decimal::parse("99999999999999999999.999999999999").unwrap(),
            Unit::Usd(MoneyScale::Billions),
        );
        assert_eq!(huge.base_amount(), None);
        assert_eq!(huge.plus(&usd_m("1")), None);
        assert_eq!(Value::Range(huge.clone(), huge).central(), None);
    }
}
