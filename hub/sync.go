package hub

import (
	_ "embed"
	"sync/atomic"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/setup"
)

// SyncEventKind is the typed code of an event in an organization's log for
// the six synchronizations. Its JSON form is the snake_case code.
type SyncEventKind string

// The event kinds. Business events open a link; evidence events are the
// party-building steps that must accompany them.
const (
	// EventRegistered: the organization was registered (登记) — SYNC-1 business.
	EventRegistered SyncEventKind = "registered"
	// EventFiled: a community organization was filed (备案) with the street
	// instead of registered — SYNC-1 business.
	EventFiled SyncEventKind = "filed"
	// EventMovedIn: moved into the hub or incubator (入驻/入壳) — SYNC-2
	// business; the first move-in also starts the management link SYNC-3.
	EventMovedIn SyncEventKind = "moved_in"
	// EventWorkPlanSubmitted: party-building work plan (党建工作方案) submitted — SYNC-1 evidence.
	EventWorkPlanSubmitted SyncEventKind = "work_plan_submitted"
	// EventLegalRepInterviewed: interview with the legal representative (法人约谈) — SYNC-1 evidence (jingan).
	EventLegalRepInterviewed SyncEventKind = "legal_rep_interviewed"
	// EventPartyOrgApproved: the party organization's set-up approved (党组织设立审批) — SYNC-1 evidence (wuliqiao).
	EventPartyOrgApproved SyncEventKind = "party_org_approved"
	// EventCensusRecorded: party census recorded (党员情况排摸登记, HUB-CENSUS-01) — SYNC-2 evidence.
	EventCensusRecorded SyncEventKind = "census_recorded"
	// EventJointActivity: a party activity held together with a business
	// activity (公益活动与党建活动同步开展) — SYNC-3 evidence.
	EventJointActivity SyncEventKind = "joint_activity"
	// EventAnnualReportFiled: annual report filed (年检/年报) — SYNC-4
	// business; PartySection says whether it carries a party-building section.
	EventAnnualReportFiled SyncEventKind = "annual_report_filed"
	// EventBoardReelected: board re-elected (换届) — SYNC-5 business.
	EventBoardReelected SyncEventKind = "board_reelected"
	// EventCandidatesReviewed: the party organization reviewed the
	// candidates (人选把关) — SYNC-5 evidence.
	EventCandidatesReviewed SyncEventKind = "candidates_reviewed"
	// EventEvaluated: grading or award evaluation (等级评估/评选) — SYNC-6
	// business; PartyAssessed says whether party building was assessed in it.
	EventEvaluated SyncEventKind = "evaluated"
)

// SyncEventKinds lists every event kind.
func SyncEventKinds() []SyncEventKind {
	return []SyncEventKind{EventRegistered, EventFiled, EventMovedIn, EventWorkPlanSubmitted,
		EventLegalRepInterviewed, EventPartyOrgApproved, EventCensusRecorded, EventJointActivity,
		EventAnnualReportFiled, EventBoardReelected, EventCandidatesReviewed, EventEvaluated}
}

// Valid reports whether k is a known event kind.
func (k SyncEventKind) Valid() bool { return k.index() >= 0 }

func (k SyncEventKind) index() int {
	if len(k) == 0 {
		return -1
	}
	i := syncKindTable[(len(k)*31+int(k[0]))&127]
	if i < 0 || syncKindList[i] != k {
		return -1
	}
	return int(i)
}

// syncKindList is SyncEventKinds in index order; syncKindTable maps a hash of
// a code's length and first byte (distinct for the twelve codes, checked
// when the package loads) to its index, so that the lookup run on every
// event is one table read and one string comparison instead of a 12-way
// switch (measured in bench/: 2–2.5 ns against 4.5–4.8 ns an event).
var (
	syncKindList  = SyncEventKinds()
	syncKindTable = func() (t [128]int8) {
		for i := range t {
			t[i] = -1
		}
		for i, k := range syncKindList {
			h := (len(k)*31 + int(k[0])) & 127
			if t[h] >= 0 {
				panic("hub: event-kind hash collision between " + string(k) + " and " + string(syncKindList[t[h]]))
			}
			t[h] = int8(i)
		}
		return t
	}()
)

