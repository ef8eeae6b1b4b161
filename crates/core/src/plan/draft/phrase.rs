//! One clause of a plan's text read as targets: who (the indicator's words), how (达到…以上,
//! 控制在…以下, 左右 …) and how much (the figures with their units). “新生儿、婴儿和5岁以下儿童死亡率
//! 分别控制在3‰、5‰和6‰以下” is three targets, each quoting the clause.
//!
//! Chinese legal usage decides the bounds (Civil Code art. 1259): 以上/以下/以内 include the
//! number, 超过/低于/不满 exclude it; a bare figure after 达到/增至/提高到 is a floor, after
//! 控制在/降至/下降到 a ceiling; 左右 is its own bound, never dropped.
//!
//! Besides verb-led targets, plans write a few other shapes, each read here by a rule of its own:
//! 至少 before an action (“每年至少开展3次…”), a share in front of what it counts (“90%以上的
//! 社区图书室设立…”), coverage (“100%覆盖”), a count to build (“建有1—2个…”), a yearly fall in
//! points (“每年降低1个百分点”), a yearly rise without a figure (逐年提高) and qualitative goals
//! (全覆盖, 基本消除, 明显下降, “达到国内领先水平”: a level outside the plan is no figure to check).

use crate::ingest::value::half_width;

/// How a figure bounds the indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    AtLeast,
    AtMost,
    Above,
    Below,
    /// 左右: about the figure.
    About,
}

/// What kind of target a clause states.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shape {
    /// One figure and how it bounds the indicator.
    Figure(Bound),
    /// “1—2个”: from `value` to `upper`, both included.
    Range { upper: f64 },
    /// “每年降低1个百分点”, from `base_year` when the clause names it (“在2018年基础上”).
    DecreasePpYearly { base_year: Option<i32> },
    /// 逐年提高/逐年增加.
    IncreaseYearly,
    /// A goal without a figure to check (全覆盖, 明显下降, 达到全国平均水平).
    Qualitative,
}

/// A target read from a clause.
#[derive(Debug, Clone, PartialEq)]
pub struct PhraseTarget {
    /// The indicator's words as the clause writes them, scope prefixes (全市, 全省 …) left out.
    pub name: String,
    pub shape: Shape,
    /// The figure (the lower one of a range); `None` for a target without one.
    pub value: Option<f64>,
    /// As written after the figure: "%", "‰", "个", "" …
    pub unit: String,
    /// The clause's own words for the target, verbatim: "控制在3‰、5‰和6‰以下".
    pub words: String,
    /// 保持/稳定/维持: the level is to be kept every year, not only reached.
    pub maintain: bool,
    /// What the clause says the indicator stood at (“由2020年的92%提高到95%”): year and value.
    pub base: Option<(i32, f64)>,
}

impl PhraseTarget {
    /// A target stated in words only (a yearly rise, a qualitative goal): no figure, no unit.
    fn in_words(name: String, shape: Shape, words: String) -> PhraseTarget {
        PhraseTarget {
            name,
            shape,
            value: None,
            unit: String::new(),
            words,
            maintain: false,
            base: None,
        }
    }

    pub fn bound(&self) -> Option<Bound> {
        match self.shape {
            Shape::Figure(bound) => Some(bound),
            _ => None,
        }
    }
}

/// Verbs that introduce a target, with the bound a bare figure after them means (the longest
/// at one place wins: 不低于 before 低于).
const VERBS: [(&str, Bound); 46] = [
    ("≤", Bound::AtMost),
    ("≥", Bound::AtLeast),
    ("达到或超过", Bound::AtLeast),
    ("达到或高于", Bound::AtLeast),
    ("不低于或等于", Bound::AtLeast),
    ("保持在", Bound::AtLeast),
    ("稳定在", Bound::AtLeast),
    ("维持在", Bound::AtLeast),
    ("保持", Bound::AtLeast),
    ("控制在", Bound::AtMost),
    ("控制到", Bound::AtMost),
    ("下降到", Bound::AtMost),
    ("下降至", Bound::AtMost),
    ("降低到", Bound::AtMost),
    ("降低至", Bound::AtMost),
    ("减少到", Bound::AtMost),
    ("减少至", Bound::AtMost),
    ("降到", Bound::AtMost),
    ("降至", Bound::AtMost),
    ("提高到", Bound::AtLeast),
    ("提高至", Bound::AtLeast),
    ("提升到", Bound::AtLeast),
    ("提升至", Bound::AtLeast),
    ("增加到", Bound::AtLeast),
    ("增加至", Bound::AtLeast),
    ("增长到", Bound::AtLeast),
    ("增长至", Bound::AtLeast),
    ("上升到", Bound::AtLeast),
    ("上升至", Bound::AtLeast),
    ("扩大到", Bound::AtLeast),
    ("增至", Bound::AtLeast),
    ("达到", Bound::AtLeast),
    ("达", Bound::AtLeast),
    ("不低于", Bound::AtLeast),
    ("不少于", Bound::AtLeast),
    ("至少", Bound::AtLeast),
    ("不高于", Bound::AtMost),
    ("不超过", Bound::AtMost),
    ("不多于", Bound::AtMost),
    ("超过", Bound::Above),
    ("高于", Bound::Above),
    ("多于", Bound::Above),
    ("低于", Bound::Below),
    ("少于", Bound::Below),
    ("不满", Bound::Below),
    ("不足", Bound::Below),
];

/// Verbs of building or setting up: a bare count after them is a floor (“建有3个”), a range
/// (“建有1—2个”) a range. Only with a count's unit: “建成15分钟…圈” is no count.
const BUILD_VERBS: [&str; 6] = ["建有", "建成", "设立", "创建", "新建", "设有"];

/// Words after the figures that set the bound, whatever the verb said.
const QUALIFIERS: [(&str, Bound); 5] = [
    ("以上", Bound::AtLeast),
    ("以下", Bound::AtMost),
    ("以内", Bound::AtMost),
    ("左右", Bound::About),
    ("上下", Bound::About),
];

/// Units as plans write them after a figure, longest first.
const UNITS: [&str; 32] = [
    "1/10万",
    "/10万",
    "/万",
    "个百分点",
    "平方米",
    "万人",
    "万元",
    "小时",
    "个月",
    "%",
    "‰",
    "‱",
    "个",
    "名",
    "张",
    "岁",
    "所",
    "人",
    "家",
    "次",
    "项",
    "座",
    "处",
    "条",
    "支",
    "元",
    "倍",
    "分",
    "天",
    "周",
    "届",
    "年",
];

/// Units that count things built or set up (for [`BUILD_VERBS`] and a range of them).
const COUNT_UNITS: [&str; 9] = ["个", "家", "所", "座", "处", "支", "条", "项", "名"];

