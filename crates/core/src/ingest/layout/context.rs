//! What a sheet says of itself outside its table: the year and the region in its title rows,
//! its name and the file's name, each with where it came from.

use super::words::year_in;
use super::FactSource;
use crate::ingest::grid::Grid;
use crate::ingest::value::RawCell;
use crate::regions::RegionBook;

/// A year or a region for every row of a sheet that has none of its own.
pub struct Context {
    pub year: Option<(i32, FactSource)>,
    pub region: Option<(String, FactSource)>,
}

impl Context {
    /// `chosen_year`: the user's year for files that name none; `sheet_choice`: the user's year
    /// and region for this sheet, which win over what the sheet says.
    pub fn read(
        grid: &Grid,
        header_row: usize,
        file_name: &str,
        chosen_year: Option<i32>,
        sheet_choice: (Option<i32>, Option<&str>),
        book: &RegionBook,
    ) -> Context {
        let title_lines = title_lines(grid, header_row);
        let sheet = grid.sheet_name.trim();
        // A sheet named after a year or a place says it of every row: a copied title may not.
        let year = sheet_choice
            .0
            .map(|y| (y, FactSource::Chosen))
            .or(year_in(sheet).map(|y| (y, FactSource::SheetName)))
            .or(year_in_titles(&title_lines).map(|y| (y, FactSource::Title)))
            .or(year_in(file_name).map(|y| (y, FactSource::FileName)))
            .or(chosen_year.map(|y| (y, FactSource::Chosen)));
        let region = match sheet_choice.1 {
            Some(chosen) => Some((chosen.to_string(), FactSource::Chosen)),
            None => sheet_region(sheet, book)
                .map(|r| (r, FactSource::SheetName))
                .or(region_in_titles(&title_lines, book).map(|r| (r, FactSource::Title))),
        };
        Context { year, region }
    }
}

/// The texts above the header, each merged title once.
fn title_lines(grid: &Grid, header_row: usize) -> Vec<String> {
    (0..header_row)
        .flat_map(|row| {
            let mut texts: Vec<String> = grid.rows[row].iter().map(RawCell::display).collect();
            texts.dedup();
            texts
        })
        .filter(|t| !t.is_empty())
        .collect()
}

fn year_in_titles(lines: &[String]) -> Option<i32> {
    lines.iter().find_map(|line| {
        // 填报日期：2024年3月15日 is when, not what.
        let without_dates = line
            .split(['　', ' '])
            .filter(|part| !part.contains("日期") && !part.contains("时间"))
            .collect::<Vec<_>>()
            .join(" ");
        year_in(&without_dates)
    })
}

/// A sheet named after a place (柯城区, 天马街道), the year cut off (柯城区2023年).
fn sheet_region(sheet: &str, book: &RegionBook) -> Option<String> {
    let without_year = match year_in(sheet) {
        Some(year) => sheet
            .replace(&format!("{year}年"), "")
            .replace(&year.to_string(), ""),
        None => sheet.to_string(),
    };
    let name = without_year.trim_matches(|c: char| c.is_whitespace() || "-_（）()".contains(c));
    book.recognise(name).filter(|r| !book.is_whole(r))
}

/// 填报单位：柯城区… names the submitter; a title names a county, or else it is most likely the
/// plan's own name (衢州市儿童发展…), which says nothing of the submitter.
fn region_in_titles(lines: &[String], book: &RegionBook) -> Option<String> {
    let from_unit_line = lines.iter().find_map(|line| {
        let (_, rest) = line.split_once("填报单位")?;
        book.submitter_in(rest.trim_start_matches([':', '：', ' ', '　']))
    });
    from_unit_line.or_else(|| {
        lines.iter().find_map(|line| {
            // 2023年常山县… begins with the year, then the place.
            let from_place = line.trim_start_matches(|c: char| {
                c.is_ascii_digit() || matches!(c, '年' | ' ' | '　' | '（' | '）' | '(' | ')')
            });
            book.submitter_in(from_place)
        })
    })
}
