//! A plan document as the drafter walks it: blocks of text and tables, cut into sections by their
//! headings (一、…, （一）…, 第X章, 1. …) and into sentences, each kept verbatim.
//!
//! A web page flattened to text keeps its headings inline (“…示范区。衢州市…目标表序号…16.6775二、
//! 发展领域的目标和措施(一)儿童与家庭。1.发挥…”), so headings are found inside a line, not only at
//! its start: a chapter numeral with 、 after a sentence's end (or a table's last figure), a
//! bracketed numeral anywhere, an item number after a sentence's end.

/// A document as read from its file: its title and its blocks in order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    pub title: String,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A paragraph or line of text.
    Text(String),
    /// A table's rows of cells (a Word or web page table, or tab-separated lines), and each
    /// row's text as the file has it where the file is text (else empty): a row's quote.
    Table(Vec<Vec<String>>, Vec<String>),
}

impl Document {
    /// Plain text: each line a block; runs of tab-separated lines (a table copied from a page or
    /// a spreadsheet) a table.
    pub fn from_text(text: &str) -> Document {
        let text = text.trim_start_matches('\u{feff}');
        let mut blocks = Vec::new();
        // Tab-separated lines: their cells and the lines as written.
        let mut table: (Vec<Vec<String>>, Vec<String>) = Default::default();
        let flush = |table: &mut (Vec<Vec<String>>, Vec<String>), blocks: &mut Vec<Block>| {
            let (rows, lines) = std::mem::take(table);
            if rows.len() >= 2 {
                blocks.push(Block::Table(rows, lines));
            } else {
                blocks.extend(
                    lines
                        .into_iter()
                        .map(|line| Block::Text(line.trim().to_string())),
                );
            }
        };
        let mut flat_table: Option<String> = None;
        let lines: Vec<&str> = text.lines().collect();
        let mut skip_to = 0;
        for (n, line) in lines.iter().enumerate() {
            if n < skip_to {
                continue;
            }
            // A web page's table copied one cell a line: 序号 alone, the other headers, then rows.
            if line.trim() == "序号" {
                if let Some((rows, row_lines, next)) = cells_one_a_line(&lines, n) {
                    flush(&mut table, &mut blocks);
                    blocks.extend(flat_table.take().map(Block::Text));
                    blocks.push(Block::Table(rows, row_lines));
                    skip_to = next;
                    continue;
                }
            }
            // A table pasted one row a line (“1婴儿死亡率(‰)5.2<4”) under its 序号 header: the
            // rows are kept together, a line break between them, for the row reader.
            if let Some(table_text) = flat_table.as_mut() {
                if line.trim_start().starts_with(|c: char| c.is_ascii_digit()) {
                    // As written, spaces and all: a row's quote is cut from this text.
                    table_text.push('\n');
                    table_text.push_str(line);
                    continue;
                }
                blocks.extend(flat_table.take().map(Block::Text));
            }
            if line.contains("序号") && !line.contains('\t') && line.chars().count() <= 60 {
                flush(&mut table, &mut blocks);
                flat_table = Some(line.to_string());
                continue;
            }
            let cells: Vec<String> = line.split('\t').map(|c| c.trim().to_string()).collect();
            if cells.iter().filter(|c| !c.is_empty()).count() >= 3 {
                table.0.push(cells);
                table.1.push(line.to_string());
                continue;
            }
            flush(&mut table, &mut blocks);
            if !line.trim().is_empty() {
                blocks.push(Block::Text(line.trim().to_string()));
            }
        }
        flush(&mut table, &mut blocks);
        blocks.extend(flat_table.map(Block::Text));
        Document {
            title: first_line(&blocks),
            blocks,
        }
    }
}

/// A table copied from a web page one cell a line: the header's cells from 序号 to the line
/// before the first row's “1”, then rows of as many cells, each starting with the next row number.
/// The rows and the line after the table; `None` when the lines do not keep that shape.
#[allow(clippy::type_complexity)]
fn cells_one_a_line(
    lines: &[&str],
    start: usize,
) -> Option<(Vec<Vec<String>>, Vec<String>, usize)> {
    let cell = |n: usize| lines.get(n).map(|l| l.trim().to_string());
    let first_row = (start + 1..lines.len().min(start + 12)).find(|&n| lines[n].trim() == "1")?;
    let width = first_row - start;
    if width < 3 {
        return None;
    }
    let mut rows = vec![(start..first_row).filter_map(cell).collect::<Vec<_>>()];
    let mut row_lines = vec![lines[start..first_row].join("\n")];
    let mut at = first_row;
    let mut ordinal = 1;
    while at + width <= lines.len() && lines[at].trim() == ordinal.to_string() {
        rows.push((at..at + width).filter_map(cell).collect());
        row_lines.push(lines[at..at + width].join("\n"));
        at += width;
        ordinal += 1;
    }
    (rows.len() >= 2).then_some((rows, row_lines, at))
}

