//! From grids to observations, the whole workbook at once: every sheet that holds a table is
//! read, and every figure gets its indicator, region and year from where the sheet says them —
//! its row (a column of names, of regions, of years), its column's header (a year, a region, an
//! indicator), or the sheet itself (its name, its title, the file's name, the user's choice).
//!
//! A column's role comes from its header's words (`words`) and, where they say nothing, from its
//! cells (`roles`): the same rules read a tidy export (地区 | 指标名称 | 年份 | 数值), a cross-tab
//! with years or regions across, indicators across with regions or years down, a sheet per
//! county or per year. `SheetFacts` says how each sheet was read, and `ReadOptions`' choices
//! correct it. Regions are whatever the plan lists (with aliases) and any name that reads as a
//! place (`crate::regions`): a township breakdown or another city's counties need no code change.

mod context;
mod header;
mod roles;
mod words;

pub use roles::Role;
pub use words::year_in;

use self::context::Context;
use self::header::{column_headers, find_header, ColumnHeader, Header};
use self::roles::{Column, Columns};
use self::words::{is_section_heading, row_label, year_cell};
use super::grid::{CellRef, Grid};
use super::value::{interpret, RawCell, Value};
use super::IngestErrorKind;
use crate::regions::RegionBook;
use crate::units::Unit;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

/// What the plan tells the reader: its regions, and the year a 基数/基期 column means when it
/// names none.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReadContext {
    pub regions: RegionBook,
    pub base_year: Option<i32>,
}

/// How a sheet's table runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Layout {
    /// One indicator per row, one column per year.
    Long,
    /// Indicators as rows, regions (or regions × years) as columns.
    IndicatorsByRegions,
    /// Regions as rows, indicators (or indicators × years) as columns.
    RegionsByIndicators,
    /// Years as rows, indicators as columns: a time series.
    YearsByIndicators,
    /// A column of names beside a column of regions or years: one figure per row (a system's
    /// export), or per year column.
    Tidy,
}

/// Where a sheet's year or region came from when no column names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum FactSource {
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

/// The report's name for where the year came from.
pub type YearSource = FactSource;

/// What decided a column's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoleBy {
    Header,
    Cells,
    Chosen,
}

/// One column as it was read: its header, what it was taken for, and the year or region it gives
/// its figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColumnFacts {
    /// Its letter: "C".
    pub column: String,
    pub header: String,
    pub role: Role,
    /// The year a value column's header gives its figures.
    pub year: Option<i32>,
    /// The region a value column's header gives its figures.
    pub region: Option<String>,
    pub by: RoleBy,
}

/// How one sheet was read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SheetFacts {
    pub name: String,
    pub layout: Layout,
    /// 1-based, as Excel numbers rows.
    pub header_row: usize,
    /// The year of rows that name none, and where it came from.
    pub year: Option<i32>,
    pub year_source: Option<FactSource>,
    /// The region of rows that name none, and where it came from.
    pub region: Option<String>,
    pub region_source: Option<FactSource>,
    pub columns: Vec<ColumnFacts>,
    /// How many figures (cells under value columns) it gave.
    pub figures: usize,
}

/// A sheet whose reading stopped at a question (two year columns that disagree, 地区 over
/// numbers): its columns as read so far, for the user to say what they are.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SheetColumns {
    pub name: String,
    /// 1-based.
    pub header_row: usize,
    pub columns: Vec<ColumnFacts>,
}

/// Why a workbook could not be read into a table: the sheet, the reason, and for a question the
/// columns it is about.
#[derive(Debug)]
pub struct TableError {
    pub sheet: Option<String>,
    pub kind: IngestErrorKind,
    pub columns: Option<Box<SheetColumns>>,
}

/// A sheet not read, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SkippedSheet {
    pub name: String,
    pub why: SkipReason,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    Hidden,
    Empty,
    /// Text but no table (说明, 封面).
    NotATable,
    /// A header with nothing under it.
    NoData,
    /// The user left it out.
    Chosen,
}

