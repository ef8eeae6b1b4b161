//! Guards calamine's OLE2 (compound file) reader, used for .xls, against malformed files.
//!
//! calamine 0.38 indexes past the end of its buffers when a sector id points beyond the end of
//! the file or a chain leaves its allocation table (found by our fuzzer; it panics, and a panic
//! kills the page's worker or aborts the CLI). This walks the same structures with bounds
//! checks first: every sector a chain visits must exist, every chain must end.
//!
//! It also reads the code page the workbook declares: one that no decoder knows (the `codepage`
//! crate's table, which calamine uses) gets a message that names it instead of calamine's
//! "codepage not found".

use crate::ingest::{Format, IngestErrorKind};

const SIGNATURE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
/// Sector ids at or above this are markers (free, end of chain, FAT or DIFAT sector).
const MAX_REGULAR_SECTOR: u32 = 0xFFFF_FFFA;
const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
const MINI_SECTOR: u64 = 64;
const MINI_STREAM_CUTOFF: u64 = 4096;
/// BIFF's CODEPAGE record (MS-XLS 2.4.52) comes within the workbook globals' first few records.
const CODE_PAGE_RECORD: u16 = 0x0042;
const END_OF_GLOBALS_RECORD: u16 = 0x000A;
const HEAD_TO_SCAN: u64 = 8192;

struct Sectors<'a> {
    data: &'a [u8],
    size: usize,
}

impl<'a> Sectors<'a> {
    /// The file's sectors after its 512-byte header, of the size the header gives.
    fn of(bytes: &'a [u8]) -> Result<Sectors<'a>, String> {
        if bytes.len() < 512 || !bytes.starts_with(SIGNATURE) {
            return Err("not a complete compound-file header".into());
        }
        let size = match u16_at(bytes, 30) {
            9 => 512,
            12 => 4096,
            other => return Err(format!("sector shift {other}")),
        };
        Ok(Sectors {
            data: bytes.get(size..).unwrap_or(&[]),
            size,
        })
    }

    fn count(&self) -> usize {
        self.data.len() / self.size
    }

    fn get(&self, id: u32) -> Result<&'a [u8], String> {
        // In u64: on 32-bit targets (the browser's wasm32) id × size wraps usize to a sector that
        // exists, and the guard would pass what calamine then reads past.
        let end = (u64::from(id) + 1) * self.size as u64;
        if end > self.data.len() as u64 {
            return Err(format!("sector {id} is past the end of the file"));
        }
        // Within the data's length now, so it fits usize.
        let end = end as usize;
        self.data
            .get(end - self.size..end)
            .ok_or_else(|| format!("sector {id} is past the end of the file"))
    }

    /// Visits a chain until `len` bytes are covered or it ends; returns its sectors.
    fn chain(&self, start: u32, fats: &[u32], len: u64) -> Result<Vec<u32>, String> {
        let mut ids = Vec::new();
        let mut id = start;
        let mut covered: u64 = 0;
        while id != END_OF_CHAIN && covered < len {
            self.get(id)?;
            if ids.len() > self.count() {
                return Err("a sector chain loops".into());
            }
            ids.push(id);
            covered += self.size as u64;
            if covered >= len {
                break;
            }
            id = *fats
                .get(id as usize)
                .ok_or_else(|| format!("sector {id} has no allocation entry"))?;
        }
        Ok(ids)
    }
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    bytes
        .get(at..at + 4)
        .map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

fn u16_at(bytes: &[u8], at: usize) -> u16 {
    bytes
        .get(at..at + 2)
        .map_or(0, |b| u16::from_le_bytes([b[0], b[1]]))
}

fn words(sector: &[u8]) -> impl Iterator<Item = u32> + '_ {
    sector
        .chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
}

pub fn check(bytes: &[u8]) -> Result<(), IngestErrorKind> {
    let workbook_head = walk(bytes).map_err(|detail| IngestErrorKind::Corrupt {
        format: Format::Xls,
        detail,
    })?;
    match declared_code_page(&workbook_head) {
        Some(code_page) if codepage::to_encoding(code_page).is_none() => {
            Err(IngestErrorKind::UnsupportedCodePage { code_page })
        }
        _ => Ok(()),
    }
}

