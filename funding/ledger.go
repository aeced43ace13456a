package funding

import (
	"encoding/json"

	"github.com/hubrules/hubrules"
	"github.com/shopspring/decimal"
)

// OpKind names a ledger operation.
type OpKind string

// The ledger operations.
const (
	// OpCommit commits part of an area's share to an approved project (立项).
	OpCommit OpKind = "commit"
	// OpPay pays out of a project's commitment (拨付).
	OpPay OpKind = "pay"
	// OpRelease gives back the unpaid part of a commitment to the area.
	OpRelease OpKind = "release"
)

// Entry is one accepted ledger operation.
type Entry struct {
	Seq     int    `json:"seq"`
	Op      OpKind `json:"op"`
	Area    string `json:"area"`
	Project string `json:"project"`
	Amount  Money  `json:"amount"`
}

// AreaBalance is one area of the fund at a point in time. Committed counts
// what is committed and not released (paid or not); Free = Limit − Committed.
type AreaBalance struct {
	Code      string        `json:"code"`
	Name      hubrules.Text `json:"name"`
	Share     Rate          `json:"share"`
	Limit     Money         `json:"limit"`
	Committed Money         `json:"committed"`
	Paid      Money         `json:"paid"`
	Free      Money         `json:"free"`
}

// Commitment is one project's commitment.
type Commitment struct {
	Project   string `json:"project"`
	Area      string `json:"area"`
	Committed Money  `json:"committed"`
	Paid      Money  `json:"paid"`
}

type histNode struct {
	e    Entry
	prev *histNode
}

// Ledger is the FND-BUDGET-01 ledger of an annual special fund (专项资金)
// split into areas. It is a value: Commit, Pay and Release return a new
// Ledger and leave the receiver as it was, so every earlier value is a
// snapshot of that point in time; a refused operation returns the error and
// no new ledger. No sequence of operations can commit more than an area's
// limit or pay more than a project's commitment (FND-FOLLOW-01: every
// payment names a committed project).
type Ledger struct {
	annual Money
	areas  []AreaBalance
	commit []Commitment
	hist   *histNode
	seq    int
	basis  hubrules.Basis
	steps  []Step
}

// NewLedger splits annual over areas by their shares (which must add up to
// exactly 100 %) with Allocate, so the area limits add up to annual.
func NewLedger(annual Money, areas []AreaShare) (Ledger, error) {
	var p hubrules.Problems
	nonNeg(&p, "annual", &annual)
	if len(areas) == 0 {
		p.Add("areas", "required", "", hubrules.T("至少需要一个领域", "at least one area is required"))
	}
	sum := decimal.Zero
	weights := make([]int64, len(areas))
	for i, a := range areas {
		path := hubrules.Index("areas", i)
		if a.Code == "" {
			p.Add(path+".code", "required", "", hubrules.T("领域代码不能为空", "an area code is required"))
		}
		for j := 0; j < i; j++ {
			if areas[j].Code == a.Code {
				p.Add(path+".code", "unique", a.Code, hubrules.T("领域代码重复", "duplicate area code"))
			}
		}
		w, ok := shareWeight(&p, path+".share", a.Share, "份额")
		if !ok {
			continue
		}
		weights[i] = w
		sum = sum.Add(a.Share.d)
	}
	if p.Len() == 0 && !sum.Equal(decimal.NewFromInt(1)) {
		p.Add("areas", "sum", sum.String(), hubrules.T("各领域份额之和须为 100%", "the area shares must add up to 100%"))
	}
	if err := p.Err(); err != nil {
		return Ledger{}, err
	}
	limits, err := Allocate(annual, weights)
	if err != nil {
		return Ledger{}, err
	}
	l := Ledger{annual: annual, areas: make([]AreaBalance, len(areas))}
	for i, a := range areas {
		l.areas[i] = AreaBalance{Code: a.Code, Name: a.Name, Share: a.Share, Limit: limits[i], Free: limits[i]}
		l.steps = append(l.steps, Step{Rule: RuleBudget, What: hubrules.T("领域额度 = 年度资金 × 份额（最大余数法，分毫不差）", "area limit = annual fund × share (largest remainder, exact to the fen)"),
			Expr: annual.String() + " × " + a.Share.String() + " = " + limits[i].String() + " (" + a.Code + ")", Rounding: Down, Params: []string{"budget.annual", "budget.areas"}})
	}
	return l, nil
}