/// The user's reading of one column, replacing what its header and cells suggested.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColumnChoice {
    pub sheet: String,
    /// 0-based (A = 0).
    pub column: u32,
    pub role: Role,
}

/// The user's year or region for a sheet (for every row that names none), or leaving it out.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SheetChoice {
    pub sheet: String,
    pub year: Option<i32>,
    pub region: Option<String>,
    pub skip: bool,
}

/// An indicator label as written in the file (a row's name, or a column header when indicators
/// run across), where it first appears. Each distinct text is one label, however many rows,
/// regions and sheets it stands on.
#[derive(Debug, Clone, PartialEq)]
pub struct RowLabel {
    pub as_written: String,
    pub cell: CellRef,
    /// Index into [`Table::sheets`].
    pub sheet: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Observation {
    /// Index into [`Table::labels`].
    pub label: u32,
    /// Index into [`Table::regions`].
    pub region: Option<u32>,
    pub year: i32,
    /// Index into [`Table::sheets`].
    pub sheet: u32,
    pub cell: CellRef,
    /// Where this figure's indicator is written (its row's name, or its column's header).
    pub label_cell: CellRef,
    /// The unit its row states (a unit column), index into [`Table::units`].
    pub unit: Option<u32>,
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

/// Every figure of a workbook with its indicator label, region and year.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Table {
    pub labels: Vec<RowLabel>,
    pub observations: Vec<Observation>,
    pub years: Vec<i32>,
    /// In the order the file first names them.
    pub regions: Vec<String>,
    pub units: Vec<String>,
    /// The sheets read, in the workbook's order.
    pub sheets: Vec<SheetFacts>,
    pub skipped: Vec<SkippedSheet>,
}

impl Table {
    pub fn region(&self, observation: &Observation) -> Option<&str> {
        observation
            .region
            .map(|r| self.regions[r as usize].as_str())
    }

    /// The unit an observation's row states, parsed.
    pub fn stated_unit(&self, observation: &Observation) -> Option<Unit> {
        observation
            .unit
            .and_then(|u| Unit::parse(&self.units[u as usize]))
    }

    /// "B3", or "柯城区!B3" when the table comes from more than one sheet.
    pub fn address(&self, sheet: u32, cell: CellRef) -> String {
        if self.sheets.len() > 1 {
            format!("{}!{cell}", self.sheets[sheet as usize].name)
        } else {
            cell.to_string()
        }
    }
}

/// What the user chose about reading: the data year when nothing names one, and corrections.
pub struct Choices<'a> {
    pub year: Option<i32>,
    pub columns: &'a [ColumnChoice],
    pub sheets: &'a [SheetChoice],
}

/// Reads every sheet of a workbook that holds a table; `only`: just that sheet.
pub fn read_table(
    grids: &[Grid],
    only: Option<&str>,
    file_name: &str,
    choices: &Choices,
    known: &ReadContext,
) -> Result<Table, TableError> {
    let mut builder = TableBuilder::default();
    let mut no_data = None;
    for grid in grids
        .iter()
        .filter(|g| only.is_none_or(|o| g.sheet_name == o))
    {
        let chosen = choices.sheets.iter().find(|c| c.sheet == grid.sheet_name);
        let skip = if grid.hidden {
            Some(SkipReason::Hidden)
        } else if chosen.is_some_and(|c| c.skip) {
            Some(SkipReason::Chosen)
        } else if grid.non_blank_count() == 0 {
            Some(SkipReason::Empty)
        } else {
            None
        };
        let why = match skip {
            Some(why) => why,
            None => match builder.read_sheet(grid, file_name, choices, chosen, known) {
                Ok(()) => continue,
                Err((IngestErrorKind::NoTable { .. }, _)) => SkipReason::NotATable,
                Err((error @ IngestErrorKind::NoData { .. }, _)) => {
                    no_data.get_or_insert((grid.sheet_name.clone(), error));
                    SkipReason::NoData
                }
                Err((kind, columns)) => {
                    return Err(TableError {
                        sheet: Some(grid.sheet_name.clone()),
                        kind,
                        columns: columns.map(Box::new),
                    })
                }
            },
        };
        builder.table.skipped.push(SkippedSheet {
            name: grid.sheet_name.clone(),
            why,
        });
    }
    if builder.table.sheets.is_empty() {
        let (sheet, kind) = match no_data {
            Some((sheet, error)) => (Some(sheet), error),
            None => (
                None,
                IngestErrorKind::NoTable {
                    sheets: grids.iter().map(|g| g.sheet_name.clone()).collect(),
                },
            ),
        };
        return Err(TableError {
            sheet,
            kind,
            columns: None,
        });
    }
    Ok(builder.finish())
}

