package incubation

import "github.com/hubrules/hubrules"

// Record is one incubatee's place in the life cycle. It is a value: Fire
// returns a new Record and never changes the one it is given. Every field
// except History is derived from History, so Replay(rec.History) gives rec
// back (INC-HIST-01).
type Record struct {
	// Subject identifies the incubatee (an organization ID or name).
	Subject string `json:"subject" validate:"required,max=200"`
	State   State  `json:"state" validate:"required,enum"`
	// Mode, Base and Class are set on admission; promote sets Class to growing.
	Mode  EntryMode     `json:"mode,omitempty" validate:"omitempty,enum"`
	Base  Base          `json:"base,omitempty" validate:"omitempty,enum"`
	Class MaturityClass `json:"class,omitempty" validate:"omitempty,enum"`
	// TermStart is the admission date; TermEnd the last day of the term,
	// extensions included (INC-PERIOD-01): the day before the date
	// term.months later (AddMonths, so a start on 31 March with a 6-month
	// step reaches 30 September and the term ends on the 29th); an
	// extension moves it to the day before extension.months after the day
	// that follows the old end.
	TermStart  hubrules.Date `json:"term_start,omitzero"`
	TermEnd    hubrules.Date `json:"term_end,omitzero"`
	Extensions int           `json:"extensions,omitempty" validate:"gte=0"`
	// History is the append-only log of every firing, refused ones included.
	History []Entry `json:"history" validate:"dive"`
}

// NewRecord returns the record of a new application: state applied, empty
// history.
func NewRecord(subject string) Record {
	return Record{Subject: subject, State: Applied, History: []Entry{}}
}

// Outcome of a firing.
type Outcome string

// The outcomes.
const (
	// Fired: every guard held and the record moved.
	Fired Outcome = "fired"
	// Refused: a guard did not hold; the state stays.
	Refused Outcome = "refused"
)

// Valid reports whether o is a known outcome.
func (o Outcome) Valid() bool { return o == Fired || o == Refused }

// Criterion is one guard criterion as evaluated: the rule, a stable code,
// whether it was met, what it means, the facts compared and the parameter
// (name and value) they were compared with.
type Criterion struct {
	Rule      string          `json:"rule"`
	Code      string          `json:"code"`
	Met       bool            `json:"met"`
	Message   hubrules.Text   `json:"message"`
	Facts     []hubrules.Fact `json:"facts,omitempty"`
	Param     string          `json:"param,omitempty"`
	Threshold string          `json:"threshold,omitempty"`
}

// Entry is one line of the history (INC-HIST-01): when, what, who, the
// outcome, the criteria evaluated, the programme and effective date of the
// parameters, and what the firing set on the record.
type Entry struct {
	Date    hubrules.Date `json:"date" validate:"required"`
	Trigger Trigger       `json:"trigger" validate:"required,enum"`
	Actor   string        `json:"actor,omitempty" validate:"max=200" hubrules:"personal"`
	Note    string        `json:"note,omitempty" validate:"max=2000" hubrules:"personal"`
	Subject string        `json:"subject" validate:"required,max=200"`
	From    State         `json:"from" validate:"required,enum"`
	To      State         `json:"to" validate:"required,enum"`
	Outcome Outcome       `json:"outcome" validate:"required,enum"`
	// Criteria lists every criterion evaluated (none for unguarded triggers).
	Criteria []Criterion `json:"criteria,omitempty"`
	// Programme and Effective are the parameters' programme and the latest
	// effective date among the values used.
	Programme hubrules.Programme `json:"programme" validate:"required,enum"`
	Effective hubrules.Date      `json:"effective,omitzero"`
	// What the firing set (admit: mode, base, class, term; promote: class;
	// extend: term_end).
	Mode      EntryMode     `json:"mode,omitempty" validate:"omitempty,enum"`
	Base      Base          `json:"base,omitempty" validate:"omitempty,enum"`
	Class     MaturityClass `json:"class,omitempty" validate:"omitempty,enum"`
	TermStart hubrules.Date `json:"term_start,omitzero"`
	TermEnd   hubrules.Date `json:"term_end,omitzero"`
}

