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
    Proposal,
    Cases,
}

impl Tool {
    pub const ALL: [Tool; 7] = [
        Tool::Maturity,
        Tool::Estimate,
        Tool::Candidates,
        Tool::Agreement,
        Tool::Process,
        Tool::Proposal,
        Tool::Cases,
    ];

    /// Stable id, used in element ids and (later) in links.
    pub fn id(self) -> &'static str {
        match self {
            Tool::Maturity => "maturity",
            Tool::Estimate => "estimate",
            Tool::Candidates => "candidates",
            Tool::Agreement => "agreement",
            Tool::Process => "process",
            Tool::Proposal => "proposal",
            Tool::Cases => "cases",
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
            Tool::Proposal => "Proposal",
            Tool::Cases => "Cases",
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
            Tool::Proposal => "Proposal to the exchange",
            Tool::Cases => "Cases",
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
            Tool::Proposal => "What does the Foundation present to the exchange?",
            Tool::Cases => "Where does each exchange stand?",
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
            Tool::Proposal => "Scoping 2.b.2: the presentation to the exchange on the connector",
            Tool::Cases => "The board of requested, in-progress and completed connectors",
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
        assert_eq!(Tool::Maturity.step(false), Tool::Cases);
        assert_eq!(Tool::Cases.step(true), Tool::Maturity);
    }
}
