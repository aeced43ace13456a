package incubation

import "github.com/hubrules/hubrules"

// State is a stage of the incubation life cycle. Its JSON form is the
// snake_case code, stable across versions.
type State string

// The states (docs/rules.md). Rejected, Exited, Terminated and Governing take
// no trigger.
const (
	// Applied: the organization has applied to move in (申请入驻).
	Applied State = "applied"
	// Incubating: moved in, in its incubation term (入壳孵化).
	Incubating State = "incubating"
	// Growing: past the start-up stage, building capacity (成长).
	Growing State = "growing"
	// Graduated: left the shell as a mature organization (成熟出壳).
	Graduated State = "graduated"
	// Governing: a graduate that takes part in governance (参与治理).
	Governing State = "governing"
	// Rejected: the application was turned down (不予入驻).
	Rejected State = "rejected"
	// Exited: left of its own accord before graduating (主动退出).
	Exited State = "exited"
	// Terminated: the incubator ended the incubation (终止孵化/清退).
	Terminated State = "terminated"
)

var allStates = [...]State{Applied, Incubating, Growing, Graduated, Governing, Rejected, Exited, Terminated}

// States returns every state in life-cycle order.
func States() []State { s := allStates; return s[:] }

// Valid reports whether s is a known state code.
func (s State) Valid() bool {
	switch s {
	case Applied, Incubating, Growing, Graduated, Governing, Rejected, Exited, Terminated:
		return true
	}
	return false
}

// Final reports whether no trigger leaves s.
func (s State) Final() bool { return s.Valid() && len(Allowed(s)) == 0 }

// Name returns the state in Chinese and English.
func (s State) Name() hubrules.Text {
	switch s {
	case Applied:
		return hubrules.T("已申请", "applied")
	case Incubating:
		return hubrules.T("入壳孵化", "incubating")
	case Growing:
		return hubrules.T("成长培育", "growing")
	case Graduated:
		return hubrules.T("成熟出壳", "graduated")
	case Governing:
		return hubrules.T("参与治理", "governing")
	case Rejected:
		return hubrules.T("不予入驻", "rejected")
	case Exited:
		return hubrules.T("主动退出", "exited")
	case Terminated:
		return hubrules.T("终止孵化", "terminated")
	}
	return hubrules.T("未知状态 "+string(s), "unknown state "+string(s))
}

// Trigger is an event that moves a record from one state to another. Its
// JSON form is the snake_case code.
type Trigger string

// The triggers (docs/rules.md).
const (
	Admit     Trigger = "admit"     // 入壳: applied → incubating (INC-ADMIT-01, INC-NET-01)
	Reject    Trigger = "reject"    // 不予入驻: applied → rejected
	Promote   Trigger = "promote"   // 转入成长: incubating → growing
	Extend    Trigger = "extend"    // 延期: incubating/growing, one extension (INC-PERIOD-01)
	Graduate  Trigger = "graduate"  // 出壳: growing → graduated (INC-GRAD-01)
	Engage    Trigger = "engage"    // 参与治理: graduated → governing (INC-GOV-01)
	Exit      Trigger = "exit"      // 退出: incubating/growing → exited
	Terminate Trigger = "terminate" // 终止: incubating/growing → terminated
)

var allTriggers = [...]Trigger{Admit, Reject, Promote, Extend, Graduate, Engage, Exit, Terminate}

// Triggers returns every trigger.
func Triggers() []Trigger { t := allTriggers; return t[:] }

// Valid reports whether t is a known trigger code.
func (t Trigger) Valid() bool {
	switch t {
	case Admit, Reject, Promote, Extend, Graduate, Engage, Exit, Terminate:
		return true
	}
	return false
}

// Name returns the trigger in Chinese and English.
func (t Trigger) Name() hubrules.Text {
	switch t {
	case Admit:
		return hubrules.T("入壳", "admit")
	case Reject:
		return hubrules.T("不予入驻", "reject")
	case Promote:
		return hubrules.T("转入成长期", "promote")
	case Extend:
		return hubrules.T("延长孵化期", "extend")
	case Graduate:
		return hubrules.T("出壳", "graduate")
	case Engage:
		return hubrules.T("参与治理", "engage")
	case Exit:
		return hubrules.T("退出", "exit")
	case Terminate:
		return hubrules.T("终止孵化", "terminate")
	}
	return hubrules.T("未知触发 "+string(t), "unknown trigger "+string(t))
}

// Transition is one edge of the machine: from a state, on a trigger, to a
// state, guarded by the rules listed (none: the trigger always fires).
type Transition struct {
	From    State    `json:"from"`
	Trigger Trigger  `json:"trigger"`
	To      State    `json:"to"`
	Guards  []string `json:"guards,omitempty"`
}

// The machine's edges, in the order of the diagrams.
var table = [...]Transition{
	{Applied, Admit, Incubating, []string{RuleAdmit, RuleNetwork}},
	{Applied, Reject, Rejected, nil},
	{Incubating, Promote, Growing, nil},
	{Incubating, Extend, Incubating, []string{RulePeriod}},
	{Incubating, Exit, Exited, nil},
	{Incubating, Terminate, Terminated, nil},
	{Growing, Graduate, Graduated, []string{RuleGraduate}},
	{Growing, Extend, Growing, []string{RulePeriod}},
	{Growing, Exit, Exited, nil},
	{Growing, Terminate, Terminated, nil},
	{Graduated, Engage, Governing, []string{RuleGovern}},
}

// Transitions returns a copy of the machine's edges.
func Transitions() []Transition {
	out := make([]Transition, len(table))
	for i, t := range table {
		t.Guards = append([]string(nil), t.Guards...)
		out[i] = t
	}
	return out
}

// edge returns the edge for (from, trigger).
func edge(from State, t Trigger) (*Transition, bool) {
	for i := range table {
		if table[i].From == from && table[i].Trigger == t {
			return &table[i], true
		}
	}
	return nil, false
}

// Allowed returns the triggers allowed in s, in table order (nil for a
// final or unknown state).
func Allowed(s State) []Trigger {
	var out []Trigger
	for i := range table {
		if table[i].From == s {
			out = append(out, table[i].Trigger)
		}
	}
	return out
}

// Can reports whether trigger t is allowed in state s.
func Can(s State, t Trigger) bool {
	_, ok := edge(s, t)
	return ok
}

// Codes lists the states (hubrules.Coded).
func (State) Codes() []hubrules.Code { return hubrules.CodesOf(States()...) }

// Codes lists the triggers (hubrules.Coded).
func (Trigger) Codes() []hubrules.Code { return hubrules.CodesOf(Triggers()...) }