// Decision is the result of a firing: the trigger, the states before and
// after, fired or refused, every criterion evaluated, and the basis
// (programme, parameters and their provenance).
type Decision struct {
	Subject  string         `json:"subject"`
	Trigger  Trigger        `json:"trigger"`
	From     State          `json:"from"`
	To       State          `json:"to"`
	Outcome  Outcome        `json:"outcome"`
	Criteria []Criterion    `json:"criteria,omitempty"`
	Basis    hubrules.Basis `json:"basis"`
}

// Fired reports whether the trigger fired.
func (d Decision) Fired() bool { return d.Outcome == Fired }

// Unmet returns the criteria that did not hold: on a refusal, every one.
func (d Decision) Unmet() []Criterion {
	var out []Criterion
	for _, c := range d.Criteria {
		if !c.Met {
			out = append(out, c)
		}
	}
	return out
}

// UnmetRules returns the IDs of the rules with an unmet criterion, each once.
func (d Decision) UnmetRules() []string {
	var out []string
	for _, c := range d.Criteria {
		if c.Met {
			continue
		}
		seen := false
		for _, id := range out {
			seen = seen || id == c.Rule
		}
		if !seen {
			out = append(out, c.Rule)
		}
	}
	return out
}

// Findings returns one Violation finding per unmet criterion, with the
// facts and the parameter compared, for reports.
func (d Decision) Findings() []hubrules.Finding {
	var out []hubrules.Finding
	for _, c := range d.Criteria {
		if c.Met {
			continue
		}
		facts := append([]hubrules.Fact(nil), c.Facts...)
		if c.Param != "" {
			facts = append(facts, hubrules.Fact{Name: c.Param, Value: c.Threshold})
		}
		out = append(out, hubrules.Finding{Rule: c.Rule, Severity: hubrules.Violation, Subject: d.Subject, Message: c.Message, Facts: facts})
	}
	return out
}

// Report returns the decision as a hubrules.Report: one check per rule
// evaluated, the findings of the unmet criteria.
func (d Decision) Report() hubrules.Report {
	r := hubrules.Report{Basis: d.Basis, Checks: []hubrules.Check{}, Findings: d.Findings()}
	if r.Findings == nil {
		r.Findings = []hubrules.Finding{}
	}
	for _, c := range d.Criteria {
		idx := -1
		for i := range r.Checks {
			if r.Checks[i].Rule == c.Rule {
				idx = i
			}
		}
		if idx < 0 {
			r.Checks = append(r.Checks, hubrules.Check{Rule: c.Rule, Subject: d.Subject, Outcome: hubrules.Pass})
			idx = len(r.Checks) - 1
		}
		if !c.Met {
			r.Checks[idx].Outcome = hubrules.Fail
		}
	}
	return r
}

// Describe renders the decision for people, one line per unmet criterion.
func (d Decision) Describe(lang hubrules.Lang) string {
	var s string
	if lang == hubrules.EN {
		s = d.Subject + ": " + string(d.Trigger) + " " + string(d.Outcome) + " (" + string(d.From) + " → " + string(d.To) + ")\n"
	} else {
		res := "已执行"
		if d.Outcome == Refused {
			res = "未通过"
		}
		s = d.Subject + "：" + d.Trigger.Name().ZH + res + "（" + d.From.Name().ZH + " → " + d.To.Name().ZH + "）\n"
	}
	for _, f := range d.Findings() {
		s += "  " + f.Describe(lang) + "\n"
	}
	return s
}

// Name returns the outcome in Chinese and English.
func (o Outcome) Name() hubrules.Text {
	switch o {
	case Fired:
		return hubrules.T("已执行", "fired")
	case Refused:
		return hubrules.T("被拒绝", "refused")
	}
	return hubrules.T("未知结果", "unknown outcome")
}

// Codes lists the outcomes (hubrules.Coded).
func (Outcome) Codes() []hubrules.Code { return hubrules.CodesOf(Fired, Refused) }
