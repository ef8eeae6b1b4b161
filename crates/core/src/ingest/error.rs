//! Why a file could not be read, in words a user can act on (Chinese first, English twin).

use super::Format;
use std::fmt;

#[derive(Debug, Clone, PartialEq)]
pub struct IngestError {
    pub file: String,
    pub sheet: Option<String>,
    pub kind: IngestErrorKind,
    /// For a question about columns: the sheet's columns as read, for the user to correct.
    pub columns: Option<Box<super::layout::SheetColumns>>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum IngestErrorKind {
    EmptyFile,
    /// u64: a picked file's size is known (and refused) before it is read, on any target.
    FileTooLarge {
        bytes: u64,
        limit: usize,
    },
    /// The file could not be read at all (moved, deleted, locked, a folder): never "empty".
    /// `detail` is what the system said, as it said it.
    ReadFailed {
        detail: String,
    },
    /// The bytes are some other kind of file (an image, a PDF, a Word document …) or nothing known.
    NotASpreadsheet {
        looks_like: Option<OtherFile>,
    },
    PasswordProtected,
    /// .xls, .xlsb or .ods reaching a build without the `legacy-formats` feature (the page's
    /// light reader): the page hands such a file to its full reader, so a user never sees this.
    FormatNotInThisBuild {
        format: Format,
    },
    Corrupt {
        format: Format,
        detail: String,
    },
    ZipTooManyEntries {
        entries: usize,
        limit: usize,
    },
    ZipTooLarge {
        declared: u64,
        limit: u64,
    },
    /// An entry inflates to more than its header declares: a crafted or damaged archive.
    ZipSizeMismatch {
        entry: String,
        declared: u64,
    },
    TooManyCells {
        /// u64: counted without wrapping on 32-bit targets.
        cells: u64,
        limit: usize,
    },
    /// Neither UTF-8, UTF-16 nor GB18030 text.
    UnknownEncoding,
    /// An .xls saved in a code page no decoder knows.
    UnsupportedCodePage {
        code_page: u16,
    },
    SheetNotFound {
        wanted: String,
        available: Vec<String>,
    },
    /// No sheet holds a table with indicator names.
    NoTable {
        sheets: Vec<String>,
    },
    /// A header row was found but no data below it.
    NoData {
        header_row: usize,
    },
    /// Nothing names the year of the values: the page asks, the CLI needs `--year`.
    YearUnknown,
    /// A column's header says one thing and its cells another (地区 over numbers): the page asks
    /// what the column is, the CLI needs `--column`.
    ColumnNotAsHeaded {
        column: String,
        header: String,
        holds: CellKind,
    },
    /// Two columns that should agree do not on a row (年份 2022, 统计年度 2023): the page asks
    /// which one to read.
    ColumnsDisagree {
        row: usize,
        /// (column letter, what it says) of each.
        columns: Box<[(String, String); 2]>,
    },
    /// A correction names no sheet, and the workbook has several.
    ChoiceNamesNoSheet {
        available: Vec<String>,
    },
    /// More sheets than a submission has.
    TooManySheets {
        sheets: usize,
        limit: usize,
    },
}

impl IngestError {
    pub fn new(file: &str, sheet: Option<String>, kind: IngestErrorKind) -> IngestError {
        IngestError {
            file: file.to_string(),
            sheet,
            kind,
            columns: None,
        }
    }

    /// The user is asked what a column is (the page offers its correction, the CLI `--column`).
    pub fn asks_about_columns(&self) -> bool {
        matches!(
            self.kind,
            IngestErrorKind::ColumnNotAsHeaded { .. } | IngestErrorKind::ColumnsDisagree { .. }
        )
    }

    fn place_zh(&self) -> String {
        match &self.sheet {
            Some(sheet) => format!("“{}”工作表“{}”", self.file, sheet),
            None => format!("“{}”", self.file),
        }
    }

    fn place_en(&self) -> String {
        match &self.sheet {
            Some(sheet) => format!("\"{}\", sheet \"{}\"", self.file, sheet),
            None => format!("\"{}\"", self.file),
        }
    }

