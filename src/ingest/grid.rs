//! The common shape every reader produces: a sheet as a dense grid of raw cells.

use super::value::RawCell;

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Grid {
    pub sheet_name: String,
    /// Dense rows from A1: `rows[r][c]` is the cell at row r+1, column c+1.
    pub rows: Vec<Vec<RawCell>>,
}

impl Grid {
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
    pub fn fill_merged(&mut self, regions: &[((usize, usize), (usize, usize))]) {
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
                        if col > left.max(cells.len()) + 256 {
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
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", String::from_utf8_lossy(&letters), row + 1)
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
    }

    #[test]
    fn merged_titles_fill_their_span() {
        let mut grid = Grid {
            sheet_name: "s".into(),
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
