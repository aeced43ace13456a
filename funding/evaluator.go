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

// NewEvaluator returns an Evaluator with the parameters for programme in
// effect on date: by default the shipped DefaultParamSet, or those chosen
// with WithParams or WithResolved. The Evaluator keeps its own copies. An
// unknown programme, a missing date or a malformed value is an
// *InputError.
func NewEvaluator(programme hubrules.Programme, date hubrules.Date, opts ...Option) (*Evaluator, error) {
	p, b, err := Resolve(programme, date, opts...)
	if err != nil {
		return nil, err
	}
	return &Evaluator{p: clone.Copy(p), b: b}, nil
}

// Params returns a copy of the parameters in use.
func (e *Evaluator) Params() Params { return clone.Copy(e.p) }

// Basis returns the programme, date and every parameter resolved (a copy).
func (e *Evaluator) Basis() hubrules.Basis { return e.b.Clone() }
