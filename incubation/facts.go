package incubation

import (
	"strconv"

	"github.com/hubrules/hubrules"
)

// EntryMode is how an applicant moves in (INC-ADMIT-01; jingan:
// 组织入驻为主、项目化入驻为辅).
type EntryMode string

// The entry modes.
const (
	// AsOrganization is 组织入驻: the whole organization moves in.
	AsOrganization EntryMode = "organization"
	// AsProject is 项目化入驻: the organization enters with a single project.
	AsProject EntryMode = "project"
)

// Valid reports whether m is a known entry mode.
func (m EntryMode) Valid() bool { return m == AsOrganization || m == AsProject }

// Registration is an organization's legal standing: registered (登记) with
// civil affairs, filed (备案) with the street, or neither.
type Registration string

// The registration statuses.
const (
	Unregistered Registration = "none"
	Filed        Registration = "filed"
	Registered   Registration = "registered"
)

// Valid reports whether r is a known registration status.
func (r Registration) Valid() bool { return r == Unregistered || r == Filed || r == Registered }

// GovernanceProject is the kind of governance project a graduate takes on
// (INC-GOV-01).
type GovernanceProject string

// The governance projects.
const (
	NoGovernanceProject GovernanceProject = "none"
	// PurchasedService is 政府购买服务: a service the government buys.
	PurchasedService GovernanceProject = "purchased_service"
	// ClaimedProject is a community project claimed (认领) from the lists
	// the street publishes (kaixuan "三张清单").
	ClaimedProject GovernanceProject = "claimed_project"
)

// Valid reports whether g is a known governance-project kind.
func (g GovernanceProject) Valid() bool {
	return g == NoGovernanceProject || g == PurchasedService || g == ClaimedProject
}

// Facts are what the guards read when a trigger fires: plain values the
// caller supplies (from its own records, or from the hub and grading
// packages). Fields a trigger does not read are ignored for it. Facts are
// never modified.
type Facts struct {
	// Actor is who fires the trigger (a staff member, a committee); it is
	// written into the history.
	Actor string `json:"actor,omitempty" validate:"max=200" hubrules:"personal"`
	// Note is a free remark kept in the history.
	Note string `json:"note,omitempty" validate:"max=2000" hubrules:"personal"`

	// ServesCommunity: the applicant serves the community (INC-ADMIT-01).
	ServesCommunity bool `json:"serves_community,omitempty"`
	// Leader is the applicant's named leader (负责人) (INC-ADMIT-01). It is
	// personal data: the guard reads only whether it is set, and no finding
	// or message repeats it.
	Leader string `json:"leader,omitempty" validate:"max=200" hubrules:"personal"`
	// CensusDone: the move-in census (入驻排摸, SYNC-2) of leader's political
	// status and party members is done (INC-ADMIT-01).
	CensusDone bool `json:"census_done,omitempty"`
	// EntryMode is organization or project (INC-ADMIT-01); absent: the
	// organization itself moves in, and the admission's entry_mode
	// criterion says it was the default.
	EntryMode EntryMode `json:"entry_mode,omitempty" validate:"omitempty,enum" doc:"入驻方式；缺省：按组织本身入驻（默认，决定中注明） / entry mode; absent: the organization itself (the default, stated in the decision)"`
	// Base is the one incubation base the incubatee joins (INC-NET-01):
	// required for admission where network.base_required is true (jingan);
	// elsewhere optional and recorded when given.
	Base Base `json:"base,omitempty" validate:"omitempty,enum" doc:"孵化基地；静安入壳必填，其他项目可不填 / incubation base; required for admission in jingan, optional elsewhere"`
	// Class is the maturity class on admission (INC-CLASS-01); sprouting
	// when empty.
	Class MaturityClass `json:"class,omitempty" validate:"omitempty,enum"`

	// Registration: registered or filed (INC-GRAD-01).
	Registration Registration `json:"registration,omitempty" validate:"omitempty,enum"`
	// OwnBoard, OwnAccounts, OwnPremises, PremisesAgreement: independent
	// operation (独立运行) — own board, own accounts, own premises or an
	// agreement for premises (INC-GRAD-01).
	OwnBoard          bool `json:"own_board,omitempty"`
	OwnAccounts       bool `json:"own_accounts,omitempty"`
	OwnPremises       bool `json:"own_premises,omitempty"`
	PremisesAgreement bool `json:"premises_agreement,omitempty"`
	// FormalMembers is the count of formal (正式) party members; PartyForm
	// the form the organization has. Together they decide double
	// incubation (双孵, INC-GRAD-01). Graduate needs FormalMembers (0 when
	// there are none): absent, it is an *InputError, never 0; the other
	// triggers do not read it.
	FormalMembers *int               `json:"formal_members,omitempty" validate:"omitempty,gte=0,lte=1000000"`
	PartyForm     hubrules.PartyForm `json:"party_form,omitempty" validate:"omitempty,enum"`
	// ProjectsDelivered is the count of projects delivered (INC-GRAD-01);
	// Graduate needs it (0 when none), the other triggers do not read it.
	ProjectsDelivered *int `json:"projects_delivered,omitempty" validate:"omitempty,gte=0,lte=1000000"`
	// AssessmentScore is the latest annual assessment (GRD-ANNUAL-01) out
	// of 100, exact to a tenth as grading computes it (pass the
	// grading.AnnualResult's Score as it is); nil when there is none. In
	// JSON it is a number or a quoted decimal with at most one decimal
	// (85, 85.5, "85.5"); more decimals are an InputError naming the field.
	// Its range, 0 to 100, is checked by DecodeFacts, DecodeRequest and
	// Fire (not by a validate tag: validator would compare tenths).
	AssessmentScore *hubrules.Points `json:"assessment_score,omitempty"`
	// SatisfactionPercent is resident (service-user) satisfaction, 0–100,
	// exact to a tenth like AssessmentScore; nil when not measured.
	SatisfactionPercent *hubrules.Points `json:"satisfaction_percent,omitempty"`

	// GovernanceProject is the governance project taken on (INC-GOV-01).
	GovernanceProject GovernanceProject `json:"governance_project,omitempty" validate:"omitempty,enum"`
}

