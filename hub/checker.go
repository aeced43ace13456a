package hub

import (
	"sync/atomic"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/setup"
)

// Checker evaluates the HUB-* rules with the parameters in force on one
// date. It is immutable once built and safe for concurrent use; every
// evaluation method takes the evaluation date as an argument and never
// reads a clock. A method asked about another date than the checker's
// resolves the parameters for that date again from the same parameter set
// (one date per decision: a result never applies one date's parameters to
// another); a checker built WithResolved has no set to resolve from and
// refuses another date (hubrules.OtherDate). A rule whose parameters are
// not in force on the date answers hubrules.NotInForce, and the other
// rules of the call are decided normally.
type Checker struct {
	p       Params
	basis   hubrules.Basis
	xaptT   int // target cross-appointment rate in tenths of a percent
	adminMk [16]bool
	// set is the parameter set the checker resolved from (nil when the
	// parameters were handed over WithResolved); other holds the checker
	// last prepared from it for another date, so that a run of calls on
	// one other date resolves once.
	set   *hubrules.ParamSet
	other atomic.Pointer[Checker]
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
	return newChecker(p, basis, sourceSet(opts))
}

// sourceSet returns the set opts resolve from, nil when they hand over
// resolved parameters (WithResolved).
func sourceSet(opts []Option) *hubrules.ParamSet {
	c := setup.Apply(opts)
	if _, ok := c.Resolved(); ok {
		return nil
	}
	return c.Set(DefaultParamSet)
}

// at returns the checker for a decision on asOf: c itself on its own date
// (or when asOf is zero, which the method refuses itself), else a checker
// resolved for asOf from c's set, or hubrules.OtherDate when c has none.
func (c *Checker) at(asOf hubrules.Date) (*Checker, error) {
	return forDate(c, c.basis, asOf, c.set, &c.other, func(o *Checker) hubrules.Date { return o.basis.AsOf }, NewChecker)
}

// forDate is the "one date per decision" step of both checkers: self when
// asOf is its own date (basis.AsOf) or zero; else the checker last
// prepared for another date (other) when it is for asOf; else one built
// for asOf from set and kept in other; hubrules.OtherDate when there is no
// set (parameters handed over WithResolved).
func forDate[T any](self *T, basis hubrules.Basis, asOf hubrules.Date, set *hubrules.ParamSet, other *atomic.Pointer[T],
	dateOf func(*T) hubrules.Date, build func(hubrules.Programme, hubrules.Date, ...Option) (*T, error)) (*T, error) {
	if asOf.IsZero() || asOf == basis.AsOf {
		return self, nil
	}
	if set == nil {
		return nil, hubrules.OtherDate("as_of", asOf, basis.AsOf)
	}
	if o := other.Load(); o != nil && dateOf(o) == asOf {
		return o, nil
	}
	o, err := build(basis.Programme, asOf, WithParams(set))
	if err != nil {
		return nil, err
	}
	other.Store(o)
	return o, nil
}

func newChecker(p Params, basis hubrules.Basis, set *hubrules.ParamSet) (*Checker, error) {
	var probs hubrules.Problems
	if err := hubrules.ValidateParams(&p, basis); err != nil {
		probs.Merge("params", err)
	}
	for _, tr := range [...]struct {
		field, param string
		r            YearsRule
	}{{"CommitteeTermYears", "term.committee_years", p.CommitteeTermYears}, {"BranchTermYears", "term.branch_years", p.BranchTermYears},
		{"CommunityTermYears", "term.community_years", p.CommunityTermYears}} {
		if !basis.HasMissing(tr.param) && !tr.r.Valid() {
			probs.Add("params."+tr.field, "years", tr.r.String(), msgBadYears)
		}
	}
	var t int
	if !basis.HasMissing("xapt.target_percent") {
		var ok bool
		t, ok = parseTenths(p.CrossAppointmentTarget)
		if !ok || t > 1000 {
			probs.Add("params.CrossAppointmentTarget", "percent", p.CrossAppointmentTarget,
				hubrules.T("交叉任职目标率应写作 0 到 100 之间、最多一位小数的百分数，如 \"75.0\"",
					"the cross-appointment target must be a percentage from 0 to 100 with at most one decimal, e.g. \"75.0\""))
		}
	}
	if err := probs.Err(); err != nil {
		return nil, err
	}
	c := &Checker{p: p, basis: basis, xaptT: t, set: set}
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

var msgBadYears = hubrules.T("任期年数应为 1 到 20 之间的整数、范围 {min, max} 或允许值集合 {allowed}，且最短不超过最长",
	"a term must be a whole number of years from 1 to 20, a range {min, max} or a set {allowed}, the shortest not above the longest")

// unset returns the parameters among names not in force on the checker's
// date (empty when all are).
func (c *Checker) unset(names ...string) []hubrules.Unset { return c.basis.Unset(names...) }

// notInForce is the check and Notice finding of rule for subject when
// unset is not empty: the rule was not checked on asOf.
func notInForce(rule, subject string, asOf hubrules.Date, unset []hubrules.Unset) (hubrules.Check, hubrules.Finding) {
	return hubrules.Check{Rule: rule, Subject: subject, Outcome: hubrules.NotInForce}, hubrules.NotInForceFinding(rule, subject, asOf, unset)
}

// gatedReport is the report of a whole check of rule whose parameters
// names are not all in force on c's date: the rule's NotInForce report on
// the basis of those parameters, and ok false; ok true when all are.
func (c *Checker) gatedReport(rule, subject string, asOf hubrules.Date, names ...string) (hubrules.Report, bool) {
	u := c.unset(names...)
	if len(u) == 0 {
		return hubrules.Report{}, true
	}
	return hubrules.NotInForceReport(c.basisFor(asOf, names...), rule, subject, u), false
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