    /// The whole message in Chinese: where, what, and what to do next.
    pub fn message_zh(&self) -> String {
        format!(
            "{}：{}。{}",
            self.place_zh(),
            self.what_zh(),
            self.hint_zh()
        )
    }

    pub fn message_en(&self) -> String {
        format!(
            "{}: {}. {}",
            self.place_en(),
            self.what_en(),
            self.hint_en()
        )
    }

    fn what_zh(&self) -> String {
        use IngestErrorKind::*;
        match &self.kind {
            EmptyFile => "文件是空的（0 字节）".into(),
            FileTooLarge { bytes, limit } => {
                format!("文件大小 {} 超过上限 {}", mb(*bytes), mb(*limit as u64))
            }
            ReadFailed { detail } => {
                format!("无法读取文件（可能已被移动、删除或正被其他程序占用；{detail}）")
            }
            NotASpreadsheet {
                looks_like: Some(what),
            } => format!("这不是电子表格，而是{}", what.zh()),
            NotASpreadsheet { looks_like: None } => {
                "无法识别为电子表格（xlsx、xls、ods 或 csv）".into()
            }
            PasswordProtected => "工作簿设置了打开密码，无法读取".into(),
            FormatNotInThisBuild { format } => {
                format!("此版本只读取 .xlsx 和 .csv，不读取 .{}", format.label())
            }
            Corrupt { format, detail } => {
                format!("{} 文件已损坏或不完整（{detail}）", format.label())
            }
            ZipTooManyEntries { entries, limit } => {
                format!("压缩包内有 {entries} 个条目，超过上限 {limit} 个")
            }
            ZipTooLarge { declared, limit } => {
                format!("解压后大小 {} 超过上限 {}", mb(*declared), mb(*limit))
            }
            ZipSizeMismatch { entry, declared } => {
                format!("压缩包条目 {entry} 解压后超过其声明的大小 {declared} 字节，文件可能被篡改或已损坏")
            }
            TooManyCells { cells, limit } => {
                format!("工作表有 {cells} 个单元格，超过上限 {limit} 个")
            }
            UnknownEncoding => "文本编码无法识别（不是 UTF-8、UTF-16 或 GBK/GB18030）".into(),
            UnsupportedCodePage { code_page } => format!(
                "此 .xls 文件以代码页 {code_page}（{}）保存，本工具无法读取这种代码页",
                code_page_language(*code_page).0
            ),
            SheetNotFound { wanted, available } => {
                format!(
                    "没有名为“{wanted}”的工作表（现有：{}）",
                    available.join("、")
                )
            }
            NoTable { sheets } => format!(
                "在工作表（{}）中没有找到指标表：需要一列指标名称和至少一列年份或地区",
                sheets.join("、")
            ),
            NoData { header_row } => format!("第 {header_row} 行是表头，但其下没有数据行"),
            YearUnknown => "表头、标题、工作表名和文件名都没有写明数据年份".into(),
            ColumnNotAsHeaded {
                column,
                header,
                holds,
            } => format!("{column} 列的表头是“{header}”，但这一列是{}", holds.zh()),
            ColumnsDisagree { row, columns } => {
                let [first, second] = columns.as_ref();
                format!(
                    "第 {row} 行的 {} 列（{}）与 {} 列（{}）不一致",
                    first.0, first.1, second.0, second.1
                )
            }
            TooManySheets { sheets, limit } => {
                format!("工作簿有 {sheets} 个工作表，超过上限 {limit} 个")
            }
            ChoiceNamesNoSheet { available } => format!(
                "更正没有写明是哪个工作表，而工作簿有多个（{}）",
                available.join("、")
            ),
        }
    }

