package hub

import (
	"github.com/hubrules/hubrules"
)

// Assignee is who carries out a piece of party work.
type Assignee string

// The assignees of HUB-ADMIN-01.
const (
	// AssignedToHub is the hub organization (党务外包 to the hub).
	AssignedToHub Assignee = "hub"
	// AssignedToCentre is the street's party-building service centre
	// (社区党建服务中心, an administrative unit).
	AssignedToCentre Assignee = "service_centre"
)

// Valid reports whether a is a known assignee.
func (a Assignee) Valid() bool { return a == AssignedToHub || a == AssignedToCentre }

// Assignment is one task and who does it.
type Assignment struct {
	Task     Task     `json:"task" validate:"enum"`
	Assignee Assignee `json:"assignee" validate:"enum"`
}

// Assignments is the input of CheckAdmin.
type Assignments struct {
	Hub   string       `json:"hub" validate:"max=200"`
	Tasks []Assignment `json:"tasks" validate:"dive"`
}

var msgAdminToHub = hubrules.T("行政性党务不得交给枢纽组织承担（管办分离）", "administrative party work must not be assigned to the hub (管办分离)")

// CheckAdmin applies HUB-ADMIN-01: administrative party work (transferring
// membership relations, collecting dues, statistical returns, remote
// education, party network maintenance) stays with the party-building
// service centre; a finding for each such task assigned to the hub. Other
// tasks may be outsourced to the hub.
func (c *Checker) CheckAdmin(a Assignments, asOf hubrules.Date) (hubrules.Report, error) {
	c, err := c.at(asOf)
	if err != nil {
		return hubrules.Report{}, err
	}
	var p hubrules.Problems
	for i, t := range a.Tasks {
		path := hubrules.Index("tasks", i)
		if !t.Task.Valid() {
			p.Add(path+".task", "enum", string(t.Task), hubrules.UnknownCode("task", string(t.Task), t.Task))
		}
		if !t.Assignee.Valid() {
			p.Add(path+".assignee", "enum", string(t.Assignee), hubrules.UnknownCode("assignee", string(t.Assignee), t.Assignee))
		}
	}
	if err := p.Err(); err != nil {
		return hubrules.Report{}, err
	}
	if r, ok := c.gatedReport(RuleAdmin01, a.Hub, asOf, "admin.admin_only_tasks"); !ok {
		return r, nil
	}
	r := hubrules.Report{Basis: c.basisFor(asOf, "admin.admin_only_tasks"), Findings: []hubrules.Finding{}}
	for _, t := range a.Tasks {
		bad := t.Assignee == AssignedToHub && c.adminMk[taskIndex(t.Task)]
		r.Checks = append(r.Checks, hubrules.Check{Rule: RuleAdmin01, Subject: string(t.Task), Outcome: outcome(bad)})
		if bad {
			r.Findings = append(r.Findings, hubrules.Finding{Rule: RuleAdmin01, Severity: hubrules.Violation, Subject: string(t.Task), Message: msgAdminToHub,
				Facts: []hubrules.Fact{fact("task", t.Task.Name().ZH+" / "+t.Task.Name().EN), fact("assignee", string(t.Assignee))}})
		}
	}
	return r, nil
}

// FunctionsResult is HUB-FUNC-01: which of the required functions the hub's
// declared activities cover.
type FunctionsResult struct {
	Covered []Function      `json:"covered"`
	Missing []Function      `json:"missing"`
	Report  hubrules.Report `json:"report"`
}

var msgFuncMissing = hubrules.T("枢纽型组织缺少一项应具备的功能", "the hub does not cover one of its functions")

// CheckFunctions applies HUB-FUNC-01 to the functions the hub's activities
// serve (a function may be listed many times). Unknown codes are an
// *InputError.
func (c *Checker) CheckFunctions(declared []Function, asOf hubrules.Date) (FunctionsResult, error) {
	c, err := c.at(asOf)
	if err != nil {
		return FunctionsResult{}, err
	}
	var p hubrules.Problems
	var have [8]bool
	for i, f := range declared {
		if !f.Valid() {
			p.Add(hubrules.Index("functions", i), "enum", string(f), hubrules.UnknownCode("function", string(f), f))
			continue
		}
		have[functionIndex(f)] = true
	}
	if err := p.Err(); err != nil {
		return FunctionsResult{}, err
	}
	r := FunctionsResult{Covered: []Function{}, Missing: []Function{}}
	if rep, ok := c.gatedReport(RuleFunc01, "functions", asOf, "func.required_functions"); !ok {
		r.Report = rep
		return r, nil
	}
	r.Report = hubrules.Report{Basis: c.basisFor(asOf, "func.required_functions"), Findings: []hubrules.Finding{}}
	for _, f := range c.p.RequiredFunctions {
		ok := have[functionIndex(f)]
		r.Report.Checks = append(r.Report.Checks, hubrules.Check{Rule: RuleFunc01, Subject: string(f), Outcome: outcome(!ok)})
		if ok {
			r.Covered = append(r.Covered, f)
			continue
		}
		r.Missing = append(r.Missing, f)
		r.Report.Findings = append(r.Report.Findings, hubrules.Finding{Rule: RuleFunc01, Severity: hubrules.Violation, Subject: string(f), Message: msgFuncMissing,
			Facts: []hubrules.Fact{fact("function", f.Name().ZH+" / "+f.Name().EN)}})
	}
	return r, nil
}

