package incubation

import (
	"errors"
	"strconv"
	"strings"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/setup"
)

// ErrTransitionNotAllowed is the category of a trigger fired in a state that
// does not allow it: errors.Is(err, ErrTransitionNotAllowed).
var ErrTransitionNotAllowed = errors.New("incubation: transition not allowed")

// TransitionError names the state, the trigger fired and the triggers the
// state allows. Its Unwrap returns ErrTransitionNotAllowed.
type TransitionError struct {
	State   State     `json:"state"`
	Trigger Trigger   `json:"trigger"`
	Allowed []Trigger `json:"allowed"`
}

// Error returns the message in Chinese and English.
func (e *TransitionError) Error() string {
	names := make([]string, len(e.Allowed))
	for i, t := range e.Allowed {
		names[i] = string(t)
	}
	allowed := strings.Join(names, ", ")
	if allowed == "" {
		allowed = "-"
	}
	return "状态 " + e.State.Name().ZH + " 不允许 " + e.Trigger.Name().ZH + "（允许：" + allowed + "） / state " +
		string(e.State) + " does not allow " + string(e.Trigger) + " (allowed: " + allowed + ")"
}

// Unwrap returns ErrTransitionNotAllowed.
func (e *TransitionError) Unwrap() error { return ErrTransitionNotAllowed }

// Machine is the incubation stage machine with its parameters resolved. It
// is immutable and safe for concurrent use; prepare it once per programme
// and parameter date and fire many records through it.
//
// A firing is decided on its own date: fired on another date than the
// machine's, it resolves the parameters again for that date from the same
// parameter set (with parameters handed over by WithResolved it cannot, and
// the firing is the other_date input error). A criterion whose parameter has
// no value on the date is unmet with the reason that its rule is not in
// force (未施行), so the transition is refused with that reason.
type Machine struct {
	params Params
	basis  hubrules.Basis
	// set is the parameter set the parameters came from; nil for
	// WithResolved.
	set *hubrules.ParamSet
	// the score thresholds in grading's exact tenths
	minAssessment, minSatisfaction hubrules.Points
	// static threshold texts, formatted once
	thrProjects, thrAssessment, thrSatisfaction, thrExtensions, thrBranchMin string
}

// NewMachine prepares a machine with the parameters for programme in
// effect on date: by default the shipped DefaultParamSet, or those chosen
// with WithParams or WithResolved. An unknown programme, a missing date or
// a parameter out of range is an *InputError.
func NewMachine(programme hubrules.Programme, date hubrules.Date, opts ...Option) (*Machine, error) {
	p, basis, err := Resolve(programme, date, opts...)
	if err != nil {
		return nil, err
	}
	m, err := newMachine(p, basis)
	if err != nil {
		return nil, err
	}
	m.set = setup.SetToReresolve(opts, DefaultParamSet)
	return m, nil
}

// at returns the machine for a firing on date: m itself on its own date,
// else one with the parameters resolved again for date from m's set, or the
// other_date *InputError when m's parameters were handed over resolved.
func (m *Machine) at(date hubrules.Date) (*Machine, error) {
	if date == m.basis.AsOf {
		return m, nil
	}
	if m.set == nil {
		return nil, hubrules.OtherDate("date", date, m.basis.AsOf)
	}
	p, basis, err := setup.FromSet[Params](m.set, m.basis.Programme, date)
	if err != nil {
		return nil, err
	}
	n, err := newMachine(p, basis)
	if err != nil {
		return nil, err
	}
	n.set = m.set
	return n, nil
}

// inForce turns each criterion whose parameter has no value on the
// machine's date into an unmet one that says its rule is not in force and
// when the parameter starts; it adds the unmet criteria of the parameters
// the firing computes with (the term for admit, the extension's length for
// extend) when they are not in force.
func (m *Machine) inForce(trigger Trigger, crit []Criterion) []Criterion {
	if len(m.basis.Missing) == 0 {
		return crit
	}
	switch {
	case trigger == Admit && m.basis.HasMissing(ParamTermMonths):
		crit = append(crit, Criterion{Rule: RulePeriod, Code: "term", Param: ParamTermMonths})
	case trigger == Extend && m.basis.HasMissing(ParamExtensionMonths):
		crit = append(crit, Criterion{Rule: RulePeriod, Code: "extension", Param: ParamExtensionMonths})
	}
	for i := range crit {
		c := &crit[i]
		if c.Param == "" || !m.basis.HasMissing(c.Param) {
			continue
		}
		f := hubrules.NotInForceFinding(c.Rule, "", m.basis.AsOf, m.basis.Unset(c.Param))
		c.Met, c.Threshold, c.Message = false, "", f.Message
		c.Facts = append(append([]hubrules.Fact(nil), c.Facts...), f.Facts...)
	}
	return crit
}