// Name returns the event kind in Chinese and English.
func (k SyncEventKind) Name() hubrules.Text {
	if i := k.index(); i >= 0 {
		return syncEventNames[i]
	}
	return hubrules.T("未知事件 "+string(k), "unknown event "+string(k))
}

var syncEventNames = [...]hubrules.Text{
	{ZH: "登记", EN: "registration"},
	{ZH: "备案", EN: "filing"},
	{ZH: "入驻", EN: "move-in"},
	{ZH: "提交党建工作方案", EN: "party-building work plan submitted"},
	{ZH: "法人约谈", EN: "legal-representative interview"},
	{ZH: "党组织设立审批", EN: "party organization set-up approved"},
	{ZH: "党员情况排摸登记", EN: "party census recorded"},
	{ZH: "党建与业务同步活动", EN: "joint party and business activity"},
	{ZH: "年检（年报）", EN: "annual report filed"},
	{ZH: "理事会换届", EN: "board re-election"},
	{ZH: "党组织人选把关", EN: "candidates reviewed by the party organization"},
	{ZH: "等级评估/评选", EN: "grading or award evaluation"},
}

// SyncEvent is one dated event of an organization's log.
type SyncEvent struct {
	// Kind is the event's code.
	Kind SyncEventKind `json:"kind" validate:"enum"`
	// Date is the day the event happened.
	Date hubrules.Date `json:"date" validate:"required"`
	// Ref is an optional reference (document number, minutes) kept for the
	// caller; the check does not read it.
	Ref string `json:"ref,omitempty" validate:"max=200"`
	// PartySection is set on an annual_report_filed event whose report
	// carries a party-building section (SYNC-4). Only that kind may set it.
	PartySection bool `json:"party_section,omitempty"`
	// PartyAssessed is set on an evaluated event in which party building was
	// assessed (SYNC-6). Only that kind may set it.
	PartyAssessed bool `json:"party_assessed,omitempty"`
}

// MaxSyncEvents is the most events one organization's log may hold.
const MaxSyncEvents = 1000

// SyncOrg is the input of the six-synchronization check: an organization,
// the plain facts of its party coverage and its dated event log. The events
// may come in any order; two events of one kind on one day are a duplicate.
type SyncOrg struct {
	// ID identifies the organization in results and findings.
	ID string `json:"id" validate:"required,max=200"`
	// FormalMembers is the count of formal (正式) party members working in
	// it; required (0 when there are none).
	FormalMembers *int `json:"formal_members" validate:"required,gte=0,lte=1000000"`
	// FormalMembersAtRegistration is the count of formal party members on
	// the day of its registration or filing, a fact dated by that event:
	// SYNC-1's joint approval of the party organization's set-up
	// (party_org_approval) applies when it reached the threshold then, not
	// by today's count. Required when the profile requires that approval
	// and the log holds the registration (a missing count is an
	// *hubrules.InputError, never read as 0); not read otherwise.
	FormalMembersAtRegistration *int `json:"formal_members_at_registration,omitempty" validate:"omitempty,gte=0,lte=1000000" doc:"登记（备案）当日的正式党员数；方案要求同步审批党组织设立且日志中有登记时必填 / formal members on the day of registration or filing; required when the profile requires the set-up approval and the log holds the registration"`
	// PartyForm is how its party work is organized today (SYNC-3 coverage).
	PartyForm hubrules.PartyForm `json:"party_form" validate:"enum"`
	// Events is the dated event log.
	Events []SyncEvent `json:"events" validate:"max=1000,dive"`
}