/// Where the whole place stands in front of a name: not part of the indicator.
const SCOPES: [&str; 8] = [
    "全国",
    "全省",
    "全市",
    "全区",
    "全县",
    "各地",
    "各县(市、区)",
    "全州",
];

/// Verbs of intent in front of what a goal is about: not part of its name.
const INTENTS: [&str; 10] = [
    "努力", "实现", "确保", "力争", "推动", "推进", "促进", "争取", "使", "让",
];

/// Qualitative goals: a state to reach, no figure.
const QUALITATIVE_MARKS: [&str; 11] = [
    "全覆盖",
    "基本消除",
    "全面消除",
    "明显下降",
    "明显降低",
    "显著下降",
    "显著降低",
    "持续下降",
    "稳步下降",
    "基本普及",
    "全面普及",
];

/// A level outside the plan (全国平均, 全省领先): the plan's figure for it is not in the text.
const OUTSIDE_LEVELS: [&str; 5] = ["平均", "水平", "领先", "前列", "前茅"];

/// Yearly rises without a figure.
const YEARLY_RISES: [&str; 5] = ["逐年提高", "逐年增加", "逐年上升", "逐年增长", "逐年扩大"];

/// A clause longer than this states no target the drafter reads: a plan's clause is a line or
/// two, and reading a very long one verb by verb would take time by the square of its length.
pub const MAX_CLAUSE_CHARS: usize = 300;

/// The targets a clause states, or none when it states none.
pub fn targets(clause: &str) -> Vec<PhraseTarget> {
    if clause.chars().nth(MAX_CLAUSE_CHARS).is_some() {
        return Vec::new();
    }
    let text: String = clause.chars().map(half_width).collect();
    let mut found = Vec::new();
    read_from(clause, &text, 0, &mut found);
    found
}

/// Reads the targets of `text[at..]`, then of what follows the last one (“A达到1名、B增至3张”),
/// the first subject's per-head prefix (每千人口) carried into a later one that lacks it.
fn read_from(clause: &str, text: &str, at: usize, found: &mut Vec<PhraseTarget>) {
    let before = found.len();
    let end = read_one(clause, text, at, found);
    let Some(end) = end else { return };
    if end <= at || end >= text.len() || found.len() == before {
        return;
    }
    // Carry a per-head prefix (每千人口, 每万人) into the next subject that has none.
    let prefix = per_head_prefix(&found[before].name);
    let next_start = found.len();
    let rest = &text[end..];
    let skip = rest
        .char_indices()
        .find(|(_, c)| !matches!(c, '、' | ',' | '和' | '及' | ';' | ' '))
        .map_or(rest.len(), |(i, _)| i);
    read_from(clause, text, end + skip, found);
    if let Some(prefix) = prefix {
        for t in &mut found[next_start..] {
            if per_head_prefix(&t.name).is_none() && !t.name.starts_with(&prefix) {
                t.name = format!("{prefix}{}", t.name);
            }
        }
    }
}

/// “每千人口”, “每千常住人口拥有”, “每万人”: the head a ratio is counted per.
fn per_head_prefix(name: &str) -> Option<String> {
    if !name.starts_with('每') {
        return None;
    }
    let chars: Vec<(usize, char)> = name.char_indices().collect();
    // Up to and including 人口/人 (and a following 拥有), within the first eight characters.
    let mut end = None;
    for (k, &(_, c)) in chars.iter().enumerate().take(8) {
        if c == '人' {
            let after_kou = if chars.get(k + 1).map(|p| p.1) == Some('口') {
                k + 2
            } else {
                k + 1
            };
            let with_have =
                if name[chars.get(after_kou).map_or(name.len(), |p| p.0)..].starts_with("拥有") {
                    after_kou + 2
                } else {
                    after_kou
                };
            end = Some(chars.get(with_have).map_or(name.len(), |p| p.0));
            break;
        }
    }
    let end = end?;
    (end < name.len()).then(|| name[..end].to_string())
}

/// One target (or one list of them) from `text[at..]`; the byte offset where its words end.
fn read_one(clause: &str, text: &str, at: usize, found: &mut Vec<PhraseTarget>) -> Option<usize> {
    let part = &text[at..];
    if let Some(end) = yearly_decrease(clause, text, at, found) {
        return Some(end);
    }
    // Each verb in the order it stands, until one states a target: “达标率保持在90%以上” is no
    // target at 达 but is one at 保持在.
    for (verb_at, verb, bound) in verbs_in(part) {
        if let Some(end) = verb_target(clause, text, at, at + verb_at, verb, bound, found) {
            return Some(end);
        }
    }
    // A clause without a verb and figure may still state a share or a goal in words.
    share_or_goal(clause, text, at, found)
}

/// A share, a coverage, a count to build, a yearly rise or a qualitative goal.
fn share_or_goal(
    clause: &str,
    text: &str,
    at: usize,
    found: &mut Vec<PhraseTarget>,
) -> Option<usize> {
    share_first(clause, text, at, found)
        .or_else(|| coverage(clause, text, at, found))
        .or_else(|| build_count(clause, text, at, found))
        .or_else(|| relative_change(clause, text, at, found))
        .or_else(|| yearly_rise(clause, text, at, found))
        .or_else(|| qualitative(clause, text, at, found))
        .or_else(|| every_one(clause, text, at, found))
}

/// The clause's own text for `text[start..end]` (the half-width copy has as many characters).
fn verbatim(clause: &str, text: &str, start: usize, end: usize) -> String {
    let first = text[..start].chars().count();
    let count = text[start..end].chars().count();
    clause.chars().skip(first).take(count).collect()
}