func newMachine(p Params, basis hubrules.Basis) (*Machine, error) {
	if err := hubrules.ValidateParams(&p, basis); err != nil {
		return nil, err
	}
	if !basis.Programme.Valid() {
		return nil, hubrules.NewInputError(hubrules.FieldError{Path: "basis.programme", Code: "enum", Value: string(basis.Programme),
			Message: hubrules.T("未知的项目代码", "unknown programme")})
	}
	return &Machine{params: p, basis: basis.Clone(),
		minAssessment:   hubrules.Pt(int64(p.MinAssessment)),
		minSatisfaction: hubrules.Pt(int64(p.MinSatisfactionPercent)),
		thrProjects:     strconv.Itoa(p.MinProjects),
		thrAssessment:   strconv.Itoa(p.MinAssessment),
		thrSatisfaction: strconv.Itoa(p.MinSatisfactionPercent),
		thrExtensions:   strconv.Itoa(p.ExtensionMax),
		thrBranchMin:    strconv.Itoa(p.BranchMinFormalMembers),
	}, nil
}

// Params returns the machine's parameters.
func (m *Machine) Params() Params { return m.params }

// Basis returns the programme and parameters the machine decides on.
func (m *Machine) Basis() hubrules.Basis { return m.basis.Clone() }

// Fire fires trigger on rec as of date with facts, and returns the new
// record and the decision. rec is never modified: the new record has a new
// history slice (the entries before are copied, the new one appended). The
// decision's criteria are the same values as the new history entry's. Fire
// trusts rec's fields to agree with its history, as they do for records
// from NewRecord, Fire, Replay and DecodeRecord.
//
//   - An unknown trigger, a malformed record, malformed facts or a date
//     before the last history entry is an *hubrules.InputError.
//   - A trigger the state does not allow is a *TransitionError
//     (errors.Is ErrTransitionNotAllowed); nothing is recorded.
//   - A guard that does not hold is not an error: the decision is Refused,
//     the state stays, the refusal is appended to the history, and the
//     decision lists every unmet criterion with its rule, facts and
//     parameter.
func (m *Machine) Fire(rec Record, trigger Trigger, facts Facts, date hubrules.Date) (Record, Decision, error) {
	var p hubrules.Problems
	if !trigger.Valid() {
		p.Add("trigger", "enum", string(trigger), hubrules.T("未知的触发代码 "+strconv.Quote(string(trigger)), "unknown trigger "+strconv.Quote(string(trigger))))
	}
	if !rec.State.Valid() {
		p.Add("record.state", "enum", string(rec.State), hubrules.T("未知的状态代码 "+strconv.Quote(string(rec.State)), "unknown state "+strconv.Quote(string(rec.State))))
	}
	if rec.Subject == "" {
		p.Add("record.subject", "required", "", hubrules.T("缺少孵化对象标识", "record.subject is missing"))
	}
	if date.IsZero() {
		p.Add("date", "required", "", hubrules.T("缺少触发日期", "the firing date is missing"))
	} else if n := len(rec.History); n > 0 && date.Before(rec.History[n-1].Date) {
		last := rec.History[n-1].Date.String()
		p.AddField(hubrules.FieldError{Path: "date", Code: "order", Value: date.String(), Param: last,
			Message: hubrules.T("触发日期早于历史最后一条记录（"+last+"）", "the firing date is before the last history entry ("+last+")")})
	}
	facts.check(&p, "facts")
	if err := p.Err(); err != nil {
		return rec, Decision{}, err
	}
	m, err := m.at(date)
	if err != nil {
		return rec, Decision{}, err
	}
	e, ok := edge(rec.State, trigger)
	if !ok {
		return rec, Decision{}, &TransitionError{State: rec.State, Trigger: trigger, Allowed: Allowed(rec.State)}
	}
	if trigger == Graduate {
		// Graduation reads the counts: a missing one is not 0.
		if facts.FormalMembers == nil {
			p.Add("facts.formal_members", "required", "", hubrules.T("出壳需要正式党员数（没有时填 0）", "graduate needs formal_members (0 when there are none)"))
		}
		if facts.ProjectsDelivered == nil {
			p.Add("facts.projects_delivered", "required", "", hubrules.T("出壳需要完成项目数（没有时填 0）", "graduate needs projects_delivered (0 when none)"))
		}
	}
	if err := p.Err(); err != nil {
		return rec, Decision{}, err
	}

	var crit []Criterion
	switch trigger {
	case Admit:
		crit = m.admitCriteria(&facts)
	case Extend:
		crit = m.extendCriteria(&rec)
	case Graduate:
		crit = m.graduateCriteria(&facts)
	case Engage:
		crit = m.engageCriteria(&facts)
	}
	crit = m.inForce(trigger, crit)
	outcome := Fired
	for i := range crit {
		if !crit[i].Met {
			outcome = Refused
			break
		}
	}
	entry := Entry{Date: date, Trigger: trigger, Actor: facts.Actor, Note: facts.Note, Subject: rec.Subject,
		From: rec.State, To: rec.State, Outcome: outcome, Criteria: crit,
		Programme: m.basis.Programme, Effective: m.basis.Effective}
	if outcome == Fired {
		entry.To = e.To
		switch trigger {
		case Admit:
			entry.Mode, entry.Base, entry.Class = entryMode(&facts), facts.Base, facts.Class
			if entry.Class == "" {
				entry.Class = Sprouting
			}
			entry.TermStart = date
			entry.TermEnd = date.AddMonths(m.params.TermMonths).AddDays(-1)
			if err := hubrules.CheckComputed("date", date, entry.TermEnd); err != nil {
				return rec, Decision{}, err
			}
		case Promote:
			entry.Class = GrowingOrg
		case Extend:
			entry.TermEnd = extendEnd(rec.TermEnd, rec.TermStart, date, m.params.ExtensionMonths)
			path, from := "record.term_end", rec.TermEnd
			if from.IsZero() {
				path, from = "date", date
			}
			if err := hubrules.CheckComputed(path, from, entry.TermEnd); err != nil {
				return rec, Decision{}, err
			}
		}
	}
	next := rec
	next.History = make([]Entry, len(rec.History)+1)
	copy(next.History, rec.History)
	next.History[len(rec.History)] = entry
	next.apply(&entry)
	d := Decision{Subject: rec.Subject, Trigger: trigger, From: rec.State, To: entry.To, Outcome: outcome, Criteria: cloneCriteria(crit), Basis: m.Basis()}
	return next, d, nil
}

