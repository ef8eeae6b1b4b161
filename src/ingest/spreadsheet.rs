//! .xlsx, .xlsb, .xls and .ods through calamine, into [`Grid`]s.

use super::value::RawCell;
use super::{Format, Grid, IngestErrorKind, MAX_CELLS};
use calamine::{Data, Dimensions, Ods, Range, Reader, SheetType, Xls, Xlsb, Xlsx};
use std::io::Cursor;

/// Formula text (to flag formulas without a saved result) and cell styles (to find percent
/// formats) are read only on sheets this small: submissions are, and each parses the sheet again.
const EXTRA_SCAN_MAX_CELLS: usize = 200_000;

type Merges = Vec<((usize, usize), (usize, usize))>;

/// `merged_cells`: whether the workbook may have merged cells (false skips reading them, which
/// parses each sheet again).
pub fn read_sheets(
    bytes: &[u8],
    format: Format,
    merged_cells: bool,
) -> Result<Vec<Grid>, IngestErrorKind> {
    let cursor = Cursor::new(bytes);
    let corrupt = move |detail: String| IngestErrorKind::Corrupt { format, detail };
    match format {
        Format::Xlsx => {
            let mut book = Xlsx::new(cursor).map_err(|e| xlsx_error(e, format))?;
            read_each_sheet(
                &mut book,
                |e| xlsx_error(e, format),
                |book, name, small| {
                    let merges = if merged_cells {
                        book.merge_cells_by_sheet_name(name)
                            .map(to_merges)
                            .unwrap_or_default()
                    } else {
                        Vec::new()
                    };
                    let percent = if small {
                        percent_cells(book, name)
                    } else {
                        Vec::new()
                    };
                    (percent, merges)
                },
            )
        }
        Format::Xls => {
            let mut book = Xls::new(cursor).map_err(|e| match e {
                calamine::XlsError::Password => IngestErrorKind::PasswordProtected,
                other => corrupt(other.to_string()),
            })?;
            read_each_sheet(
                &mut book,
                |e| corrupt(e.to_string()),
                |book, name, _| {
                    (
                        Vec::new(),
                        book.merge_cells_by_sheet_name(name)
                            .map(to_merges)
                            .unwrap_or_default(),
                    )
                },
            )
        }
        Format::Xlsb => {
            let mut book = Xlsb::new(cursor).map_err(|e| match e {
                calamine::XlsbError::Password => IngestErrorKind::PasswordProtected,
                other => corrupt(other.to_string()),
            })?;
            read_each_sheet(
                &mut book,
                |e| corrupt(e.to_string()),
                |_, _, _| (Vec::new(), Vec::new()),
            )
        }
        Format::Ods => {
            let mut book = Ods::new(cursor).map_err(|e| match e {
                calamine::OdsError::Password => IngestErrorKind::PasswordProtected,
                other => corrupt(other.to_string()),
            })?;
            read_each_sheet(
                &mut book,
                |e| corrupt(e.to_string()),
                |_, _, _| (Vec::new(), Vec::new()),
            )
        }
        Format::Csv => Err(corrupt("not a workbook".into())),
    }
}

/// Reads every worksheet; `extras` supplies what only some formats know: the absolute positions
/// of percent-formatted cells (sorted) and the merged regions.
fn read_each_sheet<RS, R>(
    book: &mut R,
    to_error: impl Fn(R::Error) -> IngestErrorKind,
    mut extras: impl FnMut(&mut R, &str, bool) -> (Vec<(u32, u32)>, Merges),
) -> Result<Vec<Grid>, IngestErrorKind>
where
    RS: std::io::Read + std::io::Seek,
    R: Reader<RS>,
{
    let names = worksheet_names(book);
    names
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).map_err(&to_error)?;
            check_size(&range)?;
            let small = is_small(&range);
            let formulas = if small {
                book.worksheet_formula(&name).ok()
            } else {
                None
            };
            let (percent, merges) = extras(book, &name, small);
            Ok(to_grid(name, &range, &percent, formulas.as_ref(), &merges))
        })
        .collect()
}

fn xlsx_error(e: calamine::XlsxError, format: Format) -> IngestErrorKind {
    match e {
        calamine::XlsxError::Password => IngestErrorKind::PasswordProtected,
        other => IngestErrorKind::Corrupt {
            format,
            detail: other.to_string(),
        },
    }
}

fn worksheet_names<RS: std::io::Read + std::io::Seek, R: Reader<RS>>(book: &R) -> Vec<String> {
    book.sheets_metadata()
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet)
        .map(|s| s.name.clone())
        .collect()
}