// ScoreOf returns a pointer to a copy of p, for Facts.AssessmentScore and
// Facts.SatisfactionPercent: ScoreOf(hubrules.Pt(60)) is 60,
// ScoreOf(hubrules.MustPoints("59.5")) is 59.5, ScoreOf(result.Score) passes
// a grading result on exactly. (It replaces Score(float64), removed so that
// old calls fail to compile instead of reading Score(60) as 6.0 points.)
func ScoreOf(p hubrules.Points) *hubrules.Points { return &p }

// maxPercent is 100 points, the top of both scores.
const maxPercent = hubrules.Points(1000)

// check validates facts by hand (the hot path); the same limits as the
// validate tags, which DecodeFacts applies.
func (f *Facts) check(p *hubrules.Problems, prefix string) {
	if len(f.Actor) > 200 {
		p.Add(hubrules.JoinPath(prefix, "actor"), "max", "", hubrules.T("经办人不能超过 200 字节", "actor must be at most 200 bytes"))
	}
	if len(f.Note) > 2000 {
		p.Add(hubrules.JoinPath(prefix, "note"), "max", "", hubrules.T("备注不能超过 2000 字节", "note must be at most 2000 bytes"))
	}
	if len(f.Leader) > 200 {
		p.Add(hubrules.JoinPath(prefix, "leader"), "max", "", hubrules.T("负责人不能超过 200 字节", "leader must be at most 200 bytes"))
	}
	if f.EntryMode != "" && !f.EntryMode.Valid() {
		p.Add(hubrules.JoinPath(prefix, "entry_mode"), "enum", string(f.EntryMode), hubrules.UnknownCode("entry_mode", string(f.EntryMode), f.EntryMode))
	}
	if f.Base != "" && !f.Base.Valid() {
		p.Add(hubrules.JoinPath(prefix, "base"), "enum", string(f.Base), hubrules.UnknownCode("base", string(f.Base), f.Base))
	}
	if f.Class != "" && !f.Class.Valid() {
		p.Add(hubrules.JoinPath(prefix, "class"), "enum", string(f.Class), hubrules.UnknownCode("class", string(f.Class), f.Class))
	}
	if f.Registration != "" && !f.Registration.Valid() {
		p.Add(hubrules.JoinPath(prefix, "registration"), "enum", string(f.Registration), hubrules.UnknownCode("registration", string(f.Registration), f.Registration))
	}
	if f.PartyForm != "" && !f.PartyForm.Valid() {
		p.Add(hubrules.JoinPath(prefix, "party_form"), "enum", string(f.PartyForm), hubrules.UnknownCode("party_form", string(f.PartyForm), f.PartyForm))
	}
	if f.GovernanceProject != "" && !f.GovernanceProject.Valid() {
		p.Add(hubrules.JoinPath(prefix, "governance_project"), "enum", string(f.GovernanceProject), hubrules.UnknownCode("governance_project", string(f.GovernanceProject), f.GovernanceProject))
	}
	if f.FormalMembers != nil && (*f.FormalMembers < 0 || *f.FormalMembers > 1000000) {
		p.Add(hubrules.JoinPath(prefix, "formal_members"), "gte", strconv.Itoa(*f.FormalMembers), hubrules.T("正式党员数应在 0 到 1000000 之间", "formal_members must be between 0 and 1000000"))
	}
	if f.ProjectsDelivered != nil && (*f.ProjectsDelivered < 0 || *f.ProjectsDelivered > 1000000) {
		p.Add(hubrules.JoinPath(prefix, "projects_delivered"), "gte", strconv.Itoa(*f.ProjectsDelivered), hubrules.T("完成项目数应在 0 到 1000000 之间", "projects_delivered must be between 0 and 1000000"))
	}
	checkPercent(p, hubrules.JoinPath(prefix, "assessment_score"), f.AssessmentScore, hubrules.T("年度测评得分应在 0 到 100 之间", "assessment_score must be between 0 and 100"))
	checkPercent(p, hubrules.JoinPath(prefix, "satisfaction_percent"), f.SatisfactionPercent, hubrules.T("满意度应在 0 到 100 之间", "satisfaction_percent must be between 0 and 100"))
}

