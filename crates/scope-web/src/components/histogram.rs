//! An SVG histogram of simulated values (no inline styles: the CSP forbids them).

use scope_core::estimate::stats::Bin;
use scope_core::support::number::{Fixed, Shortest};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HistogramProps {
    pub bins: Vec<Bin>,
    /// What the values are ("hours").
    pub unit: AttrValue,
    pub title: AttrValue,
    /// Values to mark with a line and a label (P50, P80...).
    #[prop_or_default]
    pub marks: Vec<(AttrValue, f64)>,
}

const W: f64 = 600.0;
const H: f64 = 200.0;
const PAD: f64 = 24.0;

#[component]
pub fn Histogram(props: &HistogramProps) -> Html {
    let (Some(first), Some(last)) = (props.bins.first(), props.bins.last()) else {
        return html! {};
    };
    let (lo, hi) = (first.from, last.to.max(first.from + 1e-9));
    let top = props.bins.iter().map(|b| b.count).max().unwrap_or(1).max(1) as f64;
    let x = |v: f64| PAD + (v - lo) / (hi - lo) * (W - 2.0 * PAD);
    let y = |c: f64| H - PAD - c / top * (H - 2.0 * PAD);
    html! {
        <figure class="chart">
            <svg viewBox={format!("0 0 {} {}", Shortest(W), Shortest(H))} role="img" aria-label={props.title.clone()}>
                <title>{ props.title.clone() }</title>
                { for props.bins.iter().map(|b| {
                    let (x0, x1) = (x(b.from), x(b.to));
                    let y0 = y(b.count as f64);
                    html! {
                        <rect class="bar" x={format!("{}", Fixed(x0, 1))} y={format!("{}", Fixed(y0, 1))}
                            width={format!("{}", Fixed((x1 - x0 - 1.0).max(0.5), 1))} height={format!("{}", Fixed(H - PAD - y0, 1))}>
                            <title>{ format!("{}-{} {}: {}", Fixed(b.from, 0), Fixed(b.to, 0), props.unit, b.count) }</title>
                        </rect>
                    }
                }) }
                { for props.marks.iter().map(|(label, v)| html! {
                    <g class="mark">
                        <line x1={format!("{}", Fixed(x(*v), 1))} x2={format!("{}", Fixed(x(*v), 1))} y1={Shortest(PAD).to_string()} y2={Shortest(H - PAD).to_string()} />
                        <text x={format!("{}", Fixed(x(*v) + 3.0, 1))} y={Shortest(PAD + 10.0).to_string()}>{ label.clone() }</text>
                    </g>
                }) }
                <line class="axis" x1={Shortest(PAD).to_string()} x2={Shortest(W - PAD).to_string()} y1={Shortest(H - PAD).to_string()} y2={Shortest(H - PAD).to_string()} />
                <text class="tick" x={Shortest(PAD).to_string()} y={Shortest(H - 6.0).to_string()}>{ format!("{} {}", Fixed(lo, 0), props.unit) }</text>
                <text class="tick end" x={Shortest(W - PAD).to_string()} y={Shortest(H - 6.0).to_string()}>{ format!("{} {}", Fixed(hi, 0), props.unit) }</text>
            </svg>
            <figcaption>{ props.title.clone() }</figcaption>
        </figure>
    }
}
