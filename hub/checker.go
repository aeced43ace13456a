package hub

import (
	"github.com/hubrules/hubrules"
)

// Checker evaluates the HUB-* rules with one resolved set of parameters. It
// is immutable once built and safe for concurrent use; every evaluation
// method takes the evaluation date as an argument and never reads a clock.
type Checker struct {
	p       Params
	basis   hubrules.Basis
	xaptT   int // target cross-appointment rate in tenths of a percent
	adminMk [16]bool
}

// NewChecker returns a Checker with the parameters for programme in effect
// on date: by default the shipped DefaultParamSet, or those chosen with
// WithParams or WithResolved. The parameters are validated; an unknown
// programme, a missing date or a bad value is an *InputError.
func NewChecker(programme hubrules.Programme, date hubrules.Date, opts ...Option) (*Checker, error) {
	p, basis, err := Resolve(programme, date, opts...)
	if err != nil {
		return nil, err
	}
	return newChecker(p, basis)
}

func newChecker(p Params, basis hubrules.Basis) (*Checker, error) {
	var probs hubrules.Problems
	if err := hubrules.ValidateParams(&p, basis); err != nil {
		probs.Merge("params", err)
	}
	t, ok := parseTenths(p.CrossAppointmentTarget)
	if !ok || t > 1000 {
		probs.Add("params.CrossAppointmentTarget", "percent", p.CrossAppointmentTarget,
			hubrules.T("交叉任职目标率应写作 0 到 100 之间、最多一位小数的百分数，如 \"75.0\"",
				"the cross-appointment target must be a percentage from 0 to 100 with at most one decimal, e.g. \"75.0\""))
	}
	if err := probs.Err(); err != nil {
		return nil, err
	}
	c := &Checker{p: p, basis: basis, xaptT: t}
	c.p.AdminOnlyTasks = append([]Task(nil), p.AdminOnlyTasks...)
	c.p.RequiredFunctions = append([]Function(nil), p.RequiredFunctions...)
	for _, task := range p.AdminOnlyTasks {
		c.adminMk[taskIndex(task)] = true
	}
	return c, nil
}

// Params returns a copy of the parameters in use.
func (c *Checker) Params() Params {
	p := c.p
	p.AdminOnlyTasks = append([]Task(nil), c.p.AdminOnlyTasks...)
	p.RequiredFunctions = append([]Function(nil), c.p.RequiredFunctions...)
	return p
}

// Basis returns the basis of every parameter the checker resolved (a copy).
func (c *Checker) Basis() hubrules.Basis { return c.basisFor(hubrules.Date{}) }

// basisFor returns the checker's basis for a decision on asOf restricted to
// the named parameters (all when none is named), so that a result's
// Unverified lists only what that decision relied on.
func (c *Checker) basisFor(asOf hubrules.Date, names ...string) hubrules.Basis {
	var b hubrules.Basis
	if len(names) > 0 {
		b = c.basis.Only(names...)
	} else {
		b = c.basis.Clone()
	}
	if !asOf.IsZero() {
		b.AsOf = asOf
	}
	return b
}

func taskIndex(t Task) int {
	switch t {
	case TransferMembership:
		return 1
	case CollectDues:
		return 2
	case StatisticalReturns:
		return 3
	case RemoteEducation:
		return 4
	case NetworkMaintenance:
		return 5
	case OrganizeActivities:
		return 6
	case PartyProjects:
		return 7
	case Training:
		return 8
	case Census:
		return 9
	case Publicity:
		return 10
	}
	return 0
}

func itoa(n int) string { return formatInt(n) }

func fact(name, value string) hubrules.Fact { return hubrules.Fact{Name: name, Value: value} }
