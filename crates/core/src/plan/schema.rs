//! A plan file's schema: the plan, its indicators and their targets, as the JSON says them.

use super::checks::Checks;
use super::PlanError;
use crate::numbers::{trim_float, Comparator};
use crate::regions::Region;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub schema: String,
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub title_en: String,
    pub period: Period,
    pub baseline_year: i32,
    /// Which years are reviews rather than yearly monitoring.
    #[serde(default)]
    pub monitoring: Monitoring,
    /// A submission to try the plan with (a schema 2 field).
    #[serde(default)]
    pub sample: Option<Sample>,
    /// The regions the plan reports on; a file may name others, recognised by their suffix.
    #[serde(default)]
    pub regions: Vec<Region>,
    #[serde(default)]
    pub source_document: String,
    #[serde(default)]
    pub notes: Vec<String>,
    #[serde(default)]
    pub domains: Vec<Domain>,
    pub indicators: Vec<Indicator>,
    #[serde(default)]
    pub excluded: Vec<Excluded>,
    /// What the plan's figures can plausibly be (a schema 2 field; `checks.rs`).
    #[serde(default)]
    pub checks: Checks,
    /// The checks dropped on loading, each with why: the rest of the plan is used all the same.
    #[serde(skip)]
    pub check_problems: Vec<PlanError>,
}

/// A sample submission that comes with a plan file: `file` is a path relative to the plan file's
/// own address, `name` what the page calls it (the file's own name when omitted).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sample {
    pub file: String,
    #[serde(default)]
    pub name: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub start: i32,
    pub end: i32,
}

/// The plan's monitoring cycle: every year is 年度监测 but the mid-term year (中期评估) and the
/// end of the period (终期评估).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Monitoring {
    #[serde(default)]
    pub midterm_year: Option<i32>,
}

/// What a check of one year is, in the plan's cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckKind {
    Annual,
    Midterm,
    Final,
}

