package serve

import (
	"time"

	"github.com/hubrules/hubrules"
)

// LogRecord is one line of the decision log: what was decided, for which
// programme and date, under which rule set, on which input (its digest;
// the input itself only masked), with the rules that found something —
// as OPA's decision logs record each decision.
type LogRecord struct {
	Time      string                   `json:"time"`
	Kind      string                   `json:"kind"`
	Programme hubrules.Programme       `json:"programme"`
	AsOf      hubrules.Date            `json:"as_of"`
	Outcome   hubrules.DecisionOutcome `json:"outcome"`
	RuleSet   hubrules.RuleSet         `json:"rule_set"`
	// InputDigest is hubrules.InputDigest of the input (its personal
	// fields left out), or with MaskHash hubrules.InputDigestKeyed under
	// the mask key.
	InputDigest string `json:"input_digest"`
	// Findings are the rules of the decision's findings, each once.
	Findings []string `json:"findings"`
	// Line is the input's line of a stream (0 for a JSON body).
	Line int `json:"line,omitempty"`
	// Input is the input with its personal fields removed (MaskRemove)
	// or hashed (MaskHash); with MaskNone it is left out.
	Input any `json:"input,omitempty"`
}

// logDecision writes the decision log's record of d decided on input in
// (line n of a stream, or 0). A failed write is logged and counted; the
// decision is still answered.
func (s *Server) logDecision(d hubrules.Decision, in any, line int) {
	if s.cfg.DecisionLog == nil {
		return
	}
	rec := LogRecord{Time: s.cfg.Clock().UTC().Format(time.RFC3339Nano), Kind: d.Kind, Programme: d.Programme, AsOf: d.AsOf,
		Outcome: d.Outcome, RuleSet: d.RuleSet, Line: line, Findings: []string{}}
	seen := map[string]bool{}
	for _, f := range d.Findings {
		if !seen[f.Rule] {
			seen[f.Rule] = true
			rec.Findings = append(rec.Findings, f.Rule)
		}
	}
	var err error
	switch s.cfg.Mask {
	case MaskHash:
		rec.InputDigest, err = hubrules.InputDigestKeyed(in, s.cfg.MaskKey)
		rec.Input = hubrules.Mask(in, hubrules.MaskHash, s.cfg.MaskKey)
	case MaskRemove:
		rec.InputDigest, err = hubrules.InputDigest(in)
		rec.Input = hubrules.Mask(in, hubrules.MaskRemove, nil)
	default:
		rec.InputDigest, err = hubrules.InputDigest(in)
	}
	var b []byte
	if err == nil {
		b, err = marshal(rec)
	}
	if err == nil {
		s.logMu.Lock()
		_, err = s.cfg.DecisionLog.Write(b)
		s.logMu.Unlock()
	}
	if err != nil {
		s.metrics.logErrors.Inc()
		s.cfg.ErrorLog.Printf("decision log: %v", err)
	}
}