#[allow(clippy::too_many_arguments)]
fn verb_target(
    clause: &str,
    text: &str,
    at: usize,
    verb_at: usize,
    verb: &str,
    verb_bound: Bound,
    found: &mut Vec<PhraseTarget>,
) -> Option<usize> {
    let subject_raw = &text[at..verb_at];
    // “2020年达到98.18%”: what a year stood at is a base, not a target.
    if is_a_year(strip_scope(subject_raw).trim_end_matches('为')) {
        return None;
    }
    let after_verb = verb_at + verb.len();
    let rest = &text[after_verb..];
    // A level outside the plan: the words are the target (“不低于全国平均水平”).
    if let Some(level_end) = outside_level(rest) {
        let end = after_verb + level_end;
        let name = clean_subject(subject_raw);
        if name.is_empty() {
            return None;
        }
        found.push(PhraseTarget::in_words(
            name,
            Shape::Qualitative,
            verbatim(clause, text, verb_at, end),
        ));
        return Some(end);
    }
    // 至少 may stand before the action: “至少设有1家”, “每年至少开展3次”.
    let lead = if verb == "至少" {
        action_lead(rest)
    } else {
        // “提高到2025年的95%”: the year the figure is for stands between verb and figure.
        leading_year(rest).map_or(0, |(_, after)| {
            let after = after
                .trim_start_matches(['底', '末'])
                .trim_start_matches('的');
            rest.len() - after.len()
        })
    };
    let figures_at = after_verb + lead;
    let figures = figures(&text[figures_at..]);
    let first = figures.first()?;
    // 保持/达 alone take only what is plainly a figure (“保持100%”), never “保持…的”.
    let figures_end = figures_at + figures.last().map_or(0, |f| f.end);
    let after = &text[figures_end..];
    let qualifier = QUALIFIERS.iter().find(|(word, _)| after.starts_with(word));
    let maintain = ["保持", "稳定", "维持"].iter().any(|w| verb.starts_with(w));
    // “婴儿死亡率稳定在5‰”: a level kept is a ceiling for a rate that should fall.
    let verb_bound = if maintain && super::table::lower_is_better(subject_raw) {
        Bound::AtMost
    } else {
        verb_bound
    };
    let bound = qualifier.map_or(verb_bound, |&(_, b)| b);
    let words_end = figures_end + qualifier.map_or(0, |(word, _)| word.len());
    let words = verbatim(clause, text, verb_at, words_end);
    let (subject_text, base) = take_base(subject_raw);
    let respectively = subject_text.trim_end().ends_with("分别");
    // “新生儿、婴儿和5岁以下儿童死亡率均控制在…”: each item is an indicator with the list's
    // measure word, all sharing the one figure.
    let each = subject_text.trim_end().ends_with('均') || subject_text.trim_end().ends_with('都');
    let subject = subject_text
        .trim_end()
        .trim_end_matches("分别")
        .trim_end_matches('均')
        .trim_end_matches("都")
        .to_string();
    let subject = clean_subject(&subject);
    // A figure that is a range: “1—2个”.
    if let Some(range) = &first.range_upper {
        let name = if subject.is_empty() {
            object_name(&text[words_end..])
        } else {
            subject
        };
        if name.is_empty() {
            return None;
        }
        found.push(PhraseTarget {
            name,
            shape: Shape::Range { upper: *range },
            value: Some(first.value),
            unit: first.unit.clone(),
            words,
            maintain,
            base,
        });
        return Some(words_end);
    }
    // With 至少 and what follows the count (“设有1家危重新生儿救治中心”), the object names it.
    let object_after = verb == "至少" || lead > 0;
    let subject = if object_after || subject.is_empty() {
        let object = object_name(&text[words_end..]);
        if object.is_empty() {
            subject
        } else {
            object
        }
    } else {
        subject
    };
    if subject.is_empty() {
        return None;
    }
    let end = if object_after {
        object_end(text, words_end)
    } else {
        words_end
    };
    let listed = names(&subject, if respectively { figures.len() } else { 1 });
    let one = |name: String, figure: &Figure| PhraseTarget {
        name,
        shape: Shape::Figure(bound),
        value: Some(figure.value),
        unit: figure.unit.clone(),
        words: words.clone(),
        maintain,
        base,
    };
    if respectively && listed.len() == figures.len() {
        found.extend(listed.into_iter().zip(&figures).map(|(n, f)| one(n, f)));
    } else {
        // One subject, or several sharing one figure (“A和B保持在90%以上”).
        let items = split_items(&subject).len();
        let shared = if each && items > 1 {
            names(&subject, items)
        } else {
            names_sharing(&subject)
        };
        found.extend(shared.into_iter().map(|n| one(n, first)));
    }
    Some(end)
}

/// Characters of an action between 至少 and its count (“设有”, “开展”): up to four, no digit.
fn action_lead(rest: &str) -> usize {
    for (count, (i, c)) in rest.char_indices().enumerate() {
        if c.is_ascii_digit() {
            return i;
        }
        if count >= 4 || !is_cjk(c) {
            break;
        }
    }
    0
}

fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// What follows a count, up to the clause's next break: “危重新生儿救治中心”.
fn object_name(after: &str) -> String {
    let end = after.find([',', ';', '.', '(']).unwrap_or(after.len());
    let object = after[..end].trim_start_matches('的').trim();
    // “县(市、区)” keeps its brackets: take them back when the break was one.
    let object = if after[end..].starts_with('(') {
        after[..after[end..].find(')').map_or(end, |i| end + i + 1)].trim_start_matches('的')
    } else {
        object
    };
    strip_scope(object.trim())
}

fn object_end(text: &str, from: usize) -> usize {
    text[from..]
        .find([',', ';'])
        .map_or(text.len(), |i| from + i)
}

/// Whether what follows a verb is a level outside the plan (“全国平均水平”, “国内领先水平”):
/// the byte length of those words, when no figure comes before them.
fn outside_level(rest: &str) -> Option<usize> {
    let end = rest.find([',', ';']).unwrap_or(rest.len());
    let words = &rest[..end];
    let level_start = OUTSIDE_LEVELS.iter().filter_map(|w| words.find(w)).min()?;
    // “高于全省平均水平2个百分点” is still relative; “达到90%的水平” is not.
    match words.find(|c: char| c.is_ascii_digit()) {
        Some(digit) if digit < level_start => None,
        _ => Some(end),
    }
}

/// “由2020年的92%”, “从2020年的…”: the base a target starts from, out of the subject.
fn take_base(subject: &str) -> (String, Option<(i32, f64)>) {
    // “婴儿死亡率(2020年为5.2‰)”: a base in brackets after the name.
    if let Some(open) = subject.rfind('(') {
        let inside = &subject[open + 1..];
        if let Some((year, after_year)) = leading_year(inside) {
            let after = after_year.trim_start_matches(['为', '是', ':']);
            if let Some(f) = figures(after).first() {
                if after[f.end..].starts_with(')') {
                    let close = open + 1 + (inside.len() - after.len()) + f.end + 1;
                    let kept = format!("{}{}", &subject[..open], &subject[close..]);
                    return (kept, Some((year, f.value)));
                }
            }
        }
    }
    for from in ["由", "从"] {
        let Some(at) = subject.find(from) else {
            continue;
        };
        let tail = &subject[at + from.len()..];
        let Some((year, after_year)) = leading_year(tail) else {
            continue;
        };
        let after = after_year.trim_start_matches('的');
        let figures = figures(after);
        if let Some(f) = figures.first() {
            let rest = &after[f.end..];
            let kept = format!("{}{}", &subject[..at], rest);
            return (kept, Some((year, f.value)));
        }
    }
    (subject.to_string(), None)
}

fn leading_year(text: &str) -> Option<(i32, &str)> {
    let digits: String = text.chars().take_while(|c| c.is_ascii_digit()).collect();
    if digits.len() != 4 {
        return None;
    }
    let rest = text[4..].strip_prefix('年')?;
    Some((digits.parse().ok()?, rest))
}

