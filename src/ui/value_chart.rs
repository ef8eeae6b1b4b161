use crate::ingest::value::trim_float;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ValueChartProps {
    /// (year, value) in the plan's unit, oldest first.
    pub points: Vec<(i32, f64)>,
    pub target: Option<f64>,
    /// The straight line from the base: (year, value) at each end.
    pub path: Option<((i32, f64), (i32, f64))>,
    pub label: AttrValue,
}

const WIDTH: f64 = 320.0;
const HEIGHT: f64 = 120.0;
const PAD: f64 = 24.0;

/// The values across years as a small SVG chart, with the target and the on-track line.
#[component]
pub fn ValueChart(props: &ValueChartProps) -> Html {
    let (first_year, last_year) = (2020, 2025);
    let mut values: Vec<f64> = props.points.iter().map(|p| p.1).collect();
    values.extend(props.target);
    if let Some(((_, a), (_, b))) = props.path {
        values.extend([a, b]);
    }
    if values.is_empty() {
        return html! {};
    }
    let (lo, hi) = values
        .iter()
        .fold((f64::MAX, f64::MIN), |(lo, hi), v| (lo.min(*v), hi.max(*v)));
    let span = if (hi - lo).abs() < 1e-9 { 1.0 } else { hi - lo };
    let x = |year: i32| {
        PAD + (f64::from(year - first_year) / f64::from(last_year - first_year))
            * (WIDTH - 2.0 * PAD)
    };
    let y = |v: f64| HEIGHT - PAD - (v - lo) / span * (HEIGHT - 2.0 * PAD);
    let line: String = props
        .points
        .iter()
        .map(|&(yr, v)| format!("{:.1},{:.1}", x(yr), y(v)))
        .collect::<Vec<_>>()
        .join(" ");
    html! {
        <svg class="value-chart" viewBox={format!("0 0 {WIDTH} {HEIGHT}")} role="img" aria-label={props.label.clone()}>
            if let Some(target) = props.target {
                <line class="target" x1={PAD.to_string()} x2={(WIDTH - PAD).to_string()} y1={y(target).to_string()} y2={y(target).to_string()} />
                <text class="axis" x={(WIDTH - PAD).to_string()} y={(y(target) - 4.0).to_string()} text-anchor="end">{ format!("目标 {}", trim_float(target)) }</text>
            }
            if let Some(((y0, v0), (y1, v1))) = props.path {
                <line class="path" x1={x(y0).to_string()} y1={y(v0).to_string()} x2={x(y1).to_string()} y2={y(v1).to_string()} />
            }
            <polyline class="values" points={line} />
            { for props.points.iter().map(|&(yr, v)| html! {
                <g>
                    <circle cx={x(yr).to_string()} cy={y(v).to_string()} r="3" />
                    <text class="axis" x={x(yr).to_string()} y={(HEIGHT - 6.0).to_string()} text-anchor="middle">{ yr }</text>
                    <text class="point" x={x(yr).to_string()} y={(y(v) - 6.0).to_string()} text-anchor="middle">{ trim_float(v) }</text>
                </g>
            }) }
        </svg>
    }
}
