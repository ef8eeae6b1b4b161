//! The page's words in Simplified Chinese (default) and English.

use crate::evaluate::Status;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    pub fn parse(text: &str) -> Option<Lang> {
        match text {
            "zh" | "zh-CN" | "zh-cn" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }

    pub fn status(self, status: Status) -> &'static str {
        match self {
            Lang::Zh => status.label_zh(),
            Lang::En => status.label_en(),
        }
    }
}

pub struct Texts {
    pub app_title: &'static str,
    pub tagline: &'static str,
    pub privacy: &'static str,
    pub switch_language: &'static str,
    pub plan_in_use: &'static str,
    pub targets: &'static str,
    pub drop_here: &'static str,
    pub choose_file: &'static str,
    pub accepted: &'static str,
    pub reading: &'static str,
    pub file: &'static str,
    pub format: &'static str,
    pub encoding: &'static str,
    pub sheet: &'static str,
    pub header_row: &'static str,
    pub years: &'static str,
    pub regions: &'static str,
    pub reporting_year: &'static str,
    pub check_kind_annual: &'static str,
    pub check_kind_midterm: &'static str,
    pub check_kind_final: &'static str,
    pub summary_heading: &'static str,
    pub results_heading: &'static str,
    pub col_indicator: &'static str,
    pub col_region: &'static str,
    pub col_value: &'static str,
    pub col_target: &'static str,
    pub col_status: &'static str,
    pub col_gap: &'static str,
    pub col_reason: &'static str,
    pub unmatched_heading: &'static str,
    pub unmatched_none: &'static str,
    pub error_heading: &'static str,
    pub try_another: &'static str,
    pub city_wide: &'static str,
    pub layout_long: &'static str,
    pub layout_by_regions: &'static str,
    pub layout_regions_by_indicators: &'static str,
    pub checked_summary: &'static str,
    pub plan_builtin: &'static str,
    pub plan_loaded_from: &'static str,
    pub plan_notes: &'static str,
    pub load_plan: &'static str,
    pub plan_file: &'static str,
    pub plan_kept: &'static str,
    pub which_year: &'static str,
    pub choose: &'static str,
    pub encoding_auto: &'static str,
}

pub const ZH: Texts = Texts {
    app_title: "对标自查",
    tagline: "选择本地区的监测指标表，逐项对照衢州市儿童发展“十四五”规划目标，找出差距。",
    privacy: "文件只在您的浏览器中处理，不会上传。",
    switch_language: "English",
    plan_in_use: "对照规划",
    targets: "项目标",
    drop_here: "把指标表拖到这里，或",
    choose_file: "选择文件",
    accepted: "支持 .xlsx、.xls、.ods、.csv（含 GBK 编码）",
    reading: "正在读取…",
    file: "文件",
    format: "格式",
    encoding: "编码",
    sheet: "工作表",
    header_row: "表头行",
    years: "年份",
    regions: "地区",
    reporting_year: "报告年份",
    check_kind_annual: "年度监测",
    check_kind_midterm: "中期评估",
    check_kind_final: "终期评估",
    summary_heading: "对标结果汇总",
    results_heading: "逐项结果",
    col_indicator: "指标",
    col_region: "地区",
    col_value: "填报值（单元格）",
    col_target: "2025年目标",
    col_status: "状态",
    col_gap: "差距",
    col_reason: "说明",
    unmatched_heading: "未能对应到规划指标的行",
    unmatched_none: "所有行都已对应到规划指标。",
    error_heading: "无法检查此文件",
    try_another: "页面仍可使用：修正后重新选择文件即可。",
    city_wide: "（未注明地区）",
    layout_long: "纵表（每行一个指标，每列一个年份）",
    layout_by_regions: "宽表（每行一个指标，每列一个地区）",
    layout_regions_by_indicators: "宽表（每行一个地区，每列一个指标）",
    checked_summary: "检查完成",
    plan_builtin: "内置",
    plan_loaded_from: "载入自",
    plan_notes: "关于规划文本与指标目录的说明",
    load_plan: "载入其他规划文件…",
    plan_file: "规划文件（JSON）：",
    plan_kept: "仍使用原来的规划。",
    which_year: "文件中没有写明数据年份，请选择：",
    choose: "请选择",
    encoding_auto: "自动识别",
};

pub const EN: Texts = Texts {
    app_title: "Target self-check",
    tagline: "Pick your region's indicator spreadsheet to check it, item by item, against the targets of Quzhou's 14th Five-Year children's plan.",
    privacy: "Your file is processed only in your browser and is never uploaded.",
    switch_language: "中文",
    plan_in_use: "Plan",
    targets: "targets",
    drop_here: "Drop the indicator spreadsheet here, or",
    choose_file: "Choose file",
    accepted: "Accepts .xlsx, .xls, .ods and .csv (GBK too)",
    reading: "Reading…",
    file: "File",
    format: "Format",
    encoding: "Encoding",
    sheet: "Sheet",
    header_row: "Header row",
    years: "Years",
    regions: "Regions",
    reporting_year: "Reporting year",
    check_kind_annual: "annual monitoring",
    check_kind_midterm: "mid-term evaluation",
    check_kind_final: "final evaluation",
    summary_heading: "Summary",
    results_heading: "Results by indicator",
    col_indicator: "Indicator",
    col_region: "Region",
    col_value: "Value (cell)",
    col_target: "2025 target",
    col_status: "Status",
    col_gap: "Gap",
    col_reason: "Why",
    unmatched_heading: "Rows not matched to a plan indicator",
    unmatched_none: "Every row matched a plan indicator.",
    error_heading: "This file cannot be checked",
    try_another: "The page still works: fix the file and pick it again.",
    city_wide: "(no region named)",
    layout_long: "long (one indicator per row, one column per year)",
    layout_by_regions: "wide (indicators as rows, regions as columns)",
    layout_regions_by_indicators: "wide (regions as rows, indicators as columns)",
    checked_summary: "Check complete",
    plan_builtin: "built in",
    plan_loaded_from: "loaded from",
    plan_notes: "Notes on the plan text and this catalogue",
    load_plan: "Load another plan file…",
    plan_file: "Plan file (JSON): ",
    plan_kept: "The previous plan stays in use.",
    which_year: "The file does not say which year its values are for. Choose:",
    choose: "Choose",
    encoding_auto: "Detect",
};