/// “在2018年基础上每年降低1个百分点以上”, “每年下降0.5到1个百分点”: the lower figure is the target.
fn yearly_decrease(
    clause: &str,
    text: &str,
    at: usize,
    found: &mut Vec<PhraseTarget>,
) -> Option<usize> {
    let part = &text[at..];
    let yearly = part.find("每年")?;
    let after = &part[yearly + "每年".len()..];
    let verb = ["降低", "下降", "减少"]
        .iter()
        .find(|v| after.starts_with(**v))?;
    let rest = &after[verb.len()..];
    let figures = figures(rest);
    let first = figures.first()?;
    let last = figures.last()?;
    // “0.5到1个百分点”: the range's lower figure, the unit after the upper one.
    let (value, unit_end) = match &first.range_upper {
        Some(_) => (first.value, first.end),
        None => (first.value, last.end),
    };
    if !rest[..unit_end].ends_with("个百分点") && first.unit != "个百分点" {
        return None;
    }
    let after_figures = &rest[unit_end..];
    let qualifier = QUALIFIERS
        .iter()
        .find(|(w, _)| after_figures.starts_with(w));
    let end_in_part =
        yearly + "每年".len() + verb.len() + unit_end + qualifier.map_or(0, |(w, _)| w.len());
    let mut subject = &part[..yearly];
    let mut base_year = None;
    if let Some(on) = subject.find("基础上") {
        let before = &subject[..on];
        if let Some(year_at) = before.rfind('年').and_then(|y| {
            before[..y]
                .rfind(|c: char| !c.is_ascii_digit())
                .map(|i| (i, y))
        }) {
            let (i, y) = year_at;
            let start = i + before[i..].chars().next().map_or(1, char::len_utf8);
            base_year = before[start..y].parse().ok();
            // The subject ends where “在2018年” begins.
            subject = before[..i + before[i..].chars().next().map_or(0, char::len_utf8)]
                .trim_end_matches('在')
                .trim_end_matches("以");
        }
    }
    let name = clean_subject(subject);
    if name.is_empty() {
        return None;
    }
    let words_start = at
        + if base_year.is_some() {
            part.find("在").filter(|&i| i <= yearly).unwrap_or(yearly)
        } else {
            yearly
        };
    found.push(PhraseTarget {
        name,
        shape: Shape::DecreasePpYearly { base_year },
        value: Some(value),
        unit: "个百分点".into(),
        words: verbatim(clause, text, words_start, at + end_in_part),
        maintain: false,
        base: None,
    });
    Some(at + end_in_part)
}

/// “90%以上的社区图书室设立亲子阅读区”, “推动80%的乡镇基层医疗机构开展…”: a share in front of
/// what it counts. Only with 以上/以下 or an intent before it: “80%的学生” alone states a fact.
fn share_first(
    clause: &str,
    text: &str,
    at: usize,
    found: &mut Vec<PhraseTarget>,
) -> Option<usize> {
    let part = &text[at..];
    let (fig_at, figure) = first_figure(part)?;
    if figure.unit != "%" || figure.range_upper.is_some() {
        return None;
    }
    let after = &part[fig_at + figure.end..];
    let qualifier = QUALIFIERS.iter().find(|(w, _)| after.starts_with(w));
    let after_q = &after[qualifier.map_or(0, |(w, _)| w.len())..];
    let object = after_q.strip_prefix('的')?;
    let before = part[..fig_at].trim_end();
    let intent = INTENTS.iter().any(|w| before.ends_with(w));
    if qualifier.is_none() && !intent {
        return None;
    }
    let object_len = object.find([',', ';']).unwrap_or(object.len());
    let what = strip_scope(&object[..object_len]);
    if what.is_empty() {
        return None;
    }
    let bound = qualifier.map_or(Bound::AtLeast, |&(_, b)| b);
    let end = at + part.len() - object.len() + object_len;
    found.push(PhraseTarget {
        name: format!("{what}的比例"),
        shape: Shape::Figure(bound),
        value: Some(figure.value),
        unit: "%".into(),
        words: verbatim(clause, text, at + fig_at, end),
        maintain: false,
        base: None,
    });
    Some(end)
}

/// “实现全市义务段学校“互联网+义务教育”100%覆盖”: a coverage rate of what comes before.
fn coverage(clause: &str, text: &str, at: usize, found: &mut Vec<PhraseTarget>) -> Option<usize> {
    let part = &text[at..];
    let (fig_at, figure) = first_figure(part)?;
    if figure.unit != "%" {
        return None;
    }
    let after = &part[fig_at + figure.end..];
    let mark = ["覆盖", "普及"]
        .into_iter()
        .find(|w| after.starts_with(w))?;
    let name = clean_subject(&part[..fig_at]);
    if name.is_empty() {
        return None;
    }
    let end = at + fig_at + figure.end + mark.len();
    found.push(PhraseTarget {
        name: format!("{name}{mark}率"),
        shape: Shape::Figure(Bound::AtLeast),
        value: Some(figure.value),
        unit: "%".into(),
        words: verbatim(clause, text, at + fig_at, end),
        maintain: false,
        base: None,
    });
    Some(end)
}

/// “全市建有1—2个区域性儿童福利机构”: a count (or range of counts) of things to build.
fn build_count(
    clause: &str,
    text: &str,
    at: usize,
    found: &mut Vec<PhraseTarget>,
) -> Option<usize> {
    let part = &text[at..];
    let (verb_at, verb) = BUILD_VERBS
        .iter()
        .filter_map(|v| part.find(v).map(|i| (i, *v)))
        .min_by_key(|(i, _)| *i)?;
    let rest = &part[verb_at + verb.len()..];
    let figures = figures(rest);
    let figure = figures.first()?;
    if !COUNT_UNITS.contains(&figure.unit.as_str()) {
        return None;
    }
    let words_end = at + verb_at + verb.len() + figure.end;
    let name = object_name(&text[words_end..]);
    if name.is_empty() {
        return None;
    }
    let shape = match figure.range_upper {
        Some(upper) => Shape::Range { upper },
        None => Shape::Figure(Bound::AtLeast),
    };
    found.push(PhraseTarget {
        name,
        shape,
        value: Some(figure.value),
        unit: figure.unit.clone(),
        words: verbatim(clause, text, at + verb_at, words_end),
        maintain: false,
        base: None,
    });
    Some(object_end(text, words_end))
}

