package funding

import (
	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/clone"
)

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
// basis records where they came from. The Evaluator keeps its own copies.
func NewEvaluator(p Params, b hubrules.Basis) *Evaluator {
	return &Evaluator{p: clone.Copy(p), b: b.Clone()}
}

// Params returns a copy of the parameters in use.
func (e *Evaluator) Params() Params { return clone.Copy(e.p) }

// Basis returns the programme, date and every parameter resolved (a copy).
func (e *Evaluator) Basis() hubrules.Basis { return e.b.Clone() }
