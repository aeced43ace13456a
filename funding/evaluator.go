package funding

import (
	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/clone"
	"github.com/hubrules/hubrules/internal/setup"
)

// Evaluator applies the funding rules with parameters resolved once for a
// programme and date. It is immutable and safe for concurrent use.
//
// Its date is the date of every decision it makes: a rule whose parameters
// have no value on that date answers not in force (未施行,
// *hubrules.NotInForceError) while the other rules are decided normally. A
// method that takes an evaluation date of its own (Start's asOf) and is
// given another date resolves the parameters again for that date from the
// same parameter set; with parameters handed over by WithResolved it cannot,
// and answers the other_date input error instead. One date's parameters are
// never applied to another date.
type Evaluator struct {
	p Params
	b hubrules.Basis
	// set is the parameter set the parameters came from, to resolve them
	// again for another date; nil for WithResolved.
	set *hubrules.ParamSet
}

// NewEvaluator returns an Evaluator with the parameters for programme in
// effect on date: by default the shipped DefaultParamSet, or those chosen
// with WithParams or WithResolved. The Evaluator keeps its own copies. An
// unknown programme, a missing date or a malformed value is an
// *InputError; a parameter with no value on date is not (see Params).
func NewEvaluator(programme hubrules.Programme, date hubrules.Date, opts ...Option) (*Evaluator, error) {
	p, b, err := Resolve(programme, date, opts...)
	if err != nil {
		return nil, err
	}
	return &Evaluator{p: clone.Copy(p), b: b, set: setup.SetToReresolve(opts, DefaultParamSet)}, nil
}

// at returns the evaluator for the decision date asOf: e itself on its own
// date (no allocation), else one with the parameters resolved again for
// asOf from e's set, or the other_date *InputError at path when e's
// parameters were handed over resolved.
func (e *Evaluator) at(path string, asOf hubrules.Date) (*Evaluator, error) {
	if asOf == e.b.AsOf || asOf.IsZero() {
		return e, nil
	}
	if e.set == nil {
		return nil, hubrules.OtherDate(path, asOf, e.b.AsOf)
	}
	p, b, err := resolveSet(e.set, e.b.Programme, asOf)
	if err != nil {
		return nil, err
	}
	return &Evaluator{p: p, b: b, set: e.set}, nil
}

// Params returns a copy of the parameters in use.
func (e *Evaluator) Params() Params { return clone.Copy(e.p) }

// Basis returns the programme, date and every parameter resolved (a copy).
func (e *Evaluator) Basis() hubrules.Basis { return e.b.Clone() }