func functionIndex(f Function) int {
	switch f {
	case Incubation:
		return 1
	case LiaisonService:
		return 2
	case ResourceSupport:
		return 3
	case Voice:
		return 4
	case TalentGathering:
		return 5
	}
	return 0
}

// Board is the hub's board (理事会): the start of the current term and,
// when known, its own term length.
type Board struct {
	TermStarted hubrules.Date `json:"term_started" validate:"required"`
	// TermYears overrides board.term_years when the charter states it (0: use
	// the parameter).
	TermYears int `json:"term_years,omitempty" validate:"gte=0,lte=20"`
}

// BoardResult is HUB-BOARD-01.
type BoardResult struct {
	TermYears int             `json:"term_years"`
	TermEnds  hubrules.Date   `json:"term_ends"`
	DaysLeft  int             `json:"days_left"`
	Overdue   bool            `json:"overdue"`
	DueSoon   bool            `json:"due_soon"`
	Report    hubrules.Report `json:"report"`
}

var (
	msgBoardOverdue = hubrules.T("理事会任期已满未换届（应同步党组织人选把关，SYNC-5）", "the board's term has ended without re-election (the trigger of SYNC-5)")
	msgBoardSoon    = hubrules.T("理事会任期即将届满", "the board's term ends soon")
)

// CheckBoard applies HUB-BOARD-01 on asOf: the term ends TermYears after
// TermStarted; after that day without re-election it is overdue, within
// board.due_soon_days it is due soon.
func (c *Checker) CheckBoard(b Board, asOf hubrules.Date) (BoardResult, error) {
	c, err := c.at(asOf)
	if err != nil {
		return BoardResult{}, err
	}
	var p hubrules.Problems
	if b.TermStarted.IsZero() {
		p.Add("term_started", "required", "", hubrules.T("缺少本届任期开始日期", "the start of the term is missing"))
	} else if !asOf.IsZero() && b.TermStarted.After(asOf) {
		p.Add("term_started", "order", b.TermStarted.String(), hubrules.T("任期开始日期晚于评估日 "+asOf.String(), "the term starts after the evaluation date "+asOf.String()))
	}
	if asOf.IsZero() {
		p.Add("as_of", "required", "", hubrules.T("需要评估日期", "an evaluation date is required"))
	}
	if b.TermYears < 0 || b.TermYears > 20 {
		p.Add("term_years", "range", itoa(b.TermYears), hubrules.T("任期年数应在 0 到 20 之间", "term_years must be from 0 to 20"))
	}
	if err := p.Err(); err != nil {
		return BoardResult{}, err
	}
	r := BoardResult{TermYears: c.p.BoardTermYears}
	// board.term_years is read only when the charter's own term is not
	// given.
	names := []string{"board.due_soon_days"}
	if b.TermYears > 0 {
		r.TermYears = b.TermYears
	} else {
		names = append(names, "board.term_years")
	}
	if rep, ok := c.gatedReport(RuleBoard01, "board", asOf, names...); !ok {
		return BoardResult{Report: rep}, nil
	}
	r.TermEnds = b.TermStarted.AddYears(r.TermYears)
	if err := hubrules.CheckComputed("term_started", b.TermStarted, r.TermEnds); err != nil {
		return BoardResult{}, err
	}
	r.DaysLeft = r.TermEnds.DaysSince(asOf)
	r.Overdue = asOf.After(r.TermEnds)
	r.DueSoon = !r.Overdue && r.DaysLeft <= c.p.BoardDueSoonDays
	r.Report = hubrules.Report{Basis: c.basisFor(asOf, names...), Findings: []hubrules.Finding{},
		Checks: []hubrules.Check{{Rule: RuleBoard01, Subject: "board", Outcome: outcome(r.Overdue)}}}
	facts := []hubrules.Fact{fact("term_started", b.TermStarted.String()), fact("term_years", itoa(r.TermYears)), fact("term_ends", r.TermEnds.String()), fact("days_left", itoa(r.DaysLeft))}
	switch {
	case r.Overdue:
		r.Report.Findings = append(r.Report.Findings, hubrules.Finding{Rule: RuleBoard01, Severity: hubrules.Violation, Subject: "board", Message: msgBoardOverdue, Facts: facts})
	case r.DueSoon:
		r.Report.Findings = append(r.Report.Findings, hubrules.Finding{Rule: RuleBoard01, Severity: hubrules.Warning, Subject: "board", Message: msgBoardSoon, Facts: facts})
	}
	return r, nil
}