/// The code page in the workbook globals' CODEPAGE record, if the head of the stream holds one.
fn declared_code_page(head: &[u8]) -> Option<u16> {
    let mut at = 0usize;
    while at + 4 <= head.len() {
        let kind = u16_at(head, at);
        let len = usize::from(u16_at(head, at + 2));
        match kind {
            CODE_PAGE_RECORD if len >= 2 => return Some(u16_at(head, at + 4)),
            END_OF_GLOBALS_RECORD => return None,
            _ => at += 4 + len,
        }
    }
    None
}

/// Checks every chain; returns the first bytes of the workbook stream ("Workbook", or "Book" in
/// BIFF5), empty if there is none. In steps: the header's sector size, the allocation table (FAT,
/// found through the DIFAT), the directory, the mini stream, then every stream's chain.
fn walk(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let sectors = Sectors::of(bytes)?;
    let fats = allocation_table(bytes, &sectors)?;
    let directory = Directory::read(bytes, &sectors, &fats)?;
    let mini = MiniStream::read(bytes, &sectors, &fats, directory.root)?;
    for &stream in &directory.streams {
        if stream.len < MINI_STREAM_CUTOFF {
            mini.chain(stream.start, stream.len)?;
        } else {
            sectors.chain(stream.start, &fats, stream.len)?;
        }
    }
    match directory.workbook {
        Some(workbook) => workbook_head(workbook, &sectors, &fats, &mini),
        None => Ok(Vec::new()),
    }
}

/// The FAT: the DIFAT's 109 entries in the header, then its chain of DIFAT sectors, name the
/// sectors that hold it.
fn allocation_table(bytes: &[u8], sectors: &Sectors) -> Result<Vec<u32>, String> {
    let mut difat: Vec<u32> = words(&bytes[76..512]).collect();
    let mut next = u32_at(bytes, 68);
    let mut steps = 0;
    while next < MAX_REGULAR_SECTOR {
        steps += 1;
        if steps > sectors.count() + 1 {
            return Err("the DIFAT chain loops".into());
        }
        difat.extend(words(sectors.get(next)?));
        next = difat.pop().unwrap_or(END_OF_CHAIN);
    }
    let mut fats = Vec::new();
    for id in difat.into_iter().filter(|&id| id < MAX_REGULAR_SECTOR) {
        fats.extend(words(sectors.get(id)?));
    }
    Ok(fats)
}

/// Where a directory entry's data is: its first sector (or mini sector) and its length.
#[derive(Debug, Clone, Copy)]
struct Stream {
    start: u32,
    len: u64,
}

struct Directory {
    /// The root entry: its chain is the mini stream.
    root: Stream,
    /// Every stream entry that holds data.
    streams: Vec<Stream>,
    workbook: Option<Stream>,
}

impl Directory {
    /// The directory's 128-byte entries, read through its chain.
    fn read(bytes: &[u8], sectors: &Sectors, fats: &[u32]) -> Result<Directory, String> {
        let mut directory = Vec::new();
        for id in sectors.chain(u32_at(bytes, 48), fats, u64::MAX)? {
            directory.extend_from_slice(sectors.get(id)?);
        }
        let large = sectors.size == 4096;
        let entry = |e: &[u8]| {
            let len = if large {
                u64::from(u32_at(e, 0x78)) | (u64::from(u32_at(e, 0x7C)) << 32)
            } else {
                u64::from(u32_at(e, 0x78))
            };
            (
                e[0x42],
                Stream {
                    start: u32_at(e, 0x74),
                    len,
                },
            )
        };
        let entries: Vec<(u8, Stream)> = directory.chunks_exact(128).map(entry).collect();
        let Some(&(_, root)) = entries.first() else {
            return Err("no root directory".into());
        };
        let workbook = directory
            .chunks_exact(128)
            .position(is_workbook_stream_name)
            .and_then(|i| entries.get(i).map(|&(_, stream)| stream));
        let streams = entries
            .iter()
            .skip(1)
            .filter(|(kind, stream)| *kind == 2 && stream.len > 0)
            .map(|&(_, stream)| stream)
            .collect();
        Ok(Directory {
            root,
            streams,
            workbook,
        })
    }
}

/// The mini stream, where streams shorter than [`MINI_STREAM_CUTOFF`] live in 64-byte mini
/// sectors: the regular sectors that hold it (the root entry's chain), its length, and its own
/// allocation table.
struct MiniStream {
    sectors: Vec<u32>,
    len: u64,
    fats: Vec<u32>,
}