/// “比2020年下降10%”, “提高5个百分点”: a change from a base the plan does not state here. Its
/// figure is no level to check a value against, so the target is drafted in words, for the
/// review to turn into a figure once the base is known.
fn relative_change(
    clause: &str,
    text: &str,
    at: usize,
    found: &mut Vec<PhraseTarget>,
) -> Option<usize> {
    const CHANGES: [&str; 8] = [
        "下降", "降低", "减少", "提高", "提升", "增长", "增加", "上升",
    ];
    let part = &text[at..];
    let (change_at, change) = first_word(part, &CHANGES)?;
    let figures = figures(&part[change_at + change.len()..]);
    let figure = figures.first()?;
    let from_base = ["比", "较"]
        .iter()
        .filter_map(|w| part[..change_at].find(w))
        .min();
    if figure.unit != "个百分点" && !(from_base.is_some() && figure.unit == "%") {
        return None;
    }
    let words_start = from_base.unwrap_or(change_at);
    let name = clean_subject(&part[..words_start]);
    let end = at + change_at + change.len() + figure.end;
    let words = (at + words_start, end);
    push_in_words(clause, text, found, name, Shape::Qualitative, words)
}

/// “残疾儿童康复救助人数逐年增加”: a rise every year, when no figure is given.
fn yearly_rise(
    clause: &str,
    text: &str,
    at: usize,
    found: &mut Vec<PhraseTarget>,
) -> Option<usize> {
    let part = &text[at..];
    if first_figure(part).is_some() {
        return None;
    }
    let (mark_at, mark) = first_word(part, &YEARLY_RISES)?;
    let name = clean_subject(&part[..mark_at]);
    let words = (at + mark_at, at + mark_at + mark.len());
    push_in_words(clause, text, found, name, Shape::IncreaseYearly, words)
}

/// A target in words (`words`: where they start and end in `text`), when it has a name: the
/// byte offset where its words end.
fn push_in_words(
    clause: &str,
    text: &str,
    found: &mut Vec<PhraseTarget>,
    name: String,
    shape: Shape,
    (start, end): (usize, usize),
) -> Option<usize> {
    if name.is_empty() {
        return None;
    }
    let words = verbatim(clause, text, start, end);
    found.push(PhraseTarget::in_words(name, shape, words));
    Some(end)
}

/// “实现安全监控系统全覆盖”, “基本消除…”: a goal in words, no figure.
fn qualitative(
    clause: &str,
    text: &str,
    at: usize,
    found: &mut Vec<PhraseTarget>,
) -> Option<usize> {
    let part = &text[at..];
    if first_figure(part).is_some() {
        return None;
    }
    let (mark_at, mark) = first_word(part, &QUALITATIVE_MARKS)?;
    // 基本消除X: the object follows; X全覆盖 / X明显下降: the subject comes first.
    let object_follows = mark.ends_with("消除") || mark.ends_with("普及");
    // A state reached ends its clause (“实现安全监控系统全覆盖”); inside one it is a word of
    // something else (“建立健全覆盖城乡的网络”, “全覆盖资助体系”).
    let mark_end = mark_at + mark.len();
    let ends_clause = part[mark_end..]
        .trim_end_matches(['。', '.', ' '])
        .is_empty();
    if !object_follows && !ends_clause {
        return None;
    }
    let (name, words_start, end) = if object_follows {
        let end = object_end(text, at + mark_at + mark.len());
        (
            clean_subject(&text[at + mark_at + mark.len()..end]),
            at + mark_at,
            end,
        )
    } else {
        let end = at + mark_at + mark.len();
        (clean_subject(&part[..mark_at]), at + mark_at, end)
    };
    push_in_words(
        clause,
        text,
        found,
        name,
        Shape::Qualitative,
        (words_start, end),
    )
}

/// “全面推动所有乡村学校与城镇学校组建城乡教育共同体”: a goal for every one of something, in
/// words (the clause opens with 所有 or 全部 after its verbs of intent, and holds no figure).
fn every_one(clause: &str, text: &str, at: usize, found: &mut Vec<PhraseTarget>) -> Option<usize> {
    let part = &text[at..];
    if first_figure(part).is_some() {
        return None;
    }
    let mut rest = part.trim_start();
    loop {
        let stripped = INTENTS
            .iter()
            .chain(&["全面", "进一步", "加快", "基本"])
            .find_map(|w| rest.strip_prefix(w));
        match stripped {
            Some(r) => rest = r,
            None => break,
        }
    }
    let all = ["所有", "全部"].into_iter().find(|w| rest.starts_with(w))?;
    let start = at + (part.len() - rest.len());
    let end = object_end(text, start);
    // “所有乡村学校…组建…”: what is to hold for all, as long as a name can be.
    let name = clean_subject(&text[start + all.len()..end]);
    if name.chars().count() < 4 || name.chars().count() > 40 {
        return None;
    }
    push_in_words(clause, text, found, name, Shape::Qualitative, (start, end))
}

/// The first of `words` in `part`: where it stands and which it is.
fn first_word(part: &str, words: &[&'static str]) -> Option<(usize, &'static str)> {
    words
        .iter()
        .filter_map(|w| part.find(w).map(|i| (i, *w)))
        .min_by_key(|(i, _)| *i)
}

/// “2020年”, “2020”.
fn is_a_year(words: &str) -> bool {
    let words = words.trim();
    let digits = words.strip_suffix('年').unwrap_or(words);
    digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit())
}