// extendEnd is the term end after one extension of months: the day before
// (old end + 1 day + months). A record without a term (not possible through
// Fire) starts its term on the extension date.
func extendEnd(end, start, date hubrules.Date, months int) hubrules.Date {
	if end.IsZero() {
		if start.IsZero() {
			start = date
		}
		end = start.AddDays(-1)
	}
	return end.AddDays(1).AddMonths(months).AddDays(-1)
}

// apply sets what a fired entry changes on r (shared by Fire and Replay).
func (r *Record) apply(e *Entry) {
	if e.Outcome != Fired {
		return
	}
	r.State = e.To
	if e.Mode != "" {
		r.Mode = e.Mode
	}
	if e.Base != "" {
		r.Base = e.Base
	}
	if e.Class != "" {
		r.Class = e.Class
	}
	if !e.TermStart.IsZero() {
		r.TermStart = e.TermStart
	}
	if !e.TermEnd.IsZero() {
		r.TermEnd = e.TermEnd
	}
	if e.Trigger == Extend {
		r.Extensions++
	}
}

// cloneCriteria copies crit with each criterion's facts, so that a decision
// and the history entry of the same firing share nothing.
func cloneCriteria(crit []Criterion) []Criterion {
	out := append([]Criterion(nil), crit...)
	for i := range out {
		out[i].Facts = append([]hubrules.Fact(nil), out[i].Facts...)
	}
	return out
}