impl CheckKind {
    pub fn label_zh(self) -> &'static str {
        match self {
            CheckKind::Annual => "年度监测",
            CheckKind::Midterm => "中期评估",
            CheckKind::Final => "终期评估",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            CheckKind::Annual => "annual monitoring",
            CheckKind::Midterm => "mid-term evaluation",
            CheckKind::Final => "final evaluation",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Domain {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub name_en: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: String,
    pub domain: String,
    #[serde(default)]
    pub key: bool,
    pub name: String,
    #[serde(default)]
    pub name_en: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub unit: String,
    pub baseline: Option<Baseline>,
    pub target: Target,
    pub kind: Kind,
    pub source: Source,
    #[serde(default)]
    pub notes: Vec<String>,
}

impl Indicator {
    /// The plan's words for this indicator as a reader should see them: a row of the plan's
    /// key-indicator table, which the source text gives flattened ("3每千人拥有3岁以下婴幼儿托位数(个)2.944.5"),
    /// rebuilt from the indicator's fields ("每千人拥有3岁以下婴幼儿托位数（个）｜2020 年 2.94｜2025 年 4.5");
    /// any other source sentence as quoted.
    pub fn plan_words(&self) -> String {
        if !self.source.is_table_row(&self.name) {
            return self.source.quote.clone();
        }
        let mut words = self.name.clone();
        if !self.unit.is_empty() {
            words += "（";
            words += &self.unit;
            words += "）";
        }
        let mut cell = |year: i32, figure: &str| {
            words += "｜";
            words += &year.to_string();
            words += " 年 ";
            words += figure;
        };
        if let Some(base) = &self.baseline {
            cell(base.year, &trim_float(base.value));
        }
        cell(self.target.year, &self.target.text);
        words
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub year: i32,
    pub value: f64,
    /// The sentence the value comes from, when it is not the target's own quote (the 十三五
    /// review paragraph gives some 2020 values).
    #[serde(default)]
    pub quote: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Target {
    pub op: Op,
    pub value: Option<f64>,
    #[serde(default)]
    pub upper: Option<f64>,
    #[serde(default)]
    pub base_year: Option<i32>,
    pub year: i32,
    pub text: String,
}

/// How a value is compared with the target. A plan file writes it as a code: `<`, `<=`, `>`,
/// `>=`, `=`, `about`, `range`, `increase_yearly`, `decrease_pp_yearly` or `qualitative`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// Against one figure.
    Compare(Comparator),
    /// 左右: about `value`, met within [`ABOUT_TOLERANCE`] of it (a plan's own words never
    /// turned into `=` or dropped).
    About,
    /// Between `value` and `upper`.
    Range,
    IncreaseYearly,
    DecreasePpYearly,
    Qualitative,
}

impl Target {
    /// The target in symbols, as the report and the page show it: "≤5‰", "<8.78/10万", "≥90%",
    /// "1–2个", "逐年增加"; the plan's own words are in `text`.
    pub fn display(&self, unit: &str, lang_en: bool) -> String {
        let unit = display_unit(unit);
        let number = |v: Option<f64>| v.map(trim_float).unwrap_or_default();
        match self.op {
            Op::Compare(comparator) => {
                format!("{}{}{unit}", comparator.symbol(), number(self.value))
            }
            Op::Range => format!("{}–{}{unit}", number(self.value), number(self.upper)),
            Op::About if lang_en => format!("about {}{unit}", number(self.value)),
            Op::About => format!("{}{unit}左右", number(self.value)),
            Op::IncreaseYearly if lang_en => "increase every year".into(),
            Op::IncreaseYearly => "逐年增加".into(),
            Op::DecreasePpYearly if lang_en => format!(
                "−{} point(s) a year from {}",
                number(self.value),
                self.base_year.map(|y| y.to_string()).unwrap_or_default()
            ),
            Op::DecreasePpYearly => format!(
                "自{}年起每年降低{}个百分点",
                self.base_year.map(|y| y.to_string()).unwrap_or_default(),
                number(self.value)
            ),
            Op::Qualitative => self.text.clone(),
        }
    }
}

/// How far from its figure a 左右 (`about`) target is still met: a tenth of the figure either way.
pub const ABOUT_TOLERANCE: f64 = 0.1;

/// A unit as it reads after a number: the key table's "1/‰" is ‰, "1/10万" reads "/10万".
pub fn display_unit(unit: &str) -> &str {
    match unit {
        "1/‰" => "‰",
        "1/10万" => "/10万",
        other => other,
    }
}

impl Op {
    const WORDS: [(Op, &'static str); 5] = [
        (Op::About, "about"),
        (Op::Range, "range"),
        (Op::IncreaseYearly, "increase_yearly"),
        (Op::DecreasePpYearly, "decrease_pp_yearly"),
        (Op::Qualitative, "qualitative"),
    ];

    /// As a plan file writes it: `<=`, `range` …
    pub fn code(self) -> &'static str {
        match self {
            Op::Compare(comparator) => comparator.code(),
            other => Op::WORDS
                .iter()
                .find(|(op, _)| *op == other)
                .map_or("", |(_, code)| code),
        }
    }

    /// As the report shows it: `≤` for a comparison, else the code.
    pub fn symbol(self) -> &'static str {
        match self {
            Op::Compare(comparator) => comparator.symbol(),
            other => other.code(),
        }
    }

    pub fn from_code(code: &str) -> Option<Op> {
        let compare = Comparator::ALL
            .into_iter()
            .find(|c| c.code() == code)
            .map(Op::Compare);
        compare.or_else(|| {
            Op::WORDS
                .iter()
                .find(|(_, w)| *w == code)
                .map(|(op, _)| *op)
        })
    }
}

impl Serialize for Op {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Op {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Op, D::Error> {
        struct Code;
        impl serde::de::Visitor<'_> for Code {
            type Value = Op;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a target op such as \"<=\" or \"range\"")
            }
            fn visit_str<E: serde::de::Error>(self, code: &str) -> Result<Op, E> {
                Op::from_code(code).ok_or_else(|| E::unknown_variant(code, &CODES))
            }
        }
        const CODES: [&str; 10] = [
            "<",
            "<=",
            ">",
            ">=",
            "=",
            "about",
            "range",
            "increase_yearly",
            "decrease_pp_yearly",
            "qualitative",
        ];
        deserializer.deserialize_str(Code)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Threshold,
    Maintain,
    IncreaseYearly,
    DecreasePpYearly,
    Count,
    Qualitative,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub section: String,
    pub quote: String,
}

impl Source {
    /// Whether the quote is a row of a table, not a sentence: its section names a table's row
    /// ("重点指标目标表 第3行"), or the quote is a row number run into the indicator's name.
    pub fn is_table_row(&self, name: &str) -> bool {
        let names_a_row = self.section.contains('表') && self.section.contains('行');
        let after_number = self.quote.trim_start_matches(|c: char| c.is_ascii_digit());
        names_a_row || (after_number.len() < self.quote.len() && after_number.starts_with(name))
    }
}

/// A sentence of the plan left out of the catalogue, with the reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Excluded {
    pub quote: String,
    #[serde(default)]
    pub section: String,
    pub reason: String,
}