    fn what_en(&self) -> String {
        use IngestErrorKind::*;
        match &self.kind {
            EmptyFile => "the file is empty (0 bytes)".into(),
            FileTooLarge { bytes, limit } => {
                format!("the file is {}, over the limit of {}", mb(*bytes), mb(*limit as u64))
            }
            ReadFailed { detail } => {
                format!("the file could not be read (it may have been moved or deleted, or another program holds it; {detail})")
            }
            NotASpreadsheet { looks_like: Some(what) } => format!("this is not a spreadsheet but {}", what.en()),
            NotASpreadsheet { looks_like: None } => {
                "this is not a recognisable spreadsheet (xlsx, xls, ods or csv)".into()
            }
            PasswordProtected => "the workbook is password-protected".into(),
            FormatNotInThisBuild { format } => {
                format!("this build reads .xlsx and .csv only, not .{}", format.label())
            }
            Corrupt { format, detail } => format!("the {} file is damaged or incomplete ({detail})", format.label()),
            ZipTooManyEntries { entries, limit } => {
                format!("the archive holds {entries} entries, over the limit of {limit}")
            }
            ZipTooLarge { declared, limit } => {
                format!("it would inflate to {}, over the limit of {}", mb(*declared), mb(*limit))
            }
            ZipSizeMismatch { entry, declared } => format!(
                "archive entry {entry} inflates past its declared {declared} bytes; the file is crafted or damaged"
            ),
            TooManyCells { cells, limit } => format!("the sheet has {cells} cells, over the limit of {limit}"),
            UnknownEncoding => "the text encoding is not UTF-8, UTF-16 or GBK/GB18030".into(),
            UnsupportedCodePage { code_page } => format!(
                "this .xls file is saved in code page {code_page} ({}), which the tool cannot read",
                code_page_language(*code_page).1
            ),
            SheetNotFound { wanted, available } => {
                format!("there is no sheet \"{wanted}\" (sheets: {})", available.join(", "))
            }
            NoTable { sheets } => format!(
                "no indicator table found in the sheets ({}): it needs a column of indicator names and at least one column of years or regions",
                sheets.join(", ")
            ),
            NoData { header_row } => format!("row {header_row} is a header but no data rows follow it"),
            YearUnknown => "no header, title, sheet name or file name says which year the values are for".into(),
            ColumnNotAsHeaded { column, header, holds } => {
                format!("column {column} is headed \"{header}\" but holds {}", holds.en())
            }
            ColumnsDisagree { row, columns } => {
                let [first, second] = columns.as_ref();
                format!(
                    "on row {row}, column {} ({}) and column {} ({}) disagree",
                    first.0, first.1, second.0, second.1
                )
            }
            TooManySheets { sheets, limit } => {
                format!("the workbook has {sheets} sheets, over the limit of {limit}")
            }
            ChoiceNamesNoSheet { available } => format!(
                "a correction names no sheet and the workbook has several ({})",
                available.join(", ")
            ),
        }
    }

    fn hint_zh(&self) -> &'static str {
        use IngestErrorKind::*;
        match &self.kind {
            EmptyFile | Corrupt { .. } | ZipSizeMismatch { .. } => {
                "请重新导出或从原件另存一份后再选择"
            }
            FileTooLarge { .. }
            | TooManyCells { .. }
            | ZipTooLarge { .. }
            | ZipTooManyEntries { .. } => "请只保留指标表所在的工作表后另存再检查",
            NotASpreadsheet { .. } => {
                "请选择 Excel（.xlsx/.xls）、WPS、LibreOffice（.ods）或 CSV 文件"
            }
            PasswordProtected => "请在 Excel/WPS 中取消密码（文件→信息→保护工作簿）后另存再检查",
            UnknownEncoding => "请在 Excel/WPS 中另存为“CSV UTF-8”或 .xlsx 后再检查",
            UnsupportedCodePage { .. } | FormatNotInThisBuild { .. } => {
                "请在 Excel/WPS 中另存为 .xlsx 后再检查"
            }
            SheetNotFound { .. } | NoTable { .. } => {
                "请选择含指标名称列的工作表，或使用空白模板填报"
            }
            NoData { .. } => "请在表头下方填入各指标的数据",
            ReadFailed { .. } => "请确认文件仍在原处、未被其他程序打开，然后再选一次",
            YearUnknown => "请选择数据年份（命令行用 --year）",
            ColumnNotAsHeaded { .. } | ColumnsDisagree { .. } => {
                "请指明这一列是什么（页面上的“更正读取方式”，命令行用 --column 工作表!列=用途）"
            }
            TooManySheets { .. } => "请只保留要检查的工作表后另存再检查",
            ChoiceNamesNoSheet { .. } => "请写明工作表（命令行：--column 工作表!列=用途）",
        }
    }

