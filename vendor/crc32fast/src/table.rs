// duibiao's copy (vendor/README.md): the slicing-by-16 table is computed on first use instead of
// being 16 KiB of data in the binary, which gzip cannot shrink (15 KB of the page's reader).
// Without `std` (no `OnceLock`) it stays a static, computed at compile time.

pub(crate) type Table = [[u32; 256]; 16];

/// The reflected CRC-32 (IEEE 802.3) polynomial.
const POLYNOMIAL: u32 = 0xedb8_8320;

const fn build() -> Table {
    let mut table = [[0u32; 256]; 16];
    let mut n = 0;
    while n < 256 {
        let mut crc = n as u32;
        let mut bit = 0;
        while bit < 8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ POLYNOMIAL } else { crc >> 1 };
            bit += 1;
        }
        table[0][n] = crc;
        n += 1;
    }
    let mut slice = 1;
    while slice < 16 {
        let mut n = 0;
        while n < 256 {
            let previous = table[slice - 1][n];
            table[slice][n] = (previous >> 8) ^ table[0][(previous & 0xff) as usize];
            n += 1;
        }
        slice += 1;
    }
    table
}

#[cfg(feature = "std")]
#[inline]
pub(crate) fn table() -> &'static Table {
    static TABLE: std::sync::OnceLock<Table> = std::sync::OnceLock::new();
    TABLE.get_or_init(build)
}

#[cfg(not(feature = "std"))]
#[inline]
pub(crate) fn table() -> &'static Table {
    static TABLE: Table = build();
    &TABLE
}

#[cfg(test)]
mod test {
    #[test]
    fn the_first_entries_are_the_published_ones() {
        let table = super::table();
        assert_eq!(&table[0][..4], &[0x00000000, 0x77073096, 0xee0e612c, 0x990951ba]);
        assert_eq!(table[0][255], 0x2d02ef8d);
    }
}
