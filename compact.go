package hubrules

import "github.com/hubrules/hubrules/internal/jsonw"

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

// AppendJSON appends f's JSON, the bytes encoding/json writes of it (a
// compact stream writes one a finding, at volume).
func (f CompactFinding) AppendJSON(b []byte) []byte {
	b = appendFindingHead(b, f.Rule, f.Severity, f.Subject)
	if len(f.Facts) > 0 {
		b = append(b, `,"facts":[`...)
		for i, x := range f.Facts {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendFact(b, x.Name, x.Value, Text{})
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

// AppendCompactFindings appends fs as a JSON array (null when nil, as
// encoding/json writes a nil list).
func AppendCompactFindings(b []byte, fs []CompactFinding) []byte {
	if fs == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i := range fs {
		if i > 0 {
			b = append(b, ',')
		}
		b = fs[i].AppendJSON(b)
	}
	return append(b, ']')
}

// AppendJSON appends d's JSON, the bytes encoding/json writes of it.
func (d CompactDecision) AppendJSON(b []byte) []byte {
	b = append(b, `{"kind":`...)
	b = jsonw.String(b, d.Kind)
	b = append(b, `,"programme":`...)
	b = jsonw.String(b, string(d.Programme))
	b = append(b, `,"as_of":"`...)
	b, _ = d.AsOf.AppendText(b)
	b = append(b, `","rule_set":{"version":`...)
	b = jsonw.String(b, d.RuleSet.Version)
	b = append(b, `,"params":`...)
	if d.RuleSet.Params == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, p := range d.RuleSet.Params {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"package":`...)
			b = jsonw.String(b, p.Package)
			b = append(b, `,"digest":`...)
			b = jsonw.String(b, p.Digest)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	b = append(b, `},"outcome":`...)
	b = jsonw.String(b, string(d.Outcome))
	b = append(b, `,"failed":`...)
	b = jsonw.Strings(b, d.Failed)
	b = append(b, `,"findings":`...)
	b = AppendCompactFindings(b, d.Findings)
	return append(b, '}')
}
