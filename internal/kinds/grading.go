package kinds

import (
	"fmt"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/grading"
)

// WhatIfInput is the input of "whatif": score sheets graded under the
// programme's parameters (the base) and under the same parameters with a
// parameter file layered over them (the alternative: new bands, a heavier
// party-building weight). The alternative's file comes from AltParams, and
// from --params or a scenario's params when given.
type WhatIfInput struct {
	Sheets []grading.ScoreSheet `json:"sheets" validate:"required,min=1,max=100000,dive"`
	// AltParams is a grading parameter file (YAML or JSON text).
	AltParams string `json:"alt_params,omitempty" validate:"max=4194304"`
}

func grader(env Env) (*grading.Grader, error) {
	return prepared("grading", env, func() (*grading.Grader, error) {
		return grading.NewGrader(env.Programme, env.Date, grading.WithParams(env.Set(grading.DefaultParamSet())))
	})
}

// gradingSets returns the grading package's default parameter sets
// (Kind.Sets).
func gradingSets() []*hubrules.ParamSet {
	return []*hubrules.ParamSet{grading.DefaultParamSet()}
}

func gradeReport(r grading.Result) hubrules.Report {
	return hubrules.Report{Basis: r.Basis, Checks: r.Checks, Findings: r.Findings}
}

func init() {
	packages = append(packages, Package{Name: "grading", Rules: grading.Rules(), Sets: gradingSets})
	register(
		Kind{Name: "grade", Package: "grading", Lines: true, Sets: gradingSets,
			Summary: hubrules.T("规范化等级评估：评分表→总分→等级", "evaluation grade: score sheet → total → grade"),
			Input:   func() any { return new(grading.ScoreSheet) },
			Eval: func(env Env, in any) (Outcome, error) {
				g, err := grader(env)
				if err != nil {
					return Outcome{}, err
				}
				r, err := g.Grade(in.(*grading.ScoreSheet))
				if err != nil {
					return Outcome{}, err
				}
				rep := gradeReport(r)
				describe := func(lang hubrules.Lang) string {
					head := fmt.Sprintf("%s: %s %s/%s → %s\n", r.Org, hubrules.T("总分", "total").In(lang), r.Total, r.Full, r.Grade.Name().In(lang))
					return head + rep.Describe(lang)
				}
				o := reportOutcome(r, rep, describe, "basis", "checks", "findings")
				o.Grade = r.Grade
				return o, nil
			}},
		Kind{Name: "grade standing", Package: "grading", Sets: gradingSets,
			Summary: hubrules.T("某日组织的等级、有效期、降级与可享待遇", "an organization's grade, validity, downgrades and privileges on a date"),
			Input:   func() any { return new(grading.OrgRecord) },
			Eval: func(env Env, in any) (Outcome, error) {
				s, err := prepared("grading.standing", env, func() (*grading.Standing, error) {
					return grading.NewStanding(env.Programme, env.Date, grading.WithParams(env.Set(grading.DefaultParamSet())))
				})
				if err != nil {
					return Outcome{}, err
				}
				r, err := s.At(in.(*grading.OrgRecord), env.Date)
				if err != nil {
					return Outcome{}, err
				}
				rep := hubrules.Report{Basis: r.Basis, Checks: r.Checks, Findings: r.Findings}
				o := reportOutcome(r, rep, nil, "as_of", "basis", "validity_basis", "checks", "findings")
				o.Report.Basis = mergeBasis(r.Basis, r.ValidityBasis)
				o.Grade = r.EffectiveGrade
				return o, nil
			}},
		Kind{Name: "grade annual", Package: "grading", Sets: gradingSets,
			Summary: hubrules.T("凯旋年度四维度考核", "kaixuan's annual four-dimension assessment"),
			Input:   func() any { return new(grading.AnnualInput) },
			Eval: func(env Env, in any) (Outcome, error) {
				g, err := grader(env)
				if err != nil {
					return Outcome{}, err
				}
				r, err := g.Annual(in.(*grading.AnnualInput))
				if err != nil {
					return Outcome{}, err
				}
				rep := hubrules.Report{Basis: r.Basis, Checks: []hubrules.Check{r.Check}, Findings: r.Findings}
				return reportOutcome(r, rep, nil, "basis", "check", "findings"), nil
			}},
		Kind{Name: "whatif", Package: "grading", Sets: gradingSets,
			Summary: hubrules.T("同一批评分表在两套参数下的等级变化", "which grades change when the same score sheets are graded under other parameters"),
			Input:   func() any { return new(WhatIfInput) },
			Eval:    evalWhatIf,
		},
	)
}

func evalWhatIf(env Env, in any) (Outcome, error) {
	w := in.(*WhatIfInput)
	baseEnv := Env{Programme: env.Programme, Date: env.Date}
	base, err := grader(baseEnv)
	if err != nil {
		return Outcome{}, err
	}
	altEnv := env
	if w.AltParams != "" {
		set, err := hubrules.ParseParams([]byte(w.AltParams))
		if err != nil {
			var p hubrules.Problems
			p.Merge("alt_params", err)
			return Outcome{}, p.Err()
		}
		altEnv.Overlays = append(append([]*hubrules.ParamSet(nil), env.Overlays...), set)
	}
	alt, err := grader(altEnv)
	if err != nil {
		var p hubrules.Problems
		p.Merge("alt_params", err)
		return Outcome{}, p.Err()
	}
	r, err := grading.WhatIf(base, alt, w.Sheets)
	if err != nil {
		return Outcome{}, err
	}
	describe := func(lang hubrules.Lang) string {
		s := fmt.Sprintf("%s %d, %s %d\n", hubrules.T("组织", "organizations").In(lang), r.Orgs, hubrules.T("等级不变", "unchanged").In(lang), r.Unchanged)
		for _, c := range r.Changed {
			b, _ := jsonCompact(c)
			s += "  " + b + "\n"
		}
		return s
	}
	// The base basis is the envelope's; the alternative's stays in the
	// result, and the rule set names both parameter sets.
	rs := hubrules.NewRuleSet(baseEnv.Set(grading.DefaultParamSet()), altEnv.Set(grading.DefaultParamSet()))
	rep := hubrules.Report{Basis: r.BaseBasis}
	return Outcome{Value: r, Compliant: true, Describe: describe, Findings: []string{},
		Verdict: verdict(rep, false), Report: rep, Result: trim(r, "base_basis"), RuleSet: &rs}, nil
}