    fn hint_en(&self) -> &'static str {
        use IngestErrorKind::*;
        match &self.kind {
            EmptyFile | Corrupt { .. } | ZipSizeMismatch { .. } => "Export it again or save a fresh copy, then pick it",
            FileTooLarge { .. } | TooManyCells { .. } | ZipTooLarge { .. } | ZipTooManyEntries { .. } => {
                "Keep only the sheet with the indicator table, save, and check again"
            }
            NotASpreadsheet { .. } => "Pick an Excel (.xlsx/.xls), WPS, LibreOffice (.ods) or CSV file",
            PasswordProtected => "Remove the password in Excel/WPS (File → Info → Protect Workbook), save, and check again",
            UnknownEncoding => "Save it as \"CSV UTF-8\" or .xlsx in Excel/WPS and check again",
            UnsupportedCodePage { .. } | FormatNotInThisBuild { .. } => {
                "Save it as .xlsx in Excel/WPS and check again"
            }
            SheetNotFound { .. } | NoTable { .. } => {
                "Pick the sheet with the indicator names, or fill in the blank template"
            }
            NoData { .. } => "Fill in the indicators' values below the header",
            ReadFailed { .. } => "Check that the file is still there and not open in another program, then pick it again",
            YearUnknown => "Choose the year of the data (CLI: --year)",
            ColumnNotAsHeaded { .. } | ColumnsDisagree { .. } => {
                "Say what the column is (\"Correct how it was read\" on the page; CLI: --column SHEET!COL=ROLE)"
            }
            TooManySheets { .. } => "Keep only the sheets to check, save, and check again",
            ChoiceNamesNoSheet { .. } => "Name the sheet (CLI: --column SHEET!COL=ROLE)",
        }
    }
}

/// What a column's cells are, when they are not what its header says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CellKind {
    Numbers,
}

impl CellKind {
    fn zh(self) -> &'static str {
        match self {
            CellKind::Numbers => "数字",
        }
    }

    fn en(self) -> &'static str {
        match self {
            CellKind::Numbers => "numbers",
        }
    }
}

/// What a file that is not a spreadsheet looks like, by its first bytes or its parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OtherFile {
    Png,
    Jpeg,
    Gif,
    Pdf,
    Word,
    PowerPoint,
    Zip,
    Binary,
}

impl OtherFile {
    pub fn zh(self) -> &'static str {
        match self {
            OtherFile::Png => "PNG 图片",
            OtherFile::Jpeg => "JPEG 图片",
            OtherFile::Gif => "GIF 图片",
            OtherFile::Pdf => "PDF 文档",
            OtherFile::Word => "Word 文档",
            OtherFile::PowerPoint => "PowerPoint 演示文稿",
            OtherFile::Zip => "普通压缩包",
            OtherFile::Binary => "二进制文件",
        }
    }

    pub fn en(self) -> &'static str {
        match self {
            OtherFile::Png => "a PNG image",
            OtherFile::Jpeg => "a JPEG image",
            OtherFile::Gif => "a GIF image",
            OtherFile::Pdf => "a PDF document",
            OtherFile::Word => "a Word document",
            OtherFile::PowerPoint => "a PowerPoint presentation",
            OtherFile::Zip => "a zip archive",
            OtherFile::Binary => "a binary file",
        }
    }
}

/// What a legacy Windows code page is for, in both languages, for the message that refuses it.
fn code_page_language(code_page: u16) -> (&'static str, &'static str) {
    match code_page {
        932 | 20932 | 50220..=50222 | 51932 => ("日文", "Japanese"),
        949 | 1361 | 20949 | 51949 => ("韩文", "Korean"),
        950 | 951 => ("繁体中文 Big5", "Traditional Chinese, Big5"),
        _ => ("未知", "unknown"),
    }
}

fn mb(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0))
}

impl fmt::Display for IngestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_zh())
    }
}

impl std::error::Error for IngestError {}
