//! The common shape every reader produces: a sheet as a dense grid of raw cells.

use super::value::RawCell;

/// A merged region: its top-left and bottom-right (row, column), 0-based.
pub type MergedRegion = ((usize, usize), (usize, usize));

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Grid {
    pub sheet_name: String,
    /// Hidden in the workbook (its author set it aside): not read, but named.
    pub hidden: bool,
    /// Dense rows from A1: `rows[r][c]` is the cell at row r+1, column c+1.
    pub rows: Vec<Vec<RawCell>>,
}

impl Grid {
    /// A hidden sheet, named but not read.
    pub fn hidden(sheet_name: String) -> Grid {
        Grid {
            sheet_name,
            hidden: true,
            rows: Vec::new(),
        }
    }

    pub fn get(&self, row: usize, col: usize) -> &RawCell {
        static EMPTY: RawCell = RawCell::Empty;
        self.rows
            .get(row)
            .and_then(|r| r.get(col))
            .unwrap_or(&EMPTY)
    }

    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }

    /// Copies the top-left value of each merged region into the whole region, so a title or
    /// header that spans columns (or rows) is seen from every cell it covers.
    pub fn fill_merged(&mut self, regions: &[MergedRegion]) {
        for &((top, left), (bottom, right)) in regions {
            let value = self.get(top, left).clone();
            if value.is_blank() {
                continue;
            }
            // Bounded by the grid: a merge past the used range adds no cells.
            for row in top..=bottom.min(self.rows.len().saturating_sub(1)) {
                let cells = &mut self.rows[row];
                for col in left..=right {
                    if col >= cells.len() {
                        if col > left.max(cells.len()).saturating_add(256) {
                            break;
                        }
                        cells.resize(col + 1, RawCell::Empty);
                    }
                    if (row, col) != (top, left) && cells[col].is_blank() {
                        cells[col] = value.clone();
                    }
                }
            }
        }
    }

    pub fn non_blank_count(&self) -> usize {
        self.rows.iter().flatten().filter(|c| !c.is_blank()).count()
    }
}

/// "F5" for row index 4, column index 5.
pub fn cell_address(row: usize, col: usize) -> String {
    CellRef::new(row, col).to_string()
}

/// A cell's position (0-based), shown as Excel names it ("F5"). Kept as two numbers: a big sheet
/// has hundreds of thousands of cells and only the few in a report are ever shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CellRef {
    pub row: u32,
    pub col: u32,
}

impl CellRef {
    pub fn new(row: usize, col: usize) -> CellRef {
        // Grids stay far below u32::MAX cells (MAX_CELLS); saturate rather than wrap regardless.
        CellRef {
            row: u32::try_from(row).unwrap_or(u32::MAX),
            col: u32::try_from(col).unwrap_or(u32::MAX),
        }
    }
}

impl std::fmt::Display for CellRef {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut letters = [0u8; 8];
        let mut start = letters.len();
        let mut n = u64::from(self.col) + 1;
        while n > 0 {
            start -= 1;
            letters[start] = b'A' + ((n - 1) % 26) as u8;
            n = (n - 1) / 26;
        }
        let letters = std::str::from_utf8(&letters[start..]).unwrap_or("?");
        write!(f, "{letters}{}", u64::from(self.row) + 1)
    }
}

impl serde::Serialize for CellRef {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_like_excel() {
        assert_eq!(cell_address(0, 0), "A1");
        assert_eq!(cell_address(4, 5), "F5");
        assert_eq!(cell_address(9, 26), "AA10");
        assert_eq!(cell_address(0, 701), "ZZ1");
        assert_eq!(cell_address(0, 702), "AAA1");
        assert_eq!(CellRef::new(0, 16_383).to_string(), "XFD1");
        assert_eq!(CellRef::new(1_048_575, 0).to_string(), "A1048576");
    }

    #[test]
    fn merged_titles_fill_their_span() {
        let mut grid = Grid {
            sheet_name: "s".into(),
            hidden: false,
            rows: vec![
                vec![RawCell::Text("2023年".into())],
                vec![RawCell::Empty, RawCell::Text("x".into())],
            ],
        };
        grid.fill_merged(&[((0, 0), (0, 2)), ((0, 0), (1, 0))]);
        assert_eq!(grid.get(0, 2), &RawCell::Text("2023年".into()));
        assert_eq!(grid.get(1, 0), &RawCell::Text("2023年".into()));
        assert_eq!(grid.get(1, 1), &RawCell::Text("x".into()));
    }
}