/// The first line of text, as the document's title.
pub fn first_line(blocks: &[Block]) -> String {
    blocks
        .iter()
        .find_map(|b| match b {
            Block::Text(t) if !t.trim().is_empty() => Some(t.trim().chars().take(120).collect()),
            _ => None,
        })
        .unwrap_or_default()
}

/// Part titles that name no domain, only what the part holds.
const GENERIC_PARTS: [&str; 8] = [
    "主要目标",
    "策略措施",
    "目标",
    "措施",
    "主要措施",
    "主要任务",
    "重点任务",
    "发展目标",
];

/// Where a sentence stands: its chapter (二、发展领域…), part ((二)儿童与健康) and item (3).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Section {
    pub chapter: Option<String>,
    pub part: Option<String>,
    pub item: Option<String>,
}

impl Section {
    /// As the plan file's `source.section`: “二、发展领域的目标和措施 (二)儿童与健康 第1条”.
    pub fn label(&self) -> String {
        let mut words: Vec<String> = Vec::new();
        words.extend(self.chapter.clone());
        words.extend(self.part.clone());
        words.extend(self.item.as_ref().map(|n| format!("第{n}条")));
        if words.is_empty() {
            "前言".into()
        } else {
            words.join(" ")
        }
    }

    /// The domain: the part's title where there is one, else the chapter's, without its numeral.
    pub fn domain(&self) -> Option<String> {
        // “一、妇女与健康 (一)主要目标”: a part that only says goals or measures belongs to its
        // chapter's domain.
        let part = self
            .part
            .as_ref()
            .map(|h| strip_numeral(h))
            .filter(|p| !GENERIC_PARTS.contains(&p.trim_end_matches(['。', '.', ':', '：'])));
        part.or_else(|| self.chapter.as_ref().map(|h| strip_numeral(h)))
            .or_else(|| self.part.as_ref().map(|h| strip_numeral(h)))
    }

    /// Before the first heading: a preamble (a review of the last period, a notice's words).
    pub fn is_preamble(&self) -> bool {
        self.chapter.is_none() && self.part.is_none()
    }
}

fn strip_numeral(heading: &str) -> String {
    let after = heading
        .char_indices()
        .find(|&(_, c)| matches!(c, '、' | ')' | '）' | '章' | '节'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let rest = heading[after..].trim();
    if rest.is_empty() {
        heading.to_string()
    } else {
        rest.to_string()
    }
}

/// What the walk yields, in order.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    /// A sentence, verbatim, without its closing punctuation.
    Sentence { text: String, section: Section },
    /// A table flattened into text: its title and its text from the first row on.
    FlatTable {
        title: String,
        header: String,
        text: String,
        section: Section,
    },
    /// A table with its cells.
    Table {
        title: String,
        rows: Vec<Vec<String>>,
        /// Each row as the file writes it, where the file is text (else empty).
        lines: Vec<String>,
        section: Section,
    },
}

const NUMERALS: &str = "一二三四五六七八九十百零〇";

/// Characters that end a sentence.
fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | ';' | '!' | '?' | '\n')
}

/// The document's sentences and tables, each with its section.
pub fn walk(document: &Document) -> Vec<Piece> {
    let mut section = Section::default();
    let mut pieces = Vec::new();
    let mut last_sentence = String::new();
    let plan_titles = plan_titles(&document.title);
    for block in &document.blocks {
        match block {
            Block::Text(text) => walk_text(text, &mut section, &mut pieces, &plan_titles),
            Block::Table(rows, lines) => {
                // A table's title is the line before it, when that is short.
                let title = match pieces.last() {
                    Some(Piece::Sentence { text, .. }) if text.chars().count() <= 60 => {
                        text.clone()
                    }
                    _ => String::new(),
                };
                pieces.push(Piece::Table {
                    title,
                    rows: rows.clone(),
                    lines: lines.clone(),
                    section: section.clone(),
                });
            }
        }
        if let Some(Piece::Sentence { text, .. }) = pieces.last() {
            last_sentence.clone_from(text);
        }
    }
    pieces
}

