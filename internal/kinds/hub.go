package kinds

import (
	"errors"
	"strings"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/hub"
)

// FormsInput is the input of "check forms": organizations with their formal
// party-member counts and, optionally, the form they have now.
type FormsInput struct {
	Organizations []FormsOrg `json:"organizations" validate:"required,max=100000,dive"`
}

// FormsOrg is one organization of FormsInput.
type FormsOrg struct {
	ID string `json:"id" validate:"required,max=200"`
	// FormalMembers is required (0 when there are none).
	FormalMembers *int               `json:"formal_members" validate:"required,gte=0,lte=1000000"`
	Form          hubrules.PartyForm `json:"form,omitempty" validate:"omitempty,enum"`
}

// FormsResult is the result of "check forms".
type FormsResult struct {
	Organizations []FormsOrgResult `json:"organizations"`
	Report        hubrules.Report  `json:"report"`
}

// FormsOrgResult is what HUB-FORM-01/02 require of one organization.
type FormsOrgResult struct {
	ID       string             `json:"id"`
	Decision hub.FormDecision   `json:"decision"`
	Has      hubrules.PartyForm `json:"has,omitempty"`
	Meets    *bool              `json:"meets,omitempty"`
}

func hubChecker(env Env) (*hub.Checker, error) {
	return prepared("hub", env, func() (*hub.Checker, error) {
		return hub.NewChecker(env.Programme, env.Date, hub.WithParams(env.Set(hub.DefaultParamSet())))
	})
}

func syncChecker(env Env) (*hub.SyncChecker, error) {
	return prepared("hub.sync", env, func() (*hub.SyncChecker, error) {
		return hub.NewSyncChecker(env.Programme, env.Date, hub.WithParams(env.Set(hub.DefaultParamSet())))
	})
}

// hubSets returns the hub package's default parameter sets (Kind.Sets).
func hubSets() []*hubrules.ParamSet { return []*hubrules.ParamSet{hub.DefaultParamSet()} }

func init() {
	packages = append(packages, Package{Name: "hub", Rules: hub.Rules(), Sets: hubSets})
	register(
		Kind{Name: "check sync", Package: "hub", Lines: true, Sets: hubSets,
			Summary: hubrules.T("六同步检查（一个组织的事件记录）", "six synchronizations of one organization's event log"),
			Input:   func() any { return new(hub.SyncOrg) },
			Eval: func(env Env, in any) (Outcome, error) {
				c, err := syncChecker(env)
				if err != nil {
					return Outcome{}, err
				}
				res, err := c.Check(*in.(*hub.SyncOrg), env.Date)
				if err != nil {
					return Outcome{}, err
				}
				r := res.Report()
				o := reportOutcome(res, r, nil, "programme", "as_of", "compliant", "basis")
				o.OwnBasis = true // r is Report()'s fresh copy
				return o, nil
			}},
		Kind{Name: "check coverage", Package: "hub", Sets: hubSets,
			Summary: hubrules.T("枢纽成员的党组织覆盖与交叉任职", "party coverage and cross-appointment of a hub's members"),
			Input:   func() any { return new(hub.Members) },
			Eval: func(env Env, in any) (Outcome, error) {
				c, err := hubChecker(env)
				if err != nil {
					return Outcome{}, err
				}
				res, err := c.Coverage(*in.(*hub.Members), env.Date)
				if err != nil {
					return Outcome{}, err
				}
				return reportOutcome(res, res.Report, res.Describe, "report"), nil
			}},
		Kind{Name: "check statistics", Package: "hub", Sets: hubSets,
			Summary: hubrules.T("按党内统计口径汇总枢纽成员的党组织覆盖", "a hub's party coverage in the layout of the party's internal statistics"),
			Input:   func() any { return new(hub.Members) },
			Eval: func(env Env, in any) (Outcome, error) {
				c, err := hubChecker(env)
				if err != nil {
					return Outcome{}, err
				}
				res, err := c.Statistics(*in.(*hub.Members), env.Date)
				var nif *hubrules.NotInForceError
				if errors.As(err, &nif) {
					return refusedNotInForce(hub.Statistics{}, c.Basis(), nif, ""), nil
				}
				if err != nil {
					return Outcome{}, err
				}
				return reportOutcome(res, res.Report, res.Describe, "report"), nil
			}},
		Kind{Name: "check structure", Package: "hub", Sets: hubSets,
			Summary: hubrules.T("“1+N+X”党组织架构", "the \"1+N+X\" party structure"),
			Input:   func() any { return new(hub.Structure) },
			Eval: func(env Env, in any) (Outcome, error) {
				c, err := hubChecker(env)
				if err != nil {
					return Outcome{}, err
				}
				res, err := c.CheckStructure(*in.(*hub.Structure), env.Date)
				if err != nil {
					return Outcome{}, err
				}
				return reportOutcome(res, res.Report, res.Describe, "report"), nil
			}},
		Kind{Name: "check forms", Package: "hub", Lines: true, Sets: hubSets,
			Summary: hubrules.T("按正式党员数确定应有的党组织形式", "the party form each organization needs from its formal members"),
			Input:   func() any { return new(FormsInput) },
			Eval:    evalForms,
		},
	)
}

