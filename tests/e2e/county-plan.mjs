// A small county plan's text and a submission against it, for the drafter's journeys
// (drafter.test.mjs, and kernels.test.mjs on each browser kernel). Written for these tests: a
// 分别 sentence (two targets), a 达到…以上, a 保持在…以上, a row of a key-indicator table, and a
// sentence the drafter leaves out (a 2020 value).

export const COUNTY_PLAN_TEXT = [
  '青溪县儿童发展规划（2021—2025年）',
  '一、主要目标',
  '(一)儿童与健康',
  '1.婴儿死亡率和5岁以下儿童死亡率分别控制在4.5‰和6.0‰以下。',
  '2.中小学生体质健康达标率达到92%以上。',
  '(二)儿童与教育',
  '3.学前教育毛入园率保持在97%以上。',
  '2020年全县义务教育巩固率为99.2%。',
  '附表 主要指标',
  '序号\t指标\t2020年\t2025年',
  '1\t普惠性幼儿园覆盖率(%)\t85\t≥90',
].join('\n');

export const COUNTY_PLAN_TITLE = '青溪县儿童发展规划（2021—2025年）';

/** The county's 2023 figures, named as a county's sheet names them (units in brackets). */
export const COUNTY_SUBMISSION = {
  name: '青溪县2023年儿童发展监测表.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(
    [
      '指标名称,2023年',
      '婴儿死亡率（‰）,4.0',
      '5岁以下儿童死亡率（‰）,7.0',
      '中小学生体质健康达标率（%）,93',
      '学前教育毛入园率（%）,95',
      '普惠性幼儿园覆盖率（%）,88',
    ].join('\r\n'),
  ),
};

/** As written → status against the draft with 学前教育毛入园率's figure edited from 97 to 94:
 * 4.0 ≤ 4.5 met; 7.0 over 6.0 with no base, behind; 93 ≥ 92 met; 95 ≥ 94 met (≥ 97 would be
 * behind); 88 on the line from 2020's 85 to 2025's 90 (88 in 2023), on track. */
export const COUNTY_2023_EDITED = {
  '婴儿死亡率（‰）': 'met',
  '5岁以下儿童死亡率（‰）': 'behind',
  '中小学生体质健康达标率（%）': 'met',
  '学前教育毛入园率（%）': 'met',
  '普惠性幼儿园覆盖率（%）': 'on_track',
};
