//! An SVG S-curve: the probability of finishing at or under each value.

use scope_core::estimate::stats::CurvePoint;
use scope_core::support::number::{Fixed, Shortest};
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
                "{}{},{}",
                if i == 0 { "M" } else { "L" },
                Fixed(x(p.value), 1),
                Fixed(y(p.probability), 1),
            )
        })
        .collect();
    html! {
        <figure class="chart">
            <svg viewBox={format!("0 0 {} {}", Shortest(W), Shortest(H))} role="img" aria-label={props.title.clone()}>
                <title>{ props.title.clone() }</title>
                <path class="curve" d={path.join(" ")} />
                if let Some((label, v)) = &props.limit {
                    <g class="mark limit">
                        <line x1={format!("{}", Fixed(x(*v), 1))} x2={format!("{}", Fixed(x(*v), 1))} y1={Shortest(PAD).to_string()} y2={Shortest(H - PAD).to_string()} />
                        <text x={format!("{}", Fixed(x(*v) - 3.0, 1))} y={Shortest(PAD + 10.0).to_string()} class="end">{ label.clone() }</text>
                    </g>
                }
                <line class="axis" x1={Shortest(PAD).to_string()} x2={Shortest(W - PAD).to_string()} y1={Shortest(H - PAD).to_string()} y2={Shortest(H - PAD).to_string()} />
                <text class="tick" x={Shortest(PAD).to_string()} y={Shortest(H - 6.0).to_string()}>{ format!("{} {}", Fixed(lo, 0), props.unit) }</text>
                <text class="tick end" x={Shortest(W - PAD).to_string()} y={Shortest(H - 6.0).to_string()}>{ format!("{} {}", Fixed(hi, 0), props.unit) }</text>
                <text class="tick" x="2" y={Shortest(PAD + 4.0).to_string()}>{ "100%" }</text>
            </svg>
            <figcaption>{ props.title.clone() }</figcaption>
        </figure>
    }
}
