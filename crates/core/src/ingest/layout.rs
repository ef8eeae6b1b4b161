//! From a grid to observations: find the header row (one line, or two under merged cells),
//! the column of names, and the columns that carry a year or a region; take the year or region
//! from the title, the sheet name or the file name when no column names it.
//!
//! Regions are whatever the plan lists (with aliases) and any other name that reads as a place
//! (`crate::regions`): a township breakdown or another city's counties need no code change.

use super::grid::{CellRef, Grid};
use super::value::{interpret, RawCell, Value};
use super::IngestErrorKind;
use crate::regions::{is_region_header, RegionBook};
use crate::units::Unit;
use serde::{Deserialize, Serialize};

/// How many rows from the top may hold titles before the header.
const HEADER_SEARCH_ROWS: usize = 40;

/// What the plan tells the reader: its regions, and the year a 基数/基期 column means when it
/// names none.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReadContext {
    pub regions: RegionBook,
    pub base_year: Option<i32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Layout {
    /// One indicator per row, one column per year.
    Long,
    /// Indicators as rows, regions (or regions × years) as columns.
    IndicatorsByRegions,
    /// Regions as rows, indicators (or indicators × years) as columns.
    RegionsByIndicators,
}

/// Where the year came from when no column named it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum YearSource {
    #[serde(rename = "title")]
    Title,
    #[serde(rename = "sheet name")]
    SheetName,
    #[serde(rename = "file name")]
    FileName,
    /// The user's (or `--year`'s) choice.
    #[serde(rename = "chosen")]
    Chosen,
}

/// An indicator label as written in the file (a row label, or a column header when indicators
/// run across), with its cell.
#[derive(Debug, Clone, PartialEq)]
pub struct RowLabel {
    pub as_written: String,
    pub cell: CellRef,
    /// The unit from a unit column for this row, as written.
    pub unit_text: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Observation {
    /// Index into [`Sheet::labels`].
    pub label: usize,
    pub region: Option<String>,
    pub year: i32,
    pub cell: CellRef,
    /// The cell as read; shown as written only for the few rows that match, since formatting
    /// every number of a big sheet cost more than reading it.
    pub raw: RawCell,
    pub value: Value,
}

impl Observation {
    /// The cell as the user sees it.
    pub fn as_written(&self) -> String {
        self.raw.display()
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub layout: Layout,
    /// 1-based, as Excel numbers rows.
    pub header_row: usize,
    pub labels: Vec<RowLabel>,
    pub observations: Vec<Observation>,
    pub years: Vec<i32>,
    pub regions: Vec<String>,
    pub year_source: Option<YearSource>,
}

#[derive(Debug, Clone, PartialEq)]
enum ColumnRole {
    Label,
    Unit,
    Ignored,
    Value {
        year: Option<i32>,
        region: Option<String>,
    },
}

/// A column's header: one line, or the line above and the line below of a two-row header
/// (2023年 over 柯城区, 婴儿死亡率 over 2023年).
#[derive(Debug, Clone, PartialEq, Default)]
struct ColumnHeader {
    top: String,
    bottom: Option<String>,
}

impl ColumnHeader {
    fn parts(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.top.as_str())
            .chain(self.bottom.as_deref())
            .filter(|p| !p.is_empty())
    }

