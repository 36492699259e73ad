//! An SVG S-curve: the probability of finishing at or under each value.

use scope_core::stats::CurvePoint;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SCurveProps {
    pub points: Vec<CurvePoint>,
    pub unit: AttrValue,
    pub title: AttrValue,
    /// A value to mark (the 90-day guarantee).
    #[prop_or_default]
    pub limit: Option<(AttrValue, f64)>,
}

const W: f64 = 600.0;
const H: f64 = 200.0;
const PAD: f64 = 24.0;

#[component]
pub fn SCurve(props: &SCurveProps) -> Html {
    let (Some(first), Some(last)) = (props.points.first(), props.points.last()) else {
        return html! {};
    };
    let mut lo = first.value;
    let mut hi = last.value.max(lo + 1e-9);
    if let Some((_, limit)) = props.limit {
        lo = lo.min(limit);
        hi = hi.max(limit);
    }
    let x = |v: f64| PAD + (v - lo) / (hi - lo) * (W - 2.0 * PAD);
    let y = |p: f64| H - PAD - p * (H - 2.0 * PAD);
    let path: Vec<String> = props
        .points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            format!(
                "{}{:.1},{:.1}",
                if i == 0 { "M" } else { "L" },
                x(p.value),
                y(p.probability)
            )
        })
        .collect();
    html! {
        <figure class="chart">
            <svg viewBox={format!("0 0 {W} {H}")} role="img" aria-label={props.title.clone()}>
                <title>{ props.title.clone() }</title>
                <path class="curve" d={path.join(" ")} />
                if let Some((label, v)) = &props.limit {
                    <g class="mark limit">
                        <line x1={format!("{:.1}", x(*v))} x2={format!("{:.1}", x(*v))} y1={format!("{PAD}")} y2={format!("{}", H - PAD)} />
                        <text x={format!("{:.1}", x(*v) - 3.0)} y={format!("{}", PAD + 10.0)} class="end">{ label.clone() }</text>
                    </g>
                }
                <line class="axis" x1={format!("{PAD}")} x2={format!("{}", W - PAD)} y1={format!("{}", H - PAD)} y2={format!("{}", H - PAD)} />
                <text class="tick" x={format!("{PAD}")} y={format!("{}", H - 6.0)}>{ format!("{lo:.0} {}", props.unit) }</text>
                <text class="tick end" x={format!("{}", W - PAD)} y={format!("{}", H - 6.0)}>{ format!("{hi:.0} {}", props.unit) }</text>
                <text class="tick" x="2" y={format!("{}", PAD + 4.0)}>{ "100%" }</text>
            </svg>
            <figcaption>{ props.title.clone() }</figcaption>
        </figure>
    }
}