/// The table as sheets are added to it: each distinct label, region and unit once.
#[derive(Default)]
struct TableBuilder {
    table: Table,
    labels: FxHashMap<String, u32>,
    regions: FxHashMap<String, u32>,
    units: FxHashMap<String, u32>,
    /// Whether a figure of the sheet being read took the sheet's own year, and its region.
    took_sheet_year: bool,
    took_sheet_region: bool,
}

fn index_of(map: &mut FxHashMap<String, u32>, list: &mut Vec<String>, text: &str) -> Option<u32> {
    if let Some(&index) = map.get(text) {
        return Some(index);
    }
    let index = u32::try_from(list.len()).ok()?;
    map.insert(text.to_string(), index);
    list.push(text.to_string());
    Some(index)
}

impl TableBuilder {
    fn label(&mut self, as_written: &str, cell: CellRef, sheet: u32) -> u32 {
        if let Some(&index) = self.labels.get(as_written) {
            return index;
        }
        let index = self.table.labels.len() as u32;
        self.labels.insert(as_written.to_string(), index);
        self.table.labels.push(RowLabel {
            as_written: as_written.to_string(),
            cell,
            sheet,
        });
        index
    }

    fn region(&mut self, name: &str) -> Option<u32> {
        index_of(&mut self.regions, &mut self.table.regions, name)
    }

    fn unit(&mut self, text: &str) -> Option<u32> {
        index_of(&mut self.units, &mut self.table.units, text)
    }

    fn finish(mut self) -> Table {
        let mut years: Vec<i32> = self.table.observations.iter().map(|o| o.year).collect();
        years.sort_unstable();
        years.dedup();
        self.table.years = years;
        self.table
    }

    /// One sheet: its header, what it says of itself, its columns' roles, then its rows.
    fn read_sheet(
        &mut self,
        grid: &Grid,
        file_name: &str,
        choices: &Choices,
        chosen: Option<&SheetChoice>,
        known: &ReadContext,
    ) -> Result<(), (IngestErrorKind, Option<SheetColumns>)> {
        let book = &known.regions;
        let no_table = || IngestErrorKind::NoTable {
            sheets: vec![grid.sheet_name.clone()],
        };
        let header = find_header(grid, book).ok_or_else(|| (no_table(), None))?;
        let context = Context::read(
            grid,
            header.row,
            file_name,
            choices.year,
            (
                chosen.and_then(|c| c.year),
                chosen.and_then(|c| c.region.as_deref()),
            ),
            book,
        );
        let headers = column_headers(grid, &header);
        let column_choices: Vec<&ColumnChoice> = choices
            .columns
            .iter()
            .filter(|c| c.sheet == grid.sheet_name)
            .collect();
        let columns = Columns::read(grid, &header, &headers, &column_choices, &context, known)
            .map_err(|(kind, columns)| {
                let asked = SheetColumns {
                    name: grid.sheet_name.clone(),
                    header_row: header.row + 1,
                    columns,
                };
                (kind, Some(asked))
            })?;
        let sheet = self.table.sheets.len() as u32;
        let figures_before = self.table.observations.len();
        (self.took_sheet_year, self.took_sheet_region) = (false, false);
        let layout = columns.layout();
        let facts = SheetFacts {
            name: grid.sheet_name.clone(),
            layout,
            header_row: header.row + 1,
            year: context.year.map(|(y, _)| y),
            year_source: context.year.map(|(_, s)| s),
            region: context.region.as_ref().map(|(r, _)| r.clone()),
            region_source: context.region.as_ref().map(|(_, s)| *s),
            columns: columns.facts(),
            figures: 0,
        };
        let rows = Rows {
            grid,
            header: &header,
            columns: &columns,
            context: &context,
            book,
            sheet,
        };
        self.make_room(&rows);
        let emitted = if columns.name.is_some() {
            self.names_down(&rows)
        } else {
            self.indicators_across(&rows, &headers)
        };
        emitted.map_err(|kind| (kind, None))?;
        let figures = self.table.observations.len() - figures_before;
        if figures == 0 {
            let no_data = IngestErrorKind::NoData {
                header_row: header.row + 1,
            };
            return Err((no_data, None));
        }
        // The sheet's year and region as the report shows them: only where a figure took them.
        let year = facts.year.filter(|_| self.took_sheet_year);
        let region = facts.region.clone().filter(|_| self.took_sheet_region);
        self.table.sheets.push(SheetFacts {
            figures,
            year_source: facts.year_source.filter(|_| year.is_some()),
            region_source: facts.region_source.filter(|_| region.is_some()),
            year,
            region,
            ..facts
        });
        Ok(())
    }