    fn joined(&self) -> String {
        self.parts().collect::<Vec<_>>().join(" ")
    }
}

/// Lays out one sheet.
pub fn lay_out(
    grid: &Grid,
    file_name: &str,
    chosen_year: Option<i32>,
    known: &ReadContext,
) -> Result<Sheet, IngestErrorKind> {
    let no_table = || IngestErrorKind::NoTable {
        sheets: vec![grid.sheet_name.clone()],
    };
    let book = &known.regions;
    let header = find_header(grid, book).ok_or_else(no_table)?;
    let context = Context::read(grid, header.row, file_name, chosen_year, book);
    let headers = column_headers(grid, &header);
    let label_col = label_column(grid, &headers, header.data_start).ok_or_else(no_table)?;
    if regions_down_the_side(
        grid,
        &headers[label_col],
        label_col,
        header.data_start,
        book,
    ) {
        return regions_by_indicators(grid, &header, &headers, label_col, &context, known);
    }
    let roles: Vec<ColumnRole> = headers
        .iter()
        .enumerate()
        .map(|(col, text)| {
            if col == label_col {
                ColumnRole::Label
            } else {
                role_of(text, &context, known)
            }
        })
        .collect();
    if !roles.iter().any(|r| matches!(r, ColumnRole::Value { .. })) {
        return Err(no_table());
    }
    let layout = if roles.iter().any(|r| {
        matches!(
            r,
            ColumnRole::Value {
                region: Some(_),
                ..
            }
        )
    }) {
        Layout::IndicatorsByRegions
    } else {
        Layout::Long
    };
    // Sized up front: on a big sheet, growing by doubling held up to twice the memory.
    let data_rows = grid.rows.len().saturating_sub(header.data_start);
    let value_columns = roles
        .iter()
        .filter(|r| matches!(r, ColumnRole::Value { .. }))
        .count();
    let mut sheet = Sheet {
        name: grid.sheet_name.clone(),
        layout,
        header_row: header.row + 1,
        labels: Vec::with_capacity(data_rows),
        observations: Vec::with_capacity(data_rows.saturating_mul(value_columns)),
        years: Vec::new(),
        regions: Vec::new(),
        year_source: None,
    };
    let unit_col = roles.iter().position(|r| *r == ColumnRole::Unit);
    let mut needs_context_year = false;
    for row in header.data_start..grid.rows.len() {
        let Some(label) = row_label(grid.get(row, label_col)) else {
            continue;
        };
        let unit_text = unit_col
            .map(|c| grid.get(row, c).display())
            .filter(|u| !u.is_empty());
        let label_index = sheet.labels.len();
        sheet.labels.push(RowLabel {
            as_written: label,
            cell: CellRef::new(row, label_col),
            unit_text,
        });
        for (col, role) in roles.iter().enumerate() {
            let ColumnRole::Value { year, region } = role else {
                continue;
            };
            let year = match year.or(context.year.map(|(y, _)| y)) {
                Some(y) => y,
                None => {
                    needs_context_year = true;
                    continue;
                }
            };
            let region = region.clone().or_else(|| context.region.clone());
            let raw = grid.get(row, col);
            sheet.observations.push(Observation {
                label: label_index,
                region,
                year,
                cell: CellRef::new(row, col),
                value: interpret(raw),
                raw: raw.clone(),
            });
        }
    }
    if needs_context_year {
        return Err(IngestErrorKind::YearUnknown);
    }
    if sheet.labels.is_empty() {
        return Err(IngestErrorKind::NoData {
            header_row: header.row + 1,
        });
    }
    if roles
        .iter()
        .any(|r| matches!(r, ColumnRole::Value { year: None, .. }))
    {
        sheet.year_source = context.year.map(|(_, source)| source);
    }
    sheet.finish();
    Ok(sheet)
}

/// Whether the column of names lists regions (乡镇（街道）, 地区 over it, or mostly place names)
/// rather than indicators.
fn regions_down_the_side(
    grid: &Grid,
    header: &ColumnHeader,
    col: usize,
    data_start: usize,
    book: &RegionBook,
) -> bool {
    if header.parts().any(is_region_header) {
        return true;
    }
    // A breakdown by region has a few hundred rows at most; the first ones tell, and a
    // 200,000-row file of indicators is not walked twice.
    const ROWS_TO_TELL: usize = 500;
    let (mut names, mut places) = (0usize, 0usize);
    for row in data_start..grid.rows.len() {
        if let Some(label) = row_label(grid.get(row, col)) {
            names += 1;
            places += usize::from(book.recognise(&label).is_some());
            if names == ROWS_TO_TELL {
                break;
            }
        }
    }
    places >= 2 && places * 2 >= names
}

/// Regions as rows, indicators as columns: each column header is an indicator label, over (or
/// under) its year in a two-row header, or with the year from the title.
fn regions_by_indicators(
    grid: &Grid,
    header: &Header,
    headers: &[ColumnHeader],
    region_col: usize,
    context: &Context,
    known: &ReadContext,
) -> Result<Sheet, IngestErrorKind> {
    let mut sheet = Sheet {
        name: grid.sheet_name.clone(),
        layout: Layout::RegionsByIndicators,
        header_row: header.row + 1,
        labels: Vec::new(),
        observations: Vec::new(),
        years: Vec::new(),
        regions: Vec::new(),
        year_source: None,
    };
    // (column, label index, year) for every column that holds an indicator's figures.
    let mut columns = Vec::new();
    for (col, column) in headers.iter().enumerate() {
        let joined = column.joined();
        if col == region_col || joined.is_empty() || is_ignored_header(&joined) {
            continue;
        }
        let (label_parts, year_parts): (Vec<&str>, Vec<&str>) =
            column.parts().partition(|p| !is_year_only(p));
        let year = year_parts
            .iter()
            .find_map(|p| year_in(p).or_else(|| base_year_word(p, known)))
            .or_else(|| label_parts.iter().find_map(|p| year_in(p)));
        let year = match year {
            Some(y) => y,
            None => {
                let Some((y, source)) = context.year else {
                    return Err(IngestErrorKind::YearUnknown);
                };
                sheet.year_source = Some(source);
                y
            }
        };
        let Some(as_written) = label_parts.first().map(|p| p.to_string()) else {
            continue;
        };
        let label = match sheet.labels.iter().position(|l| l.as_written == as_written) {
            Some(existing) => existing,
            None => {
                let cell_row = if column.top == as_written {
                    header.row
                } else {
                    header.second_row.unwrap_or(header.row)
                };
                sheet.labels.push(RowLabel {
                    as_written,
                    cell: CellRef::new(cell_row, col),
                    unit_text: None,
                });
                sheet.labels.len() - 1
            }
        };
        columns.push((col, label, year));
    }
    for row in header.data_start..grid.rows.len() {
        let Some(name) = row_label(grid.get(row, region_col)) else {
            continue;
        };
        let region = known.regions.recognise(&name).unwrap_or(name);
        for &(col, label, year) in &columns {
            let raw = grid.get(row, col);
            sheet.observations.push(Observation {
                label,
                region: Some(region.clone()),
                year,
                cell: CellRef::new(row, col),
                value: interpret(raw),
                raw: raw.clone(),
            });
        }
    }
    if sheet.observations.is_empty() {
        return Err(IngestErrorKind::NoData {
            header_row: header.row + 1,
        });
    }
    sheet.finish();
    Ok(sheet)
}

/// A header part that is only a year: 2023年, 2023, 2023年度.
fn is_year_only(part: &str) -> bool {
    let t = part.trim();
    year_in(t).is_some() && t.chars().count() <= 8
}

impl Sheet {
    fn finish(&mut self) {
        let mut years: Vec<i32> = self.observations.iter().map(|o| o.year).collect();
        years.sort_unstable();
        years.dedup();
        self.years = years;
        let mut regions: Vec<String> = Vec::new();
        for region in self.observations.iter().filter_map(|o| o.region.as_ref()) {
            if !regions.contains(region) {
                regions.push(region.clone());
            }
        }
        self.regions = regions;
    }
}

struct Header {
    row: usize,
    /// The row of a second header line (2023年 over 柯城区 | 衢江区), if any.
    second_row: Option<usize>,
    data_start: usize,
}

fn find_header(grid: &Grid, book: &RegionBook) -> Option<Header> {
    let rows = grid.rows.len().min(HEADER_SEARCH_ROWS);
    for row in 0..rows {
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
            continue;
        }
        let years = cells.iter().filter(|c| header_year(c).is_some()).count();
        let regions = cells
            .iter()
            .filter(|c| book.recognise(&c.display()).is_some())
            .count();
        let keyword = cells.iter().any(|c| {
            let text = c.display();
            is_label_header(&text) || is_region_header(&text)
        });
        if (keyword && years + regions >= 1)
            || years + regions >= 2
            || (keyword && distinct_texts >= 3)
            || places_below(grid, row, book) >= 2
        {
            let second_row = is_second_header(grid, row + 1, book).then_some(row + 1);
            let data_start = second_row.map_or(row + 1, |r| r + 1);
            return Some(Header {
                row,
                second_row,
                data_start,
            });
        }
    }
    None
}