// SyncLink numbers the six links, 1 (SYNC-1) to 6 (SYNC-6).
type SyncLink uint8

// The links.
const (
	LinkRegistration SyncLink = 1 // SYNC-1 登记
	LinkMoveIn       SyncLink = 2 // SYNC-2 入驻
	LinkManagement   SyncLink = 3 // SYNC-3 管理
	LinkAnnualReport SyncLink = 4 // SYNC-4 年检
	LinkReelection   SyncLink = 5 // SYNC-5 换届
	LinkEvaluation   SyncLink = 6 // SYNC-6 评选
)

var syncRuleIDs = [7]string{"", "SYNC-1", "SYNC-2", "SYNC-3", "SYNC-4", "SYNC-5", "SYNC-6"}
var syncLinkCodes = [7]string{"", "registration", "move_in", "management", "annual_report", "reelection", "evaluation"}
var syncLinkNames = [7]hubrules.Text{{},
	{ZH: "登记", EN: "registration"}, {ZH: "入驻", EN: "move-in"}, {ZH: "管理", EN: "management"},
	{ZH: "年检", EN: "annual report"}, {ZH: "换届", EN: "re-election"}, {ZH: "评选", EN: "evaluation"}}

// Valid reports whether l is 1…6.
func (l SyncLink) Valid() bool { return l >= 1 && l <= 6 }

// Rule returns the link's rule ID, "SYNC-1" … "SYNC-6" ("" when invalid).
func (l SyncLink) Rule() string {
	if !l.Valid() {
		return ""
	}
	return syncRuleIDs[l]
}

// Code returns the link's stable code ("registration", "move_in", …).
func (l SyncLink) Code() string {
	if !l.Valid() {
		return ""
	}
	return syncLinkCodes[l]
}

// Name returns the link's name in Chinese and English.
func (l SyncLink) Name() hubrules.Text {
	if !l.Valid() {
		return hubrules.Text{}
	}
	return syncLinkNames[l]
}

// SyncLinks is a set of links as a bit mask: bit l-1 is link l.
type SyncLinks uint8

// AllSyncLinks is the set of all six links.
const AllSyncLinks SyncLinks = 0x3f

// Has reports whether link l is in the set.
func (s SyncLinks) Has(l SyncLink) bool { return l.Valid() && s&(1<<(l-1)) != 0 }

// With returns the set with link l added.
func (s SyncLinks) With(l SyncLink) SyncLinks {
	if !l.Valid() {
		return s
	}
	return s | 1<<(l-1)
}

// Len returns the number of links in the set.
func (s SyncLinks) Len() int {
	n := 0
	for l := LinkRegistration; l <= LinkEvaluation; l++ {
		if s.Has(l) {
			n++
		}
	}
	return n
}

// Rules returns the rule IDs of the links in the set, in order.
func (s SyncLinks) Rules() []string {
	out := make([]string, 0, 6)
	for l := LinkRegistration; l <= LinkEvaluation; l++ {
		if s.Has(l) {
			out = append(out, syncRuleIDs[l])
		}
	}
	return out
}

// SyncProfile names a programme's variant of the check.
type SyncProfile string

// The profiles.
const (
	// ProfileSixSync is kaixuan's 双孵六同步: all six links.
	ProfileSixSync SyncProfile = "six_sync"
	// ProfileJingan is jingan's 同步把好党建关: SYNC-1 (work plan and
	// legal-representative interview), SYNC-4 and SYNC-6.
	ProfileJingan SyncProfile = "jingan_sync"
	// ProfileThreeSync is wuliqiao's 双培三同步: SYNC-1 (set-up approval),
	// SYNC-3 and SYNC-6.
	ProfileThreeSync SyncProfile = "three_sync"
)

// Valid reports whether p is a known profile.
func (p SyncProfile) Valid() bool {
	return p == ProfileSixSync || p == ProfileJingan || p == ProfileThreeSync
}

