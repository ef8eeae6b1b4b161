//! One clause of a plan's text read as targets: who (the indicator's words), how (达到…以上,
//! 控制在…以下, 左右 …) and how much (the figures with their units). “新生儿、婴儿和5岁以下儿童死亡率
//! 分别控制在3‰、5‰和6‰以下” is three targets, each quoting the clause.
//!
//! Chinese legal usage decides the bounds (Civil Code art. 1259): 以上/以下/以内 include the
//! number, 超过/低于/不满 exclude it; a bare figure after 达到/增至/提高到 is a floor, after
//! 控制在/降至/下降到 a ceiling; 左右 is its own bound, never dropped.

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

/// A target read from a clause.
#[derive(Debug, Clone, PartialEq)]
pub struct PhraseTarget {
    /// The indicator's words as the clause writes them, scope prefixes (全市, 全省 …) left out.
    pub name: String,
    pub bound: Bound,
    pub value: f64,
    /// As written after the figure: "%", "‰", "个", "" …
    pub unit: String,
    /// The clause's own words for the target: "控制在3‰、5‰和6‰以下".
    pub words: String,
}

/// Verbs that introduce a target, longest first, with the bound a bare figure after them means.
const VERBS: [(&str, Bound); 19] = [
    ("保持在", Bound::AtLeast),
    ("稳定在", Bound::AtLeast),
    ("控制在", Bound::AtMost),
    ("下降到", Bound::AtMost),
    ("降低到", Bound::AtMost),
    ("提高到", Bound::AtLeast),
    ("增加到", Bound::AtLeast),
    ("不低于", Bound::AtLeast),
    ("不少于", Bound::AtLeast),
    ("不高于", Bound::AtMost),
    ("不超过", Bound::AtMost),
    ("达到", Bound::AtLeast),
    ("降至", Bound::AtMost),
    ("增至", Bound::AtLeast),
    ("提高至", Bound::AtLeast),
    ("超过", Bound::Above),
    ("高于", Bound::Above),
    ("低于", Bound::Below),
    ("不满", Bound::Below),
];

/// Words after the figures that set the bound, whatever the verb said.
const QUALIFIERS: [(&str, Bound); 4] = [
    ("以上", Bound::AtLeast),
    ("以下", Bound::AtMost),
    ("以内", Bound::AtMost),
    ("左右", Bound::About),
];

/// Units as plans write them after a figure, longest first.
const UNITS: [&str; 16] = [
    "1/10万",
    "/10万",
    "个百分点",
    "%",
    "％",
    "‰",
    "‱",
    "个",
    "名",
    "张",
    "岁",
    "小时",
    "所",
    "人",
    "家",
    "次",
];

/// Where the whole place stands in front of a name: not part of the indicator.
const SCOPES: [&str; 6] = ["全国", "全省", "全市", "全区", "全县", "各地"];

/// The targets a clause states, or none when it states none.
pub fn targets(clause: &str) -> Vec<PhraseTarget> {
    let text: String = clause.chars().map(half_width).collect();
    let Some((verb_at, verb, verb_bound)) = first_verb(&text) else {
        return Vec::new();
    };
    let subject = &text[..verb_at];
    // “2020年达到98.18%”: what a year stood at is a base, not a target.
    if is_a_year(strip_scope(subject).trim_end_matches('为')) {
        return Vec::new();
    }
    let rest = &text[verb_at + verb.len()..];
    let figures = figures(rest);
    if figures.is_empty() {
        return Vec::new();
    }
    let after = &rest[figures.last().map_or(0, |f| f.end)..];
    let bound = QUALIFIERS
        .iter()
        .find(|(word, _)| after.starts_with(word))
        .map_or(verb_bound, |&(_, b)| b);
    let respectively = subject.ends_with("分别");
    let subject = subject.trim_end_matches("分别").trim_end_matches('均');
    let names = names(subject, if respectively { figures.len() } else { 1 });
    let words_end = verb_at
        + verb.len()
        + figures.last().map_or(0, |f| f.end)
        + QUALIFIERS
            .iter()
            .find(|(word, _)| after.starts_with(word))
            .map_or(0, |(word, _)| word.len());
    let words = text[verb_at..words_end].to_string();
    match (respectively, names.len() == figures.len()) {
        (true, true) => names
            .into_iter()
            .zip(figures)
            .map(|(name, figure)| PhraseTarget {
                name,
                bound,
                value: figure.value,
                unit: figure.unit,
                words: words.clone(),
            })
            .collect(),
        // One subject, or several sharing one figure (“A和B保持在90%以上”).
        _ => names_sharing(subject)
            .into_iter()
            .map(|name| PhraseTarget {
                name,
                bound,
                value: figures[0].value,
                unit: figures[0].unit.clone(),
                words: words.clone(),
            })
            .collect(),
    }
}

/// “2020年”, “2020”.
fn is_a_year(words: &str) -> bool {
    let digits = words.strip_suffix('年').unwrap_or(words);
    digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit())
}

fn first_verb(text: &str) -> Option<(usize, &'static str, Bound)> {
    VERBS
        .iter()
        .filter_map(|&(verb, bound)| text.find(verb).map(|at| (at, verb, bound)))
        // The earliest; at one place, the longest (不低于 before 低于).
        .min_by_key(|&(at, verb, _)| (at, std::cmp::Reverse(verb.len())))
}

struct Figure {
    value: f64,
    unit: String,
    /// Byte offset just past the figure and its unit.
    end: usize,
}