/// How many of the rows just below begin with a place name, counting only when the very next
/// one does: a header with no word over its column of regions (｜婴儿死亡率｜… over
/// 天马街道｜…), not a title over a header over places.
fn places_below(grid: &Grid, row: usize, book: &RegionBook) -> usize {
    const LOOK_AHEAD: usize = 5;
    let begins_with_place = |cells: &Vec<RawCell>| {
        cells
            .iter()
            .map(RawCell::display)
            .find(|t| !t.trim().is_empty())
            .is_some_and(|first| book.recognise(&first).is_some())
    };
    let below = grid.rows.iter().skip(row + 1).take(LOOK_AHEAD);
    if !grid.rows.get(row + 1).is_some_and(begins_with_place) {
        return 0;
    }
    below.filter(|cells| begins_with_place(cells)).count()
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
    (regions >= 2 || years >= 2 || sub >= 2 || (years_above && names >= 2)) && numbers == 0
}

fn is_sub_header(text: &str) -> bool {
    ["实际值", "目标值", "完成值", "实际", "目标", "完成情况"].contains(&text.trim())
}

fn column_headers(grid: &Grid, header: &Header) -> Vec<ColumnHeader> {
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

fn is_label_header(text: &str) -> bool {
    let t = text.trim();
    // 地区, 县（市、区） and the other region headers are `is_region_header`'s.
    (t.contains("指标") && !t.contains("指标值")) || t.contains("名称") || t == "项目"
}

fn is_ignored_header(text: &str) -> bool {
    [
        "序号",
        "备注",
        "说明",
        "数据来源",
        "来源",
        "责任单位",
        "牵头单位",
        "编号",
        "目标",
        "单位",
    ]
    .iter()
    .any(|w| text.contains(w))
}

fn label_column(grid: &Grid, headers: &[ColumnHeader], data_start: usize) -> Option<usize> {
    if let Some(col) = headers.iter().position(|h| {
        let top = h.top.as_str();
        (is_label_header(top) && !top.contains("单位")) || is_region_header(top)
    }) {
        return Some(col);
    }
    // Otherwise the column with the most text (not numbers) below the header.
    (0..headers.len())
        .filter(|&col| !headers[col].top.contains("序号"))
        .map(|col| {
            let texts = (data_start..grid.rows.len())
                .filter(|&row| matches!(interpret(grid.get(row, col)), Value::Text { .. }))
                .count();
            (col, texts)
        })
        .filter(|&(_, texts)| texts > 0)
        .max_by_key(|&(col, texts)| (texts, std::cmp::Reverse(col)))
        .map(|(col, _)| col)
}

/// 基数, 基期, 基线: the plan's base year, when the plan is known.
fn base_year_word(text: &str, known: &ReadContext) -> Option<i32> {
    (text.contains("基数") || text.contains("基期") || text.contains("基线"))
        .then_some(known.base_year)
        .flatten()
}

fn role_of(header: &ColumnHeader, context: &Context, known: &ReadContext) -> ColumnRole {
    let h = header.joined();
    let h = h.as_str();
    if h.contains("单位") && !h.contains("县") && h.len() <= 12 {
        return ColumnRole::Unit;
    }
    if h.is_empty() || is_ignored_header(h) {
        return ColumnRole::Ignored;
    }
    let book = &known.regions;
    let year = year_in(h).or_else(|| {
        if let Some(base) = base_year_word(h, known) {
            Some(base)
        } else if h.contains("上年") || h.contains("去年") {
            context.year.map(|(y, _)| y - 1)
        } else if h.contains("本年") || h.contains("本期") || h.contains("今年") {
            context.year.map(|(y, _)| y)
        } else {
            None
        }
    });
    // A part that is a region (柯城区 under 2023年), a known name inside one line (柯城区2023年),
    // or what is left of one line without its year (天马街道2023年).
    let region = header
        .parts()
        .find_map(|p| book.recognise(p))
        .or_else(|| book.find_in(h).map(str::to_string))
        .or_else(|| {
            let year = year?.to_string();
            book.recognise(
                h.replace(&format!("{year}年"), "")
                    .replace(&year, "")
                    .trim(),
            )
        });
    if year.is_none() && region.is_none() {
        return ColumnRole::Ignored;
    }
    ColumnRole::Value { year, region }
}

/// The first 20xx in a text that is not the start of a range such as 2021—2025.
fn year_in(text: &str) -> Option<i32> {
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i + 4 <= chars.len() {
        let window: String = chars[i..i + 4].iter().collect();
        let before_is_digit = i > 0 && chars[i - 1].is_ascii_digit();
        let after = chars.get(i + 4).copied();
        if !before_is_digit && !after.is_some_and(|c| c.is_ascii_digit()) {
            if let Ok(year) = window.parse::<i32>() {
                let starts_range =
                    matches!(after, Some('-' | '—' | '–' | '－' | '~' | '～' | '至'));
                let ends_range =
                    i > 0 && matches!(chars[i - 1], '-' | '—' | '–' | '－' | '~' | '～' | '至');
                if (2000..=2049).contains(&year) && !starts_range && !ends_range {
                    return Some(year);
                }
            }
        }
        i += 1;
    }
    None
}

fn header_year(cell: &RawCell) -> Option<i32> {
    match cell {
        RawCell::Number {
            value,
            percent_format: false,
        } if value.fract() == 0.0 && (2000.0..=2049.0).contains(value) => Some(*value as i32),
        RawCell::Text(text) => {
            let t = text.trim();
            if t.chars().count() > 16 || is_ignored_header(t) {
                return None;
            }
            year_in(t)
        }
        _ => None,
    }
}

/// The label of a data row, or `None` for blank rows and notes under the table.
fn row_label(cell: &RawCell) -> Option<String> {
    let displayed;
    let text = match cell {
        RawCell::Text(text) => text.trim(),
        _ => {
            displayed = cell.display();
            displayed.trim()
        }
    };
    // A number needs a digit; most labels have none, and interpreting a label as a number
    // copies it several times, on every row of a big sheet.
    let has_digit = text
        .chars()
        .any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c));
    if text.is_empty() || has_digit && matches!(interpret(cell), Value::Number { .. }) {
        return None;
    }
    let note_prefixes = [
        "注",
        "说明",
        "备注",
        "填报人",
        "审核人",
        "负责人",
        "制表",
        "联系电话",
        "填表说明",
        "数据来源",
    ];
    if note_prefixes.iter().any(|p| text.starts_with(p)) {
        return None;
    }
    Some(text.to_string())
}