fn check_size<T>(range: &Range<T>) -> Result<(), IngestErrorKind>
where
    T: calamine::CellType,
{
    let (height, width) = range.get_size();
    let cells = height.saturating_mul(width);
    if cells > MAX_CELLS {
        return Err(IngestErrorKind::TooManyCells {
            cells,
            limit: MAX_CELLS,
        });
    }
    Ok(())
}

fn to_merges(dimensions: Vec<Dimensions>) -> Merges {
    dimensions
        .into_iter()
        .map(|d| {
            (
                (d.start.0 as usize, d.start.1 as usize),
                (d.end.0 as usize, d.end.1 as usize),
            )
        })
        .collect()
}

/// Absolute positions of cells whose number format shows a percent (xlsx only: calamine reads
/// styles for xlsx alone).
fn percent_cells<RS: std::io::Read + std::io::Seek>(
    book: &mut Xlsx<RS>,
    name: &str,
) -> Vec<(u32, u32)> {
    let Ok(styles) = book.worksheet_style(name) else {
        return Vec::new();
    };
    let (Some(start), Some(end)) = (styles.start(), styles.end()) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for row in start.0..=end.0 {
        for col in start.1..=end.1 {
            let is_percent = styles
                .get((row, col))
                .and_then(|s| s.number_format.as_ref())
                .is_some_and(|f| is_percent_format(&f.format_code));
            if is_percent {
                found.push((row, col));
            }
        }
    }
    found
}

/// A '%' outside quotes and escapes in a number format code.
fn is_percent_format(code: &str) -> bool {
    let mut in_quotes = false;
    let mut escaped = false;
    for c in code.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => in_quotes = !in_quotes,
            '%' if !in_quotes => return true,
            _ => {}
        }
    }
    false
}

fn is_small(values: &Range<Data>) -> bool {
    let (height, width) = values.get_size();
    height.saturating_mul(width) <= EXTRA_SCAN_MAX_CELLS
}

fn to_grid(
    sheet_name: String,
    range: &Range<Data>,
    percent: &[(u32, u32)],
    formulas: Option<&Range<String>>,
    merges: &Merges,
) -> Grid {
    let mut rows: Vec<Vec<RawCell>> = Vec::new();
    if let Some((row0, col0)) = range.start() {
        rows.resize(row0 as usize, Vec::new());
        for (r, row) in range.rows().enumerate() {
            let abs_row = row0 + r as u32;
            let mut cells = vec![RawCell::Empty; col0 as usize];
            cells.extend(row.iter().enumerate().map(|(c, data)| {
                let abs = (abs_row, col0 + c as u32);
                raw_cell(
                    data,
                    percent.binary_search(&abs).is_ok(),
                    formulas.and_then(|f| f.get_value(abs)),
                )
            }));
            while cells.last().is_some_and(RawCell::is_blank) {
                cells.pop();
            }
            rows.push(cells);
        }
    }
    let mut grid = Grid { sheet_name, rows };
    grid.fill_merged(merges);
    grid
}

fn raw_cell(data: &Data, percent_format: bool, formula: Option<&String>) -> RawCell {
    match data {
        // A formula whose result was never saved reads as empty (or as an empty string).
        Data::Empty | Data::String(_)
            if data.to_string().is_empty() && formula.is_some_and(|f| !f.is_empty()) =>
        {
            RawCell::FormulaWithoutValue(formula.cloned().unwrap_or_default())
        }
        Data::Empty => RawCell::Empty,
        Data::Int(i) => RawCell::Number {
            value: *i as f64,
            percent_format,
        },
        Data::Float(f) => RawCell::Number {
            value: *f,
            percent_format,
        },
        Data::String(s) => RawCell::Text(s.clone()),
        Data::Bool(b) => RawCell::Bool(*b),
        Data::Error(e) => RawCell::Error(error_code(e)),
        // Dates have no place in an indicator's value; keep what the cell shows as text.
        Data::DateTime(d) => RawCell::Text(d.to_string()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => RawCell::Text(s.clone()),
    }
}

fn error_code(e: &calamine::CellErrorType) -> String {
    use calamine::CellErrorType::*;
    match e {
        Div0 => "#DIV/0!",
        NA => "#N/A",
        Name => "#NAME?",
        Null => "#NULL!",
        Num => "#NUM!",
        Ref => "#REF!",
        Value => "#VALUE!",
        GettingData => "#GETTING_DATA",
    }
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_formats_are_recognised_outside_quotes_only() {
        assert!(is_percent_format("0.0%"));
        assert!(is_percent_format("0.00%;[Red]-0.00%"));
        assert!(!is_percent_format("0.0\"%\""));
        assert!(!is_percent_format("0.0\\%"));
        assert!(!is_percent_format("General"));
    }
}