// Name returns the profile's name in Chinese and English.
func (p SyncProfile) Name() hubrules.Text {
	switch p {
	case ProfileSixSync:
		return hubrules.T("双孵六同步", "double incubation, six synchronizations")
	case ProfileJingan:
		return hubrules.T("登记、年检、评估同步把好党建关", "party building synchronized at registration, annual report and grading")
	case ProfileThreeSync:
		return hubrules.T("双培三同步", "double cultivation, three synchronizations")
	}
	return hubrules.T("未知方案 "+string(p), "unknown profile "+string(p))
}

// The party-building steps SYNC-1 may require (param sync1_requires).
const (
	Sync1WorkPlan          = "work_plan"
	Sync1LegalRepInterview = "legal_rep_interview"
	Sync1PartyOrgApproval  = "party_org_approval"
)

// SyncParams are the parameters of the six-synchronization check for one
// programme and date (sync_params.yaml).
type SyncParams struct {
	// Profile names the programme's variant.
	Profile SyncProfile `param:"sync_profile" validate:"enum"`
	// Links are the link numbers that apply (1…6).
	Links []int `param:"sync_links" validate:"min=1,max=6,dive,min=1,max=6"`
	// SYNC1Requires lists the steps SYNC-1 must see: work_plan,
	// legal_rep_interview, party_org_approval.
	SYNC1Requires []string `param:"sync1_requires" validate:"min=1,max=3,dive,oneof=work_plan legal_rep_interview party_org_approval"`
	// PlanMaxDaysAfter: the work plan is on time when submitted at most this
	// many days after registration (0: on or before the registration day).
	PlanMaxDaysAfter int `param:"sync1_plan_max_days_after" validate:"gte=0,lte=3660"`
	// InterviewMaxDaysAfter: the legal-representative interview is on time
	// when at most this many days after registration.
	InterviewMaxDaysAfter int `param:"sync1_interview_max_days_after" validate:"gte=0,lte=3660"`
	// ApprovalMaxDays: the party organization's set-up approval is
	// "together with" the registration when at most this many days from it,
	// before or after.
	ApprovalMaxDays int `param:"sync1_approval_max_days" validate:"gte=0,lte=3660"`
	// ApprovalMinMembers: the approval is required only when the
	// organization had this many formal members at registration
	// (SyncOrg.FormalMembersAtRegistration).
	ApprovalMinMembers int `param:"sync1_approval_min_members" validate:"gte=1,lte=1000"`
	// CensusMaxDays: the census is on time when at most this many days
	// after the move-in.
	CensusMaxDays int `param:"sync2_census_max_days" validate:"gte=0,lte=3660"`
	// OwnBranchMinMembers: from this many formal members an own branch is
	// required; from 1 a joint or activity branch; with none a liaison.
	OwnBranchMinMembers int `param:"form.own_branch_min_formal" validate:"gte=2,lte=1000"`
	// MinJointPerQuarter is the fewest joint activities in each quarter.
	MinJointPerQuarter int `param:"sync3_min_joint_per_quarter" validate:"gte=1,lte=1000"`
	// QuartersReviewed is the number of most recent complete quarters reviewed.
	QuartersReviewed int `param:"sync3_quarters_reviewed" validate:"gte=1,lte=40"`
	// DeadlineMonth and DeadlineDay are the day of the year after a report
	// year by which its annual report is filed (SYNC-4; nationally 5-31).
	DeadlineMonth int `param:"sync4_deadline_month" validate:"gte=1,lte=12"`
	DeadlineDay   int `param:"sync4_deadline_day" validate:"gte=1,lte=31"`
	// MinMonthsRegistered: a year is a report year of the organization when
	// it had been registered, and in the hub, more than this many months by
	// the year's end (nationally 6: 截至上年度12月31日成立登记时间未超过6个月的不参加当年的年检).
	MinMonthsRegistered int `param:"sync4_min_months_registered" validate:"gte=0,lte=12"`
}

