//! Figures checked against each other: an indicator across the regions of one year (copied
//! down, one far from the others, ×10 from the rest), related indicators of one region and year
//! (a part above its whole), and a figure for a year after the reporting year.

use super::figure::{factor, per_head, RARE_RATE_FACTOR, SLIP_FACTOR};
use super::words::{self, Reference};
use super::{Flag, Rule, Severity};
use crate::numbers::EPSILON;
use crate::plan::{Indicator, Plan};
use crate::report::ResultRow;
use crate::units::Unit;

/// At least this many regions before one is called far from the others.
const OUTLIER_MIN_REGIONS: usize = 5;
/// The modified z-score (0.6745·|x − median| / MAD) above which a figure is far from the others.
const OUTLIER_SCORE: f64 = 3.5;
/// … and at least this share of the median away from it.
const OUTLIER_MIN_SHARE: f64 = 0.1;
/// At least this many regions with one figure before it looks copied down.
const COPIED_MIN_REGIONS: usize = 3;

/// `references[i]`: the figure before row `i`'s, or its base, from `check_figure`.
// Not inlined: the reader's hot loops are in the same caller, and their code should not
// change shape for checks that run once per result row.
#[inline(never)]
pub fn check_across(
    plan: &Plan,
    rows: &mut [ResultRow],
    references: &[Option<f64>],
    reporting_year: i32,
) {
    let mut found: Vec<(usize, Flag)> = Vec::new();
    // The median of the other regions' figures, a yardstick where a row has no history.
    let mut peers: Vec<Option<f64>> = vec![None; rows.len()];
    // The whole area (全市, 合计) is the sum or the mean of its parts, not one of them.
    let whole: Vec<&str> = plan
        .regions
        .iter()
        .filter(|r| r.whole)
        .map(|r| r.name.as_str())
        .collect();
    for (id, members) in groups(rows) {
        if let Some(indicator) = plan.indicator(id) {
            let parts: Vec<usize> = members
                .into_iter()
                .filter(|&i| {
                    rows[i]
                        .region
                        .as_deref()
                        .is_some_and(|r| !whole.contains(&r))
                })
                .collect();
            across_regions(indicator, rows, references, &parts, &mut peers, &mut found);
        }
    }
    let yardsticks: Vec<Option<f64>> = references
        .iter()
        .zip(&peers)
        .map(|(own, peers)| own.or(*peers))
        .collect();
    related(plan, rows, &yardsticks, &mut found);
    for (index, row) in rows.iter().enumerate() {
        if row.year > reporting_year && row.findings.value.is_some() {
            let (reason, reason_en) = words::future_year(row.year, reporting_year);
            found.push((
                index,
                flag(Rule::FutureYear, Severity::Unusual, reason, reason_en),
            ));
        }
    }
    for (index, flag) in found {
        rows[index].findings.flags.push(flag);
    }
}

/// The rows with a figure of each indicator and year. The report holds an indicator's rows
/// together (region by region, year by year), so one pass finds each group.
fn groups(rows: &[ResultRow]) -> Vec<(&str, Vec<usize>)> {
    let mut groups: Vec<(&str, i32, Vec<usize>)> = Vec::new();
    let mut block_start = 0;
    for (index, row) in rows.iter().enumerate() {
        if row.findings.value.is_none() {
            continue;
        }
        let id = row.indicator_id.as_str();
        if groups.get(block_start).is_some_and(|g| g.0 != id) {
            block_start = groups.len();
        }
        match groups[block_start..].iter_mut().find(|g| g.1 == row.year) {
            Some(group) => group.2.push(index),
            None => groups.push((id, row.year, vec![index])),
        }
    }
    groups
        .into_iter()
        .map(|(id, _, members)| (id, members))
        .collect()
}

fn flag(rule: Rule, severity: Severity, reason: String, reason_en: String) -> Flag {
    Flag {
        rule,
        severity,
        reason,
        reason_en,
    }
}

fn value_of(row: &ResultRow) -> f64 {
    row.findings.value.unwrap_or(f64::NAN)
}

fn implausible(row: &ResultRow) -> bool {
    row.findings
        .flags
        .iter()
        .any(|f| f.severity == Severity::Implausible)
}

fn median(values: &mut [f64]) -> f64 {
    // Sorted by their bits in an order that keeps the numbers' (the u64 sort is in the reader
    // already; one for f64 would add its bytes).
    let key = |v: f64| {
        let bits = v.to_bits();
        if bits >> 63 == 1 {
            !bits
        } else {
            bits | 1 << 63
        }
    };
    let mut keys: Vec<u64> = values.iter().map(|&v| key(v)).collect();
    keys.sort_unstable();
    for (value, key) in values.iter_mut().zip(keys) {
        *value = f64::from_bits(if key >> 63 == 1 {
            key & !(1 << 63)
        } else {
            !key
        });
    }
    let mid = values.len() / 2;
    if values.len().is_multiple_of(2) {
        (values[mid - 1] + values[mid]) / 2.0
    } else {
        values[mid]
    }
}

