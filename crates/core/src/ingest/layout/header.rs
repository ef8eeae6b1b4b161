//! Finding the header: the first row under the titles that names columns (one line, or two under
//! merged cells: 2023年 over 柯城区 | 衢江区, 婴儿死亡率 over 2022年 | 2023年).

use super::words::{header_year, is_role_word};
use crate::ingest::grid::Grid;
use crate::ingest::value::{interpret, RawCell, Value};
use crate::regions::RegionBook;

/// How many rows from the top may hold titles before the header.
const HEADER_SEARCH_ROWS: usize = 40;

pub struct Header {
    pub row: usize,
    /// The row of a second header line, if any.
    pub second_row: Option<usize>,
    pub data_start: usize,
}

/// A column's header: one line, or the line above and the line below of a two-row header.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ColumnHeader {
    pub top: String,
    pub bottom: Option<String>,
}

impl ColumnHeader {
    pub fn parts(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.top.as_str())
            .chain(self.bottom.as_deref())
            .filter(|p| !p.is_empty())
    }

    pub fn joined(&self) -> String {
        self.parts().collect::<Vec<_>>().join(" ")
    }
}

pub fn find_header(grid: &Grid, book: &RegionBook) -> Option<Header> {
    let rows = grid.rows.len().min(HEADER_SEARCH_ROWS);
    (0..rows)
        .find(|&row| is_header(grid, row, book))
        .map(|row| {
            let second_row = is_second_header(grid, row + 1, book).then_some(row + 1);
            Header {
                row,
                second_row,
                data_start: second_row.map_or(row + 1, |r| r + 1),
            }
        })
}

/// A row that names columns: a role word (指标名称, 地区, 年份, 数值 …) beside a year, a region or
/// more names; or two years or regions; or a row above place names or years.
fn is_header(grid: &Grid, row: usize, book: &RegionBook) -> bool {
    let cells = &grid.rows[row];
    let distinct_texts = {
        let mut texts: Vec<String> = cells
            .iter()
            .map(RawCell::display)
            .filter(|t| !t.is_empty())
            .collect();
        texts.dedup();
        texts.len()
    };
    // A merged title repeats one text across the row: not a header.
    if distinct_texts < 2 {
        return false;
    }
    let years = cells.iter().filter(|c| header_year(c).is_some()).count();
    let regions = cells
        .iter()
        .filter(|c| book.recognise(&c.display()).is_some())
        .count();
    let keyword = cells.iter().any(|c| is_role_word(&c.display()));
    (keyword && years + regions >= 1)
        || years + regions >= 2
        || (keyword && distinct_texts >= 3)
        || starts_below(grid, row, |first| book.recognise(first).is_some()) >= 2
}

/// How many of the rows just below begin with a text `begins` accepts, counting only when the
/// very next one does: a header with no word over its column of regions (｜婴儿死亡率｜… over
/// 天马街道｜…), not a title over a header over places.
fn starts_below(grid: &Grid, row: usize, begins: impl Fn(&str) -> bool) -> usize {
    const LOOK_AHEAD: usize = 5;
    let begins_so = |cells: &Vec<RawCell>| {
        cells
            .iter()
            .map(RawCell::display)
            .find(|t| !t.trim().is_empty())
            .is_some_and(|first| begins(&first))
    };
    if !grid.rows.get(row + 1).is_some_and(begins_so) {
        return 0;
    }
    let below = grid.rows.iter().skip(row + 1).take(LOOK_AHEAD);
    below.filter(|cells| begins_so(cells)).count()
}

/// A line under the header that names regions, years or 目标值/实际值 rather than an indicator.
fn is_second_header(grid: &Grid, row: usize, book: &RegionBook) -> bool {
    let Some(cells) = grid.rows.get(row) else {
        return false;
    };
    let regions = cells
        .iter()
        .filter(|c| book.recognise(&c.display()).is_some())
        .count();
    let years = cells.iter().filter(|c| header_year(c).is_some()).count();
    let sub = cells.iter().filter(|c| is_sub_header(&c.display())).count();
    let numbers = cells
        .iter()
        .filter(|c| matches!(interpret(c), Value::Number { .. }) && header_year(c).is_none())
        .count();
    // Years over indicator names (2023年 merged over 婴儿死亡率｜儿童伤害死亡率): names, not
    // figures, under a line of years. Placeholders (—) are not names, so a first data row
    // with no figures yet is not taken for a header.
    let years_above = grid
        .rows
        .get(row.wrapping_sub(1))
        .is_some_and(|above| above.iter().any(|c| header_year(c).is_some()));
    // Distinct: a section title merged across the row (一、儿童与健康) is one name, not many.
    let mut names: Vec<String> = cells
        .iter()
        .filter(|c| matches!(interpret(c), Value::Text { .. }) && header_year(c).is_none())
        .map(RawCell::display)
        .collect();
    names.sort_unstable();
    names.dedup();
    let names = names.len();
    // A data row of a tidy table has a year in it too: a row under a header is a second header
    // only if no cell of it is a figure.
    (regions >= 2 || years >= 2 || sub >= 2 || (years_above && names >= 2)) && numbers == 0
}

fn is_sub_header(text: &str) -> bool {
    ["实际值", "目标值", "完成值", "实际", "目标", "完成情况"].contains(&text.trim())
}

pub fn column_headers(grid: &Grid, header: &Header) -> Vec<ColumnHeader> {
    let width = grid.rows.get(header.row).map_or(0, Vec::len).max(
        header
            .second_row
            .and_then(|r| grid.rows.get(r))
            .map_or(0, Vec::len),
    );
    let mut headers: Vec<ColumnHeader> = Vec::with_capacity(width);
    for col in 0..width {
        let mut top = grid.get(header.row, col).display().trim().to_string();
        let bottom = header
            .second_row
            .map(|r| grid.get(r, col).display().trim().to_string())
            .filter(|b| !b.is_empty() && *b != top);
        // A merged cell over several columns, as a CSV (which has no merges) writes it: the
        // text in the first column only.
        if top.is_empty() && bottom.is_some() {
            if let Some(previous) = headers.last() {
                top = previous.top.clone();
            }
        }
        headers.push(ColumnHeader { top, bottom });
    }
    headers
}
