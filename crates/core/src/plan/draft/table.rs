//! A key-indicator table (序号, 指标(单位), 基期值, 目标值) read as rows: from a Word or web page
//! table cell by cell, or from a table flattened into one line of text, where the cells are glued
//! together: “3每千人拥有3岁以下婴幼儿托位数(个)2.944.5”.
//!
//! A flattened row is cut by what a table's rows always have: the row numbers run 1, 2, 3 … (so
//! the next row starts where its number stands before the next name), and the name ends with its
//! unit in brackets (“(个)”, “(1/10万)”, not “(助理)”). The figures left between the unit and the
//! next row's number are the base and the target, glued: a comparator (<, ≥), a % or a word
//! (逐年增加) shows where to cut; digits alone (“2.944.5”) are cut where both halves are numbers
//! as tables print them (no leading zero, at most two decimals, none ending in 0, a percentage not
//! above 150) and, of the cuts left, where the target is nearest the base (a plan moves a figure
//! by a part of itself in five years, not by a factor of ten). Every such reading is noted on the
//! indicator, and flagged for review where another cut was nearly as good.

use super::phrase;
use crate::ingest::value::half_width;

/// A table's row, read.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub name: String,
    pub unit: String,
    /// The base column's text, the target column's text.
    pub base: String,
    pub target: String,
    /// The row as it stands in the text (a flattened row) or its cells joined (a real table).
    pub quote: String,
    /// “第3行”.
    pub place: String,
    /// How the row was read where that took a judgement.
    pub notes: Vec<String>,
    /// The reading needs a person's eye.
    pub review: bool,
}

/// The years a table's header names: the base's and the target's.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Years {
    pub base: Option<i32>,
    pub target: Option<i32>,
}

/// “2020年2025年”: the first year is the base's, the last the target's.
pub fn header_years(header: &str) -> Years {
    let years = years_in(header);
    match years.as_slice() {
        [] => Years::default(),
        [only] => Years {
            base: None,
            target: Some(*only),
        },
        [first, .., last] => Years {
            base: Some(*first),
            target: Some(*last),
        },
    }
}