    /// Room for a sheet's figures before they come: a 200,000-row sheet's observations are most
    /// of a check's memory, and a doubling Vec would hold up to twice them (a worker's wasm memory
    /// never shrinks). Exactly when the sheet at least doubles the table; otherwise amortised, so
    /// a workbook of many small sheets is not copied once per sheet.
    fn make_room(&mut self, rows: &Rows) {
        let values = &rows.columns.values;
        let figures = (rows.header.data_start..rows.grid.rows.len())
            .map(|row| {
                let cells = &rows.grid.rows[row];
                let filled = |c: &&Column| cells.get(c.index).is_some_and(|v| !v.is_blank());
                values.iter().filter(filled).count()
            })
            .sum::<usize>();
        let observations = &mut self.table.observations;
        if figures >= observations.len() {
            observations.reserve_exact(figures);
        } else {
            observations.reserve(figures);
        }
    }

    /// Indicators down the side (a column of names): each row's figures under its value columns.
    fn names_down(&mut self, rows: &Rows) -> Result<(), IngestErrorKind> {
        let (grid, columns) = (rows.grid, rows.columns);
        let Some(name_col) = columns.name else {
            return Ok(());
        };
        let mut keys = RowKeys::default();
        for row in rows.header.data_start..grid.rows.len() {
            let Some(label) = row_label(grid.get(row, name_col)) else {
                continue;
            };
            if is_section_row(grid, row, &label, &columns.values) {
                continue;
            }
            let Some((region, year)) = keys.of(rows, row, self) else {
                continue;
            };
            let label_cell = CellRef::new(row, name_col);
            let label = self.label(&label, label_cell, rows.sheet);
            let unit = columns
                .unit
                .map(|c| grid.get(row, c).display())
                .filter(|u| !u.trim().is_empty())
                .and_then(|u| self.unit(u.trim()));
            for column in &columns.values {
                self.observe(rows, row, column, label, label_cell, (region, year), unit)?;
            }
        }
        Ok(())
    }

    /// Indicators across (each value column's header names one), regions or years down.
    fn indicators_across(
        &mut self,
        rows: &Rows,
        headers: &[ColumnHeader],
    ) -> Result<(), IngestErrorKind> {
        let grid = rows.grid;
        let header = rows.header;
        let labelled: Vec<(&Column, u32, CellRef)> = rows
            .columns
            .values
            .iter()
            .filter_map(|column| {
                let as_written = column.indicator.as_deref()?;
                let top = &headers[column.index].top;
                let cell_row = if top == as_written {
                    header.row
                } else {
                    header.second_row.unwrap_or(header.row)
                };
                let cell = CellRef::new(cell_row, column.index);
                Some((column, self.label(as_written, cell, rows.sheet), cell))
            })
            .collect();
        let mut keys = RowKeys::default();
        for row in header.data_start..grid.rows.len() {
            let Some((region, year)) = keys.of(rows, row, self) else {
                continue;
            };
            for &(column, label, label_cell) in &labelled {
                self.observe(rows, row, column, label, label_cell, (region, year), None)?;
            }
        }
        Ok(())
    }

