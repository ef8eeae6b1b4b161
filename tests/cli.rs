//! Whole submissions through the CLI, against statuses worked out by hand from the plan
//! (tests/fixtures/README.md lists every cell). Also the CLI's contract: exit 0 when evaluated,
//! exit 2 with one line on stderr when the file cannot be read.

use serde_json::Value;
use std::collections::BTreeMap;
use std::process::Command;

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn duibiao(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_duibiao"))
        .args(args)
        .output()
        .expect("run duibiao");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn report(file: &str, extra: &[&str]) -> Value {
    let path = fixture(file);
    let mut args = vec!["check", path.as_str(), "--format", "json"];
    args.extend_from_slice(extra);
    let (code, stdout, stderr) = duibiao(&args);
    assert_eq!(code, 0, "{file}: {stderr}");
    serde_json::from_str(&stdout).expect("JSON report")
}

/// (as_written, region) → status for the reporting year, for rows found in the file.
fn statuses(report: &Value) -> BTreeMap<(String, String), String> {
    let year = report["reporting_year"].as_i64().unwrap();
    report["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["year"].as_i64() == Some(year) && r["as_written"].is_string())
        .map(|r| {
            let key = (
                r["as_written"].as_str().unwrap().to_string(),
                r["region"].as_str().unwrap_or("").to_string(),
            );
            (key, r["status"].as_str().unwrap().to_string())
        })
        .collect()
}

fn expect(rows: &[(&str, &str, &str)]) -> BTreeMap<(String, String), String> {
    rows.iter()
        .map(|(label, region, status)| {
            ((label.to_string(), region.to_string()), status.to_string())
        })
        .collect()
}

fn kecheng_2023() -> BTreeMap<(String, String), String> {
    expect(&[
        // 9.6 against <9.5; the 2020 value 7.06 already met it, so it has slipped back.
        ("严重致残的出生缺陷发生率（‰）", "柯城区", "behind"),
        // 0.8 → 1: the 2023 point of the line is exactly 0.92.
        ("千名儿童儿科执业（助理）医师数", "柯城区", "on_track"),
        // 2.94 → 4.5: 2023 should be at least 3.876; 3.6 is short.
        ("每千人口拥有3岁以下婴幼儿托位数", "柯城区", "behind"),
        // 10.5 → <8.78: 2023 should be at most 9.468; 9.0 is better.
        ("儿童伤害死亡率", "柯城区", "on_track"),
        ("普惠性幼儿园覆盖率", "柯城区", "met"),
        ("学前三年毛入园率", "柯城区", "met"),
        // 98.9 against ≥98.9: equal meets it.
        ("高中阶段毛入学率", "柯城区", "met"),
        // 50 → 100: 2023 should be at least 80; 83.3.
        ("未成年人救助保护中心实体化运行率", "柯城区", "on_track"),
        ("获得法律机构援助的未成年人数", "柯城区", "review"),
        // 逐年增加: 590 in 2023 is below 600 in 2022.
        ("残疾儿童康复救助人数", "柯城区", "not_met"),
        // 90.1 → 100: 2023 should be at least 96.04; 96.5.
        ("乡镇（街道）建有示范型儿童之家的比例", "柯城区", "on_track"),
        ("建立儿童活动中心的县（市、区）比例", "柯城区", "missing"),
    ])
}

#[test]
fn a_long_submission_in_every_format_gets_the_hand_worked_statuses() {
    for file in [
        "long-kecheng-2023.xlsx",
        "long-kecheng-2023-lo.xlsx",
        "long-kecheng-2023.xls",
        "long-kecheng-2023.ods",
        "long-kecheng-2023-gbk.csv",
        "long-kecheng-2023-utf8bom.csv",
        "bad/utf16-bom.csv",
        "multi-sheet.xlsx",
    ] {
        let report = report(file, &[]);
        assert_eq!(report["reporting_year"], 2023, "{file}");
        assert_eq!(statuses(&report), kecheng_2023(), "{file}");
        let unmatched: Vec<&str> = report["unmatched"]
            .as_array()
            .unwrap()
            .iter()
            .map(|u| u["as_written"].as_str().unwrap())
            .collect();
        assert_eq!(unmatched, ["全市常住人口"], "{file}");
    }
}

#[test]
fn the_report_keeps_the_contract_fields() {
    let report = report("long-kecheng-2023.xlsx", &[]);
    assert_eq!(report["source"]["file"], "long-kecheng-2023.xlsx");
    assert_eq!(report["source"]["sheet"], "监测表");
    assert_eq!(report["source"]["sha256"].as_str().unwrap().len(), 64);
    assert_eq!(report["plan"]["id"], "quzhou-children-2021-2025");
    let injury = report["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["indicator_id"] == "child_injury_mortality" && r["year"] == 2023)
        .unwrap();
    assert_eq!(injury["indicator"], "儿童伤害死亡率");
    assert_eq!(injury["as_written"], "儿童伤害死亡率");
    assert_eq!(injury["region"], "柯城区");
    assert_eq!(injury["cell"], "F8");
    assert_eq!(injury["value"], 9.0);
    assert_eq!(injury["unit"], "1/10万");
    assert_eq!(injury["target"]["op"], "<");
    assert_eq!(injury["target"]["value"], 8.78);
    assert_eq!(injury["target"]["year"], 2025);
    assert_eq!(injury["target"]["text"], "<8.78/10万");
    assert_eq!(injury["status"], "on_track");
    assert_eq!(injury["gap"], 0.22);
    assert_eq!(injury["expected_on_path"], 9.468);
    assert_eq!(injury["trend"], "improving");
    assert_eq!(injury["match"]["method"], "exact");
    assert!(injury["reason"].as_str().unwrap().contains("9.468"));
    assert!(injury["reason"].as_str().unwrap().starts_with("进度正常："));
    assert_eq!(injury["gap_words"], "还差 0.22/10万");
    assert_eq!(injury["gap_words_en"], "0.22/10万 short");
    assert_eq!(report["year_outside_period"], false);
    let unmatched = &report["unmatched"][0];
    assert_eq!(
        (unmatched["as_written"].as_str(), unmatched["cell"].as_str()),
        (Some("全市常住人口"), Some("B17"))
    );
    assert_eq!(unmatched["why_words"], "没有足够接近的规划指标");
    assert_eq!(unmatched["candidates"].as_array().map(Vec::len), Some(0));
    // An indicator the file never mentions has no rows: it is listed once, and counted.
    assert!(report["results"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["indicator_id"] != "infant_mortality"));
    let not_in_file = report["not_in_file"].as_array().unwrap();
    assert!(not_in_file
        .iter()
        .any(|i| i["indicator_id"] == "infant_mortality" && i["indicator"] == "婴儿死亡率"));
    assert_eq!(report["summary"]["not_in_file"], not_in_file.len());
    let sheet = &report["source"]["sheets_read"][0];
    assert_eq!(sheet["name"], report["source"]["sheet"]);
    assert_eq!(sheet["columns"][1]["role"], "name");
}

#[test]
fn the_csv_report_is_in_chinese_words_unless_codes_are_asked_for() {
    let dir = std::env::temp_dir();
    let path = fixture("long-kecheng-2023.xlsx");
    let injury_row = |codes: bool| {
        let out = dir.join(format!("duibiao-csv-{}-{codes}.csv", std::process::id()));
        let out_arg = out.display().to_string();
        let mut args = vec!["check", path.as_str(), "--out", out_arg.as_str()];
        if codes {
            args.push("--csv-codes");
        }
        let (code, _, stderr) = duibiao(&args);
        assert_eq!(code, 0, "{stderr}");
        let text = std::fs::read_to_string(&out).unwrap();
        let _ = std::fs::remove_file(&out);
        let row = text
            .lines()
            .find(|l| l.starts_with("child_injury_mortality,") && l.contains(",2023,"));
        row.unwrap().to_string()
    };
    let words = injury_row(false);
    assert!(
        words.contains(",/10万,") && words.contains(",进度正常,"),
        "{words}"
    );
    assert!(words.contains(",较上期改善,"), "{words}");
    let codes = injury_row(true);
    assert!(
        codes.contains(",on_track,") && codes.contains(",improving,"),
        "{codes}"
    );
    let (_, help, _) = duibiao(&["--help"]);
    assert!(help.contains("--csv-codes"));
}

#[test]
fn regions_as_columns_are_judged_per_region_from_the_plans_city_base() {
    let expected = expect(&[
        // <8.78 from the city's 10.5: 2023 should be at most 9.468.
        ("儿童伤害死亡率（1/10万）", "柯城区", "on_track"),
        ("儿童伤害死亡率（1/10万）", "衢江区", "behind"),
        ("儿童伤害死亡率（1/10万）", "江山市", "met"),
        ("儿童伤害死亡率（1/10万）", "全市", "on_track"),
        // ≥90, already met by the 2020 base 96.95: 89.0 has slipped back.
        ("普惠性幼儿园覆盖率（%）", "柯城区", "met"),
        ("普惠性幼儿园覆盖率（%）", "衢江区", "behind"),
        ("普惠性幼儿园覆盖率（%）", "江山市", "met"),
        ("普惠性幼儿园覆盖率（%）", "全市", "met"),
        // ≥98.9 from 98: 2023 should be at least 98.54.
        ("高中阶段毛入学率（%）", "柯城区", "met"),
        ("高中阶段毛入学率（%）", "衢江区", "behind"),
        ("高中阶段毛入学率（%）", "江山市", "met"),
        ("高中阶段毛入学率（%）", "全市", "on_track"),
        // ≥100 from 50: at least 80.
        (
            "未成年人救助保护中心实体化运行率（%）",
            "柯城区",
            "on_track",
        ),
        ("未成年人救助保护中心实体化运行率（%）", "衢江区", "behind"),
        ("未成年人救助保护中心实体化运行率（%）", "江山市", "met"),
        ("未成年人救助保护中心实体化运行率（%）", "全市", "on_track"),
        // ≥100 from 90.1: at least 96.04; "/" is no data.
        (
            "乡镇（街道）建有示范型儿童之家的比例（%）",
            "柯城区",
            "on_track",
        ),
        (
            "乡镇（街道）建有示范型儿童之家的比例（%）",
            "衢江区",
            "behind",
        ),
        (
            "乡镇（街道）建有示范型儿童之家的比例（%）",
            "江山市",
            "missing",
        ),
        (
            "乡镇（街道）建有示范型儿童之家的比例（%）",
            "全市",
            "behind",
        ),
    ]);
    for (file, year_source) in [
        ("wide-regions-2023.xls", Value::from("title")),
        ("wide-regions-2023.xlsx", Value::from("title")),
        // Here 2023年 is a merged header over the regions, not only in the title.
        ("wide-merged-header-2023.xlsx", Value::Null),
    ] {
        let report = report(file, &[]);
        assert_eq!(
            report["regions"],
            serde_json::json!(["柯城区", "衢江区", "江山市", "全市"]),
            "{file}"
        );
        assert_eq!(report["source"]["year_source"], year_source, "{file}");
        assert_eq!(statuses(&report), expected, "{file}");
    }
}

#[test]
fn awkward_values_are_read_or_sent_to_review() {
    let cached = statuses(&report("values-forms-cached.xlsx", &[]));
    let expected = expect(&[
        ("婴儿死亡率", "", "met"), // "４．５‰": full-width digits, unit in the cell
        ("5岁以下儿童死亡率", "", "met"), // "<6" settles ≤6
        ("0—6岁儿童健康管理率", "", "met"), // 0.961 shown as 96.1% by its number format
        ("新生儿访视率", "", "met"), // "96.5%" as text
        ("12岁儿童龋患率", "", "met"), // =20+3 with its saved result 23
        ("3岁以下婴幼儿健康管理率", "", "review"), // #DIV/0!
        ("纯母乳喂养率", "", "missing"), // 暂无
        // "1,234": read with its thousands separator, and a % above 100 cannot be right.
        ("中医药健康管理服务覆盖率", "", "review"),
    ]);
    assert_eq!(cached, expected);
    let uncached = statuses(&report("values-forms.xlsx", &[]));
    assert_eq!(
        uncached[&("12岁儿童龋患率".to_string(), String::new())],
        "review",
        "a formula with no saved result is not 0"
    );
}

#[test]
fn unreadable_files_exit_2_with_one_plain_line() {
    let cases = [
        ("bad/empty.xlsx", "空的"),
        ("bad/random.xlsx", "不是电子表格"),
        ("bad/image.png.xlsx", "PNG 图片"),
        ("bad/word.docx.xlsx", "Word 文档"),
        ("bad/truncated.xlsx", "损坏"),
        ("bad/encrypted.xlsx", "密码"),
        ("bad/header-only.xlsx", "没有数据"),
        ("bad/bomb.xlsx", "200.0 MB"),
        ("bad/bomb-lying.xlsx", "声明的大小"),
        ("bad/not-utf8-not-gbk.csv", "编码"),
    ];
    for (file, words) in cases {
        let path = fixture(file);
        let (code, stdout, stderr) = duibiao(&["check", &path]);
        assert_eq!(code, 2, "{file}: {stdout}");
        assert_eq!(
            stderr.trim_end().lines().count(),
            1,
            "{file}: one line: {stderr}"
        );
        assert!(stderr.contains(words), "{file}: {stderr}");
        assert!(
            stderr.contains(file.rsplit('/').next().unwrap()),
            "{file}: the message names the file: {stderr}"
        );
    }
}

#[test]
fn the_year_comes_from_the_user_when_nothing_names_it() {
    let dir = std::env::temp_dir().join(format!("duibiao-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("汇总.csv");
    std::fs::write(&file, "指标名称,柯城区,衢江区\n儿童伤害死亡率,9.0,9.7\n").unwrap();
    let path = file.to_str().unwrap();
    let (code, _, stderr) = duibiao(&["check", path]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--year"), "{stderr}");
    let (code, stdout, stderr) = duibiao(&["check", path, "--year", "2024", "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["reporting_year"], 2024);
    assert_eq!(report["source"]["year_source"], "chosen");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_sheet_can_be_chosen_and_a_wrong_one_is_named() {
    let report = report("multi-sheet.xlsx", &["--sheet", "数据"]);
    assert_eq!(report["source"]["sheet"], "数据");
    assert_eq!(
        report["source"]["sheets"],
        serde_json::json!(["说明", "数据", "附表"])
    );
    let path = fixture("multi-sheet.xlsx");
    let (code, _, stderr) = duibiao(&["check", &path, "--sheet", "说明"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("说明") && stderr.contains("指标"),
        "{stderr}"
    );
    let (code, _, stderr) = duibiao(&["check", &path, "--sheet", "无此表"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("无此表") && stderr.contains("数据"),
        "{stderr}"
    );
}

#[test]
fn the_plan_command_prints_the_catalogue_and_a_bad_plan_file_is_named() {
    let (code, stdout, _) = duibiao(&["plan", "--format", "json"]);
    assert_eq!(code, 0);
    let plan: Value = serde_json::from_str(&stdout).unwrap();
    let first = &plan["indicators"][0];
    for field in [
        "id", "domain", "name", "aliases", "unit", "baseline", "target", "kind", "source", "notes",
    ] {
        assert!(first.get(field).is_some(), "indicator field {field}");
    }
    let (code, stdout, _) = duibiao(&["plan"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("婴儿死亡率"));

    let dir = std::env::temp_dir().join(format!("duibiao-plan-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("plan.json");
    std::fs::write(
        &bad,
        stdout_plan_with(&plan, |p| p["indicators"][2]["domain"] = "nowhere".into()),
    )
    .unwrap();
    let (code, _, stderr) = duibiao(&["plan", "--plan", bad.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("第 3 个指标") && stderr.contains("domain"),
        "{stderr}"
    );

    // A plan file with other targets changes the verdict.
    let strict = dir.join("strict.json");
    std::fs::write(
        &strict,
        stdout_plan_with(&plan, |p| {
            for indicator in p["indicators"].as_array_mut().unwrap() {
                if indicator["id"] == "inclusive_kindergarten_coverage" {
                    indicator["target"]["value"] = 98.into();
                    indicator["source"]["quote"] = "98".into();
                    indicator["target"]["text"] = "98".into();
                }
            }
        }),
    )
    .unwrap();
    let with_plan = report(
        "long-kecheng-2023.xlsx",
        &["--plan", strict.to_str().unwrap()],
    );
    // ≥98 from the file's 96.95: 2023 should be at least 97.58, and 97.5 is short of it.
    assert_eq!(
        statuses(&with_plan)[&("普惠性幼儿园覆盖率".to_string(), "柯城区".to_string())],
        "behind"
    );
    std::fs::remove_dir_all(&dir).ok();
}

fn stdout_plan_with(plan: &Value, change: impl FnOnce(&mut Value)) -> String {
    let mut plan = plan.clone();
    change(&mut plan);
    serde_json::to_string(&plan).unwrap()
}

#[test]
fn a_reader_that_stops_early_ends_the_program_quietly() {
    // `duibiao check big.csv | head`: the pipe closes while the report is being printed.
    let mut csv = String::from("指标名称,2023年\n");
    for i in 0..5_000 {
        csv.push_str(&format!("本县其他统计{i},1\n"));
    }
    let path = std::env::temp_dir().join(format!("duibiao-pipe-{}.csv", std::process::id()));
    std::fs::write(&path, csv).unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_duibiao"))
        .args(["check", path.to_str().unwrap()])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Closing our end of the pipe is what `| head` does once it has read enough.
    child.stdout = None;
    let out = child.wait_with_output().unwrap();
    let _ = std::fs::remove_file(&path);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
}

/// Writes `text` as GBK into a fresh file under the system's temp folder.
fn gbk_file(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("duibiao-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp folder");
    let path = dir.join(name);
    std::fs::write(&path, encoding_rs::GBK.encode(text).0).expect("write the file");
    path
}

#[test]
fn a_township_breakdown_is_read_town_by_town() {
    // As a county office exports it: towns and 街道 as rows, indicator names over years.
    let file = gbk_file(
        "常山县各乡镇2023.csv",
        "常山县各乡镇（街道）儿童发展主要指标,,,,\r\n\
         乡镇（街道）,婴儿死亡率（‰）,,儿童伤害死亡率（1/10万）,\r\n\
         ,2022年,2023年,2022年,2023年\r\n\
         天马街道,3.1,2.8,9.9,8.1\r\n\
         球川镇,4.2,5.6,10.2,9.0\r\n\
         何家乡,2.0,—,7.5,7.1\r\n",
    );
    let path = file.to_string_lossy().into_owned();
    let (code, stdout, stderr) = duibiao(&["check", &path, "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["source"]["layout"], "regions_by_indicators");
    assert_eq!(
        report["regions"],
        serde_json::json!(["天马街道", "球川镇", "何家乡"])
    );
    assert_eq!(report["check_kind"], "midterm");
    let status = |id: &str, region: &str| {
        report["results"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["indicator_id"] == id && r["region"] == region && r["year"] == 2023)
            .map(|r| r["status"].as_str().unwrap_or_default().to_string())
            .unwrap_or_default()
    };
    assert_eq!(status("infant_mortality", "天马街道"), "met", "2.8 ≤ 5‰");
    assert_eq!(
        status("infant_mortality", "球川镇"),
        "behind",
        "5.6 > 5‰ before 2025"
    );
    assert_eq!(status("infant_mortality", "何家乡"), "missing", "—");
    // 8.1 against <8.78 from the city's 10.5 in 2020: met.
    assert_eq!(status("child_injury_mortality", "天马街道"), "met");
    assert!(report["unmatched"].as_array().unwrap().is_empty());
}

#[test]
fn another_plans_period_regions_and_cycle_reach_the_report_and_the_table() {
    let plan = fixture("plans/test-city-2026-2030.json");
    let file = gbk_file(
        "测试市2028.csv",
        "测试市2028年各县（市、区）儿童发展指标\r\n\
         指标名称,上城,拱墅区,建德市\r\n\
         婴儿死亡率（‰）,2.9,3.5,4.6\r\n",
    );
    let path = file.to_string_lossy().into_owned();
    let (code, stdout, stderr) = duibiao(&["check", &path, "--plan", &plan, "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["plan"]["id"], "test-city-2026-2030");
    assert_eq!(report["plan"]["baseline_year"], 2025);
    assert_eq!(report["plan"]["period"]["end"], 2030);
    assert_eq!(report["reporting_year"], 2028);
    assert_eq!(report["check_kind"], "midterm");
    assert_eq!(
        report["regions"],
        serde_json::json!(["上城区", "拱墅区", "建德市"])
    );
    let row = |region: &str| {
        report["results"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["indicator_id"] == "infant_mortality" && r["region"] == region)
            .cloned()
            .unwrap()
    };
    // 4.5 in 2025 → ≤3 in 2030: the 2028 point is 4.5 − 1.5 × 3/5 = 3.6.
    assert_eq!(row("上城区")["status"], "met");
    assert_eq!(row("拱墅区")["status"], "on_track");
    assert_eq!(row("拱墅区")["expected_on_path"], 3.6);
    assert_eq!(row("建德市")["status"], "behind");
    assert_eq!(row("建德市")["target"]["year"], 2030);
    let (code, table, _) = duibiao(&["check", &path, "--plan", &plan]);
    assert_eq!(code, 0);
    assert!(table.contains("(2026–2030)"), "{table}");
    assert!(
        table.contains("2028 中期评估 mid-term evaluation"),
        "{table}"
    );
}

#[test]
fn a_numeral_too_long_for_a_float_is_sent_to_review_with_the_reason() {
    // 400 digits parse to +inf; the figure must not become a gap of inf or a "met".
    let path = std::env::temp_dir().join(format!("duibiao-huge-{}.csv", std::process::id()));
    let huge = "9".repeat(400);
    std::fs::write(
        &path,
        format!("指标名称,2023年\n婴儿死亡率,{huge}\n孕产妇死亡率,8.5\n"),
    )
    .unwrap();
    let (code, stdout, stderr) = duibiao(&["check", path.to_str().unwrap(), "--format", "json"]);
    let _ = std::fs::remove_file(&path);
    assert_eq!(code, 0, "{stderr}");
    let report: Value = serde_json::from_str(&stdout).unwrap();
    let row = report["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["as_written"] == "婴儿死亡率")
        .expect("the row is matched");
    assert_eq!(row["status"], "review", "{row}");
    assert!(row["value"].is_null(), "{row}");
    assert!(row["reason"].as_str().unwrap().contains("有限"), "{row}");
    assert!(
        row["reason_en"].as_str().unwrap().contains("finite"),
        "{row}"
    );
}

#[test]
fn a_folder_or_a_vanished_file_is_named_unreadable_never_empty() {
    let dir = std::env::temp_dir().join(format!("duibiao-folder-{}.xlsx", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let gone = std::env::temp_dir().join(format!("duibiao-gone-{}.xlsx", std::process::id()));
    for path in [&dir, &gone] {
        let (code, stdout, stderr) = duibiao(&["check", path.to_str().unwrap()]);
        assert_eq!(code, 2, "{stdout}");
        assert_eq!(stderr.trim_end().lines().count(), 1, "{stderr}");
        assert!(stderr.contains("无法读取文件"), "{stderr}");
        assert!(stderr.contains("could not be read"), "{stderr}");
        assert!(
            !stderr.contains("空的") && !stderr.contains("empty"),
            "{stderr}"
        );
        let name = path.file_name().unwrap().to_str().unwrap();
        assert!(
            stderr.contains(name),
            "the message names the file: {stderr}"
        );
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_file_over_the_size_cap_is_refused_from_its_size_before_it_is_read() {
    // 1 TiB, sparse: set_len writes nothing. Read whole first, it could never be refused.
    let path = std::env::temp_dir().join(format!("duibiao-sparse-{}.csv", std::process::id()));
    std::fs::File::create(&path)
        .unwrap()
        .set_len(1 << 40)
        .unwrap();
    let (code, stdout, stderr) = duibiao(&["check", path.to_str().unwrap()]);
    let _ = std::fs::remove_file(&path);
    assert_eq!(code, 2, "{stdout}");
    assert!(stderr.contains("超过上限 50.0 MB"), "{stderr}");
    assert!(stderr.contains("over the limit of 50.0 MB"), "{stderr}");
    assert!(stderr.contains(path.file_name().unwrap().to_str().unwrap()));
}

/// (as_written, region, year) → value of every figure the report read.
fn figures(report: &Value) -> BTreeMap<(String, String, i64), String> {
    report["results"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["value"].is_number())
        .map(|r| {
            let key = (
                r["as_written"].as_str().unwrap().to_string(),
                r["region"].as_str().unwrap_or("").to_string(),
                r["year"].as_i64().unwrap(),
            );
            (key, r["value"].to_string())
        })
        .collect()
}

/// The 24 facts every file of tests/fixtures/shapes holds (or a part of).
fn shape_facts() -> BTreeMap<(String, String, i64), String> {
    let text = std::fs::read_to_string(fixture("shapes/facts.json")).unwrap();
    let facts: Value = serde_json::from_str(&text).unwrap();
    facts
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let key = (
                f["indicator"].as_str().unwrap().to_string(),
                f["region"].as_str().unwrap().to_string(),
                f["year"].as_i64().unwrap(),
            );
            (key, f["value"].to_string())
        })
        .collect()
}

#[test]
fn two_year_columns_that_disagree_are_asked_about_then_read_as_the_user_says() {
    let file = "shapes/bad/two-year-columns-disagree.xlsx";
    let path = fixture(file);
    let (code, stdout, stderr) = duibiao(&["check", &path]);
    assert_eq!(code, 2, "{stdout}");
    assert_eq!(stderr.trim_end().lines().count(), 1, "one line: {stderr}");
    // 年份 is C, 统计年度 D: the message names both, says how to answer and with which words.
    for words in [
        "Sheet1", "C 列", "D 列", "column C", "column D", "--column", "ignored",
    ] {
        assert!(stderr.contains(words), "{words}: {stderr}");
    }

    // 数值 holds the figures of the 年份 year: with 统计年度 left out, every fact as it is.
    let report = report(file, &["--column", "Sheet1!D=ignored"]);
    assert_eq!(figures(&report), shape_facts());
    let columns = &report["source"]["sheets_read"][0]["columns"];
    assert_eq!(columns[3]["column"], "D");
    assert_eq!(columns[3]["role"], "ignored");
    assert_eq!(columns[3]["by"], "chosen");
    assert_eq!(columns[2]["role"], "year");

    // Its one sheet need not be named; a quoted name as in an Excel reference is the same sheet.
    for choice in ["D=ignored", "'Sheet1'!d=IGNORED"] {
        assert_eq!(
            figures(&self::report(file, &["--column", choice])),
            shape_facts(),
            "{choice}"
        );
    }

    // A CSV file's one sheet is `CSV`, named or not.
    for choice in ["CSV!D=ignored", "D=ignored"] {
        let report = self::report("shapes/tidy-system-export-gbk.csv", &["--column", choice]);
        let column = &report["source"]["sheets_read"][0]["columns"][3];
        assert_eq!(
            (&column["header"], &column["role"]),
            (&"计量单位".into(), &"ignored".into())
        );
        assert_eq!(figures(&report).len(), 24, "{choice}");
    }
}

#[test]
fn a_sheets_year_and_region_can_be_given_and_a_sheet_left_out() {
    // The 2023 file's figures, read as 2022 (the year the user gives wins over the file name's).
    let report = report(
        "shapes/region-year-files/开化县儿童发展监测表-2023.xlsx",
        &["--sheet-year", "开化县=2022"],
    );
    assert_eq!(report["years"], serde_json::json!([2022]));
    assert_eq!(report["reporting_year"], 2022);
    let sheet = &report["source"]["sheets_read"][0];
    assert_eq!(
        (&sheet["year"], &sheet["year_source"]),
        (&2022.into(), &"chosen".into())
    );
    let expected: BTreeMap<_, _> = shape_facts()
        .into_iter()
        .filter(|((_, region, year), _)| region == "开化县" && *year == 2023)
        .map(|((name, region, _), value)| ((name, region, 2022), value))
        .collect();
    assert_eq!(figures(&report), expected);

    // Two options for one sheet make one choice: both hold.
    let report = self::report(
        "shapes/region-year-files/开化县儿童发展监测表-2023.xlsx",
        &[
            "--sheet-region",
            "开化县=柯城区",
            "--sheet-year",
            "开化县=2022年",
        ],
    );
    assert_eq!(report["regions"], serde_json::json!(["柯城区"]));
    assert_eq!(report["years"], serde_json::json!([2022]));
    assert_eq!(
        report["source"]["sheets_read"][0]["region_source"],
        "chosen"
    );

    let report = self::report("shapes/sheet-per-county.xlsx", &["--skip-sheet", "衢江区"]);
    assert_eq!(report["regions"], serde_json::json!(["柯城区", "开化县"]));
    let skipped = report["source"]["sheets_skipped"].as_array().unwrap();
    assert!(
        skipped.contains(&serde_json::json!({"name": "衢江区", "why": "chosen"})),
        "{skipped:?}"
    );
    let read: Vec<&str> = report["source"]["sheets_read"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(read, ["柯城区", "开化县"]);
}

#[test]
fn a_malformed_correction_exits_2_with_one_line_naming_what_is_wrong() {
    let two_years = fixture("shapes/bad/two-year-columns-disagree.xlsx");
    let counties = fixture("shapes/sheet-per-county.xlsx");
    let random = fixture("bad/random.xlsx");
    let roles = "name, region, year, value, unit, target, notes, row_number, ignored";
    let cases: [(&str, &[&str], &[&str]); 10] = [
        (
            &two_years,
            &["--column", "Sheet1!D=skip"],
            &["skip", "未知用途", roles],
        ),
        (
            &two_years,
            &["--column", "Sheet1!4=ignored"],
            &["“4”", "column letter"],
        ),
        (
            &two_years,
            &["--column", "Sheet1!XFE=ignored"],
            &["XFE", "column letter"],
        ),
        (&two_years, &["--column", "Sheet1!D"], &["SHEET!COL=ROLE"]),
        // A sheet the file does not have would be a choice dropped without a word.
        (
            &two_years,
            &["--column", "Shet1!D=ignored"],
            &["Shet1", "Sheet1"],
        ),
        // Several sheets: which one is not guessed.
        (
            &counties,
            &["--column", "C=ignored"],
            &["SHEET!COL=ROLE", "柯城区, 衢江区"],
        ),
        (
            &counties,
            &["--sheet-year", "柯城区=二〇二二"],
            &["二〇二二", "year"],
        ),
        (&counties, &["--sheet-region", "柯城区"], &["SHEET=REGION"]),
        (
            &counties,
            &["--skip-sheet", "衢州区"],
            &["衢州区", "衢江区"],
        ),
        // A file that cannot be read says so, whatever was chosen for it.
        (
            &random,
            &["--column", "C=ignored"],
            &["random.xlsx", "不是电子表格"],
        ),
    ];
    for (path, extra, words) in cases {
        let mut args = vec!["check", path];
        args.extend_from_slice(extra);
        let (code, stdout, stderr) = duibiao(&args);
        assert_eq!(code, 2, "{extra:?}: {stdout}");
        assert_eq!(stderr.trim_end().lines().count(), 1, "{extra:?}: {stderr}");
        for word in words {
            assert!(stderr.contains(word), "{extra:?} → {word}: {stderr}");
        }
    }
}

#[test]
fn the_table_ends_with_how_each_sheet_was_read_and_what_the_file_leaves_out() {
    let path = fixture("shapes/sheet-per-county.xlsx");
    let (code, stdout, stderr) = duibiao(&["check", &path]);
    assert_eq!(code, 0, "{stderr}");
    let report = report("shapes/sheet-per-county.xlsx", &[]);
    let lines: Vec<&str> = stdout.lines().collect();
    let sheet_lines: Vec<&str> = lines
        .iter()
        .copied()
        .filter(|l| l.starts_with("工作表 Sheet "))
        .collect();
    assert_eq!(sheet_lines.len(), 3, "{stdout}");
    assert!(
        sheet_lines[0].starts_with("工作表 Sheet 柯城区: "),
        "{stdout}"
    );
    for words in [
        "header row 1",
        "region 柯城区 (sheet name)",
        "A 指标名称 → name",
        "B 计量单位 → unit",
        "C 2022年 → value 2022",
        "D 2023年 → value 2023",
    ] {
        assert!(
            sheet_lines[0].contains(words),
            "{words}: {}",
            sheet_lines[0]
        );
    }
    assert!(
        stdout.contains(
            "未读取的工作表 Sheets not read: 说明 (not_a_table), 旧数据 (hidden), Sheet3 (empty)"
        ),
        "{stdout}"
    );
    let not_in_file = report["not_in_file"].as_array().unwrap();
    assert!(!not_in_file.is_empty());
    assert!(
        stdout.contains(&format!(
            "文件未涉及的指标 Not in the file: {}",
            not_in_file.len()
        )),
        "{stdout}"
    );
    for indicator in not_in_file {
        assert!(
            stdout.contains(indicator["indicator"].as_str().unwrap()),
            "{indicator}"
        );
    }
    // The lines come after the table.
    let last_row = lines.iter().rposition(|l| l.starts_with("met ")).unwrap();
    let first_sheet = lines
        .iter()
        .position(|l| l.starts_with("工作表 Sheet "))
        .unwrap();
    assert!(first_sheet > last_row, "{stdout}");

    // A year from the file name and a column chosen say so.
    let path = fixture("shapes/region-year-files/开化县儿童发展监测表-2023.xlsx");
    let (_, stdout, _) = duibiao(&["check", &path]);
    assert!(
        stdout.contains("工作表 Sheet 开化县: ") && stdout.contains("year 2023 (file name)"),
        "{stdout}"
    );
    let path = fixture("shapes/bad/two-year-columns-disagree.xlsx");
    let (_, stdout, _) = duibiao(&["check", &path, "--column", "Sheet1!D=ignored"]);
    assert!(stdout.contains("D 统计年度 → ignored (chosen)"), "{stdout}");
}

#[test]
fn a_slip_is_review_until_its_cell_is_confirmed() {
    let file = gbk_file(
        "草稿2023.csv",
        "指标名称,2022年,2023年\r\n千名儿童儿科执业(助理)医师数,0.9,95\r\n婴儿死亡率,2.6,2.5\r\n",
    );
    let path = file.to_string_lossy().into_owned();
    let row_of = |report: &Value| {
        report["results"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["indicator_id"] == "pediatricians_per_1000_children" && r["year"] == 2023)
            .cloned()
            .unwrap()
    };
    let (code, stdout, stderr) = duibiao(&["check", &path, "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    let report: Value = serde_json::from_str(&stdout).unwrap();
    let slip = row_of(&report);
    assert_eq!(slip["status"], "review");
    assert_eq!(slip["status_if_confirmed"], "met");
    assert_eq!(slip["flags"][0]["rule"], "jump");
    assert_eq!(slip["flags"][0]["severity"], "implausible");
    assert!(slip["flags"][0]["reason"]
        .as_str()
        .unwrap()
        .contains("可能漏了小数点"));
    assert!(slip["flags"][0]["reason_en"]
        .as_str()
        .unwrap()
        .contains("decimal point"));
    assert_eq!(report["summary"]["flagged"], 1);
    let clean = report["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["indicator_id"] == "infant_mortality")
        .unwrap();
    assert_eq!(clean["flags"], serde_json::json!([]));

    let (code, table, _) = duibiao(&["check", &path]);
    assert_eq!(code, 0);
    assert!(
        table.contains("待核对"),
        "the table says what to check:\n{table}"
    );

    let (code, stdout, stderr) =
        duibiao(&["check", &path, "--format", "json", "--confirm", "C2=95"]);
    assert_eq!(code, 0, "{stderr}");
    let confirmed = row_of(&serde_json::from_str(&stdout).unwrap());
    assert_eq!(confirmed["status"], "met");
    assert_eq!(confirmed["confirmed"], true);
    assert_eq!(confirmed["status_if_confirmed"], Value::Null);

    let (code, _, stderr) = duibiao(&["check", &path, "--confirm", "C2"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("--confirm C2") && stderr.lines().count() == 1,
        "{stderr}"
    );
}

#[test]
fn a_plan_whose_checks_are_wrong_is_used_without_them_and_says_which() {
    let dir = std::env::temp_dir().join(format!("duibiao-checks-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (_, stdout, _) = duibiao(&["plan", "--format", "json"]);
    let plan: Value = serde_json::from_str(&stdout).unwrap();
    let text = stdout_plan_with(&plan, |plan| {
        let relations = plan["checks"]["relations"].as_array_mut().unwrap();
        relations.push(serde_json::json!(
            {"indicators": ["infant_mortality", "neonatal_mortality"], "reason": "反了"}));
        relations.push(serde_json::json!(
            {"indicators": ["infant_mortality", "no_such_indicator"], "reason": "未知"}));
        plan["checks"]["ranges"][0]["min"] = serde_json::json!(200);
    });
    let plan_path = dir.join("plan.json");
    std::fs::write(&plan_path, text).unwrap();
    let file = gbk_file(
        "死亡率2023.csv",
        "指标名称,2023年\r\n新生儿死亡率,1.8\r\n婴儿死亡率,2.5\r\n",
    );
    let (code, stdout, stderr) = duibiao(&[
        "check",
        file.to_str().unwrap(),
        "--plan",
        plan_path.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 0, "{stderr}");
    for named in ["relations 第 2 条", "relations 第 3 条", "ranges 第 1 条"] {
        assert!(stderr.contains(named), "{named} in:\n{stderr}");
    }
    let report: Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(
        report["summary"]["counts"][0]["count"], 2,
        "both met: the plan's targets are all there"
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// `plan draft FILE --format json --out PLAN.json`: the plan file on stdout and in PLAN.json,
/// the review's questions on stderr; `check --plan PLAN.json` then checks a submission with it.
#[test]
fn a_drafted_plan_file_checks_a_submission() {
    let source = format!(
        "{}/tests/source/quzhou-plan-notice-2021.txt",
        env!("CARGO_MANIFEST_DIR")
    );
    let out = std::env::temp_dir().join(format!("duibiao-drafted-{}.json", std::process::id()));
    let out_path = out.to_string_lossy().into_owned();
    let (code, stdout, stderr) = duibiao(&[
        "plan", "draft", &source, "--format", "json", "--out", &out_path,
    ]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("regions"),
        "the region is asked for: {stderr}"
    );
    let printed: Value = serde_json::from_str(&stdout).expect("the plan file as JSON");
    let written: Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("written")).expect("JSON");
    assert_eq!(printed, written);
    assert!(written["excluded"]
        .as_array()
        .is_some_and(|e| !e.is_empty()));
    let sample = format!(
        "{}/static/plans/samples/kecheng-2023.xlsx",
        env!("CARGO_MANIFEST_DIR")
    );
    let (code, stdout, stderr) =
        duibiao(&["check", &sample, "--plan", &out_path, "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    let report: Value = serde_json::from_str(&stdout).expect("report");
    assert!(report["results"].as_array().is_some_and(|r| r.len() >= 8));
    let _ = std::fs::remove_file(&out);
    // A PDF is refused with what to do, exit 2.
    let pdf = std::env::temp_dir().join(format!("duibiao-plan-{}.pdf", std::process::id()));
    std::fs::write(&pdf, b"%PDF-1.7\n").expect("write");
    let (code, _, stderr) = duibiao(&["plan", "draft", &pdf.to_string_lossy()]);
    assert_eq!(code, 2);
    assert!(stderr.contains(".docx"), "{stderr}");
    let _ = std::fs::remove_file(&pdf);
}
