//! The outside view: the past connectors of the case's class on one axis of days, the estimate's
//! P10-P90 band and P50 over them, a legend, and each past connector by name.

use scope_core::estimate::record::reference_class::ReferenceClass;
use scope_core::support::number::{Fixed, Shortest};
use yew::prelude::*;

use crate::components::class;

#[derive(Properties, PartialEq)]
pub struct OutsideViewProps {
    pub class: ReferenceClass,
    /// The estimate's P10, P50 and P90 of the build span (development start to merge), in days.
    pub band: (f64, f64, f64),
}

/// The strip's drawing units: wide enough that it is drawn near 1:1 in a full-width card.
const W: f64 = 600.0;
const H: f64 = 34.0;

#[component]
pub fn OutsideView(props: &OutsideViewProps) -> Html {
    let rc = &props.class;
    let strip = rc.strip(props.band, W);
    let (p10, p50, p90) = props.band;
    let x = |v: f64| format!("{}", Fixed(v, 1));
    let label = format!(
        "{} past {} by days from the first commit to the merge, and this estimate's P10-P90 band, {}-{} days",
        rc.connectors.len(),
        rc.class,
        Fixed(p10, 0),
        Fixed(p90, 0)
    );
    html! {
        <section class="outside-view" aria-label="The outside view" data-testid="outside-view">
            <h2>{ "The outside view" }</h2>
            <p data-testid="outside-view-sentence">{ &rc.sentence }</p>
            <svg class="days-strip" viewBox={format!("0 0 {} {}", Shortest(W), Shortest(H))} role="img" aria-label={label}>
                <rect class="band" x={x(strip.band.0)} width={x(strip.band.1)} y="4" height="26" rx="3" />
                <line class="scale" x1={x(strip.axis.0)} x2={x(strip.axis.1)} y1="17" y2="17" />
                { for strip.points.iter().map(|p| html! {
                    <circle class="past" cx={x(p.x)} cy="17" r="6"><title>{ format!("{}: {} days", p.name, p.days) }</title></circle>
                }) }
                <line class="p50" x1={x(strip.p50_x)} x2={x(strip.p50_x)} y1="1" y2="33" />
            </svg>
            <div class="days-axis" aria-hidden="true"><span>{ "0 days" }</span><span>{ format!("{} days", Fixed(strip.axis_days, 0)) }</span></div>
            <ul class="strip-legend">
                <li><span class="key band-key"></span>{ format!("this estimate's P10-P90, {}-{} days", Fixed(p10, 0), Fixed(p90, 0)) }</li>
                <li><span class="key p50-key"></span>{ format!("its P50, {} days", Fixed(p50, 0)) }</li>
                <li><span class="key past-key"></span>{ "a past connector (outlined below: within the band)" }</li>
            </ul>
            <ul class="past-builds" aria-label={format!("The past {}", rc.class)}>
                { for strip.points.iter().map(|p| html! {
                    <li class={class("past-build", p.inside.then_some("inside"))} data-connector={p.name.clone()}>
                        { format!("{} {} days", p.name, p.days) }
                    </li>
                }) }
            </ul>
        </section>
    }
}