/// The verbs of `text` in the order they stand; at one place, the longest (不低于 before 低于).
fn verbs_in(text: &str) -> Vec<(usize, &'static str, Bound)> {
    let mut found: Vec<(usize, &'static str, Bound)> = VERBS
        .iter()
        .flat_map(|&(verb, bound)| {
            text.match_indices(verb)
                .map(move |(at, _)| (at, verb, bound))
        })
        .collect();
    found.sort_by_key(|&(at, verb, _)| (at, std::cmp::Reverse(verb.len())));
    // A shorter verb inside a longer one (低于 in 不低于) is no verb of its own.
    let mut kept: Vec<(usize, &'static str, Bound)> = Vec::new();
    for verb in found {
        if kept
            .last()
            .is_none_or(|last| verb.0 >= last.0 + last.1.len())
        {
            kept.push(verb);
        }
    }
    kept
}

#[derive(Debug)]
pub(super) struct Figure {
    pub value: f64,
    pub unit: String,
    /// “1—2个”, “0.5到1个百分点”: the upper figure.
    pub range_upper: Option<f64>,
    /// Byte offset just past the figure and its unit.
    pub end: usize,
}

/// A number at the head of `text`: its value and byte length (“98.18”, “3”).
fn number_at(text: &str) -> Option<(f64, usize)> {
    let len = text
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit() || *c == '.')
        .last()
        .map(|(i, c)| i + c.len_utf8())?;
    let digits = text[..len].trim_end_matches('.');
    if digits.is_empty() || !digits.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some((digits.parse().ok()?, digits.len()))
}

/// The figures at the head of `rest`: “3‰、5‰和6‰”, “97%”, “4.5个”, “1—2个”; a year
/// (“到2025年”) is not one, and the list ends at the first word that is neither a figure nor
/// a joiner.
pub(super) fn figures(rest: &str) -> Vec<Figure> {
    let mut found = Vec::new();
    let mut at = 0;
    loop {
        let tail = &rest[at..];
        let Some((value, len)) = number_at(tail) else {
            break;
        };
        // A year (2025年) is no figure; “11.3年” (years of schooling) is one.
        let is_year = len == 4 && (1900.0..2100.0).contains(&value);
        if tail[len..].starts_with('年') && is_year {
            break;
        }
        let mut end = len;
        let mut range_upper = None;
        // A range: “1—2个”, “1-2个”, “0.5到1个百分点”, “1至2个”, “1~2个”.
        let unit_here = unit_at(&tail[len..]);
        let after_unit = len + unit_here.len();
        for dash in ["—", "-", "–", "~", "到", "至"] {
            for from in [len, after_unit] {
                if let Some(upper_text) = tail[from..].strip_prefix(dash) {
                    if let Some((upper, upper_len)) = number_at(upper_text) {
                        if upper > value && !upper_text[upper_len..].starts_with('年') {
                            range_upper = Some(upper);
                            end = from + dash.len() + upper_len;
                        }
                    }
                }
            }
            if range_upper.is_some() {
                break;
            }
        }
        let unit = unit_at(&tail[end..]);
        if range_upper.is_none() && unit.is_empty() && tail[end..].starts_with(['.', '万']) {
            break;
        }
        at += end + unit.len();
        found.push(Figure {
            value,
            unit: unit.into(),
            range_upper,
            end: at,
        });
        match rest[at..].chars().next() {
            Some(joiner @ ('、' | '和' | '与' | '及' | ',')) => at += joiner.len_utf8(),
            _ => break,
        }
        if number_at(&rest[at..]).is_none() {
            // The joiner was not between figures: give it back.
            break;
        }
    }
    found
}

fn unit_at(text: &str) -> &'static str {
    UNITS
        .iter()
        .find(|u| text.starts_with(**u))
        .map_or("", |u| u)
}

/// The first figure anywhere in `part` that is not a year nor inside a name in quotes or
/// brackets: where it starts and what it is.
fn first_figure(part: &str) -> Option<(usize, Figure)> {
    let mut depth = 0i32;
    let mut previous_digit = false;
    for (i, c) in part.char_indices() {
        match c {
            '“' | '《' | '"' | '\u{2018}' => depth += 1,
            '”' | '》' | '\u{2019}' => depth -= 1,
            _ => {}
        }
        let digit = c.is_ascii_digit();
        if digit && !previous_digit && depth <= 0 {
            if let Some(figure) = figures(&part[i..]).into_iter().next() {
                return Some((i, figure));
            }
        }
        previous_digit = digit || (previous_digit && c == '.');
    }
    None
}

/// `count` names from “新生儿、婴儿和5岁以下儿童死亡率”: the last item's head (死亡率) completes the
/// others that lack one.
fn names(subject: &str, count: usize) -> Vec<String> {
    let items = split_items(&strip_scope(subject));
    if items.len() != count || count < 2 {
        return vec![strip_scope(subject)];
    }
    let last = items.last().cloned().unwrap_or_default();
    let head = shared_head(&last);
    items
        .into_iter()
        .map(|item| {
            // 贫血患病率、生长迟缓率: an item that names its own measure keeps it.
            if item.ends_with(head) || item.ends_with('率') || item.ends_with('数') {
                item
            } else {
                format!("{item}{head}")
            }
        })
        .collect()
}

/// Several indicators sharing one figure: “A和B保持在90%以上” (each a whole name).
fn names_sharing(subject: &str) -> Vec<String> {
    let whole = strip_scope(subject);
    let items = split_items(&whole);
    // Only when every item is a measure of its own (each ends in 率 or 数, as the last does).
    let measure = |item: &String| item.ends_with('率') || item.ends_with('数');
    if items.len() > 1 && items.iter().all(measure) {
        items
    } else {
        vec![whole]
    }
}

/// The items of a list, split at 、和与及 outside brackets and quotes (“县(市、区)” is one).
fn split_items(subject: &str) -> Vec<String> {
    let mut items = Vec::new();
    let mut depth = 0i32;
    let mut current = String::new();
    for c in subject.chars() {
        match c {
            '(' | '“' | '《' | '[' => depth += 1,
            ')' | '”' | '》' | ']' => depth -= 1,
            _ => {}
        }
        if depth <= 0 && matches!(c, '、' | '和' | '与' | '及') {
            items.push(std::mem::take(&mut current));
        } else {
            current.push(c);
        }
    }
    items.push(current);
    items
        .into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// The measure's word a list of indicators shares: 死亡率, 患病率, 覆盖率 … (the last item's
/// last three characters up to its 率 or 数).
fn shared_head(last: &str) -> &str {
    // Heads longer than a measure word that plans share across a list (“艾滋病、梅毒和乙肝母婴
    // 传播率”).
    const LONG_HEADS: [&str; 3] = ["母婴传播率", "母婴阻断率", "筛查覆盖率"];
    if let Some(head) = LONG_HEADS.iter().find(|h| last.ends_with(**h)) {
        return &last[last.len() - head.len()..];
    }
    let chars: Vec<(usize, char)> = last.char_indices().collect();
    let measure = chars.iter().rposition(|&(_, c)| c == '率' || c == '数');
    let Some(end) = measure else {
        return "";
    };
    let start = end.saturating_sub(2);
    chars.get(start).map_or("", |&(i, _)| &last[i..])
}

/// A subject as a name: time (“到2025年”), scope (全市) and intent (实现, 确保) left out.
pub(super) fn clean_subject(subject: &str) -> String {
    let mut s = subject
        .trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ':' | ';'))
        .to_string();
    loop {
        let before = s.clone();
        s = strip_time(&s);
        s = strip_scope(&s);
        for intent in INTENTS
            .iter()
            .chain(&["全面", "进一步", "基本", "要", "将", "所有", "全部"])
        {
            if let Some(rest) = s.strip_prefix(intent) {
                s = rest.to_string();
            }
        }
        // “以乡(镇、街道)为单位”: how the rate is counted, not what it is.
        if let Some(at) = s.rfind('以').filter(|_| s.ends_with("为单位")) {
            s.truncate(at);
        }
        for intent in ["力争", "争取", "确保", "要", "逐步", "进一步", "继续"] {
            if let Some(rest) = s.strip_suffix(intent) {
                s = rest.to_string();
            }
        }
        s = s
            .trim_start_matches(|c: char| {
                matches!(c, ',' | ' ' | '的' | '—' | '-' | '·' | '•' | '*')
            })
            .trim_end_matches(['的', ' ', ','])
            .to_string();
        if s == before {
            return s;
        }
    }
}