// Ledger returns an empty ledger of the programme's annual fund and areas
// (jingan: 15,000,000 yuan over 培育扶持, 能力建设, 评价激励, 项目资助 with
// illustrative equal shares). Pass areas to use the caller's shares.
func (e *Evaluator) Ledger(areas ...AreaShare) (Ledger, error) {
	// budget.areas is read only when the caller gives no areas.
	names := []string{"budget.annual"}
	if len(areas) == 0 {
		names = append(names, "budget.areas")
	}
	if err := e.need(RuleBudget, "budget", e.p.Budget != nil, names...); err != nil {
		return Ledger{}, err
	}
	if len(areas) == 0 {
		areas = e.p.Budget.Areas
	}
	l, err := NewLedger(e.p.Budget.Annual, areas)
	if err != nil {
		return l, err
	}
	l.basis = e.b.Only(names...)
	return l, nil
}

// Explanation returns the basis and the steps that set the area limits.
func (l Ledger) Explanation() Explanation {
	steps := append([]Step(nil), l.steps...)
	for i := range steps {
		steps[i].Params = append([]string(nil), steps[i].Params...)
	}
	return Explanation{Basis: l.basis.Clone(), Steps: steps}
}

// Annual returns the fund.
func (l Ledger) Annual() Money { return l.annual }

// Seq returns the number of accepted operations.
func (l Ledger) Seq() int { return l.seq }

// Areas returns every area's balance.
func (l Ledger) Areas() []AreaBalance { return append([]AreaBalance(nil), l.areas...) }

// Area returns one area's balance.
func (l Ledger) Area(code string) (AreaBalance, bool) {
	if i := l.areaIdx(code); i >= 0 {
		return l.areas[i], true
	}
	return AreaBalance{}, false
}

// Totals returns the whole fund's committed, paid and free amounts.
func (l Ledger) Totals() AreaBalance {
	t := AreaBalance{Code: "total", Name: hubrules.T("合计", "total"), Limit: l.annual}
	for _, a := range l.areas {
		t.Committed.fen += a.Committed.fen
		t.Paid.fen += a.Paid.fen
		t.Free.fen += a.Free.fen
	}
	return t
}

// Commitments returns every project's commitment.
func (l Ledger) Commitments() []Commitment { return append([]Commitment(nil), l.commit...) }

// History returns the accepted operations, oldest first.
func (l Ledger) History() []Entry {
	out := make([]Entry, l.seq)
	for n := l.hist; n != nil; n = n.prev {
		out[n.e.Seq-1] = n.e
	}
	return out
}

func (l Ledger) areaIdx(code string) int {
	for i := range l.areas {
		if l.areas[i].Code == code {
			return i
		}
	}
	return -1
}

func (l Ledger) commitIdx(project string) int {
	for i := range l.commit {
		if l.commit[i].Project == project {
			return i
		}
	}
	return -1
}

// with returns l with the accepted entry e applied: the new ledger gets its
// own copies of the areas and commitments, so l is left as it was.
func (l Ledger) with(e Entry, area int, c Commitment, ci int) Ledger {
	n := l
	n.areas = append([]AreaBalance(nil), l.areas...)
	extra := 0
	if ci < 0 {
		extra = 1
	}
	n.commit = make([]Commitment, len(l.commit), len(l.commit)+extra)
	copy(n.commit, l.commit)
	n.apply(e, area, c, ci)
	return n
}

