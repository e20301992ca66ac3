//! An exact decimal number: the figures of a report are decimal fractions
//! ($193.4M, −$0.22, 17.15 %), and sums such as the reconciliation must add up
//! to the cent, so they are never held as binary floats.

use std::cmp::Ordering;

/// `units / 10^scale`, e.g. 193.4 is `{ units: 1934, scale: 1 }`.
///
/// The scale is the precision the number was written with, so `14.0` keeps
/// one decimal when it is shown again.
#[derive(Clone, Copy, Debug)]
pub struct Decimal {
    units: i128,
    scale: u32,
}

const MAX_SCALE: u32 = 12;

/// Written into the build's Rust code (see `build.rs`).
#[cfg(not(target_arch = "wasm32"))]
impl super::code::RustCode for Decimal {
    fn rust(&self) -> String {
        format!(
            "crate::model::decimal::Decimal::from_parts({}, {})",
            self.units, self.scale
        )
    }
}

impl Decimal {
    /// `units / 10^scale`, as the build's Rust code writes it.
    pub const fn from_parts(units: i128, scale: u32) -> Self {
        Decimal { units, scale }
    }

    /// A whole number.
    pub const fn int(n: i64) -> Self {
        Decimal {
            units: n as i128,
            scale: 0,
        }
    }

    /// Parses `-12.50`, `3`, `+0.5`. Exponents, spaces and more than twelve
    /// decimals are refused.
    pub fn parse(text: &str) -> Option<Self> {
        let (negative, digits) = match text.as_bytes().first()? {
            b'-' => (true, &text[1..]),
            b'+' => (false, &text[1..]),
            _ => (false, text),
        };
        let (whole, frac) = match digits.split_once('.') {
            Some((w, f)) => (w, f),
            None => (digits, ""),
        };
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || !all_digits(whole) || !all_digits(frac) {
            return None;
        }
        if digits.contains('.') && frac.is_empty() {
            return None;
        }
        let scale = frac.len() as u32;
        if scale > MAX_SCALE || whole.len() > 20 {
            return None;
        }
        let units: i128 = format!("{whole}{frac}").parse().ok()?;
        Some(Decimal {
            units: if negative { -units } else { units },
            scale,
        })
    }

    /// Rounds a float to `decimals` places (half away from zero); used only for
    /// derived ratios, never for reported figures.
    pub fn from_f64(x: f64, decimals: u32) -> Option<Self> {
        if !x.is_finite() || decimals > MAX_SCALE {
            return None;
        }
        let scaled = (x * 10f64.powi(decimals as i32)).round();
        if scaled.abs() > 1e30 {
            return None;
        }
        Some(Decimal {
            units: scaled as i128,
            scale: decimals,
        })
    }

    /// How many decimals it was written with.
    pub fn decimals(self) -> u32 {
        self.scale
    }

    pub fn is_negative(self) -> bool {
        self.units < 0
    }

    pub fn is_zero(self) -> bool {
        self.units == 0
    }

    pub fn abs(self) -> Self {
        Decimal {
            units: self.units.abs(),
            ..self
        }
    }

    pub fn to_f64(self) -> f64 {
        self.units as f64 / 10f64.powi(self.scale as i32)
    }

    /// The same value written with `scale` decimals (only ever adds zeros).
    fn widened(self, scale: u32) -> Self {
        debug_assert!(scale >= self.scale);
        Decimal {
            units: self.units * 10i128.pow(scale - self.scale),
            scale,
        }
    }

    /// Multiplies by `10^power` keeping the written precision relative to the
    /// new unit (e.g. 193.4 million → 193,400,000.0 units).
    pub fn times_pow10(self, power: u32) -> Self {
        Decimal {
            units: self.units * 10i128.pow(power),
            scale: self.scale,
        }
    }

    /// Divides by `10^power`, exactly (the written precision grows by `power`).
    pub fn div_pow10(self, power: u32) -> Self {
        Decimal {
            units: self.units,
            scale: self.scale + power,
        }
    }

