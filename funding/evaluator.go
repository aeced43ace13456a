package funding

import "github.com/hubrules/hubrules"

// Evaluator applies the funding rules with parameters resolved once for a
// programme and date. It is immutable and safe for concurrent use.
type Evaluator struct {
	p Params
	b hubrules.Basis
}

// New resolves the shipped parameters for programme on date and returns an
// Evaluator.
func New(programme hubrules.Programme, date hubrules.Date) (*Evaluator, error) {
	return NewFromSet(DefaultParamSet(), programme, date)
}

// NewFromSet is New with the caller's parameter set (for example the
// shipped set with an Overlay of the caller's own file).
func NewFromSet(set *hubrules.ParamSet, programme hubrules.Programme, date hubrules.Date) (*Evaluator, error) {
	p, b, err := ResolveParams(set, programme, date)
	if err != nil {
		return nil, err
	}
	return NewEvaluator(p, b), nil
}

// NewEvaluator builds an Evaluator from resolved (or hand-made) Params; the
// basis records where they came from.
func NewEvaluator(p Params, b hubrules.Basis) *Evaluator { return &Evaluator{p: p, b: b} }

// Params returns the parameters in use.
func (e *Evaluator) Params() Params { return e.p }

// Basis returns the programme, date and every parameter resolved.
func (e *Evaluator) Basis() hubrules.Basis { return e.b }