impl MiniStream {
    fn read(
        bytes: &[u8],
        sectors: &Sectors,
        fats: &[u32],
        root: Stream,
    ) -> Result<MiniStream, String> {
        let mini_fat_sectors = u64::from(u32_at(bytes, 64));
        if mini_fat_sectors == 0 {
            return Ok(MiniStream {
                sectors: Vec::new(),
                len: 0,
                fats: Vec::new(),
            });
        }
        let stream = sectors.chain(root.start, fats, root.len)?;
        let table_len = mini_fat_sectors.saturating_mul(sectors.size as u64);
        let mut mini_fats = Vec::new();
        for id in sectors.chain(u32_at(bytes, 60), fats, table_len)? {
            mini_fats.extend(words(sectors.get(id)?));
        }
        Ok(MiniStream {
            len: (stream.len() as u64 * sectors.size as u64).min(root.len),
            sectors: stream,
            fats: mini_fats,
        })
    }

    /// Visits a chain of mini sectors until `len` bytes are covered or it ends.
    fn chain(&self, start: u32, len: u64) -> Result<Vec<u32>, String> {
        let mut ids = Vec::new();
        let mut id = start;
        while id != END_OF_CHAIN && (ids.len() as u64) * MINI_SECTOR < len {
            if (u64::from(id) + 1) * MINI_SECTOR > self.len {
                return Err(format!(
                    "mini sector {id} is past the end of the mini stream"
                ));
            }
            if ids.len() > self.fats.len() {
                return Err("a mini sector chain loops".into());
            }
            ids.push(id);
            if (ids.len() as u64) * MINI_SECTOR >= len {
                break;
            }
            id = *self
                .fats
                .get(id as usize)
                .ok_or_else(|| format!("mini sector {id} has no allocation entry"))?;
        }
        Ok(ids)
    }

    /// A mini sector's 64 bytes: a slice of the regular sector of the mini stream that holds it.
    fn get<'a>(&self, id: u32, sectors: &Sectors<'a>) -> Result<&'a [u8], String> {
        let offset = u64::from(id) * MINI_SECTOR;
        let past_the_end = || format!("mini sector {id} is past the end of the mini stream");
        let regular = usize::try_from(offset / sectors.size as u64)
            .ok()
            .and_then(|s| self.sectors.get(s))
            .ok_or_else(past_the_end)?;
        let within = (offset % sectors.size as u64) as usize;
        sectors
            .get(*regular)?
            .get(within..within + MINI_SECTOR as usize)
            .ok_or_else(past_the_end)
    }
}

/// The first [`HEAD_TO_SCAN`] bytes of the workbook stream, where its CODEPAGE record is.
fn workbook_head(
    workbook: Stream,
    sectors: &Sectors,
    fats: &[u32],
    mini: &MiniStream,
) -> Result<Vec<u8>, String> {
    let wanted = workbook.len.min(HEAD_TO_SCAN);
    let mut head = Vec::new();
    if workbook.len < MINI_STREAM_CUTOFF {
        for id in mini.chain(workbook.start, wanted)? {
            head.extend_from_slice(mini.get(id, sectors)?);
        }
    } else {
        for id in sectors.chain(workbook.start, fats, wanted)? {
            head.extend_from_slice(sectors.get(id)?);
        }
    }
    head.truncate(wanted as usize);
    Ok(head)
}