    /// The mean of two values, exact (one more decimal when needed).
    pub fn midpoint(self, other: Self) -> Self {
        let sum = self + other;
        if sum.units % 2 == 0 {
            Decimal {
                units: sum.units / 2,
                scale: sum.scale,
            }
        } else {
            Decimal {
                units: sum.units * 5,
                scale: sum.scale + 1,
            }
        }
    }

    /// Rounds to `decimals` places, half away from zero.
    pub fn round_to(self, decimals: u32) -> Self {
        if decimals >= self.scale {
            return self.widened(decimals);
        }
        let div = 10i128.pow(self.scale - decimals);
        let half = div / 2;
        let units = if self.units >= 0 {
            (self.units + half) / div
        } else {
            (self.units - half) / div
        };
        Decimal {
            units,
            scale: decimals,
        }
    }

    /// Digits without sign: whole part and fractional part as written.
    pub fn digits(self) -> (String, String) {
        let text = self.units.abs().to_string();
        let scale = self.scale as usize;
        let padded = format!("{text:0>width$}", width = scale + 1);
        let (whole, frac) = padded.split_at(padded.len() - scale);
        (whole.to_string(), frac.to_string())
    }
}

impl std::ops::Add for Decimal {
    type Output = Decimal;

    fn add(self, other: Decimal) -> Decimal {
        let scale = self.scale.max(other.scale);
        Decimal {
            units: self.widened(scale).units + other.widened(scale).units,
            scale,
        }
    }
}

impl std::ops::Sub for Decimal {
    type Output = Decimal;

    fn sub(self, other: Decimal) -> Decimal {
        self + -other
    }
}

impl std::ops::Neg for Decimal {
    type Output = Decimal;

    fn neg(self) -> Decimal {
        Decimal {
            units: -self.units,
            ..self
        }
    }
}

impl PartialEq for Decimal {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Decimal {}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> Ordering {
        let scale = self.scale.max(other.scale);
        self.widened(scale).units.cmp(&other.widened(scale).units)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::parse(s).unwrap()
    }

    #[test]
    fn parses_and_keeps_written_precision() {
        assert_eq!(d("14.0").decimals(), 1);
        assert_eq!(d("855").decimals(), 0);
        assert_eq!(d("-0.22").digits(), ("0".into(), "22".into()));
        assert!(d("-0.22").is_negative());
    }

    #[test]
    fn refuses_what_is_not_a_plain_decimal() {
        for bad in ["", "-", "1.", ".5", "1e3", "1,000", " 1", "NaN", "1.2.3"] {
            assert!(Decimal::parse(bad).is_none(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn adds_exactly_across_precisions() {
        // The reconciliation of the bundled report: −14.0 + 11.5 = −2.5.
        assert_eq!(d("-14.0") + d("11.5"), d("-2.5"));
        assert_eq!(d("0.1") + d("0.2"), d("0.3"));
        assert_eq!(d("193.4") - d("180.8"), d("12.6"));
    }

    #[test]
    fn rounds_half_away_from_zero() {
        assert_eq!(d("2.45").round_to(1), d("2.5"));
        assert_eq!(d("-2.45").round_to(1), d("-2.5"));
        assert_eq!(d("2.44").round_to(1), d("2.4"));
        assert_eq!(Decimal::from_f64(94.371, 1).unwrap(), d("94.4"));
    }

    #[test]
    fn dividing_by_a_power_of_ten_is_exact() {
        assert_eq!(d("12600000.0").div_pow10(6), d("12.6"));
        assert_eq!(d("-25").div_pow10(1).decimals(), 1);
    }

    #[test]
    fn midpoint_is_exact() {
        assert_eq!(d("855").midpoint(d("865")), d("860"));
        assert_eq!(d("36").midpoint(d("37")), d("36.5"));
    }

    #[test]
    fn orders_across_precisions() {
        assert!(d("-0.22") < d("-0.16"));
        assert_eq!(d("47"), d("47.00"));
    }
}
