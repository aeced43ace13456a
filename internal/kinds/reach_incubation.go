package kinds

import (
	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/incubation"
)

// ClassifyInput is the input of "incubate classify": an organization's
// maturity class (INC-CLASS-01).
type ClassifyInput struct {
	// Org names the organization the decision is about.
	Org   string                   `json:"org" validate:"required,max=200"`
	Class incubation.MaturityClass `json:"class" validate:"enum"`
}

// ClassifyResult is the result of "incubate classify": the strategy of
// the class.
type ClassifyResult struct {
	Org      string              `json:"org"`
	Strategy incubation.Strategy `json:"strategy"`
}

// PathInput is the input of "incubate path": a move along the growth path
// (INC-PATH-01).
type PathInput struct {
	// Org names the organization the decision is about.
	Org  string               `json:"org" validate:"required,max=200"`
	From incubation.PathLevel `json:"from" validate:"enum"`
	To   incubation.PathLevel `json:"to" validate:"enum"`
}

// PathResult is the result of "incubate path".
type PathResult struct {
	Org  string              `json:"org"`
	Step incubation.PathStep `json:"step"`
}

func init() {
	register(
		Kind{Name: "incubate classify", Package: "incubation",
			Summary: hubrules.T("按成熟度分类施策（INC-CLASS-01）", "the strategy of an organization's maturity class (INC-CLASS-01)"),
			Input:   func() any { return new(ClassifyInput) },
			Eval: func(env Env, in any) (Outcome, error) {
				c := in.(*ClassifyInput)
				s, err := incubation.StrategyFor(c.Class)
				if err != nil {
					return Outcome{}, err
				}
				rep := hubrules.Report{Checks: []hubrules.Check{computed(incubation.RuleClass, c.Org)}, Findings: []hubrules.Finding{}}
				return reportOutcome(ClassifyResult{Org: c.Org, Strategy: s}, rep, nil), nil
			}},
		Kind{Name: "incubate path", Package: "incubation",
			Summary: hubrules.T("成长路径逐级上升（INC-PATH-01）", "the growth path, one level at a time (INC-PATH-01)"),
			Input:   func() any { return new(PathInput) },
			Eval: func(env Env, in any) (Outcome, error) {
				p := in.(*PathInput)
				s, err := incubation.StepPath(p.From, p.To)
				if err != nil {
					return Outcome{}, err
				}
				rep := hubrules.Report{Checks: []hubrules.Check{{Rule: incubation.RulePath, Subject: p.Org, Outcome: hubrules.Pass}}, Findings: []hubrules.Finding{}}
				if s.Finding != nil {
					f := *s.Finding
					f.Subject = p.Org
					rep.Checks[0].Outcome = hubrules.Fail
					rep.Findings = append(rep.Findings, f)
				}
				return reportOutcome(PathResult{Org: p.Org, Step: s}, rep, nil, "step.finding"), nil
			}},
	)
}