/// What the rows above the header, the sheet name and the file name say.
struct Context {
    year: Option<(i32, YearSource)>,
    region: Option<String>,
}

impl Context {
    fn read(
        grid: &Grid,
        header_row: usize,
        file_name: &str,
        chosen_year: Option<i32>,
        book: &RegionBook,
    ) -> Context {
        let title_lines: Vec<String> = (0..header_row)
            .flat_map(|row| {
                let mut texts: Vec<String> = grid.rows[row].iter().map(RawCell::display).collect();
                texts.dedup();
                texts
            })
            .filter(|t| !t.is_empty())
            .collect();
        let year_from_titles = title_lines.iter().find_map(|line| {
            // 填报日期：2024年3月15日 is when, not what.
            let without_dates = line
                .split(['　', ' '])
                .filter(|part| !part.contains("日期") && !part.contains("时间"))
                .collect::<Vec<_>>()
                .join(" ");
            year_in(&without_dates)
        });
        // The user's choice only fills in when the file names no year itself.
        let year = year_from_titles
            .map(|y| (y, YearSource::Title))
            .or(year_in(&grid.sheet_name).map(|y| (y, YearSource::SheetName)))
            .or(year_in(file_name).map(|y| (y, YearSource::FileName)))
            .or(chosen_year.map(|y| (y, YearSource::Chosen)));
        // 填报单位：柯城区… names the submitter; a title names a county, or else it is most
        // likely the plan's own name (衢州市儿童发展…), which says nothing of the submitter.
        let from_unit_line = title_lines.iter().find_map(|line| {
            let (_, rest) = line.split_once("填报单位")?;
            book.submitter_in(rest.trim_start_matches([':', '：', ' ', '　']))
        });
        let region = from_unit_line.or_else(|| {
            title_lines.iter().find_map(|line| {
                // 2023年常山县… begins with the year, then the place.
                let from_place = line.trim_start_matches(|c: char| {
                    c.is_ascii_digit() || matches!(c, '年' | ' ' | '　' | '（' | '）' | '(' | ')')
                });
                book.submitter_in(from_place)
            })
        });
        Context { year, region }
    }
}