// checkPercent reports a score below 0 (code gte) or above 100 (code lte),
// the codes validator gave these fields when they were validate tags.
func checkPercent(p *hubrules.Problems, path string, v *hubrules.Points, msg hubrules.Text) {
	switch {
	case v == nil:
	case *v < 0:
		p.AddField(hubrules.FieldError{Path: path, Code: "gte", Param: "0", Value: v.String(), Message: msg})
	case *v > maxPercent:
		p.AddField(hubrules.FieldError{Path: path, Code: "lte", Param: "100", Value: v.String(), Message: msg})
	}
}

// DecodeFacts decodes facts from JSON strictly and validates them.
func DecodeFacts(data []byte) (Facts, error) {
	var f Facts
	if err := hubrules.DecodeJSON(data, &f); err != nil {
		return Facts{}, err
	}
	var p hubrules.Problems
	f.check(&p, "")
	if err := p.Err(); err != nil {
		return Facts{}, err
	}
	return f, nil
}

// Name returns the entry mode in Chinese and English.
func (m EntryMode) Name() hubrules.Text {
	switch m {
	case AsOrganization:
		return hubrules.T("以组织入驻", "as an organization")
	case AsProject:
		return hubrules.T("以项目入驻", "as a project")
	}
	return hubrules.T("未知入驻方式", "unknown entry mode")
}

// Codes lists the entry modes (hubrules.Coded).
func (EntryMode) Codes() []hubrules.Code { return hubrules.CodesOf(AsOrganization, AsProject) }

// Name returns the registration status in Chinese and English.
func (r Registration) Name() hubrules.Text {
	switch r {
	case Unregistered:
		return hubrules.T("未登记未备案", "neither registered nor filed")
	case Filed:
		return hubrules.T("已备案", "filed")
	case Registered:
		return hubrules.T("已登记", "registered")
	}
	return hubrules.T("未知登记状态", "unknown registration status")
}

// Codes lists the registration statuses (hubrules.Coded).
func (Registration) Codes() []hubrules.Code { return hubrules.CodesOf(Unregistered, Filed, Registered) }

// Name returns the kind of governance project in Chinese and English.
func (g GovernanceProject) Name() hubrules.Text {
	switch g {
	case NoGovernanceProject:
		return hubrules.T("无", "none")
	case PurchasedService:
		return hubrules.T("承接政府购买服务", "a purchased service")
	case ClaimedProject:
		return hubrules.T("认领社区项目", "a claimed community project")
	}
	return hubrules.T("未知治理项目", "unknown governance project")
}

// Codes lists the kinds of governance project (hubrules.Coded).
func (GovernanceProject) Codes() []hubrules.Code {
	return hubrules.CodesOf(NoGovernanceProject, PurchasedService, ClaimedProject)
}
