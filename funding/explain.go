package funding

import (
	"strings"

	"github.com/hubrules/hubrules"
)

// Step is one line of arithmetic in an explanation: the rule it serves, what
// it computes, the expression with its numbers ("1000000.00 × 0.10 =
// 100000.00"), the rounding applied and the parameters behind it (their
// provenance is in the Basis).
type Step struct {
	Rule     string        `json:"rule"`
	What     hubrules.Text `json:"what"`
	Expr     string        `json:"expr"`
	Rounding Rounding      `json:"rounding,omitempty"`
	Params   []string      `json:"params,omitempty"`
}

// Explanation is what every funding result carries: the basis (programme,
// date, parameters with provenance), each arithmetic step, the checks with
// their outcomes and the findings.
type Explanation struct {
	Basis    hubrules.Basis     `json:"basis"`
	Steps    []Step             `json:"steps"`
	Checks   []hubrules.Check   `json:"checks"`
	Findings []hubrules.Finding `json:"findings"`
}

// Report returns the explanation's checks and findings as a hubrules.Report.
func (e Explanation) Report() hubrules.Report {
	return hubrules.Report{Basis: e.Basis, Checks: e.Checks, Findings: e.Findings}
}

// Compliant reports whether no finding is a violation.
func (e Explanation) Compliant() bool { return e.Report().Compliant() }

// Describe renders the steps and findings for people, one per line.
func (e Explanation) Describe(lang hubrules.Lang) string {
	var b strings.Builder
	b.WriteString(e.Basis.Describe(lang))
	for _, s := range e.Steps {
		b.WriteString("\n- [")
		b.WriteString(s.Rule)
		b.WriteString("] ")
		b.WriteString(s.What.In(lang))
		b.WriteString(": ")
		b.WriteString(s.Expr)
		if s.Rounding != "" && s.Rounding != Exact {
			b.WriteString(" (")
			b.WriteString(s.Rounding.Text().In(lang))
			b.WriteString(")")
		}
	}
	for _, f := range e.Findings {
		b.WriteString("\n! ")
		b.WriteString(f.Describe(lang))
	}
	return b.String()
}

func (e *Explanation) step(rule string, what hubrules.Text, expr string, r Rounding, params ...string) {
	e.Steps = append(e.Steps, Step{Rule: rule, What: what, Expr: expr, Rounding: r, Params: params})
}

// check records an outcome and, when it failed, a finding.
func (e *Explanation) check(rule, subject string, ok bool, sev hubrules.Severity, msg hubrules.Text, facts ...hubrules.Fact) {
	out := hubrules.Pass
	if !ok {
		out = hubrules.Fail
		e.Findings = append(e.Findings, hubrules.Finding{Rule: rule, Severity: sev, Subject: subject, Message: msg, Facts: facts})
	}
	e.Checks = append(e.Checks, hubrules.Check{Rule: rule, Subject: subject, Outcome: out})
}

func (e *Explanation) na(rule, subject string) {
	e.Checks = append(e.Checks, hubrules.Check{Rule: rule, Subject: subject, Outcome: hubrules.NotApplicable})
}

func (e *Explanation) notice(rule, subject string, msg hubrules.Text, facts ...hubrules.Fact) {
	e.Findings = append(e.Findings, hubrules.Finding{Rule: rule, Severity: hubrules.Notice, Subject: subject, Message: msg, Facts: facts})
}

func fact(name, value string) hubrules.Fact { return hubrules.Fact{Name: name, Value: value} }

// notInForce records that the part of rule which reads unset was not
// checked because those parameters had no value on the basis' date: a
// NotInForce check and its Notice finding (the other checks of the same
// call stand).
func (e *Explanation) notInForce(rule, subject string, unset []hubrules.Unset) {
	e.Checks = append(e.Checks, hubrules.Check{Rule: rule, Subject: subject, Outcome: hubrules.NotInForce})
	e.Findings = append(e.Findings, hubrules.NotInForceFinding(rule, subject, e.Basis.AsOf, unset))
}
