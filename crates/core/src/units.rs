//! Units of measure as plans and spreadsheets write them, and conversion between rates.

use serde::{Deserialize, Serialize};

/// A unit the evaluator can reason about. Rates convert among themselves; counts do not convert.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// A plain fraction: 0.961.
    Fraction,
    Percent,
    PerMille,
    PerTenThousand,
    PerHundredThousand,
    /// 人, 个, 家, 次, 所 …: a count; never converted.
    Count,
}

impl Unit {
    /// Reads a unit as written in a plan, a unit column, a label's brackets or a cell's suffix.
    pub fn parse(text: &str) -> Option<Unit> {
        let t: String = text
            .chars()
            .filter(|c| {
                !c.is_whitespace()
                    && !matches!(c, '(' | ')' | '（' | '）' | '[' | ']' | '【' | '】')
            })
            .collect();
        Some(match t.as_str() {
            "%" | "％" | "百分比" | "百分率" => Unit::Percent,
            // The key table prints "1/‰" for a rate per thousand births.
            "‰" | "1/‰" | "千分比" | "千分率" | "1/1000" | "/1000" | "‰o" => {
                Unit::PerMille
            }
            "‱" | "1/万" | "/万" | "1/10000" | "万分比" | "万分率" => {
                Unit::PerTenThousand
            }
            "1/10万" | "/10万" | "1/100000" | "/100000" | "/十万" | "1/十万" | "10万分之" => {
                Unit::PerHundredThousand
            }
            "人" | "个" | "家" | "次" | "所" | "名" | "人次" | "张" | "间" | "处" | "万人" => {
                Unit::Count
            }
            _ => return None,
        })
    }

    /// How many of the thing one unit is (a percent is 1/100 of one).
    fn scale(self) -> Option<f64> {
        match self {
            Unit::Fraction => Some(1.0),
            Unit::Percent => Some(1e-2),
            Unit::PerMille => Some(1e-3),
            Unit::PerTenThousand => Some(1e-4),
            Unit::PerHundredThousand => Some(1e-5),
            Unit::Count => None,
        }
    }

    pub fn is_rate(self) -> bool {
        self.scale().is_some()
    }

    /// Converts `value` from `self` into `to`; `None` when the two cannot be compared.
    pub fn convert(self, value: f64, to: Unit) -> Option<f64> {
        if self == to {
            return Some(value);
        }
        let (from_scale, to_scale) = (self.scale()?, to.scale()?);
        Some(value * from_scale / to_scale)
    }

    pub fn symbol(self) -> &'static str {
        match self {
            Unit::Fraction => "",
            Unit::Percent => "%",
            Unit::PerMille => "‰",
            Unit::PerTenThousand => "‱",
            Unit::PerHundredThousand => "1/10万",
            Unit::Count => "",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_units_as_officials_write_them() {
        assert_eq!(Unit::parse("（%）"), Some(Unit::Percent));
        assert_eq!(Unit::parse("％"), Some(Unit::Percent));
        assert_eq!(Unit::parse("1/‰"), Some(Unit::PerMille));
        assert_eq!(Unit::parse("1/10万"), Some(Unit::PerHundredThousand));
        assert_eq!(Unit::parse("人"), Some(Unit::Count));
        assert_eq!(Unit::parse("岁"), None);
    }

    #[test]
    fn converts_between_rates_only() {
        let close = |a: Option<f64>, b: f64| assert!((a.unwrap() - b).abs() < 1e-9, "{a:?} vs {b}");
        close(Unit::Fraction.convert(0.961, Unit::Percent), 96.1);
        close(Unit::Percent.convert(0.5, Unit::PerMille), 5.0);
        close(Unit::PerMille.convert(0.1, Unit::PerHundredThousand), 10.0);
        assert_eq!(Unit::Count.convert(3.0, Unit::Percent), None);
    }
}