// syncMonthDays are the days of each month in every year (February 28).
var syncMonthDays = [13]int{0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

//go:embed sync_params.yaml
var syncParamsYAML []byte

// DecodeSyncOrg decodes one organization's JSON input strictly (unknown
// fields, wrong types, malformed dates) and validates its fields; every
// problem is an *hubrules.InputError naming the field. Checks that need the
// evaluation date (events after it, order against the registration,
// duplicates) are made by Check.
func DecodeSyncOrg(data []byte) (SyncOrg, error) {
	var org SyncOrg
	if err := hubrules.DecodeJSON(data, &org); err != nil {
		return SyncOrg{}, err
	}
	return org, nil
}

// ResolveSync returns the parameters of the six synchronizations for
// programme on date, with their basis: from the shipped DefaultParamSet, or
// as chosen with WithParams or WithResolved. NewSyncChecker resolves
// through it.
func ResolveSync(programme hubrules.Programme, date hubrules.Date, opts ...Option) (SyncParams, hubrules.Basis, error) {
	return setup.Resolve(opts, DefaultParamSet, programme, date, setup.FromSet[SyncParams])
}

// SyncChecker checks organizations against one programme's profile of the
// six synchronizations. It is prepared once from the parameters, never
// changes afterwards and is safe for concurrent use. A check as of another
// date than the checker's resolves the parameters for that date again from
// the same set (a checker built WithResolved refuses it with
// hubrules.OtherDate); on its own date a check allocates nothing. A link
// whose parameters are not in force on the date answers not_in_force.
type SyncChecker struct {
	params SyncParams
	basis  hubrules.Basis
	links  SyncLinks
	// nif are the links not in force on the checker's date, and unset the
	// parameters each of them lacks (index = link).
	nif   SyncLinks
	unset [7][]hubrules.Unset
	// set is the parameter set resolved from (nil: WithResolved); other
	// the checker last prepared from it for another date.
	set       *hubrules.ParamSet
	other     atomic.Pointer[SyncChecker]
	reqPlan   bool
	reqIntvw  bool
	reqApprov bool
	// win is SYNC-3's quarter window for winAsOf, the basis date (zero:
	// none), so that checks as of that date do not recompute it.
	winAsOf hubrules.Date
	win     syncWindow
}

// NewSyncChecker prepares a checker with the parameters for programme in
// effect on date: by default the shipped DefaultParamSet, or those chosen
// with WithParams or WithResolved. The parameters are validated; the basis
// is recorded in every report. An unknown programme, a missing date or a
// bad value is an *InputError.
func NewSyncChecker(programme hubrules.Programme, date hubrules.Date, opts ...Option) (*SyncChecker, error) {
	p, basis, err := ResolveSync(programme, date, opts...)
	if err != nil {
		return nil, err
	}
	return newSyncChecker(p, basis, sourceSet(opts))
}

// at returns the checker for a check as of asOf: c on its own date (or
// when asOf is zero, which the check refuses itself), else one resolved
// for asOf from c's set, or hubrules.OtherDate when c has none.
func (c *SyncChecker) at(asOf hubrules.Date) (*SyncChecker, error) {
	return forDate(c, c.basis, asOf, c.set, &c.other, func(o *SyncChecker) hubrules.Date { return o.basis.AsOf }, NewSyncChecker)
}

// syncLinkParams returns the parameters link l reads under p: the profile
// and links always; SYNC-1 the steps it requires and the window of each
// (a step not required reads none); SYNC-2 the census window; SYNC-3 the
// own-branch threshold and the activity count and quarters.
func syncLinkParams(l SyncLink, p SyncParams, requiresKnown bool) []string {
	names := []string{"sync_profile", "sync_links"}
	switch l {
	case LinkRegistration:
		names = append(names, "sync1_requires")
		if !requiresKnown {
			break
		}
		for _, r := range p.SYNC1Requires {
			switch r {
			case Sync1WorkPlan:
				names = append(names, "sync1_plan_max_days_after")
			case Sync1LegalRepInterview:
				names = append(names, "sync1_interview_max_days_after")
			case Sync1PartyOrgApproval:
				names = append(names, "sync1_approval_max_days", "sync1_approval_min_members")
			}
		}
	case LinkMoveIn:
		names = append(names, "sync2_census_max_days")
	case LinkManagement:
		names = append(names, "form.own_branch_min_formal", "sync3_min_joint_per_quarter", "sync3_quarters_reviewed")
	case LinkAnnualReport:
		names = append(names, "sync4_deadline_month", "sync4_deadline_day", "sync4_min_months_registered")
	}
	return names
}

func newSyncChecker(p SyncParams, basis hubrules.Basis, set *hubrules.ParamSet) (*SyncChecker, error) {
	if err := hubrules.ValidateParams(&p, basis); err != nil {
		return nil, err
	}
	if !basis.HasMissing("sync4_deadline_month") && !basis.HasMissing("sync4_deadline_day") && p.DeadlineDay > syncMonthDays[p.DeadlineMonth] {
		return nil, hubrules.NewInputError(hubrules.FieldError{Path: "sync4_deadline_day", Code: "range", Value: syncItoa(p.DeadlineDay),
			Message: hubrules.T("年报截止日 "+syncItoa(p.DeadlineMonth)+" 月 "+syncItoa(p.DeadlineDay)+" 日不是每年都有的日期",
				"the annual-report deadline "+syncItoa(p.DeadlineMonth)+"-"+syncItoa(p.DeadlineDay)+" is not a day of every year")})
	}
	c := &SyncChecker{params: p, basis: basis, set: set}
	if basis.HasMissing("sync_links") {
		// Without the profile's links every link is reported not in force.
		p.Links = []int{1, 2, 3, 4, 5, 6}
	}
	for _, l := range p.Links {
		link := SyncLink(l)
		if u := basis.Unset(syncLinkParams(link, p, !basis.HasMissing("sync1_requires"))...); len(u) > 0 {
			c.nif = c.nif.With(link)
			c.unset[link] = u
		}
	}
	c.params.Links = append([]int(nil), p.Links...)
	c.params.SYNC1Requires = append([]string(nil), p.SYNC1Requires...)
	for _, l := range p.Links {
		c.links = c.links.With(SyncLink(l))
	}
	if !basis.AsOf.IsZero() && !c.nif.Has(LinkManagement) {
		c.winAsOf = basis.AsOf
		c.win.init(basis.AsOf, p.QuartersReviewed)
	}
	for _, r := range p.SYNC1Requires {
		switch r {
		case Sync1WorkPlan:
			c.reqPlan = true
		case Sync1LegalRepInterview:
			c.reqIntvw = true
		case Sync1PartyOrgApproval:
			c.reqApprov = true
		}
	}
	return c, nil
}

// Params returns a copy of the checker's parameters.
func (c *SyncChecker) Params() SyncParams {
	p := c.params
	p.Links = append([]int(nil), c.params.Links...)
	p.SYNC1Requires = append([]string(nil), c.params.SYNC1Requires...)
	return p
}

// Basis returns the programme, date and parameter values the checker uses
// (a copy: editing it does not change the checker).
func (c *SyncChecker) Basis() hubrules.Basis { return c.basis.Clone() }

// Profile returns the profile the checker applies.
func (c *SyncChecker) Profile() SyncProfile { return c.params.Profile }

// Links returns the set of links the profile checks.
func (c *SyncChecker) Links() SyncLinks { return c.links }

// Codes lists the event kinds (hubrules.Coded).
func (SyncEventKind) Codes() []hubrules.Code { return hubrules.CodesOf(SyncEventKinds()...) }