/// A directory entry named "Workbook" or "Book" (UTF-16LE, its byte length with the NUL at 0x40).
fn is_workbook_stream_name(entry: &[u8]) -> bool {
    let name_bytes = usize::from(u16_at(entry, 0x40)).saturating_sub(2).min(64);
    let name: Vec<u16> = entry[..name_bytes]
        .chunks_exact(2)
        .map(|c| u16::from_le_bytes([c[0], c[1]]))
        .collect();
    let name = String::from_utf16_lossy(&name);
    name.eq_ignore_ascii_case("workbook") || name.eq_ignore_ascii_case("book")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture(name: &str) -> Vec<u8> {
        std::fs::read(format!("{}/../../{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
    }

    #[test]
    fn real_xls_files_pass() {
        assert_eq!(
            check(&fixture("tests/fixtures/long-kecheng-2023.xls")),
            Ok(())
        );
        assert_eq!(
            check(&fixture("tests/fixtures/wide-regions-2023.xls")),
            Ok(())
        );
    }

    #[test]
    fn the_fuzzers_crashers_are_refused() {
        let dir = format!(
            "{}/../../fuzz/regressions/ingest",
            env!("CARGO_MANIFEST_DIR")
        );
        let mut seen = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            // The compound-file crashers; calamine-* ones fail later, in BIFF records.
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            if !(name.starts_with("cfb-") || name.starts_with("crash-")) {
                continue;
            }
            let bytes = std::fs::read(&path).unwrap();
            // The fuzz target spends its first byte on options.
            assert!(matches!(
                check(&bytes[1..]),
                Err(IngestErrorKind::Corrupt {
                    format: Format::Xls,
                    ..
                })
            ));
            seen += 1;
        }
        assert!(seen >= 4);
    }

    /// The fixture with one little-endian u32 replaced.
    fn with_u32(at: usize, value: u32) -> Vec<u8> {
        let mut bytes = fixture("tests/fixtures/long-kecheng-2023.xls");
        bytes[at..at + 4].copy_from_slice(&value.to_le_bytes());
        bytes
    }

    // On 32-bit targets (the browser's wasm32) these ids times the sector size pass u32::MAX and
    // wrap to a sector that exists; natively they are simply past the end.
    #[test]
    fn a_directory_sector_id_that_wraps_32_bit_arithmetic_is_refused() {
        // 0x7F_FFFF × 512 + 512 = 2^32. The header names the directory's first sector at 48.
        let bytes = with_u32(48, 0x007F_FFFF);
        let Err(IngestErrorKind::Corrupt { detail, .. }) = check(&bytes) else {
            panic!("accepted")
        };
        assert!(detail.contains("past the end"), "{detail}");
    }

    #[test]
    fn a_mini_sector_id_that_wraps_32_bit_arithmetic_is_refused() {
        // The fixture's fifth directory entry (at 7552) is "\x01Ole", 20 bytes in the mini
        // stream; its first mini sector is at +0x74. (0x400_0000 + 1) × 64 = 2^32 + 64.
        let bytes = with_u32(7552 + 0x74, 0x0400_0000);
        let Err(IngestErrorKind::Corrupt { detail, .. }) = check(&bytes) else {
            panic!("accepted")
        };
        assert!(
            detail.contains("past the end of the mini stream"),
            "{detail}"
        );
    }

    #[test]
    fn a_sector_past_the_end_is_named() {
        let mut bytes = fixture("tests/fixtures/long-kecheng-2023.xls");
        bytes.truncate(bytes.len() - 1024);
        let Err(IngestErrorKind::Corrupt { detail, .. }) = check(&bytes) else {
            panic!("truncated file accepted")
        };
        assert!(detail.contains("past the end"), "{detail}");
    }

    /// The fixture as if saved in another code page: its one CODEPAGE record rewritten.
    fn with_code_page(code_page: u16) -> Vec<u8> {
        let mut bytes = fixture("tests/fixtures/long-kecheng-2023.xls");
        let record = [0x42, 0x00, 0x02, 0x00];
        let at = bytes
            .windows(4)
            .position(|w| w == record)
            .expect("the fixture has a CODEPAGE record") // ok: a test, on the repository's fixture
            + 4;
        bytes[at..at + 2].copy_from_slice(&code_page.to_le_bytes());
        bytes
    }

    #[test]
    fn the_code_page_is_read_from_the_workbook_globals() {
        let head = walk(&fixture("tests/fixtures/long-kecheng-2023.xls")).unwrap(); // ok: a test
        assert_eq!(declared_code_page(&head), Some(1200));
        assert_eq!(
            declared_code_page(&walk(&with_code_page(936)).unwrap()), // ok: a test
            Some(936)
        );
    }

    #[test]
    fn japanese_korean_and_big5_workbooks_are_read() {
        for code_page in [
            932, 949, 950, 951, 20932, 50220, 51949, 936, 54936, 1200, 1252, 1251, 10000,
        ] {
            assert_eq!(check(&with_code_page(code_page)), Ok(()), "{code_page}");
        }
    }

    #[test]
    fn a_code_page_no_decoder_knows_is_refused_by_name() {
        for code_page in [1, 12345] {
            assert_eq!(
                check(&with_code_page(code_page)),
                Err(IngestErrorKind::UnsupportedCodePage { code_page })
            );
        }
        let options = crate::ingest::ReadOptions::default();
        let error =
            crate::ingest::read_workbook("未知.xls", &with_code_page(12345), &options).unwrap_err();
        assert!(
            error.message_zh().contains("代码页 12345"),
            "{}",
            error.message_zh()
        );
        assert!(
            error.message_zh().contains("另存为 .xlsx"),
            "{}",
            error.message_zh()
        );
        assert!(
            error.message_en().contains("code page 12345"),
            "{}",
            error.message_en()
        );
    }
}