// Centre is a street-level social-organization service centre that runs
// double incubation (HUB-CENTRE-01).
type Centre struct {
	// RunsDoubleIncubation: the rule applies only to a centre that does.
	RunsDoubleIncubation bool               `json:"runs_double_incubation"`
	LegalForm            hubrules.LegalForm `json:"legal_form" validate:"enum"`
	OfficeM2             int                `json:"office_m2" validate:"gte=0"`
	// FixedOffice is true when the office is a fixed place (not shared or temporary).
	FixedOffice bool `json:"fixed_office"`
	// ExternalOperator is true when an organization from outside the street runs it.
	ExternalOperator bool           `json:"external_operator"`
	OperatorGrade    hubrules.Grade `json:"operator_grade,omitempty" validate:"enum"`
}

var (
	msgCentreForm  = hubrules.T("服务中心应登记为社会服务机构", "the centre must be registered as a social service institution")
	msgCentreArea  = hubrules.T("服务中心固定办公场所面积不足", "the centre's fixed office is too small")
	msgCentreFixed = hubrules.T("服务中心没有固定办公场所", "the centre has no fixed office")
	msgCentreGrade = hubrules.T("外来运营机构评估等级不足", "the outside operator's grade is too low")
)

// CheckCentre applies HUB-CENTRE-01 and lists every unmet condition. Before
// the standard takes effect the rule answers not_in_force, with the day it
// starts.
func (c *Checker) CheckCentre(ct Centre, asOf hubrules.Date) (hubrules.Report, error) {
	c, err := c.at(asOf)
	if err != nil {
		return hubrules.Report{}, err
	}
	var p hubrules.Problems
	if !ct.LegalForm.Valid() {
		p.Add("legal_form", "enum", string(ct.LegalForm), hubrules.UnknownCode("legal_form", string(ct.LegalForm), ct.LegalForm))
	}
	if ct.OfficeM2 < 0 {
		p.AddField(negativeField("office_m2", ct.OfficeM2))
	}
	if !ct.OperatorGrade.Valid() {
		p.Add("operator_grade", "enum", string(ct.OperatorGrade), hubrules.UnknownCode("operator_grade", string(ct.OperatorGrade), ct.OperatorGrade))
	}
	if err := p.Err(); err != nil {
		return hubrules.Report{}, err
	}
	if r, ok := c.gatedReport(RuleCentre01, "centre", asOf, "centre.min_office_m2", "centre.min_operator_grade"); !ok {
		// The Hangzhou standard (DB3301/T 0346—2021) is not in force.
		return r, nil
	}
	r := hubrules.Report{Basis: c.basisFor(asOf, "centre.min_office_m2", "centre.min_operator_grade"), Findings: []hubrules.Finding{}}
	if !ct.RunsDoubleIncubation {
		r.Checks = []hubrules.Check{{Rule: RuleCentre01, Subject: "centre", Outcome: hubrules.NotApplicable}}
		return r, nil
	}
	add := func(m hubrules.Text, facts ...hubrules.Fact) {
		r.Findings = append(r.Findings, hubrules.Finding{Rule: RuleCentre01, Severity: hubrules.Violation, Subject: "centre", Message: m, Facts: facts})
	}
	if ct.LegalForm != hubrules.SocialServiceInstitution {
		add(msgCentreForm, hubrules.CodeFact("legal_form", ct.LegalForm))
	}
	if !ct.FixedOffice {
		add(msgCentreFixed)
	}
	if ct.OfficeM2 < c.p.CentreMinOfficeM2 {
		add(msgCentreArea, fact("office_m2", itoa(ct.OfficeM2)), fact("centre.min_office_m2", itoa(c.p.CentreMinOfficeM2)))
	}
	if ct.ExternalOperator && !ct.OperatorGrade.AtLeast(c.p.CentreMinOperatorGrade) || ct.ExternalOperator && ct.OperatorGrade == hubrules.NoGrade {
		add(msgCentreGrade, fact("operator_grade", string(ct.OperatorGrade)), fact("centre.min_operator_grade", string(c.p.CentreMinOperatorGrade)))
	}
	r.Checks = []hubrules.Check{{Rule: RuleCentre01, Subject: "centre", Outcome: outcome(len(r.Findings) > 0)}}
	return r, nil
}

// Name returns who a task is assigned to in Chinese and English.
func (a Assignee) Name() hubrules.Text {
	switch a {
	case AssignedToHub:
		return hubrules.T("枢纽型社会组织", "the hub")
	case AssignedToCentre:
		return hubrules.T("党建服务中心", "the party-building service centre")
	}
	return hubrules.T("未知承担方", "unknown assignee")
}

// Codes lists the assignees (hubrules.Coded).
func (Assignee) Codes() []hubrules.Code { return hubrules.CodesOf(AssignedToHub, AssignedToCentre) }
