//! The tools the app offers, in the order of the connector process.
//!
//! This is navigation, not domain: what each tool computes lives in scope-core.

/// One tool of the app, shown as a tab.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tool {
    Maturity,
    Estimate,
    Candidates,
    Agreement,
    Process,
}

impl Tool {
    pub const ALL: [Tool; 5] = [
        Tool::Maturity,
        Tool::Estimate,
        Tool::Candidates,
        Tool::Agreement,
        Tool::Process,
    ];

    /// Stable id, used in element ids and (later) in links.
    pub fn id(self) -> &'static str {
        match self {
            Tool::Maturity => "maturity",
            Tool::Estimate => "estimate",
            Tool::Candidates => "candidates",
            Tool::Agreement => "agreement",
            Tool::Process => "process",
        }
    }

    /// The short name on the tab.
    pub fn label(self) -> &'static str {
        match self {
            Tool::Maturity => "Maturity",
            Tool::Estimate => "Estimate",
            Tool::Candidates => "Candidates",
            Tool::Agreement => "Agreement",
            Tool::Process => "Process",
        }
    }

    /// The heading of the tool's page.
    pub fn title(self) -> &'static str {
        match self {
            Tool::Maturity => "API maturity",
            Tool::Estimate => "Duration and cost",
            Tool::Candidates => "Maintainer candidates",
            Tool::Agreement => "Agreement and compensation",
            Tool::Process => "Engagement path and stages",
        }
    }

    /// The question the tool answers, in the words of the process document.
    pub fn question(self) -> &'static str {
        match self {
            Tool::Maturity => "How mature is this exchange's API?",
            Tool::Estimate => "How long will the connector take, and what will it cost?",
            Tool::Candidates => "Which maintainer candidate should build and maintain it?",
            Tool::Agreement => "What does the fee share pay the maintainer and the Foundation?",
            Tool::Process => "Which engagement path fits, and what stage is the case at?",
        }
    }

    /// Where the tool sits in the process document (scoping, agreement, stages...).
    pub fn process_step(self) -> &'static str {
        match self {
            Tool::Maturity => "Scoping 2.a and 2.b.2: exchange assessment and API ranking",
            Tool::Estimate => "Scoping 2.b.2: length, cost and constraints of the project",
            Tool::Candidates => "Stage 4: the Foundation assigns a maintainer",
            Tool::Agreement => "Stage 3: the maintenance and fee share agreement",
            Tool::Process => "The four engagement paths and the nine stages",
        }
    }

    /// What the tool will do once built: shown on its placeholder page.
    pub fn plans(self) -> &'static [&'static str] {
        match self {
            Tool::Maturity => &[
                "A questionnaire on the exchange's REST and websocket documentation, \
                 authentication, rate limits and, for perpetuals, funding and positions.",
                "A score from 0 to 100 and a rank from A (mature) to D (immature), or \
                 blocked, with the missing required items listed.",
                "One sentence per weak item saying what it will cost the connector.",
            ],
            Tool::Estimate => &[
                "A work breakdown that follows a real connector's files, with three-point \
                 hours per task, adjusted by the questionnaire's answers.",
                "Effort, calendar days and cost at P50, P80 and P90 from a seeded Monte \
                 Carlo simulation, and the risk of missing the 90-day delivery guarantee.",
                "The constraints that bound the project, in plain sentences.",
            ],
            Tool::Candidates => &[
                "The process's criteria: seniority, past experience, references, track \
                 record, availability, cost, speed to deliver and interest.",
                "Direct or AHP pairwise weights, weighted sum or TOPSIS, with every score \
                 explained criterion by criterion.",
                "Dominance and weight sensitivity: how far a weight can move before the \
                 winner changes.",
            ],
            Tool::Agreement => &[
                "A variable fee share or a fixed amount, with the maintainer's 20% or 50% \
                 and the Foundation's share, month by month and exact to the cent.",
                "The offered share placed among the agreements the Foundation published.",
            ],
            Tool::Process => &[
                "The four ways an exchange approaches Hummingbot and, for each, which of \
                 the nine stages apply and why.",
                "A status per stage, the next action, and the end-to-end timeline.",
            ],
        }
    }

    /// The tool after (or before) this one, wrapping around: arrow-key navigation.
    pub fn step(self, forward: bool) -> Tool {
        let n = Tool::ALL.len();
        let i = Tool::ALL.iter().position(|t| *t == self).unwrap_or(0);
        Tool::ALL[if forward {
            (i + 1) % n
        } else {
            (i + n - 1) % n
        }]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_stepping_cycles_through_all() {
        let mut ids: Vec<_> = Tool::ALL.iter().map(|t| t.id()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), Tool::ALL.len());

        let mut t = Tool::Maturity;
        for expected in Tool::ALL.iter().cycle().skip(1).take(Tool::ALL.len()) {
            t = t.step(true);
            assert_eq!(t, *expected);
        }
        assert_eq!(Tool::Maturity.step(false), Tool::Process);
        assert_eq!(Tool::Process.step(true), Tool::Maturity);
    }
}
