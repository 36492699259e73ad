//! An SVG histogram of simulated values (no inline styles: the CSP forbids them).

use scope_core::stats::Bin;
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
            <svg viewBox={format!("0 0 {W} {H}")} role="img" aria-label={props.title.clone()}>
                <title>{ props.title.clone() }</title>
                { for props.bins.iter().map(|b| {
                    let (x0, x1) = (x(b.from), x(b.to));
                    let y0 = y(b.count as f64);
                    html! {
                        <rect class="bar" x={format!("{x0:.1}")} y={format!("{y0:.1}")}
                            width={format!("{:.1}", (x1 - x0 - 1.0).max(0.5))} height={format!("{:.1}", H - PAD - y0)}>
                            <title>{ format!("{:.0}-{:.0} {}: {}", b.from, b.to, props.unit, b.count) }</title>
                        </rect>
                    }
                }) }
                { for props.marks.iter().map(|(label, v)| html! {
                    <g class="mark">
                        <line x1={format!("{:.1}", x(*v))} x2={format!("{:.1}", x(*v))} y1={format!("{PAD}")} y2={format!("{}", H - PAD)} />
                        <text x={format!("{:.1}", x(*v) + 3.0)} y={format!("{}", PAD + 10.0)}>{ label.clone() }</text>
                    </g>
                }) }
                <line class="axis" x1={format!("{PAD}")} x2={format!("{}", W - PAD)} y1={format!("{}", H - PAD)} y2={format!("{}", H - PAD)} />
                <text class="tick" x={format!("{PAD}")} y={format!("{}", H - 6.0)}>{ format!("{lo:.0} {}", props.unit) }</text>
                <text class="tick end" x={format!("{}", W - PAD)} y={format!("{}", H - 6.0)}>{ format!("{hi:.0} {}", props.unit) }</text>
            </svg>
            <figcaption>{ props.title.clone() }</figcaption>
        </figure>
    }
}