// apply applies the accepted entry e to l in place: l must own its areas and
// commitments (with and Replay copy them first). c is the project's new
// commitment, ci its index (negative: a new project, appended).
func (l *Ledger) apply(e Entry, area int, c Commitment, ci int) {
	a := &l.areas[area]
	switch e.Op {
	case OpCommit:
		a.Committed.fen += e.Amount.fen
	case OpPay:
		a.Paid.fen += e.Amount.fen
	case OpRelease:
		a.Committed.fen -= e.Amount.fen
	}
	a.Free.fen = a.Limit.fen - a.Committed.fen
	if ci < 0 {
		l.commit = append(l.commit, c)
	} else {
		l.commit[ci] = c
	}
	l.seq++
	e.Seq = l.seq
	l.hist = &histNode{e: e, prev: l.hist}
}

func opErr(path, code, value, zh, en string) error { return inputErr(path, code, value, zh, en) }

// Commit commits amount of area to project (an approved project: FND-FOLLOW-01).
// A second commit to the same project in the same area adds to it. It is
// refused when the area's free amount is smaller.
func (l Ledger) Commit(area, project string, amount Money) (Ledger, error) {
	return l.one(Entry{Op: OpCommit, Area: area, Project: project, Amount: amount})
}

// Pay pays amount out of project's commitment; refused when it is more than
// the unpaid commitment or names no committed project (FND-FOLLOW-01).
func (l Ledger) Pay(project string, amount Money) (Ledger, error) {
	return l.one(Entry{Op: OpPay, Project: project, Amount: amount})
}

// Release gives back amount of project's unpaid commitment to its area.
func (l Ledger) Release(project string, amount Money) (Ledger, error) {
	return l.one(Entry{Op: OpRelease, Project: project, Amount: amount})
}

// one applies a single entry: a new ledger, or l and the error.
func (l Ledger) one(e Entry) (Ledger, error) {
	ci := l.commitIdx(e.Project)
	e, ai, c, err := l.step(e, l.areaIdx(e.Area), ci)
	if err != nil {
		return l, err
	}
	return l.with(e, ai, c, ci), nil
}

// step checks entry e against l, given the index of e.Area among the areas
// (ai) and of e.Project among the commitments (ci), each negative when
// there is none. It returns the entry as recorded (a payment's or release's
// area is its commitment's), the area's index and the project's new
// commitment, or the error that refuses e. l is only read.
func (l *Ledger) step(e Entry, ai, ci int) (Entry, int, Commitment, error) {
	var p hubrules.Problems
	amount := e.Amount
	if e.Op != OpCommit && e.Op != OpPay && e.Op != OpRelease {
		return e, 0, Commitment{}, opErr("op", "enum", string(e.Op), "未知的操作", "unknown operation")
	}
	if e.Op == OpCommit {
		if ai < 0 {
			p.Add("area", "unknown", e.Area, hubrules.T("未知的领域", "unknown area"))
		}
		if e.Project == "" {
			p.Add("project", "required", "", hubrules.T("承诺须指明已立项的项目（资金跟着项目走）", "a commitment must name an approved project (funds follow projects)"))
		}
	}
	if !amount.IsPositive() {
		p.Add("amount", "gt", amount.String(), hubrules.T("金额须为正数", "the amount must be positive"))
	}
	if e.Op == OpCommit {
		if ci >= 0 && l.commit[ci].Area != e.Area {
			p.Add("area", "mismatch", e.Area, hubrules.T("该项目已在另一领域承诺", "the project is committed in another area"))
		}
		if p.Len() == 0 && amount.GreaterThan(l.areas[ai].Free) {
			p.Add("amount", "overdrawn", amount.String(), hubrules.T("超过领域可用额度 "+l.areas[ai].Free.String(), "more than the area's free amount "+l.areas[ai].Free.String()))
		}
		if err := p.Err(); err != nil {
			return e, 0, Commitment{}, err
		}
		c := Commitment{Project: e.Project, Area: e.Area}
		if ci >= 0 {
			c = l.commit[ci]
		}
		c.Committed.fen += amount.fen
		return Entry{Op: OpCommit, Area: e.Area, Project: e.Project, Amount: amount}, ai, c, nil
	}
	if ci < 0 {
		p.Add("project", "unknown", e.Project, hubrules.T("未承诺的项目不能拨付（资金跟着项目走）", "no commitment for this project: funds follow projects"))
	}
	if p.Len() == 0 {
		c := l.commit[ci]
		unpaid := c.Committed.fen - c.Paid.fen
		if amount.fen > unpaid {
			p.Add("amount", "overdrawn", amount.String(), hubrules.T("超过该项目未拨付的承诺额 "+Fen(unpaid).String(), "more than the project's unpaid commitment "+Fen(unpaid).String()))
		}
	}
	if err := p.Err(); err != nil {
		return e, 0, Commitment{}, err
	}
	c := l.commit[ci]
	if e.Op == OpPay {
		c.Paid.fen += amount.fen
	} else {
		c.Committed.fen -= amount.fen
	}
	return Entry{Op: e.Op, Area: c.Area, Project: e.Project, Amount: amount}, l.areaIdx(c.Area), c, nil
}