fn years_in(text: &str) -> Vec<i32> {
    let text: String = text.chars().map(half_width).collect();
    let bytes = text.as_bytes();
    let mut years = Vec::new();
    let mut i = 0;
    while i + 4 <= bytes.len() {
        let window = &bytes[i..i + 4];
        let before_digit = i > 0 && bytes[i - 1].is_ascii_digit();
        let after_digit = bytes.get(i + 4).is_some_and(u8::is_ascii_digit);
        if !before_digit && !after_digit && window.iter().all(u8::is_ascii_digit) {
            if let Ok(year) = text[i..i + 4].parse::<i32>() {
                if (1949..=2100).contains(&year) {
                    years.push(year);
                }
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    years
}

/// Units as a table prints them in brackets after a name: “%”, “1/‰”, “1/10万”, “人”, “个/千人”.
fn is_unit(inside: &str) -> bool {
    const UNIT_CHARS: &str = "%‰‱/万千百人个名张所家次岁元小时平方米天年项台床克公斤分倍户处座";
    let inside: String = inside.chars().map(half_width).collect();
    let count = inside.chars().count();
    count > 0
        && count <= 8
        && inside
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || UNIT_CHARS.contains(c))
}

/// Characters a value cell is made of in a flattened row (a word like 逐年增加 aside).
fn is_value_char(c: char) -> bool {
    let c = half_width(c);
    c.is_ascii_digit() || matches!(c, '.' | '%' | '<' | '>' | '≤' | '≥' | '‰')
}

fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

/// The rows of a flattened table's text (from its first row's number on); what follows the last
/// row that is no part of it is left to the caller as text.
pub fn flat_rows(text: &str) -> (Vec<Row>, String) {
    let mut rows = Vec::new();
    let mut at = 0;
    let mut ordinal = 1u32;
    while at < text.len() {
        let number = ordinal.to_string();
        if !text[at..].starts_with(&number) {
            break;
        }
        let name_start = at + number.len();
        let Some((name_end, unit, values_start)) = name_and_unit(text, name_start) else {
            break;
        };
        let next = (ordinal + 1).to_string();
        let next_start = next_row_start(text, values_start, &next);
        let values_end = match next_start {
            Some(n) => n,
            None => last_values_end(text, values_start),
        };
        let values = &text[values_start..values_end];
        let mut row = Row {
            name: text[name_start..name_end].trim().to_string(),
            unit,
            base: String::new(),
            target: String::new(),
            quote: text[at..values_end].trim().to_string(),
            place: format!("第{ordinal}行"),
            notes: Vec::new(),
            review: false,
        };
        split_glued(values, &mut row);
        rows.push(row);
        at = values_end;
        ordinal += 1;
        if next_start.is_none() {
            break;
        }
    }
    (rows, text[at.min(text.len())..].to_string())
}

/// Where a row's name ends, its unit, and where its figures start: at the last bracket that holds
/// a unit and is followed by a figure or a word; without one, at the first figure after a word.
fn name_and_unit(text: &str, from: usize) -> Option<(usize, String, usize)> {
    let rest = &text[from..];
    let mut depth = 0;
    let mut open = None;
    let mut found = None;
    for (i, c) in rest.char_indices() {
        match c {
            '(' | '（' => {
                if depth == 0 {
                    // Where the bracket's inside starts (a full-width bracket is 3 bytes).
                    open = Some((i, i + c.len_utf8()));
                }
                depth += 1;
            }
            ')' | '）' => {
                depth -= 1;
                if depth == 0 {
                    if let Some((o, inside_start)) = open.take() {
                        let inside = &rest[inside_start..i];
                        let after = &rest[i + c.len_utf8()..];
                        // A row pasted with spaces between its cells: “(‰) 5.2 <4”.
                        let spaces =
                            after.len() - after.trim_start_matches([' ', '\t', '\u{3000}']).len();
                        let followed = after[spaces..]
                            .chars()
                            .next()
                            .is_some_and(|n| is_value_char(n) || is_cjk(n));
                        if is_unit(inside) && followed {
                            found = Some((
                                from + o,
                                inside.to_string(),
                                from + i + c.len_utf8() + spaces,
                            ));
                            break;
                        }
                    }
                }
                depth = depth.max(0);
            }
            _ => {}
        }
        // A name is short: past 60 characters this is no table row.
        if i > 60 * 3 {
            break;
        }
    }
    if found.is_some() {
        return found;
    }
    // No unit: the name runs to the first figure after some words.
    let mut seen_word = false;
    for (i, c) in rest.char_indices() {
        if is_cjk(c) {
            seen_word = true;
        } else if seen_word && is_value_char(c) && half_width(c) != '.' {
            return Some((from + i, String::new(), from + i));
        }
        if i > 60 * 3 {
            break;
        }
    }
    None
}

/// The next row starts with its number right before its name's first word (or bracket); the
/// first such place after this row's figures.
fn next_row_start(text: &str, values_start: usize, next: &str) -> Option<usize> {
    let mut search = values_start;
    while let Some(found) = text[search..].find(next) {
        let p = search + found;
        let after = text[p + next.len()..].trim_start_matches([' ', '\t', '\u{3000}']);
        let starts_name = after.chars().next().is_some_and(|c| is_cjk(c) || c == '“');
        // Digits of this row's figures cannot be split: “10011建” is 100 and row 11, so the
        // number must end right where the name starts.
        if p > values_start && starts_name {
            return Some(p);
        }
        search = p + next.len().max(1);
        if search >= text.len() {
            break;
        }
    }
    None
}

/// The last row's figures: up to a sentence's end, at most 20 characters.
fn last_values_end(text: &str, from: usize) -> usize {
    let mut end = from;
    for (count, (i, c)) in text[from..].char_indices().enumerate() {
        if count >= 20 || matches!(c, '。' | ';' | '；' | '\n') {
            break;
        }
        end = from + i + c.len_utf8();
    }
    end
}

/// A flattened row's figures, base and target glued: cut at a comparator, a %, a word, or where
/// both halves read as printed numbers with the target nearest the base.
fn split_glued(values: &str, row: &mut Row) {
    let values = values.trim();
    let chars: Vec<(usize, char)> = values.char_indices().collect();
    let cut_at = |i: usize, row: &mut Row| {
        row.base = values[..i].trim().to_string();
        row.target = values[i..].trim().to_string();
    };
    // A comparator after the base: “7.06<9.5”.
    if let Some(&(i, _)) = chars
        .iter()
        .skip(1)
        .find(|(_, c)| matches!(half_width(*c), '<' | '>' | '≤' | '≥'))
    {
        return cut_at(i, row);
    }
    // Cells pasted with a space between them: “2.94 4.5”.
    let cells: Vec<&str> = values.split_whitespace().collect();
    if let [base, target] = cells.as_slice() {
        row.base = base.to_string();
        row.target = target.to_string();
        return;
    }
    // A word: “551逐年增加”, “656应援尽援”.
    if let Some(&(i, _)) = chars.iter().find(|(_, c)| is_cjk(*c)) {
        return cut_at(i, row);
    }
    // A % inside: “90.1%100” (the base printed with its unit).
    if let Some(&(i, c)) = chars
        .iter()
        .find(|(i, c)| matches!(half_width(*c), '%' | '‰') && *i + c.len_utf8() < values.len())
    {
        row.base = values[..i].to_string();
        row.target = values[i + c.len_utf8()..].to_string();
        row.notes.push(format!(
            "表格压平后，本行数字为“{values}”，读作基期{}、目标{}。",
            row.base, row.target
        ));
        return;
    }
    let percent = matches!(row.unit.as_str(), "%" | "％");
    let mut cuts: Vec<(f64, usize)> = (1..values.len())
        .filter(|&i| values.is_char_boundary(i))
        .filter_map(|i| {
            let (base, target) = (printed_number(&values[..i])?, printed_number(&values[i..])?);
            if percent && (base > 150.0 || target > 150.0) {
                return None;
            }
            let distance = if base > 0.0 && target > 0.0 {
                (target / base).ln().abs()
            } else {
                5.0
            };
            Some((distance, i))
        })
        .collect();
    cuts.sort_by(|a, b| a.0.total_cmp(&b.0));
    match cuts.as_slice() {
        [] => {
            row.base = values.to_string();
            row.notes.push(format!(
                "表格压平后，本行只有“{values}”，未能分出基期值和目标值，请按原表核对。"
            ));
            row.review = true;
        }
        [(_, i), rest @ ..] => {
            cut_at(*i, row);
            let others: Vec<String> = rest
                .iter()
                .map(|(_, j)| format!("{}→{}", &values[..*j], &values[*j..]))
                .collect();
            let mut note = format!(
                "表格压平后，本行数字为“{values}”，读作基期{}、目标{}",
                row.base, row.target
            );
            if others.is_empty() {
                note.push_str("（唯一符合数字印法的切分）");
                // “0.81” may also be a base with its target cell empty.
                if printed_number(values).is_some_and(|v| !percent || v <= 150.0) {
                    note.push_str(&format!("；也可能是基期{values}、目标空缺"));
                }
                note.push('。');
            } else {
                note.push_str(&format!(
                    "（目标最接近基期的切分；另可读作 {}）。",
                    others.join("、")
                ));
            }
            row.notes.push(note);
            // Another cut nearly as close: a person must look.
            if rest.first().is_some_and(|(d, _)| d - cuts[0].0 < 1.0) {
                row.review = true;
                row.notes.push("两种读法相近，请按原表核对。".into());
            }
        }
    }
}

/// A number as a table prints it: no leading zero (but 0.x), no trailing dot, at most two
/// decimals and none ending in 0.
fn printed_number(text: &str) -> Option<f64> {
    let text = text.trim();
    let (whole, decimals) = match text.split_once('.') {
        Some((w, d)) => (w, Some(d)),
        None => (text, None),
    };
    if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if whole.len() > 1 && whole.starts_with('0') {
        return None;
    }
    if let Some(d) = decimals {
        if d.is_empty() || d.len() > 2 || !d.bytes().all(|b| b.is_ascii_digit()) || d.ends_with('0')
        {
            return None;
        }
    }
    text.parse().ok()
}

/// The rows of a real table (Word, web page, tab-separated lines), by its header's words.
/// `lines`: each row as the file writes it, the row's quote where given (a text file's table).
pub fn cell_rows(rows: &[Vec<String>], lines: &[String]) -> Option<(Years, Vec<Row>)> {
    let header_at = rows.iter().take(3).position(|row| {
        row.iter()
            .any(|c| c.contains("指标") || c.contains("序号") || c.contains("名称"))
    })?;
    let header = &rows[header_at];
    let find = |words: &[&str]| {
        header
            .iter()
            .position(|c| words.iter().any(|w| c.contains(w)))
    };
    let year_columns: Vec<(usize, i32)> = header
        .iter()
        .enumerate()
        .filter_map(|(i, c)| years_in(c).first().map(|y| (i, *y)))
        .collect();
    let ordinal = find(&["序号"]);
    let name = find(&["指标", "名称", "项目"])
        .filter(|&n| Some(n) != ordinal)
        .or_else(|| {
            (0..header.len())
                .find(|&i| Some(i) != ordinal && !year_columns.iter().any(|(c, _)| *c == i))
        })?;
    let unit = find(&["单位"]).filter(|&u| u != name);
    let base = find(&["基期", "基数", "现状", "基准", "基线"])
        .or_else(|| (year_columns.len() >= 2).then(|| year_columns[0].0));
    let target = find(&["目标"]).filter(|&t| t != name).or_else(|| {
        year_columns
            .last()
            .filter(|(c, _)| Some(*c) != base)
            .map(|(c, _)| *c)
    })?;
    let years = Years {
        base: base.and_then(|b| years_in(&header[b]).first().copied()),
        target: years_in(&header[target]).last().copied(),
    };
    // A web page's row under a cell spanning rows (rowspan: a 领域 column) has fewer cells: the
    // ones it lacks are on the left, so its cells stand under the header's last ones.
    let width = header.len();
    let cell = |row: &Vec<String>, column: Option<usize>| {
        let missing = width.saturating_sub(row.len());
        column
            .and_then(|c| c.checked_sub(missing))
            .and_then(|c| row.get(c))
            .map(|c| c.trim().to_string())
            .unwrap_or_default()
    };
    let mut read = Vec::new();
    for (k, cells) in rows.iter().enumerate().skip(header_at + 1) {
        let full_name = cell(cells, Some(name));
        // A row that only names a group (“一、儿童与健康”) is no indicator.
        if full_name.is_empty() || cells.iter().filter(|c| !c.trim().is_empty()).count() < 2 {
            continue;
        }
        let (name, unit_in_name) = split_unit(&full_name);
        let unit = match cell(cells, unit) {
            u if u.is_empty() => unit_in_name,
            u => u,
        };
        let number = cell(cells, ordinal);
        read.push(Row {
            name,
            unit,
            base: cell(cells, base),
            target: cell(cells, Some(target)),
            quote: match lines.get(k).map(|l| l.trim()).filter(|l| !l.is_empty()) {
                Some(line) => line.to_string(),
                None => cells
                    .iter()
                    .map(|c| c.trim())
                    .filter(|c| !c.is_empty())
                    .collect::<Vec<_>>()
                    .join(" "),
            },
            place: if number.is_empty() {
                format!("第{}行", k - header_at)
            } else {
                format!("第{number}行")
            },
            notes: Vec::new(),
            review: false,
        });
    }
    Some((years, read))
}

/// “儿童伤害死亡率(1/10万)” → (“儿童伤害死亡率”, “1/10万”).
fn split_unit(name: &str) -> (String, String) {
    let trimmed = name.trim_end();
    if let Some(stripped) = trimmed.strip_suffix([')', '）']) {
        if let Some(open) = stripped.rfind(['(', '（']) {
            let inside = &stripped[open..].trim_start_matches(['(', '（']);
            if is_unit(inside) {
                return (stripped[..open].trim().to_string(), inside.to_string());
            }
        }
    }
    (trimmed.to_string(), String::new())
}

/// What a target cell says.
#[derive(Debug, Clone, PartialEq)]
pub enum TargetCell {
    Figure(phrase::Bound, f64, bool),
    Range(f64, f64),
    IncreaseYearly,
    /// 保持/稳定 without a figure: the base's level kept.
    Maintain,
    Words,
    Empty,
}

/// Words that make a lower figure better: a bare target figure of such an indicator is a ceiling.
const LOWER_IS_BETTER: [&str; 18] = [
    "死亡率",
    "发生率",
    "患病率",
    "龋患率",
    "近视率",
    "犯罪",
    "肥胖",
    "低体重",
    "感染率",
    "辍学率",
    "流失率",
    "缺陷",
    "传播率",
    "剖宫产率",
    "超重",
    "贫血",
    "生长迟缓",
    "伤害",
];

pub fn lower_is_better(name: &str) -> bool {
    LOWER_IS_BETTER.iter().any(|w| name.contains(w))
}

/// A target cell: “<9.5”, “≥90”, “90%以上”, “1—2”, “逐年增加”, “保持”, “应援尽援”, a bare figure
/// (a floor, or a ceiling for a rate that should fall; the bool says the sign was not printed).
pub fn read_target_cell(cell: &str, name: &str) -> TargetCell {
    let text: String = cell
        .chars()
        .map(half_width)
        .filter(|c| !c.is_whitespace())
        .collect();
    if text.is_empty() {
        return TargetCell::Empty;
    }
    if ["逐年提高", "逐年增加", "逐年上升", "逐年增长", "逐年扩大"]
        .iter()
        .any(|w| text.contains(w))
    {
        return TargetCell::IncreaseYearly;
    }
    let symbols = [
        ("≤", phrase::Bound::AtMost),
        ("≥", phrase::Bound::AtLeast),
        ("<=", phrase::Bound::AtMost),
        (">=", phrase::Bound::AtLeast),
        ("<", phrase::Bound::Below),
        (">", phrase::Bound::Above),
    ];
    for (symbol, bound) in symbols {
        if let Some(rest) = text.strip_prefix(symbol) {
            return match number_prefix(rest) {
                Some(v) => TargetCell::Figure(bound, v, false),
                None => TargetCell::Words,
            };
        }
    }
    let figures = phrase::figures(&text);
    if let Some(first) = figures.first() {
        if let Some(upper) = first.range_upper {
            return TargetCell::Range(first.value, upper);
        }
        let after = &text[first.end..];
        let qualifiers = [
            ("以上", phrase::Bound::AtLeast),
            ("以下", phrase::Bound::AtMost),
            ("以内", phrase::Bound::AtMost),
            ("左右", phrase::Bound::About),
        ];
        if let Some((_, bound)) = qualifiers.iter().find(|(w, _)| after.starts_with(w)) {
            return TargetCell::Figure(*bound, first.value, false);
        }
        if after.is_empty() || text.starts_with(['保', '稳']) {
            let bound = if lower_is_better(name) {
                phrase::Bound::AtMost
            } else {
                phrase::Bound::AtLeast
            };
            return TargetCell::Figure(bound, first.value, true);
        }
    }
    if let Some(v) =
        number_prefix(&text).filter(|_| text.trim_end_matches(['%', '‰']).parse::<f64>().is_ok())
    {
        let bound = if lower_is_better(name) {
            phrase::Bound::AtMost
        } else {
            phrase::Bound::AtLeast
        };
        return TargetCell::Figure(bound, v, true);
    }
    if text.starts_with("保持") || text.starts_with("稳定") || text.starts_with("维持") {
        return TargetCell::Maintain;
    }
    TargetCell::Words
}

/// The number at the head of a cell, its unit left out: “96.95%” → 96.95.
pub fn number_prefix(cell: &str) -> Option<f64> {
    let text: String = cell.chars().map(half_width).collect();
    // “.1” is no printed figure (Rust would read it as 0.1, which the cell does not show).
    if !text.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let len = text
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit() || *c == '.')
        .last()
        .map(|(i, c)| i + c.len_utf8())?;
    text[..len].trim_end_matches('.').parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<(String, String, String, String)> {
        flat_rows(text)
            .0
            .into_iter()
            .map(|r| (r.name, r.unit, r.base, r.target))
            .collect()
    }

    fn row(name: &str, unit: &str, base: &str, target: &str) -> (String, String, String, String) {
        (name.into(), unit.into(), base.into(), target.into())
    }

    #[test]
    fn glued_rows_are_cut_by_their_numbers_units_and_figures() {
        let text = "1严重致残的出生缺陷发生率(1/‰)7.06<9.52千名儿童儿科执业(助理)医师数(人)0.813每千人拥有3岁以下婴幼儿托位数(个)2.944.54儿童伤害死亡率(1/10万)10.5<8.785普惠性幼儿园覆盖率(%)96.95906高中阶段毛入学率(%)9898.97某中心运行率(%)501008获得法律援助的人数(人)656应援尽援9救助人数(人)551逐年增加10建有儿童之家的比例(%)90.1%10011建立儿童活动中心的县(市、区)比例(%)16.6775";
        assert_eq!(
            read(text),
            [
                row("严重致残的出生缺陷发生率", "1/‰", "7.06", "<9.5"),
                row("千名儿童儿科执业(助理)医师数", "人", "0.8", "1"),
                row("每千人拥有3岁以下婴幼儿托位数", "个", "2.94", "4.5"),
                row("儿童伤害死亡率", "1/10万", "10.5", "<8.78"),
                row("普惠性幼儿园覆盖率", "%", "96.95", "90"),
                row("高中阶段毛入学率", "%", "98", "98.9"),
                row("某中心运行率", "%", "50", "100"),
                row("获得法律援助的人数", "人", "656", "应援尽援"),
                row("救助人数", "人", "551", "逐年增加"),
                row("建有儿童之家的比例", "%", "90.1", "100"),
                row("建立儿童活动中心的县(市、区)比例", "%", "16.67", "75"),
            ]
        );
    }

    #[test]
    fn rows_pasted_with_spaces_between_cells() {
        assert_eq!(
            read("1 婴儿死亡率(‰) 5.2 <4\n2 千名儿童儿科执业(助理)医师数(人) 0.8 1\n3 托位数(个) 2.94 4.5"),
            [
                row("婴儿死亡率", "‰", "5.2", "<4"),
                row("千名儿童儿科执业(助理)医师数", "人", "0.8", "1"),
                row("托位数", "个", "2.94", "4.5"),
            ]
        );
    }

    #[test]
    fn rows_on_their_own_lines_and_a_row_that_cannot_be_cut_is_flagged() {
        let (rows, _) = flat_rows("1婴儿死亡率(‰)5.2<4\n2某数(个)7");
        assert_eq!(rows[0].target, "<4");
        assert_eq!(rows[1].base, "7");
        assert!(rows[1].review);
    }

    #[test]
    fn a_word_table_by_its_header() {
        let rows: Vec<Vec<String>> = [
            vec![
                "序号",
                "指标(单位)",
                "基期值(2020年)",
                "目标值(2025年)",
                "属性",
            ],
            vec!["1", "婴儿死亡率(‰)", "5.2", "<4", "约束性"],
            vec!["2", "学前教育毛入园率(%)", "98", "保持", "预期性"],
        ]
        .iter()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
        let (years, read) = cell_rows(&rows, &[]).unwrap();
        assert_eq!(
            years,
            Years {
                base: Some(2020),
                target: Some(2025)
            }
        );
        assert_eq!(
            (read[0].name.as_str(), read[0].unit.as_str()),
            ("婴儿死亡率", "‰")
        );
        assert_eq!(
            read_target_cell(&read[1].target, &read[1].name),
            TargetCell::Maintain
        );
    }

    #[test]
    fn a_row_under_a_spanning_cell_is_read_from_the_right() {
        let rows: Vec<Vec<String>> = [
            vec!["领域", "序号", "指标", "2020年", "2025年"],
            vec!["健康", "1", "婴儿死亡率(‰)", "5.2", "<4"],
            vec!["2", "5岁以下儿童死亡率(‰)", "6.1", "<5"],
        ]
        .iter()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
        let (_, read) = cell_rows(&rows, &[]).unwrap();
        assert_eq!(read[1].name, "5岁以下儿童死亡率");
        assert_eq!(
            (read[1].base.as_str(), read[1].target.as_str()),
            ("6.1", "<5")
        );
    }

    #[test]
    fn target_cells() {
        use phrase::Bound::*;
        let cases = [
            ("<9.5", "x", TargetCell::Figure(Below, 9.5, false)),
            ("≥90", "x", TargetCell::Figure(AtLeast, 90.0, false)),
            ("90%以上", "x", TargetCell::Figure(AtLeast, 90.0, false)),
            ("4.5", "托位数", TargetCell::Figure(AtLeast, 4.5, true)),
            ("5", "婴儿死亡率", TargetCell::Figure(AtMost, 5.0, true)),
            ("1—2", "x", TargetCell::Range(1.0, 2.0)),
            ("应援尽援", "x", TargetCell::Words),
            ("逐年增加", "x", TargetCell::IncreaseYearly),
            ("8左右", "x", TargetCell::Figure(About, 8.0, false)),
        ];
        for (cell, name, expected) in cases {
            assert_eq!(read_target_cell(cell, name), expected, "{cell}");
        }
    }
}