/// “到2025年”, “2025年前”, “至2030年底” at the head of a subject.
fn strip_time(s: &str) -> String {
    let mut rest = s;
    for lead in ["到", "至", "截至"] {
        rest = rest.strip_prefix(lead).unwrap_or(rest);
    }
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 4 {
        if let Some(after) = rest[4..].strip_prefix('年') {
            let after = ["底前", "底", "前", "末"]
                .iter()
                .find_map(|w| after.strip_prefix(w))
                .unwrap_or(after);
            return after.trim_start_matches([',', ' ']).to_string();
        }
    }
    s.to_string()
}

fn strip_scope(subject: &str) -> String {
    let subject = subject.trim_matches(|c: char| c.is_whitespace() || c == ',' || c == '，');
    SCOPES
        .iter()
        .find_map(|scope| subject.strip_prefix(scope))
        .unwrap_or(subject)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(clause: &str) -> Vec<(String, Option<Bound>, Option<f64>, String)> {
        targets(clause)
            .into_iter()
            .map(|t| (t.name.clone(), t.bound(), t.value, t.unit))
            .collect()
    }

    fn one(
        name: &str,
        bound: Bound,
        value: f64,
        unit: &str,
    ) -> (String, Option<Bound>, Option<f64>, String) {
        (name.into(), Some(bound), Some(value), unit.into())
    }

    #[test]
    fn respectively_gives_each_indicator_its_figure_and_head() {
        let read = targets("新生儿、婴儿和5岁以下儿童死亡率分别控制在3‰、5‰和6‰以下");
        let names: Vec<_> = read.iter().map(|t| (t.name.as_str(), t.value)).collect();
        assert_eq!(
            names,
            [
                ("新生儿死亡率", Some(3.0)),
                ("婴儿死亡率", Some(5.0)),
                ("5岁以下儿童死亡率", Some(6.0))
            ]
        );
        assert!(read
            .iter()
            .all(|t| t.bound() == Some(Bound::AtMost) && t.unit == "‰"));
        assert_eq!(read[0].words, "控制在3‰、5‰和6‰以下");
    }

    #[test]
    fn the_plans_verbs_and_qualifiers() {
        let cases = [
            (
                "0—6个月婴儿纯母乳喂养率达到65%以上",
                "0—6个月婴儿纯母乳喂养率",
                Bound::AtLeast,
                65.0,
                "%",
            ),
            (
                "12岁儿童龋患率控制在25%以内",
                "12岁儿童龋患率",
                Bound::AtMost,
                25.0,
                "%",
            ),
            (
                "学前教育毛入园率保持在97%以上",
                "学前教育毛入园率",
                Bound::AtLeast,
                97.0,
                "%",
            ),
            ("全市床位增至3.17张", "床位", Bound::AtLeast, 3.17, "张"),
            (
                "孕产妇死亡率下降到8/10万左右",
                "孕产妇死亡率",
                Bound::About,
                8.0,
                "/10万",
            ),
            (
                "未成年人犯罪比例不超过8%",
                "未成年人犯罪比例",
                Bound::AtMost,
                8.0,
                "%",
            ),
            ("婴儿死亡率低于5‰", "婴儿死亡率", Bound::Below, 5.0, "‰"),
        ];
        for (clause, name, bound, value, unit) in cases {
            assert_eq!(read(clause), [one(name, bound, value, unit)], "{clause}");
        }
    }

    #[test]
    fn respectively_keeps_an_items_own_measure() {
        let names: Vec<String> = targets("5岁以下儿童贫血患病率、生长迟缓率分别控制在9%、4%以下")
            .into_iter()
            .map(|t| t.name)
            .collect();
        assert_eq!(names, ["5岁以下儿童贫血患病率", "生长迟缓率"]);
    }

    #[test]
    fn a_list_shares_a_longer_head_where_plans_write_one() {
        let names: Vec<String> = targets("艾滋病、梅毒和乙肝母婴传播率分别控制在2%、1%和1%以下")
            .into_iter()
            .map(|t| t.name)
            .collect();
        assert_eq!(
            names,
            ["艾滋病母婴传播率", "梅毒母婴传播率", "乙肝母婴传播率"]
        );
    }

    #[test]
    fn several_indicators_sharing_one_figure() {
        let read = read("5岁以下儿童贫血患病率和生长迟缓率均保持在5%以下");
        assert_eq!(
            read,
            [
                one("5岁以下儿童贫血患病率", Bound::AtMost, 5.0, "%"),
                one("生长迟缓率", Bound::AtMost, 5.0, "%")
            ]
        );
    }

    #[test]
    fn each_of_a_list_shares_the_measure_word_and_the_figure() {
        let names: Vec<(String, Option<f64>)> =
            targets("艾滋病、梅毒和乙肝母婴传播率均控制在2%以下")
                .into_iter()
                .map(|t| (t.name, t.value))
                .collect();
        assert_eq!(
            names,
            [
                ("艾滋病母婴传播率".to_string(), Some(2.0)),
                ("梅毒母婴传播率".to_string(), Some(2.0)),
                ("乙肝母婴传播率".to_string(), Some(2.0))
            ]
        );
        // Without 均 a list before one measure is one indicator's name.
        assert_eq!(targets("中小学法治校长、法治辅导员配备率达到100%").len(), 1);
    }

    #[test]
    fn a_second_subject_after_the_first_target_carries_its_per_head() {
        let read = read("每千人口执业(助理)医师数达到1.12名、床位增至3.17张");
        assert_eq!(
            read,
            [
                one("每千人口执业(助理)医师数", Bound::AtLeast, 1.12, "名"),
                one("每千人口床位", Bound::AtLeast, 3.17, "张")
            ]
        );
    }

    #[test]
    fn what_a_year_stood_at_is_a_base_not_a_target() {
        assert!(targets("2020年达到98.18%").is_empty());
        assert_eq!(read("到2025年,毛入园率达到98%").len(), 1);
        let from = targets("孕产妇系统管理率由2020年的92%提高到95%以上");
        assert_eq!(from[0].base, Some((2020, 92.0)));
        assert_eq!(from[0].name, "孕产妇系统管理率");
        assert_eq!(from[0].value, Some(95.0));
    }

    #[test]
    fn no_figure_or_only_a_year_is_no_target() {
        assert!(targets("儿童超重(肥胖)上升趋势得到有效控制").is_empty());
        assert!(targets("到2025年达到").is_empty());
        assert!(targets("儿童健康水平不断提高").is_empty());
        assert!(targets("帮助熟练掌握1—2项运动技能").is_empty());
        assert!(targets("保障学生每天校内、校外各1小时体育活动").is_empty());
        assert!(targets("80%的学生参加了活动").is_empty());
    }

    #[test]
    fn at_least_before_an_action_names_what_follows() {
        let t = targets("市、县(市、区)至少设有1家危重新生儿救治中心");
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].name, "危重新生儿救治中心");
        assert_eq!(
            (t[0].bound(), t[0].value),
            (Some(Bound::AtLeast), Some(1.0))
        );
        let t = targets("创建至少3个全国义务教育优质均衡发展县(市、区)");
        assert_eq!(t[0].name, "义务教育优质均衡发展县(市、区)");
        assert_eq!(t[0].value, Some(3.0));
    }

    #[test]
    fn shares_coverage_counts_and_ranges() {
        let t = targets("90%以上的社区图书室设立亲子阅读区");
        assert_eq!(
            (t[0].bound(), t[0].value),
            (Some(Bound::AtLeast), Some(90.0))
        );
        let t = targets("推动80%的乡镇(社区)基层医疗机构开展标准化发育筛查");
        assert_eq!(t[0].value, Some(80.0));
        let t = targets("实现全市义务段学校“互联网+义务教育”100%覆盖");
        assert_eq!(t[0].name, "义务段学校“互联网+义务教育”覆盖率");
        assert_eq!(t[0].value, Some(100.0));
        let t = targets("全市建有1—2个区域性儿童福利机构");
        assert_eq!(t[0].shape, Shape::Range { upper: 2.0 });
        assert_eq!(
            (t[0].value, t[0].name.as_str()),
            (Some(1.0), "区域性儿童福利机构")
        );
    }

    #[test]
    fn yearly_targets() {
        let t = targets("全市儿童总体近视率在2018年基础上每年降低1个百分点以上");
        assert_eq!(
            t[0].shape,
            Shape::DecreasePpYearly {
                base_year: Some(2018)
            }
        );
        assert_eq!(
            (t[0].name.as_str(), t[0].value),
            ("儿童总体近视率", Some(1.0))
        );
        assert_eq!(t[0].words, "在2018年基础上每年降低1个百分点以上");
        let t = targets("儿童总体近视率每年降低0.5到1个百分点");
        assert_eq!(t[0].value, Some(0.5));
        assert_eq!(t[0].words, "每年降低0.5到1个百分点");
        let t = targets("残疾儿童康复救助人数逐年增加");
        assert_eq!(
            (t[0].shape, t[0].name.as_str()),
            (Shape::IncreaseYearly, "残疾儿童康复救助人数")
        );
    }

    #[test]
    fn goals_in_words_and_levels_outside_the_plan_are_qualitative() {
        let t = targets("实现安全监控系统全覆盖");
        assert_eq!(
            (t[0].shape, t[0].name.as_str()),
            (Shape::Qualitative, "安全监控系统")
        );
        let t = targets("全省妇女发展综合水平达到国内领先水平");
        assert_eq!(t[0].shape, Shape::Qualitative);
        assert_eq!(t[0].words, "达到国内领先水平");
        let t = targets("人均预期寿命不低于全国平均水平");
        assert_eq!((t[0].shape, t[0].value), (Shape::Qualitative, None));
        let t = targets("基本消除儿童结核病");
        assert_eq!(
            (t[0].shape, t[0].name.as_str()),
            (Shape::Qualitative, "儿童结核病")
        );
    }

    #[test]
    fn a_verb_inside_a_name_gives_way_to_the_next() {
        assert_eq!(
            read("体质健康达标率保持在90%以上"),
            [one("体质健康达标率", Bound::AtLeast, 90.0, "%")]
        );
        assert_eq!(
            read("女性平均受教育年限达到11.3年"),
            [one("女性平均受教育年限", Bound::AtLeast, 11.3, "年")]
        );
        assert_eq!(
            read("儿童青少年总体近视率力争每年降低0.5个百分点以上")[0].0,
            "儿童青少年总体近视率"
        );
        assert_eq!(
            read("适龄儿童免疫规划疫苗接种率以乡(镇、街道)为单位保持在90%以上")[0].0,
            "适龄儿童免疫规划疫苗接种率"
        );
        assert_eq!(
            read("城镇新增就业人数达到或超过5万人"),
            [one("城镇新增就业人数", Bound::AtLeast, 5.0, "万人")]
        );
    }

    #[test]
    fn a_change_from_a_base_is_drafted_in_words() {
        let t = targets("孕产妇死亡率比2020年下降10%");
        assert_eq!((t[0].shape, t[0].value), (Shape::Qualitative, None));
        assert_eq!(t[0].words, "比2020年下降10%");
        let t = targets("适龄妇女宫颈癌筛查率提高5个百分点");
        assert_eq!(t[0].name, "适龄妇女宫颈癌筛查率");
        assert_eq!(t[0].words, "提高5个百分点");
    }

    #[test]
    fn a_base_in_brackets_a_year_before_the_figure_and_a_level_kept() {
        let t = targets("婴儿死亡率(2020年为5.2‰)降至4‰以下");
        assert_eq!(
            (t[0].name.as_str(), t[0].base, t[0].value),
            ("婴儿死亡率", Some((2020, 5.2)), Some(4.0))
        );
        let t = targets("孕产妇系统管理率由2020年的92%提高到2025年的95%");
        assert_eq!((t[0].base, t[0].value), (Some((2020, 92.0)), Some(95.0)));
        assert_eq!(t[0].words, "提高到2025年的95%");
        assert_eq!(
            targets("婴儿死亡率稳定在5‰")[0].bound(),
            Some(Bound::AtMost)
        );
        assert_eq!(targets("入园率稳定在95%")[0].bound(), Some(Bound::AtLeast));
    }

    #[test]
    fn a_goal_for_every_one_is_qualitative() {
        let t = targets("全面推动所有乡村学校与城镇学校组建城乡教育共同体");
        assert_eq!(
            (t[0].shape, t[0].name.as_str()),
            (Shape::Qualitative, "乡村学校与城镇学校组建城乡教育共同体")
        );
        assert_eq!(t[0].words, "所有乡村学校与城镇学校组建城乡教育共同体");
        assert!(targets("为所有儿童提供服务").is_empty());
    }

    #[test]
    fn full_width_text_is_read_and_quoted_as_written() {
        let t = targets("孕产妇死亡率控制在８／１０万以下");
        assert_eq!(t[0].value, Some(8.0));
        assert_eq!(t[0].words, "控制在８／１０万以下");
    }

    #[test]
    fn odd_input_does_not_panic() {
        for s in [
            "",
            "达到",
            "至少",
            "每年降低",
            "。。",
            "1—",
            "—2个",
            "建有个",
            "由年的",
            "在年基础上每年降低1个百分点",
            "达到.%",
            "增至9999999999999999999999",
        ] {
            let _ = targets(s);
        }
    }
}
