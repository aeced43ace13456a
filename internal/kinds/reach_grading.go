package kinds

import (
	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/grading"
)

// gradeCheckKind is a grading kind whose result carries one check with its
// findings, evaluated by run with the programme's grading.Grader.
func gradeCheckKind(name string, summary hubrules.Text, input func() any, run func(g *grading.Grader, in any) (any, hubrules.Report, error)) Kind {
	return Kind{Name: name, Package: "grading", Lines: true, Sets: gradingSets, Summary: summary, Input: input,
		Eval: evalWith(grader, func(g *grading.Grader, in any, _ hubrules.Date) (Outcome, error) {
			v, rep, err := run(g, in)
			if err != nil {
				return Outcome{}, err
			}
			return reportOutcome(v, rep, nil, "basis", "check", "findings"), nil
		})}
}

func init() {
	register(
		gradeCheckKind("grade stars", hubrules.T("党组织星级评定（GRD-STAR-01）", "star rating of a party organization (GRD-STAR-01)"),
			func() any { return new(grading.StarInput) },
			func(g *grading.Grader, in any) (any, hubrules.Report, error) {
				r, err := g.Stars(in.(*grading.StarInput))
				return r, hubrules.Report{Basis: r.Basis, Checks: []hubrules.Check{r.Check}, Findings: r.Findings}, err
			}),
		gradeCheckKind("grade norms", hubrules.T("党建与业务规范清单（GRD-NORM-01）", "the checklist of party-building and business norms (GRD-NORM-01)"),
			func() any { return new(grading.NormInput) },
			func(g *grading.Grader, in any) (any, hubrules.Report, error) {
				r, err := g.Norms(in.(*grading.NormInput))
				return r, hubrules.Report{Basis: r.Basis, Checks: []hubrules.Check{r.Check}, Findings: r.Findings}, err
			}),
	)
}