/// One indicator and year across the file's regions (`parts`: not the whole area).
fn across_regions(
    indicator: &Indicator,
    rows: &[ResultRow],
    references: &[Option<f64>],
    parts: &[usize],
    peers: &mut [Option<f64>],
    found: &mut Vec<(usize, Flag)>,
) {
    if parts.len() < COPIED_MIN_REGIONS {
        return;
    }
    let values: Vec<f64> = parts.iter().map(|&i| value_of(&rows[i])).collect();
    let unit = Unit::parse(&indicator.unit);
    let first = values[0];
    let all_same = values.iter().all(|v| (v - first).abs() <= EPSILON);
    let at_a_bound = first.abs() <= EPSILON
        || (unit == Some(Unit::Percent) && (first - 100.0).abs() <= EPSILON)
        || indicator
            .target
            .value
            .is_some_and(|t| (t - first).abs() <= EPSILON);
    if all_same {
        if !at_a_bound {
            for &i in parts {
                let (reason, reason_en) = words::copied_down(indicator, parts.len(), first);
                found.push((
                    i,
                    flag(Rule::CopiedDown, Severity::Unusual, reason, reason_en),
                ));
            }
        }
        return;
    }
    // Once per group: the median and the median absolute deviation (a township file has
    // hundreds of regions).
    let middle = median(&mut values.clone());
    let spread = median(
        &mut values
            .iter()
            .map(|v| (v - middle).abs())
            .collect::<Vec<_>>(),
    );
    // ×7 from the others for a percentage; a rarer event's rate (one death in a small county)
    // only as far as a fraction for a percent; a count of people or places differs with the
    // region's size, so neither this nor an outlier is looked for.
    let slip = match unit {
        Some(Unit::Percent) => Some(SLIP_FACTOR),
        Some(u) if u.is_rate() => Some(RARE_RATE_FACTOR),
        _ if per_head(&indicator.name) => Some(SLIP_FACTOR),
        _ => None,
    };
    for (position, &i) in parts.iter().enumerate() {
        if implausible(&rows[i]) || middle <= 0.0 {
            continue;
        }
        let value = values[position];
        peers[i] = Some(middle);
        let Some(slip) = slip else {
            continue;
        };
        // With no history of its own, a figure that far from the others is a slip.
        if references[i].is_none() && value > 0.0 && factor(value, middle) >= slip {
            let (reason, reason_en) =
                words::jump(indicator, value, Reference::Regions { value: middle }, unit);
            found.push((
                i,
                flag(Rule::Jump, Severity::Implausible, reason, reason_en),
            ));
            continue;
        }
        if let Some(flag) = outlier(indicator, value, values.len(), middle, spread) {
            found.push((i, flag));
        }
    }
}

/// A figure far from the others by the group's median and median absolute deviation.
fn outlier(
    indicator: &Indicator,
    value: f64,
    regions: usize,
    middle: f64,
    spread: f64,
) -> Option<Flag> {
    let distance = (value - middle).abs();
    // Far by the spread and by a tenth of the level: six counties within half a point of each
    // other make a spread so small that a seventh one point off would score as far.
    if regions < OUTLIER_MIN_REGIONS
        || spread <= EPSILON
        || 0.6745 * distance / spread <= OUTLIER_SCORE
        || distance < OUTLIER_MIN_SHARE * middle.abs()
    {
        return None;
    }
    let (reason, reason_en) = words::outlier(indicator, value, middle);
    Some(flag(Rule::Outlier, Severity::Unusual, reason, reason_en))
}

/// The plan's relations, for each region and year: a part above its whole. The figure further
/// from its yardstick (its own history, else the other regions) is flagged; both when that
/// cannot tell.
fn related(
    plan: &Plan,
    rows: &[ResultRow],
    yardsticks: &[Option<f64>],
    found: &mut Vec<(usize, Flag)>,
) {
    if plan.checks.relations.is_empty() {
        return;
    }
    // An indicator's rows are together in the report: its block, then a row by region and year.
    let block = |id: &str| {
        let start = rows.iter().position(|r| r.indicator_id == id)?;
        let len = rows[start..]
            .iter()
            .take_while(|r| r.indicator_id == id)
            .count();
        Some(start..start + len)
    };
    // How many times its yardstick a figure is (≥ 1); None without one.
    let moved = |i: usize| yardsticks[i].map(|r| factor(value_of(&rows[i]), r));
    for relation in &plan.checks.relations {
        let mut blamed_here: Vec<usize> = Vec::new();
        let chain = &relation.indicators;
        // Every pair in order, not only neighbours: with 婴儿死亡率 missing, 新生儿 above
        // 5岁以下 is still a slip.
        let pairs = (0..chain.len()).flat_map(|a| (a + 1..chain.len()).map(move |b| (a, b)));
        for (a, b) in pairs {
            let (Some(part), Some(whole)) = (plan.indicator(&chain[a]), plan.indicator(&chain[b]))
            else {
                continue;
            };
            let (Some(parts), Some(wholes)) = (block(&part.id), block(&whole.id)) else {
                continue;
            };
            for index in parts {
                let row = &rows[index];
                if row.findings.value.is_none() {
                    continue;
                }
                let Some(other) = wholes.clone().find(|&w| {
                    rows[w].region == row.region
                        && rows[w].year == row.year
                        && rows[w].findings.value.is_some()
                }) else {
                    continue;
                };
                let (small, large) = (value_of(row), value_of(&rows[other]));
                if small <= large + EPSILON {
                    continue;
                }
                let (reason, reason_en) =
                    words::relation(part, small, whole, large, &relation.reason);
                // The one half as far again from its yardstick as the other.
                let blamed = match (moved(index), moved(other)) {
                    (Some(x), Some(y)) if x > y * 1.5 => vec![index],
                    (Some(x), Some(y)) if y > x * 1.5 => vec![other],
                    _ => vec![index, other],
                };
                for i in blamed {
                    if blamed_here.contains(&i) {
                        continue;
                    }
                    blamed_here.push(i);
                    found.push((
                        i,
                        flag(
                            Rule::Relation,
                            Severity::Implausible,
                            reason.clone(),
                            reason_en.clone(),
                        ),
                    ));
                }
            }
        }
    }
}