    /// One figure: its year from its row, its column or the sheet; its region likewise.
    #[allow(clippy::too_many_arguments)]
    fn observe(
        &mut self,
        rows: &Rows,
        row: usize,
        column: &Column,
        label: u32,
        label_cell: CellRef,
        (row_region, row_year): (Option<u32>, Option<i32>),
        unit: Option<u32>,
    ) -> Result<(), IngestErrorKind> {
        let own_year = row_year.or(column.year);
        let year = own_year
            .or(rows.context.year.map(|(y, _)| y))
            .ok_or(IngestErrorKind::YearUnknown)?;
        self.took_sheet_year |= own_year.is_none();
        let region = match (row_region, column.region.as_deref()) {
            (Some(region), _) => Some(region),
            (None, Some(written)) => self.region(written),
            (None, None) => {
                self.took_sheet_region |= rows.context.region.is_some();
                let sheet_region = rows.context.region.as_ref();
                sheet_region.and_then(|(region, _)| self.region(region))
            }
        };
        let raw = rows.grid.get(row, column.index);
        self.table.observations.push(Observation {
            label,
            region,
            year,
            sheet: rows.sheet,
            cell: CellRef::new(row, column.index),
            label_cell,
            unit,
            value: interpret(raw),
            raw: raw.clone(),
        });
        Ok(())
    }
}

/// What reading a sheet's rows needs.
struct Rows<'a> {
    grid: &'a Grid,
    header: &'a Header,
    columns: &'a Columns,
    context: &'a Context,
    book: &'a RegionBook,
    sheet: u32,
}

/// The region and year of the rows of a region or year column, each carried down over the blank
/// cells of a block (a county written once over its rows, or merged down them).
#[derive(Default)]
struct RowKeys {
    /// The region, as an index into the table's regions, and the cell text it was read from (a
    /// tidy export repeats one region down thousands of rows: it is recognised once).
    region: Option<u32>,
    region_written: String,
    year: Option<i32>,
}

impl RowKeys {
    /// `None` for a row that is not data: a note under the table, a year column that holds no
    /// year, a region column that holds no name.
    fn of(
        &mut self,
        rows: &Rows,
        row: usize,
        table: &mut TableBuilder,
    ) -> Option<(Option<u32>, Option<i32>)> {
        let (grid, columns) = (rows.grid, rows.columns);
        if let Some(col) = columns.region {
            let cell = grid.get(row, col);
            if cell.is_blank() {
                self.region?;
            } else if cell.text() != Some(self.region_written.as_str()) {
                let name = row_label(cell)?;
                let region = rows.book.recognise(&name).unwrap_or_else(|| name.clone());
                self.region = table.region(&region);
                self.region_written = name;
            }
        }
        if let Some(col) = columns.year {
            let cell = grid.get(row, col);
            if cell.is_blank() {
                self.year?;
            } else {
                self.year = Some(year_cell(cell)?);
            }
        }
        Some((columns.region.and(self.region), columns.year.and(self.year)))
    }
}

/// A chapter heading among the names (一、儿童与健康), or a title merged across the row: no
/// figure of its own in any value column. (Checked on every row of a big sheet: a cell is looked
/// at, never formatted.)
fn is_section_row(grid: &Grid, row: usize, label: &str, values: &[Column]) -> bool {
    let mut merged_across = !values.is_empty();
    for column in values {
        match grid.get(row, column.index) {
            RawCell::Text(text) if text.trim() == label => {}
            RawCell::Empty => merged_across = false,
            RawCell::Text(text) if text.trim().is_empty() => merged_across = false,
            _ => return false,
        }
    }
    merged_across || is_section_heading(label)
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
mod tests;