// Apply applies an entry (Seq ignored); for replaying a history.
func (l Ledger) Apply(e Entry) (Ledger, error) {
	return l.one(Entry{Op: e.Op, Area: e.Area, Project: e.Project, Amount: e.Amount})
}

// LedgerState is a ledger's state as plain data (for JSON and reports).
type LedgerState struct {
	Annual      Money          `json:"annual"`
	Areas       []AreaBalance  `json:"areas"`
	Totals      AreaBalance    `json:"totals"`
	Commitments []Commitment   `json:"commitments"`
	History     []Entry        `json:"history"`
	Basis       hubrules.Basis `json:"basis"`
}

// State returns the ledger as plain data.
func (l Ledger) State() LedgerState {
	return LedgerState{Annual: l.annual, Areas: l.Areas(), Totals: l.Totals(), Commitments: l.Commitments(), History: l.History(), Basis: l.basis.Clone()}
}

// MarshalJSON writes the ledger's State.
func (l Ledger) MarshalJSON() ([]byte, error) { return json.Marshal(l.State()) }

// Replay applies entries in order to l; the first refused entry stops it
// and its index is in the error's path ("entries[3].amount"), and l is left
// as it was. It gives the ledger that Apply entry by entry would give, in
// time linear in the entries: the areas and commitments are copied once and
// projects are found through an index.
func (l Ledger) Replay(entries []Entry) (Ledger, error) {
	cur := l
	cur.areas = append([]AreaBalance(nil), l.areas...)
	cur.commit = append([]Commitment(nil), l.commit...)
	areaAt := make(map[string]int, len(l.areas))
	for i := len(l.areas) - 1; i >= 0; i-- {
		areaAt[l.areas[i].Code] = i
	}
	commitAt := make(map[string]int, len(l.commit))
	for i := len(l.commit) - 1; i >= 0; i-- {
		commitAt[l.commit[i].Project] = i
	}
	at := func(m map[string]int, k string) int {
		if i, ok := m[k]; ok {
			return i
		}
		return -1
	}
	for i, e := range entries {
		ci := at(commitAt, e.Project)
		rec, ai, c, err := cur.step(e, at(areaAt, e.Area), ci)
		if err != nil {
			var p hubrules.Problems
			p.Merge(hubrules.Index("entries", i), err)
			return l, p.Err()
		}
		if ci < 0 {
			commitAt[c.Project] = len(cur.commit)
		}
		cur.apply(rec, ai, c, ci)
	}
	return cur, nil
}

// JSONShape returns the shape MarshalJSON writes, LedgerState
// (hubrules.JSONShaper).
func (Ledger) JSONShape() any { return LedgerState{} }

// Name returns the ledger operation in Chinese and English.
func (k OpKind) Name() hubrules.Text {
	switch k {
	case OpCommit:
		return hubrules.T("立项承诺", "commit")
	case OpPay:
		return hubrules.T("拨付", "pay")
	case OpRelease:
		return hubrules.T("释放未拨付部分", "release")
	}
	return hubrules.T("未知台账操作", "unknown ledger operation")
}

// Codes lists the ledger operations (hubrules.Coded).
func (OpKind) Codes() []hubrules.Code { return hubrules.CodesOf(OpCommit, OpPay, OpRelease) }