/// One block of text: headings update `section`; the text between them becomes sentences, or a
/// flattened table where a 序号 header starts one.
fn walk_text(text: &str, section: &mut Section, pieces: &mut Vec<Piece>, plan_titles: &[String]) {
    walk_headings(text, section, pieces, plan_titles);
}

/// The plans a title names: “…印发衢州市妇女发展“十四五”规划和衢州市儿童发展“十四五”规划的通知” →
/// the two plans' titles.
fn plan_titles(title: &str) -> Vec<String> {
    let mut titles = Vec::new();
    let mut start = title.find("印发").map_or(0, |i| i + "印发".len());
    while let Some(end) = title[start..]
        .find("规划")
        .or_else(|| title[start..].find("纲要"))
    {
        let end = start + end + "规划".len();
        let name = title[start..end].trim_start_matches(['和', '及', '与', '《']);
        if name.chars().count() >= 6 {
            titles.push(name.to_string());
        }
        start = end;
    }
    titles
}

fn walk_headings(
    text: &str,
    section: &mut Section,
    pieces: &mut Vec<Piece>,
    plan_titles: &[String],
) {
    let mut content_start = 0;
    let mut at = 0;
    while at < text.len() {
        let Some(heading) = heading_at(text, at).or_else(|| next_item_at(text, at, section)) else {
            at += text[at..].chars().next().map_or(1, char::len_utf8);
            continue;
        };
        push_content(&text[content_start..at], section, pieces, plan_titles);
        match heading.level {
            Level::Chapter => {
                section.chapter = Some(heading.label.clone());
                section.part = None;
                section.item = None;
            }
            Level::Part => {
                section.part = Some(heading.label.clone());
                section.item = None;
            }
            Level::Item => section.item = Some(heading.label.clone()),
        }
        content_start = heading.content_start;
        at = heading.content_start.max(at + 1);
        while !text.is_char_boundary(at) {
            at += 1;
        }
    }
    push_content(
        &text[content_start.min(text.len())..],
        section,
        pieces,
        plan_titles,
    );
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Level {
    Chapter,
    Part,
    Item,
}

struct Heading {
    level: Level,
    /// “二、发展领域的目标和措施”, “(二)儿童与健康”, or the item's number “3”.
    label: String,
    /// Where the text after the heading (and its title) starts.
    content_start: usize,
}

/// A heading starting at byte `at`, when one does.
fn heading_at(text: &str, at: usize) -> Option<Heading> {
    match marker_at(text, at)? {
        Marker::Titled(level, marker_end) => Some(titled(text, at, marker_end, level)),
        Marker::Item(heading) => Some(heading),
    }
}

/// A heading's marker at `at`: a chapter's or part's (its title still to read), or an item.
enum Marker {
    Titled(Level, usize),
    Item(Heading),
}

/// The marker alone, so that reading a title (which looks for the next marker) never reads
/// another title: no recursion, however many headings follow one another.
fn marker_at(text: &str, at: usize) -> Option<Marker> {
    let rest = &text[at..];
    let before = text[..at].chars().next_back();
    let at_boundary =
        before.is_none_or(|c| ends_sentence(c) || c.is_whitespace() || c == ':' || c == '：');
    // 第三章 …
    if at_boundary {
        if let Some(after) = rest.strip_prefix('第') {
            let numeral_len: usize = after
                .chars()
                .take_while(|c| NUMERALS.contains(*c))
                .map(char::len_utf8)
                .sum();
            let word = ["章", "编", "部分"]
                .into_iter()
                .find(|w| after[numeral_len..].starts_with(w));
            if let (true, Some(word)) = (numeral_len > 0, word) {
                let marker_end = at + '第'.len_utf8() + numeral_len + word.len();
                return Some(Marker::Titled(Level::Chapter, marker_end));
            }
        }
    }
    // 二、 after a sentence's end, or after a flattened table's last figure.
    let chapter_boundary = at_boundary || before.is_some_and(|c| c.is_ascii_digit() || c == '%');
    let numeral_len: usize = rest
        .chars()
        .take_while(|c| NUMERALS.contains(*c))
        .map(char::len_utf8)
        .sum();
    if chapter_boundary && numeral_len > 0 && rest[numeral_len..].starts_with('、') {
        let marker_end = at + numeral_len + '、'.len_utf8();
        return Some(Marker::Titled(Level::Chapter, marker_end));
    }
    // (一) or （一）: anywhere but inside a title in 《》 (checked by the caller's flow: rare).
    if rest.starts_with(['(', '（']) {
        let open = rest.chars().next().map_or(1, char::len_utf8);
        let inner: usize = rest[open..]
            .chars()
            .take_while(|c| NUMERALS.contains(*c))
            .map(char::len_utf8)
            .sum();
        if inner > 0 && rest[open + inner..].starts_with([')', '）']) {
            let marker_end = at
                + open
                + inner
                + rest[open + inner..]
                    .chars()
                    .next()
                    .map_or(1, char::len_utf8);
            return Some(Marker::Titled(Level::Part, marker_end));
        }
    }
    // (1) or ① (a sub-item) after a sentence's end: its text is content.
    if at_boundary {
        if let Some(c) = rest.chars().next().filter(|c| ('①'..='⑳').contains(c)) {
            return Some(Marker::Item(Heading {
                level: Level::Item,
                label: ((c as u32 - '①' as u32) + 1).to_string(),
                content_start: at + c.len_utf8(),
            }));
        }
        if rest.starts_with(['(', '（']) {
            let open = rest.chars().next().map_or(1, char::len_utf8);
            let digits = rest[open..].bytes().take_while(u8::is_ascii_digit).count();
            if (1..=2).contains(&digits) && rest[open + digits..].starts_with([')', '）']) {
                let close = rest[open + digits..]
                    .chars()
                    .next()
                    .map_or(1, char::len_utf8);
                return Some(Marker::Item(Heading {
                    level: Level::Item,
                    label: rest[open..open + digits].to_string(),
                    content_start: at + open + digits + close,
                }));
            }
        }
    }
    // 1. 2、 (an item) after a sentence's end, followed by words: the item's text is content.
    if at_boundary && rest.starts_with(|c: char| c.is_ascii_digit()) {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let after = &rest[digits..];
        let mark = after.chars().next()?;
        if digits <= 2 && matches!(mark, '.' | '．' | '、') {
            let next = after[mark.len_utf8()..].chars().next()?;
            if !next.is_ascii_digit() && !next.is_whitespace() {
                return Some(Marker::Item(Heading {
                    level: Level::Item,
                    label: rest[..digits].to_string(),
                    content_start: at + digits + mark.len_utf8(),
                }));
            }
        }
    }
    None
}

/// “8.5岁以下儿童贫血患病率…” right after item 7: item 8, then “5岁以下…”, not the figure 8.5. A
/// number followed by a digit is an item only where it is the next one the list expects.
fn next_item_at(text: &str, at: usize, section: &Section) -> Option<Heading> {
    let last: u32 = section.item.as_ref()?.parse().ok()?;
    let before = text[..at].chars().next_back();
    if !before.is_none_or(|c| ends_sentence(c) || c.is_whitespace()) {
        return None;
    }
    let next = (last + 1).to_string();
    let after = text[at..].strip_prefix(next.as_str())?;
    let mark = after
        .chars()
        .next()
        .filter(|c| matches!(c, '.' | '．' | '、'))?;
    after[mark.len_utf8()..]
        .starts_with(|c: char| c.is_ascii_digit())
        .then(|| Heading {
            level: Level::Item,
            label: next.clone(),
            content_start: at + next.len() + mark.len_utf8(),
        })
}

/// A heading's title runs to the first sentence end, or to the next heading (“一、总体要求(一)
/// 指导思想。”), at most 40 characters; a “title” with a figure in it is a sentence, kept as content.
fn titled(text: &str, at: usize, marker_end: usize, level: Level) -> Heading {
    let mut end = None;
    for (count, (i, c)) in text[marker_end..].char_indices().enumerate() {
        let here = marker_end + i;
        if ends_sentence(c) || count > 40 {
            end = Some((here, here + c.len_utf8()));
            if count > 40 {
                end = None;
            }
            break;
        }
        if count > 0 && matches!(marker_at(text, here), Some(Marker::Titled(..))) {
            end = Some((here, here));
            break;
        }
    }
    let (title_end, content_start) = end.unwrap_or((text.len(), text.len()));
    let title = text[marker_end..title_end].trim();
    let too_long = end.is_none() && text.len() - marker_end > 160;
    if too_long || holds_figure(title) {
        return Heading {
            level,
            label: text[at..marker_end]
                .trim_end_matches(['、', '.'])
                .to_string(),
            content_start: marker_end,
        };
    }
    Heading {
        level,
        label: format!("{}{}", &text[at..marker_end], title),
        content_start,
    }
}

/// Whether `text` holds a figure: a number that is not a year (2025年) and not inside a title
/// or a name in quotes (《健康浙江2030行动纲要》, “红领巾e站1013”).
pub fn holds_figure(text: &str) -> bool {
    figure_spans(text).next().is_some()
}

/// The numbers of `text` that are figures, as byte ranges.
pub fn figure_spans(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut depth = 0i32;
    let mut spans = Vec::new();
    let mut start: Option<usize> = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        match c {
            '“' | '《' | '〈' => depth += 1,
            '”' | '》' | '〉' => depth = (depth - 1).max(0),
            _ => {}
        }
        let digit = crate::ingest::value::half_width(c).is_ascii_digit();
        let dot = matches!(c, '.' | '．') && start.is_some();
        if digit || dot {
            if start.is_none() && depth == 0 {
                start = Some(i);
            }
            continue;
        }
        if let Some(s) = start.take() {
            let number = &text[s..i];
            let digits = number.chars().filter(|c| !matches!(c, '.' | '．')).count();
            let is_year = digits == 4 && matches!(c, '年' | '—' | '-' | '–');
            // A date's month and day (08月06日) are no figures either.
            let is_date = digits <= 2 && matches!(c, '月' | '日');
            // A year range's first year (2021—2025年) or a year.
            if !is_year && !is_date {
                spans.push((s, i));
            }
        }
        let _ = k;
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    spans.into_iter()
}

/// Text between headings: sentences, or a flattened table from its 序号 header on.
fn push_content(
    content: &str,
    section: &mut Section,
    pieces: &mut Vec<Piece>,
    plan_titles: &[String],
) {
    if content.trim().is_empty() {
        return;
    }
    if let Some((title_start, header_start, rows_start)) = flat_table_at(content) {
        push_sentences(&content[..title_start], section, pieces, plan_titles);
        let mut title = content[title_start..header_start].trim().to_string();
        // A table's title on the line before its header.
        if title.is_empty() {
            if let Some(Piece::Sentence { text, .. }) = pieces.last() {
                if text.chars().count() <= 60 {
                    title.clone_from(text);
                }
            }
        }
        pieces.push(Piece::FlatTable {
            title,
            header: content[header_start..rows_start].to_string(),
            text: content[rows_start..].to_string(),
            section: section.clone(),
        });
        return;
    }
    push_sentences(content, section, pieces, plan_titles);
}

/// A flattened table: “…目标表序号主要统计指标2020年2025年1严重…”: where its title, its header
/// and its first row start. The header is 序号 and the column names up to the first row's “1”.
fn flat_table_at(content: &str) -> Option<(usize, usize, usize)> {
    let header_start = content.find("序号")?;
    let header = &content[header_start..];
    // The header runs to the first “1” that is not part of a year (2020年) and is followed by
    // words: the first row's number.
    let mut rows_start = None;
    let bytes = header.as_bytes();
    let mut i = "序号".len();
    while i < header.len() {
        if bytes[i] == b'1' && (i + 1 >= bytes.len() || !bytes[i + 1].is_ascii_digit()) {
            let preceded_by_digit = i > 0 && bytes[i - 1].is_ascii_digit();
            if !preceded_by_digit {
                rows_start = Some(header_start + i);
                break;
            }
        }
        i += 1;
    }
    let rows_start = rows_start?;
    // A header is short: a flattened table's column names fit in 60 characters.
    if content[header_start..rows_start].chars().count() > 60 {
        return None;
    }
    let title_start = content[..header_start]
        .char_indices()
        .rev()
        .find(|&(_, c)| ends_sentence(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    Some((title_start, header_start, rows_start))
}

/// A notice that issues several plans holds them one after another, each opening with its title
/// (“衢州市儿童发展“十四五”规划少年强则国强。”): the sections start again there, so the new plan's
/// preamble is not read as the last chapter of the plan before.
fn push_sentences(
    content: &str,
    section: &mut Section,
    pieces: &mut Vec<Piece>,
    plan_titles: &[String],
) {
    for sentence in content.split(ends_sentence) {
        let sentence = sentence.trim();
        if plan_titles.iter().any(|t| sentence.starts_with(t.as_str())) {
            *section = Section::default();
        }
        if !sentence.is_empty() {
            pieces.push(Piece::Sentence {
                text: sentence.to_string(),
                section: section.clone(),
            });
        }
    }
}

/// A sentence's clauses, verbatim: split at commas and colons outside brackets and quotes.
pub fn clauses(sentence: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, c) in sentence.char_indices() {
        match c {
            '(' | '（' | '“' | '《' => depth += 1,
            ')' | '）' | '”' | '》' => depth = (depth - 1).max(0),
            ',' | '，' | ':' | '：' if depth == 0 => {
                out.push(&sentence[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    out.push(&sentence[start..]);
    out.into_iter()
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<(String, String)> {
        walk(&Document::from_text(text))
            .into_iter()
            .filter_map(|p| match p {
                Piece::Sentence { text, section } => Some((section.label(), text)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn inline_headings_make_sections() {
        let read = sentences("前言。一、总体要求(一)指导思想。以人为本。(二)儿童与健康。1.优先保障。婴儿死亡率控制在5‰以下;其他。2.完善体系。");
        assert_eq!(read[0], ("前言".into(), "前言".into()));
        assert_eq!(
            read[1],
            ("一、总体要求 (一)指导思想".into(), "以人为本".into())
        );
        assert_eq!(
            read[3],
            (
                "一、总体要求 (二)儿童与健康 第1条".into(),
                "婴儿死亡率控制在5‰以下".into()
            )
        );
        assert_eq!(
            read.last().map(|r| r.0.as_str()),
            Some("一、总体要求 (二)儿童与健康 第2条")
        );
    }

    #[test]
    fn a_flattened_table_is_cut_from_the_text_and_ends_at_the_next_chapter() {
        let pieces = walk(&Document::from_text(
            "示范区。重点指标目标表序号主要统计指标2020年2025年1婴儿死亡率(‰)5<42托位数(个)2.944.5二、发展领域(一)家庭。",
        ));
        let table = pieces.iter().find_map(|p| match p {
            Piece::FlatTable {
                title,
                header,
                text,
                ..
            } => Some((title.clone(), header.clone(), text.clone())),
            _ => None,
        });
        assert_eq!(
            table,
            Some((
                "重点指标目标表".into(),
                "序号主要统计指标2020年2025年".into(),
                "1婴儿死亡率(‰)5<42托位数(个)2.944.5".into()
            ))
        );
    }

    #[test]
    fn an_item_number_before_an_age_is_the_next_item() {
        let read = sentences("一、目标\n7.普及知识。\n8.5岁以下儿童贫血患病率降至10%以下。");
        assert_eq!(
            read[1],
            (
                "一、目标 第8条".into(),
                "5岁以下儿童贫血患病率降至10%以下".into()
            )
        );
    }

    #[test]
    fn years_and_names_in_quotes_are_not_figures() {
        assert!(!holds_figure("到2025年,全面建成"));
        assert!(!holds_figure("《健康浙江2030行动纲要》"));
        assert!(!holds_figure("“红领巾e站1013”阵地"));
        assert!(!holds_figure("规划期限为2021—2025年"));
        assert!(holds_figure("达到98.18%"));
        assert_eq!(clauses("A(市、区),B:C"), ["A(市、区)", "B", "C"]);
    }

    #[test]
    fn a_table_copied_one_cell_a_line_is_a_table() {
        let doc = Document::from_text(
            "重点指标\n序号\n指标\n2020年\n2025年\n1\n婴儿死亡率(‰)\n5.2\n<4\n2\n5岁以下儿童死亡率(‰)\n6.1\n<5\n二、主要任务",
        );
        assert!(
            matches!(&doc.blocks[1], Block::Table(rows, _) if rows.len() == 3 && rows[2][1] == "5岁以下儿童死亡率(‰)")
        );
        assert_eq!(doc.blocks[2], Block::Text("二、主要任务".into()));
    }

    #[test]
    fn tab_separated_lines_are_a_table() {
        let doc =
            Document::from_text("标题\n序号\t指标\t2020年\t2025年\n1\t婴儿死亡率(‰)\t5\t<4\n");
        assert!(matches!(&doc.blocks[1], Block::Table(rows, _) if rows.len() == 2));
    }
}
