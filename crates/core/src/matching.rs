//! Matching row labels to plan indicators: normalise, then exact name, then alias, then a
//! character-bigram similarity relative to length. Overrides from the user come last and win.

use crate::ingest::value::half_width;
use crate::plan::Plan;
use crate::regions::RegionBook;
use crate::units::Unit;
use serde::Serialize;
// Keys are the plan's names and their bigrams: a file's labels only look them up, so there is no
// table to attack, and SipHash cost more than the comparisons the lookup saves.
use rustc_hash::FxHashMap as HashMap;

/// Below this similarity a label is unmatched.
pub const MATCH_THRESHOLD: f64 = 0.80;
/// Two candidates closer than this are ambiguous.
pub const AMBIGUITY_MARGIN: f64 = 0.05;
/// Below this similarity an unmatched label is offered no nearest indicator. At 0.5 half the
/// character pairs of the two names are shared: a variant spelling of the same measure sits above
/// it, two measures that share only a word (人口, 儿童) below — 全市常住人口 against 千人口托位数
/// (an alias of 每千人拥有3岁以下婴幼儿托位数) is 0.25, and offering it would mislead.
pub const SUGGESTION_FLOOR: f64 = 0.5;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    Exact,
    Alias,
    Similar,
    Manual,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Match {
    pub indicator_id: String,
    pub method: Method,
    pub confidence: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Candidate {
    pub indicator_id: String,
    pub confidence: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum Outcome {
    Matched(Match),
    /// Two indicators are about as close: the user must choose.
    Ambiguous {
        candidates: Vec<Candidate>,
    },
    Unmatched {
        /// The nearest indicator, when at least [`SUGGESTION_FLOOR`] alike.
        best: Option<Candidate>,
    },
    /// The user said this row is not a plan indicator.
    Removed,
}

/// A user's decision about one label: map it to an indicator, or to none.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Override {
    pub as_written: String,
    pub indicator_id: Option<String>,
}

/// Normalises a label for comparison: half-width, one dash, no spaces, no brackets around a unit,
/// no leading numbering, no trailing marks, no year in front (regions in front only where
/// [`normalise_with`] is told them).
pub fn normalise(label: &str) -> String {
    normalise_with(label, &RegionBook::default())
}

/// [`normalise`], also dropping a region of the plan's in front (柯城区婴儿死亡率).
pub fn normalise_with(label: &str, regions: &RegionBook) -> String {
    // One pass and as few copies as can be: this runs once per row of every file.
    let cleaned: String = label
        .chars()
        .map(half_width)
        .filter(|c| !c.is_whitespace())
        .filter_map(|c| match c {
            '—' | '–' | '－' | '～' | '~' | '〜' | '‐' | '‑' | '―' | '至' => {
                Some('-')
            }
            '（' | '【' | '[' | '〔' => Some('('),
            '）' | '】' | ']' | '〕' => Some(')'),
            '“' | '”' | '"' | '‘' | '’' | '\'' | '《' | '》' => None,
            _ => Some(c),
        })
        .collect();
    let text = strip_leading_numbering(&cleaned)
        .trim_end_matches(['*', '※', '△', '▲', '#', '★', '.', '。']);
    let mut text = strip_trailing_unit(text);
    for _ in 0..2 {
        if let Some(rest) = regions.strip_known_prefix(text) {
            text = rest;
        }
        text = strip_leading_year(text);
    }
    // The char test is a memchr; the string search sets up a searcher per call, on every row.
    if text.contains('口') && text.contains("每千人口") {
        chinese_ages_to_digits(&text.replace("每千人口", "每千人"))
    } else {
        chinese_ages_to_digits(text)
    }
}

/// 五岁以下 → 5岁以下, 十二岁 → 12岁: ages compare as numbers whichever way they are written.
fn chinese_ages_to_digits(text: &str) -> String {
    if !text.contains('岁') {
        return text.to_string();
    }
    const DIGITS: &str = "〇一二三四五六七八九";
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let run = chars[i..]
            .iter()
            .take_while(|c| DIGITS.contains(**c) || **c == '十')
            .count();
        // Ages have at most three numerals (九十九); longer runs are left as written.
        if (1..=3).contains(&run) && chars.get(i + run) == Some(&'岁') {
            let digit = |c: char| DIGITS.chars().position(|d| d == c).unwrap_or(0) as u32;
            let numeral = &chars[i..i + run];
            let value = match numeral.iter().position(|&c| c == '十') {
                Some(ten) => {
                    let tens = if ten == 0 { 1 } else { digit(numeral[0]) };
                    let ones = numeral.get(ten + 1).map_or(0, |&c| digit(c));
                    tens * 10 + ones
                }
                None => numeral.iter().fold(0, |acc, &c| acc * 10 + digit(c)),
            };
            out.push_str(&value.to_string());
            i += run;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

fn strip_leading_numbering(text: &str) -> &str {
    let circled = |c: char| ('①'..='⑳').contains(&c);
    let numeral = |c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c);
    let mut chars = text.char_indices();
    match chars.next() {
        Some((_, c)) if circled(c) => &text[c.len_utf8()..],
        Some((_, '(')) => match text.find(')') {
            Some(close) if close > 1 && text[1..close].chars().all(numeral) => &text[close + 1..],
            _ => text,
        },
        Some(_) => {
            let end = text.find(|c: char| !numeral(c)).unwrap_or(text.len());
            match text[end..].chars().next() {
                Some(mark @ ('.' | '、' | ',' | ')')) if end > 0 => &text[end + mark.len_utf8()..],
                _ => text,
            }
        }
        None => text,
    }
}

fn strip_trailing_unit(text: &str) -> &str {
    if text.ends_with(')') {
        if let Some(open) = text.rfind('(') {
            if Unit::parse(&text[open..]).is_some() || text[open..].contains('%') {
                return &text[..open];
            }
        }
    }
    text
}

fn strip_leading_year(text: &str) -> &str {
    let bytes = text.as_bytes();
    // Four ASCII digits, then 年 (three bytes), then at least one more character.
    if bytes.len() > 7 && bytes[..4].iter().all(u8::is_ascii_digit) && text[4..].starts_with('年')
    {
        return text[7..].trim_start_matches('度');
    }
    text
}

/// A normalised name prepared for comparison: its bigrams sorted, so that two names compare
/// by one merge, with no allocation (matching runs once per row of files with many rows).
#[derive(Debug, Clone)]
struct Shingles {
    text: String,
    chars: usize,
    numbers: Vec<String>,
    bigrams: Vec<u64>,
}

impl Shingles {
    fn new(text: &str) -> Shingles {
        let chars: Vec<char> = text.chars().collect();
        let mut bigrams: Vec<u64> = chars
            .windows(2)
            .map(|w| (u64::from(u32::from(w[0])) << 32) | u64::from(u32::from(w[1])))
            .collect();
        bigrams.sort_unstable();
        Shingles {
            text: text.to_string(),
            chars: chars.len(),
            numbers: numbers_in(text),
            bigrams,
        }
    }
}

/// Dice coefficient over character bigrams, with a veto when both carry numbers and they differ
/// (5岁以下 is not 3岁以下, however alike the rest).
pub fn similarity(a: &str, b: &str) -> f64 {
    dice(&Shingles::new(a), &Shingles::new(b))
}

fn dice(a: &Shingles, b: &Shingles) -> f64 {
    if a.text == b.text {
        return 1.0;
    }
    if !a.numbers.is_empty() && !b.numbers.is_empty() && a.numbers != b.numbers {
        return 0.0;
    }
    // Dice can never exceed 2·min/(m+n): labels of very different lengths are skipped cheaply.
    let best_possible = 2.0 * a.chars.min(b.chars) as f64 / (a.chars + b.chars).max(1) as f64;
    if best_possible < MATCH_THRESHOLD - AMBIGUITY_MARGIN
        || a.bigrams.is_empty()
        || b.bigrams.is_empty()
    {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < a.bigrams.len() && j < b.bigrams.len() {
        match a.bigrams[i].cmp(&b.bigrams[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * common as f64 / (a.bigrams.len() + b.bigrams.len()) as f64
}

fn numbers_in(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// A plan prepared for matching: every name and alias normalised once.
pub struct Matcher<'p> {
    plan: &'p Plan,
    regions: RegionBook,
    /// Normalised name or alias → (indicator index, how it matches).
    exact: HashMap<String, (usize, Method)>,
    /// (indicator index, normalised name or alias), for similarity.
    names: Vec<(usize, Shingles)>,
    /// Bigram → the names that contain it: a label is compared only with names it shares one
    /// with (every other name scores 0).
    by_bigram: HashMap<u64, Vec<usize>>,
}

impl<'p> Matcher<'p> {
    pub fn new(plan: &'p Plan) -> Matcher<'p> {
        let regions = plan.region_book();
        let normalise = |label: &str| normalise_with(label, &regions);
        let mut exact = HashMap::default();
        let mut names = Vec::new();
        for (index, indicator) in plan.indicators.iter().enumerate() {
            let name = normalise(&indicator.name);
            exact.entry(name.clone()).or_insert((index, Method::Exact));
            names.push((index, Shingles::new(&name)));
            for alias in &indicator.aliases {
                let alias = normalise(alias);
                exact.entry(alias.clone()).or_insert((index, Method::Alias));
                names.push((index, Shingles::new(&alias)));
            }
        }
        // A plan's name wins over another indicator's alias of the same spelling.
        for (index, indicator) in plan.indicators.iter().enumerate() {
            exact.insert(normalise(&indicator.name), (index, Method::Exact));
        }
        let mut by_bigram: HashMap<u64, Vec<usize>> = HashMap::default();
        for (position, (_, shingles)) in names.iter().enumerate() {
            for bigram in &shingles.bigrams {
                let list = by_bigram.entry(*bigram).or_default();
                if list.last() != Some(&position) {
                    list.push(position);
                }
            }
        }
        Matcher {
            plan,
            regions,
            exact,
            names,
            by_bigram,
        }
    }

    /// Matches one label against the plan.
    pub fn match_label(&self, label: &str) -> Outcome {
        let wanted = normalise_with(label, &self.regions);
        if wanted.is_empty() {
            return Outcome::Unmatched { best: None };
        }
        if let Some(&(index, method)) = self.exact.get(&wanted) {
            let indicator_id = self.plan.indicators[index].id.clone();
            return Outcome::Matched(Match {
                indicator_id,
                method,
                confidence: 1.0,
            });
        }
        let mut best_per_indicator = vec![0.0f64; self.plan.indicators.len()];
        let wanted = Shingles::new(&wanted);
        let mut candidates: Vec<usize> = wanted
            .bigrams
            .iter()
            .filter_map(|b| self.by_bigram.get(b))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        for (index, name) in candidates.into_iter().map(|position| &self.names[position]) {
            let score = dice(name, &wanted);
            if score > best_per_indicator[*index] {
                best_per_indicator[*index] = score;
            }
        }
        // The two best, in the plan's order on ties (a stable sort of every score gave the same).
        let rounded = |score: f64| (score * 1000.0).round() / 1000.0;
        let mut ranked: [Option<(usize, f64)>; 2] = [None, None];
        for (index, &score) in best_per_indicator.iter().enumerate() {
            let score = rounded(score);
            match ranked {
                [None, _] => ranked[0] = Some((index, score)),
                [Some((_, first)), _] if score > first => {
                    ranked = [Some((index, score)), ranked[0]];
                }
                [_, None] => ranked[1] = Some((index, score)),
                [_, Some((_, second))] if score > second => ranked[1] = Some((index, score)),
                _ => {}
            }
        }
        let [first, second] = ranked.map(|ranked| {
            ranked.map(|(index, confidence)| Candidate {
                indicator_id: self.plan.indicators[index].id.clone(),
                confidence,
            })
        });
        match (first, second.as_ref()) {
            (Some(best), Some(second))
                if best.confidence >= MATCH_THRESHOLD
                    && best.confidence - second.confidence < AMBIGUITY_MARGIN =>
            {
                Outcome::Ambiguous {
                    candidates: vec![best, second.clone()],
                }
            }
            (Some(best), _) if best.confidence >= MATCH_THRESHOLD => Outcome::Matched(Match {
                indicator_id: best.indicator_id,
                method: Method::Similar,
                confidence: best.confidence,
            }),
            (best, _) => Outcome::Unmatched {
                best: best.filter(|b| b.confidence >= SUGGESTION_FLOOR),
            },
        }
    }

    /// Matches a label, letting the user's override for it win.
    pub fn match_with_overrides(&self, label: &str, overrides: &[Override]) -> Outcome {
        match overrides
            .iter()
            .rev()
            .find(|o| o.as_written.trim() == label.trim())
        {
            Some(Override {
                indicator_id: Some(id),
                ..
            }) if self.plan.indicator(id).is_some() => Outcome::Matched(Match {
                indicator_id: id.clone(),
                method: Method::Manual,
                confidence: 1.0,
            }),
            Some(Override {
                indicator_id: None, ..
            }) => Outcome::Removed,
            _ => self.match_label(label),
        }
    }
}

/// Matches one label against the plan (prepare a [`Matcher`] to match many).
pub fn match_label(plan: &Plan, label: &str) -> Outcome {
    Matcher::new(plan).match_label(label)
}

/// Matches a label, letting the user's override for it win.
pub fn match_with_overrides(plan: &Plan, label: &str, overrides: &[Override]) -> Outcome {
    Matcher::new(plan).match_with_overrides(label, overrides)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_means_the_indicators_own_name_and_alias_an_alias() {
        let plans = crate::plan::built_in::FILES
            .iter()
            .map(|(_, json)| Plan::read(json, &crate::Codecs::OWN).unwrap());
        for plan in plans {
            let book = plan.region_book();
            let names: Vec<String> = plan
                .indicators
                .iter()
                .map(|i| normalise_with(&i.name, &book))
                .collect();
            for indicator in &plan.indicators {
                let method = |label: &str| match match_label(&plan, label) {
                    Outcome::Matched(m) if m.indicator_id == indicator.id => Some(m.method),
                    _ => None,
                };
                assert_eq!(
                    method(&indicator.name),
                    Some(Method::Exact),
                    "{}",
                    indicator.name
                );
                for alias in indicator
                    .aliases
                    .iter()
                    .filter(|a| !names.contains(&normalise_with(a, &book)))
                {
                    assert_eq!(method(alias), Some(Method::Alias), "{alias}");
                }
            }
        }
    }

    #[test]
    fn normalises_what_officials_add_around_a_name() {
        assert_eq!(normalise("1. 婴儿死亡率（‰）"), "婴儿死亡率");
        assert_eq!(
            normalise("（三）0～6岁儿童健康管理率(%)*"),
            "0-6岁儿童健康管理率"
        );
        assert_eq!(normalise("①０—６岁儿童健康管理率"), "0-6岁儿童健康管理率");
        assert_eq!(
            normalise_with("柯城区婴儿死亡率", &Plan::default_plan().region_book()),
            "婴儿死亡率"
        );
        assert_eq!(normalise("2023年婴儿死亡率"), "婴儿死亡率");
        assert_eq!(normalise("一、 普惠性幼儿园覆盖率 ※"), "普惠性幼儿园覆盖率");
        assert_eq!(
            normalise("千名儿童儿科执业（助理）医师数"),
            "千名儿童儿科执业(助理)医师数"
        );
    }

    #[test]
    fn similarity_is_relative_to_length_and_respects_numbers() {
        assert!(similarity("城镇人口", "农村人口") < MATCH_THRESHOLD);
        assert!(
            similarity(
                &normalise("每千人口拥有3岁以下婴幼儿托位数"),
                &normalise("每千人拥有3岁以下婴幼儿托位数")
            ) >= 0.99
        );
        assert!(
            similarity(
                "每千人口拥有3岁以下婴幼儿托位",
                "每千人拥有3岁以下婴幼儿托位数"
            ) >= MATCH_THRESHOLD
        );
        assert_eq!(similarity("5岁以下儿童死亡率", "3岁以下儿童死亡率"), 0.0);
    }

    fn matched_id(label: &str) -> Option<String> {
        match match_label(&Plan::default_plan(), label) {
            Outcome::Matched(m) => Some(m.indicator_id),
            _ => None,
        }
    }

    #[test]
    fn officials_names_reach_the_plans_indicators() {
        let cases = [
            ("学前三年毛入园率", "preschool_gross_enrollment"),
            (
                "每千人口拥有3岁以下婴幼儿托位数（个）",
                "nursery_places_per_1000_people",
            ),
            ("0-6岁儿童健康管理率", "child_health_management_0_6"),
            ("0～6岁儿童健康管理率(%)", "child_health_management_0_6"),
            ("柯城区婴儿死亡率", "infant_mortality"),
            ("2023年婴儿死亡率（‰）", "infant_mortality"),
            ("4. 儿童伤害死亡率(1/10万)", "child_injury_mortality"),
            ("中医药健康管理服务覆盖率", "tcm_health_management_0_3"),
        ];
        for (label, id) in cases {
            assert_eq!(matched_id(label).as_deref(), Some(id), "{label}");
        }
    }

    #[test]
    fn near_misses_do_not_match() {
        for label in [
            "全市常住人口",
            "城镇人口",
            "农村人口",
            "3岁以下儿童死亡率",
            "儿童人口数",
            "出生人口性别比",
        ] {
            assert_eq!(matched_id(label), None, "{label}");
        }
    }

    #[test]
    fn close_calls_are_ambiguous_with_both_candidates() {
        let indicator = |id: &str, name: &str| {
            format!(
                r#"{{"id":"{id}","domain":"d","name":"{name}","baseline":null,"kind":"threshold",
                "target":{{"op":">=","value":95,"year":2025,"text":"95"}},"source":{{"section":"s","quote":"95"}}}}"#
            )
        };
        let plan = Plan::from_json(&format!(
            r#"{{"schema":"duibiao-plan/1","id":"t","title":"T","period":{{"start":2021,"end":2025}},
            "baseline_year":2020,"domains":[{{"id":"d","name":"D"}}],"indicators":[{},{}]}}"#,
            indicator("urban", "城镇儿童基本医疗保险参保率"),
            indicator("rural", "农村儿童基本医疗保险参保率")
        ))
        .unwrap();
        match match_label(&plan, "儿童基本医疗保险参保率") {
            Outcome::Ambiguous { candidates } => {
                let ids: Vec<&str> = candidates.iter().map(|c| c.indicator_id.as_str()).collect();
                assert_eq!(ids.len(), 2);
                assert!(ids.contains(&"urban") && ids.contains(&"rural"), "{ids:?}");
            }
            other => panic!("expected ambiguous, got {other:?}"),
        }
        assert!(matches!(
            match_label(&plan, "城镇儿童基本医疗保险参保率"),
            Outcome::Matched(_)
        ));
    }

    #[test]
    fn the_users_overrides_win() {
        let plan = Plan::default_plan();
        let map = Override {
            as_written: "全市常住人口".into(),
            indicator_id: Some("infant_mortality".into()),
        };
        let remove = Override {
            as_written: "婴儿死亡率".into(),
            indicator_id: None,
        };
        let overrides = [map, remove];
        assert!(matches!(
            match_with_overrides(&plan, "全市常住人口", &overrides),
            Outcome::Matched(Match {
                method: Method::Manual,
                ..
            })
        ));
        assert_eq!(
            match_with_overrides(&plan, "婴儿死亡率", &overrides),
            Outcome::Removed
        );
        assert!(matches!(
            match_with_overrides(&plan, "新生儿死亡率", &overrides),
            Outcome::Matched(Match {
                method: Method::Exact,
                ..
            })
        ));
    }
}
