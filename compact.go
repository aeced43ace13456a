package hubrules

// CompactDecision is the compact form of a Decision (紧凑判定): what a
// host system acts on, without the explanation. It keeps the kind,
// programme, date, rule set and outcome, the IDs of the rules that failed
// and each finding's rule, severity, subject and facts (name and value);
// it leaves out the checks, the basis, the result and every text that
// repeats from decision to decision (messages, labels, citations), which
// the full envelope and the rule catalogue (hubrules rules, GET /v1/rules)
// hold. The CLI writes it with --compact, hubrules serve with
// ?view=compact.
type CompactDecision struct {
	Kind      string          `json:"kind"`
	Programme Programme       `json:"programme"`
	AsOf      Date            `json:"as_of"`
	RuleSet   RuleSet         `json:"rule_set"`
	Outcome   DecisionOutcome `json:"outcome"`
	// Failed are the IDs of the rules with at least one violation, each
	// once, in the order of their first finding (Report.FailedRules;
	// always an array).
	Failed []string `json:"failed"`
	// Findings are the decision's findings without their texts (always an
	// array).
	Findings []CompactFinding `json:"findings"`
}

// CompactFinding is a finding of a CompactDecision: its rule, severity,
// subject and facts, without message, labels or citation.
type CompactFinding struct {
	Rule     string        `json:"rule"`
	Severity Severity      `json:"severity"`
	Subject  string        `json:"subject,omitempty"`
	Facts    []CompactFact `json:"facts,omitempty"`
}

// CompactFact is a fact of a CompactFinding: its name and value, without
// the value's label.
type CompactFact struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// Compact returns the compact form of d.
func (d Decision) Compact() CompactDecision {
	failed := Report{Findings: d.Findings}.FailedRules()
	if failed == nil {
		failed = []string{}
	}
	return CompactDecision{Kind: d.Kind, Programme: d.Programme, AsOf: d.AsOf, RuleSet: d.RuleSet,
		Outcome: d.Outcome, Failed: failed, Findings: CompactFindings(d.Findings)}
}

// CompactFindings returns fs without their texts (an empty array, not
// nil, when there are none).
func CompactFindings(fs []Finding) []CompactFinding {
	out := make([]CompactFinding, len(fs))
	for i, f := range fs {
		out[i] = CompactFinding{Rule: f.Rule, Severity: f.Severity, Subject: f.Subject}
		if len(f.Facts) > 0 {
			out[i].Facts = make([]CompactFact, len(f.Facts))
			for j, x := range f.Facts {
				out[i].Facts[j] = CompactFact{Name: x.Name, Value: x.Value}
			}
		}
	}
	return out
}
