//! How numbers read in words: shared by the plan (targets in symbols), ingest (cells as
//! written), evaluation (reasons) and the exports, so it belongs to none of them.

/// A number as a person writes it: no trailing zeros, no float noise (0.92, not
/// 0.9199999999), and never "-0".
pub fn trim_float(value: f64) -> String {
    let rounded = (value * 1e9).round() / 1e9;
    let text = format!("{rounded}");
    if text == "-0" {
        "0".into()
    } else {
        text
    }
}

/// How a value compares with a figure: a target's `<=` in a plan file, a cell's "≤8.78". One type
/// for both, so a cell's bound and a target meet without translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparator {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
}

/// Values closer than this are equal: spreadsheets store 0.92 as 0.9199999999.
pub const EPSILON: f64 = 1e-9;

impl Comparator {
    pub const ALL: [Comparator; 5] = [
        Comparator::Lt,
        Comparator::Le,
        Comparator::Gt,
        Comparator::Ge,
        Comparator::Eq,
    ];

    /// As a plan file writes it: `<=`.
    pub fn code(self) -> &'static str {
        match self {
            Comparator::Lt => "<",
            Comparator::Le => "<=",
            Comparator::Gt => ">",
            Comparator::Ge => ">=",
            Comparator::Eq => "=",
        }
    }

    /// As a person reads it: `≤`.
    pub fn symbol(self) -> &'static str {
        match self {
            Comparator::Le => "≤",
            Comparator::Ge => "≥",
            other => other.code(),
        }
    }

    /// Whether `value` compares so with `figure` (within [`EPSILON`]).
    pub fn holds(self, value: f64, figure: f64) -> bool {
        match self {
            Comparator::Lt => value < figure - EPSILON,
            Comparator::Le => value <= figure + EPSILON,
            Comparator::Gt => value > figure + EPSILON,
            Comparator::Ge => value >= figure - EPSILON,
            Comparator::Eq => (value - figure).abs() <= EPSILON,
        }
    }

    /// Whether the values it admits lie below the figure (`<`, `<=`) or above it (`>`, `>=`).
    pub fn is_upper_bound(self) -> bool {
        matches!(self, Comparator::Lt | Comparator::Le)
    }

    pub fn is_lower_bound(self) -> bool {
        matches!(self, Comparator::Gt | Comparator::Ge)
    }
}

impl serde::Serialize for Comparator {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}