/// The figures at the head of `rest`: “3‰、5‰和6‰”, “97%”, “4.5个”; a year (“到2025年”) is not
/// one, and the list ends at the first word that is neither a figure nor a joiner.
fn figures(rest: &str) -> Vec<Figure> {
    let mut found = Vec::new();
    let mut at = 0;
    loop {
        let tail = &rest[at..];
        let digits = tail
            .char_indices()
            .take_while(|(_, c)| c.is_ascii_digit() || *c == '.')
            .last()
            .map(|(i, c)| i + c.len_utf8());
        let Some(len) = digits.filter(|&n| n > 0) else {
            break;
        };
        let Ok(value) = tail[..len].parse::<f64>() else {
            break;
        };
        let unit = UNITS
            .iter()
            .find(|u| tail[len..].starts_with(**u))
            .map_or("", |u| u);
        if tail[len..].starts_with('年') {
            break;
        }
        at += len + unit.len();
        found.push(Figure {
            value,
            unit: unit.replace('％', "%"),
            end: at,
        });
        match rest[at..].chars().next() {
            Some(joiner @ ('、' | '和' | '与' | '及' | ',')) => at += joiner.len_utf8(),
            _ => break,
        }
    }
    found
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

fn split_items(subject: &str) -> Vec<String> {
    subject
        .split(['、', '和', '与', '及'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// The measure's word a list of indicators shares: 死亡率, 患病率, 覆盖率 … (the last item's
/// ending from its last 的/儿童 … boundary, at most four characters).
fn shared_head(last: &str) -> &str {
    let chars: Vec<(usize, char)> = last.char_indices().collect();
    let measure = chars.iter().rposition(|&(_, c)| c == '率' || c == '数');
    let Some(end) = measure else {
        return "";
    };
    let start = end.saturating_sub(2);
    &last[chars[start].0..]
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

    fn read(clause: &str) -> Vec<(String, Bound, f64, String)> {
        targets(clause)
            .into_iter()
            .map(|t| (t.name, t.bound, t.value, t.unit))
            .collect()
    }

    fn one(name: &str, bound: Bound, value: f64, unit: &str) -> (String, Bound, f64, String) {
        (name.into(), bound, value, unit.into())
    }

    #[test]
    fn respectively_gives_each_indicator_its_figure_and_head() {
        let read = targets("新生儿、婴儿和5岁以下儿童死亡率分别控制在3‰、5‰和6‰以下");
        let names: Vec<_> = read.iter().map(|t| (t.name.as_str(), t.value)).collect();
        assert_eq!(
            names,
            [
                ("新生儿死亡率", 3.0),
                ("婴儿死亡率", 5.0),
                ("5岁以下儿童死亡率", 6.0)
            ]
        );
        assert!(read
            .iter()
            .all(|t| t.bound == Bound::AtMost && t.unit == "‰"));
        assert_eq!(read[0].words, "控制在3‰、5‰和6‰以下");
    }

    #[test]
    fn the_plans_verbs_and_qualifiers() {
        assert_eq!(
            read("0—6个月婴儿纯母乳喂养率达到65%以上"),
            [one("0—6个月婴儿纯母乳喂养率", Bound::AtLeast, 65.0, "%")]
        );
        assert_eq!(
            read("12岁儿童龋患率控制在25%以内"),
            [one("12岁儿童龋患率", Bound::AtMost, 25.0, "%")]
        );
        assert_eq!(
            read("学前教育毛入园率保持在97%以上"),
            [one("学前教育毛入园率", Bound::AtLeast, 97.0, "%")]
        );
        assert_eq!(
            read("全市床位增至3.17张"),
            [one("床位", Bound::AtLeast, 3.17, "张")]
        );
        assert_eq!(
            read("孕产妇死亡率下降到8/10万左右"),
            [one("孕产妇死亡率", Bound::About, 8.0, "/10万")]
        );
        assert_eq!(
            read("未成年人犯罪比例不超过8%"),
            [one("未成年人犯罪比例", Bound::AtMost, 8.0, "%")]
        );
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
    fn what_a_year_stood_at_is_a_base_not_a_target() {
        assert!(targets("2020年达到98.18%").is_empty());
        assert!(targets("学前三年入园率逐年增加").is_empty());
        assert_eq!(read("到2025年,毛入园率达到98%").len(), 1);
    }

    #[test]
    fn no_figure_or_only_a_year_is_no_target() {
        assert!(targets("儿童超重(肥胖)上升趋势得到有效控制").is_empty());
        assert!(targets("到2025年达到").is_empty());
        assert!(targets("儿童健康水平不断提高").is_empty());
    }
}

#[cfg(test)]
mod on_the_plan_text {
    use crate::numbers::trim_float;

    /// The project's plan text, clause by clause: every figure drafted stands in its own words,
    /// and the clauses give at least as many targets as this reader found when it was written
    /// (a floor to raise as the drafter grows; the catalogue has 44).
    #[test]
    fn every_figure_stands_in_its_words_and_the_count_only_grows() {
        let text = include_str!("../../../../../tests/source/quzhou-plan-notice-2021.txt");
        let mut found = 0;
        for clause in text.split(['。', '；', ';', '，', ',']) {
            for t in super::targets(clause) {
                assert!(
                    t.words.contains(&trim_float(t.value)),
                    "{} not in “{}”",
                    t.value,
                    t.words
                );
                found += 1;
            }
        }
        assert!(found >= 23, "{found} targets");
    }
}