/// Picks the sheet that looks most like indicator data; the best error when none does.
pub fn pick_sheet(
    grids: &[Grid],
    file_name: &str,
    chosen_year: Option<i32>,
    known: &ReadContext,
) -> Result<Sheet, IngestErrorKind> {
    let mut best: Option<Sheet> = None;
    let mut first_error: Option<IngestErrorKind> = None;
    for grid in grids.iter().filter(|g| g.non_blank_count() > 0) {
        match lay_out(grid, file_name, chosen_year, known) {
            Ok(sheet) => {
                if best
                    .as_ref()
                    .is_none_or(|b| sheet.observations.len() > b.observations.len())
                {
                    best = Some(sheet);
                }
            }
            Err(IngestErrorKind::NoTable { .. }) => {}
            Err(other) => {
                first_error.get_or_insert(other);
            }
        }
    }
    best.ok_or_else(|| {
        first_error.unwrap_or_else(|| IngestErrorKind::NoTable {
            sheets: grids.iter().map(|g| g.sheet_name.clone()).collect(),
        })
    })
}

/// The unit a label carries in brackets at its end: 婴儿死亡率（‰）.
pub fn unit_in_label(label: &str) -> Option<Unit> {
    let trimmed = label.trim_end();
    let close = trimmed.chars().last().filter(|c| matches!(c, ')' | '）'))?;
    let open = if close == ')' { '(' } else { '（' };
    let start = trimmed.rfind(open)?;
    Unit::parse(&trimmed[start..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> RawCell {
        if s.is_empty() {
            RawCell::Empty
        } else {
            RawCell::Text(s.into())
        }
    }

    fn num(v: f64) -> RawCell {
        RawCell::Number {
            value: v,
            percent_format: false,
        }
    }

    fn quzhou() -> ReadContext {
        crate::check::read_context(&crate::plan::Plan::default_plan())
    }

    fn grid(rows: Vec<Vec<RawCell>>) -> Grid {
        Grid {
            sheet_name: "Sheet1".into(),
            rows,
        }
    }

    #[test]
    fn long_layout_under_title_rows() {
        let g = grid(vec![
            vec![text("柯城区儿童发展规划监测表（2023年）"); 4],
            vec![
                text("填报单位：柯城区妇儿工委办　填报日期：2024年3月15日");
                4
            ],
            vec![],
            vec![
                text("序号"),
                text("指标名称"),
                text("2020年"),
                text("2023年"),
            ],
            vec![num(1.0), text("婴儿死亡率（‰）"), num(3.1), num(2.9)],
            vec![],
            vec![text("注：初步统计数")],
        ]);
        let sheet = lay_out(&g, "x.xlsx", None, &quzhou()).unwrap();
        assert_eq!(sheet.layout, Layout::Long);
        assert_eq!(sheet.header_row, 4);
        assert_eq!(sheet.labels.len(), 1);
        assert_eq!(sheet.labels[0].cell.to_string(), "B5");
        assert_eq!(sheet.years, [2020, 2023]);
        assert_eq!(sheet.regions, ["柯城区"]);
        assert_eq!(sheet.observations[1].cell.to_string(), "D5");
    }

    #[test]
    fn numbers_are_not_labels_but_labels_with_numbers_are() {
        let g = grid(vec![
            vec![text("指标名称"), text("2023年")],
            vec![text("0-3岁儿童系统管理率"), num(95.0)],
            vec![text("１２３"), num(1.0)],
            vec![text("≥９８．５%"), num(2.0)],
            vec![num(7.0), num(3.0)],
            vec![text("5岁以下儿童死亡率"), num(4.0)],
        ]);
        let sheet = lay_out(&g, "x.xlsx", None, &quzhou()).unwrap();
        let labels: Vec<_> = sheet.labels.iter().map(|l| l.as_written.as_str()).collect();
        assert_eq!(labels, ["0-3岁儿童系统管理率", "5岁以下儿童死亡率"]);
    }

    #[test]
    fn regions_as_columns_take_the_year_from_the_title() {
        let g = grid(vec![
            vec![text("衢州市各县（市、区）2022年儿童发展主要指标汇总表")],
            vec![
                text("指标名称"),
                text("柯城区"),
                text("衢江区"),
                text("全市"),
            ],
            vec![text("儿童伤害死亡率"), num(9.0), num(9.7), num(9.1)],
        ]);
        let sheet = lay_out(&g, "汇总.xls", None, &quzhou()).unwrap();
        assert_eq!(sheet.layout, Layout::IndicatorsByRegions);
        assert_eq!(sheet.year_source, Some(YearSource::Title));
        assert_eq!(sheet.regions, ["柯城区", "衢江区", "全市"]);
        assert!(sheet.observations.iter().all(|o| o.year == 2022));
    }

    #[test]
    fn no_year_anywhere_asks_for_one_and_a_chosen_year_is_used() {
        let g = grid(vec![
            vec![text("指标名称"), text("柯城区"), text("衢江区")],
            vec![text("儿童伤害死亡率"), num(9.0), num(9.7)],
        ]);
        assert_eq!(
            lay_out(&g, "汇总.xls", None, &quzhou()).unwrap_err(),
            IngestErrorKind::YearUnknown
        );
        let sheet = lay_out(&g, "汇总.xls", Some(2024), &quzhou()).unwrap();
        assert_eq!(sheet.years, [2024]);
        assert_eq!(sheet.year_source, Some(YearSource::Chosen));
    }

    #[test]
    fn two_row_header_years_over_regions() {
        let g = grid(vec![
            vec![text("指标名称"), text("2023年"), text("2023年")],
            vec![text("指标名称"), text("柯城区"), text("衢江区")],
            vec![text("儿童伤害死亡率"), num(9.0), num(9.7)],
        ]);
        let sheet = lay_out(&g, "f.xlsx", None, &quzhou()).unwrap();
        assert_eq!(sheet.regions, ["柯城区", "衢江区"]);
        assert_eq!(sheet.years, [2023]);
        assert_eq!(sheet.observations[1].cell.to_string(), "C3");
    }

    #[test]
    fn regions_as_rows_indicators_as_columns() {
        let g = grid(vec![
            vec![text("2023年各地指标")],
            vec![text("地区"), text("婴儿死亡率"), text("儿童伤害死亡率")],
            vec![text("柯城区"), num(2.1), num(9.0)],
            vec![text("衢江区"), num(2.5), num(9.7)],
        ]);
        let sheet = lay_out(&g, "f.xlsx", None, &quzhou()).unwrap();
        assert_eq!(sheet.layout, Layout::RegionsByIndicators);
        assert_eq!(sheet.labels.len(), 2);
        assert_eq!(sheet.observations.len(), 4);
        assert_eq!(sheet.observations[3].cell.to_string(), "C4");
    }

    #[test]
    fn a_title_over_a_header_over_places_is_not_the_header() {
        let g = grid(vec![
            vec![text("常山县各乡镇（街道）2023年指标"); 3],
            vec![
                text("填报单位：常山县妇儿工委"),
                text("填报日期：2024年3月"),
            ],
            vec![text("地区"), text("婴儿死亡率"), text("儿童伤害死亡率")],
            vec![text("天马街道"), num(2.1), num(9.0)],
            vec![text("球川镇"), num(2.5), num(9.7)],
        ]);
        let sheet = lay_out(&g, "f.xlsx", None, &quzhou()).unwrap();
        assert_eq!(sheet.header_row, 3);
        assert_eq!(sheet.regions, ["天马街道", "球川镇"]);
        assert_eq!(sheet.years, [2023]);
    }

    #[test]
    fn a_section_title_merged_across_is_not_a_second_header() {
        let g = grid(vec![
            vec![text("指标名称"), text("2022年"), text("2023年")],
            vec![text("一、儿童与健康"); 3],
            vec![text("婴儿死亡率"), num(3.0), num(2.9)],
        ]);
        let sheet = lay_out(&g, "f.xlsx", None, &quzhou()).unwrap();
        assert_eq!(sheet.labels[0].as_written, "一、儿童与健康");
        assert_eq!(sheet.years, [2022, 2023]);
    }

    #[test]
    fn years_in_ranges_are_not_the_data_year() {
        assert_eq!(
            year_in("衢州市儿童发展规划（2021—2025年）2023年监测表"),
            Some(2023)
        );
        assert_eq!(year_in("2021-2025"), None);
        assert_eq!(year_in("第12023号"), None);
    }

    #[test]
    fn unit_in_a_label() {
        assert_eq!(unit_in_label("婴儿死亡率（‰）"), Some(Unit::PerMille));
        assert_eq!(
            unit_in_label("儿童伤害死亡率(1/10万)"),
            Some(Unit::PerHundredThousand)
        );
        assert_eq!(unit_in_label("婴儿死亡率"), None);
    }
}