func evalForms(env Env, in any) (Outcome, error) {
	c, err := hubChecker(env)
	if err != nil {
		return Outcome{}, err
	}
	input := in.(*FormsInput)
	res := FormsResult{Organizations: make([]FormsOrgResult, 0, len(input.Organizations))}
	// The basis of the rules this kind decides, not of every hub rule.
	basis := ruleBasis(c.Basis(), hub.Rules(), hub.RuleForm01, hub.RuleForm02, hub.RuleCov02)
	res.Report.Basis = basis
	for _, o := range input.Organizations {
		d, err := c.Form(*o.FormalMembers)
		var nif *hubrules.NotInForceError
		if errors.As(err, &nif) {
			// HUB-FORM-01 is not in force: no organization's form can be
			// decided.
			return refusedNotInForce(FormsResult{Organizations: []FormsOrgResult{}}, basis, nif, ""), nil
		}
		if err != nil {
			return Outcome{}, err
		}
		if len(d.NotInForce) > 0 {
			ch, f := hubrules.Check{Rule: hub.RuleForm02, Subject: o.ID, Outcome: hubrules.NotInForce}, hubrules.NotInForceFinding(hub.RuleForm02, o.ID, env.Date, d.NotInForce)
			res.Report.Checks = append(res.Report.Checks, ch)
			res.Report.Findings = append(res.Report.Findings, f)
		}
		item := FormsOrgResult{ID: o.ID, Decision: d, Has: o.Form}
		outcome := hubrules.NotApplicable
		if o.Form != "" {
			ok := d.Accepts(o.Form)
			item.Meets = &ok
			outcome = hubrules.Pass
			if !ok {
				outcome = hubrules.Fail
				res.Report.Findings = append(res.Report.Findings, hubrules.Finding{
					Rule: hub.RuleCov02, Severity: hubrules.Violation, Subject: o.ID,
					Message: hubrules.T("现有党组织形式弱于正式党员数所要求的形式", "the party form it has is weaker than its formal members require"),
					Facts: []hubrules.Fact{{Name: "formal_members", Value: itoa(*o.FormalMembers)},
						{Name: "has", Value: string(o.Form)}, {Name: "required", Value: string(d.Required)}},
				})
			}
			res.Report.Checks = append(res.Report.Checks, hubrules.Check{Rule: hub.RuleCov02, Subject: o.ID, Outcome: outcome})
		}
		res.Report.Checks = append(res.Report.Checks, hubrules.Check{Rule: hub.RuleForm01, Subject: o.ID, Outcome: hubrules.Pass})
		res.Organizations = append(res.Organizations, item)
	}
	describe := func(lang hubrules.Lang) string {
		var b strings.Builder
		b.WriteString(res.Report.Describe(lang))
		for _, o := range res.Organizations {
			b.WriteString("  " + o.ID + ": " + o.Decision.Describe(lang) + "\n")
		}
		return b.String()
	}
	return reportOutcome(res, res.Report, describe, "report"), nil
}

// ruleBasis is b restricted to the parameters the rules ids of cat read,
// so that a decision lists (and calls unverified) only what it relied on.
func ruleBasis(b hubrules.Basis, cat hubrules.Catalogue, ids ...string) hubrules.Basis {
	var names []string
	for _, id := range ids {
		if r, ok := cat.Lookup(id); ok {
			names = append(names, r.Params...)
		}
	}
	return b.Only(names...)
}
